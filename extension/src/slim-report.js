/**
 * The slim report: what the content script needs to draw a page (highlights, tooltips, the
 * summary panel, outlines and scrolling), without what only the side panel and the exports read
 * (the article's text and blocks, every comment's text). On a page with 10,000 comments the
 * full report is megabytes; decoding it in the page is one long task.
 */

/** Characters of a quoting comment's text kept for the tooltip (it shows 140 and an ellipsis). */
export const TOOLTIP_COMMENT_CHARS = 141;

/** The comment ids that quote a sentence (the tooltip shows their author and text). */
function quotingIds(report) {
  const ids = new Set();
  for (const comment of report.comments ?? []) if (comment.quotes?.length) ids.add(comment.id);
  for (const passage of report.summary?.quoted_passages ?? []) for (const id of passage.comments ?? []) ids.add(id);
  return ids;
}

/**
 * The slim report of a full report: same `version`, `url`, `metadata`, `sentences` and
 * `summary`; `article` is `{found}`; each comment keeps `id` and `node`, and a comment that quotes
 * a sentence also its `author`, `quotes` and the start of its `text`. `slim` is true.
 */
export function slimReport(report) {
  const quoting = quotingIds(report);
  const comments = (report.comments ?? []).map((comment, index) => {
    if (!quoting.has(comment.id ?? index)) return { id: comment.id, node: comment.node };
    const text = comment.text ?? '';
    return { id: comment.id, node: comment.node, author: comment.author ?? null, quotes: comment.quotes ?? [],
      text: text.length > TOOLTIP_COMMENT_CHARS ? text.slice(0, TOOLTIP_COMMENT_CHARS) : text };
  });
  return {
    slim: true,
    version: report.version,
    url: report.url ?? null,
    metadata: report.metadata ?? {},
    article: { found: Boolean(report.article?.found) },
    sentences: report.sentences ?? [],
    comments,
    summary: report.summary ?? null,
    truncated: report.truncated ?? null,
  };
}

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
