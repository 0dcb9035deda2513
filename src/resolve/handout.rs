//! The handout as the client will read it: every sentence final, every date computed, every
//! picture decoded. Layout turns this into pages; nothing here knows about pages or PDF.

use crate::load::frequency::Frequency;
use crate::model::paper::PaperSize;
use crate::model::picture::Picture;
use crate::resolve::log::TrackingLog;
use crate::resolve::qr::QrMatrix;
use crate::resolve::words::Words;

/// Colours are shared by every stage; see [`crate::model::colour`].
use crate::model::colour::Rgb;

/// The clinic's identity on the page.
#[derive(Debug, Clone)]
pub struct Brand {
    /// The clinic's name; none for the neutral brand.
    pub clinic_name: Option<String>,
    /// The logo, when the clinic has one.
    pub logo: Option<Picture>,
    /// Address, phone, email and web site, one short line each.
    pub contact_lines: Vec<String>,
    /// The contact details for the footer, in order: name, phone, web site.
    pub footer_contact: Vec<String>,
    /// The clinic's web site, the first thing a crowded footer leaves out.
    pub website: Option<String>,
    /// The clinic's phone number, for changing the appointment.
    pub phone: Option<String>,
    /// Where clients book or cancel online.
    pub booking_url: Option<String>,
    /// A QR code for the booking page, shown in the follow-up box.
    pub booking_qr: Option<QrMatrix>,
    /// The clinic's own footer line.
    pub footer_note: Option<String>,
    /// Headings and rules.
    pub primary: Rgb,
    /// Highlights: the follow-up box.
    pub accent: Rgb,
}

/// The next appointment, shown in its own box.
#[derive(Debug, Clone)]
pub struct FollowUpBox {
    /// The follow-up day.
    pub day: jiff::civil::Date,
    /// The appointment's time, when booked.
    pub time: Option<jiff::civil::Time>,
    /// "Thursday, December 10, 2026", or "Thursday, March 4, 2027 at 2:30 PM".
    pub date: String,
    /// Under the booking QR code: "Scan to book or cancel", or "... or change" when the note
    /// is the clinic's or the plan's own.
    pub booking_caption: &'static str,
    /// "in 2 weeks".
    pub distance: String,
    /// "If your pain is gone before then, feel free to cancel."
    pub note: String,
    /// How long the appointment lasts, for the calendar file.
    pub minutes: u32,
    /// The clinic's time zone (IANA name and rules), for the calendar file.
    pub zone: Option<(String, jiff::tz::TimeZone)>,
    /// The same box in the second language of a bilingual handout.
    pub second: Option<Box<FollowUpBox>>,
}

/// A picture of an exercise with its caption.
#[derive(Debug, Clone)]
pub struct CardPicture {
    /// The decoded picture.
    pub picture: Picture,
    /// "Start", "Hold"...
    pub caption: Option<String>,
    /// A description for screen readers.
    pub alt: Option<String>,
    /// Photo credit, printed small.
    pub credit: Option<String>,
}

/// One exercise as printed.
#[derive(Debug, Clone)]
pub struct ExerciseCard {
    /// 1, 2, 3... in the plan's order.
    pub number: usize,
    /// The exercise's name.
    pub name: String,
    /// Pictures, in order.
    pub pictures: Vec<CardPicture>,
    /// "2 sets of 12 on each side. Rest 30 seconds between sets."
    pub dosage: Option<String>,
    /// "Once a day, every day".
    pub frequency: String,
    /// The same frequency as data, for the tracking log.
    pub schedule: Frequency,
    /// "A resistance band".
    pub equipment: Option<String>,
    /// Numbered steps.
    pub steps: Vec<String>,
    /// Tips.
    pub cues: Vec<String>,
    /// Safety notes.
    pub precautions: Vec<String>,
    /// How to make it harder.
    pub progression: Option<String>,
    /// The therapist's note for this client.
    pub note: Option<String>,
    /// A QR code for the exercise's video.
    pub video: Option<QrMatrix>,
    /// The same card in the second language of a bilingual handout.
    pub second: Option<Box<ExerciseCard>>,
}

/// Everything printed on one client's handout.
#[derive(Debug, Clone)]
pub struct Handout {
    /// The fixed words, in the handout's language.
    pub words: &'static Words,
    /// The second language of a bilingual handout (`language: [fr, en]`).
    pub second_words: Option<&'static Words>,
    /// Paper size.
    pub paper: PaperSize,
    /// Large print for low-vision clients.
    pub large_print: bool,
    /// Clinic branding.
    pub brand: Brand,
    /// The client's name.
    pub client: String,
    /// The therapist, when given.
    pub therapist: Option<String>,
    /// The session date, written out.
    pub session_date: String,
    /// The session date, for document metadata.
    pub session_day: jiff::civil::Date,
    /// The therapist's message, in paragraphs.
    pub notes: Vec<String>,
    /// The next appointment.
    pub follow_up: Option<FollowUpBox>,
    /// The exercises.
    pub cards: Vec<ExerciseCard>,
    /// The tracking log, when asked for.
    pub log: Option<TrackingLog>,
    /// The table of exercises on page 1: `Some(true)` always, `Some(false)` never, `None`
    /// where it costs no paper.
    pub summary: Option<bool>,
    /// What the handout had to compromise on (a missing translation under --allow-fallback).
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
    /// When the PDF says it was made: `SOURCE_DATE_EPOCH`, else the session date at midnight
    /// UTC; never the wall clock, so the same inputs give the same bytes.
    pub created: jiff::civil::DateTime,
    /// For an archival handout, the files it was made from, to attach.
    pub record: Option<crate::model::record::SourceRecord>,
}

impl Handout {
    /// The document title: "Your home exercise program - Jane Doe - November 26, 2026".
    pub fn document_title(&self) -> String {
        format!(
            "{} - {} - {}",
            self.words.title, self.client, self.session_date
        )
    }
}
