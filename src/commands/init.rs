//! `hep init DIR`: a ready clinic folder with a commented clinic file, a library folder with
//! one example exercise, a sample plan and a short guide.

use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::InitArgs;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::output::Messages;

/// The files `hep init` writes, relative to the new folder.
const FILES: [(&str, &str); 4] = [
    (
        "clinic.yaml",
        include_str!("../../templates/init/clinic.yaml"),
    ),
    (
        "library/band-walk.yaml",
        include_str!("../../templates/init/library/band-walk.yaml"),
    ),
    (
        "plans/sample.yaml",
        include_str!("../../templates/init/plans/sample.yaml"),
    ),
    (
        "README.txt",
        include_str!("../../templates/init/README.txt"),
    ),
];

/// Writes the clinic folder, refusing to overwrite anything already there.
pub fn run(args: InitArgs, messages: Messages) -> Result<()> {
    let root = &args.dir;
    let existing: Vec<String> = FILES
        .iter()
        .map(|(name, _)| root.join(name))
        .filter(|path| path.exists())
        .map(|path| format!("`{}`", path.display()))
        .collect();
    if !existing.is_empty() {
        return Err(Diagnostics::from(
            Diagnostic::error(format!("{} already exist", existing.join(", ")))
                .with_kind(Kind::Conflict)
                .with_hint("choose a new folder; hep init never overwrites files"),
        )
        .into());
    }
    for (name, text) in FILES {
        let path = root.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        std::fs::write(&path, text)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        messages.detail(format_args!("Wrote {}", path.display()));
    }
    let shown = if root == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", root.display())
    };
    messages.info(format_args!(
        "Created a clinic folder in {}. Next: edit clinic.yaml, then\n  {shown}hep render plans/sample.yaml --library library",
        root.display()
    ));
    Ok(())
}
