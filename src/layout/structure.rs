//! The handout's logical structure for screen readers: headings, paragraphs, numbered steps,
//! figures with their descriptions and tables, in reading order. Layout builds it beside the
//! pages and tags each drawn item with the node it belongs to; painting turns it into the
//! PDF's tag tree. Pure: no PDF types.

/// A node of the structure, by its index in [`Structure`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(u32);

impl NodeId {
    /// The node's index in [`Structure::nodes`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Whether a table header cell labels its row or its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderScope {
    /// The cell labels the cells to its right.
    Row,
    /// The cell labels the cells below it.
    Column,
}

/// What a node is, in the terms of tagged PDF.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// A group of related content: an exercise card, the appointment box.
    Section,
    /// A heading; `title` is how a list of bookmarks names it.
    Heading {
        /// 1 for the handout's title, 2 for cards and boxes.
        level: u8,
        /// The heading's words as one line ("1. Clamshell").
        title: String,
    },
    /// A paragraph of text.
    Paragraph,
    /// A list; numbered lists read their labels as numbers.
    List {
        /// Numbered (steps) rather than bulleted (tips).
        numbered: bool,
    },
    /// One entry of a list: a label and a body.
    ListItem,
    /// The number or bullet of a list item.
    Label,
    /// The text of a list item.
    ListBody,
    /// A picture that carries meaning, described in words.
    Figure {
        /// The description a screen reader speaks.
        alt: String,
    },
    /// The caption of the figure before it.
    Caption,
    /// A table.
    Table,
    /// A table row.
    TableRow,
    /// A table header cell.
    TableHeader(HeaderScope),
    /// A table data cell.
    TableCell,
    /// A link: its content and the clickable area.
    Link,
}

/// One node: what it is, where it hangs, and the language of its text when it differs from
/// the document's.
#[derive(Debug, Clone, PartialEq)]
pub struct StructureNode {
    /// What the node is.
    pub role: Role,
    /// The node it belongs to; `None` for the top level.
    pub parent: Option<NodeId>,
    /// A BCP 47 language tag for text in another language than the document's.
    pub language: Option<String>,
    /// Laid out, then left off the pages: the node and everything under it are not tagged.
    pub discarded: bool,
}

/// The logical structure of a document: nodes in reading order. A node comes after its
/// parent, and siblings read in the order they were added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// Every node, parents before children.
    pub nodes: Vec<StructureNode>,
}

impl Structure {
    /// Adds a node under `parent` (or at the top level) after its existing siblings.
    pub fn add(&mut self, parent: Option<NodeId>, role: Role) -> NodeId {
        self.add_in_language(parent, role, None)
    }

    /// Adds a node whose text is in `language`.
    pub fn add_in_language(
        &mut self,
        parent: Option<NodeId>,
        role: Role,
        language: Option<&str>,
    ) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(StructureNode {
            role,
            parent,
            language: language.map(str::to_string),
            discarded: false,
        });
        id
    }

    /// A heading of `level` under `parent`, named `title` in bookmarks.
    pub fn heading(
        &mut self,
        parent: Option<NodeId>,
        level: u8,
        title: impl Into<String>,
    ) -> NodeId {
        self.add(
            parent,
            Role::Heading {
                level,
                title: title.into(),
            },
        )
    }

    /// Leaves `id` and everything under it out of the tagged document, for content that was
    /// laid out and then not placed (ids stay as they are, so later nodes keep theirs).
    pub fn discard(&mut self, id: NodeId) {
        if let Some(node) = self.nodes.get_mut(id.index()) {
            node.discarded = true;
        }
    }

    /// The node `id`.
    pub fn node(&self, id: NodeId) -> &StructureNode {
        &self.nodes[id.index()]
    }

    /// The ids of all nodes, in order.
    pub fn ids(&self) -> impl Iterator<Item = NodeId> + use<> {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// The children of `parent` (or the top-level nodes), in reading order.
    pub fn children(&self, parent: Option<NodeId>) -> impl Iterator<Item = NodeId> + '_ {
        self.ids()
            .filter(move |id| self.nodes[id.index()].parent == parent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_read_in_the_order_they_were_added() {
        let mut structure = Structure::default();
        let card = structure.add(None, Role::Section);
        let steps = structure.add(Some(card), Role::List { numbered: true });
        let heading = structure.add(
            None,
            Role::Heading {
                level: 2,
                title: "Next".into(),
            },
        );
        let first = structure.add(Some(steps), Role::ListItem);
        let second = structure.add(Some(steps), Role::ListItem);
        assert_eq!(
            structure.children(None).collect::<Vec<_>>(),
            [card, heading]
        );
        assert_eq!(
            structure.children(Some(steps)).collect::<Vec<_>>(),
            [first, second]
        );
        assert_eq!(structure.node(first).parent, Some(steps));
    }
}
