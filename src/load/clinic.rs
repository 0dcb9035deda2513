//! The clinic's branding: name, logo, colours, contact details and paper size.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Position};
use crate::load::appointments::{AppointmentFields, Appointments};
use crate::load::localized::Localized;
use crate::load::scalar::HexColor;
use crate::load::source::SourceFile;
use crate::load::yaml;

/// The paper size is shared by every stage; see [`crate::model::paper`].
use crate::model::paper::PaperSize;

/// Brand colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandColors {
    /// Headings, rules and the exercise numbers.
    pub primary: Option<HexColor>,
    /// The follow-up box and highlights.
    pub accent: Option<HexColor>,
}

/// A clinic file as written; its keys are also the schema's (`crate::schema`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClinicFile {
    name: Spanned<String>,
    logo: Option<Spanned<String>>,
    address: Option<Localized<String>>,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    booking_url: Option<String>,
    #[serde(default)]
    colors: BrandColors,
    #[serde(default)]
    page: PaperSize,
    footer: Option<Localized<String>>,
    #[serde(default)]
    large_print: bool,
    #[serde(default)]
    log: bool,
    summary: Option<bool>,
    #[serde(default)]
    archive: bool,
    // Booking: see `appointments.rs`.
    timezone: Option<Spanned<String>>,
    appointment_minutes: Option<Spanned<u32>>,
    closed_days: Option<Spanned<Vec<Spanned<String>>>>,
    follow_up_note: Option<Localized<String>>,
}

/// A validated clinic file.
#[derive(Debug, Clone)]
pub struct Clinic {
    /// The clinic's name.
    pub name: String,
    /// The logo file, relative to the clinic file, and where it is named.
    pub logo: Option<(String, Option<Position>)>,
    /// Street address, one line; in one language or by language.
    pub address: Option<Localized<String>>,
    /// Phone number.
    pub phone: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// Where clients book or cancel online.
    pub booking_url: Option<String>,
    /// Brand colours.
    pub colors: BrandColors,
    /// Paper size.
    pub page: PaperSize,
    /// A line printed on every page; in one language or by language.
    pub footer: Option<Localized<String>>,
    /// Large print by default, for every plan that does not say otherwise.
    pub large_print: bool,
    /// A tracking log by default.
    pub log: bool,
    /// The table of exercises on page 1 by default: always, never, or (unset) where it costs
    /// no paper.
    pub summary: Option<bool>,
    /// Archival PDF/A-3b handouts with their record attached, for every plan.
    pub archive: bool,
    /// Time zone, appointment length, closed days and the clinic's follow-up sentence.
    pub appointments: Appointments,
    /// The clinic file, for errors and finding the logo.
    pub source: SourceFile,
}

/// A text trimmed in every language, and dropped when empty in all of them.
fn clean_localized(value: Option<Localized<String>>) -> Option<Localized<String>> {
    let trimmed = value?.map(|text| text.trim().to_string());
    let empty = match &trimmed {
        Localized::Plain(text) => text.is_empty(),
        Localized::ByLanguage(texts) => texts.values().all(String::is_empty),
    };
    (!empty).then_some(trimmed)
}

/// A clinic text in the language `code`: a plain text is the clinic's in every language; a
/// map by language gives its `code` entry, else its English one, else its first.
pub fn clinic_text<'a>(text: &'a Localized<String>, code: &str) -> Option<&'a str> {
    match text {
        Localized::Plain(text) => Some(text.as_str()),
        Localized::ByLanguage(texts) => texts
            .get(code)
            .or_else(|| texts.get("en"))
            .or_else(|| texts.values().next())
            .map(String::as_str)
            .filter(|text| !text.is_empty()),
    }
}

impl Clinic {
    /// Parses and validates a clinic file.
    pub fn load(source: SourceFile) -> Result<Clinic, Diagnostic> {
        let file: ClinicFile = yaml::parse(&source)?;
        let name = file.name.value.trim().to_string();
        if name.is_empty() {
            return Err(Diagnostic::error("the clinic's name is empty")
                .in_file(&source.path)
                .at(&source.text, Position::from_yaml(file.name.referenced))
                .with_hint("write the name as it should be printed"));
        }
        let clean = |value: Option<String>| {
            value
                .map(|text| text.trim().to_string())
                .filter(|text| !text.is_empty())
        };
        let appointments = Appointments::load(
            AppointmentFields {
                timezone: file.timezone,
                appointment_minutes: file.appointment_minutes,
                closed_days: file.closed_days,
                follow_up_note: file.follow_up_note,
            },
            &source,
        )?;
        Ok(Clinic {
            appointments,
            name,
            logo: file
                .logo
                .map(|logo| (logo.value, Position::from_yaml(logo.referenced))),
            address: clean_localized(file.address),
            phone: clean(file.phone),
            email: clean(file.email),
            website: clean(file.website),
            booking_url: clean(file.booking_url),
            colors: file.colors,
            page: file.page,
            footer: clean_localized(file.footer),
            large_print: file.large_print,
            log: file.log,
            summary: file.summary,
            archive: file.archive,
            source,
        })
    }
}
