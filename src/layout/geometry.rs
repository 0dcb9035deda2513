//! Points and rectangles on a page, in PDF points (1/72 inch), y growing downwards.

use crate::model::paper::PaperSize;

/// A length in PDF points: 72 points make an inch.
pub type Pt = f32;

/// Points per inch.
pub const INCH: Pt = 72.0;

/// How far apart two positions may be and still count as the same: layout's arithmetic
/// rounds, and a hundredth of a point is far below what any printer shows.
pub const TOLERANCE: Pt = 0.01;

/// A rectangle on a page; `y` is its top edge, measured down from the top of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: Pt,
    /// Top edge.
    pub y: Pt,
    /// Width.
    pub width: Pt,
    /// Height.
    pub height: Pt,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub const fn new(x: Pt, y: Pt, width: Pt, height: Pt) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// Right edge.
    pub fn right(&self) -> Pt {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> Pt {
        self.y + self.height
    }

    /// The same rectangle moved down by `dy`.
    pub fn shifted_down(self, dy: Pt) -> Rect {
        Rect {
            y: self.y + dy,
            ..self
        }
    }

    /// Whether the two rectangles share some area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() - TOLERANCE
            && other.x < self.right() - TOLERANCE
            && self.y < other.bottom() - TOLERANCE
            && other.y < self.bottom() - TOLERANCE
    }

    /// Whether `other` lies inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x - TOLERANCE
            && other.y >= self.y - TOLERANCE
            && other.right() <= self.right() + TOLERANCE
            && other.bottom() <= self.bottom() + TOLERANCE
    }
}

/// The largest size with `aspect_ratio` (width / height) that fits in `max_width` by
/// `max_height`: pictures keep their proportions.
pub fn fit_within(aspect_ratio: f32, max_width: Pt, max_height: Pt) -> (Pt, Pt) {
    let ratio = if aspect_ratio > 0.0 {
        aspect_ratio
    } else {
        1.0
    };
    if max_width / ratio <= max_height {
        (max_width, max_width / ratio)
    } else {
        (max_height * ratio, max_height)
    }
}

/// The size of a sheet of paper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    /// Width.
    pub width: Pt,
    /// Height.
    pub height: Pt,
}

impl PageSize {
    /// The size of a paper format.
    pub fn of(paper: PaperSize) -> PageSize {
        match paper {
            PaperSize::Letter => PageSize {
                width: 8.5 * INCH,
                height: 11.0 * INCH,
            },
            PaperSize::A4 => PageSize {
                width: 210.0 / 25.4 * INCH,
                height: 297.0 / 25.4 * INCH,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_keeps_proportions() {
        assert_eq!(fit_within(2.0, 100.0, 100.0), (100.0, 50.0));
        assert_eq!(fit_within(0.5, 100.0, 100.0), (50.0, 100.0));
        assert_eq!(fit_within(1.0, 80.0, 200.0), (80.0, 80.0));
    }
}
