//! Stage 3: lay a [`Handout`] out on pages of positioned boxes. Pure: no files, no PDF types,
//! so it can be tested for overlaps and overflow on its own.

pub mod block;
pub mod card;
pub mod catalog;
pub mod chrome;
pub mod geometry;
pub mod header;
pub mod log;
pub mod page;
pub mod qr;
pub mod structure;
pub mod text;
pub mod theme;

use crate::layout::block::Block;
use crate::layout::geometry::{PageSize, Pt, Rect};
use crate::layout::page::{LaidOutDocument, Page};
use crate::layout::structure::Structure;
use crate::layout::theme::{BLOCK_GAP, BOTTOM_SAFE, HEADER_GAP, MARGIN_SIDE, MARGIN_TOP, Theme};
use crate::resolve::handout::Handout;

/// Lays out the whole handout.
pub fn lay_out(handout: &Handout) -> LaidOutDocument {
    let page_size = PageSize::of(handout.paper);
    let theme = if handout.large_print {
        Theme::large_print(&handout.brand)
    } else {
        Theme::for_brand(&handout.brand)
    };
    let x = MARGIN_SIDE;
    let width = page_size.width - 2.0 * MARGIN_SIDE;

    // The first page's header is one block with tighter gaps than between cards.
    let mut structure = Structure::default();
    let span = (x, width);
    let header_parts: Vec<Block> = [
        header::brand_block(handout, &theme, span, &mut structure),
        Some(header::title_block(handout, &theme, span, &mut structure)),
        header::follow_up_block(handout, &theme, span, &mut structure),
        header::notes_block(handout, &theme, span, &mut structure),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut blocks: Vec<Block> = vec![Block::stacked(header_parts, HEADER_GAP)];
    for card in &handout.cards {
        blocks.push(card::card_block(
            card,
            handout,
            &theme,
            span,
            &mut structure,
        ));
    }

    let content_bottom = theme.content_bottom(page_size.height);
    let first_top = MARGIN_TOP;
    let later_top = MARGIN_TOP;
    let mut pages = paginate(blocks, first_top, later_top, content_bottom);
    // The log starts on a page of its own, so it can be torn off and brought back.
    if let Some(tracking) = &handout.log {
        let log_blocks = log::log_blocks(tracking, &theme, span, &mut structure);
        pages.extend(paginate(log_blocks, later_top, later_top, content_bottom));
    }

    let count = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        page.items
            .extend(chrome::footer(handout, &theme, page_size, index + 1, count));
    }

    LaidOutDocument {
        page_size,
        printable: Rect::new(
            MARGIN_SIDE,
            MARGIN_TOP,
            width,
            page_size.height - MARGIN_TOP - BOTTOM_SAFE,
        ),
        pages,
        title: handout.document_title(),
        author: handout.therapist.clone(),
        language: handout.words.language_tag.to_string(),
        creator: handout
            .brand
            .clinic_name
            .clone()
            .unwrap_or_else(|| "hep".to_string()),
        created: Some(handout.created),
        structure,
    }
}

/// Stacks blocks on pages: a block that does not fit starts a new page, and only a block
/// taller than a whole page is split.
pub fn paginate(blocks: Vec<Block>, first_top: Pt, later_top: Pt, bottom: Pt) -> Vec<Page> {
    let mut pages = vec![Page::default()];
    let mut y = first_top;
    let mut page_top = first_top;
    let mut pending: std::collections::VecDeque<Block> = blocks.into();
    while let Some(block) = pending.pop_front() {
        let gap = if y > page_top { BLOCK_GAP } else { 0.0 };
        let room = bottom - y - gap;
        let full_page = bottom - later_top;
        let block = if block.height <= room {
            block
        } else if y > page_top && block.height <= full_page {
            pages.push(Page::default());
            page_top = later_top;
            y = later_top;
            pending.push_front(block);
            continue;
        } else {
            // Taller than the room left on an empty page (or than any page): split it.
            let (first, rest) = block.split(room.max(1.0));
            if let Some(rest) = rest {
                pending.push_front(rest);
            }
            first
        };
        let top = y + gap;
        let page = pages.last_mut().map(|page| &mut page.items);
        if let Some(items) = page {
            for mut item in block.items {
                item.shift_down(top);
                items.push(item);
            }
        }
        y = top + block.height;
        if !pending.is_empty() && y >= bottom - 1.0 {
            pages.push(Page::default());
            page_top = later_top;
            y = later_top;
        }
    }
    pages
}
