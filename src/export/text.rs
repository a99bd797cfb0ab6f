//! The report as plain text for people in a terminal (`glose annotate --format text`).

use crate::report::{Label, Report};
use std::fmt::Write;

/// Renders the report for a terminal: metadata, the flagged sentences with their cues, the
/// comments and the summary.
pub fn render(report: &Report) -> String {
    terminal_safe(&render_raw(report))
}

/// Page text may hold terminal escape sequences and other controls: every control char but the
/// line breaks this renderer writes, and every bidi override, becomes U+FFFD.
fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if (c.is_control() && c != '\n') || bidi { '\u{FFFD}' } else { c }
        })
        .collect()
}

fn render_raw(report: &Report) -> String {
    let mut out = String::new();
    let m = &report.metadata;
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
    let _ = writeln!(out, "{}", or_dash(&m.title));
    let _ = writeln!(
        out,
        "by {} · {} · {} · lang {}",
        or_dash(&m.byline),
        or_dash(&m.published),
        or_dash(&m.site_name),
        or_dash(&m.lang)
    );
    if let Some(url) = &report.url {
        let _ = writeln!(out, "{url}");
    }
    out.push('\n');
    if !report.article.found {
        out.push_str("No article found on this page.\n");
    } else {
        let count = |l: Label| report.sentences.iter().filter(|s| s.label == l).count();
        let _ = writeln!(
            out,
            "Article: {} blocks, {} sentences — {} editorial, {} attributed, {} factual",
            report.article.blocks.len(),
            report.sentences.len(),
            count(Label::Editorial),
            count(Label::Attributed),
            count(Label::Factual)
        );
        let mut flagged: Vec<_> = report.sentences.iter().filter(|s| s.label != Label::Factual).collect();
        crate::sorting::sort_by(&mut flagged, |a, b| (a.label != Label::Editorial).cmp(&(b.label != Label::Editorial)).then(b.score.total_cmp(&a.score)));
        for s in flagged {
            let _ = writeln!(out, "\n  [{} {:.2}] {}", s.label.as_str(), s.score, s.text);
            if let Some(source) = s.attributed_source() {
                let _ = writeln!(out, "      source: {source}");
            }
            for cue in &s.cues {
                let _ = writeln!(out, "      {}: «{}»", cue.kind, cue.text);
            }
        }
    }
    let _ = writeln!(out, "\nComments: {}", report.comments.len());
    for c in &report.comments {
        let reply = c.reply_to.map(|r| format!(" ↳ reply to #{r}")).unwrap_or_default();
        let text: String = c.text.chars().take(100).collect();
        let more = if c.text.chars().count() > 100 { "…" } else { "" };
        let _ = writeln!(
            out,
            "  #{} {} ({}){}: {}{}",
            c.id,
            c.author.as_deref().unwrap_or("anonymous"),
            c.published.as_deref().unwrap_or("no date"),
            reply,
            text,
            more
        );
    }
    if !report.summary.text.is_empty() {
        let _ = writeln!(out, "\nSummary: {}", report.summary.text);
    }
    for t in &report.summary.themes {
        let _ = writeln!(out, "  theme «{}» ({} comments): {}", t.label, t.comments.len(), t.keywords.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_text_cannot_drive_the_terminal() {
        let mut report = Report::default();
        report.metadata.title = Some("a\u{1b}[31mred\u{7}\u{202E}txt\rX".to_owned());
        let out = render(&report);
        assert!(out.starts_with("a\u{FFFD}[31mred\u{FFFD}\u{FFFD}txt\u{FFFD}X\n"), "{out:?}");
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    }
}
