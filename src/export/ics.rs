//! The follow-up as an iCalendar file (RFC 5545) the client can tap to add to a phone's
//! calendar: an all-day reminder on the follow-up date, or, when the plan books a time, a timed
//! event in the clinic's time zone. It carries the clinic's details, in the handout's language,
//! and nothing about the client's health.

use std::fmt::Write;
use std::hash::Hasher;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use siphasher::sip::SipHasher13;

use crate::resolve::handout::Handout;

/// The calendar text, or `None` when the handout has no follow-up.
pub fn follow_up_calendar(handout: &Handout) -> Option<String> {
    let follow_up = handout.follow_up.as_ref()?;
    let brand = &handout.brand;
    let words = handout.words;
    let mut description = Vec::new();
    if let Some(name) = &brand.clinic_name {
        description.push(name.clone());
    }
    if let Some(phone) = &brand.phone {
        description.push(words.calendar_phone.replace("{phone}", phone));
    }
    if let Some(url) = &brand.booking_url {
        description.push(words.calendar_booking.replace("{url}", url));
    }
    description.push(follow_up.note.clone());
    let day = follow_up.day;
    let stamp = handout.session_day;
    let language = words.language_tag;

    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//hep//Home exercise program//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let start = follow_up.time.map(|time| day.to_datetime(time));
    if let (Some(start), Some((name, zone))) = (start, &follow_up.zone) {
        lines.extend(time_zone(name, zone, start));
    }
    lines.extend([
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", event_uid(handout)),
        // The session date, not the wall clock: the same plan gives the same file.
        format!("DTSTAMP:{}T000000Z", compact(stamp)),
    ]);
    match start {
        Some(start) => {
            let zone = follow_up
                .zone
                .as_ref()
                .map(|(name, _)| format!(";TZID={name}"))
                .unwrap_or_default();
            lines.push(format!("DTSTART{zone}:{}", local(start)));
            lines.push(format!("DURATION:PT{}M", follow_up.minutes));
        }
        None => {
            let next_day = day.tomorrow().unwrap_or(day);
            lines.push(format!("DTSTART;VALUE=DATE:{}", compact(day)));
            lines.push(format!("DTEND;VALUE=DATE:{}", compact(next_day)));
        }
    }
    lines.extend([
        format!(
            "SUMMARY;LANGUAGE={language}:{}",
            escape(words.calendar_summary)
        ),
        format!(
            "DESCRIPTION;LANGUAGE={language}:{}",
            escape(&description.join("\n"))
        ),
    ]);
    if let Some(address) = brand
        .contact_lines
        .first()
        .filter(|_| brand.clinic_name.is_some())
    {
        lines.push(format!("LOCATION:{}", escape(address)));
    }
    if let Some(url) = &brand.booking_url {
        lines.push(format!("URL:{}", escape(url)));
    }
    // A booked time is busy time; a reminder to book is not.
    let transparency = if start.is_some() {
        "OPAQUE"
    } else {
        "TRANSPARENT"
    };
    lines.extend([
        format!("TRANSP:{transparency}"),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ]);
    let mut text = String::new();
    for line in lines {
        fold(&line, &mut text);
    }
    Some(text)
}

/// The VTIMEZONE that RFC 5545 requires for a TZID: the zone's offset rules around the
/// appointment, as the transitions into and out of the offset in force then (a zone without
/// transitions, such as America/Regina, gets its one fixed offset).
fn time_zone(name: &str, zone: &TimeZone, start: DateTime) -> Vec<String> {
    let mut lines = vec!["BEGIN:VTIMEZONE".to_string(), format!("TZID:{name}")];
    let instant = zone
        .to_ambiguous_timestamp(start)
        .compatible()
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let before = zone.preceding(instant).next();
    let after = zone.following(instant).next();
    let transitions: Vec<_> = before.into_iter().chain(after).collect();
    if transitions.is_empty() {
        let offset = zone.to_offset(instant);
        let abbreviation = zone.to_offset_info(instant).abbreviation().to_string();
        lines.extend([
            "BEGIN:STANDARD".to_string(),
            "DTSTART:19700101T000000".to_string(),
            format!("TZOFFSETFROM:{}", utc_offset(offset)),
            format!("TZOFFSETTO:{}", utc_offset(offset)),
            format!("TZNAME:{abbreviation}"),
            "END:STANDARD".to_string(),
        ]);
    }
    for transition in transitions {
        let at = transition.timestamp();
        let from = at
            .checked_sub(jiff::SignedDuration::from_secs(1))
            .map(|earlier| zone.to_offset(earlier))
            .unwrap_or(transition.offset());
        let kind = if transition.dst().is_dst() {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        // DTSTART is the wall-clock time of the change, read in the offset before it.
        let wall = from.to_datetime(at);
        lines.extend([
            format!("BEGIN:{kind}"),
            format!("DTSTART:{}", local(wall)),
            format!("TZOFFSETFROM:{}", utc_offset(from)),
            format!("TZOFFSETTO:{}", utc_offset(transition.offset())),
            format!("TZNAME:{}", transition.abbreviation()),
            format!("END:{kind}"),
        ]);
    }
    lines.push("END:VTIMEZONE".to_string());
    lines
}

/// `-0500`, `+0530`: a UTC offset as RFC 5545 writes it.
fn utc_offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    if rest == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{rest:02}")
    }
}

/// `20270304T143000`: a local date and time.
fn local(time: DateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        compact(time.date()),
        time.hour(),
        time.minute(),
        time.second()
    )
}

/// A UID that stays the same when the plan is rendered again (so calendars update the event
/// instead of adding a second one): a hash of the client, the session date and the clinic.
pub fn event_uid(handout: &Handout) -> String {
    let mut hasher = SipHasher13::new_with_keys(0x6865_702d_6963_7321, 0x7569_642d_7631_2e30);
    hasher.write(handout.client.as_bytes());
    hasher.write(&[0]);
    hasher.write(handout.session_day.to_string().as_bytes());
    hasher.write(&[0]);
    hasher.write(
        handout
            .brand
            .clinic_name
            .as_deref()
            .unwrap_or("")
            .as_bytes(),
    );
    format!("{:016x}@hep.follow-up", hasher.finish())
}

fn compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Escapes text values: backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11).
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Appends `line` folded at 75 octets, never inside a UTF-8 character, ending with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let mut out = String::new();
        fold(&format!("DESCRIPTION:{}", "é".repeat(60)), &mut out);
        for physical in out.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{physical:?} is {} octets",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{}\r\n", "é".repeat(60)));
    }
}
