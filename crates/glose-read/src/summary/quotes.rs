//! Links comments to the article sentences they quote or closely paraphrase.
//!
//! A comment quotes a sentence when a stretch of its words lines up with the sentence (fuzzy
//! word equality, so typos, missing accents and changed punctuation still match). Text the
//! reader put between quotation marks needs less evidence than free text, since the reader said
//! it is a quotation. To stay fast on thousands of comments, only sentences sharing several
//! content words with the comment (by 4-letter prefix or suffix, which survive most typos) are
//! aligned.

use crate::summary::alignment::{best_overlap_sparse, same_word, AlignBuffers, Overlap};
use crate::summary::interned_words::{Vocabulary, Word};
use crate::text::quoted::quoted_spans_into;
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
    /// Every sentence's words (at most [`MAX_TOKENS`] each) in one buffer: sentence `s`'s are
    /// `words[bounds[s]..bounds[s + 1]]` (one buffer rather than a `Vec` per sentence).
    words: Vec<Word>,
    /// Content flags, parallel to `words`.
    content: Vec<bool>,
    bounds: Vec<usize>,
    /// Distinct folded words of the article (within the cut), for the typo-tolerant lookup.
    article_words: ArticleWords,
    /// Folded word id → whether it is among `article_words`.
    listed: Vec<bool>,
    /// Folded word id → whether the article uses it (all its words, even past the cut).
    in_article: Vec<bool>,
    /// Lookup key of a content word → its number; the sentences holding a content word under
    /// key number `k` are `key_sentences[key_starts[k]..key_starts[k + 1]]`, ascending (one
    /// buffer rather than a `Vec` per key).
    key_numbers: KeyNumbers,
    key_starts: Vec<u32>,
    key_sentences: Vec<u32>,
    /// Folded word id → ids of the article words it equals, give or take a typo.
    matches: WordLists,
    /// Folded word id → sentences holding a word with the same 4-letter prefix or suffix.
    candidates: WordLists,
    /// Per sentence: content words shared with the comment at hand (scratch).
    hits: Vec<u32>,
    /// Folded word id → the last comment that counted it (scratch, to count a word once).
    seen: Vec<u32>,
    /// Comments looked at so far, to stamp `seen`.
    comments: u32,
    /// Where the words of the sentence being aligned are (scratch).
    occurrences: Occurrences,
    /// The comment at hand's content flags (scratch, kept to allocate it once).
    comment_content: Vec<bool>,
    /// Sentences the comment at hand shares a content word with (scratch).
    touched: Vec<u32>,
    /// The alignment's rows (scratch).
    align_buffers: AlignBuffers,
    /// The comment at hand's candidate sentences and quoted passages (scratch).
    candidates_scratch: Vec<(usize, usize)>,
    quoted: Vec<Range<usize>>,
}

impl SentenceIndex {
    /// Indexes `sentences`, interning their words into `vocabulary`.
    pub fn new(sentences: &[&str], vocabulary: &mut Vocabulary) -> SentenceIndex {
        let mut words: Vec<Word> = Vec::new();
        let mut bounds = Vec::with_capacity(sentences.len() + 1);
        bounds.push(0);
        for s in sentences {
            vocabulary.tokenize_into(s, &mut words);
            bounds.push(words.len());
        }
        let mut in_article = vec![false; vocabulary.forms()];
        for w in &words {
            in_article[w.folded as usize] = true;
        }
        // Cut each sentence to its first MAX_TOKENS words, in place.
        if bounds.windows(2).any(|b| b[1] - b[0] > MAX_TOKENS) {
            let mut kept = 0;
            for s in 0..sentences.len() {
                let (start, end) = (bounds[s], bounds[s + 1]);
                let n = (end - start).min(MAX_TOKENS);
                words.copy_within(start..start + n, kept);
                bounds[s] = kept;
                kept += n;
            }
            words.truncate(kept);
            bounds[sentences.len()] = kept;
        }
        let mut listed = vec![false; vocabulary.forms()];
        let mut distinct: Vec<u32> = Vec::new();
        for w in &words {
            if !listed[w.folded as usize] {
                listed[w.folded as usize] = true;
                distinct.push(w.folded);
            }
        }
        let article_words = ArticleWords::new(&distinct, vocabulary);
        let content: Vec<bool> = words.iter().map(|w| vocabulary.is_quote_content(w.folded)).collect();
        // (key number, sentence) for each key of each content word, once per sentence, in
        // sentence order; then grouped by key number (a counting sort, keeping that order).
        // Room for a key per content word (most words' two keys are shared with others): the
        // map's regrowths were a tenth of building the index.
        let content_words = content.iter().filter(|&&c| c).count();
        let mut key_numbers = KeyNumbers::with_capacity(content_words);
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut last_sentence: Vec<u32> = Vec::new();
        for s in 0..sentences.len() {
            for (w, _) in words[bounds[s]..bounds[s + 1]].iter().zip(&content[bounds[s]..]).filter(|x| *x.1) {
                for k in keys(vocabulary.text(w.folded)) {
                    let next = key_numbers.len() as u32;
                    let number = key_numbers.number(k);
                    if number == next {
                        last_sentence.push(NONE);
                    }
                    if last_sentence[number as usize] != s as u32 {
                        last_sentence[number as usize] = s as u32;
                        pairs.push((number, s as u32));
                    }
                }
            }
        }
        let mut key_starts = vec![0u32; key_numbers.len() + 1];
        for &(k, _) in &pairs {
            key_starts[k as usize + 1] += 1;
        }
        for k in 1..key_starts.len() {
            key_starts[k] += key_starts[k - 1];
        }
        let mut next = last_sentence;
        next.copy_from_slice(&key_starts[..key_starts.len() - 1]);
        let mut key_sentences = vec![0u32; pairs.len()];
        for (k, s) in pairs {
            key_sentences[next[k as usize] as usize] = s;
            next[k as usize] += 1;
        }
        let listed_len = listed.len();
        SentenceIndex {
            hits: vec![0; sentences.len()],
            words,
            content,
            bounds,
            article_words,
            listed,
            in_article,
            key_numbers,
            key_starts,
            key_sentences,
            matches: WordLists::default(),
            candidates: WordLists::default(),
            seen: Vec::new(),
            comments: 0,
            occurrences: Occurrences { first: vec![NONE; listed_len], next: Vec::new() },
            comment_content: Vec::new(),
            touched: Vec::new(),
            align_buffers: AlignBuffers::default(),
            candidates_scratch: Vec::new(),
            quoted: Vec::new(),
        }
    }

    /// Sentence `s`'s words and their content flags.
    fn sentence(&self, s: usize) -> (&[Word], &[bool]) {
        let range = self.bounds[s]..self.bounds[s + 1];
        (&self.words[range.clone()], &self.content[range])
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
            self.matches.resize(forms);
            self.candidates.resize(forms);
        }
        self.comments += 1;
        let stamp = self.comments;
        let mut content = std::mem::take(&mut self.comment_content);
        content.clear();
        content.extend(words.iter().map(|w| vocabulary.is_quote_content(w.folded)));
        let mut touched = std::mem::take(&mut self.touched);
        touched.clear();
        let mut sharing = std::mem::take(&mut self.candidates);
        for (w, _) in words.iter().zip(&content).filter(|x| *x.1) {
            let f = w.folded as usize;
            if self.seen[f] == stamp {
                continue;
            }
            self.seen[f] = stamp;
            if !sharing.known(w.folded) {
                let start = sharing.buffer.len();
                self.sentences_sharing_keys(vocabulary.text(w.folded), &mut sharing.buffer);
                sharing.set(w.folded, start);
            }
            for &s in sharing.get(w.folded) {
                if self.hits[s as usize] == 0 {
                    touched.push(s);
                }
                self.hits[s as usize] += 1;
            }
        }
        self.candidates = sharing;
        let mut candidates = std::mem::take(&mut self.candidates_scratch);
        candidates.clear();
        for &s in &touched {
            let n = std::mem::take(&mut self.hits[s as usize]) as usize;
            if n >= QUOTED_CONTENT {
                candidates.push((s as usize, n));
            }
        }
        self.touched = touched;
        if candidates.is_empty() {
            self.comment_content = content;
            self.candidates_scratch = candidates;
            return Vec::new();
        }
        crate::sorting::sort_by(&mut candidates, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);

        let mut equal = std::mem::take(&mut self.matches);
        for w in words {
            if !equal.known(w.folded) {
                let start = equal.buffer.len();
                self.article_words_matching(vocabulary, w.folded, &mut equal.buffer);
                equal.set(w.folded, start);
            }
        }
        self.matches = equal;
        let matches: Vec<&[u32]> = words.iter().map(|w| self.matches.get(w.folded)).collect();
        let mut quoted = std::mem::take(&mut self.quoted);
        quoted.clear();
        quoted_spans_into(comment, &mut quoted);
        let mut links = Vec::new();
        let mut occurrences = std::mem::take(&mut self.occurrences);
        let mut buffers = std::mem::take(&mut self.align_buffers);
        for &(s, shared) in &candidates {
            if let Some(link) = self.link(&mut occurrences, &mut buffers, words, &content, &matches, &quoted, s, shared) {
                links.push(link);
            }
        }
        self.occurrences = occurrences;
        self.align_buffers = buffers;
        self.candidates_scratch = candidates;
        self.quoted = quoted;
        self.comment_content = content;
        crate::sorting::sort_by(&mut links, |a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
        links
    }

    /// Ids of the article words that the folded word `id` equals, give or take a typo
    /// ([`same_word`]). Words under 4 letters must be equal, so they are the same id; longer
    /// ones are compared with the article words of a length within two letters.
    fn article_words_matching(&self, vocabulary: &Vocabulary, id: u32, out: &mut Vec<u32>) {
        let n = vocabulary.chars(id);
        if n < 4 {
            if self.listed.get(id as usize).copied().unwrap_or(false) {
                out.push(id);
            }
            return;
        }
        let text = vocabulary.text(id);
        let (f, l, mask) = (first(text), last(text), letter_mask(text));
        // One edit changes at most one end (the same pre-test as `same_word`): the words sharing
        // the first letter, then those sharing only the last one.
        for length in n.saturating_sub(2)..=n + 2 {
            let edits = if n.min(length) >= 8 { 2 } else { 1 };
            // One edit flips at most two bits of the letter mask (a word under 8 letters is
            // allowed one edit, a longer one two: see `same_word`).
            let close = |am: u64| (mask ^ am).count_ones() <= 2 * edits;
            for e in self.article_words.by_first.with(length, f) {
                if e.id == id || (close(e.mask) && same_word(text, vocabulary.text(e.id))) {
                    out.push(e.id);
                }
            }
            for e in self.article_words.by_last.with(length, l) {
                if e.other != f && close(e.mask) && same_word(text, vocabulary.text(e.id)) {
                    out.push(e.id);
                }
            }
        }
    }

    /// Appends to `out` the sentences holding a content word with the same 4-letter prefix or
    /// suffix as `word`, ascending.
    fn sentences_sharing_keys(&self, word: &str, out: &mut Vec<u32>) {
        let [prefix, suffix] = keys(word).map(|k| match self.key_numbers.get(k) {
            Some(n) => &self.key_sentences[self.key_starts[n as usize] as usize..self.key_starts[n as usize + 1] as usize],
            None => &[][..],
        });
        merge_sorted(prefix, suffix, out);
    }

    /// The link of a comment to sentence `s`, if it quotes it.
    #[allow(clippy::too_many_arguments)]
    fn link(
        &self,
        occurrences: &mut Occurrences,
        buffers: &mut AlignBuffers,
        words: &[Word],
        content: &[bool],
        matches: &[&[u32]],
        quoted: &[Range<usize>],
        s: usize,
        shared: usize,
    ) -> Option<QuoteLink> {
        let sentence = self.sentence(s).0;
        occurrences.set(sentence);
        let link = self.link_with(occurrences, buffers, words, content, matches, quoted, s, shared);
        occurrences.clear(sentence);
        link
    }

    /// [`SentenceIndex::link`], with `occurrences` set to sentence `s`.
    #[allow(clippy::too_many_arguments)]
    fn link_with(
        &self,
        occurrences: &Occurrences,
        buffers: &mut AlignBuffers,
        words: &[Word],
        content: &[bool],
        matches: &[&[u32]],
        quoted: &[Range<usize>],
        s: usize,
        shared: usize,
    ) -> Option<QuoteLink> {
        let (sentence, b_content) = self.sentence(s);
        let mut align = |range: Range<usize>| {
            let o = best_overlap_sparse(&content[range.clone()], b_content, buffers, |i, out| {
                for &m in matches[range.start + i] {
                    out.extend(occurrences.of(m).map(|p| p as u32));
                }
            });
            (o, range.start)
        };
        let make = |o: &Overlap, offset: usize| QuoteLink {
            sentence: s,
            passage: sentence[o.b.start].start as usize..sentence[o.b.end - 1].end as usize,
            in_comment: words[offset + o.a.start].start as usize..words[offset + o.a.end - 1].end as usize,
            score: o.score,
        };
        if shared >= FREE_CONTENT && dense_enough(content, matches, occurrences) && could_pass(content, matches, occurrences, b_content) {
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
            // Most quoted passages are not the sentence's: the words found in it tell.
            let (found, found_content) = span_bounds(&content[lo..hi], &matches[lo..hi], occurrences, b_content);
            if found_content < QUOTED_CONTENT || (found as f32) < QUOTED_COVERAGE * (hi - lo) as f32 {
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

/// "No position" in [`Occurrences`].
const NONE: u32 = u32::MAX;

/// The positions of each word in one sentence, as linked lists through two arrays, so that the
/// comment words matching a sentence word are found without scanning the sentence per word.
#[derive(Default)]
struct Occurrences {
    /// Folded word id (an article word) → its first position in the sentence, or [`NONE`].
    first: Vec<u32>,
    /// Position → the next position of the same word, or [`NONE`].
    next: Vec<u32>,
}

impl Occurrences {
    /// Records the positions of the words of `sentence` (an indexed sentence, so its ids are
    /// below the size of `first`).
    fn set(&mut self, sentence: &[Word]) {
        self.next.clear();
        self.next.resize(sentence.len(), NONE);
        for (p, w) in sentence.iter().enumerate().rev() {
            let first = &mut self.first[w.folded as usize];
            self.next[p] = *first;
            *first = p as u32;
        }
    }

    /// Forgets `sentence` (the one given to [`Occurrences::set`]).
    fn clear(&mut self, sentence: &[Word]) {
        for w in sentence {
            self.first[w.folded as usize] = NONE;
        }
    }

    /// Whether the sentence holds the word `id`.
    fn has(&self, id: u32) -> bool {
        self.first.get(id as usize).is_some_and(|&p| p != NONE)
    }

    /// The positions of the word `id` in the sentence, in order.
    fn of(&self, id: u32) -> impl Iterator<Item = usize> + '_ {
        let mut p = self.first.get(id as usize).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            (p != NONE).then(|| {
                let here = p as usize;
                p = self.next[here];
                here
            })
        })
    }
}

/// Article words keyed by (length in chars, an end letter), so that the typo-tolerant lookup
/// reads only the words that could be one or two edits away (about a tenth of them).
struct ArticleWords {
    /// Keyed by the first letter; `other` is the last.
    by_first: Buckets,
    /// Keyed by the last letter; `other` is the first.
    by_last: Buckets,
}

/// One article word in [`Buckets`].
#[derive(Clone, Copy)]
struct Entry {
    id: u32,
    /// Length in chars.
    chars: u32,
    /// The letter of the bucket's key.
    key: char,
    /// The other end letter.
    other: char,
    /// Its [`letter_mask`].
    mask: u64,
}

/// Entries grouped by (length, key letter), each group contiguous (a counting sort on a hash of
/// the key, so groups of colliding keys are shared and re-checked on lookup).
struct Buckets {
    /// Where each bucket's entries start in `entries` (one more than the buckets).
    starts: Vec<u32>,
    entries: Vec<Entry>,
}


impl Buckets {
    /// The bucket of (length, key letter): lengths up to 31 (longer ones share the last) × 32
    /// letter classes (a letter's code point modulo 32: the ASCII letters apart).
    fn bucket(chars: u32, key: char) -> usize {
        (chars.min(31) as usize) * 32 + (key as usize % 32)
    }

    /// Groups `entries` by bucket, keeping their order within each. Only the lengths up to the
    /// longest entry's get buckets (a lookup past them finds none): counting and summing all
    /// 32 × 32 was most of indexing a short article.
    fn new(entries: &[Entry]) -> Buckets {
        let lengths = entries.iter().map(|e| e.chars.min(31) as usize + 1).max().unwrap_or(0);
        let mut starts = vec![0u32; lengths * 32 + 1];
        for e in entries {
            starts[Buckets::bucket(e.chars, e.key) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut sorted = vec![Entry { id: 0, chars: 0, key: '\0', other: '\0', mask: 0 }; entries.len()];
        for e in entries {
            let slot = &mut next[Buckets::bucket(e.chars, e.key)];
            sorted[*slot as usize] = *e;
            *slot += 1;
        }
        Buckets { starts, entries: sorted }
    }

    /// The entries of length `chars` whose key letter is `key`.
    fn with(&self, chars: usize, key: char) -> impl Iterator<Item = &Entry> {
        let chars = chars as u32;
        let b = Buckets::bucket(chars, key);
        let range = match (self.starts.get(b), self.starts.get(b + 1)) {
            (Some(&lo), Some(&hi)) => lo as usize..hi as usize,
            _ => 0..0,
        };
        self.entries[range].iter().filter(move |e| e.chars == chars && e.key == key)
    }
}

impl ArticleWords {
    /// Indexes the distinct folded words `ids`.
    fn new(ids: &[u32], vocabulary: &Vocabulary) -> ArticleWords {
        let entries: Vec<Entry> = ids
            .iter()
            .map(|&id| {
                let text = vocabulary.text(id);
                Entry { id, chars: vocabulary.chars(id) as u32, key: first(text), other: last(text), mask: letter_mask(text) }
            })
            .collect();
        let by_first = Buckets::new(&entries);
        let swapped: Vec<Entry> = entries.iter().map(|e| Entry { key: e.other, other: e.key, ..*e }).collect();
        ArticleWords { by_first, by_last: Buckets::new(&swapped) }
    }
}

/// Whether some stretch of the comment has enough words of the sentence for a free-text link:
/// [`FREE_MATCHED`] matching words, [`FREE_CONTENT`] of them content words, within a window
/// where gaps could not have sunk the alignment score. A cheap test before the alignment.
fn dense_enough(content: &[bool], matches: &[&[u32]], occurrences: &Occurrences) -> bool {
    const WINDOW: usize = 2 * FREE_MATCHED + 4;
    // The last WINDOW words' (found, found and content), by position modulo WINDOW.
    let mut window = [(false, false); WINDOW];
    let (mut any, mut found_content) = (0, 0);
    for (i, (&c, m)) in content.iter().zip(matches).enumerate() {
        let found = m.iter().any(|&id| occurrences.has(id));
        let slot = &mut window[i % WINDOW];
        if i >= WINDOW {
            any -= usize::from(slot.0);
            found_content -= usize::from(slot.1);
        }
        *slot = (found, found && c);
        any += usize::from(found);
        found_content += usize::from(found && c);
        if any >= FREE_MATCHED && found_content >= FREE_CONTENT {
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
fn could_pass(content: &[bool], matches: &[&[u32]], occurrences: &Occurrences, b_content: &[bool]) -> bool {
    // Per sentence word: 0 unmatched, 1 matched, 2 matched content word on both sides (an
    // indexed sentence has at most MAX_TOKENS words).
    let mut weight = [0u8; MAX_TOKENS];
    let weight = &mut weight[..b_content.len()];
    for (&c, m) in content.iter().zip(matches) {
        for &id in m.iter() {
            for p in occurrences.of(id) {
                weight[p] = weight[p].max(if c && b_content[p] { 2 } else { 1 });
            }
        }
    }
    let matched = weight.iter().filter(|&&w| w > 0).count();
    let content_matched = weight.iter().filter(|&&w| w == 2).count();
    let score: f32 = weight.iter().map(|&w| f32::from(w)).sum();
    matched >= FREE_MATCHED && content_matched >= FREE_CONTENT && score >= FREE_SCORE
}

/// Bounds on the alignment of a stretch of the comment with the sentence: an alignment matches
/// each comment word at most once, so it matches at most as many words as the stretch has words
/// found in the sentence, and at most as many content words as it has content words found as a
/// content word of the sentence. Exact bounds, far cheaper than the alignment (a quoted passage
/// is aligned with every candidate sentence, and is rarely from most of them).
fn span_bounds(content: &[bool], matches: &[&[u32]], occurrences: &Occurrences, b_content: &[bool]) -> (usize, usize) {
    let (mut found, mut found_content) = (0, 0);
    for (&c, m) in content.iter().zip(matches) {
        let (mut any, mut both) = (false, false);
        for &id in m.iter() {
            for p in occurrences.of(id) {
                any = true;
                both |= c && b_content[p];
            }
        }
        found += usize::from(any);
        found_content += usize::from(both);
    }
    (found, found_content)
}

/// The union of two ascending lists without repeats, ascending (the sentences listed under two
/// keys: each list is in sentence order, a sentence once).
fn merge_sorted(a: &[u32], b: &[u32], out: &mut Vec<u32>) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// A list of ids per word id, worked out once per word and kept in one buffer (rather than a
/// boxed slice per word).
#[derive(Default)]
struct WordLists {
    /// Word id → its list's range in `buffer`; `(NONE, NONE)` until worked out.
    spans: Vec<(u32, u32)>,
    buffer: Vec<u32>,
}

impl WordLists {
    /// Makes room for word ids below `n`.
    fn resize(&mut self, n: usize) {
        self.spans.resize(n, (NONE, NONE));
    }

    /// Whether the list of word `id` was worked out.
    fn known(&self, id: u32) -> bool {
        self.spans[id as usize].0 != NONE
    }

    /// Records that the list of word `id` is `buffer[start..]`.
    fn set(&mut self, id: u32, start: usize) {
        self.spans[id as usize] = (start as u32, self.buffer.len() as u32);
    }

    /// The list of word `id` (empty if not worked out).
    fn get(&self, id: u32) -> &[u32] {
        match self.spans.get(id as usize) {
            Some(&(start, end)) if start != NONE => &self.buffer[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// Key → its number (numbers in order of first sight): open addressing on a multiplicative
/// hash, as [`crate::summary::interned_words`] does for words (a `HashMap` entry per content word
/// of the article was a tenth of indexing it).
struct KeyNumbers {
    /// Per slot: a key and its number ([`NONE`]: empty). Its length is a power of two, at least
    /// half of it empty.
    slots: Vec<(u128, u32)>,
    len: usize,
}

impl KeyNumbers {
    /// An empty table with room for `n` keys before it grows.
    fn with_capacity(n: usize) -> KeyNumbers {
        KeyNumbers { slots: vec![(0, NONE); (2 * n).next_power_of_two().max(16)], len: 0 }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The slot of `key`: where it is, or the empty slot where it goes.
    fn slot(&self, key: u128) -> usize {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let hash = ((key as u64) ^ ((key >> 64) as u64).wrapping_mul(K).rotate_left(32)).wrapping_mul(K);
        let mask = self.slots.len() - 1;
        // The high bits of a multiplicative hash are the well mixed ones.
        let mut i = (hash >> 32) as usize & mask;
        loop {
            let (k, number) = self.slots[i];
            if number == NONE || k == key {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The number of `key`, if it has one.
    fn get(&self, key: u128) -> Option<u32> {
        let number = self.slots[self.slot(key)].1;
        (number != NONE).then_some(number)
    }

    /// The number of `key`, giving it the next one if it has none.
    fn number(&mut self, key: u128) -> u32 {
        if (self.len + 1) * 2 > self.slots.len() {
            let size = self.slots.len() * 2;
            let old = std::mem::replace(&mut self.slots, vec![(0, NONE); size]);
            for (k, number) in old.into_iter().filter(|e| e.1 != NONE) {
                let s = self.slot(k);
                self.slots[s] = (k, number);
            }
        }
        let s = self.slot(key);
        if self.slots[s].1 == NONE {
            self.slots[s] = (key, self.len as u32);
            self.len += 1;
        }
        self.slots[s].1
    }
}

/// Lookup keys of a folded content word: its first and last four letters.
fn keys(word: &str) -> [u128; 2] {
    if !word.is_ascii() {
        return keys_of_chars(word);
    }
    // The keys `Key::push` builds, from bytes: most words are ASCII, and this is the index's
    // inner loop (two keys per content word of the article).
    let pack = |bytes: &[u8], upper: bool| {
        // Missing bytes read as zero (which adds nothing to the key), so that every shift is a
        // constant: shifting a u128 by a variable took most of the time here.
        let byte = |i: usize| {
            let b = bytes.get(i).copied().unwrap_or(0);
            u128::from(if upper { b.to_ascii_uppercase() } else { b })
        };
        (bytes.len() as u128) << 124 | byte(0) | byte(1) << 21 | byte(2) << 42 | byte(3) << 63
    };
    let b = word.as_bytes();
    [pack(&b[..b.len().min(4)], false), pack(&b[b.len().saturating_sub(4)..], true)]
}

/// [`keys`], char by char (any word).
fn keys_of_chars(word: &str) -> [u128; 2] {
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
    [prefix.0, suffix.0]
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
    use rustc_hash::FxHashMap;

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
    fn one_buffer_holds_each_sentence_cut_and_its_keys() {
        // Sentences over the cut among short ones: each keeps its first MAX_TOKENS words, and
        // every sentence is listed under the keys of its content words.
        let long = |n: usize, w: &str| (0..n).map(|i| format!("{w}{i}")).collect::<Vec<_>>().join(" ");
        let (a, b) = (long(MAX_TOKENS + 37, "mot"), long(2 * MAX_TOKENS, "autre"));
        let texts: Vec<&str> = vec![SENTENCES[0], &a, SENTENCES[1], "", &b, SENTENCES[2]];
        let mut vocabulary = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
        let index = SentenceIndex::new(&texts, &mut vocabulary);
        for (s, text) in texts.iter().enumerate() {
            let mut want = vocabulary.tokenize(text);
            want.truncate(MAX_TOKENS);
            let (got, content) = index.sentence(s);
            assert_eq!(got.iter().map(|w| (w.folded, w.start)).collect::<Vec<_>>(), want.iter().map(|w| (w.folded, w.start)).collect::<Vec<_>>());
            assert!(got.iter().zip(content).all(|(w, &c)| c == vocabulary.is_quote_content(w.folded)));
        }
        // The lists under each key are those of a map of a list per key (the former index).
        let mut by_key: FxHashMap<u128, Vec<u32>> = FxHashMap::default();
        for s in 0..texts.len() {
            let (words, content) = index.sentence(s);
            for w in words.iter().zip(content).filter(|x| *x.1).map(|x| x.0) {
                for k in keys(vocabulary.text(w.folded)) {
                    let list = by_key.entry(k).or_default();
                    if list.last() != Some(&(s as u32)) {
                        list.push(s as u32);
                    }
                }
            }
        }
        let probes = texts.iter().chain(&["amazone pentagon washingtn mot12 autre799 autre800 rien"]).flat_map(|t| vocabulary.tokenize(t));
        for w in probes.collect::<Vec<_>>() {
            let text = vocabulary.text(w.folded);
            let mut got = Vec::new();
            index.sentences_sharing_keys(text, &mut got);
            let mut want = Vec::new();
            let [p, q] = keys(text).map(|k| by_key.get(&k).cloned().unwrap_or_default());
            merge_sorted(&p, &q, &mut want);
            assert_eq!(got, want, "{text}");
        }
        // Words past the cut are still the article's.
        assert!(index.in_article(vocabulary.tokenize("mot420")[0].folded));
        assert!(!index.listed[vocabulary.tokenize("mot420")[0].folded as usize]);
    }

    #[test]
    fn span_bounds_bound_the_alignment() {
        // Comments of article words (some with typos), stop words and others: for every sentence
        // and every stretch of a comment, the alignment matches no more words, nor content words,
        // than `span_bounds` counts, so the stretches it rules out would not have linked.
        let mut vocabulary = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
        let index = SentenceIndex::new(&SENTENCES, &mut vocabulary);
        let mut occurrences = Occurrences { first: vec![NONE; vocabulary.forms()], next: Vec::new() };
        let pool: Vec<&str> = SENTENCES.iter().flat_map(|s| s.split_whitespace()).chain(["propagnde", "adminstration", "pentagon", "xyz", "le", "de"]).collect();
        let mut seed = 2718u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut buffers = AlignBuffers::default();
        let (mut stretches, mut tight) = (0, 0);
        for _ in 0..150 {
            // Random words around a stretch of a sentence with a word dropped or changed.
            let sentence: Vec<&str> = SENTENCES[next(SENTENCES.len())].split_whitespace().collect();
            let start = next(sentence.len());
            let mut quoted: Vec<&str> = sentence[start..(start + 3 + next(10)).min(sentence.len())].to_vec();
            let at = next(quoted.len());
            match next(3) {
                0 => drop(quoted.remove(at)),
                1 => quoted[at] = pool[next(pool.len())],
                _ => {}
            }
            let noise = |n: usize, next: &mut dyn FnMut(usize) -> usize| (0..n).map(|_| pool[next(pool.len())]).collect::<Vec<_>>();
            let (before, after) = (noise(next(6), &mut next), noise(next(6), &mut next));
            let text = [before, quoted, after].concat().join(" ");
            let words = vocabulary.tokenize(&text);
            let content: Vec<bool> = words.iter().map(|w| vocabulary.is_quote_content(w.folded)).collect();
            let mut lists = Vec::new();
            let ranges: Vec<Range<usize>> = words
                .iter()
                .map(|w| {
                    let start = lists.len();
                    index.article_words_matching(&vocabulary, w.folded, &mut lists);
                    start..lists.len()
                })
                .collect();
            let matches: Vec<&[u32]> = ranges.into_iter().map(|r| &lists[r]).collect();
            for s in 0..SENTENCES.len() {
                let (sentence, b_content) = index.sentence(s);
                occurrences.set(sentence);
                for lo in 0..words.len() {
                    for hi in lo + 1..=words.len() {
                        let o = best_overlap_sparse(&content[lo..hi], b_content, &mut buffers, |i, out| {
                            for &m in matches[lo + i] {
                                out.extend(occurrences.of(m).map(|p| p as u32));
                            }
                        });
                        let (found, found_content) = span_bounds(&content[lo..hi], &matches[lo..hi], &occurrences, b_content);
                        assert!(o.matched <= found && o.content <= found_content, "{text} {s} {lo}..{hi}: {o:?} {found} {found_content}");
                        stretches += 1;
                        tight += usize::from(o.matched == found && o.matched > 2);
                    }
                }
                occurrences.clear(sentence);
            }
        }
        assert!(stretches > 20_000 && tight > 2_000, "{stretches} {tight}");
    }

    #[test]
    fn the_sliding_window_counts_as_the_list_of_hits_did() {
        // `dense_enough` against the former two passes (a Vec of hits, then the window over it),
        // on random comments of words found or not in a sentence.
        fn by_list(content: &[bool], matches: &[&[u32]], occurrences: &Occurrences) -> bool {
            const WINDOW: usize = 2 * FREE_MATCHED + 4;
            let hit: Vec<(bool, bool)> = content
                .iter()
                .zip(matches)
                .map(|(&c, m)| {
                    let found = m.iter().any(|&id| occurrences.has(id));
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
        let mut seed = 99u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let ids: Vec<u32> = (0..8).collect();
        let mut occurrences = Occurrences { first: vec![NONE; 8], next: Vec::new() };
        let mut dense = 0;
        for round in 0..20_000 {
            // The sentence holds ids below `k`.
            let k = 1 + round % 7;
            let sentence: Vec<Word> = (0..k as u32).map(|id| Word { folded: id, surface: id, start: 0, end: 0 }).collect();
            occurrences.set(&sentence);
            let n = next(60);
            let content: Vec<bool> = (0..n).map(|_| next(3) > 0).collect();
            let matches: Vec<&[u32]> = (0..n).map(|_| if next(4) == 0 { &ids[..0] } else { let i = next(8); &ids[i..i + 1] }).collect();
            let want = by_list(&content, &matches, &occurrences);
            assert_eq!(dense_enough(&content, &matches, &occurrences), want, "{content:?} {matches:?} {k}");
            dense += usize::from(want);
            occurrences.clear(&sentence);
        }
        assert!(dense > 2_000 && dense < 18_000, "{dense}");
    }

    #[test]
    fn key_numbers_are_those_of_a_map() {
        // Keys of many words (the table grows several times) and keys never numbered, against a
        // map numbering keys in order of first sight.
        let mut table = KeyNumbers::with_capacity(3);
        let mut map: FxHashMap<u128, u32> = FxHashMap::default();
        let words: Vec<String> = (0..3_000).map(|i| format!("w{}x{}", i % 1_700, i % 7)).chain(["été".into(), "straße".into(), "".into()]).collect();
        for w in &words {
            for k in keys(w) {
                let next = map.len() as u32;
                assert_eq!(table.number(k), *map.entry(k).or_insert(next), "{w}");
                assert_eq!(table.len(), map.len());
            }
        }
        for w in words.iter().map(String::as_str).chain(["w1x2", "absent", "zzzz", "日本語"]) {
            for k in keys(w) {
                assert_eq!(table.get(k), map.get(&k).copied(), "{w}");
            }
        }
        assert!(map.len() > 1_000, "{}", map.len());
    }

    #[test]
    fn merging_equals_sorting_the_concatenation() {
        let lists: [&[u32]; 6] = [&[], &[3], &[0, 3, 9], &[1, 2, 3, 4], &[9, 10], &[0, 5, 9, 12]];
        for a in lists {
            for b in lists {
                let mut want: Vec<u32> = a.iter().chain(b).copied().collect();
                want.sort();
                want.dedup();
                let mut got = vec![77];
                merge_sorted(a, b, &mut got);
                assert_eq!(got[1..], want, "{a:?} {b:?}");
            }
        }
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
        // The ASCII shortcut packs as the general way does.
        for w in words.iter().chain(&["x", "abcdefgh", "Mot2026", "a1b2c3d4e5", "zz"]).filter(|w| w.is_ascii()) {
            assert_eq!(keys(w), keys_of_chars(w), "{w}");
        }
        for (s1, k1) in &all {
            for (s2, k2) in &all {
                assert_eq!(s1 == s2, k1 == k2, "{s1:?} {s2:?}");
            }
        }
    }

    #[test]
    fn bucketed_lookup_finds_what_a_full_scan_finds() {
        // Every article word of similar length passing `same_word`, by a scan of them all (the
        // rule the buckets implement), for the article's words and typo variants of them; with
        // and without article words of 31 letters or more (buckets for all lengths, or only up
        // to the longest word's, where longer probes find none).
        let long = "anticonstitutionnellementissimeeeeeeeeee anticonstitutionnellementissimeeeeeeeee";
        for with_long in [true, false] {
            let mut vocabulary = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
            let extra = ["Straße straße strasse œuvres oeuvre naïveté naivete 日本語です 日本語でした",
                "administrations administration adminstration propagandes propaganda pentagones"];
            let texts: Vec<&str> = SENTENCES.iter().copied().chain(extra).chain(with_long.then_some(long)).collect();
            let index = SentenceIndex::new(&texts, &mut vocabulary);
            let comment = "propagnde adminstration pentagon pentagonne amazone washingtn proprietaire \
                proprietaires confiants communiquer actualites strase oeuvr naivetee 日本語でし administratio \
                ministration dministration affaire affairess xaffaires ffaires \
                anticonstitutionnellementissimeeeeeeeeeee anticonstitutionellementissimeeeeeeeeee";
            let mut probes: Vec<u32> = vocabulary.tokenize(comment).iter().map(|w| w.folded).collect();
            probes.extend(texts.iter().flat_map(|t| vocabulary.tokenize(t)).map(|w| w.folded));
            let mut typos = 0;
            for id in probes {
                let text = vocabulary.text(id).to_owned();
                let n = vocabulary.chars(id);
                let mut got = Vec::new();
                index.article_words_matching(&vocabulary, id, &mut got);
                let mut want: Vec<u32> = (0..vocabulary.forms() as u32)
                    .filter(|&a| index.listed.get(a as usize).copied().unwrap_or(false))
                    .filter(|&a| if n < 4 { a == id } else { vocabulary.chars(a).abs_diff(n) <= 2 && same_word(&text, vocabulary.text(a)) })
                    .collect();
                got.sort();
                want.sort();
                assert_eq!(got, want, "{text}");
                typos += want.iter().filter(|&&a| a != id).count();
            }
            assert!(typos > if with_long { 24 } else { 20 }, "{typos}");
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

    #[test]
    fn one_index_links_each_comment_as_a_fresh_one_does() {
        // The index keeps scratch buffers from one comment to the next: none may leak.
        let comments = [
            "« car ne faisant pas la propagande de son administration » on a vu plus neutre",
            "",
            "Le Pentagone et Amazon, quelle histoire, le président s'en mêle",
            "« le pentagone a cependant communique etre confiant » mouais",
            "confiant dans son choix",
            "AMAZON NE DIGERE TOUJOURS PAS, le fait d avoir perdu l'appel d'offre",
            "« confiant dans son choix »",
        ];
        let mut vocabulary = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
        let mut index = SentenceIndex::new(&SENTENCES, &mut vocabulary);
        let words: Vec<Vec<Word>> = comments.iter().map(|c| vocabulary.tokenize(c)).collect();
        for _ in 0..2 {
            for (comment, words) in comments.iter().zip(&words) {
                let mut fresh_vocabulary = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
                let mut fresh = SentenceIndex::new(&SENTENCES, &mut fresh_vocabulary);
                let fresh_words = fresh_vocabulary.tokenize(comment);
                let want = fresh.links(&fresh_vocabulary, comment, &fresh_words);
                assert_eq!(index.links(&vocabulary, comment, words), want, "{comment}");
            }
        }
    }
}
