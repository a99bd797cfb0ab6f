//! Text utilities: sentence segmentation, language identification, words for matching,
//! quoted passages.

pub mod language;
pub mod quoted;
pub mod sentences;
pub mod stop_words;
pub mod words;
