//! Reader-comment extraction: the comment section, then each comment's author, date, text and
//! the comment it replies to.

use crate::snapshot::{NodeId, Snapshot};

/// One comment as found in the page.
#[derive(Clone, Debug)]
pub struct FoundComment {
    /// The comment's element.
    pub node: NodeId,
    /// The commenter's name.
    pub author: Option<String>,
    /// When it was posted, ISO 8601.
    pub published: Option<String>,
    /// The comment's own text, whitespace collapsed.
    pub text: String,
    /// Index (in `comments`) of the comment it answers.
    pub reply_to: Option<usize>,
}

/// The comment section of a page.
#[derive(Clone, Debug, Default)]
pub struct FoundComments {
    /// The element holding the section, if any.
    pub section: Option<NodeId>,
    /// Subtrees the article extractor must not look into (the section, comment forms…).
    pub excluded: Vec<NodeId>,
    /// The comments, in page order.
    pub comments: Vec<FoundComment>,
}

/// Finds the reader comments of a page.
pub fn extract(_snapshot: &Snapshot) -> FoundComments {
    FoundComments::default()
}
