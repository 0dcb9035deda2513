//! `hep watch`: a save re-renders the PDF, a broken plan keeps the last good one, Ctrl-C stops
//! it cleanly. Bounds are generous (a debug build on a busy machine); nothing is timed.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;

const BOUND: Duration = Duration::from_secs(60);

const PLAN: &str =
    "client: Jane Doe\ndate: 2027-02-18\nfollow_up: 2 weeks\nexercises: [clamshell]\n";

/// Waits (within `BOUND`) until `done` holds.
fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < BOUND, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Kills the watcher if the test fails half-way.
struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_save_re_renders_a_broken_plan_keeps_the_last_pdf_and_ctrl_c_stops() {
    let dir = folder_with(&[
        ("clinic.yaml", b"name: Riverside Massage Therapy\n"),
        ("plans/jane.yaml", PLAN.as_bytes()),
    ]);
    let plan = dir.path().join("plans/jane.yaml");
    let pdf = dir.path().join("plans/jane.pdf");
    let child = Command::new(env!("CARGO_BIN_EXE_hep"))
        .args(["watch", "plans/jane.yaml"])
        .current_dir(dir.path())
        .env_remove("HEP_CLINIC")
        .env_remove("HEP_LIBRARY")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hep runs");
    let mut watcher = Watcher(child);
    let (lines_in, lines) = mpsc::channel();
    let stderr = watcher.0.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines_in.send(line);
        }
    });
    let mut seen = Vec::new();
    let wait_for_line = |what: &str, seen: &mut Vec<String>| {
        eventually(what, || {
            seen.extend(lines.try_iter());
            seen.iter().any(|line| line.contains(what))
        });
    };

    wait_for_line("Wrote plans/jane.pdf", &mut seen);
    assert_reads(&pdf_text(&pdf), "Riverside Massage Therapy");
    assert_reads(&pdf_text(&pdf), "Jane Doe");

    // A save: the PDF follows.
    std::fs::write(&plan, PLAN.replace("Jane Doe", "Janet Example")).unwrap();
    eventually("the PDF to show the new name", || {
        pdf.is_file() && squeezed(&pdf_text(&pdf)).contains("JanetExample")
    });

    // The clinic file is watched too.
    std::fs::write(
        dir.path().join("clinic.yaml"),
        "name: Northside Massage Therapy\n",
    )
    .unwrap();
    eventually("the PDF to show the new clinic", || {
        squeezed(&pdf_text(&pdf)).contains("NorthsideMassageTherapy")
    });

    // A broken plan: the error with its place, and the last good PDF stays.
    std::fs::write(&plan, PLAN.replace("clamshell", "clamshel")).unwrap();
    wait_for_line("plans/jane.yaml:4:", &mut seen);
    wait_for_line("kept the last good", &mut seen);
    assert!(
        seen.iter()
            .any(|line| line.contains("unknown exercise `clamshel`")),
        "{seen:#?}"
    );
    assert_reads(&pdf_text(&pdf), "Janet Example");

    // Ctrl-C: a clean stop.
    let pid = watcher.0.id().to_string();
    let status = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(status.success());
    let mut exit = None;
    eventually("hep watch to stop", || {
        exit = watcher.0.try_wait().unwrap();
        exit.is_some()
    });
    assert!(exit.unwrap().success(), "{exit:?}");
    wait_for_line("Stopped.", &mut seen);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("plans"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "jane.yaml" && name != "jane.pdf")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}
