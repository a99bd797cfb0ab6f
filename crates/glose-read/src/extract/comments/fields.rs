//! One comment's parts: who wrote it, when, its own text, and the hints of which comment it
//! answers that live in its markup (a nesting depth, an "in reply to" link, a quoted author).
//!
//! A comment's *own content* is its subtree minus the comments nested inside it (its replies).

use super::class_parts::{Attr, ClassParts};
use super::word_lists::{REPLY_PHRASES, REPLY_SUFFIXES};
use super::word_rules;
use crate::text::{date::parse_date, relative_date::is_relative_date};
use super::plain_text::{single_spaced, PlainText};
use crate::snapshot::{NodeId, Snapshot};
use std::borrow::Cow;

/// What one comment element says about itself.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    /// The commenter's name.
    pub author: Option<String>,
    /// When it was posted, ISO 8601.
    pub published: Option<String>,
    /// When it was posted as the page words it relatively ("il y a 3 heures", "yesterday at
    /// 2:05 pm"), to resolve once the reference moment is known.
    pub relative_date: Option<String>,
    /// The comment's own text, whitespace collapsed, chrome left out.
    pub text: String,
    /// Nesting depth written in the markup (`depth-2`, `aria-level="2"`), 1 = top level.
    pub depth: Option<u32>,
    /// Fragment of an "in reply to" link (`#comment-12` → `comment-12`).
    pub reply_link: Option<String>,
    /// Name after "in reply to" / "en réponse à", or the author of a quoted parent.
    pub reply_name: Option<String>,
    /// Whether `reply_name` comes from an "in reply to" line (which outranks the nesting: deep
    /// threads are shown flattened, the line names the comment answered).
    pub reply_line: bool,
    /// The passage quoted under a quote header (to tell apart comments by the same author).
    pub quoted_text: Option<String>,
}

/// Whether a tag's start and end separate words (a `match`, not a list search: every element
/// of every comment's text is asked).
fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div" | "br" | "li" | "ul" | "ol" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "footer"
            | "section" | "article" | "aside" | "pre" | "table" | "tr" | "td" | "th" | "dd" | "dt" | "figure" | "figcaption" | "hr"
    )
}

/// Buffers that reading one comment needs, kept from one comment to the next: a page's
/// comments cost one allocation each, not one per comment.
#[derive(Default)]
pub struct Scratch {
    bodies: Vec<(NodeId, bool)>,
    open_blocks: Vec<NodeId>,
}

/// Reads one comment element; `nested[i]` marks the roots of other comments to leave out.
pub fn read(snapshot: &Snapshot, class_parts: &ClassParts, item: NodeId, nested: &[bool], scratch: &mut Scratch) -> Fields {
    let cx = Context { snapshot, class_parts, item };
    let mut fields = Fields { depth: depth_of(snapshot, class_parts, item), ..Fields::default() };
    let mut parts = Parts { bodies: std::mem::take(&mut scratch.bodies), ..Parts::default() };
    parts.bodies.clear();
    own_elements(snapshot, item, nested, |id| parts.visit(&cx, id, &mut fields));

    let body = parts.body(snapshot);
    if fields.published.is_none() {
        fields.relative_date = parts.relative_date.map(|d| PlainText::of_subtree(snapshot, d)).filter(|t| is_relative_date(t));
    }
    let byline = parts.byline_name(&cx, body, &fields);
    let byline_node = byline.as_ref().map(|&(w, _)| w);
    if let Some((_, name)) = byline {
        fields.author = Some(name);
    }
    let skip = [parts.author, parts.date, parts.relative_date, parts.reply, byline_node];
    let mut quote = None;
    fields.text = text_of(snapshot, class_parts, body.unwrap_or(item), nested, &skip, body.is_none(), &mut quote, &mut scratch.open_blocks);
    trim_separators(&mut fields.text);
    if let Some((name, passage)) = quote {
        fields.reply_name = fields.reply_name.take().or(name);
        fields.quoted_text = Some(passage).filter(|p| !p.is_empty());
    }
    if fields.author.is_none() {
        fields.author = parts.fallback_author(&cx, body, &fields.text);
    }
    scratch.bodies = parts.bodies;
    fields
}

/// What every step of reading one comment needs.
struct Context<'a> {
    snapshot: &'a Snapshot,
    class_parts: &'a ClassParts<'a>,
    item: NodeId,
}

/// The elements of a comment's own content that hold its parts, found in one pass.
#[derive(Default)]
struct Parts {
    /// The byline marked as the author (`itemprop=author`, `rel=author`, `class=author`).
    author: Option<NodeId>,
    /// A short name-like element (`<b>`, `<cite>`, a link, a name before a date).
    weak_author: Option<NodeId>,
    /// The element whose date was read.
    date: Option<NodeId>,
    /// An element whose text is a date we could not read as one (often relative).
    relative_date: Option<NodeId>,
    /// Text body candidates and whether their name is a strong one (`content`, `message`).
    bodies: Vec<(NodeId, bool)>,
    /// The "in reply to" line.
    reply: Option<NodeId>,
}

/// What an element's `itemprop` says, read without allocating (tokens compared ASCII
/// case-insensitively).
#[derive(Clone, Copy, Default)]
struct Itemprop {
    text: bool,
    date: bool,
    author: bool,
}

impl Itemprop {
    fn of(cx: &Context, id: NodeId) -> Itemprop {
        let mut found = Itemprop::default();
        if !cx.class_parts.has(id, Attr::ItemProp) {
            return found;
        }
        let Some(value) = cx.snapshot.attr(id, "itemprop") else { return found };
        let is = |token: &str, names: &[&str]| names.iter().any(|n| token.eq_ignore_ascii_case(n));
        for token in value.split_whitespace() {
            found.text |= is(token, &["text", "commenttext", "description", "reviewbody"]);
            found.date |= is(token, &["datecreated", "datepublished", "commenttime", "uploaddate"]);
            found.author |= is(token, &["author", "creator"]);
        }
        found
    }
}

impl Parts {
    /// Looks at one element of the comment's own content; returns whether to look inside it.
    /// The first step that claims the element decides.
    fn visit(&mut self, cx: &Context, id: NodeId, fields: &mut Fields) -> bool {
        let snapshot = cx.snapshot;
        let tag = snapshot.tag(id).unwrap_or("");
        let itemprop = Itemprop::of(cx, id);
        let size = snapshot.subtree_end(id) - id;
        if let Some(inside) = self.reply_line(cx, id, size, fields) {
            return inside;
        }
        if itemprop.text {
            self.bodies.insert(0, (id, true));
            return true;
        }
        if let Some(inside) = self.marked_date(cx, id, tag, itemprop, size, fields) {
            return inside;
        }
        if let Some(inside) = self.bare_date(cx, id, tag, size, fields) {
            return inside;
        }
        if let Some(inside) = self.marked_author(cx, id, itemprop, size, fields) {
            return inside;
        }
        if let Some(inside) = self.named_body(cx, id, tag) {
            return inside;
        }
        if let Some(inside) = self.named_author(cx, id, tag, size, fields) {
            return inside;
        }
        self.note_weak_author(cx, id, tag, size);
        true
    }

    /// An "in reply to" line (the first one only).
    fn reply_line(&mut self, cx: &Context, id: NodeId, size: NodeId, fields: &mut Fields) -> Option<bool> {
        let first = fields.reply_link.is_none() && fields.reply_name.is_none();
        (first && size <= 8 && read_reply_hint(cx.snapshot, id, fields)).then(|| {
            self.reply = Some(id);
            false
        })
    }

    /// The date, from a `<time>`, a date `itemprop` or a small element whose class names a date:
    /// its value when it reads as one, else its text when that looks like a date.
    fn marked_date(&mut self, cx: &Context, id: NodeId, tag: &str, itemprop: Itemprop, size: NodeId, fields: &mut Fields) -> Option<bool> {
        let markup = tag == "time" || itemprop.date;
        if self.date.is_some() || !(markup || (size <= 8 && word_rules::names_date(cx.class_parts.of(id)))) {
            return None;
        }
        if let Some(date) = date_of(cx.snapshot, id) {
            fields.published = Some(date);
            self.date = Some(id);
            return Some(false);
        }
        let text = text_content(cx.snapshot, id);
        if markup || word_rules::looks_like_time(&text) {
            self.relative_date = self.relative_date.or(Some(id));
            return Some(false);
        }
        None
    }

    /// A date under a name that means nothing to us ("zeitpunkt"): a tiny element whose whole
    /// text is a date.
    fn bare_date(&mut self, cx: &Context, id: NodeId, tag: &str, size: NodeId, fields: &mut Fields) -> Option<bool> {
        let snapshot = cx.snapshot;
        if self.date.is_some() || self.relative_date.is_some() || size > 3 || matches!(tag, "p" | "blockquote" | "li")
            || snapshot.descendants(id).any(|d| snapshot.is(d, "time") || cx.class_parts.has(d, Attr::ItemProp))
        {
            return None;
        }
        let text = text_content(snapshot, id);
        if !(word_rules::looks_like_time(&text)) {
            return None;
        }
        match parse_date(&text) {
            Some(date) => {
                fields.published = Some(date);
                self.date = Some(id);
            }
            None => self.relative_date = Some(id),
        }
        Some(false)
    }

    /// The author's byline marked by `itemprop=author`/`rel=author`. Bylines often hold the date
    /// too: the walk looks inside.
    fn marked_author(&mut self, cx: &Context, id: NodeId, itemprop: Itemprop, size: NodeId, fields: &mut Fields) -> Option<bool> {
        let marked = itemprop.author || (cx.class_parts.has(id, Attr::Rel) && cx.snapshot.attr(id, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author")));
        if self.author.is_some() || !marked || size > 64 {
            return None;
        }
        self.take_author(cx, id, fields)
    }

    /// A text body named by its class (`content`, `message`, `body`).
    fn named_body(&mut self, cx: &Context, id: NodeId, tag: &str) -> Option<bool> {
        let strong = word_rules::names_body(cx.class_parts.of(id)).filter(|_| tag != "img")?;
        if self.bodies.len() < 16 {
            self.bodies.push((id, strong));
        }
        Some(true)
    }

    /// The author's byline named by its class (`author`, `user`), small.
    fn named_author(&mut self, cx: &Context, id: NodeId, tag: &str, size: NodeId, fields: &mut Fields) -> Option<bool> {
        if self.author.is_some() || tag == "img" || size > 16 || !word_rules::names_author(cx.class_parts.of(id)) {
            return None;
        }
        self.take_author(cx, id, fields)
    }

    /// The name in a byline, if it holds one; the walk looks inside (bylines often hold the date).
    fn take_author(&mut self, cx: &Context, id: NodeId, fields: &mut Fields) -> Option<bool> {
        let name = author_name_of(cx.snapshot, cx.class_parts, id)?;
        fields.author = Some(name);
        self.author = Some(id);
        Some(true)
    }

    /// A short name-like element, the author when nothing better names one.
    fn note_weak_author(&mut self, cx: &Context, id: NodeId, tag: &str, size: NodeId) {
        if self.weak_author.is_none()
            && ((matches!(tag, "cite" | "strong" | "b" | "a" | "h3" | "h4" | "h5" | "h6") && size <= 4)
                || super::structure::plain_name_byline(cx.snapshot, id))
        {
            self.weak_author = Some(id);
        }
    }

    /// The text body: the first strong name (`content`, `message`), else a `body`, never one
    /// that holds the author or the date (that is the whole comment).
    fn body(&self, snapshot: &Snapshot) -> Option<NodeId> {
        let holds_byline = |b: NodeId| {
            self.author.is_some_and(|a| snapshot.contains(b, a)) || self.date.or(self.relative_date).is_some_and(|d| snapshot.contains(b, d))
        };
        self.bodies
            .iter()
            .find(|&&(b, strong)| strong && !holds_byline(b))
            .or_else(|| self.bodies.iter().find(|&&(b, _)| !holds_byline(b)))
            .map(|&(b, _)| b)
    }

    /// A bare name next to the date in a byline ("<strong>Anna</strong> · <span>vor 2
    /// Stunden</span>"), or alone on the first line of an undated comment: the author, and no
    /// part of the text.
    fn byline_name(&self, cx: &Context, body: Option<NodeId>, fields: &Fields) -> Option<(NodeId, String)> {
        let snapshot = cx.snapshot;
        let date = self.date.or(self.relative_date);
        self.weak_author
            .filter(|_| fields.author.is_none() && body.is_none())
            .filter(|&w| {
                let parent = snapshot.parent(w).unwrap_or(cx.item);
                date.is_some_and(|d| snapshot.contains(parent, d) && (parent != cx.item || w < d))
                    || (date.is_none() && alone_on_its_line(snapshot, cx.item, w))
            })
            .and_then(|w| author_name_of(snapshot, cx.class_parts, w).map(|name| (w, name)))
    }

    /// A short name-like element before the text (a link, `<strong>`, `<cite>`) that the text
    /// does not start with.
    fn fallback_author(&self, cx: &Context, body: Option<NodeId>, text: &str) -> Option<String> {
        self.weak_author
            .filter(|&w| body.is_none_or(|b| w < b && !cx.snapshot.contains(b, w)))
            .and_then(|w| author_name_of(cx.snapshot, cx.class_parts, w))
            .filter(|name| !text.starts_with(name.as_str()))
    }
}

/// What separated the name from the date ("Anna · 12.06.2024") is no part of the text.
fn trim_separators(text: &mut String) {
    const SEPARATORS: [char; 6] = ['·', '•', '|', '–', '—', ' '];
    text.truncate(text.trim_end_matches(SEPARATORS).len());
    let kept = text.trim_start_matches(SEPARATORS).len();
    text.drain(..text.len() - kept);
}

/// Whether a name-like element is the whole of a line of its own at the head of an undated
/// comment (`<div><strong>Anna</strong> ·</div><p>…</p>`): the line holds nothing else but
/// separators, and the comment's text follows it.
fn alone_on_its_line(snapshot: &Snapshot, item: NodeId, name: NodeId) -> bool {
    let Some(line) = snapshot.parent(name).filter(|&p| p != item) else { return false };
    let rest = snapshot.text_content(line).replacen(snapshot.text_content(name).as_str(), "", 1);
    rest.chars().all(|c| c.is_whitespace() || matches!(c, '·' | '•' | '|' | '–' | '—' | '-' | ',' | ':'))
        && snapshot.text_content(item).trim_end().len() > snapshot.text_content(line).trim_end().len() + 8
}

/// Calls `visit` on every element of `item`'s own content in document order; `visit` returns
/// whether to look inside the element.
pub fn own_elements(snapshot: &Snapshot, item: NodeId, nested: &[bool], mut visit: impl FnMut(NodeId) -> bool) {
    let end = snapshot.subtree_end(item);
    let mut id = item + 1;
    while id < end {
        if nested.get(id as usize).copied().unwrap_or(false) || snapshot.tag(id).is_none() {
            id = if nested.get(id as usize).copied().unwrap_or(false) { snapshot.subtree_end(id) } else { id + 1 };
            continue;
        }
        id = if visit(id) { id + 1 } else { snapshot.subtree_end(id) };
    }
}

fn depth_of(snapshot: &Snapshot, class_parts: &ClassParts, item: NodeId) -> Option<u32> {
    if let Some(level) = snapshot.attr(item, "aria-level").and_then(|l| l.trim().parse().ok()) {
        return Some(level);
    }
    class_parts.of(item).windows(2).find_map(|w| {
        matches!(w[0].as_ref(), "depth" | "level" | "niveau" | "ebene" | "nivel" | "indent").then(|| w[1].parse().ok()).flatten()
    })
}

/// Reads an "in reply to X" line ("En réponse à X", "в ответ на X", "Xさんへの返信"); whether
/// `id` is one.
fn read_reply_hint(snapshot: &Snapshot, id: NodeId, fields: &mut Fields) -> bool {
    if !may_hold_reply_phrase(snapshot, id)
        || single_text(snapshot, id).is_some_and(plain_ascii_without_reply_phrase)
        || !may_open_reply_line(snapshot, id)
    {
        return false;
    }
    read_reply_line(snapshot, id, fields)
}

/// [`read_reply_hint`] without its quick refusals: the full reading of a subtree's text.
fn read_reply_line(snapshot: &Snapshot, id: NodeId, fields: &mut Fields) -> bool {
    let text = PlainText::of_subtree(snapshot, id);
    let text = text.trim();
    let lower = text.to_lowercase();
    let name = if let Some(phrase) = REPLY_PHRASES.iter().find(|p| lower.starts_with(*p)) {
        text.chars().skip(phrase.chars().count()).collect::<String>()
    } else if let Some(suffix) = REPLY_SUFFIXES.iter().find(|s| lower.ends_with(*s) && text.chars().count() <= 40) {
        text.chars().take(text.chars().count() - suffix.chars().count()).collect()
    } else {
        return false;
    };
    let link = std::iter::once(id).chain(snapshot.descendants(id)).find(|&d| snapshot.is(d, "a"));
    let reply_link = link.and_then(|a| snapshot.attr(a, "href")).and_then(|h| h.split_once('#')).map(|(_, f)| f.to_owned()).filter(|f| !f.is_empty());
    let reply_name = word_rules::clean_author(name.trim_start_matches([':', ' ']))
        .filter(|n| n.split_whitespace().count() <= 4 && !n.contains([':', '?', '!', '：']));
    // A sentence of the comment that opens with the words ("Réponse à votre question : …") names
    // no one and links nowhere: it stays text.
    if reply_link.is_none() && reply_name.is_none() {
        return false;
    }
    fields.reply_line = reply_name.is_some();
    fields.reply_link = reply_link;
    fields.reply_name = reply_name;
    true
}

/// Whether a subtree's collapsed text may be a reply line, judged by its first bytes (a comment's
/// paragraph that merely opens with an "A" or an "R" is not copied and lower-cased whole): it
/// opens with a reply phrase, or it is short enough to end with a reply suffix.
fn may_open_reply_line(snapshot: &Snapshot, id: NodeId) -> bool {
    // Enough bytes for 41 chars: a text that has them is too long to end with a suffix.
    let start = PlainText::start_of_subtree(snapshot, id, 4 * 41);
    start.trim().chars().nth(40).is_none() || REPLY_PHRASES.iter().any(|phrase| may_open_with(start.trim_start(), phrase))
}

/// Whether the lower-case copy of a text whose start this is may start with `phrase`: it does,
/// or the start ends first. Chars are lower-cased one by one, which differs from lower-casing
/// the whole text only in the choice of a final sigma, and no phrase holds a sigma.
fn may_open_with(start: &str, phrase: &str) -> bool {
    let mut lower = start.chars().flat_map(char::to_lowercase);
    phrase.chars().all(|p| lower.next().is_none_or(|c| c == p))
}

/// Whether the subtree's text, trimmed, starts with a char that a reply phrase starts with, or
/// ends with one a reply suffix ends with: rules most elements out without building their text.
fn may_hold_reply_phrase(snapshot: &Snapshot, id: NodeId) -> bool {
    // The subtree's texts, in order: its ids are `id` up to its end (a plain range, not a chain
    // of iterators: nearly every small element of every comment is asked).
    let end = snapshot.subtree_end(id);
    let texts = || (id..end).filter_map(|d| snapshot.text(d));
    let first = texts().find_map(|t| t.trim_start().chars().next());
    if first.is_some_and(|c| c.is_alphabetic() && starts_a_reply_phrase(c)) {
        return true;
    }
    let last = texts().rev().find_map(|t| t.trim_end().chars().last());
    // Every suffix ends in a CJK or Hangul letter (`reply_suffixes_end_outside_ascii`).
    last.is_some_and(|c| !c.is_ascii() && REPLY_SUFFIXES.iter().any(|s| s.ends_with(c)))
}

/// Whether a reply phrase starts with this letter once lower-cased. Asked of the first letter of
/// nearly every small element of a comment: an ASCII letter is answered by [`REPLY_FIRST_ASCII`].
fn starts_a_reply_phrase(c: char) -> bool {
    if c.is_ascii() {
        return REPLY_FIRST_ASCII >> c.to_ascii_lowercase() as u32 & 1 != 0;
    }
    let lower = c.to_lowercase().next();
    REPLY_PHRASES.iter().any(|p| p.chars().next() == lower)
}

/// The bit of each ASCII byte that starts a reply phrase (a phrase starting with another char
/// starts with a byte of 0x80 or more, which no ASCII letter equals).
const REPLY_FIRST_ASCII: u128 = {
    let mut bits = 0u128;
    let mut i = 0;
    while i < REPLY_PHRASES.len() {
        if let Some(&first) = REPLY_PHRASES[i].as_bytes().first() {
            if first < 0x80 {
                bits |= 1 << first;
            }
        }
        i += 1;
    }
    bits
};

/// The only text node of a subtree, if it has exactly one.
fn single_text(snapshot: &Snapshot, id: NodeId) -> Option<&str> {
    let mut texts = snapshot.descendants(id).filter_map(|d| snapshot.text(d));
    texts.next().filter(|_| texts.next().is_none())
}

/// Whether a subtree's only text surely opens with no reply phrase and ends with no reply
/// suffix, decided without building its collapsed, lower-cased copy ("Reply", "Antworten"): an
/// ASCII text with no white space to collapse but single spaces is its own collapsed text once
/// trimmed, its lower-case copy is ASCII (a reply suffix ends outside ASCII), and it starts with
/// a phrase exactly when it does so ignoring ASCII case.
fn plain_ascii_without_reply_phrase(text: &str) -> bool {
    let plain = text.is_ascii() && single_spaced(text.as_bytes());
    plain && {
        let trimmed = text.trim_matches(' ').as_bytes();
        !REPLY_PHRASES.iter().any(|p| trimmed.get(..p.len()).is_some_and(|start| start.eq_ignore_ascii_case(p.as_bytes())))
    }
}

#[cfg(test)]
#[test]
fn reply_phrase_look_answers_as_the_chained_scan() {
    use crate::snapshot::SnapshotBuilder;
    // The first version: the texts as a chain of iterators, the first char found over all of
    // their chars, the last text found by `rfind`.
    let chained = |snapshot: &Snapshot, id: NodeId| {
        let mut texts = std::iter::once(id).chain(snapshot.descendants(id)).filter_map(|d| snapshot.text(d));
        let first = texts.clone().flat_map(str::chars).find(|c| !c.is_whitespace());
        if first.is_some_and(|c| c.is_alphabetic() && starts_a_reply_phrase(c)) {
            return true;
        }
        let last = texts.rfind(|t| !t.trim().is_empty()).and_then(|t| t.trim_end().chars().last());
        last.is_some_and(|c| !c.is_ascii() && REPLY_SUFFIXES.iter().any(|s| s.ends_with(c)))
    };
    let pieces = ["", " ", "\n\t ", "Reply", " in reply to Anna", "x", "アンナさんへの返信", "返信 ", " 안나님께 답글\n", "Ответ на", "\u{a0}Anna", "3", "答"];
    let mut b = SnapshotBuilder::new();
    let mut ids = Vec::new();
    for (k, first) in pieces.iter().enumerate() {
        for last in pieces {
            let div = b.element(0, "div", []);
            b.text(div, first);
            let span = b.element(div, "span", []);
            b.text(span, pieces[(k + 3) % pieces.len()]);
            b.text(div, last);
            ids.extend([div, span]);
        }
    }
    ids.push(b.element(0, "div", []));
    let s = b.finish().unwrap();
    for id in ids {
        assert_eq!(may_hold_reply_phrase(&s, id), chained(&s, id), "{id}");
    }
}

#[cfg(test)]
#[test]
fn reply_phrase_starts_are_those_of_the_phrase_list() {
    let old = |c: char| {
        let lower = c.to_lowercase().next();
        REPLY_PHRASES.iter().any(|p| p.chars().next() == lower)
    };
    let chars = (0..0x80u8).map(char::from).chain(REPLY_PHRASES.iter().flat_map(|p| p.chars().flat_map(|c| [c, c.to_uppercase().next().unwrap_or(c)])));
    for c in chars.chain(['É', 'é', 'В', 'в', 'ر', 'İ', 'K', 'ſ']) {
        assert_eq!(starts_a_reply_phrase(c), old(c), "{c:?}");
    }
    assert!(starts_a_reply_phrase('I') && starts_a_reply_phrase('r') && !starts_a_reply_phrase('x'));
}

#[cfg(test)]
#[test]
fn quick_refusals_of_reply_lines_agree_with_the_full_reading() {
    use crate::snapshot::SnapshotBuilder;
    assert!(REPLY_PHRASES.iter().all(|p| !p.contains(['σ', 'ς', 'Σ'])), "no phrase holds a sigma");
    let long = "Amazon… commencez par payer vos impôts dans tous les pays où vous vendez, après venez la ramener";
    let mut texts: Vec<String> = vec!["".into(), " ".into(), "Répondre".into(), "Reply".into(), "Anna".into(), long.into(), "ΣΑΣ answer".into()];
    for phrase in REPLY_PHRASES.iter().chain(REPLY_SUFFIXES) {
        for form in [phrase.to_string(), phrase.to_uppercase(), phrase.replace(' ', " \u{a0}\n"), phrase.replace(' ', "\u{ad} ")] {
            texts.extend([
                format!("{form} Anna"), format!("Anna{form}"), format!("  {form}: Bob Marley "), format!("{form} {long}"), format!("{long} {form}"),
                form.chars().skip(1).collect(), form.chars().take(form.chars().count().saturating_sub(1)).collect(), format!("{form}{}", "x".repeat(170)),
            ]);
        }
    }
    let mut b = SnapshotBuilder::new();
    let mut ids = Vec::new();
    for (k, text) in texts.iter().enumerate() {
        let div = b.element(0, "div", []);
        b.text(div, text);
        ids.push(div);
        // The same text in pieces, one a link to the comment answered.
        let div = b.element(0, "div", []);
        let cut = (0..=text.len().min(k % 13)).rev().find(|&c| text.is_char_boundary(c)).unwrap_or(0);
        b.text(div, &text[..cut]);
        let a = b.element(div, "a", [("href", "#comment-12")]);
        b.text(a, &text[cut..]);
        ids.push(div);
    }
    let s = b.finish().unwrap();
    let (mut lines, mut refused) = (0, 0);
    for id in ids {
        let (mut quick, mut full) = (Fields::default(), Fields::default());
        let found = read_reply_hint(&s, id, &mut quick);
        // The refusals before this one (which a soft hyphen at the start can fool) as they were.
        let before = may_hold_reply_phrase(&s, id) && !single_text(&s, id).is_some_and(plain_ascii_without_reply_phrase);
        assert_eq!(found, before && read_reply_line(&s, id, &mut full), "{:?}", PlainText::of_subtree(&s, id));
        assert_eq!((quick.reply_link, quick.reply_name, quick.reply_line), (full.reply_link, full.reply_name, full.reply_line));
        lines += usize::from(found);
        refused += usize::from(before && !may_open_reply_line(&s, id));
    }
    assert!(lines > 100 && refused > 50, "{lines} {refused}");
}

#[cfg(test)]
#[test]
fn reply_suffixes_end_outside_ascii() {
    assert!(REPLY_SUFFIXES.iter().all(|s| s.chars().last().is_some_and(|c| !c.is_ascii())));
}

#[cfg(test)]
#[test]
fn plain_ascii_texts_without_a_reply_phrase_are_those_the_full_reading_refuses() {
    use crate::snapshot::SnapshotBuilder;
    // The full reading's question, on the collapsed text of a one-text subtree.
    let opens_or_ends_a_reply = |text: &str| {
        let lower = text.trim().to_lowercase();
        REPLY_PHRASES.iter().any(|p| lower.starts_with(p)) || REPLY_SUFFIXES.iter().any(|s| lower.ends_with(s) && text.trim().chars().count() <= 40)
    };
    assert!(REPLY_PHRASES.iter().all(|p| p.to_lowercase() == *p), "phrases are lower case");
    let mut texts: Vec<String> = vec!["".into(), " ".into(), "Reply".into(), "Report".into(), "x".into(), "Anna".into(), "\u{ad}".into()];
    for phrase in REPLY_PHRASES.iter().chain(REPLY_SUFFIXES) {
        for form in [phrase.to_string(), phrase.to_uppercase(), format!("{phrase} Anna"), format!("Anna{phrase}"), phrase.replace(' ', "  "), phrase.replace(' ', "\n")] {
            texts.extend([form.clone(), format!("  {form} "), format!("\t{form}"), form.chars().skip(1).collect(), form.chars().take(form.chars().count().saturating_sub(1)).collect()]);
        }
    }
    let mut b = SnapshotBuilder::new();
    let ids: Vec<NodeId> = texts
        .iter()
        .map(|t| {
            let div = b.element(0, "div", []);
            b.text(div, t);
            div
        })
        .collect();
    let s = b.finish().unwrap();
    let mut sure = 0;
    for (text, id) in texts.iter().zip(ids) {
        assert_eq!(single_text(&s, id), Some(text.as_str()));
        if plain_ascii_without_reply_phrase(text) {
            sure += 1;
            assert!(!opens_or_ends_a_reply(&PlainText::of_subtree(&s, id)), "{text:?}");
        }
    }
    assert!(sure > 50, "{sure}");
}

fn date_of(snapshot: &Snapshot, node: NodeId) -> Option<String> {
    ["datetime", "content", "title"]
        .iter()
        .filter_map(|a| snapshot.attr(node, a))
        .find_map(parse_date)
        .or_else(|| parse_date(&text_content(snapshot, node)))
}

fn author_name_of(snapshot: &Snapshot, class_parts: &ClassParts, node: NodeId) -> Option<String> {
    let valid = |text: String| {
        let name = word_rules::author_in(&text).filter(|n| !word_rules::is_action_text(n) && !word_rules::looks_like_date(n))?;
        // Most names are the whole text: it is kept, not copied.
        let copy = (name.len() != text.len()).then(|| name.to_owned());
        Some(copy.unwrap_or(text))
    };
    let text = |n: NodeId| {
        let mut c = PlainText::new();
        c.push_subtree(snapshot, n);
        c.finish()
    };
    // Prefer the name inside a byline ("<span class=author><a>Alice</a> says:</span>"), then a
    // link that is not the date, then the byline's own words without its date.
    let named = snapshot.descendants(node).filter(|&d| {
        (class_parts.has(d, Attr::ItemProp) && snapshot.attr(d, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("name")))
            || (snapshot.tag(d).is_some() && class_parts.of(d).iter().any(|p| matches!(p.as_ref(), "fn" | "name" | "nick" | "username")))
    });
    let links = snapshot.descendants(node).filter(|&d| snapshot.is(d, "a"));
    if let Some(name) = named.chain(links).take(8).find_map(|d| valid(text(d))) {
        return Some(name);
    }
    let mut own = PlainText::new();
    let end = snapshot.subtree_end(node);
    let mut id = node;
    while id < end {
        if let Some(t) = snapshot.text(id) {
            own.push_node(t);
        } else if id != node
            && (snapshot.is(id, "time")
                || word_rules::names_date(class_parts.of(id))
                || word_rules::names_item_chrome(class_parts.of(id))
                || snapshot.is(id, "a") && word_rules::looks_like_date(&text_content(snapshot, id)))
        {
            id = snapshot.subtree_end(id);
            own.push_space();
            continue;
        }
        id += 1;
    }
    valid(own.finish())
}

/// The visible text of `root`'s own content without the author, date and chrome.
/// `quoted` receives the first quote header's name and the passage it quotes.
/// `open_blocks` is a buffer (emptied first).
#[allow(clippy::too_many_arguments)]
fn text_of(
    snapshot: &Snapshot, class_parts: &ClassParts, root: NodeId, nested: &[bool], skip: &[Option<NodeId>], whole_item: bool,
    quoted: &mut Option<(Option<String>, String)>, open_blocks: &mut Vec<NodeId>,
) -> String {
    let mut out = PlainText::new();
    let end = snapshot.subtree_end(root);
    let mut id = root + 1;
    open_blocks.clear();
    while id < end {
        while open_blocks.last().is_some_and(|&b| id >= snapshot.subtree_end(b)) {
            open_blocks.pop();
            out.push_space();
        }
        if let Some(t) = snapshot.text(id) {
            out.push_node(t);
            id += 1;
            continue;
        }
        if nested.get(id as usize).copied().unwrap_or(false) || skip.contains(&Some(id)) || is_chrome(snapshot, class_parts, id, whole_item) {
            id = snapshot.subtree_end(id);
            out.push_space();
            continue;
        }
        if is_quote_header(snapshot, class_parts, id) {
            if quoted.is_none() {
                let name = word_rules::clean_author(&quote_name(&snapshot.text_content(id)));
                let mut passage = PlainText::new();
                let quote = snapshot.parent(id).unwrap_or(id);
                for d in snapshot.descendants(quote).filter(|&d| !snapshot.contains(id, d)) {
                    if let Some(t) = snapshot.text(d) {
                        passage.push_node(t);
                    } else if snapshot.tag(d).is_some_and(is_block_tag) {
                        passage.push_space();
                    }
                }
                *quoted = Some((name, passage.finish()));
            }
            id = snapshot.subtree_end(id);
            continue;
        }
        if snapshot.tag(id).is_some_and(is_block_tag) {
            out.push_space();
            open_blocks.push(id);
        }
        id += 1;
    }
    out.finish()
}

/// Chrome inside a comment: named chrome, forms, navigation, and small buttons/counters.
fn is_chrome(snapshot: &Snapshot, class_parts: &ClassParts, id: NodeId, whole_item: bool) -> bool {
    let tag = snapshot.tag(id).unwrap_or("");
    if matches!(tag, "form" | "nav" | "menu") || (whole_item && matches!(tag, "header" | "footer")) {
        return true;
    }
    if word_rules::names_item_chrome(class_parts.of(id)) && word_rules::names_body(class_parts.of(id)) != Some(true) {
        return true;
    }
    snapshot.subtree_end(id) - id <= 4 && !matches!(tag, "p" | "blockquote") && {
        let text = text_content(snapshot, id);
        !text.trim().is_empty() && word_rules::is_action_text(&text)
    }
}

/// [`Snapshot::text_content`], borrowed when the subtree holds at most one text node (most
/// small elements: a button's word, a counter), so that it costs no copy.
fn text_content(snapshot: &Snapshot, id: NodeId) -> Cow<'_, str> {
    let mut texts = std::iter::once(id).chain(snapshot.descendants(id)).filter_map(|d| snapshot.text(d));
    match (texts.next(), texts.next()) {
        (None, _) => Cow::Borrowed(""),
        (Some(only), None) => Cow::Borrowed(only),
        (Some(_), Some(_)) => Cow::Owned(snapshot.text_content(id)),
    }
}

/// The header of a quoted parent: a `<cite>` or a title/attribution line opening a quote.
fn is_quote_header(snapshot: &Snapshot, class_parts: &ClassParts, id: NodeId) -> bool {
    let Some(parent) = snapshot.parent(id) else { return false };
    let in_quote = snapshot.is(parent, "blockquote") || snapshot.tag(parent) == Some("aside") && class_parts.of(parent).iter().any(|p| p == "quote")
        || class_parts.of(parent).iter().any(|p| p == "quote" || p == "bbcode");
    if !in_quote {
        return false;
    }
    if snapshot.is(id, "cite") {
        return true;
    }
    let first_element = snapshot.children(parent).find(|&c| snapshot.tag(c).is_some());
    first_element == Some(id) && {
        class_parts.of(id).iter().any(|p| matches!(p.as_ref(), "title" | "header" | "author" | "attribution" | "meta" | "head"))
            || {
                let text = snapshot.text_content(id);
                let t = text.trim();
                t.chars().count() <= 60 && (t.ends_with(':') || t.ends_with('：'))
            }
    }
}

/// The name in a quote header ("Popoulo a écrit :", "Zitat von Anna", "Bob said:").
fn quote_name(text: &str) -> String {
    let t = text.trim();
    for prefix in ["Zitat von ", "Quote from ", "Quoting ", "Citation de ", "Cita de "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest.to_owned();
        }
    }
    t.to_owned()
}
