//! The prescription: how much and how often (and what you need), in a tinted box at the top of
//! the card's text, labels and values on the card grid.

use crate::layout::card::CardContext;
use crate::layout::card::flow::Flow;
use crate::layout::card::rows::{RowLabel, place_label};
use crate::layout::geometry::Rect;
use crate::layout::page::{PageItem, Shape};
use crate::layout::structure::{HeaderScope, Role, Structure};
use crate::layout::text::wrap;
use crate::layout::theme::{BOX_INSET, BOX_RADIUS};
use crate::resolve::handout::ExerciseCard;
use crate::resolve::words::Words;

/// One row of the box: its label and its value in each language.
struct PrescriptionRow<'a> {
    label: RowLabel,
    value: &'a str,
    translated: Option<&'a str>,
}

/// The box, from the flow's current y; the box keeps the width it starts with.
pub fn prescription_box(
    flow: &mut Flow,
    card: &ExerciseCard,
    context: &CardContext,
    structure: &mut Structure,
) {
    let theme = context.theme;
    let grid = context.grid;
    let second = card.second.as_deref();
    let label = |word: fn(&Words) -> &'static str| {
        RowLabel::of(context, |words| word(words).to_string(), theme.primary)
    };
    let mut rows = Vec::new();
    if let Some(dosage) = &card.dosage {
        rows.push(PrescriptionRow {
            label: label(|words| words.dosage_label),
            value: dosage,
            translated: second.and_then(|second| second.dosage.as_deref()),
        });
    }
    rows.push(PrescriptionRow {
        label: label(|words| words.how_often_label),
        value: &card.frequency,
        translated: second.map(|second| second.frequency.as_str()),
    });
    if let Some(equipment) = &card.equipment {
        rows.push(PrescriptionRow {
            label: label(|words| words.equipment_label),
            value: equipment,
            translated: second.and_then(|second| second.equipment.as_deref()),
        });
    }
    let top = flow.y;
    let right = flow.right_at(top);
    let value_width = (right - BOX_INSET - grid.value_x).max(1.0);
    let first_item = flow.items.len();
    flow.space(theme.spacing.box_padding);
    // For screen readers, a table of two columns: what, and how much.
    let table = context.add(structure, Role::Table);
    let value_style = theme.body_bold;
    for (index, row) in rows.iter().enumerate() {
        if index > 0 {
            flow.space(theme.spacing.between_items);
        }
        let table_row = structure.add(table, Role::TableRow);
        let header = structure.add(Some(table_row), Role::TableHeader(HeaderScope::Row));
        let cell = structure.add(Some(table_row), Role::TableCell);
        let row_top = flow.y;
        let label_bottom = place_label(
            flow,
            context,
            (&row.label, Some(header)),
            row_top,
            value_style,
        );
        flow.node = Some(cell);
        flow.place(
            wrap(row.value, value_style, value_width),
            grid.value_x,
            value_style,
        );
        if let Some(translated) = row.translated {
            flow.node = context.translation(structure, cell);
            let muted = theme.body.colored(theme.muted);
            flow.place(wrap(translated, muted, value_width), grid.value_x, muted);
        }
        flow.y = flow.y.max(label_bottom);
    }
    flow.space(theme.spacing.box_padding);
    flow.items.insert(
        first_item,
        PageItem::shape(Shape {
            rect: Rect::new(grid.x, top, right - grid.x, flow.y - top),
            fill: Some(theme.primary_tint),
            stroke: None,
            corner_radius: BOX_RADIUS,
        }),
    );
}
