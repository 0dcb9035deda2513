//! The write policy for a handout: where its PDF goes, when it is rewritten (not when the same
//! bytes are already there, unless forced), which folders may be made, and the calendar
//! reminder written beside it. Files are written by [`crate::output::file`]: atomically,
//! never over an input.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};
use crate::output::file::{WriteError, holds_bytes, write_file, write_stdout};

/// Where one plan's PDF goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A file, written atomically.
    File(PathBuf),
    /// Standard output.
    Stdout,
}

/// How PDFs are written.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Rewrite even when the bytes are the same.
    pub force: bool,
    /// Create missing folders (under `--out-dir`).
    pub create_folders: bool,
    /// Also write the follow-up as an .ics file beside the PDF.
    pub calendar: bool,
}

/// What the write step did.
pub struct Written {
    /// Written; `false` when left alone because the same bytes were there.
    pub changed: bool,
    /// The calendar file beside the PDF, when one was written (or was already there).
    pub calendar: Option<PathBuf>,
}

/// The write step: the PDF to its file (atomically; left alone when it already holds the same
/// bytes, unless forced) or to standard output, then its calendar reminder beside it. A
/// failure names the file that could not be written.
pub fn write_handout(
    destination: &Destination,
    pdf: &[u8],
    calendar: Option<&str>,
    options: &WriteOptions,
) -> Result<Written, Diagnostic> {
    let path = match destination {
        Destination::Stdout => {
            write_stdout(pdf).map_err(|error| cannot_write(&error, None))?;
            return Ok(Written {
                changed: true,
                calendar: None,
            });
        }
        Destination::File(path) => path,
    };
    let changed = options.force || !holds_bytes(path, pdf);
    if changed {
        create_parent(path, options.create_folders)?;
        write_file(path, pdf).map_err(|error| cannot_write(&error, Some(path)))?;
    }
    let calendar = match calendar {
        Some(text) => {
            let ics = path.with_extension("ics");
            if options.force || !holds_bytes(&ics, text.as_bytes()) {
                write_file(&ics, text.as_bytes())
                    .map_err(|error| cannot_write(&error, Some(&ics)))?;
            }
            Some(ics)
        }
        None => None,
    };
    Ok(Written { changed, calendar })
}

/// What to check when a file cannot be written.
pub const WRITE_HINT: &str =
    "check that the folder exists, that you may write to it, and that the disk has room";

/// A failure to write, naming the file written so that scripts see which one.
fn cannot_write(error: &WriteError, path: Option<&Path>) -> Diagnostic {
    let problem = Diagnostic::error(error.message.clone())
        .with_kind(error.kind)
        .with_hint(WRITE_HINT);
    match path {
        Some(path) => problem.in_file(path),
        None => problem,
    }
}

/// Creates the folder of `path` when asked to.
fn create_parent(path: &Path, create: bool) -> Result<(), Diagnostic> {
    match path.parent() {
        Some(parent) if create && !parent.as_os_str().is_empty() => std::fs::create_dir_all(parent)
            .map_err(|error| {
                Diagnostic::error(format!(
                    "cannot create the folder `{}`: {error}",
                    parent.display()
                ))
                .with_kind(Kind::of_io(&error))
                .in_file(path)
                .with_hint(WRITE_HINT)
            }),
        _ => Ok(()),
    }
}
