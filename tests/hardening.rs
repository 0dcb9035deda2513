//! Hostile and careless use: outputs that name an input or a device, files that never end,
//! links that lead out of a folder, umasks, Ctrl-C, odd batch folders. `hep` must never
//! destroy anything, never hang or fill the memory, and always say what happened.

mod common;

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::*;

const PLAN: &str = "client: Jane Doe\ndate: 2026-11-26\nexercises: [clamshell]\n";

/// A folder with `plan.yaml` and a clinic file with an SVG logo beside it.
fn clinic_folder() -> tempfile::TempDir {
    folder_with(&[
        ("plan.yaml", PLAN.as_bytes()),
        ("clinic.yaml", b"name: Riverside Massage\nlogo: logo.svg\n"),
        ("logo.svg", LOGO.as_bytes()),
    ])
}

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#1F6F78"/></svg>"##;

/// Runs `hep` through `sh -c` in `dir`, for umasks and closed descriptors.
fn hep_in_shell(dir: &Path, script: &str) -> Output {
    let output = Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("HEP", env!("CARGO_BIN_EXE_hep"))
        .env_remove("HEP_CLINIC")
        .env_remove("HEP_LIBRARY")
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        !stderr(&output).contains("panicked"),
        "hep panicked:\n{}",
        stderr(&output)
    );
    output
}

fn refused_with(output: &Output, words: &[&str]) -> String {
    let message = stderr(output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "hep should refuse:\n{message}"
    );
    for word in words {
        assert!(message.contains(word), "expected {word:?} in:\n{message}");
    }
    message
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

// 1. Inputs are never written over.

#[test]
fn the_output_never_replaces_the_plan_the_clinic_file_or_the_logo() {
    let dir = clinic_folder();
    for (output, input) in [
        ("plan.yaml", "plan.yaml"),
        ("clinic.yaml", "clinic.yaml"),
        ("logo.svg", "logo.svg"),
        ("./plan.yaml", "plan.yaml"),
    ] {
        let before = std::fs::read(dir.path().join(input)).unwrap();
        let result = hep_in(
            dir.path(),
            &[
                "render",
                "plan.yaml",
                "--clinic",
                "clinic.yaml",
                "-o",
                output,
            ],
        );
        refused_with(&result, &["refusing to write", output, "never writes over"]);
        assert_eq!(std::fs::read(dir.path().join(input)).unwrap(), before);
    }
    // A hard link to the plan under another name is the plan too.
    std::fs::hard_link(dir.path().join("plan.yaml"), dir.path().join("other.pdf")).unwrap();
    let result = hep_in(dir.path(), &["render", "plan.yaml", "-o", "other.pdf"]);
    refused_with(&result, &["`other.pdf`", "`plan.yaml`"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap(),
        PLAN
    );
}

#[test]
fn a_plan_named_like_a_pdf_is_not_replaced_by_its_own_handout() {
    let dir = folder_with(&[("jane.pdf", PLAN.as_bytes())]);
    let result = hep_in(dir.path(), &["render", "jane.pdf"]);
    refused_with(&result, &["jane.pdf", "jane-handout.pdf"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("jane.pdf")).unwrap(),
        PLAN
    );
}

#[test]
fn a_library_picture_is_not_replaced_either() {
    let dir = folder_with(&[
        ("plan.yaml", b"client: Jane\nexercises: [walk]\n"),
        (
            "mylib/walk.yaml",
            b"name: Walk\nregion: hip\ncategory: strength\nillustrations:\n  - file: walk.svg\nsteps:\n  - Walk.\n",
        ),
        ("mylib/walk.svg", LOGO.as_bytes()),
    ]);
    let result = hep_in(
        dir.path(),
        &[
            "render",
            "plan.yaml",
            "--library",
            "mylib",
            "-o",
            "mylib/walk.svg",
        ],
    );
    refused_with(&result, &["mylib/walk.svg"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mylib/walk.svg")).unwrap(),
        LOGO
    );
}

// 2. Devices, FIFOs and links are written through, not replaced.

#[test]
fn a_fifo_is_written_into_and_stays_a_fifo() {
    let dir = folder_with(&[("plan.yaml", PLAN.as_bytes())]);
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let output = hep_in(dir.path(), &["render", "plan.yaml", "-o", "pipe"]);
    assert_success(&output);
    let bytes = reader.join().unwrap();
    assert!(bytes.starts_with(b"%PDF"), "the PDF went through the FIFO");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_link_to_a_device_stays_a_link_and_the_device_a_device() {
    let dir = folder_with(&[("plan.yaml", PLAN.as_bytes())]);
    let link = dir.path().join("null.pdf");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    assert_success(&hep_in(
        dir.path(),
        &["render", "plan.yaml", "-o", "null.pdf"],
    ));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A copy of the device node, where the system allows making one.
    let node = dir.path().join("device.pdf");
    let made = Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|status| status.success());
    if made {
        assert_success(&hep_in(
            dir.path(),
            &["render", "plan.yaml", "-o", "device.pdf"],
        ));
        assert!(
            std::fs::metadata(&node)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
}

#[test]
fn the_stream_behind_dev_stdout_is_written_into_when_it_is_a_pipe_or_a_file() {
    // `/proc/self/fd/1` is where `/dev/stdout` leads. The test names it rather than
    // `/dev/stdout` itself: a hep that regressed would replace the machine's `/dev/stdout`
    // link with a regular file (as the issue found, run as root), breaking it for everyone.
    let dir = folder_with(&[("plan.yaml", PLAN.as_bytes())]);
    let output = hep_in(
        dir.path(),
        &["render", "plan.yaml", "-o", "/proc/self/fd/1"],
    );
    assert_success(&output);
    assert!(output.stdout.starts_with(b"%PDF"));
    let output = hep_in_shell(
        dir.path(),
        r#""$HEP" render plan.yaml -o /proc/self/fd/1 > out.pdf"#,
    );
    assert_success(&output);
    let written = std::fs::read(dir.path().join("out.pdf")).unwrap();
    assert!(written.starts_with(b"%PDF"));
}

#[test]
fn a_link_to_a_handout_replaces_the_handout_and_stays_a_link() {
    let dir = folder_with(&[("plan.yaml", PLAN.as_bytes()), ("old.pdf", b"old")]);
    std::os::unix::fs::symlink("old.pdf", dir.path().join("latest.pdf")).unwrap();
    assert_success(&hep_in(
        dir.path(),
        &["render", "plan.yaml", "-o", "latest.pdf"],
    ));
    let link = dir.path().join("latest.pdf");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read(dir.path().join("old.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
}

// 3. Every read is bounded, and only regular files are read.

#[test]
fn a_device_or_fifo_as_logo_or_picture_is_refused_without_reading_it() {
    let dir = folder_with(&[
        ("plan.yaml", PLAN.as_bytes()),
        ("clinic.yaml", b"name: Riverside\nlogo: /dev/zero\n"),
    ]);
    let result = hep_in(
        dir.path(),
        &["render", "plan.yaml", "--clinic", "clinic.yaml"],
    );
    refused_with(&result, &["/dev/zero", "device"]);
    mkfifo(&dir.path().join("logo.png"));
    std::fs::write(
        dir.path().join("clinic.yaml"),
        "name: Riverside\nlogo: logo.png\n",
    )
    .unwrap();
    let result = hep_in(
        dir.path(),
        &["render", "plan.yaml", "--clinic", "clinic.yaml"],
    );
    refused_with(&result, &["logo.png", "FIFO"]);
    assert!(!dir.path().join("plan.pdf").exists());
}

#[test]
fn a_picture_file_claiming_a_gigabyte_is_refused_after_thirty_mebibytes() {
    let dir = folder_with(&[
        ("plan.yaml", b"client: Jane\nexercises: [walk]\n"),
        (
            "mylib/walk.yaml",
            b"name: Walk\nregion: hip\ncategory: strength\nillustrations:\n  - file: walk.png\nsteps:\n  - Walk.\n",
        ),
    ]);
    let picture = std::fs::File::create(dir.path().join("mylib/walk.png")).unwrap();
    picture.set_len(1 << 30).unwrap();
    let result = hep_in(dir.path(), &["render", "plan.yaml", "--library", "mylib"]);
    refused_with(&result, &["walk.png", "30 MiB"]);
}

#[test]
fn a_plan_or_clinic_that_is_a_device_is_refused_by_name() {
    let dir = folder_with(&[("plan.yaml", PLAN.as_bytes())]);
    let result = hep_in(
        dir.path(),
        &["render", "plan.yaml", "--clinic", "/dev/zero"],
    );
    refused_with(&result, &["/dev/zero", "device"]);
    let result = hep_in(dir.path(), &["render", "/dev/zero", "-o", "x.pdf"]);
    refused_with(&result, &["/dev/zero", "device"]);
}

#[test]
fn extract_refuses_devices_fifos_and_huge_files() {
    let dir = tempfile::tempdir().unwrap();
    let result = hep_in(dir.path(), &["extract", "/dev/zero", "out"]);
    refused_with(&result, &["/dev/zero", "device"]);
    mkfifo(&dir.path().join("pipe.pdf"));
    let result = hep_in(dir.path(), &["extract", "pipe.pdf", "out"]);
    refused_with(&result, &["pipe.pdf", "FIFO"]);
    let huge = std::fs::File::create(dir.path().join("huge.pdf")).unwrap();
    huge.set_len(200 << 20).unwrap();
    let result = hep_in(dir.path(), &["extract", "huge.pdf", "out"]);
    refused_with(&result, &["huge.pdf", "100 MiB"]);
    assert!(!dir.path().join("out").exists());
}

// 5. Extract and init stay inside their folder.

fn archival_handout(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("plan.yaml"), PLAN).unwrap();
    assert_success(&hep_in(
        dir,
        &["render", "plan.yaml", "--archive", "-o", "a.pdf"],
    ));
    dir.join("a.pdf")
}

#[test]
fn extract_never_writes_through_a_link_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let pdf = archival_handout(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), out.join("library")).unwrap();
    let result = hep_in(dir.path(), &["extract", pdf.to_str().unwrap(), "out"]);
    refused_with(&result, &["symbolic link", "library"]);
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    // Nothing was written before the link was found.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    // A link in place of a file is refused the same way, even with --force.
    std::fs::remove_file(out.join("library")).unwrap();
    let target = elsewhere.path().join("victim.yaml");
    std::fs::write(&target, "mine").unwrap();
    std::os::unix::fs::symlink(&target, out.join("plan.yaml")).unwrap();
    let result = hep_in(
        dir.path(),
        &["extract", pdf.to_str().unwrap(), "out", "--force"],
    );
    refused_with(&result, &["symbolic link", "plan.yaml"]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
}

#[test]
fn init_never_writes_through_a_dangling_link() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let folder = dir.path().join("clinic");
    std::fs::create_dir(&folder).unwrap();
    let victim = elsewhere.path().join("created.txt");
    std::os::unix::fs::symlink(&victim, folder.join("README.txt")).unwrap();
    let result = hep_in(dir.path(), &["init", "clinic"]);
    refused_with(&result, &["README.txt"]);
    assert!(!victim.exists());
}

// 6. Modes follow the umask, and a re-render keeps the file's mode.

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn new_files_follow_the_umask_and_replaced_files_keep_their_mode() {
    let dir = folder_with(&[("plan.yaml", PLAN.as_bytes())]);
    assert_success(&hep_in_shell(
        dir.path(),
        r#"umask 022 && "$HEP" render plan.yaml --archive -o a.pdf"#,
    ));
    assert_eq!(mode(&dir.path().join("a.pdf")), 0o644);
    assert_success(&hep_in_shell(
        dir.path(),
        r#"umask 002 && "$HEP" render plan.yaml -o b.pdf"#,
    ));
    assert_eq!(mode(&dir.path().join("b.pdf")), 0o664);
    std::fs::set_permissions(
        dir.path().join("a.pdf"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    let owner = std::fs::metadata(dir.path().join("a.pdf")).unwrap().uid();
    assert_success(&hep_in_shell(
        dir.path(),
        r#"umask 077 && "$HEP" render plan.yaml --force --archive -o a.pdf"#,
    ));
    assert_eq!(mode(&dir.path().join("a.pdf")), 0o640);
    assert_eq!(
        std::fs::metadata(dir.path().join("a.pdf")).unwrap().uid(),
        owner
    );
    assert_success(&hep_in_shell(
        dir.path(),
        r#"umask 022 && "$HEP" extract a.pdf out"#,
    ));
    assert_eq!(mode(&dir.path().join("out/plan.yaml")), 0o644);
}

// 8. Ctrl-C.

#[test]
fn ctrl_c_during_a_batch_stops_it_leaves_no_temporary_file_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for number in 0..60 {
        std::fs::write(
            plans.join(format!("client-{number:02}.yaml")),
            format!("client: Client {number}\nexercises: [clamshell, glute-bridge, bird-dog]\n"),
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hep"))
        .args(["render", "plans", "--out-dir", "out", "--jobs", "1"])
        .current_dir(dir.path())
        .env_remove("HEP_CLINIC")
        .env_remove("HEP_LIBRARY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first handout, then press Ctrl-C.
    while std::fs::read_dir(&out).map_or(0, |entries| entries.count()) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "hep ended before the first handout was seen"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(130), "{message}");
    assert!(message.contains("interrupted"), "{message}");
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|name| name.ends_with(".pdf") && !name.starts_with('.')),
        "{names:?}"
    );
    assert!(names.len() < 60, "the batch stopped early");
    for name in &names {
        let bytes = std::fs::read(out.join(name)).unwrap();
        assert!(
            bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF"),
            "{name} is whole"
        );
    }
}

// 9. Batches.

#[test]
fn a_symlink_loop_in_a_batch_folder_renders_each_plan_once() {
    let dir = folder_with(&[("plans/sub/jane.yaml", PLAN.as_bytes())]);
    std::os::unix::fs::symlink("..", dir.path().join("plans/sub/loop")).unwrap();
    let output = hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--json"],
    );
    assert_success(&output);
    let lines = String::from_utf8_lossy(&output.stdout).lines().count();
    assert_eq!(lines, 1, "{}", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn a_huge_jobs_count_is_clamped_to_the_plans() {
    let dir = folder_with(&[
        ("plans/a.yaml", PLAN.as_bytes()),
        ("plans/b.yaml", PLAN.as_bytes()),
    ]);
    let output = hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--jobs", "100000"],
    );
    assert_success(&output);
    for pdf in ["out/a.pdf", "out/b.pdf"] {
        assert_reads(&pdf_text(&dir.path().join(pdf)), "Jane Doe");
    }
}

#[test]
fn unreadable_plans_in_a_batch_are_failures_not_skipped() {
    let dir = folder_with(&[("plans/a.yaml", PLAN.as_bytes())]);
    let plans = dir.path().join("plans");
    mkfifo(&plans.join("fifo.yaml"));
    std::os::unix::fs::symlink("/dev/zero", plans.join("zero.yaml")).unwrap();
    std::os::unix::fs::symlink("missing.yaml", plans.join("dangling.yaml")).unwrap();
    let huge = std::fs::File::create(plans.join("huge.yaml")).unwrap();
    huge.set_len(64 << 20).unwrap();
    let output = hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--json"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json = String::from_utf8_lossy(&output.stdout);
    for name in ["fifo.yaml", "zero.yaml", "dangling.yaml", "huge.yaml"] {
        let line = json
            .lines()
            .find(|line| line.contains(name))
            .unwrap_or_else(|| panic!("{name} is in the JSON:\n{json}"));
        assert!(line.contains(r#""status":"error""#), "{line}");
    }
    assert!(dir.path().join("out/a.pdf").exists());
    let output = hep_in(dir.path(), &["render", "plans", "--out-dir", "out"]);
    let message = stderr(&output);
    assert!(message.contains("4 failed"), "{message}");
}

// 10. A closed standard output is an error.

#[test]
fn writing_to_a_closed_standard_output_fails() {
    let dir = folder_with(&[("plan.yaml", PLAN.as_bytes())]);
    let output = hep_in_shell(dir.path(), r#""$HEP" render plan.yaml -o - >&-"#);
    refused_with(&output, &["standard output", "closed"]);
    // Sending it to /dev/null on purpose is fine.
    assert_success(&hep_in_shell(
        dir.path(),
        r#""$HEP" render plan.yaml -o - >/dev/null"#,
    ));
}

// 4. Pictures inside SVGs, filters and coordinates are bounded too.

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for group in bytes.chunks(3) {
        let value = group.iter().enumerate().fold(0u32, |value, (index, byte)| {
            value | u32::from(*byte) << (16 - 8 * index)
        });
        for index in 0..4 {
            if index <= group.len() {
                out.push(ALPHABET[(value >> (18 - 6 * index) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Renders `plan.yaml` with a clinic whose logo is `svg`; `extra` are more arguments.
fn with_logo(svg: &str, extra: &[&str]) -> (tempfile::TempDir, Output) {
    let dir = folder_with(&[
        ("plan.yaml", PLAN.as_bytes()),
        ("clinic.yaml", b"name: Riverside\nlogo: logo.svg\n"),
        ("logo.svg", svg.as_bytes()),
    ]);
    let mut args = vec!["render", "plan.yaml", "--clinic", "clinic.yaml"];
    args.extend_from_slice(extra);
    let output = hep_in(dir.path(), &args);
    (dir, output)
}

#[test]
fn a_huge_picture_inside_an_svg_obeys_the_pixel_limit() {
    let png = base64(&png_claiming(25_000, 25_000));
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><image width="100" height="100" xlink:href="data:image/png;base64,{png}"/></svg>"#
    );
    let (dir, output) = with_logo(&svg, &[]);
    refused_with(&output, &["logo.svg", "25000 x 25000", "megapixels"]);
    assert!(!dir.path().join("plan.pdf").exists());
}

#[test]
fn svg_filters_that_would_take_minutes_are_refused() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><filter id="f" filterUnits="userSpaceOnUse" x="-1000" y="-1000" width="2000" height="2000"><feTurbulence baseFrequency="0.5" numOctaves="100"/></filter><rect width="10" height="10" filter="url(#f)"/></svg>"#;
    let (_dir, output) = with_logo(svg, &[]);
    refused_with(&output, &["logo.svg", "filters"]);
    // A drop shadow on a logo is fine.
    let shadow = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><filter id="s"><feGaussianBlur stdDeviation="2"/></filter><rect x="10" y="10" width="100" height="40" fill="#888" filter="url(#s)"/><rect x="8" y="8" width="100" height="40" fill="#1F6F78"/></svg>"##;
    let (dir, output) = with_logo(shadow, &[]);
    assert_success(&output);
    tool(
        "qpdf",
        &["--check", dir.path().join("plan.pdf").to_str().unwrap()],
    );
}

#[test]
fn svgs_with_astronomical_coordinates_are_refused_in_every_mode() {
    for svg in [
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e30 1e30"><rect width="1e30" height="1e30"/></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 1e30 1e30"><rect width="1e30" height="1e30"/></svg>"#,
    ] {
        for extra in [&[][..], &["--archive"][..]] {
            let (dir, output) = with_logo(svg, extra);
            refused_with(&output, &["logo.svg"]);
            assert!(!dir.path().join("plan.pdf").exists());
        }
    }
}

// 7. Notes are capped, and long ones lay out in linear time.

#[test]
fn notes_longer_than_the_cap_are_refused_and_notes_at_it_render() {
    let long = format!("{PLAN}notes: {}\n", "word ".repeat(40_000));
    let dir = folder_with(&[("plan.yaml", long.as_bytes())]);
    let output = hep_in(dir.path(), &["render", "plan.yaml"]);
    refused_with(&output, &["notes", "10000"]);
    let words = "Walk every day. ".repeat(600);
    let at_cap = format!("{PLAN}notes: {}\n", words.trim());
    std::fs::write(dir.path().join("plan.yaml"), at_cap).unwrap();
    assert_success(&hep_in(dir.path(), &["render", "plan.yaml"]));
    let text = pdf_text(&dir.path().join("plan.pdf"));
    // Every line is there; a sentence may run across a page break.
    assert_eq!(squeezed(&text).matches("Walk").count(), 600);
    assert_eq!(squeezed(&text).matches("day.").count(), 600);
}

// 11. Messages in our words, with positions and escaped invisible characters.

/// Renders `plan` (a whole file) and returns what hep said when it refused it.
fn refusal_of(plan: &str) -> String {
    let dir = folder_with(&[("plan.yaml", plan.as_bytes())]);
    let output = hep_in(dir.path(), &["render", "plan.yaml"]);
    let message = refused_with(&output, &["plan.yaml"]);
    for jargon in [
        "policy",
        "from_str",
        "Option<",
        "deserialize",
        "disallowed",
        "use from",
    ] {
        assert!(!message.contains(jargon), "library words in:\n{message}");
    }
    message
}

#[test]
fn yaml_errors_are_explained_in_our_words_with_their_line() {
    let dose = |line: &str| format!("client: Jane\nexercises:\n  - id: clamshell\n    {line}\n");
    let message = refusal_of(&dose("reps: .nan"));
    assert!(
        message.contains("plan.yaml:4:11") && message.contains("not a number"),
        "{message}"
    );
    let message = refusal_of("client: Jane\nexercises: [clamshell]\n---\nclient: Sam\n");
    assert!(
        message.contains("second YAML document") && message.contains(":4:"),
        "{message}"
    );
    let message = refusal_of("client: Jane\nexercises:\n\t- clamshell\n");
    assert!(
        message.contains("tab") && message.contains("plan.yaml:3:"),
        "{message}"
    );
    let message = refusal_of("client: null\nexercises: [clamshell]\n");
    assert!(
        message.contains("empty") && message.contains("plan.yaml:1:9"),
        "{message}"
    );
    let message = refusal_of(&dose("sets: 1e12"));
    assert!(message.contains("from 1 to 100"), "{message}");
}

#[test]
fn invisible_and_bidi_characters_are_shown_escaped_with_their_position() {
    let message = refusal_of("client: Jane \u{202E}evil\nexercises: [clamshell]\n");
    assert!(
        !message.contains('\u{202E}'),
        "the raw override reached the terminal"
    );
    assert!(message.contains(r"\u{202E}"), "{message}");
    assert!(message.contains("plan.yaml:1:14"), "{message}");
    let message = refusal_of("client: Jane\nexercises: [clamshell]\nnotes: \"a\\x01b\"\n");
    assert!(message.contains("the notes contain "), "{message}");
}

#[test]
fn write_errors_never_show_the_temporary_file() {
    let dir = folder_with(&[("plan.yaml", PLAN.as_bytes())]);
    std::fs::create_dir(dir.path().join("out.pdf")).unwrap();
    let output = hep_in(dir.path(), &["render", "plan.yaml", "-o", "out.pdf"]);
    let message = refused_with(&output, &["out.pdf"]);
    assert!(
        !message.contains(".part") && !message.contains(".hep-"),
        "{message}"
    );
}

fn rewrite_pdf(pdf: &Path, change: impl FnOnce(&mut lopdf::Document)) {
    let mut document = lopdf::Document::load(pdf).unwrap();
    change(&mut document);
    document.save(pdf).unwrap();
}

#[test]
fn extract_says_an_encrypted_pdf_is_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = archival_handout(dir.path());
    rewrite_pdf(&pdf, |document| {
        let mut encrypt = lopdf::Dictionary::new();
        encrypt.set("Filter", lopdf::Object::Name(b"Standard".to_vec()));
        encrypt.set("V", 2);
        encrypt.set("R", 3);
        let id = document.add_object(encrypt);
        document
            .trailer
            .set("Encrypt", lopdf::Object::Reference(id));
    });
    let output = hep_in(dir.path(), &["extract", "a.pdf", "out"]);
    let message = refused_with(&output, &["a.pdf", "encrypted"]);
    assert!(!message.contains("object ID"), "{message}");
    assert_eq!(extract_error_code(dir.path(), "a.pdf"), "not-a-pdf");
}

/// The code of the problem `hep extract --json PDF out` reports.
fn extract_error_code(dir: &Path, pdf: &str) -> String {
    let output = hep_in(dir, &["extract", pdf, "out", "--json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    line["errors"][0]["code"].as_str().unwrap().to_string()
}

/// The attachments' name array of an archival handout, wherever krilla put its dictionaries.
fn attachment_names(document: &mut lopdf::Document) -> &mut Vec<lopdf::Object> {
    use lopdf::Object;
    fn follow(document: &lopdf::Document, object: &Object) -> Option<lopdf::ObjectId> {
        object
            .as_reference()
            .ok()
            .filter(|id| document.objects.contains_key(id))
    }
    let root = document
        .trailer
        .get(b"Root")
        .unwrap()
        .as_reference()
        .unwrap();
    let names = document
        .get_dictionary(root)
        .unwrap()
        .get(b"Names")
        .unwrap()
        .clone();
    let (holder, path): (lopdf::ObjectId, Vec<&[u8]>) = match follow(document, &names) {
        Some(names_id) => {
            let tree = document
                .get_dictionary(names_id)
                .unwrap()
                .get(b"EmbeddedFiles")
                .unwrap()
                .clone();
            match follow(document, &tree) {
                Some(tree_id) => (tree_id, vec![]),
                None => (names_id, vec![b"EmbeddedFiles"]),
            }
        }
        None => {
            let tree = names
                .as_dict()
                .unwrap()
                .get(b"EmbeddedFiles")
                .unwrap()
                .clone();
            match follow(document, &tree) {
                Some(tree_id) => (tree_id, vec![]),
                None => (root, vec![b"Names", b"EmbeddedFiles"]),
            }
        }
    };
    let mut dict = document
        .get_object_mut(holder)
        .unwrap()
        .as_dict_mut()
        .unwrap();
    for key in path {
        dict = dict.get_mut(key).unwrap().as_dict_mut().unwrap();
    }
    dict.get_mut(b"Names").unwrap().as_array_mut().unwrap()
}

#[test]
fn extract_refuses_two_attachments_of_one_name_before_writing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = archival_handout(dir.path());
    rewrite_pdf(&pdf, |document| {
        let names = attachment_names(document);
        let first = names[..2].to_vec();
        names.extend(first);
    });
    let output = hep_in(dir.path(), &["extract", "a.pdf", "out"]);
    refused_with(&output, &["two attachments"]);
    assert_eq!(extract_error_code(dir.path(), "a.pdf"), "broken-record");
    assert!(!dir.path().join("out").exists());
}

// 12. Smaller things.

#[test]
fn durations_that_would_print_wrongly_are_refused() {
    let dose = |line: &str| format!("client: Jane\nexercises:\n  - id: clamshell\n    {line}\n");
    let message = refusal_of(&dose("rest: 0.5"));
    assert!(message.contains("shorter than a second"), "{message}");
    let message = refusal_of(&dose("hold: 1 min 90 s"));
    assert!(message.contains("59 seconds"), "{message}");
}

#[test]
fn tabs_in_notes_and_steps_print_as_spaces() {
    let dir = folder_with(&[
        (
            "plan.yaml",
            b"client: Jane\nexercises:\n  - id: walk\n    note: \"Go\\tslow.\"\nnotes: \"Walk\\tdaily\"\n",
        ),
        (
            "mylib/walk.yaml",
            b"name: Walk\nregion: hip\ncategory: strength\nsteps:\n  - \"Step\\tto the side.\"\n",
        ),
    ]);
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--library", "mylib"]);
    assert_success(&output);
    let text = pdf_text(&dir.path().join("plan.pdf"));
    for expected in ["Walk daily", "Go slow.", "Step to the side."] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
}

#[test]
fn hexadecimal_counts_are_refused_where_they_are_written() {
    let message = refusal_of("client: Jane\nexercises:\n  - id: clamshell\n    sets: 0x10\n");
    assert!(
        message.contains("`0x10`") && message.contains("plan.yaml:4:11"),
        "{message}"
    );
}

#[test]
fn list_lines_in_a_note_stay_on_lines_of_their_own() {
    let plan = format!("{PLAN}notes: |\n  Do this:\n  - lift one\n  - lift two\n");
    let dir = folder_with(&[("plan.yaml", plan.as_bytes())]);
    assert_success(&hep_in(dir.path(), &["render", "plan.yaml"]));
    let text = pdf_text(&dir.path().join("plan.pdf"));
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for expected in ["Do this:", "- lift one", "- lift two"] {
        assert!(
            lines.contains(&expected),
            "{expected:?} on a line of its own:\n{text}"
        );
    }
}
