//! Links comments to the article sentences they quote or closely paraphrase.
//!
//! A comment quotes a sentence when a stretch of its words lines up with the sentence (fuzzy
//! word equality, so typos, missing accents and changed punctuation still match). Text the
//! reader put between quotation marks needs less evidence than free text, since the reader said
//! it is a quotation. To stay fast on thousands of comments, only sentences sharing several
//! content words with the comment (by 4-letter prefix or suffix, which survive most typos) are
//! aligned.

use crate::summary::alignment::{best_overlap_rows, same_word, Overlap};
use rustc_hash::FxHashMap;
use crate::summary::interned_words::{Vocabulary, Word};
use crate::text::quoted::quoted_spans;
use std::ops::Range;

/// Longest comment or sentence (in words) that is aligned; longer ones are cut.
const MAX_TOKENS: usize = 400;
/// Free text: an overlap needs this many matched content words…
const FREE_CONTENT: usize = 3;
/// …this many matched words in all…
const FREE_MATCHED: usize = 5;
/// …and this score.
const FREE_SCORE: f32 = 9.0;
/// Quoted text: matched content words, and the share of the quote's words that must match.
const QUOTED_CONTENT: usize = 2;
const QUOTED_COVERAGE: f32 = 0.6;
/// Sentences compared per comment, at most.
const MAX_CANDIDATES: usize = 8;

/// One comment quoting one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteLink {
    /// The sentence quoted (index into the sentences).
    pub sentence: usize,
    /// Byte range of the quoted words in the sentence text.
    pub passage: Range<usize>,
    /// Byte range of the quoting words in the comment text.
    pub in_comment: Range<usize>,
    /// Alignment score, to rank links.
    pub score: f32,
}

/// The article's sentences, tokenised and indexed for fast candidate lookup. Words are ids of a
/// [`Vocabulary`] shared with the comments; what is learnt about a comment word (the article
/// words it matches, the sentences that may hold it) is kept per word id, since readers reuse
/// the same words.
pub struct SentenceIndex {
    /// Each sentence's words (at most [`MAX_TOKENS`]).
    words: Vec<Vec<Word>>,
    /// Each sentence's content flags, parallel to `words`.
    content: Vec<Vec<bool>>,
    /// Distinct folded words of the article (within the cut) with their first and last letters
    /// and their [`letter_mask`], by length in chars.
    article_words: Vec<Vec<(u32, char, char, u64)>>,
    /// Folded word id → whether it is among `article_words`.
    listed: Vec<bool>,
    /// Folded word id → whether the article uses it (all its words, even past the cut).
    in_article: Vec<bool>,
    by_key: FxHashMap<u128, Vec<u32>>,
    /// Folded word id → ids of the article words it equals, give or take a typo.
    matches: Vec<Option<Box<[u32]>>>,
    /// Folded word id → sentences holding a word with the same 4-letter prefix or suffix.
    candidates: Vec<Option<Box<[u32]>>>,
    /// Per sentence: content words shared with the comment at hand (scratch).
    hits: Vec<u32>,
    /// Folded word id → the last comment that counted it (scratch, to count a word once).
    seen: Vec<u32>,
    /// Comments looked at so far, to stamp `seen`.
    comments: u32,
}

impl SentenceIndex {
    /// Indexes `sentences`, interning their words into `vocabulary`.
    pub fn new(sentences: &[&str], vocabulary: &mut Vocabulary) -> SentenceIndex {
        let mut words: Vec<Vec<Word>> = sentences.iter().map(|s| vocabulary.tokenize(s)).collect();
        let mut in_article = vec![false; vocabulary.forms()];
        let mut article_words: Vec<Vec<(u32, char, char, u64)>> = Vec::new();
        for w in words.iter().flatten() {
            if !in_article[w.folded as usize] {
                in_article[w.folded as usize] = true;
            }
        }
        for w in &mut words {
            w.truncate(MAX_TOKENS);
        }
        let mut listed = vec![false; vocabulary.forms()];
        for w in words.iter().flatten() {
            if !listed[w.folded as usize] {
                listed[w.folded as usize] = true;
                let n = vocabulary.chars(w.folded);
                if article_words.len() <= n {
                    article_words.resize(n + 1, Vec::new());
                }
                let text = vocabulary.text(w.folded);
                article_words[n].push((w.folded, first(text), last(text), letter_mask(text)));
            }
        }
        let content: Vec<Vec<bool>> =
            words.iter().map(|ws| ws.iter().map(|w| vocabulary.is_quote_content(w.folded)).collect()).collect();
        let mut by_key: FxHashMap<u128, Vec<u32>> = FxHashMap::default();
        for (i, (ws, cs)) in words.iter().zip(&content).enumerate() {
            for (w, _) in ws.iter().zip(cs).filter(|x| *x.1) {
                for k in keys(vocabulary.text(w.folded)) {
                    let list = by_key.entry(k).or_default();
                    if list.last() != Some(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
            }
        }
        SentenceIndex {
            hits: vec![0; words.len()],
            words,
            content,
            article_words,
            listed,
            in_article,
            by_key,
            matches: Vec::new(),
            candidates: Vec::new(),
            seen: Vec::new(),
            comments: 0,
        }
    }

    /// Whether the article uses the folded word `id`.
    pub fn in_article(&self, id: u32) -> bool {
        self.in_article.get(id as usize).copied().unwrap_or(false)
    }

    /// The sentences a comment quotes, best first, one link per sentence. `words` are the
    /// comment's words, tokenised into the same `vocabulary` as the index.
    pub fn links(&mut self, vocabulary: &Vocabulary, comment: &str, words: &[Word]) -> Vec<QuoteLink> {
        let words = &words[..words.len().min(MAX_TOKENS)];
        let forms = vocabulary.forms();
        if self.seen.len() < forms {
            self.seen.resize(forms, 0);
            self.matches.resize(forms, None);
            self.candidates.resize(forms, None);
        }
        self.comments += 1;
        let stamp = self.comments;
        let content: Vec<bool> = words.iter().map(|w| vocabulary.is_quote_content(w.folded)).collect();
        let mut touched: Vec<u32> = Vec::new();
        for (w, _) in words.iter().zip(&content).filter(|x| *x.1) {
            let f = w.folded as usize;
            if self.seen[f] == stamp {
                continue;
            }
            self.seen[f] = stamp;
            if self.candidates[f].is_none() {
                self.candidates[f] = Some(self.sentences_sharing_keys(vocabulary.text(w.folded)));
            }
            for &s in self.candidates[f].as_deref().unwrap_or(&[]) {
                if self.hits[s as usize] == 0 {
                    touched.push(s);
                }
                self.hits[s as usize] += 1;
            }
        }
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for s in touched {
            let n = std::mem::take(&mut self.hits[s as usize]) as usize;
            if n >= QUOTED_CONTENT {
                candidates.push((s as usize, n));
            }
        }
        if candidates.is_empty() {
            return Vec::new();
        }
        crate::sorting::sort_by(&mut candidates, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);

        for w in words {
            let f = w.folded as usize;
            if self.matches[f].is_none() {
                self.matches[f] = Some(self.article_words_matching(vocabulary, w.folded));
            }
        }
        let matches: Vec<&[u32]> = words.iter().map(|w| self.matches[w.folded as usize].as_deref().unwrap_or(&[])).collect();
        let quoted = quoted_spans(comment);
        let mut links = Vec::new();
        for (s, shared) in candidates {
            if let Some(link) = self.link(words, &content, &matches, &quoted, s, shared) {
                links.push(link);
            }
        }
        crate::sorting::sort_by(&mut links, |a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
        links
    }

    /// Ids of the article words that the folded word `id` equals, give or take a typo
    /// ([`same_word`]). Words under 4 letters must be equal, so they are the same id; longer
    /// ones are compared with the article words of a length within two letters.
    fn article_words_matching(&self, vocabulary: &Vocabulary, id: u32) -> Box<[u32]> {
        let n = vocabulary.chars(id);
        if n < 4 {
            let listed = self.listed.get(id as usize).copied().unwrap_or(false);
            return if listed { Box::new([id]) } else { Box::new([]) };
        }
        let text = vocabulary.text(id);
        let (f, l, mask) = (first(text), last(text), letter_mask(text));
        let lengths = n.saturating_sub(2)..(n + 3).min(self.article_words.len());
        self.article_words[lengths.start.min(lengths.end)..lengths.end]
            .iter()
            .flatten()
            // One edit changes at most one end (the same pre-test as `same_word`, stored), and
            // flips at most two bits of the letter mask (a word under 8 letters is allowed one
            // edit, a longer one two: see `same_word`).
            .filter(|&&(a, af, al, am)| {
                let edits = if n.min(vocabulary.chars(a)) >= 8 { 2 } else { 1 };
                (af == f || al == l) && (mask ^ am).count_ones() <= 2 * edits && same_word(text, vocabulary.text(a))
            })
            .map(|&(a, _, _, _)| a)
            .collect()
    }

    /// Sentences holding a content word with the same 4-letter prefix or suffix as `word`.
    fn sentences_sharing_keys(&self, word: &str) -> Box<[u32]> {
        let mut sentences: Vec<u32> = keys(word).flat_map(|k| self.by_key.get(&k).into_iter().flatten().copied()).collect();
        crate::sorting::sort(&mut sentences);
        sentences.dedup();
        sentences.into_boxed_slice()
    }

    fn link(
        &self,
        words: &[Word],
        content: &[bool],
        matches: &[&[u32]],
        quoted: &[Range<usize>],
        s: usize,
        shared: usize,
    ) -> Option<QuoteLink> {
        let sentence = &self.words[s];
        let ids: Vec<u32> = sentence.iter().map(|w| w.folded).collect();
        let b_content = &self.content[s];
        let align = |range: Range<usize>| {
            let o = best_overlap_rows(&content[range.clone()], b_content, |i, row| {
                row.fill(false);
                let mut any = false;
                for &m in matches[range.start + i] {
                    for (eq, &id) in row.iter_mut().zip(&ids) {
                        if id == m {
                            *eq = true;
                            any = true;
                        }
                    }
                }
                any
            });
            (o, range.start)
        };
        let make = |o: &Overlap, offset: usize| QuoteLink {
            sentence: s,
            passage: sentence[o.b.start].start as usize..sentence[o.b.end - 1].end as usize,
            in_comment: words[offset + o.a.start].start as usize..words[offset + o.a.end - 1].end as usize,
            score: o.score,
        };
        if shared >= FREE_CONTENT && dense_enough(content, matches, &ids) && could_pass(content, matches, &ids, b_content) {
            let (whole, offset) = align(0..words.len());
            if whole.content >= FREE_CONTENT && whole.matched >= FREE_MATCHED && whole.score >= FREE_SCORE {
                return Some(make(&whole, offset));
            }
        }
        for span in quoted {
            let lo = words.partition_point(|w| (w.start as usize) < span.start);
            let hi = words.partition_point(|w| w.end as usize <= span.end);
            if lo >= hi {
                continue;
            }
            let (o, offset) = align(lo..hi);
            if o.content >= QUOTED_CONTENT && o.matched as f32 >= QUOTED_COVERAGE * (hi - lo) as f32 {
                return Some(make(&o, offset));
            }
        }
        None
    }
}

/// Whether some stretch of the comment has enough words of the sentence for a free-text link:
/// [`FREE_MATCHED`] matching words, [`FREE_CONTENT`] of them content words, within a window
/// where gaps could not have sunk the alignment score. A cheap test before the alignment.
fn dense_enough(content: &[bool], matches: &[&[u32]], ids: &[u32]) -> bool {
    const WINDOW: usize = 2 * FREE_MATCHED + 4;
    let hit: Vec<(bool, bool)> = content
        .iter()
        .zip(matches)
        .map(|(&c, m)| {
            let found = m.iter().any(|id| ids.contains(id));
            (found, found && c)
        })
        .collect();
    let (mut any, mut content) = (0, 0);
    for i in 0..hit.len() {
        any += usize::from(hit[i].0);
        content += usize::from(hit[i].1);
        if i >= WINDOW {
            any -= usize::from(hit[i - WINDOW].0);
            content -= usize::from(hit[i - WINDOW].1);
        }
        if any >= FREE_MATCHED && content >= FREE_CONTENT {
            return true;
        }
    }
    false
}

/// First letter of a word ('\0' for none).
/// The set of a word's letters as 64 bits (a letter's bit is its code point modulo 64): one
/// edit of [`same_word`] (a letter changed, added, dropped, or two swapped) changes at most two
/// bits, so two words whose masks differ in more bits than twice the edits allowed are not the
/// same word.
fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |mask, c| mask | 1 << (c as u32 % 64))
}

fn first(word: &str) -> char {
    word.chars().next().unwrap_or('\0')
}

/// Last letter of a word ('\0' for none).
fn last(word: &str) -> char {
    word.chars().next_back().unwrap_or('\0')
}

/// Whether the whole-comment alignment with a sentence could reach the free-text thresholds:
/// each sentence word is matched at most once, so the score is at most the sum of the weights
/// of the sentence words that some comment word equals (2 for content on both sides, else 1),
/// and the matched words at most their number. An exact bound, far cheaper than the alignment
/// (readers often repeat the one article word of their topic).
fn could_pass(content: &[bool], matches: &[&[u32]], ids: &[u32], b_content: &[bool]) -> bool {
    // Per sentence word: 0 unmatched, 1 matched, 2 matched content word on both sides.
    let mut weight = vec![0u8; ids.len()];
    for (&c, m) in content.iter().zip(matches) {
        for &id in m.iter() {
            for ((w, &b), &bc) in weight.iter_mut().zip(ids).zip(b_content) {
                if b == id {
                    *w = (*w).max(if c && bc { 2 } else { 1 });
                }
            }
        }
    }
    let matched = weight.iter().filter(|&&w| w > 0).count();
    let content_matched = weight.iter().filter(|&&w| w == 2).count();
    let score: f32 = weight.iter().map(|&w| f32::from(w)).sum();
    matched >= FREE_MATCHED && content_matched >= FREE_CONTENT && score >= FREE_SCORE
}

/// Lookup keys of a folded content word: its first and last four letters.
fn keys(word: &str) -> impl Iterator<Item = u128> {
    let mut prefix = Key::default();
    for c in word.chars().take(4) {
        prefix.push(c);
    }
    // The last four chars (all of a shorter word), ASCII letters upper-cased.
    let skip = word.chars().count().saturating_sub(4);
    let mut suffix = Key::default();
    for c in word.chars().skip(skip) {
        suffix.push(c.to_ascii_uppercase());
    }
    [prefix.0, suffix.0].into_iter()
}

/// Up to four chars packed in a `u128` (21 bits each, and their count): equal keys are equal
/// strings, without a `String` per key (two keys per content word of the article and comments).
#[derive(Default)]
struct Key(u128);

impl Key {
    fn push(&mut self, c: char) {
        let count = self.0 >> 124;
        self.0 = ((count + 1) << 124) | (self.0 & ((1 << 124) - 1)) | (u128::from(u32::from(c)) << (21 * count));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCES: [&str; 3] = [
        "Amazon ne digère toujours pas le fait d'avoir perdu un appel d'offre du Pentagone.",
        "Le président américain reproche en effet à l'homme d'affaires d'être le propriétaire du Washington Post, média dont le traitement de l'actualité lui déplaît (car ne faisant pas la propagande de son administration).",
        "Le Pentagone a cependant communiqué être confiant dans son choix.",
    ];

    #[test]
    fn the_letter_mask_never_rejects_the_same_word() {
        let words = ["pentagone", "propriétaire", "administration", "amazon", "digère", "toujours", "affaires", "confiant", "œuvre", "straße"];
        let letters: Vec<char> = "abcdeéèfghijklmnopqrstuvwxyzœß".chars().collect();
        let mut checked = 0;
        for word in words {
            let chars: Vec<char> = word.chars().collect();
            // Every one-edit variant, and a second edit on each of those.
            let one_edits = |w: &[char]| {
                let mut out: Vec<Vec<char>> = Vec::new();
                for i in 0..=w.len() {
                    for &c in &letters {
                        let mut v = w.to_vec();
                        v.insert(i, c);
                        out.push(v);
                        if i < w.len() {
                            let mut v = w.to_vec();
                            v[i] = c;
                            out.push(v);
                        }
                    }
                    if i < w.len() {
                        let mut v = w.to_vec();
                        v.remove(i);
                        out.push(v);
                    }
                    if i + 1 < w.len() {
                        let mut v = w.to_vec();
                        v.swap(i, i + 1);
                        out.push(v);
                    }
                }
                out
            };
            for one in one_edits(&chars) {
                for two in std::iter::once(one.clone()).chain(one_edits(&one).into_iter().step_by(7)) {
                    let other: String = two.iter().collect();
                    if same_word(word, &other) {
                        let edits = if chars.len().min(two.len()) >= 8 { 2 } else { 1 };
                        assert!((letter_mask(word) ^ letter_mask(&other)).count_ones() <= 2 * edits, "{word} / {other}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn packed_keys_are_equal_exactly_when_the_strings_are() {
        let string_keys = |word: &str| {
            let chars: Vec<char> = word.chars().collect();
            let n = chars.len();
            let prefix: String = chars[..n.min(4)].iter().collect();
            let suffix: String = chars[n.saturating_sub(4)..].iter().map(|c| c.to_ascii_uppercase()).collect();
            [prefix, suffix]
        };
        let words = ["pentagone", "pent", "PENT", "gone", "agone", "2026", "a", "ab", "", "été", "étés", "ÉTÉ", "straße", "日本語です", "ßsta", "abcd", "ABCD"];
        let all: Vec<(String, u128)> = words.iter().flat_map(|w| string_keys(w).into_iter().zip(keys(w))).collect();
        for (s1, k1) in &all {
            for (s2, k2) in &all {
                assert_eq!(s1 == s2, k1 == k2, "{s1:?} {s2:?}");
            }
        }
    }

    fn linked(comment: &str) -> Vec<usize> {
        let mut vocabulary = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
        let mut index = SentenceIndex::new(&SENTENCES, &mut vocabulary);
        let words = vocabulary.tokenize(comment);
        index.links(&vocabulary, comment, &words).into_iter().map(|l| l.sentence).collect()
    }

    #[test]
    fn finds_quotes_in_french_marks_or_none() {
        assert_eq!(linked("« car ne faisant pas la propagande de son administration » on a vu plus neutre"), [1]);
        assert_eq!(linked("(car ne faisant pas la propagande de son administration). Ce commentaire du journaliste…"), [1]);
    }

    #[test]
    fn tolerates_typos_accents_and_punctuation() {
        assert_eq!(linked("car ne faisant pas la propagnde de son adminstration !!"), [1]);
        assert_eq!(linked("« le pentagone a cependant communique etre confiant » mouais"), [2]);
        assert_eq!(linked("AMAZON NE DIGERE TOUJOURS PAS, le fait d avoir perdu l'appel d'offre"), [0]);
    }

    #[test]
    fn short_quotes_need_their_marks() {
        assert_eq!(linked("« confiant dans son choix »"), [2]);
        assert!(linked("confiant dans son choix").is_empty());
    }

    #[test]
    fn topical_words_are_not_a_quote() {
        assert!(linked("Le Pentagone et Amazon, quelle histoire, le président s'en mêle").is_empty());
        assert!(linked("").is_empty());
    }
}
