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

use super::{Node, NodeData, NodeId, Snapshot};
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
/// Nodes analysed at most on a page past [`MAX_NODES`] or [`MAX_TEXT_UNITS`] (a page too large
/// to read whole: its first part only is analysed anyway). Read whole, the first 250,000 nodes of
/// a million-element page or the first 2 Mi units of a 50 MB one cost seconds of analysis and
/// drawing (RELIABILITY.md, "Reading limits"); a page within the limits (the 10,000-comment page,
/// every test page) is never cut by these.
pub const PAST_LIMIT_NODES: usize = 50_000;
/// UTF-16 units of text analysed at most on a page past a limit (see [`PAST_LIMIT_NODES`]).
pub const PAST_LIMIT_TEXT_UNITS: usize = 256 << 10;

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
/// (`walk.js`) does the same sum.
#[cfg(any(test, feature = "internals"))]
pub fn kept_units(units: usize, total: usize) -> (usize, Option<Limit>) {
    kept_units_within(units, total, MAX_TEXT_UNITS)
}

/// [`kept_units`] with `max_text` units of text in all ([`MAX_TEXT_UNITS`], or
/// [`PAST_LIMIT_TEXT_UNITS`] on a page past a limit).
fn kept_units_within(units: usize, total: usize, max_text: usize) -> (usize, Option<Limit>) {
    let node = units.min(MAX_TEXT_NODE_UNITS);
    if total + node > max_text {
        return (max_text.saturating_sub(total), Some(Limit::Text));
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

/// A text's length in UTF-16 units, counted up to one unit past [`MAX_TEXT_NODE_UNITS`] (a 10 MB
/// node is not counted whole). Every text node is counted: by bytes (one unit per char, two per
/// 4-byte char), not by decoding chars, when the text cannot be past the node limit.
fn utf16_units(text: &str) -> usize {
    if text.len() > MAX_TEXT_NODE_UNITS {
        return text.encode_utf16().take(MAX_TEXT_NODE_UNITS + 1).count();
    }
    // A UTF-8 char is one lead byte (not 0b10xx_xxxx) and its continuation bytes; 4-byte chars
    // (lead 0b1111_0xxx) are surrogate pairs in UTF-16.
    text.bytes().map(|b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0)).sum()
}

/// Whether the page is within every limit by its UTF-8 byte counts alone (a text is never more
/// UTF-16 units than UTF-8 bytes): the case of nearly every page, told without counting units.
fn within_by_bytes(snapshot: &Snapshot) -> bool {
    if snapshot.len() > MAX_NODES {
        return false;
    }
    let (mut total, mut longest) = (0usize, 0usize);
    for id in 0..snapshot.len() as NodeId {
        if let Some(text) = snapshot.text(id) {
            total += text.len();
            longest = longest.max(text.len());
        }
    }
    total <= MAX_TEXT_UNITS && longest <= MAX_TEXT_NODE_UNITS
}

/// Where a reading within `max_nodes` nodes and `max_text` units of text ends.
struct Cut {
    /// The limit that cut the most, if any (starting from the reader's own).
    limit: Option<Limit>,
    /// Nodes kept (a prefix).
    end: usize,
    /// (node index, byte length kept) of every text node cut.
    cuts: Vec<(usize, usize)>,
    /// UTF-16 units of text kept.
    total: usize,
}

fn cut(snapshot: &Snapshot, reader: Option<Limit>, max_nodes: usize, max_text: usize) -> Cut {
    let mut limit = reader;
    let mut total = 0usize;
    let mut end = snapshot.len();
    if end > max_nodes {
        end = max_nodes;
        limit = limit.max(Some(Limit::Nodes));
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let read = end;
    for i in 0..read {
        let Some(text) = snapshot.text(i as NodeId) else { continue };
        let units = utf16_units(text);
        let (keep, cut) = kept_units_within(units, total, max_text);
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
    Cut { limit, end, cuts, total }
}

/// What was cut, and the snapshot within the limits when it differs from `snapshot` (`None` when
/// nothing needs cutting, which is the case for every snapshot a live walk wrote). The cut keeps
/// the node ids of the original (a prefix of its nodes in document order is a valid tree), so
/// anchors on it point at the same live nodes. A page past [`MAX_NODES`] or [`MAX_TEXT_UNITS`]
/// (read whole, or a reader stopped there) is analysed on its first [`PAST_LIMIT_NODES`] nodes
/// and [`PAST_LIMIT_TEXT_UNITS`] units of text, and the truncation says so (its limit is the
/// larger of the one the page went past and the one that cut the part analysed). Costs one pass
/// over the text of the nodes kept.
pub fn cap(snapshot: &Snapshot) -> (Option<Snapshot>, Option<Truncation>) {
    if snapshot.reader_truncated().is_none() && within_by_bytes(snapshot) {
        return (None, None);
    }
    let mut within = cut(snapshot, snapshot.reader_truncated(), MAX_NODES, MAX_TEXT_UNITS);
    if matches!(within.limit, Some(Limit::Nodes | Limit::Text)) {
        // Past a page limit: only the first part is analysed, sized to answer quickly.
        within = cut(snapshot, within.limit, PAST_LIMIT_NODES, PAST_LIMIT_TEXT_UNITS);
    }
    let Cut { limit, end, cuts, total } = within;
    let Some(limit) = limit else { return (None, None) };
    let truncation = |count: usize, total: usize| Truncation { limit, nodes: count as u32, text_units: total as u64 };
    if cuts.is_empty() && end == snapshot.len() {
        // Only the reader stopped, at the limits: nothing to cut here.
        return (None, Some(truncation(end, total)));
    }
    // Rare (pages past a limit): the kept nodes in their owned form, cut, then indexed again.
    let mut kept: Vec<Node> = (0..end as NodeId).map(|id| snapshot.node(id)).collect();
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
    fn utf16_units_by_bytes_match_encode_utf16() {
        for text in ["", "a", "é", "日本語", "😀", "a😀é\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}", &"x😀".repeat(1000)] {
            assert_eq!(utf16_units(text), text.encode_utf16().count(), "{text:?}");
        }
        let long = "é".repeat(MAX_TEXT_NODE_UNITS);
        assert_eq!(utf16_units(&long), MAX_TEXT_NODE_UNITS);
    }

    #[test]
    fn the_byte_shortcut_agrees_with_the_count_of_units() {
        // Texts whose bytes are past a limit while their UTF-16 units are not (é: 2 bytes, 1 unit),
        // and texts past it in units too: `cap` decides the same as counting units would.
        for (chars, c) in [(MAX_TEXT_NODE_UNITS - 1, 'é'), (MAX_TEXT_NODE_UNITS + 1, 'é'), (MAX_TEXT_NODE_UNITS, 'a'), (MAX_TEXT_NODE_UNITS + 1, 'a')] {
            let mut b = SnapshotBuilder::new();
            let p = b.element(0, "p", []);
            b.text(p, &c.to_string().repeat(chars));
            let page = b.finish().unwrap();
            let past = chars > MAX_TEXT_NODE_UNITS;
            let (capped, truncation) = cap(&page);
            assert_eq!(truncation.is_some(), past, "{chars} × {c}");
            assert_eq!(capped.is_some(), past, "{chars} × {c}");
            assert_eq!(within_by_bytes(&page), chars * c.len_utf8() <= MAX_TEXT_NODE_UNITS);
        }
    }

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
    fn a_page_past_the_text_limit_is_analysed_on_its_first_part() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let paragraph = "d".repeat(1000);
        for _ in 0..MAX_TEXT_UNITS / 1000 + 3 {
            b.text(p, &paragraph);
        }
        b.element(0, "after", []);
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!(cut.limit, Limit::Text);
        assert_eq!(cut.text_units as usize, PAST_LIMIT_TEXT_UNITS);
        // The document, the p, the whole paragraphs and the start of one more.
        let whole = PAST_LIMIT_TEXT_UNITS / 1000;
        assert_eq!(capped.len(), 2 + whole + 1);
        assert_eq!(capped.text((capped.len() - 1) as u32).unwrap().len(), PAST_LIMIT_TEXT_UNITS - whole * 1000);
        assert_eq!(cut.nodes as usize, capped.len());
    }

    #[test]
    fn the_text_limit_stops_a_page_inside_the_node_that_crosses_it() {
        // Long nodes: past MAX_TEXT_UNITS, the part analysed ends inside the first one.
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let chunk = "b".repeat(MAX_TEXT_NODE_UNITS - 10);
        for _ in 0..MAX_TEXT_UNITS / (MAX_TEXT_NODE_UNITS - 10) + 3 {
            b.text(p, &chunk);
        }
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!((cut.limit, cut.nodes, cut.text_units as usize), (Limit::Text, 3, PAST_LIMIT_TEXT_UNITS));
        assert_eq!(capped.text(2).unwrap().len(), PAST_LIMIT_TEXT_UNITS);
    }

    #[test]
    fn a_page_past_the_node_limit_is_analysed_on_its_first_part() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, "The start.");
        for _ in 0..MAX_NODES {
            b.element(0, "i", []);
        }
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!((cut.limit, capped.len(), cut.nodes as usize), (Limit::Nodes, PAST_LIMIT_NODES, PAST_LIMIT_NODES));
        assert_eq!(cut.text_units, 10);
    }

    #[test]
    fn a_page_within_the_limits_is_read_whole() {
        // Just under MAX_NODES nodes and MAX_TEXT_UNITS units (the 10,000-comment page is
        // 200,000 nodes and 1.57 M units): nothing is cut, whatever PAST_LIMIT_* say.
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let text = "e".repeat(MAX_TEXT_UNITS / 1000);
        let mut texts = 0;
        while b.len() < MAX_NODES {
            let i = b.element(p, "i", []);
            if texts < 1000 && b.len() < MAX_NODES {
                b.text(i, &text);
                texts += 1;
            }
        }
        let snapshot = b.finish().unwrap();
        assert_eq!(snapshot.len(), MAX_NODES);
        assert_eq!(cap(&snapshot), (None, None));
    }

    #[test]
    fn the_text_limit_outranks_the_node_limit_past_it() {
        // Past MAX_NODES, with a long node first: the part analysed ends inside that node.
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, &"c".repeat(MAX_TEXT_NODE_UNITS + 1));
        for _ in 0..MAX_NODES {
            b.element(0, "i", []);
        }
        let (Some(capped), Some(cut)) = cap(&b.finish().unwrap()) else { panic!("not cut") };
        assert_eq!((cut.limit, capped.len(), cut.nodes as usize), (Limit::Text, 3, 3));
        assert_eq!(cut.text_units as usize, PAST_LIMIT_TEXT_UNITS);
    }

    #[test]
    fn a_walk_stopped_at_a_limit_is_cut_to_the_first_part() {
        // The walker stopped at MAX_NODES; the part analysed is the same as for the page read whole.
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, "The start.");
        for _ in 0..PAST_LIMIT_NODES {
            b.element(0, "i", []);
        }
        let mut snapshot = b.finish().unwrap();
        snapshot.truncated = Some(Limit::Nodes);
        let (Some(capped), Some(cut)) = cap(&snapshot) else { panic!("not cut") };
        assert_eq!((cut.limit, capped.len(), cut.nodes as usize), (Limit::Nodes, PAST_LIMIT_NODES, PAST_LIMIT_NODES));
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
