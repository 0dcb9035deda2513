//! A block is a strip of positioned items (a header, a card) that pagination stacks on pages.

use crate::layout::geometry::{INCH, Pt, Rect, TOLERANCE};
use crate::layout::page::PageItem;

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

    /// Splits the block so the first part is at most `max_height` tall. Returns the block
    /// unchanged (and `None`) when it fits.
    ///
    /// The cut goes, in order of preference:
    /// - where no item straddles it (between two cards' paragraphs, under a picture);
    /// - else at the top of an item, so that it and everything starting below it move on, as
    ///   long as what stays (a picture beside the first lines of text) ends by `max_height`;
    /// - else nowhere: the first part is empty and the whole block moves on, when its first
    ///   items fit on any fresh page ([`SURE_PAGE_ROOM`]);
    /// - else at `max_height`, and the items across it overflow: only a single item taller than
    ///   a page can force this.
    pub fn split(mut self, max_height: Pt) -> (Block, Option<Block>) {
        if self.height <= max_height {
            return (self, None);
        }
        let (cut, first_height) = match self.clean_cut(max_height) {
            Some(cut) => (cut, cut),
            None => match self.cut_above_item(max_height) {
                Some(cut) => cut,
                None if self.first_items_height() <= SURE_PAGE_ROOM => {
                    return (Block::default(), Some(self));
                }
                None => (max_height, max_height),
            },
        };
        let (first, rest): (Vec<PageItem>, Vec<PageItem>) = self
            .items
            .drain(..)
            .partition(|item| item.bounds().y < cut - TOLERANCE);
        let mut rest_block = Block {
            height: (self.height - cut).max(0.0),
            items: rest,
        };
        for item in &mut rest_block.items {
            item.shift_down(-cut);
        }
        (
            Block {
                height: first_height,
                items: first,
            },
            Some(rest_block),
        )
    }

    /// The lowest item bottom at most `max_height` that no item straddles.
    fn clean_cut(&self, max_height: Pt) -> Option<Pt> {
        // Only items starting above `max_height` can straddle a cut there: looking at the rest
        // of a long paragraph for every page made pagination quadratic in its length.
        let above: Vec<Rect> = self
            .items
            .iter()
            .map(PageItem::bounds)
            .filter(|bounds| bounds.y < max_height)
            .collect();
        let straddles = |cut: Pt| {
            above
                .iter()
                .any(|bounds| bounds.y < cut - TOLERANCE && bounds.bottom() > cut + TOLERANCE)
        };
        let mut cuts: Vec<Pt> = above
            .iter()
            .map(Rect::bottom)
            .filter(|bottom| *bottom <= max_height && *bottom > 0.0)
            .collect();
        cuts.sort_by(|a, b| b.total_cmp(a));
        cuts.into_iter().find(|cut| !straddles(*cut))
    }

    /// The tops of items, lowest first: the places where the block can be cut at an item.
    fn item_tops(&self) -> Vec<Pt> {
        let mut tops: Vec<Pt> = self
            .items
            .iter()
            .map(|item| item.bounds().y)
            .filter(|top| *top > 0.0)
            .collect();
        tops.sort_by(|a, b| b.total_cmp(a));
        tops.dedup();
        tops
    }

    /// A cut at the top of an item such that the items above it end by `max_height`, lowest
    /// first: the cut and the height of the first part.
    fn cut_above_item(&self, max_height: Pt) -> Option<(Pt, Pt)> {
        let reach = Reach::of(&self.items);
        self.item_tops().into_iter().find_map(|top| {
            let reach = reach.above(top)?;
            let cut = top.min(max_height);
            (reach <= max_height + TOLERANCE).then_some((cut, reach.min(max_height).max(cut)))
        })
    }

    /// The height of the smallest first part that any cut can leave: the block's first items
    /// and everything beside them.
    fn first_items_height(&self) -> Pt {
        let reach = Reach::of(&self.items);
        let mut tops = self.item_tops();
        tops.reverse();
        tops.into_iter()
            .find_map(|top| reach.above(top))
            .unwrap_or(self.height)
    }
}

/// How far down the items starting above a given y reach, answered in logarithmic time: a
/// linear scan for every possible cut made a long paragraph's pagination quadratic.
struct Reach {
    /// Item tops, highest on the page first.
    tops: Vec<Pt>,
    /// The lowest bottom among the items up to the same index.
    lowest_bottom: Vec<Pt>,
}

impl Reach {
    fn of(items: &[PageItem]) -> Reach {
        let mut bounds: Vec<Rect> = items.iter().map(PageItem::bounds).collect();
        bounds.sort_by(|a, b| a.y.total_cmp(&b.y));
        let mut lowest = Pt::NEG_INFINITY;
        let lowest_bottom = bounds
            .iter()
            .map(|rect| {
                lowest = lowest.max(rect.bottom());
                lowest
            })
            .collect();
        Reach {
            tops: bounds.iter().map(|rect| rect.y).collect(),
            lowest_bottom,
        }
    }

    /// The items starting above `top`, and how far down they reach; `None` when there are none.
    fn above(&self, top: Pt) -> Option<Pt> {
        let count = self.tops.partition_point(|y| *y < top - TOLERANCE);
        count.checked_sub(1).map(|last| self.lowest_bottom[last])
    }
}

/// Room that every page has between its top margin and its footer, whatever the paper and the
/// print size: a block whose first items fit in it can always move on to a fresh page, so
/// moving it there never leaves pagination without progress.
pub const SURE_PAGE_ROOM: Pt = 5.0 * INCH;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::page::Shape;

    #[test]
    fn every_page_has_the_room_splitting_counts_on() {
        use crate::layout::geometry::PageSize;
        use crate::layout::theme::{MARGIN_TOP, Theme};
        use crate::model::paper::PaperSize;
        let brand = crate::resolve::brand::neutral();
        for paper in [PaperSize::Letter, PaperSize::A4] {
            let height = PageSize::of(paper).height;
            for theme in [Theme::for_brand(&brand), Theme::large_print(&brand)] {
                let room = theme.content_bottom(height) - MARGIN_TOP;
                assert!(
                    room >= SURE_PAGE_ROOM,
                    "{paper:?}, large print {}: {room} pt",
                    theme.large_print
                );
            }
        }
    }

    fn shape(y: Pt, height: Pt) -> PageItem {
        PageItem::shape(Shape {
            rect: Rect::new(0.0, y, 100.0, height),
            fill: None,
            stroke: None,
            corner_radius: 0.0,
        })
    }

    /// A card's body: a 110 pt picture frame on the left, and beside it ten 15 pt lines of text
    /// (drawn here as boxes) running on below it.
    fn picture_beside_text() -> Block {
        let mut items = vec![shape(0.0, 110.0)];
        items.extend((0..10).map(|line| shape(line as Pt * 15.0, 15.0)));
        Block {
            height: 150.0,
            items,
        }
    }

    fn bottom(items: &[PageItem]) -> Pt {
        items
            .iter()
            .map(|item| item.bounds().bottom())
            .fold(0.0, Pt::max)
    }

    #[test]
    fn a_clean_cut_is_preferred() {
        let block = Block {
            height: 100.0,
            items: vec![shape(0.0, 30.0), shape(40.0, 30.0), shape(75.0, 25.0)],
        };
        let (first, rest) = block.split(80.0);
        assert_eq!(first.height, 70.0);
        assert_eq!(first.items.len(), 2);
        let rest = rest.unwrap();
        assert_eq!(rest.items.len(), 1);
        assert!((rest.items[0].bounds().y - 5.0).abs() < 0.01);
    }

    #[test]
    fn a_picture_stays_with_the_lines_beside_it_when_it_fits() {
        let (first, rest) = picture_beside_text().split(130.0);
        assert!(bottom(&first.items) <= 130.0);
        assert!(first.height <= 130.0);
        // The picture and the seven lines that start beside it; the rest move on.
        assert_eq!(first.items.len(), 9);
        let rest = rest.unwrap();
        assert_eq!(rest.items.len(), 2);
        assert!(rest.items.iter().all(|item| item.bounds().y >= -0.01));
    }

    #[test]
    fn without_a_clean_cut_items_move_on_from_the_top_of_one() {
        // Each item overlaps the next, as a picture column beside a text column can.
        let block = Block {
            height: 130.0,
            items: vec![shape(0.0, 50.0), shape(40.0, 50.0), shape(80.0, 50.0)],
        };
        let (first, rest) = block.split(100.0);
        assert_eq!(first.items.len(), 2);
        assert_eq!(first.height, 90.0);
        let rest = rest.unwrap();
        assert_eq!(rest.items.len(), 1);
        assert_eq!(rest.height, 50.0);
        assert!(rest.items[0].bounds().y.abs() < 0.01);
    }

    #[test]
    fn nothing_is_pushed_past_the_room_left() {
        // The picture cannot fit in 60 pt: rather than overflow, the whole block moves on.
        let (first, rest) = picture_beside_text().split(60.0);
        assert!(first.items.is_empty());
        assert_eq!(first.height, 0.0);
        assert_eq!(rest.unwrap().items.len(), 11);
    }

    #[test]
    fn an_item_taller_than_any_page_is_still_split() {
        // Nothing can ever fit: the old cut at the room left, so that pagination goes on.
        let block = Block {
            height: 2000.0,
            items: vec![shape(0.0, 2000.0)],
        };
        let (first, rest) = block.split(500.0);
        assert_eq!(first.height, 500.0);
        assert_eq!(first.items.len(), 1);
        assert!(rest.unwrap().items.is_empty());
    }
}
