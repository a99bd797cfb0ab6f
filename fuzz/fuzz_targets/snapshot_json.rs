//! A snapshot arriving as JSON (as the extension's content script sends it to the background
//! wasm) → validation → whole pipeline: invalid snapshots are refused with an error, valid ones
//! analysed without panic, with the invariants of `tests/hostile/invariants.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/hostile/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Ok(snapshot) = serde_json::from_slice::<glose::Snapshot>(data) else { return };
    let report = glose::analyze(&snapshot, &glose::Options::default());
    let broken = invariants::violations(&snapshot, &report);
    assert!(broken.is_empty(), "{broken:#?}");
});
