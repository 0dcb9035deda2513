//! PDF/A-3b: the archival form, carrying the handout's record as associated source files.

use krilla::configure::Archival;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};

use crate::model::record::SourceRecord;
use crate::paint::pdf_date;

/// The archival standard of `--archive`.
pub const VALIDATOR: Archival = Archival::A3_B;

/// The record's files as PDF attachments, dated with the document.
pub fn embedded_files(
    record: &SourceRecord,
    created: Option<jiff::civil::DateTime>,
) -> Vec<EmbeddedFile> {
    record
        .files
        .iter()
        .map(|file| EmbeddedFile {
            path: file.path.clone(),
            mime_type: MimeType::new(file.media_type()),
            description: Some(file.description.clone()),
            association_kind: AssociationKind::Source,
            data: file.data.clone().into(),
            modification_date: created.map(pdf_date),
            compress: Some(!matches!(file.media_type(), "image/jpeg" | "image/png")),
            location: None,
        })
        .collect()
}
