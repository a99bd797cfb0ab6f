//! Text utilities: sentence segmentation, language identification, words for matching.

pub mod language;
pub mod sentences;
pub mod stop_words;
pub mod words;
