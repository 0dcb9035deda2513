//! Programs plans start from, the calendar reminder, and sharded batches.

mod common;

use common::*;

fn write(dir: &std::path::Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_plan_adds_replaces_and_removes_program_exercises_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "lib/programs/knee-start.yaml",
        "title: Knee start\nfollow_up: 3 weeks\nexercises:\n  - id: glute-bridge\n    sets: 3\n    reps: 10\n    frequency: 3x/week\n  - id: clamshell\n    reps: 15\n  - wall-sit\n",
    );
    write(
        dir.path(),
        "plan.yaml",
        "client: Jane Doe\ndate: 2026-11-26\nprogram: knee-start\nremove: [wall-sit]\nreplace:\n  - id: glute-bridge\n    reps: 12\nexercises:\n  - calf-raise\n",
    );
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--library", "lib"]);
    assert_success(&output);
    let text = pdf_text(&dir.path().join("plan.pdf"));
    // Plan over program over library: sets from the program, reps from the plan, rest from the library.
    assert_reads(
        &text,
        "3 sets of 12. Hold each one 3 seconds. Rest 30 seconds between sets.",
    );
    assert_reads(&text, "3 days a week");
    // Program over library: the clamshell's sets and rest come from the library.
    assert_reads(&text, "2 sets of 15 on each side.");
    assert_reads(&text, "Calf Raise");
    assert!(
        !squeezed(&text).contains("WallSit"),
        "removed exercises are gone"
    );
    // The program's follow-up applies when the plan has none.
    assert_reads(&text, "Thursday, December 17, 2026 (in 3 weeks)");
    let order: Vec<usize> = ["Glute Bridge", "Clamshell", "Calf Raise"]
        .iter()
        .map(|name| text.find(name).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|pair| pair[0] < pair[1]),
        "program order, then added ones"
    );
}

#[test]
fn unknown_program_and_bad_changes_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "plan.yaml",
        "client: Jane\nprogram: it-band-starer\n",
    );
    let output = hep_in(dir.path(), &["render", "plan.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("unknown program `it-band-starer`"),
        "{message}"
    );
    assert!(
        message.contains("did you mean `it-band-starter`?"),
        "{message}"
    );
    assert!(message.contains("plan.yaml:2:10"), "{message}");

    write(
        dir.path(),
        "plan.yaml",
        "client: Jane\nprogram: it-band-starter\nremove: [clamshel]\nexercises: [glute-bridge]\n",
    );
    let message = stderr(&hep_in(dir.path(), &["render", "plan.yaml"]));
    assert!(
        message.contains("`clamshel` is not in program `it-band-starter`"),
        "{message}"
    );
    assert!(message.contains("did you mean `clamshell`?"), "{message}");
    assert!(
        message.contains("`glute-bridge` is already in program `it-band-starter`"),
        "{message}"
    );
}

#[test]
fn bundled_programs_list_show_and_start_a_plan() {
    let listing = String::from_utf8(hep(&["list", "--programs"]).stdout).unwrap();
    for id in [
        "it-band-starter",
        "desk-neck-shoulders",
        "low-back-basics",
        "runner-calves-feet",
        "hip-mobility",
        "posture-upper-back",
    ] {
        assert!(listing.contains(id), "{id} in {listing}");
    }
    let shown = String::from_utf8(hep(&["show", "--program", "it-band-starter"]).stdout).unwrap();
    assert!(shown.starts_with("IT band starter\n"), "{shown}");
    assert!(shown.contains("Clamshell (clamshell)"), "{shown}");
    assert!(shown.contains("How often: 3 days a week"), "{shown}");

    let dir = tempfile::tempdir().unwrap();
    let output = hep_in(
        dir.path(),
        &[
            "new",
            "plan",
            "--client",
            "Jane Doe",
            "--program",
            "low-back-basics",
        ],
    );
    assert_success(&output);
    std::fs::write(dir.path().join("plan.yaml"), &output.stdout).unwrap();
    assert_success(&hep_in(dir.path(), &["render", "plan.yaml"]));
    assert_reads(&pdf_text(&dir.path().join("plan.pdf")), "Pelvic Tilt");
}

#[test]
fn check_validates_programs() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "lib/programs/broken.yaml",
        "title: Broken\nexercises:\n  - clamshel\n",
    );
    let output = hep_in(dir.path(), &["check", "--library", "lib"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("program `broken` names unknown exercise `clamshel`"),
        "{message}"
    );
    assert!(message.contains("broken.yaml:3:5"), "{message}");
}

#[test]
fn the_calendar_reminder_is_valid_and_stable() {
    use icalendar::{Component, DatePerhapsTime};
    let dir = tempfile::tempdir().unwrap();
    let plan = repo().join("examples/plans/jane-doe.yaml");
    let output = hep_in(
        dir.path(),
        &["render", plan.to_str().unwrap(), "-o", "jane.pdf", "--ics"],
    );
    assert_success(&output);
    let text = std::fs::read_to_string(dir.path().join("jane.ics")).unwrap();
    assert!(
        text.lines().count() > 5 && text.split("\r\n").all(|line| line.len() <= 75),
        "CRLF, folded"
    );
    let unfolded = icalendar::parser::unfold(&text);
    let calendar: icalendar::Calendar = icalendar::parser::read_calendar(&unfolded).unwrap().into();
    let event = calendar.events().next().expect("one event");
    match event.get_start() {
        Some(DatePerhapsTime::Date(date)) => assert_eq!(date.to_string(), "2026-12-10"),
        other => panic!("an all-day event on the follow-up date, not {other:?}"),
    }
    assert_eq!(
        event.get_summary(),
        Some("Book or confirm your massage therapy follow-up")
    );
    let description = event.get_description().unwrap();
    assert!(
        description.contains("613-555-0142") && description.contains("riversidemassage.ca/book"),
        "{description}"
    );
    for private in ["Clamshell", "IT band", "hip", "Jane"] {
        assert!(
            !text.contains(private),
            "no health details or names in the reminder: {private}"
        );
    }
    let uid = event.get_uid().unwrap().to_string();

    // Rendering again (even with another follow-up) keeps the UID, so calendars update.
    let moved = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("follow_up: 2 weeks", "follow_up: 3 weeks");
    std::fs::write(
        dir.path().join("jane.yaml"),
        moved.replace(
            "clinic: ../clinic.yaml",
            &format!("clinic: {}", repo().join("examples/clinic.yaml").display()),
        ),
    )
    .unwrap();
    assert_success(&hep_in(dir.path(), &["render", "jane.yaml", "--ics"]));
    let again =
        icalendar::parser::unfold(&std::fs::read_to_string(dir.path().join("jane.ics")).unwrap());
    let calendar: icalendar::Calendar = icalendar::parser::read_calendar(&again).unwrap().into();
    let event = calendar.events().next().unwrap();
    assert_eq!(event.get_uid(), Some(uid.as_str()));
    match event.get_start() {
        Some(DatePerhapsTime::Date(date)) => assert_eq!(date.to_string(), "2026-12-17"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn shards_render_every_plan_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    for number in 0..100 {
        let folder = if number % 3 == 0 {
            "plans/2026"
        } else {
            "plans"
        };
        write(
            dir.path(),
            &format!("{folder}/client-{number:03}.yaml"),
            &format!("client: Client {number}\ndate: 2026-11-26\nexercises: [chin-tuck]\n"),
        );
    }
    let shards = 4;
    let mut seen: std::collections::BTreeMap<String, usize> = Default::default();
    for index in 1..=shards {
        let shard = format!("{index}/{shards}");
        let output = hep_in(
            dir.path(),
            &[
                "render",
                "plans",
                "--out-dir",
                "out",
                "--shard",
                &shard,
                "--json",
            ],
        );
        assert_success(&output);
        let lines = String::from_utf8(output.stdout).unwrap();
        assert!(
            lines.lines().count() > 5,
            "shard {shard} got a fair share: {}",
            lines.lines().count()
        );
        for line in lines.lines() {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(value["status"], "ok", "{value}");
            let pdf = dir.path().join(value["output"].as_str().unwrap());
            assert!(pdf.is_file(), "{value}");
            *seen
                .entry(value["plan"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    assert_eq!(seen.len(), 100, "every plan rendered");
    assert_reads(
        &pdf_text(&dir.path().join("out/2026/client-099.pdf")),
        "Client 99",
    );
    assert!(
        seen.values().all(|count| *count == 1),
        "no plan rendered by two shards"
    );

    let output = hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--shard", "5/4"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`5/4` is not a shard"),
        "{}",
        stderr(&output)
    );
}

/// Every bundled program, loaded through the library.
fn bundled_programs() -> Vec<hep::load::program::Program> {
    let library = hep::load::library::Library::load(&hep::load::library::LibrarySources {
        bundled: true,
        folders: vec![],
    })
    .unwrap();
    library.programs().cloned().collect()
}

#[test]
fn every_bundled_program_has_a_french_title_and_description() {
    let programs = bundled_programs();
    // Every program file of the bundled library, counted from the folder.
    let files = std::fs::read_dir(common::repo().join("library/programs"))
        .unwrap()
        .filter(|entry| {
            let path = entry.as_ref().unwrap().path();
            path.extension()
                .is_some_and(|extension| extension == "yaml")
        })
        .count();
    assert!(files > 0);
    assert_eq!(programs.len(), files);
    for program in &programs {
        let title = program.title_in("fr").unwrap_or_default();
        assert!(
            !title.is_empty() && title != program.title,
            "{}: French title {title:?}",
            program.id
        );
        let description = program.description_in("fr").unwrap_or_default();
        assert!(
            !description.is_empty() && Some(description) != program.description.as_deref(),
            "{}: French description {description:?}",
            program.id
        );
        let shown = String::from_utf8(hep(&["show", "--program", &program.id]).stdout).unwrap();
        assert!(shown.contains(&format!("fr: {title}\n")), "{shown}");
    }
    let listing: serde_json::Value =
        serde_json::from_slice(&hep(&["list", "--programs", "--json"]).stdout).unwrap();
    let low_back = listing
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["id"] == "low-back-basics")
        .unwrap();
    assert_eq!(low_back["titles"]["en"], "Low back basics");
    assert_eq!(low_back["titles"]["fr"], "Les bases pour le bas du dos");
}

#[test]
fn every_bundled_program_renders_in_english_and_in_french() {
    let library = hep::load::library::Library::load(&hep::load::library::LibrarySources {
        bundled: true,
        folders: vec![],
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for program in library.programs() {
        for language in ["en", "fr"] {
            let texts: Vec<_> = program
                .exercises
                .iter()
                .map(|entry| {
                    let exercise = library.get(&entry.id).unwrap();
                    exercise
                        .text_in(language)
                        .unwrap_or_else(|field| panic!("{} has no {language} {field}", exercise.id))
                })
                .collect();
            let plan = format!("{}-{language}.yaml", program.id);
            write(
                dir.path(),
                &plan,
                &format!(
                    "client: Test\ndate: 2026-11-26\nlanguage: {language}\nprogram: {}\n",
                    program.id
                ),
            );
            // Without --allow-fallback: every text is in the handout's language.
            assert_success(&hep_in(dir.path(), &["render", &plan]));
            let pdf = dir.path().join(plan.replace(".yaml", ".pdf"));
            let text = pdf_text(&pdf);
            for exercise in texts {
                assert_reads(&text, &exercise.name);
                assert_reads(&text, &exercise.steps[0]);
            }
        }
    }
}

#[test]
fn the_programs_follow_the_library_v2_review() {
    let show = |id: &str| {
        let output = hep(&["show", "--program", id]);
        assert_success(&output);
        String::from_utf8(output.stdout).unwrap()
    };
    // A backward bend for people whose low back pain worsens bending forward.
    assert!(show("low-back-basics").contains("(prone-press-up)"));
    // Loaded upper-back work at the desk, not stretches only.
    let desk = show("desk-neck-shoulders");
    assert!(
        desk.contains("(band-row)") || desk.contains("(band-external-rotation)"),
        "{desk}"
    );
    // Runners load the calf and train balance; the ankle alphabet is for sprains.
    let runner = show("runner-calves-feet");
    assert!(!runner.contains("(ankle-alphabet)"), "{runner}");
    assert!(
        runner.contains("(heel-drop)") && runner.contains("(single-leg-balance)"),
        "{runner}"
    );
    let heel_drop = String::from_utf8(hep(&["show", "heel-drop"]).stdout).unwrap();
    assert!(
        heel_drop.contains("back of your heel bone, do this on a flat floor"),
        "{heel_drop}"
    );
    // Weight-bearing hip work, and no rolling on the irritated band.
    let it_band = show("it-band-starter");
    assert!(
        it_band.contains("(step-down)") || it_band.contains("(side-plank)"),
        "{it_band}"
    );
    assert!(!it_band.contains("(foam-roll-lateral-thigh)"), "{it_band}");
    assert!(it_band.contains("(ball-release-wall)"), "{it_band}");
}

#[test]
fn a_program_title_by_language_needs_the_programs_own_language() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "lib/programs/knees.yaml",
        "title: {fr: Genoux}\nexercises: [wall-sit]\n",
    );
    let output = hep_in(dir.path(), &["check", "--library", "lib"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("the title has no `en` text, the program's language"),
        "{message}"
    );
    assert!(message.contains("knees.yaml:1:8"), "{message}");

    write(
        dir.path(),
        "lib/programs/knees.yaml",
        "language: fr\ntitle: Genoux\ndescription: {fr: Pour les genoux., en: For knees.}\nexercises: [wall-sit]\n",
    );
    assert_success(&hep_in(dir.path(), &["check", "--library", "lib"]));
    let shown = String::from_utf8(
        hep_in(
            dir.path(),
            &["show", "--program", "knees", "--library", "lib"],
        )
        .stdout,
    )
    .unwrap();
    assert!(shown.starts_with("Genoux\n"), "{shown}");
    assert!(shown.contains("Pour les genoux."), "{shown}");
}
