//! Visible text with white space collapsed, exactly as [`TextCollector`] builds it but without
//! its source map: comment texts and names never map back into the page, so they skip the
//! per-char bookkeeping (copying whole words instead).
//!
//! [`TextCollector`]: crate::snapshot::text::TextCollector

use crate::snapshot::text::{is_collapsible_space, is_invisible};
use crate::snapshot::{NodeId, Snapshot};

/// Accumulates text nodes (and breaks) into one string, white space collapsed and trimmed.
#[derive(Default)]
pub struct PlainText {
    out: String,
    pending_space: bool,
}

impl PlainText {
    /// An empty text.
    pub fn new() -> PlainText {
        PlainText::default()
    }

    /// Appends a text node's data.
    pub fn push_node(&mut self, text: &str) {
        // Room for all of it at once (it grows by at most its length and a space), not word
        // after word: a comment's text is one long node or a few.
        self.out.reserve(text.len() + 1);
        if text.is_ascii() {
            let bytes = text.as_bytes();
            let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
            // Most texts are words split by single spaces, with no space at either end: nothing
            // to collapse, the whole text is one run (two tight scans instead of a word at a time).
            if bytes.first().is_some_and(|b| !space(b)) && bytes.last().is_some_and(|b| !space(b)) && single_spaced(bytes) {
                self.push_run(text);
                return;
            }
            // Byte by byte: in ASCII text every byte is a char boundary.
            let mut start = 0;
            for (at, &b) in text.as_bytes().iter().enumerate() {
                if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                    self.push_run(&text[start..at]);
                    self.push_space();
                    start = at + 1;
                }
            }
            self.push_run(&text[start..]);
            return;
        }
        // Byte by byte too, decoding only the chars that may be white space or invisible: outside
        // ASCII those all start with one of four bytes (`special_chars_start_with_four_bytes`),
        // which never continue a char. Soft hyphens are left out, as the collector does: the
        // text on either side of one is pushed as one word.
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            let len = if b < 0x80 {
                // A lone space inside a run of words stays in the run, which is copied whole: it
                // is what collapsing it would write (the byte after it is no white space and
                // starts no char that may be white space or invisible).
                let lone_space = b == b' '
                    && at > start
                    && bytes.get(at + 1).is_some_and(|&next| !matches!(next, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3));
                if lone_space || !matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                    at += 1;
                    continue;
                }
                self.push_run(&text[start..at]);
                self.push_space();
                1
            } else if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                let c = text[at..].chars().next().unwrap_or(' ');
                let space = is_collapsible_space(c);
                if !space && !is_invisible(c) {
                    at += c.len_utf8();
                    continue;
                }
                self.push_run(&text[start..at]);
                if space {
                    self.push_space();
                }
                c.len_utf8()
            } else {
                at += 1;
                continue;
            };
            at += len;
            start = at;
        }
        self.push_run(&text[start..]);
    }

    /// Appends a run of chars that holds neither white space nor an invisible char (nothing when
    /// empty): every piece of an ASCII text between white space, or of another text between
    /// white space and invisible chars.
    fn push_run(&mut self, word: &str) {
        if !word.is_empty() {
            if self.pending_space {
                self.out.push(' ');
                self.pending_space = false;
            }
            self.out.push_str(word);
        }
    }

    /// Appends all text nodes of the subtree of `root` (or `root` itself if it is text), a
    /// space at each `<br>`.
    pub fn push_subtree(&mut self, snapshot: &Snapshot, root: NodeId) {
        if let Some(t) = snapshot.text(root) {
            self.push_node(t);
        }
        for id in snapshot.descendants(root) {
            if let Some(t) = snapshot.text(id) {
                self.push_node(t);
            } else if snapshot.is(id, "br") {
                self.push_space();
            }
        }
    }

    /// Separates what comes next from what came before by one space, unless at the very start.
    pub fn push_space(&mut self) {
        if !self.out.is_empty() {
            self.pending_space = true;
        }
    }

    /// The text.
    pub fn finish(self) -> String {
        self.out
    }

    /// The collapsed text of one subtree.
    pub fn of_subtree(snapshot: &Snapshot, root: NodeId) -> String {
        let mut text = PlainText::new();
        text.push_subtree(snapshot, root);
        text.finish()
    }

    /// The start of [`of_subtree`](Self::of_subtree): at least its first `limit` bytes (all of
    /// it when shorter), for questions about how a text opens, without copying all of a long one.
    pub fn start_of_subtree(snapshot: &Snapshot, root: NodeId, limit: usize) -> String {
        let mut text = PlainText::new();
        for id in root..snapshot.subtree_end(root) {
            if let Some(mut t) = snapshot.text(id) {
                // Pushed piece by piece, cut at char boundaries: the text only ever grows at its
                // end, and pushing a text in two pieces pushes what pushing it whole does.
                while !t.is_empty() && text.out.len() < limit {
                    let mut cut = (limit - text.out.len()).min(t.len());
                    while !t.is_char_boundary(cut) {
                        cut += 1;
                    }
                    text.push_node(&t[..cut]);
                    t = &t[cut..];
                }
                if text.out.len() >= limit {
                    break;
                }
            } else if id != root && snapshot.is(id, "br") {
                text.push_space();
            }
        }
        text.finish()
    }
}

/// Whether ASCII text has no white space but single spaces (no tab, line break, vertical tab,
/// form feed, carriage return, nor two spaces in a row): one pass over the bytes, eight at a
/// time (every comment's text goes through here).
pub fn single_spaced(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (words, rest) = bytes.as_chunks::<8>();
    let mut after_space = false;
    for &word in words {
        let word = u64::from_le_bytes(word);
        // The high bit of each byte that is a space, and of each byte from 9 to 13 (every byte is
        // below 0x80: no addition carries into the next byte).
        let diff = word ^ (b' ' as u64 * ONES);
        let spaces = !(((diff & !HIGH) + !HIGH) | diff) & HIGH;
        let control = (word + (0x80 - 9) * ONES) & !(word + (0x80 - 14) * ONES) & HIGH;
        // A space after a space: inside the word (bytes are little-endian), or at its start after
        // the previous word's last byte.
        let doubled = (spaces & (spaces << 8)) | (spaces & u64::from(after_space) << 7);
        if control | doubled != 0 {
            return false;
        }
        after_space = spaces >> 63 != 0;
    }
    for &b in rest {
        if matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') || (b == b' ' && after_space) {
            return false;
        }
        after_space = b == b' ';
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::text::CollapsedText;
    use crate::snapshot::SnapshotBuilder;

    #[test]
    fn single_spaced_is_the_two_scans() {
        let two_scans = |b: &[u8]| !b.iter().any(|&b| matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')) && !b.windows(2).any(|w| w == b"  ");
        let alphabet = [b'a', b' ', b'\t', b'\n', b'\x0b', b'\x0c', b'\r', b'.'];
        // Every text of up to five bytes of the alphabet.
        for len in 0..=5u32 {
            for code in 0..alphabet.len().pow(len) {
                let text: Vec<u8> = (0..len).map(|k| alphabet[code / alphabet.len().pow(k) % alphabet.len()]).collect();
                assert_eq!(single_spaced(&text), two_scans(&text), "{text:?}");
            }
        }
        // Longer texts, so that words of eight bytes and their seams are tried: each alphabet
        // byte at every position of a 19-byte text of letters, alone and after a space.
        for len in 0..=19 {
            for at in 0..len {
                for &b in &alphabet {
                    for space_before in [false, true] {
                        let mut text = vec![b'a'; len];
                        text[at] = b;
                        if space_before && at > 0 {
                            text[at - 1] = b' ';
                        }
                        assert_eq!(single_spaced(&text), two_scans(&text), "{text:?}");
                    }
                }
            }
        }
        // Every ASCII byte alone in a word, and a byte of every value next to the seam.
        for b in 0..0x80u8 {
            for at in [0, 3, 7, 8, 9, 15] {
                let mut text = vec![b'x'; 17];
                text[at] = b;
                assert_eq!(single_spaced(&text), two_scans(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn same_text_as_the_collector() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, "\n  Le  président\u{a0}");
        let em = b.element(p, "em", []);
        b.text(em, " (car ");
        b.element(p, "br", []);
        b.text(p, "\u{2003}élu)\t\r\n ");
        b.text(p, "   ");
        b.text(p, "fin");
        let s = b.finish().unwrap();
        let expected = CollapsedText::of_subtree(&s, p).text;
        assert_eq!(PlainText::of_subtree(&s, p), expected);
        assert_eq!(expected, "Le président (car élu) fin");
        assert_eq!(PlainText::of_subtree(&s, em), "(car");
    }

    #[test]
    fn single_spaced_words_are_copied_whole_and_still_collapsed_like_the_collector() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, "One two three.");
        b.text(p, "Four");
        let em = b.element(p, "em", []);
        b.text(em, "five six");
        b.text(p, " seven  eight ");
        let s = b.finish().unwrap();
        assert_eq!(PlainText::of_subtree(&s, p), CollapsedText::of_subtree(&s, p).text);
        assert_eq!(PlainText::of_subtree(&s, p), "One two three.Fourfive six seven eight");
    }

    #[test]
    fn start_of_a_subtree_is_the_start_of_its_text() {
        let pieces = ["", " ", "\u{ad}", "Anna", " vor  2\tStunden ", "é", "« Réponse à »\u{a0}", "日本語のテキスト", "x\u{ad}y", "\n\n"];
        let mut b = SnapshotBuilder::new();
        let mut roots = Vec::new();
        for (k, first) in pieces.iter().enumerate() {
            for second in pieces {
                let div = b.element(0, "div", []);
                b.text(div, &first.repeat(k % 4 + 1));
                b.element(div, "br", []);
                let em = b.element(div, "em", []);
                b.text(em, &second.repeat(7));
                b.text(div, first);
                roots.extend([div, em]);
            }
        }
        let s = b.finish().unwrap();
        for root in roots {
            let full = PlainText::of_subtree(&s, root);
            for limit in [0, 1, 2, 3, 5, 8, 13, 40, 164, 1000] {
                let start = PlainText::start_of_subtree(&s, root, limit);
                assert!(full.starts_with(&start) && start.len() >= limit.min(full.len()), "{root} {limit}: {start:?} of {full:?}");
            }
        }
    }

    #[test]
    fn special_chars_start_with_four_bytes() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| is_collapsible_space(c) || is_invisible(c)) {
            let mut utf8 = [0u8; 4];
            assert!(matches!(c.encode_utf8(&mut utf8).as_bytes()[0], 0xC2 | 0xE1 | 0xE2 | 0xE3), "{c:?}");
        }
    }

    #[test]
    fn texts_outside_ascii_are_collapsed_as_the_collector_does() {
        let mut specials: Vec<char> = (0..=0x3000u32).filter_map(char::from_u32).filter(|&c| is_collapsible_space(c) || is_invisible(c)).collect();
        // Chars that share those chars' first bytes, and others.
        specials.extend(['\u{a9}', '«', '\u{1681}', '’', '…', '\u{3001}', '日', 'é', 'a', ' ', '\u{10348}']);
        let mut b = SnapshotBuilder::new();
        let mut roots = Vec::new();
        for (k, &c) in specials.iter().enumerate() {
            let d = specials[(k * 7 + 3) % specials.len()];
            for text in [format!("{c}"), format!("é{c}x"), format!("{c}{c}Réponse{d}à{c}"), format!("  ab{c}{d} {d}cd\u{ad}{c}"), format!("x{d}\u{ad}{c}\u{ad}y"), format!("a {c} b {d}c d{c} e \u{ad} f\u{ad} g {c}"), format!(" é {c}{d} x  y {c} ")] {
                let p = b.element(0, "p", []);
                b.text(p, "Anna");
                b.text(p, &text);
                b.text(p, &format!("{d}z"));
                roots.push(p);
            }
        }
        let s = b.finish().unwrap();
        for p in roots {
            assert_eq!(PlainText::of_subtree(&s, p), CollapsedText::of_subtree(&s, p).text, "{p}");
        }
    }

    #[test]
    fn soft_hyphens_are_left_out_as_the_collector_does() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, "Touristen\u{ad}attraktion \u{ad} am\u{ad}");
        b.text(p, "\u{ad}");
        b.text(p, " See");
        let s = b.finish().unwrap();
        assert_eq!(PlainText::of_subtree(&s, p), CollapsedText::of_subtree(&s, p).text);
        assert_eq!(PlainText::of_subtree(&s, p), "Touristenattraktion am See");
    }

    #[test]
    fn ascii_white_space_is_what_the_collector_collapses() {
        let mut b = SnapshotBuilder::new();
        let p = b.element(0, "p", []);
        b.text(p, " \t\x0b\x0cOne\r\n two  ");
        b.text(p, "\x0bthree\x1ffour ");
        let s = b.finish().unwrap();
        assert_eq!(PlainText::of_subtree(&s, p), CollapsedText::of_subtree(&s, p).text);
        assert_eq!(PlainText::of_subtree(&s, p), "One two three\x1ffour");
    }
}
