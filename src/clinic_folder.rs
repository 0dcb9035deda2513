//! The clinic folder: the nearest folder at or above a plan (or the current folder) that holds
//! a `clinic.yaml`. Its `library/` joins the library and its clinic file is the default clinic,
//! so commands need no flags, the way Cargo finds `Cargo.toml` from wherever you stand.
//!
//! The marker is the clinic file itself rather than a separate project file: a clinic folder
//! always has one, and one file fewer is one thing fewer to keep in step.

use std::path::{Path, PathBuf};

/// The file that marks a clinic folder and brands its handouts.
pub const CLINIC_FILE: &str = "clinic.yaml";

/// The clinic's own exercises, inside the clinic folder.
pub const LIBRARY_FOLDER: &str = "library";

/// The JSON Schemas for editors, inside the clinic folder (written by `hep init`).
pub const SCHEMA_FOLDER: &str = "schemas";

/// A folder holding `clinic.yaml`, found by walking up from where a command starts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClinicFolder {
    /// The folder, relative to the current folder when it is inside it, else absolute.
    pub root: PathBuf,
}

impl ClinicFolder {
    /// The nearest clinic folder at or above `start` (a folder), if any.
    pub fn find(start: &Path) -> Option<ClinicFolder> {
        let absolute = start.canonicalize().ok()?;
        let root = absolute
            .ancestors()
            .find(|folder| folder.join(CLINIC_FILE).is_file())?;
        Some(ClinicFolder {
            root: shortest(root),
        })
    }

    /// The nearest clinic folder above the file `path` (a plan).
    pub fn for_file(path: &Path) -> Option<ClinicFolder> {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        ClinicFolder::find(folder)
    }

    /// `clinic.yaml`, the default clinic of the plans below.
    pub fn clinic_file(&self) -> PathBuf {
        self.root.join(CLINIC_FILE)
    }

    /// `library/`, when the folder has one.
    pub fn library(&self) -> Option<PathBuf> {
        let library = self.root.join(LIBRARY_FOLDER);
        library.is_dir().then_some(library)
    }
}

/// `root` relative to the current folder when it is the current folder or inside it, so
/// messages name `clinic.yaml` or `riverside/clinic.yaml` rather than a long absolute path.
fn shortest(root: &Path) -> PathBuf {
    let Ok(current) = std::env::current_dir().and_then(|dir| dir.canonicalize()) else {
        return root.to_path_buf();
    };
    match root.strip_prefix(&current) {
        Ok(inside) if inside.as_os_str().is_empty() => PathBuf::new(),
        Ok(inside) => inside.to_path_buf(),
        Err(_) => root.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_folder_with_a_clinic_file_wins() {
        let dir = tempfile::tempdir().unwrap();
        let outer = dir.path().canonicalize().unwrap();
        let inner = outer.join("north");
        std::fs::create_dir_all(inner.join("plans/2026")).unwrap();
        std::fs::create_dir_all(inner.join("library")).unwrap();
        std::fs::write(outer.join(CLINIC_FILE), "name: Outer\n").unwrap();
        std::fs::write(inner.join(CLINIC_FILE), "name: North\n").unwrap();

        let found = ClinicFolder::find(&inner.join("plans/2026")).unwrap();
        assert_eq!(found.root, inner);
        assert_eq!(found.library(), Some(inner.join("library")));
        assert_eq!(
            ClinicFolder::for_file(&outer.join("plan.yaml"))
                .unwrap()
                .root,
            outer
        );
        assert_eq!(ClinicFolder::find(&outer).unwrap().library(), None);
    }

    #[test]
    fn no_clinic_file_no_folder() {
        let dir = tempfile::tempdir().unwrap();
        // A temporary folder may sit below a clinic folder on a developer's machine; only
        // check what is certain: a missing start finds nothing.
        assert_eq!(ClinicFolder::find(&dir.path().join("missing")), None);
    }
}
