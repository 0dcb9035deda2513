//! Archival handouts: PDF/A-3b carrying the files they were made from, which `hep extract`
//! writes back out and which render the same handout again, byte for byte.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

/// Renders an example with `--archive` (and `extra`) into `dir`.
fn archive(dir: &Path, name: &str, libraries: &[&str], extra: &[&str]) -> PathBuf {
    let pdf = dir.join(format!("{name}.pdf"));
    let plan = format!("examples/plans/{name}.yaml");
    let mut args = vec!["render", &plan, "-o", pdf.to_str().unwrap(), "--archive"];
    for library in libraries {
        args.extend(["--library", library]);
    }
    args.extend(extra);
    assert_success(&hep(&args));
    pdf
}

/// Extracts a handout's record and returns the command `hep extract --json` gives to render
/// it again.
fn extract(pdf: &Path, into: &Path) -> Vec<String> {
    let output = hep(&[
        "extract",
        pdf.to_str().unwrap(),
        into.to_str().unwrap(),
        "--json",
    ]);
    assert_success(&output);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    report["render"]
        .as_array()
        .unwrap()
        .iter()
        .map(|word| word.as_str().unwrap().to_string())
        .collect()
}

/// Runs a command `hep extract` printed (`[VAR=value...] hep render ...`).
fn run_printed(command: &[String]) -> Output {
    let mut env = Vec::new();
    let mut words = command.iter();
    for word in words.by_ref() {
        match word.split_once('=') {
            Some((key, value)) if word != "hep" => env.push((key.to_string(), value.to_string())),
            _ => {
                assert_eq!(word, "hep");
                break;
            }
        }
    }
    let args: Vec<&str> = words.map(String::as_str).collect();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    hep_with_env(&repo(), &args, &env)
}

#[test]
fn every_example_archives_and_its_record_renders_it_again_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for (name, libraries) in EXAMPLES {
        let pdf = archive(dir.path(), name, libraries, &[]);
        let path = pdf.to_str().unwrap();
        assert!(tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors"));
        let meta = tool("pdfinfo", &["-meta", path]);
        assert!(
            meta.contains("<pdfaid:part>3</pdfaid:part>"),
            "{name}: {meta}"
        );
        assert!(
            meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
            "{name}"
        );
        let info = tool("pdfinfo", &[path]);
        assert!(info.contains("Tagged:          yes"), "{name}: {info}");

        let record = dir.path().join(format!("{name}-record"));
        let command = extract(&pdf, &record);
        let original_plan = std::fs::read(repo().join(format!("examples/plans/{name}.yaml")));
        let extracted_plan = std::fs::read(record.join(format!("{name}.yaml")));
        assert_eq!(
            extracted_plan.unwrap(),
            original_plan.unwrap(),
            "{name}: the plan as written"
        );

        assert_success(&run_printed(&command));
        let again = record.join(format!("{name}.pdf"));
        assert!(
            std::fs::read(&again).unwrap() == std::fs::read(&pdf).unwrap(),
            "{name}: rendering the record again gives different bytes ({command:?})"
        );
    }
}

#[test]
fn the_record_holds_the_plan_the_clinic_and_each_exercise_with_its_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = archive(
        dir.path(),
        "runner-video",
        &["examples/library"],
        &["--lang", "en"],
    );
    let listing = tool("pdfdetach", &["-list", pdf.to_str().unwrap()]);
    for expected in [
        "runner-video.yaml",
        "hep-render.yaml",
        "clinic/clinic.yaml",
        "clinic/logo.svg",
        "library/band-walk/band-walk.yaml",
        "library/clamshell/clamshell.yaml",
        "library/clamshell/clamshell-start.svg",
    ] {
        assert!(
            listing.contains(expected),
            "{expected} is missing from:\n{listing}"
        );
    }
    let record = dir.path().join("record");
    let command = extract(&pdf, &record);
    assert!(command.contains(&"--lang".to_string()), "{command:?}");
    let settings = std::fs::read_to_string(record.join("hep-render.yaml")).unwrap();
    assert!(settings.contains("language: en"), "{settings}");
    // What the record says was prescribed is the library entry of the day, word for word.
    let entry = std::fs::read(record.join("library/band-walk/band-walk.yaml")).unwrap();
    assert_eq!(
        entry,
        std::fs::read(repo().join("examples/library/band-walk.yaml")).unwrap()
    );
}

#[test]
fn the_record_keeps_what_was_prescribed_after_the_library_changes() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir(&library).unwrap();
    let entry = std::fs::read_to_string(repo().join("examples/library/band-walk.yaml")).unwrap();
    std::fs::write(library.join("band-walk.yaml"), &entry).unwrap();
    for picture in std::fs::read_dir(repo().join("examples/library")).unwrap() {
        let picture = picture.unwrap().path();
        if picture
            .extension()
            .is_some_and(|extension| extension != "yaml")
        {
            std::fs::copy(&picture, library.join(picture.file_name().unwrap())).unwrap();
        }
    }
    let pdf = archive(
        dir.path(),
        "runner-video",
        &[library.to_str().unwrap()],
        &[],
    );
    // The clinic rewrites the exercise after the visit.
    std::fs::write(
        library.join("band-walk.yaml"),
        entry.replace("Band Walk", "Banded Side Step"),
    )
    .unwrap();
    let record = dir.path().join("record");
    let command = extract(&pdf, &record);
    assert_success(&run_printed(&command));
    let again = record.join("runner-video.pdf");
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&pdf).unwrap());
    assert_reads(&pdf_text(&again), "Band Walk");
}

#[test]
fn the_pdf_says_it_was_made_on_the_session_date_or_at_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = archive(dir.path(), "jane-doe", &[], &[]);
    let info = tool("pdfinfo", &["-isodates", pdf.to_str().unwrap()]);
    assert!(
        info.contains("CreationDate:    2026-11-26T00:00:00Z"),
        "{info}"
    );

    let out = dir.path().join("epoch.pdf");
    let args = [
        "render",
        "examples/plans/jane-doe.yaml",
        "-o",
        out.to_str().unwrap(),
        "--archive",
    ];
    let epoch = [("SOURCE_DATE_EPOCH", "1700000000")];
    assert_success(&hep_with_env(&repo(), &args, &epoch));
    let first = std::fs::read(&out).unwrap();
    let info = tool("pdfinfo", &["-isodates", out.to_str().unwrap()]);
    assert!(
        info.contains("CreationDate:    2023-11-14T22:13:20Z"),
        "{info}"
    );
    assert_success(&hep_with_env(
        &repo(),
        &[&args[..], &["--force"]].concat(),
        &epoch,
    ));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        first,
        "the same inputs, the same bytes"
    );

    // The epoch travels in the record, so the handout can be made again.
    let command = extract(&out, &dir.path().join("record"));
    assert_eq!(command[0], "SOURCE_DATE_EPOCH=1700000000");
    assert_success(&run_printed(&command));
    assert_eq!(
        std::fs::read(dir.path().join("record/jane-doe.pdf")).unwrap(),
        first
    );
}

#[test]
fn a_clinic_can_make_every_handout_archival() {
    let clinic = std::fs::read_to_string(repo().join("examples/clinic.yaml")).unwrap();
    let logo = std::fs::read(repo().join("examples/logo.svg")).unwrap();
    let plan =
        "client: Ada Lovelace\ndate: 2026-11-20\nclinic: clinic.yaml\nexercises:\n  - clamshell\n";
    let folder = folder_with(&[
        (
            "clinic.yaml",
            format!("{clinic}\narchive: true\n").as_bytes(),
        ),
        ("logo.svg", &logo),
        ("ada.yaml", plan.as_bytes()),
    ]);
    assert_success(&hep_in(folder.path(), &["render", "ada.yaml"]));
    let listing = tool(
        "pdfdetach",
        &["-list", folder.path().join("ada.pdf").to_str().unwrap()],
    );
    assert!(listing.contains("ada.yaml"), "{listing}");
}

#[test]
fn extract_refuses_a_handout_without_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("plain.pdf");
    assert_success(&hep(&[
        "render",
        "examples/plans/sam-lee.yaml",
        "-o",
        pdf.to_str().unwrap(),
    ]));
    let output = hep(&[
        "extract",
        pdf.to_str().unwrap(),
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("carries no record"), "{message}");
    assert!(message.contains("--archive"), "{message}");
    assert!(!dir.path().join("out").exists(), "nothing is written");

    let output = hep(&[
        "extract",
        "Cargo.toml",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("not a readable PDF"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn extract_never_replaces_different_files_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = archive(dir.path(), "sam-lee", &[], &[]);
    let record = dir.path().join("record");
    std::fs::create_dir(&record).unwrap();
    std::fs::write(record.join("sam-lee.yaml"), "client: Someone Else\n").unwrap();
    let args = ["extract", pdf.to_str().unwrap(), record.to_str().unwrap()];
    let output = hep(&args);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("already holds different files"),
        "{}",
        stderr(&output)
    );
    assert!(
        !record.join("hep-render.yaml").exists(),
        "nothing is written when one file clashes"
    );
    assert_eq!(
        std::fs::read_to_string(record.join("sam-lee.yaml")).unwrap(),
        "client: Someone Else\n"
    );

    assert_success(&hep(&[&args[..], &["--force"]].concat()));
    assert!(
        std::fs::read_to_string(record.join("sam-lee.yaml"))
            .unwrap()
            .contains("Sam Lee")
    );
    // Extracting again over the same files is fine.
    assert_success(&hep(&args));
}

#[test]
fn phone_photos_archive_too() {
    // PDF/A forbids smoothing scaled images, which hep otherwise asks for on photos.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("photos.pdf");
    assert_success(&hep(&[
        "render",
        "bench/workload/handout.yaml",
        "--library",
        "bench/workload/library",
        "-o",
        pdf.to_str().unwrap(),
        "--archive",
    ]));
    let listing = tool("pdfdetach", &["-list", pdf.to_str().unwrap()]);
    assert!(
        listing.contains("library/band-walk/band-walk.jpg"),
        "{listing}"
    );
    let command = extract(&pdf, &dir.path().join("record"));
    assert_success(&run_printed(&command));
    let again = dir.path().join("record/handout.pdf");
    assert!(std::fs::read(again).unwrap() == std::fs::read(&pdf).unwrap());
}
