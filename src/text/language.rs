//! Language identification, small enough for WebAssembly.

/// The language of `text` as an ISO 639-1 code, when confident.
pub fn detect(_text: &str) -> Option<&'static str> {
    None
}
