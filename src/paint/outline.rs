//! Bookmarks: one per heading, at the place on the page where the heading was drawn.

use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};

use crate::layout::geometry::Rect;
use crate::layout::structure::{NodeId, Role, Structure};

/// Headings deeper than this are nested under the heading before them.
const TOP_LEVEL: u8 = 2;

/// Where each heading (or the first thing inside it) was drawn: page index and top-left.
pub struct HeadingPlaces {
    places: Vec<Option<(usize, f32, f32)>>,
    parents: Vec<Option<NodeId>>,
}

impl HeadingPlaces {
    /// Nothing seen yet.
    pub fn new(structure: &Structure) -> HeadingPlaces {
        HeadingPlaces {
            places: vec![None; structure.nodes.len()],
            parents: structure.nodes.iter().map(|node| node.parent).collect(),
        }
    }

    /// Records that content of `node` was drawn at `bounds` on page `page`; the first
    /// sighting counts for the node and each node above it.
    pub fn saw(&mut self, node: NodeId, page: usize, bounds: Rect) {
        let mut current = Some(node);
        while let Some(id) = current {
            match self.places.get_mut(id.index()) {
                Some(place @ None) => *place = Some((page, bounds.x, bounds.y)),
                _ => break,
            }
            current = self.parents.get(id.index()).copied().flatten();
        }
    }

    /// The outline: top-level headings in order, deeper ones under the heading before them.
    pub fn outline(&self, structure: &Structure) -> Outline {
        let mut outline = Outline::new();
        let mut open: Option<OutlineNode> = None;
        for id in structure.ids() {
            let Role::Heading { level, title } = &structure.node(id).role else {
                continue;
            };
            let Some((page, x, y)) = self.places.get(id.index()).copied().flatten() else {
                continue;
            };
            let destination = XyzDestination::new(page, Point::from_xy(x, (y - 12.0).max(0.0)));
            let entry = OutlineNode::new(title.clone(), destination);
            match (&mut open, *level > TOP_LEVEL) {
                (Some(parent), true) => parent.push_child(entry),
                _ => {
                    if let Some(done) = open.replace(entry) {
                        outline.push_child(done);
                    }
                }
            }
        }
        if let Some(done) = open {
            outline.push_child(done);
        }
        outline
    }
}
