//! Text utilities: sentence segmentation and language identification.

pub mod language;
pub mod sentences;
