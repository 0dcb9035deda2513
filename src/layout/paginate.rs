//! Pagination: stacking blocks on pages, in order, never splitting a block that fits on a page
//! and never leaving a heading as the last thing on a page.

use std::collections::VecDeque;

use crate::layout::block::Block;
use crate::layout::geometry::Pt;
use crate::layout::page::Page;
use crate::layout::theme::{BLOCK_GAP, KEPT_START_SHARE, TIGHT_BLOCK_GAP};

/// A block for pagination, with what it may do to fit.
#[derive(Debug, Clone, Default)]
pub struct Placeable {
    /// The block as it is normally set.
    pub regular: Block,
    /// The same content set tighter, used when the regular block misses the room left on a
    /// page by a little.
    pub tight: Option<Block>,
    /// The block is a heading for the next one: they start on the same page.
    pub keep_with_next: bool,
}

impl From<Block> for Placeable {
    fn from(regular: Block) -> Placeable {
        Placeable {
            regular,
            tight: None,
            keep_with_next: false,
        }
    }
}

/// Where pages start and end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageFrame {
    /// The top of the first page's content.
    pub first_top: Pt,
    /// The top of later pages' content.
    pub later_top: Pt,
    /// The lowest point content may reach.
    pub bottom: Pt,
}

/// Stacks blocks on pages in order. A block that does not fit the room left is set tight when
/// that fits (with a smaller gap above it); else, when setting the whole page tight makes room
/// for it, the page is set again tight; else it starts a new page. Only a block taller than a
/// whole page is split, and it starts on a page of its own so that its title is never left at
/// the foot of the page before. A block kept with the next moves on with it.
pub fn paginate(blocks: Vec<Placeable>, frame: PageFrame) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    let mut page_top = frame.first_top;
    let full_page = frame.bottom - frame.later_top;
    // The blocks on the page being filled, as placeables, so that it can be set again tight.
    let mut current: Vec<Placeable> = Vec::new();
    let mut placed: Vec<Block> = Vec::new();
    let mut pending: VecDeque<Placeable> = blocks.into();
    let finish = |pages: &mut Vec<Page>, placed: &mut Vec<Block>, page_top: Pt, tight: bool| {
        pages.push(stack(std::mem::take(placed), page_top, tight));
    };
    while let Some(placeable) = pending.pop_front() {
        let y = page_top + stacked_height(&placed, false);
        let started = !placed.is_empty();
        let gap = if started { BLOCK_GAP } else { 0.0 };
        let room = frame.bottom - y;
        // A heading kept with the next block needs room for that block's start too.
        let next_start = if placeable.keep_with_next {
            pending.front().map_or(0.0, |next| {
                next.regular.height.min(full_page * KEPT_START_SHARE)
            })
        } else {
            0.0
        };
        let tight_version = placeable
            .tight
            .clone()
            .unwrap_or_else(|| placeable.regular.clone());
        if placeable.regular.height + next_start <= room - gap {
            placed.push(placeable.regular.clone());
            current.push(placeable);
            continue;
        }
        // The whole page set tight, this block included.
        let tight_page: Vec<Block> = current
            .iter()
            .map(|placed| {
                placed
                    .tight
                    .clone()
                    .unwrap_or_else(|| placed.regular.clone())
            })
            .chain(std::iter::once(tight_version.clone()))
            .collect();
        if started && stacked_height(&tight_page, true) + next_start <= frame.bottom - page_top {
            current.push(placeable);
            placed = tight_page;
            finish(&mut pages, &mut placed, page_top, true);
            current.clear();
            page_top = frame.later_top;
            continue;
        }
        // The headings kept with this block move on with it, unless one is all the page holds:
        // then the block is split under it (it is taller than the room a heading reserves).
        let mut carried: Vec<Placeable> = Vec::new();
        while current.len() > 1 && current.last().is_some_and(|last| last.keep_with_next) {
            carried.extend(current.pop());
            placed.pop();
        }
        let under_lone_heading = current.len() == 1 && current[0].keep_with_next;
        if started && !under_lone_heading {
            finish(&mut pages, &mut placed, page_top, false);
            current.clear();
            page_top = frame.later_top;
            pending.push_front(placeable);
            for heading in carried {
                pending.push_front(heading);
            }
            continue;
        }
        let room = frame.bottom - (page_top + stacked_height(&placed, false)) - gap;
        current.clear();
        // Alone on its page (or under its heading) and still too tall: split what is left
        // after the page's share.
        let block = if tight_version.height < placeable.regular.height {
            tight_version
        } else {
            placeable.regular
        };
        let (first, rest) = block.split(room.max(1.0));
        placed.push(first);
        finish(&mut pages, &mut placed, page_top, false);
        page_top = frame.later_top;
        if let Some(rest) = rest {
            pending.push_front(Placeable::from(rest));
        }
    }
    if !placed.is_empty() || pages.is_empty() {
        finish(&mut pages, &mut placed, page_top, false);
    }
    pages
}

/// The height of `blocks` stacked with the regular or the tight gap between them.
fn stacked_height(blocks: &[Block], tight: bool) -> Pt {
    let gap = if tight { TIGHT_BLOCK_GAP } else { BLOCK_GAP };
    let heights: Pt = blocks.iter().map(|block| block.height).sum();
    heights + gap * blocks.len().saturating_sub(1) as Pt
}

/// A page of `blocks` stacked from `top`.
fn stack(blocks: Vec<Block>, top: Pt, tight: bool) -> Page {
    let gap = if tight { TIGHT_BLOCK_GAP } else { BLOCK_GAP };
    let mut page = Page::default();
    let mut y = top;
    for (index, block) in blocks.into_iter().enumerate() {
        if index > 0 {
            y += gap;
        }
        for mut item in block.items {
            item.shift_down(y);
            page.items.push(item);
        }
        y += block.height;
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geometry::Rect;
    use crate::layout::page::{PageItem, Shape};

    fn block(height: Pt) -> Block {
        Block {
            height,
            items: vec![PageItem::shape(Shape {
                rect: Rect::new(0.0, 0.0, 10.0, height),
                fill: None,
                stroke: None,
                corner_radius: 0.0,
            })],
        }
    }

    const FRAME: PageFrame = PageFrame {
        first_top: 0.0,
        later_top: 0.0,
        bottom: 500.0,
    };

    #[test]
    fn a_card_that_misses_by_a_little_is_set_tight() {
        let second = Placeable {
            regular: block(260.0),
            tight: Some(block(240.0)),
            keep_with_next: false,
        };
        let pages = paginate(vec![block(240.0).into(), second.clone()], FRAME);
        assert_eq!(pages.len(), 1);
        // When the card alone set tight is not enough, the whole page is set tight.
        let first = Placeable {
            regular: block(250.0),
            tight: Some(block(235.0)),
            keep_with_next: false,
        };
        let pages = paginate(vec![first, second.clone()], FRAME);
        assert_eq!(pages.len(), 1);
        // Without a tight setting it moves on.
        let pages = paginate(
            vec![block(240.0).into(), Placeable::from(second.regular)],
            FRAME,
        );
        assert_eq!(pages.len(), 2);
    }

    #[test]
    fn a_block_taller_than_a_page_starts_a_page_of_its_own() {
        let pages = paginate(vec![block(100.0).into(), block(900.0).into()], FRAME);
        assert_eq!(pages[0].items.len(), 1);
    }

    #[test]
    fn a_heading_never_ends_a_page_before_a_block_taller_than_a_page() {
        let heading = Placeable {
            keep_with_next: true,
            ..block(30.0).into()
        };
        // The heading and the start of the tall block fit after the first block; the tall block
        // itself starts a page of its own, and its heading goes with it.
        let pages = paginate(
            vec![block(200.0).into(), heading.clone(), block(900.0).into()],
            FRAME,
        );
        assert_eq!(pages[0].items.len(), 1, "only the first block on page 1");
        assert_eq!(
            pages[1].items.len(),
            2,
            "the heading and the tall block's start"
        );
        // A heading alone on its page keeps the tall block's start under it.
        let pages = paginate(vec![heading, block(900.0).into()], FRAME);
        assert_eq!(pages[0].items.len(), 2);
    }

    #[test]
    fn a_heading_moves_on_with_what_it_heads() {
        let heading = Placeable {
            keep_with_next: true,
            ..block(30.0).into()
        };
        let pages = paginate(
            vec![block(440.0).into(), heading, block(200.0).into()],
            FRAME,
        );
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].items.len(), 1);
        assert_eq!(pages[1].items.len(), 2);
    }
}
