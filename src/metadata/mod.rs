//! Page metadata (title, byline, date, site, language) from JSON-LD, OpenGraph, `<meta>`,
//! `<time>`, microdata and `<html lang>`.
//!
//! Precedence follows Firefox Reader View where it has a rule (JSON-LD first, then Dublin Core,
//! OpenGraph, `<meta name>`, Twitter and Parse.ly tags, then the document `<title>`), and adds
//! the sources it lacks (`article:author`, `itemprop`, `<time datetime>`, `content-language`).

pub mod entities;
pub mod json_ld;
pub mod meta_tags;
pub mod title;

use crate::page_patterns::{self as patterns, is_byline_element};
use crate::report::Metadata;
use crate::snapshot::{NodeId, Snapshot};
use crate::text::date::parse_date;
use crate::text::similarity::similarity;
use meta_tags::MetaTags;
use std::cell::OnceCell;

/// The elements the metadata reads, found in one walk of the page: a walk per source, each
/// asking every node its tag (meta tags, JSON-LD scripts, headings), was ~26 M instructions on
/// the page of 10,000 comments.
#[derive(Debug, Default, PartialEq, Eq)]
struct Elements {
    metas: Vec<NodeId>,
    scripts: Vec<NodeId>,
    h1: Vec<NodeId>,
    h2: Vec<NodeId>,
}

impl Elements {
    /// The `<meta>`, `<script>`, `<h1>` and `<h2>` elements of the page, each list in page order.
    fn of(snapshot: &Snapshot) -> Elements {
        let mut found = Elements::default();
        for id in 0..snapshot.len() as NodeId {
            match snapshot.tag(id) {
                Some("meta") => found.metas.push(id),
                Some("script") => found.scripts.push(id),
                Some("h1") => found.h1.push(id),
                Some("h2") => found.h2.push(id),
                _ => {}
            }
        }
        found
    }
}

/// Reads the page's metadata with the most reliable source first.
pub fn extract(snapshot: &Snapshot) -> Metadata {
    let elements = Elements::of(snapshot);
    let tags = MetaTags::collect(snapshot, &elements.metas);
    let ld = json_ld::find_article(snapshot, &elements.scripts).unwrap_or_default();
    // The headings' texts are read only when the document title is.
    let headings = OnceCell::new();
    let headings = || headings.get_or_init(|| (heading_texts(snapshot, &elements.h1), heading_texts(snapshot, &elements.h2)));
    let clean = |s: &str| Some(title::collapse(&entities::unescape(s))).filter(|s| !s.is_empty());

    let site_name = ld.site_name.as_deref().or(tags.get(&["og:site_name", "application-name"])).and_then(clean);

    let title_from_ld = match (&ld.name, &ld.headline) {
        (Some(name), Some(headline)) if name != headline => {
            let (h1s, h2s) = headings();
            let doc_title = title::from_document(snapshot, h1s, h2s).unwrap_or_default();
            let name_matches = similarity(name, &doc_title) > 0.75;
            let headline_matches = similarity(headline, &doc_title) > 0.75;
            Some(if headline_matches && !name_matches { headline.clone() } else { name.clone() })
        }
        (name, headline) => name.clone().or_else(|| headline.clone()),
    };
    let title = title_from_ld
        .or_else(|| {
            tags.get(&[
                "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
                "twitter:title", "parsely-title",
            ])
            .map(str::to_owned)
        })
        .and_then(|t| clean(&t))
        // A title the publisher declares (JSON-LD, og:title…) is kept as declared, as Reader View
        // does; only the document `<title>` loses its " - Site" part (Reader View's heuristics).
        .or_else(|| {
            let (h1s, h2s) = headings();
            title::from_document(snapshot, h1s, h2s)
        });

    let byline = ld
        .byline
        .clone()
        .or_else(|| {
            tags.get(&["dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru:author"])
                .filter(|a| !looks_like_url(a))
                .map(str::to_owned)
        })
        .or_else(|| byline_in_page(snapshot))
        .or_else(|| tags.get(&["article:author"]).filter(|a| !looks_like_url(a)).map(str::to_owned))
        .and_then(|b| clean(&b))
        .map(|b| clean_byline(&b))
        .filter(|b| !b.is_empty());

    let published = ld
        .published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            ["article:published_time", "parsely-pub-date", "og:published_time", "datepublished", "dc:date", "dcterm:date", "date", "pubdate", "publish-date", "sailthru.date"]
                .iter()
                .find_map(|k| tags.get(&[k]).and_then(parse_date))
        })
        .or_else(|| date_in_page(snapshot));

    let lang = snapshot
        .find_first("html")
        .and_then(|h| snapshot.attr(h, "lang"))
        .or(tags.get(&["content-language"]))
        .or(ld.lang.as_deref())
        .or(tags.get(&["og:locale"]))
        .and_then(primary_subtag);

    Metadata { title, byline, published, site_name, lang }
}

/// The collapsed texts of headings.
fn heading_texts(snapshot: &Snapshot, headings: &[NodeId]) -> Vec<String> {
    headings.iter().map(|&id| title::collapse(&snapshot.text_content(id))).collect()
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") || s.starts_with('/')
}

/// The language's primary subtag, lower case (`fr` from `fr-FR`, `en` from `en_US`).
fn primary_subtag(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_', ',', ';', ' ']).next().unwrap_or("").to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

/// The first short element marked as a byline in the page body, in document order, not looking
/// inside parts that are never the article (headers, menus, sidebars… — Reader View's order).
fn byline_in_page(snapshot: &Snapshot) -> Option<String> {
    let body = snapshot.body();
    let end = snapshot.subtree_end(body);
    let mut id = body + 1;
    let mut names = String::new();
    while id < end {
        let Some(tag) = snapshot.tag(id) else {
            id += 1;
            continue;
        };
        if is_byline_element(snapshot, id) {
            if let Some(text) = short_text(snapshot, id, 100).filter(|t| !t.is_empty()) {
                return Some(text);
            }
        }
        let unlikely = tag != "a" && unlikely_names(snapshot, id, &mut names)
            && !snapshot.ancestors(id).take(4).any(|a| snapshot.is(a, "table") || snapshot.is(a, "code"));
        if unlikely || matches!(tag, "script" | "nav") || snapshot.attr(id, "role").is_some_and(|r| patterns::UNLIKELY_ROLES.contains(&r)) {
            id = snapshot.subtree_end(id);
            continue;
        }
        id += 1;
    }
    None
}

/// [`patterns::is_unlikely`] of an element's [`patterns::match_string`], built for ASCII names
/// in `buffer` (reused from element to element: this is asked of most elements of the page).
fn unlikely_names(snapshot: &Snapshot, id: u32, buffer: &mut String) -> bool {
    let (class, id_attr) = (snapshot.attr(id, "class"), snapshot.attr(id, "id"));
    let (class_value, id_value) = (class.unwrap_or(""), id_attr.unwrap_or(""));
    if class_value.is_empty() && id_value.is_empty() {
        // The match string is then " ": no hint matches a lone space.
        return false;
    }
    if !class_value.is_ascii() || !id_value.is_ascii() {
        return patterns::is_unlikely(&patterns::match_string(class, id_attr));
    }
    buffer.clear();
    buffer.push_str(class_value);
    buffer.push(' ');
    buffer.push_str(id_value);
    buffer.make_ascii_lowercase();
    patterns::is_unlikely(buffer)
}

/// The collapsed text of a subtree when it has fewer than `max` chars (reads at most a few times
/// that much text, so large containers cost little).
fn short_text(snapshot: &Snapshot, id: u32, max: usize) -> Option<String> {
    let mut raw = String::new();
    for d in snapshot.descendants(id) {
        if let Some(t) = snapshot.text(d) {
            raw.push_str(t);
            if raw.len() > max * 8 {
                return None;
            }
        }
    }
    let text = title::collapse(&raw);
    (text.chars().count() < max).then_some(text)
}

/// A byline without its "By " / "Par " / "Von " / "Por " lead-in.
fn clean_byline(byline: &str) -> String {
    let b = byline.trim();
    for prefix in ["by ", "par ", "von ", "por ", "di ", "door "] {
        if b.len() > prefix.len() && b.is_char_boundary(prefix.len()) && b[..prefix.len()].eq_ignore_ascii_case(prefix) {
            return b[prefix.len()..].trim().to_owned();
        }
    }
    b.to_owned()
}

/// The publication date from microdata (`itemprop=datePublished`) or the first `<time datetime>`.
fn date_in_page(snapshot: &Snapshot) -> Option<String> {
    let mut first_time = None;
    for id in 0..snapshot.len() as u32 {
        if snapshot.tag(id).is_none() {
            continue;
        }
        if snapshot.attr(id, "itemprop").is_some_and(|p| p.split_whitespace().any(|p| p == "datePublished")) {
            let value = snapshot.attr(id, "content").or(snapshot.attr(id, "datetime")).map(str::to_owned).unwrap_or_else(|| snapshot.text_content(id));
            if let Some(d) = parse_date(&value) {
                return Some(d);
            }
        }
        if first_time.is_none() && snapshot.is(id, "time") {
            first_time = snapshot.attr(id, "datetime").and_then(parse_date);
        }
    }
    first_time
}

#[cfg(test)]
mod tests;
