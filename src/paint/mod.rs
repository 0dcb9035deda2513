//! Stage 4: paint laid-out pages into a PDF with krilla. No decisions about placement are
//! made here: every box arrives positioned, tagged with its place in the document's structure.

mod archive;
mod link;
mod outline;
pub mod picture;
mod shape;
mod tags;
mod text;

use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, SpanTag};
use krilla::{Document, SerializeSettings};

use crate::diagnostic::Kind;
use crate::layout::page::{ItemKind, LaidOutDocument, PageItem};
use crate::model::record::SourceRecord;
use crate::paint::outline::HeadingPlaces;
use crate::paint::picture::PdfImages;
use crate::paint::tags::TagLeaves;

/// Why a PDF could not be made. Never the user's input, which earlier stages checked: a
/// picture the PDF library refuses, or a document that fails the standard it must meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaintError {
    /// The PDF settings (accessibility, archival) do not fit together.
    Settings(String),
    /// The page size is not one a PDF can have.
    PageSize,
    /// A picture could not be turned into PDF data or drawn; why.
    Picture(String),
    /// Two files of the handout's record have the same name.
    DuplicateAttachment,
    /// The document does not meet PDF/UA (or PDF/A): each problem found.
    Standard(Vec<String>),
    /// The PDF library failed otherwise; what it said.
    Write(String),
}

impl PaintError {
    /// The kind of problem, for the exit status and scripts.
    pub fn kind(&self) -> Kind {
        match self {
            PaintError::Picture(_) => Kind::BadPicture,
            _ => Kind::Other,
        }
    }
}

impl std::fmt::Display for PaintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PaintError::Settings(why) => write!(f, "the PDF settings do not fit together: {why}"),
            PaintError::PageSize => f.write_str("the page size is not valid"),
            PaintError::Picture(why) => f.write_str(why),
            PaintError::DuplicateAttachment => {
                f.write_str("two files in the handout's record have the same name")
            }
            PaintError::Standard(problems) => write!(
                f,
                "the PDF does not meet the standard it must follow: {}",
                problems.join("; ")
            ),
            PaintError::Write(why) => write!(f, "the PDF could not be written: {why}"),
        }
    }
}

impl std::error::Error for PaintError {}

/// Writes `document` as PDF bytes: tagged for screen readers (checked against PDF/UA-1), fonts
/// embedded and subset, text extractable, and the same document always gives the same bytes.
/// With `archive`, the PDF is also PDF/A-3b and carries the files it was made from. Raster
/// pictures become PDF images through `images`, once for every handout that shares it.
pub fn paint(
    document: &LaidOutDocument,
    archive: Option<&SourceRecord>,
    images: &PdfImages,
) -> Result<Vec<u8>, PaintError> {
    // PDF/A forbids smoothing scaled images.
    let interpolate = archive.is_none();
    images.prepare(document, interpolate);
    let mut pdf = Document::new_with(serialize_settings(archive.is_some())?);
    let fonts = text::PdfFonts::new();
    let mut leaves = TagLeaves::new(&document.structure);
    let mut headings = HeadingPlaces::new(&document.structure);
    for (page_index, laid_out) in document.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(document.page_size.width, document.page_size.height)
            .ok_or(PaintError::PageSize)?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        let mut links = Vec::new();
        for item in &laid_out.items {
            if let ItemKind::Link { rect, url } = &item.kind {
                links.push((*rect, url.clone(), item.node));
                continue;
            }
            let identifier = surface.start_tagged(content_tag(item));
            let drawn = draw(&mut surface, (&fonts, images), item, interpolate);
            surface.end_tagged();
            drawn?;
            if let Some(node) = item.node {
                leaves.push(node, identifier);
                headings.saw(node, page_index, item.bounds());
            }
        }
        surface.finish();
        for (rect, url, node) in links {
            let Some(annotation) = link::link_annotation(rect, url) else {
                continue;
            };
            match node {
                Some(node) => leaves.push(node, page.add_tagged_annotation(annotation)),
                None => page.add_annotation(annotation),
            }
        }
        page.finish();
    }
    pdf.set_outline(headings.outline(&document.structure));
    pdf.set_tag_tree(tags::tag_tree(
        &document.structure,
        leaves,
        &document.language,
    ));
    pdf.set_metadata(metadata(document));
    if let Some(record) = archive {
        for file in archive::embedded_files(record, document.created) {
            pdf.embed_file(file)
                .ok_or(PaintError::DuplicateAttachment)?;
        }
    }
    let bytes = pdf.finish().map_err(|error| describe_failure(&error));
    // krilla remembers every stream it compressed; keep only what the last few handouts
    // reused (the drawings), so that a long batch does not hold every page it made.
    comemo::evict(KEEP_COMPRESSED_FOR_HANDOUTS);
    bytes
}

/// How many handouts in a row a remembered compressed stream may go unused before it is
/// forgotten.
const KEEP_COMPRESSED_FOR_HANDOUTS: usize = 8;

/// krilla's settings for a handout: tagged and checked against PDF/UA-1, and against PDF/A-3b
/// too when `archival`.
pub(crate) fn serialize_settings(archival: bool) -> Result<SerializeSettings, PaintError> {
    let mut configuration =
        ConfigurationBuilder::new().with_accessibility_validator(Accessibility::UA1);
    if archival {
        configuration = configuration.with_archival_validator(archive::VALIDATOR);
    }
    let configuration = configuration
        .finish()
        .map_err(|error| PaintError::Settings(format!("{error:?}")))?;
    Ok(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    })
}

/// How the content of `item` is marked: decoration is an artifact that screen readers skip;
/// text is a span of its node; pictures and shapes in a node are its content.
fn content_tag(item: &PageItem) -> ContentTag<'static> {
    match (&item.kind, item.node) {
        (_, None) => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Other)),
        (ItemKind::Text(_), Some(_)) => ContentTag::Span(SpanTag::empty()),
        (_, Some(_)) => ContentTag::Other,
    }
}

/// Draws one item.
fn draw(
    surface: &mut Surface,
    (fonts, images): (&text::PdfFonts, &PdfImages),
    item: &PageItem,
    interpolate: bool,
) -> Result<(), PaintError> {
    match &item.kind {
        ItemKind::Text(line) => text::draw_line(surface, fonts, line),
        ItemKind::Shape(shape) => shape::draw_shape(surface, shape),
        ItemKind::Picture { picture, rect } => {
            picture::draw_picture(surface, images, picture, *rect, interpolate)?
        }
        ItemKind::Link { .. } => {}
    }
    Ok(())
}

/// Title, author, language, creator and the creation date (never the wall clock).
fn metadata(document: &LaidOutDocument) -> Metadata {
    let mut metadata = Metadata::new()
        .title(document.title.clone())
        .language(document.language.clone())
        .creator(document.creator.clone())
        .producer(format!("hep {}", env!("CARGO_PKG_VERSION")));
    if let Some(created) = document.created {
        metadata = metadata.creation_date(pdf_date(created));
    }
    if let Some(author) = &document.author {
        metadata = metadata.authors(vec![author.clone()]);
    }
    metadata
}

/// A krilla date in UTC.
pub(crate) fn pdf_date(time: jiff::civil::DateTime) -> DateTime {
    DateTime::new(time.year().clamp(0, 9999) as u16)
        .month(time.month() as u8)
        .day(time.day() as u8)
        .hour(time.hour() as u8)
        .minute(time.minute() as u8)
        .second(time.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// Says why krilla refused the document.
fn describe_failure(error: &krilla::error::KrillaError) -> PaintError {
    match error {
        krilla::error::KrillaError::Validation(problems) => PaintError::Standard(
            problems
                .iter()
                .map(|(problem, _)| format!("{problem:?}"))
                .collect(),
        ),
        other => PaintError::Write(format!("{other:?}")),
    }
}
