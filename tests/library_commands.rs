//! `hep list`, `show`, `check` and `catalog` on the bundled library and on a clinic's own.

mod common;

use common::*;

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The ids of the bundled exercises in `region` (every region with `None`), read from the
/// library folder itself: `library/<region>/<id>.yaml`.
fn bundled_ids(region: Option<&str>) -> Vec<String> {
    let root = repo().join("library");
    let mut ids = Vec::new();
    for folder in std::fs::read_dir(&root).unwrap() {
        let folder = folder.unwrap().path();
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        if !folder.is_dir() || name == "programs" || region.is_some_and(|region| region != name) {
            continue;
        }
        for file in std::fs::read_dir(&folder).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|ext| ext == "yaml") {
                ids.push(file.file_stem().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    ids.sort();
    ids
}

/// The exercises added in Library v2 (issue #14).
const NEW_IN_V2: [&str; 15] = [
    "scalene-stretch",
    "wrist-flexor-stretch",
    "knee-rolls",
    "prone-press-up",
    "foam-roller-thoracic-extension",
    "ball-release-wall",
    "diaphragmatic-breathing",
    "single-leg-balance",
    "butterfly-stretch",
    "plantar-fascia-ball-roll",
    "wall-slide",
    "side-plank",
    "wrist-extensor-eccentric",
    "step-down",
    "heel-drop",
];

#[test]
fn list_shows_every_bundled_exercise_and_filters() {
    let output = hep(&["list"]);
    assert_success(&output);
    let table = stdout(&output);
    let all = bundled_ids(None);
    assert!(all.len() >= 51, "the library has {} exercises", all.len());
    assert_eq!(
        table.lines().count(),
        1 + all.len(),
        "a header and {} exercises:\n{table}",
        all.len()
    );
    assert!(table.lines().next().unwrap().starts_with("ID"));
    for id in &all {
        assert!(
            table
                .lines()
                .any(|line| line.starts_with(&format!("{id} "))),
            "{id} in {table}"
        );
    }

    let hips = stdout(&hep(&["list", "--region", "hip"]));
    assert_eq!(
        hips.lines().count(),
        1 + bundled_ids(Some("hip")).len(),
        "{hips}"
    );
    assert!(
        hips.lines().skip(1).all(|line| line.contains(" hip ")),
        "{hips}"
    );

    let stretches = stdout(&hep(&["list", "--category", "stretch", "--tag", "it-band"]));
    assert!(
        stretches.contains("standing-it-band-stretch"),
        "{stretches}"
    );
    assert!(!stretches.contains("clamshell"), "{stretches}");
}

#[test]
fn list_json_is_machine_readable() {
    let output = hep(&["list", "--json", "--region", "neck"]);
    assert_success(&output);
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), bundled_ids(Some("neck")).len());
    assert!(
        rows.iter()
            .any(|row| row["id"] == "chin-tuck" && row["region"] == "neck")
    );
}

#[test]
fn list_refuses_an_unknown_region_with_a_suggestion() {
    let output = hep(&["list", "--region", "hips"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad flag value is a usage error"
    );
    assert!(stderr(&output).contains("did you mean `hip`?"));
}

#[test]
fn the_balance_and_breathing_categories_have_exercises() {
    for (category, id) in [
        ("balance", "single-leg-balance"),
        ("breathing", "diaphragmatic-breathing"),
    ] {
        let output = hep(&["list", "--category", category]);
        assert_success(&output);
        let table = stdout(&output);
        assert!(
            table
                .lines()
                .skip(1)
                .any(|line| line.starts_with(&format!("{id} "))),
            "{category}: {table}"
        );
    }
}

#[test]
fn the_exercises_new_in_v2_are_bundled_with_french_and_two_pictures() {
    let all = bundled_ids(None);
    for id in NEW_IN_V2 {
        assert!(all.iter().any(|known| known == id), "{id} is bundled");
        let output = hep(&["show", id]);
        assert_success(&output);
        let text = stdout(&output);
        assert!(
            text.contains(&format!("{id}-start.svg")) && text.contains(&format!("{id}-end.svg")),
            "{text}"
        );
    }
    // One French handout of all of them, without falling back to English.
    let dir = tempfile::tempdir().unwrap();
    let mut plan = String::from("client: Test\ndate: 2026-11-26\nlanguage: fr\nexercises:\n");
    for id in NEW_IN_V2 {
        plan.push_str(&format!("  - {id}\n"));
    }
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    let output = hep_in(dir.path(), &["render", "plan.yaml"]);
    assert_success(&output);
    let text = pdf_text(&dir.path().join("plan.pdf"));
    for name in [
        "Étirement des scalènes",
        "Bascule des genoux",
        "Respiration par le ventre",
        "Équilibre sur une jambe",
        "Descente du talon sur une marche",
    ] {
        assert_reads(&text, name);
    }
    assert_reads(&text, "sur un sol plat");
}

#[test]
fn show_prints_what_the_client_reads() {
    let output = hep(&["show", "clamshell"]);
    assert_success(&output);
    let text = stdout(&output);
    assert!(text.starts_with("Clamshell\n"), "{text}");
    assert!(text.contains("Do: 2 sets of 12 on each side."), "{text}");
    assert!(text.contains("How often: Once a day, every day"), "{text}");
    assert!(text.contains("1. Lie on your left side"), "{text}");

    let output = hep(&["show", "clamshel"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("did you mean `clamshell`?"));
}

#[test]
fn the_bundled_library_checks_clean() {
    let output = hep(&["check"]);
    assert_success(&output);
    let count = bundled_ids(None).len();
    assert!(
        stderr(&output).contains(&format!(
            "Checked {count} exercises and 0 plans: 0 errors, 0 warnings."
        )),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_examples_check_clean() {
    let output = hep(&["check", "examples", "--library", "examples/library"]);
    assert_success(&output);
    // Counted from the folders: the example library's exercises, and every example plan.
    let yaml_in = |folder: &str| {
        std::fs::read_dir(repo().join(folder))
            .unwrap()
            .filter(|entry| {
                entry
                    .as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|extension| extension == "yaml")
            })
            .count()
    };
    let (exercises, plans) = (yaml_in("examples/library"), yaml_in("examples/plans"));
    assert_eq!(plans, EXAMPLES.len(), "every example plan is in EXAMPLES");
    let plural =
        |count: usize, noun: &str| format!("{count} {noun}{}", if count == 1 { "" } else { "s" });
    let expected = format!(
        "Checked {} and {}: 0 errors, 0 warnings.",
        plural(exercises, "exercise"),
        plural(plans, "plan")
    );
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
}

#[test]
fn a_broken_clinic_library_shows_each_problem_once_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    std::fs::write(
        lib.join("typo.yaml"),
        "name: Typo\nregion: hip\ncategory: strenght\nsteps: [Do it.]\n",
    )
    .unwrap();
    std::fs::write(
        lib.join("no-picture.yaml"),
        "name: No Picture\nregion: hip\ncategory: strength\nillustrations: [missing.png]\nsteps: [Do it.]\n",
    )
    .unwrap();
    std::fs::write(
        lib.join("wordy.yaml"),
        "name: Wordy\nregion: hip\ncategory: strength\nlaterality: unilateral\nsteps:\n  - Do this very long step that goes on and on with many words so that nobody could ever follow it in one single go at all, really.\ndosage: {sets: 3, reps: 10}\n",
    )
    .unwrap();
    let output = hep_in(dir.path(), &["check", "--library", "lib"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert_eq!(
        message.matches("unknown value `strenght`").count(),
        1,
        "{message}"
    );
    assert!(message.contains("typo.yaml:3:11"), "{message}");
    assert!(
        message.contains("did you mean one of `strength`"),
        "{message}"
    );
    assert_eq!(
        message
            .matches("cannot use illustration `lib/missing.png`")
            .count(),
        1,
        "{message}"
    );
    assert!(message.contains("no-picture.yaml:4:"), "{message}");
    assert!(
        message.contains("warning: a step of `wordy` has"),
        "{message}"
    );
    assert!(message.contains("wordy.yaml:6:5"), "{message}");
    assert!(message.contains("never say which side"), "{message}");
    assert!(message.contains("no rest between them"), "{message}");
    assert!(
        message.contains("the picture `missing.png` of `no-picture` has no `alt:` description"),
        "{message}"
    );
    assert!(message.contains("2 errors, 5 warnings"), "{message}");
}

#[test]
fn check_reports_every_plan_problem_and_lints_as_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.yaml"),
        "client: Jane\ndate: 2026-11-26\nfollow_up: 16 weeks\nexercises:\n  - clamshel\n  - glute-bridge\n  - glute-bridge\n",
    )
    .unwrap();
    let output = hep_in(dir.path(), &["check", "plan.yaml", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["plans"], 1);
    let find = |list: &str, needle: &str| {
        let rows = report[list].as_array().unwrap();
        rows.iter()
            .find(|row| row["message"].as_str().unwrap().contains(needle))
            .cloned()
            .unwrap_or_else(|| panic!("{needle} in {list}: {rows:?}"))
    };
    let unknown = find("errors", "unknown exercise `clamshel`");
    assert_eq!(unknown["code"], "unknown-exercise");
    assert_eq!(unknown["file"], "plan.yaml");
    assert_eq!(unknown["line"], 5);
    assert_eq!(unknown["column"], 5);
    assert_eq!(unknown["hint"], "did you mean `clamshell`?");
    assert_eq!(find("warnings", "listed twice")["code"], "clarity");
    assert_eq!(find("warnings", "more than 12 weeks")["line"], 3);
    assert_eq!(report["errors"].as_array().unwrap().len(), 1, "{report}");
}

#[test]
fn catalog_renders_every_exercise() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("catalog.pdf");
    let output = hep(&["catalog", "-o", pdf.to_str().unwrap()]);
    assert_success(&output);
    let text = pdf_text(&pdf);
    for heading in [
        "Neck",
        "Shoulder",
        "Hip",
        "Ankle and foot",
        "Elbow, wrist and hand",
    ] {
        assert_reads(&text, heading);
    }
    for id in bundled_ids(None) {
        assert_reads(&text, &id);
    }
    assert!(
        tool("qpdf", &["--check", pdf.to_str().unwrap()])
            .contains("No syntax or stream encoding errors")
    );
}

#[test]
fn hard_to_read_steps_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    std::fs::write(
        dir.path().join("lib/jargon.yaml"),
        "name: Jargon\nregion: hip\ncategory: strength\nsteps:\n  - Lie down.\n  - Perform isometric contraction of gluteal musculature.\n  - Maintain neutral lumbopelvic alignment throughout.\n",
    )
    .unwrap();
    let output = hep_in(dir.path(), &["check", "--library", "lib"]);
    assert_success(&output);
    let message = stderr(&output);
    assert!(
        message.contains("the steps of `jargon` read at grade"),
        "{message}"
    );
    assert!(
        message.contains("step 2 is the hardest") || message.contains("step 3 is the hardest"),
        "{message}"
    );
    assert!(message.contains("jargon.yaml:"), "{message}");
}

#[test]
fn hard_to_read_french_steps_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    std::fs::write(
        dir.path().join("lib/jargon.yaml"),
        "name: {en: Jargon, fr: Jargon}\nregion: hip\ncategory: strength\nsteps:\n  en: [Lie down., Lift your hips.]\n  fr: [Effectuez une contraction isométrique de la musculature glutéale., Maintenez un alignement lombopelvien neutre pendant l’abduction.]\n",
    )
    .unwrap();
    let output = hep_in(dir.path(), &["check", "--library", "lib"]);
    assert_success(&output);
    assert!(
        stderr(&output).contains("the French steps of `jargon` are hard to read (Kandel-Moles"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_reports_several_problems_of_one_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.yaml"),
        "client: Jane\ndate: 2026-11-26\nfollow_up: 2026-11-01\nexercises:\n  - clamshel\n  - glute-bridge\n  - id: calf-rase\n    sets: 2\n",
    )
    .unwrap();
    let output = hep_in(dir.path(), &["check", "plan.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    for expected in [
        "plan.yaml:3:12",
        "is not after the session date",
        "plan.yaml:5:5",
        "unknown exercise `clamshel`",
        "plan.yaml:7:9",
        "unknown exercise `calf-rase`",
        "3 errors",
    ] {
        assert!(message.contains(expected), "{expected} in {message}");
    }
}

#[test]
fn show_prints_the_words_the_card_of_a_handout_has_in_its_language() {
    use hep::workspace::PlanInput;
    let dir = tempfile::tempdir().unwrap();
    let workspace = workspace_with(Vec::new());
    for lang in ["en", "fr"] {
        let plan = dir.path().join(format!("{lang}.yaml"));
        std::fs::write(
            &plan,
            format!("client: Jane\nlanguage: {lang}\nexercises: [heel-drop]\n"),
        )
        .unwrap();
        let plan = workspace.plan(PlanInput::File(&plan)).unwrap();
        let handout = workspace.handout(&plan).unwrap();
        let (card, words) = (&handout.cards[0], handout.words);
        let output = hep(&["show", "heel-drop", "--lang", lang]);
        assert_success(&output);
        let shown = stdout(&output);
        // The handout's text is typeset (no-break spaces); show prints it plain.
        let plain = |text: &str| text.replace(['\u{a0}', '\u{202f}'], " ");
        let shown = plain(&shown);
        for line in [
            plain(&card.name),
            format!(
                "{}: {}",
                words.dosage_label,
                plain(card.dosage.as_ref().unwrap())
            ),
            format!("{}: {}", words.how_often_label, plain(&card.frequency)),
            format!(
                "{}: {}",
                words.equipment_label,
                plain(card.equipment.as_ref().unwrap())
            ),
            format!("1. {}", plain(&card.steps[0])),
        ] {
            assert!(
                shown.lines().any(|shown_line| shown_line == line),
                "{lang}: {line:?} not in\n{shown}"
            );
        }
    }
    let output = hep(&["show", "heel-drop", "--lang", "de"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("hep has no `de` handouts"));
}
