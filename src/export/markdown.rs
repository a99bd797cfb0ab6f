//! Markdown export with YAML front matter (the extension's export and `--format md`).
//!
//! Layout: front matter (title, url, author, published, site, lang, exported, tags,
//! generator), then the reader's notes (quote, note, tags), the editorial sentences with their
//! cues, the attributed opinions with their source, and the comment summary (text, themes,
//! most quoted passages). All page text is escaped ([`super::escape`]): it can neither add keys
//! to the front matter nor become links, HTML, headings or lists.

use super::escape::{markdown_inline, yaml_string};
use crate::anchor::Note;
use crate::report::{Label, Report, Sentence};
use std::fmt::Write;

/// Renders a report and the reader's notes as Markdown, stamped `exported` (ISO 8601; the edges
/// read the clock: the CLI and the wasm API pass the current time).
pub fn render(report: &Report, notes: &[Note], exported: &str) -> String {
    let mut out = String::new();
    front_matter(&mut out, report, notes, exported);
    let title = report.metadata.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or("Untitled page");
    let _ = writeln!(out, "# {}\n", markdown_inline(title));
    if let Some(url) = report.url.as_deref().and_then(safe_link) {
        let _ = writeln!(out, "<{url}>\n");
    }
    notes_section(&mut out, notes);
    editorial_section(&mut out, report);
    attributed_section(&mut out, report);
    comments_section(&mut out, report);
    out
}

fn front_matter(out: &mut String, report: &Report, notes: &[Note], exported: &str) {
    let m = &report.metadata;
    out.push_str("---\n");
    let mut field = |key: &str, value: Option<&str>| {
        if let Some(v) = value {
            let _ = writeln!(out, "{key}: {}", yaml_string(v));
        }
    };
    field("title", m.title.as_deref());
    field("url", report.url.as_deref());
    field("author", m.byline.as_deref());
    field("published", m.published.as_deref());
    field("site", m.site_name.as_deref());
    field("lang", m.lang.as_deref());
    field("exported", Some(exported));
    field("generator", Some(concat!("Glose ", env!("CARGO_PKG_VERSION"))));
    let mut tags: Vec<&str> = notes.iter().flat_map(|n| n.tags.iter().map(String::as_str)).collect();
    crate::sorting::sort(&mut tags);
    tags.dedup();
    let tags: Vec<String> = tags.into_iter().map(yaml_string).collect();
    let _ = writeln!(out, "tags: [{}]", tags.join(", "));
    out.push_str("---\n\n");
}

/// The URL itself when it can stand in an autolink (http(s), no spaces or angle brackets).
fn safe_link(url: &str) -> Option<&str> {
    let lower = url.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    (scheme_ok && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '`' | '\\'))).then_some(url)
}

/// Multi-line text (a reader's note) as escaped lines, each a line of a block quote or list.
fn block_lines(text: &str, indent: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{indent}{}", markdown_inline(l.trim_start())))
        .collect::<Vec<_>>()
        .join("  \n")
}

fn notes_section(out: &mut String, notes: &[Note]) {
    if notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## My notes ({})\n", notes.len());
    for note in notes {
        let _ = writeln!(out, "> {}\n", markdown_inline(&note.target.quote.exact));
        let body = block_lines(&note.body, "");
        if !body.is_empty() {
            let _ = writeln!(out, "{body}\n");
        }
        let mut meta: Vec<String> = note.tags.iter().map(|t| format!("\\#{}", markdown_inline(t))).collect();
        meta.push(format!("*{}*", note.motivation.as_str()));
        if !note.modified.is_empty() {
            meta.push(markdown_inline(&note.modified));
        }
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
}

fn cue_list(sentence: &Sentence) -> String {
    sentence.cues.iter().map(|c| format!("{} «{}»", markdown_inline(&c.kind), markdown_inline(&c.text))).collect::<Vec<_>>().join(", ")
}

fn editorial_section(out: &mut String, report: &Report) {
    let editorial: Vec<&Sentence> = report.sentences.iter().filter(|s| s.label == Label::Editorial).collect();
    let _ = writeln!(out, "## Editorial sentences ({})\n", editorial.len());
    if editorial.is_empty() {
        out.push_str("None found.\n\n");
        return;
    }
    for s in editorial {
        let _ = writeln!(out, "- «{}» — score {:.2}", markdown_inline(&s.text), s.score);
        if !s.cues.is_empty() {
            let _ = writeln!(out, "  - cues: {}", cue_list(s));
        }
    }
    out.push('\n');
}

fn attributed_section(out: &mut String, report: &Report) {
    let attributed: Vec<&Sentence> = report.sentences.iter().filter(|s| s.label == Label::Attributed).collect();
    let _ = writeln!(out, "## Attributed opinions ({})\n", attributed.len());
    if attributed.is_empty() {
        out.push_str("None found.\n\n");
        return;
    }
    for s in attributed {
        let source = s.source.as_deref().map(markdown_inline).unwrap_or_else(|| "unnamed source".to_owned());
        let _ = writeln!(out, "- «{}» — {}", markdown_inline(&s.text), source);
    }
    out.push('\n');
}

fn comments_section(out: &mut String, report: &Report) {
    let summary = &report.summary;
    let _ = writeln!(out, "## Comments ({})\n", report.comments.len());
    if !summary.text.trim().is_empty() {
        let _ = writeln!(out, "{}\n", block_lines(&summary.text, ""));
    }
    if summary.disputing + summary.agreeing > 0 {
        let _ = writeln!(out, "{} dispute the article, {} agree with it.\n", summary.disputing, summary.agreeing);
    }
    if !summary.themes.is_empty() {
        out.push_str("### Themes\n\n");
        for t in &summary.themes {
            let keywords: Vec<String> = t.keywords.iter().map(|k| markdown_inline(k)).collect();
            let _ = writeln!(out, "- **{}** ({} comments): {}", markdown_inline(&t.label), t.comments.len(), keywords.join(", "));
        }
        out.push('\n');
    }
    if !summary.quoted_passages.is_empty() {
        out.push_str("### Most quoted passages\n\n");
        for q in &summary.quoted_passages {
            let text = report.sentences.get(q.sentence as usize).map_or("", |s| s.text.as_str());
            let _ = writeln!(out, "- «{}» — quoted by {} comments", markdown_inline(text), q.comments.len());
        }
        out.push('\n');
    }
}
