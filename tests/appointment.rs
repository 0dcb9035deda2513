//! A real appointment: a booked time on the page and in the calendar file, closed days, the
//! clinic's own follow-up sentence, and a calendar file in the handout's language.

mod common;

use std::path::Path;

use common::*;
use icalendar::{Component, DatePerhapsTime};

const CLINIC: &str = "name: Riverside Massage Therapy
phone: 613-555-0142
booking_url: https://riversidemassage.ca/book
timezone: America/Toronto
appointment_minutes: 45
closed_days: [sunday, 2027-12-25]
";

/// A clinic folder with `clinic` as its clinic file and one plan.
fn clinic_with_plan(clinic: &str, plan: &str) -> tempfile::TempDir {
    folder_with(&[
        ("clinic.yaml", clinic.as_bytes()),
        ("plans/jane.yaml", plan.as_bytes()),
    ])
}

fn calendar(path: &Path) -> (String, icalendar::Calendar) {
    let text = std::fs::read_to_string(path).unwrap();
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap().into();
    (unfolded, calendar)
}

#[test]
fn a_booked_time_is_printed_and_is_a_timed_calendar_event() {
    let dir = clinic_with_plan(
        CLINIC,
        "client: Jane Doe\ndate: 2027-02-18\nfollow_up: {date: 2027-03-04, time: \"14:30\"}\nexercises: [clamshell]\n",
    );
    // No time-zone files on this "machine": the bundled database still knows Toronto.
    let output = hep_with_env(
        dir.path(),
        &["render", "plans/jane.yaml", "--ics"],
        &[("TZDIR", "/nonexistent-zoneinfo")],
    );
    assert_success(&output);
    let text = pdf_text(&dir.path().join("plans/jane.pdf"));
    assert_reads(&text, "Thursday, March 4, 2027 at 2:30 PM");

    let (unfolded, calendar) = calendar(&dir.path().join("plans/jane.ics"));
    assert!(
        unfolded.contains("DTSTART;TZID=America/Toronto:20270304T143000\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("DURATION:PT45M\r\n"), "{unfolded}");
    // RFC 5545: a TZID needs its VTIMEZONE, here with Toronto's winter and summer offsets.
    for line in [
        "BEGIN:VTIMEZONE",
        "TZID:America/Toronto",
        "TZOFFSETTO:-0500",
        "TZOFFSETTO:-0400",
    ] {
        assert!(unfolded.contains(line), "{line} in {unfolded}");
    }
    let event = calendar.events().next().expect("one event");
    match event.get_start() {
        Some(DatePerhapsTime::DateTime(start)) => {
            let shown = format!("{start:?}");
            assert!(
                shown.contains("America/Toronto") && shown.contains("14:30"),
                "{shown}"
            );
        }
        other => panic!("a timed event, not {other:?}"),
    }
}

#[test]
fn a_time_in_french_and_a_french_calendar() {
    let dir = clinic_with_plan(
        CLINIC,
        "client: Jean Tremblay\ndate: 2027-02-18\nlanguage: fr\nfollow_up: {in: 2 weeks, time: \"2:30 PM\"}\nexercises: [clamshell]\n",
    );
    assert_success(&hep_in(dir.path(), &["render", "plans/jane.yaml", "--ics"]));
    let text = pdf_text(&dir.path().join("plans/jane.pdf"));
    assert_reads(&text, "jeudi 4 mars 2027 à 14 h 30");
    let (unfolded, calendar) = calendar(&dir.path().join("plans/jane.ics"));
    let event = calendar.events().next().expect("one event");
    assert_eq!(
        event.get_summary(),
        Some("Réservez ou confirmez votre suivi en massothérapie")
    );
    let description = event.get_description().unwrap();
    assert!(description.contains("Téléphone"), "{description}");
    assert!(description.contains("annuler"), "{description}");
    assert!(!unfolded.contains("Phone:"), "{unfolded}");
    assert!(!unfolded.contains("Book or"), "{unfolded}");
}

#[test]
fn a_computed_follow_up_on_a_closed_day_moves_to_the_next_open_day() {
    // January 31 + 1 month = Sunday, February 28, 2027: the clinic is closed on Sundays.
    let dir = clinic_with_plan(
        CLINIC,
        "client: Jane Doe\ndate: 2027-01-31\nfollow_up: 1 month\nexercises: [clamshell]\n",
    );
    assert_success(&hep_in(dir.path(), &["render", "plans/jane.yaml", "--ics"]));
    let text = pdf_text(&dir.path().join("plans/jane.pdf"));
    assert_reads(&text, "Monday, March 1, 2027");
    assert!(!squeezed(&text).contains("February28"), "{text}");
    let (unfolded, _) = calendar(&dir.path().join("plans/jane.ics"));
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20270301"),
        "{unfolded}"
    );

    // A date the therapist typed is kept, and `hep check` warns about it.
    std::fs::write(
        dir.path().join("plans/jane.yaml"),
        "client: Jane Doe\ndate: 2027-01-31\nfollow_up: 2027-02-28\nexercises: [clamshell]\n",
    )
    .unwrap();
    let output = hep_in(dir.path(), &["check", "plans"]);
    assert_success(&output);
    let message = stderr(&output);
    assert!(
        message.contains(
            "the follow-up date, Sunday, February 28, 2027, is a day the clinic is closed"
        ),
        "{message}"
    );
    assert!(message.contains("plans/jane.yaml:3:12"), "{message}");
    assert!(message.contains("1 warning"), "{message}");
}

#[test]
fn the_clinics_follow_up_note_replaces_the_default_and_the_plans_wins() {
    let clinic = format!(
        "{CLINIC}follow_up_note:\n  en: Need another time? Call us any day.\n  fr: Un autre moment? Appelez-nous.\n"
    );
    let dir = clinic_with_plan(
        &clinic,
        "client: Jane Doe\ndate: 2027-02-18\nfollow_up: 2 weeks\nexercises: [clamshell]\n",
    );
    assert_success(&hep_in(dir.path(), &["render", "plans/jane.yaml"]));
    let text = pdf_text(&dir.path().join("plans/jane.pdf"));
    assert_reads(&text, "Need another time? Call us any day.");
    assert_reads(&text, "Scan to book or change");
    assert!(!text.contains("feel free to cancel"), "{text}");
    assert!(!text.contains("book or cancel"), "{text}");

    std::fs::write(
        dir.path().join("plans/jane.yaml"),
        "client: Jane Doe\ndate: 2027-02-18\nfollow_up: {in: 2 weeks, note: See you then.}\nexercises: [clamshell]\n",
    )
    .unwrap();
    assert_success(&hep_in(dir.path(), &["render", "plans/jane.yaml"]));
    let text = pdf_text(&dir.path().join("plans/jane.pdf"));
    assert_reads(&text, "See you then.");
    assert!(!text.contains("Call us any day"), "{text}");

    // Without a clinic note, hep's own sentence and caption.
    let dir = clinic_with_plan(
        CLINIC,
        "client: Jane Doe\ndate: 2027-02-18\nfollow_up: 2 weeks\nexercises: [clamshell]\n",
    );
    assert_success(&hep_in(dir.path(), &["render", "plans/jane.yaml"]));
    let text = pdf_text(&dir.path().join("plans/jane.pdf"));
    assert_reads(&text, "feel free to cancel");
    assert_reads(&text, "Scan to book or cancel");
}

#[test]
fn bad_booking_keys_are_explained() {
    for (key, expected) in [
        (
            "timezone: Toronto/Canada",
            "`Toronto/Canada` is not a time zone",
        ),
        ("appointment_minutes: 0", "an appointment of 0 minutes"),
        ("closed_days: [sundy]", "`sundy` is not a day of the week"),
        (
            "closed_days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]",
            "closed every day",
        ),
    ] {
        let dir = clinic_with_plan(
            &format!("name: Riverside\n{key}\n"),
            "client: Jane Doe\ndate: 2027-02-18\nfollow_up: 2 weeks\nexercises: [clamshell]\n",
        );
        let output = hep_in(dir.path(), &["render", "plans/jane.yaml"]);
        assert_eq!(output.status.code(), Some(1), "{key}");
        let message = stderr(&output);
        assert!(message.contains(expected), "{key}: {message}");
        assert!(message.contains("clinic.yaml:2:"), "{key}: {message}");
    }
    let dir = clinic_with_plan(
        "name: Riverside\n",
        "client: Jane Doe\ndate: 2027-02-18\nfollow_up: {in: 2 weeks, time: \"25:00\"}\nexercises: [clamshell]\n",
    );
    let output = hep_in(dir.path(), &["render", "plans/jane.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("`25:00` is not a time of day"),
        "{}",
        stderr(&output)
    );
}
