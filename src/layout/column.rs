//! A column: items laid out downwards from a y that moves on, the way every part of a page
//! (a card's text, a header field, a table cell) is written.

use crate::layout::geometry::{Pt, Rect};
use crate::layout::page::{PageItem, Shape};
use crate::layout::structure::NodeId;
use crate::layout::text::{ShapedLine, TextStyle, single_line, wrap};
use crate::model::colour::Rgb;

/// Lays items out downwards in a column, keeping track of the next free y.
#[derive(Debug, Clone)]
pub struct Column {
    /// Left edge of the column.
    pub x: Pt,
    /// Width of the column.
    pub width: Pt,
    /// The next free y.
    pub y: Pt,
    /// What has been placed.
    pub items: Vec<PageItem>,
    /// The structure node that text and pictures placed from now on belong to.
    pub node: Option<NodeId>,
    /// Below this y the column widens to the given left edge and width (text flowing on
    /// under a picture column).
    widen_below: Option<(Pt, Pt, Pt)>,
}

impl Column {
    /// An empty column starting at `y`.
    pub fn new(x: Pt, width: Pt, y: Pt) -> Column {
        Column {
            x,
            width,
            y,
            items: Vec::new(),
            node: None,
            widen_below: None,
        }
    }

    /// An empty column whose text belongs to `node`.
    pub fn in_node(x: Pt, width: Pt, y: Pt, node: NodeId) -> Column {
        Column {
            node: Some(node),
            ..Column::new(x, width, y)
        }
    }

    /// Lets paragraphs that start below `y` use the wider span from `x` across `width`.
    pub fn widen_below(&mut self, y: Pt, x: Pt, width: Pt) {
        self.widen_below = Some((y, x, width));
    }

    /// Widens the column once the next paragraph starts below the widening point.
    pub fn settle(&mut self) {
        if let Some((below, x, width)) = self.widen_below
            && self.y >= below
        {
            self.x = x;
            self.width = width;
            self.widen_below = None;
        }
    }

    /// Adds vertical space.
    pub fn space(&mut self, height: Pt) {
        self.y += height;
    }

    /// Places pre-shaped lines at `x`, one line height apart.
    pub fn lines(&mut self, lines: Vec<ShapedLine>, x: Pt, style: TextStyle) {
        for line in lines {
            let baseline = self.y + style.first_baseline();
            self.items
                .push(PageItem::text(line.place(x, baseline, style), self.node));
            self.y += style.line_height;
        }
    }

    /// A wrapped paragraph across the column.
    pub fn paragraph(&mut self, text: &str, style: TextStyle) {
        self.settle();
        let lines = wrap(text, style, self.width);
        self.lines(lines, self.x, style);
    }

    /// A paragraph with a marker ("1.", "•") hanging in a gutter of `indent` on its left; the
    /// marker belongs to the node `marker_node`, the text to the column's node.
    pub fn hanging(
        &mut self,
        (marker, marker_style, marker_node): (&str, TextStyle, Option<NodeId>),
        text: &str,
        style: TextStyle,
        indent: Pt,
    ) {
        let top = self.y;
        let marker_line = single_line(marker, marker_style);
        let baseline = top + style.first_baseline();
        self.items.push(PageItem::text(
            marker_line.place(self.x, baseline, marker_style),
            marker_node,
        ));
        let lines = wrap(text, style, self.width - indent);
        self.lines(lines, self.x + indent, style);
    }

    /// A filled rectangle behind later items.
    pub fn shape(
        &mut self,
        rect: Rect,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, Pt)>,
        corner_radius: Pt,
    ) {
        self.items.push(PageItem::shape(Shape {
            rect,
            fill,
            stroke,
            corner_radius,
        }));
    }
}

impl Column {
    /// A rectangle drawn behind the items placed since `first_item` (a box around them).
    pub fn background(
        &mut self,
        first_item: usize,
        rect: Rect,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, Pt)>,
        corner_radius: Pt,
    ) {
        self.items.insert(
            first_item.min(self.items.len()),
            PageItem::shape(Shape {
                rect,
                fill,
                stroke,
                corner_radius,
            }),
        );
    }
}
