//! The one way `hep` reads a file: only a regular file, and never more than a set number of
//! bytes, whatever size the file claims. A FIFO would hang the read forever, `/dev/zero` would
//! fill the memory, and a sparse file can claim any size; none of them is a plan or a picture.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Every file read as an input in this run, by device and inode, with the name it was read by:
/// no output may replace one of them.
static INPUT_FILES: Mutex<Vec<(u64, u64, PathBuf)>> = Mutex::new(Vec::new());

/// Why a file could not be read, in words for the person who named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing at that path.
    NotFound,
    /// The file exists but may not be read.
    PermissionDenied,
    /// A folder where a file was expected.
    Folder,
    /// A FIFO, device or socket where a file was expected.
    NotRegular(&'static str),
    /// The file holds more than the limit.
    TooLarge {
        /// The limit that was passed, in bytes.
        limit_bytes: u64,
    },
    /// Any other failure, already in words.
    Other(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::PermissionDenied => write!(f, "permission denied"),
            ReadError::Folder => write!(f, "it is a folder, not a file"),
            ReadError::NotRegular(kind) => write!(f, "it is {kind}, not a regular file"),
            ReadError::TooLarge { limit_bytes } => {
                write!(f, "it is larger than {}", human_size(*limit_bytes))
            }
            ReadError::Other(reason) => write!(f, "{reason}"),
        }
    }
}

impl ReadError {
    /// From an I/O error, without Rust's "(os error N)" suffix.
    pub fn from_io(error: &std::io::Error) -> ReadError {
        match error.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            std::io::ErrorKind::IsADirectory => ReadError::Folder,
            _ => ReadError::Other(crate::load::source::io_reason(error)),
        }
    }
}

/// `1048576` as "1 MiB", `512` as "512 bytes".
pub fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Opens `path` for reading if it is a regular file (following symbolic links). The open never
/// blocks: a FIFO is opened without waiting for a writer, then refused.
pub fn open_regular_file(path: &Path) -> Result<File, ReadError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|error| ReadError::from_io(&error))?;
    let file_type = file
        .metadata()
        .map_err(|error| ReadError::from_io(&error))?
        .file_type();
    if file_type.is_file() {
        Ok(file)
    } else {
        Err(not_regular(file_type))
    }
}

/// What a non-regular file is, for messages.
pub fn not_regular(file_type: std::fs::FileType) -> ReadError {
    if file_type.is_dir() {
        ReadError::Folder
    } else if file_type.is_fifo() {
        ReadError::NotRegular("a named pipe (FIFO)")
    } else if file_type.is_char_device() || file_type.is_block_device() {
        ReadError::NotRegular("a device")
    } else if file_type.is_socket() {
        ReadError::NotRegular("a socket")
    } else {
        ReadError::NotRegular("not a file")
    }
}

/// The whole content of the regular file at `path`, refused when it has more than
/// `limit_bytes`: at most `limit_bytes + 1` bytes are ever read.
pub fn read_regular_file(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular_file(path)?;
    read_at_most(file, limit_bytes)
}

/// Like [`read_regular_file`], and remembers the file as an input of this run, so that
/// [`input_file_at`] can keep outputs from replacing it.
pub fn read_input_file(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular_file(path)?;
    if let Ok(metadata) = file.metadata() {
        INPUT_FILES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push((metadata.dev(), metadata.ino(), path.to_path_buf()));
    }
    read_at_most(file, limit_bytes)
}

/// The input file (as it was named when read) that `path` is, after following links and
/// hard links alike; `None` when `path` is no input of this run.
pub fn input_file_at(path: &Path) -> Option<PathBuf> {
    let metadata = std::fs::metadata(path).ok()?;
    INPUT_FILES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .iter()
        .find(|(device, inode, _)| *device == metadata.dev() && *inode == metadata.ino())
        .map(|(_, _, name)| name.clone())
}

/// Everything `reader` gives, refused when it has more than `limit_bytes`.
pub fn read_at_most(reader: impl Read, limit_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| ReadError::from_io(&error))?;
    if bytes.len() as u64 > limit_bytes {
        return Err(ReadError::TooLarge { limit_bytes });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_fifos_and_folders_are_refused_without_reading() {
        assert_eq!(
            read_regular_file(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a device"))
        );
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_regular_file(dir.path(), 10), Err(ReadError::Folder));
        let fifo = dir.path().join("pipe");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            read_regular_file(&fifo, 10),
            Err(ReadError::NotRegular("a named pipe (FIFO)"))
        );
    }

    #[test]
    fn files_over_the_limit_are_refused_and_files_at_it_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ten");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_regular_file(&path, 10).unwrap(), b"0123456789");
        assert_eq!(
            read_regular_file(&path, 9),
            Err(ReadError::TooLarge { limit_bytes: 9 })
        );
        assert_eq!(human_size(30 * 1024 * 1024), "30 MiB");
    }
}
