//! Links comments to the article sentences they quote or closely paraphrase.
//!
//! A comment quotes a sentence when a stretch of its words lines up with the sentence (fuzzy
//! word equality, so typos, missing accents and changed punctuation still match). Text the
//! reader put between quotation marks needs less evidence than free text, since the reader said
//! it is a quotation. To stay fast on thousands of comments, only sentences sharing several
//! content words with the comment (by 4-letter prefix or suffix, which survive most typos) are
//! aligned.

use crate::summary::alignment::{best_overlap, tokenize, Token};
use std::collections::HashMap;
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
    by_key: HashMap<String, Vec<usize>>,
}

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
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
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
        SentenceIndex { texts: sentences.to_vec(), tokens, by_key }
    }

    /// The sentences `comment` quotes, best first, one link per sentence.
    pub fn links(&self, comment: &str, lang: &str) -> Vec<QuoteLink> {
        let mut tokens = tokenize(comment, lang);
        tokens.truncate(MAX_TOKENS);
        let quoted = quoted_spans(comment);
        let mut hits: HashMap<usize, usize> = HashMap::new();
        let mut seen_words: Vec<&str> = Vec::new();
        for t in tokens.iter().filter(|t| t.content) {
            if seen_words.contains(&t.folded.as_str()) {
                continue;
            }
            seen_words.push(&t.folded);
            let mut sentences: Vec<usize> = keys(&t.folded).flat_map(|k| self.by_key.get(&k).into_iter().flatten().copied()).collect();
            sentences.sort_unstable();
            sentences.dedup();
            for s in sentences {
                *hits.entry(s).or_default() += 1;
            }
        }
        let mut candidates: Vec<(usize, usize)> = hits.into_iter().filter(|&(_, n)| n >= QUOTED_CONTENT).collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);

        let mut links = Vec::new();
        for (s, _) in candidates {
            if let Some(link) = self.link(&tokens, &quoted, s) {
                links.push(link);
            }
        }
        links.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.sentence.cmp(&b.sentence)));
        links
    }

    fn link(&self, tokens: &[Token], quoted: &[Range<usize>], s: usize) -> Option<QuoteLink> {
        let sentence = &self.tokens[s];
        let make = |o: &crate::summary::alignment::Overlap, a: &[Token]| QuoteLink {
            sentence: s,
            passage: sentence[o.b.start].span.start..sentence[o.b.end - 1].span.end,
            in_comment: a[o.a.start].span.start..a[o.a.end - 1].span.end,
            score: o.score,
        };
        let whole = best_overlap(tokens, sentence);
        if whole.content >= FREE_CONTENT && whole.matched >= FREE_MATCHED && whole.score >= FREE_SCORE {
            return Some(make(&whole, tokens));
        }
        for span in quoted {
            let inside: Vec<Token> = tokens.iter().filter(|t| t.span.start >= span.start && t.span.end <= span.end).cloned().collect();
            if inside.is_empty() {
                continue;
            }
            let o = best_overlap(&inside, sentence);
            if o.content >= QUOTED_CONTENT && o.matched as f32 >= QUOTED_COVERAGE * inside.len() as f32 {
                return Some(make(&o, &inside));
            }
        }
        None
    }

    /// The text of sentence `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.texts[i]
    }
}

/// Lookup keys of a folded content word: its first and last four letters.
fn keys(word: &str) -> impl Iterator<Item = String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let prefix: String = chars[..n.min(4)].iter().collect();
    let suffix: String = chars[n.saturating_sub(4)..].iter().map(|c| c.to_ascii_uppercase()).collect();
    [prefix, suffix].into_iter()
}

/// Byte ranges of text between quotation marks: « », “ ”, „ “, ‹ ›, and straight "…" pairs.
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
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
