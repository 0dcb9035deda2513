//! A card's title row: the number in a badge, the exercise's name (and its translation), a
//! hairline under them.

use crate::layout::card::CardContext;
use crate::layout::column::Column;
use crate::layout::geometry::{Pt, Rect};
use crate::layout::page::{PageItem, Shape};
use crate::layout::structure::{NodeId, Role, Structure};
use crate::layout::text::TextStyle;
use crate::layout::text::{single_line, wrap};
use crate::layout::theme::{BADGE_GAP, BADGE_SCALE, HAIRLINE, TITLE_RULE_GAP, WHITE};
use crate::model::colour::Rgb;
use crate::resolve::handout::ExerciseCard;

/// The title row placed at the card's top.
pub struct TitleRow {
    /// What is drawn.
    pub items: Vec<PageItem>,
    /// The row's height, down to and including its hairline.
    pub height: Pt,
    /// The link node that a clickable title belongs to, when the exercise has a video.
    pub link: Option<NodeId>,
}

/// The number badge and the exercise's name over a hairline.
pub fn title_row(
    card: &ExerciseCard,
    context: &CardContext,
    structure: &mut Structure,
) -> TitleRow {
    let (theme, grid) = (context.theme, context.grid);
    let title = format!("{}. {}", card.number, card.name);
    let heading = Some(structure.heading(Some(context.section), 2, title));
    let link = card
        .video
        .as_ref()
        .map(|_| structure.add(heading, Role::Link));
    let badge = theme.card_title.size * BADGE_SCALE;
    let name_x = grid.x + badge + BADGE_GAP;
    let name_width = grid.right() - name_x;
    let name_lines = wrap(&card.name, theme.card_title, name_width);
    let translation_style = theme.value.colored(theme.muted);
    let second_name_lines = card
        .second
        .as_ref()
        .map(|second| wrap(&second.name, translation_style, name_width))
        .unwrap_or_default();
    let name_height = name_lines.len() as Pt * theme.card_title.line_height
        + second_name_lines.len() as Pt * translation_style.line_height;
    let row_height = name_height.max(badge);
    let mut column = Column::new(
        name_x,
        name_width,
        ((badge - theme.card_title.line_height) / 2.0).max(0.0),
    );
    column.items.extend(number_badge(
        card.number,
        Rect::new(grid.x, 0.0, badge, badge),
        (theme.badge, theme.body_bold.colored(WHITE)),
        heading,
    ));
    column.node = link.or(heading);
    column.lines(name_lines, name_x, theme.card_title);
    if !second_name_lines.is_empty() {
        column.node = context.translation(structure, context.section);
    }
    column.lines(second_name_lines, name_x, translation_style);
    let rule_y = row_height + TITLE_RULE_GAP;
    column.shape(
        Rect::new(grid.x, rule_y, grid.width, theme.line_width),
        Some(HAIRLINE),
        None,
        0.0,
    );
    TitleRow {
        items: column.items,
        height: rule_y + theme.line_width,
        link,
    }
}

/// An exercise's number, centred in a round badge filling `square`: the circle in `fill`,
/// the number in `style`, the number's text tagged under `node`.
pub fn number_badge(
    number: usize,
    square: Rect,
    (fill, style): (Rgb, TextStyle),
    node: Option<NodeId>,
) -> [PageItem; 2] {
    let circle = PageItem::shape(Shape {
        rect: square,
        fill: Some(fill),
        stroke: None,
        corner_radius: square.width / 2.0,
    });
    let line = single_line(&number.to_string(), style);
    let x = square.x + (square.width - line.width) / 2.0;
    let baseline = square.y + (square.height - style.line_height) / 2.0 + style.first_baseline();
    [circle, PageItem::text(line.place(x, baseline, style), node)]
}
