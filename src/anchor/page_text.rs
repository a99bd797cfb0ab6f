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

use super::CONTEXT_LEN;
use crate::report::{Selectors, TextPositionSelector};
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
    let mut text = PageText::default();
    for_each_page_node(snapshot, |id, data| {
        text.push_node(id, data);
        true
    });
    text
}

/// Calls `f` with every text node of the page text and its data, in order, until it returns
/// false.
fn for_each_page_node<'a>(snapshot: &'a Snapshot, mut f: impl FnMut(NodeId, &'a str) -> bool) {
    let root = snapshot.body();
    let end = snapshot.subtree_end(root);
    let mut id = root + 1;
    while id < end {
        if let Some(tag) = snapshot.tag(id) {
            if NOT_PAGE_TEXT.contains(&tag) {
                id = snapshot.subtree_end(id);
                continue;
            }
        } else if let Some(data) = snapshot.text(id) {
            if !f(id, data) {
                return;
            }
        }
        id += 1;
    }
}

/// The page offset of a DOM point over `spans` (see [`PageText::offset_of`]).
fn offset_in(spans: &[NodeSpan], point: DomPoint) -> Option<u32> {
    let i = spans.binary_search_by_key(&point.node, |s| s.node).ok()?;
    let span = spans[i];
    (point.offset <= span.len).then_some(span.start + point.offset)
}

/// The page offsets of a DOM range over `spans` (see [`PageText::offsets_of`]).
fn offsets_in(spans: &[NodeSpan], range: &DomRange) -> Option<(u32, u32)> {
    let start = offset_in(spans, range.start)?;
    let end = offset_in(spans, range.end)?;
    (start <= end).then_some((start, end))
}

/// Page text that can be cut into quotes ([`crate::anchor::quote_selector`] and
/// [`NodeTexts::quote_selector`] share their bounds through it).
pub(super) trait Quotable {
    /// Length in UTF-16 code units.
    fn unit_len(&self) -> u32;
    /// Whether code unit `i` is a low surrogate (false past the end).
    fn is_low(&mut self, i: u32) -> bool;
    /// The text between two offsets (clamped to the text), as a string (a split surrogate pair
    /// reads U+FFFD, as `String::from_utf16_lossy` has it).
    fn slice(&mut self, start: u32, end: u32) -> String;
}

impl Quotable for &PageText {
    fn unit_len(&self) -> u32 {
        self.len()
    }

    fn is_low(&mut self, i: u32) -> bool {
        self.units.get(i as usize).is_some_and(|u| (0xDC00..0xE000).contains(u))
    }

    fn slice(&mut self, start: u32, end: u32) -> String {
        PageText::slice(self, start, end)
    }
}

/// The page text's node map with each node's UTF-8 data, without the UTF-16 text: what giving
/// every sentence its selectors needs ([`crate::anchor::add_selectors`]). A node's length is a
/// byte count and a quote is a copy of node data, where [`page_text`] encodes the whole page to
/// UTF-16 and each quote decodes it back (most of the selectors' cost on the seed page).
pub(super) struct NodeTexts<'a> {
    spans: Vec<NodeSpan>,
    /// `data[i]`: the data of `spans[i]`'s node.
    data: Vec<&'a str>,
    len: u32,
    /// The last point found in a non-ASCII node: quotes are cut in page order, so finding the
    /// next point walks on from there instead of from the node's start.
    cursor: Cursor,
}

/// A char boundary in the data of `spans[span]`: `unit` UTF-16 units and `byte` bytes in.
#[derive(Clone, Copy, Default)]
struct Cursor {
    span: usize,
    unit: u32,
    byte: usize,
}

/// The UTF-8 length and UTF-16 length of the char a UTF-8 lead byte starts.
fn char_widths(lead: u8) -> (usize, u32) {
    match lead {
        0..=0x7F => (1, 1),
        0x80..=0xDF => (2, 1),
        0xE0..=0xEF => (3, 1),
        _ => (4, 2),
    }
}

/// The high bit of each byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The length of `data` in UTF-16 code units: one per char, two for a char of four bytes.
fn utf16_len(data: &str) -> u32 {
    if data.is_ascii() {
        return data.len() as u32;
    }
    // Eight bytes at a time: the bytes less the continuation bytes (`10xxxxxx`), plus one for
    // each lead byte of four (`11110xxx`).
    let bytes = data.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut units = bytes.len() as u32;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        let continuation = w & !(w << 1) & HIGH_BITS;
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGH_BITS;
        units = units - continuation.count_ones() + four.count_ones();
    }
    for &b in chunks.remainder() {
        units = units - u32::from(b & 0xC0 == 0x80) + u32::from(b >= 0xF0);
    }
    units
}

impl<'a> NodeTexts<'a> {
    /// The page-text nodes of a snapshot (the same spans as [`page_text`]'s) up to node `last`,
    /// and on until more than [`CONTEXT_LEN`] code units follow it (or the page ends): enough for
    /// every offset and quote of a range in nodes up to `last`. The text after the article (its
    /// comments, its footer) is not measured.
    pub(super) fn up_to(snapshot: &'a Snapshot, last: NodeId) -> NodeTexts<'a> {
        let mut text = NodeTexts { spans: Vec::new(), data: Vec::new(), len: 0, cursor: Cursor::default() };
        let mut enough = u32::MAX;
        for_each_page_node(snapshot, |node, data| {
            if text.len > enough {
                return false;
            }
            let len = utf16_len(data);
            if len > 0 {
                text.spans.push(NodeSpan { node, start: text.len, len });
                text.data.push(data);
                text.len += len;
            }
            if node >= last && enough == u32::MAX {
                enough = text.len + CONTEXT_LEN;
            }
            true
        });
        text
    }

    /// See [`PageText::offsets_of`].
    pub(super) fn offsets_of(&self, range: &DomRange) -> Option<(u32, u32)> {
        offsets_in(&self.spans, range)
    }

    /// The span holding code unit `offset` (`offset` < the text's length).
    fn span_of(&self, offset: u32) -> usize {
        self.spans.partition_point(|s| s.start <= offset) - 1
    }

    /// Where local code unit `unit` of span `i` falls in its data: the byte offset of the char
    /// holding it and whether it is that char's second (low surrogate) unit.
    fn find(&mut self, i: usize, unit: u32) -> (usize, bool) {
        let data = self.data[i].as_bytes();
        // Only ASCII data is as long in bytes as in code units.
        if data.len() == self.spans[i].len as usize {
            return (unit as usize, false);
        }
        let mut c = self.cursor;
        if c.span != i {
            // From the nearer end of the node (a prefix often starts near the end of the node
            // before the passage's).
            let len = self.spans[i].len;
            c = if unit <= len / 2 { Cursor { span: i, unit: 0, byte: 0 } } else { Cursor { span: i, unit: len, byte: data.len() } };
        }
        while c.unit > unit {
            c.byte -= 1;
            while data[c.byte] & 0xC0 == 0x80 {
                c.byte -= 1;
            }
            c.unit -= char_widths(data[c.byte]).1;
        }
        let mut mid = false;
        while c.unit < unit {
            // Eight ASCII bytes at a time while the point is past them.
            if c.unit + 8 <= unit && c.byte + 8 <= data.len() {
                let chunk = &data[c.byte..c.byte + 8];
                let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
                if word & HIGH_BITS == 0 {
                    c.byte += 8;
                    c.unit += 8;
                    continue;
                }
            }
            if data[c.byte] < 0x80 {
                c.byte += 1;
                c.unit += 1;
                continue;
            }
            let (bytes, units) = char_widths(data[c.byte]);
            if c.unit + units > unit {
                mid = true;
                break;
            }
            c.byte += bytes;
            c.unit += units;
        }
        self.cursor = c;
        (c.byte, mid)
    }

    /// Both selectors of page offsets `start..end` (as [`super::selectors_at`] over the page text).
    pub(super) fn selectors_at(&mut self, start: u32, end: u32) -> Selectors {
        Selectors { quote: super::quote_of(self, start, end), position: TextPositionSelector { start, end } }
    }
}

impl Quotable for NodeTexts<'_> {
    fn unit_len(&self) -> u32 {
        self.len
    }

    fn is_low(&mut self, i: u32) -> bool {
        i < self.len && {
            let span = self.span_of(i);
            self.find(span, i - self.spans[span].start).1
        }
    }

    fn slice(&mut self, start: u32, end: u32) -> String {
        let end = end.min(self.len);
        let start = start.min(end);
        let mut out = String::new();
        if start == end {
            return out;
        }
        let mut i = self.span_of(start);
        let mut from = start;
        while from < end {
            let span = self.spans[i];
            let to = end.min(span.start + span.len);
            let (mut a, a_mid) = self.find(i, from - span.start);
            let (b, b_mid) = self.find(i, to - span.start);
            let data = self.data[i];
            if a_mid {
                out.push(char::REPLACEMENT_CHARACTER);
                a += 4;
            }
            if a < b {
                out.push_str(&data[a..b]);
            }
            if b_mid {
                out.push(char::REPLACEMENT_CHARACTER);
            }
            from = to;
            i += 1;
        }
        out
    }
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
        offset_in(&self.spans, point)
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
        offsets_in(&self.spans, range)
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

    /// The UTF-16 length counted on the UTF-8 bytes is `encode_utf16`'s, for every alignment.
    #[test]
    fn utf16_lengths_count_like_the_encoder() {
        let text = "abc é中😀\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff} Le président a dit ça 😀😀 fin.";
        for (a, _) in text.char_indices() {
            for b in (a..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                assert_eq!(utf16_len(&text[a..b]), text[a..b].encode_utf16().count() as u32, "{:?}", &text[a..b]);
            }
        }
    }

    /// The node map with UTF-8 data cuts the same quotes as the UTF-16 page text: every slice,
    /// low-surrogate test and offset of random pages of ASCII, accented, CJK and astral text
    /// (asked in a shuffled order, so the cursor walks both ways and across nodes).
    #[test]
    fn node_texts_cut_like_the_page_text() {
        let pieces = ["", "abc", " é ", "😀", "a😀b", "中文字", "x", "\u{10348}\u{10348}", "Le président\n", "ça 😀😀 ok"];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..200 {
            let mut b = SnapshotBuilder::new();
            let html = b.element(0, "html", []);
            let body = b.element(html, "body", []);
            let mut nodes = Vec::new();
            for _ in 0..next(7) {
                let p = b.element(body, if next(6) == 0 { "script" } else { "p" }, []);
                for _ in 0..1 + next(3) {
                    let data: String = (0..next(4)).map(|_| pieces[next(pieces.len())]).collect();
                    nodes.push(b.text(p, &data));
                }
            }
            let s = b.finish().unwrap();
            let text = page_text(&s);
            // Up to a random node (or every node): what the quotes of ranges in it and before it read.
            let last = if next(3) == 0 { NodeId::MAX } else { nodes.get(next(nodes.len() + 1)).copied().unwrap_or(0) };
            let nodes: Vec<NodeId> = nodes.into_iter().filter(|&n| n <= last).collect();
            let mut fast = NodeTexts::up_to(&s, last);
            assert!(text.spans.starts_with(&fast.spans));
            if fast.spans.len() < text.spans.len() {
                assert!(fast.unit_len() > text.spans.iter().filter(|s| s.node <= last).map(|s| s.start + s.len).max().unwrap_or(0) + CONTEXT_LEN);
            } else {
                assert_eq!(fast.unit_len(), text.len());
            }
            let len = text.spans.iter().filter(|s| s.node <= last).map(|s| s.start + s.len).max().unwrap_or(0);
            let len = if last == NodeId::MAX { text.len() + 1 } else { len };
            let mut asks: Vec<(u32, u32)> = (0..=len).flat_map(|a| (0..=len).map(move |b| (a, b))).collect();
            for k in (1..asks.len()).rev() {
                asks.swap(k, next(k + 1));
            }
            for (a, b) in asks {
                assert_eq!(fast.slice(a, b), text.slice(a, b), "{a}..{b} of {:?}", text.text());
                assert_eq!(fast.is_low(a), Quotable::is_low(&mut &text, a), "{a} of {:?}", text.text());
                assert_eq!(super::super::quote_of(&mut fast, a, b), super::super::quote_selector(&text, a, b));
            }
            for _ in 0..20 {
                let point = |k: usize, offset: u32| DomPoint { node: nodes.get(k).copied().unwrap_or(0), offset };
                let range = DomRange { start: point(next(nodes.len() + 1), next(8) as u32), end: point(next(nodes.len() + 1), next(8) as u32) };
                assert_eq!(fast.offsets_of(&range), text.offsets_of(&range));
            }
        }
    }
}
