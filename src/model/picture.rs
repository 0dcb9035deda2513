//! A decoded picture, ready to place: `resolve` decodes it, `layout` sizes it by its
//! proportions, `paint` draws it.

use std::sync::Arc;

/// Empty canvas kept around a drawing's content, as a share of its longer side: enough that
/// strokes are not cut, little enough that the figure fills its frame.
const DRAWING_MARGIN: f32 = 0.03;

/// A picture ready to place: its intrinsic proportions are all layout needs.
#[derive(Clone)]
pub enum Picture {
    /// A vector drawing, drawn as vectors.
    Vector {
        /// The parsed drawing.
        tree: Arc<usvg::Tree>,
        /// The part of its canvas that is printed.
        view: ViewBox,
    },
    /// A photo or bitmap.
    Raster(Arc<RasterImage>),
}

/// The part of a drawing's canvas that is printed, in the canvas's units: what is drawn, with a
/// small margin, so the figure fills its frame however much empty canvas the artist left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl ViewBox {
    /// The drawn part of `tree`'s canvas with a margin, never reaching past the canvas (which
    /// clips what the artist drew outside it); the whole canvas when nothing is drawn.
    pub fn of_drawing(tree: &usvg::Tree) -> ViewBox {
        let (canvas_width, canvas_height) = (tree.size().width(), tree.size().height());
        let whole = ViewBox {
            x: 0.0,
            y: 0.0,
            width: canvas_width,
            height: canvas_height,
        };
        if !tree.root().has_children() {
            return whole;
        }
        let drawn = tree.root().abs_stroke_bounding_box();
        let margin = DRAWING_MARGIN * drawn.width().max(drawn.height());
        let left = (drawn.left() - margin).max(0.0);
        let top = (drawn.top() - margin).max(0.0);
        let right = (drawn.right() + margin).min(canvas_width);
        let bottom = (drawn.bottom() + margin).min(canvas_height);
        let finite = [left, top, right, bottom]
            .iter()
            .all(|value| value.is_finite());
        if !finite || right - left < 1.0 || bottom - top < 1.0 {
            return whole;
        }
        ViewBox {
            x: left,
            y: top,
            width: right - left,
            height: bottom - top,
        }
    }
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Picture::Vector { view, .. } => write!(f, "Vector({view:?})"),
            Picture::Raster(image) => write!(f, "Raster({}x{})", image.width_px, image.height_px),
        }
    }
}

impl Picture {
    /// Width divided by height.
    pub fn aspect_ratio(&self) -> f32 {
        let (width, height) = match self {
            Picture::Vector { view, .. } => (view.width, view.height),
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

/// A raster image that is upright and no larger than print needs.
#[derive(Debug)]
pub struct RasterImage {
    /// The image's pixels, encoded or not.
    pub data: RasterData,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
}

impl RasterImage {
    /// The format of the file the image came from.
    pub fn format(&self) -> RasterFormat {
        match self.data {
            RasterData::Jpeg(_) => RasterFormat::Jpeg,
            RasterData::Png(_) | RasterData::Pixels(_) => RasterFormat::Png,
        }
    }
}

/// A raster image's pixels, in the form the PDF takes them with the least work.
#[derive(Debug)]
pub enum RasterData {
    /// A PNG file that fits its print size, embedded losslessly as it is.
    Png(Arc<Vec<u8>>),
    /// A JPEG file, embedded as it is (the PDF keeps JPEG data compressed).
    Jpeg(Arc<Vec<u8>>),
    /// A PNG downscaled to its print size: its 8-bit pixels, so that they are compressed once
    /// into the PDF instead of encoded as a PNG and decoded again.
    Pixels(Pixels),
}

/// Decoded 8-bit pixels, colour and transparency apart, as a PDF image stores them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pixels {
    /// Grey (one byte a pixel) or RGB (three), row by row.
    pub colour: Vec<u8>,
    /// Whether `colour` is grey rather than RGB.
    pub grey: bool,
    /// Opacity, one byte a pixel; `None` when every pixel is opaque.
    pub alpha: Option<Vec<u8>>,
    /// The colour profile of the original file, if it had one.
    pub icc_profile: Option<Vec<u8>>,
}
