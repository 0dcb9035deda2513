//! `hep render`: plan -> PDF.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::RenderArgs;
use crate::commands::library_sources;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::layout::lay_out;
use crate::load::clinic::Clinic;
use crate::load::library::Library;
use crate::load::plan::Plan;
use crate::load::source::SourceFile;
use crate::output::{write_atomically, write_stdout};
use crate::paint::paint;
use crate::resolve::picture::PictureLoader;
use crate::resolve::resolve;

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
    let plan_source = if from_stdin {
        SourceFile::read_stdin()?
    } else {
        SourceFile::read(&args.plan).map_err(|error| error.in_file(&args.plan))?
    };
    let plan = Plan::load(plan_source)?;
    let clinic = load_clinic(&plan, args.clinic.as_deref())?;
    let library = Library::load(&library_sources(&args.library))?;
    let pictures = PictureLoader::new();
    let today = jiff::ZonedDateTime::now().date();
    let handout = resolve(&plan, clinic.as_ref(), &library, &pictures, today)?;
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

/// The clinic from `--clinic`/HEP_CLINIC, else the plan's `clinic:` (relative to the plan).
fn load_clinic(plan: &Plan, flag: Option<&Path>) -> Result<Option<Clinic>, Diagnostic> {
    let path = match (flag, &plan.clinic) {
        (Some(path), _) => path.to_path_buf(),
        (None, Some((relative, position))) => {
            let path = plan.source.base_dir().join(relative);
            if !path.is_file() {
                return Err(plan
                    .error_at(
                        format!("the clinic file `{}` does not exist", path.display()),
                        *position,
                    )
                    .with_hint("the path is relative to the plan file; check its spelling"));
            }
            path
        }
        (None, None) => return Ok(None),
    };
    let source = SourceFile::read(&path)?;
    Clinic::load(source).map(Some)
}
