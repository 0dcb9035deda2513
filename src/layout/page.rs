//! The result of layout: pages of positioned boxes, ready to paint, with no PDF types.

use std::ops::Range;

use crate::fonts::{FontStyle, Fonts};
use crate::layout::geometry::{PageSize, Pt, Rect};
use crate::layout::structure::{NodeId, Structure};
use crate::model::colour::Rgb;
use crate::model::picture::Picture;

/// One glyph of shaped text, in font units scaled to 1 em.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    /// The glyph's index in the font.
    pub glyph_id: u16,
    /// How far the pen moves after the glyph, in em.
    pub x_advance_em: f32,
    /// Horizontal shift of the glyph, in em.
    pub x_offset_em: f32,
    /// Vertical shift of the glyph, in em.
    pub y_offset_em: f32,
    /// The bytes of the line's text that this glyph draws, so the PDF text extracts exactly.
    pub text_range: Range<usize>,
}

/// One line of text at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Left end of the baseline.
    pub x: Pt,
    /// The baseline's height on the page.
    pub baseline: Pt,
    /// Which face.
    pub style: FontStyle,
    /// Font size.
    pub size: Pt,
    /// Colour.
    pub color: Rgb,
    /// The characters of the line.
    pub text: String,
    /// The shaped glyphs that draw `text`.
    pub glyphs: Vec<ShapedGlyph>,
    /// The advance width of the whole line.
    pub width: Pt,
}

impl TextLine {
    /// The box from the font's ascender to its descender.
    pub fn bounds(&self) -> Rect {
        let face = Fonts::bundled().face(self.style);
        let top = self.baseline - face.ascender_em() * self.size;
        let height = (face.ascender_em() + face.descender_em()) * self.size;
        Rect::new(self.x, top, self.width, height)
    }
}

/// A filled and/or outlined rectangle, possibly with rounded corners or as a circle.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// Where.
    pub rect: Rect,
    /// Fill colour.
    pub fill: Option<Rgb>,
    /// Outline colour and width.
    pub stroke: Option<(Rgb, Pt)>,
    /// Corner radius; half the height of a square makes a circle.
    pub corner_radius: Pt,
}

/// What an item draws.
#[derive(Debug, Clone)]
pub enum ItemKind {
    /// A line of text.
    Text(TextLine),
    /// A rectangle, rule or circle.
    Shape(Shape),
    /// A clickable area that opens a web link.
    Link {
        /// The area.
        rect: Rect,
        /// The address.
        url: String,
    },
    /// A picture scaled into a rectangle.
    Picture {
        /// The decoded picture.
        picture: Picture,
        /// Where it goes; its proportions match the picture's.
        rect: Rect,
    },
}

/// Something drawn on a page, and the structure node it belongs to.
#[derive(Debug, Clone)]
pub struct PageItem {
    /// What is drawn.
    pub kind: ItemKind,
    /// The node of the document's [`Structure`] the item belongs to; `None` for decoration
    /// (backgrounds, rules, page footers), which screen readers skip.
    pub node: Option<NodeId>,
}

impl PageItem {
    /// A line of text in `node`.
    pub fn text(line: TextLine, node: Option<NodeId>) -> PageItem {
        PageItem {
            kind: ItemKind::Text(line),
            node,
        }
    }

    /// A shape; decoration unless `in_node` puts it in a node.
    pub fn shape(shape: Shape) -> PageItem {
        PageItem {
            kind: ItemKind::Shape(shape),
            node: None,
        }
    }

    /// A picture in `node`.
    pub fn picture(picture: Picture, rect: Rect, node: Option<NodeId>) -> PageItem {
        PageItem {
            kind: ItemKind::Picture { picture, rect },
            node,
        }
    }

    /// A clickable area in `node` (a [`Role::Link`](crate::layout::structure::Role::Link)).
    pub fn link(rect: Rect, url: String, node: Option<NodeId>) -> PageItem {
        PageItem {
            kind: ItemKind::Link { rect, url },
            node,
        }
    }

    /// The same item in `node`.
    pub fn in_node(mut self, node: Option<NodeId>) -> PageItem {
        self.node = node;
        self
    }

    /// The area the item covers.
    pub fn bounds(&self) -> Rect {
        match &self.kind {
            ItemKind::Text(line) => line.bounds(),
            ItemKind::Shape(shape) => shape.rect,
            ItemKind::Link { rect, .. } | ItemKind::Picture { rect, .. } => *rect,
        }
    }

    /// Moves the item down by `dy`.
    pub fn shift_down(&mut self, dy: Pt) {
        match &mut self.kind {
            ItemKind::Text(line) => line.baseline += dy,
            ItemKind::Shape(shape) => shape.rect = shape.rect.shifted_down(dy),
            ItemKind::Link { rect, .. } | ItemKind::Picture { rect, .. } => {
                *rect = rect.shifted_down(dy)
            }
        }
    }

    /// Text and pictures: what a reader reads. Shapes are backgrounds and may lie under them;
    /// links lie over what they make clickable.
    pub fn is_content(&self) -> bool {
        matches!(self.kind, ItemKind::Text(_) | ItemKind::Picture { .. })
    }
}

/// One page of positioned items.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Items in painting order.
    pub items: Vec<PageItem>,
}

impl Page {
    /// All text lines of the page, in painting order.
    pub fn text_lines(&self) -> impl Iterator<Item = &TextLine> {
        self.items.iter().filter_map(|item| match &item.kind {
            ItemKind::Text(line) => Some(line),
            _ => None,
        })
    }
}

/// A handout laid out on pages.
#[derive(Debug, Clone)]
pub struct LaidOutDocument {
    /// The sheet size of every page.
    pub page_size: PageSize,
    /// The area inside the margins that content may use.
    pub printable: Rect,
    /// The pages in order.
    pub pages: Vec<Page>,
    /// The document title for the PDF's metadata.
    pub title: String,
    /// The author for the PDF's metadata.
    pub author: Option<String>,
    /// The language tag of the text.
    pub language: String,
    /// The application or organisation the document is from (the clinic).
    pub creator: String,
    /// When the document says it was made (UTC): never the wall clock.
    pub created: Option<jiff::civil::DateTime>,
    /// The logical structure that the pages' items are tagged with.
    pub structure: Structure,
    /// What the layout had to compromise on, for `hep check` and `render` to report: a brand
    /// colour darkened to be readable, a footer shortened to fit.
    pub warnings: Vec<String>,
}
