//! The top of the first page: the clinic, the title, who and when, the next appointment, and
//! the therapist's note.

use crate::layout::block::Block;
use crate::layout::column::Column;
use crate::layout::geometry::{Pt, Rect, fit_within};
use crate::layout::page::PageItem;
use crate::layout::qr::{QR_SIDE, qr_items};
use crate::layout::structure::{Role, Structure};
use crate::layout::text::{single_line, wrap};
use crate::layout::theme::{
    APPOINTMENT_BAR, APPOINTMENT_PADDING, BOX_RADIUS, BRAND_RULE, BRAND_RULE_GAP, FIELD_GAP,
    FIELD_ROW_GAP, HAIRLINE, LOGO_GAP, LOGO_MAX_HEIGHT, LOGO_MAX_WIDTH, MEASURE_SLACK,
    PARAGRAPH_GAP, QR_CAPTION_GAP, QR_COLUMN_MARGIN, SMALL_GAP, Theme, UNDER_HEADING,
};
use crate::resolve::handout::Handout;
use crate::resolve::words::Words;

/// The clinic's logo, name and contact lines, over a rule in the brand colour.
pub fn brand_block(
    handout: &Handout,
    theme: &Theme,
    (x, width): (Pt, Pt),
    structure: &mut Structure,
) -> Option<Block> {
    let brand = &handout.brand;
    if brand.logo.is_none() && brand.clinic_name.is_none() {
        return None;
    }
    let section = structure.add(None, Role::Section);
    let mut column = Column::new(x, width, 0.0);
    let mut text_x = x;
    let mut logo_height: Pt = 0.0;
    if let Some(logo) = &brand.logo {
        let (logo_width, height) = fit_within(logo.aspect_ratio(), LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT);
        let alt = match &brand.clinic_name {
            Some(name) => format!("{name} logo"),
            None => "Clinic logo".to_string(),
        };
        let figure = structure.add(Some(section), Role::Figure { alt });
        column.items.push(PageItem::picture(
            logo.clone(),
            Rect::new(x, 0.0, logo_width, height),
            Some(figure),
        ));
        text_x = x + logo_width + LOGO_GAP;
        logo_height = height;
    }
    let mut text = Column::new(text_x, x + width - text_x, 0.0);
    if let Some(name) = &brand.clinic_name {
        text.node = Some(structure.add(Some(section), Role::Paragraph));
        text.paragraph(name, theme.clinic_name);
    }
    for line in &brand.contact_lines {
        text.node = Some(structure.add(Some(section), Role::Paragraph));
        text.paragraph(line, theme.small);
    }
    // Centre the text against the logo when the logo is the taller of the two.
    let text_height = text.y;
    let offset = ((logo_height - text_height) / 2.0).max(0.0);
    for mut item in text.items {
        item.shift_down(offset);
        column.items.push(item);
    }
    let bottom = logo_height.max(text_height) + BRAND_RULE_GAP;
    column.shape(
        Rect::new(x, bottom, width, BRAND_RULE),
        Some(theme.primary),
        None,
        0.0,
    );
    Some(Block {
        height: bottom + BRAND_RULE,
        items: column.items,
    })
}

/// The title and the "prepared for / therapist / date" line.
pub fn title_block(
    handout: &Handout,
    theme: &Theme,
    (x, width): (Pt, Pt),
    structure: &mut Structure,
) -> Block {
    let words = handout.words;
    let heading = structure.heading(None, 1, words.title);
    let mut column = Column::in_node(x, width, 0.0, heading);
    column.paragraph(words.title, theme.title);
    if let Some(second) = handout.second_words {
        column.node =
            Some(structure.add_in_language(None, Role::Paragraph, Some(second.language_tag)));
        column.paragraph(second.title, theme.emphasis.colored(theme.muted));
    }
    column.space(PARAGRAPH_GAP);
    // On a bilingual handout each label carries both languages: "Préparé pour / Prepared for".
    let both = |label: fn(&Words) -> &'static str| match handout.second_words {
        Some(second) => format!("{} / {}", label(words), label(second)),
        None => label(words).to_string(),
    };
    let prepared_for = both(|words| words.prepared_for);
    let therapist_label = both(|words| words.therapist);
    let date_label = both(|words| words.session_date);
    let mut fields = vec![(prepared_for.as_str(), handout.client.as_str())];
    if let Some(therapist) = &handout.therapist {
        fields.push((therapist_label.as_str(), therapist));
    }
    fields.push((date_label.as_str(), handout.session_date.as_str()));
    // Each field takes the width its value needs, and fields wrap to a new row when full.
    let top = column.y;
    let mut field_x = x;
    let mut row_top = top;
    let mut row_height: Pt = 0.0;
    for (label, value) in fields {
        let label_line = single_line(label, theme.label);
        let value_width = single_line(value, theme.value).width;
        // A point of slack so a value measured to fit is never wrapped by rounding.
        let field_width = (label_line.width.max(value_width) + MEASURE_SLACK).min(width);
        if field_x > x && field_x + field_width > x + width {
            field_x = x;
            row_top += row_height + FIELD_ROW_GAP;
            row_height = 0.0;
        }
        let paragraph = structure.add(None, Role::Paragraph);
        let mut field = Column::in_node(field_x, field_width, row_top, paragraph);
        field.paragraph(label, theme.label);
        let lines = wrap(value, theme.value, field_width.max(1.0));
        field.lines(lines, field_x, theme.value);
        row_height = row_height.max(field.y - row_top);
        column.items.extend(field.items);
        field_x += field_width + FIELD_GAP;
    }
    column.y = row_top + row_height;
    Block {
        height: column.y,
        items: column.items,
    }
}

/// The next appointment, in a tinted box with a bar in the accent colour.
pub fn follow_up_block(
    handout: &Handout,
    theme: &Theme,
    (x, width): (Pt, Pt),
    structure: &mut Structure,
) -> Option<Block> {
    let follow_up = handout.follow_up.as_ref()?;
    let words = handout.words;
    let section = structure.add(None, Role::Section);
    let second_language = handout.second_words.map(|second| second.language_tag);
    let (padding, bar) = (APPOINTMENT_PADDING, APPOINTMENT_BAR);
    let inner_x = x + bar + padding;
    // With a booking link, its QR code sits at the right of the box, labelled underneath.
    // Wide enough for "Scan to book or cancel" (or "... change") on one line, so the box stays
    // short; a bilingual handout prints the caption in both languages.
    let scan_captions: Vec<&str> = std::iter::once(follow_up.booking_caption)
        .chain(
            follow_up
                .second
                .as_ref()
                .map(|second| second.booking_caption),
        )
        .collect();
    let widest_caption = scan_captions
        .iter()
        .map(|caption| single_line(caption, theme.small).width)
        .fold(0.0, Pt::max);
    let qr_column = (QR_SIDE + QR_COLUMN_MARGIN).max((widest_caption + SMALL_GAP).min(width / 3.0));
    let qr_room = if handout.brand.booking_qr.is_some() {
        qr_column + padding
    } else {
        0.0
    };
    let mut column = Column::new(inner_x, width - bar - 2.0 * padding - qr_room, padding);
    let heading = match handout.second_words {
        Some(second) => format!("{} / {}", words.next_appointment, second.next_appointment),
        None => words.next_appointment.to_string(),
    };
    column.node = Some(structure.heading(Some(section), 2, &heading));
    column.paragraph(&heading, theme.label.colored(theme.accent_text));
    column.space(UNDER_HEADING);
    column.node = Some(structure.add(Some(section), Role::Paragraph));
    column.paragraph(
        &format!("{} ({})", follow_up.date, follow_up.distance),
        theme.emphasis,
    );
    let translated = |structure: &mut Structure| {
        Some(structure.add_in_language(Some(section), Role::Paragraph, second_language))
    };
    if let Some(second) = &follow_up.second {
        column.node = translated(structure);
        column.paragraph(
            &format!("{} ({})", second.date, second.distance),
            theme.value.colored(theme.muted),
        );
    }
    column.space(UNDER_HEADING);
    column.node = Some(structure.add(Some(section), Role::Paragraph));
    column.paragraph(&follow_up.note, theme.body);
    if let Some(second) = &follow_up.second {
        column.node = translated(structure);
        column.paragraph(&second.note, theme.body.colored(theme.muted));
    }
    if let Some(phone) = &handout.brand.phone {
        column.node = Some(structure.add(Some(section), Role::Paragraph));
        column.paragraph(&words.to_change_call.replace("{phone}", phone), theme.body);
    }
    let mut qr_bottom: Pt = 0.0;
    if let Some(code) = &handout.brand.booking_qr {
        let qr_x = x + width - padding - qr_column + (qr_column - QR_SIDE) / 2.0;
        let alt = words.booking_qr_alt.to_string();
        column.items.extend(qr_items(
            code,
            (qr_x, padding, QR_SIDE),
            alt,
            section,
            structure,
        ));
        let caption = structure.add(Some(section), Role::Paragraph);
        let mut label = Column::in_node(
            x + width - padding - qr_column,
            qr_column,
            padding + QR_SIDE + QR_CAPTION_GAP,
            caption,
        );
        for line in scan_captions
            .iter()
            .flat_map(|caption| wrap(caption, theme.small, qr_column))
        {
            let centred = label.x + (qr_column - line.width) / 2.0;
            label.lines(vec![line], centred, theme.small);
        }
        qr_bottom = label.y;
        column.items.extend(label.items);
    }
    let height = column.y.max(qr_bottom) + padding;
    column.background(
        0,
        Rect::new(x, 0.0, width, height),
        Some(theme.accent_tint),
        None,
        BOX_RADIUS,
    );
    column.background(
        1,
        Rect::new(x, 0.0, bar, height),
        Some(theme.accent),
        None,
        0.0,
    );
    Some(Block {
        height,
        items: column.items,
    })
}

/// The therapist's message to the client.
pub fn notes_block(
    handout: &Handout,
    theme: &Theme,
    (x, width): (Pt, Pt),
    structure: &mut Structure,
) -> Option<Block> {
    if handout.notes.is_empty() {
        return None;
    }
    let section = structure.add(None, Role::Section);
    let title = match handout.second_words {
        Some(second) => format!("{} / {}", handout.words.notes_heading, second.notes_heading),
        None => handout.words.notes_heading.to_string(),
    };
    let heading = structure.heading(Some(section), 2, &title);
    let mut column = Column::in_node(x, width, 0.0, heading);
    column.paragraph(&title, theme.heading);
    column.space(UNDER_HEADING);
    for (index, paragraph) in handout.notes.iter().enumerate() {
        if index > 0 {
            column.space(PARAGRAPH_GAP);
        }
        column.node = Some(structure.add(Some(section), Role::Paragraph));
        column.paragraph(paragraph, theme.body);
    }
    column.space(SMALL_GAP);
    column.shape(
        Rect::new(x, column.y, width, theme.line_width),
        Some(HAIRLINE),
        None,
        0.0,
    );
    Some(Block {
        height: column.y + theme.line_width,
        items: column.items,
    })
}
