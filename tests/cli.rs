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
    assert!(
        stderr(&output).contains("required arguments were not provided"),
        "{}",
        stderr(&output)
    );
    let output = hep(&["render", "x.yaml", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unexpected argument '--no-such-flag'"),
        "{}",
        stderr(&output)
    );
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

#[test]
fn init_makes_a_clinic_folder_that_renders_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let output = hep_in(dir.path(), &["init", "clinic"]);
    assert_success(&output);
    let clinic = dir.path().join("clinic");
    for file in [
        "clinic.yaml",
        "library/band-walk.yaml",
        "plans/sample.yaml",
        "README.txt",
    ] {
        assert!(clinic.join(file).is_file(), "{file}");
    }
    let output = hep_in(&clinic, &["check", "plans"]);
    assert_success(&output);
    assert!(
        stderr(&output).contains("0 errors, 0 warnings"),
        "{}",
        stderr(&output)
    );
    let output = hep_in(&clinic, &["render", "plans/sample.yaml"]);
    assert_success(&output);
    let text = pdf_text(&clinic.join("plans/sample.pdf"));
    assert_reads(&text, "Your Clinic Name");
    assert_reads(&text, "Band Walk");
    assert_reads(&text, "Use the green band.");

    let again = hep_in(dir.path(), &["init", "clinic"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("never overwrites"));
}

#[test]
fn new_plan_prints_a_skeleton_that_checks_once_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let output = hep_in(
        dir.path(),
        &[
            "new",
            "plan",
            "--client",
            "Jane Doe",
            "--exercises",
            "clamshell,glute-bridge",
        ],
    );
    assert_success(&output);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("client: Jane Doe\n"), "{text}");
    assert!(text.contains("  - clamshell\n  - glute-bridge\n"), "{text}");
    let today = jiff::ZonedDateTime::now().date().to_string();
    assert!(text.contains(&format!("date: {today}")), "{text}");
    std::fs::write(dir.path().join("jane.yaml"), &text).unwrap();
    assert_success(&hep_in(dir.path(), &["check", "jane.yaml"]));

    let output = hep_in(dir.path(), &["new", "plan", "--exercises", "clamshel"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("did you mean `clamshell`?"));
}

#[test]
fn completions_and_man_page_come_from_the_real_flags() {
    for shell in ["bash", "zsh", "fish"] {
        let output = hep(&["completions", shell]);
        assert_success(&output);
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(
            script.contains("out-dir"),
            "{shell} completion knows --out-dir"
        );
    }
    let output = hep(&["man"]);
    assert_success(&output);
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH hep"),
        "{page}"
    );
    assert!(page.contains("render"));
}

#[test]
fn quiet_prints_nothing_on_success_and_messages_have_no_colour_off_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), PLAN).unwrap();
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--quiet"]);
    assert_success(&output);
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    std::fs::write(
        dir.path().join("bad.yaml"),
        "client: x\nexercises: [nope]\n",
    )
    .unwrap();
    let output = hep_in(dir.path(), &["render", "bad.yaml", "--quiet"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with("error: unknown exercise `nope`"),
        "{message}"
    );
    assert!(
        !message.contains('\u{1b}'),
        "no escape codes when stderr is not a terminal"
    );
}

#[test]
fn version() {
    let output = hep(&["--version"]);
    assert_success(&output);
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("hep ")
    );
}

/// A clinic with a pale brand colour and more contact details than a footer line holds.
const CROWDED_CLINIC: &str = "name: Clinique de massothérapie et de réadaptation Saint-Jean-sur-Richelieu\n\
    phone: 450-555-0199\n\
    website: massotherapie-saint-jean-richelieu.example\n\
    colors: {primary: \"#F2E94E\"}\n\
    footer:\n  en: Questions about your exercises? Call or email us any day of the week; we are always happy to help you with them.\n  fr: Des questions sur vos exercices ? Appelez-nous ou écrivez-nous.\n";

#[test]
fn check_warns_when_a_brand_colour_is_darkened_or_the_footer_drops_the_web_site() {
    let dir = folder_with(&[
        ("clinic.yaml", CROWDED_CLINIC.as_bytes()),
        (
            "plan.yaml",
            format!(
                "clinic: clinic.yaml\nclient: Jeanne-Marguerite Bouchard-Lévesque\n{}",
                PLAN.trim_start_matches("client: Jane Doe\n")
            )
            .as_bytes(),
        ),
    ]);
    let output = hep_in(dir.path(), &["check", "plan.yaml"]);
    assert_success(&output);
    let message = stderr(&output);
    assert!(
        message.contains("the primary colour #F2E94E is too light"),
        "{message}"
    );
    assert!(
        message.contains("`massotherapie-saint-jean-richelieu.example` was left out"),
        "{message}"
    );
    let output = hep_in(dir.path(), &["render", "plan.yaml"]);
    assert_success(&output);
    let text = pdf_text(&dir.path().join("plan.pdf"));
    // The footer's note is whole on every page, never cut mid-word.
    assert_eq!(
        squeezed(&text)
            .matches(&squeezed("we are always happy to help you with them."))
            .count(),
        page_count(&dir.path().join("plan.pdf")),
        "{text}"
    );
}

#[test]
fn a_french_handout_prints_the_clinics_french_footer_only() {
    let dir = folder_with(&[
        ("clinic.yaml", CROWDED_CLINIC.as_bytes()),
        (
            "plan.yaml",
            format!(
                "clinic: clinic.yaml\nlanguage: fr\nclient: Jean Roy\n{}",
                PLAN.trim_start_matches("client: Jane Doe\n")
            )
            .as_bytes(),
        ),
    ]);
    let output = hep_in(dir.path(), &["render", "plan.yaml"]);
    assert_success(&output);
    let text = pdf_text(&dir.path().join("plan.pdf"));
    assert_reads(
        &text,
        "Des questions sur vos exercices ? Appelez-nous ou écrivez-nous.",
    );
    assert!(!text.contains("Questions about"), "{text}");
    assert_reads(&text, "(dans 2 semaines)");
}
