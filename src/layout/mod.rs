//! Stage 3: lay a [`Handout`] out on pages of positioned boxes. Pure: no files, no PDF types,
//! so it can be tested for overlaps and overflow on its own.

pub mod block;
pub mod card;
pub mod catalog;
pub mod chrome;
pub mod column;
pub mod geometry;
pub mod header;
pub mod log;
pub mod page;
pub mod paginate;
pub mod qr;
pub mod structure;
pub mod summary;
pub mod text;
pub mod theme;

use crate::layout::block::Block;
use crate::layout::card::grid::CardGrid;
use crate::layout::geometry::{PageSize, Rect};
use crate::layout::page::LaidOutDocument;
use crate::layout::paginate::{PageFrame, Placeable, paginate};
use crate::layout::structure::Structure;
use crate::layout::theme::{BOTTOM_SAFE, HEADER_GAP, MARGIN_SIDE, MARGIN_TOP, Palette, Theme};
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
    let header: Placeable = Block::stacked(header_parts, HEADER_GAP).into();
    let summary = match handout.summary {
        Some(false) => None,
        _ => summary::summary(handout, &theme, span, &mut structure),
    };
    let mut blocks: Vec<Placeable> = vec![header];
    let grid = CardGrid::for_handout(handout, &theme, span);
    // Where each card's structure nodes start, to tell which cards a page holds.
    let mut card_starts = Vec::with_capacity(handout.cards.len());
    for card in &handout.cards {
        card_starts.push(structure.nodes.len());
        blocks.push(card::card_block(
            card,
            handout,
            &theme,
            grid,
            &mut structure,
        ));
    }

    let frame = PageFrame {
        first_top: MARGIN_TOP,
        later_top: MARGIN_TOP,
        bottom: theme.content_bottom(page_size.height),
    };
    let mut pages = summary::paginate_around(
        summary,
        handout.summary,
        blocks,
        frame,
        &card_starts,
        &mut structure,
    );
    // The log starts on a page of its own, so it can be torn off and brought back.
    if let Some(tracking) = &handout.log {
        let second_language = handout.second_words.map(|words| words.language_tag);
        let log_blocks = log::log_blocks(tracking, second_language, &theme, span, &mut structure);
        let log_frame = PageFrame {
            first_top: MARGIN_TOP,
            ..frame
        };
        pages.extend(paginate(log_blocks, log_frame));
    }

    let mut warnings: Vec<String> = Palette::adjustments(&handout.brand);
    let count = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        let footer = chrome::footer(handout, &theme, page_size, index + 1, count);
        page.items.extend(footer.items);
        for warning in footer.warnings {
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
        }
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
        warnings,
    }
}
