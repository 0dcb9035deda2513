//! Pictures: SVG drawn as vectors, PNG kept lossless, JPEG passed through.

use krilla::geom::{Size, Transform};
use krilla::image::Image;
use krilla::surface::Surface;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::layout::geometry::Rect;
use crate::model::picture::{Picture, RasterFormat};

/// Draws `picture` scaled into `rect`; photos are smoothed when scaled (`interpolate`) except
/// in PDF/A, which forbids it.
pub fn draw_picture(
    surface: &mut Surface,
    picture: &Picture,
    rect: Rect,
    interpolate: bool,
) -> Result<(), String> {
    let size = Size::from_wh(rect.width, rect.height).ok_or("a picture has no size")?;
    surface.push_transform(&Transform::from_translate(rect.x, rect.y));
    let drawn = match picture {
        Picture::Vector(tree) => surface
            .draw_svg(tree, size, SvgSettings::default())
            .ok_or_else(|| "an SVG picture could not be drawn".to_string()),
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
