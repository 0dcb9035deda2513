//! How a clinic books: its time zone, how long an appointment lasts, the days it is closed,
//! and its own follow-up sentence. Read from the clinic file; used for the follow-up date, the
//! follow-up box and the calendar file.

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Position};
use crate::load::localized::Localized;
use crate::load::scalar::CalendarDate;
use crate::load::source::SourceFile;

/// Minutes in an appointment when the clinic does not say.
pub const DEFAULT_APPOINTMENT_MINUTES: u32 = 60;

/// The longest appointment a clinic may set, in minutes (a full working day).
pub const MAX_APPOINTMENT_MINUTES: u32 = 480;

/// Day names accepted in `closed_days:`, Monday first.
pub const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The clinic's booking rules.
#[derive(Debug, Clone)]
pub struct Appointments {
    /// The clinic's IANA time zone (`America/Toronto`), for timed calendar events.
    pub timezone: Option<(String, TimeZone)>,
    /// How long an appointment lasts.
    pub minutes: u32,
    /// When the clinic is closed.
    pub closed: ClosedDays,
    /// The clinic's own sentence under the follow-up date, replacing hep's "feel free to
    /// cancel"; a plain text serves every language.
    pub follow_up_note: Option<Localized<String>>,
}

impl Default for Appointments {
    fn default() -> Appointments {
        Appointments {
            timezone: None,
            minutes: DEFAULT_APPOINTMENT_MINUTES,
            closed: ClosedDays::default(),
            follow_up_note: None,
        }
    }
}

/// Weekdays and single dates when the clinic is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClosedDays {
    /// Closed every week on these days.
    pub weekdays: Vec<Weekday>,
    /// Closed on these dates (holidays).
    pub dates: Vec<Date>,
}

impl ClosedDays {
    /// Whether the clinic is closed on `date`.
    pub fn is_closed(&self, date: Date) -> bool {
        self.weekdays.contains(&date.weekday()) || self.dates.contains(&date)
    }

    /// `date`, or the first open day after it (at most a year on; `None` past that).
    pub fn next_open(&self, date: Date) -> Option<Date> {
        let mut day = date;
        for _ in 0..366 {
            if !self.is_closed(day) {
                return Some(day);
            }
            day = day.tomorrow().ok()?;
        }
        None
    }
}

/// The clinic file's booking keys, as written.
pub struct AppointmentFields {
    /// `timezone:`.
    pub timezone: Option<Spanned<String>>,
    /// `appointment_minutes:`.
    pub appointment_minutes: Option<Spanned<u32>>,
    /// `closed_days:`.
    pub closed_days: Option<Spanned<Vec<Spanned<String>>>>,
    /// `follow_up_note:`.
    pub follow_up_note: Option<Localized<String>>,
}

impl Appointments {
    /// Validates the booking keys of a clinic file.
    pub fn load(
        fields: AppointmentFields,
        source: &SourceFile,
    ) -> Result<Appointments, Diagnostic> {
        let error = |message: String, referenced| {
            Diagnostic::error(message)
                .in_file(&source.path)
                .at(&source.text, Position::from_yaml(referenced))
        };
        let timezone = match fields.timezone {
            None => None,
            Some(name) => {
                let trimmed = name.value.trim().to_string();
                let zone = jiff::tz::db().get(&trimmed).map_err(|_| {
                    error(
                        format!("`{trimmed}` is not a time zone hep knows"),
                        name.referenced,
                    )
                    .with_hint("use an IANA name such as `America/Toronto` or `America/Vancouver`")
                })?;
                Some((trimmed, zone))
            }
        };
        let minutes = match fields.appointment_minutes {
            None => DEFAULT_APPOINTMENT_MINUTES,
            Some(minutes) if (5..=MAX_APPOINTMENT_MINUTES).contains(&minutes.value) => {
                minutes.value
            }
            Some(minutes) => {
                return Err(error(
                    format!(
                        "an appointment of {} minutes is not possible",
                        minutes.value
                    ),
                    minutes.referenced,
                )
                .with_hint(format!(
                    "give the length in minutes, from 5 to {MAX_APPOINTMENT_MINUTES}, e.g. `appointment_minutes: 60`"
                )));
            }
        };
        let mut closed = ClosedDays::default();
        if let Some(list) = fields.closed_days {
            for entry in list.value {
                let text = entry.value.trim().to_lowercase();
                if let Some(index) = DAY_NAMES.iter().position(|day| *day == text) {
                    let weekday = Weekday::from_monday_zero_offset(index as i8)
                        .map_err(|_| error(format!("`{text}` is not a day"), entry.referenced))?;
                    closed.weekdays.push(weekday);
                } else if text.starts_with(|c: char| c.is_ascii_digit()) {
                    let date = CalendarDate::parse(&text).map_err(|refusal| {
                        error(refusal.message, entry.referenced).with_optional_hint(refusal.hint)
                    })?;
                    closed.dates.push(date.0);
                } else {
                    return Err(error(
                        format!("`{}` is not a day of the week or a date", entry.value),
                        entry.referenced,
                    )
                    .with_hint("write day names such as `sunday`, or dates such as `2026-12-25`"));
                }
            }
            let distinct: std::collections::BTreeSet<i8> = closed
                .weekdays
                .iter()
                .map(|day| day.to_monday_zero_offset())
                .collect();
            if distinct.len() == DAY_NAMES.len() {
                return Err(error(
                    "the clinic is closed every day of the week".to_string(),
                    list.referenced,
                )
                .with_hint("list only the days the clinic is closed"));
            }
        }
        let follow_up_note = fields
            .follow_up_note
            .map(|note| note.map(|text| text.split_whitespace().collect::<Vec<_>>().join(" ")));
        Ok(Appointments {
            timezone,
            minutes,
            closed,
            follow_up_note,
        })
    }

    /// The clinic's follow-up sentence in `language`, when it has one.
    pub fn follow_up_note(&self, language: &str) -> Option<&str> {
        match self.follow_up_note.as_ref()? {
            Localized::Plain(text) => Some(text.as_str()),
            Localized::ByLanguage(texts) => texts.get(language).map(String::as_str),
        }
        .filter(|text| !text.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn closed_days_move_to_the_next_open_day() {
        let closed = ClosedDays {
            weekdays: vec![Weekday::Sunday, Weekday::Monday],
            dates: vec![date(2027, 3, 2)],
        };
        // Sunday Feb 28, 2027 -> Monday closed -> Tuesday Mar 2 a holiday -> Wednesday.
        assert_eq!(closed.next_open(date(2027, 2, 28)), Some(date(2027, 3, 3)));
        assert_eq!(closed.next_open(date(2027, 3, 4)), Some(date(2027, 3, 4)));
        assert!(closed.is_closed(date(2027, 3, 7)));
    }
}
