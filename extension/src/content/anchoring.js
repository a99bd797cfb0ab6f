/**
 * Turns the reader's selection into W3C selectors, and stored notes back into live ranges, with
 * the Rust core (`glose::anchor::{describe, reanchor}`): JavaScript never recounts page offsets.
 *
 * Both calls take a snapshot of the page as it is now, read by `snapshot.js` (whose `nodes`
 * side table maps the core's node ids back to live text nodes). Where the page's CSP forbids
 * wasm in the content script, the background's wasm answers instead.
 */
import { ext } from '../platform.js';
import { anchorNotes, describeSelection } from '../messages.js';
import { coreOrNull, asObject, isBigPage, readBigPage } from './analysis.js';
import { readDocument } from './snapshot.js';
import { liveRange } from '../draw/report-layers.js';

/** How each big-page reading of this page was made (`'page'` or `'content'`), for the e2e tests. */
const bigReadings = [];

/**
 * The page as it is now: `{snapshot, nodes, uploaded, world}`. A big page is read in slices as
 * the analysis reads it and its snapshot uploaded to the background (`snapshot` is then the
 * upload's reference, and only the background's core can use it), so anchoring never blocks the
 * page for long either: in the page's own world unless `here` (`world: 'page'`; `nodes` is then
 * that reading's view, which turns ids into nodes and nodes into ids by asking there, to
 * `release()`: a content script's walk of a big page costs far more, `main-world.js`), or as the
 * walker's wire text here (`world: 'content'`).
 */
async function pageSnapshot(doc, skip, { here = false } = {}) {
  if (!isBigPage(doc)) return { ...readDocument(doc, { skip }), uploaded: false, world: null };
  const read = await readBigPage(doc, skip, { here });
  bigReadings.push(read.world);
  return { snapshot: read.snapshot, nodes: read.nodes, uploaded: true, world: read.world };
}

/**
 * `use(reading)` on the page as it is now ({@link pageSnapshot}), and once more on a reading made
 * here when one made in the page's world fails: that world runs on the page's own built-ins, which
 * a page may have replaced. The reading's nodes are let go after.
 */
async function withPageSnapshot(doc, skip, use) {
  let reading = await pageSnapshot(doc, skip);
  try {
    return await use(reading);
  } catch (error) {
    if (reading.world !== 'page') throw error;
    reading.nodes.release?.();
    reading = await pageSnapshot(doc, skip, { here: true });
    return await use(reading);
  } finally {
    reading.nodes.release?.();
  }
}

/** Runs a core function here, or in the background where this page forbids wasm or the snapshot was uploaded. */
async function callCore(local, remoteMessage, uploaded) {
  const glue = uploaded ? null : await coreOrNull();
  if (glue) return asObject(local(glue));
  const answer = await ext.runtime.sendMessage(remoteMessage);
  if (!answer || answer.error) throw new Error(answer?.error ?? 'the background did not answer');
  return asObject(answer.result);
}

/** The text node and UTF-16 offset a boundary point falls on (descending into elements). */
function textPoint(container, offset, atEnd) {
  if (container.nodeType === 3) return [container, offset];
  let node = atEnd ? container.childNodes[offset - 1] : container.childNodes[offset];
  while (node && node.nodeType === 1) node = atEnd ? node.lastChild : node.firstChild;
  if (!node) return [null, 0];
  if (node.nodeType === 3) return [node, atEnd ? node.data.length : 0];
  return [null, 0];
}

/** A live range as a `DomRange` of snapshot ids, or null when an end is not page text. */
function domRangeOf(range, nodes) {
  const [startNode, startOffset] = textPoint(range.startContainer, range.startOffset, false);
  const [endNode, endOffset] = textPoint(range.endContainer, range.endOffset, true);
  // Two look-ups, no index of every node: a big page has hundreds of thousands (a page-world
  // reading's view asks the page's world, one event each).
  const start = startNode ? nodes.indexOf(startNode) : -1;
  const end = endNode ? nodes.indexOf(endNode) : -1;
  if (start < 0 || end < 0) return null;
  return { start: { node: start, offset: startOffset }, end: { node: end, offset: endOffset } };
}

/** The W3C selectors `{quote, position}` of a live range, or null when it is not page text. */
export async function selectorsOf(doc, range, skip) {
  return withPageSnapshot(doc, skip, async ({ snapshot, nodes, uploaded, world }) => {
    const target = domRangeOf(range, nodes);
    // Not found in a page-world reading: read here to be sure (the page's world may be spoilt).
    if (!target && world === 'page') throw new Error('glose: the selection is not in the page-world reading');
    if (!target) return null;
    return callCore((glue) => glue.describe_range(snapshot, target), describeSelection(snapshot, target), uploaded);
  });
}

/**
 * Places notes on the page as it is now: one `{note, range, anchor}` per note, in order; `range`
 * and `anchor` are null for an orphan (kept and listed, never dropped).
 */
export async function placeNotes(doc, notes, skip) {
  if (notes.length === 0) return [];
  return withPageSnapshot(doc, skip, async ({ snapshot, nodes, uploaded }) => {
    const anchored = await callCore((glue) => glue.reanchor_notes(snapshot, notes), anchorNotes(snapshot, notes), uploaded);
    const anchors = notes.map((note, i) => {
      const found = anchored[i]?.note_id === note.id ? anchored[i] : anchored.find((a) => a.note_id === note.id);
      return found?.anchor ?? null;
    });
    // A page-world reading's nodes: the ranges' ends fetched at once.
    await nodes.prefetch?.(anchors.flatMap((a) => (a ? [a.range.start.node, a.range.end.node] : [])));
    return notes.map((note, i) => ({ note, anchor: anchors[i], range: anchors[i] ? liveRange(doc, nodes, anchors[i].range) : null }));
  });
}

// Not reachable from the page (the content script's own world): the e2e tests read it.
globalThis.gloseBigReadings = () => [...bigReadings];
