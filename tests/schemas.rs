//! `hep schema`: four JSON Schemas that accept every file hep ships and refuse typos, and the
//! schema line on every file `hep init` and `hep new plan` write.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// `hep schema NAME`, run in `dir`, as JSON.
fn schema_in(dir: &Path, name: &str) -> Value {
    let output = hep_in(dir, &["schema", name]);
    assert_success(&output);
    serde_json::from_slice(&output.stdout).expect("the schema is JSON")
}

fn validator(schema: &Value) -> jsonschema::Validator {
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::validator_for(schema).expect("a valid draft 2020-12 schema")
}

/// A YAML file as the JSON an editor's YAML language server validates.
fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).expect("YAML")
}

fn errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let instance = yaml(text);
    validator
        .iter_errors(&instance)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect()
}

fn yaml_files(folder: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "yaml")
        {
            out.push(path);
        }
    }
}

fn assert_all_valid(validator: &jsonschema::Validator, files: &[PathBuf]) {
    assert!(!files.is_empty());
    for file in files {
        let found = errors(validator, &std::fs::read_to_string(file).unwrap());
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
    }
}

#[test]
fn every_shipped_file_validates_against_its_schema() {
    let repo = repo();
    let plan = validator(&schema_in(&repo, "plan"));
    let exercise = validator(&schema_in(&repo, "exercise"));
    let clinic = validator(&schema_in(&repo, "clinic"));
    let program = validator(&schema_in(&repo, "program"));

    let mut plans = Vec::new();
    yaml_files(&repo.join("examples/plans"), &mut plans);
    plans.push(repo.join("templates/init/plans/sample.yaml"));
    plans.push(repo.join("bench/workload/handout.yaml"));
    assert_all_valid(&plan, &plans);

    let mut exercises = Vec::new();
    yaml_files(&repo.join("library"), &mut exercises);
    let (programs, exercises): (Vec<_>, Vec<_>) = exercises.into_iter().partition(|path| {
        path.parent()
            .is_some_and(|folder| folder.ends_with("programs"))
    });
    let mut exercises = exercises;
    yaml_files(&repo.join("examples/library"), &mut exercises);
    yaml_files(&repo.join("templates/init/library"), &mut exercises);
    yaml_files(&repo.join("bench/workload/library"), &mut exercises);
    assert!(exercises.len() > 30, "{}", exercises.len());
    assert_all_valid(&exercise, &exercises);
    assert_all_valid(&program, &programs);

    assert_all_valid(
        &clinic,
        &[
            repo.join("examples/clinic.yaml"),
            repo.join("templates/init/clinic.yaml"),
            repo.join("bench/workload/clinic.yaml"),
        ],
    );
    let booking = "name: Riverside\ntimezone: America/Toronto\nappointment_minutes: 45\nclosed_days: [sunday, Monday, 2026-12-25]\nfollow_up_note: {en: Call us., fr: Appelez-nous.}\n";
    assert_eq!(errors(&clinic, booking), Vec::<String>::new());
}

#[test]
fn typos_and_impossible_values_are_refused() {
    let repo = repo();
    let plan = validator(&schema_in(&repo, "plan"));
    let good = "client: Jane\nfollow_up: {date: 2027-03-04, time: \"14:30\"}\nexercises:\n  - clamshell\n  - id: glute-bridge\n    reps: 10\n    hold: 5 s\n    frequency: 3x/week\n";
    assert_eq!(errors(&plan, good), Vec::<String>::new());
    for bad in [
        good.replace("reps: 10", "repz: 10"),
        good.replace("reps: 10", "reps: 0"),
        good.replace("reps: 10", "reps: 101"),
        good.replace("hold: 5 s", "hold: five"),
        good.replace("frequency: 3x/week", "frequency: sometimes"),
        good.replace("\"14:30\"", "\"25:00\""),
        good.replace("client: Jane", "cliente: Jane"),
        good.replace("date: 2027-03-04", "date: 04/03/2027"),
        "client: Jane\nfollow_up: soon\nexercises: [clamshell]\n".to_string(),
        "client: Jane\nlanguage: de\nexercises: [clamshell]\n".to_string(),
    ] {
        assert!(!errors(&plan, &bad).is_empty(), "accepted:\n{bad}");
    }

    let exercise = validator(&schema_in(&repo, "exercise"));
    let good = "name: Wall Sit\nregion: knee\ncategory: strength\nsteps: [Lean on a wall.]\ndosage: {reps: 3, hold: 30 s}\n";
    assert_eq!(errors(&exercise, good), Vec::<String>::new());
    for bad in [
        good.replace("region: knee", "region: kneee"),
        good.replace("category: strength", "category: strong"),
        good.replace("reps: 3", "repz: 3"),
        good.replace("steps:", "step:"),
    ] {
        assert!(!errors(&exercise, &bad).is_empty(), "accepted:\n{bad}");
    }

    let clinic = validator(&schema_in(&repo, "clinic"));
    for bad in [
        "name: R\npage: a5\n",
        "name: R\ncolors: {primary: blue}\n",
        "name: R\nclosed_days: [sundy]\n",
        "name: R\nappointment_minutes: 0\n",
        "nom: R\n",
    ] {
        assert!(!errors(&clinic, bad).is_empty(), "accepted:\n{bad}");
    }
}

#[test]
fn exercise_ids_are_offered_and_unknown_ids_left_to_the_loader() {
    let (dir, clinic) = {
        let dir = tempfile::tempdir().unwrap();
        assert_success(&hep_in(dir.path(), &["init", "riverside"]));
        let clinic = dir.path().join("riverside");
        (dir, clinic)
    };
    let schema = schema_in(&clinic, "plan");
    let text = schema.to_string();
    assert!(text.contains("\"clamshell\""), "bundled ids offered");
    assert!(
        text.contains("\"band-walk\""),
        "the clinic's own ids offered"
    );
    assert!(text.contains("\"low-back-basics\""), "program ids offered");
    // An id the schema does not list still validates: the loader says whether it exists.
    let plan = validator(&schema);
    assert_eq!(
        errors(&plan, "client: Jane\nexercises: [our-new-stretch]\n"),
        Vec::<String>::new()
    );
    // The schema init wrote is the one `hep schema` prints there.
    let written: Value = serde_json::from_str(
        &std::fs::read_to_string(clinic.join("schemas/plan.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(written, schema);
    drop(dir);
}

#[test]
fn init_and_new_plan_files_name_their_schema() {
    let dir = tempfile::tempdir().unwrap();
    assert_success(&hep_in(dir.path(), &["init", "riverside"]));
    let clinic = dir.path().join("riverside");
    let mut files = Vec::new();
    yaml_files(&clinic, &mut files);
    assert_eq!(files.len(), 3, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let first = text.lines().next().unwrap();
        let target = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{}: {first}", file.display()));
        let schema = file.parent().unwrap().join(target);
        assert!(
            schema.is_file(),
            "{} names {}",
            file.display(),
            schema.display()
        );
        // And the file is valid against the schema it names.
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap();
        assert_eq!(errors(&validator(&schema), &text), Vec::<String>::new());
    }

    let output = hep_in(
        &clinic,
        &[
            "new",
            "plan",
            "--client",
            "Jane Doe",
            "--exercises",
            "band-walk",
        ],
    );
    assert_success(&output);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../schemas/plan.schema.json\n"),
        "{text}"
    );
    let schema = schema_in(&clinic, "plan");
    assert_eq!(errors(&validator(&schema), &text), Vec::<String>::new());
}
