//! The comment summary: themes, stance toward the article, quoted passages.
//!
//! Steps, each in its own file, all on words interned once ([`interned_words`]): link comments to
//! the sentences they quote ([`quotes`]); find
//! replies addressed by name ([`replies`]); find meta-comments and their stance ([`stance`]);
//! group comments into themes ([`themes`]); write a few lines ([`wording`]).

mod alignment;
mod clustering;
mod filler_words;
pub mod quotes;
pub mod replies;
pub mod stance;
pub mod themes;
mod vectors;
pub mod interned_words;
mod wording;

use crate::report::{Comment, DisputedPassage, QuotedPassage, Sentence, Stance, Summary};
use rustc_hash::{FxHashMap, FxHashSet};
use crate::summary::interned_words::{CommentWords, Vocabulary};
use std::ops::Range;

/// Summarises the comments; fills each comment's `quotes` and `stance`, and sets `reply_to` on
/// comments that address an earlier commenter by name when the page did not nest them.
/// `comment_count` and `section` are left to the caller.
pub fn summarize(comments: &mut [Comment], sentences: &[Sentence], lang: &str) -> Summary {
    let lang = if crate::text::words::SUPPORTED.contains(&lang) { lang } else { "en" };
    if comments.is_empty() {
        // Nothing to link: skip indexing the article's sentences (costly on long articles).
        let facts = wording::Facts { comments: 0, themes: &[], disputing: 0, agreeing: 0, disputed_passage: None, most_quoted: None };
        return Summary { text: wording::write(&facts, lang), ..Summary::default() };
    }
    // Every word of the article and the comments is tokenised, folded (and later stemmed) once.
    let mut vocabulary = Vocabulary::new(lang, stance::phrase_starts());
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let mut index = quotes::SentenceIndex::new(&texts, &mut vocabulary);
    let words = CommentWords::new(comments.iter().map(|c| c.text.as_str()), &mut vocabulary);

    // Quotes: sentence index → (comment ids, quoted byte range).
    let mut quoted: FxHashMap<usize, (Vec<u32>, Range<usize>)> = FxHashMap::default();
    for (i, c) in comments.iter_mut().enumerate() {
        let links = index.links(&vocabulary, &c.text, words.of(i));
        c.quotes = links.iter().map(|l| sentences[l.sentence].id).collect();
        for l in links {
            let e = quoted.entry(l.sentence).or_insert_with(|| (Vec::new(), l.passage.clone()));
            e.0.push(c.id);
            // The part every quoter quotes (when they overlap), else the first quoter's.
            let common = e.1.start.max(l.passage.start)..e.1.end.min(l.passage.end);
            if common.start < common.end {
                e.1 = common;
            }
        }
    }

    let authors = CommentWords::new(comments.iter().map(|c| c.author.as_deref().unwrap_or("")), &mut vocabulary);
    let article_word = |id: u32| index.in_article(id) || vocabulary.is_stop(id);
    replies::link_by_name_of(comments, &words, &authors, &vocabulary, &article_word);

    for (i, c) in comments.iter_mut().enumerate() {
        c.stance = stance::stance_of(&vocabulary, &c.text, words.of(i), !c.quotes.is_empty());
    }
    // A reply siding with a comment that disputes (or praises) the article does too. Parents come
    // before their replies, so one pass in page order carries a stance down a thread.
    let position = Positions::new(comments);
    for i in 0..comments.len() {
        let Some(parent) = comments[i].reply_to.and_then(|p| position.of(p)) else { continue };
        let inherited = comments[parent].stance;
        let own = comments[i].stance;
        if parent < i
            && matches!(inherited, Some(Stance::Disputes | Stance::Agrees))
            && matches!(own, None | Some(Stance::Neutral))
            && stance::sides_with_parent(&vocabulary, &comments[i].text, words.of(i))
        {
            comments[i].stance = inherited;
        }
    }
    let disputing = comments.iter().filter(|c| c.stance == Some(Stance::Disputes)).count();
    let agreeing = comments.iter().filter(|c| c.stance == Some(Stance::Agrees)).count();

    let meta_label = if lang == "fr" { "l'article : " } else { "the article: " };
    let themes = themes::themes_of(comments, &words, &authors, &mut vocabulary, meta_label);

    let mut passages: Vec<(usize, Vec<u32>, Range<usize>)> = quoted.into_iter().map(|(s, (c, r))| (s, c, r)).collect();
    crate::sorting::sort_by(&mut passages, |a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let excerpt = |s: usize, r: &Range<usize>| texts[s].get(r.clone()).unwrap_or(texts[s]);

    let disputers: FxHashSet<u32> = comments.iter().filter(|c| c.stance == Some(Stance::Disputes)).map(|c| c.id).collect();
    let disputed_passage = passages
        .iter()
        .map(|(s, c, r)| (s, r, c.iter().filter(|id| disputers.contains(id)).count()))
        .filter(|x| x.2 > 0)
        .max_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(a.0)))
        .map(|(s, r, k)| (*s, excerpt(*s, r), k));
    let most_quoted = passages.first().map(|(s, c, r)| (excerpt(*s, r), c.len()));

    let text = wording::write(
        &wording::Facts {
            comments: comments.len(),
            themes: &themes,
            disputing,
            agreeing,
            disputed_passage: disputed_passage.map(|(_, text, k)| (text, k)),
            most_quoted,
        },
        lang,
    );
    Summary {
        comment_count: comments.len() as u32,
        themes,
        quoted_passages: passages
            .iter()
            .map(|(s, c, _)| QuotedPassage { sentence: sentences[*s].id, comments: c.clone() })
            .collect(),
        text,
        disputing: disputing as u32,
        agreeing: agreeing as u32,
        disputed_passage: disputed_passage.map(|(s, text, k)| DisputedPassage {
            sentence: sentences[s].id,
            excerpt: wording::excerpt(text),
            readers: k as u32,
        }),
        section: None,
        frame_comments: 0,
    }
}

/// Comment id → its index in the comments (the last one with that id).
enum Positions {
    /// The ids ascend (the extractor numbers comments in page order: nearly always), so a binary
    /// search finds one: no map of every id (a tenth of the themes on 10,000 comments).
    Ascending(Vec<u32>),
    Map(FxHashMap<u32, usize>),
}

impl Positions {
    fn new(comments: &[Comment]) -> Positions {
        if comments.windows(2).all(|w| w[0].id < w[1].id) {
            Positions::Ascending(comments.iter().map(|c| c.id).collect())
        } else {
            Positions::Map(comments.iter().enumerate().map(|(i, c)| (c.id, i)).collect())
        }
    }

    /// The index of the comment `id`, if any.
    fn of(&self, id: u32) -> Option<usize> {
        match self {
            Positions::Ascending(ids) => ids.binary_search(&id).ok(),
            Positions::Map(map) => map.get(&id).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_by_search_are_those_of_a_map() {
        // Ascending ids (searched), and shuffled or repeated ones (mapped), against a map.
        let mut seed = 5u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut searched = 0;
        for round in 0..2_000 {
            let n = next(40);
            let mut ids: Vec<u32> = (0..n).map(|_| next(60) as u32).collect();
            if round % 2 == 0 {
                ids.sort();
                ids.dedup();
            }
            let comments: Vec<Comment> = ids.iter().map(|&id| Comment { id, ..Comment::default() }).collect();
            let map: FxHashMap<u32, usize> = comments.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
            let positions = Positions::new(&comments);
            searched += usize::from(matches!(positions, Positions::Ascending(_)));
            for id in 0..70 {
                assert_eq!(positions.of(id), map.get(&id).copied(), "{ids:?} {id}");
            }
        }
        assert!(searched > 1_000 && searched < 1_900, "{searched}");
    }

    #[test]
    fn never_panics_on_empty_or_odd_input() {
        assert_eq!(summarize(&mut [], &[], "fr").comment_count, 0);
        let mut comments: Vec<Comment> = ["", "«", "\"", "…", "@", "@ @", "((((", "»»»"]
            .iter()
            .enumerate()
            .map(|(i, t)| Comment { id: i as u32, author: Some(t.to_string()), text: t.to_string(), reply_to: Some(99), ..Comment::default() })
            .collect();
        let summary = summarize(&mut comments, &[], "xx");
        assert_eq!(summary.comment_count, 8);
        assert!(summary.quoted_passages.is_empty());
        assert!(summary.text.starts_with("8 comments."));
    }
}
