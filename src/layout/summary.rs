//! "Your exercises at a glance": a table on the first page with a row per exercise (its
//! number, its name, how much and how often), set where it costs no paper: when the first
//! page would otherwise end with empty room that the next card cannot use.

use crate::layout::block::Block;
use crate::layout::card::title::number_badge;
use crate::layout::column::Column;
use crate::layout::geometry::{Pt, Rect};
use crate::layout::page::Page;
use crate::layout::paginate::{PageFrame, Placeable, paginate};
use crate::layout::structure::{HeaderScope, NodeId, Role, Structure};
use crate::layout::text::wrap;
use crate::layout::theme::{
    HAIRLINE, SUMMARY_CELL_GAP, SUMMARY_DOSE_SHARE, SUMMARY_NAME_SHARE, SUMMARY_ROW_PADDING, Theme,
    WHITE,
};
use crate::resolve::handout::{ExerciseCard, Handout};
use crate::resolve::words::Words;

/// The summary's block and the section it tags, so that it can be dropped whole.
pub struct Summary {
    /// The heading and the table.
    pub block: Block,
    /// The summary's section in the document's structure.
    pub section: NodeId,
}

/// The three columns' left edges and widths.
#[derive(Clone, Copy)]
struct Columns {
    name: (Pt, Pt),
    dose: (Pt, Pt),
    often: (Pt, Pt),
}

impl Columns {
    fn across((x, width): (Pt, Pt)) -> Columns {
        let name_width = width * SUMMARY_NAME_SHARE;
        let dose_width = width * SUMMARY_DOSE_SHARE;
        let dose_x = x + name_width + SUMMARY_CELL_GAP;
        let often_x = dose_x + dose_width + SUMMARY_CELL_GAP;
        Columns {
            name: (x, name_width),
            dose: (dose_x, dose_width),
            often: (often_x, x + width - often_x),
        }
    }
}

/// The summary of a handout with two exercises or more; `None` for one or none, which the
/// card itself says as plainly.
pub fn summary(
    handout: &Handout,
    theme: &Theme,
    span: (Pt, Pt),
    structure: &mut Structure,
) -> Option<Summary> {
    if handout.cards.len() < 2 {
        return None;
    }
    let (x, width) = span;
    let words = handout.words;
    let second = handout.second_words;
    let both = |word: fn(&Words) -> &'static str| match second {
        Some(second) => format!("{} / {}", word(words), word(second)),
        None => word(words).to_string(),
    };
    let section = structure.add(None, Role::Section);
    let title = both(|words| words.summary_heading);
    let heading = structure.heading(Some(section), 2, &title);
    let mut column = Column::in_node(x, width, 0.0, heading);
    column.paragraph(&title, theme.heading);
    column.space(SUMMARY_ROW_PADDING);

    let columns = Columns::across(span);
    let table = structure.add(Some(section), Role::Table);
    let header_row = structure.add(Some(table), Role::TableRow);
    let label = theme.label.colored(theme.muted);
    let mut header_bottom = column.y;
    for (word, (cell_x, cell_width)) in [
        both(|words| words.exercise_label),
        both(|words| words.dosage_label),
        both(|words| words.how_often_label),
    ]
    .iter()
    .zip([columns.name, columns.dose, columns.often])
    {
        let node = structure.add(Some(header_row), Role::TableHeader(HeaderScope::Column));
        let mut cell = Column::in_node(cell_x, cell_width, column.y, node);
        cell.paragraph(word, label);
        header_bottom = header_bottom.max(cell.y);
        column.items.extend(cell.items);
    }
    column.y = header_bottom + SUMMARY_ROW_PADDING;
    rule(&mut column, theme, x, width);
    let rows = Rows {
        theme,
        columns,
        second,
        table,
    };
    for card in &handout.cards {
        rows.row(card, structure, &mut column);
        rule(&mut column, theme, x, width);
    }
    Some(Summary {
        block: Block {
            height: column.y,
            items: column.items,
        },
        section,
    })
}

/// What every row of the table shares.
struct Rows<'a> {
    theme: &'a Theme,
    columns: Columns,
    /// The second language of a bilingual handout.
    second: Option<&'static Words>,
    /// The table the rows belong to.
    table: NodeId,
}

impl Rows<'_> {
    /// One exercise's row: its badge and name, its dose and its frequency, each with its
    /// translation under it on a bilingual handout.
    fn row(&self, card: &ExerciseCard, structure: &mut Structure, column: &mut Column) {
        let (theme, columns, second, table) = (self.theme, self.columns, self.second, self.table);
        let top = column.y + SUMMARY_ROW_PADDING;
        let table_row = structure.add(Some(table), Role::TableRow);
        let translation = second.map(|words| words.language_tag);
        let muted = theme.body.colored(theme.muted);
        let translated = card.second.as_deref();

        // The number in a badge like the card's, smaller, on the name's first line.
        let name_node = structure.add(Some(table_row), Role::TableHeader(HeaderScope::Row));
        let badge = theme.body.line_height;
        let (name_x, name_width) = columns.name;
        column.items.extend(number_badge(
            card.number,
            Rect::new(name_x, top, badge, badge),
            (theme.badge, theme.label.colored(WHITE)),
            Some(name_node),
        ));
        let text_x = name_x + badge + SUMMARY_CELL_GAP / 2.0;
        let text_width = name_width - badge - SUMMARY_CELL_GAP / 2.0;
        let mut bottom = top;
        let mut cell = Column::in_node(text_x, text_width, top, name_node);
        cell.lines(
            wrap(&card.name, theme.body_bold, text_width),
            text_x,
            theme.body_bold,
        );
        if let Some(second) = translated {
            cell.node =
                Some(structure.add_in_language(Some(name_node), Role::Paragraph, translation));
            cell.lines(wrap(&second.name, muted, text_width), text_x, muted);
        }
        bottom = bottom.max(cell.y);
        column.items.extend(cell.items);

        let cells = [
            (
                card.dosage.as_deref(),
                translated.and_then(|second| second.dosage.as_deref()),
                columns.dose,
            ),
            (
                Some(card.frequency.as_str()),
                translated.map(|second| second.frequency.as_str()),
                columns.often,
            ),
        ];
        for (value, value_translated, (cell_x, cell_width)) in cells {
            let node = structure.add(Some(table_row), Role::TableCell);
            let mut cell = Column::in_node(cell_x, cell_width, top, node);
            if let Some(value) = value {
                cell.lines(wrap(value, theme.body, cell_width), cell_x, theme.body);
            }
            if let Some(value) = value_translated {
                cell.node =
                    Some(structure.add_in_language(Some(node), Role::Paragraph, translation));
                cell.lines(wrap(value, muted, cell_width), cell_x, muted);
            }
            bottom = bottom.max(cell.y);
            column.items.extend(cell.items);
        }
        column.y = bottom + SUMMARY_ROW_PADDING;
    }
}

/// A hairline across the table at the column's y.
fn rule(column: &mut Column, theme: &Theme, x: Pt, width: Pt) {
    column.shape(
        Rect::new(x, column.y, width, theme.line_width),
        Some(HAIRLINE),
        None,
        0.0,
    );
    column.y += theme.line_width;
}

/// How many cards have content on the first page, given the index of each card's first
/// structure node (cards' nodes follow one another): the summary is kept only where it takes
/// no card's place.
pub fn cards_on_first_page(pages: &[Page], card_starts: &[usize]) -> usize {
    let Some(page) = pages.first() else {
        return 0;
    };
    let mut cards: Vec<usize> = page
        .items
        .iter()
        .filter_map(|item| item.node)
        .filter_map(|node| {
            card_starts
                .partition_point(|start| *start <= node.index())
                .checked_sub(1)
        })
        .collect();
    cards.sort_unstable();
    cards.dedup();
    cards.len()
}

/// Paginates `blocks` (the header, then the cards, whose first structure nodes are at
/// `card_starts`) with the summary under the header: always or never when the plan or clinic
/// says so (`wanted`), else where it fills room the first page would leave empty, never at
/// the cost of a page nor of a card's place on the first page. A summary left out is
/// discarded from the structure.
pub fn paginate_around(
    summary: Option<Summary>,
    wanted: Option<bool>,
    mut blocks: Vec<Placeable>,
    frame: PageFrame,
    card_starts: &[usize],
    structure: &mut Structure,
) -> Vec<Page> {
    let Some(summary) = summary else {
        return paginate(blocks, frame);
    };
    if wanted == Some(true) {
        blocks.insert(1, summary.block.into());
        return paginate(blocks, frame);
    }
    let without = paginate(blocks.clone(), frame);
    blocks.insert(1, summary.block.into());
    let with_summary = paginate(blocks, frame);
    if with_summary.len() <= without.len()
        && cards_on_first_page(&with_summary, card_starts)
            == cards_on_first_page(&without, card_starts)
    {
        with_summary
    } else {
        structure.discard(summary.section);
        without
    }
}
