//! Files that inputs name, such as pictures: inside the bundled library or on disk.

use std::path::PathBuf;

use crate::load::exercise::{Exercise, Illustration};
use crate::load::source::Origin;

/// Where an image file is: inside the bundled library or on disk.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PictureSource {
    /// A path inside the bundled `library/`.
    Bundled(PathBuf),
    /// A file on disk.
    Disk(PathBuf),
}

impl PictureSource {
    /// The path to show in messages.
    pub fn display(&self) -> String {
        match self {
            PictureSource::Bundled(path) => format!("bundled:library/{}", path.display()),
            PictureSource::Disk(path) => path.display().to_string(),
        }
    }
}

impl Exercise {
    /// Where an illustration's file is: beside the exercise file, in the same library.
    pub fn picture_source(&self, illustration: &Illustration) -> PictureSource {
        let relative = self.source.base_dir().join(&illustration.entry.file);
        match self.source.origin {
            Origin::Bundled => PictureSource::Bundled(relative),
            Origin::Disk | Origin::Stdin => PictureSource::Disk(relative),
        }
    }
}
