//! Page bytes → native reader → whole pipeline → JSON: never panics, and every report keeps the
//! invariants of `tests/hostile/invariants.rs` (offsets, cross references, anchors, round trip).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/hostile/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let snapshot = glose::read_html::parse_bytes(data);
    let report = glose::analyze(&snapshot, &glose::Options::default());
    let broken = invariants::violations(&snapshot, &report);
    assert!(broken.is_empty(), "{broken:#?}");
});
