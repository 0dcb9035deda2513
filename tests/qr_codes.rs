//! QR codes print at a scannable size and decode back to their links.

mod common;

use common::*;

/// Every QR code found on a page rendered at 150 dpi.
fn decode_page(pdf: &std::path::Path, page: usize) -> Vec<String> {
    let prefix = pdf.with_extension(format!("page{page}"));
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "150",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let png = format!("{}.png", prefix.display());
    let image = image::open(png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, content)| content))
        .collect()
}

#[test]
fn booking_and_video_codes_decode_to_their_links() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("runner.pdf");
    let output = hep(&[
        "render",
        "examples/plans/runner-video.yaml",
        "--library",
        "examples/library",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_success(&output);
    let first = decode_page(&pdf, 1);
    assert_eq!(
        first,
        vec!["https://riversidemassage.ca/book".to_string()],
        "booking code on page 1"
    );
    let pages = page_count(&pdf);
    let last = decode_page(&pdf, pages);
    assert!(
        last.contains(&"https://riversidemassage.ca/videos/band-walk".to_string()),
        "{last:?}"
    );
    let text = pdf_text(&pdf);
    assert_reads(&text, "Scan to book or cancel");
    assert_reads(&text, "Scan to watch");
    let bytes = std::fs::read(&pdf).unwrap();
    let needle = b"riversidemassage.ca/videos/band-walk";
    assert!(
        bytes.windows(needle.len()).any(|window| window == needle),
        "the link annotation carries the URL"
    );
}

#[test]
fn a_bad_video_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    std::fs::write(
        dir.path().join("lib/walk.yaml"),
        "name: Walk\nregion: full-body\ncategory: cardio\nvideo: www.example.com/walk\nsteps: [Walk.]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("plan.yaml"),
        "client: Jane\nexercises: [walk]\n",
    )
    .unwrap();
    let output = hep_in(dir.path(), &["render", "plan.yaml", "--library", "lib"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is not a web link starting with https://"),
        "{}",
        stderr(&output)
    );
}
