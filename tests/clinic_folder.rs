//! The clinic folder is found, not configured: from a plan (or the current folder) hep walks up
//! to the nearest `clinic.yaml` and uses that folder's clinic file and `library/`.

mod common;

use std::path::Path;

use common::*;

/// A clinic folder made by `hep init`, inside a fresh temporary folder.
fn initialised() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    assert_success(&hep_in(dir.path(), &["init", "riverside"]));
    let clinic = dir.path().join("riverside");
    (dir, clinic)
}

#[test]
fn an_init_folder_works_with_no_flags_from_inside_and_outside() {
    let (dir, clinic) = initialised();

    // Inside: render, check and list need nothing more.
    let output = hep_in(&clinic, &["render", "plans/sample.yaml"]);
    assert_success(&output);
    let text = pdf_text(&clinic.join("plans/sample.pdf"));
    assert_reads(&text, "Your Clinic Name");
    assert_reads(&text, "Band Walk");
    let output = hep_in(&clinic, &["check", "plans"]);
    assert_success(&output);
    assert!(stderr(&output).contains("0 errors"), "{}", stderr(&output));
    let output = hep_in(&clinic, &["list"]);
    assert_success(&output);
    assert!(String::from_utf8_lossy(&output.stdout).contains("band-walk"));
    // From a folder below it, too.
    let output = hep_in(&clinic.join("plans"), &["show", "band-walk"]);
    assert_success(&output);
    let output = hep_in(&clinic.join("plans"), &["check"]);
    assert_success(&output);

    // Outside: the plan's own path leads to the folder.
    std::fs::remove_file(clinic.join("plans/sample.pdf")).unwrap();
    let output = hep_in(dir.path(), &["render", "riverside/plans/sample.yaml"]);
    assert_success(&output);
    assert_reads(
        &pdf_text(&clinic.join("plans/sample.pdf")),
        "Your Clinic Name",
    );
    let output = hep_in(dir.path(), &["check", "riverside/plans"]);
    assert_success(&output);
    assert!(stderr(&output).contains("0 errors"), "{}", stderr(&output));

    // Outside any clinic folder, the clinic's own exercise is unknown, as it should be.
    let output = hep_in(dir.path(), &["show", "band-walk"]);
    assert!(!output.status.success());
}

#[test]
fn the_init_message_and_guide_use_flag_free_commands() {
    let dir = tempfile::tempdir().unwrap();
    let output = hep_in(dir.path(), &["init", "riverside"]);
    assert_success(&output);
    let message = stderr(&output);
    assert!(
        message.contains("hep render plans/sample.yaml"),
        "{message}"
    );
    let guide = std::fs::read_to_string(dir.path().join("riverside/README.txt")).unwrap();
    for text in [&message, &guide] {
        assert!(!text.contains("--library"), "{text}");
        assert!(!text.contains("HEP_LIBRARY"), "{text}");
    }
    assert!(guide.contains("hep check plans"));
}

const CLINIC_LIBRARY_EXERCISE: &str =
    "name: {name}\nregion: hip\ncategory: strength\nsteps:\n  - {step}\n";

/// A clinic folder with its own clinic name and its own `clamshell`.
fn clinic_folder(root: &Path, clinic_name: &str, exercise_name: &str) {
    std::fs::create_dir_all(root.join("library")).unwrap();
    std::fs::create_dir_all(root.join("plans")).unwrap();
    std::fs::write(root.join("clinic.yaml"), format!("name: {clinic_name}\n")).unwrap();
    std::fs::write(
        root.join("library/clamshell.yaml"),
        CLINIC_LIBRARY_EXERCISE
            .replace("{name}", exercise_name)
            .replace("{step}", "Lift the top knee."),
    )
    .unwrap();
    std::fs::write(
        root.join("plans/client.yaml"),
        "client: Jo Client\ndate: 2026-11-26\nexercises:\n  - clamshell\n",
    )
    .unwrap();
}

#[test]
fn in_a_batch_each_plan_uses_its_own_folders_clinic_and_library() {
    let dir = tempfile::tempdir().unwrap();
    clinic_folder(&dir.path().join("north"), "North Clinic", "North Clamshell");
    clinic_folder(&dir.path().join("south"), "South Clinic", "South Clamshell");
    let output = hep_in(dir.path(), &["render", "north/plans", "south/plans"]);
    assert_success(&output);
    let north = pdf_text(&dir.path().join("north/plans/client.pdf"));
    let south = pdf_text(&dir.path().join("south/plans/client.pdf"));
    assert_reads(&north, "North Clinic");
    assert_reads(&north, "North Clamshell");
    assert_reads(&south, "South Clinic");
    assert_reads(&south, "South Clamshell");
    assert!(!north.contains("South"), "{north}");
    assert!(!south.contains("North"), "{south}");
}

#[test]
fn flags_and_plans_override_the_folder_in_the_stated_order() {
    let dir = tempfile::tempdir().unwrap();
    clinic_folder(&dir.path().join("north"), "North Clinic", "North Clamshell");
    clinic_folder(&dir.path().join("other"), "Other Clinic", "Other Clamshell");
    let plans = dir.path().join("north/plans");

    // --clinic beats the folder's clinic.yaml; HEP_CLINIC does too.
    let output = hep_in(
        &plans,
        &[
            "render",
            "client.yaml",
            "-o",
            "flag.pdf",
            "--clinic",
            "../../other/clinic.yaml",
        ],
    );
    assert_success(&output);
    let text = pdf_text(&plans.join("flag.pdf"));
    assert_reads(&text, "Other Clinic");
    assert_reads(&text, "North Clamshell");
    let output = hep_with_env(
        &plans,
        &["render", "client.yaml", "-o", "env.pdf"],
        &[("HEP_CLINIC", "../../other/clinic.yaml")],
    );
    assert_success(&output);
    assert_reads(&pdf_text(&plans.join("env.pdf")), "Other Clinic");

    // --library (and HEP_LIBRARY) layer over the folder's library/: their ids win.
    let output = hep_in(
        &plans,
        &[
            "render",
            "client.yaml",
            "-o",
            "library.pdf",
            "--library",
            "../../other/library",
        ],
    );
    assert_success(&output);
    let text = pdf_text(&plans.join("library.pdf"));
    assert_reads(&text, "North Clinic");
    assert_reads(&text, "Other Clamshell");

    // A plan's own `clinic:` beats the folder's; `clinic: none` is the neutral brand.
    std::fs::write(
        plans.join("neutral.yaml"),
        "client: Jo Client\ndate: 2026-11-26\nclinic: none\nexercises:\n  - clamshell\n",
    )
    .unwrap();
    assert_success(&hep_in(&plans, &["render", "neutral.yaml"]));
    let text = pdf_text(&plans.join("neutral.pdf"));
    assert!(!text.contains("North Clinic"), "{text}");
    assert_reads(&text, "North Clamshell");
}
