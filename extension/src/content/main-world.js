/**
 * The big-page reader that runs in the page's own JavaScript world. The background
 * injects it (`scripting.executeScript` with `world: 'MAIN'` and `func: readInMainWorld`, built
 * with the walker into `main-world-reader.js` by `extension/build/shared-reader.mjs`), and the
 * reading comes back to the background as the injection's result, never through the page.
 *
 * Why, in Chromium: Blink keeps the JavaScript objects that stand for DOM nodes inside the page's
 * own world, but an extension's isolated world keeps them in a hash table. Walking the 200,000
 * nodes of a page of 10,000 comments from the content script grew that table past 131,072 entries
 * in one step of the walk (10 ms, 50 ms while the collector was marking), took half as long again
 * as the same walk in the page's world, and left a table that made the next page's first major
 * collection cost 70-90 ms instead of 15 (`scripts/bench/wrapper-map-cost.mjs`, BENCHMARKS.md).
 * In Firefox, a content script sees the page through Xray wrappers: the same walk took ~750 ms of
 * work there against ~140 ms in the page's world.
 *
 * The live nodes stay here; the content script asks for the ones it draws on through DOM events
 * under a random `token` (`main-world-nodes.js`): an event of type `token` on the document whose
 * `detail` is comma-separated snapshot ids, answered by one `${token}-node` event dispatched on
 * each of those nodes (whose listener in the content script takes the node from the event's
 * path); `detail: 'release'` drops them. The page can see neither the reading nor the nodes
 * asked for unless it watches its own DOM events under that token; what it could forge is its own
 * content, which it controls anyway. The other way round, an event of type `token` dispatched on a
 * node with `detail: 'id'` is answered by a `${token}-id` event on the document whose `detail` is
 * that node's snapshot id (-1 when not read): how a selection's ends become ids.
 */
import { walkRules } from './walk.js';
import { SNAPSHOT_RULES } from './snapshot-rules.js';
import { walkWireSliced, wirePieceMaker } from './slices.js';

/**
 * Reads the document in slices (Glose's own elements, `ownElements`, left out) and answers
 * `{pieces, nodes, slices, busyMs}`: how many wire text pieces and nodes, and the walk's slices and
 * busy time. The pieces and the walked nodes are then served under `token`.
 */
export async function readPageInMainWorld(token, { sliceMs, pieceUnits, ownElements }) {
  const own = new Set(ownElements);
  const rules = walkRules(SNAPSHOT_RULES);
  const accept = (tag) => !own.has(tag);
  const { walk, parts, slices, busyMs } = await walkWireSliced(document, rules, { accept, sliceMs });
  const maker = wirePieceMaker(walk, parts, pieceUnits);
  serve(token, walk.live, maker);
  return { pieces: maker.count, nodes: walk.live.length, slices, busyMs: Math.round(busyMs) };
}

/**
 * Answers under `token` (see the file's comment) the content script's requests for walked nodes,
 * and the background's for the reading's pieces (`detail: 'piece:<index>'`, answered by a
 * `${token}-piece` event on the document whose `detail` is the piece as an array of strings,
 * written then, to be joined by the background): each piece
 * leaves in an injection of its own, since turning a reading's ~10 MB of text into the
 * injection's result at once blocked the page for ~50 ms.
 */
function serve(token, live, maker) {
  let nodes = live;
  // Each piece is written when taken (it need not wait in the page's heap), and once.
  let pieces = maker;
  const taken = new Set();
  const answer = (event) => {
    const detail = event.detail;
    if (typeof detail !== 'string') return;
    if (detail === 'release') {
      nodes = null;
      document.removeEventListener(token, answer, true);
      return;
    }
    if (detail === 'id') {
      // Asked on a node (a selection's end): its snapshot id, or -1 when the reading has not got it.
      event.stopImmediatePropagation();
      const id = nodes ? nodes.indexOf(event.composedPath()[0]) : -1;
      document.dispatchEvent(new CustomEvent(`${token}-id`, { detail: id }));
      return;
    }
    if (detail.startsWith('piece:')) {
      const index = Number(detail.slice(6));
      if (pieces === null || !Number.isInteger(index) || index < 0 || index >= pieces.count || taken.has(index)) return;
      taken.add(index);
      // Small strings, not one big one: see CHUNK_UNITS.
      const piece = pieces.chunks(index);
      // All taken: the walk's strings and numbers can go.
      if (taken.size === pieces.count) pieces = null;
      document.dispatchEvent(new CustomEvent(`${token}-piece`, { detail: piece }));
      return;
    }
    for (const part of detail.split(',')) {
      const id = Number(part);
      const node = nodes?.[id];
      if (node?.isConnected) node.dispatchEvent(new CustomEvent(`${token}-node`, { bubbles: true, composed: true, detail: id }));
    }
  };
  document.addEventListener(token, answer, true);
}

/**
 * Injected into the page's world by the background, one call per piece: piece `index` of the
 * reading served under `token` (see {@link serve}) as its strings, or null. Self-contained, as injected
 * functions must be.
 */
export function takePieceInMainWorld(token, index) {
  let piece = null;
  const take = (event) => {
    const detail = event.detail;
    piece = Array.isArray(detail) && detail.every((chunk) => typeof chunk === 'string') ? detail : null;
  };
  document.addEventListener(`${token}-piece`, take, true);
  try {
    document.dispatchEvent(new CustomEvent(token, { detail: `piece:${index}` }));
  } finally {
    document.removeEventListener(`${token}-piece`, take, true);
  }
  return piece;
}
