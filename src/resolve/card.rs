//! One planned exercise, merged with its library entry, as a card of final sentences.

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::exercise::{Exercise, ExerciseText};
use crate::load::frequency::Frequency;
use crate::load::plan::PlannedExercise;
use crate::resolve::handout::{CardPicture, ExerciseCard};
use crate::resolve::picture::{PictureLoader, PrintSize};
use crate::resolve::qr::QrMatrix;
use crate::resolve::wording::{dosage_sentence, frequency_sentence};
use crate::resolve::words::Words;

/// The card for `planned`, whose id `exercise` was found under.
pub fn exercise_card(
    number: usize,
    planned: &PlannedExercise,
    exercise: &Exercise,
    text: &ExerciseText,
    pictures: &PictureLoader,
    size: PrintSize,
    words: &'static Words,
) -> Result<ExerciseCard, Diagnostic> {
    let dosage = exercise.dosage.overridden_by(planned.dosage);
    let frequency = planned
        .frequency
        .or(exercise.frequency)
        .unwrap_or(Frequency::DAILY);
    let mut card_pictures = Vec::with_capacity(exercise.illustrations.len());
    let texts = text.captions.iter().zip(&text.alts);
    for (illustration, (caption, alt)) in exercise.illustrations.iter().zip(texts) {
        let source = exercise.picture_source(illustration);
        let picture = pictures.load_for(&source, size).map_err(|reason| {
            Diagnostic::error(format!(
                "cannot use illustration `{}` of exercise `{}`: {reason}",
                source.display(),
                exercise.id
            ))
            .with_kind(Kind::BadPicture)
            .in_file(&exercise.source.path)
            .at(&exercise.source.text, illustration.position)
            .with_hint(
                "illustration paths are relative to the exercise file; use an SVG, PNG or JPEG",
            )
        })?;
        card_pictures.push(CardPicture {
            picture,
            caption: caption.clone(),
            alt: alt.clone(),
            credit: illustration.entry.credit.clone(),
        });
    }
    let equipment = (!text.equipment.is_empty()).then(|| {
        let list = text.equipment.join(", ");
        let mut chars = list.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => list,
        }
    });
    let video = match &exercise.video {
        None => None,
        Some(url) => Some(QrMatrix::for_url(url).map_err(|reason| {
            Diagnostic::error(format!(
                "the video link of exercise `{}` cannot be used: {reason}",
                exercise.id
            ))
            .in_file(&exercise.source.path)
            .with_hint("write the full address of the video, e.g. https://example.com/clamshell")
        })?),
    };
    Ok(ExerciseCard {
        second: None,
        video,
        number,
        name: text.name.clone(),
        pictures: card_pictures,
        dosage: dosage_sentence(&dosage, exercise.laterality, planned.side, words),
        frequency: frequency_sentence(frequency, words),
        schedule: frequency,
        equipment,
        steps: text.steps.clone(),
        cues: text.cues.clone(),
        precautions: text.precautions.clone(),
        progression: text.progression.clone(),
        note: planned.note.clone(),
    })
}
