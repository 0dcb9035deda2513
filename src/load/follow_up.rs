//! When the client should come back: "2 weeks", "2026-12-10", or
//! `{date: 2027-03-04, time: "14:30", note: ...}`.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::load::refusal::{Refusal, refuse};
use crate::load::scalar::CalendarDate;

/// A span of calendar time after the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarSpan {
    /// A number of days.
    Days(u32),
    /// A number of weeks.
    Weeks(u32),
    /// A number of months; the day is clamped at month ends (Jan 31 + 1 month = Feb 28).
    Months(u32),
}

/// When the follow-up is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpWhen {
    /// A span after the session date.
    After(CalendarSpan),
    /// A fixed date.
    On(CalendarDate),
}

/// The follow-up as the plan states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// When.
    pub when: FollowUpWhen,
    /// The appointment's time of day, when booked.
    pub time: Option<jiff::civil::Time>,
    /// A message for the client; the default says they may cancel if the pain is gone.
    pub note: Option<String>,
}

/// The accepted forms, shown when a follow-up is refused.
pub const FOLLOW_UP_FORMS: &str = "write `2 weeks`, `10 days`, `1 month`, a date like `2026-12-10`, or `{date: 2026-12-10, time: \"14:30\", note: \"...\"}`";

/// The accepted times of day, shown when a time is refused.
pub const TIME_FORMS: &str = "write the time as `14:30` (24-hour) or `2:30 PM`";

/// Parses an appointment time: `14:30`, `9:05`, `2:30 PM`, `2:30pm`, `2 PM`.
pub fn parse_time(text: &str) -> Result<jiff::civil::Time, Refusal> {
    let refused =
        || Refusal::new(format!("`{}` is not a time of day", text.trim())).with_hint(TIME_FORMS);
    let lower = text.trim().to_ascii_lowercase();
    let (clock, meridiem) = if let Some(clock) = lower.strip_suffix("am") {
        (clock.trim_end(), Some(false))
    } else if let Some(clock) = lower.strip_suffix("pm") {
        (clock.trim_end(), Some(true))
    } else {
        (lower.as_str(), None)
    };
    let (hour, minute) = match clock.split_once(':') {
        Some((hour, minute)) if minute.len() == 2 => (hour, minute),
        None if meridiem.is_some() => (clock, "00"),
        _ => return Err(refused()),
    };
    let number = |digits: &str| -> Result<i8, Refusal> {
        if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(refused());
        }
        digits.parse().map_err(|_| refused())
    };
    let (mut hour, minute) = (number(hour)?, number(minute)?);
    match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return Err(refused());
            }
            hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (hour, true) => hour + 12,
                (hour, false) => hour,
            };
        }
        None if hour > 23 => return Err(refused()),
        None => {}
    }
    jiff::civil::Time::new(hour, minute, 0, 0).map_err(|_| refused())
}

impl FollowUpWhen {
    /// Parses `2 weeks`, `10 days`, `1 month`, `a week` or a date.
    pub fn parse(text: &str) -> Result<FollowUpWhen, Refusal> {
        let text = text.trim();
        let refused = || {
            Refusal::new(format!("`{text}` is not a follow-up we understand"))
                .with_hint(FOLLOW_UP_FORMS)
        };
        if text.starts_with(|c: char| c.is_ascii_digit()) && text.contains('-') {
            return CalendarDate::parse(text).map(FollowUpWhen::On);
        }
        let lower = text.to_lowercase();
        let lower = lower.strip_prefix("in ").unwrap_or(&lower);
        let mut words = lower.split_whitespace();
        let (Some(count), Some(unit), None) = (words.next(), words.next(), words.next()) else {
            return Err(refused());
        };
        let count: u32 = match count {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "six" => 6,
            digits => digits.parse().map_err(|_| refused())?,
        };
        if count == 0 {
            return Err(
                Refusal::new("a follow-up must be at least 1 day after the session")
                    .with_hint(FOLLOW_UP_FORMS),
            );
        }
        let span = match unit {
            "day" | "days" => CalendarSpan::Days(count),
            "week" | "weeks" | "wk" | "wks" => CalendarSpan::Weeks(count),
            "month" | "months" => CalendarSpan::Months(count),
            _ => return Err(refused()),
        };
        let too_far = match span {
            CalendarSpan::Days(days) => days > 730,
            CalendarSpan::Weeks(weeks) => weeks > 104,
            CalendarSpan::Months(months) => months > 24,
        };
        if too_far {
            return Err(
                Refusal::new(format!("`{text}` is more than two years away"))
                    .with_hint("a follow-up is at most two years (24 months) after the session"),
            );
        }
        Ok(FollowUpWhen::After(span))
    }
}

/// The map form of a follow-up; its keys are also the schema's (`crate::schema`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FollowUpMap {
    #[serde(rename = "in")]
    after: Option<String>,
    date: Option<String>,
    time: Option<String>,
    note: Option<String>,
}

impl<'de> Deserialize<'de> for FollowUp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FollowUp, D::Error> {
        struct FollowUpVisitor;
        impl<'de> Visitor<'de> for FollowUpVisitor {
            type Value = FollowUp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a follow-up such as `2 weeks` or `2026-12-10`")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<FollowUp, E> {
                FollowUpWhen::parse(value)
                    .map(|when| FollowUp {
                        when,
                        time: None,
                        note: None,
                    })
                    .map_err(Refusal::into_serde)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FollowUp, A::Error> {
                let parsed = FollowUpMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let text = match (parsed.after, parsed.date) {
                    (Some(text), None) | (None, Some(text)) => text,
                    _ => {
                        return Err(refuse(
                            "a follow-up needs exactly one of `in` and `date`",
                            FOLLOW_UP_FORMS,
                        ));
                    }
                };
                let when = FollowUpWhen::parse(&text).map_err(Refusal::into_serde)?;
                let time = parsed
                    .time
                    .as_deref()
                    .map(parse_time)
                    .transpose()
                    .map_err(Refusal::into_serde)?;
                Ok(FollowUp {
                    when,
                    time,
                    note: parsed.note,
                })
            }
        }
        deserializer.deserialize_any(FollowUpVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day() {
        let at = |hour, minute| Ok(jiff::civil::time(hour, minute, 0, 0));
        assert_eq!(parse_time("14:30"), at(14, 30));
        assert_eq!(parse_time("9:05"), at(9, 5));
        assert_eq!(parse_time("2:30 PM"), at(14, 30));
        assert_eq!(parse_time("12:15 am"), at(0, 15));
        assert_eq!(parse_time("12 pm"), at(12, 0));
        assert_eq!(parse_time("8am"), at(8, 0));
        for bad in [
            "25:00", "14:3", "14h30", "13 PM", "noon", "", "1:60", "-1:00",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn spans_and_dates() {
        assert_eq!(
            FollowUpWhen::parse("2 weeks"),
            Ok(FollowUpWhen::After(CalendarSpan::Weeks(2)))
        );
        assert_eq!(
            FollowUpWhen::parse("in 10 days"),
            Ok(FollowUpWhen::After(CalendarSpan::Days(10)))
        );
        assert_eq!(
            FollowUpWhen::parse("a month"),
            Ok(FollowUpWhen::After(CalendarSpan::Months(1)))
        );
        assert!(matches!(
            FollowUpWhen::parse("2026-12-10"),
            Ok(FollowUpWhen::On(_))
        ));
        for bad in [
            "soon",
            "2 fortnights",
            "0 days",
            "2026-12-32",
            "3 weeks from now",
            "500 weeks",
        ] {
            assert!(FollowUpWhen::parse(bad).is_err(), "{bad}");
        }
    }
}
