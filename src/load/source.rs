//! A text file as the user wrote it, kept whole so that errors can quote its lines.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::bounded_read::{ReadError, read_at_most, read_input_file};

/// YAML files larger than this are refused: a plan or exercise is a page of text, not a megabyte.
pub const MAX_YAML_BYTES: u64 = 1024 * 1024;

/// Where a source file lives, which decides how the files it names are found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk; relative names are resolved against its folder.
    Disk,
    /// A file of the bundled library compiled into the binary.
    Bundled,
    /// Standard input; relative names are resolved against the working folder.
    Stdin,
}

/// The text of one input file and the name to show for it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user named it (or `<stdin>`, or `bundled:library/...`).
    pub path: PathBuf,
    /// The whole text of the file.
    pub text: String,
    /// Where it came from.
    pub origin: Origin,
}

impl SourceFile {
    /// Reads a YAML file from disk, refusing unreadable, huge or non-UTF-8 files, and
    /// anything that is not a regular file (a FIFO, a device).
    pub fn read(path: &Path) -> Result<SourceFile, Diagnostic> {
        let bytes = read_input_file(path, MAX_YAML_BYTES).map_err(|error| {
            let hint = match error {
                ReadError::NotFound => {
                    "check the spelling of the path, relative to the folder you run hep from"
                }
                ReadError::TooLarge { .. } | ReadError::NotRegular(_) | ReadError::Folder => {
                    "check that this is the YAML file you meant"
                }
                _ => "check that the file exists and that you may read it",
            };
            let kind = match &error {
                ReadError::NotFound => Kind::MissingFile,
                ReadError::TooLarge { .. } => Kind::TooLarge,
                ReadError::NotRegular(_) | ReadError::Folder => Kind::BadValue,
                _ => Kind::Io,
            };
            let message = match error {
                ReadError::TooLarge { .. } => format!(
                    "`{}` is larger than {} KiB, too large for a plan, clinic or exercise file",
                    path.display(),
                    MAX_YAML_BYTES / 1024
                ),
                other => format!("cannot read `{}`: {other}", path.display()),
            };
            Diagnostic::error(message)
                .with_kind(kind)
                .in_file(path)
                .with_hint(hint)
        })?;
        let text = decode(bytes, path)?;
        Ok(SourceFile {
            path: path.to_path_buf(),
            text,
            origin: Origin::Disk,
        })
    }

    /// Reads standard input as a YAML file named `<stdin>`.
    pub fn read_stdin() -> Result<SourceFile, Diagnostic> {
        Self::from_reader(
            std::io::stdin().lock(),
            PathBuf::from("<stdin>"),
            Origin::Stdin,
        )
    }

    /// A file compiled into the binary.
    pub fn bundled(path: &Path, bytes: &[u8]) -> Result<SourceFile, Diagnostic> {
        let text = decode(bytes.to_vec(), path)?;
        Ok(SourceFile {
            path: Path::new("bundled:library").join(path),
            text,
            origin: Origin::Bundled,
        })
    }

    /// The folder that relative file names in this file are resolved against.
    pub fn base_dir(&self) -> PathBuf {
        match self.origin {
            Origin::Disk => self
                .path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            Origin::Stdin => PathBuf::from("."),
            Origin::Bundled => self
                .path
                .strip_prefix("bundled:library")
                .ok()
                .and_then(Path::parent)
                .map(Path::to_path_buf)
                .unwrap_or_default(),
        }
    }

    fn from_reader(
        reader: impl Read,
        path: PathBuf,
        origin: Origin,
    ) -> Result<SourceFile, Diagnostic> {
        let bytes = read_at_most(reader, MAX_YAML_BYTES).map_err(|error| match error {
            ReadError::TooLarge { .. } => Diagnostic::error(format!(
                "`{}` is larger than {} KiB, too large for a plan, clinic or exercise file",
                path.display(),
                MAX_YAML_BYTES / 1024
            ))
            .with_kind(Kind::TooLarge)
            .in_file(&path)
            .with_hint("check that this is the YAML file you meant"),
            other => Diagnostic::error(format!("cannot read `{}`: {other}", path.display()))
                .with_kind(Kind::Io)
                .in_file(&path)
                .with_hint("check that the file is readable, then try again"),
        })?;
        let text = decode(bytes, &path)?;
        Ok(SourceFile { path, text, origin })
    }
}

fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, Diagnostic> {
    let mut text = String::from_utf8(bytes).map_err(|error| {
        Diagnostic::error(format!(
            "`{}` is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            error.utf8_error().valid_up_to()
        ))
        .with_kind(Kind::YamlSyntax)
        .in_file(path)
        .with_hint("save the file as UTF-8 in your editor")
    })?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    Ok(text)
}

/// The reason of an I/O error without Rust's "(os error 2)" suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_string(),
                None => text,
            }
        }
    }
}
