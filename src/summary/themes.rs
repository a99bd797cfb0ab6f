//! Themes: groups of comments about the same thing, with a label, key words and the comment
//! that best represents each group.
//!
//! Each comment becomes a TF-IDF vector of its stemmed content words, plus two features that
//! say what it is about beyond its words: "talks about the article itself" (a meta-comment) and
//! "quotes sentence N". Comments are grouped by average-linkage clustering of their cosine
//! similarities, cut at a fixed average link; a reply is pulled toward the comment it answers,
//! because "Bien dit !" shares no words with what it approves.

use crate::report::{Comment, Theme};
use crate::summary::clustering::average_linkage;
use crate::summary::vectors::{dot, SparseVector, TermVectors, MAX_SHARE};
use std::borrow::Cow;
use crate::text::words::{fold, is_stop_word, word_ranges, words as words_of, Stemmer};
use crate::summary::fast_hash::{FastMap, FastSet};

/// Groups merge while their average cosine link is at least this.
pub const CUT: f32 = 0.15;
/// Added to the link between a reply and the comment it answers.
pub const REPLY_PULL: f32 = 0.35;
/// No themes for this few comments or fewer: there is nothing to group.
pub const MIN_COMMENTS: usize = 4;
/// Themes reported, at most (largest first).
pub const MAX_THEMES: usize = 8;
/// Key words per theme.
const KEYWORDS: usize = 5;
/// Feature for comments about the article itself.
const META_FEATURE: &str = "@meta";

/// Words of one comment: (stem, surface word lower-cased), content words only, in order, with
/// whether the next word is adjacent (no stop word between) for key phrases.
struct CommentWords {
    words: Vec<(String, String)>,
    adjacent_to_next: Vec<bool>,
}

/// Groups `comments` (with `quotes`, `stance` and `reply_to` already set) into themes.
/// `meta_label` prefixes the label of themes made mostly of meta-comments ("l'article : ").
pub fn themes(comments: &[Comment], lang: &str, meta_label: &str) -> Vec<Theme> {
    if comments.len() < MIN_COMMENTS {
        return Vec::new();
    }
    let stemmer = Stemmer::new(lang);
    let mut stems: FastMap<String, String> = FastMap::default();
    let words: Vec<CommentWords> = comments.iter().map(|c| comment_words(&c.text, lang, &stemmer, &mut stems)).collect();
    // Stems are borrowed from `words`: one String per term was a visible share of the time.
    let documents: Vec<Vec<Cow<str>>> = comments
        .iter()
        .zip(&words)
        .map(|(c, w)| {
            let mut terms: Vec<Cow<str>> = w.words.iter().map(|(stem, _)| Cow::Borrowed(stem.as_str())).collect();
            if c.stance.is_some() {
                terms.push(Cow::Borrowed(META_FEATURE));
            }
            for q in &c.quotes {
                terms.push(Cow::Owned(format!("@quote{q}")));
            }
            terms
        })
        .collect();
    let vectors = TermVectors::new(&documents);
    let mut edges: Vec<(usize, usize, f32)> = Vec::new();
    for (i, list) in vectors.neighbours().into_iter().enumerate() {
        edges.extend(list.into_iter().filter(|&(j, _)| i < j).map(|(j, s)| (i, j, s)));
    }
    let position: FastMap<u32, usize> = comments.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    for (i, c) in comments.iter().enumerate() {
        if let Some(&p) = c.reply_to.and_then(|r| position.get(&r)) {
            edges.push((i, p, REPLY_PULL));
        }
    }
    let groups = average_linkage(comments.len(), &edges, CUT);
    let names: FastSet<String> =
        comments.iter().filter_map(|c| c.author.as_deref()).flat_map(|a| words_of(a).map(|w| stemmer.stem(w))).collect();
    groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .take(MAX_THEMES)
        .map(|g| describe(&g, comments, &words, &vectors, &names, meta_label))
        .collect()
}

/// A comment's content words with their stems; `stems` caches stems by surface word, since
/// readers reuse the same words (stemming is the costly part on large sections).
fn comment_words(text: &str, lang: &str, stemmer: &Stemmer, stems: &mut FastMap<String, String>) -> CommentWords {
    let mut words = Vec::new();
    let mut adjacent_to_next = Vec::new();
    let mut previous_was_content = false;
    for range in word_ranges(text) {
        let word = &text[range];
        let folded = fold(word);
        let content = folded.chars().count() > 2 && !folded.chars().all(|c| c.is_ascii_digit()) && !is_stop_word(lang, &folded);
        if content {
            if let Some(last) = adjacent_to_next.last_mut() {
                *last = previous_was_content;
            }
            let lower = if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() };
            let stem = match stems.get(&lower) {
                Some(stem) => stem.clone(),
                None => {
                    let stem = stemmer.stem(&lower);
                    stems.insert(lower.clone(), stem.clone());
                    stem
                }
            };
            words.push((stem, lower));
            adjacent_to_next.push(false);
        }
        previous_was_content = content;
    }
    CommentWords { words, adjacent_to_next }
}

/// Label, key words and representative of one group.
fn describe(
    group: &[usize],
    comments: &[Comment],
    words: &[CommentWords],
    vectors: &TermVectors,
    names: &FastSet<String>,
    meta_label: &str,
) -> Theme {
    // Key words: stems shared by the most members, then by summed TF-IDF (without the
    // single-comment discount, so that a word one reader repeats can name the theme); never
    // a commenter's name.
    let n = comments.len() as f32;
    let ids: FastMap<&str, usize> = vectors.vocabulary.iter().enumerate().map(|(i, t)| (t.as_str(), i)).collect();
    let mut score: FastMap<&str, (usize, f32)> = FastMap::default();
    for &m in group {
        let mut tf: FastMap<&str, u32> = FastMap::default();
        for (stem, _) in &words[m].words {
            *tf.entry(stem.as_str()).or_default() += 1;
        }
        for (stem, count) in tf {
            let df = ids.get(stem).map_or(1, |&i| vectors.document_frequency[i]) as f32;
            let e = score.entry(stem).or_default();
            e.0 += 1;
            e.1 += (1.0 + (count as f32).ln()) * (((1.0 + n) / (1.0 + df)).ln() + 1.0);
        }
    }
    let too_common = |t: &str| ids.get(t).is_some_and(|&i| vectors.document_frequency[i] as f32 > MAX_SHARE * n);
    let mut ranked: Vec<(&str, (usize, f32))> =
        score.into_iter().filter(|(t, _)| !names.contains(*t) && !too_common(t)).collect();
    ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(b.1 .1.total_cmp(&a.1 .1)).then(a.0.cmp(b.0)));
    let surface = surface_forms(group, words);
    let keywords: Vec<String> = ranked.iter().take(KEYWORDS).filter_map(|(t, _)| surface.get(*t).cloned()).collect();

    // A phrase names the theme when it holds one of its top key words.
    let phrase = key_phrase(group, words).filter(|p| {
        let p = p.to_lowercase();
        keywords.iter().take(3).any(|k| p.split(' ').any(|w| w == k))
    });
    let mut label = phrase.unwrap_or_else(|| keywords.iter().take(2).cloned().collect::<Vec<_>>().join(", "));
    let meta = group.iter().filter(|&&m| comments[m].stance.is_some()).count();
    if meta * 2 > group.len() {
        label = if label.is_empty() { meta_label.trim_end_matches([' ', ':']).to_owned() } else { format!("{meta_label}{label}") };
    }

    // Representative: closest to the group's centroid; longer text breaks ties.
    let mut centroid: FastMap<u32, f32> = FastMap::default();
    for &m in group {
        for &(t, w) in &vectors.vectors[m] {
            *centroid.entry(t).or_default() += w;
        }
    }
    let mut centroid: SparseVector = centroid.into_iter().collect();
    centroid.sort_unstable_by_key(|x| x.0);
    let representative = group
        .iter()
        .copied()
        .max_by(|&a, &b| {
            dot(&vectors.vectors[a], &centroid)
                .total_cmp(&dot(&vectors.vectors[b], &centroid))
                .then(comments[a].text.len().cmp(&comments[b].text.len()))
                .then(b.cmp(&a))
        })
        .unwrap_or(group[0]);

    Theme {
        label,
        keywords,
        comments: group.iter().map(|&m| comments[m].id).collect(),
        representative: comments[representative].id,
    }
}

/// Stem → its most frequent surface word in the group.
fn surface_forms(group: &[usize], words: &[CommentWords]) -> FastMap<String, String> {
    let mut counts: FastMap<&str, FastMap<&str, usize>> = FastMap::default();
    for &m in group {
        for (stem, word) in &words[m].words {
            *counts.entry(stem).or_default().entry(word).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(stem, forms)| {
            let best = forms.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|x| x.0).unwrap_or(stem);
            (stem.to_owned(), best.to_owned())
        })
        .collect()
}

/// Two adjacent content words that at least two members of the group use ("fournisseur
/// dépendant"), as the most frequent members wrote them.
fn key_phrase(group: &[usize], words: &[CommentWords]) -> Option<String> {
    let mut seen: FastMap<(&str, &str), (usize, String, usize)> = FastMap::default();
    for (order, &m) in group.iter().enumerate() {
        let w = &words[m];
        let mut in_this: Vec<(&str, &str)> = Vec::new();
        for i in 0..w.words.len().saturating_sub(1) {
            if !w.adjacent_to_next[i] {
                continue;
            }
            let key = (w.words[i].0.as_str(), w.words[i + 1].0.as_str());
            if in_this.contains(&key) {
                continue;
            }
            in_this.push(key);
            let e = seen.entry(key).or_insert_with(|| (0, format!("{} {}", w.words[i].1, w.words[i + 1].1), order));
            e.0 += 1;
        }
    }
    seen.into_values().filter(|e| e.0 >= 2).max_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(b.1.cmp(&a.1))).map(|e| e.1)
}
