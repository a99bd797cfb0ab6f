//! CSV export: one row per annotation (the reader's notes, then Glose's editorial and attributed
//! sentences), RFC 4180 with CRLF line ends, every cell neutralised against spreadsheet formulas
//! (see [`super::escape::csv_field`]).
//!
//! Columns: `kind` (`note` or `sentence`), `label` (the note's motivation or the sentence's
//! label), `score`, `quote`, `note`, `tags` (`; `-separated), `cues` (`kind: text` items,
//! `; `-separated), `source` (who is quoted), `url`.

use super::escape::csv_field;
use crate::anchor::Note;
use crate::report::{Label, Report};

/// The header row's cells.
pub const COLUMNS: [&str; 9] = ["kind", "label", "score", "quote", "note", "tags", "cues", "source", "url"];

/// Renders the notes and findings as CSV.
pub fn render(report: &Report, notes: &[Note]) -> String {
    let url = report.url.clone().unwrap_or_default();
    let mut out = String::new();
    let mut row = |cells: [&str; 9]| {
        let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    row(COLUMNS);
    for n in notes {
        let tags = n.tags.join("; ");
        row(["note", n.motivation.as_str(), "", &n.target.quote.exact, &n.body, &tags, "", "", &url]);
    }
    for s in report.sentences.iter().filter(|s| s.label != Label::Factual) {
        let score = format!("{:.3}", s.score);
        let cues: Vec<String> = s.cues.iter().map(|c| format!("{}: {}", c.kind, c.text)).collect();
        let cues = cues.join("; ");
        row(["sentence", s.label.as_str(), &score, &s.text, "", "", &cues, s.attributed_source().unwrap_or(""), &url]);
    }
    out
}
