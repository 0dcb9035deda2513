//! The files a handout was made from, as an archival PDF carries them: the plan, the clinic,
//! each exercise with its pictures, and how hep was run. `resolve` collects them, `paint`
//! attaches them, and `load` reads them back out of a PDF.

use std::path::{Component, Path};

/// The name of the file that records how hep was run.
pub const SETTINGS_FILE: &str = "hep-render.yaml";
/// The folder of the clinic file and its logo.
pub const CLINIC_FOLDER: &str = "clinic";
/// The folder of the exercises and programs.
pub const LIBRARY_FOLDER: &str = "library";

/// One file of the record.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordFile {
    /// Where it goes in the record's folder, with `/` between parts.
    pub path: String,
    /// Its bytes.
    pub data: Vec<u8>,
    /// What it is, for a person browsing the PDF's attachments.
    pub description: String,
}

impl RecordFile {
    /// The media type, from the file's extension.
    pub fn media_type(&self) -> &'static str {
        match Path::new(&self.path)
            .extension()
            .and_then(|extension| extension.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("yaml" | "yml") => "application/yaml",
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("jpg" | "jpeg") => "image/jpeg",
            _ => "application/octet-stream",
        }
    }
}

/// The files a handout was made from, by path.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceRecord {
    /// The files, sorted by path.
    pub files: Vec<RecordFile>,
}

/// Whether a record path is safe to write under a folder: relative, no `..`, no root.
pub fn is_safe_record_path(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|component| matches!(component, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_follow_extensions() {
        let file = |path: &str| RecordFile {
            path: path.to_string(),
            data: Vec::new(),
            description: String::new(),
        };
        assert_eq!(file("a.yaml").media_type(), "application/yaml");
        assert_eq!(file("a.JPG").media_type(), "image/jpeg");
        assert_eq!(file("a.svg").media_type(), "image/svg+xml");
    }
}
