//! The page text that W3C TextPositionSelector offsets count in, and its map back into the DOM.
//!
//! **Definition.** The page text is the concatenation of the raw data (whitespace *not*
//! collapsed) of every text node of the snapshot that lies inside `<body>` (inside the document
//! when there is no `<body>`), in document order, except text inside a `<script>` (the readers
//! keep JSON-LD scripts for metadata) or a `<head>`. The readers already leave out everything
//! else that is not page text (see [`crate::snapshot::skips_element`] and
//! [`crate::snapshot::hidden_by_markup`]; the live reader also drops nodes hidden by computed
//! style), so the page text is exactly "the snapshot's body text".
//!
//! **Units.** Offsets count UTF-16 code units, like JavaScript string indices, DOM `Range`
//! offsets and Hypothesis. A passage's quote and its context therefore slice identically on both
//! sides of the wasm boundary.
//!
//! **From the live DOM.** The extension should not recount offsets itself: it maps a live
//! `Range`'s end points to snapshot text nodes (the live reader's side table gives each text node
//! its [`NodeId`]) and calls [`crate::anchor::describe`]. A JavaScript walk that wants the same
//! offsets must visit `document.body`'s text nodes in tree order with the live reader's skip
//! rules, skip `<script>` subtrees, and sum `node.data.length`.

use crate::snapshot::text::{DomPoint, DomRange};
use crate::snapshot::{NodeId, Snapshot};

/// Where one text node's data starts in the page text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NodeSpan {
    /// The text node.
    node: NodeId,
    /// UTF-16 offset of its first code unit in the page text.
    start: u32,
    /// Its data's length in UTF-16 code units.
    len: u32,
}

/// The page text (UTF-16) with a map between page offsets and DOM points.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageText {
    units: Vec<u16>,
    spans: Vec<NodeSpan>,
}

/// Elements whose text is never page text even though a reader kept them.
const NOT_PAGE_TEXT: &[&str] = &["script", "head", "style", "template", "noscript"];

/// The page text of a snapshot (see the module documentation for the exact definition).
pub fn page_text(snapshot: &Snapshot) -> PageText {
    let root = snapshot.body();
    let mut text = PageText::default();
    let end = snapshot.subtree_end(root);
    let mut id = root + 1;
    while id < end {
        if let Some(tag) = snapshot.tag(id) {
            if NOT_PAGE_TEXT.contains(&tag) {
                id = snapshot.subtree_end(id);
                continue;
            }
        } else if let Some(data) = snapshot.text(id) {
            text.push_node(id, data);
        }
        id += 1;
    }
    text
}

impl PageText {
    /// Page text made of the given (node, data) pairs in order; for tests and callers that already
    /// hold the text nodes.
    pub fn from_nodes<'a>(nodes: impl IntoIterator<Item = (NodeId, &'a str)>) -> PageText {
        let mut text = PageText::default();
        for (node, data) in nodes {
            text.push_node(node, data);
        }
        text
    }

    fn push_node(&mut self, node: NodeId, data: &str) {
        let start = self.units.len() as u32;
        if data.is_ascii() {
            self.units.extend(data.bytes().map(u16::from));
        } else {
            self.units.extend(data.encode_utf16());
        }
        let len = self.units.len() as u32 - start;
        if len > 0 {
            self.spans.push(NodeSpan { node, start, len });
        }
    }

    /// The text as UTF-16 code units.
    pub fn units(&self) -> &[u16] {
        &self.units
    }

    /// Length in UTF-16 code units.
    pub fn len(&self) -> u32 {
        self.units.len() as u32
    }

    /// Whether the page has no text at all.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The whole text as a string.
    pub fn text(&self) -> String {
        String::from_utf16_lossy(&self.units)
    }

    /// The text between two offsets (clamped to the text), as a string.
    pub fn slice(&self, start: u32, end: u32) -> String {
        let end = (end as usize).min(self.units.len());
        let start = (start as usize).min(end);
        let units = &self.units[start..end];
        // Every sentence's exact text, prefix and suffix are sliced: ASCII without decoding.
        if units.iter().all(|&u| u < 0x80) {
            return String::from_utf8(units.iter().map(|&u| u as u8).collect()).unwrap_or_default();
        }
        String::from_utf16_lossy(units)
    }

    /// The page offset of a DOM point, `None` if the point is not in a page-text node or lies
    /// past the node's data.
    pub fn offset_of(&self, point: DomPoint) -> Option<u32> {
        let i = self.spans.binary_search_by_key(&point.node, |s| s.node).ok()?;
        let span = self.spans[i];
        (point.offset <= span.len).then_some(span.start + point.offset)
    }

    /// The DOM point where a range starting at page offset `offset` starts: inside the node
    /// holding that code unit (the end of the last node for the text's end).
    pub fn start_point(&self, offset: u32) -> Option<DomPoint> {
        let i = self.spans.partition_point(|s| s.start <= offset).checked_sub(1)?;
        let span = self.spans[i];
        if offset < span.start + span.len || (offset == self.len() && i + 1 == self.spans.len()) {
            return Some(DomPoint { node: span.node, offset: offset - span.start });
        }
        None
    }

    /// The DOM point where a range ending at page offset `offset` ends: just after the code unit
    /// before it (the start of the first node for offset 0).
    pub fn end_point(&self, offset: u32) -> Option<DomPoint> {
        if offset == 0 {
            return self.start_point(0);
        }
        let i = self.spans.partition_point(|s| s.start < offset).checked_sub(1)?;
        let span = self.spans[i];
        (offset <= span.start + span.len).then(|| DomPoint { node: span.node, offset: offset - span.start })
    }

    /// The DOM range covering page offsets `start..end`.
    pub fn range(&self, start: u32, end: u32) -> Option<DomRange> {
        if start > end || end > self.len() {
            return None;
        }
        Some(DomRange { start: self.start_point(start)?, end: self.end_point(end)? })
    }

    /// The page offsets `start..end` of a DOM range, `None` if either end is not in page text
    /// or the range is backwards.
    pub fn offsets_of(&self, range: &DomRange) -> Option<(u32, u32)> {
        let start = self.offset_of(range.start)?;
        let end = self.offset_of(range.end)?;
        (start <= end).then_some((start, end))
    }

    /// Moves `start..end` outwards so that neither end splits a surrogate pair.
    pub fn snap_to_chars(&self, start: u32, end: u32) -> (u32, u32) {
        let is_low = |i: u32| self.units.get(i as usize).is_some_and(|u| (0xDC00..0xE000).contains(u));
        let start = if start > 0 && is_low(start) { start - 1 } else { start };
        let end = if end > 0 && (end as usize) < self.units.len() && is_low(end) { end + 1 } else { end };
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapshotBuilder;

    #[test]
    fn concatenates_body_text_nodes_and_skips_scripts() {
        let mut b = SnapshotBuilder::new();
        let html = b.element(0, "html", []);
        let head = b.element(html, "head", []);
        let title = b.element(head, "title", []);
        b.text(title, "Title");
        let body = b.element(html, "body", []);
        let p = b.element(body, "p", []);
        let t1 = b.text(p, "Un 😀 ");
        let script = b.element(body, "script", [("type", "application/ld+json")]);
        b.text(script, "{}");
        let em = b.element(body, "em", []);
        let t2 = b.text(em, "deux");
        let s = b.finish().unwrap();
        let text = page_text(&s);
        assert_eq!(text.text(), "Un 😀 deux");
        // ASCII slices and slices through the emoji read the same as decoding the units.
        for (a, b) in [(0, 2), (6, 10), (0, 10), (3, 5), (3, 4), (4, 6), (9, 99), (7, 3)] {
            let (e, s0) = (b.min(10), a.min(b.min(10)));
            assert_eq!(text.slice(a, b), String::from_utf16_lossy(&text.units()[s0 as usize..e as usize]), "{a}..{b}");
        }
        assert_eq!(text.len(), 10);
        assert_eq!(text.offset_of(DomPoint { node: t2, offset: 1 }), Some(7));
        assert_eq!(text.offset_of(DomPoint { node: t2, offset: 5 }), None);
        // Offset 6 is the end of t1 for a range end and the start of t2 for a range start.
        assert_eq!(text.end_point(6), Some(DomPoint { node: t1, offset: 6 }));
        assert_eq!(text.start_point(6), Some(DomPoint { node: t2, offset: 0 }));
        assert_eq!(text.start_point(10), Some(DomPoint { node: t2, offset: 4 }));
        assert_eq!(text.start_point(11), None);
        assert_eq!(text.snap_to_chars(4, 4), (3, 5));
    }
}
