//! Pictures: SVG drawn as vectors, PNG kept lossless, JPEG passed through; each raster turned
//! into a PDF image once per run.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use krilla::geom::{PathBuilder, Size, Transform};
use krilla::graphic::Graphic;
use krilla::image::{BitsPerComponent, CustomImage, Image, ImageColorspace};
use krilla::paint::FillRule;
use krilla::surface::Surface;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::layout::geometry::Rect;
use crate::layout::page::{ItemKind, LaidOutDocument};
use crate::model::picture::{Picture, RasterData, RasterImage};
use crate::paint::PaintError;

type Made = Arc<OnceLock<Result<Image, PaintError>>>;
/// A picture's identity (its address) and whether its image is smoothed when scaled.
type ImageKey = (usize, bool);
type Drawn = Arc<OnceLock<Option<Graphic>>>;

/// The PDF images of a run's raster pictures, each made once and shared by every handout.
///
/// A PDF image holds the picture's compressed pixels; making one decodes and compresses them,
/// which is most of the work of a handout with PNG pictures. krilla's [`Image`] is a shared
/// handle whose compressed stream is computed once, so one `Image` per picture lets every
/// handout of a batch embed it without compressing it again.
///
/// Pictures are told apart by identity: the picture loader hands out one shared
/// [`RasterImage`] per file and print size for the whole run, and the cache keeps that `Arc`
/// alive, so its address cannot be reused by another picture while it is a key. Keying by
/// content would hash every picture's bytes at every use for the same answer.
///
/// Drawings (SVG) of opaque paths in plain colours, such as the bundled line art, are kept the
/// same way, as PDF form objects (see [`shareable`]): drawn once per run at their own size and
/// placed scaled, so that they are turned into PDF operators once, and compressed once too
/// (krilla's `comemo` feature remembers compressed streams by their content).
#[derive(Default)]
pub struct PdfImages {
    made: Mutex<HashMap<ImageKey, (Arc<RasterImage>, Made)>>,
    /// By the drawing's address, like the images.
    drawn: Mutex<HashMap<usize, (Arc<usvg::Tree>, Drawn)>>,
}

impl PdfImages {
    /// A cache with no images yet.
    pub fn new() -> PdfImages {
        PdfImages::default()
    }

    /// The PDF image of `raster`, smoothed when scaled or not; made on first use.
    fn image(&self, raster: &Arc<RasterImage>, interpolate: bool) -> Result<Image, PaintError> {
        self.slot(raster, interpolate)
            .get_or_init(|| pdf_image(raster, interpolate))
            .clone()
    }

    fn slot(&self, raster: &Arc<RasterImage>, interpolate: bool) -> Made {
        // A panic while holding the lock cannot leave the map half-written; keep using it.
        let mut made = self
            .made
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let key = (Arc::as_ptr(raster) as usize, interpolate);
        made.entry(key)
            .or_insert_with(|| (Arc::clone(raster), Made::default()))
            .1
            .clone()
    }

    /// The form object of `tree` at its own size, drawn on first use; `None` when it cannot be
    /// drawn. Only for [`shareable`] drawings.
    fn drawing(&self, tree: &Arc<usvg::Tree>) -> Option<Graphic> {
        let slot = self.drawing_slot(tree);
        slot.get_or_init(|| draw_form(tree)).clone()
    }

    fn drawing_slot(&self, tree: &Arc<usvg::Tree>) -> Drawn {
        let mut drawn = self
            .drawn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        drawn
            .entry(Arc::as_ptr(tree) as usize)
            .or_insert_with(|| (Arc::clone(tree), Drawn::default()))
            .1
            .clone()
    }

    /// Makes the images of `document`'s raster pictures and the form objects of its shared
    /// drawings not made yet side by side on all cores, so that painting finds them ready.
    /// They are the same whichever thread makes them, so the PDF is too. Plain threads rather than rayon's: a rayon worker
    /// waiting here would start other handouts of a batch meanwhile.
    pub fn prepare(&self, document: &LaidOutDocument, interpolate: bool) {
        let mut pending: Vec<Pending> = Vec::new();
        for item in document.pages.iter().flat_map(|page| &page.items) {
            let ItemKind::Picture { picture, .. } = &item.kind else {
                continue;
            };
            let job = match picture {
                Picture::Raster(raster) if self.slot(raster, interpolate).get().is_none() => {
                    Pending::Raster(raster)
                }
                // Archival PDFs (no smoothing) draw their drawings inline, see `draw_picture`.
                Picture::Vector { tree, .. }
                    if interpolate
                        && self.drawing_slot(tree).get().is_none()
                        && shareable(tree.root()) =>
                {
                    Pending::Drawing(tree)
                }
                _ => continue,
            };
            if !pending.iter().any(|seen| seen.same(&job)) {
                pending.push(job);
            }
        }
        // Errors are kept and reported where the picture is drawn.
        crate::parallel::on_all_cores(&pending, |job| match job {
            Pending::Raster(raster) => {
                let _ = self.image(raster, interpolate);
            }
            Pending::Drawing(tree) => {
                let _ = self.drawing(tree);
            }
        });
    }
}

/// A picture of a handout whose PDF image or form object is not made yet.
enum Pending<'a> {
    Raster(&'a Arc<RasterImage>),
    Drawing(&'a Arc<usvg::Tree>),
}

impl Pending<'_> {
    fn same(&self, other: &Pending) -> bool {
        match (self, other) {
            (Pending::Raster(one), Pending::Raster(other)) => Arc::ptr_eq(one, other),
            (Pending::Drawing(one), Pending::Drawing(other)) => Arc::ptr_eq(one, other),
            _ => false,
        }
    }
}

/// Draws `picture` scaled into `rect`; photos are smoothed when scaled (`interpolate`) except
/// in PDF/A, which forbids it. A drawing shows only its view box, clipped to `rect`.
pub fn draw_picture(
    surface: &mut Surface,
    images: &PdfImages,
    picture: &Picture,
    rect: Rect,
    interpolate: bool,
) -> Result<(), PaintError> {
    let no_size = || PaintError::Picture("a picture has no size".to_string());
    let size = Size::from_wh(rect.width, rect.height).ok_or_else(no_size)?;
    surface.push_transform(&Transform::from_translate(rect.x, rect.y));
    let drawn = match picture {
        Picture::Vector { tree, view } => {
            let scale = rect.width / view.width.max(f32::EPSILON);
            let canvas = Size::from_wh(tree.size().width() * scale, tree.size().height() * scale)
                .ok_or_else(no_size)?;
            let mut clip = PathBuilder::new();
            if let Some(frame) = krilla::geom::Rect::from_xywh(0.0, 0.0, rect.width, rect.height) {
                clip.push_rect(frame);
            }
            let clipped = clip.finish();
            if let Some(clip) = &clipped {
                surface.push_clip_path(clip, &FillRule::NonZero);
            }
            surface.push_transform(&Transform::from_translate(-view.x * scale, -view.y * scale));
            // Archival PDFs may need colour spaces as objects of their own: drawn inline too.
            let drawn = if !interpolate || !shareable(tree.root()) {
                surface.draw_svg(tree, canvas, SvgSettings::default())
            } else {
                images.drawing(tree).map(|drawing| {
                    surface.push_transform(&Transform::from_scale(scale, scale));
                    surface.draw_graphic(drawing);
                    surface.pop();
                })
            }
            .ok_or_else(|| PaintError::Picture("an SVG picture could not be drawn".to_string()));
            surface.pop();
            if clipped.is_some() {
                surface.pop();
            }
            drawn
        }
        Picture::Raster(raster) => images
            .image(raster, interpolate)
            .map(|image| surface.draw_image(image, size)),
    };
    surface.pop();
    drawn
}

/// Draws `tree` at its own size into a form object, and compresses it. It is drawn in a
/// document of its own,
/// thrown away after: krilla may note things in the document a stream is drawn in, and a
/// handout must not depend on whether it was the first of a batch to use a drawing.
fn draw_form(tree: &usvg::Tree) -> Option<Graphic> {
    let size = Size::from_wh(tree.size().width(), tree.size().height())?;
    let mut scratch = krilla::Document::new_with(super::serialize_settings(false).ok()?);
    let mut page = scratch.start_page_with(krilla::page::PageSettings::new(size));
    let mut surface = page.surface();
    let mut builder = surface.stream_builder();
    let mut drawing = builder.surface();
    let drawn = drawing.draw_svg(tree, size, SvgSettings::default());
    drawing.finish();
    let graphic = Graphic::new(builder.finish(), false);
    // Placing it here compresses its stream, which krilla remembers by content: the handouts
    // then find it compressed, and `prepare` does this work on all cores.
    surface.draw_graphic(graphic.clone());
    surface.finish();
    page.finish();
    drawn.map(|()| graphic)
}

/// Whether a drawing's form object can be placed in any handout: only opaque paths in plain
/// colours. krilla refers to everything else a stream uses (a font, a transparency setting,
/// an image, a gradient, a mask) through objects of the document it was drawn in, which
/// another handout does not have; such drawings are drawn into each handout instead.
fn shareable(group: &usvg::Group) -> bool {
    let plain = |paint: &usvg::Paint, opacity: usvg::Opacity| {
        matches!(paint, usvg::Paint::Color(_)) && opacity.get() >= 1.0
    };
    group.opacity().get() >= 1.0
        && group.blend_mode() == usvg::BlendMode::Normal
        && !group.isolate()
        && group.clip_path().is_none()
        && group.mask().is_none()
        && group.filters().is_empty()
        && group.children().iter().all(|node| match node {
            usvg::Node::Group(group) => shareable(group),
            usvg::Node::Path(path) => {
                path.fill()
                    .is_none_or(|fill| plain(fill.paint(), fill.opacity()))
                    && path
                        .stroke()
                        .is_none_or(|stroke| plain(stroke.paint(), stroke.opacity()))
            }
            usvg::Node::Image(_) | usvg::Node::Text(_) => false,
        })
}

/// Makes the PDF image of `raster`: krilla decodes and compresses PNG files itself, takes JPEG
/// data as it is, and compresses downscaled pixels.
fn pdf_image(raster: &Arc<RasterImage>, interpolate: bool) -> Result<Image, PaintError> {
    let made = match &raster.data {
        RasterData::Png(bytes) => Image::from_png(Arc::clone(bytes).into(), interpolate),
        RasterData::Jpeg(bytes) => Image::from_jpeg(Arc::clone(bytes).into(), interpolate),
        RasterData::Pixels(pixels) => {
            let channels = if pixels.grey { 1 } else { 3 };
            let count = raster.width_px as usize * raster.height_px as usize;
            let complete = pixels.colour.len() == count * channels
                && pixels
                    .alpha
                    .as_ref()
                    .is_none_or(|alpha| alpha.len() == count);
            if !complete {
                return Err(PaintError::Picture(
                    "a downscaled picture lost pixels".to_string(),
                ));
            }
            Image::from_custom(PixelImage(Arc::clone(raster)), interpolate)
        }
    };
    made.map_err(PaintError::Picture)
}

/// A downscaled picture's pixels, as krilla takes images it cannot decode itself.
#[derive(Clone)]
struct PixelImage(Arc<RasterImage>);

impl PixelImage {
    fn pixels(&self) -> Option<&crate::model::picture::Pixels> {
        match &self.0.data {
            RasterData::Pixels(pixels) => Some(pixels),
            RasterData::Png(_) | RasterData::Jpeg(_) => None,
        }
    }
}

impl Hash for PixelImage {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // krilla tells images apart in a document by this hash: hash the pixels themselves.
        self.pixels().hash(state);
        (self.0.width_px, self.0.height_px).hash(state);
    }
}

impl CustomImage for PixelImage {
    fn color_channel(&self) -> &[u8] {
        self.pixels().map_or(&[], |pixels| pixels.colour.as_slice())
    }

    fn alpha_channel(&self) -> Option<&[u8]> {
        self.pixels()?.alpha.as_deref()
    }

    fn bits_per_component(&self) -> BitsPerComponent {
        BitsPerComponent::Eight
    }

    fn size(&self) -> (u32, u32) {
        (self.0.width_px, self.0.height_px)
    }

    fn icc_profile(&self) -> Option<&[u8]> {
        self.pixels()?.icc_profile.as_deref()
    }

    fn color_space(&self) -> ImageColorspace {
        match self.pixels() {
            Some(pixels) if pixels.grey => ImageColorspace::Luma,
            _ => ImageColorspace::Rgb,
        }
    }
}
