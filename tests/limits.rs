//! Hard limits: input that is too large, too deep, too many, or that the handout font cannot
//! print is refused with a message about the user's own file; pictures that are damaged, huge
//! or that name other files never crash `hep` nor pull those files into the PDF.

mod common;

use std::io::Cursor;

use common::*;
use image::{DynamicImage, ImageFormat, RgbImage};

/// The result of rendering `plan.yaml` in a fresh folder holding `files`.
struct Run {
    dir: tempfile::TempDir,
    code: Option<i32>,
    message: String,
}

impl Run {
    fn pdf(&self) -> std::path::PathBuf {
        self.dir.path().join("plan.pdf")
    }
}

fn render(plan: &str, files: &[(&str, &[u8])], extra: &[&str]) -> Run {
    let dir = folder_with(files);
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    let mut args = vec!["render", "plan.yaml"];
    args.extend_from_slice(extra);
    let output = hep_in(dir.path(), &args);
    let message = stderr(&output);
    assert!(!message.contains("panicked"), "hep panicked:\n{message}");
    Run {
        dir,
        code: output.status.code(),
        message,
    }
}

/// Renders and checks that hep refused the plan cleanly: exit 1, no PDF, no panic.
fn refused(plan: &str, files: &[(&str, &[u8])], extra: &[&str]) -> String {
    let run = render(plan, files, extra);
    assert_eq!(
        run.code,
        Some(1),
        "hep should refuse this plan:\n{}",
        run.message
    );
    assert!(!run.pdf().exists(), "no PDF is written on failure");
    run.message
}

/// Renders and checks that hep succeeded and wrote a PDF that qpdf finds sound.
fn rendered(plan: &str, files: &[(&str, &[u8])], extra: &[&str]) -> Run {
    let run = render(plan, files, extra);
    assert_eq!(
        run.code,
        Some(0),
        "hep should render this plan:\n{}",
        run.message
    );
    let pdf = run.pdf();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    run
}

fn assert_says(message: &str, expected: &[&str]) {
    for part in expected {
        assert!(message.contains(part), "expected {part:?} in:\n{message}");
    }
}

/// Asserts that the message says at least one of `words`, ignoring case.
fn assert_says_one_of(message: &str, words: &[&str]) {
    let lower = message.to_lowercase();
    assert!(
        words.iter().any(|word| lower.contains(word)),
        "expected one of {words:?} in:\n{message}"
    );
}

const START: &str = "client: Jane Doe\ndate: 2026-11-26\n";

/// A clinic exercise with one illustration, `walk.<extension>`, beside it.
fn exercise_with(picture: &str) -> String {
    format!(
        "name: Band Walk\nregion: hip\ncategory: strength\nillustrations:\n  - file: {picture}\nsteps:\n  - Step to the side.\n"
    )
}

/// Renders a plan naming `band-walk`, whose illustration is `name` with `bytes`.
fn with_illustration(name: &str, bytes: &[u8]) -> Run {
    let exercise = exercise_with(name);
    let picture_path = format!("mylib/{name}");
    render(
        &format!("{START}exercises: [band-walk]\n"),
        &[
            ("mylib/band-walk.yaml", exercise.as_bytes()),
            (&picture_path, bytes),
        ],
        &["--library", "mylib"],
    )
}

/// A picture full of detail, so that it does not compress to almost nothing.
fn noisy_picture(width: u32, height: u32) -> DynamicImage {
    let mut state = 0x2545_F491_u32;
    let image = RgbImage::from_fn(width, height, |_, _| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let [r, g, b, _] = state.to_le_bytes();
        image::Rgb([r, g, b])
    });
    DynamicImage::ImageRgb8(image)
}

fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

#[test]
fn yaml_over_one_mebibyte_is_refused() {
    let plan = format!(
        "{START}exercises: [clamshell]\nnotes: {}\n",
        "word ".repeat(220_000)
    );
    assert!(plan.len() > 1024 * 1024);
    let message = refused(&plan, &[], &[]);
    assert_says(&message, &["plan.yaml", "larger than 1024 KiB"]);
}

#[test]
fn alias_bombs_are_refused() {
    // Each exercise merges the one before it twice: 2^30 copies if nothing stopped it.
    let mut plan = format!("{START}exercises:\n  - &a0 {{id: clamshell, sets: 2}}\n");
    for level in 1..30 {
        let previous = level - 1;
        plan.push_str(&format!(
            "  - &a{level} {{<<: [*a{previous}, *a{previous}]}}\n"
        ));
    }
    let started = std::time::Instant::now();
    let message = refused(&plan, &[], &[]);
    assert!(started.elapsed().as_secs() < 20, "refused, but slowly");
    assert_says(&message, &["plan.yaml:"]);
    assert_says_one_of(&message, &["alias", "merge", "budget", "too many"]);

    // Plain aliases, tens of thousands of them.
    let plan = format!(
        "{START}exercises: [&a clamshell{}]\n",
        ", *a".repeat(60_000)
    );
    let message = refused(&plan, &[], &[]);
    assert_says(&message, &["plan.yaml:"]);
    assert_says_one_of(&message, &["alias", "budget", "too many"]);
}

#[test]
fn deeply_nested_yaml_is_refused() {
    // Where a value is expected: refused at the first bracket, long before any limit.
    let plan = format!(
        "{START}exercises: [clamshell]\nnotes: {}{}\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    let message = refused(&plan, &[], &[]);
    assert_says(&message, &["plan.yaml:4:8"]);
    // At the top of the file, where the parser looks ahead for a key: the nesting limit.
    let plan = "[".repeat(100_000);
    let message = refused(&plan, &[], &[]);
    assert_says(&message, &["plan.yaml:1:"]);
    assert_says_one_of(&message, &["recursion", "nest", "depth", "limit"]);
    // Block nesting far deeper than 64 levels.
    let plan: String = (0..300)
        .map(|level| format!("{}k{level}:\n", "  ".repeat(level)))
        .collect();
    let message = refused(&plan, &[], &[]);
    assert_says(&message, &["plan.yaml:1:"]);
}

#[test]
fn jpeg_over_the_pixel_limit_is_refused_before_decoding() {
    // A real 16 x 16 JPEG whose frame header is rewritten to claim 10,000 x 6,000 pixels.
    let mut jpeg = encoded(&noisy_picture(16, 16), ImageFormat::Jpeg);
    let frame = jpeg
        .windows(2)
        .position(|pair| pair == [0xFF, 0xC0])
        .expect("a baseline JPEG has an SOF0 header");
    jpeg[frame + 5..frame + 7].copy_from_slice(&6_000u16.to_be_bytes());
    jpeg[frame + 7..frame + 9].copy_from_slice(&10_000u16.to_be_bytes());
    let run = with_illustration("walk.jpg", &jpeg);
    assert_eq!(run.code, Some(1), "{}", run.message);
    assert_says(&run.message, &["walk.jpg", "10000 x 6000", "megapixels"]);
}

#[test]
fn truncated_png_is_refused_with_its_name() {
    let mut png = encoded(&noisy_picture(300, 300), ImageFormat::Png);
    png.truncate(png.len() / 2);
    let run = with_illustration("walk.png", &png);
    assert_eq!(run.code, Some(1), "{}", run.message);
    assert_says(&run.message, &["walk.png", "damaged or incomplete"]);
}

#[test]
fn truncated_jpeg_is_refused_with_its_name() {
    let mut jpeg = encoded(&noisy_picture(300, 300), ImageFormat::Jpeg);
    jpeg.truncate(jpeg.len() / 2);
    let run = with_illustration("walk.jpg", &jpeg);
    assert_eq!(run.code, Some(1), "{}", run.message);
    assert_says(&run.message, &["walk.jpg", "damaged or incomplete"]);
}

#[test]
fn broken_svg_is_refused_with_its_name() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect x="1" y="1" width="5"#;
    let run = with_illustration("walk.svg", svg);
    assert_eq!(run.code, Some(1), "{}", run.message);
    assert_says(&run.message, &["walk.svg", "not a readable SVG"]);
}

#[test]
fn svg_never_embeds_the_files_or_urls_it_names() {
    let dir_marker = "@DIR@";
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="80" viewBox="0 0 100 80">
  <rect x="5" y="5" width="90" height="70" fill="#cde"/>
  <image href="/etc/hostname" x="0" y="0" width="50" height="40"/>
  <image xlink:href="@DIR@/mylib/secret.png" x="50" y="0" width="50" height="40"/>
  <image href="file://@DIR@/mylib/secret.png" x="0" y="40" width="50" height="40"/>
  <image href="secret.png" x="50" y="40" width="50" height="40"/>
  <image href="http://localhost:9/photo.png" x="25" y="20" width="50" height="40"/>
</svg>"##;
    let secret = encoded(&noisy_picture(40, 40), ImageFormat::Png);
    // The folder is only known once it exists: write the SVG with the absolute paths after.
    let dir = tempfile::tempdir().unwrap();
    let svg = svg.replace(dir_marker, &dir.path().display().to_string());
    let exercise = exercise_with("walk.svg");
    for (name, bytes) in [
        ("mylib/band-walk.yaml", exercise.as_bytes()),
        ("mylib/walk.svg", svg.as_bytes()),
        ("mylib/secret.png", secret.as_slice()),
        ("secret.png", secret.as_slice()),
    ] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!("{START}exercises: [band-walk]\n"),
    )
    .unwrap();
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--library", "mylib"]);
    assert_success(&output);
    assert!(!stderr(&output).contains("panicked"));
    let pdf = dir.path().join("plan.pdf");
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    let images = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(
        images.lines().count(),
        2,
        "the PDF holds no raster image, only the SVG's vectors:\n{images}"
    );
    // Nor the text of the file it named.
    let hostname = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let hostname = hostname.trim();
    if hostname.len() >= 6 {
        let expanded = dir.path().join("expanded.pdf");
        tool(
            "qpdf",
            &[
                "--qdf",
                "--object-streams=disable",
                pdf.to_str().unwrap(),
                expanded.to_str().unwrap(),
            ],
        );
        let bytes = std::fs::read(&expanded).unwrap();
        assert!(
            !bytes
                .windows(hostname.len())
                .any(|window| window == hostname.as_bytes()),
            "the PDF contains /etc/hostname"
        );
    }
}

#[test]
fn a_five_thousand_letter_word_renders_into_a_valid_pdf() {
    let word: String = "Supercalifragilisticexpialidocious"
        .chars()
        .cycle()
        .take(5_000)
        .collect();
    let run = rendered(
        &format!("{START}notes: Before {word} after.\nexercises: [clamshell]\n"),
        &[],
        &[],
    );
    // The word runs over pages: take the footers out to read it whole.
    let pages = page_count(&run.pdf());
    assert!(pages >= 2);
    let mut text = squeezed(&pdf_text(&run.pdf())).replace("JaneDoe", "");
    for page in 1..=pages {
        text = text.replace(&format!("Page{page}of{pages}"), "");
    }
    assert_reads(&text, &format!("Before {word} after."));
}

#[test]
fn more_exercises_than_a_handout_holds_are_refused() {
    let plan = format!("{START}exercises:\n{}", "  - clamshell\n".repeat(200));
    let message = refused(&plan, &[], &[]);
    assert_says(
        &message,
        &[
            "plan.yaml:4:",
            "the plan lists 200 exercises",
            "at most 40",
            "split it into several plans",
        ],
    );
}

#[test]
fn control_characters_in_the_client_name_are_refused() {
    // Written as an escape in a quoted string: YAML accepts it, hep does not.
    let message = refused("client: \"Jane\\aDoe\"\nexercises: [clamshell]\n", &[], &[]);
    assert_says(
        &message,
        &[
            "plan.yaml:1:9",
            "the client's name contains the control character U+0007",
        ],
    );
    let message = refused(
        "client: \"Jane\\x85Doe\"\nexercises: [clamshell]\n",
        &[],
        &[],
    );
    assert_says(&message, &["control character U+0085"]);
    // Written raw: the YAML parser refuses it first, pointing at it.
    let message = refused("client: Jane\u{1b}Doe\nexercises: [clamshell]\n", &[], &[]);
    assert_says(&message, &["plan.yaml:1:"]);
    assert_says_one_of(&message, &["character", "control"]);
}

#[test]
fn right_to_left_client_names_are_refused_as_unprintable() {
    for (name, first) in [
        ("שרה כהן", "U+05E9"),
        ("سارة أحمد", "U+0633"),
        ("Jane \u{202E}eoD", "U+202E"),
    ] {
        let message = refused(
            &format!("client: \"{name}\"\nexercises: [clamshell]\n"),
            &[],
            &[],
        );
        assert_says(
            &message,
            &[
                "plan.yaml",
                "the client's name uses characters the handout font cannot print",
                first,
            ],
        );
    }
}

#[test]
fn an_exercise_file_over_one_mebibyte_is_refused() {
    // The limit applies to every YAML file hep reads, not only plans.
    let huge = format!("{}steps: [x]\n", "# padding\n".repeat(110_000));
    let message = refused(
        &format!("{START}exercises: [clamshell]\n"),
        &[("mylib/huge.yaml", huge.as_bytes())],
        &["--library", "mylib"],
    );
    assert_says(&message, &["huge.yaml", "larger than 1024 KiB"]);
}
