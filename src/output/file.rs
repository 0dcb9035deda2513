//! Writing files so that a failure never leaves a broken or half-written PDF behind.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use anyhow::{Context, Result};
use tempfile::TempPath;

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, then renamed
/// over the target. An existing file is replaced only by a complete new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let temporary = write_temporary(path, bytes)?;
    temporary
        .as_file()
        .sync_all()
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    temporary
        .persist(path)
        .map_err(|error| error.error)
        .with_context(|| format!("cannot replace `{}`", path.display()))?;
    Ok(())
}

/// `bytes` in a new temporary file in the folder of `path`, not yet flushed to disk.
fn write_temporary(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        anyhow::bail!(
            "cannot write `{}`: the folder `{}` does not exist",
            path.display(),
            folder.display()
        );
    }
    let mut temporary = tempfile::Builder::new()
        .prefix(".hep-")
        .suffix(".pdf.part")
        .tempfile_in(folder)
        .with_context(|| format!("cannot write into the folder `{}`", folder.display()))?;
    temporary
        .write_all(bytes)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(temporary)
}

/// Files of a batch, each written into a temporary file beside its target, then made durable
/// all at once and only then renamed over their targets: a crash or power cut still never
/// leaves a half-written file in place of a good one, but the batch waits for the disk once
/// instead of once per file (a flush per file was a fifth of a 1,000-plan batch).
#[derive(Default)]
pub struct StagedFiles {
    staged: Mutex<Vec<(TempPath, PathBuf)>>,
}

impl StagedFiles {
    /// No files yet.
    pub fn new() -> StagedFiles {
        StagedFiles::default()
    }

    /// Writes `bytes` into a temporary file beside `path`, to be renamed over it by
    /// [`StagedFiles::commit`]; the target is untouched until then.
    pub fn stage(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        let temporary = write_temporary(path, bytes)?.into_temp_path();
        self.staged
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push((temporary, path.to_path_buf()));
        Ok(())
    }

    /// Flushes every staged file to disk, then renames each over its target. Returns the
    /// targets that could not be replaced, with the reason; their temporary files are removed.
    pub fn commit(self) -> Vec<(PathBuf, anyhow::Error)> {
        let staged = self
            .staged
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut failed = Vec::new();
        let mut durable = Vec::with_capacity(staged.len());
        for ((temporary, target), flushed) in flush_to_disk(staged) {
            match flushed {
                Ok(()) => durable.push((temporary, target)),
                // Dropping the temporary path removes the file.
                Err(error) => failed.push((target, error)),
            }
        }
        for (temporary, target) in durable {
            if let Err(error) = temporary.persist(&target) {
                failed.push((
                    target.clone(),
                    anyhow::Error::new(error.error)
                        .context(format!("cannot replace `{}`", target.display())),
                ));
            }
        }
        failed
    }
}

/// Each staged file with whether its bytes are on disk: one `fsync` each, all issued at once
/// from a few threads, so that the file system commits them together (one journal commit
/// covers many files) rather than one after the other. Not `syncfs`: it also waits for every
/// other program's unwritten data on the disk, which made a batch on a busy machine slower
/// than a flush per file (bench/README.md).
fn flush_to_disk(staged: Vec<(TempPath, PathBuf)>) -> Vec<((TempPath, PathBuf), Result<()>)> {
    let results: Vec<OnceLock<Result<()>>> = staged.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some((temporary, target)) = staged.get(index) else {
                break;
            };
            let flushed = std::fs::File::open(temporary)
                .and_then(|file| file.sync_all())
                .with_context(|| format!("cannot write `{}`", target.display()));
            let _ = results[index].set(flushed);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..FLUSH_THREADS.min(staged.len()) {
            scope.spawn(work);
        }
        work();
    });
    staged
        .into_iter()
        .zip(results)
        .map(|(file, result)| {
            let result = result
                .into_inner()
                .unwrap_or_else(|| Err(anyhow::anyhow!("the file was not flushed to disk")));
            (file, result)
        })
        .collect()
}

/// Threads that flush a batch's files: they wait for the disk, not the processor.
const FLUSH_THREADS: usize = 16;

/// Writes `bytes` to standard output in one piece.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_file_and_leaves_no_temporary_behind() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("jane.pdf");
        std::fs::write(&target, b"old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    }

    #[test]
    fn staged_files_replace_their_targets_only_when_committed() {
        let folder = tempfile::tempdir().unwrap();
        let first = folder.path().join("jane.pdf");
        let second = folder.path().join("sub/sam.pdf");
        std::fs::create_dir(folder.path().join("sub")).unwrap();
        std::fs::write(&first, b"old").unwrap();
        let staged = StagedFiles::new();
        staged.stage(&first, b"new jane").unwrap();
        staged.stage(&second, b"new sam").unwrap();
        // Until the commit, the old file is whole and the new one absent.
        assert_eq!(std::fs::read(&first).unwrap(), b"old");
        assert!(!second.exists());
        assert!(staged.commit().is_empty());
        assert_eq!(std::fs::read(&first).unwrap(), b"new jane");
        assert_eq!(std::fs::read(&second).unwrap(), b"new sam");
        let names = |path: &Path| std::fs::read_dir(path).unwrap().count();
        assert_eq!(
            (names(folder.path()), names(&folder.path().join("sub"))),
            (2, 1)
        );
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let error = write_atomically(Path::new("/no/such/folder/x.pdf"), b"x").unwrap_err();
        assert!(error.to_string().contains("does not exist"));
    }
}
