//! The first cut, before any scoring: parts of the page that are never the article (the comment
//! section, dialogs, bylines, the title heading, navigation, parts whose class or role says
//! "sidebar", "menu", "comments"…, "read also" boxes and promos).

use super::facts::{is_blank, solid_chars_up_to, trim_blank_start};
use super::hints::Hints;
use super::chrome;
use crate::page_patterns as patterns;
use super::Flags;
use crate::text::similarity::similarity;
use crate::snapshot::{NodeId, Snapshot};
use std::borrow::Cow;

/// Subtree roots cut from the page for one extraction pass (`removed[id]`).
pub fn cut_boilerplate(snapshot: &Snapshot, hints: &Hints<'_>, title: Option<&str>, excluded: &[NodeId], flags: Flags) -> Vec<bool> {
    let mut removed = vec![false; snapshot.len()];
    for &id in excluded {
        if let Some(slot) = removed.get_mut(id as usize) {
            *slot = true;
        }
    }
    let body = snapshot.body();
    let prose = if flags.strip_unlikely { prose_chars(snapshot) } else { Vec::new() };
    let mut title_heading_seen = false;
    let mut id = body + 1;
    let end = snapshot.subtree_end(body).max(id);
    while id < end {
        let Some(tag) = snapshot.tag(id) else {
            id += 1;
            continue;
        };
        if removed[id as usize] || should_cut(snapshot, hints, &prose, id, tag, title, &mut title_heading_seen, flags) {
            removed[id as usize] = true;
            id = snapshot.subtree_end(id);
            continue;
        }
        id += 1;
    }
    removed
}

/// Cuts the "Most read" / "Related" / "Recent" lists inside the chosen article (a list heading
/// with the link lists after it, or a short box of links that opens with one); returns the chars
/// cut. Done once the article is chosen, so these lists never change which part is chosen.
pub fn cut_link_lists(snapshot: &Snapshot, roots: &[NodeId], removed: &mut [bool]) -> usize {
    let mut lists = Vec::new();
    for &root in roots {
        let end = snapshot.subtree_end(root);
        let mut id = root + 1;
        while id < end {
            let Some(tag) = snapshot.tag(id) else {
                id += 1;
                continue;
            };
            if removed[id as usize] {
                id = snapshot.subtree_end(id);
                continue;
            }
            let cut = match tag {
                "h2" | "h3" | "h4" | "h5" | "h6" => chrome::is_list_heading(&snapshot.text_content(id)),
                "div" | "section" | "aside" | "ul" | "ol" => opens_with_list_heading(snapshot, id) && is_link_list_box(snapshot, id),
                _ => false,
            };
            if cut {
                removed[id as usize] = true;
                lists.push(id);
                if tag.starts_with('h') {
                    cut_list_after(snapshot, id, removed, &mut lists);
                }
                id = snapshot.subtree_end(id);
                continue;
            }
            id += 1;
        }
    }
    lists.iter().map(|&id| live_chars(snapshot, id, removed)).sum()
}



fn short_text(snapshot: &Snapshot, id: NodeId, max: usize) -> Option<String> {
    let mut out = String::new();
    for d in snapshot.descendants(id) {
        if let Some(t) = snapshot.text(d) {
            // Over the bound before copying: asked of every ancestor of a long text node, copying
            // it first was most of the analysis on some pages.
            if out.len() + t.len() > max * 4 {
                return None;
            }
            out.push_str(t);
        }
    }
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    (collapsed.chars().count() <= max).then_some(collapsed)
}

/// How many chars of a box's opening text the lead-in tests read ([`patterns::opens_related_box`],
/// [`patterns::opens_promo`]: the first 40 after leading white space).
const OPENING_CHARS: usize = 40;

/// The opening of a subtree's text ([`opening_text`]), kept on the stack: it is read for most
/// elements of a page, and a `String` grown char by char cost more than reading it.
struct Opening {
    bytes: [u8; OPENING_CHARS * 4],
    len: usize,
}

impl Opening {
    /// Appends a char (the caller keeps to [`OPENING_CHARS`] chars).
    fn push(&mut self, c: char) {
        self.len += c.encode_utf8(&mut self.bytes[self.len..]).len();
    }

    /// The text (whole chars only were pushed, so it is always valid UTF-8).
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// The first [`OPENING_CHARS`] chars of a subtree's text without its leading white space (and
/// without trailing white space when the text is that short), looking at a bounded number of
/// nodes: up to 24, and no further than the text node in which the opening passes 40 chars.
///
/// One pass over the chars it needs: it is asked of most elements of a page, and the subtrees of
/// pretty-printed pages open with long runs of blank text nodes.
fn opening_text(snapshot: &Snapshot, id: NodeId) -> Opening {
    let mut head = Opening { bytes: [0; OPENING_CHARS * 4], len: 0 };
    // Chars from the first non-blank one on (the texts joined by one space each), and how many of
    // them end the run as blanks: the opening is `span - trailing_blanks` chars long trimmed.
    let mut span = 0usize;
    let mut trailing_blanks = 0usize;
    'nodes: for d in snapshot.descendants(id).take(24) {
        let Some(t) = snapshot.text(d) else { continue };
        // Blanks before the first non-blank char are skipped whole.
        let t = if span == 0 { trim_blank_start(t) } else { t };
        for c in t.chars().chain(std::iter::once(' ')) {
            let blank = c.is_whitespace();
            if span == 0 && blank {
                continue;
            }
            span += 1;
            trailing_blanks = if blank { trailing_blanks + 1 } else { 0 };
            if span <= OPENING_CHARS {
                head.push(c);
            }
            // Past 40 chars, a non-blank char settles it: the opening is longer than 40.
            if span - trailing_blanks > OPENING_CHARS {
                break 'nodes;
            }
        }
    }
    let trimmed = span - trailing_blanks;
    if trimmed < OPENING_CHARS {
        if let Some((end, _)) = head.as_str().char_indices().nth(trimmed) {
            head.len = end;
        }
    }
    head
}

/// [`patterns::opening_head`] of an [`opening_text`]: that text already opens with a non-blank
/// char and holds at most [`OPENING_CHARS`] chars, so it is only lower-cased (in place when ASCII).
fn opening_head(opening: &mut Opening) -> Cow<'_, str> {
    let bytes = &mut opening.bytes[..opening.len];
    if bytes.is_ascii() {
        bytes.make_ascii_lowercase();
        Cow::Borrowed(opening.as_str())
    } else {
        Cow::Owned(chrome::to_lower(opening.as_str()))
    }
}

/// The heading that opens `id`: its first element (looking through a `<header>` or `<div>`, two
/// levels deep) when that is a heading.
fn opening_heading(snapshot: &Snapshot, id: NodeId) -> Option<NodeId> {
    let mut parent = id;
    for _ in 0..2 {
        let first = snapshot.children(parent).find(|&c| snapshot.tag(c).is_some() || snapshot.text(c).is_some_and(|t| !is_blank(t)))?;
        match snapshot.tag(first) {
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => return Some(first),
            Some("header" | "div") => parent = first,
            _ => return None,
        }
    }
    None
}

/// Whether `id` opens with a heading of a comment section.
fn opens_with_comment_heading(snapshot: &Snapshot, id: NodeId) -> bool {
    opening_heading(snapshot, id).is_some_and(|h| {
        let text = snapshot.text_content(h);
        text.chars().count() < 60 && patterns::is_comment_heading(&text)
    })
}

/// Whether `id` opens with a "Most read" / "Related" heading.
fn opens_with_list_heading(snapshot: &Snapshot, id: NodeId) -> bool {
    opening_heading(snapshot, id).is_some_and(|h| chrome::is_list_heading(&snapshot.text_content(h)))
}

/// Share of a subtree's text inside links (0 when it has no text).
fn link_share(snapshot: &Snapshot, id: NodeId) -> f64 {
    let (mut all, mut linked) = (0usize, 0usize);
    for d in snapshot.descendants(id) {
        if let Some(t) = snapshot.text(d) {
            let n = solid_chars_up_to(t, usize::MAX);
            all += n;
            if snapshot.ancestors(d).take_while(|&a| a > id).any(|a| snapshot.is(a, "a")) {
                linked += n;
            }
        }
    }
    if all == 0 { 0.0 } else { linked as f64 / all as f64 }
}

/// After a "Most read" / "Related" heading: its list (the next siblings that are mostly links,
/// up to the next heading) goes with it.
fn cut_list_after(snapshot: &Snapshot, heading: NodeId, removed: &mut [bool], lists: &mut Vec<NodeId>) {
    let Some(parent) = snapshot.parent(heading) else { return };
    for sibling in snapshot.children(parent).filter(|&c| c > heading && snapshot.tag(c).is_some()) {
        if removed[sibling as usize] {
            continue;
        }
        let tag = snapshot.tag(sibling).unwrap_or("");
        if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") || link_share(snapshot, sibling) < 0.5 {
            break;
        }
        removed[sibling as usize] = true;
        lists.push(sibling);
    }
}

/// Collapsed chars of a subtree's text outside the subtrees already cut (below its root).
fn live_chars(snapshot: &Snapshot, root: NodeId, removed: &[bool]) -> usize {
    let (end, mut id, mut total) = (snapshot.subtree_end(root), root + 1, 0);
    while id < end {
        if removed[id as usize] {
            id = snapshot.subtree_end(id);
            continue;
        }
        if let Some(t) = snapshot.text(id) {
            total += t.split_whitespace().map(|w| w.chars().count() + 1).sum::<usize>();
        }
        id += 1;
    }
    total
}

/// Whether a box (already seen to open with a list heading) is short and mostly links.
fn is_link_list_box(snapshot: &Snapshot, id: NodeId) -> bool {
    short_text(snapshot, id, 3000).is_some() && link_share(snapshot, id) >= 0.5
}

fn has_ancestor_within(snapshot: &Snapshot, id: NodeId, tags: &[&str], depth: usize) -> bool {
    snapshot.ancestors(id).take(depth + 1).any(|a| snapshot.tag(a).is_some_and(|t| tags.contains(&t)))
}

/// Chars of paragraph text (inside `<p>`, outside links) in each subtree: where the page's prose is.
fn prose_chars(snapshot: &Snapshot) -> Vec<u32> {
    let n = snapshot.len();
    // Whether a node is or lies inside a `<p>` / an `<a>` (a text node: lies inside one).
    let mut in_p = vec![false; n];
    let mut in_link = vec![false; n];
    let mut prose = vec![0u32; n];
    for id in 0..n as NodeId {
        let i = id as usize;
        let tag = snapshot.tag(id);
        let (p, link) = snapshot.parent(id).map_or((false, false), |parent| (in_p[parent as usize], in_link[parent as usize]));
        in_p[i] = p || tag == Some("p");
        in_link[i] = link || tag == Some("a");
        if in_p[i] && !in_link[i] {
            if let Some(t) = snapshot.text(id) {
                prose[i] = solid_chars_up_to(t, usize::MAX) as u32;
            }
        }
    }
    for id in (1..n as NodeId).rev() {
        if let Some(parent) = snapshot.parent(id) {
            prose[parent as usize] += prose[id as usize];
        }
    }
    prose
}

/// Whether a wrapper (`div`, `section`, `main`) holds most of the page's prose (three quarters of
/// its paragraph text, and enough of it to be an article): then a class that says "sidebar" or
/// "footer" is a layout wrapper's name ("layout-container has-sidebar", "above-footer"), not what
/// the part is. Lists (galleries' captions), asides and parts named as comments are left out all
/// the same.
fn holds_the_prose(snapshot: &Snapshot, prose: &[u32], id: NodeId) -> bool {
    let (Some(&mine), Some(&all)) = (prose.get(id as usize), prose.get(snapshot.body() as usize)) else { return false };
    if !matches!(snapshot.tag(id), Some("div" | "section" | "main")) || all < MIN_PROSE_CHARS || mine * 4 < all * 3 {
        return false;
    }
    let named = patterns::match_string(snapshot.attr(id, "class"), snapshot.attr(id, "id"));
    !["comment", "disqus", "replies", "remark", "shoutbox"].iter().any(|w| named.contains(w))
}

/// Paragraph text a page needs for [`holds_the_prose`] to overrule a class name.
const MIN_PROSE_CHARS: u32 = 800;

#[allow(clippy::too_many_arguments)]
fn should_cut(snapshot: &Snapshot, hints: &Hints<'_>, prose: &[u32], id: NodeId, tag: &str, title: Option<&str>, title_heading_seen: &mut bool, flags: Flags) -> bool {
    let attr = |name| snapshot.attr(id, name);
    // JSON-LD stays in the snapshot for metadata; it is never article text.
    if matches!(tag, "script" | "style" | "template" | "noscript") {
        return true;
    }
    if attr("aria-modal") == Some("true") && attr("role") == Some("dialog") {
        return true;
    }
    if !matches!(tag, "body" | "html" | "article" | "main") && hints.byline(id) {
        if let Some(text) = short_text(snapshot, id, 100) {
            if !text.is_empty() {
                return true;
            }
        }
    }
    if !*title_heading_seen && matches!(tag, "h1" | "h2") {
        if let Some(title) = title {
            let heading = snapshot.text_content(id);
            if similarity(title, &heading) > 0.75 {
                *title_heading_seen = true;
                return true;
            }
        }
    }
    if flags.strip_unlikely {
        if tag != "a"
            && tag != "body"
            && hints.unlikely(id)
            && !has_ancestor_within(snapshot, id, &["table", "code"], 3)
            && !holds_the_prose(snapshot, prose, id)
        {
            return true;
        }
        if attr("role").is_some_and(|r| patterns::UNLIKELY_ROLES.contains(&r)) {
            return true;
        }
        if tag == "nav" {
            return true;
        }
    }
    if flags.cut_boxes && !matches!(tag, "body" | "html" | "article" | "main") && hints.author_box(id) && short_text(snapshot, id, 600).is_some() {
        return true;
    }
    if flags.cut_boxes && matches!(tag, "section" | "div" | "aside") && opens_with_comment_heading(snapshot, id) {
        return true;
    }
    if flags.cut_boxes && matches!(tag, "div" | "section" | "aside" | "p" | "ul" | "ol" | "li" | "span" | "strong" | "b" | "h2" | "h3" | "h4" | "header" | "form") {
        let mut opening = opening_text(snapshot, id);
        let head = opening_head(&mut opening);
        if patterns::is_related_lead_in(&head) && short_text(snapshot, id, 700).is_some() {
            return true;
        }
        if tag != "p" && patterns::is_promo_lead_in(&head) && short_text(snapshot, id, 300).is_some() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_html::parse_html;

    /// The opening text as first written (every text joined, trimmed, counted again after each
    /// node): the oracle the one-pass version is compared with, on what the lead-in tests read.
    fn opening_text_as_written(snapshot: &Snapshot, id: NodeId) -> String {
        let mut out = String::new();
        for d in snapshot.descendants(id).take(24) {
            if let Some(t) = snapshot.text(d) {
                out.push_str(t);
                out.push(' ');
                if out.trim().chars().count() > 40 {
                    break;
                }
            }
        }
        out.trim().to_owned()
    }

    #[test]
    fn opening_text_reads_what_the_lead_in_tests_read() {
        let blank = "\n\t\t    \n";
        let pieces = [
            "À lire aussi", "Related stories", "  Sign up for our newsletter today and never miss a story  ", blank, "",
            "x", "Une phrase bien plus longue que quarante caractères, avec des accents : é, ç, œ.", "   é  ", "\u{a0}",
            "Lire aussi :", "日本語のテキストはここにあります。それは四十文字より長いかもしれません。", " a b c d e f g h i j k l m n o p q r s t u v ",
        ];
        let mut pages = 0;
        // Every ordered choice of up to four pieces, each in its own span or as a bare text node.
        let mut stack: Vec<Vec<usize>> = vec![vec![]];
        while let Some(choice) = stack.pop() {
            if choice.len() < 4 {
                for p in 0..pieces.len() {
                    let mut next = choice.clone();
                    next.push(p);
                    stack.push(next);
                }
            }
            let inner: String = choice
                .iter()
                .enumerate()
                .map(|(i, &p)| if i % 2 == 0 { format!("<span>{}</span>{blank}", pieces[p]) } else { pieces[p].to_owned() })
                .collect();
            let snapshot = parse_html(&format!("<body><div>{inner}</div></body>"));
            let div = snapshot.body() + 1;
            let old = opening_text_as_written(&snapshot, div);
            let mut opening = opening_text(&snapshot, div);
            let new = opening.as_str().to_owned();
            let head = |t: &str| t.trim_start().chars().take(OPENING_CHARS).collect::<String>();
            assert_eq!(head(&new), head(&old), "{inner:?}");
            assert_eq!(patterns::opens_related_box(&new), patterns::opens_related_box(&old), "{inner:?}");
            assert_eq!(patterns::opens_promo(&new), patterns::opens_promo(&old), "{inner:?}");
            assert!(new.chars().count() <= OPENING_CHARS);
            assert_eq!(opening_head(&mut opening), patterns::opening_head(&new), "{inner:?}");
            pages += 1;
        }
        assert!(pages > 20_000, "{pages}");
    }
}
