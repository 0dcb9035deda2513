//! Calendar arithmetic for follow-ups, and the one function that writes dates for clients.

use jiff::civil::{Date, Weekday};
use jiff::{ToSpan, Unit};

use crate::load::follow_up::{CalendarSpan, FollowUpWhen};
use crate::resolve::words::{DateOrder, Words};

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
            time_until(session, follow_up, after(CalendarSpan::Weeks(2)), &ENGLISH),
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
