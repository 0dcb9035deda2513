//! The PDF tag tree: layout's [`Structure`] in krilla's terms, with the marked content and
//! link annotations that painting recorded for each node.

use std::num::NonZeroU16;

use krilla::tagging::{Identifier, Node};
use krilla::tagging::{ListNumbering, TableHeaderScope, Tag, TagGroup, TagKind, TagTree};

use crate::layout::structure::{HeaderScope, NodeId, Role, Structure};

/// The marked content of each structure node, collected while painting.
pub struct TagLeaves {
    leaves: Vec<Vec<Identifier>>,
}

impl TagLeaves {
    /// No content yet for any node of `structure`.
    pub fn new(structure: &Structure) -> TagLeaves {
        TagLeaves {
            leaves: vec![Vec::new(); structure.nodes.len()],
        }
    }

    /// Records that `identifier` marks content of `node`, after what it already has.
    pub fn push(&mut self, node: NodeId, identifier: Identifier) {
        if let Some(leaves) = self.leaves.get_mut(node.index()) {
            leaves.push(identifier);
        }
    }
}

/// The tag tree: every node with its own content first, then its children, in reading order.
pub fn tag_tree(structure: &Structure, mut leaves: TagLeaves, language: &str) -> TagTree {
    let count = structure.nodes.len();
    let mut children: Vec<Vec<NodeId>> = vec![Vec::new(); count];
    let mut roots = Vec::new();
    for id in structure.ids() {
        if structure.node(id).discarded {
            continue;
        }
        match structure.node(id).parent {
            Some(parent) if parent < id => children[parent.index()].push(id),
            // Parents come first; anything else is kept at the top level, never lost.
            _ => roots.push(id),
        }
    }
    // Children are always after their parent, so building from the last node up finds every
    // child's group ready.
    let mut groups: Vec<Option<TagGroup>> = vec![None; count];
    for id in structure.ids().collect::<Vec<_>>().into_iter().rev() {
        let node = structure.node(id);
        let mut group = TagGroup::new(tag_kind(&node.role).with_lang(node.language.clone()));
        for identifier in std::mem::take(&mut leaves.leaves[id.index()]) {
            group.push(identifier);
        }
        for child in &children[id.index()] {
            if let Some(child_group) = groups[child.index()].take() {
                group.push(Node::Group(child_group));
            }
        }
        groups[id.index()] = Some(group);
    }
    let mut tree = TagTree::new().with_lang(Some(language.to_string()));
    for root in roots {
        if let Some(group) = groups[root.index()].take() {
            tree.push(Node::Group(group));
        }
    }
    tree
}

/// The PDF structure type of a role.
fn tag_kind(role: &Role) -> TagKind {
    match role {
        Role::Section => Tag::Section.into(),
        Role::Heading { level, title } => {
            let level = NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN);
            Tag::Hn(level, Some(title.clone())).into()
        }
        Role::Paragraph => Tag::P.into(),
        Role::List { numbered: true } => Tag::L(ListNumbering::Decimal).into(),
        Role::List { numbered: false } => Tag::L(ListNumbering::Disc).into(),
        Role::ListItem => Tag::LI.into(),
        Role::Label => Tag::Lbl.into(),
        Role::ListBody => Tag::LBody.into(),
        Role::Figure { alt } => Tag::Figure(Some(alt.clone())).into(),
        Role::Caption => Tag::Caption.into(),
        Role::Table => Tag::Table.into(),
        Role::TableRow => Tag::TR.into(),
        Role::TableHeader(HeaderScope::Row) => Tag::TH(TableHeaderScope::Row).into(),
        Role::TableHeader(HeaderScope::Column) => Tag::TH(TableHeaderScope::Column).into(),
        Role::TableCell => Tag::TD.into(),
        Role::Link => Tag::Link.into(),
    }
}
