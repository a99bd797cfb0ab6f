//! Per-node figures the scoring and cleaning rules need (text length, link text, commas, counts
//! of paragraphs, images, list items…), each computed for every node in one backward pass over
//! the arena, leaving out removed subtrees.

use crate::snapshot::text::{equal_bits, space_masks, HIGH_BITS};
use crate::snapshot::{NodeId, Snapshot};

/// Elements that make a `<div>` more than a paragraph (Reader View's `DIV_TO_P_ELEMS`).
const DIV_BREAKERS: &[&str] = &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];

/// Inline elements: runs of them (and text) inside a container read as one paragraph.
const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed",
    "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output",
    "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup",
    "textarea", "time", "var", "wbr", "font", "u", "s", "strike", "tt", "big", "nobr", "bdi", "rt", "rp",
];

/// Tags whose text counts as "text-ish" for the text density check.
const TEXTISH: &[&str] = &["span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];

/// A tag list as sorted numbers, for a binary search instead of comparing the tag with every
/// name: a name of up to 8 bytes is its bytes read as a little-endian number; a longer name
/// (never one of the page's inline tags) is looked up in the list itself.
struct TagSet<const N: usize> {
    names: &'static [&'static str],
    words: [u64; N],
}

/// A tag name of up to 8 bytes as a number (`u64::MAX`, which no UTF-8 name gives, for a longer one).
const fn tag_word(tag: &str) -> u64 {
    let bytes = tag.as_bytes();
    if bytes.len() > 8 {
        return u64::MAX;
    }
    let mut word = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        word |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    word
}

impl<const N: usize> TagSet<N> {
    const fn new(names: &'static [&'static str]) -> TagSet<N> {
        assert!(names.len() == N, "N names");
        let mut words = [0u64; N];
        let mut i = 0;
        while i < N {
            // Insertion sort (a `const fn` has no `sort`).
            let word = tag_word(names[i]);
            let mut at = i;
            while at > 0 && words[at - 1] > word {
                words[at] = words[at - 1];
                at -= 1;
            }
            words[at] = word;
            i += 1;
        }
        TagSet { names, words }
    }

    /// Whether the list holds `tag`. (No listed name holds a NUL byte: a tag that ends with one,
    /// whose number would be a shorter name's, is none of them.)
    fn holds(&self, tag: &str) -> bool {
        if tag.len() > 8 {
            return self.names.contains(&tag);
        }
        tag.as_bytes().last() != Some(&0) && self.words.binary_search(&tag_word(tag)).is_ok()
    }
}

static DIV_BREAKER_SET: TagSet<{ DIV_BREAKERS.len() }> = TagSet::new(DIV_BREAKERS);
static PHRASING_SET: TagSet<{ PHRASING.len() }> = TagSet::new(PHRASING);
static TEXTISH_SET: TagSet<{ TEXTISH.len() }> = TagSet::new(TEXTISH);

/// Figures for every node of one pass.
pub struct Facts {
    /// Whether the node and all its ancestors are kept.
    pub alive: Vec<bool>,
    /// Length of the collapsed text of the subtree.
    pub text_len: Vec<u32>,
    /// Length of the subtree's text inside links (`#` links count 0.3).
    pub link_len: Vec<f32>,
    /// Commas in the subtree's text.
    pub commas: Vec<u32>,
    /// Paragraph-like descendants: `<p>`, `<div>`s without block children, text runs in divs.
    pub paras: Vec<u32>,
    /// `<img>` descendants.
    pub imgs: Vec<u32>,
    /// `<li>` descendants.
    pub lis: Vec<u32>,
    /// `<input>` descendants.
    pub inputs: Vec<u32>,
    /// Summed text length of heading descendants.
    pub heading_len: Vec<u32>,
    /// Summed text length of text-ish descendants.
    pub textish_len: Vec<u32>,
    /// Summed text length of list descendants.
    pub list_len: Vec<u32>,
    /// Whether a descendant is a block that keeps a div from being a paragraph.
    pub has_block: Vec<bool>,
    /// Whether a descendant is not inline content.
    pub has_non_phrasing: Vec<bool>,
    /// Whether the node is a `<div>` holding just one `<p>` and no text, with few links.
    pub paragraph_wrapper: Vec<bool>,
}

/// Collapsed length of a text node's data (each white-space run counts as one char) and its
/// commas (any script's), in one pass; eight bytes at a time when the text is ASCII (every text
/// node of the page is read, in every pass).
fn text_figures(text: &str) -> (u32, u32) {
    if !text.is_ascii() {
        return text_figures_utf8(text);
    }
    let (mut len, mut commas, mut in_space) = (0u32, 0u32, false);
    let mut chunks = text.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        let spaces = ascii_space_bits(word);
        // A space right after another (or after the last byte before the word) adds nothing.
        let after_space = (spaces << 8) | (u64::from(in_space) << 7);
        len += 8 - (spaces & after_space).count_ones();
        commas += equal_bits(word, b',').count_ones();
        in_space = spaces >> 63 != 0;
    }
    for &b in chunks.remainder() {
        // `char::is_whitespace` of an ASCII char.
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        if !(space && in_space) {
            len += 1;
        }
        in_space = space;
        commas += u32::from(b == b',');
    }
    (len, commas)
}

/// Whether a char is a comma (of any script).
fn is_comma(c: char) -> bool {
    matches!(c, ',' | '\u{60C}' | '\u{FE50}' | '\u{FE10}' | '\u{FE11}' | '\u{2E41}' | '\u{2E34}' | '\u{2E32}' | '\u{FF0C}')
}

/// [`text_figures`] of a text that is not all ASCII, in one walk of its bytes: only chars whose
/// first byte may start white space (0xC2, 0xE1, 0xE2, 0xE3, see [`solid_chars_up_to`]) or a
/// comma (0xD8, 0xE2, 0xEF) are decoded (two walks of decoded chars were most of the figures'
/// cost on a French page).
fn text_figures_utf8(text: &str) -> (u32, u32) {
    let (mut len, mut commas, mut in_space) = (0u32, 0u32, false);
    for (at, &b) in text.as_bytes().iter().enumerate() {
        let (space, comma) = match b {
            0x80..=0xBF => continue,
            0..=0x7F => (is_ascii_space(b), b == b','),
            0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                let c = text[at..].chars().next().unwrap_or_default();
                (c.is_whitespace(), is_comma(c))
            }
            _ => (false, false),
        };
        if !(space && in_space) {
            len += 1;
        }
        in_space = space;
        commas += u32::from(comma);
    }
    (len, commas)
}

/// `char::is_whitespace` of an ASCII byte.
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether a text is only white space (`t.trim().is_empty()`), its ASCII blanks read byte by
/// byte: the blank text nodes of pretty-printed pages are long runs of indentation.
pub fn is_blank(t: &str) -> bool {
    trim_blank_start(t).is_empty()
}

/// A text without its leading white space (`t.trim_start()`), its ASCII blanks skipped byte by
/// byte, and eight at a time where they are runs of spaces or tabs (indentation).
pub fn trim_blank_start(t: &str) -> &str {
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    const TABS: u64 = u64::from_ne_bytes([b'\t'; 8]);
    let bytes = t.as_bytes();
    let mut at = 0;
    loop {
        if let Some(&chunk) = bytes.get(at..at + 8).and_then(|c| <&[u8; 8]>::try_from(c).ok()) {
            let word = u64::from_ne_bytes(chunk);
            if word == SPACES || word == TABS {
                at += 8;
                continue;
            }
        }
        match bytes.get(at) {
            Some(&b) if is_ascii_space(b) => at += 1,
            _ => break,
        }
    }
    t[at..].trim_start()
}

/// How many chars of a text are not white space (`char::is_whitespace`), counting no further
/// than `limit` (the count, or `limit` when it is larger). Eight ASCII bytes at a time where the
/// text is ASCII; else byte by byte, where only chars whose first byte is 0xC2, 0xE1, 0xE2 or
/// 0xE3 may be non-ASCII white space (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000), and only
/// those are decoded.
pub fn solid_chars_up_to(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut solid = 0;
    let mut at = 0;
    while at < bytes.len() && solid < limit {
        if let Some(&chunk) = bytes.get(at..at + 8).and_then(|c| <&[u8; 8]>::try_from(c).ok()) {
            let word = u64::from_le_bytes(chunk);
            if word & HIGH_BITS == 0 {
                solid += 8 - ascii_spaces(word);
                at += 8;
                continue;
            }
        }
        let b = bytes[at];
        let counts = match b {
            0x80..=0xBF => false,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => !text[at..].chars().next().is_some_and(char::is_whitespace),
            _ => !is_ascii_space(b),
        };
        solid += usize::from(counts);
        at += 1;
    }
    solid.min(limit)
}

/// How many of a word's eight ASCII bytes are white space (space, or `\t` … `\r`): the high bit
/// of a byte is set in `equal` where the byte is a space, in `control` where it is 9 to 13 (each
/// byte is below 0x80, so no addition carries into the next byte).
fn ascii_spaces(word: u64) -> usize {
    ascii_space_bits(word).count_ones() as usize
}

/// The high bit of each byte of a word of eight ASCII bytes that is white space (see
/// [`ascii_spaces`]).
fn ascii_space_bits(word: u64) -> u64 {
    let (spaces, controls) = space_masks(word);
    spaces | controls
}

/// Collapsed length of a text node's data (each white-space run counts as one char), char by
/// char: the tests' reference for [`text_figures`].
#[cfg(test)]
fn collapsed_len(text: &str) -> u32 {
    let mut len = 0;
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                len += 1;
            }
            in_space = true;
        } else {
            len += 1;
            in_space = false;
        }
    }
    len
}

/// Whether a node reads as inline content (text, or an inline element).
pub fn is_phrasing(snapshot: &Snapshot, facts: &Facts, id: NodeId) -> bool {
    match snapshot.tag(id) {
        None => snapshot.text(id).is_some(),
        Some(tag) => PHRASING_SET.holds(tag) || (matches!(tag, "a" | "del" | "ins") && !facts.has_non_phrasing[id as usize]),
    }
}

impl Facts {
    /// Computes every figure; `removed[i]` marks subtree roots left out of this pass.
    pub fn compute(snapshot: &Snapshot, removed: &[bool]) -> Facts {
        let n = snapshot.len();
        let mut alive = vec![true; n];
        let mut link_coef = vec![0f32; n];
        let mut id = 1;
        while id < n {
            if removed[id] {
                // A removed subtree (the comment section…) is dead whole; its link
                // coefficients are never read.
                let end = (snapshot.subtree_end(id as NodeId) as usize).min(n);
                alive[id..end].fill(false);
                id = end;
                continue;
            }
            // Parents come first: a dead one has sent the walk past this node.
            let parent = snapshot.parent(id as NodeId).unwrap_or(0) as usize;
            link_coef[id] = if snapshot.is(id as NodeId, "a") {
                if snapshot.attr(id as NodeId, "href").is_some_and(|h| h.starts_with('#') && h.len() > 1) { 0.3 } else { 1.0 }
            } else {
                link_coef[parent]
            };
            id += 1;
        }
        let mut f = Facts {
            alive,
            text_len: vec![0; n],
            link_len: vec![0.0; n],
            commas: vec![0; n],
            paras: vec![0; n],
            imgs: vec![0; n],
            lis: vec![0; n],
            inputs: vec![0; n],
            heading_len: vec![0; n],
            textish_len: vec![0; n],
            list_len: vec![0; n],
            has_block: vec![false; n],
            has_non_phrasing: vec![false; n],
            paragraph_wrapper: vec![false; n],
        };
        for id in (1..n).rev() {
            if !f.alive[id] {
                continue;
            }
            let node = id as NodeId;
            if let Some(text) = snapshot.text(node) {
                let (len, commas) = text_figures(text);
                f.text_len[id] = len;
                f.link_len[id] = len as f32 * link_coef[id];
                f.commas[id] = commas;
            }
            let tag = snapshot.tag(node);
            // A div without block children reads as one paragraph; one with block children
            // holds a paragraph for each run of text between them.
            if tag == Some("div") {
                if f.has_block[id] {
                    f.paras[id] += f.text_runs(snapshot, node);
                } else {
                    f.paras[id] += 1;
                }
                // Every descendant is counted by now (they come after it in the arena), so is
                // the div's own link density: read here rather than in a walk of its own.
                f.paragraph_wrapper[id] = f.wraps_one_paragraph(snapshot, node);
            }
            let Some(parent) = snapshot.parent(node) else { continue };
            let p = parent as usize;
            f.text_len[p] += f.text_len[id];
            f.link_len[p] += f.link_len[id];
            f.commas[p] += f.commas[id];
            f.paras[p] += f.paras[id] + u32::from(tag == Some("p"));
            f.imgs[p] += f.imgs[id] + u32::from(tag == Some("img"));
            f.lis[p] += f.lis[id] + u32::from(tag == Some("li"));
            f.inputs[p] += f.inputs[id] + u32::from(tag == Some("input"));
            let is_heading = matches!(tag, Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
            f.heading_len[p] += f.heading_len[id] + if is_heading { f.text_len[id] } else { 0 };
            let textish = tag.is_some_and(|t| TEXTISH_SET.holds(t)) || (tag.is_none() && snapshot.is(parent, "div"));
            f.textish_len[p] += f.textish_len[id] + if textish { f.text_len[id] } else { 0 };
            f.list_len[p] += f.list_len[id] + if matches!(tag, Some("ul" | "ol")) { f.text_len[id] } else { 0 };
            if f.has_block[id] || tag.is_some_and(|t| DIV_BREAKER_SET.holds(t)) {
                f.has_block[p] = true;
            }
            let non_phrasing = match tag {
                Some(t) => !(PHRASING_SET.holds(t) || matches!(t, "a" | "del" | "ins")) || f.has_non_phrasing[id],
                None => false,
            };
            if non_phrasing {
                f.has_non_phrasing[p] = true;
            }
        }
        f
    }

    /// Runs of inline content with some text among a node's children.
    fn text_runs(&self, snapshot: &Snapshot, id: NodeId) -> u32 {
        let (mut runs, mut in_run) = (0, false);
        for child in snapshot.children(id) {
            if !self.alive[child as usize] {
                continue;
            }
            if is_phrasing(snapshot, self, child) {
                if !in_run && self.text_len[child as usize] > 0 && !snapshot.text(child).is_some_and(is_blank) {
                    runs += 1;
                    in_run = true;
                }
            } else {
                in_run = false;
            }
        }
        runs
    }

    fn wraps_one_paragraph(&self, snapshot: &Snapshot, id: NodeId) -> bool {
        let mut only_p = None;
        for child in snapshot.children(id) {
            if !self.alive[child as usize] {
                continue;
            }
            match (snapshot.tag(child), snapshot.text(child)) {
                (Some("p"), _) if only_p.is_none() => only_p = Some(child),
                (Some(_), _) => return false,
                (None, Some(t)) if !is_blank(t) => return false,
                _ => {}
            }
        }
        only_p.is_some() && self.link_density(id) < 0.25
    }

    /// Share of the text inside links, in [0, 1].
    pub fn link_density(&self, id: NodeId) -> f64 {
        let len = self.text_len[id as usize];
        if len == 0 {
            0.0
        } else {
            (self.link_len[id as usize] as f64 / len as f64).min(1.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_html::parse_html;

    #[test]
    fn ascii_words_count_their_spaces() {
        // Every ASCII byte at every place of a word, among spaces, letters, tabs and NULs.
        for b in 0..0x80u8 {
            for place in 0..8 {
                for fill in [b' ', b'x', b'\t', 0] {
                    let mut bytes = [fill; 8];
                    bytes[place] = b;
                    let expected = bytes.iter().filter(|&&c| is_ascii_space(c)).count();
                    assert_eq!(ascii_spaces(u64::from_le_bytes(bytes)), expected, "{bytes:?}");
                }
            }
        }
        let text = "  Une phrase,\tavec\u{a0}des espaces\u{2009}fines… et d'autres\n\x0b\x0cmots  ";
        for start in 0..text.len() {
            let Some(t) = text.get(start..) else { continue };
            for limit in [1, 3, 8, 9, 17, usize::MAX] {
                assert_eq!(solid_chars_up_to(t, limit), t.chars().filter(|c| !c.is_whitespace()).count().min(limit), "{t:?}");
            }
        }
    }

    /// The word-at-a-time figures against a plain count, for texts with runs of every kind of
    /// white space and commas at every place around the eight-byte words.
    #[test]
    fn text_figures_count_like_a_plain_walk() {
        let plain = |t: &str| (collapsed_len(t), t.matches(',').count() as u32);
        let pieces = ["a", " ", "  ", "\t", "\n\n", "\u{b}\u{c}\r", ",", ", ", "word", "x,y", "\u{0}", "\u{7f}"];
        let mut texts: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for shift in 0..9 {
                    texts.push(format!("{}{a}{b}{a}{}{b}", "q".repeat(shift), " ".repeat(shift)));
                }
            }
        }
        texts.push("Une phrase, deux, trois\u{a0}mots\u{3001}".to_owned());
        for t in &texts {
            assert_eq!(text_figures(t), plain(t), "{t:?}");
        }
    }

    /// The byte walk of non-ASCII texts counts like two walks of their chars: every white space
    /// and comma char among accents, CJK, Arabic and astral chars, in random texts.
    #[test]
    fn utf8_figures_count_like_a_walk_of_chars() {
        let plain = |t: &str| (collapsed_len(t), t.chars().filter(|&c| is_comma(c)).count() as u32);
        let mut alphabet: Vec<char> = vec!['a', ' ', '\t', ',', 'é', '中', '😀', '\u{a0}', '\u{85}', '\u{1680}', '\u{2000}', '\u{200a}', '\u{200b}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}', '\u{3001}', 'ء', '\u{ff0d}', '\u{fe51}', '\u{2e33}', '\u{e1}', '\u{e3}'];
        alphabet.extend(['\u{60C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}', '\u{FF0C}']);
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let len = (state % 16) as usize;
            let text: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            if !text.is_ascii() {
                assert_eq!(text_figures(&text), plain(&text), "{text:?}");
            }
        }
        for c in (0x80..0x11_0000u32).filter_map(char::from_u32) {
            let text = format!("a {c}{c} ,{c}");
            assert_eq!(text_figures(&text), plain(&text), "{c:?}");
        }
    }

    /// The paragraph wrappers marked in the backward pass are those a walk after it finds (as
    /// first written), on the sample pages with and without a removed part.
    #[test]
    fn paragraph_wrappers_match_a_walk_after_the_figures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pages");
        let mut wrappers = 0;
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) else { continue };
            let s = parse_html(&html);
            let mut removed = vec![false; s.len()];
            for pass in 0..2 {
                let f = Facts::compute(&s, &removed);
                for id in 1..s.len() as NodeId {
                    let expected = f.alive[id as usize] && s.is(id, "div") && f.wraps_one_paragraph(&s, id);
                    assert_eq!(f.paragraph_wrapper[id as usize], expected, "node {id}");
                    wrappers += usize::from(expected);
                }
                if pass == 0 {
                    // Then without the first third of the divs.
                    for id in (1..s.len() as NodeId).filter(|&i| s.is(i, "div")).step_by(3) {
                        removed[id as usize] = true;
                    }
                }
            }
        }
        assert!(wrappers > 10, "{wrappers}");
    }

    #[test]
    fn tag_sets_hold_what_the_lists_hold() {
        let mut tags: Vec<String> = [DIV_BREAKERS, PHRASING, TEXTISH].concat().iter().map(|t| (*t).to_owned()).collect();
        tags.extend(["", "a", "x", "bb", "blockquotes", "figcaption", "textarea2", "ab\u{e9}", "h1", "spam", "spa", "spann", "b\0", "sp\0an", "\0"].map(str::to_owned));
        let more: Vec<String> = tags.iter().flat_map(|t| [format!("{t}x"), t.chars().skip(1).collect(), t.to_uppercase()]).collect();
        tags.extend(more);
        for tag in &tags {
            assert_eq!(DIV_BREAKER_SET.holds(tag), DIV_BREAKERS.contains(&tag.as_str()), "{tag:?}");
            assert_eq!(PHRASING_SET.holds(tag), PHRASING.contains(&tag.as_str()), "{tag:?}");
            assert_eq!(TEXTISH_SET.holds(tag), TEXTISH.contains(&tag.as_str()), "{tag:?}");
        }
    }

    #[test]
    fn figures_add_up_and_skip_removed_subtrees() {
        let s = parse_html("<body><div><p>Un, deux, <a href=/x>trois</a></p><div class=ad>pub, pub</div></div></body>");
        let div = (0..s.len() as NodeId).find(|&i| s.is(i, "div")).unwrap();
        let ad = (0..s.len() as NodeId).rev().find(|&i| s.is(i, "div")).unwrap();
        let mut removed = vec![false; s.len()];
        let all = Facts::compute(&s, &removed);
        assert_eq!(all.commas[div as usize], 3);
        assert_eq!(all.paras[div as usize], 2);
        removed[ad as usize] = true;
        let f = Facts::compute(&s, &removed);
        assert_eq!(f.text_len[div as usize], "Un, deux, trois".len() as u32);
        assert_eq!(f.commas[div as usize], 2);
        assert!((f.link_density(div) - 5.0 / 15.0).abs() < 1e-6);
        assert!(f.has_block[div as usize]);
    }
}
