//! Clarity lints: inputs that work but make a worse handout. Reported as warnings by
//! `hep check`; `hep render` does not stop for them.

use crate::diagnostic::Diagnostic;
use crate::load::exercise::{Exercise, Laterality};
use crate::load::follow_up::{CalendarSpan, FollowUpWhen};
use crate::load::localized::Localized;
use crate::load::plan::{Plan, PlannedExercise};
use crate::readability::{flesch_kincaid_grade, kandel_moles_ease};

/// Steps beyond this many lose a reader.
pub const MAX_STEPS: usize = 6;
/// Words beyond this many make a step hard to follow.
pub const MAX_STEP_WORDS: usize = 20;
/// The highest school grade the steps should need (Flesch-Kincaid).
pub const MAX_READING_GRADE: f32 = 8.0;
/// The lowest Kandel-Moles ease for French steps: about grade 8.
pub const MIN_FRENCH_EASE: f32 = 60.0;
/// Exercises beyond this many get done less often.
pub const MAX_PLAN_EXERCISES: usize = 6;
/// Follow-ups further away than this many days lose the client.
pub const MAX_FOLLOW_UP_DAYS: i64 = 12 * 7;

/// Warnings about one library exercise.
pub fn exercise_lints(exercise: &Exercise) -> Vec<Diagnostic> {
    let source = &exercise.source;
    let warn = |message: String, position| {
        Diagnostic::warning(message)
            .in_file(&source.path)
            .at(&source.text, position)
    };
    let mut warnings = Vec::new();
    if exercise.steps.len() > MAX_STEPS {
        warnings.push(
            warn(
                format!("`{}` has {} steps", exercise.id, exercise.steps.len()),
                exercise.step_positions.get(MAX_STEPS).copied().flatten(),
            )
            .with_hint(format!(
                "keep to {MAX_STEPS} steps or fewer; merge or drop the least important"
            )),
        );
    }
    for (step, position) in exercise.steps.iter().zip(&exercise.step_positions) {
        let words = step.split_whitespace().count();
        if words > MAX_STEP_WORDS {
            warnings.push(
                warn(
                    format!("a step of `{}` has {words} words", exercise.id),
                    *position,
                )
                .with_hint(format!(
                    "split it: steps of {MAX_STEP_WORDS} words or fewer are easier to follow"
                )),
            );
        }
    }
    if let Localized::ByLanguage(by_language) = &exercise.localized.steps
        && let Some(steps) = by_language.get("fr")
        && exercise.language != "fr"
    {
        let ease = kandel_moles_ease(&steps.join(" "));
        if ease < MIN_FRENCH_EASE {
            warnings.push(
                warn(
                    format!("the French steps of `{}` are hard to read (Kandel-Moles ease {ease:.0})", exercise.id),
                    exercise.step_positions.first().copied().flatten(),
                )
                .with_hint(format!("aim for an ease of {MIN_FRENCH_EASE:.0} or more: short sentences and everyday words")),
            );
        }
    }
    for illustration in &exercise.illustrations {
        if illustration
            .entry
            .alt
            .as_ref()
            .and_then(|alt| alt.get(&exercise.language, &exercise.language))
            .is_none_or(|alt| alt.trim().is_empty())
        {
            warnings.push(
                warn(
                    format!(
                        "the picture `{}` of `{}` has no `alt:` description",
                        illustration.entry.file, exercise.id
                    ),
                    illustration.position,
                )
                .with_hint(
                    "add `alt:` in plain words (\"Lying on your side, knees bent\"); screen \
                     readers speak it to clients who cannot see the picture",
                ),
            );
        }
    }
    let mut translated = exercise.localized.steps.languages(&exercise.language);
    translated.retain(|language| *language != exercise.language);
    for language in translated {
        if let Err(field) = exercise.text_in(&language) {
            warnings.push(
                warn(
                    format!(
                        "`{}` has `{language}` steps but no `{language}` text for `{field}`",
                        exercise.id
                    ),
                    None,
                )
                .with_hint(format!(
                    "add `{language}:` under `{field}:`; until then a `{language}` handout of it \
                     needs --allow-fallback"
                )),
            );
        }
    }
    let all_steps = exercise.steps.join(" ");
    let grade = flesch_kincaid_grade(&all_steps);
    if grade > MAX_READING_GRADE {
        let hardest = exercise
            .steps
            .iter()
            .zip(&exercise.step_positions)
            .enumerate()
            .max_by(|a, b| flesch_kincaid_grade(a.1.0).total_cmp(&flesch_kincaid_grade(b.1.0)));
        if let Some((index, (_, position))) = hardest {
            warnings.push(
                warn(
                    format!(
                        "the steps of `{}` read at grade {grade:.1}; step {} is the hardest",
                        exercise.id,
                        index + 1
                    ),
                    *position,
                )
                .with_hint(format!(
                    "aim for grade {MAX_READING_GRADE:.0} or lower: short sentences and everyday words"
                )),
            );
        }
    }
    if exercise.laterality == Laterality::Unilateral {
        let says_side = exercise.steps.iter().any(|step| {
            let lower = step.to_lowercase();
            [
                "left", "right", "side", "one leg", "one arm", "one foot", "one hand", "other",
                "top ", "bottom ",
            ]
            .iter()
            .any(|word| lower.contains(word))
        });
        if !says_side {
            warnings.push(
                warn(
                    format!(
                        "`{}` is one-sided but its steps never say which side",
                        exercise.id
                    ),
                    exercise.step_positions.first().copied().flatten(),
                )
                .with_hint("name the side in the first step, e.g. \"Lie on your left side\""),
            );
        }
    }
    if exercise.dosage.sets.is_some_and(|sets| sets.0 > 1) && exercise.dosage.rest.is_none() {
        warnings.push(
            warn(
                format!(
                    "`{}` has several sets but no rest between them",
                    exercise.id
                ),
                None,
            )
            .with_hint("add `rest: 30s` (or what you prescribe) to `dosage:`"),
        );
    }
    warnings
}

/// Warnings about a plan whose merged exercise list (program and its own) is `exercises`.
pub fn plan_lints(plan: &Plan, exercises: &[PlannedExercise]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let warn = |message: String, position| {
        Diagnostic::warning(message)
            .in_file(&plan.source.path)
            .at(&plan.source.text, position)
    };
    if exercises.len() > MAX_PLAN_EXERCISES {
        warnings.push(
            warn(
                format!("the plan has {} exercises", exercises.len()),
                plan.exercises
                    .get(MAX_PLAN_EXERCISES)
                    .and_then(|exercise| exercise.position),
            )
            .with_hint(format!(
                "fewer exercises are done more often; keep to {MAX_PLAN_EXERCISES} or fewer"
            )),
        );
    }
    for (index, exercise) in plan.exercises.iter().enumerate() {
        if plan.exercises[..index]
            .iter()
            .any(|earlier| earlier.id == exercise.id)
        {
            warnings.push(
                warn(
                    format!("`{}` is listed twice", exercise.id),
                    exercise.position,
                )
                .with_hint("list each exercise once, with the dosage you want"),
            );
        }
    }
    if let Some((follow_up, position)) = &plan.follow_up {
        let session = plan
            .date
            .map(|date| date.0)
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
        let days = match follow_up.when {
            FollowUpWhen::After(CalendarSpan::Days(days)) => i64::from(days),
            FollowUpWhen::After(CalendarSpan::Weeks(weeks)) => i64::from(weeks) * 7,
            FollowUpWhen::After(CalendarSpan::Months(months)) => i64::from(months) * 30,
            FollowUpWhen::On(on) => session
                .until((jiff::Unit::Day, on.0))
                .map(|span| i64::from(span.get_days()))
                .unwrap_or(0),
        };
        if days > MAX_FOLLOW_UP_DAYS {
            warnings.push(
                warn(
                    "the follow-up is more than 12 weeks away".to_string(),
                    *position,
                )
                .with_hint("a closer follow-up keeps the client on track"),
            );
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::source::{Origin, SourceFile};

    fn lints(text: &str) -> Vec<String> {
        let exercise = Exercise::load(SourceFile {
            path: "lib/bridge.yaml".into(),
            text: text.to_string(),
            origin: Origin::Disk,
        })
        .unwrap();
        exercise_lints(&exercise)
            .into_iter()
            .map(|warning| warning.message)
            .collect()
    }

    const BRIDGE: &str = "name: {en: Bridge, fr: Pont}\nregion: hip\ncategory: strength\nillustrations:\n  - file: bridge.svg\n    alt: {en: Hips lifted, fr: Hanches levées}\nsteps:\n  en: [Lift your hips.]\n  fr: [Levez les hanches.]\nfrequency: daily\n";

    #[test]
    fn a_translation_missing_one_text_is_named() {
        assert_eq!(lints(BRIDGE), Vec::<String>::new());
        let english_alt = BRIDGE.replace("{en: Hips lifted, fr: Hanches levées}", "Hips lifted");
        assert_eq!(
            lints(&english_alt),
            vec!["`bridge` has `fr` steps but no `fr` text for `alt`".to_string()]
        );
    }
}
