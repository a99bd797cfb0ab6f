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

pub mod analyze;
pub mod anchor;
pub mod export;
pub mod extract;
pub mod metadata;
pub mod opinion;
pub mod page_patterns;
pub mod report;
pub mod snapshot;
pub mod summary;
pub mod text;

#[cfg(feature = "html")]
pub mod read_html;

#[cfg(target_arch = "wasm32")]
pub mod read_dom;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analyze::{analyze, Options};
pub use report::Report;
pub use snapshot::{NodeId, Snapshot};
