//! A card's pictures: framed, in a grid of one or two columns at the card's top right (or
//! across the card in large print), each figure cropped to fill its frame, captions on tabs.

use crate::layout::card::CardContext;
use crate::layout::column::Column;
use crate::layout::geometry::{Pt, Rect, fit_within};
use crate::layout::page::{PageItem, Shape};
use crate::layout::qr::{QR_SIDE, qr_items};
use crate::layout::structure::{Role, Structure};
use crate::layout::text::wrap;
use crate::layout::theme::{
    BOX_RADIUS, CAPTION_PADDING, CAPTION_TAB_INSET, CAPTION_TAB_RISE, FRAME_PADDING, FRAME_RADIUS,
    HAIRLINE, MIN_QR_LABEL_WIDTH, PARAGRAPH_GAP, PICTURE_GAP, UNDER_HEADING, WHITE,
};
use crate::resolve::handout::{CardPicture, ExerciseCard};
use crate::resolve::qr::QrMatrix;

/// The pictures placed on a card.
pub struct PictureFloat {
    /// What is drawn.
    pub items: Vec<PageItem>,
    /// The left edge of the pictures.
    pub left: Pt,
    /// The bottom of the pictures (and of the video's QR code under them).
    pub bottom: Pt,
}

/// The width of `columns` pictures side by side.
pub fn float_width(context: &CardContext, columns: usize, count: usize) -> Pt {
    let columns = columns.min(count).max(1) as Pt;
    let slot = slot_width(context, columns);
    columns * slot + (columns - 1.0) * PICTURE_GAP
}

/// The width of one picture when `columns` share a row.
fn slot_width(context: &CardContext, columns: Pt) -> Pt {
    let across = (context.grid.width - (columns - 1.0) * PICTURE_GAP) / columns;
    context.theme.picture_width.min(across)
}

/// The card's pictures in `columns` columns from `top`, right-aligned on the card (regular
/// print) or left-aligned (large print, where the text goes below them); with the video's QR
/// code under them in regular print. `None` when the card has no pictures and no video.
pub fn picture_float(
    card: &ExerciseCard,
    context: &CardContext,
    columns: usize,
    top: Pt,
    structure: &mut Structure,
) -> Option<PictureFloat> {
    let theme = context.theme;
    let count = card.pictures.len();
    let qr_here = card.video.is_some() && !theme.large_print;
    if count == 0 && !qr_here {
        return None;
    }
    let columns = columns.min(count).max(1);
    let slot = slot_width(context, columns as Pt);
    let width = if count == 0 {
        theme.picture_width
    } else {
        float_width(context, columns, count)
    };
    let left = if theme.large_print {
        context.grid.x
    } else {
        context.grid.right() - width
    };
    let mut items = Vec::new();
    let mut y = top;
    for (row, pictures) in card.pictures.chunks(columns).enumerate() {
        if row > 0 {
            y += PICTURE_GAP;
        }
        let first = row * columns;
        let captioned = pictures.iter().any(|picture| picture.caption.is_some());
        let tab = if captioned {
            theme.caption_label.line_height / 2.0 + CAPTION_TAB_RISE
        } else {
            0.0
        };
        let max_height = slot * theme.max_picture_height_ratio;
        let inner = slot - 2.0 * FRAME_PADDING;
        let picture_height = pictures
            .iter()
            .map(|picture| fit_within(picture.picture.aspect_ratio(), inner, max_height).1)
            .fold(0.0, Pt::max);
        let frame_top = y + tab;
        let mut bottom = frame_top;
        for (index, picture) in pictures.iter().enumerate() {
            let x = left + index as Pt * (slot + PICTURE_GAP);
            // The picture starts below the caption tab that reaches into the frame.
            let frame = Rect::new(
                x,
                frame_top,
                slot,
                picture_height + 2.0 * FRAME_PADDING + tab,
            );
            bottom = bottom.max(framed_picture(
                picture,
                (card, first + index),
                (frame, tab),
                context,
                structure,
                &mut items,
            ));
        }
        y = bottom;
    }
    if let (Some(code), true) = (&card.video, qr_here) {
        let top = if count == 0 { y } else { y + PICTURE_GAP };
        y = video_qr(code, context, (left, top, width), structure, &mut items);
    }
    Some(PictureFloat {
        items,
        left,
        bottom: y,
    })
}

/// One picture in `frame`, its caption on a tab across the frame's top-left corner and any
/// credit below; returns the bottom.
fn framed_picture(
    picture: &CardPicture,
    (card, index): (&ExerciseCard, usize),
    (frame, tab): (Rect, Pt),
    context: &CardContext,
    structure: &mut Structure,
    items: &mut Vec<PageItem>,
) -> Pt {
    let theme = context.theme;
    let figure = context.add(
        structure,
        Role::Figure {
            alt: picture_alt(card, index),
        },
    );
    let inner_height = frame.height - 2.0 * FRAME_PADDING - tab;
    let (width, height) = fit_within(
        picture.picture.aspect_ratio(),
        frame.width - 2.0 * FRAME_PADDING,
        inner_height,
    );
    items.push(PageItem::shape(Shape {
        rect: frame,
        fill: Some(WHITE),
        stroke: Some((HAIRLINE, theme.line_width)),
        corner_radius: FRAME_RADIUS,
    }));
    items.push(PageItem::picture(
        picture.picture.clone(),
        Rect::new(
            frame.x + (frame.width - width) / 2.0,
            frame.y + FRAME_PADDING + tab + (inner_height - height) / 2.0,
            width,
            height,
        ),
        figure,
    ));
    if let Some(caption) = combined_caption(card, index) {
        let style = theme.caption_label;
        let room = frame.width - 2.0 * (CAPTION_PADDING + CAPTION_TAB_INSET);
        if let Some(line) = wrap(&caption, style, room).into_iter().next() {
            let tab = Rect::new(
                frame.x + CAPTION_TAB_INSET,
                frame.y - style.line_height / 2.0 - CAPTION_TAB_RISE,
                line.width + 2.0 * CAPTION_PADDING,
                style.line_height + 2.0 * CAPTION_TAB_RISE,
            );
            items.push(PageItem::shape(Shape {
                rect: tab,
                fill: Some(theme.primary_tint),
                stroke: None,
                corner_radius: BOX_RADIUS / 2.0,
            }));
            let baseline = tab.y + CAPTION_TAB_RISE + style.first_baseline();
            let node = context.add(structure, Role::Caption);
            items.push(PageItem::text(
                line.place(tab.x + CAPTION_PADDING, baseline, style),
                node,
            ));
        }
    }
    let mut bottom = frame.bottom();
    if let Some(credit) = &picture.credit {
        let mut column = Column::new(frame.x, frame.width, frame.bottom() + UNDER_HEADING);
        column.node = context.add(structure, Role::Paragraph);
        column.paragraph(credit, theme.small);
        bottom = column.y;
        items.extend(column.items);
    }
    bottom
}

/// A video's QR code with "Scan to watch" beside it, in `width` from (`x`, `top`); returns the
/// bottom.
pub fn video_qr(
    code: &QrMatrix,
    context: &CardContext,
    (x, top, width): (Pt, Pt, Pt),
    structure: &mut Structure,
    items: &mut Vec<PageItem>,
) -> Pt {
    let words = context.handout.words;
    items.extend(qr_items(
        code,
        (x, top, QR_SIDE),
        words.video_qr_alt.to_string(),
        context.section,
        structure,
    ));
    let label_x = x + QR_SIDE + PARAGRAPH_GAP;
    let label_width = (width - QR_SIDE - PARAGRAPH_GAP).max(MIN_QR_LABEL_WIDTH);
    let mut label = Column::new(label_x, label_width, 0.0);
    label.node = context.add(structure, Role::Paragraph);
    label.paragraph(words.scan_to_watch, context.theme.caption_label);
    if let Some(second) = context.handout.second_words {
        label.node = context.translation(structure, context.section);
        label.paragraph(
            second.scan_to_watch,
            context.theme.caption_label.colored(context.theme.muted),
        );
    }
    let label_height = label.y;
    for mut item in label.items {
        item.shift_down(top + (QR_SIDE - label_height).max(0.0) / 2.0);
        items.push(item);
    }
    top + QR_SIDE.max(label_height)
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
