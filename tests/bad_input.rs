//! Every kind of bad input is refused with a message about the user's own file, exit code 1,
//! and no PDF written.

mod common;

use std::path::Path;

use common::*;

/// Writes `plan` into a fresh folder (with `files` beside it), renders it, and returns the
/// folder and hep's messages after checking that it failed cleanly.
fn refused(plan: &str, files: &[(&str, &[u8])], extra: &[&str]) -> (tempfile::TempDir, String) {
    let dir = folder_with(files);
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    let mut args = vec!["render", "plan.yaml"];
    args.extend_from_slice(extra);
    let output = hep_in(dir.path(), &args);
    let message = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "hep should refuse this plan:\n{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
    assert!(
        !dir.path().join("plan.pdf").exists(),
        "no PDF is written on failure"
    );
    (dir, message)
}

fn assert_says(message: &str, expected: &[&str]) {
    for part in expected {
        assert!(message.contains(part), "expected {part:?} in:\n{message}");
    }
}

const GOOD_START: &str = "client: Jane Doe\ndate: 2026-11-26\n";

#[test]
fn unknown_exercise_id_suggests_the_closest_ids() {
    let (_dir, message) = refused(&format!("{GOOD_START}exercises:\n  - clamshel\n"), &[], &[]);
    assert_says(
        &message,
        &[
            "unknown exercise `clamshel`",
            "plan.yaml:4:5",
            "did you mean `clamshell`?",
            "4 |   - clamshel",
        ],
    );
}

#[test]
fn every_unknown_id_is_reported_not_only_the_first() {
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises:\n  - clamshel\n  - id: glute-bridj\n    sets: 2\n"),
        &[],
        &[],
    );
    assert_says(
        &message,
        &[
            "`clamshel`",
            "plan.yaml:4:5",
            "`glute-bridj`",
            "plan.yaml:5:9",
            "did you mean `glute-bridge`?",
        ],
    );
}

#[test]
fn unknown_field_with_did_you_mean() {
    let (_dir, message) = refused(&format!("{GOOD_START}exercise:\n  - clamshell\n"), &[], &[]);
    assert_says(
        &message,
        &[
            "unknown field `exercise`",
            "plan.yaml:3:1",
            "did you mean `exercises`?",
        ],
    );
}

#[test]
fn wrong_type() {
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises:\n  - id: clamshell\n    sets: [2]\n"),
        &[],
        &[],
    );
    assert_says(&message, &["plan.yaml:5:"]);
}

#[test]
fn bad_date() {
    let (_dir, message) = refused(
        "client: Jane\ndate: 2026-02-30\nexercises: [clamshell]\n",
        &[],
        &[],
    );
    assert_says(
        &message,
        &[
            "`2026-02-30` is not a real date",
            "plan.yaml:2:7",
            "YYYY-MM-DD",
        ],
    );
}

#[test]
fn bad_duration_lists_the_accepted_forms() {
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises:\n  - id: clamshell\n    hold: 3 parsecs\n"),
        &[],
        &[],
    );
    assert_says(
        &message,
        &[
            "`3 parsecs` is not a duration",
            "plan.yaml:5:11",
            "`30s`",
            "`2 min`",
        ],
    );
}

#[test]
fn bad_frequency_lists_the_accepted_forms() {
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises:\n  - id: clamshell\n    frequency: sometimes\n"),
        &[],
        &[],
    );
    assert_says(
        &message,
        &[
            "`sometimes` is not a frequency",
            "plan.yaml:5:16",
            "every other day",
            "3x/week",
        ],
    );
}

#[test]
fn follow_up_before_the_session() {
    let (_dir, message) = refused(
        &format!("{GOOD_START}follow_up: 2026-11-20\nexercises: [clamshell]\n"),
        &[],
        &[],
    );
    assert_says(
        &message,
        &["is not after the session date", "plan.yaml:3:12"],
    );
}

#[test]
fn zero_and_negative_counts() {
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises:\n  - id: clamshell\n    sets: 0\n"),
        &[],
        &[],
    );
    assert_says(&message, &["at least 1, not 0", "plan.yaml:5:11"]);
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises:\n  - id: clamshell\n    reps: -3\n"),
        &[],
        &[],
    );
    assert_says(&message, &["at least 1, not -3", "plan.yaml:5:11"]);
}

#[test]
fn empty_exercise_list() {
    let (_dir, message) = refused(&format!("{GOOD_START}exercises: []\n"), &[], &[]);
    assert_says(&message, &["the plan lists no exercises", "plan.yaml:3:"]);
}

#[test]
fn missing_glyph() {
    let (_dir, message) = refused("client: Jane ☐ Doe\nexercises: [clamshell]\n", &[], &[]);
    assert_says(&message, &["cannot print", "U+2610"]);
}

const CUSTOM_EXERCISE: &str = "name: Band Walk\nregion: hip\ncategory: strength\nillustrations:\n  - file: walk.png\nsteps:\n  - Step to the side.\n";

#[test]
fn missing_image_names_its_resolved_path() {
    let (dir, message) = refused(
        &format!("{GOOD_START}exercises: [band-walk]\n"),
        &[("mylib/band-walk.yaml", CUSTOM_EXERCISE.as_bytes())],
        &["--library", "mylib"],
    );
    let expected = Path::new("mylib").join("walk.png");
    assert_says(
        &message,
        &[
            "cannot use illustration",
            &expected.display().to_string(),
            "no such file",
            "band-walk.yaml:5:5",
        ],
    );
    drop(dir);
}

#[test]
fn corrupt_image() {
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises: [band-walk]\n"),
        &[
            ("mylib/band-walk.yaml", CUSTOM_EXERCISE.as_bytes()),
            ("mylib/walk.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR broken"),
        ],
        &["--library", "mylib"],
    );
    assert_says(&message, &["walk.png", "damaged or incomplete"]);
}

#[test]
fn enormous_image_is_refused_before_decoding() {
    // A valid PNG header claiming 60000 x 60000 pixels: a decompression bomb.
    let png = png_claiming(60_000, 60_000);
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises: [band-walk]\n"),
        &[
            ("mylib/band-walk.yaml", CUSTOM_EXERCISE.as_bytes()),
            ("mylib/walk.png", &png),
        ],
        &["--library", "mylib"],
    );
    assert_says(&message, &["walk.png"]);
    assert!(
        message.contains("megapixels") || message.contains("limit"),
        "{message}"
    );
}

#[test]
fn broken_library_file_is_reported_at_its_line() {
    // Render parses the library files a plan names (here `bad`, from its file name).
    let (_dir, message) = refused(
        &format!("{GOOD_START}exercises: [clamshell, bad]\n"),
        &[(
            "mylib/bad.yaml",
            b"name: Bad\nregion: hips\ncategory: strength\nsteps: [x]\n",
        )],
        &["--library", "mylib"],
    );
    assert_says(
        &message,
        &[
            "unknown value `hips`",
            "bad.yaml:2:9",
            "did you mean `hip`?",
        ],
    );
}

#[test]
fn a_broken_library_file_the_plan_does_not_use_is_for_check_to_report() {
    let dir = folder_with(&[(
        "mylib/bad.yaml",
        b"name: Bad\nregion: hips\ncategory: strength\nsteps: [x]\n",
    )]);
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!("{GOOD_START}exercises: [clamshell]\n"),
    )
    .unwrap();
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--library", "mylib"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("plan.pdf").is_file());
    let output = hep_in(dir.path(), &["check", "--library", "mylib"]);
    assert_eq!(output.status.code(), Some(1));
    assert_says(&stderr(&output), &["bad.yaml:2:9", "did you mean `hip`?"]);
}

#[test]
fn an_existing_pdf_is_left_untouched_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!("{GOOD_START}exercises: [nope]\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("plan.pdf"), b"the handout from last week").unwrap();
    let output = hep_in(dir.path(), &["render", "plan.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read(dir.path().join("plan.pdf")).unwrap(),
        b"the handout from last week"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temporary file remains"
    );
}

#[test]
fn a_write_over_a_folder_is_refused_names_the_file_and_leaves_it_alone() {
    // `out` is a folder: the PDF cannot take its place.
    let dir = folder_with(&[
        (
            "plan.yaml",
            format!("{GOOD_START}exercises: [clamshell]\n").as_bytes(),
        ),
        ("out/keep.txt", b"the clinic's file"),
    ]);
    let output = hep_in(dir.path(), &["render", "plan.yaml", "-o", "out", "--json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(line["status"], "error", "{line}");
    assert_eq!(line["errors"][0]["code"], "io", "{line}");
    assert_eq!(line["errors"][0]["file"], "out", "{line}");
    assert!(
        line["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("`out`"),
        "{line}"
    );
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["out", "plan.yaml"], "no temporary file remains");
    assert_eq!(
        std::fs::read(dir.path().join("out/keep.txt")).unwrap(),
        b"the clinic's file"
    );
}

#[test]
fn missing_plan_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = hep_in(dir.path(), &["render", "nope.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_says(
        &stderr(&output),
        &["cannot read `nope.yaml`", "no such file"],
    );
}

#[test]
fn missing_clinic_file_points_at_the_plan_line() {
    let (_dir, message) = refused(
        &format!("{GOOD_START}clinic: clinic.yml\nexercises: [clamshell]\n"),
        &[],
        &[],
    );
    assert_says(&message, &["clinic.yml` does not exist", "plan.yaml:3:9"]);
}
