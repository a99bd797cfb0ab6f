/**
 * The cheap first look a frame takes at itself: does its document look like a comment widget
 * (Disqus, Coral, OpenWeb, Facebook's plugin, a site's own comment iframe)? One selector query,
 * no walk and no wasm, so the ad and video frames of a page cost almost nothing; only a frame
 * that passes is read by the core when the top frame asks (`frame-widget.js`).
 */

/**
 * Elements whose class, id or markup says "comment" in the widgets' own words (and the
 * vocabulary's main languages), or a repeated article role. Lower-case substrings, matched
 * case-insensitively.
 */
const MARKS = [
  '[class*="comment" i]', '[id*="comment" i]', '[class*="coral" i]', '[id*="disqus" i]', '[class*="kommentar" i]',
  '[class*="commentaire" i]', '[class*="comentario" i]', '[class*="commento" i]', '[class*="reactie" i]',
  '[class*="conversation" i]', '[data-spot-im-module]', '[itemtype*="Comment"]', '[class*="reply" i]', '[role="article"]',
].join(', ');

/** At least this many marked elements (a widget shows a few comments, each with several marks). */
export const MIN_MARKS = 4;

/** How many marked elements `doc` holds, counted up to a cap (0 without a body). */
export function widgetMarks(doc) {
  if (!doc?.body) return 0;
  return Math.min(doc.querySelectorAll(MARKS).length, 10_000);
}

/** Whether `doc` looks like a comment widget. */
export function looksLikeCommentWidget(doc) {
  return widgetMarks(doc) >= MIN_MARKS;
}
