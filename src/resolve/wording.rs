//! The dosage and frequency sentences: plain words a client cannot misread, never "3x10".

use crate::load::dosage::{Dosage, Side};
use crate::load::exercise::Laterality;
use crate::load::frequency::{ExerciseDays, Frequency};
use crate::load::scalar::Seconds;
use crate::resolve::words::Words;

/// "30 seconds", "1 minute", "90 seconds", "2 minutes".
pub fn duration(seconds: Seconds, words: &Words) -> String {
    let phrases = &words.phrases;
    let Seconds(total) = seconds;
    if total >= 60 && total % 60 == 0 {
        let minutes = total / 60;
        plural(&phrases.minutes, minutes).replace("{n}", &minutes.to_string())
    } else {
        plural(&phrases.seconds, total).replace("{n}", &total.to_string())
    }
}

fn plural<'a>(forms: &[&'a str; 2], count: u32) -> &'a str {
    if count == 1 { forms[0] } else { forms[1] }
}

/// The side phrase for a dosage: unilateral exercises without a side mean each side.
fn side_phrase(laterality: Laterality, side: Option<Side>, words: &Words) -> &'static str {
    let phrases = &words.phrases;
    match (side, laterality) {
        (Some(Side::Left), _) => phrases.on_left_side,
        (Some(Side::Right), _) => phrases.on_right_side,
        (Some(Side::Each), _) | (None, Laterality::Unilateral) => phrases.on_each_side,
        (None, Laterality::Alternating) => phrases.alternating,
        (Some(Side::Both), _) | (None, Laterality::Bilateral) => "",
    }
}

/// The dosage as one or more short sentences, or `None` when nothing is prescribed.
///
/// "2 sets of 12 on each side. Rest 30 seconds between sets."
/// "Hold 30 seconds. Repeat 3 times on each side."
pub fn dosage_sentence(
    dosage: &Dosage,
    laterality: Laterality,
    side: Option<Side>,
    words: &Words,
) -> Option<String> {
    let phrases = &words.phrases;
    let side = side_phrase(laterality, side, words);
    let sets = dosage.sets.map(|count| count.0).filter(|sets| *sets > 1);
    let reps = dosage.reps.map(|count| count.0);
    let hold = dosage.hold.map(|hold| duration(hold, words));
    let mut sentences: Vec<String> = Vec::new();
    match (sets, reps, &hold) {
        (Some(sets), reps, hold) => {
            let reps = reps.unwrap_or(1);
            sentences.push(format!(
                "{}{side}",
                phrases
                    .sets_of_reps
                    .replace("{sets}", &sets.to_string())
                    .replace("{reps}", &reps.to_string())
            ));
            if let Some(hold) = hold {
                sentences.push(phrases.hold_each.replace("{hold}", hold));
            }
        }
        (None, Some(reps), Some(hold)) => {
            sentences.push(phrases.hold.replace("{hold}", hold));
            sentences.push(format!(
                "{}{side}",
                plural(&phrases.repeat, reps).replace("{reps}", &reps.to_string())
            ));
        }
        (None, Some(reps), None) => sentences.push(format!(
            "{}{side}",
            plural(&phrases.do_reps, reps).replace("{reps}", &reps.to_string())
        )),
        (None, None, Some(hold)) => {
            sentences.push(format!("{}{side}", phrases.hold.replace("{hold}", hold)));
        }
        (None, None, None) => {}
    }
    if let Some(total) = dosage.duration {
        let keep_going = phrases
            .keep_going
            .replace("{duration}", &duration(total, words));
        if sentences.is_empty() {
            sentences.push(format!("{keep_going}{side}"));
        } else {
            sentences.push(keep_going);
        }
    }
    if let Some(rest) = dosage.rest {
        let rest = duration(rest, words);
        if sets.is_some() {
            sentences.push(phrases.rest_between_sets.replace("{rest}", &rest));
        } else if reps.is_some_and(|reps| reps > 1) {
            sentences.push(phrases.rest_between_reps.replace("{rest}", &rest));
        }
    }
    if sentences.is_empty() {
        return None;
    }
    Some(
        sentences
            .iter()
            .map(|sentence| format!("{sentence}."))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// "Once a day, every day", "3 days a week", "Twice a day, every other day", "As needed...".
pub fn frequency_sentence(frequency: Frequency, words: &Words) -> String {
    let phrases = &words.phrases;
    let Frequency::Schedule {
        times_per_day,
        days,
    } = frequency
    else {
        return phrases.as_needed.to_string();
    };
    let per_day = match times_per_day {
        1 => phrases.times_a_day[0].to_string(),
        2 => phrases.times_a_day[1].to_string(),
        n => phrases.times_a_day[2].replace("{n}", &n.to_string()),
    };
    let days_text = match days {
        ExerciseDays::EveryDay => phrases.every_day.to_string(),
        ExerciseDays::EveryOtherDay => phrases.every_other_day.to_string(),
        ExerciseDays::PerWeek(count) => {
            plural(&phrases.days_a_week, count).replace("{n}", &count.to_string())
        }
    };
    match (times_per_day, days) {
        (1, ExerciseDays::PerWeek(_) | ExerciseDays::EveryOtherDay) => capitalise(&days_text),
        _ => phrases
            .per_day_and_days
            .replace("{per_day}", &per_day)
            .replace("{days}", &days_text),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::scalar::Count;
    use crate::resolve::words::ENGLISH;

    fn dosage(sets: u32, reps: u32, hold: u32, rest: u32, total: u32) -> Dosage {
        let count = |n: u32| (n > 0).then_some(Count(n));
        let seconds = |n: u32| (n > 0).then_some(Seconds(n));
        Dosage {
            sets: count(sets),
            reps: count(reps),
            hold: seconds(hold),
            rest: seconds(rest),
            duration: seconds(total),
        }
    }

    fn say(dosage: Dosage, laterality: Laterality, side: Option<Side>) -> String {
        dosage_sentence(&dosage, laterality, side, &ENGLISH).unwrap()
    }

    #[test]
    fn sets_and_reps_with_rest() {
        assert_eq!(
            say(dosage(2, 12, 0, 30, 0), Laterality::Unilateral, None),
            "2 sets of 12 on each side. Rest 30 seconds between sets."
        );
        assert_eq!(
            say(dosage(3, 10, 0, 60, 0), Laterality::Bilateral, None),
            "3 sets of 10. Rest 1 minute between sets."
        );
    }

    #[test]
    fn stretches_hold_and_repeat() {
        assert_eq!(
            say(dosage(0, 3, 30, 0, 0), Laterality::Unilateral, None),
            "Hold 30 seconds. Repeat 3 times on each side."
        );
        assert_eq!(
            say(
                dosage(0, 3, 30, 0, 0),
                Laterality::Unilateral,
                Some(Side::Left)
            ),
            "Hold 30 seconds. Repeat 3 times on your left side."
        );
        assert_eq!(
            say(dosage(0, 1, 45, 0, 0), Laterality::Bilateral, None),
            "Hold 45 seconds. Do it once."
        );
    }

    #[test]
    fn holds_inside_sets_and_alternating_sides() {
        assert_eq!(
            say(dosage(2, 10, 3, 30, 0), Laterality::Alternating, None),
            "2 sets of 10, switching sides each time. Hold each one 3 seconds. Rest 30 seconds between sets."
        );
    }

    #[test]
    fn timed_exercises() {
        assert_eq!(
            say(dosage(0, 0, 0, 0, 60), Laterality::Unilateral, None),
            "Keep going for 1 minute on each side."
        );
        assert_eq!(
            say(
                dosage(0, 0, 0, 0, 90),
                Laterality::Bilateral,
                Some(Side::Both)
            ),
            "Keep going for 90 seconds."
        );
    }

    #[test]
    fn reps_only_and_nothing() {
        assert_eq!(
            say(dosage(1, 10, 0, 0, 0), Laterality::Bilateral, None),
            "Do it 10 times."
        );
        assert_eq!(
            dosage_sentence(&Dosage::default(), Laterality::Bilateral, None, &ENGLISH),
            None
        );
    }

    #[test]
    fn frequencies() {
        use ExerciseDays::*;
        let schedule = |times_per_day, days| Frequency::Schedule {
            times_per_day,
            days,
        };
        for (frequency, expected) in [
            (schedule(1, EveryDay), "Once a day, every day"),
            (schedule(2, EveryDay), "Twice a day, every day"),
            (schedule(3, EveryDay), "3 times a day, every day"),
            (schedule(1, PerWeek(3)), "3 days a week"),
            (schedule(1, PerWeek(1)), "1 day a week"),
            (schedule(2, PerWeek(3)), "Twice a day, 3 days a week"),
            (schedule(1, EveryOtherDay), "Every other day"),
            (
                Frequency::AsNeeded,
                "As needed, when you feel stiff or sore",
            ),
        ] {
            assert_eq!(frequency_sentence(frequency, &ENGLISH), expected);
        }
    }
}
