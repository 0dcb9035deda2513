//! One planned exercise, merged with its library entry, as a card of final sentences.

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::exercise::{Exercise, ExerciseText, Illustration};
use crate::load::frequency::Frequency;
use crate::load::plan::PlannedExercise;
use crate::resolve::handout::{CardPicture, ExerciseCard};
use crate::resolve::picture::{PictureError, PictureLoader, PrintSize};
use crate::resolve::qr::QrMatrix;
use crate::resolve::wording::{dosage_sentence, frequency_sentence};
use crate::resolve::words::Words;

/// An illustration that cannot be used, reported at its entry in the exercise file: the same
/// words from `render`, `hep check` and the catalog.
pub fn unusable_illustration(
    exercise: &Exercise,
    illustration: &Illustration,
    reason: &PictureError,
) -> Diagnostic {
    let source = exercise.picture_source(illustration);
    let hint = match reason {
        PictureError::Unreadable(_) | PictureError::NotBundled => {
            "illustration paths are relative to the exercise file; check the file name"
        }
        _ => "use an SVG, PNG or JPEG file that opens in an image viewer",
    };
    Diagnostic::error(format!(
        "cannot use illustration `{}` of exercise `{}`: {reason}",
        source.display(),
        exercise.id
    ))
    .with_kind(reason.kind())
    .in_file(&exercise.source.path)
    .at(&exercise.source.text, illustration.position)
    .with_hint(hint)
}

/// The card for `planned` in words only: the library's text in `words`' language, with the
/// plan's dosage, side, frequency and note over the library's. `hep show` prints these words;
/// [`exercise_card`] adds the number, the pictures and the video link.
pub fn card_words(
    planned: &PlannedExercise,
    exercise: &Exercise,
    text: &ExerciseText,
    words: &'static Words,
) -> ExerciseCard {
    let dosage = exercise.dosage.overridden_by(planned.dosage);
    let schedule = planned
        .frequency
        .or(exercise.frequency)
        .unwrap_or(Frequency::DAILY);
    let equipment = (!text.equipment.is_empty()).then(|| {
        let list = text.equipment.join(", ");
        let mut chars = list.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => list,
        }
    });
    ExerciseCard {
        number: 0,
        name: text.name.clone(),
        pictures: Vec::new(),
        dosage: dosage_sentence(&dosage, exercise.laterality, planned.side, words),
        frequency: frequency_sentence(schedule, words),
        schedule,
        equipment,
        steps: text.steps.clone(),
        cues: text.cues.clone(),
        precautions: text.precautions.clone(),
        progression: text.progression.clone(),
        note: planned.note.clone(),
        video: None,
        second: None,
    }
}

/// An exercise without text in the handout's language: an error, or with `--allow-fallback` a
/// warning, pointing at the exercise file.
pub fn missing_translation(exercise: &Exercise, words: &Words, field: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "exercise `{}` has no `{}` text for `{field}`",
        exercise.id, words.code
    ))
    .with_kind(Kind::MissingTranslation)
    .in_file(&exercise.source.path)
    .with_hint(format!(
        "add `{}:` under `{field}:` in the exercise file, or render with --allow-fallback to print its `{}` text",
        words.code, exercise.language
    ))
}

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
    let mut card_pictures = Vec::with_capacity(exercise.illustrations.len());
    let texts = text.captions.iter().zip(&text.alts);
    for (illustration, (caption, alt)) in exercise.illustrations.iter().zip(texts) {
        let source = exercise.picture_source(illustration);
        let picture = pictures
            .load_for(&source, size)
            .map_err(|reason| unusable_illustration(exercise, illustration, &reason))?;
        card_pictures.push(CardPicture {
            picture,
            caption: caption.clone(),
            alt: alt.clone(),
            credit: illustration.entry.credit.clone(),
        });
    }
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
        number,
        pictures: card_pictures,
        video,
        ..card_words(planned, exercise, text, words)
    })
}
