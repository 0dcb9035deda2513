//! French handouts: fixed words, dates, dosage sentences and exercise texts in Canadian French.

mod common;

use common::*;
use hep::layout::lay_out;
use hep::load::library::LibrarySources;
use hep::workspace::PlanInput;

#[test]
fn a_french_plan_reads_in_french_with_its_accents() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("fr.pdf");
    assert_success(&hep(&[
        "render",
        "examples/plans/jean-tremblay-fr.yaml",
        "-o",
        pdf.to_str().unwrap(),
    ]));
    let text = pdf_text(&pdf);
    for expected in [
        "Votre programme d’exercices à domicile",
        "Votre prochain rendez-vous",
        "jeudi 10 décembre 2026 (dans 2 semaines)",
        "26 novembre 2026",
        "Si la douleur disparaît d’ici là, n’hésitez pas à annuler.",
        "Palourde",
        "2 séries de 12 de chaque côté.",
        "Une fois par jour, tous les jours",
        "3 jours par semaine",
        "Couchez-vous sur le côté gauche",
        "Départ",
        "Page 1 de",
    ] {
        assert_reads(&text, expected);
    }
}

#[test]
fn french_punctuation_gets_no_break_spaces() {
    let workspace = workspace_with(Vec::new());
    let plan = workspace
        .plan(PlanInput::File(
            &repo().join("examples/plans/jean-tremblay-fr.yaml"),
        ))
        .unwrap();
    let handout = workspace.handout(&plan).unwrap();
    let notes = handout.notes.join(" ");
    assert!(
        notes.contains("normale\u{a0}; une douleur vive ne l’est pas\u{a0}:"),
        "{notes}"
    );
    let document = lay_out(&handout);
    let printed: String = document
        .pages
        .iter()
        .flat_map(|page| page.text_lines())
        .map(|line| line.text.clone())
        .collect();
    assert!(
        printed.contains("\u{a0};"),
        "the no-break space reaches the page"
    );
    assert!(
        !printed.contains(" ;"),
        "no breakable space before a semicolon"
    );
}

#[test]
fn a_missing_translation_names_the_field_unless_fallback_is_allowed() {
    // A clinic's own exercise, written in English only.
    let dir = folder_with(&[
        (
            "plan.yaml",
            b"client: Jean\nlanguage: fr\nexercises: [clamshell, band-walk]\n",
        ),
        (
            "clinic/band-walk.yaml",
            b"name: Band Walk\nregion: hip\ncategory: strength\nsteps: [Step sideways.]\n",
        ),
    ]);
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--library", "clinic"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("exercise `band-walk` has no `fr` text for `name`"),
        "{message}"
    );
    assert!(message.contains("band-walk.yaml"), "{message}");
    assert!(message.contains("--allow-fallback"), "{message}");

    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plan.yaml",
            "--library",
            "clinic",
            "--allow-fallback",
        ],
    );
    assert_success(&output);
    assert!(
        stderr(&output).contains("warning: exercise `band-walk` has no `fr` text"),
        "{}",
        stderr(&output)
    );
    let text = pdf_text(&dir.path().join("plan.pdf"));
    assert_reads(&text, "Palourde");
    assert_reads(&text, "Band Walk");

    let output = hep_in(dir.path(), &["render", "plan.yaml", "--lang", "de"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_lang_flag_overrides_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.yaml"),
        "client: Jane\ndate: 2026-11-26\nfollow_up: 2026-12-01\nexercises: [chin-tuck]\n",
    )
    .unwrap();
    assert_success(&hep_in(
        dir.path(),
        &["render", "plan.yaml", "--lang", "fr"],
    ));
    let text = pdf_text(&dir.path().join("plan.pdf"));
    assert_reads(&text, "mardi 1er décembre 2026 (dans 5 jours)");
    assert_reads(&text, "Rentrée du menton");
}

#[test]
fn a_bilingual_handout_carries_both_languages_french_first() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("bi.pdf");
    assert_success(&hep(&[
        "render",
        "examples/plans/bilingual.yaml",
        "-o",
        pdf.to_str().unwrap(),
    ]));
    let text = pdf_text(&pdf);
    for (french, english) in [
        (
            "Votre programme d’exercices à domicile",
            "Your home exercise program",
        ),
        (
            "jeudi 17 décembre 2026 (dans 3 semaines)",
            "Thursday, December 17, 2026 (in 3 weeks)",
        ),
        ("Rentrée du menton", "Chin Tuck"),
        (
            "Tenez 5 secondes. Répétez 10 fois.",
            "Hold 5 seconds. Repeat 10 times.",
        ),
        (
            "3 fois par jour, tous les jours",
            "3 times a day, every day",
        ),
        ("Départ · Start", "Rentrée · Tuck"),
    ] {
        assert_reads(&text, french);
        assert_reads(&text, english);
        if french != "Départ · Start" {
            let squeezed_text = squeezed(&text);
            assert!(
                squeezed_text.find(&squeezed(french)) < squeezed_text.find(&squeezed(english)),
                "{french} comes before {english}"
            );
        }
    }
}

/// A French exercise whose equipment and picture caption have a colon, in a clinic's library.
const BAND_WALK_FR: &str = "language: fr\nname: Marche latérale\nregion: hip\ncategory: strength\nequipment: [\"Élastique : vert\"]\nillustrations:\n  - file: start.svg\n    caption: \"Départ : debout\"\n    alt: Debout, élastique autour des cuisses\nsteps:\n  - Faites un pas de côté.\n";

/// The handout of a one-exercise plan over the library in `dir/lib`.
fn handout_in(dir: &std::path::Path, plan: &str) -> Result<hep::resolve::handout::Handout, String> {
    std::fs::write(dir.join("plan.yaml"), plan).unwrap();
    let workspace = workspace_with(vec![dir.join("lib")]);
    let plan = workspace
        .plan(PlanInput::File(&dir.join("plan.yaml")))
        .unwrap();
    workspace
        .handout(&plan)
        .map_err(|problems| problems.to_string())
}

#[test]
fn french_equipment_and_captions_get_their_no_break_spaces_too() {
    let picture = std::fs::read(repo().join("library/hip/clamshell-start.svg")).unwrap();
    let dir = folder_with(&[
        ("lib/band-walk.yaml", BAND_WALK_FR.as_bytes()),
        ("lib/start.svg", &picture),
    ]);
    let handout = handout_in(
        dir.path(),
        "client: Jean\nlanguage: fr\nexercises: [band-walk]\n",
    )
    .unwrap();
    let card = &handout.cards[0];
    assert_eq!(card.equipment.as_deref(), Some("Élastique\u{a0}: vert"));
    assert_eq!(
        card.pictures[0].caption.as_deref(),
        Some("Départ\u{a0}: debout")
    );
}

#[test]
fn the_font_check_reads_the_second_language_of_a_bilingual_handout() {
    let dir = folder_with(&[(
        "lib/odd.yaml",
        "name: {fr: Étirement, en: Stretch}\nregion: hip\ncategory: stretch\nsteps:\n  fr: [Tenez 30 secondes.]\n  en: [Hold ☐ 30 seconds.]\n"
            .as_bytes(),
    )]);
    let refused = handout_in(
        dir.path(),
        "client: Jean\nlanguage: [fr, en]\nexercises: [odd]\n",
    )
    .unwrap_err();
    assert!(refused.contains("cannot print"), "{refused}");
    assert!(refused.contains("U+2610"), "{refused}");
}

#[test]
fn every_bundled_exercise_renders_in_french_without_fallback() {
    let library = hep::load::library::Library::load(&LibrarySources {
        bundled: true,
        folders: vec![],
    })
    .unwrap();
    let mut regions: Vec<_> = library
        .exercises()
        .map(|exercise| exercise.region)
        .collect();
    regions.sort();
    regions.dedup();
    let dir = tempfile::tempdir().unwrap();
    let mut rendered = 0;
    for region in regions {
        let exercises: Vec<_> = library
            .exercises()
            .filter(|exercise| exercise.region == region)
            .collect();
        let ids: Vec<&str> = exercises
            .iter()
            .map(|exercise| exercise.id.as_str())
            .collect();
        let plan = dir.path().join(format!("{}.yaml", region.id()));
        std::fs::write(
            &plan,
            format!(
                "client: Jean Tremblay\ndate: 2026-11-26\nlanguage: fr\nexercises: [{}]\n",
                ids.join(", ")
            ),
        )
        .unwrap();
        let pdf = plan.with_extension("pdf");
        let output = hep(&[
            "render",
            plan.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ]);
        assert_success(&output);
        assert!(
            !stderr(&output).contains("has no `fr` text"),
            "{}",
            stderr(&output)
        );
        let text = pdf_text(&pdf);
        for exercise in exercises {
            let text_fr = exercise.text_in("fr").unwrap();
            assert_ne!(
                text_fr.name, exercise.name,
                "{} has a French name",
                exercise.id
            );
            assert_reads(&text, &text_fr.name);
            assert_reads(&text, &text_fr.steps[0]);
            rendered += 1;
        }
    }
    assert_eq!(rendered, library.exercises().count());
    assert_eq!(
        rendered,
        bundled_exercise_files().len(),
        "{rendered} exercises"
    );
}
