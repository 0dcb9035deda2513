//! Batch writes: durability paid once per chunk of files instead of once per file.
//!
//! Outside a batch, [`super::file`] writes each file into a temporary file, flushes it to disk
//! and renames it over the old one. Inside [`batch`], the temporary file is written and handed
//! over here instead; a committer thread takes the staged files a chunk at a time, starts
//! writing them all out, flushes each (`fsync`), renames each over its old file and flushes the
//! folders that received them. Rendering goes on meanwhile, so the disk waits overlap the work.
//!
//! The guarantee is the same as for one file: a file is renamed into place only after its
//! bytes are on disk, so a crash leaves either the old file or the new one, never a half-written
//! one. Temporary files stay registered with [`interrupt`] until renamed, so a second Ctrl-C
//! still removes them. Staged files are never held in memory, only their open temporary files,
//! and at most a few chunks of them (a full queue makes the next writer wait).

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use crate::output::file::{Result, WriteError};
use tempfile::TempPath;

use crate::output::interrupt;

/// Files handed to the committer at once: enough for one journal commit to cover many files,
/// few enough to bound open files (at most about three chunks are open) and unflushed data.
const CHUNK: usize = 32;

/// A file of the batch that could not be put in place; its old file, if any, is untouched.
#[derive(Debug)]
pub struct Unwritten {
    /// The path as the caller named it (a link, for a file written through one).
    pub path: PathBuf,
    /// Why, naming the file.
    pub error: WriteError,
}

/// A temporary file written in full, waiting to be flushed and renamed over `target`.
#[derive(Debug)]
pub(crate) struct Staged {
    /// The open temporary file.
    pub(crate) file: File,
    /// Its name; dropping it removes the file.
    pub(crate) temporary: TempPath,
    /// The file it replaces (or creates).
    pub(crate) target: PathBuf,
    /// The path the caller named, which differs from `target` for a link.
    pub(crate) named: PathBuf,
}

impl Staged {
    /// Flushes the file and renames it into place, on its own: a write outside any batch.
    pub(crate) fn commit_alone(self) -> Result<()> {
        let temporary_path = self.temporary.to_path_buf();
        let result = self.put_in_place();
        interrupt::forget_temporary_file(&temporary_path);
        result
    }

    /// Flushes and renames; on failure the temporary file is removed.
    fn put_in_place(self) -> Result<()> {
        let Staged {
            file,
            temporary,
            target,
            named,
        } = self;
        let cannot = |error: &std::io::Error| {
            super::file::cannot_write(
                &target,
                &named,
                &super::file::reason(error),
                crate::diagnostic::Kind::of_io(error),
            )
        };
        file.sync_all().map_err(|error| cannot(&error))?;
        drop(file);
        temporary
            .persist(&target)
            .map_err(|error| cannot(&error.error))
    }
}

/// The batch under way: files staged but not yet handed over, and the committer.
struct Stage {
    pending: Vec<Staged>,
    committer: Option<Committer>,
    /// Failures of chunks committed without the committer (no thread could be started).
    unwritten: Vec<Unwritten>,
}

/// The thread that flushes and renames handed-over chunks.
struct Committer {
    chunks: SyncSender<Vec<Staged>>,
    thread: JoinHandle<Vec<Unwritten>>,
}

static STAGE: Mutex<Option<Stage>> = Mutex::new(None);

fn stage() -> std::sync::MutexGuard<'static, Option<Stage>> {
    STAGE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `run` as one batch: every file written meanwhile (by any thread) is staged and made
/// durable a chunk at a time, and all are in place when this returns. Returns what `run`
/// returned and the files that could not be put in place after all (their writers were told
/// they were written). Outside a batch, or in a batch within a batch, files are written one by
/// one as usual.
pub fn batch<T>(run: impl FnOnce() -> T) -> (T, Vec<Unwritten>) {
    {
        let mut stage = stage();
        if stage.is_some() {
            drop(stage);
            return (run(), Vec::new());
        }
        *stage = Some(Stage {
            pending: Vec::new(),
            committer: None,
            unwritten: Vec::new(),
        });
    }
    // Finishes the batch even when `run` panics, so that no file is left staged.
    struct Finish;
    impl Drop for Finish {
        fn drop(&mut self) {
            if std::thread::panicking() {
                let _ = finish();
            }
        }
    }
    let guard = Finish;
    let result = run();
    std::mem::forget(guard);
    (result, finish())
}

/// Ends the batch: commits what is pending and waits for the committer.
fn finish() -> Vec<Unwritten> {
    let Some(Stage {
        pending,
        committer,
        mut unwritten,
    }) = stage().take()
    else {
        return Vec::new();
    };
    match committer {
        Some(Committer { chunks, thread }) => {
            if !pending.is_empty() {
                // The committer only stops when `chunks` is dropped, so this cannot fail.
                let _ = chunks.send(pending);
            }
            drop(chunks);
            match thread.join() {
                Ok(failed) => unwritten.extend(failed),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        // A small batch: no thread needed.
        None => commit(pending, &mut unwritten),
    }
    unwritten
}

/// Takes `staged` into the batch under way, or gives it back when there is none.
pub(crate) fn offer(staged: Staged) -> Option<Staged> {
    let mut guard = stage();
    let Some(stage) = guard.as_mut() else {
        return Some(staged);
    };
    stage.pending.push(staged);
    if stage.pending.len() < CHUNK {
        return None;
    }
    let chunk = std::mem::take(&mut stage.pending);
    let chunks = match &stage.committer {
        Some(committer) => committer.chunks.clone(),
        None => {
            // Two chunks queued at most: a writer that outruns the disk waits here.
            let (chunks, queue) = sync_channel(1);
            let thread = std::thread::Builder::new()
                .name("hep-commit".to_string())
                .spawn(move || commit_all(&queue));
            match thread {
                Ok(thread) => {
                    stage.committer = Some(Committer {
                        chunks: chunks.clone(),
                        thread,
                    });
                    chunks
                }
                // No thread to be had: commit here, as a writer outside a batch would.
                Err(_) => {
                    commit(chunk, &mut stage.unwritten);
                    return None;
                }
            }
        }
    };
    drop(guard);
    // The committer lives as long as the stage that holds its sender.
    let _ = chunks.send(chunk);
    None
}

/// The committer's loop: commits each chunk as it comes, until the batch ends.
fn commit_all(queue: &Receiver<Vec<Staged>>) -> Vec<Unwritten> {
    let mut unwritten = Vec::new();
    while let Ok(chunk) = queue.recv() {
        commit(chunk, &mut unwritten);
    }
    unwritten
}

/// Flushes every file of `chunk`, renames each flushed one into place, then flushes the folders
/// that changed.
fn commit(chunk: Vec<Staged>, unwritten: &mut Vec<Unwritten>) {
    // Ask the kernel to start writing every file now, so that the flushes below find the data
    // under way and one journal commit covers many files.
    for staged in &chunk {
        start_writeback(&staged.file);
    }
    let mut folders = BTreeSet::new();
    for staged in chunk {
        let named = staged.named.clone();
        let folder = folder_of(&staged.target).to_path_buf();
        match staged.commit_alone() {
            Ok(()) => {
                folders.insert(folder);
            }
            Err(error) => unwritten.push(Unwritten { path: named, error }),
        }
    }
    // The renames themselves reach the disk with their folder. A failure here is not reported:
    // the new file is whole and in place, and should the rename be lost in a crash, the old
    // file is there instead, which is what the guarantee promises.
    for folder in folders {
        let _ = File::open(&folder).and_then(|folder| folder.sync_all());
    }
}

/// The folder a file is in, `.` for a bare name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Starts writing the file's data to disk without waiting for it (Linux); elsewhere a no-op,
/// and the flush does it all.
fn start_writeback(file: &File) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: sync_file_range only reads the descriptor, which `file` keeps open.
        unsafe {
            libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = file;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A temporary file beside `target` holding `bytes`, as `file::write_replacing` stages it.
    fn staged(target: &Path, bytes: &[u8]) -> Staged {
        let mut temporary = tempfile::Builder::new()
            .prefix(".hep-")
            .suffix(".part")
            .tempfile_in(target.parent().unwrap())
            .unwrap();
        interrupt::temporary_files().push(temporary.path().to_path_buf());
        temporary.write_all(bytes).unwrap();
        let (file, temporary) = temporary.into_parts();
        Staged {
            file,
            temporary,
            target: target.to_path_buf(),
            named: target.to_path_buf(),
        }
    }

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_chunk_replaces_and_creates_files_and_leaves_no_temporary() {
        let folder = tempfile::tempdir().unwrap();
        let old = folder.path().join("old.pdf");
        std::fs::write(&old, b"old bytes").unwrap();
        let chunk = vec![
            staged(&old, b"new bytes"),
            staged(&folder.path().join("new.pdf"), b"fresh"),
        ];
        let temporaries: Vec<PathBuf> = chunk.iter().map(|s| s.temporary.to_path_buf()).collect();
        let mut unwritten = Vec::new();
        commit(chunk, &mut unwritten);
        assert!(unwritten.is_empty(), "{unwritten:?}");
        assert_eq!(std::fs::read(&old).unwrap(), b"new bytes");
        assert_eq!(
            std::fs::read(folder.path().join("new.pdf")).unwrap(),
            b"fresh"
        );
        assert_eq!(names_in(folder.path()), ["new.pdf", "old.pdf"]);
        let registered = interrupt::temporary_files();
        assert!(temporaries.iter().all(|path| !registered.contains(path)));
    }

    #[test]
    fn a_file_that_cannot_be_put_in_place_is_reported_and_the_rest_still_are() {
        let folder = tempfile::tempdir().unwrap();
        // A folder where the file should go cannot be replaced by a rename.
        let blocked = folder.path().join("blocked.pdf");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("inside"), b"x").unwrap();
        let fine = folder.path().join("fine.pdf");
        let mut unwritten = Vec::new();
        commit(
            vec![staged(&blocked, b"lost"), staged(&fine, b"kept")],
            &mut unwritten,
        );
        assert_eq!(unwritten.len(), 1);
        assert_eq!(unwritten[0].path, blocked);
        let message = format!("{:#}", unwritten[0].error);
        assert!(message.contains("blocked.pdf"), "{message}");
        assert!(!message.contains(".hep-"), "{message}");
        assert_eq!(std::fs::read(&fine).unwrap(), b"kept");
        assert!(blocked.is_dir());
        assert_eq!(names_in(folder.path()), ["blocked.pdf", "fine.pdf"]);
    }
}
