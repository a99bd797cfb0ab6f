/**
 * The content script in a frame (the manifest's `all_frames`): a page's comment widget often
 * lives in an iframe of another origin (Disqus, Coral, OpenWeb), where the top frame cannot
 * read. Here a frame only ever reads its own comments, with the same core, when the top frame
 * asks through the background (`frame-comments`); it never draws. A frame that does not look like
 * a comment widget (`widget-probe.js`: one selector query) answers at once and never loads the
 * wasm, so ad frames cost a few selector queries.
 *
 * A widget frame announces itself to the background (`frame-ready`) when it first looks like a
 * widget and again when it grew (its script renders comments after load), so the background
 * knows which frames to ask, and a top frame already on reads the page again.
 */
import { ext } from '../platform.js';
import { Kind, frameReady, route } from '../messages.js';
import { widgetMarks, MIN_MARKS } from './widget-probe.js';
import { isOwnElement } from './own-elements.js';

/** When the frame looks at itself again after its start (ms): widgets render their comments late. */
const LOOKS_AT_MS = [1000, 3000, 10_000];

/** How many times this frame read its comments (tests check that ad frames never do). */
let readings = 0;
/** The widget size last announced (0: never). */
let announced = 0;

/**
 * The frame's comments as its own report lists them: `{url, comments, more}` (`more`: the label of
 * the widget's "load more comments" button, or null); `comments: null` when it is no widget.
 */
async function ownComments() {
  const url = location.href;
  if (widgetMarks(document) < MIN_MARKS) return { url, comments: null };
  readings += 1;
  const { analyzePage, asObject } = await import('./analysis.js');
  const analysis = await analyzePage(document, url, { skip: isOwnElement });
  // The full report's comments: written by the in-page core on ask, or decoded from the big path's text.
  // `full` (a big frame): a promise of the full report's JSON text as a Blob.
  const report = analysis.fullReport?.() ?? (analysis.full !== undefined ? asObject(await (await analysis.full).text()) : analysis.report);
  const comments = (report?.comments ?? []).map(({ id, author, published, text, reply_to: replyTo }) => ({
    id, author: author ?? null, published: published ?? null, text, reply_to: replyTo ?? null,
  }));
  // The widget's own "Load more comments" button, which the top frame names (never clicked).
  const { findMoreCommentsButton } = await import('./more-comments.js');
  return { url, comments, more: findMoreCommentsButton(document)?.label ?? null };
}

/** Announces the frame when it looks like a widget and has grown since it last did. */
function lookAtSelf() {
  const marks = widgetMarks(document);
  if (marks < MIN_MARKS || marks <= announced) return;
  announced = marks;
  ext.runtime.sendMessage(frameReady(location.href, marks)).catch(() => {});
}

let started = false;

/** Starts the frame's side: answers `frame-comments`, announces a widget. */
export function startFrame() {
  if (started) return;
  started = true;
  ext.runtime.onMessage.addListener(route({
    [Kind.FrameComments]: () => ownComments(),
  }));
  lookAtSelf();
  for (const ms of LOOKS_AT_MS) setTimeout(lookAtSelf, ms);
  // Not reachable from the page (the content script's own world): the e2e tests read it.
  globalThis.gloseFrameReadings = () => readings;
}
