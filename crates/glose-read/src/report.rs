//! The plain report types the extraction fills; `glose::report` re-exports them with the rest of
//! the report (the JSON contract, `CONTRACT.md`).

use serde::{Deserialize, Serialize};

/// Page metadata; `None` where the page does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The article's title, without the " - Site" suffix.
    pub title: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// When it was published, ISO 8601.
    pub published: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// Primary language subtag, lower case (`fr`, `en`).
    pub lang: Option<String>,
}

/// What kind of content a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// h1–h6.
    Heading,
    /// Running text.
    Paragraph,
    /// One item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A figure or table caption.
    Caption,
    /// Preformatted text or code.
    Preformatted,
}
