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
use rustc_hash::{FxHashMap, FxHashSet};
use crate::summary::vectors::{dot, SparseVector, TermVectors, MAX_SHARE};
use crate::summary::interned_words::{CommentWords, Vocabulary};

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
/// No term id yet.
const NONE: u32 = u32::MAX;

/// Words of every comment: (stem, surface word lower-cased) as vocabulary ids, content words
/// only, in order, with whether the next word is adjacent (no stop word between) for key
/// phrases. All comments in one buffer (two Vecs per comment were a fifth of the themes' cost
/// on a 10,000-comment page).
struct ThemeWords {
    words: Vec<(u32, u32)>,
    adjacent_to_next: Vec<bool>,
    /// Comment `i`'s words are `bounds[i]..bounds[i + 1]`.
    bounds: Vec<usize>,
}

impl ThemeWords {
    /// The content words of each of the first `count` comments of `words`, with their stems.
    fn new(words: &CommentWords, count: usize, vocabulary: &mut Vocabulary) -> ThemeWords {
        let mut out = ThemeWords { words: Vec::new(), adjacent_to_next: Vec::new(), bounds: Vec::with_capacity(count + 1) };
        out.bounds.push(0);
        for i in 0..count {
            let start = out.words.len();
            let mut previous_was_content = false;
            for w in words.of(i) {
                let content = vocabulary.is_theme_content(w.folded);
                if content {
                    // The previous content word of this comment, if any.
                    if out.words.len() > start {
                        if let Some(last) = out.adjacent_to_next.last_mut() {
                            *last = previous_was_content;
                        }
                    }
                    out.words.push((vocabulary.stem(w.surface), vocabulary.lower(w.surface)));
                    out.adjacent_to_next.push(false);
                }
                previous_was_content = content;
            }
            out.bounds.push(out.words.len());
        }
        out
    }

    /// Comment `m`'s (stem, lower-case word) pairs.
    fn words(&self, m: usize) -> &[(u32, u32)] {
        &self.words[self.bounds[m]..self.bounds[m + 1]]
    }

    /// Whether each of comment `m`'s words is adjacent to the next.
    fn adjacent_to_next(&self, m: usize) -> &[bool] {
        &self.adjacent_to_next[self.bounds[m]..self.bounds[m + 1]]
    }
}

#[cfg(any(test, feature = "internals"))]
/// Groups `comments` (with `quotes`, `stance` and `reply_to` already set) into themes.
/// `meta_label` prefixes the label of themes made mostly of meta-comments ("l'article : ").
pub fn themes(comments: &[Comment], lang: &str, meta_label: &str) -> Vec<Theme> {
    if comments.len() < MIN_COMMENTS {
        return Vec::new();
    }
    let mut vocabulary = Vocabulary::new(lang, crate::summary::stance::phrase_starts());
    let words = CommentWords::new(comments.iter().map(|c| c.text.as_str()), &mut vocabulary);
    let authors = CommentWords::new(comments.iter().map(|c| c.author.as_deref().unwrap_or("")), &mut vocabulary);
    themes_of(comments, &words, &authors, &mut vocabulary, meta_label)
}

/// [`themes`] on comments and their authors' names already tokenised into `vocabulary`.
pub fn themes_of(
    comments: &[Comment],
    words: &CommentWords,
    authors: &CommentWords,
    vocabulary: &mut Vocabulary,
    meta_label: &str,
) -> Vec<Theme> {
    if comments.len() < MIN_COMMENTS {
        return Vec::new();
    }
    let theme_words = ThemeWords::new(words, comments.len(), vocabulary);
    let mut names: FxHashSet<u32> = FxHashSet::default();
    for i in 0..comments.len() {
        for w in authors.of(i) {
            names.insert(vocabulary.stem(w.surface));
        }
    }

    // Term ids in order of first use, features ("talks about the article", "quotes sentence N")
    // in the same id space as the stems.
    let mut term_of = vec![NONE; vocabulary.forms()];
    let mut terms = 0u32;
    let mut next = || {
        terms += 1;
        terms - 1
    };
    let mut meta_term = NONE;
    let mut quote_terms: FxHashMap<u32, u32> = FxHashMap::default();
    // Every comment's terms in one buffer: comment i's are `doc_terms[doc_bounds[i]..doc_bounds[i + 1]]`.
    let mut doc_terms: Vec<u32> = Vec::with_capacity(theme_words.words.len() + 2 * comments.len());
    let mut doc_bounds: Vec<usize> = Vec::with_capacity(comments.len() + 1);
    doc_bounds.push(0);
    for (m, c) in comments.iter().enumerate() {
        let doc = &mut doc_terms;
        for &(stem, _) in theme_words.words(m) {
            if term_of[stem as usize] == NONE {
                term_of[stem as usize] = next();
            }
            doc.push(term_of[stem as usize]);
        }
        if c.stance.is_some() {
            if meta_term == NONE {
                meta_term = next();
            }
            doc.push(meta_term);
        }
        for &q in &c.quotes {
            doc.push(*quote_terms.entry(q).or_insert_with(&mut next));
        }
        doc_bounds.push(doc_terms.len());
    }
    let documents = doc_bounds.windows(2).map(|b| &doc_terms[b[0]..b[1]]);
    let vectors = TermVectors::new(documents, terms as usize);
    let mut edges = vectors.edges();
    let position = crate::summary::Positions::new(comments);
    for (i, c) in comments.iter().enumerate() {
        if let Some(p) = c.reply_to.and_then(|r| position.of(r)) {
            edges.push((i, p, REPLY_PULL));
        }
    }
    let groups = average_linkage(comments.len(), &edges, CUT);
    let context = Context { comments, words: &theme_words, vectors: &vectors, term_of: &term_of, names: &names, vocabulary };
    groups.into_iter().filter(|g| g.len() >= 2).take(MAX_THEMES).map(|g| describe(&g, &context, meta_label)).collect()
}

#[cfg(test)]
/// A comment's content words with their stems and adjacency: the reference for [`ThemeWords`]
/// (one Vec pair per comment).
fn theme_words(words: &CommentWords, i: usize, vocabulary: &mut Vocabulary) -> (Vec<(u32, u32)>, Vec<bool>) {
    let words = words.of(i);
    let mut out = Vec::with_capacity(words.len());
    let mut adjacent_to_next = Vec::with_capacity(words.len());
    let mut previous_was_content = false;
    for w in words {
        let content = vocabulary.is_theme_content(w.folded);
        if content {
            if let Some(last) = adjacent_to_next.last_mut() {
                *last = previous_was_content;
            }
            out.push((vocabulary.stem(w.surface), vocabulary.lower(w.surface)));
            adjacent_to_next.push(false);
        }
        previous_was_content = content;
    }
    (out, adjacent_to_next)
}

/// What every theme's description reads.
struct Context<'a> {
    comments: &'a [Comment],
    words: &'a ThemeWords,
    vectors: &'a TermVectors,
    /// Stem id → term id.
    term_of: &'a [u32],
    /// Stems of the commenters' names.
    names: &'a FxHashSet<u32>,
    vocabulary: &'a Vocabulary,
}

/// Label, key words and representative of one group.
fn describe(group: &[usize], cx: &Context, meta_label: &str) -> Theme {
    let (comments, words, vectors, vocabulary) = (cx.comments, cx.words, cx.vectors, cx.vocabulary);
    let ranked = ranked_stems(group, cx);
    let top: Vec<u32> = ranked.iter().take(KEYWORDS).map(|x| x.0).collect();
    let surface = surface_forms(group, words, &top, vocabulary);
    let keywords: Vec<String> = top.iter().filter_map(|t| surface.get(t)).map(|&l| vocabulary.text(l).to_owned()).collect();

    // A phrase names the theme when it holds one of its top key words.
    let phrase = key_phrase(group, words, vocabulary).filter(|p| {
        let p = p.to_lowercase();
        keywords.iter().take(3).any(|k| p.split(' ').any(|w| w == k))
    });
    let mut label = phrase.unwrap_or_else(|| keywords.iter().take(2).cloned().collect::<Vec<_>>().join(", "));
    let topic = label.clone();
    let meta = group.iter().filter(|&&m| comments[m].stance.is_some()).count();
    let about_article = meta * 2 > group.len();
    if about_article {
        label = if label.is_empty() { meta_label.trim_end_matches([' ', ':']).to_owned() } else { format!("{meta_label}{label}") };
    }

    // Representative: closest to the group's centroid; longer text breaks ties.
    let centroid = centroid(group, vectors);
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
        about_article,
        topic,
    }
}

/// The group's key stems with (members using it, summed weight), best first: stems shared by
/// the most members, then by summed TF-IDF (without the single-comment discount, so that a word
/// one reader repeats can name the theme); never a commenter's name.
fn ranked_stems(group: &[usize], cx: &Context) -> Vec<(u32, (usize, f32))> {
    let (words, vectors, vocabulary) = (cx.words, cx.vectors, cx.vocabulary);
    let n = cx.comments.len() as f32;
    let df = |stem: u32| cx.term_of.get(stem as usize).and_then(|&t| vectors.document_frequency.get(t as usize)).copied();
    // Per stem, by its term id (every word of a comment has one): members using it and summed
    // weight, and its uses. Arrays rather than maps by stem: these were most of a description.
    let terms = vectors.document_frequency.len();
    let term = |stem: u32| cx.term_of[stem as usize] as usize;
    let mut score: Vec<(usize, f32)> = vec![(0, 0.0); terms];
    // The group's stems, in order of first use.
    let mut group_stems: Vec<u32> = Vec::new();
    let mut stems: Vec<u32> = Vec::new();
    for &m in group {
        stems.clear();
        stems.extend(words.words(m).iter().map(|w| w.0));
        crate::summary::vectors::sort_ids(&mut stems);
        for run in stems.chunk_by(|a, b| a == b) {
            let (stem, count) = (run[0], run.len());
            let df = df(stem).unwrap_or(1) as f32;
            let e = &mut score[term(stem)];
            if e.0 == 0 {
                group_stems.push(stem);
            }
            e.0 += 1;
            e.1 += (1.0 + (count as f32).ln()) * (((1.0 + n) / (1.0 + df)).ln() + 1.0);
        }
    }
    let too_common = |t: u32| df(t).is_some_and(|d| d as f32 > MAX_SHARE * n);
    // In a group, a key word is one that two members use, or that one member repeats: a word a
    // single reader wrote once in passing ("attributions") does not say what the group is about.
    let mut uses = vec![0usize; terms];
    for &m in group {
        for w in words.words(m) {
            uses[term(w.0)] += 1;
        }
    }
    let shared = |t: u32, members: usize| group.len() < 2 || members >= 2 || uses[term(t)] >= 2;
    // (Ranked by a total order: the order they are listed in does not matter.)
    let mut ranked: Vec<(u32, (usize, f32))> = group_stems
        .iter()
        .map(|&t| (t, score[term(t)]))
        .filter(|&(t, (members, _))| !cx.names.contains(&t) && !too_common(t) && shared(t, members))
        .collect();
    crate::sorting::sort_by(&mut ranked, |a, b| {
        b.1 .0.cmp(&a.1 .0).then(b.1 .1.total_cmp(&a.1 .1)).then_with(|| vocabulary.text(a.0).cmp(vocabulary.text(b.0)))
    });
    ranked
}

/// The sum of the group's vectors, by term id. Summed in an array by term id (listing the terms
/// in order of first use, then sorted) rather than a map: the maps were most of a description.
fn centroid(group: &[usize], vectors: &TermVectors) -> SparseVector {
    let terms = vectors.document_frequency.len();
    let (mut weights, mut listed) = (vec![0f32; terms], vec![false; terms]);
    let mut centroid: SparseVector = Vec::new();
    for &m in group {
        for &(t, w) in &vectors.vectors[m] {
            if !std::mem::replace(&mut listed[t as usize], true) {
                centroid.push((t, 0.0));
            }
            weights[t as usize] += w;
        }
    }
    for c in &mut centroid {
        c.1 = weights[c.0 as usize];
    }
    crate::sorting::sort_by_key(&mut centroid, |x| x.0);
    centroid
}

/// Stem → its most frequent surface word in the group, for the stems in `wanted`.
fn surface_forms(group: &[usize], words: &ThemeWords, wanted: &[u32], vocabulary: &Vocabulary) -> FxHashMap<u32, u32> {
    let mut counts: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    for &m in group {
        for &(stem, word) in words.words(m) {
            if wanted.contains(&stem) {
                *counts.entry((stem, word)).or_default() += 1;
            }
        }
    }
    let mut best: FxHashMap<u32, (u32, usize)> = FxHashMap::default();
    for ((stem, word), n) in counts {
        let e = best.entry(stem).or_insert((word, n));
        // The most frequent form; on a tie, the first in alphabetical order.
        if n > e.1 || (n == e.1 && vocabulary.text(word) < vocabulary.text(e.0)) {
            *e = (word, n);
        }
    }
    best.into_iter().map(|(stem, (word, _))| (stem, word)).collect()
}

/// Two adjacent content words that at least two members of the group use ("fournisseur
/// dépendant"), as the most frequent members wrote them.
fn key_phrase(group: &[usize], words: &ThemeWords, vocabulary: &Vocabulary) -> Option<String> {
    /// Members using a phrase, the first one's index in `group`, and its lower-case words.
    type Seen = (usize, usize, (u32, u32));
    let mut seen: FxHashMap<(u32, u32), Seen> = FxHashMap::default();
    let mut in_this: Vec<(u32, u32)> = Vec::new();
    for (order, &m) in group.iter().enumerate() {
        let (w, adjacent_to_next) = (words.words(m), words.adjacent_to_next(m));
        in_this.clear();
        for i in 0..w.len().saturating_sub(1) {
            if !adjacent_to_next[i] {
                continue;
            }
            let key = (w[i].0, w[i + 1].0);
            if in_this.contains(&key) {
                continue;
            }
            in_this.push(key);
            let e = seen.entry(key).or_insert((0, order, (w[i].1, w[i + 1].1)));
            e.0 += 1;
        }
    }
    let text = |p: (u32, u32)| format!("{} {}", vocabulary.text(p.0), vocabulary.text(p.1));
    seen.into_values()
        .filter(|e| e.0 >= 2)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then_with(|| text(b.2).cmp(&text(a.2))))
        .map(|e| text(e.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`ranked_stems`] by maps keyed by stem (the former way, the reference).
    fn ranked_by_maps(group: &[usize], cx: &Context) -> Vec<(u32, (usize, f32))> {
        let (words, vectors, vocabulary) = (cx.words, cx.vectors, cx.vocabulary);
        let n = cx.comments.len() as f32;
        let df = |stem: u32| cx.term_of.get(stem as usize).and_then(|&t| vectors.document_frequency.get(t as usize)).copied();
        let mut score: FxHashMap<u32, (usize, f32)> = FxHashMap::default();
        for &m in group {
            let mut stems: Vec<u32> = words.words(m).iter().map(|w| w.0).collect();
            stems.sort();
            for run in stems.chunk_by(|a, b| a == b) {
                let df = df(run[0]).unwrap_or(1) as f32;
                let e = score.entry(run[0]).or_default();
                e.0 += 1;
                e.1 += (1.0 + (run.len() as f32).ln()) * (((1.0 + n) / (1.0 + df)).ln() + 1.0);
            }
        }
        let too_common = |t: u32| df(t).is_some_and(|d| d as f32 > MAX_SHARE * n);
        let mut uses: FxHashMap<u32, usize> = FxHashMap::default();
        for &m in group {
            for w in words.words(m) {
                *uses.entry(w.0).or_default() += 1;
            }
        }
        let shared = |t: u32, members: usize| group.len() < 2 || members >= 2 || uses.get(&t).is_some_and(|&u| u >= 2);
        let mut ranked: Vec<(u32, (usize, f32))> = score
            .into_iter()
            .filter(|&(t, (members, _))| !cx.names.contains(&t) && !too_common(t) && shared(t, members))
            .collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(b.1 .1.total_cmp(&a.1 .1)).then_with(|| vocabulary.text(a.0).cmp(vocabulary.text(b.0))));
        ranked
    }

    /// [`centroid`] by a map keyed by term (the former way, the reference).
    fn centroid_by_map(group: &[usize], vectors: &TermVectors) -> SparseVector {
        let mut centroid: FxHashMap<u32, f32> = FxHashMap::default();
        for &m in group {
            for &(t, w) in &vectors.vectors[m] {
                *centroid.entry(t).or_default() += w;
            }
        }
        let mut centroid: SparseVector = centroid.into_iter().collect();
        centroid.sort_by_key(|x| x.0);
        centroid
    }

    #[test]
    fn key_stems_and_centroids_by_arrays_equal_those_by_maps() {
        // Generated comments (repeated words, commenters named like words) and random groups.
        let pool = ["cloud", "souverain", "fournisseur", "dépendant", "dépendants", "Amazon", "Microsoft", "impôts", "payer",
            "le", "la", "des", "contrat", "armée", "Pentagone", "données", "américain", "européen", "Marie", "bien", "dit"];
        let mut seed = 4711u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let texts: Vec<String> = (0..60).map(|_| (0..next(20)).map(|_| pool[next(pool.len())]).collect::<Vec<_>>().join(" ")).collect();
        let names: Vec<&str> = (0..60).map(|i| ["Marie", "Paul", "cloud", ""][i % 4]).collect();
        let comments: Vec<Comment> = texts.iter().enumerate().map(|(i, t)| Comment { id: i as u32, text: t.clone(), ..Comment::default() }).collect();
        let mut vocabulary = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
        let words = CommentWords::new(texts.iter().map(String::as_str), &mut vocabulary);
        let authors = CommentWords::new(names.iter().copied(), &mut vocabulary);
        let theme_words = ThemeWords::new(&words, comments.len(), &mut vocabulary);
        let name_stems: FxHashSet<u32> = (0..comments.len()).flat_map(|i| authors.of(i).to_vec()).map(|w| vocabulary.stem(w.surface)).collect();
        // Terms as `themes_of` numbers them (no features: no stance, no quotes).
        let mut term_of = vec![NONE; vocabulary.forms()];
        let mut terms = 0;
        let documents: Vec<Vec<u32>> = (0..comments.len())
            .map(|m| {
                theme_words
                    .words(m)
                    .iter()
                    .map(|&(stem, _)| {
                        if term_of[stem as usize] == NONE {
                            term_of[stem as usize] = terms;
                            terms += 1;
                        }
                        term_of[stem as usize]
                    })
                    .collect()
            })
            .collect();
        let vectors = TermVectors::new(documents.iter().map(Vec::as_slice), terms as usize);
        let cx = Context { comments: &comments, words: &theme_words, vectors: &vectors, term_of: &term_of, names: &name_stems, vocabulary: &vocabulary };
        let mut ranked = 0;
        for _ in 0..500 {
            let mut group: Vec<usize> = (0..1 + next(15)).map(|_| next(comments.len())).collect();
            group.sort();
            group.dedup();
            let want = ranked_by_maps(&group, &cx);
            assert_eq!(ranked_stems(&group, &cx), want, "{group:?}");
            assert_eq!(centroid(&group, &vectors), centroid_by_map(&group, &vectors), "{group:?}");
            ranked += want.len();
        }
        assert!(ranked > 1_000, "{ranked}");
    }

    #[test]
    fn one_buffer_holds_what_each_comment_had() {
        let texts = [
            "Le fournisseur dépendant, le fournisseur dépendant encore.",
            "",
            "et le la",
            "Amazon Amazon paie ses impôts ; Microsoft aussi, Microsoft Azure cloud.",
            "Bien dit !",
            "Cloud souverain, cloud américain : les mêmes fournisseurs dépendants.",
        ];
        let mut vocabulary = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
        let words = CommentWords::new(texts.iter().copied(), &mut vocabulary);
        let all = ThemeWords::new(&words, texts.len(), &mut vocabulary);
        for (i, text) in texts.iter().enumerate() {
            let (want_words, want_adjacent) = theme_words(&words, i, &mut vocabulary);
            assert_eq!(all.words(i), want_words.as_slice(), "{text}");
            assert_eq!(all.adjacent_to_next(i), want_adjacent.as_slice(), "{text}");
        }
        assert!(all.adjacent_to_next(0).contains(&true));
    }
}
