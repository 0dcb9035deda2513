//! Writing files so that a failure never leaves a broken or half-written PDF behind.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, then renamed
/// over the target. An existing file is replaced only by a complete new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
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
        .and_then(|()| temporary.as_file().sync_all())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    temporary
        .persist(path)
        .map_err(|error| error.error)
        .with_context(|| format!("cannot replace `{}`", path.display()))?;
    Ok(())
}

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
    fn a_missing_folder_is_reported() {
        let error = write_atomically(Path::new("/no/such/folder/x.pdf"), b"x").unwrap_err();
        assert!(error.to_string().contains("does not exist"));
    }
}
