//! Drawing a QR code as squares, with its quiet zone, and a clickable area over it.

use crate::layout::geometry::{INCH, Pt, Rect};
use crate::layout::page::{PageItem, Shape};
use crate::layout::structure::{NodeId, Role, Structure};
use crate::layout::theme::{INK, WHITE};
use crate::resolve::qr::QrMatrix;

/// Modules of white kept around the code, as the QR standard asks, so phones find it.
pub const QUIET_ZONE_MODULES: usize = 4;
/// The printed side of the code with its quiet zone: 0.9 inch, over 2 cm for the code itself.
pub const QR_SIDE: Pt = 0.9 * INCH;
/// How far each row of modules reaches into the next, so that rows print as one shape.
const QR_SEAM_OVERLAP: Pt = 0.05;

/// The items of a QR code whose quiet zone's top-left corner is at (`x`, `y`), `side` wide.
///
/// For screen readers the code is a link in `parent` holding a figure described by `alt`.
pub fn qr_items(
    code: &QrMatrix,
    (x, y, side): (Pt, Pt, Pt),
    alt: String,
    parent: NodeId,
    structure: &mut Structure,
) -> Vec<PageItem> {
    let link = structure.add(Some(parent), Role::Link);
    let figure = Some(structure.add(Some(link), Role::Figure { alt }));
    let modules = code.width + 2 * QUIET_ZONE_MODULES;
    let module = side / modules as Pt;
    let origin = (
        x + module * QUIET_ZONE_MODULES as Pt,
        y + module * QUIET_ZONE_MODULES as Pt,
    );
    let mut items = vec![PageItem::shape(Shape {
        rect: Rect::new(x, y, side, side),
        fill: Some(WHITE),
        stroke: None,
        corner_radius: 0.0,
    })];
    // One rectangle per horizontal run of dark modules keeps the PDF small.
    for row in 0..code.width {
        let mut column = 0;
        while column < code.width {
            if !code.is_dark(column, row) {
                column += 1;
                continue;
            }
            let start = column;
            while column < code.width && code.is_dark(column, row) {
                column += 1;
            }
            items.push(
                PageItem::shape(Shape {
                    rect: Rect::new(
                        origin.0 + start as Pt * module,
                        origin.1 + row as Pt * module,
                        (column - start) as Pt * module,
                        // A hair of overlap so rows print as one shape, without white seams.
                        module + QR_SEAM_OVERLAP,
                    ),
                    fill: Some(INK),
                    stroke: None,
                    corner_radius: 0.0,
                })
                .in_node(figure),
            );
        }
    }
    items.push(PageItem::link(
        Rect::new(x, y, side, side),
        code.url.clone(),
        Some(link),
    ));
    items
}
