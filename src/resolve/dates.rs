//! Calendar arithmetic for follow-ups, and the one function that writes dates for clients.

use jiff::civil::{Date, Time, Weekday};
use jiff::{ToSpan, Unit};

use crate::load::appointments::ClosedDays;
use crate::load::follow_up::{CalendarSpan, FollowUpWhen};
use crate::resolve::words::{ClockStyle, DateOrder, Words};

/// The follow-up date: a span after the session (month ends clamp) moved on to the clinic's
/// next open day, or the date given (kept as typed, even on a closed day).
pub fn follow_up_date(session: Date, when: FollowUpWhen, closed: &ClosedDays) -> Option<Date> {
    match when {
        FollowUpWhen::On(date) => Some(date.0),
        FollowUpWhen::After(span) => {
            let span = match span {
                CalendarSpan::Days(days) => i64::from(days).days(),
                CalendarSpan::Weeks(weeks) => i64::from(weeks).weeks(),
                CalendarSpan::Months(months) => i64::from(months).months(),
            };
            closed.next_open(session.checked_add(span).ok()?)
        }
    }
}

/// "Thursday, March 4, 2027 at 2:30 PM" / "jeudi 4 mars 2027 à 14 h 30"; the long date alone
/// when no time is booked.
pub fn appointment(date: Date, time: Option<Time>, words: &Words) -> String {
    let day = long_date(date, words);
    match time {
        Some(time) => words
            .date_at_time
            .replace("{date}", &day)
            .replace("{time}", &clock_time(time, words)),
        None => day,
    }
}

/// "2:30 PM" / "14 h 30", with no-break spaces so a time never splits across lines.
pub fn clock_time(time: Time, words: &Words) -> String {
    let (hour, minute) = (time.hour(), time.minute());
    match words.clock {
        ClockStyle::TwelveHour => {
            let suffix = if hour < 12 { "AM" } else { "PM" };
            let hour = match hour % 12 {
                0 => 12,
                hour => hour,
            };
            format!("{hour}:{minute:02}\u{a0}{suffix}")
        }
        ClockStyle::FrenchHours if minute == 0 => format!("{hour}\u{a0}h"),
        ClockStyle::FrenchHours => format!("{hour}\u{a0}h\u{a0}{minute:02}"),
    }
}

/// "Thursday, December 10, 2026" / "jeudi 10 décembre 2026".
pub fn long_date(date: Date, words: &Words) -> String {
    let weekday = weekday_name(date.weekday(), words);
    match words.date_order {
        DateOrder::MonthFirst => format!("{weekday}, {}", medium_date(date, words)),
        DateOrder::DayFirst => format!("{weekday} {}", medium_date(date, words)),
    }
}

/// "December 10, 2026" / "10 décembre 2026", for the session date.
pub fn medium_date(date: Date, words: &Words) -> String {
    let month = words.months[usize::from(date.month() as u8) - 1];
    match words.date_order {
        DateOrder::MonthFirst => format!("{month} {}, {}", date.day(), date.year()),
        DateOrder::DayFirst => {
            let day = if date.day() == 1 {
                words.first_of_month.to_string()
            } else {
                date.day().to_string()
            };
            format!("{day} {month} {}", date.year())
        }
    }
}

fn weekday_name(day: Weekday, words: &Words) -> &'static str {
    words.weekdays[usize::from(day.to_monday_zero_offset() as u8)]
}

/// "in 2 weeks", "in 10 days", "in 1 month", "tomorrow": how far away the follow-up is, in the
/// unit the therapist used when there was one.
pub fn time_until(session: Date, follow_up: Date, when: FollowUpWhen, words: &Words) -> String {
    let days = session
        .until((Unit::Day, follow_up))
        .map(|span| span.get_days())
        .unwrap_or(0);
    let days = i64::from(days);
    let phrases = &words.phrases;
    let plural = |count: i64, forms: &[&str; 2]| {
        let form = if count == 1 { forms[0] } else { forms[1] };
        form.replace("{n}", &count.to_string())
    };
    match when {
        FollowUpWhen::After(CalendarSpan::Months(months)) => {
            plural(i64::from(months), &phrases.in_months)
        }
        FollowUpWhen::After(CalendarSpan::Weeks(weeks)) => {
            plural(i64::from(weeks), &phrases.in_weeks)
        }
        _ if days == 1 => phrases.tomorrow.to_string(),
        _ if days % 7 == 0 => plural(days / 7, &phrases.in_weeks),
        _ => plural(days, &phrases.in_days),
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

    fn open() -> &'static ClosedDays {
        static OPEN: ClosedDays = ClosedDays {
            weekdays: Vec::new(),
            dates: Vec::new(),
        };
        &OPEN
    }

    fn follow_up_date_open(session: Date, when: FollowUpWhen) -> Option<Date> {
        follow_up_date(session, when, open())
    }

    #[test]
    fn appointments_with_a_time() {
        use crate::resolve::words::FRENCH;
        let time = Some(jiff::civil::time(14, 30, 0, 0));
        let nbsp = |text: &str| text.replace('\u{a0}', " ");
        assert_eq!(
            nbsp(&appointment(date(2027, 3, 4), time, &ENGLISH)),
            "Thursday, March 4, 2027 at 2:30 PM"
        );
        assert_eq!(
            nbsp(&appointment(date(2027, 3, 4), time, &FRENCH)),
            "jeudi 4 mars 2027 à 14 h 30"
        );
        let nine = Some(jiff::civil::time(9, 0, 0, 0));
        assert_eq!(
            nbsp(&appointment(date(2027, 3, 4), nine, &FRENCH)),
            "jeudi 4 mars 2027 à 9 h"
        );
        let midnight = jiff::civil::time(0, 5, 0, 0);
        assert_eq!(nbsp(&clock_time(midnight, &ENGLISH)), "12:05 AM");
        assert_eq!(
            appointment(date(2027, 3, 4), None, &ENGLISH),
            "Thursday, March 4, 2027"
        );
    }

    #[test]
    fn computed_follow_ups_skip_closed_days() {
        let sundays = ClosedDays {
            weekdays: vec![Weekday::Sunday],
            dates: Vec::new(),
        };
        // January 31 + 1 month = Sunday February 28, 2027 -> Monday March 1.
        assert_eq!(
            follow_up_date(date(2027, 1, 31), after(CalendarSpan::Months(1)), &sundays),
            Some(date(2027, 3, 1))
        );
        // A date the therapist typed stays as typed; `hep check` warns instead.
        let typed = FollowUpWhen::On(CalendarDate(date(2027, 2, 28)));
        assert_eq!(
            follow_up_date(date(2027, 1, 31), typed, &sundays),
            Some(date(2027, 2, 28))
        );
    }

    #[test]
    fn two_weeks_after_a_thursday() {
        let session = date(2026, 11, 26);
        let follow_up = follow_up_date_open(session, after(CalendarSpan::Weeks(2))).unwrap();
        assert_eq!(follow_up, date(2026, 12, 10));
        assert_eq!(
            long_date(follow_up, &ENGLISH),
            "Thursday, December 10, 2026"
        );
        assert_eq!(
            time_until(session, follow_up, after(CalendarSpan::Weeks(2)), &ENGLISH),
            "in 2 weeks"
        );
    }

    #[test]
    fn month_ends_clamp() {
        assert_eq!(
            follow_up_date_open(date(2026, 1, 31), after(CalendarSpan::Months(1))),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            follow_up_date_open(date(2028, 1, 31), after(CalendarSpan::Months(1))),
            Some(date(2028, 2, 29))
        );
    }

    #[test]
    fn leap_years_and_year_ends() {
        assert_eq!(
            follow_up_date_open(date(2028, 2, 22), after(CalendarSpan::Weeks(1))),
            Some(date(2028, 2, 29))
        );
        assert_eq!(
            follow_up_date_open(date(2026, 12, 24), after(CalendarSpan::Days(10))),
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
    fn french_dates() {
        use crate::resolve::words::FRENCH;
        assert_eq!(
            long_date(date(2026, 12, 10), &FRENCH),
            "jeudi 10 décembre 2026"
        );
        assert_eq!(medium_date(date(2027, 1, 1), &FRENCH), "1er janvier 2027");
        let session = date(2026, 11, 26);
        assert_eq!(
            time_until(
                session,
                date(2026, 12, 10),
                after(CalendarSpan::Weeks(2)),
                &FRENCH
            ),
            "dans 2 semaines"
        );
    }

    #[test]
    fn distance_to_a_fixed_date() {
        let session = date(2026, 11, 26);
        let on = |d: Date| FollowUpWhen::On(CalendarDate(d));
        assert_eq!(
            time_until(
                session,
                date(2026, 12, 10),
                on(date(2026, 12, 10)),
                &ENGLISH
            ),
            "in 2 weeks"
        );
        assert_eq!(
            time_until(session, date(2026, 12, 6), on(date(2026, 12, 6)), &ENGLISH),
            "in 10 days"
        );
        assert_eq!(
            time_until(
                session,
                date(2026, 11, 27),
                on(date(2026, 11, 27)),
                &ENGLISH
            ),
            "tomorrow"
        );
    }
}
