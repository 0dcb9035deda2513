//! Layout properties over random plans: whatever the exercises, dosages, names and notes, no
//! two things a reader reads are drawn on top of each other, and nothing leaves the page.

use std::path::PathBuf;
use std::sync::OnceLock;

use hep::fonts::Fonts;
use hep::layout::geometry::Rect;
use hep::layout::page::{ItemKind, LaidOutDocument, PageItem};
use hep::layout::structure::Role;
use hep::load::library::LibrarySources;
use hep::load::plan::Plan;
use hep::load::source::{Origin, SourceFile};
use hep::workspace::Workspace;
use proptest::prelude::*;

fn workspace() -> &'static Workspace {
    static WORKSPACE: OnceLock<Workspace> = OnceLock::new();
    WORKSPACE.get_or_init(|| {
        let sources = LibrarySources {
            bundled: true,
            folders: vec![],
        };
        Workspace::load(&sources, None).expect("the bundled library loads")
    })
}

fn bundled_ids() -> Vec<String> {
    workspace().library.ids().map(str::to_string).collect()
}

/// The clinics a plan may name: none, the example clinic (Letter, with its logo), and an A4
/// clinic with long details that wrap.
fn clinics() -> &'static (tempfile::TempDir, Vec<Option<String>>) {
    static CLINICS: OnceLock<(tempfile::TempDir, Vec<Option<String>>)> = OnceLock::new();
    CLINICS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
        std::fs::copy(examples.join("logo.svg"), dir.path().join("logo.svg")).unwrap();
        let a4 = dir.path().join("a4-clinic.yaml");
        std::fs::write(
            &a4,
            "name: Clinique de massothérapie et de réadaptation Saint-Jean-sur-Richelieu\n\
             logo: logo.svg\n\
             address: 1234 boulevard du Séminaire Nord, bureau 567, Saint-Jean-sur-Richelieu, QC J3A 1B2\n\
             phone: 450-555-0199\n\
             email: bonjour.reception@massotherapie-saint-jean-richelieu.example\n\
             website: massotherapie-saint-jean-richelieu.example\n\
             colors: {primary: \"#F2E94E\", accent: \"#7FDBFF\"}\n\
             page: a4\n\
             footer: Des questions sur vos exercices? Appelez-nous ou écrivez-nous, nous sommes là pour vous aider.\n",
        )
        .unwrap();
        let clinics = vec![
            None,
            Some(examples.join("clinic.yaml").display().to_string()),
            Some(a4.display().to_string()),
        ];
        (dir, clinics)
    })
}

/// Letters the bundled font covers, accents included.
const LETTERS: &str =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâäçîïôöùûüÿñÉÈÊÀÂÇÎÔÛÑøØåÅæÆœŒß";

fn word(max: usize) -> impl Strategy<Value = String> {
    let letters: Vec<char> = LETTERS.chars().collect();
    prop::collection::vec(prop::sample::select(letters), 1..=max)
        .prop_map(|letters| letters.into_iter().collect())
}

/// Mostly ordinary words, now and then one far wider than any column.
fn any_word() -> impl Strategy<Value = String> {
    prop_oneof![12 => word(12), 1 => word(400)]
}

fn words(count: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(any_word(), count).prop_map(|words| words.join(" "))
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(word(12), 1..=4).prop_map(|words| words.join(" ")),
        1 => words(1..=3),
        1 => words(8..=20),
    ]
}

fn notes() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        prop::collection::vec(words(1..=60), 1..=3).prop_map(|paragraphs| paragraphs.join("\n\n")),
    )
}

#[derive(Debug, Clone)]
struct Dosage {
    sets: Option<u32>,
    reps: Option<u32>,
    hold: Option<u32>,
    side: Option<&'static str>,
    rest: Option<u32>,
    frequency: Option<&'static str>,
    note: Option<String>,
}

const FREQUENCIES: [&str; 8] = [
    "daily",
    "twice daily",
    "12 times a day",
    "3x/week",
    "every other day",
    "as needed",
    "twice a day, 3 days a week",
    "{per_day: 7, days_per_week: 5}",
];

fn dosage() -> impl Strategy<Value = Dosage> {
    (
        prop::option::of(1u32..=100),
        prop::option::of(1u32..=100),
        prop::option::of(1u32..=14_400),
        prop::option::of(prop::sample::select(vec!["left", "right", "each", "both"])),
        prop::option::of(1u32..=600),
        prop::option::of(prop::sample::select(FREQUENCIES.to_vec())),
        prop::option::weighted(0.2, words(1..=30)),
    )
        .prop_map(|(sets, reps, hold, side, rest, frequency, note)| Dosage {
            sets,
            reps,
            hold,
            side,
            rest,
            frequency,
            note,
        })
}

#[derive(Debug, Clone)]
struct RandomPlan {
    client: String,
    therapist: Option<String>,
    notes: Option<String>,
    follow_up_weeks: Option<u32>,
    clinic: usize,
    exercises: Vec<(String, Dosage)>,
}

fn random_plan() -> impl Strategy<Value = RandomPlan> {
    let ids = bundled_ids();
    let count = ids.len();
    // A plan holds at most MAX_EXERCISES; the library has more.
    let most = count.min(hep::load::plan::MAX_EXERCISES);
    (
        prop::sample::subsequence(ids, 1..=most).prop_shuffle(),
        prop::collection::vec(dosage(), count),
        name(),
        prop::option::of(name()),
        notes(),
        prop::option::of(1u32..=104),
        0..clinics().1.len(),
    )
        .prop_map(
            |(ids, dosages, client, therapist, notes, follow_up_weeks, clinic)| RandomPlan {
                client,
                therapist,
                notes,
                follow_up_weeks,
                clinic,
                exercises: ids.into_iter().zip(dosages).collect(),
            },
        )
}

/// A YAML string: JSON's quoting is YAML's double-quoted style.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

impl RandomPlan {
    fn yaml(&self) -> String {
        let mut yaml = format!("client: {}\ndate: 2026-11-26\n", quoted(&self.client));
        if let Some(therapist) = &self.therapist {
            yaml.push_str(&format!("therapist: {}\n", quoted(therapist)));
        }
        if let Some(notes) = &self.notes {
            yaml.push_str(&format!("notes: {}\n", quoted(notes)));
        }
        if let Some(weeks) = self.follow_up_weeks {
            yaml.push_str(&format!("follow_up: {weeks} weeks\n"));
        }
        if let Some(clinic) = &clinics().1[self.clinic] {
            yaml.push_str(&format!("clinic: {}\n", quoted(clinic)));
        }
        yaml.push_str("exercises:\n");
        for (id, dosage) in &self.exercises {
            yaml.push_str(&format!("  - id: {id}\n"));
            for (key, value) in [("sets", dosage.sets), ("reps", dosage.reps)] {
                if let Some(value) = value {
                    yaml.push_str(&format!("    {key}: {value}\n"));
                }
            }
            if let Some(hold) = dosage.hold {
                yaml.push_str(&format!("    hold: {hold}s\n"));
            }
            if let Some(side) = dosage.side {
                yaml.push_str(&format!("    side: {side}\n"));
            }
            if let Some(rest) = dosage.rest {
                yaml.push_str(&format!("    rest: {rest}\n"));
            }
            if let Some(frequency) = dosage.frequency {
                yaml.push_str(&format!("    frequency: {frequency}\n"));
            }
            if let Some(note) = &dosage.note {
                yaml.push_str(&format!("    note: {}\n", quoted(note)));
            }
        }
        yaml
    }

    fn lay_out(&self) -> LaidOutDocument {
        let text = self.yaml();
        let plan = Plan::load(SourceFile {
            path: PathBuf::from("random-plan.yaml"),
            text: text.clone(),
            origin: Origin::Stdin,
        })
        .unwrap_or_else(|error| panic!("{error}\nin:\n{text}"));
        let handout = workspace()
            .handout(&plan)
            .unwrap_or_else(|errors| panic!("{errors:?}\nin:\n{text}"));
        hep::layout::lay_out(&handout)
    }
}

fn describe(item: &PageItem) -> String {
    let bounds = item.bounds();
    let what = if let ItemKind::Text(line) = &item.kind {
        format!("text {:?}", truncated(&line.text))
    } else if let ItemKind::Picture { .. } = &item.kind {
        "picture".to_string()
    } else {
        "background".to_string()
    };
    format!(
        "{what} at ({:.1}, {:.1}) {:.1} x {:.1}",
        bounds.x, bounds.y, bounds.width, bounds.height
    )
}

fn truncated(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}...", text.chars().take(40).collect::<String>())
    } else {
        text.to_string()
    }
}

/// A picture's caption is drawn over a corner of the picture on an opaque label of its own, so
/// it stays readable: a content item may cover an earlier one only on such a background,
/// painted between the two and covering the later one whole.
fn on_its_own_background(items: &[PageItem], earlier: usize, later: usize) -> bool {
    let covered = items[later].bounds();
    matches!(items[earlier].kind, ItemKind::Picture { .. })
        && matches!(items[later].kind, ItemKind::Text(_))
        && items[earlier + 1..later]
            .iter()
            .any(|item| match &item.kind {
                ItemKind::Shape(shape) => shape.fill.is_some() && shape.rect.contains(&covered),
                _ => false,
            })
}

fn check(document: &LaidOutDocument) -> Result<(), String> {
    let sheet = Rect::new(
        0.0,
        0.0,
        document.page_size.width,
        document.page_size.height,
    );
    for (index, page) in document.pages.iter().enumerate() {
        let number = index + 1;
        for item in &page.items {
            if !sheet.contains(&item.bounds()) {
                return Err(format!("page {number}: {} is off the page", describe(item)));
            }
            if item.is_content() && !document.printable.contains(&item.bounds()) {
                return Err(format!(
                    "page {number}: {} leaves the printable area {:?}",
                    describe(item),
                    document.printable
                ));
            }
        }
        let content: Vec<usize> = (0..page.items.len())
            .filter(|&index| page.items[index].is_content())
            .collect();
        for (position, &first) in content.iter().enumerate() {
            for &second in &content[position + 1..] {
                let (a, b) = (&page.items[first], &page.items[second]);
                if a.bounds().overlaps(&b.bounds())
                    && !on_its_own_background(&page.items, first, second)
                {
                    return Err(format!(
                        "page {number}: {} overlaps {}",
                        describe(a),
                        describe(b)
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Every picture is a figure with a description; every text line belongs to the structure,
/// except the page footer (the lines below all tagged content), which readers skip; and every
/// tag names a node that exists, after its parent.
fn check_tags(document: &LaidOutDocument) -> Result<(), String> {
    let structure = &document.structure;
    for (index, node) in structure.nodes.iter().enumerate() {
        if node.parent.is_some_and(|parent| parent.index() >= index) {
            return Err(format!("node {index} comes before its parent"));
        }
    }
    for (index, page) in document.pages.iter().enumerate() {
        let number = index + 1;
        let lowest_tagged = page
            .items
            .iter()
            .filter(|item| item.node.is_some())
            .map(|item| item.bounds().bottom())
            .fold(0.0, f32::max);
        for item in &page.items {
            let role = item
                .node
                .map(|node| structure.nodes.get(node.index()).map(|node| &node.role));
            match (&item.kind, role) {
                (_, Some(None)) => return Err(format!("page {number}: a tag names no node")),
                (ItemKind::Picture { .. }, Some(Some(Role::Figure { alt }))) if !alt.is_empty() => {
                }
                (ItemKind::Picture { .. }, _) => {
                    return Err(format!(
                        "page {number}: {} is not a described figure",
                        describe(item)
                    ));
                }
                (ItemKind::Text(_), None) if item.bounds().y < lowest_tagged => {
                    return Err(format!(
                        "page {number}: {} is hidden from screen readers",
                        describe(item)
                    ));
                }
                (ItemKind::Link { .. }, Some(Some(Role::Link))) => {}
                (ItemKind::Link { .. }, _) => {
                    return Err(format!("page {number}: a link area is not in a link node"));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn content_never_overlaps_nor_leaves_the_page(plan in random_plan()) {
        let document = plan.lay_out();
        prop_assert!(!document.pages.is_empty());
        if let Err(problem) = check(&document) {
            return Err(TestCaseError::fail(format!("{problem}\nplan:\n{}", plan.yaml())));
        }
    }

    #[test]
    fn screen_readers_get_every_text_and_picture(plan in random_plan()) {
        let document = plan.lay_out();
        if let Err(problem) = check_tags(&document) {
            return Err(TestCaseError::fail(format!("{problem}\nplan:\n{}", plan.yaml())));
        }
    }
}

/// A card taller than a page, starting at every height near the bottom of a page: its pictures
/// and text must not run into the footer (found by the property above).
#[test]
fn a_card_taller_than_a_page_never_runs_into_the_footer() {
    let long_note = "Breathe out slowly as you turn. ".repeat(70);
    for lines in 0..40 {
        let shift = "word ".repeat(lines * 12);
        let text = format!(
            "client: Jane Doe\ndate: 2026-11-26\nexercises:\n  - id: cat-cow\n    note: {}\n  - id: chin-tuck\n  - id: open-book\n    note: {}\n",
            quoted(shift.trim()),
            quoted(long_note.trim()),
        );
        let plan = Plan::load(SourceFile {
            path: PathBuf::from("long-card.yaml"),
            text,
            origin: Origin::Stdin,
        })
        .unwrap();
        let handout = workspace().handout(&plan).unwrap();
        let document = hep::layout::lay_out(&handout);
        if let Err(problem) = check(&document) {
            panic!("with {lines} lines of note before it: {problem}");
        }
    }
}

#[test]
fn the_random_letters_are_all_printable() {
    assert!(Fonts::bundled().missing_characters(LETTERS).is_empty());
}
