//! Glose: finds where a journalist's own opinion slips into a news report, and what readers said
//! in the comments — offline, natively or in WebAssembly.
//!
//! Data flows one way: a page is read once into a [`Snapshot`] (by the live-DOM reader in the
//! browser, or by [`read_html`] natively), then [`analyze`] runs pure Rust on it:
//! metadata → comments → article blocks → sentences → opinion labels → comment summary →
//! anchors back into the page. The result is a [`Report`] in the shape of `CONTRACT.md`.
//!
//! ```
//! let page = glose::read_html::parse_html("<html lang=en><body><article><p>Hello.</p></article></body></html>");
//! let report = glose::analyze(&page, &glose::Options::default());
//! assert_eq!(report.version, glose::report::REPORT_VERSION);
//! ```
//!
//! # The public API
//! - [`analyze`] (and [`analyze_embedded`], with sentence embeddings computed elsewhere) with its
//!   [`Options`], giving a [`Report`]; [`report`] holds the report's types (the JSON contract).
//! - [`Snapshot`] and [`snapshot`]: the page as an arena of nodes, what the readers fill.
//! - The readers: [`read_html`] (saved HTML, feature `html`) and `read_dom` (the live page, wasm).
//! - [`anchor`]: the reader's notes and their anchoring; [`export`]: text, Markdown, W3C JSON-LD
//!   and CSV renderings of a report and notes.
//! - The sentence encoder of the final opinion model ([`Encoder`], through [`SentenceEmbedder`]),
//!   one sentence classified alone ([`classify_sentence`]) and the time stamps the library
//!   expects from a clock the caller reads ([`iso8601_utc`]).
//! - `wasm` (wasm32 only): the JavaScript API.
//!
//! The steps' own modules (`extract`, `metadata`, `opinion`, `page_patterns`, `summary`, `text`)
//! are private: the `internals` feature makes them public for the examples, benchmarks and
//! tests (enabled for them by the crate's dev-dependency on itself), so a plain
//! build warns about code nothing uses. Code only those tools use is compiled only for them
//! (`#[cfg(any(test, feature = "internals"))]`).

/// Declares modules that are public with the `internals` feature and crate-private without it.
macro_rules! internal_mods {
    ($($(#[$meta:meta])* $name:ident;)*) => {$(
        $(#[$meta])*
        #[cfg(feature = "internals")]
        pub mod $name;
        $(#[$meta])*
        #[cfg(not(feature = "internals"))]
        pub(crate) mod $name;
    )*};
}

/// The same for the modules of `glose-read` (the hot path, a crate of its own for its opt-level),
/// re-exported under their old names so `crate::text::…` paths keep working.
macro_rules! internal_uses {
    ($($(#[$meta:meta])* $name:ident;)*) => {$(
        $(#[$meta])*
        #[cfg(feature = "internals")]
        pub use glose_read::$name;
        $(#[$meta])*
        #[cfg(not(feature = "internals"))]
        #[allow(unused_imports)]
        pub(crate) use glose_read::$name;
    )*};
}

mod analyze;
/// Phase marks for the in-browser benchmark (empty without the `bench-phases` feature).
#[doc(hidden)]
pub mod phases;
pub mod anchor;
pub mod export;
pub use glose_read::report;
pub use glose_read::snapshot;

internal_mods! {
    /// Page metadata: title, byline, date, site, language.
    metadata;
    /// Opinion labels of sentences: cues, attribution, the fast model, the encoder head.
    opinion;
}

internal_uses! {
    /// The comment summary: quotes, stance, replies, themes.
    summary;
    /// What class names, ids and roles say about a part of the page.
    page_patterns;
    /// Comment section and main-article extraction.
    extract;
    /// Sentences, language, words, dates, quoted passages.
    text;
    /// Stable sorting through one shared sort routine (the wasm's size).
    sorting;
}

#[cfg(feature = "html")]
pub use glose_read::read_html;

#[cfg(target_arch = "wasm32")]
pub mod read_dom;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analyze::{analyze, analyze_embedded, classify_sentence, FrameComments, Options, MAX_FRAME_COMMENTS};
pub use opinion::encoder::{Encoder, EncoderError};
pub use opinion::model::ModelError;
pub use opinion::refine::{Embedding, SentenceEmbedder};
pub use report::Report;
pub use snapshot::{NodeId, Snapshot};
pub use text::relative_date::iso8601_utc;
