//! Exports of a report: text for terminals, Markdown, W3C Web Annotation JSON-LD, CSV.

pub mod text;
pub mod markdown;
internal_mods! {
    /// Escaping for YAML, Markdown and CSV cells.
    escape;
}
pub mod json_ld;
pub mod csv;
