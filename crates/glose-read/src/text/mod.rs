//! Text utilities: sentence segmentation, language identification, words for matching,
//! quoted passages, dates as pages write them (absolute and relative), word similarity of short
//! texts. Depends on nothing else in the crate.

pub mod date;
mod french_stem;
pub mod language;
pub mod quoted;
pub mod relative_date;
pub mod sentences;
mod sentence_bounds;
pub mod similarity;
pub mod stop_words;
pub mod words;
