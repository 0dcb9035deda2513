//! The tracking log as a grid: a row per exercise, a column per day, a week to a band, with
//! tick boxes drawn as shapes (the font has no box glyph) and rest days shaded.

use crate::layout::block::Block;
use crate::layout::column::Column;
use crate::layout::geometry::{Pt, Rect};
use crate::layout::page::{PageItem, Shape};
use crate::layout::paginate::Placeable;
use crate::layout::structure::{HeaderScope, NodeId, Role, Structure};
use crate::layout::text::{single_line, wrap};
use crate::layout::theme::{
    HAIRLINE, INK, LOG_BOX_CLEARANCE, LOG_BOX_GAP, LOG_BOX_RADIUS, LOG_CELL_INSET,
    LOG_HEADER_PADDING, LOG_HEADING_GAP, LOG_REST_INSET, LOG_ROW_PADDING, LogGrid, Theme, WHITE,
};
use crate::model::colour::Rgb;
use crate::resolve::log::TrackingLog;

/// Days in one band of the grid.
const DAYS_PER_BAND: usize = 7;
/// Grey of rest days: light enough to read as "off", visible in black and white.
const REST_DAY: Rgb = Rgb::new(0xE4, 0xE8, 0xEB);

/// The log's blocks: heading, one grid band per week, and the closing line.
pub fn log_blocks(
    log: &TrackingLog,
    second_language: Option<&'static str>,
    theme: &Theme,
    (x, width): (Pt, Pt),
    structure: &mut Structure,
) -> Vec<Placeable> {
    let mut blocks: Vec<Placeable> = Vec::new();
    let section = structure.add(None, Role::Section);
    let title = structure.heading(Some(section), 2, &log.heading);
    let mut heading = Column::in_node(x, width, 0.0, title);
    heading.paragraph(&log.heading, theme.card_title);
    heading.space(LOG_HEADING_GAP);
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
    let band = Band {
        log,
        second_language,
        theme,
        grid: theme.log_grid(),
        x,
        width,
    };
    for start in (0..log.days.len()).step_by(DAYS_PER_BAND) {
        let end = (start + DAYS_PER_BAND).min(log.days.len());
        let table = structure.add(Some(section), Role::Table);
        blocks.push(band.block(start..end, table, structure).into());
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

/// What every week of the grid shares.
struct Band<'a> {
    log: &'a TrackingLog,
    /// The language tag of the second language's names, on a bilingual log.
    second_language: Option<&'static str>,
    theme: &'a Theme,
    grid: LogGrid,
    x: Pt,
    width: Pt,
}

impl Band<'_> {
    /// One week of the grid: the days of `days`, as the table `table`.
    fn block(
        &self,
        days: std::ops::Range<usize>,
        table: NodeId,
        structure: &mut Structure,
    ) -> Block {
        let (log, theme, x, width) = (self.log, self.theme, self.x, self.width);
        let label_width = self.grid.label_width;
        let mut items = Vec::new();
        let cell_width = (width - label_width) / DAYS_PER_BAND as Pt;
        let cell_x = |index: usize| x + label_width + (index - days.start) as Pt * cell_width;
        // Header: the day labels, centred over their columns; a bilingual log's second
        // language's day names under them.
        let header_style = theme.label.colored(INK);
        let second_style = theme.label.colored(theme.muted);
        let header_lines = if log.second_day_labels.is_empty() {
            1.0
        } else {
            2.0
        };
        let header_height = header_style.line_height * header_lines + LOG_HEADER_PADDING;
        let header_row = structure.add(Some(table), Role::TableRow);
        for index in days.clone() {
            let header = structure.add(Some(header_row), Role::TableHeader(HeaderScope::Column));
            let mut baseline = LOG_HEADER_PADDING / 2.0 + header_style.first_baseline();
            for (label, style) in [
                (log.day_labels.get(index), header_style),
                (log.second_day_labels.get(index), second_style),
            ] {
                let Some(label) = label else {
                    continue;
                };
                let line = single_line(label, style);
                let centred = cell_x(index) + (cell_width - line.width) / 2.0;
                items.push(PageItem::text(
                    line.place(centred, baseline, style),
                    Some(header),
                ));
                baseline += style.line_height;
            }
        }
        let mut y = header_height;
        items.push(line(x, y, width, theme.line_width * 1.5));
        for row in &log.rows {
            let table_row = structure.add(Some(table), Role::TableRow);
            let header = structure.add(Some(table_row), Role::TableHeader(HeaderScope::Row));
            let name_width = label_width - LOG_CELL_INSET;
            let mut label = Column::in_node(x, name_width, y + LOG_ROW_PADDING, header);
            label.lines(
                wrap(&row.name, theme.body_bold, name_width),
                x,
                theme.body_bold,
            );
            if let Some(second_name) = &row.second_name {
                label.node = Some(structure.add_in_language(
                    Some(header),
                    Role::Paragraph,
                    self.second_language,
                ));
                label.paragraph(second_name, theme.small);
            }
            if let Some(note) = &row.note {
                label.paragraph(note, theme.small);
            }
            let boxes = row.boxes_per_day.max(1) as Pt;
            let size = self
                .grid
                .box_size
                .min((cell_width - LOG_CELL_INSET - LOG_BOX_GAP * (boxes - 1.0)) / boxes);
            let row_height = (label.y - y + LOG_ROW_PADDING).max(size + 2.0 * LOG_BOX_CLEARANCE);
            for index in days.clone() {
                let left = cell_x(index);
                let cell = Some(structure.add(Some(table_row), Role::TableCell));
                if row.rest_days.get(index).copied().unwrap_or(false) {
                    let inset = LOG_REST_INSET;
                    items.push(
                        PageItem::shape(Shape {
                            rect: Rect::new(
                                left + inset,
                                y + inset,
                                cell_width - 2.0 * inset,
                                row_height - 2.0 * inset,
                            ),
                            fill: Some(REST_DAY),
                            stroke: None,
                            corner_radius: LOG_BOX_RADIUS,
                        })
                        .in_node(cell),
                    );
                    continue;
                }
                let total = boxes * size + (boxes - 1.0) * LOG_BOX_GAP;
                let mut box_x = left + (cell_width - total) / 2.0;
                let box_y = y + (row_height - size) / 2.0;
                for _ in 0..row.boxes_per_day.max(1) {
                    items.push(
                        PageItem::shape(Shape {
                            rect: Rect::new(box_x, box_y, size, size),
                            fill: Some(WHITE),
                            stroke: Some((INK, self.grid.box_line)),
                            corner_radius: LOG_BOX_RADIUS,
                        })
                        .in_node(cell),
                    );
                    box_x += size + LOG_BOX_GAP;
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
            height: y + 2.0 * LOG_REST_INSET,
            items,
        }
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
