//! The follow-up as an iCalendar file (RFC 5545): one all-day event the client can tap to add
//! to a phone's calendar. It carries the clinic's details and nothing about the client's
//! health.

use std::fmt::Write;
use std::hash::Hasher;

use siphasher::sip::SipHasher13;

use crate::resolve::handout::Handout;

/// What the event is called on the client's calendar.
pub const SUMMARY: &str = "Book or confirm your massage therapy follow-up";

/// The calendar text, or `None` when the handout has no follow-up.
pub fn follow_up_calendar(handout: &Handout) -> Option<String> {
    let follow_up = handout.follow_up.as_ref()?;
    let brand = &handout.brand;
    let mut description = Vec::new();
    if let Some(name) = &brand.clinic_name {
        description.push(name.clone());
    }
    if let Some(phone) = &brand.phone {
        description.push(format!("Phone: {phone}"));
    }
    if let Some(url) = &brand.booking_url {
        description.push(format!("Book or cancel online: {url}"));
    }
    description.push(follow_up.note.clone());
    let day = follow_up.day;
    let next_day = day.tomorrow().unwrap_or(day);
    let stamp = handout.session_day;

    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//hep//Home exercise program//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", event_uid(handout)),
        // The session date, not the wall clock: the same plan gives the same file.
        format!("DTSTAMP:{}T000000Z", compact(stamp)),
        format!("DTSTART;VALUE=DATE:{}", compact(day)),
        format!("DTEND;VALUE=DATE:{}", compact(next_day)),
        format!("SUMMARY:{}", escape(SUMMARY)),
        format!("DESCRIPTION:{}", escape(&description.join("\n"))),
    ];
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
    lines.extend([
        "TRANSP:TRANSPARENT".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ]);
    let mut text = String::new();
    for line in lines {
        fold(&line, &mut text);
    }
    Some(text)
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

fn compact(date: jiff::civil::Date) -> String {
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
