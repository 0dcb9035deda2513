//! Tagged, accessible handouts: every example has a structure a screen reader can follow
//! (a heading per exercise, described pictures, numbered steps, the log as a table), its
//! language and title set, bookmarks per exercise, and passes the PyPI `pdfua` checker.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;
use hep::load::library::LibrarySources;
use hep::resolve::handout::Handout;
use hep::workspace::PlanInput;

/// The handout hep makes of an example, to know what the PDF must hold.
fn handout(name: &str, libraries: &[&str]) -> Handout {
    let workspace = workspace_with(libraries.iter().map(|folder| repo().join(folder)).collect());
    let path = repo().join(format!("examples/plans/{name}.yaml"));
    let plan = workspace.plan(PlanInput::File(&path)).unwrap();
    workspace.handout(&plan).unwrap()
}

#[test]
fn every_exercise_has_a_heading_and_every_picture_its_description() {
    for example in rendered_examples() {
        let (name, libraries, pdf) = (example.name, example.libraries, &example.pdf);
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(info.contains("Tagged:          yes"), "{name}: {info}");
        let handout = handout(name, libraries);
        let tree = structure_tree(pdf);

        let headings: Vec<String> = tree
            .iter()
            .filter(|element| element.role == "H2")
            .filter_map(|element| element.title.clone())
            .filter(|title| {
                title
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
            })
            .collect();
        let expected: Vec<String> = handout
            .cards
            .iter()
            .map(|card| format!("{}. {}", card.number, card.name))
            .collect();
        assert_eq!(
            headings, expected,
            "{name}: one heading per exercise, in order"
        );

        let described: Vec<String> = tree
            .iter()
            .filter(|element| element.role == "Figure")
            .filter_map(|element| element.alt.clone())
            .collect();
        for card in &handout.cards {
            for picture in &card.pictures {
                let alt = picture
                    .alt
                    .clone()
                    .expect("every example picture has alt text");
                assert!(described.contains(&alt), "{name}: no figure reads {alt:?}");
            }
        }
        assert!(
            tree.iter()
                .filter(|element| element.role == "Figure")
                .all(|element| element.alt.as_deref().is_some_and(|alt| !alt.is_empty())),
            "{name}: a figure has no description"
        );

        // Steps are numbered lists: one list item per step.
        let steps: usize = handout.cards.iter().map(|card| card.steps.len()).sum();
        let items = tree.iter().filter(|element| element.role == "LI").count();
        assert!(
            items >= steps,
            "{name}: {items} list items for {steps} steps"
        );

        // Bookmarks: the title, then each exercise, in order.
        let marks = bookmarks(pdf);
        assert_eq!(marks.first().map(String::as_str), Some(handout.words.title));
        let exercise_marks: Vec<&String> = marks
            .iter()
            .filter(|mark| expected.contains(mark))
            .collect();
        assert_eq!(
            exercise_marks.len(),
            expected.len(),
            "{name}: bookmarks {marks:?}"
        );
    }
}

#[test]
fn language_title_and_translations_are_declared() {
    let french = &rendered_example("jean-tremblay-fr").pdf;
    let document = lopdf::Document::load(french).unwrap();
    let catalog = document.catalog().unwrap();
    assert_eq!(
        catalog
            .get(b"Lang")
            .ok()
            .and_then(|lang| lopdf::decode_text_string(lang).ok())
            .as_deref(),
        Some("fr-CA"),
        "the document's language, which screen readers speak it in"
    );
    let raw = tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            french.to_str().unwrap(),
            "-",
        ],
    );
    assert!(
        raw.contains("/Lang (fr-CA)"),
        "the French handout declares French"
    );
    assert!(
        raw.contains("/DisplayDocTitle true"),
        "viewers show the title"
    );

    let tree = structure_tree(&rendered_example("bilingual").pdf);
    let english: Vec<_> = tree
        .iter()
        .filter(|element| element.lang.as_deref() == Some("en-CA"))
        .collect();
    assert!(
        english.len() >= 10,
        "the English translations of a French-English handout are marked English: {tree:?}"
    );
}

#[test]
fn the_tracking_log_is_a_table_with_header_cells() {
    let handout = handout("with-log", &[]);
    let log = handout.log.expect("the example has a log");
    let tree = structure_tree(&rendered_example("with-log").pdf);
    let headers = tree.iter().filter(|element| element.role == "TH").count();
    // Per week: one header per day and one per exercise row; plus the dosage boxes' labels.
    let weeks = log.days.len().div_ceil(7);
    assert!(
        headers >= log.days.len() + weeks * log.rows.len(),
        "{headers} header cells for {} days and {} rows",
        log.days.len(),
        log.rows.len()
    );
    assert!(tree.iter().any(|element| element.role == "Table"));
    assert!(tree.iter().filter(|element| element.role == "TD").count() >= log.days.len());
}

/// The PyPI `pdfua` checker: `PDFUA`, else the CI's virtual environment, else `PATH`.
fn pdfua() -> PathBuf {
    if let Some(path) = std::env::var_os("PDFUA") {
        return path.into();
    }
    let venv = repo().join("target/ci-venv/bin/pdfua");
    if venv.is_file() {
        return venv;
    }
    PathBuf::from("pdfua")
}

#[test]
fn every_example_passes_the_pdfua_checker() {
    for example in rendered_examples() {
        let (name, pdf) = (example.name, &example.pdf);
        let output = Command::new(pdfua())
            .args(["check", pdf.to_str().unwrap()])
            .output()
            .unwrap_or_else(|error| {
                panic!(
                    "the pdfua checker must be installed ({error}): python3 -m venv \
                     target/ci-venv && target/ci-venv/bin/pip install pdfua (.ci/run does this)"
                )
            });
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{name}: pdfua found problems:\n{report}"
        );
        assert!(report.contains("PASS"), "{name}: {report}");
    }
}

#[test]
fn a_french_handout_describes_its_pictures_and_equipment_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("fr.yaml");
    std::fs::write(
        &plan,
        "client: Jean Tremblay\ndate: 2026-11-26\nlanguage: fr\nexercises: [clamshell, band-row]\n",
    )
    .unwrap();
    let pdf = dir.path().join("fr.pdf");
    assert_success(&hep(&[
        "render",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]));
    let figures: Vec<String> = structure_tree(&pdf)
        .into_iter()
        .filter(|element| element.role == "Figure")
        .filter_map(|element| element.alt)
        .collect();
    // Typeset like the rest of the French text: a no-break space before `:` `;` `!` `?`.
    let typeset = |text: &str| text.replace(" :", "\u{a0}:").replace(" ;", "\u{a0};");
    let library = hep::load::library::Library::load(&LibrarySources {
        bundled: true,
        folders: vec![],
    })
    .unwrap();
    let mut described = 0;
    for id in ["clamshell", "band-row"] {
        let exercise = library.get(id).unwrap();
        for illustration in &exercise.illustrations {
            let alt = illustration.entry.alt.as_ref().unwrap();
            let french = typeset(alt.get("fr", &exercise.language).unwrap());
            let english = alt.get("en", &exercise.language).unwrap();
            assert!(
                figures.contains(&french),
                "no figure reads {french:?}: {figures:?}"
            );
            assert!(
                !figures.contains(english),
                "{english:?} on a French handout"
            );
            described += 1;
        }
    }
    assert_eq!(described, 4);
    assert!(
        figures
            .iter()
            .any(|alt| alt.starts_with("Sur le côté gauche")),
        "{figures:?}"
    );
    let text = pdf_text(&pdf);
    assert_reads(&text, "Matériel");
    assert_reads(&text, "Bande élastique, ancrage de porte");
}
