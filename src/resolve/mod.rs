//! Stage 2: combine a plan with the library and the clinic into a [`Handout`]: every sentence
//! final, every date computed, every picture decoded.

pub mod brand;
pub mod card;
pub mod catalog;
pub mod dates;
pub mod handout;
pub mod log;
pub mod picture;
pub mod program;
pub mod qr;
pub mod record;
mod resample;
pub mod svg_bounds;
pub mod texts;
pub mod wording;
pub mod words;

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind, Position, did_you_mean};
use crate::fonts::Fonts;
use crate::load::appointments::DEFAULT_APPOINTMENT_MINUTES;
use crate::load::clinic::Clinic;
use crate::load::library::Library;
use crate::load::plan::Plan;
use crate::resolve::handout::{FollowUpBox, Handout};
use crate::resolve::picture::{PictureLoader, PrintSize};
use crate::resolve::texts::PrintedText;
use crate::resolve::words::{ENGLISH, LANGUAGES, Words};

/// Choices made for a whole run rather than by a plan.
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// The session date of plans that give none.
    pub today: Date,
    /// `--large-print`: large print whatever the plan and clinic say.
    pub large_print: bool,
    /// `--lang`: the handout's language whatever the plan says.
    pub language: Option<&'static Words>,
    /// `--allow-fallback`: English text, with a warning, where a translation is missing.
    pub allow_fallback: bool,
    /// `--archive`: archival PDF/A-3b with the handout's record attached.
    pub archive: bool,
    /// `SOURCE_DATE_EPOCH`: the time PDFs say they were made, instead of the session date.
    pub source_date: Option<jiff::Timestamp>,
}

/// Builds the handout for `plan`, reporting every problem found, not only the first.
pub fn resolve(
    plan: &Plan,
    clinic: Option<&Clinic>,
    library: &Library,
    pictures: &PictureLoader,
    settings: &RunSettings,
) -> Result<Handout, Diagnostics> {
    let today = settings.today;
    let large_print = settings.large_print
        || plan
            .large_print
            .unwrap_or_else(|| clinic.is_some_and(|clinic| clinic.large_print));
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let (words, second_words) = match (settings.language, &plan.language) {
        (Some(words), _) => (words, None),
        (None, Some((codes, position))) => {
            let mut tables = Vec::with_capacity(codes.len());
            for code in codes {
                match Words::for_code(code) {
                    Some(words) => tables.push(words),
                    None => {
                        let known: Vec<String> = LANGUAGES
                            .iter()
                            .map(|words| format!("`{}`", words.code))
                            .collect();
                        return Err(Diagnostics::from(
                            plan.error_at(format!("hep has no `{code}` handouts"), *position)
                                .with_hint(format!("use one of {}", known.join(", "))),
                        ));
                    }
                }
            }
            (
                tables.first().copied().unwrap_or(&ENGLISH),
                tables.get(1).copied(),
            )
        }
        (None, None) => (&ENGLISH, None),
    };
    let session_day = plan.date.map(|date| date.0).unwrap_or(today);

    let prescription = program::prescription(plan, library).map_err(Diagnostics)?;
    let follow_up_position = plan.follow_up.as_ref().and_then(|(_, position)| *position);
    let appointments = clinic.map(|clinic| &clinic.appointments);
    let follow_up_box =
        |follow_up: &crate::load::follow_up::FollowUp, date, words: &'static Words| {
            // The plan's own note, else the clinic's, else hep's "feel free to cancel".
            let custom_note = follow_up.note.clone().or_else(|| {
                appointments
                    .and_then(|appointments| appointments.follow_up_note(words.code))
                    .map(str::to_string)
            });
            FollowUpBox {
                day: date,
                time: follow_up.time,
                date: dates::appointment(date, follow_up.time, words),
                // "(in 2 weeks)" wraps as a whole, never "(in 2" / "weeks)".
                distance: dates::time_until(session_day, date, follow_up.when, words)
                    .replace(' ', "\u{a0}"),
                booking_caption: if custom_note.is_some() {
                    words.scan_to_book_or_change
                } else {
                    words.scan_to_book
                },
                note: custom_note.unwrap_or_else(|| words.default_follow_up_note.to_string()),
                minutes: appointments.map_or(DEFAULT_APPOINTMENT_MINUTES, |appointments| {
                    appointments.minutes
                }),
                zone: appointments.and_then(|appointments| appointments.timezone.clone()),
                second: None,
            }
        };
    let closed = appointments
        .map(|appointments| appointments.closed.clone())
        .unwrap_or_default();
    let follow_up = prescription.follow_up.as_ref().and_then(|follow_up| {
        let position = &follow_up_position;
        let Some(date) = dates::follow_up_date(session_day, follow_up.when, &closed) else {
            problems.push(plan.error_at("the follow-up date is out of range", *position));
            return None;
        };
        if date <= session_day {
            problems.push(
                plan.error_at(
                    format!("the follow-up ({date}) is not after the session date ({session_day})"),
                    *position,
                )
                .with_hint("give a later date, or a span such as `2 weeks`"),
            );
            return None;
        }
        if closed.is_closed(date) {
            warnings.push(Diagnostic {
                severity: crate::diagnostic::Severity::Warning,
                ..plan
                    .error_at(
                        format!(
                            "the follow-up date, {}, is a day the clinic is closed",
                            dates::long_date(date, &ENGLISH)
                        ),
                        *position,
                    )
                    .with_hint("choose an open day, or give a span such as `2 weeks` and hep moves it to the next open day")
            });
        }
        let mut first = follow_up_box(follow_up, date, words);
        first.second = second_words.map(|second| Box::new(follow_up_box(follow_up, date, second)));
        Some(first)
    });

    // Photos dominate a handout's time: decode its pictures side by side before the cards ask.
    let size = if large_print {
        PrintSize::Large
    } else {
        PrintSize::Regular
    };
    let mut sources = Vec::new();
    for exercise in prescription
        .exercises
        .iter()
        .filter_map(|planned| library.get(&planned.id))
    {
        for illustration in &exercise.illustrations {
            let source = exercise.picture_source(illustration);
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }
    pictures.preload(&sources, size);

    let mut cards = Vec::with_capacity(plan.exercises.len());
    let mut log_rows = Vec::with_capacity(plan.exercises.len());
    for planned in &prescription.exercises {
        let exercise = match library.exercise(&planned.id) {
            Some(Ok(exercise)) => Some(exercise),
            Some(Err(broken)) => {
                // Library files are parsed when a plan first names them.
                problems.push(broken.clone());
                continue;
            }
            None => None,
        };
        let Some(exercise) = exercise else {
            let hint = did_you_mean(&planned.id, library.ids()).unwrap_or_else(|| {
                "run `hep list` to see the exercises in the library".to_string()
            });
            problems.push(
                plan.error_at(
                    format!("unknown exercise `{}`", planned.id),
                    planned.position,
                )
                .with_kind(Kind::UnknownExercise)
                .with_hint(hint),
            );
            continue;
        };
        let text_in = |words: &'static Words,
                       problems: &mut Vec<Diagnostic>,
                       warnings: &mut Vec<Diagnostic>| match exercise
            .text_in(words.code)
        {
            Ok(text) => Some(text),
            Err(field) => {
                let missing = Diagnostic::error(format!(
                    "exercise `{}` has no `{}` text for `{field}`",
                    exercise.id, words.code
                ))
                .with_kind(Kind::MissingTranslation)
                .in_file(&exercise.source.path)
                .with_hint(format!(
                    "add `{}:` under `{field}:` in the exercise file, or render with --allow-fallback to print its `{}` text",
                    words.code, exercise.language
                ));
                match exercise.text_in(&exercise.language) {
                    Ok(fallback) if settings.allow_fallback => {
                        warnings.push(missing.into_warning());
                        Some(fallback)
                    }
                    _ => {
                        problems.push(missing);
                        None
                    }
                }
            }
        };
        let Some(text) = text_in(words, &mut problems, &mut warnings) else {
            continue;
        };
        let second_text =
            second_words.map(|second| (second, text_in(second, &mut problems, &mut warnings)));
        let second_card = match second_text {
            None => None,
            Some((_, None)) => continue,
            Some((second, Some(second_text))) => {
                match card::exercise_card(
                    cards.len() + 1,
                    planned,
                    exercise,
                    &second_text,
                    pictures,
                    size,
                    second,
                ) {
                    Ok(card) => Some(Box::new(card)),
                    Err(problem) => {
                        problems.push(problem);
                        continue;
                    }
                }
            }
        };
        match card::exercise_card(
            cards.len() + 1,
            planned,
            exercise,
            &text,
            pictures,
            size,
            words,
        ) {
            Ok(mut card) => {
                card.second = second_card;
                log_rows.push(log::LoggedExercise {
                    name: card.name.clone(),
                    second_name: card.second.as_ref().map(|second| second.name.clone()),
                    frequency: card.schedule,
                });
                cards.push(card);
            }
            Err(problem) => problems.push(problem),
        }
    }

    let brand = match brand::brand(clinic, pictures, (words, second_words)) {
        Ok(brand) => Some(brand),
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    let wants_log = plan
        .log
        .unwrap_or_else(|| clinic.is_some_and(|clinic| clinic.log));
    let follow_up_day = follow_up.as_ref().map(|follow_up| follow_up.day);
    let (Some(brand), true) = (brand, problems.is_empty()) else {
        return Err(Diagnostics(problems));
    };
    let handout = Handout {
        words,
        second_words,
        paper: clinic.map(|clinic| clinic.page).unwrap_or_default(),
        large_print,
        brand,
        client: plan.client.clone(),
        therapist: plan.therapist.clone(),
        session_date: dates::medium_date(session_day, words),
        session_day,
        notes: plan.notes.as_deref().map(paragraphs).unwrap_or_default(),
        log: wants_log
            .then(|| log::tracking_log(session_day, follow_up_day, &log_rows, words, second_words)),
        warnings,
        follow_up,
        cards,
        created: match settings.source_date {
            Some(time) => time.to_zoned_datetime(jiff::tz::TimeZone::UTC).datetime(),
            None => session_day.to_datetime(jiff::civil::Time::midnight()),
        },
        record: None,
    };
    let mut handout = handout.typeset();
    check_glyphs(&mut handout, plan)?;
    Ok(handout)
}

/// Splits a note into paragraphs at blank lines, joining wrapped lines.
fn paragraphs(text: &str) -> Vec<String> {
    // A blank line starts a paragraph, and so does a list line (`- one`, `* two`, `3. three`):
    // joined to the line before, "Do this: - one - two" would read as one muddled sentence.
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    for block in text.split("\n\n") {
        paragraphs.push(Vec::new());
        for line in block.lines() {
            let trimmed = line.trim_start();
            let digits = trimmed.len()
                - trimmed
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .len();
            let is_item = trimmed.starts_with("- ")
                || trimmed.starts_with("* ")
                || trimmed.starts_with("• ")
                || (digits > 0 && trimmed[digits..].starts_with(". "));
            if is_item && paragraphs.last().is_some_and(|lines| !lines.is_empty()) {
                paragraphs.push(Vec::new());
            }
            if let Some(lines) = paragraphs.last_mut() {
                lines.push(line);
            }
        }
    }
    paragraphs
        .into_iter()
        .map(|lines| {
            lines
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

/// Refuses text the bundled fonts cannot draw, rather than printing empty boxes.
fn check_glyphs(handout: &mut Handout, plan: &Plan) -> Result<(), Diagnostics> {
    let fonts = Fonts::bundled();
    let texts = handout
        .printed_texts()
        .into_iter()
        .filter(|text| text.drawn);
    let problems: Vec<Diagnostic> = texts
        .into_iter()
        .filter_map(|PrintedText { text, place, .. }| {
            let missing = fonts.missing_characters(text);
            (!missing.is_empty()).then(|| {
                let listed = missing
                    .iter()
                    .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
                    .collect::<Vec<_>>()
                    .join(", ");
                // Point at the character when it is in the plan itself (the client's name,
                // the notes); library text is reported by its place on the card.
                let position = plan
                    .source
                    .text
                    .lines()
                    .enumerate()
                    .find_map(|(index, line)| {
                        line.chars()
                            .position(|c| c == missing[0])
                            .map(|column| Position {
                                line: index + 1,
                                column: column + 1,
                            })
                    });
                Diagnostic::error(format!(
                    "{place} uses characters the handout font cannot print: {listed}"
                ))
                .with_kind(Kind::UnprintableText)
                .in_file(&plan.source.path)
                .at(&plan.source.text, position)
                .with_hint("replace them with plain letters or punctuation")
            })
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(problems))
    }
}
