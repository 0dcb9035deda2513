//! Errors as data: the codes and positions scripts read from `--json`, the exit status each
//! kind of problem gives, and the report people read on standard error.

mod common;

use common::*;
use serde_json::Value;

/// Renders `plans` (name, text; those under `lib/` are library files) in a fresh folder with
/// `--json` and returns the lines printed, after checking that no terminal escape code reached
/// standard output.
fn render_json(plans: &[(&str, &str)], extra: &[&str]) -> (Vec<Value>, std::process::Output) {
    let files: Vec<(&str, &[u8])> = plans
        .iter()
        .map(|(name, text)| (*name, text.as_bytes()))
        .collect();
    let dir = folder_with(&files);
    let mut args = vec!["render"];
    // Files under lib/ are a clinic's library, not plans.
    args.extend(
        plans
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| !name.starts_with("lib/")),
    );
    args.push("--json");
    args.extend_from_slice(extra);
    let output = hep_in(dir.path(), &args);
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(!stdout.contains('\u{1b}'), "escape codes in JSON: {stdout}");
    let lines = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    (lines, output)
}

/// The keys of an error object, in order.
fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn render_json_gives_each_error_a_code_a_position_and_a_hint() {
    let (lines, output) = render_json(
        &[(
            "jane.yaml",
            "client: Jane\ndate: 2026-11-26\nexercises:\n  - clamshel\n  - glute-bridge\n",
        )],
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = &lines[0];
    assert_eq!(line["plan"], "jane.yaml");
    assert_eq!(line["status"], "error");
    assert_eq!(line["warnings"], serde_json::json!([]));
    let errors = line["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(
        keys(error),
        ["code", "column", "file", "hint", "line", "message"],
        "{error}"
    );
    assert_eq!(error["code"], "unknown-exercise");
    assert_eq!(error["file"], "jane.yaml");
    assert_eq!(error["line"], 4);
    assert_eq!(error["column"], 5);
    assert_eq!(error["message"], "unknown exercise `clamshel`");
    assert_eq!(error["hint"], "did you mean `clamshell`?");
    // A parsed Value sorts its keys; the line itself has them in the README's order.
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(
            r#"{"code":"unknown-exercise","file":"jane.yaml","line":4,"column":5,"message":"unknown exercise `clamshel`","hint":"did you mean `clamshell`?"}"#
        ),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(
        output.stderr.is_empty(),
        "with --json the errors are in the JSON only: {}",
        stderr(&output)
    );
}

#[test]
fn each_kind_of_yaml_problem_has_its_own_code() {
    let (lines, _) = render_json(
        &[
            ("a-syntax.yaml", "client: Jane\nexercises: [clamshell\n"),
            (
                "b-field.yaml",
                "client: Jane\nexercise: [clamshell]\nexercises: [clamshell]\n",
            ),
            (
                "c-value.yaml",
                "client: Jane\nexercises:\n  - id: clamshell\n    sets: 0\n",
            ),
            ("d-missing.yaml", "exercises: [clamshell]\n"),
            (
                "e-twice.yaml",
                "client: Jane\nclient: Joan\nexercises: [clamshell]\n",
            ),
            ("f-fine.yaml", "client: Jane\nexercises: [clamshell]\n"),
        ],
        &["--date", "2026-11-26"],
    );
    let code_of = |plan: &str| {
        let line = lines
            .iter()
            .find(|line| line["plan"] == plan)
            .unwrap_or_else(|| panic!("{plan} in {lines:?}"));
        let codes: Vec<&str> = line["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|error| error["code"].as_str().unwrap())
            .collect();
        (codes, line)
    };
    for (plan, code) in [
        ("a-syntax.yaml", "yaml-syntax"),
        ("b-field.yaml", "unknown-field"),
        ("c-value.yaml", "bad-value"),
        ("d-missing.yaml", "missing-field"),
        ("e-twice.yaml", "duplicate-key"),
    ] {
        let (codes, line) = code_of(plan);
        assert_eq!(codes, [code], "{line}");
        assert_eq!(line["status"], "error", "{line}");
    }
    let (_, field) = code_of("b-field.yaml");
    assert_eq!(field["errors"][0]["line"], 2, "{field}");
    assert_eq!(field["errors"][0]["column"], 1, "{field}");
    assert!(
        field["errors"][0]["hint"]
            .as_str()
            .unwrap()
            .contains("did you mean `exercises`?"),
        "{field}"
    );
    let (_, value) = code_of("c-value.yaml");
    assert_eq!(value["errors"][0]["line"], 4, "{value}");
    let (codes, fine) = code_of("f-fine.yaml");
    assert!(codes.is_empty(), "{fine}");
    assert_eq!(fine["status"], "ok");
}

#[test]
fn warnings_in_render_json_are_objects_too() {
    // A clinic's own exercise, written in English only.
    let (lines, output) = render_json(
        &[
            (
                "jean.yaml",
                "client: Jean\nlanguage: fr\nexercises: [clamshell, band-walk]\n",
            ),
            (
                "lib/band-walk.yaml",
                "name: Band Walk\nregion: hip\ncategory: strength\nsteps: [Step to the side.]\n",
            ),
        ],
        &["--allow-fallback", "--library", "lib"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(lines.len(), 1, "{lines:?}");
    let warning = &lines[0]["warnings"][0];
    assert_eq!(warning["code"], "missing-translation", "{warning}");
    assert_eq!(warning["file"], "lib/band-walk.yaml", "{warning}");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("has no `fr` text"),
        "{warning}"
    );
    assert_eq!(lines[0]["errors"], serde_json::json!([]));
}

#[test]
fn bad_flag_values_are_usage_errors_in_every_command() {
    for (args, says) in [
        (&["list", "--region", "nek"][..], "unknown region `nek`"),
        (&["list", "--category", "strenght"], "unknown category"),
        (
            &["render", "examples/plans/jane-doe.yaml", "--lang", "de"],
            "hep has no `de` handouts",
        ),
        (
            &["render", "examples/plans/jane-doe.yaml", "--name", "{nom}"],
            "unknown placeholder `{nom}`",
        ),
    ] {
        let output = hep(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let output = hep(&["list", "--region", "nek"]);
    assert!(
        stderr(&output).contains("did you mean `neck`?"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty(), "no table after a usage error");
}

#[test]
fn bad_input_exits_with_1() {
    let output = hep(&["show", "clamshel"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("unknown exercise `clamshel`"));
    let dir = tempfile::tempdir().unwrap();
    let output = hep_in(dir.path(), &["render", "missing.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot read `missing.yaml`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn people_read_the_message_their_line_underlined_and_the_hint() {
    let dir = folder_with(&[(
        "jane.yaml",
        b"client: Jane\nexercises:\n  - glute-bridge\n  - clamshel # left side\n",
    )]);
    let output = hep_in(dir.path(), &["render", "jane.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(!message.contains('\u{1b}'), "no colour off a terminal");
    let expected = "\
error: unknown exercise `clamshel`
 --> jane.yaml:4:5
  |
4 |   - clamshel # left side
  |     ^^^^^^^^
  |
  = help: did you mean `clamshell`?
";
    assert!(message.starts_with(expected), "{message}");
    assert!(!dir.path().join("jane.pdf").exists());
}

/// The README's table of error codes, in its order.
fn readme_codes() -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = readme
        .split("### Errors for scripts")
        .nth(1)
        .expect("the README has a section on errors for scripts");
    let table = section
        .split("| code | meaning |")
        .nth(1)
        .expect("the section has the table of codes");
    table
        .lines()
        .skip(2) // the rest of the header line and `|---|---|`
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cell = line.split('|').nth(1).unwrap().trim();
            cell.trim_matches('`').to_string()
        })
        .collect()
}

#[test]
fn the_readme_lists_every_error_code_and_no_other() {
    let documented = readme_codes();
    let codes: Vec<&str> = hep::diagnostic::Kind::ALL
        .iter()
        .map(|kind| kind.code())
        .collect();
    assert_eq!(
        documented, codes,
        "the README's table of codes differs from diagnostic::Kind"
    );
}

#[test]
fn a_refused_value_keeps_its_message_and_its_hint_apart() {
    let (lines, output) = render_json(
        &[
            (
                "a-hold.yaml",
                "client: Jane\nexercises:\n  - id: clamshell\n    hold: 3 weeks ago\n",
            ),
            (
                "b-often.yaml",
                "client: Jane\nexercises:\n  - id: clamshell\n    frequency: hourly\n",
            ),
            (
                "c-follow.yaml",
                "client: Jane\nfollow_up: someday\nexercises: [clamshell]\n",
            ),
        ],
        &["--date", "2026-11-26"],
    );
    assert_eq!(output.status.code(), Some(1));
    let error_of = |plan: &str| {
        let line = lines.iter().find(|line| line["plan"] == plan).unwrap();
        assert_eq!(line["errors"].as_array().unwrap().len(), 1, "{line}");
        line["errors"][0].clone()
    };
    for (plan, message, hint, line) in [
        (
            "a-hold.yaml",
            "`3 weeks ago` is not a duration",
            "write a duration like `30s`",
            4,
        ),
        (
            "b-often.yaml",
            "`hourly` is not a frequency we understand",
            "write `daily`, `twice daily`",
            4,
        ),
        (
            "c-follow.yaml",
            "`someday` is not a follow-up we understand",
            "write `2 weeks`, `10 days`",
            2,
        ),
    ] {
        let error = error_of(plan);
        assert_eq!(error["code"], "bad-value", "{error}");
        assert_eq!(error["message"], message, "{error}");
        assert!(error["hint"].as_str().unwrap().starts_with(hint), "{error}");
        assert_eq!(error["line"], line, "{error}");
    }
}

#[test]
fn yaml_the_reader_refuses_is_explained_in_plain_words() {
    let (lines, _) = render_json(
        &[
            ("a-tab.yaml", "client: Jane\nexercises:\n\t- clamshell\n"),
            (
                "b-two.yaml",
                "client: Jane\nexercises: [clamshell]\n---\nclient: Joan\n",
            ),
            ("c-empty.yaml", "client:\nexercises: [clamshell]\n"),
            (
                "d-nan.yaml",
                "client: Jane\nexercises:\n  - id: clamshell\n    sets: .nan\n",
            ),
        ],
        &["--date", "2026-11-26"],
    );
    let error_of = |plan: &str| {
        let line = lines.iter().find(|line| line["plan"] == plan).unwrap();
        line["errors"][0].clone()
    };
    for (plan, code, says) in [
        (
            "a-tab.yaml",
            "yaml-syntax",
            "a tab is used to indent this line",
        ),
        ("b-two.yaml", "yaml-syntax", "a second YAML document"),
        ("c-empty.yaml", "bad-value", "this value is empty"),
        ("d-nan.yaml", "bad-value", "not a number"),
    ] {
        let error = error_of(plan);
        assert_eq!(error["code"], code, "{plan}: {error}");
        assert!(
            error["message"].as_str().unwrap().contains(says),
            "{plan}: {error}"
        );
        assert!(!error["hint"].is_null(), "{plan}: {error}");
    }
}

/// Runs `hep extract --json PDF out` in `dir` and returns its one line of JSON.
fn extract_json(dir: &std::path::Path, pdf: &str) -> (Value, std::process::Output) {
    let output = hep_in(dir, &["extract", pdf, "out", "--json"]);
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let line = serde_json::from_str(stdout.trim()).unwrap_or_else(|_| panic!("{stdout}"));
    (line, output)
}

#[test]
fn extract_names_what_is_wrong_with_the_pdf() {
    let plain = rendered_example("jane-doe");
    let dir = folder_with(&[
        ("notes.pdf", b"these are notes, not a PDF\n"),
        ("plain.pdf", &std::fs::read(&plain.pdf).unwrap()),
    ]);
    for (pdf, code) in [
        ("notes.pdf", "not-a-pdf"),
        ("plain.pdf", "no-record"),
        ("missing.pdf", "missing-file"),
    ] {
        let (line, output) = extract_json(dir.path(), pdf);
        assert_eq!(output.status.code(), Some(1), "{pdf}: {line}");
        // The object's keys come in the README's order, as render --json writes them.
        let raw = String::from_utf8_lossy(&output.stdout);
        let start = format!(
            r#""errors":[{{"code":"{code}","file":"{pdf}","line":null,"column":null,"message":"#
        );
        assert!(raw.contains(&start), "{pdf}: {raw}");
        assert!(raw.contains(r#"","hint":""#), "{pdf}: {raw}");
        assert_eq!(line["errors"][0]["code"], code, "{pdf}: {line}");
        assert_eq!(line["errors"][0]["file"], pdf, "{pdf}: {line}");
        assert!(!line["errors"][0]["hint"].is_null(), "{pdf}: {line}");
        assert!(
            stderr(&output).contains(line["errors"][0]["message"].as_str().unwrap()),
            "people read the same problem: {}",
            stderr(&output)
        );
    }
    assert!(!dir.path().join("out").exists(), "nothing was written");
}

#[test]
fn render_json_answers_even_when_no_plan_was_read() {
    let dir = tempfile::tempdir().unwrap();
    for (args, code, status) in [
        (&["render", "missing.yaml", "--json"][..], "missing-file", 1),
        (
            &["render", "missing.yaml", "--json", "--name", "{nom}"],
            "usage",
            2,
        ),
    ] {
        let output = hep_in(dir.path(), args);
        assert_eq!(output.status.code(), Some(status), "{args:?}");
        let stdout = String::from_utf8(output.stdout.clone()).unwrap();
        let lines: Vec<Value> = stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines.len(), 1, "{stdout}");
        let line = &lines[0];
        // A parsed Value sorts its keys; the line has a plan line's order.
        assert!(
            stdout.starts_with(
                r#"{"plan":null,"output":null,"status":"error","pages":null,"exercises":null,"errors":[{"code":"#
            ) && stdout.trim_end().ends_with(r#"],"warnings":[]}"#),
            "{stdout}"
        );
        assert_eq!(line["plan"], Value::Null);
        assert_eq!(line["status"], "error");
        assert_eq!(line["errors"][0]["code"], code, "{stdout}");
        assert_eq!(
            keys(&line["errors"][0]),
            ["code", "column", "file", "hint", "line", "message"]
        );
        // People still read it on standard error.
        assert!(!stderr(&output).is_empty());
    }
}
