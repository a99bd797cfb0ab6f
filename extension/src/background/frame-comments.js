/**
 * Comments in the tab's frames (comment widgets in iframes of other origins): the frames that
 * announced themselves as widgets (`frame-ready`) are remembered per tab, here and in
 * `storage.session` (a service worker may be stopped between the announcement and the toggle);
 * when the top frame asks, each is asked for its comments (`frame-comments`, by `frameId`), each
 * with its own time limit, so a frame that never answers, throws or is gone costs its limit at
 * most and is forgotten; the others' comments still come back.
 */
import { ext } from '../platform.js';
import { frameComments, framesChanged } from '../messages.js';

/** How long one frame has to answer (it may load the wasm and read itself first), ms. */
export const FRAME_ANSWER_MS = 2500;
/** At most this many frames of a tab are remembered (a page of ad frames must not grow memory). */
const MAX_FRAMES = 16;
const STORE_KEY = 'gloseWidgetFrames';

/** tabId → Map(frameId → url). */
let known = null;

async function registry() {
  if (!known) {
    known = new Map();
    try {
      const stored = (await ext.storage.session?.get(STORE_KEY))?.[STORE_KEY] ?? {};
      for (const [tab, frames] of Object.entries(stored)) known.set(Number(tab), new Map(frames.map(([id, url]) => [Number(id), url])));
    } catch {
      // No session storage: memory only.
    }
  }
  return known;
}

async function save() {
  const out = {};
  for (const [tab, frames] of known) out[tab] = [...frames];
  await ext.storage.session?.set({ [STORE_KEY]: out })?.catch?.(() => {});
}

/**
 * A frame of tab `tabId` announced a comment widget: remember it, and tell the top frame (which
 * reads the page again if Glose is on there).
 */
export async function frameReady(tabId, frameId, url) {
  if (tabId === undefined || !frameId) return;
  const frames = (await registry()).get(tabId) ?? new Map();
  frames.delete(frameId);
  frames.set(frameId, String(url));
  while (frames.size > MAX_FRAMES) frames.delete(frames.keys().next().value);
  known.set(tabId, frames);
  // Told before anything else is awaited: a toggle that sees this frame known comes after it.
  const told = ext.tabs.sendMessage(tabId, framesChanged(), { frameId: 0 }).catch(() => {});
  await save();
  await told;
}

/** Forgets a tab's frames (closed, or its top page was replaced). */
export async function dropTabFrames(tabId) {
  if ((await registry()).delete(tabId)) await save();
}

/** `promise`, or `null` after `ms`. */
function within(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((resolve) => { timer = setTimeout(() => resolve(null), ms); })]).finally(() => clearTimeout(timer));
}

/**
 * The comments of tab `tabId`'s widget frames: `[{frameId, url, comments, more}]` for each frame
 * that answered within {@link FRAME_ANSWER_MS} with at least one comment or a "load more
 * comments" button (`more`, its label). A frame that did not
 * answer, answered an error or has no widget any more is forgotten (it announces itself again if
 * its widget comes back).
 */
export async function collectFrameComments(tabId) {
  const frames = (await registry()).get(tabId);
  if (!frames?.size) return [];
  const asked = [...frames.keys()].map(async (frameId) => {
    const answer = await within(ext.tabs.sendMessage(tabId, frameComments(), { frameId }).catch(() => null), FRAME_ANSWER_MS);
    if (!answer || answer.error || !Array.isArray(answer.comments)) {
      frames.delete(frameId);
      return null;
    }
    const more = typeof answer.more === 'string' ? answer.more : null;
    return answer.comments.length || more ? { frameId, url: String(answer.url ?? frames.get(frameId) ?? ''), comments: answer.comments, more } : null;
  });
  const found = (await Promise.all(asked)).filter(Boolean);
  await save();
  return found;
}

/** The widget frames remembered for tab `tabId`, `[[frameId, url]]` (the tests wait for them). */
export async function knownFrames(tabId) {
  return [...((await registry()).get(tabId) ?? [])];
}
