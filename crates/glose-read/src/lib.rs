//! Glose's hot path, a crate of its own so the release profile can optimise it for speed while
//! the rest stays small (`[profile.release.package.glose-read]` in the workspace's Cargo.toml):
//! the page [`snapshot`] and the native HTML reader ([`read_html`], feature `html`), [`text`]
//! (sentences, words, dates), [`page_patterns`] and the article and comment [`extract`]ion that
//! reads them in its inner loops (with the two plain [`report`] types it fills), and [`sorting`].
//! `glose` re-exports these modules under the same names (`glose::snapshot`, …), so the code on
//! both sides still writes `crate::snapshot::…`; ARCHITECTURE.md has the layers.

/// Declares modules that were private to `glose`'s API (public there with its `internals`
/// feature): `glose` itself now reaches them across the crate boundary, so they are public here,
/// hidden from the documentation.
macro_rules! internal_mods {
    ($($(#[$meta:meta])* $name:ident;)*) => {$(
        $(#[$meta])*
        #[doc(hidden)]
        pub mod $name;
    )*};
}

pub mod extract;
pub mod page_patterns;
#[cfg(feature = "html")]
pub mod read_html;
pub mod report;
pub mod snapshot;
pub mod sorting;
pub mod summary;
pub mod text;
