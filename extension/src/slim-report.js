/**
 * Report transfer helpers. The slim report itself (what the page draws: `slim: true`, sentences
 * without selectors and without text unless comments quote them, comments reduced to `id` and
 * `node`, plus author, quotes and the first 141 UTF-16 units of the text for comments that quote
 * the article) is written by the Rust core (`Report::slim` in `crates/glose-read/src/report.rs`, returned by
 * `analyze_live_document_slim` and `analyze_snapshot_slim`), not restated here.
 */

/**
 * Splits a text into pieces of at most `size` (≥ 2) UTF-16 units, at least one piece, never
 * between the two halves of a surrogate pair (a lone half would not survive a message).
 */
export function piecesOf(text, size) {
  const pieces = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces.length ? pieces : [''];
}
