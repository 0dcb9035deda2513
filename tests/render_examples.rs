//! Render the bundled examples and read the PDFs back as a client would.

mod common;

use common::*;
use hep::load::library::{Library, LibrarySources};
use hep::load::plan::Plan;
use hep::load::source::SourceFile;

/// An example rendered once for every test here that reads it: its PDF path and its text.
fn render_example(name: &str) -> (&'static std::path::Path, &'static str) {
    let example = rendered_example(name);
    (&example.pdf, &example.text)
}

#[test]
fn the_it_band_handout_says_what_to_do_how_much_how_often_and_when_to_come_back() {
    let (pdf, text) = render_example("jane-doe");
    for expected in [
        "Riverside Massage Therapy",
        "Your home exercise program",
        "Jane Doe",
        "Alex Martin, RMT",
        "November 26, 2026",
        "Your next appointment",
        "Thursday, December 10, 2026 (in 2 weeks)",
        "If your pain is gone before then, feel free to cancel.",
        "To change it, call 613-555-0142.",
        "Clamshell",
        "2 sets of 12 on each side. Hold each one 2 seconds. Rest 30 seconds between sets.",
        "Once a day, every day",
        "3 sets of 10.",
        "3 days a week",
        "Every other day",
        "Keep going for 1 minute on your right side.",
        "Squeeze your buttocks at the top before you lower.",
        "Sharp pain is not".to_lowercase().as_str(),
    ] {
        assert_reads(&text.to_lowercase(), &expected.to_lowercase());
    }
    assert!(
        page_count(pdf) <= 5,
        "five exercises should fit on at most five pages"
    );
    assert_reads(text, &format!("Page 1 of {}", page_count(pdf)));
}

#[test]
fn every_step_of_every_planned_exercise_is_printed() {
    let library = Library::load(&LibrarySources {
        bundled: true,
        folders: vec![],
    })
    .unwrap();
    for name in ["jane-doe", "sam-lee", "neutral-low-back"] {
        let (_pdf, text) = render_example(name);
        let plan_path = repo().join(format!("examples/plans/{name}.yaml"));
        let plan = Plan::load(SourceFile::read(&plan_path).unwrap()).unwrap();
        assert_reads(text, &plan.client);
        for planned in &plan.exercises {
            let exercise = library.get(&planned.id).unwrap();
            assert_reads(text, &exercise.name);
            for step in exercise
                .steps
                .iter()
                .chain(&exercise.cues)
                .chain(&exercise.precautions)
            {
                assert_reads(text, step);
            }
        }
    }
}

#[test]
fn accents_and_curly_quotes_extract_exactly() {
    let (_pdf, text) = render_example("neutral-low-back");
    assert!(text.contains("Marie-Hélène Côté"), "{text}");
    let (_pdf, text) = render_example("jane-doe");
    assert!(
        text.contains("doesn’t"),
        "curly apostrophes survive: {text}"
    );
}

#[test]
fn a_fixed_follow_up_date_and_its_note() {
    let (_pdf, text) = render_example("sam-lee");
    assert_reads(text, "Friday, December 18, 2026 (in 3 weeks)");
    assert_reads(
        text,
        "We will check how your neck turns and adjust the exercises.",
    );
    assert_reads(text, "3 times a day, every day");
    assert_reads(text, "2 sets of 15.");
}

#[test]
fn output_is_valid_with_embedded_subset_fonts() {
    let (pdf, _text) = render_example("jane-doe");
    let path = pdf.to_str().unwrap();
    let check = tool("qpdf", &["--check", path]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = tool("pdffonts", &[path]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "the PDF uses fonts");
    for row in rows {
        assert!(
            row.contains("AtkinsonHyperlegible"),
            "only the bundled font: {row}"
        );
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "embedded, subset, unicode: {row}"
        );
        assert!(columns[0].contains('+'), "subset fonts carry a tag: {row}");
    }
}

#[test]
fn the_same_inputs_give_byte_identical_pdfs() {
    let first = tempfile::tempdir().unwrap();
    let a = &rendered_example("jane-doe").pdf;
    let b = first.path().join("b.pdf");
    // From another working folder, with an absolute plan path.
    let plan = repo().join("examples/plans/jane-doe.yaml");
    assert_success(&hep_in(
        first.path(),
        &["render", plan.to_str().unwrap(), "-o", "b.pdf"],
    ));
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn every_bundled_exercise_renders_in_a_handout() {
    let library = Library::load(&LibrarySources {
        bundled: true,
        folders: vec![],
    })
    .unwrap();
    let ids: Vec<&str> = library.ids().collect();
    let files = bundled_exercise_files();
    assert_eq!(
        ids.len(),
        files.len(),
        "one exercise per YAML file of library/: {files:?}"
    );
    // A handout holds at most 40 exercises: one plan per 20.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for (part, chunk) in ids.chunks(20).enumerate() {
        let plan = dir.path().join(format!("part-{part}.yaml"));
        let mut yaml = String::from("client: Test Client\ndate: 2026-11-26\nexercises:\n");
        for id in chunk {
            yaml.push_str(&format!("  - {id}\n"));
        }
        std::fs::write(&plan, yaml).unwrap();
        let output = hep(&["render", plan.to_str().unwrap()]);
        assert_success(&output);
        text.push_str(&pdf_text(&plan.with_extension("pdf")));
    }
    for exercise in library.exercises() {
        assert_reads(&text, &exercise.name);
        for step in &exercise.steps {
            assert_reads(&text, step);
        }
    }
}

#[test]
fn the_tracking_log_has_a_column_per_day_until_the_follow_up() {
    let (pdf, _text) = render_example("with-log");
    let pages = page_count(pdf);
    let last = tool(
        "pdftotext",
        &[
            "-raw",
            "-f",
            &pages.to_string(),
            "-l",
            &pages.to_string(),
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    assert_reads(&last, "Your exercise log");
    for day in ["Thu 26", "Sun 29", "Mon 30", "Tue 1", "Wed 9"] {
        assert_reads(&last, day);
    }
    assert!(
        !squeezed(&last).contains("Thu10"),
        "the follow-up day itself has no column"
    );
    assert_reads(&last, "twice a day");
    assert_reads(&last, "any 3 days");
    assert_reads(&last, "every other day");
    assert_reads(&last, "Bring this sheet to your next visit.");
}

/// How full each page of an example is: the lowest tagged content's bottom as a share of the
/// height from the top margin to the footer; and which pages hold the tracking log.
fn page_fills(name: &str) -> Vec<(f32, bool)> {
    use hep::layout::page::ItemKind;
    use hep::layout::structure::Role;
    use hep::layout::theme::Theme;
    let libraries: Vec<std::path::PathBuf> = EXAMPLES
        .iter()
        .find(|(example, _)| *example == name)
        .map(|(_, libraries)| libraries.iter().map(|folder| repo().join(folder)).collect())
        .unwrap_or_default();
    let workspace = hep::workspace::Workspace::load(
        &LibrarySources {
            bundled: true,
            folders: libraries,
        },
        None,
    )
    .unwrap();
    let path = repo().join(format!("examples/plans/{name}.yaml"));
    let plan = workspace
        .plan(hep::workspace::PlanInput::File(&path))
        .unwrap();
    let handout = workspace.handout(&plan).unwrap();
    let document = hep::layout::lay_out(&handout);
    let theme = Theme::for_brand(&handout.brand);
    let top = document.printable.y;
    let bottom = theme.content_bottom(document.page_size.height);
    let log_heading = handout.words.log_heading;
    document
        .pages
        .iter()
        .map(|page| {
            let lowest = page
                .items
                .iter()
                .filter(|item| item.node.is_some())
                .map(|item| item.bounds().bottom())
                .fold(top, f32::max);
            let log = page.items.iter().any(|item| {
                matches!(&item.kind, ItemKind::Text(line) if line.text == log_heading)
                    && item.node.is_some_and(|node| {
                        matches!(document.structure.node(node).role, Role::Heading { .. })
                    })
            });
            ((lowest - top) / (bottom - top), log)
        })
        .collect()
}

#[test]
fn the_examples_fit_on_few_pages() {
    for (name, most) in [
        ("jane-doe", 3),
        ("jean-tremblay-fr", 3),
        ("sam-lee", 3),
        ("bilingual", 4),
        ("desk-and-hips", 4),
    ] {
        let (pdf, text) = render_example(name);
        let pages = page_count(pdf);
        assert!(
            pages <= most,
            "{name} takes {pages} pages, at most {most} wanted"
        );
        // The last page's footer counts the pages the client holds.
        let last = ["of", "de", "/"].map(|word| squeezed(&format!("Page {pages} {word} {pages}")));
        assert!(
            last.iter()
                .any(|footer| squeezed(text).contains(footer.as_str())),
            "{name}: no \"Page {pages} of {pages}\" in {text}"
        );
    }
    // Six exercises, a note on two of them and a three-sentence note from the therapist.
    let (_pdf, text) = render_example("desk-and-hips");
    for name in [
        "Chin Tuck",
        "Upper Trapezius Stretch",
        "Doorway Chest Stretch",
        "Clamshell",
        "Glute Bridge",
        "Standing IT Band Stretch",
    ] {
        assert_reads(text, name);
    }
    assert_eq!(text.matches("From Alex").count(), 2, "{text}");
}

#[test]
fn every_page_but_the_last_card_page_is_at_least_70_percent_full() {
    for (name, _) in EXAMPLES {
        // Large print sets one exercise a page, by design.
        if *name == "large-print" {
            continue;
        }
        let fills = page_fills(name);
        let card_pages = fills.iter().filter(|(_, log)| !log).count();
        for (index, (fill, _)) in fills.iter().enumerate().take(card_pages.saturating_sub(1)) {
            assert!(
                *fill >= 0.70,
                "{name}: page {} is {:.0} % full ({fills:?})",
                index + 1,
                fill * 100.0
            );
        }
    }
}

/// The text of page `page` of a PDF.
fn page_text(pdf: &std::path::Path, page: usize) -> String {
    let page = page.to_string();
    tool(
        "pdftotext",
        &[
            "-f",
            &page,
            "-l",
            &page,
            "-raw",
            "-enc",
            "UTF-8",
            pdf.to_str().unwrap(),
            "-",
        ],
    )
}

#[test]
fn the_first_page_sums_the_plan_up_where_it_would_otherwise_be_left_empty() {
    // The low-back plan's second card does not fit under the header and the first: the room
    // holds the summary, and the first card stays on page 1.
    let (pdf, _) = render_example("neutral-low-back");
    let first = page_text(pdf, 1);
    assert_reads(&first, "Your exercises at a glance");
    assert_reads(&first, "Exercise Do How often");
    for row in [
        "1 Cat-Cow Do it 10 times. Once a day, every day",
        "2 Knee to Chest Hold 30 seconds. Repeat 3 times on each side. Once a day, every day",
        "3 Pelvic Tilt",
    ] {
        assert_reads(&first, row);
    }
    assert_reads(&first, "Arch");
    assert_eq!(page_count(pdf), 2);
    let tagged = structure_tree(pdf);
    let heading = tagged
        .iter()
        .position(|element| element.title.as_deref() == Some("Your exercises at a glance"))
        .expect("the summary's heading is tagged");
    assert_eq!(tagged[heading + 1].role, "Table", "{tagged:?}");
    assert!(
        bookmarks(pdf)
            .iter()
            .any(|title| title == "Your exercises at a glance")
    );
    // Bilingual: both languages, in the first page's otherwise empty half.
    let (pdf, _) = render_example("bilingual");
    let first = page_text(pdf, 1);
    assert_reads(&first, "Vos exercices en bref / Your exercises at a glance");
    assert_reads(&first, "Exercice / Exercise");
    assert_reads(&first, "Rentrée du menton Chin Tuck");
    assert_eq!(page_count(pdf), 4);
    // Where the first page is full of cards, there is no summary, and no trace of it for
    // screen readers or bookmarks.
    let (pdf, text) = render_example("jane-doe");
    assert!(!text.contains("at a glance"), "{text}");
    let tagged = structure_tree(pdf);
    assert!(
        tagged.iter().all(|element| !element
            .title
            .as_deref()
            .unwrap_or("")
            .contains("at a glance")),
        "{tagged:?}"
    );
    assert!(bookmarks(pdf).iter().all(|title| !title.contains("glance")));
}

#[test]
fn the_plan_or_the_clinic_can_ask_for_the_summary_always_or_never() {
    const LOW_BACK: &str = "client: Marie\ndate: 2026-11-26\nfollow_up: 10 days\n\
                            exercises: [cat-cow, knee-to-chest, pelvic-tilt]\n";
    const FIVE: &str = "client: Jane\ndate: 2026-11-26\nfollow_up: 2 weeks\n\
                        exercises: [clamshell, side-lying-hip-abduction, glute-bridge, \
                        standing-it-band-stretch, foam-roll-lateral-thigh]\n";
    let clinic = "name: Riverside\n";
    let never = format!("{LOW_BACK}summary: false\n");
    let always = format!("{FIVE}summary: true\n");
    let dir = folder_with(&[
        ("clinic.yaml", clinic.as_bytes()),
        ("plans/auto.yaml", LOW_BACK.as_bytes()),
        ("plans/never.yaml", never.as_bytes()),
        ("plans/five.yaml", FIVE.as_bytes()),
        ("plans/always.yaml", always.as_bytes()),
    ]);
    assert_success(&hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out"],
    ));
    let first_page = |name: &str| page_text(&dir.path().join("out").join(name), 1);
    // Left alone, the low-back plan has room for it and the five-exercise plan does not.
    assert_reads(&first_page("auto.pdf"), "Your exercises at a glance");
    assert!(!first_page("never.pdf").contains("at a glance"));
    assert!(!first_page("five.pdf").contains("at a glance"));
    // Asked for, it is printed even at the cost of a page.
    assert_reads(&first_page("always.pdf"), "Your exercises at a glance");
    let pages = |name: &str| page_count(&dir.path().join("out").join(name));
    assert!(pages("always.pdf") >= pages("five.pdf"));
    // A clinic's `summary: false` is every plan's default; a plan's own setting wins.
    std::fs::write(
        dir.path().join("clinic.yaml"),
        "name: Riverside\nsummary: false\n",
    )
    .unwrap();
    assert_success(&hep_in(
        dir.path(),
        &["render", "plans", "--out-dir", "out", "--force"],
    ));
    assert!(!first_page("auto.pdf").contains("at a glance"));
    assert_reads(&first_page("always.pdf"), "Your exercises at a glance");
}

#[test]
fn a_long_dose_reads_in_two_lines_beside_its_pictures() {
    // With both pictures side by side the clamshell's dose had 1.9 inches and wrapped to five
    // lines; stacked, the card is a line taller and the dose reads in two.
    let (pdf, _) = render_example("jane-doe");
    let first = page_text(pdf, 1);
    let lines: Vec<&str> = first.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.starts_with("Do 2 sets of 12"))
        .unwrap_or_else(|| panic!("no clamshell dose in {first}"));
    assert_reads(
        &lines[start..start + 2].join(" "),
        "Do 2 sets of 12 on each side. Hold each one 2 seconds. Rest 30 seconds between sets.",
    );
}

#[test]
fn the_therapists_note_comes_first_on_its_card_signed_with_her_first_name() {
    let (_pdf, text) = render_example("jane-doe");
    let note = text.find("From Alex").expect("the note is signed");
    let dosage = text
        .find("3 sets of 10")
        .expect("the glute bridge's dosage");
    let title = text.find("Glute Bridge").expect("the glute bridge's name");
    assert!(title < note && note < dosage, "{text}");
    let (_pdf, text) = render_example("jean-tremblay-fr");
    assert_reads(text, "Fréquence Une fois par jour");
}

#[test]
fn clinic_texts_are_printed_in_the_handouts_language() {
    let english = "Questions? Call or email us.";
    let french = "Des questions ? Appelez-nous ou écrivez-nous.";
    let (_pdf, text) = render_example("jean-tremblay-fr");
    assert_reads(text, french);
    assert!(!squeezed(text).contains(&squeezed(english)), "{text}");
    let (_pdf, text) = render_example("jane-doe");
    assert_reads(text, english);
    assert!(!squeezed(text).contains(&squeezed(french)), "{text}");
    // A bilingual handout prints both, and its fixed words in both languages.
    let (pdf, text) = render_example("bilingual");
    assert_reads(text, french);
    assert_reads(text, english);
    let pages = page_count(pdf);
    assert_reads(text, &format!("Page 1 / {pages}"));
    assert_reads(text, "Conseils Tips");
    assert_reads(text, "Balayez pour réserver ou annuler");
    assert_reads(text, "Scan to book or cancel");
}
