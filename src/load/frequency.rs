//! How often an exercise is done: "daily", "twice daily", "3x/week", "every other day"...

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::load::refusal::Refusal;

/// How often to do an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    /// A fixed number of sessions on some days.
    Schedule {
        /// Sessions on each exercise day (1 = once a day).
        times_per_day: u32,
        /// Which days.
        days: ExerciseDays,
    },
    /// Whenever the client needs it, e.g. when stiff.
    AsNeeded,
}

/// The days of the week on which a scheduled exercise is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExerciseDays {
    /// Every day.
    EveryDay,
    /// Every other day.
    EveryOtherDay,
    /// Any N days of the week, 1 to 6.
    PerWeek(u32),
}

/// The accepted forms, shown when a frequency is refused.
pub const FREQUENCY_FORMS: &str = "write `daily`, `twice daily`, `3 times a day`, `2x/day`, `3x/week`, `3 days a week`, `every other day`, `as needed`, or a map like `{per_day: 2, days_per_week: 5}`";

/// A frequency refused, with the accepted forms as the hint.
fn refused(message: String) -> Refusal {
    Refusal::new(message).with_hint(FREQUENCY_FORMS)
}

impl Frequency {
    /// Once a day, every day.
    pub const DAILY: Frequency = Frequency::Schedule {
        times_per_day: 1,
        days: ExerciseDays::EveryDay,
    };

    /// Builds a schedule, folding 7 days a week into every day.
    pub fn schedule(times_per_day: u32, days_per_week: u32) -> Result<Frequency, Refusal> {
        if !(1..=12).contains(&times_per_day) {
            return Err(refused(format!(
                "{times_per_day} times a day is not a usable frequency (use 1 to 12)"
            )));
        }
        let days = match days_per_week {
            7 => ExerciseDays::EveryDay,
            1..=6 => ExerciseDays::PerWeek(days_per_week),
            _ => {
                return Err(refused(format!(
                    "{days_per_week} days a week is not possible (use 1 to 7)"
                )));
            }
        };
        Ok(Frequency::Schedule {
            times_per_day,
            days,
        })
    }

    /// Parses the written forms; a comma or "and" joins a daily and a weekly part
    /// ("twice a day, 3 days a week").
    pub fn parse(text: &str) -> Result<Frequency, Refusal> {
        let normal = text
            .trim()
            .to_lowercase()
            .replace(['\u{a0}', '\t'], " ")
            .replace(" and ", ", ")
            .replace(" on ", ", ");
        if normal.is_empty() {
            return Err(refused("the frequency is empty".to_string()));
        }
        if matches!(
            normal.as_str(),
            "as needed" | "as necessary" | "prn" | "when needed"
        ) {
            return Ok(Frequency::AsNeeded);
        }
        let mut times_per_day = None;
        let mut days = None;
        for part in normal
            .split(',')
            .map(str::trim)
            .filter(|part| !part.is_empty())
        {
            match parse_part(part) {
                Some(Part::PerDay(count)) if times_per_day.is_none() => times_per_day = Some(count),
                Some(Part::Days(which)) if days.is_none() => days = Some(which),
                Some(Part::Both(count, which)) if times_per_day.is_none() && days.is_none() => {
                    times_per_day = Some(count);
                    days = Some(which);
                }
                _ => {
                    return Err(refused(format!(
                        "`{}` is not a frequency we understand",
                        text.trim()
                    )));
                }
            }
        }
        let times_per_day = times_per_day.unwrap_or(1);
        match days.unwrap_or(ExerciseDays::EveryDay) {
            ExerciseDays::PerWeek(count) => Frequency::schedule(times_per_day, count),
            other => Frequency::schedule(times_per_day, 7).map(|_| Frequency::Schedule {
                times_per_day,
                days: other,
            }),
        }
    }
}

enum Part {
    PerDay(u32),
    Days(ExerciseDays),
    Both(u32, ExerciseDays),
}

fn parse_part(part: &str) -> Option<Part> {
    match part {
        "daily" | "every day" | "once a day" | "once daily" | "1x/day" | "1x a day" => {
            return Some(Part::Both(1, ExerciseDays::EveryDay));
        }
        "twice daily" | "twice a day" | "2x daily" => return Some(Part::PerDay(2)),
        "every other day" | "every second day" | "alternate days" => {
            return Some(Part::Days(ExerciseDays::EveryOtherDay));
        }
        "weekly" | "once a week" => return Some(Part::Days(ExerciseDays::PerWeek(1))),
        "twice a week" | "twice weekly" => return Some(Part::Days(ExerciseDays::PerWeek(2))),
        _ => {}
    }
    // "3 times a day", "3x/day", "3x a day", "3 times daily", "3 days a week", "3x/week",
    // "3 times per week", "3 days/week".
    let number_len = part
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(part.len());
    let (number_word, rest) = part.split_at(number_len);
    let (count, rest) = match number_word.strip_suffix('x') {
        Some(digits) if !digits.is_empty() => (number(digits)?, rest.trim_start()),
        _ => (number(number_word)?, rest.trim_start()),
    };
    let rest = rest
        .trim_start_matches("times")
        .trim_start_matches("time")
        .trim_start_matches("days")
        .trim_start_matches("day")
        .trim();
    let is_days_form = number_word_is_days(part);
    let unit = rest
        .trim_start_matches('/')
        .trim_start_matches("a ")
        .trim_start_matches("per ")
        .trim_start_matches("each ")
        .trim_start_matches("every ")
        .trim();
    match unit {
        "day" | "daily" | "d" if !is_days_form => Some(Part::PerDay(count)),
        "week" | "weekly" | "wk" | "w" => Some(Part::Days(ExerciseDays::PerWeek(count))),
        _ => None,
    }
}

fn number_word_is_days(part: &str) -> bool {
    part.split_whitespace()
        .nth(1)
        .is_some_and(|word| word.starts_with("day"))
}

fn number(word: &str) -> Option<u32> {
    let value = match word {
        "one" | "once" => 1,
        "two" | "twice" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        _ => word.parse().ok()?,
    };
    (value >= 1).then_some(value)
}

/// The map form of a frequency; its keys are also the schema's (`crate::schema`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrequencyMap {
    #[serde(default = "one")]
    per_day: u32,
    #[serde(default = "seven")]
    days_per_week: u32,
}

fn one() -> u32 {
    1
}

fn seven() -> u32 {
    7
}

impl<'de> Deserialize<'de> for Frequency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Frequency, D::Error> {
        struct FrequencyVisitor;
        impl<'de> Visitor<'de> for FrequencyVisitor {
            type Value = Frequency;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a frequency such as `daily` or `3x/week`")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Frequency, E> {
                Frequency::parse(value).map_err(Refusal::into_serde)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Frequency, A::Error> {
                let parsed = FrequencyMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Frequency::schedule(parsed.per_day, parsed.days_per_week)
                    .map_err(Refusal::into_serde)
            }
        }
        deserializer.deserialize_any(FrequencyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(times_per_day: u32, days: ExerciseDays) -> Frequency {
        Frequency::Schedule {
            times_per_day,
            days,
        }
    }

    #[test]
    fn every_documented_form_parses() {
        use ExerciseDays::*;
        for (text, expected) in [
            ("daily", schedule(1, EveryDay)),
            ("Daily", schedule(1, EveryDay)),
            ("twice daily", schedule(2, EveryDay)),
            ("3 times a day", schedule(3, EveryDay)),
            ("three times a day", schedule(3, EveryDay)),
            ("2x/day", schedule(2, EveryDay)),
            ("3x/week", schedule(1, PerWeek(3))),
            ("3 days a week", schedule(1, PerWeek(3))),
            ("5 days/week", schedule(1, PerWeek(5))),
            ("3 times a week", schedule(1, PerWeek(3))),
            ("7x/week", schedule(1, EveryDay)),
            ("every other day", schedule(1, EveryOtherDay)),
            ("twice a day, 3 days a week", schedule(2, PerWeek(3))),
            ("as needed", Frequency::AsNeeded),
        ] {
            assert_eq!(Frequency::parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn nonsense_is_refused() {
        for text in [
            "",
            "often",
            "3x",
            "0 times a day",
            "8 days a week",
            "daily, daily",
            "3 days a day",
        ] {
            assert!(Frequency::parse(text).is_err(), "{text} parsed");
        }
    }
}
