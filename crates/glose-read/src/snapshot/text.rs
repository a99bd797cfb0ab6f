//! Visible text with whitespace collapsed, remembering where each piece came from so that any
//! character offset can be turned back into a (text node, UTF-16 offset) point of the live page.
//!
//! Collapsing follows the browser for normal flow text: every run of white space (including
//! no-break spaces) becomes one space, leading and trailing space is dropped. Soft hyphens
//! (U+00AD) are left out: a browser shows them only where it breaks a line, so they are not part
//! of the words a reader sees (the source map skips them, as it skips collapsed space).

use super::{NodeId, Snapshot};
use serde::{Deserialize, Serialize};

/// Where one text node's contribution starts in a [`CollapsedText`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRun {
    /// The text node.
    pub node: NodeId,
    /// Char offset (Unicode scalar values) in the collapsed text of this node's first emitted char.
    pub offset: u32,
    /// UTF-16 offset in the node's data of that same char.
    pub node_offset: u32,
    /// Byte offset in the node's data of that same char (so locating never rescans the node).
    #[serde(default)]
    pub node_byte: u32,
}

/// A long text node gets a new [`TextRun`] every this many chars, so locating an offset replays
/// at most this much text: anchoring stays linear on a 5 MB text node. Every sentence and cue is
/// located twice (start and end), so a paragraph's replays add up: at 256 chars they were 8 % of
/// the analysis of small pages; a run is 16 bytes, a quarter of the 64 chars it covers.
const RUN_CHECKPOINT: u32 = 64;

/// A point in the live DOM: a text node and a UTF-16 offset in its data (what `Range.setStart`
/// takes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomPoint {
    /// The text node's snapshot id.
    pub node: NodeId,
    /// UTF-16 code-unit offset in that node's data.
    pub offset: u32,
}

/// A range of the live DOM between two [`DomPoint`]s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomRange {
    /// Where the range starts.
    pub start: DomPoint,
    /// Where it ends (exclusive).
    pub end: DomPoint,
}

/// Collapsed text plus its source map.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollapsedText {
    /// The text, whitespace collapsed and trimmed.
    pub text: String,
    /// One entry per text node that contributed characters, in order.
    pub runs: Vec<TextRun>,
}

/// Accumulates text from text nodes (and breaks between blocks) into a [`CollapsedText`].
#[derive(Default)]
pub struct TextCollector {
    out: CollapsedText,
    chars: u32,
    pending_space: bool,
}

/// Whether a char collapses as white space in page text.
pub fn is_collapsible_space(c: char) -> bool {
    c.is_whitespace()
}

/// `char::is_whitespace` of an ASCII byte.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The high bit of each byte of a word.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// A one in each byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of a word that is `byte` (an ASCII byte): the low seven bits of
/// each byte of `word ^ byte` are added to, so nothing carries into the next byte.
pub(crate) fn equal_bits(word: u64, byte: u8) -> u64 {
    let low = !HIGH_BITS;
    let diff = word ^ (u64::from(byte) * ONES);
    !(((diff & low) + low) | diff) & HIGH_BITS
}

/// Where a word's bytes are spaces, and where they are `\t` … `\r` (ASCII white space): the
/// high bit of each such byte (any byte: one with its high bit set is neither). Only the low
/// seven bits of each byte are added to, so no addition carries into the next byte.
pub(crate) fn space_masks(word: u64) -> (u64, u64) {
    let seven = word & !HIGH_BITS;
    let controls = (seven + (0x80 - 9) * ONES) & !(seven + (0x80 - 14) * ONES) & HIGH_BITS & !word;
    (equal_bits(word, b' '), controls)
}

/// Whether a char is left out of the collapsed text: the soft hyphen (U+00AD), a hyphenation
/// hint that is invisible unless the line breaks there ("Touristen\u{ad}attraktion" reads
/// "Touristenattraktion").
pub fn is_invisible(c: char) -> bool {
    c == '\u{ad}'
}

impl TextCollector {
    /// An empty collector.
    pub fn new() -> TextCollector {
        TextCollector::default()
    }

    /// Appends the data of text node `node`.
    pub fn push_node(&mut self, node: NodeId, text: &str) {
        if text.is_ascii() {
            self.push_ascii_node(node, text);
        } else {
            self.push_node_by_char(node, text);
        }
    }

    /// [`TextCollector::push_node`] of ASCII text: no soft hyphen, white space is ASCII, UTF-16
    /// offsets are byte offsets, and each stretch that is already collapsed (words with single
    /// spaces between them) is copied whole, cut only where a checkpoint falls. A space met where
    /// a checkpoint falls goes through the white-space branch, as it does char by char.
    fn push_ascii_node(&mut self, node: NodeId, text: &str) {
        let bytes = text.as_bytes();
        // The collapsed text is never longer than the data plus the space before it: one
        // allocation instead of growing word by word.
        self.out.text.reserve(bytes.len() + 1);
        let mut run_start: Option<u32> = None;
        let mut at = 0;
        while at < bytes.len() {
            if is_ascii_space(bytes[at]) {
                if self.chars > 0 {
                    self.pending_space = true;
                }
                at += 1;
                continue;
            }
            if self.pending_space {
                self.out.text.push(' ');
                self.chars += 1;
                self.pending_space = false;
            }
            let since = match run_start {
                Some(start) if self.chars - start < RUN_CHECKPOINT => self.chars - start,
                _ => {
                    self.out.runs.push(TextRun { node, offset: self.chars, node_offset: at as u32, node_byte: at as u32 });
                    run_start = Some(self.chars);
                    0
                }
            };
            // Up to the next checkpoint, or the end of the collapsed stretch.
            let limit = bytes.len().min(at + (RUN_CHECKPOINT - since) as usize);
            let mut end = at + 1;
            // Eight bytes at a time while the byte after them is in the text: the stretch stops
            // at `\t` … `\r`, or at a space followed by white space.
            while end + 8 < limit {
                let chunk = &bytes[end..end + 8];
                let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
                let (spaces, controls) = space_masks(word);
                let next_space = u64::from(is_ascii_space(bytes[end + 8])) << 63;
                let stops = controls | (spaces & (((spaces | controls) >> 8) | next_space));
                if stops != 0 {
                    end += stops.trailing_zeros() as usize / 8;
                    break;
                }
                end += 8;
            }
            while end < limit && (!is_ascii_space(bytes[end]) || (bytes[end] == b' ' && bytes.get(end + 1).is_some_and(|&b| !is_ascii_space(b)))) {
                end += 1;
            }
            self.out.text.push_str(&text[at..end]);
            self.chars += (end - at) as u32;
            at = end;
        }
    }

    /// [`TextCollector::push_node`] of any text: char by char, except that the ASCII letters
    /// after a char (up to white space, a non-ASCII char or the next checkpoint) are copied with
    /// it at once (French text is mostly such runs: a push per char was most of the cost).
    fn push_node_by_char(&mut self, node: NodeId, text: &str) {
        self.out.text.reserve(text.len() + 1);
        let bytes = text.as_bytes();
        let mut run_start: Option<u32> = None;
        let mut utf16: u32 = 0;
        let mut byte = 0;
        while byte < bytes.len() {
            let Some(c) = text[byte..].chars().next() else { break };
            let after = byte + c.len_utf8();
            if is_invisible(c) {
                utf16 += 1;
                byte = after;
                continue;
            }
            if is_collapsible_space(c) {
                if self.chars > 0 {
                    self.pending_space = true;
                }
                utf16 += c.len_utf16() as u32;
                byte = after;
                continue;
            }
            if self.pending_space {
                self.out.text.push(' ');
                self.chars += 1;
                self.pending_space = false;
            }
            let start = match run_start {
                Some(start) if self.chars - start < RUN_CHECKPOINT => start,
                _ => {
                    self.out.runs.push(TextRun { node, offset: self.chars, node_offset: utf16, node_byte: byte as u32 });
                    run_start = Some(self.chars);
                    self.chars
                }
            };
            // Chars that still belong to this run: `c` and at most `room - 1` ASCII letters.
            let room = (RUN_CHECKPOINT - (self.chars - start)) as usize;
            let mut end = after;
            while end < bytes.len() && end - after + 1 < room && bytes[end] < 0x80 && !is_ascii_space(bytes[end]) {
                end += 1;
            }
            self.out.text.push_str(&text[byte..end]);
            let ascii = (end - after) as u32;
            self.chars += 1 + ascii;
            utf16 += c.len_utf16() as u32 + ascii;
            byte = end;
        }
    }

    /// [`TextCollector::push_node`] char by char, as first written: the reference of
    /// [`TextCollector::push_node_by_char`].
    #[cfg(test)]
    fn push_node_chars(&mut self, node: NodeId, text: &str) {
        self.out.text.reserve(text.len() + 1);
        let mut run_start: Option<u32> = None;
        let mut utf16: u32 = 0;
        for (byte, c) in text.char_indices() {
            if is_invisible(c) {
                utf16 += 1;
                continue;
            }
            if is_collapsible_space(c) {
                if self.chars > 0 {
                    self.pending_space = true;
                }
            } else {
                if self.pending_space {
                    self.out.text.push(' ');
                    self.chars += 1;
                    self.pending_space = false;
                }
                if run_start.is_none_or(|start| self.chars - start >= RUN_CHECKPOINT) {
                    self.out.runs.push(TextRun { node, offset: self.chars, node_offset: utf16, node_byte: byte as u32 });
                    run_start = Some(self.chars);
                }
                self.out.text.push(c);
                self.chars += 1;
            }
            utf16 += c.len_utf16() as u32;
        }
    }

    /// Appends all text nodes of the subtree of `root` (or `root` itself if it is text).
    pub fn push_subtree(&mut self, snapshot: &Snapshot, root: NodeId) {
        if let Some(t) = snapshot.text(root) {
            self.push_node(root, t);
        }
        for id in snapshot.descendants(root) {
            if let Some(t) = snapshot.text(id) {
                self.push_node(id, t);
            } else if snapshot.is(id, "br") {
                self.push_space();
            }
        }
    }

    /// Separates what comes next from what came before by one space (e.g. for `<br>` or
    /// adjacent blocks), unless at the very start.
    pub fn push_space(&mut self) {
        if self.chars > 0 {
            self.pending_space = true;
        }
    }

    /// Number of chars collected so far (not counting a pending space).
    pub fn char_len(&self) -> u32 {
        self.chars
    }

    /// The collected text.
    pub fn finish(self) -> CollapsedText {
        self.out
    }
}

impl CollapsedText {
    /// Collapsed visible text of one subtree.
    pub fn of_subtree(snapshot: &Snapshot, root: NodeId) -> CollapsedText {
        let mut c = TextCollector::new();
        c.push_subtree(snapshot, root);
        c.finish()
    }

    /// Number of chars (Unicode scalar values) in the text.
    pub fn char_len(&self) -> u32 {
        self.text.chars().count() as u32
    }

    /// The DOM point of the char at `offset` (or, for a collapsed space, of the white space that
    /// produced it). `None` past the end or when the text has no runs.
    pub fn locate_start(&self, snapshot: &Snapshot, offset: u32) -> Option<DomPoint> {
        self.locate(snapshot, offset).map(|(point, _)| point)
    }

    /// The DOM point just after the char at `end - 1`: the end of a range covering chars
    /// `..end`.
    pub fn locate_end(&self, snapshot: &Snapshot, end: u32) -> Option<DomPoint> {
        if end == 0 {
            return self.locate_start(snapshot, 0);
        }
        self.locate(snapshot, end - 1)
            .map(|(p, width)| DomPoint { node: p.node, offset: p.offset + width })
    }

    /// The DOM range covering chars `start..end` of this text.
    pub fn locate_range(&self, snapshot: &Snapshot, start: u32, end: u32) -> Option<DomRange> {
        Some(DomRange {
            start: self.locate_start(snapshot, start)?,
            end: self.locate_end(snapshot, end.max(start + 1))?,
        })
    }

    /// Point of char `offset` and its UTF-16 width in the node: the node's data walked on from
    /// the run's checkpoint, ASCII bytes without decoding (the char walk was ~40 instructions a
    /// char, and every sentence and cue is located at both ends).
    fn locate(&self, snapshot: &Snapshot, offset: u32) -> Option<(DomPoint, u32)> {
        let idx = self.runs.partition_point(|r| r.offset <= offset).checked_sub(1)?;
        let run = self.runs[idx];
        let data = snapshot.text(run.node)?;
        let bytes = data.as_bytes();
        let mut at = run.node_byte as usize;
        if at > bytes.len() || !data.is_char_boundary(at) {
            return None;
        }
        let mut count = run.offset;
        let mut utf16: u32 = run.node_offset;
        let mut space_at: Option<u32> = None;
        while at < bytes.len() {
            let (space, width) = if bytes[at] < 0x80 {
                at += 1;
                (is_ascii_space(bytes[at - 1]), 1)
            } else {
                let c = data[at..].chars().next()?;
                at += c.len_utf8();
                let width = c.len_utf16() as u32;
                if is_invisible(c) {
                    utf16 += width;
                    continue;
                }
                (is_collapsible_space(c), width)
            };
            if space {
                space_at.get_or_insert(utf16);
            } else {
                if let Some(at) = space_at.take() {
                    if count == offset {
                        return Some((DomPoint { node: run.node, offset: at }, 1));
                    }
                    count += 1;
                }
                if count == offset {
                    return Some((DomPoint { node: run.node, offset: utf16 }, width));
                }
                count += 1;
            }
            utf16 += width;
        }
        // The char is the space between this node and the next run.
        if count == offset {
            let at = space_at.unwrap_or(utf16);
            return Some((DomPoint { node: run.node, offset: at }, if space_at.is_some() { 1 } else { 0 }));
        }
        None
    }

    /// [`CollapsedText::locate`] char by char, as first written: the reference of the byte walk.
    #[cfg(test)]
    fn locate_by_char(&self, snapshot: &Snapshot, offset: u32) -> Option<(DomPoint, u32)> {
        let idx = self.runs.partition_point(|r| r.offset <= offset).checked_sub(1)?;
        let run = self.runs[idx];
        let data = snapshot.text(run.node)?;
        let mut count = run.offset;
        let mut utf16: u32 = run.node_offset;
        let mut space_at: Option<u32> = None;
        for c in data.get(run.node_byte as usize..)?.chars() {
            let width = c.len_utf16() as u32;
            if is_invisible(c) {
                utf16 += width;
                continue;
            }
            if is_collapsible_space(c) {
                space_at.get_or_insert(utf16);
            } else {
                if let Some(at) = space_at.take() {
                    if count == offset {
                        return Some((DomPoint { node: run.node, offset: at }, 1));
                    }
                    count += 1;
                }
                if count == offset {
                    return Some((DomPoint { node: run.node, offset: utf16 }, width));
                }
                count += 1;
            }
            utf16 += width;
        }
        // The char is the space between this node and the next run.
        if count == offset {
            let at = space_at.unwrap_or(utf16);
            return Some((DomPoint { node: run.node, offset: at }, if space_at.is_some() { 1 } else { 0 }));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapshotBuilder;

    #[test]
    fn ascii_path_collects_like_the_char_path() {
        let long = "x".repeat(150);
        let pieces = ["", " ", "\n\t  ", "a", "Le président", " mot ", "\u{b}\u{c}fin\r\n", long.as_str(), "deux  espaces", "  ", "abc def ghi jkl mno pqr stu vwx yz0 123 456 789 abc def ghi jkl mno pqr"];
        let mut cases: Vec<Vec<&str>> = pieces.iter().map(|p| vec![*p]).collect();
        for a in pieces {
            for b in pieces {
                cases.push(vec![a, b, a]);
            }
        }
        for case in cases {
            let (mut fast, mut slow) = (TextCollector::new(), TextCollector::new());
            for (i, text) in case.iter().enumerate() {
                fast.push_node(i as NodeId + 1, text);
                slow.push_node_chars(i as NodeId + 1, text);
                if i == 1 {
                    fast.push_space();
                    slow.push_space();
                }
            }
            assert_eq!(fast.char_len(), slow.char_len(), "{case:?}");
            assert_eq!(fast.finish(), slow.finish(), "{case:?}");
        }
    }

    /// The stretch copies of the general path collect what a push per char collects, around
    /// checkpoints, soft hyphens and every kind of white space.
    #[test]
    fn general_path_collects_like_a_push_per_char() {
        let pieces = ["a", "mot", "  ", " ", "\n\t", "\u{a0}", "\u{ad}", "é", "😀", "中", "\u{2009}", ".", "Le président", "x\u{ad}y", &"z".repeat(70)];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..3000 {
            let (mut fast, mut slow) = (TextCollector::new(), TextCollector::new());
            for node in 1..2 + next(3) as NodeId {
                let text: String = (0..next(60)).map(|_| pieces[next(pieces.len())]).collect();
                fast.push_node_by_char(node, &text);
                slow.push_node_chars(node, &text);
                assert_eq!(fast.char_len(), slow.char_len(), "{text:?}");
            }
            assert_eq!(fast.finish(), slow.finish());
        }
    }

    /// Collapsed stretches of every length, with their spaces at every place around the
    /// checkpoints, after nodes that leave the count at every place before one.
    #[test]
    fn ascii_stretches_are_cut_at_checkpoints_like_the_char_path() {
        let words = ["a", "bc", "def", "ghij", "klmnopq"];
        let mut texts: Vec<String> = Vec::new();
        for shift in 0..70 {
            let mut t = "y".repeat(shift);
            for k in 0..60 {
                t.push_str(if k % 7 == 3 { "  " } else if k % 11 == 5 { "\t" } else { " " });
                t.push_str(words[k % words.len()]);
            }
            texts.push(t.clone());
            texts.push(format!(" {t} "));
            texts.push(t.replace(' ', "\n"));
            texts.push(t.replacen(' ', "\u{b}", 5).replacen(' ', "\r", 9).replacen(' ', "\u{c}", 13));
        }
        for before in ["", "z", "zz zz", "\u{e9}t\u{e9} ", &"w ".repeat(40)] {
            for text in &texts {
                let (mut fast, mut slow) = (TextCollector::new(), TextCollector::new());
                fast.push_node(1, before);
                slow.push_node_chars(1, before);
                fast.push_node(2, text);
                slow.push_node_chars(2, text);
                assert_eq!(fast.char_len(), slow.char_len(), "{before:?} {text:?}");
                assert_eq!(fast.finish(), slow.finish(), "{before:?} {text:?}");
            }
        }
    }

    #[test]
    fn collapses_white_space_across_nodes_and_maps_back() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let t1 = b.text(p, "\n  Le  président ");
        let em = b.element(p, "em", []);
        let t2 = b.text(em, " (car ");
        let t3 = b.text(p, "\u{a0}élu)");
        let s = b.finish().unwrap();
        let c = CollapsedText::of_subtree(&s, p);
        assert_eq!(c.text, "Le président (car élu)");
        // "p" of président: char 3, in t1 after "\n  Le  " (7 UTF-16 units).
        assert_eq!(c.locate_start(&s, 3), Some(DomPoint { node: t1, offset: 7 }));
        // "(" is char 13: in t2 at offset 1.
        assert_eq!(c.locate_start(&s, 13), Some(DomPoint { node: t2, offset: 1 }));
        // The range over "élu)" ends after ")" in t3.
        let r = c.locate_range(&s, 18, 22).unwrap();
        assert_eq!(r.start, DomPoint { node: t3, offset: 1 });
        assert_eq!(r.end, DomPoint { node: t3, offset: 5 });
        assert_eq!(c.locate_start(&s, 99), None);
    }

    #[test]
    fn long_text_nodes_get_checkpoints_that_locate_the_same_points() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let data = "Une phrase  courte, é😀. ".repeat(200);
        let t = b.text(p, &data);
        let s = b.finish().unwrap();
        let c = CollapsedText::of_subtree(&s, p);
        assert!(c.runs.len() > 10, "checkpoints every {RUN_CHECKPOINT} chars");
        // Every char of the collapsed text maps to the UTF-16 offset a plain scan finds.
        let mut expected = Vec::new();
        let mut utf16 = 0u32;
        let mut last_space = false;
        for ch in data.chars() {
            if ch.is_whitespace() {
                if !last_space && !expected.is_empty() {
                    expected.push(utf16);
                }
                last_space = true;
            } else {
                expected.push(utf16);
                last_space = false;
            }
            utf16 += ch.len_utf16() as u32;
        }
        for (k, &want) in expected.iter().enumerate().take(c.char_len() as usize) {
            assert_eq!(c.locate_start(&s, k as u32), Some(DomPoint { node: t, offset: want }), "char {k}");
        }
    }

    /// The byte walk of `locate` finds every char's point and width as the char walk does, on
    /// random paragraphs of words, white space of every kind, soft hyphens, accents and astral
    /// chars, long enough to hold several checkpoints.
    #[test]
    fn byte_walk_locates_like_the_char_walk() {
        let pieces = ["a", "mot", "  ", " ", "\n\t", "\u{a0}", "\u{ad}", "é", "😀", "中", "\u{2009}", ".", "Le président", "x\u{ad}y"];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..300 {
            let mut b = SnapshotBuilder::new();
            let p = b.element(0, "p", []);
            for _ in 0..1 + next(4) {
                let data: String = (0..next(120)).map(|_| pieces[next(pieces.len())]).collect();
                let parent = if next(2) == 0 { p } else { b.element(p, "em", []) };
                b.text(parent, &data);
            }
            let s = b.finish().unwrap();
            let c = CollapsedText::of_subtree(&s, p);
            for offset in 0..c.char_len() + 3 {
                assert_eq!(c.locate(&s, offset), c.locate_by_char(&s, offset), "{offset} in {:?}", c.text);
            }
        }
    }

    #[test]
    fn soft_hyphens_are_left_out_and_skipped_by_the_map() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let t = b.text(p, "Touristen\u{ad}attrak\u{ad}tion \u{ad}am See");
        let s = b.finish().unwrap();
        let c = CollapsedText::of_subtree(&s, p);
        assert_eq!(c.text, "Touristenattraktion am See");
        // "a" of "attraktion" (char 9) is after the first soft hyphen: UTF-16 offset 10.
        assert_eq!(c.locate_start(&s, 9), Some(DomPoint { node: t, offset: 10 }));
        // "t" of "tion" (char 15) follows the second one: offset 17.
        assert_eq!(c.locate_start(&s, 15), Some(DomPoint { node: t, offset: 17 }));
        // "am" (char 20) comes after the space and a third soft hyphen: offset 23.
        assert_eq!(c.locate_start(&s, 20), Some(DomPoint { node: t, offset: 23 }));
    }

    #[test]
    fn counts_utf16_for_astral_chars() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        let t = b.text(p, "a😀 b");
        let s = b.finish().unwrap();
        let c = CollapsedText::of_subtree(&s, p);
        assert_eq!(c.text, "a😀 b");
        assert_eq!(c.locate_start(&s, 3), Some(DomPoint { node: t, offset: 4 }));
        assert_eq!(c.locate_end(&s, 2), Some(DomPoint { node: t, offset: 3 }));
    }
}
