//! The result of layout: pages of positioned boxes, ready to paint, with no PDF types.

use std::ops::Range;

use crate::fonts::{FontStyle, Fonts};
use crate::layout::geometry::{PageSize, Pt, Rect};
use crate::resolve::handout::Rgb;
use crate::resolve::picture::Picture;

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

/// Something drawn on a page.
#[derive(Debug, Clone)]
pub enum PageItem {
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

impl PageItem {
    /// The area the item covers.
    pub fn bounds(&self) -> Rect {
        match self {
            PageItem::Text(line) => line.bounds(),
            PageItem::Shape(shape) => shape.rect,
            PageItem::Link { rect, .. } | PageItem::Picture { rect, .. } => *rect,
        }
    }

    /// Moves the item down by `dy`.
    pub fn shift_down(&mut self, dy: Pt) {
        match self {
            PageItem::Text(line) => line.baseline += dy,
            PageItem::Shape(shape) => shape.rect = shape.rect.shifted_down(dy),
            PageItem::Link { rect, .. } | PageItem::Picture { rect, .. } => {
                *rect = rect.shifted_down(dy)
            }
        }
    }

    /// Text and pictures: what a reader reads. Shapes are backgrounds and may lie under them;
    /// links lie over what they make clickable.
    pub fn is_content(&self) -> bool {
        matches!(self, PageItem::Text(_) | PageItem::Picture { .. })
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
        self.items.iter().filter_map(|item| match item {
            PageItem::Text(line) => Some(line),
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
    /// The document's date: a handout's session date, never the wall clock.
    pub date: Option<jiff::civil::Date>,
}
