//! Calendar arithmetic for follow-ups, and the one function that writes dates for clients.

use jiff::civil::{Date, Weekday};
use jiff::{ToSpan, Unit};

use crate::load::follow_up::{CalendarSpan, FollowUpWhen};
use crate::resolve::words::Words;

/// The follow-up date: a span after the session (month ends clamp), or the date given.
pub fn follow_up_date(session: Date, when: FollowUpWhen) -> Option<Date> {
    match when {
        FollowUpWhen::On(date) => Some(date.0),
        FollowUpWhen::After(span) => {
            let span = match span {
                CalendarSpan::Days(days) => i64::from(days).days(),
                CalendarSpan::Weeks(weeks) => i64::from(weeks).weeks(),
                CalendarSpan::Months(months) => i64::from(months).months(),
            };
            session.checked_add(span).ok()
        }
    }
}

/// "Thursday, December 10, 2026".
pub fn long_date(date: Date, words: &Words) -> String {
    format!(
        "{}, {} {}, {}",
        weekday_name(date.weekday(), words),
        words.months[usize::from(date.month() as u8) - 1],
        date.day(),
        date.year()
    )
}

/// "December 10, 2026", for the session date.
pub fn medium_date(date: Date, words: &Words) -> String {
    format!(
        "{} {}, {}",
        words.months[usize::from(date.month() as u8) - 1],
        date.day(),
        date.year()
    )
}

fn weekday_name(day: Weekday, words: &Words) -> &'static str {
    words.weekdays[usize::from(day.to_monday_zero_offset() as u8)]
}

/// "in 2 weeks", "in 10 days", "in 1 month", "tomorrow": how far away the follow-up is, in the
/// unit the therapist used when there was one.
pub fn time_until(session: Date, follow_up: Date, when: FollowUpWhen) -> String {
    let days = session
        .until((Unit::Day, follow_up))
        .map(|span| span.get_days())
        .unwrap_or(0);
    let days = i64::from(days);
    let plural = |count: i64, unit: &str| {
        if count == 1 {
            format!("in 1 {unit}")
        } else {
            format!("in {count} {unit}s")
        }
    };
    match when {
        FollowUpWhen::After(CalendarSpan::Months(months)) => plural(i64::from(months), "month"),
        FollowUpWhen::After(CalendarSpan::Weeks(weeks)) => plural(i64::from(weeks), "week"),
        _ if days == 1 => "tomorrow".to_string(),
        _ if days % 7 == 0 => plural(days / 7, "week"),
        _ => plural(days, "day"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::scalar::CalendarDate;
    use crate::resolve::words::ENGLISH;
    use jiff::civil::date;

    fn after(span: CalendarSpan) -> FollowUpWhen {
        FollowUpWhen::After(span)
    }

    #[test]
    fn two_weeks_after_a_thursday() {
        let session = date(2026, 11, 26);
        let follow_up = follow_up_date(session, after(CalendarSpan::Weeks(2))).unwrap();
        assert_eq!(follow_up, date(2026, 12, 10));
        assert_eq!(
            long_date(follow_up, &ENGLISH),
            "Thursday, December 10, 2026"
        );
        assert_eq!(
            time_until(session, follow_up, after(CalendarSpan::Weeks(2))),
            "in 2 weeks"
        );
    }

    #[test]
    fn month_ends_clamp() {
        assert_eq!(
            follow_up_date(date(2026, 1, 31), after(CalendarSpan::Months(1))),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            follow_up_date(date(2028, 1, 31), after(CalendarSpan::Months(1))),
            Some(date(2028, 2, 29))
        );
    }

    #[test]
    fn leap_years_and_year_ends() {
        assert_eq!(
            follow_up_date(date(2028, 2, 22), after(CalendarSpan::Weeks(1))),
            Some(date(2028, 2, 29))
        );
        assert_eq!(
            follow_up_date(date(2026, 12, 24), after(CalendarSpan::Days(10))),
            Some(date(2027, 1, 3))
        );
        assert_eq!(
            long_date(date(2027, 1, 3), &ENGLISH),
            "Sunday, January 3, 2027"
        );
        assert_eq!(
            medium_date(date(2028, 2, 29), &ENGLISH),
            "February 29, 2028"
        );
    }

    #[test]
    fn distance_to_a_fixed_date() {
        let session = date(2026, 11, 26);
        let on = |d: Date| FollowUpWhen::On(CalendarDate(d));
        assert_eq!(
            time_until(session, date(2026, 12, 10), on(date(2026, 12, 10))),
            "in 2 weeks"
        );
        assert_eq!(
            time_until(session, date(2026, 12, 6), on(date(2026, 12, 6))),
            "in 10 days"
        );
        assert_eq!(
            time_until(session, date(2026, 11, 27), on(date(2026, 11, 27))),
            "tomorrow"
        );
    }
}
