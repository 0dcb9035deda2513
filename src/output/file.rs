//! Writing files so that a failure never leaves a broken or half-written file behind, never
//! replaces an input, and treats what is already at the path as a Unix tool would:
//!
//! - a missing path or a regular file is written atomically, into a temporary file in the same
//!   folder that is then renamed over it; a new file gets the usual `0666` minus the umask, a
//!   replaced one keeps its mode and, where permitted, its owner and group;
//! - a symbolic link to a regular file replaces the file it points to, and stays a link;
//! - a device, FIFO or `/dev/stdout` is written into directly: it is not replaced.

use std::fs::{Metadata, OpenOptions, Permissions};
use std::io::Write;
use std::os::fd::AsFd;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Kind;

use crate::load::bounded_read::{input_file_at, read_regular_file};
use crate::output::interrupt;
use crate::output::staged::{self, Staged};

/// A file hep could not write: what to tell the user, naming the file, and what kind of
/// problem it is (from the I/O error behind it, when there is one).
#[derive(Debug)]
pub struct WriteError {
    /// "cannot write `x.pdf`: permission denied".
    pub message: String,
    /// [`Kind::MissingFile`] for a missing folder, else [`Kind::Io`].
    pub kind: Kind,
}

impl WriteError {
    /// A write hep refuses or cannot do, with no I/O error behind it.
    pub fn refused(message: impl Into<String>) -> WriteError {
        WriteError {
            message: message.into(),
            kind: Kind::Io,
        }
    }

    /// A write that failed with `error`.
    pub fn io(message: impl Into<String>, error: &std::io::Error) -> WriteError {
        WriteError {
            message: message.into(),
            kind: Kind::of_io(error),
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WriteError {}

/// The result of writing.
pub type Result<T> = std::result::Result<T, WriteError>;

/// Writes `bytes` to `path` following the rules of this module, refusing to write over any
/// file this run read as an input.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    refuse_inputs(path)?;
    let existing = match std::fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return write_replacing(path, bytes, None, path);
        }
        Err(error) => {
            return Err(WriteError::io(
                format!("cannot write `{}`: {}", path.display(), reason(&error)),
                &error,
            ));
        }
    };
    // What the path leads to, through any links.
    let target = match std::fs::metadata(path) {
        Ok(target) => target,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(WriteError::refused(format!(
                "cannot write `{}`: it is a symbolic link to a file that does not exist",
                path.display()
            )));
        }
        Err(error) => {
            return Err(WriteError::io(
                format!("cannot write `{}`: {}", path.display(), reason(&error)),
                &error,
            ));
        }
    };
    if target.is_dir() {
        return Err(WriteError::refused(format!(
            "cannot write `{}`: it is a folder",
            path.display()
        )));
    }
    if !target.is_file() || is_process_stream(path) {
        return write_into(path, bytes, target.is_file());
    }
    if existing.file_type().is_symlink() {
        let real = std::fs::canonicalize(path).map_err(|error| {
            WriteError::io(
                format!("cannot write `{}`: {}", path.display(), reason(&error)),
                &error,
            )
        })?;
        return write_replacing(&real, bytes, Some(&target), path);
    }
    write_replacing(path, bytes, Some(&target), path)
}

/// Writes `bytes` to `relative` inside the folder `root`, creating folders as needed, and
/// never following a symbolic link below `root`: a link there is refused, so nothing is ever
/// written outside the folder given.
pub fn write_inside(root: &Path, relative: &Path, bytes: &[u8]) -> Result<()> {
    let path = path_inside(root, relative, true)?;
    match std::fs::symlink_metadata(&path) {
        Ok(metadata) => write_replacing(&path, bytes, Some(&metadata), &path),
        Err(_) => write_replacing(&path, bytes, None, &path),
    }
}

/// Checks that [`write_inside`] could write `relative` inside `root` without following a
/// link or replacing a folder, and creates nothing: to refuse before anything is written.
pub fn check_inside(root: &Path, relative: &Path) -> Result<()> {
    path_inside(root, relative, false).map(drop)
}

/// `root/relative` when every part of it below `root` is a real folder (or missing) and the
/// last a regular file (or missing); missing folders are created when `create` is set.
fn path_inside(root: &Path, relative: &Path, create: bool) -> Result<PathBuf> {
    let mut path = root.to_path_buf();
    let parts: Vec<&std::ffi::OsStr> = relative
        .components()
        .map(|component| match component {
            Component::Normal(part) => Ok(part),
            _ => Err(WriteError::refused(format!(
                "cannot write `{}`: the name leaves the folder `{}`",
                relative.display(),
                root.display()
            ))),
        })
        .collect::<Result<_>>()?;
    let Some((file_name, folders)) = parts.split_last() else {
        return Err(WriteError::refused(format!(
            "cannot write a file with no name into `{}`",
            root.display()
        )));
    };
    let mut missing = false;
    for folder in folders {
        path.push(folder);
        if missing {
            if create {
                create_folder(&path)?;
            }
            continue;
        }
        match std::fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => return Err(link_inside(&path)),
            Ok(metadata) if metadata.is_dir() => {}
            Ok(_) => {
                return Err(WriteError::refused(format!(
                    "cannot create the folder `{}`: a file of that name is in the way",
                    path.display()
                )));
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                missing = true;
                if create {
                    create_folder(&path)?;
                }
            }
            Err(error) => {
                return Err(WriteError::io(
                    format!("cannot write `{}`: {}", path.display(), reason(&error)),
                    &error,
                ));
            }
        }
    }
    path.push(file_name);
    if missing {
        return Ok(path);
    }
    refuse_inputs(&path)?;
    match std::fs::symlink_metadata(&path) {
        Ok(metadata) if metadata.file_type().is_symlink() => Err(link_inside(&path)),
        Ok(metadata) if metadata.is_file() => Ok(path),
        Ok(_) => Err(WriteError::refused(format!(
            "cannot write `{}`: something other than a file is there (a folder or a device)",
            path.display()
        ))),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(path),
        Err(error) => Err(WriteError::io(
            format!("cannot write `{}`: {}", path.display(), reason(&error)),
            &error,
        )),
    }
}

fn create_folder(path: &Path) -> Result<()> {
    std::fs::create_dir(path).map_err(|error| {
        WriteError::io(
            format!(
                "cannot create the folder `{}`: {}",
                path.display(),
                reason(&error)
            ),
            &error,
        )
    })
}

fn link_inside(path: &Path) -> WriteError {
    WriteError::refused(format!(
        "cannot write `{}`: it is a symbolic link, and hep never writes through links inside \
         the folder it fills; remove the link or choose another folder",
        path.display()
    ))
}

/// Refuses `path` when it is (or links to) a file this run read: the plan, the clinic file,
/// the logo, a library file or a picture.
fn refuse_inputs(path: &Path) -> Result<()> {
    if let Some(input) = input_file_at(path) {
        let same_name = input == path;
        return Err(WriteError::refused(format!(
            "refusing to write `{}`: it is {}, a file this handout is made from; \
             hep never writes over its inputs. Name the output differently (for example \
             `-o {}`)",
            path.display(),
            if same_name {
                "an input".to_string()
            } else {
                format!("the input `{}`", input.display())
            },
            suggested_name(path).display()
        )));
    }
    Ok(())
}

/// `plan.pdf` for `plan.yaml`, `plan-handout.pdf` for a plan already named `plan.pdf`.
fn suggested_name(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "handout".to_string());
    let name = if path.extension().is_some_and(|extension| extension == "pdf") {
        format!("{stem}-handout.pdf")
    } else {
        format!("{stem}.pdf")
    };
    path.with_file_name(name)
}

/// `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`: names of an open stream of this process,
/// written into even when it is redirected to a regular file, as `>>` or a pipe expects.
fn is_process_stream(path: &Path) -> bool {
    path.starts_with("/dev/") || path.starts_with("/proc/")
}

/// Writes into a device, FIFO or stream in place.
fn write_into(path: &Path, bytes: &[u8], truncate: bool) -> Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .truncate(truncate)
        .open(path)
        .map_err(|error| {
            WriteError::io(
                format!("cannot write `{}`: {}", path.display(), reason(&error)),
                &error,
            )
        })?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|error| {
            WriteError::io(
                format!("cannot write `{}`: {}", path.display(), reason(&error)),
                &error,
            )
        })
}

/// Writes `path` atomically through a temporary file beside it. `existing` is the file being
/// replaced, whose mode, owner and group the new one keeps; `named` is the path the caller gave,
/// a link to `path` or `path` itself. Within a [`staged::batch`], the temporary file is left to
/// the batch to flush and rename.
fn write_replacing(
    path: &Path,
    bytes: &[u8],
    existing: Option<&Metadata>,
    named: &Path,
) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        let missing = format!("the folder `{}` does not exist", folder.display());
        return Err(cannot_write(path, named, &missing, Kind::MissingFile));
    }
    let cannot =
        |error: std::io::Error| cannot_write(path, named, &reason(&error), Kind::of_io(&error));
    let mut temporary = {
        let mut registered = interrupt::temporary_files();
        // 0666, less the umask, as `touch` and shells create files.
        let temporary = tempfile::Builder::new()
            .prefix(".hep-")
            .suffix(".part")
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(folder)
            .map_err(cannot)?;
        registered.push(temporary.path().to_path_buf());
        temporary
    };
    let temporary_path = temporary.path().to_path_buf();
    let written = (|| -> std::io::Result<()> {
        if let Some(existing) = existing {
            keep_owner_and_mode(temporary.as_file(), existing)?;
        }
        temporary.write_all(bytes)
    })();
    let refused = match written {
        Err(error) => Some(cannot(error)),
        Ok(()) if interrupt::requested() => Some(WriteError::refused(format!(
            "`{}` was not written: interrupted",
            path.display()
        ))),
        Ok(()) => None,
    };
    if let Some(error) = refused {
        drop(temporary);
        interrupt::forget_temporary_file(&temporary_path);
        return Err(error);
    }
    let (file, temporary) = temporary.into_parts();
    let staged = Staged {
        file,
        temporary,
        target: path.to_path_buf(),
        named: named.to_path_buf(),
    };
    match staged::offer(staged) {
        None => Ok(()),
        Some(alone) => alone.commit_alone(),
    }
}

/// Why `path` could not be written, naming the link it was reached through, if any.
pub(super) fn cannot_write(path: &Path, named: &Path, reason: &str, kind: Kind) -> WriteError {
    let message = if named == path {
        format!("cannot write `{}`: {reason}", path.display())
    } else {
        format!(
            "cannot write `{}`: {reason} (the file `{}` links to)",
            path.display(),
            named.display()
        )
    };
    WriteError { message, kind }
}

/// Gives `file` the mode of `existing`, and its owner and group where the user may.
fn keep_owner_and_mode(file: &std::fs::File, existing: &Metadata) -> std::io::Result<()> {
    let fd = file.as_fd();
    // Only root may give a file away; anyone may keep the group when they belong to it.
    if std::os::unix::fs::fchown(fd, Some(existing.uid()), Some(existing.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(fd, None, Some(existing.gid()));
    }
    file.set_permissions(Permissions::from_mode(existing.mode() & 0o777))
}

/// Writes `bytes` to standard output in one piece; a closed standard output is an error.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    if stdout_was_closed() {
        return Err(WriteError::refused(
            "cannot write to standard output: it is closed; redirect it to a file, or name \
             one with `-o FILE`",
        ));
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|error| {
            WriteError::io(
                format!("cannot write to standard output: {}", reason(&error)),
                &error,
            )
        })
}

/// Whether standard output was closed when hep started. Rust's runtime then opens
/// `/dev/null` read-write in its place, so writes would vanish without an error; a shell's
/// `>/dev/null` opens it write-only.
fn stdout_was_closed() -> bool {
    let stdout = std::io::stdout();
    let Ok(descriptor) = stdout.as_fd().try_clone_to_owned() else {
        return true;
    };
    let file = std::fs::File::from(descriptor);
    let (Ok(stream), Ok(null)) = (file.metadata(), std::fs::metadata("/dev/null")) else {
        return false;
    };
    if stream.rdev() != null.rdev() || !stream.file_type().is_char_device() {
        return false;
    }
    // SAFETY: F_GETFL only reads the flags of a descriptor this function owns.
    let flags = unsafe { libc::fcntl(std::os::fd::AsRawFd::as_raw_fd(&file), libc::F_GETFL) };
    flags >= 0 && flags & libc::O_ACCMODE == libc::O_RDWR
}

/// Whether `path` is a regular file that already holds exactly `bytes`. Devices and FIFOs
/// are never read.
pub fn holds_bytes(path: &Path, bytes: &[u8]) -> bool {
    read_regular_file(path, bytes.len() as u64).is_ok_and(|existing| existing == bytes)
}

/// The reason of an I/O error in words, without any path the library put in it (a temporary
/// file's name means nothing to the user).
pub(super) fn reason(error: &std::io::Error) -> String {
    match error.raw_os_error() {
        Some(code) => crate::load::source::io_reason(&std::io::Error::from_raw_os_error(code)),
        None => crate::load::source::io_reason(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_file_and_leaves_no_temporary_behind() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("jane.pdf");
        std::fs::write(&target, b"old").unwrap();
        write_file(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let error = write_file(Path::new("/no/such/folder/x.pdf"), b"x").unwrap_err();
        assert!(error.to_string().contains("does not exist"));
    }

    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_link_stays_a_link() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("jane.pdf");
        std::fs::write(&target, b"old").unwrap();
        std::fs::set_permissions(&target, Permissions::from_mode(0o640)).unwrap();
        let link = folder.path().join("latest.pdf");
        std::os::unix::fs::symlink("jane.pdf", &link).unwrap();
        write_file(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let mode = std::fs::metadata(&target).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn links_inside_the_folder_are_never_followed() {
        let root = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), root.path().join("library")).unwrap();
        let error = write_inside(root.path(), Path::new("library/a.yaml"), b"x").unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
        write_inside(root.path(), Path::new("new/a.yaml"), b"x").unwrap();
        assert_eq!(std::fs::read(root.path().join("new/a.yaml")).unwrap(), b"x");
    }
}
