//! `hep show ID`: one exercise as the client would read it.

use crate::cli::ShowArgs;
use crate::commands::{CommandResult, Failure, library_here};
use crate::diagnostic::{Diagnostic, Kind, did_you_mean};
use crate::load::exercise::Laterality;
use crate::load::frequency::Frequency;
use crate::load::library::Library;
use crate::output::StdoutText;
use crate::resolve::wording::{dosage_sentence, frequency_sentence};
use crate::resolve::words::ENGLISH;

/// Prints the exercise's name, dosage and frequency sentences, steps, tips and cautions.
pub fn run(args: ShowArgs) -> CommandResult {
    let library = Library::load(&library_here(&args.library))?;
    if let Some(id) = &args.program {
        return show_program(&library, id);
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
    let words = &ENGLISH;
    let mut out = StdoutText::default();
    let sides = match exercise.laterality {
        Laterality::Bilateral => "both sides together",
        Laterality::Unilateral => "one side at a time",
        Laterality::Alternating => "alternating sides",
    };
    out.line(format_args!("{}", exercise.name));
    out.line(format_args!(
        "{} · {} · {} · {sides}",
        exercise.id,
        exercise.region.id(),
        exercise.category.id()
    ));
    out.line("");
    if let Some(dosage) = dosage_sentence(&exercise.dosage, exercise.laterality, None, words) {
        out.line(format_args!("{}: {dosage}", words.dosage_label));
    }
    let frequency = exercise.frequency.unwrap_or(Frequency::DAILY);
    out.line(format_args!(
        "{}: {}",
        words.how_often_label,
        frequency_sentence(frequency, words)
    ));
    if !exercise.equipment.is_empty() {
        out.line(format_args!(
            "{}: {}",
            words.equipment_label,
            exercise.equipment.join(", ")
        ));
    }
    out.line("");
    for (index, step) in exercise.steps.iter().enumerate() {
        out.line(format_args!("{}. {step}", index + 1));
    }
    for (heading, entries) in [
        (words.tips_heading, &exercise.cues),
        (words.caution_heading, &exercise.precautions),
    ] {
        if !entries.is_empty() {
            out.line("");
            out.line(format_args!("{heading}:"));
            for entry in entries {
                out.line(format_args!("  • {entry}"));
            }
        }
    }
    if let Some(progression) = &exercise.progression {
        out.line("");
        out.line(format_args!("{}: {progression}", words.progression_heading));
    }
    if !exercise.illustrations.is_empty() {
        out.line("");
        let pictures: Vec<String> = exercise
            .illustrations
            .iter()
            .map(|picture| {
                let caption = picture
                    .entry
                    .caption
                    .as_ref()
                    .and_then(|caption| caption.get(&exercise.language, &exercise.language));
                match caption {
                    Some(caption) => format!("{} ({caption})", picture.entry.file),
                    None => picture.entry.file.clone(),
                }
            })
            .collect();
        out.line(format_args!("Pictures: {}", pictures.join(", ")));
    }
    out.line(format_args!("File: {}", exercise.source.path.display()));
    Ok(out.print()?)
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
fn show_program(library: &Library, id: &str) -> CommandResult {
    let Some(program) = library.program(id) else {
        return Err(unknown(
            "program",
            id,
            library.programs().map(|program| program.id.as_str()),
            "run `hep list --programs` to see the programs",
        ));
    };
    let words = &ENGLISH;
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
        out.line("");
        out.line(format_args!(
            "{}. {} ({})",
            index + 1,
            exercise.name,
            exercise.id
        ));
        let dosage = exercise.dosage.overridden_by(entry.dosage);
        if let Some(sentence) = dosage_sentence(&dosage, exercise.laterality, entry.side, words) {
            out.line(format_args!("   {}: {sentence}", words.dosage_label));
        }
        let frequency = entry
            .frequency
            .or(exercise.frequency)
            .unwrap_or(Frequency::DAILY);
        out.line(format_args!(
            "   {}: {}",
            words.how_often_label,
            frequency_sentence(frequency, words)
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
