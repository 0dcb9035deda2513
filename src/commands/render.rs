//! `hep render`: plan -> PDF.

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::RenderArgs;
use crate::commands::library_sources;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::layout::lay_out;
use crate::output::{write_atomically, write_stdout};
use crate::paint::paint;
use crate::workspace::{PlanInput, Workspace};

/// Where the PDF goes.
enum Destination {
    File(PathBuf),
    Stdout,
}

/// Renders one plan and writes the PDF, or explains why not.
pub fn run(args: RenderArgs) -> Result<()> {
    let from_stdin = args.plan.as_os_str() == "-";
    let destination = match &args.output {
        Some(path) if path.as_os_str() == "-" => Destination::Stdout,
        Some(path) => Destination::File(path.clone()),
        None if from_stdin => {
            return Err(Diagnostics::from(
                Diagnostic::error(
                    "the plan comes from standard input, so there is no file name for the PDF",
                )
                .with_hint("say where it goes: `-o jane.pdf`, or `-o -` for standard output"),
            )
            .into());
        }
        None => Destination::File(args.plan.with_extension("pdf")),
    };
    let workspace = Workspace::load(&library_sources(&args.library), args.clinic.clone())?;
    let plan = workspace.plan(if from_stdin {
        PlanInput::Stdin
    } else {
        PlanInput::File(&args.plan)
    })?;
    let handout = workspace.handout(&plan)?;
    let document = lay_out(&handout);
    let bytes = paint(&document).map_err(|reason| anyhow::anyhow!("error: {reason}"))?;
    match destination {
        Destination::Stdout => write_stdout(&bytes)?,
        Destination::File(path) => {
            write_atomically(&path, &bytes)?;
            eprintln!(
                "Wrote {} ({} {}, {} {})",
                path.display(),
                document.pages.len(),
                if document.pages.len() == 1 {
                    "page"
                } else {
                    "pages"
                },
                handout.cards.len(),
                if handout.cards.len() == 1 {
                    "exercise"
                } else {
                    "exercises"
                },
            );
        }
    }
    Ok(())
}
