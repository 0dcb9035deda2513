//! The tracking log as a grid: a row per exercise, a column per day, a week to a band, with
//! tick boxes drawn as shapes (the font has no box glyph) and rest days shaded.

use crate::layout::block::{Block, Column};
use crate::layout::geometry::{Pt, Rect};
use crate::layout::page::{PageItem, Shape};
use crate::layout::paginate::Placeable;
use crate::layout::structure::{HeaderScope, NodeId, Role, Structure};
use crate::layout::text::{single_line, wrap};
use crate::layout::theme::{HAIRLINE, INK, Theme, WHITE};
use crate::model::colour::Rgb;
use crate::resolve::log::TrackingLog;

/// Days in one band of the grid.
const DAYS_PER_BAND: usize = 7;
/// Grey of rest days: light enough to read as "off", visible in black and white.
const REST_DAY: Rgb = Rgb::new(0xE4, 0xE8, 0xEB);

/// The log's blocks: heading, one grid band per week, and the closing line.
pub fn log_blocks(
    log: &TrackingLog,
    theme: &Theme,
    (x, width): (Pt, Pt),
    structure: &mut Structure,
) -> Vec<Placeable> {
    let mut blocks: Vec<Placeable> = Vec::new();
    let section = structure.add(None, Role::Section);
    let title = structure.heading(Some(section), 2, &log.heading);
    let mut heading = Column::in_node(x, width, 0.0, title);
    heading.paragraph(&log.heading, theme.card_title);
    heading.space(4.0);
    heading.node = Some(structure.add(Some(section), Role::Paragraph));
    heading.paragraph(&log.instruction, theme.body);
    blocks.push(Placeable {
        keep_with_next: true,
        ..Block {
            height: heading.y,
            items: heading.items,
        }
        .into()
    });
    let label_width = if theme.large_print { 180.0 } else { 150.0 };
    for (band, start) in (0..log.days.len()).step_by(DAYS_PER_BAND).enumerate() {
        let end = (start + DAYS_PER_BAND).min(log.days.len());
        let table = structure.add(Some(section), Role::Table);
        blocks.push(
            band_block(
                log,
                theme,
                (x, width, label_width),
                start..end,
                (band, table, &mut *structure),
            )
            .into(),
        );
    }
    let closing_node = structure.add(Some(section), Role::Paragraph);
    let mut closing = Column::in_node(x, width, 0.0, closing_node);
    closing.paragraph(&log.closing, theme.body_bold.colored(theme.primary));
    blocks.push(
        Block {
            height: closing.y,
            items: closing.items,
        }
        .into(),
    );
    blocks
}

/// One week of the grid.
fn band_block(
    log: &TrackingLog,
    theme: &Theme,
    (x, width, label_width): (Pt, Pt, Pt),
    days: std::ops::Range<usize>,
    (_band, table, structure): (usize, NodeId, &mut Structure),
) -> Block {
    let mut items = Vec::new();
    let cell_width = (width - label_width) / DAYS_PER_BAND as Pt;
    let cell_x = |index: usize| x + label_width + (index - days.start) as Pt * cell_width;
    // Header: the day labels, centred over their columns.
    let header_style = theme.label.colored(INK);
    let header_height = header_style.line_height + 6.0;
    let header_row = structure.add(Some(table), Role::TableRow);
    for index in days.clone() {
        let label = single_line(&log.day_labels[index], header_style);
        let centred = cell_x(index) + (cell_width - label.width) / 2.0;
        let header = structure.add(Some(header_row), Role::TableHeader(HeaderScope::Column));
        items.push(PageItem::text(
            label.place(centred, 3.0 + header_style.first_baseline(), header_style),
            Some(header),
        ));
    }
    let mut y = header_height;
    items.push(line(x, y, width, theme.line_width * 1.5));
    let box_size: Pt = if theme.large_print { 17.0 } else { 13.0 };
    for row in &log.rows {
        let table_row = structure.add(Some(table), Role::TableRow);
        let header = structure.add(Some(table_row), Role::TableHeader(HeaderScope::Row));
        let mut label = Column::in_node(x, label_width - 8.0, y + 5.0, header);
        label.lines(
            wrap(&row.name, theme.body_bold, label_width - 8.0),
            x,
            theme.body_bold,
        );
        if let Some(note) = &row.note {
            label.paragraph(note, theme.small);
        }
        let boxes = row.boxes_per_day.max(1) as Pt;
        let gap = 4.0;
        let size = box_size.min((cell_width - 8.0 - gap * (boxes - 1.0)) / boxes);
        let row_height = (label.y - y + 5.0).max(size + 12.0);
        for index in days.clone() {
            let left = cell_x(index);
            let cell = Some(structure.add(Some(table_row), Role::TableCell));
            if row.rest_days.get(index).copied().unwrap_or(false) {
                items.push(
                    PageItem::shape(Shape {
                        rect: Rect::new(left + 1.0, y + 1.0, cell_width - 2.0, row_height - 2.0),
                        fill: Some(REST_DAY),
                        stroke: None,
                        corner_radius: 2.0,
                    })
                    .in_node(cell),
                );
                continue;
            }
            let total = boxes * size + (boxes - 1.0) * gap;
            let mut box_x = left + (cell_width - total) / 2.0;
            let box_y = y + (row_height - size) / 2.0;
            for _ in 0..row.boxes_per_day.max(1) {
                items.push(
                    PageItem::shape(Shape {
                        rect: Rect::new(box_x, box_y, size, size),
                        fill: Some(WHITE),
                        stroke: Some((INK, theme.line_width + 0.25)),
                        corner_radius: 2.0,
                    })
                    .in_node(cell),
                );
                box_x += size + gap;
            }
        }
        items.extend(label.items);
        y += row_height;
        items.push(line(x, y, width, theme.line_width));
    }
    // Column rules between days.
    for index in days.clone() {
        items.push(PageItem::shape(Shape {
            rect: Rect::new(
                cell_x(index),
                header_height,
                theme.line_width,
                y - header_height,
            ),
            fill: Some(HAIRLINE),
            stroke: None,
            corner_radius: 0.0,
        }));
    }
    Block {
        height: y + 2.0,
        items,
    }
}

fn line(x: Pt, y: Pt, width: Pt, thickness: Pt) -> PageItem {
    PageItem::shape(Shape {
        rect: Rect::new(x, y, width, thickness),
        fill: Some(HAIRLINE),
        stroke: None,
        corner_radius: 0.0,
    })
}
