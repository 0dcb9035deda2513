//! A card's labelled rows on the grid (the therapist's note, tips, cautions, next step) and
//! its numbered steps.

use crate::layout::card::CardContext;
use crate::layout::card::flow::Flow;
use crate::layout::geometry::Pt;
use crate::layout::page::PageItem;
use crate::layout::structure::{NodeId, Role, Structure};
use crate::layout::text::{TextStyle, single_line, wrap};
use crate::layout::theme::{BULLET_GAP, STEP_NUMBER_GAP};
use crate::model::colour::Rgb;
use crate::resolve::handout::ExerciseCard;

/// A row's label, in each language of the handout.
#[derive(Debug, Clone)]
pub struct RowLabel {
    /// The label in the handout's language.
    pub text: String,
    /// The label in the second language of a bilingual handout, when it differs.
    pub second: Option<String>,
    /// The label's colour.
    pub color: Rgb,
}

impl RowLabel {
    /// A label from the fixed words of each language of `context`'s handout.
    pub fn of(
        context: &CardContext,
        word: impl Fn(&crate::resolve::words::Words) -> String,
        color: Rgb,
    ) -> RowLabel {
        let text = word(context.handout.words);
        let second = context
            .handout
            .second_words
            .map(&word)
            .filter(|second| *second != text);
        RowLabel {
            text,
            second,
            color,
        }
    }
}

/// Places `label` in the label column so that its first baseline meets a value in
/// `value_style` starting at `top`; returns the label's bottom.
pub fn place_label(
    flow: &mut Flow,
    context: &CardContext,
    (label, node): (&RowLabel, Option<NodeId>),
    top: Pt,
    value_style: TextStyle,
) -> Pt {
    let grid = context.grid;
    let style = context.theme.heading.colored(label.color);
    let mut y = top + (value_style.first_baseline() - style.first_baseline()).max(0.0);
    let mut lines: Vec<(_, TextStyle)> = wrap(&label.text, style, grid.label_width)
        .into_iter()
        .map(|line| (line, style))
        .collect();
    if let Some(second) = &label.second {
        let muted = context.theme.heading.colored(context.theme.muted);
        lines.extend(
            wrap(second, muted, grid.label_width)
                .into_iter()
                .map(|line| (line, muted)),
        );
    }
    for (line, style) in lines {
        let baseline = y + style.first_baseline();
        flow.items.push(PageItem::text(
            line.place(grid.label_x, baseline, style),
            node,
        ));
        y += style.line_height;
    }
    y
}

/// A labelled row: the label, and its entries beside it as one paragraph or as bullets, each
/// followed by its translation on a bilingual handout.
pub fn entries_row(
    flow: &mut Flow,
    context: &CardContext,
    label: &RowLabel,
    (entries, translations): (&[String], &[String]),
    style: TextStyle,
    structure: &mut Structure,
) {
    let theme = context.theme;
    let top = flow.y;
    let label_node = context.add(structure, Role::Paragraph);
    let label_bottom = place_label(flow, context, (label, label_node), top, style);
    let value_x = context.grid.value_x;
    let bullet_width = single_line("•", theme.body).width + BULLET_GAP;
    let list = (entries.len() > 1).then(|| context.add(structure, Role::List { numbered: false }));
    for (index, entry) in entries.iter().enumerate() {
        if index > 0 {
            flow.space(theme.spacing.between_items);
        }
        let (indent, parent) = match list.flatten() {
            None => {
                let paragraph = context.add(structure, Role::Paragraph);
                flow.node = paragraph;
                flow.paragraph(entry, style, value_x);
                (0.0, paragraph)
            }
            Some(list) => {
                let (marker, body) = list_item(structure, list);
                let bullet = single_line("•", theme.body.colored(label.color));
                let baseline = flow.y + style.first_baseline();
                flow.items.push(PageItem::text(
                    bullet.place(value_x, baseline, theme.body.colored(label.color)),
                    Some(marker),
                ));
                flow.node = Some(body);
                flow.paragraph(entry, style, value_x + bullet_width);
                (bullet_width, Some(body))
            }
        };
        if let Some(translated) = translations.get(index) {
            flow.node = parent.and_then(|parent| context.translation(structure, parent));
            flow.paragraph(
                translated,
                theme.body.colored(theme.muted),
                value_x + indent,
            );
        }
    }
    flow.y = flow.y.max(label_bottom);
}

/// The numbered steps, numbers in the label column's x and in the brand colour.
pub fn steps(
    flow: &mut Flow,
    card: &ExerciseCard,
    context: &CardContext,
    structure: &mut Structure,
) {
    let theme = context.theme;
    let number_style = theme.body_bold.colored(theme.primary);
    let number_width = single_line("8.", number_style).width + STEP_NUMBER_GAP;
    let text_x = context.grid.label_x + number_width;
    let list = structure.add(Some(context.section), Role::List { numbered: true });
    let second = card.second.as_deref();
    for (index, step) in card.steps.iter().enumerate() {
        if index > 0 {
            flow.space(theme.spacing.between_items);
        }
        let (marker, body) = list_item(structure, list);
        let number = single_line(&format!("{}.", index + 1), number_style);
        let baseline = flow.y + theme.body.first_baseline();
        flow.items.push(PageItem::text(
            number.place(context.grid.label_x, baseline, number_style),
            Some(marker),
        ));
        flow.node = Some(body);
        flow.paragraph(step, theme.body, text_x);
        if let Some(translated) = second.and_then(|second| second.steps.get(index)) {
            flow.node = context.translation(structure, body);
            flow.paragraph(translated, theme.body.colored(theme.muted), text_x);
        }
    }
}

/// A new item at the end of `list`: its label and body nodes.
pub fn list_item(structure: &mut Structure, list: NodeId) -> (NodeId, NodeId) {
    let item = structure.add(Some(list), Role::ListItem);
    (
        structure.add(Some(item), Role::Label),
        structure.add(Some(item), Role::ListBody),
    )
}
