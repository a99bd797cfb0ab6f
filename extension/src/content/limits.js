/**
 * How much of a page the JavaScript reader reads at most: the constants of
 * `src/snapshot/limits.rs` (a unit test checks them against the Rust source). The reader stops
 * just past them and says so (`"truncated": true` in the snapshot); the core cuts exactly there and
 * the report's `truncated` tells the reader of the page.
 */
export const MAX_NODES = 100_000;
export const MAX_TEXT_NODE_UNITS = 1 << 20;
export const MAX_TEXT_UNITS = 2 << 20;
