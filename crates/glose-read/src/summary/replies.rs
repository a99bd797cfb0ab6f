//! Replies by name: "@Popoulo …" or "… aussi pour Microsoft Popoulo." answers Popoulo's
//! comment even when the page does not nest it. Only comments whose extractor found no parent
//! are touched; they get the latest earlier comment by the named reader.

use crate::report::Comment;
use rustc_hash::FxHashMap;
use crate::summary::interned_words::{CommentWords, Vocabulary, Word};

/// Longest name looked for, in words.
const NAME_WORDS: usize = 3;
/// Padding of a name shorter than [`NAME_WORDS`].
const NONE: u32 = u32::MAX;

/// A name as folded word ids, padded.
type Name = [u32; NAME_WORDS];

#[cfg(any(test, feature = "internals"))]
/// Sets `reply_to` on comments that address an earlier commenter by name at their start or end.
/// A name that is also a word of the article (`article_words`, folded) is too ambiguous to use.
pub fn link_by_name(comments: &mut [Comment], article_words: &dyn Fn(&str) -> bool) {
    let mut vocabulary = Vocabulary::new("en", crate::summary::stance::phrase_starts());
    let words = CommentWords::new(comments.iter().map(|c| c.text.as_str()), &mut vocabulary);
    let authors = CommentWords::new(comments.iter().map(|c| c.author.as_deref().unwrap_or("")), &mut vocabulary);
    link_by_name_of(comments, &words, &authors, &vocabulary, &|id| article_words(vocabulary.text(id)));
}

/// [`link_by_name`] on comments and authors already tokenised into `vocabulary`;
/// `article_word` says whether a folded word id is too ambiguous to be a one-word name.
pub fn link_by_name_of(
    comments: &mut [Comment],
    words: &CommentWords,
    authors: &CommentWords,
    vocabulary: &Vocabulary,
    article_word: &dyn Fn(u32) -> bool,
) {
    // Author name → latest comment index so far.
    let mut latest: FxHashMap<Name, usize> = FxHashMap::default();
    // The names each comment may hold (one buffer for all: a Vec per comment was a tenth of
    // this step on a page of 10,000 comments).
    let mut candidates = Vec::with_capacity(4 * NAME_WORDS);
    for i in 0..comments.len() {
        let own = name(authors.of(i));
        if comments[i].reply_to.is_none() {
            if let Some(parent) = addressed(&comments[i].text, words.of(i), own, &latest, vocabulary, article_word, &mut candidates) {
                comments[i].reply_to = Some(comments[parent].id);
            }
        }
        if let Some(own) = own {
            latest.insert(own, i);
        }
    }
}

/// The author name as it would be written in a comment: its folded words (none when it has no
/// word or more than [`NAME_WORDS`], since such names are never looked for).
fn name(words: &[Word]) -> Option<Name> {
    if words.is_empty() || words.len() > NAME_WORDS {
        return None;
    }
    let mut key = [NONE; NAME_WORDS];
    for (k, w) in key.iter_mut().zip(words) {
        *k = w.folded;
    }
    Some(key)
}

/// The earlier comment whose author the comment names at its start, at its end or after "@"
/// (names of up to three words; the longest name that fits wins). `candidates` is scratch.
fn addressed<'w>(
    text: &str,
    words: &'w [Word],
    own: Option<Name>,
    latest: &FxHashMap<Name, usize>,
    vocabulary: &Vocabulary,
    article_word: &dyn Fn(u32) -> bool,
    candidates: &mut Vec<(usize, &'w [Word])>,
) -> Option<usize> {
    if latest.is_empty() {
        return None;
    }
    let n = words.len();
    let first = &words[..n.min(NAME_WORDS)];
    let last = &words[n.saturating_sub(NAME_WORDS)..];
    // Each candidate with its written length (bytes, as the folded words joined by spaces),
    // computed once rather than at every comparison.
    let bytes = |c: &[Word]| c.iter().map(|w| vocabulary.text(w.folded).len()).sum::<usize>() + c.len() - 1;
    candidates.clear();
    for k in (1..=NAME_WORDS.min(n)).rev() {
        candidates.push((bytes(&first[..k]), &first[..k]));
        candidates.push((bytes(&last[last.len() - k..]), &last[last.len() - k..]));
    }
    for (i, _) in text.match_indices('@') {
        let at = words.partition_point(|w| (w.start as usize) <= i);
        let after = &words[at..n.min(at + NAME_WORDS)];
        for k in (1..=after.len()).rev() {
            candidates.push((bytes(&after[..k]), &after[..k]));
        }
    }
    // Longest written name first.
    longest_first(candidates);
    candidates.iter().map(|&(_, c)| c).find_map(|c| {
        let key = name(c)?;
        let chars = c.iter().map(|w| vocabulary.chars(w.folded)).sum::<usize>() + c.len() - 1;
        let usable = Some(key) != own && chars >= 3 && (c.len() > 1 || !article_word(c[0].folded));
        usable.then(|| latest.get(&key).copied()).flatten()
    })
}

/// Sorts `items` by their length (the `usize`), longest first, stably: the order of
/// `crate::sorting::sort_by_key` with `Reverse(length)`, by insertion (a comment has six
/// candidates or a few more, sorted for every comment).
fn longest_first<T>(items: &mut [(usize, T)]) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && items[j - 1].0 < items[j].0 {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_orders_like_the_shared_stable_sort() {
        // Lengths with many ties, tagged with their position to see the order of equal ones.
        let mut seed = 7u32;
        for len in 0..40 {
            let items: Vec<(usize, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as usize % 6, i)
                })
                .collect();
            let mut got = items.clone();
            longest_first(&mut got);
            let mut want = items;
            crate::sorting::sort_by_key(&mut want, |c| std::cmp::Reverse(c.0));
            assert_eq!(got, want);
        }
    }

    fn comment(id: u32, author: &str, text: &str) -> Comment {
        Comment { id, author: Some(author.into()), text: text.into(), ..Comment::default() }
    }

    #[test]
    fn names_at_the_end_start_or_after_at() {
        let mut c = vec![
            comment(0, "Popoulo", "Amazon… commencez par payer vos impôts."),
            comment(1, "Blues_Blanche", "Rien à voir."),
            comment(2, "newseven", "Est-ce que valable aussi pour Microsoft Popoulo."),
            comment(3, "x", "blues_blanche : pas d'accord"),
            comment(4, "y", "Je suis d'accord avec @Popoulo sur ce point"),
            comment(5, "z", "Popoulo n'a pas tort mais bon"),
        ];
        link_by_name(&mut c, &|_| false);
        let parents: Vec<Option<u32>> = c.iter().map(|c| c.reply_to).collect();
        assert_eq!(parents, [None, None, Some(0), Some(1), Some(0), Some(0)]);
    }

    #[test]
    fn keeps_known_parents_and_ignores_article_words() {
        let mut c = vec![comment(0, "Amazon", "Hello."), comment(1, "b", "Amazon"), comment(2, "c", "Hi b")];
        c[2].reply_to = Some(0);
        link_by_name(&mut c, &|w| w == "amazon");
        assert_eq!(c[1].reply_to, None);
        assert_eq!(c[2].reply_to, Some(0));
    }
}
