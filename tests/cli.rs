//! The command line as scripts use it: standard input and output, exit codes, defaults.

mod common;

use common::*;

const PLAN: &str = "client: Jane Doe\ndate: 2026-11-26\nfollow_up: 2 weeks\nexercises: [clamshell, glute-bridge]\n";

#[test]
fn plan_from_stdin_pdf_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let output = hep_with_stdin(
        dir.path(),
        &["render", "-", "-o", "-"],
        Some(PLAN.as_bytes()),
    );
    assert_success(&output);
    assert!(
        output.stdout.starts_with(b"%PDF-"),
        "stdout carries only the PDF"
    );
    assert!(output.stdout.ends_with(b"%%EOF\n") || output.stdout.ends_with(b"%%EOF"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing else is written"
    );
}

#[test]
fn stdin_without_an_output_is_an_error_not_a_surprise() {
    let dir = tempfile::tempdir().unwrap();
    let output = hep_with_stdin(dir.path(), &["render", "-"], Some(PLAN.as_bytes()));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("-o -"));
}

#[test]
fn default_output_is_the_plan_path_with_pdf() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::write(dir.path().join("plans/jane.yaml"), PLAN).unwrap();
    let output = hep_in(dir.path(), &["render", "plans/jane.yaml"]);
    assert_success(&output);
    assert!(dir.path().join("plans/jane.pdf").is_file());
    assert!(stderr(&output).contains("plans/jane.pdf"));
    assert!(output.stdout.is_empty(), "human messages go to stderr");
}

#[test]
fn usage_errors_exit_with_2() {
    let output = hep(&["render"]);
    assert_eq!(output.status.code(), Some(2));
    let output = hep(&["render", "x.yaml", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn clinic_flag_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), PLAN).unwrap();
    let clinic = repo().join("examples/clinic.yaml");
    let output = hep_in(
        dir.path(),
        &["render", "plan.yaml", "--clinic", clinic.to_str().unwrap()],
    );
    assert_success(&output);
    let text = pdf_text(&dir.path().join("plan.pdf"));
    assert_reads(&text, "Riverside Massage Therapy");

    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_hep"));
    let status = command
        .args(["render", "plan.yaml", "-o", "env.pdf"])
        .current_dir(dir.path())
        .env("HEP_CLINIC", &clinic)
        .status()
        .unwrap();
    assert!(status.success());
    assert_reads(&pdf_text(&dir.path().join("env.pdf")), "613-555-0142");
}

#[test]
fn a_clinic_library_overrides_a_bundled_exercise() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("mylib")).unwrap();
    std::fs::write(
        dir.path().join("mylib/clamshell.yaml"),
        "name: Our Clamshell\nregion: hip\ncategory: strength\nsteps:\n  - Do it our way.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("plan.yaml"), PLAN).unwrap();
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--library", "mylib"]);
    assert_success(&output);
    let text = pdf_text(&dir.path().join("plan.pdf"));
    assert_reads(&text, "Our Clamshell");
    assert_reads(&text, "Do it our way.");
    assert_reads(&text, "Glute Bridge");

    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plan.yaml",
            "--library",
            "mylib",
            "--no-bundled-library",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("unknown exercise `glute-bridge`"));
}
