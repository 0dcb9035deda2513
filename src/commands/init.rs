//! `hep init DIR`: a ready clinic folder with a commented clinic file, a library folder with
//! one example exercise, a sample plan, a short guide, and the JSON Schemas that the YAML
//! files name on their first line for editors.

use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::clinic_folder::{LIBRARY_FOLDER, SCHEMA_FOLDER};
use crate::commands::CommandResult;
use crate::commands::schema::completions;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::load::library::{Library, LibrarySources};
use crate::output::Messages;
use crate::output::file::{WriteError, write_inside};
use crate::schema::{Format, schema_text};

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
pub fn run(args: InitArgs, messages: Messages) -> CommandResult {
    let root = &args.dir;
    let schema_files: Vec<PathBuf> = Format::ALL
        .iter()
        .map(|format| Path::new(SCHEMA_FOLDER).join(format.file_name()))
        .collect();
    let existing: Vec<String> = FILES
        .iter()
        .map(|(name, _)| PathBuf::from(name))
        .chain(schema_files.iter().cloned())
        .map(|name| root.join(name))
        // A dangling link is something there too: never write through it.
        .filter(|path| std::fs::symlink_metadata(path).is_ok())
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
    std::fs::create_dir_all(root).map_err(|error| {
        WriteError::io(
            format!("cannot create `{}`: {error}", root.display()),
            &error,
        )
    })?;
    for (name, text) in FILES {
        let path = root.join(name);
        write_inside(root, Path::new(name), text.as_bytes())?;
        messages.detail(format_args!("Wrote {}", path.display()));
    }
    // The schemas, with the folder's own exercise ids among the completions.
    let library = Library::load(&LibrarySources {
        bundled: true,
        folders: vec![root.join(LIBRARY_FOLDER)],
    })?;
    let completions = completions(&library);
    for (format, name) in Format::ALL.iter().zip(&schema_files) {
        write_inside(root, name, schema_text(*format, &completions).as_bytes())?;
        messages.detail(format_args!("Wrote {}", root.join(name).display()));
    }
    let shown = if root == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", root.display())
    };
    messages.info(format_args!(
        "Created a clinic folder in {}. Next: edit clinic.yaml, then\n  {shown}hep render plans/sample.yaml",
        root.display()
    ));
    Ok(())
}
