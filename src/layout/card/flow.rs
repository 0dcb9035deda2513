//! The text of a card flowing down the grid: beside the pictures it stops short of them, below
//! them it runs across the whole card. Labels and values keep their x all the way down.

use crate::layout::geometry::Pt;
use crate::layout::page::PageItem;
use crate::layout::structure::NodeId;
use crate::layout::text::{ShapedLine, TextStyle, wrap, wrap_narrow_first};
use crate::layout::theme::COLUMN_GAP;

/// The pictures' area at the card's top right, that text flows around.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Float {
    /// The pictures' left edge.
    pub left: Pt,
    /// The pictures' bottom.
    pub bottom: Pt,
}

/// A column of text whose right edge steps out once it is below the pictures.
#[derive(Debug, Clone)]
pub struct Flow {
    /// What has been placed.
    pub items: Vec<PageItem>,
    /// The next free y.
    pub y: Pt,
    /// The structure node that text placed from now on belongs to.
    pub node: Option<NodeId>,
    /// The card's right edge.
    right: Pt,
    /// The pictures, when text runs beside them.
    float: Option<Float>,
}

impl Flow {
    /// An empty flow starting at `y`, with its right edge at `right` once below `float`.
    pub fn new(y: Pt, right: Pt, float: Option<Float>) -> Flow {
        Flow {
            items: Vec::new(),
            y,
            node: None,
            right,
            float,
        }
    }

    /// The right edge of a line whose top is at `top`.
    pub fn right_at(&self, top: Pt) -> Pt {
        match self.float {
            Some(float) if top < float.bottom => float.left - COLUMN_GAP,
            _ => self.right,
        }
    }

    /// Adds vertical space.
    pub fn space(&mut self, height: Pt) {
        self.y += height;
    }

    /// A paragraph from `x`, each line as wide as the room beside or below the pictures.
    pub fn paragraph(&mut self, text: &str, style: TextStyle, x: Pt) {
        let lines = self.flowing_lines(text, style, x, self.y);
        self.place(lines, x, style);
    }

    /// Places lines at `x` one below the other from the current y.
    pub fn place(&mut self, lines: Vec<ShapedLine>, x: Pt, style: TextStyle) {
        for line in lines {
            let baseline = self.y + style.first_baseline();
            self.items
                .push(PageItem::text(line.place(x, baseline, style), self.node));
            self.y += style.line_height;
        }
    }

    /// `text` broken into lines from `x` for a paragraph starting at `top`: lines beside the
    /// pictures end before them, and the rest are broken again across the full width.
    pub fn flowing_lines(&self, text: &str, style: TextStyle, x: Pt, top: Pt) -> Vec<ShapedLine> {
        let narrow = (self.right_at(top) - x).max(1.0);
        let full = (self.right - x).max(1.0);
        match self.float.filter(|_| narrow < full) {
            None => wrap(text, style, narrow),
            Some(float) => {
                let beside = ((float.bottom - top) / style.line_height).ceil().max(0.0) as usize;
                wrap_narrow_first(text, style, (beside, narrow), full)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontStyle;
    use crate::model::colour::Rgb;

    #[test]
    fn lines_beside_the_pictures_are_short_and_the_rest_run_across() {
        let style = TextStyle::new(FontStyle::Regular, 12.0, 1.25, Rgb::new(0, 0, 0));
        let float = Float {
            left: 300.0,
            bottom: 2.0 * style.line_height,
        };
        let flow = Flow::new(0.0, 500.0, Some(float));
        let text = "Lie on your back with your knees bent and your feet flat on the floor, a little apart, and rest your arms at your sides while you breathe out slowly. Then lift your hips until your body is straight from your knees to your shoulders, and hold.";
        let lines = flow.flowing_lines(text, style, 20.0, 0.0);
        assert!(lines.len() >= 3);
        assert!(
            lines[..2]
                .iter()
                .all(|line| line.width <= 300.0 - COLUMN_GAP - 20.0)
        );
        assert!(
            lines[2..]
                .iter()
                .any(|line| line.width > 300.0 - COLUMN_GAP - 20.0)
        );
        assert!(lines.len() < wrap(text, style, 300.0 - COLUMN_GAP - 20.0).len());
        let joined: Vec<&str> = lines.iter().map(|line| line.text.as_str()).collect();
        assert_eq!(joined.join(" "), text);
    }
}
