//! What repeats on every page: the footer with the clinic's contact and "Page X of Y", and on
//! later pages the client's name, so loose sheets find their owner.

use crate::layout::geometry::{PageSize, Pt, Rect};
use crate::layout::page::{PageItem, Shape};
use crate::layout::text::{single_line, wrap};
use crate::layout::theme::{HAIRLINE, MARGIN_SIDE, Theme};
use crate::resolve::handout::Handout;

/// The footer: the clinic's contact and note on the left, "Page X of Y" on the right.
pub fn footer(
    handout: &Handout,
    theme: &Theme,
    page: PageSize,
    number: usize,
    count: usize,
) -> Vec<PageItem> {
    let width = page.width - 2.0 * MARGIN_SIDE;
    let top = theme.footer_top(page.height);
    let mut items = vec![hairline(MARGIN_SIDE, top, width)];
    let page_of = single_line(&handout.words.page_of(number, count), theme.small);
    let page_of_width = page_of.width;
    let first_baseline = top + 6.0 + theme.small.first_baseline();
    items.push(PageItem::text(
        page_of.place(
            MARGIN_SIDE + width - page_of_width,
            first_baseline,
            theme.small,
        ),
        None,
    ));
    let left_width = width - page_of_width - 24.0;
    let mut baseline = first_baseline;
    // After the first page, the client's name leads the footer so loose sheets find their owner.
    let owner = (number > 1).then(|| match &handout.brand.footer_contact {
        Some(contact) => format!("{}  ·  {contact}", handout.client),
        None => handout.client.clone(),
    });
    let first_line = owner.or_else(|| handout.brand.footer_contact.clone());
    for text in [&first_line, &handout.brand.footer_note]
        .into_iter()
        .flatten()
    {
        // The footer has room for two lines; longer text is cut at the line, never overlapped.
        // A line too long for the footer keeps its first whole parts, without a dangling dot.
        let first = wrap(text, theme.small, left_width).into_iter().next();
        let line = first.map(|line| {
            let trimmed = line.text.trim_end_matches(['·', ' ']);
            if trimmed.len() == line.text.len() {
                line
            } else {
                single_line(trimmed, theme.small)
            }
        });
        if let Some(line) = line {
            items.push(PageItem::text(
                line.place(MARGIN_SIDE, baseline, theme.small),
                None,
            ));
            baseline += theme.small.line_height;
        }
    }
    items
}

fn hairline(x: Pt, y: Pt, width: Pt) -> PageItem {
    PageItem::shape(Shape {
        rect: Rect::new(x, y, width, 0.75),
        fill: Some(HAIRLINE),
        stroke: None,
        corner_radius: 0.0,
    })
}
