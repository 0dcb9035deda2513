//! The clinic's branding, or a calm neutral one when there is no clinic file.

use crate::diagnostic::Diagnostic;
use crate::load::asset::PictureSource;
use crate::load::clinic::{Clinic, clinic_text};
use crate::load::scalar::HexColor;
use crate::model::colour::Rgb;
use crate::resolve::handout::Brand;
use crate::resolve::picture::{PictureLoader, PrintSize};
use crate::resolve::qr::QrMatrix;
use crate::resolve::words::Words;

/// Deep blue-grey: reads as "health care" without being any clinic's colour.
pub const NEUTRAL_PRIMARY: Rgb = Rgb::new(0x2E, 0x4A, 0x62);
/// Soft teal for the follow-up box.
pub const NEUTRAL_ACCENT: Rgb = Rgb::new(0x2A, 0x8C, 0x82);

fn rgb(color: HexColor) -> Rgb {
    Rgb::new(color.red, color.green, color.blue)
}

/// The brand used without a clinic file.
pub fn neutral() -> Brand {
    Brand {
        clinic_name: None,
        logo: None,
        contact_lines: Vec::new(),
        footer_contact: Vec::new(),
        website: None,
        phone: None,
        booking_url: None,
        booking_qr: None,
        footer_note: None,
        primary: NEUTRAL_PRIMARY,
        accent: NEUTRAL_ACCENT,
    }
}

/// A clinic text in the handout's language, or in both of a bilingual handout's when they
/// differ: "Des questions ? ... / Questions? ...".
fn in_languages(
    text: Option<&crate::load::localized::Localized<String>>,
    words: &Words,
    second: Option<&Words>,
) -> Option<String> {
    let text = text?;
    let first = words.typeset(clinic_text(text, words.code)?);
    let second = second
        .and_then(|second| clinic_text(text, second.code).map(|text| second.typeset(text)))
        .filter(|second| *second != first);
    Some(match second {
        Some(second) => format!("{first} / {second}"),
        None => first.to_string(),
    })
}

/// The brand of a handout: the clinic's when there is one, its texts in the handout's
/// language (`words`) and a bilingual handout's second language.
pub fn brand(
    clinic: Option<&Clinic>,
    pictures: &PictureLoader,
    (words, second): (&Words, Option<&Words>),
) -> Result<Brand, Diagnostic> {
    let Some(clinic) = clinic else {
        return Ok(neutral());
    };
    let logo = match &clinic.logo {
        None => None,
        Some((file, position)) => {
            let path = clinic.source.base_dir().join(file);
            let source = PictureSource::Disk(path);
            let picture = pictures
                .load_for(&source, PrintSize::Logo)
                .map_err(|reason| {
                    Diagnostic::error(format!(
                        "cannot use the logo `{}`: {reason}",
                        source.display()
                    ))
                    .with_kind(reason.kind())
                    .in_file(&clinic.source.path)
                    .at(&clinic.source.text, *position)
                    .with_hint(
                        "the logo path is relative to the clinic file; use an SVG, PNG or JPEG",
                    )
                })?;
            Some(picture)
        }
    };
    let booking_qr = match &clinic.booking_url {
        None => None,
        Some(url) => Some(QrMatrix::for_url(url).map_err(|reason| {
            Diagnostic::error(format!("the booking link cannot be used: {reason}"))
                .in_file(&clinic.source.path)
                .with_hint(
                    "write the full address of the booking page, e.g. https://example.com/book",
                )
        })?),
    };
    let mut contact_lines = Vec::new();
    if let Some(address) = in_languages(clinic.address.as_ref(), words, second) {
        contact_lines.push(address);
    }
    let reach: Vec<String> = [&clinic.phone, &clinic.email, &clinic.website]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if !reach.is_empty() {
        contact_lines.push(reach.join("  ·  "));
    }
    let footer_contact = [&Some(clinic.name.clone()), &clinic.phone, &clinic.website]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>();
    Ok(Brand {
        clinic_name: Some(clinic.name.clone()),
        logo,
        contact_lines,
        footer_contact,
        website: clinic.website.clone(),
        phone: clinic.phone.clone(),
        booking_url: clinic.booking_url.clone(),
        booking_qr,
        footer_note: in_languages(clinic.footer.as_ref(), words, second),
        primary: clinic.colors.primary.map(rgb).unwrap_or(NEUTRAL_PRIMARY),
        accent: clinic.colors.accent.map(rgb).unwrap_or(NEUTRAL_ACCENT),
    })
}
