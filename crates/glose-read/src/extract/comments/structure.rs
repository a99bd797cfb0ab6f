//! The structural fallback: comments whose markup names nothing, found as repeated sibling
//! items that each carry an author (a name-marked element, a profile link), a time and a text
//! body of their own.
//!
//! Inside a section named or headed as comments, two such siblings are enough. Anywhere else the
//! bar is higher (three siblings, no headings inside, outside header/nav/footer/aside), so that
//! teaser lists of related articles (which also have authors and dates) are not taken for
//! comments, and the article itself is never one: it has no repeated siblings.

use super::items::Sections;
use super::class_parts::{Attr, ClassParts};
use super::word_rules;
use crate::snapshot::{NodeId, Snapshot};
use rustc_hash::FxHashMap;

/// What each element says about itself: it marks a time, an author (a name-marked element, a
/// profile link), a weak author (a short name-like `<strong>`, `<cite>`, link…), a heading; its
/// own text length and whether it is a link.
struct Marks {
    time: Vec<bool>,
    author: Vec<bool>,
    weak_author: Vec<bool>,
    heading: Vec<bool>,
    text: Vec<u32>,
    link: Vec<bool>,
}

/// Facts about each subtree, summed bottom-up in one pass.
struct Facts {
    has_time: Vec<bool>,
    has_author: Vec<bool>,
    has_weak_author: Vec<bool>,
    has_heading: Vec<bool>,
    text: Vec<u32>,
    link_text: Vec<u32>,
}

/// Path parts of profile links (`/user/anna`, `/membre/42`, `disqus.com/by/x`); each starts
/// with `/` ([`is_profile_link`]).
const PROFILE_PATHS: &[&str] = &[
    "/user/", "/users/", "/u/", "/profile", "/profil", "/member", "/membre", "/auteur/", "/author/",
    "/usuario", "/usuarios/", "/benutzer", "/nutzer/", "/people/", "/by/", "/community/", "/forum/u",
];

/// Whether a link's `href` holds one of [`PROFILE_PATHS`] (which all start with `/`): one scan,
/// comparing only at the slashes followed by a byte that follows the slash in some path (every
/// link of the page is asked).
fn is_profile_link(href: &str) -> bool {
    let bytes = href.as_bytes();
    bytes.iter().enumerate().any(|(at, &b)| {
        b == b'/'
            && bytes.get(at + 1).is_some_and(|&next| AFTER_SLASH[next as usize])
            && PROFILE_PATHS.iter().any(|p| bytes[at..].starts_with(p.as_bytes()))
    })
}

/// For each byte, whether some [`PROFILE_PATHS`] entry has it right after its leading slash.
const AFTER_SLASH: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < PROFILE_PATHS.len() {
        table[PROFILE_PATHS[i].as_bytes()[1] as usize] = true;
        i += 1;
    }
    table
};

impl Marks {
    /// The cheap marks of every node, and of the costly ones the weak authors of the elements
    /// that `weak_author` names (texts' dates are read by [`Marks::read_more`]).
    fn read(snapshot: &Snapshot, class_parts: &ClassParts, weak_author: impl Fn(usize) -> bool) -> Marks {
        let n = snapshot.len();
        let mut m = Marks {
            time: vec![false; n],
            author: vec![false; n],
            weak_author: vec![false; n],
            heading: vec![false; n],
            text: vec![0; n],
            link: vec![false; n],
        };
        for id in 1..n as NodeId {
            let i = id as usize;
            if let Some(text) = snapshot.text(id) {
                m.text[i] = non_space_chars(text);
            } else if let Some(tag) = snapshot.tag(id) {
                let small = snapshot.subtree_end(id) - id <= 8;
                let parts = class_parts.of(id);
                // The value is looked up (and lower-cased) only when the class-parts pass saw one.
                let itemprop =
                    if class_parts.has(id, Attr::ItemProp) { snapshot.attr(id, "itemprop").unwrap_or("").to_ascii_lowercase() } else { String::new() };
                if tag == "time" || itemprop.contains("date") || (small && word_rules::names_date(parts)) {
                    m.time[i] = true;
                }
                if (tag != "img" && small && word_rules::names_author(parts))
                    || itemprop.contains("author")
                    || (tag == "a" && snapshot.attr(id, "href").is_some_and(is_profile_link))
                {
                    m.author[i] = true;
                }
                if weak_author(i) {
                    m.weak_author[i] = is_weak_author(snapshot, id, tag);
                }
                if matches!(tag, "h1" | "h2" | "h3" | "h4") {
                    m.heading[i] = true;
                }
                m.link[i] = tag == "a";
            }
        }
        m
    }

    /// Reads the costly marks of the nodes named: texts' dates where `text_time`, weak authors
    /// where `weak_author` (those left out so far).
    fn read_more(&mut self, snapshot: &Snapshot, text_time: impl Fn(usize) -> bool, weak_author: impl Fn(usize) -> bool) {
        for id in 1..snapshot.len() as NodeId {
            let i = id as usize;
            let (time, weak) = (text_time(i), weak_author(i));
            if !(time || weak) {
                continue;
            }
            if let Some(text) = snapshot.text(id) {
                if time {
                    self.time[i] = text_is_time(text, self.text[i]);
                }
            } else if let Some(tag) = snapshot.tag(id).filter(|_| weak) {
                self.weak_author[i] = is_weak_author(snapshot, id, tag);
            }
        }
    }
}

/// Whether a text node (of `chars` non-space chars) marks a time.
fn text_is_time(text: &str, chars: u32) -> bool {
    // A blank text (most text nodes of a pretty-printed page) is no date.
    (1..=40).contains(&chars) && word_rules::looks_like_time(text)
}

/// Whether an element is a weak author: a short name-like `<strong>`, `<cite>`, link…, or a
/// plain element holding a bare name ([`plain_name_byline`]).
fn is_weak_author(snapshot: &Snapshot, id: NodeId, tag: &str) -> bool {
    if matches!(tag, "strong" | "b" | "cite" | "a" | "h3" | "h4" | "h5" | "h6") && snapshot.subtree_end(id) - id <= 4 {
        looks_like_name(&snapshot.text_content(id))
    } else {
        plain_name_byline(snapshot, id)
    }
}

/// Chars of a text that are not white space (`char::is_whitespace`): every text node of the
/// page is counted, so eight ASCII bytes at a time, and only the few lead bytes that start a
/// white-space char outside ASCII (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000) decode one.
fn non_space_chars(text: &str) -> u32 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(&word) = bytes.get(at..at + 8).and_then(|w| <&[u8; 8]>::try_from(w).ok()) {
            let word = u64::from_le_bytes(word);
            if word & HIGH == 0 {
                // The high bit of each space and each byte from 9 to 13 (all below 0x80: no
                // addition carries into the next byte).
                let diff = word ^ (b' ' as u64 * ONES);
                let spaces = !(((diff & !HIGH) + !HIGH) | diff) & HIGH;
                let controls = (word + (0x80 - 9) * ONES) & !(word + (0x80 - 14) * ONES) & HIGH;
                // The flags summed by one multiplication (at most 8: no byte overflows).
                count += 8 - (((spaces | controls) >> 7).wrapping_mul(ONES) >> 56) as u32;
                at += 8;
                continue;
            }
        }
        let b = bytes[at];
        count += u32::from(match b {
            0x80..=0xBF => false,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => !text[at..].chars().next().is_some_and(char::is_whitespace),
            _ => !matches!(b, b'\t'..=b'\r' | b' '),
        });
        at += 1;
    }
    count
}

/// A plain element holding only a name that is an unmarked comment's byline: before a date on
/// its line ([`date_after_name`]), or the whole of its line ([`nothing_else_on_line`]:
/// `<div><span>Anna</span></div>` at the head of an undated comment; the comment's fields take
/// it only when it has no date).
pub(super) fn plain_name_byline(snapshot: &Snapshot, id: NodeId) -> bool {
    // Both ask for a plain element holding only a name: asked once.
    is_plain_name_element(snapshot, id)
        && snapshot.text(id + 1).is_some_and(looks_like_name)
        && (date_after_name(snapshot, id) || nothing_else_on_line(snapshot, id))
}

/// The plain elements a bare name is written in.
fn is_plain_name_element(snapshot: &Snapshot, id: NodeId) -> bool {
    snapshot.tag(id).is_some_and(|t| matches!(t, "span" | "div" | "em" | "i" | "small" | "font")) && snapshot.subtree_end(id) - id == 2
}

/// Whether a plain name element is its parent's only child besides separator texts
/// (`<div class="kopf"><span>jgarcia</span></div>`), the parent being a line of its own.
fn nothing_else_on_line(snapshot: &Snapshot, id: NodeId) -> bool {
    let Some(parent) = snapshot.parent(id).filter(|&p| snapshot.tag(p).is_some_and(|t| matches!(t, "div" | "p" | "header"))) else {
        return false;
    };
    let mut at = parent + 1;
    while at < snapshot.subtree_end(parent) {
        if at != id {
            match snapshot.text(at) {
                Some(t) if t.chars().all(|c| c.is_whitespace() || matches!(c, '·' | '•' | '|' | '–' | '—' | '-' | ',' | ':')) => {}
                _ => return false,
            }
        }
        at = snapshot.subtree_end(at);
    }
    true
}

/// Whether a plain name element is followed by one holding only a date, in one line
/// (`<span>Anna</span> · <span>vor 2 Stunden</span>`): the byline of an unmarked comment.
fn date_after_name(snapshot: &Snapshot, id: NodeId) -> bool {
    let parent = snapshot.parent(id);
    // The next element of the same parent, over separator texts (" · ", " | ").
    let mut at = snapshot.subtree_end(id);
    while (at as usize) < snapshot.len() && snapshot.parent(at) == parent {
        match snapshot.text(at) {
            Some(t) if t.chars().all(|c| c.is_whitespace() || matches!(c, '·' | '•' | '|' | '–' | '—' | '-' | ',')) => at += 1,
            Some(_) => return false,
            None => {
                if snapshot.subtree_end(at) - at > 4 {
                    return false;
                }
                let date = snapshot.text_content(at);
                return snapshot.is(at, "time") || word_rules::looks_like_time(&date);
            }
        }
    }
    false
}

/// A short text that can be a commenter's name ("Seefahrer", "Jens W.", "网友小王").
fn looks_like_name(text: &str) -> bool {
    let text = text.trim();
    let chars = text.chars().count();
    (1..=40).contains(&chars)
        && text.split_whitespace().count() <= 4
        && !word_rules::looks_like_date(text)
        && !word_rules::is_action_text(text)
}

impl Facts {
    /// Sums the marks over each subtree; the subtrees of `cut` elements are not added to
    /// their ancestors (to read an element's own content without the comments inside it).
    fn sum(snapshot: &Snapshot, marks: &Marks, cut: Option<&[bool]>) -> Facts {
        let n = snapshot.len();
        let mut f = Facts {
            has_time: marks.time.clone(),
            has_author: marks.author.clone(),
            has_weak_author: marks.weak_author.clone(),
            has_heading: marks.heading.clone(),
            text: marks.text.clone(),
            link_text: vec![0; n],
        };
        for id in (1..n as NodeId).rev() {
            let i = id as usize;
            if marks.link[i] {
                f.link_text[i] = f.text[i];
            }
            if cut.is_some_and(|c| c[i]) {
                continue;
            }
            if let Some(parent) = snapshot.parent(id) {
                let p = parent as usize;
                f.has_time[p] |= f.has_time[i];
                f.has_author[p] |= f.has_author[i];
                f.has_weak_author[p] |= f.has_weak_author[i];
                f.has_heading[p] |= f.has_heading[i];
                f.text[p] += f.text[i];
                f.link_text[p] += f.link_text[i];
            }
        }
        f
    }

    /// Sums the time marks again, after more of them were read ([`Marks::read_more`]).
    fn sum_times(&mut self, snapshot: &Snapshot, marks: &Marks) {
        self.has_time.copy_from_slice(&marks.time);
        for id in (1..snapshot.len() as NodeId).rev() {
            if let Some(parent) = snapshot.parent(id) {
                self.has_time[parent as usize] |= self.has_time[id as usize];
            }
        }
    }

    fn comment_like(&self, snapshot: &Snapshot, id: NodeId, strict: bool) -> bool {
        self.has_time[id as usize] && self.comment_like_but_time(snapshot, id, strict)
    }

    /// Everything [`Facts::comment_like`] asks but the time: an author, a text of its own, the
    /// tag of an item. Enough for a sibling of dated comments in the same group, whose date is
    /// missing or written in a way no rule reads.
    fn comment_like_but_time(&self, snapshot: &Snapshot, id: NodeId, strict: bool) -> bool {
        let i = id as usize;
        let own_text = self.text[i].saturating_sub(self.link_text[i]);
        // The facts first, the tag last: most elements have no author.
        // Inside a named section a bare `<strong>Name</strong>` is enough of an author.
        (self.has_author[i] || (!strict && self.has_weak_author[i]))
            && own_text >= if strict { 20 } else { 8 }
            && !(strict && self.has_heading[i])
            && snapshot.tag(id).is_some_and(|t| !matches!(t, "a" | "span" | "p" | "ul" | "ol" | "table" | "tbody" | "tr" | "form" | "nav" | "header" | "footer"))
    }
}

/// The section and its comment elements, when repeated comment-like items are found.
///
/// Most pages have none, and most of their texts could never make a comment's date: the costly
/// marks (a text's date, a weak author) are first read only where they can decide a group
/// (see [`may_be_dated`]), and read everywhere else once a group is found.
pub fn find(snapshot: &Snapshot, class_parts: &ClassParts, sections: &Sections) -> Option<(NodeId, Vec<NodeId>)> {
    let in_section = |i: usize| sections.outermost[i].is_some();
    let mut marks = Marks::read(snapshot, class_parts, in_section);
    let mut facts = Facts::sum(snapshot, &marks, None);
    let dated = may_be_dated(snapshot, sections, &facts);
    marks.read_more(snapshot, |i| dated[i], |_| false);
    facts.sum_times(snapshot, &marks);
    let (scope, min_siblings, strict) = scope_with_groups(snapshot, sections, &facts)?;
    marks.read_more(snapshot, |i| !dated[i], |i| !in_section(i));
    let facts = Facts::sum(snapshot, &marks, None);
    let items = items_in(snapshot, &facts, scope, min_siblings, strict);
    if !strict {
        return Some((scope, with_cores(snapshot, &marks, items, false)));
    }
    let first = *items.first()?;
    let parent = snapshot.parent(first)?;
    (!sections.holds_article(snapshot, parent)).then(|| (parent, with_cores(snapshot, &marks, items, true)))
}

/// The scope [`items_in`] finds comments in, with its bar (`min_siblings`, `strict`): the first
/// comment section holding a group, else the body if it holds one.
fn scope_with_groups(snapshot: &Snapshot, sections: &Sections, facts: &Facts) -> Option<(NodeId, usize, bool)> {
    let mut id: NodeId = 1;
    while (id as usize) < snapshot.len() {
        if sections.outermost[id as usize] == Some(id) {
            if !accepted_groups(snapshot, facts, id, 2, false).is_empty() {
                return Some((id, 2, false));
            }
            id = snapshot.subtree_end(id);
        } else {
            id += 1;
        }
    }
    let body = snapshot.body();
    (!accepted_groups(snapshot, facts, body, 3, true).is_empty()).then_some((body, 3, true))
}

/// The nodes whose texts can decide whether a group is accepted: the subtrees of the elements
/// that would be comment-like with a date, among enough such siblings to make a group (two in a
/// comment section, three in the body). Elsewhere no date can make an accepted group, so a
/// text's date is not asked there until a group is found.
fn may_be_dated(snapshot: &Snapshot, sections: &Sections, facts: &Facts) -> Vec<bool> {
    let n = snapshot.len();
    let body = snapshot.body();
    // +1 where a covered subtree starts, -1 where it ends.
    let mut edges = vec![0i32; n + 1];
    let mut mark = |strict: bool, parent: NodeId| {
        let like = |c: &NodeId| snapshot.tag(*c).is_some() && facts.comment_like_but_time(snapshot, *c, strict);
        if snapshot.children(parent).filter(like).nth(if strict { 2 } else { 1 }).is_some() {
            for c in snapshot.children(parent).filter(like) {
                edges[c as usize] += 1;
                edges[snapshot.subtree_end(c) as usize] -= 1;
            }
        }
    };
    for parent in 0..n as NodeId {
        if snapshot.tag(parent).is_none() {
            continue;
        }
        if sections.outermost[parent as usize].is_some() {
            mark(false, parent);
        }
        if snapshot.contains(body, parent) {
            mark(true, parent);
        }
    }
    let mut open = 0;
    edges[..n].iter().map(|&e| {
        open += e;
        open > 0
    }).collect()
}

/// The (signature, parent) groups of comment-like siblings inside `scope`: `min_siblings`
/// comment-like members at least, three fifths of the group.
fn accepted_groups<'a>(snapshot: &'a Snapshot, facts: &Facts, scope: NodeId, min_siblings: usize, strict: bool) -> Vec<(Signature<'a>, NodeId)> {
    let mut accepted: Vec<(Signature<'a>, NodeId)> = Vec::new();
    let mut id = scope;
    let end = snapshot.subtree_end(scope);
    while id < end {
        if strict && snapshot.tag(id).is_some_and(|t| matches!(t, "header" | "nav" | "footer" | "aside" | "form")) {
            id = snapshot.subtree_end(id);
            continue;
        }
        // A group is accepted only with `min_siblings` comment-like members: most elements have
        // fewer such children in all, and are not grouped at all.
        let enough = || snapshot.children(id).filter(|&c| snapshot.tag(c).is_some() && facts.comment_like(snapshot, c, strict)).nth(min_siblings - 1).is_some();
        if snapshot.tag(id).is_some() && snapshot.text(id).is_none() && enough() {
            let mut groups: FxHashMap<Signature<'a>, (usize, usize)> = FxHashMap::default();
            for child in snapshot.children(id).filter(|&c| snapshot.tag(c).is_some()) {
                let entry = groups.entry(signature(snapshot, child)).or_insert((0, 0));
                entry.0 += 1;
                if facts.comment_like(snapshot, child, strict) {
                    entry.1 += 1;
                }
            }
            for (sig, (members, like)) in groups {
                if like >= min_siblings && like * 5 >= members * 3 {
                    accepted.push((sig, id));
                }
            }
        }
        id += 1;
    }
    accepted
}

/// Comment-like elements inside `scope` whose (tag, class) signature repeats among siblings.
fn items_in<'a>(snapshot: &'a Snapshot, facts: &Facts, scope: NodeId, min_siblings: usize, strict: bool) -> Vec<NodeId> {
    let accepted = accepted_groups(snapshot, facts, scope, min_siblings, strict);
    if accepted.is_empty() {
        return Vec::new();
    }
    let signatures: Vec<Signature<'a>> = accepted.iter().map(|&(s, _)| s).collect();
    // Every comment-like element of an accepted signature, replies included.
    let first_parent = accepted.iter().map(|&(_, p)| p).min().unwrap_or(scope);
    let from = if strict { first_parent } else { scope };
    let accepted_sig = |d: NodeId| snapshot.tag(d).is_some() && signatures.contains(&signature(snapshot, d));
    // The lists holding dated comments, by signature: an undated item beside them ("5 декабря
    // 2026" in a language without month names here, a date left out) is one of them all the same.
    let dated: rustc_hash::FxHashSet<(Option<NodeId>, Signature<'a>)> = snapshot
        .descendants(from)
        .filter(|&d| accepted_sig(d) && facts.comment_like(snapshot, d, strict))
        .map(|d| (snapshot.parent(d), signature(snapshot, d)))
        .collect();
    snapshot
        .descendants(from)
        .filter(|&d| {
            accepted_sig(d)
                && (facts.comment_like(snapshot, d, strict)
                    || (facts.comment_like_but_time(snapshot, d, strict) && dated.contains(&(snapshot.parent(d), signature(snapshot, d)))))
        })
        .collect()
}

/// Adds, for each item that wraps one comment with its replies (a thread, an indent level), the
/// comment itself: the one child holding the item's own author, time and nearly all its own
/// text, looked for down the wrapper chain. The wrapper stays an item, so replies still nest in
/// it; the comment's author, date and text then come from the comment alone.
fn with_cores(snapshot: &Snapshot, marks: &Marks, items: Vec<NodeId>, strict: bool) -> Vec<NodeId> {
    let mut cut = vec![false; snapshot.len()];
    for &item in &items {
        cut[item as usize] = true;
    }
    let own = Facts::sum(snapshot, marks, Some(&cut));
    let mut out = items.clone();
    for &item in &items {
        let mut at = item;
        for _ in 0..32 {
            let kids: Vec<NodeId> = snapshot.children(at).filter(|&k| snapshot.tag(k).is_some() && !cut[k as usize]).collect();
            let mut full = kids.iter().copied().filter(|&k| own.comment_like(snapshot, k, strict));
            let (Some(core), None) = (full.next(), full.next()) else { break };
            let core_text = own.text[core as usize];
            let others = kids.iter().filter(|&&k| k != core);
            let other_text: u32 = others.clone().map(|&k| own.text[k as usize].saturating_sub(own.link_text[k as usize])).sum();
            if others.clone().any(|&k| own.has_time[k as usize] || own.has_author[k as usize]) || other_text * 3 > core_text {
                break;
            }
            at = core;
        }
        if at != item {
            out.push(at);
        }
    }
    crate::sorting::sort(&mut out);
    out.dedup();
    out
}

/// An element's tag and first class name, borrowed from the page.
type Signature<'a> = (&'a str, &'a str);

fn signature(snapshot: &Snapshot, id: NodeId) -> Signature<'_> {
    // Tag and first class: replies often add a modifier class (`c-item c-item--reply`).
    let first_class = snapshot.attr(id, "class").and_then(|c| c.split_whitespace().next()).unwrap_or("");
    (snapshot.tag(id).unwrap_or(""), first_class)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find`] as it was before the costly marks were read lazily: every mark of every node.
    #[cfg(feature = "html")]
    fn find_eagerly(snapshot: &Snapshot, class_parts: &ClassParts, sections: &Sections) -> Option<(NodeId, Vec<NodeId>)> {
        let mut marks = Marks::read(snapshot, class_parts, |_| true);
        marks.read_more(snapshot, |_| true, |_| false);
        let facts = Facts::sum(snapshot, &marks, None);
        let mut id: NodeId = 1;
        while (id as usize) < snapshot.len() {
            if sections.outermost[id as usize] == Some(id) {
                let items = items_in(snapshot, &facts, id, 2, false);
                if !items.is_empty() {
                    return Some((id, with_cores(snapshot, &marks, items, false)));
                }
                id = snapshot.subtree_end(id);
            } else {
                id += 1;
            }
        }
        let items = items_in(snapshot, &facts, snapshot.body(), 3, true);
        let first = *items.first()?;
        let parent = snapshot.parent(first)?;
        (!sections.holds_article(snapshot, parent)).then(|| (parent, with_cores(snapshot, &marks, items, true)))
    }

    /// The lazy reading finds what reading every mark finds, on the sample pages and the shared
    /// corpus (when present), and on each page with its comment markup renamed away (so that the
    /// structural search runs on the comments themselves).
    #[cfg(feature = "html")]
    #[test]
    fn lazy_marks_find_what_every_mark_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut pages: Vec<std::path::PathBuf> = Vec::new();
        for dir in [root.join("tests/pages"), root.join("../shared/corpus/readability-test-pages")] {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                pages.extend(["page.html", "source.html"].iter().map(|f| entry.path().join(f)).filter(|p| p.exists()));
            }
        }
        assert!(pages.len() >= 20, "sample pages: {}", pages.len());
        let mut found = 0;
        for page in &pages {
            let html = std::fs::read_to_string(page).unwrap_or_default();
            for html in [html.clone(), html.replace("comment", "x").replace("Comment", "x")] {
                let snapshot = crate::read_html::parse_html(&html);
                let class_parts = ClassParts::index(&snapshot);
                let sections = Sections::find(&snapshot, &class_parts);
                let lazy = find(&snapshot, &class_parts, &sections);
                assert_eq!(lazy, find_eagerly(&snapshot, &class_parts, &sections), "{}", page.display());
                found += usize::from(lazy.is_some());
            }
        }
        assert!(found >= 5, "pages with structural comments: {found}");
    }

    #[test]
    fn non_space_chars_are_the_chars_that_are_not_white_space() {
        for text in ["", " ", "a b\tc\r\nd\x0b\x0ce", "\x1f\x1c \x7f", "  Reply  ", "é è\u{a0}x\u{2003}", "abcdefghijklmnopqrstuvwxyz 0123456789 !?"] {
            assert_eq!(non_space_chars(text), text.chars().filter(|c| !c.is_whitespace()).count() as u32, "{text:?}");
        }
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(non_space_chars(&all), all.chars().filter(|c| !c.is_whitespace()).count() as u32);
        // Every white-space char and its neighbours in UTF-8, between ASCII runs of every length
        // around eight (whole words, and words cut by the char).
        let odd = ['\u{85}', '\u{a0}', '\u{a1}', '\u{1680}', '\u{1681}', '\u{2000}', '\u{200a}', '\u{200b}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}', '\u{3001}', 'é', '字', '😀', '\u{c0}', '\u{e000}'];
        for c in odd {
            for before in 0..=17 {
                for after in [0, 1, 7, 8, 9] {
                    for run in ["a", " ", "\t", "ab \n"] {
                        let text = format!("{}{c}{}", run.repeat(before), run.repeat(after));
                        assert_eq!(non_space_chars(&text), text.chars().filter(|c| !c.is_whitespace()).count() as u32, "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn profile_links_are_found_at_any_slash() {
        assert!(PROFILE_PATHS.iter().all(|p| p.starts_with('/')));
        for href in ["https://example.org/user/anna", "/membre/42", "https://disqus.com/by/x/", "/forum/u/9", "/profile", "x/people/y"] {
            assert!(is_profile_link(href), "{href}");
            assert_eq!(is_profile_link(href), PROFILE_PATHS.iter().any(|p| href.contains(p)));
        }
        for href in ["https://example.org/news/2026/story", "user/anna", "/users", "", "/", "//", "/autor/x"] {
            assert_eq!(is_profile_link(href), PROFILE_PATHS.iter().any(|p| href.contains(p)), "{href}");
        }
    }
}
