//! The tracking log: a grid with a row per exercise and a column per day until the follow-up,
//! for the client to tick and bring back.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::load::frequency::{ExerciseDays, Frequency};
use crate::resolve::words::Words;

/// Days shown when the plan has no follow-up.
pub const DAYS_WITHOUT_FOLLOW_UP: i64 = 14;
/// The longest log: four weeks.
pub const MAX_LOG_DAYS: i64 = 28;
/// Boxes drawn in one day's cell at most; more sessions a day share them.
pub const MAX_BOXES_PER_DAY: u32 = 3;

/// One exercise's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRow {
    /// The exercise's name.
    pub name: String,
    /// Its name in the second language of a bilingual handout, when it differs.
    pub second_name: Option<String>,
    /// "any 3 days", "every other day", "twice a day".
    pub note: Option<String>,
    /// Tick boxes in each day's cell.
    pub boxes_per_day: u32,
    /// Days off (shaded), one flag per column.
    pub rest_days: Vec<bool>,
}

/// The whole log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackingLog {
    /// "Your exercise log".
    pub heading: String,
    /// "Tick a box each time you do an exercise."
    pub instruction: String,
    /// "Bring this sheet to your next visit."
    pub closing: String,
    /// One column per day.
    pub days: Vec<Date>,
    /// Column headers, "Mon 30".
    pub day_labels: Vec<String>,
    /// On a bilingual handout, the day names in the second language ("Thu") under them;
    /// empty otherwise.
    pub second_day_labels: Vec<String>,
    /// Rows, in the plan's order.
    pub rows: Vec<LogRow>,
}

/// One exercise as the log lists it: its name in each language and how often it is done.
pub struct LoggedExercise {
    /// The name in the handout's language.
    pub name: String,
    /// The name in the second language of a bilingual handout.
    pub second_name: Option<String>,
    /// How often, which decides the boxes and rest days.
    pub frequency: Frequency,
}

/// The log from the session day up to (not including) the follow-up, at most four weeks; on
/// a bilingual handout (`second`), every word of it in both languages.
pub fn tracking_log(
    session: Date,
    follow_up: Option<Date>,
    exercises: &[LoggedExercise],
    words: &Words,
    second: Option<&Words>,
) -> TrackingLog {
    let length = follow_up
        .and_then(|follow_up| session.until((jiff::Unit::Day, follow_up)).ok())
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(DAYS_WITHOUT_FOLLOW_UP)
        .clamp(1, MAX_LOG_DAYS);
    let days: Vec<Date> = (0..length)
        .filter_map(|offset| session.checked_add(offset.days()).ok())
        .collect();
    let weekday = |words: &Words, day: &Date| {
        words.weekdays_short[usize::from(day.weekday().to_monday_zero_offset() as u8)]
    };
    let day_labels = days
        .iter()
        .map(|day| format!("{} {}", weekday(words, day), day.day()))
        .collect();
    let second_day_labels = second
        .map(|second| {
            days.iter()
                .map(|day| weekday(second, day).to_string())
                .collect()
        })
        .unwrap_or_default();
    let rows = exercises
        .iter()
        .map(|exercise| {
            let mut row = log_row(&exercise.name, exercise.frequency, days.len(), words);
            if let Some(second) = second {
                let translated = log_row(&exercise.name, exercise.frequency, days.len(), second);
                row.second_name = exercise
                    .second_name
                    .clone()
                    .filter(|second_name| *second_name != row.name);
                row.note = match (row.note, translated.note) {
                    (Some(note), Some(translated)) => Some(both(&note, Some(&translated))),
                    (note, _) => note,
                };
            }
            row
        })
        .collect();
    let in_both = |word: fn(&Words) -> &'static str| match second {
        Some(second) => both(word(words), Some(word(second))),
        None => word(words).to_string(),
    };
    TrackingLog {
        heading: in_both(|words| words.log_heading),
        instruction: in_both(|words| words.log_instruction),
        closing: in_both(|words| words.log_closing),
        days,
        day_labels,
        second_day_labels,
        rows,
    }
}

/// "Rentrée du menton / Chin Tuck"; the first alone when there is no second or it says the
/// same.
fn both(first: &str, second: Option<&str>) -> String {
    match second {
        Some(second) if second != first => format!("{first} / {second}"),
        _ => first.to_string(),
    }
}

fn log_row(name: &str, frequency: Frequency, day_count: usize, words: &Words) -> LogRow {
    let phrases = &words.phrases;
    let (boxes_per_day, note, rest_days) = match frequency {
        Frequency::AsNeeded => (
            1,
            Some(words.log_as_needed.to_string()),
            vec![false; day_count],
        ),
        Frequency::Schedule {
            times_per_day,
            days,
        } => {
            let per_day = match times_per_day {
                1 => None,
                2 => Some(phrases.times_a_day[1].to_lowercase()),
                n => Some(phrases.times_a_day[2].replace("{n}", &n.to_string())),
            };
            let (days_note, rest_days) = match days {
                ExerciseDays::EveryDay => (None, vec![false; day_count]),
                ExerciseDays::EveryOtherDay => (
                    Some(phrases.every_other_day.to_string()),
                    (0..day_count).map(|index| index % 2 == 1).collect(),
                ),
                ExerciseDays::PerWeek(count) => (
                    Some(words.log_any_days.replace("{n}", &count.to_string())),
                    vec![false; day_count],
                ),
            };
            let note = match (per_day, days_note) {
                (Some(per_day), Some(days)) => Some(format!("{per_day}, {days}")),
                (one, other) => one.or(other),
            };
            (times_per_day.min(MAX_BOXES_PER_DAY), note, rest_days)
        }
    };
    LogRow {
        name: name.to_string(),
        second_name: None,
        note,
        boxes_per_day,
        rest_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::words::ENGLISH;
    use crate::resolve::words::FRENCH;
    use jiff::civil::date;

    fn logged(name: &str, frequency: Frequency) -> LoggedExercise {
        LoggedExercise {
            name: name.to_string(),
            second_name: None,
            frequency,
        }
    }

    #[test]
    fn a_bilingual_log_says_everything_in_both_languages() {
        let exercises = [LoggedExercise {
            name: "Pont fessier".to_string(),
            second_name: Some("Glute Bridge".to_string()),
            frequency: Frequency::Schedule {
                times_per_day: 1,
                days: ExerciseDays::PerWeek(3),
            },
        }];
        let log = tracking_log(
            date(2026, 11, 26),
            Some(date(2026, 12, 3)),
            &exercises,
            &FRENCH,
            Some(&ENGLISH),
        );
        assert_eq!(log.day_labels[0], "jeu. 26");
        assert_eq!(log.second_day_labels[0], "Thu");
        assert_eq!(log.second_day_labels.len(), log.days.len());
        assert_eq!(log.rows[0].name, "Pont fessier");
        assert_eq!(log.rows[0].second_name.as_deref(), Some("Glute Bridge"));
        let note = log.rows[0].note.as_deref().unwrap_or_default();
        assert!(note.contains(" / any 3 days"), "{note}");
        assert!(
            log.heading.ends_with(ENGLISH.log_heading),
            "{}",
            log.heading
        );
        assert!(
            log.heading.starts_with(FRENCH.log_heading),
            "{}",
            log.heading
        );
        let english = tracking_log(date(2026, 11, 26), None, &exercises, &ENGLISH, None);
        assert!(english.second_day_labels.is_empty());
        assert_eq!(english.rows[0].second_name, None);
    }

    #[test]
    fn columns_run_from_the_session_to_the_day_before_the_follow_up() {
        let log = tracking_log(
            date(2026, 11, 26),
            Some(date(2026, 12, 10)),
            &[],
            &ENGLISH,
            None,
        );
        assert_eq!(log.days.len(), 14);
        assert_eq!(log.day_labels[0], "Thu 26");
        assert_eq!(log.day_labels[5], "Tue 1", "crosses into December");
        assert_eq!(log.days.last(), Some(&date(2026, 12, 9)));
    }

    #[test]
    fn leap_days_and_the_four_week_cap() {
        let log = tracking_log(
            date(2028, 2, 27),
            Some(date(2028, 5, 1)),
            &[],
            &ENGLISH,
            None,
        );
        assert_eq!(log.days.len(), 28);
        assert_eq!(log.days[2], date(2028, 2, 29));
        assert_eq!(log.day_labels[2], "Tue 29");
        assert_eq!(
            tracking_log(date(2026, 1, 1), None, &[], &ENGLISH, None)
                .days
                .len(),
            14
        );
    }

    #[test]
    fn rows_follow_the_frequency() {
        let exercises = [
            logged(
                "Bridge",
                Frequency::Schedule {
                    times_per_day: 2,
                    days: ExerciseDays::EveryDay,
                },
            ),
            logged(
                "Squat",
                Frequency::Schedule {
                    times_per_day: 1,
                    days: ExerciseDays::EveryOtherDay,
                },
            ),
            logged(
                "Calf",
                Frequency::Schedule {
                    times_per_day: 1,
                    days: ExerciseDays::PerWeek(3),
                },
            ),
        ];
        let log = tracking_log(
            date(2026, 11, 26),
            Some(date(2026, 12, 3)),
            &exercises,
            &ENGLISH,
            None,
        );
        assert_eq!(log.rows[0].boxes_per_day, 2);
        assert_eq!(log.rows[0].note.as_deref(), Some("twice a day"));
        assert_eq!(
            log.rows[1].rest_days,
            vec![false, true, false, true, false, true, false]
        );
        assert_eq!(log.rows[2].note.as_deref(), Some("any 3 days"));
        assert!(log.rows[2].rest_days.iter().all(|rest| !rest));
    }
}
