//! Large print: 16 pt body text, bigger pictures, and everything still inside the page.

mod common;

use hep::layout::lay_out;
use hep::layout::page::ItemKind;
use hep::load::library::LibrarySources;
use hep::workspace::{PlanInput, Workspace};

#[test]
fn large_print_keeps_steps_at_16_pt_and_inside_the_page() {
    let workspace = Workspace::load(
        &LibrarySources {
            bundled: true,
            folders: vec![],
        },
        None,
    )
    .unwrap();
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

#[test]
fn the_flag_turns_large_print_on_for_any_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = common::repo().join("examples/plans/sam-lee.yaml");
    let output = common::hep_in(
        dir.path(),
        &[
            "render",
            plan.to_str().unwrap(),
            "-o",
            "big.pdf",
            "--large-print",
        ],
    );
    common::assert_success(&output);
    let fonts = common::tool(
        "pdffonts",
        &["big.pdf"]
            .map(|name| dir.path().join(name).to_str().unwrap().to_string())
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(fonts.contains("AtkinsonHyperlegible"));
    common::assert_reads(&common::pdf_text(&dir.path().join("big.pdf")), "Chin Tuck");
}
