//! `hep show ID`: one exercise as the client would read it.

use crate::cli::ShowArgs;
use crate::commands::{CommandResult, Failure, language_flag, library_here};
use crate::diagnostic::{Diagnostic, Kind, did_you_mean};
use crate::load::dosage::Dosage;
use crate::load::exercise::{Exercise, Laterality};
use crate::load::library::Library;
use crate::load::plan::PlannedExercise;
use crate::output::StdoutText;
use crate::resolve::card::{card_words, missing_translation};
use crate::resolve::words::{ENGLISH, Words};

/// Prints the exercise's name, dosage and frequency sentences, steps, tips and cautions:
/// the words of its card on a handout, in the same language.
pub fn run(args: ShowArgs) -> CommandResult {
    let library = Library::load(&library_here(&args.library))?;
    let chosen = args.lang.as_deref().map(language_flag).transpose()?;
    if let Some(id) = &args.program {
        return show_program(&library, id, chosen);
    }
    let id = args.id.as_deref().unwrap_or_default();
    let Some(exercise) = library.get(id) else {
        return Err(unknown(
            "exercise",
            id,
            library.ids(),
            "run `hep list` to see the exercise ids",
        ));
    };
    let words = chosen.unwrap_or_else(|| own_language(&exercise.language));
    let text = exercise
        .text_in(words.code)
        .map_err(|field| missing_translation(exercise, words, field))?;
    let card = card_words(&as_planned(exercise), exercise, &text, words);
    let mut out = StdoutText::default();
    let sides = match exercise.laterality {
        Laterality::Bilateral => "both sides together",
        Laterality::Unilateral => "one side at a time",
        Laterality::Alternating => "alternating sides",
    };
    out.line(&card.name);
    out.line(format_args!(
        "{} · {} · {} · {sides}",
        exercise.id,
        exercise.region.id(),
        exercise.category.id()
    ));
    out.line("");
    if let Some(dosage) = &card.dosage {
        out.line(format_args!("{}: {dosage}", words.dosage_label));
    }
    out.line(format_args!(
        "{}: {}",
        words.how_often_label, card.frequency
    ));
    if let Some(equipment) = &card.equipment {
        out.line(format_args!("{}: {equipment}", words.equipment_label));
    }
    out.line("");
    for (index, step) in card.steps.iter().enumerate() {
        out.line(format_args!("{}. {step}", index + 1));
    }
    for (heading, entries) in [
        (words.tips_heading, &card.cues),
        (words.caution_heading, &card.precautions),
    ] {
        if !entries.is_empty() {
            out.line("");
            out.line(format_args!("{heading}:"));
            for entry in entries {
                out.line(format_args!("  • {entry}"));
            }
        }
    }
    if let Some(progression) = &card.progression {
        out.line("");
        out.line(format_args!("{}: {progression}", words.progression_heading));
    }
    if !exercise.illustrations.is_empty() {
        out.line("");
        let pictures: Vec<String> = exercise
            .illustrations
            .iter()
            .zip(&text.captions)
            .map(|(picture, caption)| match caption {
                Some(caption) => format!("{} ({caption})", picture.entry.file),
                None => picture.entry.file.clone(),
            })
            .collect();
        out.line(format_args!("Pictures: {}", pictures.join(", ")));
    }
    out.line(format_args!("File: {}", exercise.source.path.display()));
    Ok(out.print()?)
}

/// The words of an exercise's or program's own language; English for a language hep has no
/// handouts in.
fn own_language(code: &str) -> &'static Words {
    Words::for_code(code).unwrap_or(&ENGLISH)
}

/// An exercise as a plan naming only its id would have it: the library's dose and frequency.
fn as_planned(exercise: &Exercise) -> PlannedExercise {
    PlannedExercise {
        id: exercise.id.clone(),
        position: None,
        dosage: Dosage::default(),
        side: None,
        frequency: None,
        note: None,
    }
}

/// "unknown exercise `x`", with the closest ids.
fn unknown<'a>(
    kind: &str,
    id: &str,
    known: impl Iterator<Item = &'a str>,
    fallback: &str,
) -> Failure {
    let hint = did_you_mean(id, known).unwrap_or_else(|| fallback.to_string());
    let problem = Diagnostic::error(format!("unknown {kind} `{id}`"))
        .with_kind(match kind {
            "program" => Kind::UnknownProgram,
            _ => Kind::UnknownExercise,
        })
        .with_hint(hint);
    problem.into()
}

/// Prints a program: its title, what it is for, the follow-up, and each exercise's dose.
fn show_program(library: &Library, id: &str, chosen: Option<&'static Words>) -> CommandResult {
    let Some(program) = library.program(id) else {
        return Err(unknown(
            "program",
            id,
            library.programs().map(|program| program.id.as_str()),
            "run `hep list --programs` to see the programs",
        ));
    };
    let words = chosen.unwrap_or_else(|| own_language(&program.language));
    let mut out = StdoutText::default();
    out.line(&program.title);
    for code in program.titles.languages(&program.language) {
        if code != program.language
            && let Some(title) = program.title_in(&code)
        {
            out.line(format_args!("{code}: {title}"));
        }
    }
    out.line(format_args!(
        "{} · {} exercises",
        program.id,
        program.exercises.len()
    ));
    if let Some(description) = &program.description {
        out.line("");
        out.line(description);
    }
    if let Some(follow_up) = &program.follow_up {
        out.line("");
        out.line(format_args!("Follow-up: {}", describe_follow_up(follow_up)));
    }
    for (index, entry) in program.exercises.iter().enumerate() {
        let Some(exercise) = library.get(&entry.id) else {
            continue;
        };
        let text = exercise
            .text_in(words.code)
            .map_err(|field| missing_translation(exercise, words, field))?;
        let card = card_words(entry, exercise, &text, words);
        out.line("");
        out.line(format_args!(
            "{}. {} ({})",
            index + 1,
            card.name,
            exercise.id
        ));
        if let Some(sentence) = &card.dosage {
            out.line(format_args!("   {}: {sentence}", words.dosage_label));
        }
        out.line(format_args!(
            "   {}: {}",
            words.how_often_label, card.frequency
        ));
    }
    out.line("");
    out.line(format_args!("File: {}", program.source.path.display()));
    Ok(out.print()?)
}

/// "2 weeks after the session", "on 2026-12-10".
fn describe_follow_up(follow_up: &crate::load::follow_up::FollowUp) -> String {
    use crate::load::follow_up::{CalendarSpan, FollowUpWhen};
    let plural =
        |count: u32, unit: &str| format!("{count} {unit}{}", if count == 1 { "" } else { "s" });
    match follow_up.when {
        FollowUpWhen::After(CalendarSpan::Days(days)) => {
            format!("{} after the session", plural(days, "day"))
        }
        FollowUpWhen::After(CalendarSpan::Weeks(weeks)) => {
            format!("{} after the session", plural(weeks, "week"))
        }
        FollowUpWhen::After(CalendarSpan::Months(months)) => {
            format!("{} after the session", plural(months, "month"))
        }
        FollowUpWhen::On(date) => format!("on {}", date.0),
    }
}
