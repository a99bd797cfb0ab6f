/**
 * The top frame's side of comments in frames: asks the background for the comments the page's
 * comment-widget frames read of themselves (`collect-frame-comments`; each frame has a time
 * limit there, so a frame that never answers or throws is left out and the page's own analysis
 * goes on), and finds the iframe element a frame's comments came from, where the summary panel
 * goes when the page has no comment section of its own.
 */
import { ext } from '../platform.js';
import { collectFrameComments } from '../messages.js';

/** The top frame never waits longer than this for the frames (the background's limit, and some slack), ms. */
const COLLECT_MS = 4000;

/**
 * The comments of the page's widget frames, `[{frameId, url, comments, more}]`; empty when there are
 * none, when the background does not answer in time or fails.
 */
export async function frameCommentsOfPage() {
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve(null), COLLECT_MS); });
  try {
    const answer = await Promise.race([ext.runtime.sendMessage(collectFrameComments()).catch(() => null), late]);
    return Array.isArray(answer?.frames) ? answer.frames.filter((f) => Array.isArray(f.comments) && (f.comments.length || f.more)) : [];
  } finally {
    clearTimeout(timer);
  }
}

/** A URL without its fragment, resolved against `base`; null when it is no URL. */
function withoutFragment(url, base) {
  try {
    const parsed = new URL(url, base);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * The `iframe` (or `frame`) element of `doc` that shows `url`: the same address, else the same
 * origin and path (the widget's script may have changed its query), else null (a frame nested
 * deeper, or one that navigated).
 */
export function frameElementOf(doc, url) {
  const wanted = withoutFragment(url, doc.baseURI);
  if (!wanted) return null;
  const frames = [...doc.querySelectorAll('iframe, frame')];
  const exact = frames.find((f) => withoutFragment(f.src, doc.baseURI) === wanted);
  if (exact) return exact;
  const { origin, pathname } = new URL(wanted);
  return frames.find((f) => {
    try {
      const at = new URL(f.src, doc.baseURI);
      return at.origin === origin && at.pathname === pathname;
    } catch {
      return false;
    }
  }) ?? null;
}
