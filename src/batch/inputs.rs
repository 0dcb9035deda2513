//! Turning command-line paths into plan files: files as given, folders searched recursively
//! for plans, skipping library and clinic files.

use std::collections::HashSet;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::bounded_read::read_regular_file;
use crate::load::source::{MAX_YAML_BYTES, io_reason};

/// A plan file and its path relative to the folder it was found in (or its file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFile {
    /// The path to read.
    pub path: PathBuf,
    /// The path below the folder given on the command line, used to name the output.
    pub relative: PathBuf,
    /// Why this plan, or the folder at `path`, could not be read: a failure of the batch.
    pub problem: Option<Diagnostic>,
}

/// The plans named by `paths`; missing paths are reported and skipped. Inside folders, a
/// plan or folder that cannot be read is kept with its problem, so that the batch fails
/// rather than skipping it silently.
pub fn plan_files(paths: &[PathBuf], problems: &mut Vec<Diagnostic>) -> Vec<PlanFile> {
    let mut found = Vec::new();
    let mut visited = HashSet::new();
    for path in paths {
        if path.is_dir() {
            let mut inside = Vec::new();
            collect_plans(path, &mut visited, &mut inside);
            inside.sort_by(|a, b| a.0.cmp(&b.0));
            found.extend(inside.into_iter().map(|(file, problem)| {
                PlanFile {
                    relative: file
                        .strip_prefix(path)
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|_| file.clone()),
                    path: file,
                    problem,
                }
            }));
        } else if path.exists() {
            found.push(PlanFile {
                relative: path
                    .file_name()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| path.clone()),
                path: path.clone(),
                problem: None,
            });
        } else {
            problems.push(
                Diagnostic::error(format!(
                    "cannot read `{}`: no such file or folder",
                    path.display()
                ))
                .with_kind(Kind::MissingFile)
                .with_hint("check the spelling of the path"),
            );
        }
    }
    found
}

/// Adds the plans below `folder`, each folder once: a link back up (`sub/loop -> ..`) is
/// not followed again.
fn collect_plans(
    folder: &Path,
    visited: &mut HashSet<(u64, u64)>,
    found: &mut Vec<(PathBuf, Option<Diagnostic>)>,
) {
    let unreadable = |path: &Path, what: &str, reason: String| {
        Some(
            Diagnostic::error(format!(
                "cannot read the {what} `{}`: {reason}",
                path.display()
            ))
            .with_hint(format!(
                "make the {what} readable, or move it out of the folder of plans"
            )),
        )
    };
    match std::fs::metadata(folder) {
        Ok(metadata) if !visited.insert((metadata.dev(), metadata.ino())) => return,
        Ok(_) => {}
        Err(error) => {
            found.push((
                folder.to_path_buf(),
                unreadable(folder, "folder", io_reason(&error)),
            ));
            return;
        }
    }
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            found.push((
                folder.to_path_buf(),
                unreadable(folder, "folder", io_reason(&error)),
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                found.push((
                    folder.to_path_buf(),
                    unreadable(folder, "folder", io_reason(&error)),
                ));
                return;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        match std::fs::metadata(&path) {
            Ok(metadata) if metadata.is_dir() => collect_plans(&path, visited, found),
            _ if !is_yaml => {}
            Err(error) => found.push((path.clone(), unreadable(&path, "plan", io_reason(&error)))),
            Ok(_) => match read_regular_file(&path, MAX_YAML_BYTES) {
                Ok(bytes) if looks_like_plan(&bytes) => found.push((path, None)),
                Ok(_) => {}
                Err(error) => {
                    let reason = error.to_string();
                    found.push((path.clone(), unreadable(&path, "plan", reason)));
                }
            },
        }
    }
}

/// A plan names its client at the top level; exercise and clinic files never do.
fn looks_like_plan(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .lines()
        .any(|line| line.starts_with("client:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_yield_plans_only_with_relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("2026/library")).unwrap();
        std::fs::write(
            root.join("2026/jane.yaml"),
            "client: Jane\nexercises: [a]\n",
        )
        .unwrap();
        std::fs::write(root.join("sam.yml"), "client: Sam\nexercises: [a]\n").unwrap();
        std::fs::write(root.join("clinic.yaml"), "name: Clinic\n").unwrap();
        std::fs::write(root.join("2026/library/bridge.yaml"), "name: Bridge\n").unwrap();
        let mut problems = Vec::new();
        let found = plan_files(&[root.to_path_buf(), root.join("missing")], &mut problems);
        let relative: Vec<_> = found.iter().map(|file| file.relative.clone()).collect();
        assert_eq!(
            relative,
            vec![PathBuf::from("2026/jane.yaml"), PathBuf::from("sam.yml")]
        );
        assert_eq!(problems.len(), 1);
    }
}
