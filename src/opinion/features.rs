//! Features of one sentence for the editorial model: cue counts and sentence shape (dense,
//! language-independent) plus hashed word and char n-grams of the writer's own words.

use super::attribution::{self, Attribution, FrameKind};
use super::cues::{self, CueHit, CueKind};
use super::lexicons::{self, Match};
use super::tokens::{tokenize_reusing, Token};

/// Number of dense features.
pub const DENSE: usize = 24;

#[cfg(any(test, feature = "internals"))]
/// Names of the dense features, for `MODEL.md` and the training report.
pub const DENSE_NAMES: [&str; DENSE] = [
    "bias",
    "evaluative",
    "loaded",
    "intensifier",
    "hedge",
    "speculation",
    "sarcasm",
    "motive_aside",
    "first_person",
    "exhortation",
    "exclamation",
    "rhetorical_question",
    "reporting_frame",
    "reported_share",
    "short_quote",
    "plain_aside",
    "numbers",
    "names_share",
    "log_length",
    "very_short",
    "colon",
    "ellipsis",
    "cue_count",
    "reported_speech",
];

const CUE_BASE: usize = 1;

/// Index of the cue-count feature (its contribution is shared among the cues in explanations).
pub const CUE_COUNT: usize = 22;

/// Bits of the hashed feature space (2^17 buckets).
pub const HASH_BITS: u32 = 17;

/// Everything the model and the explanations need about one sentence.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The sentence's tokens.
    pub tokens: Vec<Token>,
    /// Quotations, reporting frames and source.
    pub attribution: Attribution,
    /// Editorial cues in the writer's own words.
    pub cues: Vec<CueHit>,
    /// Dense feature values.
    pub dense: [f32; DENSE],
    /// Hashed features: (bucket, value), L2-normalised.
    pub hashed: Vec<(u32, f32)>,
}

#[cfg(any(test, feature = "internals"))]
/// Analyses one sentence in a language (primary subtag: `en`, `fr`…).
pub fn analyse(sentence: &str, lang: &str) -> Analysis {
    analyse_reusing(sentence, lang, &mut Vec::new())
}

#[cfg(any(test, feature = "internals"))]
/// [`analyse`], taking token strings from `spare` (see [`super::tokens::recycle`]).
pub fn analyse_reusing(sentence: &str, lang: &str, spare: &mut Vec<String>) -> Analysis {
    analyse_placed(sentence, lang, spare, false)
}

/// [`analyse_reusing`] for a sentence that may sit in a block quotation or an embedded post
/// (`in_quote`): then all its words are reported (see [`attribution::analyse_placed`]).
pub fn analyse_placed(sentence: &str, lang: &str, spare: &mut Vec<String>, in_quote: bool) -> Analysis {
    let lexicon = lexicons::for_language(lang);
    let mut tokens = tokenize_reusing(sentence, spare);
    let matches: Vec<Match> = lexicon.matches(&tokens);
    mark_weak_words(&mut tokens, &matches);
    let attribution = attribution::analyse_placed(&tokens, &matches, lexicon, in_quote);
    let cues = cues::find(&tokens, &matches, &attribution);
    let dense = dense_features(&tokens, &attribution, &cues);
    let hashed = hashed_features(&tokens, &attribution);
    Analysis { tokens, attribution, cues, dense, hashed }
}

/// Marks the tokens of weak lexicon matches ([`cues::is_weak_entry`]): the n-grams skip them.
fn mark_weak_words(tokens: &mut [Token], matches: &[Match]) {
    for m in matches.iter().filter(|m| cues::is_weak_entry(m.entries)) {
        for t in tokens.iter_mut().skip(m.start).take(m.len) {
            t.weak = true;
        }
    }
}

fn dense_features(tokens: &[Token], attribution: &Attribution, cues: &[CueHit]) -> [f32; DENSE] {
    let mut d = [0f32; DENSE];
    d[0] = 1.0;
    for cue in cues {
        if let Some(k) = cue.kind.dense_index() {
            d[CUE_BASE + k] += cue.strength;
        }
    }
    for v in &mut d[CUE_BASE..CUE_BASE + CueKind::ALL.len()] {
        *v = v.min(3.0).sqrt();
    }
    // A slice: indexing the Vec is a call at opt-level "z".
    let reported_at: &[bool] = &attribution.reported;
    // One pass over the words for all counts (was a Vec of word indices, then three passes).
    let (mut n_words, mut reported, mut numbers, mut names) = (0usize, 0usize, 0usize, 0usize);
    for (i, t) in tokens.iter().enumerate().filter(|(_, t)| t.is_word()) {
        n_words += 1;
        if reported_at[i] {
            reported += 1;
        } else {
            numbers += usize::from(t.numeric);
            names += usize::from(i > 0 && t.capitalized);
        }
    }
    let n_words = n_words.max(1) as f32;
    let reported = reported as f32;
    let own_words = (n_words - reported).max(0.0);
    d[12] = if attribution.is_attributed() { 1.0 } else { 0.0 };
    d[13] = reported / n_words;
    d[14] = if attribution.quotes.iter().any(|q| q.len() <= 5) { 1.0 } else { 0.0 };
    let motive = cues.iter().filter(|c| c.kind == CueKind::MotiveAside).count();
    d[15] = if attribution.asides.len() > motive { 1.0 } else { 0.0 };
    let numbers = numbers as f32;
    d[16] = (1.0 + numbers).ln();
    let names = names as f32;
    d[17] = names / own_words.max(1.0);
    d[18] = (1.0 + own_words).ln() / 4.0;
    d[19] = if own_words < 6.0 { 1.0 } else { 0.0 };
    // Colons, ellipses and dots are punctuation tokens: words need no string tests.
    d[20] = if tokens.iter().enumerate().any(|(i, t)| !t.is_word() && t.norm == ":" && !reported_at[i]) { 1.0 } else { 0.0 };
    d[21] = if tokens.iter().any(|t| !t.is_word() && t.norm == "…") || tokens.windows(3).any(|w| w.iter().all(|t| !t.is_word() && t.norm == ".")) { 1.0 } else { 0.0 };
    d[CUE_COUNT] = (cues.len() as f32).min(6.0).sqrt();
    d[23] = if attribution.frames.iter().any(|f| f.kind == FrameKind::ReportedSpeech) { 1.0 } else { 0.0 };
    d
}

/// One step of the multiply-rotate hash.
#[inline(always)]
fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Mixes one part: its bytes 8 at a time (little endian, the last word zero-padded), then its
/// length. A plain byte loop: at `opt-level = "z"` slice chunking and copies are not inlined.
#[inline(always)]
fn mix_part(mut h: u64, p: &str) -> u64 {
    let bytes = p.as_bytes();
    let mut word = 0u64;
    let mut shift = 0u32;
    for &b in bytes {
        word |= (b as u64) << shift;
        shift += 8;
        if shift == 64 {
            h = mix(h, word);
            word = 0;
            shift = 0;
        }
    }
    if shift != 0 {
        h = mix(h, word);
    }
    mix(h, 0x1f + bytes.len() as u64)
}

/// The start state of a hash of tagged parts.
#[inline(always)]
fn seed(tag: u8) -> u64 {
    (tag as u64 + 1).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Folds a hash state into the hash space.
#[inline(always)]
fn fold(mut h: u64) -> u32 {
    h ^= h >> 31;
    h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 40) as u32 & ((1 << HASH_BITS) - 1)
}

/// A fast multiply-rotate hash (8 bytes at a time) over tagged parts, folded into the hash space.
fn bucket(tag: u8, parts: &[&str]) -> u32 {
    fold(parts.iter().fold(seed(tag), |h, p| mix_part(h, p)))
}

/// The hashed unigram bucket of a normalised word (for explanations).
pub fn word_bucket(norm: &str) -> u32 {
    bucket(b'u', &[norm])
}

/// What a token looks like to the n-gram features: reported runs, names and numbers collapse.
fn shape(t: &Token, i: usize, reported: bool) -> &str {
    if reported {
        "<q>"
    } else if t.numeric {
        "<num>"
    } else if t.capitalized && i > 0 {
        "<name>"
    } else {
        t.norm.as_str()
    }
}

/// Which hashed n-grams a sentence yields (the shipped model uses [`NgramOptions::SHIPPED`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NgramOptions {
    /// Char n-gram length over `^word$` (0 = none).
    pub char_n: usize,
    /// Value of one char n-gram relative to a word n-gram (before normalisation).
    pub char_weight: f32,
    /// Shortest word that yields char n-grams.
    pub char_min_len: usize,
    /// Word bigrams.
    pub bigrams: bool,
    /// Word trigrams.
    pub trigrams: bool,
}

impl NgramOptions {
    /// The n-grams the shipped model was trained on.
    pub const SHIPPED: NgramOptions = NgramOptions { char_n: 4, char_weight: 0.5, char_min_len: 4, bigrams: true, trigrams: false };
}

/// Char n-grams of `^word$`, hashed straight from the bytes.
fn char_grams(word: &str, n: usize, weight: f32, out: &mut Vec<(u32, f32)>) {
    if word.len() <= 16 && word.is_ascii() {
        char_grams_ascii(word, n, weight, out);
    } else {
        char_grams_general(word, n, weight, out);
    }
}

/// [`char_grams`] of an ASCII word of at most 16 bytes: chars are bytes, so the grams' bounds
/// are plain arithmetic (no bounds table), and the tail (`$` or nothing) is mixed as constants.
/// The same buckets as [`char_grams_general`].
fn char_grams_ascii(word: &str, n: usize, weight: f32, out: &mut Vec<(u32, f32)>) {
    let bytes = word.as_bytes();
    let len = bytes.len() as isize;
    // Little endian: byte k at bits 8k (a byte store each, not a 128-bit shift and or).
    let mut le = [0u8; 16];
    le[..bytes.len()].copy_from_slice(bytes);
    let packed = u128::from_le_bytes(le);
    let seed_c = seed(b'c');
    let (after_caret, after_empty) = (mix_part(seed_c, "^"), mix_part(seed_c, ""));
    let n = n as isize;
    for first in -1..(len + 2 - n) {
        let last = first + n - 1; // inclusive, may be `len` meaning $
        let from = first.max(0) as usize;
        let to = (last + 1).min(len) as usize;
        let gram = to - from;
        let at_end = last >= len;
        let bucket = if gram <= 8 {
            let mut h = if first < 0 { after_caret } else { after_empty };
            if gram > 0 {
                let bits = (packed >> (8 * from)) as u64;
                h = mix(h, if gram == 8 { bits } else { bits & ((1u64 << (8 * gram)) - 1) });
            }
            h = mix(h, 0x1f + gram as u64);
            // `mix_part(h, "$")` and `mix_part(h, "")`.
            fold(if at_end { mix(mix(h, b'$' as u64), 0x1f + 1) } else { mix(h, 0x1f) })
        } else {
            bucket(b'c', &[if first < 0 { "^" } else { "" }, &word[from..to], if at_end { "$" } else { "" }])
        };
        out.push((bucket, weight));
    }
}

/// [`char_grams`] of any word (the bounds of its chars in a table).
fn char_grams_general(word: &str, n: usize, weight: f32, out: &mut Vec<(u32, f32)>) {
    let mut bounds = [0usize; 20];
    let mut count = 0;
    if word.is_ascii() {
        // Char boundaries are the byte offsets 0..=len.
        if word.len() + 1 > bounds.len() {
            return;
        }
        for (k, b) in bounds[..=word.len()].iter_mut().enumerate() {
            *b = k;
        }
        count = word.len() + 1;
    } else {
        for (i, _) in word.char_indices().chain(std::iter::once((word.len(), ' '))) {
            if count == bounds.len() {
                return; // long words are rare and say little through their char n-grams
            }
            bounds[count] = i;
            count += 1;
        }
    }
    // The word's bytes as one little-endian number (words up to 16 bytes), so that each gram's
    // middle loads with a shift: the same hash as `bucket(b'c', &[head, middle, tail])`.
    let packed = (word.len() <= 16).then(|| word.bytes().rev().fold(0u128, |acc, b| acc << 8 | b as u128));
    let seed_c = seed(b'c');
    let (after_caret, after_empty) = (mix_part(seed_c, "^"), mix_part(seed_c, ""));
    // Positions -1 (^) … count-1 ($) in chars; a gram spans n of them.
    let chars = count as isize - 1;
    let n = n as isize;
    for first in -1..(chars + 2 - n) {
        let last = first + n - 1; // inclusive, may be `chars` meaning $
        let from = bounds[first.max(0) as usize];
        let to = bounds[(last + 1).min(chars) as usize];
        let head = if first < 0 { "^" } else { "" };
        let tail = if last >= chars { "$" } else { "" };
        let len = to - from;
        let bucket = match packed {
            Some(packed) if len <= 8 => {
                let mut h = if first < 0 { after_caret } else { after_empty };
                if len > 0 {
                    let bits = (packed >> (8 * from)) as u64;
                    h = mix(h, if len == 8 { bits } else { bits & ((1u64 << (8 * len)) - 1) });
                }
                h = mix(h, 0x1f + len as u64);
                fold(mix_part(h, tail))
            }
            _ => bucket(b'c', &[head, &word[from..to], tail]),
        };
        out.push((bucket, weight));
    }
}

/// A token's text as little-endian 8-byte words, packed once and mixed into several n-grams
/// (the same hash as [`mix_part`]).
#[derive(Clone, Copy)]
struct Packed<'a> {
    text: &'a str,
    words: [u64; 4],
}

impl<'a> Packed<'a> {
    fn new(text: &'a str) -> Packed<'a> {
        let mut words = [0u64; 4];
        if text.len() <= 32 {
            // The bytes copied into a zeroed block, then read as four little-endian words.
            let mut le = [0u8; 32];
            le[..text.len()].copy_from_slice(text.as_bytes());
            for (w, chunk) in words.iter_mut().zip(le.chunks_exact(8)) {
                *w = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
            }
        }
        Packed { text, words }
    }

    #[inline(always)]
    fn mix_into(&self, mut h: u64) -> u64 {
        let len = self.text.len();
        if len > 32 {
            return mix_part(h, self.text);
        }
        for &w in &self.words[..len.div_ceil(8)] {
            h = mix(h, w);
        }
        mix(h, 0x1f + len as u64)
    }
}

fn hashed_features(tokens: &[Token], attribution: &Attribution) -> Vec<(u32, f32)> {
    hashed_with(tokens, attribution, NgramOptions::SHIPPED)
}

/// Hashed n-grams of the writer's own words under `options`, L2-normalised (for training).
pub fn hashed_with(tokens: &[Token], attribution: &Attribution, options: NgramOptions) -> Vec<(u32, f32)> {
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(tokens.len() * 6);
    let (mut prev2, mut prev) = ("<s>", "<s>");
    let (seed_u, seed_b) = (seed(b'u'), seed(b'b'));
    let mut prev_packed = Packed::new(prev);
    let mut prev_reported = false;
    let reported_at: &[bool] = &attribution.reported;
    for (i, t) in tokens.iter().enumerate() {
        let reported = reported_at[i];
        // Weak words reach the model through the cue features only, which need company:
        // alone they must not tip a fact ("fares would rise", "once again, the river…").
        if (reported && prev_reported) || (t.weak && !reported) {
            continue;
        }
        let s = shape(t, i, reported);
        let packed = Packed::new(s);
        out.push((fold(packed.mix_into(seed_u)), 1.0));
        if options.bigrams {
            out.push((fold(packed.mix_into(prev_packed.mix_into(seed_b))), 1.0));
        }
        if options.trigrams {
            out.push((bucket(b't', &[prev2, prev, s]), 1.0));
        }
        if options.char_n > 0 && !reported && t.is_word() && s == t.norm && t.norm.len() >= options.char_min_len {
            char_grams(&t.norm, options.char_n, options.char_weight, &mut out);
        }
        prev2 = prev;
        prev = s;
        prev_packed = packed;
        prev_reported = reported;
    }
    if options.bigrams {
        out.push((bucket(b'b', &[prev, "</s>"]), 1.0));
    }
    let norm = out.iter().map(|(_, v)| v * v).sum::<f32>().sqrt().max(1e-6);
    for (_, v) in &mut out {
        *v /= norm;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII fast path of the char n-grams yields the general path's buckets, in order,
    /// for every word length it takes and several gram lengths.
    #[test]
    fn ascii_char_grams_match_the_general_path() {
        let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789-'ZQ";
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..=16usize {
            for _ in 0..40 {
                let word: String = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        alphabet[(state % alphabet.len() as u64) as usize] as char
                    })
                    .collect();
                for n in 1..=10 {
                    let (mut fast, mut plain) = (Vec::new(), Vec::new());
                    char_grams_ascii(&word, n, 0.5, &mut fast);
                    char_grams_general(&word, n, 0.5, &mut plain);
                    assert_eq!(fast, plain, "{word:?} n={n}");
                }
            }
        }
    }

    /// A packed token mixes like its text byte by byte, for every length around the packed limit.
    #[test]
    fn packed_tokens_mix_like_their_bytes() {
        let text = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP-é";
        for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
            let part = &text[..end];
            for h in [seed(b'u'), seed(b'b'), 0x0123_4567_89ab_cdef] {
                assert_eq!(Packed::new(part).mix_into(h), mix_part(h, part), "{part:?}");
            }
        }
    }
}
