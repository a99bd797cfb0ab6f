//! The structural fallback: comments whose markup names nothing, found as repeated sibling
//! items that each carry an author, a time and a text body.

use super::items::Sections;
use crate::snapshot::{NodeId, Snapshot};

/// The section and its comment elements, when repeated comment-like items are found.
pub fn find(_snapshot: &Snapshot, _sections: &Sections) -> Option<(NodeId, Vec<NodeId>)> {
    None
}
