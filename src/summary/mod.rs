//! The comment summary: themes, stance toward the article, quoted passages.

use crate::report::{Comment, Sentence, Summary};

/// Summarises the comments; fills each comment's `quotes` and `stance`.
pub fn summarize(_comments: &mut [Comment], _sentences: &[Sentence], _lang: &str) -> Summary {
    Summary::default()
}
