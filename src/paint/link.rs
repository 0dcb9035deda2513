//! Clickable areas that open web links (the video and booking QR codes, exercise titles).

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};

use crate::layout::geometry::Rect;

/// A link annotation over `rect`, or `None` for an empty area.
pub fn link_annotation(rect: Rect, url: String) -> Option<Annotation> {
    let area = krilla::geom::Rect::from_xywh(rect.x, rect.y, rect.width, rect.height)?;
    let alt = format!("Open {url}");
    Some(Annotation::new_link(
        LinkAnnotation::new(area, Target::Action(Action::Link(LinkAction::new(url)))),
        Some(alt),
    ))
}
