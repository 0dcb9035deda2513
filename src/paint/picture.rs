//! Pictures: SVG drawn as vectors, PNG kept lossless, JPEG passed through.

use krilla::geom::{PathBuilder, Size, Transform};
use krilla::image::Image;
use krilla::paint::FillRule;
use krilla::surface::Surface;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::layout::geometry::Rect;
use crate::model::picture::{Picture, RasterFormat};

/// Draws `picture` scaled into `rect`; photos are smoothed when scaled (`interpolate`) except
/// in PDF/A, which forbids it. A drawing shows only its view box, clipped to `rect`.
pub fn draw_picture(
    surface: &mut Surface,
    picture: &Picture,
    rect: Rect,
    interpolate: bool,
) -> Result<(), String> {
    let size = Size::from_wh(rect.width, rect.height).ok_or("a picture has no size")?;
    surface.push_transform(&Transform::from_translate(rect.x, rect.y));
    let drawn = match picture {
        Picture::Vector { tree, view } => {
            let scale = rect.width / view.width.max(f32::EPSILON);
            let canvas = Size::from_wh(tree.size().width() * scale, tree.size().height() * scale)
                .ok_or("a picture has no size")?;
            let mut clip = PathBuilder::new();
            if let Some(frame) = krilla::geom::Rect::from_xywh(0.0, 0.0, rect.width, rect.height) {
                clip.push_rect(frame);
            }
            let clipped = clip.finish();
            if let Some(clip) = &clipped {
                surface.push_clip_path(clip, &FillRule::NonZero);
            }
            surface.push_transform(&Transform::from_translate(-view.x * scale, -view.y * scale));
            let drawn = surface
                .draw_svg(tree, canvas, SvgSettings::default())
                .ok_or_else(|| "an SVG picture could not be drawn".to_string());
            surface.pop();
            if clipped.is_some() {
                surface.pop();
            }
            drawn
        }
        Picture::Raster(raster) => {
            let data = raster.data.clone().into();
            let image = match raster.format {
                RasterFormat::Png => Image::from_png(data, interpolate),
                RasterFormat::Jpeg => Image::from_jpeg(data, interpolate),
            };
            image.map(|image| surface.draw_image(image, size))
        }
    };
    surface.pop();
    drawn
}
