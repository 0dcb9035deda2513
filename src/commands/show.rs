//! `hep show ID`: one exercise as the client would read it.

use anyhow::Result;

use crate::cli::ShowArgs;
use crate::commands::library_sources;
use crate::diagnostic::{Diagnostic, Diagnostics, closest_matches};
use crate::load::exercise::Laterality;
use crate::load::frequency::Frequency;
use crate::load::library::Library;
use crate::output::StdoutText;
use crate::resolve::wording::{dosage_sentence, frequency_sentence};
use crate::resolve::words::ENGLISH;

/// Prints the exercise's name, dosage and frequency sentences, steps, tips and cautions.
pub fn run(args: ShowArgs) -> Result<()> {
    let library = Library::load(&library_sources(&args.library))?;
    let Some(exercise) = library.get(&args.id) else {
        let close = closest_matches(&args.id, library.ids(), 3);
        let hint = if close.is_empty() {
            "run `hep list` to see the exercise ids".to_string()
        } else {
            format!(
                "did you mean {}?",
                close
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            )
        };
        return Err(Diagnostics::from(
            Diagnostic::error(format!("unknown exercise `{}`", args.id)).with_hint(hint),
        )
        .into());
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
            .map(|picture| match &picture.entry.caption {
                Some(caption) => format!("{} ({caption})", picture.entry.file),
                None => picture.entry.file.clone(),
            })
            .collect();
        out.line(format_args!("Pictures: {}", pictures.join(", ")));
    }
    out.line(format_args!("File: {}", exercise.source.path.display()));
    out.print()
}
