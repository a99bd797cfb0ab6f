//! Finding the article's container: paragraphs score their ancestors (commas, length), class
//! names and link density weigh the candidates, and the best one's siblings that look like
//! content join it (Firefox Reader View's algorithm, over the arena without changing it).

use super::facts::{is_phrasing, Facts};
use super::hints::Hints;
use super::Flags;
use crate::snapshot::{NodeId, Snapshot};

/// Scores of the nodes that received some (`None`: never a candidate).
pub struct Scores {
    score: Vec<f64>,
    scored: Vec<bool>,
}

impl Scores {
    fn get(&self, id: NodeId) -> Option<f64> {
        self.scored[id as usize].then(|| self.score[id as usize])
    }
}

const NB_TOP_CANDIDATES: usize = 5;

fn base_score(snapshot: &Snapshot, hints: &Hints<'_>, id: NodeId, flags: Flags) -> f64 {
    let tag_score = match snapshot.tag(id).unwrap_or("") {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag_score + if flags.weight_classes { hints.class_weight(id) } else { 0.0 }
}

/// A `<div>` holding just one `<p>` (and no text): it reads as that paragraph, so scores skip it.
pub fn is_paragraph_wrapper(_snapshot: &Snapshot, facts: &Facts, id: NodeId) -> bool {
    facts.paragraph_wrapper[id as usize]
}

/// The element's parent as scoring sees it (paragraph-wrapping divs are see-through).
fn scoring_parent(snapshot: &Snapshot, facts: &Facts, id: NodeId) -> Option<NodeId> {
    let mut parent = snapshot.parent(id)?;
    while is_paragraph_wrapper(snapshot, facts, parent) {
        parent = snapshot.parent(parent)?;
    }
    Some(parent)
}

/// Adds one paragraph's score to its ancestors (parent fully, grandparent half, then a third
/// per level, up to five levels).
#[allow(clippy::too_many_arguments)]
fn credit_ancestors(snapshot: &Snapshot, facts: &Facts, hints: &Hints<'_>, flags: Flags, scores: &mut Scores, candidates: &mut Vec<NodeId>, first_parent: Option<NodeId>, (text_len, commas): (u32, u32)) {
    if text_len < 25 {
        return;
    }
    let content_score = 1.0 + (commas + 1) as f64 + (text_len / 100).min(3) as f64;
    let mut ancestor = first_parent;
    let mut level = 0;
    while let Some(a) = ancestor {
        if level >= 5 || snapshot.tag(a).is_none() || snapshot.is(a, "html") {
            break;
        }
        if !scores.scored[a as usize] {
            scores.scored[a as usize] = true;
            scores.score[a as usize] = base_score(snapshot, hints, a, flags);
            candidates.push(a);
        }
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            l => l as f64 * 3.0,
        };
        scores.score[a as usize] += content_score / divider;
        ancestor = scoring_parent(snapshot, facts, a);
        level += 1;
    }
}

/// Scores every paragraph-like element's ancestors; returns the scores and the candidates.
fn score_paragraphs(snapshot: &Snapshot, facts: &Facts, hints: &Hints<'_>, flags: Flags, body: NodeId) -> (Scores, Vec<NodeId>) {
    let n = snapshot.len();
    let mut scores = Scores { score: vec![0.0; n], scored: vec![false; n] };
    let mut candidates = Vec::new();
    for id in snapshot.descendants(body) {
        let i = id as usize;
        if !facts.alive[i] {
            continue;
        }
        let Some(tag) = snapshot.tag(id) else { continue };
        let scorable = match tag {
            "section" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "td" | "pre" => true,
            "div" => !facts.has_block[i],
            _ => false,
        };
        if scorable && !is_paragraph_wrapper(snapshot, facts, id) {
            let parent = scoring_parent(snapshot, facts, id);
            credit_ancestors(snapshot, facts, hints, flags, &mut scores, &mut candidates, parent, (facts.text_len[i], facts.commas[i]));
        }
        // Text runs directly inside a div with block children read as their own paragraphs.
        if tag == "div" && facts.has_block[i] {
            let (mut len, mut commas) = (0, 0);
            for child in snapshot.children(id) {
                if !facts.alive[child as usize] {
                    continue;
                }
                if is_phrasing(snapshot, facts, child) {
                    len += facts.text_len[child as usize];
                    commas += facts.commas[child as usize];
                } else {
                    credit_ancestors(snapshot, facts, hints, flags, &mut scores, &mut candidates, Some(id), (len, commas));
                    (len, commas) = (0, 0);
                }
            }
            credit_ancestors(snapshot, facts, hints, flags, &mut scores, &mut candidates, Some(id), (len, commas));
        }
    }
    (scores, candidates)
}

fn alive_element_children<'a>(snapshot: &'a Snapshot, facts: &'a Facts, id: NodeId) -> impl Iterator<Item = NodeId> + 'a {
    snapshot.children(id).filter(move |&c| facts.alive[c as usize] && snapshot.tag(c).is_some())
}

/// The article's parts, in document order: the best candidate and the siblings that join it.
/// `None` when no paragraph scored (the caller then reads the whole body).
pub fn find_article_roots(snapshot: &Snapshot, facts: &Facts, hints: &Hints<'_>, flags: Flags) -> Option<Vec<NodeId>> {
    let body = snapshot.body();
    let (mut scores, candidates) = score_paragraphs(snapshot, facts, hints, flags, body);
    let mut top: Vec<NodeId> = Vec::with_capacity(NB_TOP_CANDIDATES + 1);
    for &c in &candidates {
        let scaled = scores.score[c as usize] * (1.0 - facts.link_density(c));
        scores.score[c as usize] = scaled;
        let at = top.iter().position(|&t| scaled > scores.score[t as usize]).unwrap_or(top.len());
        if at < NB_TOP_CANDIDATES {
            top.insert(at, c);
            top.truncate(NB_TOP_CANDIDATES);
        }
    }
    let mut best = *top.first()?;
    let first_best = best;
    if best == body {
        return None;
    }
    // Several close runners-up under one ancestor: the article is that ancestor.
    let best_score = scores.score[best as usize];
    let close: Vec<NodeId> = top[1..].iter().copied().filter(|&t| best_score > 0.0 && scores.score[t as usize] / best_score >= 0.75).collect();
    if close.len() >= 3 {
        let mut ancestor = snapshot.parent(best);
        while let Some(a) = ancestor {
            if a == body || a == 0 {
                break;
            }
            if close.iter().filter(|&&c| snapshot.contains(a, c) && a != c).count() >= 3 {
                best = a;
                break;
            }
            ancestor = snapshot.parent(a);
        }
    }
    if !scores.scored[best as usize] {
        scores.scored[best as usize] = true;
        scores.score[best as usize] = base_score(snapshot, hints, best, flags);
    }
    // A parent scoring higher than its child holds more of the article.
    let mut last_score = scores.score[best as usize];
    let threshold = last_score / 3.0;
    let mut parent = snapshot.parent(best);
    while let Some(p) = parent {
        if p == body || p == 0 {
            break;
        }
        if let Some(parent_score) = scores.get(p) {
            if parent_score < threshold {
                break;
            }
            if parent_score > last_score {
                best = p;
                break;
            }
            last_score = parent_score;
        }
        parent = snapshot.parent(p);
    }
    // An only child stands for its parent.
    while let Some(p) = snapshot.parent(best) {
        if p == body || p == 0 || alive_element_children(snapshot, facts, p).count() != 1 {
            break;
        }
        best = p;
    }
    if !scores.scored[best as usize] {
        scores.scored[best as usize] = true;
        scores.score[best as usize] = base_score(snapshot, hints, best, flags);
    }
    let mut roots = join_siblings(snapshot, facts, &scores, best);
    add_split_pieces(snapshot, facts, &candidates, first_best, &mut roots);
    add_lead(snapshot, facts, &mut roots);
    Some(roots)
}

/// Most pieces of one article a page splits apart that [`add_split_pieces`] joins.
const MAX_SPLIT_PIECES: usize = 12;

/// Pages that cut an article into pieces between ad rows ("story-text" blocks in separate layout
/// rows) leave the best candidate with only one piece. Other candidates with the same class as
/// the best one, real text with few links and outside footers, headers, navigation and asides,
/// join the article, unless a new `<h1>` (another article's title) stands between them and it.
fn add_split_pieces(snapshot: &Snapshot, facts: &Facts, candidates: &[NodeId], best: NodeId, roots: &mut Vec<NodeId>) {
    let Some(class) = snapshot.attr(best, "class").filter(|c| !c.trim().is_empty()) else { return };
    let (first, last) = match (roots.first(), roots.last()) {
        (Some(&f), Some(&l)) => (f, snapshot.subtree_end(l)),
        _ => return,
    };
    let mut pieces: Vec<NodeId> = candidates
        .iter()
        .copied()
        .filter(|&c| {
            c != best
                && snapshot.attr(c, "class") == Some(class)
                && facts.text_len[c as usize] >= 80
                && facts.link_density(c) < 0.3
                && !roots.iter().any(|&r| snapshot.contains(r, c) || snapshot.contains(c, r))
                && !snapshot.ancestors(c).any(|a| matches!(snapshot.tag(a), Some("footer" | "header" | "nav" | "aside")))
        })
        .collect();
    crate::sorting::sort(&mut pieces);
    pieces.dedup();
    // Nested pieces: the outer one stands for both.
    let mut outer: Vec<NodeId> = Vec::new();
    for p in pieces {
        if !outer.last().is_some_and(|&o| snapshot.contains(o, p)) {
            outer.push(p);
        }
    }
    let title_between = |from: NodeId, to: NodeId| (from..to).any(|id| snapshot.is(id, "h1"));
    let mut added = Vec::new();
    for p in outer.into_iter().take(MAX_SPLIT_PIECES) {
        let separated = if p < first { title_between(p, first) } else { title_between(last, p) };
        if !separated {
            added.push(p);
        }
    }
    if added.is_empty() {
        return;
    }
    roots.extend(added);
    crate::sorting::sort(roots);
}

/// Most chars of a standfirst that [`add_lead`] joins.
const MAX_LEAD_CHARS: u32 = 700;

/// The standfirst: paragraphs between the article's title (`<h1>`) and its body, outside the
/// chosen container (the bold lead of news pages, "content__intro", "a-lead", the dek beside the
/// `<h1>` in the title's own block). Text that reads as sentences, with few links, joins the
/// article ahead of its body; so does a subtitle (`<h2>`, or a paragraph without a final period)
/// whose class names it a subtitle / lead / intro / teaser / excerpt / standfirst. Reader View
/// shows the dek apart, as the excerpt under the title; Glose has no such place, and the dek is
/// the newsroom's own summary of the story, so it is read with the article.
fn add_lead(snapshot: &Snapshot, facts: &Facts, roots: &mut Vec<NodeId>) {
    let Some(&first) = roots.first() else { return };
    let Some(h1) = (snapshot.body()..first).rev().find(|&id| snapshot.is(id, "h1") && !snapshot.contains(id, first)) else { return };
    let mut id = snapshot.subtree_end(h1);
    let (mut leads, mut total) = (Vec::new(), 0);
    while id < first {
        let i = id as usize;
        if !facts.alive[i] {
            id = snapshot.subtree_end(id);
            continue;
        }
        let named = is_named_lead(snapshot, id);
        let paragraph = match snapshot.tag(id) {
            Some("p") => true,
            Some("div") => !facts.has_block[i],
            Some("h2") => named,
            _ => false,
        };
        if paragraph && !snapshot.contains(id, first) && !in_caption(snapshot, id) {
            let len = facts.text_len[i];
            if len >= 60 && facts.link_density(id) < 0.2 && (named || ends_sentence(snapshot, id)) {
                total += len;
                leads.push(id);
            }
            id = snapshot.subtree_end(id);
            continue;
        }
        id += 1;
    }
    if leads.is_empty() || leads.len() > 2 || total > MAX_LEAD_CHARS {
        return;
    }
    leads.extend(roots.iter().copied());
    *roots = leads;
}

/// Words of the classes that name a standfirst or subtitle ("article-subheadline",
/// "entry__subtitle", "c-page-intro__copy", "ArticleHero__teaser", "excerpt"; French "chapo",
/// Spanish "bajada" / "entradilla").
const LEAD_CLASS_WORDS: &[&str] = &[
    "subtitle", "subheadline", "sub-headline", "subline", "lead", "intro", "teaser", "excerpt", "standfirst", "dek",
    "summary", "chapo", "chapeau", "bajada", "entradilla",
];

/// Whether an element's class names it a standfirst or subtitle ([`LEAD_CLASS_WORDS`]).
fn is_named_lead(snapshot: &Snapshot, id: NodeId) -> bool {
    snapshot.attr(id, "class").is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        LEAD_CLASS_WORDS.iter().any(|w| c.contains(w))
    })
}

/// Whether a paragraph is a picture's caption (in a `figure`, a `figcaption`, a class saying
/// "caption", a carousel or list item) or an aside.
fn in_caption(snapshot: &Snapshot, id: NodeId) -> bool {
    std::iter::once(id).chain(snapshot.ancestors(id)).take(6).any(|a| {
        matches!(snapshot.tag(a), Some("figure" | "figcaption" | "li" | "blockquote" | "aside"))
            || snapshot.attr(a, "class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                ["caption", "credit", "carousel", "slide", "gallery", "galerie", "image", "foto", "photo", "media"].iter().any(|w| c.contains(w))
            })
    })
}

fn ends_sentence(snapshot: &Snapshot, id: NodeId) -> bool {
    let text = snapshot.text_content(id);
    let t = text.trim_end();
    t.ends_with('.') || text.contains(". ")
}

/// The best candidate plus its siblings that score close to it or read as real paragraphs.
fn join_siblings(snapshot: &Snapshot, facts: &Facts, scores: &Scores, best: NodeId) -> Vec<NodeId> {
    let Some(parent) = snapshot.parent(best) else { return vec![best] };
    let best_score = scores.score[best as usize];
    let threshold = (best_score * 0.2).max(10.0);
    let best_class = snapshot.attr(best, "class").unwrap_or("");
    let mut roots = Vec::new();
    for sibling in alive_element_children(snapshot, facts, parent) {
        if sibling == best {
            roots.push(sibling);
            continue;
        }
        let bonus = if !best_class.is_empty() && snapshot.attr(sibling, "class") == Some(best_class) { best_score * 0.2 } else { 0.0 };
        let append = if scores.get(sibling).is_some_and(|s| s + bonus >= threshold) {
            true
        } else if snapshot.is(sibling, "p") || (snapshot.is(sibling, "div") && !facts.has_block[sibling as usize]) || is_paragraph_wrapper(snapshot, facts, sibling) {
            let density = facts.link_density(sibling);
            let len = facts.text_len[sibling as usize];
            (len > 80 && density < 0.25) || (len > 0 && len < 80 && density == 0.0 && ends_sentence(snapshot, sibling))
        } else {
            false
        };
        if append {
            roots.push(sibling);
        }
    }
    roots
}
