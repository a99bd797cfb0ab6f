//! How much of a page Glose reads at most. A page with 50 MB of text, a million elements or one
//! 10 MB text node would otherwise cost seconds of reading and analysis and hundreds of MB of
//! memory (one copy per step: live DOM, snapshot, page text, sentences); past these limits Glose
//! analyses the first part of the page and says so in the report (`truncated`).
//!
//! The live readers (`src/read_dom/walk.js`, `extension/src/content/snapshot.js`) stop a little
//! past the same limits (one node more, one UTF-16 unit more per text node) so that the walk never
//! reads the whole of a huge page, and [`cap`] then cuts exactly here and reports what it cut:
//! every reader (native, live, snapshot JSON) gives the same truncated snapshot.

use super::{Node, NodeData, Snapshot};
use serde::{Deserialize, Serialize};

/// Nodes (elements and text nodes, the document included) read at most.
pub const MAX_NODES: usize = 100_000;
/// UTF-16 units kept of one text node (its start; anchors count UTF-16 units from there).
pub const MAX_TEXT_NODE_UNITS: usize = 1 << 20;
/// UTF-16 units of text read at most over the whole page; the node that crosses it is cut.
pub const MAX_TEXT_UNITS: usize = 2 << 20;

/// Which limit cut the page (the whole-page text limit outranks the node count, which outranks
/// one text node's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// [`MAX_NODES`].
    Nodes,
    /// [`MAX_TEXT_NODE_UNITS`] (only this node's end is left out; reading went on).
    TextNode,
    /// [`MAX_TEXT_UNITS`].
    Text,
}

/// What part of a page too large to read whole was analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truncation {
    /// The limit that cut the most.
    pub limit: Limit,
    /// Nodes analysed (the first ones in document order).
    pub nodes: u32,
    /// UTF-16 units of text analysed.
    pub text_units: u64,
}

/// A text node's length in UTF-16 units, and the byte index where `max` units end (on a char
/// boundary; a pair is not split), if it is longer.
fn cut_at(text: &str, max: usize) -> (usize, Option<usize>) {
    // UTF-8 bytes >= UTF-16 units: a short text is within the limit without counting.
    if text.len() <= max {
        return (text.encode_utf16().count(), None);
    }
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units + c.len_utf16() > max {
            return (units, Some(at));
        }
        units += c.len_utf16();
    }
    (units, None)
}

/// What was cut, and the snapshot within the limits when it differs from `snapshot` (`None, None`
/// when the page is within them). The result keeps the node ids of the original (a prefix of its nodes in document order is a
/// valid tree), so anchors on it point at the same live nodes.
pub fn cap(snapshot: &Snapshot) -> (Option<Snapshot>, Option<Truncation>) {
    let mut first: Option<Limit> = None;
    let mut total = 0usize;
    let mut end = snapshot.nodes.len().min(MAX_NODES);
    if snapshot.nodes.len() > MAX_NODES || snapshot.reader_stopped {
        first = Some(Limit::Nodes);
    }
    // (node index, byte length kept) of every text node cut.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, node) in snapshot.nodes[..end].iter().enumerate() {
        let NodeData::Text { text } = &node.data else { continue };
        let room = MAX_TEXT_NODE_UNITS.min(MAX_TEXT_UNITS - total);
        let (units, cut) = cut_at(text, room);
        total += units;
        if let Some(at) = cut {
            if room < MAX_TEXT_NODE_UNITS {
                // The whole page's text is used up: nothing after this node (nor the node, if
                // none of it fits) is read.
                first = Some(Limit::Text);
                end = if at == 0 { i } else { i + 1 };
                cuts.push((i, at));
                break;
            }
            first.get_or_insert(Limit::TextNode);
            cuts.push((i, at));
        }
    }
    let Some(limit) = first else { return (None, None) };
    if cuts.is_empty() && end == snapshot.nodes.len() {
        // Only the reader stopped (its own count of nodes and text is a little larger than the
        // snapshot's): nothing to cut here.
        return (None, Some(Truncation { limit, nodes: end as u32, text_units: total as u64 }));
    }
    let mut nodes: Vec<Node> = snapshot.nodes[..end].to_vec();
    for (i, at) in cuts.into_iter().filter(|&(i, _)| i < end) {
        if let NodeData::Text { text } = &mut nodes[i].data {
            text.truncate(at);
        }
    }
    let count = nodes.len() as u32;
    let Ok(capped) = Snapshot::from_nodes(nodes) else { return (None, None) };
    (Some(capped), Some(Truncation { limit, nodes: count, text_units: total as u64 }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapshotBuilder;

    #[test]
    fn a_small_page_is_not_cut() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, "Bonjour, monde.");
        assert_eq!(cap(&b.finish().unwrap()), (None, None));
    }

    #[test]
    fn a_long_text_node_keeps_its_start_without_splitting_a_pair() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let long = format!("{}😀tail", "a".repeat(MAX_TEXT_NODE_UNITS - 1));
        b.text(p, &long);
        b.text(p, "after");
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!(cut.limit, Limit::TextNode);
        assert_eq!(capped.text(2).unwrap().len(), MAX_TEXT_NODE_UNITS - 1);
        assert_eq!(capped.text(3), Some("after"));
        assert_eq!(cut.nodes, 4);
    }

    #[test]
    fn total_text_and_node_count_stop_the_page() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let chunk = "b".repeat(MAX_TEXT_NODE_UNITS);
        for _ in 0..(MAX_TEXT_UNITS / MAX_TEXT_NODE_UNITS + 2) {
            b.text(p, &chunk);
        }
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!(cut.limit, Limit::Text);
        assert_eq!(cut.text_units as usize, MAX_TEXT_UNITS);
        assert_eq!(capped.len(), 2 + MAX_TEXT_UNITS / MAX_TEXT_NODE_UNITS);

        let mut b = SnapshotBuilder::new();
        for _ in 0..MAX_NODES {
            b.element(0, "i", []);
        }
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!((cut.limit, capped.len()), (Limit::Nodes, MAX_NODES));
    }
}
