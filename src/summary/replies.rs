//! Replies by name: "@Popoulo …" or "… aussi pour Microsoft Popoulo." answers Popoulo's
//! comment even when the page does not nest it. Only comments whose extractor found no parent
//! are touched; they get the latest earlier comment by the named reader.

use crate::report::Comment;
use crate::text::words::{fold, words};
use crate::summary::fast_hash::FastMap;

/// Sets `reply_to` on comments that address an earlier commenter by name at their start or end.
/// A name that is also a word of the article (`article_words`, folded) is too ambiguous to use.
pub fn link_by_name(comments: &mut [Comment], article_words: &dyn Fn(&str) -> bool) {
    // Folded author name → latest comment index so far.
    let mut latest: FastMap<String, usize> = FastMap::default();
    for i in 0..comments.len() {
        if comments[i].reply_to.is_none() {
            if let Some(parent) = addressed(&comments[i], &latest, article_words) {
                comments[i].reply_to = Some(comments[parent].id);
            }
        }
        if let Some(name) = comments[i].author.as_deref().map(name_key) {
            if !name.is_empty() {
                latest.insert(name, i);
            }
        }
    }
}

/// The author name as it would be written in a comment: folded words joined by spaces.
fn name_key(name: &str) -> String {
    words(name).map(fold).collect::<Vec<_>>().join(" ")
}

/// The earlier comment whose author `comment` names at its start, at its end or after "@"
/// (names of up to three words; the longest name that fits wins).
fn addressed(comment: &Comment, latest: &FastMap<String, usize>, article_words: &dyn Fn(&str) -> bool) -> Option<usize> {
    let own = comment.author.as_deref().map(name_key).unwrap_or_default();
    let text = comment.text.trim();
    let all = crate::text::words::word_ranges(text);
    let edge = |ranges: &[std::ops::Range<usize>]| ranges.iter().map(|r| fold(&text[r.clone()])).collect::<Vec<_>>();
    let first = edge(&all[..all.len().min(3)]);
    let last = edge(&all[all.len().saturating_sub(3)..]);
    let mut candidates: Vec<String> = Vec::new();
    for k in (1..=3.min(all.len())).rev() {
        candidates.push(first[..k].join(" "));
        candidates.push(last[last.len() - k..].join(" "));
    }
    for (i, _) in text.match_indices('@') {
        let after: Vec<String> = words(&text[i + 1..]).take(3).map(fold).collect();
        for k in (1..=after.len()).rev() {
            candidates.push(after[..k].join(" "));
        }
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.len()));
    candidates.into_iter().find_map(|name| {
        let usable = name != own && name.chars().count() >= 3 && (name.contains(' ') || !article_words(&name));
        usable.then(|| latest.get(&name).copied()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
