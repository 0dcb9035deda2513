//! `hep show ID`: one exercise as the client would read it.

use anyhow::Result;

use crate::cli::ShowArgs;
use crate::commands::library_sources;
use crate::diagnostic::{Diagnostic, Diagnostics, closest_matches};
use crate::load::exercise::Laterality;
use crate::load::frequency::Frequency;
use crate::load::library::Library;
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
    let sides = match exercise.laterality {
        Laterality::Bilateral => "both sides together",
        Laterality::Unilateral => "one side at a time",
        Laterality::Alternating => "alternating sides",
    };
    println!("{}", exercise.name);
    println!(
        "{} · {} · {} · {sides}",
        exercise.id,
        exercise.region.id(),
        exercise.category.id()
    );
    println!();
    if let Some(dosage) = dosage_sentence(&exercise.dosage, exercise.laterality, None, words) {
        println!("{}: {dosage}", words.dosage_label);
    }
    let frequency = exercise.frequency.unwrap_or(Frequency::DAILY);
    println!(
        "{}: {}",
        words.how_often_label,
        frequency_sentence(frequency, words)
    );
    if !exercise.equipment.is_empty() {
        println!(
            "{}: {}",
            words.equipment_label,
            exercise.equipment.join(", ")
        );
    }
    println!();
    for (index, step) in exercise.steps.iter().enumerate() {
        println!("{}. {step}", index + 1);
    }
    for (heading, entries) in [
        (words.tips_heading, &exercise.cues),
        (words.caution_heading, &exercise.precautions),
    ] {
        if !entries.is_empty() {
            println!();
            println!("{heading}:");
            for entry in entries {
                println!("  • {entry}");
            }
        }
    }
    if let Some(progression) = &exercise.progression {
        println!();
        println!("{}: {progression}", words.progression_heading);
    }
    if !exercise.illustrations.is_empty() {
        println!();
        let pictures: Vec<String> = exercise
            .illustrations
            .iter()
            .map(|picture| match &picture.entry.caption {
                Some(caption) => format!("{} ({caption})", picture.entry.file),
                None => picture.entry.file.clone(),
            })
            .collect();
        println!("Pictures: {}", pictures.join(", "));
    }
    println!("File: {}", exercise.source.path.display());
    Ok(())
}
