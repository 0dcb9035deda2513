//! The library as a contact sheet for the therapist: every exercise with its pictures, name,
//! id and region, grouped by region.

use crate::diagnostic::Diagnostics;
use crate::load::exercise::Region;
use crate::load::library::Library;
use crate::model::paper::PaperSize;
use crate::model::picture::Picture;
use crate::resolve::card::unusable_illustration;
use crate::resolve::picture::PictureLoader;

/// One exercise on the contact sheet.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    /// The name.
    pub name: String,
    /// "clamshell · strength".
    pub details: String,
    /// The pictures, in order.
    pub pictures: Vec<Picture>,
}

/// The exercises of one region.
#[derive(Debug, Clone)]
pub struct CatalogSection {
    /// "Hip".
    pub heading: String,
    /// The exercises, by name.
    pub entries: Vec<CatalogEntry>,
}

/// The whole contact sheet.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Paper size.
    pub paper: PaperSize,
    /// "Exercise library".
    pub title: String,
    /// "36 exercises".
    pub subtitle: String,
    /// Regions, head to toe.
    pub sections: Vec<CatalogSection>,
}

/// Builds the catalog of `library`, decoding every picture; every broken picture is reported.
pub fn catalog(
    library: &Library,
    pictures: &PictureLoader,
    paper: PaperSize,
) -> Result<Catalog, Diagnostics> {
    let mut problems = Vec::new();
    let mut sections = Vec::new();
    let mut count = 0;
    for region in Region::ALL {
        let mut entries: Vec<CatalogEntry> = Vec::new();
        for exercise in library
            .exercises()
            .filter(|exercise| exercise.region == region)
        {
            let mut decoded = Vec::new();
            for illustration in &exercise.illustrations {
                let source = exercise.picture_source(illustration);
                match pictures.load(&source) {
                    Ok(picture) => decoded.push(picture),
                    Err(reason) => {
                        problems.push(unusable_illustration(exercise, illustration, &reason))
                    }
                }
            }
            entries.push(CatalogEntry {
                name: exercise.name.clone(),
                details: format!("{} · {}", exercise.id, exercise.category.id()),
                pictures: decoded,
            });
        }
        if entries.is_empty() {
            continue;
        }
        count += entries.len();
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        sections.push(CatalogSection {
            heading: region.title().to_string(),
            entries,
        });
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    Ok(Catalog {
        paper,
        title: "Exercise library".to_string(),
        subtitle: format!(
            "{count} exercises, by region. Name them in a plan by the id under each picture."
        ),
        sections,
    })
}
