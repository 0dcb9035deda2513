//! Rendering many plans at once, as a clinic's overnight job would.

mod common;

use std::path::Path;

use common::*;

fn plan(client: &str, date: &str, exercises: &str) -> String {
    format!("client: {client}\ndate: {date}\nfollow_up: 2 weeks\nexercises: [{exercises}]\n")
}

/// A clinic folder: plans in nested folders, plus a clinic file and a library that are not plans.
fn clinic_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("plans/2026")).unwrap();
    std::fs::create_dir_all(root.join("plans/library")).unwrap();
    std::fs::write(
        root.join("plans/jane.yaml"),
        plan("Jane Doe", "2026-11-26", "clamshell, glute-bridge"),
    )
    .unwrap();
    std::fs::write(
        root.join("plans/2026/sam.yaml"),
        plan("Sam Lee", "2026-11-27", "chin-tuck"),
    )
    .unwrap();
    std::fs::write(
        root.join("plans/2026/marie.yml"),
        plan("Marie-Hélène Côté", "2026-11-20", "cat-cow"),
    )
    .unwrap();
    std::fs::write(
        root.join("plans/clinic.yaml"),
        "name: Test Clinic\nphone: 555-0100\n",
    )
    .unwrap();
    std::fs::write(
        root.join("plans/library/own.yaml"),
        "name: Own\nregion: hip\ncategory: strength\nsteps: [Do it.]\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_folder_renders_into_out_dir_following_relative_paths() {
    let dir = clinic_folder();
    let output = hep_in(dir.path(), &["render", "plans", "--out-dir", "handouts"]);
    assert_success(&output);
    for pdf in [
        "handouts/jane.pdf",
        "handouts/2026/sam.pdf",
        "handouts/2026/marie.pdf",
    ] {
        assert!(dir.path().join(pdf).is_file(), "{pdf} missing");
    }
    assert!(!dir.path().join("handouts/clinic.pdf").exists());
    assert!(!dir.path().join("handouts/library").exists());
    assert!(
        stderr(&output).contains("3 rendered, 0 failed"),
        "{}",
        stderr(&output)
    );
    assert_reads(
        &pdf_text(&dir.path().join("handouts/2026/sam.pdf")),
        "Chin Tuck",
    );
}

#[test]
fn one_bad_plan_never_stops_the_others() {
    let dir = clinic_folder();
    std::fs::write(
        dir.path().join("plans/broken.yaml"),
        plan("Bad", "2026-11-26", "clamshel"),
    )
    .unwrap();
    let output = hep_in(dir.path(), &["render", "plans", "--out-dir", "handouts"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("3 rendered, 1 failed"), "{message}");
    assert!(message.contains("plans/broken.yaml"), "{message}");
    assert!(message.contains("did you mean `clamshell`?"), "{message}");
    assert!(dir.path().join("handouts/jane.pdf").is_file());
    assert!(!dir.path().join("handouts/broken.pdf").exists());
}

#[test]
fn json_lines_and_unchanged_outputs_are_not_rewritten() {
    let dir = clinic_folder();
    assert_success(&hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out"],
    ));
    let jane = dir.path().join("out/jane.pdf");
    let written = std::fs::metadata(&jane).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));

    let output = hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--json"],
    );
    assert_success(&output);
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert_eq!(line["status"], "unchanged", "{line}");
        assert!(line["pages"].as_u64().unwrap() >= 1);
        assert!(
            line["plan"].as_str().unwrap().ends_with(".yaml")
                || line["plan"].as_str().unwrap().ends_with(".yml")
        );
    }
    assert_eq!(
        std::fs::metadata(&jane).unwrap().modified().unwrap(),
        written,
        "unchanged files keep their time"
    );

    let output = hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--json", "--force"],
    );
    assert_success(&output);
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .all(|line| line.contains("\"status\":\"ok\""))
    );
}

#[test]
fn name_templates_make_safe_names_and_refuse_clobbering() {
    let dir = clinic_folder();
    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plans",
            "--out-dir",
            "out",
            "--name",
            "{date}-{client}",
        ],
    );
    assert_success(&output);
    assert!(dir.path().join("out/2026-11-26-jane-doe.pdf").is_file());
    assert!(
        dir.path()
            .join("out/2026/2026-11-20-marie-helene-cote.pdf")
            .is_file()
    );

    std::fs::write(
        dir.path().join("plans/jane-again.yaml"),
        plan("Jane Doe", "2026-11-26", "clamshell"),
    )
    .unwrap();
    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plans",
            "--out-dir",
            "fresh",
            "--name",
            "{client}",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("would all be written to"),
        "{}",
        stderr(&output)
    );
    assert!(
        !dir.path().join("fresh").exists(),
        "nothing is written when names clash"
    );

    let output = hep_in(dir.path(), &["render", "plans", "--name", "{clinet}"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad flag value is a usage error"
    );
    assert!(stderr(&output).contains("unknown placeholder `{clinet}`"));
}

#[test]
fn one_worker_or_many_give_the_same_bytes() {
    let dir = clinic_folder();
    assert_success(&hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "a", "--jobs", "1"],
    ));
    assert_success(&hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "b", "--jobs", "4"],
    ));
    for pdf in ["jane.pdf", "2026/sam.pdf", "2026/marie.pdf"] {
        let read = |folder: &str| std::fs::read(dir.path().join(folder).join(pdf)).unwrap();
        assert_eq!(read("a"), read("b"), "{pdf}");
    }
}

#[test]
fn output_flag_needs_a_single_plan() {
    let dir = clinic_folder();
    let output = hep_in(dir.path(), &["render", "plans", "-o", "x.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    for says in [
        "-o names one PDF, but there are several plans",
        "use --out-dir DIR to write one PDF per plan",
    ] {
        assert!(stderr(&output).contains(says), "{}", stderr(&output));
    }
    assert!(!Path::new(&dir.path().join("x.pdf")).exists());
}

#[test]
fn fifty_plans_with_three_broken_render_47_and_report_3_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let ids = [
        "chin-tuck",
        "clamshell",
        "glute-bridge",
        "cat-cow",
        "calf-raise",
    ];
    for number in 0..50 {
        let exercises = match number {
            7 => "clamshel".to_string(),
            23 => "glute-bridge, wall-sitt".to_string(),
            41 => "cat-cow\n".to_string(),
            _ => ids[number % ids.len()].to_string(),
        };
        let text = if number == 41 {
            "client: Broken Date\ndate: 2026-13-40\nexercises: [cat-cow]\n".to_string()
        } else {
            plan(&format!("Client {number}"), "2026-11-26", &exercises)
        };
        std::fs::create_dir_all(dir.path().join("plans")).unwrap();
        std::fs::write(
            dir.path().join(format!("plans/client-{number:02}.yaml")),
            text,
        )
        .unwrap();
    }
    let output = hep_in(dir.path(), &["render", "plans", "--out-dir", "out"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("47 rendered, 3 failed"), "{message}");
    assert!(message.contains("plans/client-07.yaml:4:13"), "{message}");
    assert!(message.contains("plans/client-23.yaml:4:27"), "{message}");
    assert!(message.contains("plans/client-41.yaml:2:7"), "{message}");
    let written = std::fs::read_dir(dir.path().join("out")).unwrap().count();
    assert_eq!(written, 47);
}
