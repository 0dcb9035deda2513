//! An exercise card on the handout's fixed grid: the number and name across the top, the
//! pictures at the top right, and down the left the therapist's note, the prescription box,
//! the numbered steps, then tips, cautions and the next step, their labels in one column.
//!
//! Each part is a file: [`title`], [`pictures`], [`prescription`], [`rows`]; [`flow`] runs the
//! text beside and then below the pictures; [`grid`] fixes the columns for the whole handout.

pub mod flow;
pub mod grid;
pub mod pictures;
pub mod prescription;
pub mod rows;
pub mod title;

use crate::layout::block::Block;
use crate::layout::geometry::Pt;
use crate::layout::geometry::Rect;
use crate::layout::page::PageItem;
use crate::layout::paginate::Placeable;
use crate::layout::structure::{NodeId, Role, Structure};
use crate::layout::theme::{COLUMN_GAP, MIN_VALUE_BESIDE_PICTURES, STACKING_ALLOWANCE, Theme};
use crate::model::colour::Rgb;
use crate::resolve::handout::{ExerciseCard, Handout};
use crate::resolve::words::Words;

use self::flow::{Float, Flow};
use self::grid::{CardGrid, note_label};
use self::rows::RowLabel;

/// A labelled row of a card: its label's word, its colour, its entries and their translations.
type LabelledEntries<'a> = (fn(&Words) -> &'static str, Rgb, &'a [String], &'a [String]);

/// What every part of one card needs to know.
pub struct CardContext<'a> {
    /// The handout the card is on.
    pub handout: &'a Handout,
    /// Its styles.
    pub theme: &'a Theme,
    /// Its columns.
    pub grid: CardGrid,
    /// The card's section in the document's structure.
    pub section: NodeId,
}

impl CardContext<'_> {
    /// A node in the card's section.
    pub fn add(&self, structure: &mut Structure, role: Role) -> Option<NodeId> {
        Some(structure.add(Some(self.section), role))
    }

    /// A paragraph in the second language under `parent`, on a bilingual handout.
    pub fn translation(&self, structure: &mut Structure, parent: NodeId) -> Option<NodeId> {
        let language = self.handout.second_words.map(|words| words.language_tag);
        Some(structure.add_in_language(Some(parent), Role::Paragraph, language))
    }
}

/// Lays out one card, choosing where its pictures go so that it is as short as it can be, and
/// also set tight, for pagination to use when the card misses a page by a little.
pub fn card_block(
    card: &ExerciseCard,
    handout: &Handout,
    theme: &Theme,
    grid: CardGrid,
    structure: &mut Structure,
) -> Placeable {
    let count = card.pictures.len();
    let choices: &[usize] = if theme.large_print {
        &[2]
    } else if count >= 2 {
        &[2, 1]
    } else {
        &[1]
    };
    // Laid out on copies of the structure: only the chosen layout's nodes are kept. Every
    // layout makes the same nodes in the same order, so the tight one's tags match too.
    // The shortest layout, or, when stacking the pictures costs little height, the stacked
    // one: it leaves the text beside the pictures twice as wide, so the dose and the note
    // wrap to two lines instead of five.
    let shortest = |theme: &Theme| {
        let heights: Vec<(usize, Pt)> = choices
            .iter()
            .map(|&columns| {
                let block =
                    card_layout(card, handout, theme, grid, columns, &mut structure.clone());
                (columns, block.height)
            })
            .collect();
        let lowest = heights
            .iter()
            .map(|(_, height)| *height)
            .fold(Pt::MAX, Pt::min);
        heights
            .iter()
            .filter(|(_, height)| *height <= lowest + STACKING_ALLOWANCE * theme.body.line_height)
            .map(|(columns, _)| *columns)
            .min()
            .unwrap_or(1)
    };
    let tight_theme = theme.tightened();
    let tight_columns = shortest(&tight_theme);
    let columns = shortest(theme);
    let mut tight_structure = structure.clone();
    let regular = card_layout(card, handout, theme, grid, columns, structure);
    let tight = card_layout(
        card,
        handout,
        &tight_theme,
        grid,
        tight_columns,
        &mut tight_structure,
    );
    Placeable {
        regular,
        tight: Some(tight),
        keep_with_next: false,
    }
}

/// The card with its pictures in `columns` columns.
fn card_layout(
    card: &ExerciseCard,
    handout: &Handout,
    theme: &Theme,
    grid: CardGrid,
    columns: usize,
    structure: &mut Structure,
) -> Block {
    let section = structure.add(None, Role::Section);
    let context = CardContext {
        handout,
        theme,
        grid,
        section,
    };
    let spacing = theme.spacing;
    let title = title::title_row(card, &context, structure);
    let mut items = title.items;
    let body_top = title.height + spacing.after_title;

    // Where the pictures go, measured on a copy so that the note is read before them.
    let geometry =
        pictures::picture_float(card, &context, columns, body_top, &mut structure.clone()).map(
            |float| Float {
                left: float.left,
                bottom: float.bottom,
            },
        );
    let pictures_across = theme.large_print;
    let (flow_top, float) = match geometry {
        Some(float) if pictures_across => (float.bottom + spacing.after_box, None),
        Some(float) if float.left - COLUMN_GAP - grid.value_x < MIN_VALUE_BESIDE_PICTURES => {
            (float.bottom + spacing.after_box, None)
        }
        other => (body_top, other),
    };
    let mut flow = Flow::new(flow_top, grid.right(), float);
    let second = card.second.as_deref();
    if let Some(note) = &card.note {
        let therapist = handout.therapist.as_deref();
        let label = RowLabel::of(
            &context,
            |words: &Words| note_label(words, therapist),
            theme.primary,
        );
        let translations: Vec<String> = second
            .and_then(|second| second.note.clone())
            .into_iter()
            .collect();
        rows::entries_row(
            &mut flow,
            &context,
            &label,
            (std::slice::from_ref(note), &translations),
            theme.body_bold.colored(theme.primary),
            structure,
        );
        flow.space(spacing.between_rows);
    }
    let pictures = pictures::picture_float(card, &context, columns, body_top, structure);
    let pictures_bottom = pictures.as_ref().map_or(body_top, |float| float.bottom);
    if let Some(float) = pictures {
        items.extend(float.items);
    }
    prescription::prescription_box(&mut flow, card, &context, structure);
    flow.space(spacing.after_box);
    rows::steps(&mut flow, card, &context, structure);

    let none: &[String] = &[];
    let progression = card.progression.as_slice();
    let sections: [LabelledEntries; 3] = [
        (
            |words| words.tips_heading,
            theme.primary,
            card.cues.as_slice(),
            second.map_or(none, |second| second.cues.as_slice()),
        ),
        (
            |words| words.caution_heading,
            theme.caution,
            card.precautions.as_slice(),
            second.map_or(none, |second| second.precautions.as_slice()),
        ),
        (
            |words| words.progression_heading,
            theme.primary,
            progression,
            second.map_or(none, |second| second.progression.as_slice()),
        ),
    ];
    for (word, color, entries, translations) in sections {
        if entries.is_empty() {
            continue;
        }
        flow.space(spacing.between_rows);
        let label = RowLabel::of(&context, |words: &Words| word(words).to_string(), color);
        rows::entries_row(
            &mut flow,
            &context,
            &label,
            (entries, translations),
            theme.body,
            structure,
        );
    }
    let mut bottom = flow.y.max(pictures_bottom);
    items.extend(flow.items);
    if let (Some(code), true) = (&card.video, theme.large_print) {
        let top = bottom + spacing.after_box;
        bottom = pictures::video_qr(
            code,
            &context,
            (grid.x, top, grid.width),
            structure,
            &mut items,
        );
    }
    if let Some(code) = &card.video {
        // The exercise's name opens the video too, for handouts read on screen.
        items.push(PageItem::link(
            Rect::new(grid.x, 0.0, grid.width, title.height),
            code.url.clone(),
            title.link,
        ));
    }
    Block {
        height: bottom + spacing.card_bottom,
        items,
    }
}
