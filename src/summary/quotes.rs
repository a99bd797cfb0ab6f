//! Links comments to the article sentences they quote or closely paraphrase.
//!
//! A comment quotes a sentence when a stretch of its words lines up with the sentence (fuzzy
//! word equality, so typos, missing accents and changed punctuation still match). Text the
//! reader put between quotation marks needs less evidence than free text, since the reader said
//! it is a quotation. To stay fast on thousands of comments, only sentences sharing several
//! content words with the comment (by 4-letter prefix or suffix, which survive most typos) are
//! aligned.

use crate::summary::alignment::{best_overlap_by, same_word, tokenize, Overlap, Token};
use std::cell::RefCell;
use crate::summary::fast_hash::FastMap;
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

/// The article's sentences, tokenised and indexed for fast candidate lookup.
pub struct SentenceIndex<'a> {
    texts: Vec<&'a str>,
    tokens: Vec<Vec<Token>>,
    /// Each sentence's words as ids into `vocabulary`.
    word_ids: Vec<Vec<u32>>,
    /// Distinct folded words of the article.
    vocabulary: Vec<String>,
    by_key: FastMap<String, Vec<usize>>,
    /// Comment word → the article words it matches (exactly or within a typo), cached because
    /// readers reuse the same words.
    matches: RefCell<FastMap<String, Vec<u32>>>,
}

/// Cached comment words, at most (the cache is emptied when full).
const MATCH_CACHE: usize = 50_000;

impl<'a> SentenceIndex<'a> {
    /// Indexes `sentences` for the language `lang`.
    pub fn new(sentences: &[&'a str], lang: &str) -> SentenceIndex<'a> {
        let tokens: Vec<Vec<Token>> = sentences
            .iter()
            .map(|s| {
                let mut t = tokenize(s, lang);
                t.truncate(MAX_TOKENS);
                t
            })
            .collect();
        let mut ids: FastMap<String, u32> = FastMap::default();
        let mut vocabulary = Vec::new();
        let word_ids = tokens
            .iter()
            .map(|toks| {
                toks.iter()
                    .map(|t| {
                        *ids.entry(t.folded.clone()).or_insert_with(|| {
                            vocabulary.push(t.folded.clone());
                            vocabulary.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let mut by_key: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, toks) in tokens.iter().enumerate() {
            for t in toks.iter().filter(|t| t.content) {
                for k in keys(&t.folded) {
                    let list = by_key.entry(k).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        SentenceIndex {
            texts: sentences.to_vec(),
            tokens,
            word_ids,
            vocabulary,
            by_key,
            matches: RefCell::new(FastMap::default()),
        }
    }

    /// The sentences `comment` quotes, best first, one link per sentence.
    pub fn links(&self, comment: &str, lang: &str) -> Vec<QuoteLink> {
        let mut tokens = tokenize(comment, lang);
        tokens.truncate(MAX_TOKENS);
        let quoted = quoted_spans(comment);
        let mut hits: FastMap<usize, usize> = FastMap::default();
        let mut seen_words: Vec<&str> = Vec::new();
        for t in tokens.iter().filter(|t| t.content) {
            if seen_words.contains(&t.folded.as_str()) {
                continue;
            }
            seen_words.push(&t.folded);
            let mut sentences: Vec<usize> =
                keys(&t.folded).flat_map(|k| self.by_key.get(&k).into_iter().flatten().copied()).collect();
            sentences.sort_unstable();
            sentences.dedup();
            for s in sentences {
                *hits.entry(s).or_default() += 1;
            }
        }
        let mut candidates: Vec<(usize, usize)> = hits.into_iter().filter(|&(_, n)| n >= QUOTED_CONTENT).collect();
        if candidates.is_empty() {
            return Vec::new();
        }
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);

        let matches: Vec<Vec<u32>> = tokens.iter().map(|t| self.article_words_matching(&t.folded)).collect();
        let mut links = Vec::new();
        for (s, shared) in candidates {
            if let Some(link) = self.link(&tokens, &matches, &quoted, s, shared) {
                links.push(link);
            }
        }
        links.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
        links
    }

    /// Ids of the article words that `word` (folded) equals, give or take a typo.
    fn article_words_matching(&self, word: &str) -> Vec<u32> {
        if let Some(found) = self.matches.borrow().get(word) {
            return found.clone();
        }
        let found: Vec<u32> = (0..self.vocabulary.len() as u32).filter(|&i| same_word(word, &self.vocabulary[i as usize])).collect();
        let mut cache = self.matches.borrow_mut();
        if cache.len() >= MATCH_CACHE {
            cache.clear();
        }
        cache.insert(word.to_owned(), found.clone());
        found
    }

    fn link(&self, tokens: &[Token], matches: &[Vec<u32>], quoted: &[Range<usize>], s: usize, shared: usize) -> Option<QuoteLink> {
        let sentence = &self.tokens[s];
        let ids = &self.word_ids[s];
        let b_content: Vec<bool> = sentence.iter().map(|t| t.content).collect();
        let align = |range: Range<usize>| {
            let a_content: Vec<bool> = tokens[range.clone()].iter().map(|t| t.content).collect();
            let o = best_overlap_by(&a_content, &b_content, |i, j| matches[range.start + i].contains(&ids[j]));
            (o, range.start)
        };
        let make = |o: &Overlap, offset: usize| QuoteLink {
            sentence: s,
            passage: sentence[o.b.start].span.start..sentence[o.b.end - 1].span.end,
            in_comment: tokens[offset + o.a.start].span.start..tokens[offset + o.a.end - 1].span.end,
            score: o.score,
        };
        if shared >= FREE_CONTENT && dense_enough(tokens, matches, ids) {
            let (whole, offset) = align(0..tokens.len());
            if whole.content >= FREE_CONTENT && whole.matched >= FREE_MATCHED && whole.score >= FREE_SCORE {
                return Some(make(&whole, offset));
            }
        }
        for span in quoted {
            let lo = tokens.partition_point(|t| t.span.start < span.start);
            let hi = tokens.partition_point(|t| t.span.end <= span.end);
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

    /// The text of sentence `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.texts[i]
    }
}

/// Whether some stretch of the comment has enough words of the sentence for a free-text link:
/// [`FREE_MATCHED`] matching words, [`FREE_CONTENT`] of them content words, within a window
/// where gaps could not have sunk the alignment score. A cheap test before the alignment.
fn dense_enough(tokens: &[Token], matches: &[Vec<u32>], ids: &[u32]) -> bool {
    const WINDOW: usize = 2 * FREE_MATCHED + 4;
    let hit: Vec<(bool, bool)> = tokens
        .iter()
        .zip(matches)
        .map(|(t, m)| {
            let found = m.iter().any(|id| ids.contains(id));
            (found, found && t.content)
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

/// Lookup keys of a folded content word: its first and last four letters.
fn keys(word: &str) -> impl Iterator<Item = String> {
    if word.is_ascii() {
        let n = word.len();
        return [word[..n.min(4)].to_owned(), word[n.saturating_sub(4)..].to_ascii_uppercase()].into_iter();
    }
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let prefix: String = chars[..n.min(4)].iter().collect();
    let suffix: String = chars[n.saturating_sub(4)..].iter().map(|c| c.to_ascii_uppercase()).collect();
    [prefix, suffix].into_iter()
}

/// Byte ranges of text between quotation marks: « », “ ”, „ “, ‹ ›, and straight "…" pairs.
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if text.is_ascii() {
        // Only straight quotes are ASCII: pair them up with a byte search.
        let mut marks = text.bytes().enumerate().filter(|&(_, b)| b == b'"').map(|(i, _)| i);
        while let Some(open) = marks.next() {
            let start = open + 1;
            match marks.next() {
                Some(close) => out.push(start..close),
                None if start < text.len() => out.push(start..text.len()),
                None => {}
            }
        }
        return out;
    }
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                let closer = match c {
                    '«' => '»',
                    '“' => '”',
                    '„' => '“',
                    '‹' => '›',
                    '"' => '"',
                    _ => continue,
                };
                open = Some((closer, i + c.len_utf8()));
            }
            Some((closer, start)) => {
                if c == closer {
                    out.push(start..i);
                    open = None;
                }
            }
        }
    }
    if let Some((_, start)) = open {
        // An unclosed quote runs to the end of the comment.
        if start < text.len() {
            out.push(start..text.len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCES: [&str; 3] = [
        "Amazon ne digère toujours pas le fait d'avoir perdu un appel d'offre du Pentagone.",
        "Le président américain reproche en effet à l'homme d'affaires d'être le propriétaire du Washington Post, média dont le traitement de l'actualité lui déplaît (car ne faisant pas la propagande de son administration).",
        "Le Pentagone a cependant communiqué être confiant dans son choix.",
    ];

    fn linked(comment: &str) -> Vec<usize> {
        SentenceIndex::new(&SENTENCES, "fr").links(comment, "fr").into_iter().map(|l| l.sentence).collect()
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
    fn quoted_spans_pair_marks() {
        let t = "a « b » c “d” \"e\" «f";
        let spans: Vec<&str> = quoted_spans(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(spans, ["b", "d", "e", "f"]);
    }
}
