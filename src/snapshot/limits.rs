//! How much of a page Glose reads at most. A page with 50 MB of text, a million elements or one
//! 10 MB text node would otherwise cost seconds of reading and analysis and hundreds of MB of
//! memory (one copy per step: live DOM, snapshot, page text, sentences); past these limits Glose
//! analyses the first part of the page and says so in the report (`truncated`).
//!
//! The one page walker (`src/read_dom/walk.js`, for the wasm reader and the extension's JavaScript
//! reader alike) applies the same limits while it walks, with the same arithmetic as [`cap`]: it
//! stops at the node or the text unit where [`cap`] would cut, reads only the start of a long text
//! node (`substringData`), and says which limit stopped it (the snapshot's `truncated`). [`cap`]
//! then finds nothing more to cut; it exists for snapshots read whole (the native reader, a
//! snapshot that arrives as JSON), so every reader gives the same analysed page.

use super::{Node, NodeData, Snapshot};
use serde::{Deserialize, Serialize};

/// Nodes (elements and text nodes, the document included) read at most. 250,000 keeps the
/// generated 10,000-comment page (about 200,000 nodes) whole.
pub const MAX_NODES: usize = 250_000;
/// UTF-16 units kept of one text node (its start; anchors count UTF-16 units from there).
pub const MAX_TEXT_NODE_UNITS: usize = 1 << 20;
/// UTF-16 units of text read at most over the whole page; the node that crosses it is cut. 2 Mi
/// keeps the generated 10,000-comment page (1.57 M units of text) whole; at 4 Mi, 50 MB of plain
/// paragraphs made a 41 MB report (65,000 sentences) whose transfer alone took seconds.
pub const MAX_TEXT_UNITS: usize = 2 << 20;

/// Which limit cut the page (the whole-page text limit outranks the node count, which outranks
/// one text node's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// [`MAX_TEXT_NODE_UNITS`] (only the end of a long node is left out; reading went on).
    TextNode,
    /// [`MAX_NODES`].
    Nodes,
    /// [`MAX_TEXT_UNITS`].
    Text,
}

/// What part of a page too large to read whole was analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truncation {
    /// The limit that cut the most.
    pub limit: Limit,
    /// Nodes analysed (the first ones in document order, the document included).
    pub nodes: u32,
    /// UTF-16 units of text analysed.
    pub text_units: u64,
}

/// How many UTF-16 units of a text node `units` long a reader keeps when `total` units of text
/// were kept before it, and which limit cuts it (`None`: kept whole). `Some(Limit::Text)` means
/// the reader stops after this node (or before it, when 0 units are kept). The walker
/// (`walk.js`, `keptUnits`) does the same sum.
pub fn kept_units(units: usize, total: usize) -> (usize, Option<Limit>) {
    let node = units.min(MAX_TEXT_NODE_UNITS);
    if total + node > MAX_TEXT_UNITS {
        return (MAX_TEXT_UNITS.saturating_sub(total), Some(Limit::Text));
    }
    if units > MAX_TEXT_NODE_UNITS {
        return (node, Some(Limit::TextNode));
    }
    (units, None)
}

/// The byte index where the first `max` UTF-16 units of `text` end, stepping back rather than
/// splitting a surrogate pair (the walker drops a high surrogate left last in the same way), and
/// the units kept.
fn cut_at(text: &str, max: usize) -> (usize, usize) {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units + c.len_utf16() > max {
            return (at, units);
        }
        units += c.len_utf16();
    }
    (text.len(), units)
}

/// What was cut, and the snapshot within the limits when it differs from `snapshot` (`None` when
/// nothing needs cutting, which is the case for every snapshot a live walk wrote). The cut keeps
/// the node ids of the original (a prefix of its nodes in document order is a valid tree), so
/// anchors on it point at the same live nodes. Costs one pass over the text of the nodes kept.
pub fn cap(snapshot: &Snapshot) -> (Option<Snapshot>, Option<Truncation>) {
    let nodes = snapshot.nodes();
    let mut limit: Option<Limit> = snapshot.reader_truncated();
    let mut total = 0usize;
    let mut end = nodes.len();
    if end > MAX_NODES {
        end = MAX_NODES;
        limit = limit.max(Some(Limit::Nodes));
    }
    // (node index, byte length kept) of every text node cut.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, node) in nodes[..end].iter().enumerate() {
        let NodeData::Text { text } = &node.data else { continue };
        // Counted up to one unit past the node limit: a 10 MB node is not counted whole.
        let units = text.encode_utf16().take(MAX_TEXT_NODE_UNITS + 1).count();
        let (keep, cut) = kept_units(units, total);
        let Some(cut) = cut else {
            total += units;
            continue;
        };
        limit = limit.max(Some(cut));
        let (at, kept) = cut_at(text, keep);
        total += kept;
        if cut == Limit::Text {
            // The whole page's text is used up: nothing after this node (nor the node, if none
            // of it fits) is read.
            end = if kept == 0 { i } else { i + 1 };
            if kept > 0 {
                cuts.push((i, at));
            }
            break;
        }
        cuts.push((i, at));
    }
    let Some(limit) = limit else { return (None, None) };
    let truncation = |count: usize, total: usize| Truncation { limit, nodes: count as u32, text_units: total as u64 };
    if cuts.is_empty() && end == nodes.len() {
        // Only the reader stopped, at the limits: nothing to cut here.
        return (None, Some(truncation(end, total)));
    }
    let mut kept: Vec<Node> = nodes[..end].to_vec();
    for (i, at) in cuts {
        if let NodeData::Text { text } = &mut kept[i].data {
            text.truncate(at);
        }
    }
    let count = kept.len();
    match Snapshot::from_nodes(kept) {
        Ok(mut capped) => {
            capped.truncated = Some(limit);
            (Some(capped), Some(truncation(count, total)))
        }
        // Unreachable (a prefix of a valid pre-order tree is one); say nothing was cut rather
        // than panic.
        Err(_) => (None, None),
    }
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
        assert_eq!((cut.nodes, cut.text_units), (4, (MAX_TEXT_NODE_UNITS - 1 + 5) as u64));
        assert_eq!(capped.reader_truncated(), Some(Limit::TextNode));
    }

    #[test]
    fn total_text_stops_the_page_inside_the_node_that_crosses_it() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let chunk = "b".repeat(MAX_TEXT_NODE_UNITS - 10);
        let whole = MAX_TEXT_UNITS / (MAX_TEXT_NODE_UNITS - 10);
        for _ in 0..whole + 3 {
            b.text(p, &chunk);
        }
        b.element(0, "after", []);
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!(cut.limit, Limit::Text);
        assert_eq!(cut.text_units as usize, MAX_TEXT_UNITS);
        // The document, the p, `whole` whole chunks and the start of one more.
        assert_eq!(capped.len(), 2 + whole + 1);
        assert_eq!(capped.text((capped.len() - 1) as u32).unwrap().len(), MAX_TEXT_UNITS - whole * (MAX_TEXT_NODE_UNITS - 10));
        assert_eq!(cut.nodes as usize, capped.len());
    }

    #[test]
    fn the_node_count_stops_the_page_and_outranks_a_long_node() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, &"c".repeat(MAX_TEXT_NODE_UNITS + 1));
        for _ in 0..MAX_NODES {
            b.element(0, "i", []);
        }
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!((cut.limit, capped.len(), cut.nodes as usize), (Limit::Nodes, MAX_NODES, MAX_NODES));
        assert_eq!(cut.text_units as usize, MAX_TEXT_NODE_UNITS);
    }

    #[test]
    fn a_snapshot_the_walker_already_stopped_is_not_copied() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, "the start of a long page");
        let mut snapshot = b.finish().unwrap();
        snapshot.truncated = Some(Limit::Nodes);
        let (capped, cut) = cap(&snapshot);
        assert!(capped.is_none());
        assert_eq!(cut, Some(Truncation { limit: Limit::Nodes, nodes: 3, text_units: 24 }));
    }

    #[test]
    fn kept_units_matches_the_walkers_sum() {
        assert_eq!(kept_units(10, 0), (10, None));
        assert_eq!(kept_units(MAX_TEXT_NODE_UNITS + 5, 0), (MAX_TEXT_NODE_UNITS, Some(Limit::TextNode)));
        assert_eq!(kept_units(10, MAX_TEXT_UNITS - 4), (4, Some(Limit::Text)));
        assert_eq!(kept_units(0, MAX_TEXT_UNITS), (0, None));
        assert_eq!(kept_units(1, MAX_TEXT_UNITS), (0, Some(Limit::Text)));
    }
}
