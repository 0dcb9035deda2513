//! Illustrations and logos, decoded once and kept ready to place: SVG as vectors, PNG and JPEG
//! checked, turned upright and downscaled to print resolution.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use image::{DynamicImage, ImageDecoder, ImageReader, Limits, metadata::Orientation};

use crate::diagnostic::Kind;
use crate::fonts::Fonts;
use crate::load::asset::PictureSource;
use crate::load::bounded_read::{ReadError, read_input_file};
use crate::load::library::bundled_file;
use crate::resolve::resample;

/// Image files larger than this are refused: no more than this and one byte is ever read.
pub const MAX_IMAGE_FILE_BYTES: u64 = 30 * 1024 * 1024;
/// Raster images with more pixels than this are refused (decompression bombs).
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;
/// Raster images are downscaled so their longer side has at most this many pixels: 300 ppi
/// at the largest size a picture is placed (4 inches).
pub const MAX_PLACED_PIXELS: u32 = 1200;
/// Pixels on the longer side that a photo downscaled for a regular-print card keeps at least:
/// 300 ppi across its 2-inch column.
pub const REGULAR_PLACED_PIXELS: u32 = 600;
/// The resolution pictures are downscaled to, at the largest size they are printed.
pub const PRINT_PPI: u32 = 300;
/// PNGs within this factor of their print size pass through: resampling them would soften
/// them for little gain.
const PNG_RESIZE_SLACK: f32 = 1.1;
/// The quality of photos re-encoded as JPEG after they were turned upright or downscaled.
const JPEG_QUALITY: u8 = 85;

/// How large pictures are printed, which decides how many pixels a downscaled photo keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrintSize {
    /// Regular print: pictures in the 2-inch column of a card, at most 2.2 inches tall.
    Regular,
    /// Large print and catalogs: up to 4 inches.
    Large,
    /// The clinic's logo in the page header: at most 2.2 inches wide and 0.85 inch tall
    /// (`layout/header.rs`).
    Logo,
}

impl PrintSize {
    /// The longer side, in pixels, that a photo (JPEG) is decoded to at least: 300 ppi across
    /// a card's 2-inch column (a portrait photo 2.2 inches tall gets 270), 1,200 pixels for
    /// everything else. Photos stay JPEG, lossy: decoding more of them to reach 300 ppi on
    /// portraits cost a fifth of the photo handout's time for little a print shows.
    pub fn photo_pixels(self) -> u32 {
        match self {
            PrintSize::Regular => REGULAR_PLACED_PIXELS,
            PrintSize::Large | PrintSize::Logo => MAX_PLACED_PIXELS,
        }
    }

    /// The largest box a picture printed at this size is drawn into, in pixels at
    /// [`PRINT_PPI`]: width and height.
    pub fn placement_box(self) -> (u32, u32) {
        let at_print = |inches: f32| (inches * PRINT_PPI as f32).round() as u32;
        match self {
            PrintSize::Regular => (REGULAR_PLACED_PIXELS, at_print(2.2)),
            PrintSize::Large => (MAX_PLACED_PIXELS, MAX_PLACED_PIXELS),
            PrintSize::Logo => (at_print(2.2), at_print(0.85)),
        }
    }

    /// The pixels a `width` x `height` picture needs to print at this size: its own size when
    /// it has no more than that, else its proportions scaled to fill the placement box.
    pub fn pixels_needed(self, width: u32, height: u32) -> (u32, u32) {
        let (box_width, box_height) = self.placement_box();
        let scale =
            (box_width as f32 / width.max(1) as f32).min(box_height as f32 / height.max(1) as f32);
        if scale >= 1.0 {
            return (width, height);
        }
        // Rounded up, so that the print never falls below PRINT_PPI (less a hair for the
        // rounding of `scale` itself: 750 x 0.6 is 450, not 451).
        let scaled = |side: u32| ((side as f32 * scale - 0.01).ceil() as u32).clamp(1, side);
        (scaled(width), scaled(height))
    }
}

use crate::model::picture::{Picture, Pixels, RasterData, RasterFormat, RasterImage, ViewBox};

/// Why a picture cannot be used: the sentence completes "cannot use the logo `logo.png`: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureError {
    /// The file cannot be read: missing, a folder, not permitted, or too large.
    Unreadable(ReadError),
    /// The bundled library has no such file.
    NotBundled,
    /// Not an SVG, PNG or JPEG.
    UnknownFormat,
    /// The image data is damaged or incomplete; what the decoder said.
    Damaged(String),
    /// More pixels, size or filter work than hep prints safely; the sentence says which and
    /// how to fix it.
    TooLarge(String),
    /// An SVG that cannot be printed as it is (unreadable, without a size, drawn beyond what a
    /// PDF can hold); the sentence says why and how to fix it.
    UnusableSvg(String),
}

impl PictureError {
    /// The kind of problem, for the exit status and scripts.
    pub fn kind(&self) -> Kind {
        match self {
            PictureError::Unreadable(ReadError::NotFound) | PictureError::NotBundled => {
                Kind::MissingFile
            }
            PictureError::Unreadable(ReadError::TooLarge { .. }) | PictureError::TooLarge(_) => {
                Kind::TooLarge
            }
            PictureError::Unreadable(ReadError::PermissionDenied | ReadError::Other(_)) => Kind::Io,
            PictureError::Unreadable(ReadError::Folder | ReadError::NotRegular(_))
            | PictureError::UnknownFormat
            | PictureError::Damaged(_)
            | PictureError::UnusableSvg(_) => Kind::BadPicture,
        }
    }
}

impl std::fmt::Display for PictureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PictureError::Unreadable(ReadError::TooLarge { .. }) => write!(
                f,
                "the file is larger than the {} MiB allowed; save a smaller copy",
                MAX_IMAGE_FILE_BYTES / (1024 * 1024)
            ),
            PictureError::Unreadable(reason) => write!(f, "{reason}"),
            PictureError::NotBundled => f.write_str("no such file in the bundled library"),
            PictureError::UnknownFormat => f.write_str("it is not an SVG, PNG or JPEG image"),
            PictureError::Damaged(detail) => {
                write!(f, "the image is damaged or incomplete ({detail})")
            }
            PictureError::TooLarge(why) | PictureError::UnusableSvg(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for PictureError {}

type Loaded = Arc<OnceLock<Result<Picture, PictureError>>>;

/// Decodes pictures, each file once per process and print size: a batch of handouts shares
/// them, and two threads asking for the same picture at once decode it once.
pub struct PictureLoader {
    cache: Mutex<HashMap<(PictureSource, PrintSize), Loaded>>,
    svg_options: usvg::Options<'static>,
}

impl Default for PictureLoader {
    fn default() -> Self {
        PictureLoader::new()
    }
}

impl PictureLoader {
    /// A loader whose SVGs can use the bundled fonts and never fetch anything.
    pub fn new() -> PictureLoader {
        let mut svg_options = usvg::Options::default();
        let fonts = Fonts::bundled();
        let database = svg_options.fontdb_mut();
        for face in [&fonts.regular, &fonts.bold, &fonts.italic] {
            database.load_font_data(face.data.to_vec());
        }
        database.set_sans_serif_family("Atkinson Hyperlegible");
        svg_options.font_family = "Atkinson Hyperlegible".to_string();
        // Never read files or URLs named inside an SVG; embedded data: URLs still work.
        svg_options.image_href_resolver.resolve_string = Box::new(|_, _| None);
        svg_options.resources_dir = None;
        PictureLoader {
            cache: Mutex::new(HashMap::new()),
            svg_options,
        }
    }

    /// The picture at `source`, decoded on first use with pixels enough for any placement;
    /// the error says what is wrong with it.
    pub fn load(&self, source: &PictureSource) -> Result<Picture, PictureError> {
        self.load_for(source, PrintSize::Large)
    }

    /// The picture at `source` with pixels enough to print it at `size`, decoded on first use.
    pub fn load_for(
        &self,
        source: &PictureSource,
        size: PrintSize,
    ) -> Result<Picture, PictureError> {
        let size = cache_size(source, size);
        let slot = {
            // A panic while holding the lock cannot leave the map half-written; keep using it.
            let mut cache = self
                .cache
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            cache.entry((source.clone(), size)).or_default().clone()
        };
        slot.get_or_init(|| self.decode(source, size)).clone()
    }

    /// Decodes those of `sources` not decoded yet on all cores, so that
    /// [`PictureLoader::load_for`] finds them ready: a handout's photos are most of its time.
    /// Plain threads rather than rayon's: a rayon worker waiting here would start other
    /// handouts of a batch meanwhile, and hold all of them in memory at once.
    pub fn preload(&self, sources: &[PictureSource], size: PrintSize) {
        let pending: Vec<&PictureSource> = {
            let cache = self
                .cache
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            sources
                .iter()
                .filter(|source| {
                    cache
                        .get(&((*source).clone(), cache_size(source, size)))
                        .is_none_or(|slot| slot.get().is_none())
                })
                .collect()
        };
        // Errors are kept in the cache and reported where the picture is used.
        crate::parallel::on_all_cores(&pending, |source| {
            let _ = self.load_for(source, size);
        });
    }

    fn decode(&self, source: &PictureSource, size: PrintSize) -> Result<Picture, PictureError> {
        let bytes = read_bytes(source)?;
        let name = match source {
            PictureSource::Bundled(path) | PictureSource::Disk(path) => path.as_path(),
        };
        if is_svg(name, &bytes) {
            let tree = usvg::Tree::from_data(&bytes, &self.svg_options).map_err(|error| {
                PictureError::UnusableSvg(format!("it is not a readable SVG file ({error})"))
            })?;
            if tree.size().width() <= 0.0 || tree.size().height() <= 0.0 {
                return Err(PictureError::UnusableSvg("the SVG has no size".to_string()));
            }
            crate::resolve::svg_bounds::check_svg(&tree)?;
            let view = ViewBox::of_drawing(&tree);
            return Ok(Picture::Vector {
                tree: Arc::new(tree),
                view,
            });
        }
        raster_picture(bytes, size)
    }
}

/// The bytes of a PNG or JPEG file as a picture printed at `size`: checked (complete, within
/// the pixel limit), turned upright, and decoded no larger than it is printed.
pub fn raster_picture(bytes: Vec<u8>, size: PrintSize) -> Result<Picture, PictureError> {
    decode_raster_for(bytes, size).map(|image| Picture::Raster(Arc::new(image)))
}

/// The bytes of a picture file, from the bundled library or the disk.
pub(crate) fn read_bytes(source: &PictureSource) -> Result<Vec<u8>, PictureError> {
    match source {
        PictureSource::Bundled(path) => bundled_file(path)
            .map(<[u8]>::to_vec)
            .ok_or(PictureError::NotBundled),
        PictureSource::Disk(path) => {
            read_input_file(path, MAX_IMAGE_FILE_BYTES).map_err(PictureError::Unreadable)
        }
    }
}

/// The print size `source` is cached under: a vector drawing is the same at every size, so
/// one tree serves all of them.
fn cache_size(source: &PictureSource, size: PrintSize) -> PrintSize {
    let (PictureSource::Bundled(path) | PictureSource::Disk(path)) = source;
    let svg = path.extension().is_some_and(|extension| {
        matches!(
            extension.to_string_lossy().to_lowercase().as_str(),
            "svg" | "svgz"
        )
    });
    if svg { PrintSize::Large } else { size }
}

fn is_svg(name: &Path, bytes: &[u8]) -> bool {
    let extension = name
        .extension()
        .map(|extension| extension.to_string_lossy().to_lowercase());
    if matches!(extension.as_deref(), Some("svg" | "svgz")) {
        return true;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
    head.contains("<svg")
}

/// `bytes` as a raster image for the largest placement.
#[cfg(test)]
fn decode_raster(bytes: Vec<u8>) -> Result<RasterImage, PictureError> {
    decode_raster_for(bytes, PrintSize::Large)
}

/// `bytes` as a raster image printed at `size`: checked and upright. A JPEG with more than
/// [`MAX_PLACED_PIXELS`] on its longer side, or a PNG with more than `size` needs, is
/// downscaled to what `size` needs at [`PRINT_PPI`]; the rest pass through as they are.
fn decode_raster_for(bytes: Vec<u8>, size: PrintSize) -> Result<RasterImage, PictureError> {
    let format = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        RasterFormat::Png
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        RasterFormat::Jpeg
    } else {
        return Err(PictureError::UnknownFormat);
    };
    let broken = |error: image::ImageError| PictureError::Damaged(error.to_string());
    let mut reader = ImageReader::new(Cursor::new(bytes.as_slice()))
        .with_guessed_format()
        .map_err(|error| PictureError::Damaged(error.to_string()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(30_000);
    limits.max_image_height = Some(30_000);
    limits.max_alloc = Some(MAX_IMAGE_PIXELS * 8);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(broken)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(PictureError::TooLarge(format!(
            "the image is {width} x {height} pixels, more than the {} megapixels allowed; \
             save a smaller copy",
            MAX_IMAGE_PIXELS / 1_000_000
        )));
    }
    if format == RasterFormat::Jpeg && !jpeg_is_complete(&bytes) {
        return Err(PictureError::Damaged(
            "the JPEG data stops before its end; copy the file again".to_string(),
        ));
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let upright = orientation == Orientation::NoTransforms;
    let (upright_width, upright_height) = if turns_sideways(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let needed = size.pixels_needed(upright_width, upright_height);
    let fits = match format {
        // JPEG stays compressed in the PDF, so extra pixels cost only bytes, while decoding
        // and re-encoding costs time and quality.
        RasterFormat::Jpeg => width.max(height) <= MAX_PLACED_PIXELS,
        RasterFormat::Png => {
            let slack = |side: u32| (side as f32 * PNG_RESIZE_SLACK).ceil() as u32;
            upright_width <= slack(needed.0) && upright_height <= slack(needed.1)
        }
    };
    if format == RasterFormat::Jpeg && upright && fits {
        // Embedded as it is: its header was read and its data runs to its end, which is all
        // the PDF viewer needs; decoding its pixels here would only cost time.
        drop(decoder);
        return Ok(RasterImage {
            data: RasterData::Jpeg(Arc::new(bytes)),
            width_px: width,
            height_px: height,
        });
    }
    let mut icc_profile = None;
    let mut image = match format {
        RasterFormat::Jpeg => match decode_jpeg_scaled(&bytes, size.photo_pixels())? {
            Some(image) => {
                drop(decoder);
                image
            }
            None => DynamicImage::from_decoder(decoder).map_err(broken)?,
        },
        // A PNG is decoded in full even when it fits: that is what finds a damaged one.
        RasterFormat::Png => {
            drop(decoder);
            let (image, profile) = decode_png(&bytes)?;
            icc_profile = profile;
            image
        }
    };
    if format == RasterFormat::Png && upright && fits {
        return Ok(RasterImage {
            data: RasterData::Png(Arc::new(bytes)),
            width_px: width,
            height_px: height,
        });
    }
    image.apply_orientation(orientation);
    let data = match format {
        RasterFormat::Jpeg => {
            if image.width().max(image.height()) > MAX_PLACED_PIXELS {
                // Area-averaging thumbnail: for shrinking photos it looks as good as Lanczos3
                // at print size and is many times faster (bench/README.md: Lanczos3 was 69%
                // of a handout).
                let wanted = size.photo_pixels().min(MAX_PLACED_PIXELS);
                image = image.thumbnail(wanted, wanted);
            }
            RasterData::Jpeg(Arc::new(encode_jpeg(&image)?))
        }
        RasterFormat::Png => {
            let (width, height) = size.pixels_needed(image.width(), image.height());
            let mut pixels = downscale_keeping_transparency(image, width, height);
            pixels.icc_profile = icc_profile;
            image = DynamicImage::new_luma8(width, height);
            RasterData::Pixels(pixels)
        }
    };
    Ok(RasterImage {
        data,
        width_px: image.width(),
        height_px: image.height(),
    })
}

/// A PNG's pixels at 8 bits a channel (palettes expanded, 16 bits reduced), and its colour
/// profile. Decoded straight into one buffer: the `image` crate's PNG decoder fills a buffer
/// of its own and copies it, and on a short run every fresh megabyte is page faults.
fn decode_png(bytes: &[u8]) -> Result<(DynamicImage, Option<Vec<u8>>), PictureError> {
    let broken = |error: png::DecodingError| PictureError::Damaged(error.to_string());
    let limits = png::Limits {
        bytes: usize::try_from(MAX_IMAGE_PIXELS * 8).unwrap_or(usize::MAX),
    };
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(broken)?;
    let icc_profile = reader
        .info()
        .icc_profile
        .as_ref()
        .map(|profile| profile.to_vec());
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| PictureError::TooLarge("the image is too large to decode".to_string()))?;
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels).map_err(broken)?;
    pixels.truncate(frame.buffer_size());
    let (width, height) = (frame.width, frame.height);
    let image = match frame.color_type {
        png::ColorType::Grayscale => {
            image::GrayImage::from_raw(width, height, pixels).map(DynamicImage::ImageLuma8)
        }
        png::ColorType::GrayscaleAlpha => {
            image::GrayAlphaImage::from_raw(width, height, pixels).map(DynamicImage::ImageLumaA8)
        }
        png::ColorType::Rgb => {
            image::RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8)
        }
        png::ColorType::Rgba => {
            image::RgbaImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgba8)
        }
        png::ColorType::Indexed => None,
    };
    let image = image.ok_or_else(|| PictureError::Damaged("too few pixels".to_string()))?;
    Ok((image, icc_profile))
}

/// Whether an EXIF orientation swaps width and height.
fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// `image` downscaled to `width` x `height` (or kept, when it is that size) as 8-bit pixels,
/// colour and transparency apart. Colour is averaged weighted by opacity (premultiplied), so
/// that the colour of transparent pixels never bleeds into the edges of visible ones.
fn downscale_keeping_transparency(image: DynamicImage, width: u32, height: u32) -> Pixels {
    let grey = !image.color().has_color();
    let size = (image.width(), image.height());
    let resize = |pixels: Vec<u8>, channels: usize| {
        if size == (width, height) {
            pixels
        } else {
            resample::downscale(&pixels, size, channels, (width, height))
        }
    };
    if !image.color().has_alpha() {
        let colour = if grey {
            resize(image.into_luma8().into_raw(), 1)
        } else {
            resize(image.into_rgb8().into_raw(), 3)
        };
        return Pixels {
            colour,
            grey,
            alpha: None,
            icc_profile: None,
        };
    }
    let mut rgba = image.into_rgba8().into_raw();
    for pixel in rgba.chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        for channel in &mut pixel[..3] {
            *channel = ((u16::from(*channel) * alpha + 127) / 255) as u8;
        }
    }
    let rgba = resize(rgba, 4);
    let channels = if grey { 1 } else { 3 };
    let mut colour = Vec::with_capacity(rgba.len() / 4 * channels);
    let mut alpha = Vec::with_capacity(rgba.len() / 4);
    for pixel in rgba.chunks_exact(4) {
        let opacity = pixel[3];
        let unpremultiply =
            |channel: u8| match opacity {
                0 => 0,
                _ => ((u16::from(channel) * 255 + u16::from(opacity) / 2) / u16::from(opacity))
                    .min(255) as u8,
            };
        if grey {
            colour.push(unpremultiply(pixel[0]));
        } else {
            colour.extend(pixel[..3].iter().map(|&channel| unpremultiply(channel)));
        }
        alpha.push(opacity);
    }
    let opaque = alpha.iter().all(|&opacity| opacity == u8::MAX);
    Pixels {
        colour,
        grey,
        alpha: (!opaque).then_some(alpha),
        icc_profile: None,
    }
}

/// A JPEG decoded at the smallest of 1/8, 1/4, 1/2 and full size that keeps at least `wanted`
/// pixels on its longer side: the decoder scales in the DCT domain, so a phone photo printed
/// 2 inches wide costs a fraction of its full decode. `None` for colour spaces the scaling
/// decoder does not give as RGB or grey (CMYK, 16-bit), which take the full decode.
fn decode_jpeg_scaled(bytes: &[u8], wanted: u32) -> Result<Option<DynamicImage>, PictureError> {
    let broken = |error: jpeg_decoder::Error| PictureError::Damaged(error.to_string());
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.set_max_decoding_buffer_size((MAX_IMAGE_PIXELS * 4) as usize);
    decoder.read_info().map_err(broken)?;
    let Some(info) = decoder.info() else {
        return Ok(None);
    };
    if !matches!(
        info.pixel_format,
        jpeg_decoder::PixelFormat::RGB24 | jpeg_decoder::PixelFormat::L8
    ) {
        return Ok(None);
    }
    let wanted = u16::try_from(wanted.max(1)).unwrap_or(u16::MAX);
    let (width, height) = decoder.scale(wanted, wanted).map_err(broken)?;
    let pixels = decoder.decode().map_err(broken)?;
    let (width, height) = (u32::from(width), u32::from(height));
    let image = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => {
            image::GrayImage::from_raw(width, height, pixels).map(DynamicImage::ImageLuma8)
        }
        _ => image::RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8),
    };
    image
        .map(Some)
        .ok_or_else(|| PictureError::Damaged("too few pixels".to_string()))
}

/// `image` as a baseline JPEG with 4:2:0 chroma subsampling, as cameras write them.
fn encode_jpeg(image: &DynamicImage) -> Result<Vec<u8>, PictureError> {
    let (width, height) = (
        u16::try_from(image.width())
            .map_err(|_| PictureError::TooLarge("the image is too wide".to_string()))?,
        u16::try_from(image.height())
            .map_err(|_| PictureError::TooLarge("the image is too tall".to_string()))?,
    );
    let mut encoded = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut encoded, JPEG_QUALITY);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    let done = match image {
        DynamicImage::ImageLuma8(grey) => {
            encoder.encode(grey.as_raw(), width, height, jpeg_encoder::ColorType::Luma)
        }
        DynamicImage::ImageRgb8(rgb) => {
            encoder.encode(rgb.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
        }
        other => {
            let rgb = other.to_rgb8();
            encoder.encode(rgb.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
        }
    };
    done.map_err(|error| PictureError::Damaged(error.to_string()))?;
    Ok(encoded)
}

/// Whether a JPEG's segments run to its end-of-image marker. JPEG decoders fill a file that
/// was cut off with grey instead of failing, so without this a half-copied photo would be
/// printed as half a photo, or embedded as it is and shown broken by the PDF viewer.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut at = 2;
    while at + 1 < bytes.len() {
        if bytes[at] != 0xFF {
            // Entropy-coded data inside a scan, or stray bytes that decoders skip too.
            at += 1;
            continue;
        }
        match bytes[at + 1] {
            // Fill bytes before a marker.
            0xFF => at += 1,
            // End of image.
            0xD9 => return true,
            // A stuffed 0xFF byte in scan data, and markers without a length: TEM, RSTn.
            0x00 | 0x01 | 0xD0..=0xD7 => at += 2,
            // A segment with a length: its header, or tables and scans of the image.
            _ => {
                let Some(length) = bytes.get(at + 2..at + 4) else {
                    return false;
                };
                let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
                if length < 2 {
                    return false;
                }
                at += 2 + length;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::new_rgba8(width, height);
        let mut bytes = Vec::new();
        image
            .write_with_encoder(image::codecs::png::PngEncoder::new(&mut bytes))
            .unwrap();
        bytes
    }

    #[test]
    fn small_pngs_pass_through_untouched() {
        let bytes = png(40, 20);
        let image = decode_raster(bytes.clone()).unwrap();
        assert!(
            matches!(&image.data, RasterData::Png(data) if data.as_slice() == bytes.as_slice())
        );
        assert_eq!((image.width_px, image.height_px), (40, 20));
    }

    #[test]
    fn large_images_are_downscaled_keeping_their_proportions() {
        let image = decode_raster(png(2400, 1200)).unwrap();
        assert_eq!((image.width_px, image.height_px), (1200, 600));
    }

    #[test]
    fn truncated_and_foreign_files_are_refused() {
        let mut bytes = png(300, 300);
        bytes.truncate(bytes.len() / 2);
        assert!(decode_raster(bytes).is_err());
        assert!(decode_raster(b"GIF89a....".to_vec()).is_err());
    }

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([
                (x * 7 % 256) as u8,
                (y * 13 % 256) as u8,
                ((x ^ y) % 256) as u8,
            ])
        }));
        let mut bytes = Vec::new();
        image
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut bytes, 90,
            ))
            .unwrap();
        bytes
    }

    #[test]
    fn complete_jpegs_pass_and_cut_off_ones_are_refused() {
        let whole = jpeg(200, 120);
        assert!(jpeg_is_complete(&whole));
        let image = decode_raster(whole.clone()).unwrap();
        assert!(
            matches!(&image.data, RasterData::Jpeg(data) if data.as_slice() == whole.as_slice())
        );
        // Bytes after the end-of-image marker are harmless, as in many cameras' files.
        let mut padded = whole.clone();
        padded.extend_from_slice(&[0, 0, 0, 0]);
        assert!(jpeg_is_complete(&padded));
        for cut in [whole.len() - 2, whole.len() / 2, 40, 3] {
            assert!(!jpeg_is_complete(&whole[..cut]), "cut at {cut}");
            let error = decode_raster(whole[..cut].to_vec()).unwrap_err();
            assert!(matches!(error, PictureError::Damaged(_)), "{error:?}");
            assert_eq!(error.kind(), Kind::BadPicture);
            assert!(
                error.to_string().contains("damaged or incomplete"),
                "{error}"
            );
        }
    }

    #[test]
    fn large_jpegs_are_decoded_at_a_reduced_scale_for_regular_print() {
        let image = decode_raster_for(jpeg(2400, 1800), PrintSize::Regular).unwrap();
        assert_eq!((image.width_px, image.height_px), (600, 450));
        let RasterData::Jpeg(data) = &image.data else {
            panic!("a photo stays a JPEG");
        };
        let decoded = image::load_from_memory(data).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (600, 450));
        let large = decode_raster_for(jpeg(2400, 1800), PrintSize::Large).unwrap();
        assert_eq!((large.width_px, large.height_px), (1200, 900));
    }

    #[test]
    fn pictures_need_300_ppi_at_the_largest_size_they_are_drawn() {
        // A 2-inch column: landscape pictures are as wide as it, portraits 2.2 inches tall.
        assert_eq!(PrintSize::Regular.pixels_needed(1000, 750), (600, 450));
        assert_eq!(PrintSize::Regular.pixels_needed(750, 1000), (495, 660));
        assert_eq!(PrintSize::Regular.pixels_needed(400, 300), (400, 300));
        // A logo at most 2.2 x 0.85 inches; large print and catalogs up to 4 inches.
        assert_eq!(PrintSize::Logo.pixels_needed(900, 300), (660, 220));
        assert_eq!(PrintSize::Large.pixels_needed(1000, 750), (1000, 750));
        assert_eq!(PrintSize::Large.pixels_needed(3000, 1500), (1200, 600));
    }

    /// A `width` x `height` RGBA PNG: opaque red on the left half and a column, transparent (and
    /// black, as drawing tools often leave it) on the right.
    fn half_transparent_png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_fn(width, height, |x, _| {
            if x <= width / 2 {
                image::Rgba([220, 30, 30, 255])
            } else {
                image::Rgba([0, 0, 0, 0])
            }
        });
        let mut bytes = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_with_encoder(image::codecs::png::PngEncoder::new(&mut bytes))
            .unwrap();
        bytes
    }

    #[test]
    fn large_pngs_are_downscaled_to_print_size_keeping_transparency() {
        let image = decode_raster_for(half_transparent_png(1000, 750), PrintSize::Regular).unwrap();
        assert_eq!((image.width_px, image.height_px), (600, 450));
        assert_eq!(image.format(), RasterFormat::Png);
        let RasterData::Pixels(pixels) = &image.data else {
            panic!("a downscaled PNG is kept as pixels");
        };
        assert!(!pixels.grey);
        assert_eq!(pixels.colour.len(), 600 * 450 * 3);
        let alpha = pixels.alpha.as_ref().expect("the transparency is kept");
        assert_eq!(alpha.len(), 600 * 450);
        assert_eq!((alpha[0], alpha[599]), (255, 0));
        // The edge pixel between red and transparent is half transparent, and still red: the
        // black of the transparent pixels does not darken it.
        let edge = (0..600).find(|&x| alpha[x] != 255).unwrap();
        assert!(alpha[edge] > 0, "{}", alpha[edge]);
        assert_eq!(&pixels.colour[edge * 3..edge * 3 + 3], &[220, 30, 30]);
    }

    #[test]
    fn pngs_near_their_print_size_and_opaque_ones_are_handled_losslessly() {
        // Within 10% of the 600 pixels a regular-print picture needs: passed through.
        let near = png(640, 480);
        let image = decode_raster_for(near.clone(), PrintSize::Regular).unwrap();
        assert!(matches!(&image.data, RasterData::Png(data) if data.as_slice() == near.as_slice()));
        // Opaque pixels downscaled carry no transparency.
        let opaque = {
            let image = image::RgbImage::from_pixel(1200, 900, image::Rgb([10, 200, 90]));
            let mut bytes = Vec::new();
            DynamicImage::ImageRgb8(image)
                .write_with_encoder(image::codecs::png::PngEncoder::new(&mut bytes))
                .unwrap();
            bytes
        };
        let image = decode_raster_for(opaque, PrintSize::Regular).unwrap();
        let RasterData::Pixels(pixels) = &image.data else {
            panic!("a downscaled PNG is kept as pixels");
        };
        assert!(pixels.alpha.is_none());
        assert!(
            pixels
                .colour
                .chunks_exact(3)
                .all(|pixel| pixel == [10, 200, 90])
        );
    }

    #[test]
    fn svgs_never_fetch_what_they_reference() {
        let loader = PictureLoader::new();
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="/etc/passwd" width="10" height="10"/></svg>"#;
        let tree = usvg::Tree::from_data(svg.as_bytes(), &loader.svg_options).unwrap();
        assert!(!tree.root().has_children());
    }
}
