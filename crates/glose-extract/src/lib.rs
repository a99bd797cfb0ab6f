//! Glose's hottest code, a crate of its own so the release profile can optimise it for speed
//! (`[profile.release.package.glose-extract]` in the workspace's Cargo.toml): the comment
//! section and the main article, found in the page snapshot. `glose` re-exports [`extract`].
//! The modules it reads are brought in under their names in `glose`, so its files still write
//! `crate::snapshot::…`.

pub mod extract;

/// The unit tests read pages with it.
#[cfg(all(test, feature = "html"))]
use glose_read::read_html;
use glose_read::{page_patterns, report, snapshot, text};
