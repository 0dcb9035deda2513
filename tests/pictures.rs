//! Raster pictures in handouts: PNGs sized for print, transparency kept, and a batch that
//! shares every picture gives the same bytes whatever the number of workers.

mod common;

use std::path::Path;

use common::*;

/// A `width` x `height` PNG: a colour ramp (so that it does not compress to nothing), with
/// the right third fully transparent when `transparent`.
fn png(width: u32, height: u32, transparent: bool) -> Vec<u8> {
    let image = image::RgbaImage::from_fn(width, height, |x, y| {
        let alpha = if transparent && x > width * 2 / 3 {
            0
        } else {
            255
        };
        image::Rgba([(x % 256) as u8, (y % 256) as u8, 120, alpha])
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_with_encoder(image::codecs::png::PngEncoder::new(&mut bytes))
        .unwrap();
    bytes
}

/// A clinic with a PNG logo, and a library of two exercises with PNG pictures: a drawing with
/// transparency larger than print needs, and a small opaque one that already fits.
fn png_clinic() -> tempfile::TempDir {
    let exercise = |name: &str, picture: &str| {
        format!(
            "name: {name}\nregion: hip\ncategory: strength\nillustrations:\n  - file: {picture}\n    alt: A drawing\nsteps: [Lift your knee.]\n"
        )
    };
    let plan = |client: &str| {
        format!(
            "client: {client}\ndate: 2026-11-27\nclinic: clinic.yaml\nexercises: [drawn, small]\n"
        )
    };
    folder_with(&[
        ("lib/drawn.yaml", exercise("Drawn", "drawn.png").as_bytes()),
        ("lib/drawn.png", &png(1000, 750, true)),
        ("lib/small.yaml", exercise("Small", "small.png").as_bytes()),
        ("lib/small.png", &png(300, 200, false)),
        ("clinic.yaml", b"name: PNG Clinic\nlogo: logo.png\n"),
        ("logo.png", &png(900, 300, true)),
        ("plan.yaml", plan("Jane Doe").as_bytes()),
        (
            "plans/clinic.yaml",
            b"name: PNG Clinic\nlogo: ../logo.png\n",
        ),
        ("plans/a.yaml", plan("Ann Lee").as_bytes()),
        ("plans/b.yaml", plan("Bo Chen").as_bytes()),
        ("plans/c.yaml", plan("Cy Roy").as_bytes()),
        ("plans/d.yaml", plan("Di Fox").as_bytes()),
    ])
}

/// The images of a PDF as `pdfimages -list` gives them: type, width, height.
fn images(pdf: &Path) -> Vec<(String, u32, u32)> {
    tool("pdfimages", &["-list", pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            (
                fields[2].to_string(),
                fields[3].parse().unwrap(),
                fields[4].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn pngs_are_embedded_at_print_size_with_their_transparency() {
    let dir = png_clinic();
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--library", "lib"]);
    assert_success(&output);
    let pdf = dir.path().join("plan.pdf");
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    let found = images(&pdf);
    let image = |kind: &str, width: u32, height: u32| (kind.to_string(), width, height);
    // The logo, at most 2.2 x 0.85 inches: 660 x 220 pixels is 300 ppi; its transparency is
    // a soft mask.
    assert!(found.contains(&image("image", 660, 220)), "{found:?}");
    assert!(found.contains(&image("smask", 660, 220)), "{found:?}");
    // The 1000 x 750 drawing in a 2-inch column: 600 x 450, transparency kept.
    assert!(found.contains(&image("image", 600, 450)), "{found:?}");
    assert!(found.contains(&image("smask", 600, 450)), "{found:?}");
    // The small opaque picture passes through as it is, with no mask.
    assert!(found.contains(&image("image", 300, 200)), "{found:?}");
    assert!(!found.contains(&image("smask", 300, 200)), "{found:?}");
    assert_eq!(found.len(), 5, "{found:?}");
    assert_reads(&pdf_text(&pdf), "Drawn");

    // Large print draws pictures up to 3.5 inches wide: the drawing keeps all its pixels.
    let output = hep_in(
        dir.path(),
        &[
            "render",
            "plan.yaml",
            "--library",
            "lib",
            "--large-print",
            "-o",
            "large.pdf",
        ],
    );
    assert_success(&output);
    let found = images(&dir.path().join("large.pdf"));
    assert!(found.contains(&image("image", 1000, 750)), "{found:?}");
    assert!(found.contains(&image("smask", 1000, 750)), "{found:?}");
}

#[test]
fn a_batch_sharing_its_pictures_gives_the_same_bytes_with_any_number_of_workers() {
    let dir = png_clinic();
    let render = |out: &str, jobs: &str| {
        let output = hep_in(
            dir.path(),
            &[
                "render",
                "plans",
                "--out-dir",
                out,
                "--library",
                "lib",
                "--jobs",
                jobs,
            ],
        );
        assert_success(&output);
    };
    render("one", "1");
    render("two", "2");
    render("four", "4");
    for pdf in ["a.pdf", "b.pdf", "c.pdf", "d.pdf"] {
        let read = |folder: &str| std::fs::read(dir.path().join(folder).join(pdf)).unwrap();
        assert_eq!(read("one"), read("two"), "{pdf}");
        assert_eq!(read("one"), read("four"), "{pdf}");
        // Each handout of the batch carries the pictures, not a reference to another's.
        let found = images(&dir.path().join("two").join(pdf));
        assert_eq!(found.len(), 5, "{pdf}: {found:?}");
    }
    // No temporary file is left beside the handouts.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("two"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| !name.to_string_lossy().ends_with(".pdf"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
