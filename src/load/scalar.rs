//! Small values with their own syntax: counts, durations, colours and dates.
//!
//! Each parses inside serde, so a bad value is reported at its own line and column with the
//! accepted forms as the hint.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::load::refusal::{Refusal, refuse};

/// A whole number of at least 1: sets, repetitions, times a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Count(pub u32);

/// The largest count we accept; anything larger is a typo.
pub const MAX_COUNT: u32 = 100;

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Count, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number such as 12")
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Count, E> {
                if value < 1 {
                    return Err(refuse(
                        format!("a count must be at least 1, not {value}"),
                        "use 1 or more, or remove the line",
                    ));
                }
                self.visit_u64(value as u64)
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Count, E> {
                match value {
                    0 => Err(refuse(
                        "a count must be at least 1, not 0",
                        "use 1 or more, or remove the line",
                    )),
                    1..=100 => Ok(Count(value as u32)),
                    _ => Err(refuse(
                        format!(
                            "{value} is too many; a count is a whole number from 1 to {MAX_COUNT}"
                        ),
                        format!("use a number from 1 to {MAX_COUNT}"),
                    )),
                }
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Count, E> {
                Err(refuse(
                    format!("a count must be a whole number from 1 to {MAX_COUNT}, not {value}"),
                    "write a whole number such as 12",
                ))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Count, E> {
                match value.trim().parse::<i64>() {
                    Ok(number) => self.visit_i64(number),
                    Err(_) => Err(refuse(
                        format!("`{value}` is not a count"),
                        "write a whole number such as 12",
                    )),
                }
            }
        }
        deserializer.deserialize_any(CountVisitor)
    }
}

/// A length of time, in whole seconds: a hold, a rest, a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seconds(pub u32);

/// The forms a duration may take, shown when one is refused.
pub const DURATION_FORMS: &str = "write a duration like `30s`, `30 s`, `45 sec`, `30 seconds`, `2 min`, `1 minute` or `1 min 30 s`";

impl Seconds {
    /// Parses `30s`, `30 s`, `45 sec`, `2 min`, `1 minute`, `1 min 30 s`, `1.5 min` or a bare number
    /// of seconds.
    pub fn parse(text: &str) -> Result<Seconds, Refusal> {
        let refused = |message: String| Refusal::new(message).with_hint(DURATION_FORMS);
        let cleaned = text.trim().to_lowercase();
        if cleaned.is_empty() {
            return Err(refused("the duration is empty".to_string()));
        }
        let mut total = 0.0_f64;
        let mut rest = cleaned.as_str();
        let mut parts = 0;
        let mut previous_scale: Option<f64> = None;
        while !rest.is_empty() {
            let number_len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            if number_len == 0 {
                return Err(refused(format!("`{text}` is not a duration")));
            }
            let number: f64 = rest[..number_len]
                .parse()
                .map_err(|_| refused(format!("`{text}` is not a duration")))?;
            rest = rest[number_len..].trim_start();
            let unit_len = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let unit = &rest[..unit_len];
            rest = rest[unit_len..].trim_start_matches([' ', ',']);
            let scale = match unit {
                "" if parts == 0 && rest.is_empty() => 1.0,
                "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
                "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
                "h" | "hr" | "hour" | "hours" => 3600.0,
                _ => return Err(refused(format!("`{text}` is not a duration"))),
            };
            // `1 min 90 s` is a typo for something; say so rather than guess.
            if let Some(larger) = previous_scale
                && (scale >= larger || number * scale >= larger)
            {
                return Err(refused(format!(
                    "`{text}` is not a duration: each part must be smaller than the one before \
                     (at most 59 seconds after minutes, 59 minutes after hours)"
                )));
            }
            previous_scale = Some(scale);
            total += number * scale;
            parts += 1;
        }
        // Half a second would print as "1 second", which is not what was written.
        if total < 1.0 {
            return Err(refused(format!("`{text}` is shorter than a second")));
        }
        let seconds = total.round();
        if seconds < 1.0 {
            return Err(refused(format!("`{text}` is shorter than a second")));
        }
        if seconds > 4.0 * 3600.0 {
            return Err(refused(format!("`{text}` is longer than 4 hours")));
        }
        Ok(Seconds(seconds as u32))
    }
}

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Seconds, D::Error> {
        struct SecondsVisitor;
        impl Visitor<'_> for SecondsVisitor {
            type Value = Seconds;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a duration such as `30s` or `2 min`")
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Seconds, E> {
                self.visit_str(&value.to_string())
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Seconds, E> {
                self.visit_str(&value.to_string())
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Seconds, E> {
                self.visit_str(&value.to_string())
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Seconds, E> {
                Seconds::parse(value).map_err(Refusal::into_serde)
            }
        }
        deserializer.deserialize_any(SecondsVisitor)
    }
}

/// A colour written as `#RRGGBB` or `#RGB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HexColor {
    /// Red, 0-255.
    pub red: u8,
    /// Green, 0-255.
    pub green: u8,
    /// Blue, 0-255.
    pub blue: u8,
}

impl HexColor {
    /// Parses `#1F6F78` or `#17a`.
    pub fn parse(text: &str) -> Option<HexColor> {
        let digits = text.trim().strip_prefix('#')?;
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |range: std::ops::Range<usize>| u8::from_str_radix(&digits[range], 16).ok();
        match digits.len() {
            6 => Some(HexColor {
                red: channel(0..2)?,
                green: channel(2..4)?,
                blue: channel(4..6)?,
            }),
            3 => Some(HexColor {
                red: channel(0..1)? * 17,
                green: channel(1..2)? * 17,
                blue: channel(2..3)? * 17,
            }),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for HexColor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<HexColor, D::Error> {
        let text = String::deserialize(deserializer)?;
        HexColor::parse(&text).ok_or_else(|| {
            refuse(
                format!("`{text}` is not a colour"),
                "write a colour as `#RRGGBB` in quotes, e.g. \"#1F6F78\"",
            )
        })
    }
}

/// A calendar date written as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate(pub jiff::civil::Date);

/// Years a session or appointment can fall in; anything else is a typo (`0026`, `20266`).
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i16> = 1900..=2199;

/// How to write a date, shown when one is refused.
pub const DATE_FORM: &str = "write dates as YYYY-MM-DD, e.g. 2026-11-26";

impl CalendarDate {
    /// Parses `2026-11-26`.
    pub fn parse(text: &str) -> Result<CalendarDate, Refusal> {
        let text = text.trim();
        let refused = |message: String| Refusal::new(message).with_hint(DATE_FORM);
        let shaped = text.len() == 10
            && text.char_indices().all(|(index, c)| {
                if index == 4 || index == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !shaped {
            return Err(refused(format!("`{text}` is not a date")));
        }
        let date = text
            .parse::<jiff::civil::Date>()
            .map_err(|_| refused(format!("`{text}` is not a real date")))?;
        if !PLAUSIBLE_YEARS.contains(&date.year()) {
            return Err(refused(format!(
                "`{text}` is not a plausible date for a session or an appointment (check the year)"
            )));
        }
        Ok(CalendarDate(date))
    }
}

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CalendarDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        CalendarDate::parse(&text).map_err(Refusal::into_serde)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_every_accepted_form() {
        for (text, seconds) in [
            ("30s", 30),
            ("30 s", 30),
            ("45 sec", 45),
            ("30 seconds", 30),
            ("2 min", 120),
            ("1 minute", 60),
            ("1 min 30 s", 90),
            ("1.5 min", 90),
            ("20", 20),
            ("2M", 120),
        ] {
            assert_eq!(Seconds::parse(text), Ok(Seconds(seconds)), "{text}");
        }
    }

    #[test]
    fn durations_that_make_no_sense_are_refused() {
        for text in ["", "abc", "30 parsecs", "0s", "s30", "5 hours", "30 s 10"] {
            assert!(Seconds::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn colours() {
        assert_eq!(
            HexColor::parse("#1F6F78"),
            Some(HexColor {
                red: 0x1f,
                green: 0x6f,
                blue: 0x78
            })
        );
        assert_eq!(
            HexColor::parse("#fff"),
            Some(HexColor {
                red: 255,
                green: 255,
                blue: 255
            })
        );
        assert_eq!(HexColor::parse("1F6F78"), None);
        assert_eq!(HexColor::parse("#12345"), None);
    }

    #[test]
    fn dates_must_be_real() {
        assert!(CalendarDate::parse("2028-02-29").is_ok());
        assert!(CalendarDate::parse("0000-01-01").is_err());
        assert!(CalendarDate::parse("0026-11-26").is_err());
        assert!(CalendarDate::parse("2026-02-29").is_err());
        assert!(CalendarDate::parse("2026-13-01").is_err());
        assert!(CalendarDate::parse("26-11-2026").is_err());
        assert!(CalendarDate::parse("Nov 26").is_err());
    }
}
