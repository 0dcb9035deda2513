//! What repeats on every page: the footer with the clinic's contact and "Page X of Y", and on
//! later pages the client's name, so loose sheets find their owner.

use crate::layout::geometry::{PageSize, Pt, Rect};
use crate::layout::page::{PageItem, Shape};
use crate::layout::text::{ShapedLine, single_line, wrap_narrow_first};
use crate::layout::theme::{FOOTER_RULE_GAP, HAIRLINE, HAIRLINE_WIDTH, MARGIN_SIDE, Theme};
use crate::resolve::handout::Handout;
use crate::resolve::words::page_of_both;

/// Space between the footer's text and "Page X of Y".
const PAGE_NUMBER_GAP: Pt = 18.0;
/// Between the parts of the footer's contact line.
const SEPARATOR: &str = "  ·  ";

/// A page's footer and what it had to leave out.
pub struct Footer {
    /// What is drawn.
    pub items: Vec<PageItem>,
    /// What did not fit, for `hep check` to report.
    pub warnings: Vec<String>,
}

/// The footer: the clinic's contact and note on the left, "Page X of Y" on the right. Text
/// that does not fit on its line wraps to the next; when two lines are not enough the web site
/// is left out, then on later pages the clinic's name, and only then the end of the note, by
/// whole lines: nothing is ever cut mid-word.
pub fn footer(
    handout: &Handout,
    theme: &Theme,
    page: PageSize,
    number: usize,
    count: usize,
) -> Footer {
    let width = page.width - 2.0 * MARGIN_SIDE;
    let top = theme.footer_top(page.height);
    let mut items = vec![hairline(MARGIN_SIDE, top, width)];
    let page_of = match handout.second_words {
        Some(_) => page_of_both(number, count),
        None => handout.words.page_of(number, count),
    };
    let page_of = single_line(&page_of, theme.small);
    let page_of_width = page_of.width;
    let first_baseline = top + FOOTER_RULE_GAP + theme.small.first_baseline();
    items.push(PageItem::text(
        page_of.place(
            MARGIN_SIDE + width - page_of_width,
            first_baseline,
            theme.small,
        ),
        None,
    ));
    let room = (width - page_of_width - PAGE_NUMBER_GAP, width);
    let brand = &handout.brand;
    // After the first page, the client's name leads the footer so loose sheets find their owner.
    let mut contact: Vec<&str> = Vec::new();
    if number > 1 {
        contact.push(&handout.client);
    }
    contact.extend(brand.footer_contact.iter().map(String::as_str));
    let note = brand.footer_note.as_deref();
    let mut warnings = Vec::new();
    // What a crowded footer leaves out, least important first: the web site, then (after the
    // first page, where the header names it) the clinic's name.
    let website = brand.website.as_deref();
    let clinic_name = brand.clinic_name.as_deref().filter(|_| number > 1);
    let mut lines = footer_lines(&contact, note, theme, room);
    for left_out in [website, clinic_name].into_iter().flatten() {
        if lines.len() <= theme.footer_lines {
            break;
        }
        contact.retain(|part| *part != left_out);
        lines = footer_lines(&contact, note, theme, room);
        warnings.push(format!(
            "the footer is too long for its lines: `{left_out}` was left out of it; shorten the clinic's `footer`"
        ));
    }
    if lines.len() > theme.footer_lines {
        lines.truncate(theme.footer_lines);
        warnings.push(
            "the footer is too long for its lines: its end was left out; shorten the clinic's `footer`"
                .to_string(),
        );
    }
    let mut baseline = first_baseline;
    for line in lines {
        items.push(PageItem::text(
            line.place(MARGIN_SIDE, baseline, theme.small),
            None,
        ));
        baseline += theme.small.line_height;
    }
    Footer { items, warnings }
}

/// The footer's lines: the contact parts joined on one line (the next part going to the next
/// line when one is full), then the clinic's note, wrapped at spaces. The first line leaves
/// room for the page number; the others run across the page.
fn footer_lines(
    contact: &[&str],
    note: Option<&str>,
    theme: &Theme,
    (first_room, room): (Pt, Pt),
) -> Vec<ShapedLine> {
    let mut lines: Vec<ShapedLine> = Vec::new();
    let room_now = |lines: &Vec<ShapedLine>| if lines.is_empty() { first_room } else { room };
    let mut current = String::new();
    for part in contact {
        let joined = if current.is_empty() {
            (*part).to_string()
        } else {
            format!("{current}{SEPARATOR}{part}")
        };
        if current.is_empty() || single_line(&joined, theme.small).width <= room_now(&lines) {
            current = joined;
        } else {
            let first = room_now(&lines);
            lines.extend(wrap_narrow_first(&current, theme.small, (1, first), room));
            current = (*part).to_string();
        }
    }
    if !current.is_empty() {
        let first = room_now(&lines);
        lines.extend(wrap_narrow_first(&current, theme.small, (1, first), room));
    }
    if let Some(note) = note {
        let first = room_now(&lines);
        lines.extend(wrap_narrow_first(note, theme.small, (1, first), room));
    }
    lines
}

fn hairline(x: Pt, y: Pt, width: Pt) -> PageItem {
    PageItem::shape(Shape {
        rect: Rect::new(x, y, width, HAIRLINE_WIDTH),
        fill: Some(HAIRLINE),
        stroke: None,
        corner_radius: 0.0,
    })
}
