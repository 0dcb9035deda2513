//! A block is a strip of positioned items (a header, a card) that pagination stacks on pages.

use crate::layout::geometry::{Pt, Rect};
use crate::layout::page::{PageItem, Shape};
use crate::layout::text::{ShapedLine, TextStyle, single_line, wrap};
use crate::resolve::handout::Rgb;

/// Items positioned relative to the block's top edge (y = 0), with absolute x.
#[derive(Debug, Clone, Default)]
pub struct Block {
    /// The block's height, including its own padding.
    pub height: Pt,
    /// What is drawn.
    pub items: Vec<PageItem>,
}

impl Block {
    /// One block made of `parts` stacked with `gap` between them.
    pub fn stacked(parts: Vec<Block>, gap: Pt) -> Block {
        let mut stacked = Block::default();
        for (index, part) in parts.into_iter().enumerate() {
            let top = if index == 0 {
                0.0
            } else {
                stacked.height + gap
            };
            for mut item in part.items {
                item.shift_down(top);
                stacked.items.push(item);
            }
            stacked.height = top + part.height;
        }
        stacked
    }

    /// Splits the block so the first part is at most `max_height` tall, cutting only where no
    /// item straddles the cut. Returns the block unchanged (and `None`) when it fits.
    pub fn split(mut self, max_height: Pt) -> (Block, Option<Block>) {
        if self.height <= max_height {
            return (self, None);
        }
        let straddles = |cut: Pt, items: &[PageItem]| {
            items.iter().any(|item| {
                let bounds = item.bounds();
                bounds.y < cut - 0.01 && bounds.bottom() > cut + 0.01
            })
        };
        // Candidate cuts: the bottoms of items, best (lowest) first.
        let mut cuts: Vec<Pt> = self
            .items
            .iter()
            .map(|item| item.bounds().bottom())
            .filter(|bottom| *bottom <= max_height && *bottom > 0.0)
            .collect();
        cuts.sort_by(|a, b| b.total_cmp(a));
        let cut = cuts
            .into_iter()
            .find(|cut| !straddles(*cut, &self.items))
            .unwrap_or(max_height);
        let (first, rest): (Vec<PageItem>, Vec<PageItem>) = self
            .items
            .drain(..)
            .partition(|item| item.bounds().y < cut - 0.01);
        let mut rest_block = Block {
            height: (self.height - cut).max(0.0),
            items: rest,
        };
        for item in &mut rest_block.items {
            item.shift_down(-cut);
        }
        (
            Block {
                height: cut,
                items: first,
            },
            Some(rest_block),
        )
    }
}

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
            widen_below: None,
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
                .push(PageItem::Text(line.place(x, baseline, style)));
            self.y += style.line_height;
        }
    }

    /// A wrapped paragraph across the column.
    pub fn paragraph(&mut self, text: &str, style: TextStyle) {
        self.settle();
        let lines = wrap(text, style, self.width);
        self.lines(lines, self.x, style);
    }

    /// A paragraph with a marker ("1.", "•") hanging in a gutter of `indent` on its left.
    pub fn hanging(
        &mut self,
        marker: &str,
        marker_style: TextStyle,
        text: &str,
        style: TextStyle,
        indent: Pt,
    ) {
        let top = self.y;
        let marker_line = single_line(marker, marker_style);
        let baseline = top + style.first_baseline();
        self.items.push(PageItem::Text(marker_line.place(
            self.x,
            baseline,
            marker_style,
        )));
        let lines = wrap(text, style, self.width - indent);
        self.lines(lines, self.x + indent, style);
    }

    /// A table row: a label in a fixed-width left column and a wrapped value beside it.
    pub fn labelled(
        &mut self,
        label: &str,
        label_style: TextStyle,
        value: &str,
        style: TextStyle,
        label_width: Pt,
    ) {
        let label_lines = wrap(label, label_style, label_width - 6.0);
        let value_lines = wrap(value, style, self.width - label_width);
        let top = self.y;
        // Both columns share the first baseline so the label reads with its value.
        let baseline_shift = style.first_baseline() - label_style.first_baseline();
        let mut label_y = top + baseline_shift.max(0.0);
        for line in label_lines {
            let baseline = label_y + label_style.first_baseline();
            self.items
                .push(PageItem::Text(line.place(self.x, baseline, label_style)));
            label_y += label_style.line_height;
        }
        self.lines(value_lines, self.x + label_width, style);
        self.y = self.y.max(label_y);
    }

    /// A filled rectangle behind later items.
    pub fn shape(
        &mut self,
        rect: Rect,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, Pt)>,
        corner_radius: Pt,
    ) {
        self.items.push(PageItem::Shape(Shape {
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
            PageItem::Shape(Shape {
                rect,
                fill,
                stroke,
                corner_radius,
            }),
        );
    }
}
