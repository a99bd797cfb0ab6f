//! Glose's hot path, a crate of its own so the release profile can optimise it for speed while
//! the rest stays small (`[profile.release.package.glose-read]` in the workspace's Cargo.toml):
//! the page [`snapshot`] and the native HTML reader ([`read_html`], feature `html`) and [`text`]
//! (sentences, words, dates), what the extraction (`glose::extract`) and the other steps read in
//! their inner loops.
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

#[cfg(feature = "html")]
pub mod read_html;
pub mod snapshot;
pub mod sorting;
pub mod text;
