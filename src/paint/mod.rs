//! Stage 4: paint laid-out pages into a PDF with krilla. No decisions about placement are
//! made here: every box arrives positioned.

mod link;
mod picture;
mod shape;
mod text;

use krilla::Document;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;

use crate::layout::page::{LaidOutDocument, PageItem};

/// Writes `document` as PDF bytes: fonts embedded and subset, text extractable, and the same
/// document always gives the same bytes.
pub fn paint(document: &LaidOutDocument) -> Result<Vec<u8>, String> {
    let mut pdf = Document::new();
    let fonts = text::PdfFonts::new();
    for laid_out in &document.pages {
        let settings = PageSettings::from_wh(document.page_size.width, document.page_size.height)
            .ok_or("the page size is not valid")?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        let mut links = Vec::new();
        for item in &laid_out.items {
            match item {
                PageItem::Link { rect, url } => links.push((*rect, url.clone())),
                PageItem::Text(line) => text::draw_line(&mut surface, &fonts, line),
                PageItem::Shape(shape) => shape::draw_shape(&mut surface, shape),
                PageItem::Picture { picture, rect } => {
                    picture::draw_picture(&mut surface, picture, *rect)?;
                }
            }
        }
        surface.finish();
        for (rect, url) in links {
            if let Some(annotation) = link::link_annotation(rect, url) {
                page.add_annotation(annotation);
            }
        }
        page.finish();
    }
    let mut metadata = Metadata::new()
        .title(document.title.clone())
        .language(document.language.clone())
        .creator("hep".to_string());
    if let Some(date) = document.date {
        metadata = metadata.creation_date(
            DateTime::new(date.year() as u16)
                .month(date.month() as u8)
                .day(date.day() as u8),
        );
    }
    if let Some(author) = &document.author {
        metadata = metadata.authors(vec![author.clone()]);
    }
    pdf.set_metadata(metadata);
    pdf.finish()
        .map_err(|error| format!("the PDF could not be written: {error:?}"))
}
