//! Finding the page's parts: the main article and the reader comments.

pub mod article;
pub mod comments;
