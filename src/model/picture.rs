//! A decoded picture, ready to place: `resolve` decodes it, `layout` sizes it by its
//! proportions, `paint` draws it.

use std::sync::Arc;

/// A picture ready to place: its intrinsic proportions are all layout needs.
#[derive(Clone)]
pub enum Picture {
    /// A vector drawing, drawn as vectors.
    Vector(Arc<usvg::Tree>),
    /// A photo or bitmap.
    Raster(Arc<RasterImage>),
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Picture::Vector(tree) => write!(f, "Vector({:?})", tree.size()),
            Picture::Raster(image) => write!(f, "Raster({}x{})", image.width_px, image.height_px),
        }
    }
}

impl Picture {
    /// Width divided by height.
    pub fn aspect_ratio(&self) -> f32 {
        let (width, height) = match self {
            Picture::Vector(tree) => (tree.size().width(), tree.size().height()),
            Picture::Raster(image) => (image.width_px as f32, image.height_px as f32),
        };
        if height > 0.0 && width > 0.0 {
            width / height
        } else {
            1.0
        }
    }
}

/// How a raster image's bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RasterFormat {
    /// PNG, lossless, possibly with transparency.
    Png,
    /// JPEG, passed through to the PDF without re-encoding when it already fits.
    Jpeg,
}

/// An encoded raster image that is upright and no larger than print needs.
#[derive(Debug)]
pub struct RasterImage {
    /// The encoding of `data`.
    pub format: RasterFormat,
    /// The encoded file.
    pub data: Arc<Vec<u8>>,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
}
