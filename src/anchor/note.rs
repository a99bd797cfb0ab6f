//! A reader's note as the extension stores it (one JSON object per note, snake_case keys).
//!
//! ```json
//! {"id": "n-1", "created": "2026-11-29T01:00:00.000Z", "modified": "2026-11-29T01:00:00.000Z",
//!  "body": "Source?", "tags": ["check"], "motivation": "commenting",
//!  "target": {"quote": {"exact": "a bold claim", "prefix": "…", "suffix": "…"},
//!             "position": {"start": 120, "end": 132}}}
//! ```
//! `position` counts UTF-16 code units in the page text (see [`crate::anchor::page_text`]) and
//! may be missing (e.g. a note imported from another tool); `body` and `tags` default to empty
//! and `motivation` to `commenting`.

use crate::report::{TextPositionSelector, TextQuoteSelector};
use serde::{Deserialize, Serialize};

/// One note a reader attached to a passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Stable id chosen by the extension (unique per page).
    pub id: String,
    /// When it was created, ISO 8601.
    #[serde(default)]
    pub created: String,
    /// When it was last edited, ISO 8601.
    #[serde(default)]
    pub modified: String,
    /// The note's text (empty for a plain highlight).
    #[serde(default)]
    pub body: String,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Why the passage was marked.
    #[serde(default)]
    pub motivation: Motivation,
    /// The passage the note is about.
    pub target: NoteTarget,
}

/// W3C Web Annotation motivation of a reader's note.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Motivation {
    /// A note with text about the passage.
    #[default]
    Commenting,
    /// A highlight, usually without text.
    Highlighting,
}

impl Motivation {
    /// The W3C name (`commenting`, `highlighting`).
    pub fn as_str(self) -> &'static str {
        match self {
            Motivation::Commenting => "commenting",
            Motivation::Highlighting => "highlighting",
        }
    }
}

/// Where a note points: the quoted passage and, when known, its offsets in the page text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteTarget {
    /// The passage with up to 32 UTF-16 code units of context either side.
    pub quote: TextQuoteSelector,
    /// The passage's offsets in the page text when it was marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<TextPositionSelector>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_json_and_fills_defaults() {
        let json = r#"{"id":"n1","target":{"quote":{"exact":"x","prefix":"","suffix":""}}}"#;
        let note: Note = serde_json::from_str(json).unwrap();
        assert_eq!(note.motivation, Motivation::Commenting);
        assert!(note.tags.is_empty() && note.target.position.is_none());
        let back = serde_json::to_value(&note).unwrap();
        assert_eq!(back["motivation"], "commenting");
        assert!(back["target"].get("position").is_none());
    }
}
