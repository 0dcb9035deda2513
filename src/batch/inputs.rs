//! Turning command-line paths into plan files: files as given, folders searched recursively
//! for plans, skipping library and clinic files.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};

/// A plan file and its path relative to the folder it was found in (or its file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFile {
    /// The path to read.
    pub path: PathBuf,
    /// The path below the folder given on the command line, used to name the output.
    pub relative: PathBuf,
}

/// The plans named by `paths`; missing paths are reported and skipped.
pub fn plan_files(paths: &[PathBuf], problems: &mut Vec<Diagnostic>) -> Vec<PlanFile> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside = Vec::new();
            collect_plans(path, &mut inside);
            inside.sort();
            found.extend(inside.into_iter().map(|file| {
                PlanFile {
                    relative: file
                        .strip_prefix(path)
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|_| file.clone()),
                    path: file,
                }
            }));
        } else if path.exists() {
            found.push(PlanFile {
                relative: path
                    .file_name()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| path.clone()),
                path: path.clone(),
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

fn collect_plans(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_plans(&path, found);
        } else if (name.ends_with(".yaml") || name.ends_with(".yml")) && looks_like_plan(&path) {
            found.push(path);
        }
    }
}

/// A plan names its client at the top level; exercise and clinic files never do.
fn looks_like_plan(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .map(|text| text.lines().any(|line| line.starts_with("client:")))
        .unwrap_or(false)
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
