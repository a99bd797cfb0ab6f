//! Reader-comment extraction: the comment section, then each comment's author, date, text and
//! the comment it replies to.
//!
//! Generic on purpose: the section is found by what its markup *means* (ids, classes,
//! aria-labels and headings saying "comments" in twelve languages, `word_lists.rs`; a comment heading
//! right after the article leads the siblings that follow it; WordPress and Disqus thread
//! markup; schema.org `Comment` microdata; `role="comment"`), with JSON-LD `comment` arrays when
//! the HTML has none, and repeated sibling items carrying an author, a time and a text as the
//! structural fallback (narrowed to the comment inside thread and indent wrappers). Relative
//! dates are kept as written until [`FoundComments::resolve_relative_dates`] is given a
//! reference. Every step is one pass over the page or over one comment's own content, so the
//! work grows linearly with the page.

mod fields;
mod items;
mod json_ld;
mod class_parts;
mod plain_text;
mod structure;
mod threading;
mod word_rules;
mod word_lists;

#[cfg(all(test, feature = "html"))]
mod tests;

use crate::snapshot::{NodeId, Snapshot};
use items::Sections;
use class_parts::ClassParts;
use rustc_hash::FxHashMap;

/// One comment as found in the page.
#[derive(Clone, Debug)]
pub struct FoundComment {
    /// The comment's element.
    pub node: NodeId,
    /// The commenter's name.
    pub author: Option<String>,
    /// When it was posted, ISO 8601.
    pub published: Option<String>,
    /// The date as written when it is relative ("il y a 3 heures"), until
    /// [`FoundComments::resolve_relative_dates`] turns it into `published`.
    pub relative_date: Option<String>,
    /// The comment's own text, whitespace collapsed.
    pub text: String,
    /// Index (in `comments`) of the comment it answers.
    pub reply_to: Option<usize>,
}

/// The comment section of a page.
#[derive(Clone, Debug, Default)]
pub struct FoundComments {
    /// The element holding the section, if any.
    pub section: Option<NodeId>,
    /// Subtrees the article extractor must not look into (the section, comment forms…).
    pub excluded: Vec<NodeId>,
    /// The comments, in page order.
    pub comments: Vec<FoundComment>,
}

impl FoundComments {
    /// Gives a `published` date to comments dated relatively ("vor 2 Stunden", "hier à
    /// 14h05"), counted back from `reference` (the page's published date, else the time of
    /// reading; ISO 8601). Without a reference they stay undated.
    pub fn resolve_relative_dates(&mut self, reference: Option<&str>) {
        let Some(reference) = reference else { return };
        for c in self.comments.iter_mut().filter(|c| c.published.is_none()) {
            if let Some(text) = &c.relative_date {
                c.published = crate::text::relative_date::resolve_relative_date(text, reference);
            }
        }
    }
}

/// Finds the reader comments of a page.
pub fn extract(snapshot: &Snapshot) -> FoundComments {
    let class_parts = ClassParts::index(snapshot);
    let sections = Sections::find(snapshot, &class_parts);
    let marked = &sections.marked_items;
    let found = choose_section(snapshot, &sections, marked)
        .map(|section| (section, marked.iter().copied().filter(|&c| snapshot.contains(section, c)).collect::<Vec<_>>()))
        .or_else(|| structure::find(snapshot, &class_parts, &sections));

    let mut result = FoundComments::default();
    match found {
        Some((section, candidates)) => {
            let mut nested = vec![false; snapshot.len()];
            for &c in &candidates {
                nested[c as usize] = true;
            }
            let mut scratch = fields::Scratch::default();
            let fields = candidates.iter().map(|&c| fields::read(snapshot, &class_parts, c, &nested, &mut scratch)).collect();
            result.comments = threading::thread(snapshot, &candidates, fields);
            result.section = Some(section);
        }
        None => {
            result.section = empty_section(snapshot, &sections);
            result.comments = json_ld::comments(snapshot);
        }
    }
    // A section where no comment was read is cut from the article only when it is as good as
    // empty ("0 comments", a thread still loading): a list we could not read stays readable.
    let cut_section = result.section.filter(|&s| !result.comments.is_empty() || holds_little_text(snapshot, s));
    result.excluded = excluded(snapshot, &class_parts, &sections, cut_section);
    if let Some(section) = result.section.filter(|_| !result.comments.is_empty()) {
        // A heading-led section: its heading and the notes, links and forms around the list go too.
        if let Some((heading, run)) = sections.heading_run_around(snapshot, section) {
            result.excluded.push(*heading);
            result.excluded.extend(run.iter().copied().filter(|&s| !snapshot.contains(s, section)));
        }
    }
    result
}

/// The section holding most marked comments: the outermost comment section around them, or,
/// for comments with no named section, their parent when it holds little else.
fn choose_section(snapshot: &Snapshot, sections: &Sections, marked: &[NodeId]) -> Option<NodeId> {
    let mut counts: FxHashMap<NodeId, usize> = FxHashMap::default();
    let mut order: Vec<NodeId> = Vec::new();
    let mut top_end = 0;
    let mut key = 0;
    for &c in marked {
        if c >= top_end {
            top_end = snapshot.subtree_end(c);
            key = match sections.outermost[c as usize] {
                Some(s) => s,
                None => snapshot.parent(c).unwrap_or(0),
            };
        }
        let n = counts.entry(key).or_insert(0);
        if *n == 0 {
            order.push(key);
        }
        *n += 1;
    }
    let mut text_split: Option<TextSplit> = None;
    order
        .into_iter()
        .filter(|&k| {
            sections.outermost[k as usize] == Some(k)
                || (counts[&k] >= 2
                    && k != 0
                    && !sections.holds_article(snapshot, k)
                    && text_split.get_or_insert_with(|| TextSplit::new(snapshot, marked)).mostly_comments(k))
        })
        .max_by_key(|k| counts[k])
}

/// For every subtree, how much text lies inside marked comments and how much outside (one
/// pass, so that judging many containers stays linear).
struct TextSplit {
    inside: Vec<u32>,
    outside: Vec<u32>,
}

impl TextSplit {
    fn new(snapshot: &Snapshot, marked: &[NodeId]) -> TextSplit {
        let n = snapshot.len();
        let mut covered = vec![false; n];
        let mut next = 0;
        let mut covered_until = 0;
        for id in 0..n as NodeId {
            if next < marked.len() && marked[next] == id {
                covered_until = covered_until.max(snapshot.subtree_end(id));
                next += 1;
            }
            covered[id as usize] = id < covered_until;
        }
        let mut split = TextSplit { inside: vec![0; n], outside: vec![0; n] };
        for id in (1..n as NodeId).rev() {
            let i = id as usize;
            if let Some(t) = snapshot.text(id) {
                let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                if covered[i] {
                    split.inside[i] = chars;
                } else {
                    split.outside[i] = chars;
                }
            }
            if let Some(p) = snapshot.parent(id) {
                split.inside[p as usize] += split.inside[i];
                split.outside[p as usize] += split.outside[i];
            }
        }
        split
    }

    /// Whether most of a container's text lies inside the marked comments.
    fn mostly_comments(&self, container: NodeId) -> bool {
        let i = container as usize;
        self.inside[i] > 0 && self.outside[i] <= self.inside[i]
    }
}

/// A comment section with no comments yet (an empty Disqus thread, "0 commentaires"): the
/// outermost section that holds little text, so a misnamed article is never cut out.
fn empty_section(snapshot: &Snapshot, sections: &Sections) -> Option<NodeId> {
    (1..snapshot.len() as NodeId)
        .find(|&id| sections.outermost[id as usize] == Some(id) && snapshot.text_content(id).chars().filter(|c| !c.is_whitespace()).count() <= 1500)
}

/// Whether a subtree holds at most about forty words (each two CJK characters counting as one).
fn holds_little_text(snapshot: &Snapshot, id: NodeId) -> bool {
    let mut words = 0;
    let mut cjk = 0;
    for t in snapshot.descendants(id).filter_map(|d| snapshot.text(d)) {
        words += t.split_whitespace().count();
        cjk += t.chars().filter(|&c| matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)).count();
        if words + cjk / 2 > 40 {
            return false;
        }
    }
    true
}

/// The subtrees the article extractor must skip: the section, plus comment forms, comment
/// headings and promos outside it.
fn excluded(snapshot: &Snapshot, class_parts: &ClassParts, sections: &Sections, section: Option<NodeId>) -> Vec<NodeId> {
    let mut out: Vec<NodeId> = section.into_iter().collect();
    let mut id: NodeId = 1;
    while (id as usize) < snapshot.len() {
        if section.is_some_and(|s| s == id) {
            id = snapshot.subtree_end(id);
            continue;
        }
        let Some(tag) = snapshot.tag(id) else {
            id += 1;
            continue;
        };
        // The per-page parts first: most elements are answered by them alone. (An id `respond`
        // has the part `respond`.)
        let parts = class_parts.of(id);
        let chrome = (word_rules::names_section_chrome(parts)
            || (parts.iter().any(|p| p == "respond") && snapshot.attr(id, "id") == Some("respond"))
            || (tag == "form" && parts.iter().any(|p| p.starts_with("comment") || p == "respond" || p == "reply")))
            && !matches!(tag, "a" | "span" | "body" | "html" | "main")
            && word_rules::may_name_comment_chrome(snapshot, id)
            && !sections.holds_article(snapshot, id)
            && snapshot.subtree_end(id) - id < 400;
        if chrome {
            out.push(id);
            id = snapshot.subtree_end(id);
        } else {
            id += 1;
        }
    }
    out
}
