//! Limits on what an SVG may ask of the printer: pictures inside it obey the pixel limit of
//! picture files, filters (which are painted as pixels) have a bounded cost, and sizes and
//! coordinates stay within what a PDF can write. Checked on the parsed tree, before painting.

use std::io::Cursor;

use crate::resolve::picture::{MAX_IMAGE_PIXELS, PictureError};

/// Largest width or height of a drawing, in its own units: far more than any logo or figure.
pub const MAX_SVG_SIZE: f32 = 100_000.0;
/// Largest coordinate (after the drawing's transforms) of anything in a drawing.
pub const MAX_SVG_COORDINATE: f32 = 1_000_000.0;
/// The most pixel operations the filters of one drawing may cost: a drop shadow on a logo
/// printed 4 inches wide costs about 5 million.
pub const MAX_FILTER_WORK: f64 = 60_000_000.0;

/// Pixels per inch at which filters are painted (krilla-svg's default `filter_scale` of 4
/// pixels per point) across the largest placement, 4 inches.
const FILTER_PIXELS_ACROSS: f64 = 4.0 * 72.0 * 4.0;
/// krilla-svg never paints a filter more than this many pixels across.
const FILTER_MAX_PIXELS_ACROSS: f64 = 5000.0;

/// Checks `tree` against the limits, saying what is wrong and how to fix it.
pub fn check_svg(tree: &usvg::Tree) -> Result<(), PictureError> {
    let size = tree.size();
    if !(size.width() <= MAX_SVG_SIZE && size.height() <= MAX_SVG_SIZE) {
        return Err(PictureError::TooLarge(format!(
            "the SVG is {} x {} units, larger than the {} allowed on either side; \
             give it a smaller width, height or viewBox",
            size.width(),
            size.height(),
            MAX_SVG_SIZE
        )));
    }
    let mut budget = Budget {
        pixels_left: MAX_IMAGE_PIXELS,
        filter_work: 0.0,
        // Filter pixels per unit of the drawing when it is printed at the largest size.
        filter_scale: FILTER_PIXELS_ACROSS / f64::from(size.width().max(size.height()).max(1.0)),
    };
    check_group(tree.root(), &mut budget)
}

struct Budget {
    pixels_left: u64,
    filter_work: f64,
    filter_scale: f64,
}

fn check_group(group: &usvg::Group, budget: &mut Budget) -> Result<(), PictureError> {
    check_transform(group.abs_transform())?;
    if !group.filters().is_empty() {
        let region = group.abs_layer_bounding_box();
        let across =
            |units: f32| (f64::from(units) * budget.filter_scale).min(FILTER_MAX_PIXELS_ACROSS);
        let pixels = across(region.width()) * across(region.height());
        for filter in group.filters() {
            for primitive in filter.primitives() {
                let cost = match primitive.kind() {
                    usvg::filter::Kind::Turbulence(turbulence) => {
                        f64::from(turbulence.num_octaves().max(1))
                    }
                    _ => 1.0,
                };
                budget.filter_work += pixels * cost;
            }
        }
        if budget.filter_work > MAX_FILTER_WORK {
            return Err(PictureError::TooLarge(
                "the SVG's filters (blur, shadow, noise) would take too long to print: they \
                 cover too large a region or repeat too often; export the drawing without \
                 filters, or as a PNG"
                    .to_string(),
            ));
        }
    }
    for node in group.children() {
        check_bounds(node)?;
        match node {
            usvg::Node::Group(inner) => check_group(inner, budget)?,
            usvg::Node::Image(image) => check_image(image, budget)?,
            usvg::Node::Path(_) | usvg::Node::Text(_) => {}
        }
    }
    Ok(())
}

fn check_image(image: &usvg::Image, budget: &mut Budget) -> Result<(), PictureError> {
    let data = match image.kind() {
        usvg::ImageKind::SVG(tree) => return check_group(tree.root(), budget),
        usvg::ImageKind::PNG(data)
        | usvg::ImageKind::JPEG(data)
        | usvg::ImageKind::GIF(data)
        | usvg::ImageKind::WEBP(data) => data,
    };
    let Some((width, height)) = raster_size(data) else {
        return Err(PictureError::UnusableSvg(
            "a picture inside the SVG is damaged or of an unknown kind".to_string(),
        ));
    };
    let pixels = u64::from(width) * u64::from(height);
    if pixels > budget.pixels_left {
        return Err(PictureError::TooLarge(format!(
            "a picture inside the SVG is {width} x {height} pixels; the pictures inside one \
             SVG may have {} megapixels in all; save a smaller copy",
            MAX_IMAGE_PIXELS / 1_000_000
        )));
    }
    budget.pixels_left -= pixels;
    Ok(())
}

/// Width and height in pixels of a PNG, JPEG, GIF or WebP, read from its header only.
fn raster_size(data: &[u8]) -> Option<(u32, u32)> {
    if data.starts_with(b"GIF8") {
        let field = |at: usize| {
            data.get(at..at + 2)
                .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
        };
        return Some((field(6)?, field(8)?));
    }
    if data.starts_with(b"RIFF") && data.get(8..12) == Some(b"WEBP") {
        return webp_size(data);
    }
    image::ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()
}

/// The canvas size of a WebP (lossy, lossless or extended).
fn webp_size(data: &[u8]) -> Option<(u32, u32)> {
    let chunk = data.get(12..16)?;
    let byte = |at: usize| data.get(at).copied().map(u32::from);
    match chunk {
        b"VP8 " => {
            let width = (byte(26)? | byte(27)? << 8) & 0x3fff;
            let height = (byte(28)? | byte(29)? << 8) & 0x3fff;
            Some((width, height))
        }
        b"VP8L" => {
            let bits = byte(21)? | byte(22)? << 8 | byte(23)? << 16 | byte(24)? << 24;
            Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
        }
        b"VP8X" => {
            let width = (byte(24)? | byte(25)? << 8 | byte(26)? << 16) + 1;
            let height = (byte(27)? | byte(28)? << 8 | byte(29)? << 16) + 1;
            Some((width, height))
        }
        _ => None,
    }
}

fn check_bounds(node: &usvg::Node) -> Result<(), PictureError> {
    for rect in [node.bounding_box(), node.abs_bounding_box()] {
        let sane = [rect.left(), rect.top(), rect.right(), rect.bottom()]
            .iter()
            .all(|value| value.is_finite() && value.abs() <= MAX_SVG_COORDINATE);
        if !sane {
            return Err(too_far());
        }
    }
    Ok(())
}

fn check_transform(transform: usvg::Transform) -> Result<(), PictureError> {
    let parts = [
        transform.sx,
        transform.ky,
        transform.kx,
        transform.sy,
        transform.tx,
        transform.ty,
    ];
    if parts
        .iter()
        .all(|value| value.is_finite() && value.abs() <= MAX_SVG_COORDINATE)
    {
        Ok(())
    } else {
        Err(too_far())
    }
}

fn too_far() -> PictureError {
    PictureError::UnusableSvg(format!(
        "the SVG draws at coordinates beyond {MAX_SVG_COORDINATE}, which a PDF cannot hold; \
         give it a smaller viewBox or fix the drawing"
    ))
}
