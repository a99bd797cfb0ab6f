//! Exports of a report: text for terminals, Markdown, W3C Web Annotation JSON-LD, CSV.

pub mod text;
pub mod markdown;
pub mod escape;
pub mod json_ld;
pub mod csv;
