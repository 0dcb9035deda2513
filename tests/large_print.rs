//! Large print: 16 pt body text, bigger pictures, and everything still inside the page.

mod common;

use common::workspace_with;

use hep::layout::lay_out;
use hep::layout::page::ItemKind;
use hep::workspace::PlanInput;

#[test]
fn large_print_keeps_steps_at_16_pt_and_inside_the_page() {
    let workspace = workspace_with(Vec::new());
    let path = common::repo().join("examples/plans/large-print.yaml");
    let plan = workspace.plan(PlanInput::File(&path)).unwrap();
    let handout = workspace.handout(&plan).unwrap();
    assert!(handout.large_print);
    let document = lay_out(&handout);
    let lines: Vec<_> = document
        .pages
        .iter()
        .flat_map(|page| page.text_lines())
        .collect();
    for card in &handout.cards {
        for step in &card.steps {
            let first_words: String = step
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            let line = lines
                .iter()
                .find(|line| line.text.starts_with(&first_words))
                .unwrap_or_else(|| panic!("the step {step:?} is printed"));
            assert!(line.size >= 16.0, "{step:?} is {} pt", line.size);
        }
    }
    let page = document.page_size;
    for items in document.pages.iter().map(|page| &page.items) {
        for item in items {
            let bounds = item.bounds();
            assert!(bounds.x >= 0.0 && bounds.y >= 0.0, "{bounds:?}");
            assert!(
                bounds.right() <= page.width && bounds.bottom() <= page.height,
                "{bounds:?}"
            );
            if item.is_content() {
                assert!(
                    document.printable.contains(&bounds),
                    "{bounds:?} leaves the printable area"
                );
            }
        }
    }
    // Pictures are larger than in regular print (2 inches).
    let widest = document
        .pages
        .iter()
        .flat_map(|page| &page.items)
        .filter_map(|item| match &item.kind {
            ItemKind::Picture { rect, .. } => Some(rect.width),
            _ => None,
        })
        .fold(0.0, f32::max);
    assert!(widest > 2.5 * 72.0, "pictures are {widest} pt wide");
}

/// The median height of the words on a PDF's pages, from `pdftotext -bbox`: the size of its
/// body text, since most words are body text.
fn median_word_height(pdf: &std::path::Path) -> f32 {
    let boxes = common::tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let coordinate = |line: &str, name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    let mut heights: Vec<f32> = boxes
        .lines()
        .filter(|line| line.trim_start().starts_with("<word "))
        .map(|line| coordinate(line, "yMax") - coordinate(line, "yMin"))
        .collect();
    assert!(heights.len() > 50, "{boxes}");
    heights.sort_by(f32::total_cmp);
    heights[heights.len() / 2]
}

#[test]
fn the_flag_turns_large_print_on_for_any_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = common::repo().join("examples/plans/sam-lee.yaml");
    let render = |name: &str, extra: &[&str]| {
        let mut args = vec!["render", plan.to_str().unwrap(), "-o", name];
        args.extend_from_slice(extra);
        common::assert_success(&common::hep_in(dir.path(), &args));
        dir.path().join(name)
    };
    let regular = render("regular.pdf", &[]);
    let big = render("big.pdf", &["--large-print"]);
    common::assert_reads(&common::pdf_text(&big), "Chin Tuck");
    // Body text goes from 12 pt to 16 pt; the plan itself does not ask for large print.
    let (regular, big) = (median_word_height(&regular), median_word_height(&big));
    assert!(
        big >= regular * 16.0 / 12.0 * 0.95,
        "body text {regular} pt high in regular print, {big} pt with --large-print"
    );
}
