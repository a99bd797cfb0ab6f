/**
 * Big pages are read in the page's own world (`content/main-world.js`: why, and how the
 * content script gets the walked nodes): injected here with `scripting.executeScript`, whose result
 * brings the reading straight to the background, where it waits as an upload for the content
 * script's `analyze-snapshot`.
 */
import { ext } from '../platform.js';
import { readInMainWorld } from '../content/main-world-reader.js';
import { takePieceInMainWorld } from '../content/main-world.js';
import { addPiece } from './snapshot-jobs.js';

/** Pieces asked for at once (one injection each). */
const PARALLEL_PIECES = 4;

/**
 * Reads frame `frameId` of tab `tabId` in its own world and keeps the wire text pieces as the
 * upload `job`: `{pieces, nodes, slices, busyMs}`. Throws when an injection fails or gives no
 * reading (the content script then reads from its own world).
 */
export async function readMainWorld(tabId, frameId, { job, token, sliceMs, pieceUnits, ownElements }) {
  if (tabId === undefined) throw new Error('glose: a page-world reading needs a tab');
  const target = { tabId, frameIds: [frameId ?? 0] };
  const [read] = await ext.scripting.executeScript({ target, world: 'MAIN', func: readInMainWorld, args: [token, { sliceMs, pieceUnits, ownElements }] });
  const result = read?.result;
  const count = result?.pieces;
  if (!Number.isInteger(count) || count < 1) throw new Error(`glose: the page-world reading gave nothing${read?.error ? ` (${read.error})` : ''}`);
  for (let first = 0; first < count; first += PARALLEL_PIECES) {
    const indexes = Array.from({ length: Math.min(PARALLEL_PIECES, count - first) }, (_, k) => first + k);
    await Promise.all(indexes.map(async (index) => {
      const [taken] = await ext.scripting.executeScript({ target, world: 'MAIN', func: takePieceInMainWorld, args: [token, index] });
      const chunks = taken?.result;
      if (!Array.isArray(chunks) || !chunks.every((chunk) => typeof chunk === 'string')) throw new Error(`glose: piece ${index} of the page-world reading is missing`);
      addPiece(job, index, chunks.join(''), tabId);
    }));
  }
  return { pieces: count, nodes: result.nodes, slices: result.slices, busyMs: result.busyMs };
}
