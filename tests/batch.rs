//! Rendering many plans at once, as a clinic's overnight job would.

mod common;

use std::path::Path;

use common::*;

fn plan(client: &str, date: &str, exercises: &str) -> String {
    format!("client: {client}\ndate: {date}\nfollow_up: 2 weeks\nexercises: [{exercises}]\n")
}

/// A clinic folder: plans in nested folders, plus a clinic file and a library that are not plans.
fn clinic_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("plans/2026")).unwrap();
    std::fs::create_dir_all(root.join("plans/library")).unwrap();
    std::fs::write(
        root.join("plans/jane.yaml"),
        plan("Jane Doe", "2026-11-26", "clamshell, glute-bridge"),
    )
    .unwrap();
    std::fs::write(
        root.join("plans/2026/sam.yaml"),
        plan("Sam Lee", "2026-11-27", "chin-tuck"),
    )
    .unwrap();
    std::fs::write(
        root.join("plans/2026/marie.yml"),
        plan("Marie-Hélène Côté", "2026-11-20", "cat-cow"),
    )
    .unwrap();
    std::fs::write(
        root.join("plans/clinic.yaml"),
        "name: Test Clinic\nphone: 555-0100\n",
    )
    .unwrap();
    std::fs::write(
        root.join("plans/library/own.yaml"),
        "name: Own\nregion: hip\ncategory: strength\nsteps: [Do it.]\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_folder_renders_into_out_dir_following_relative_paths() {
    let dir = clinic_folder();
    let output = hep_in(dir.path(), &["render", "plans", "--out-dir", "handouts"]);
    assert_success(&output);
    for pdf in [
        "handouts/jane.pdf",
        "handouts/2026/sam.pdf",
        "handouts/2026/marie.pdf",
    ] {
        assert!(dir.path().join(pdf).is_file(), "{pdf} missing");
    }
    assert!(!dir.path().join("handouts/clinic.pdf").exists());
    assert!(!dir.path().join("handouts/library").exists());
    assert!(
        stderr(&output).contains("3 rendered, 0 failed"),
        "{}",
        stderr(&output)
    );
    assert_reads(
        &pdf_text(&dir.path().join("handouts/2026/sam.pdf")),
        "Chin Tuck",
    );
}

#[test]
fn one_bad_plan_never_stops_the_others() {
    let dir = clinic_folder();
    std::fs::write(
        dir.path().join("plans/broken.yaml"),
        plan("Bad", "2026-11-26", "clamshel"),
    )
    .unwrap();
    let output = hep_in(dir.path(), &["render", "plans", "--out-dir", "handouts"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("3 rendered, 1 failed"), "{message}");
    assert!(message.contains("plans/broken.yaml"), "{message}");
    assert!(message.contains("did you mean `clamshell`?"), "{message}");
    assert!(dir.path().join("handouts/jane.pdf").is_file());
    assert!(!dir.path().join("handouts/broken.pdf").exists());
}

#[test]
fn json_lines_and_unchanged_outputs_are_not_rewritten() {
    let dir = clinic_folder();
    assert_success(&hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out"],
    ));
    let jane = dir.path().join("out/jane.pdf");
    let written = std::fs::metadata(&jane).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));

    let output = hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--json"],
    );
    assert_success(&output);
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert_eq!(line["status"], "unchanged", "{line}");
        assert!(line["pages"].as_u64().unwrap() >= 1);
        assert!(
            line["plan"].as_str().unwrap().ends_with(".yaml")
                || line["plan"].as_str().unwrap().ends_with(".yml")
        );
    }
    assert_eq!(
        std::fs::metadata(&jane).unwrap().modified().unwrap(),
        written,
        "unchanged files keep their time"
    );

    let output = hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--json", "--force"],
    );
    assert_success(&output);
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .all(|line| line.contains("\"status\":\"ok\""))
    );
}

#[test]
fn name_templates_make_safe_names_and_refuse_clobbering() {
    let dir = clinic_folder();
    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plans",
            "--out-dir",
            "out",
            "--name",
            "{date}-{client}",
        ],
    );
    assert_success(&output);
    assert!(dir.path().join("out/2026-11-26-jane-doe.pdf").is_file());
    assert!(
        dir.path()
            .join("out/2026/2026-11-20-marie-helene-cote.pdf")
            .is_file()
    );

    std::fs::write(
        dir.path().join("plans/jane-again.yaml"),
        plan("Jane Doe", "2026-11-26", "clamshell"),
    )
    .unwrap();
    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plans",
            "--out-dir",
            "fresh",
            "--name",
            "{client}",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("would all be written to"),
        "{}",
        stderr(&output)
    );
    assert!(
        !dir.path().join("fresh").exists(),
        "nothing is written when names clash"
    );

    let output = hep_in(dir.path(), &["render", "plans", "--name", "{clinet}"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad flag value is a usage error"
    );
    assert!(stderr(&output).contains("unknown placeholder `{clinet}`"));
}

#[test]
fn one_worker_or_many_give_the_same_bytes() {
    let dir = clinic_folder();
    assert_success(&hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "a", "--jobs", "1"],
    ));
    assert_success(&hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "b", "--jobs", "4"],
    ));
    for pdf in ["jane.pdf", "2026/sam.pdf", "2026/marie.pdf"] {
        let read = |folder: &str| std::fs::read(dir.path().join(folder).join(pdf)).unwrap();
        assert_eq!(read("a"), read("b"), "{pdf}");
    }
}

#[test]
fn output_flag_needs_a_single_plan() {
    let dir = clinic_folder();
    let output = hep_in(dir.path(), &["render", "plans", "-o", "x.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    for says in [
        "-o names one PDF, but there are several plans",
        "use --out-dir DIR to write one PDF per plan",
    ] {
        assert!(stderr(&output).contains(says), "{}", stderr(&output));
    }
    assert!(!Path::new(&dir.path().join("x.pdf")).exists());
}

#[test]
fn fifty_plans_with_three_broken_render_47_and_report_3_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let ids = [
        "chin-tuck",
        "clamshell",
        "glute-bridge",
        "cat-cow",
        "calf-raise",
    ];
    for number in 0..50 {
        let exercises = match number {
            7 => "clamshel".to_string(),
            23 => "glute-bridge, wall-sitt".to_string(),
            41 => "cat-cow\n".to_string(),
            _ => ids[number % ids.len()].to_string(),
        };
        let text = if number == 41 {
            "client: Broken Date\ndate: 2026-13-40\nexercises: [cat-cow]\n".to_string()
        } else {
            plan(&format!("Client {number}"), "2026-11-26", &exercises)
        };
        std::fs::create_dir_all(dir.path().join("plans")).unwrap();
        std::fs::write(
            dir.path().join(format!("plans/client-{number:02}.yaml")),
            text,
        )
        .unwrap();
    }
    let output = hep_in(dir.path(), &["render", "plans", "--out-dir", "out"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("47 rendered, 3 failed"), "{message}");
    assert!(message.contains("plans/client-07.yaml:4:13"), "{message}");
    assert!(message.contains("plans/client-23.yaml:4:27"), "{message}");
    assert!(message.contains("plans/client-41.yaml:2:7"), "{message}");
    let written = std::fs::read_dir(dir.path().join("out")).unwrap().count();
    assert_eq!(written, 47);
}

/// Every file under `folder`, relative, sorted.
fn files_under(folder: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(current) = folders.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(folder).unwrap();
                files.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn a_batch_of_several_chunks_puts_every_file_in_place_whole_and_leaves_no_temporary() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // Enough plans for the staged writes to be flushed in several chunks, in two folders.
    for number in 0..75 {
        let folder = dir.path().join(["plans/a", "plans/b"][number % 2]);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join(format!("client-{number:02}.yaml")),
            plan(
                &format!("Client {number}"),
                "2026-11-26",
                ["clamshell", "chin-tuck, cat-cow"][number % 2],
            ),
        )
        .unwrap();
    }
    // An older handout with its own mode is replaced and keeps the mode.
    std::fs::create_dir_all(dir.path().join("out/a")).unwrap();
    let replaced = dir.path().join("out/a/client-00.pdf");
    std::fs::write(&replaced, b"an older handout").unwrap();
    std::fs::set_permissions(&replaced, std::fs::Permissions::from_mode(0o640)).unwrap();

    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plans",
            "--out-dir",
            "out",
            "--ics",
            "--jobs",
            "2",
        ],
    );
    assert_success(&output);
    assert!(
        stderr(&output).contains("75 rendered"),
        "{}",
        stderr(&output)
    );

    let files = files_under(&dir.path().join("out"));
    assert_eq!(files.len(), 150, "75 PDFs and 75 reminders: {files:?}");
    assert!(
        files.iter().all(|name| !name.contains(".hep-")),
        "temporary files left: {files:?}"
    );
    for name in files.iter().filter(|name| name.ends_with(".pdf")) {
        let bytes = std::fs::read(dir.path().join("out").join(name)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{name}");
        assert!(
            bytes.trim_ascii_end().ends_with(b"%%EOF"),
            "{name} is whole"
        );
    }
    for name in files.iter().filter(|name| name.ends_with(".ics")) {
        let text = std::fs::read_to_string(dir.path().join("out").join(name)).unwrap();
        assert!(
            text.trim_end().ends_with("END:VCALENDAR"),
            "{name} is whole"
        );
    }
    let mode = std::fs::metadata(&replaced).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // The same bytes as each handout rendered on its own: drawings shared by the batch's
    // handouts do not depend on which handout drew them first.
    for plan in ["a/client-00", "a/client-40", "b/client-41"] {
        assert_success(&hep_in(
            dir.path(),
            &["render", &format!("plans/{plan}.yaml"), "-o", "alone.pdf"],
        ));
        let batch = dir.path().join(format!("out/{plan}.pdf"));
        assert!(
            std::fs::read(&batch).unwrap() == std::fs::read(dir.path().join("alone.pdf")).unwrap(),
            "{plan}: the batch's PDF differs from the one rendered alone"
        );
    }
    assert_reads(&pdf_text(&replaced), "Client 0");
}

#[test]
fn drawings_shared_by_a_batch_leave_every_pdf_readable() {
    // The bundled line art is drawn once per batch and shared; the example clinic's logo uses
    // transparency, which cannot be shared between PDFs, and must still come out whole.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    for (name, exercises) in [("ann", "clamshell, bird-dog"), ("bo", "bird-dog, cat-cow")] {
        std::fs::write(
            dir.path().join(format!("plans/{name}.yaml")),
            plan(name, "2026-11-26", exercises),
        )
        .unwrap();
    }
    let clinic = repo().join("examples/clinic.yaml");
    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plans",
            "--out-dir",
            "out",
            "--clinic",
            clinic.to_str().unwrap(),
        ],
    );
    assert_success(&output);
    for name in ["ann", "bo"] {
        let pdf = dir.path().join(format!("out/{name}.pdf"));
        let drawn = std::process::Command::new("pdftoppm")
            .args(["-r", "20", "-png"])
            .arg(&pdf)
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        assert!(drawn.status.success(), "{name}");
        let complaints = String::from_utf8_lossy(&drawn.stderr);
        assert!(complaints.is_empty(), "{name}.pdf: {complaints}");
    }
}
