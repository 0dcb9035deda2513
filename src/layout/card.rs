//! An exercise card: number and name, pictures on the left, and on the right how much and how
//! often, the numbered steps, tips, cautions and the therapist's note.

use crate::layout::block::{Block, Column};
use crate::layout::geometry::{Pt, Rect, fit_within};
use crate::layout::page::{PageItem, Shape};
use crate::layout::qr::{QR_SIDE, qr_items};
use crate::layout::structure::{HeaderScope, NodeId, Role, Structure};
use crate::layout::text::{TextStyle, single_line, wrap};
use crate::layout::theme::{CAUTION, COLUMN_GAP, HAIRLINE, MUTED, Theme, WHITE};
use crate::resolve::handout::{CardPicture, ExerciseCard, Handout, Rgb};
use crate::resolve::qr::QrMatrix;

/// Diameter of the number badge, relative to the exercise name's size.
const BADGE_SCALE: f32 = 1.55;
/// Tallest a picture may be, relative to the picture column's width.
const MAX_PICTURE_HEIGHT_RATIO: f32 = 1.1;
/// Padding between a picture and its frame.
const FRAME_PADDING: Pt = 4.0;

/// Lays out one exercise card across `width`.
pub fn card_block(
    card: &ExerciseCard,
    handout: &Handout,
    theme: &Theme,
    (x, width): (Pt, Pt),
    structure: &mut Structure,
) -> Block {
    let mut items = Vec::new();
    let section = structure.add(None, Role::Section);
    let tags = CardTags {
        section,
        second_language: handout.second_words.map(|words| words.language_tag),
    };
    let (title_height, title_link) =
        title_row(card, theme, (x, width), &tags, structure, &mut items);
    let body_top = title_height + 10.0;

    let has_pictures = !card.pictures.is_empty();
    // Regular print: pictures in a column on the left, text beside and then below them.
    // Large print: pictures side by side across the card, the text below at full width.
    let (pictures_bottom, text_x, text_top) = match (has_pictures, theme.large_print) {
        (false, _) => (body_top, x, body_top),
        (true, false) => (
            picture_column(card, theme, (x, body_top), &tags, structure, &mut items),
            x + theme.picture_width + COLUMN_GAP,
            body_top,
        ),
        (true, true) => {
            let bottom = picture_row(
                card,
                theme,
                (x, width, body_top),
                &tags,
                structure,
                &mut items,
            );
            (bottom, x, bottom + 12.0)
        }
    };
    // A video's QR code goes under the pictures (regular print) or after the text (large).
    let mut pictures_bottom = pictures_bottom;
    let qr_beside_text = has_pictures && !theme.large_print;
    if let (Some(code), true) = (&card.video, qr_beside_text) {
        let top = pictures_bottom + 10.0;
        pictures_bottom = video_qr(code, handout, theme, (x, top), &tags, structure, &mut items);
    }
    let text_width = x + width - text_x;
    let below_pictures = (x, width, pictures_bottom + 8.0);
    let text_bottom = text_column(
        card,
        handout,
        theme,
        ((text_x, text_width), below_pictures, text_top),
        (&tags, &mut *structure),
        &mut items,
    );
    let mut bottom = pictures_bottom.max(text_bottom);
    if let (Some(code), false) = (&card.video, qr_beside_text) {
        let top = bottom + 12.0;
        bottom = video_qr(code, handout, theme, (x, top), &tags, structure, &mut items);
    }
    if let Some(code) = &card.video {
        // The exercise's name opens the video too, for handouts read on screen.
        items.push(PageItem::link(
            Rect::new(x, 0.0, width, title_height),
            code.url.clone(),
            title_link,
        ));
    }
    Block {
        height: bottom + 6.0,
        items,
    }
}

/// Where a card's parts go in the document's structure.
struct CardTags {
    /// The card's section.
    section: NodeId,
    /// The language of translations on a bilingual handout.
    second_language: Option<&'static str>,
}

impl CardTags {
    /// A node in the card's section.
    fn add(&self, structure: &mut Structure, role: Role) -> Option<NodeId> {
        Some(structure.add(Some(self.section), role))
    }

    /// A paragraph in the second language under `parent`.
    fn translation(&self, structure: &mut Structure, parent: NodeId) -> Option<NodeId> {
        Some(structure.add_in_language(Some(parent), Role::Paragraph, self.second_language))
    }
}

/// A video's QR code with "Scan to watch" beside it; returns the bottom.
fn video_qr(
    code: &QrMatrix,
    handout: &Handout,
    theme: &Theme,
    (x, top): (Pt, Pt),
    tags: &CardTags,
    structure: &mut Structure,
    items: &mut Vec<PageItem>,
) -> Pt {
    let alt = handout.words.video_qr_alt.to_string();
    items.extend(qr_items(
        code,
        (x, top, QR_SIDE),
        alt,
        tags.section,
        structure,
    ));
    let label_x = x + QR_SIDE + 6.0;
    let label_width = (theme.picture_width - QR_SIDE - 6.0).max(60.0);
    let mut label = Column::new(label_x, label_width, 0.0);
    label.node = tags.add(structure, Role::Paragraph);
    label.paragraph(handout.words.scan_to_watch, theme.caption_label);
    let label_height = label.y;
    for mut item in label.items {
        item.shift_down(top + (QR_SIDE - label_height) / 2.0);
        items.push(item);
    }
    top + QR_SIDE
}

/// The number badge and the exercise's name over a hairline; returns the row's height and,
/// when the name opens a video, the link node that the clickable area belongs to.
fn title_row(
    card: &ExerciseCard,
    theme: &Theme,
    (x, width): (Pt, Pt),
    tags: &CardTags,
    structure: &mut Structure,
    items: &mut Vec<PageItem>,
) -> (Pt, Option<NodeId>) {
    let title = format!("{}. {}", card.number, card.name);
    let heading = Some(structure.heading(Some(tags.section), 2, title));
    let link = card
        .video
        .as_ref()
        .map(|_| structure.add(heading, Role::Link));
    let badge = theme.card_title.size * BADGE_SCALE;
    let name_x = x + badge + 10.0;
    let name_lines = wrap(&card.name, theme.card_title, width - badge - 10.0);
    let translation_style = theme.value.colored(MUTED);
    let second_name_lines = card
        .second
        .as_ref()
        .map(|second| wrap(&second.name, translation_style, width - badge - 10.0))
        .unwrap_or_default();
    let name_height = name_lines.len() as Pt * theme.card_title.line_height
        + second_name_lines.len() as Pt * translation_style.line_height;
    let row_height = name_height.max(badge);
    let badge_top = 0.0;
    let mut column = Column::new(
        name_x,
        width - badge - 10.0,
        ((badge - theme.card_title.line_height) / 2.0).max(0.0),
    );
    column.shape(
        Rect::new(x, badge_top, badge, badge),
        Some(theme.primary),
        None,
        badge / 2.0,
    );
    let number_style = theme.body_bold.colored(WHITE);
    let number = single_line(&card.number.to_string(), number_style);
    let number_x = x + (badge - number.width) / 2.0;
    let face_ascent = number_style.first_baseline();
    let number_baseline = badge_top + (badge - number_style.line_height) / 2.0 + face_ascent;
    column.items.push(PageItem::text(
        number.place(number_x, number_baseline, number_style),
        heading,
    ));
    column.node = link.or(heading);
    column.lines(name_lines, name_x, theme.card_title);
    if !second_name_lines.is_empty() {
        column.node = tags.translation(structure, tags.section);
    }
    column.lines(second_name_lines, name_x, translation_style);
    let rule_y = row_height + 5.0;
    column.shape(
        Rect::new(x, rule_y, width, theme.line_width + 0.25),
        Some(HAIRLINE),
        None,
        0.0,
    );
    items.extend(column.items);
    (rule_y + 1.0, link)
}

/// A picture's caption, with its translation on a bilingual handout: "Départ · Start".
fn combined_caption(card: &ExerciseCard, index: usize) -> Option<String> {
    let own = card.pictures.get(index)?.caption.clone()?;
    let translated = card
        .second
        .as_ref()
        .and_then(|second| second.pictures.get(index))
        .and_then(|picture| picture.caption.as_ref())
        .filter(|translated| **translated != own);
    Some(match translated {
        Some(translated) => format!("{own} · {translated}"),
        None => own,
    })
}

/// The pictures stacked in the left column; returns the bottom.
fn picture_column(
    card: &ExerciseCard,
    theme: &Theme,
    (x, top): (Pt, Pt),
    tags: &CardTags,
    structure: &mut Structure,
    items: &mut Vec<PageItem>,
) -> Pt {
    let mut y = top;
    for (index, picture) in card.pictures.iter().enumerate() {
        if index > 0 {
            y += 10.0;
        }
        let caption = combined_caption(card, index);
        let alt = picture_alt(card, index);
        y = framed_picture(
            picture,
            (caption.as_deref(), alt),
            theme,
            (x, y, theme.picture_width),
            (tags, &mut *structure),
            items,
        );
    }
    y
}

/// The pictures side by side across the card (large print); returns the bottom.
fn picture_row(
    card: &ExerciseCard,
    theme: &Theme,
    (x, width, top): (Pt, Pt, Pt),
    tags: &CardTags,
    structure: &mut Structure,
    items: &mut Vec<PageItem>,
) -> Pt {
    let count = card.pictures.len() as Pt;
    let gap = COLUMN_GAP;
    let slot = ((width - gap * (count - 1.0)) / count).min(theme.picture_width);
    let mut bottom = top;
    for (index, picture) in card.pictures.iter().enumerate() {
        let slot_x = x + index as Pt * (slot + gap);
        let caption = combined_caption(card, index);
        let alt = picture_alt(card, index);
        bottom = bottom.max(framed_picture(
            picture,
            (caption.as_deref(), alt),
            theme,
            (slot_x, top, slot),
            (tags, &mut *structure),
            items,
        ));
    }
    bottom
}

/// One picture in a frame `width` wide, its caption on a label in the top-left corner and any
/// credit below; returns the bottom.
fn framed_picture(
    picture: &CardPicture,
    (caption, alt): (Option<&str>, String),
    theme: &Theme,
    (x, top, width): (Pt, Pt, Pt),
    (tags, structure): (&CardTags, &mut Structure),
    items: &mut Vec<PageItem>,
) -> Pt {
    let figure = tags.add(structure, Role::Figure { alt });
    let inner_width = width - 2.0 * FRAME_PADDING;
    let (picture_width, picture_height) = fit_within(
        picture.picture.aspect_ratio(),
        inner_width,
        width * MAX_PICTURE_HEIGHT_RATIO,
    );
    let frame_height = picture_height + 2.0 * FRAME_PADDING;
    items.push(PageItem::shape(Shape {
        rect: Rect::new(x, top, width, frame_height),
        fill: Some(WHITE),
        stroke: Some((HAIRLINE, theme.line_width)),
        corner_radius: 5.0,
    }));
    items.push(PageItem::picture(
        picture.picture.clone(),
        Rect::new(
            x + (width - picture_width) / 2.0,
            top + FRAME_PADDING,
            picture_width,
            picture_height,
        ),
        figure,
    ));
    if let Some(caption) = caption {
        let style = theme.caption_label;
        if let Some(line) = wrap(caption, style, width - 16.0).into_iter().next() {
            let label = Rect::new(
                x + 1.5,
                top + 1.5,
                line.width + 10.0,
                style.line_height + 2.0,
            );
            items.push(PageItem::shape(Shape {
                rect: label,
                fill: Some(theme.primary_tint),
                stroke: None,
                corner_radius: 4.0,
            }));
            let baseline = label.y + 1.0 + style.first_baseline();
            let node = tags.add(structure, Role::Caption);
            items.push(PageItem::text(
                line.place(label.x + 5.0, baseline, style),
                node,
            ));
        }
    }
    let mut column = Column::new(x, width, top + frame_height + 2.0);
    let mut bottom = top + frame_height;
    if let Some(credit) = &picture.credit {
        column.node = tags.add(structure, Role::Paragraph);
        column.paragraph(credit, theme.small);
        bottom = column.y;
    }
    items.extend(column.items);
    bottom
}

/// How much, how often, steps, tips, cautions, progression and note, beside the pictures and
/// then across the whole card below them; returns the bottom.
fn text_column(
    card: &ExerciseCard,
    handout: &Handout,
    theme: &Theme,
    ((x, width), (full_x, full_width, pictures_bottom), top): ((Pt, Pt), (Pt, Pt, Pt), Pt),
    (tags, structure): (&CardTags, &mut Structure),
    items: &mut Vec<PageItem>,
) -> Pt {
    let words = handout.words;
    let mut column = Column::new(x, width, top);
    column.widen_below(pictures_bottom, full_x, full_width);

    // The prescription, in a tinted box: the answer to "how much?" and "how often?".
    let padding = 9.0;
    let second = card.second.as_deref();
    let mut rows: Vec<(&str, &str, Option<&str>)> = Vec::new();
    if let Some(dosage) = &card.dosage {
        rows.push((
            words.dosage_label,
            dosage,
            second.and_then(|second| second.dosage.as_deref()),
        ));
    }
    rows.push((
        words.how_often_label,
        &card.frequency,
        second.map(|second| second.frequency.as_str()),
    ));
    if let Some(equipment) = &card.equipment {
        rows.push((
            words.equipment_label,
            equipment,
            second.and_then(|second| second.equipment.as_deref()),
        ));
    }
    let label_width = rows
        .iter()
        .map(|(label, _, _)| single_line(label, theme.body_bold).width)
        .fold(0.0, Pt::max)
        + 12.0;
    let mut prescription = Column::new(x + padding, width - 2.0 * padding, top + padding - 2.0);
    // For screen readers, a table of two columns: what, and how much.
    let table = tags.add(structure, Role::Table);
    for (label, value, translated) in rows {
        let row = structure.add(table, Role::TableRow);
        let header = structure.add(Some(row), Role::TableHeader(HeaderScope::Row));
        let cell = structure.add(Some(row), Role::TableCell);
        prescription.node = Some(cell);
        prescription.labelled(
            (label, theme.body_bold.colored(theme.primary), Some(header)),
            value,
            theme.body_bold,
            label_width,
        );
        if let Some(translated) = translated {
            prescription.node = tags.translation(structure, cell);
            translation(
                &mut prescription,
                translated,
                theme.body.colored(MUTED),
                label_width,
            );
        }
        prescription.space(1.0);
    }
    let box_height = prescription.y - top + padding - 4.0;
    prescription.background(
        0,
        Rect::new(x, top, width, box_height),
        Some(theme.primary_tint),
        None,
        6.0,
    );
    column.items.extend(prescription.items);
    column.y = top + box_height + 8.0;

    // Steps, numbered in the brand colour with a hanging indent.
    let number_width = single_line("8.", theme.body_bold).width + 8.0;
    let steps = structure.add(Some(tags.section), Role::List { numbered: true });
    for (index, step) in card.steps.iter().enumerate() {
        if index > 0 {
            column.space(3.0);
        }
        let (label, body) = list_item(structure, steps);
        column.node = Some(body);
        column.hanging(
            (
                &format!("{}.", index + 1),
                theme.body_bold.colored(theme.primary),
                Some(label),
            ),
            step,
            theme.body,
            number_width,
        );
        if let Some(translated) = second.and_then(|second| second.steps.get(index)) {
            column.node = tags.translation(structure, body);
            translation(
                &mut column,
                translated,
                theme.body.colored(MUTED),
                number_width,
            );
        }
    }

    let none: &[String] = &[];
    let sections: Vec<Section> = [
        (
            words.tips_heading,
            theme.primary,
            card.cues.as_slice(),
            second.map_or(none, |second| second.cues.as_slice()),
        ),
        (
            words.caution_heading,
            CAUTION,
            card.precautions.as_slice(),
            second.map_or(none, |second| second.precautions.as_slice()),
        ),
        (
            words.progression_heading,
            theme.primary,
            card.progression.as_slice(),
            second.map_or(none, |second| second.progression.as_slice()),
        ),
        (
            words.note_heading,
            theme.accent,
            card.note.as_slice(),
            second.map_or(none, |second| second.note.as_slice()),
        ),
    ]
    .into_iter()
    .filter(|(_, _, entries, _)| !entries.is_empty())
    .collect();

    // Tips, cautions, progression and note as rows with their label in a left gutter: no
    // heading lines, so a card stays short enough for two to a page.
    let gutter = sections
        .iter()
        .map(|(heading, _, _, _)| single_line(heading, theme.heading).width)
        .fold(0.0, Pt::max)
        + 12.0;
    for entry in &sections {
        column.space(7.0);
        gutter_section(&mut column, theme, entry, gutter, (tags, &mut *structure));
    }
    items.extend(column.items);
    column.y
}

/// A labelled group of entries, with their translations on a bilingual handout.
type Section<'a> = (&'a str, Rgb, &'a [String], &'a [String]);

/// A translation under the text it translates, indented by `indent`, in the muted style. It
/// stays in the column of the text it translates, even below the pictures.
fn translation(column: &mut Column, text: &str, style: TextStyle, indent: Pt) {
    let lines = wrap(text, style, column.width - indent);
    column.lines(lines, column.x + indent, style);
}

/// A label in the left gutter and its entries beside it: one paragraph, or bullets.
fn gutter_section(
    column: &mut Column,
    theme: &Theme,
    (heading, color, entries, translations): &Section,
    gutter: Pt,
    (tags, structure): (&CardTags, &mut Structure),
) {
    column.settle();
    let label_style = theme.heading.colored(*color);
    let label = single_line(heading, label_style);
    let baseline = column.y + label_style.first_baseline();
    let label_node = tags.add(structure, Role::Paragraph);
    column.items.push(PageItem::text(
        label.place(column.x, baseline, label_style),
        label_node,
    ));
    let mut values = Column::new(column.x + gutter, column.width - gutter, column.y);
    let bullet_width = single_line("•", theme.body).width + 7.0;
    let list = (entries.len() > 1).then(|| tags.add(structure, Role::List { numbered: false }));
    for (index, entry) in entries.iter().enumerate() {
        if index > 0 {
            values.space(2.0);
        }
        let (indent, parent) = match list.flatten() {
            None => {
                let paragraph = tags.add(structure, Role::Paragraph);
                values.node = paragraph;
                values.paragraph(entry, theme.body);
                (0.0, paragraph)
            }
            Some(list) => {
                let (label, body) = list_item(structure, list);
                values.node = Some(body);
                values.hanging(
                    ("•", theme.body.colored(*color), Some(label)),
                    entry,
                    theme.body,
                    bullet_width,
                );
                (bullet_width, Some(body))
            }
        };
        if let Some(translated) = translations.get(index) {
            values.node = match parent {
                Some(parent) => tags.translation(structure, parent),
                None => None,
            };
            translation(&mut values, translated, theme.body.colored(MUTED), indent);
        }
    }
    column.y = values.y;
    column.items.extend(values.items);
}

/// A new item at the end of `list`: its label and body nodes.
fn list_item(structure: &mut Structure, list: NodeId) -> (NodeId, NodeId) {
    let item = structure.add(Some(list), Role::ListItem);
    (
        structure.add(Some(item), Role::Label),
        structure.add(Some(item), Role::ListBody),
    )
}

/// What a screen reader says for a picture: its description, else the exercise's name and the
/// picture's caption.
fn picture_alt(card: &ExerciseCard, index: usize) -> String {
    let picture = card.pictures.get(index);
    match (
        picture.and_then(|picture| picture.alt.clone()),
        picture.and_then(|picture| picture.caption.as_deref()),
    ) {
        (Some(alt), _) => alt,
        (None, Some(caption)) => format!("{}: {caption}", card.name),
        (None, None) => card.name.clone(),
    }
}
