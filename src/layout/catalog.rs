//! The library contact sheet: two exercises to a row, both pictures side by side, grouped
//! under region headings.

use crate::layout::block::Block;
use crate::layout::column::Column;
use crate::layout::geometry::{PageSize, Pt, Rect, fit_within};
use crate::layout::page::{LaidOutDocument, PageItem, Shape};
use crate::layout::paginate::{PageFrame, paginate};
use crate::layout::structure::{NodeId, Role, Structure};
use crate::layout::text::{single_line, wrap};
use crate::layout::theme::{
    BOTTOM_SAFE, CATALOG_CELL_GAP, CATALOG_FRAME_PADDING, CATALOG_HEADING_GAP, CATALOG_SLOT_ASPECT,
    FOOTER_RULE_GAP, FRAME_RADIUS, HAIRLINE, MARGIN_SIDE, MARGIN_TOP, SMALL_GAP, Theme,
    UNDER_HEADING, WHITE,
};
use crate::resolve::brand::neutral;
use crate::resolve::catalog::{Catalog, CatalogEntry};

/// Exercises to a row.
const COLUMNS: usize = 2;

/// Lays out the catalog.
pub fn lay_out_catalog(catalog: &Catalog) -> LaidOutDocument {
    let page_size = PageSize::of(catalog.paper);
    let theme = Theme::for_brand(&neutral());
    let x = MARGIN_SIDE;
    let width = page_size.width - 2.0 * MARGIN_SIDE;
    let mut blocks = Vec::new();
    let mut structure = Structure::default();

    let heading = structure.heading(None, 1, &catalog.title);
    let mut title = Column::in_node(x, width, 0.0, heading);
    title.paragraph(&catalog.title, theme.title);
    title.space(SMALL_GAP);
    title.node = Some(structure.add(None, Role::Paragraph));
    title.paragraph(&catalog.subtitle, theme.body);
    blocks.push(Block {
        height: title.y,
        items: title.items,
    });

    let cell_width = (width - CATALOG_CELL_GAP * (COLUMNS as Pt - 1.0)) / COLUMNS as Pt;
    for section in &catalog.sections {
        let group = structure.add(None, Role::Section);
        for (row_index, row) in section.entries.chunks(COLUMNS).enumerate() {
            let mut column = Column::new(x, width, 0.0);
            // The heading travels with the first row, so it never ends a page alone.
            if row_index == 0 {
                column.node = Some(structure.heading(Some(group), 2, &section.heading));
                column.paragraph(&section.heading, theme.card_title.colored(theme.primary));
                column.shape(
                    Rect::new(x, column.y + UNDER_HEADING, width, theme.line_width),
                    Some(HAIRLINE),
                    None,
                    0.0,
                );
                column.space(CATALOG_HEADING_GAP);
            }
            let top = column.y;
            let mut bottom = top;
            for (index, entry) in row.iter().enumerate() {
                let cell_x = x + index as Pt * (cell_width + CATALOG_CELL_GAP);
                let entry_node = structure.add(Some(group), Role::Section);
                let place = CellPlace {
                    x: cell_x,
                    width: cell_width,
                    top,
                };
                bottom = bottom.max(cell(
                    entry,
                    &theme,
                    place,
                    entry_node,
                    &mut structure,
                    &mut column.items,
                ));
            }
            blocks.push(Block {
                height: bottom,
                items: column.items,
            });
        }
    }

    let frame = PageFrame {
        first_top: MARGIN_TOP,
        later_top: MARGIN_TOP,
        bottom: theme.content_bottom(page_size.height),
    };
    let mut pages = paginate(blocks.into_iter().map(Into::into).collect(), frame);
    let count = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        let top = theme.footer_top(page_size.height);
        page.items.push(PageItem::shape(Shape {
            rect: Rect::new(x, top, width, theme.line_width),
            fill: Some(HAIRLINE),
            stroke: None,
            corner_radius: 0.0,
        }));
        let label = single_line(
            &format!("{}  ·  Page {} of {count}", catalog.title, index + 1),
            theme.small,
        );
        let baseline = top + FOOTER_RULE_GAP + theme.small.first_baseline();
        page.items
            .push(PageItem::text(label.place(x, baseline, theme.small), None));
    }
    LaidOutDocument {
        warnings: Vec::new(),
        page_size,
        printable: Rect::new(
            x,
            MARGIN_TOP,
            width,
            page_size.height - MARGIN_TOP - BOTTOM_SAFE,
        ),
        pages,
        title: catalog.title.clone(),
        author: None,
        language: "en-CA".to_string(),
        creator: "hep".to_string(),
        created: None,
        structure,
    }
}

/// Where one exercise of the contact sheet goes.
struct CellPlace {
    x: Pt,
    width: Pt,
    top: Pt,
}

/// One exercise: its pictures side by side in a frame, the name and the id, tagged under
/// `node`; returns the bottom.
fn cell(
    entry: &CatalogEntry,
    theme: &Theme,
    place: CellPlace,
    node: NodeId,
    structure: &mut Structure,
    items: &mut Vec<PageItem>,
) -> Pt {
    let CellPlace { x, width, top } = place;
    let padding = CATALOG_FRAME_PADDING;
    let count = entry.pictures.len().max(1) as Pt;
    let slot_width = (width - padding * (count + 1.0)) / count;
    let slot_height = slot_width * CATALOG_SLOT_ASPECT;
    let frame = Rect::new(x, top, width, slot_height + 2.0 * padding);
    items.push(PageItem::shape(Shape {
        rect: frame,
        fill: Some(WHITE),
        stroke: Some((HAIRLINE, theme.line_width)),
        corner_radius: FRAME_RADIUS,
    }));
    for (index, picture) in entry.pictures.iter().enumerate() {
        let (picture_width, picture_height) =
            fit_within(picture.aspect_ratio(), slot_width, slot_height);
        let slot_x = x + padding + index as Pt * (slot_width + padding);
        let alt = format!(
            "{}, picture {} of {}",
            entry.name,
            index + 1,
            entry.pictures.len()
        );
        let figure = structure.add(Some(node), Role::Figure { alt });
        items.push(PageItem::picture(
            picture.clone(),
            Rect::new(
                slot_x + (slot_width - picture_width) / 2.0,
                top + padding + (slot_height - picture_height) / 2.0,
                picture_width,
                picture_height,
            ),
            Some(figure),
        ));
    }
    let name = structure.heading(Some(node), 3, &entry.name);
    let mut text = Column::in_node(x, width, frame.bottom() + SMALL_GAP, name);
    let lines = wrap(&entry.name, theme.body_bold, width);
    text.lines(lines, x, theme.body_bold);
    text.node = Some(structure.add(Some(node), Role::Paragraph));
    text.paragraph(&entry.details, theme.small);
    items.extend(text.items);
    text.y
}
