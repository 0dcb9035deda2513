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
use crate::load::exercise::{Exercise, ExerciseText};
use crate::load::library::Library;
use crate::load::plan::{Plan, PlannedExercise};
use crate::resolve::handout::{Brand, ExerciseCard, FollowUpBox, Handout};
use crate::resolve::log::{LoggedExercise, TrackingLog};
use crate::resolve::picture::{PictureLoader, PrintSize};
use crate::resolve::program::Prescription;
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
    let languages = languages(plan, settings)?;
    let prescription = program::prescription(plan, library).map_err(Diagnostics)?;
    let large_print = settings.large_print
        || plan
            .large_print
            .unwrap_or_else(|| clinic.is_some_and(|clinic| clinic.large_print));
    let mut resolver = Resolver {
        plan,
        clinic,
        library,
        pictures,
        allow_fallback: settings.allow_fallback,
        languages,
        session_day: plan.date.map(|date| date.0).unwrap_or(settings.today),
        size: if large_print {
            PrintSize::Large
        } else {
            PrintSize::Regular
        },
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let follow_up = resolver.follow_up(&prescription);
    resolver.preload_pictures(&prescription);
    let (cards, log_rows) = resolver.exercise_cards(&prescription);
    let brand = resolver.brand();
    let log = resolver.tracking_log(follow_up.as_ref(), &log_rows);
    let (Some(brand), true) = (brand, resolver.problems.is_empty()) else {
        return Err(Diagnostics(resolver.problems));
    };
    let Resolver {
        languages: Languages { words, second },
        session_day,
        warnings,
        ..
    } = resolver;
    let handout = Handout {
        words,
        second_words: second,
        paper: clinic.map(|clinic| clinic.page).unwrap_or_default(),
        large_print,
        brand,
        client: plan.client.clone(),
        therapist: plan.therapist.clone(),
        session_date: dates::medium_date(session_day, words),
        session_day,
        notes: plan.notes.as_deref().map(paragraphs).unwrap_or_default(),
        log,
        summary: plan
            .summary
            .or_else(|| clinic.and_then(|clinic| clinic.summary)),
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

/// The handout's language, and its second one when it is bilingual.
#[derive(Debug, Clone, Copy)]
struct Languages {
    words: &'static Words,
    second: Option<&'static Words>,
}

/// The languages `--lang` or the plan asks for (English when neither does).
fn languages(plan: &Plan, settings: &RunSettings) -> Result<Languages, Diagnostic> {
    let (codes, position) = match (settings.language, &plan.language) {
        (Some(words), _) => {
            return Ok(Languages {
                words,
                second: None,
            });
        }
        (None, None) => {
            return Ok(Languages {
                words: &ENGLISH,
                second: None,
            });
        }
        (None, Some((codes, position))) => (codes, *position),
    };
    let mut tables = Vec::with_capacity(codes.len());
    for code in codes {
        let Some(words) = Words::for_code(code) else {
            let known: Vec<String> = LANGUAGES
                .iter()
                .map(|words| format!("`{}`", words.code))
                .collect();
            return Err(plan
                .error_at(format!("hep has no `{code}` handouts"), position)
                .with_hint(format!("use one of {}", known.join(", "))));
        };
        tables.push(words);
    }
    Ok(Languages {
        words: tables.first().copied().unwrap_or(&ENGLISH),
        second: tables.get(1).copied(),
    })
}

/// One plan on its way to a handout: what it is made from, and the problems found so far.
struct Resolver<'a> {
    plan: &'a Plan,
    clinic: Option<&'a Clinic>,
    library: &'a Library,
    pictures: &'a PictureLoader,
    /// `--allow-fallback`: a missing translation is a warning, and the exercise's own
    /// language is printed instead.
    allow_fallback: bool,
    languages: Languages,
    /// The session date: the plan's, or today.
    session_day: Date,
    /// How large pictures print.
    size: PrintSize,
    problems: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl<'a> Resolver<'a> {
    /// The follow-up box: the date counted from the session (moved off days the clinic is
    /// closed), the distance in words, and the booking note, in each language.
    fn follow_up(&mut self, prescription: &Prescription) -> Option<FollowUpBox> {
        let follow_up = prescription.follow_up.as_ref()?;
        let position = self
            .plan
            .follow_up
            .as_ref()
            .and_then(|(_, position)| *position);
        let appointments = self.clinic.map(|clinic| &clinic.appointments);
        let closed = appointments
            .map(|appointments| appointments.closed.clone())
            .unwrap_or_default();
        let session_day = self.session_day;
        let Some(date) = dates::follow_up_date(session_day, follow_up.when, &closed) else {
            self.problems.push(
                self.plan
                    .error_at("the follow-up date is out of range", position)
                    .with_hint("give a date or a span within two years of the session"),
            );
            return None;
        };
        if date <= session_day {
            self.problems.push(
                self.plan
                    .error_at(
                        format!(
                            "the follow-up ({date}) is not after the session date ({session_day})"
                        ),
                        position,
                    )
                    .with_hint("give a later date, or a span such as `2 weeks`"),
            );
            return None;
        }
        if closed.is_closed(date) {
            self.warnings.push(
                self.plan
                    .error_at(
                        format!(
                            "the follow-up date, {}, is a day the clinic is closed",
                            dates::long_date(date, &ENGLISH)
                        ),
                        position,
                    )
                    .with_hint("choose an open day, or give a span such as `2 weeks` and hep moves it to the next open day")
                    .into_warning(),
            );
        }
        let in_language = |words: &'static Words| {
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
        let mut first = in_language(self.languages.words);
        first.second = self
            .languages
            .second
            .map(|second| Box::new(in_language(second)));
        Some(first)
    }

    /// Decodes the handout's pictures side by side before the cards ask for them: photos
    /// dominate a handout's time.
    fn preload_pictures(&self, prescription: &Prescription) {
        let mut sources = Vec::new();
        for exercise in prescription
            .exercises
            .iter()
            .filter_map(|planned| self.library.get(&planned.id))
        {
            for illustration in &exercise.illustrations {
                let source = exercise.picture_source(illustration);
                if !sources.contains(&source) {
                    sources.push(source);
                }
            }
        }
        self.pictures.preload(&sources, self.size);
    }

    /// A card for each exercise of the prescription, in order, and the rows of the tracking
    /// log (each card's name and schedule).
    fn exercise_cards(
        &mut self,
        prescription: &Prescription,
    ) -> (Vec<ExerciseCard>, Vec<LoggedExercise>) {
        let mut cards: Vec<ExerciseCard> = Vec::with_capacity(prescription.exercises.len());
        let mut log_rows = Vec::with_capacity(prescription.exercises.len());
        for planned in &prescription.exercises {
            let Some(exercise) = self.exercise(planned) else {
                continue;
            };
            let Languages { words, second } = self.languages;
            let Some(text) = self.exercise_text(exercise, words) else {
                continue;
            };
            let number = cards.len() + 1;
            let second_card = match second {
                None => None,
                Some(second) => {
                    let Some(second_text) = self.exercise_text(exercise, second) else {
                        continue;
                    };
                    let card = card::exercise_card(
                        number,
                        planned,
                        exercise,
                        &second_text,
                        self.pictures,
                        self.size,
                        second,
                    );
                    match card {
                        Ok(card) => Some(Box::new(card)),
                        Err(problem) => {
                            self.problems.push(problem);
                            continue;
                        }
                    }
                }
            };
            let card = card::exercise_card(
                number,
                planned,
                exercise,
                &text,
                self.pictures,
                self.size,
                words,
            );
            match card {
                Ok(mut card) => {
                    card.second = second_card;
                    log_rows.push(LoggedExercise {
                        name: card.name.clone(),
                        second_name: card.second.as_ref().map(|second| second.name.clone()),
                        frequency: card.schedule,
                    });
                    cards.push(card);
                }
                Err(problem) => self.problems.push(problem),
            }
        }
        (cards, log_rows)
    }

    /// The library's exercise a planned exercise names; a problem when there is none, or when
    /// its file is broken (library files are parsed when a plan first names them).
    fn exercise(&mut self, planned: &PlannedExercise) -> Option<&'a Exercise> {
        let library = self.library;
        match library.exercise(&planned.id) {
            Some(Ok(exercise)) => Some(exercise),
            Some(Err(broken)) => {
                self.problems.push(broken.clone());
                None
            }
            None => {
                let hint = did_you_mean(&planned.id, library.ids()).unwrap_or_else(|| {
                    "run `hep list` to see the exercises in the library".to_string()
                });
                self.problems.push(
                    self.plan
                        .error_at(
                            format!("unknown exercise `{}`", planned.id),
                            planned.position,
                        )
                        .with_kind(Kind::UnknownExercise)
                        .with_hint(hint),
                );
                None
            }
        }
    }

    /// The exercise's text in `words`' language; with `--allow-fallback`, its own language's
    /// text and a warning when it has no translation.
    fn exercise_text(&mut self, exercise: &Exercise, words: &Words) -> Option<ExerciseText> {
        let field = match exercise.text_in(words.code) {
            Ok(text) => return Some(text),
            Err(field) => field,
        };
        let missing = card::missing_translation(exercise, words, field);
        match exercise.text_in(&exercise.language) {
            Ok(fallback) if self.allow_fallback => {
                self.warnings.push(missing.into_warning());
                Some(fallback)
            }
            _ => {
                self.problems.push(missing);
                None
            }
        }
    }

    /// The clinic's name, logo, colours and contact lines, in the handout's languages.
    fn brand(&mut self) -> Option<Brand> {
        let Languages { words, second } = self.languages;
        brand::brand(self.clinic, self.pictures, (words, second))
            .map_err(|problem| self.problems.push(problem))
            .ok()
    }

    /// The tracking log, when the plan (or else the clinic) asks for one: a row per exercise,
    /// a column per day until the follow-up.
    fn tracking_log(
        &self,
        follow_up: Option<&FollowUpBox>,
        rows: &[LoggedExercise],
    ) -> Option<TrackingLog> {
        let wanted = self
            .plan
            .log
            .unwrap_or_else(|| self.clinic.is_some_and(|clinic| clinic.log));
        if !wanted {
            return None;
        }
        let Languages { words, second } = self.languages;
        let follow_up_day = follow_up.map(|follow_up| follow_up.day);
        Some(log::tracking_log(
            self.session_day,
            follow_up_day,
            rows,
            words,
            second,
        ))
    }
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
