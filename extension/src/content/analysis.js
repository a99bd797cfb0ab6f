/**
 * Analyses the live page: loads the Rust core (wasm) in the content script and runs its live-DOM
 * walk. Where the page's CSP forbids compiling WebAssembly here (Chromium with `script-src 'self'`),
 * reads the page into a snapshot in JavaScript and lets the background's wasm analyse it: the
 * report is the same, and `nodes` maps snapshot ids to live nodes either way. Big pages are read
 * in slices and analysed by the background, so the page is never blocked for long.
 */
import { ext } from '../platform.js';
import { analyzeSnapshot, readMainWorld, reportPart, snapshotPiece, uploaded } from '../messages.js';
import { hasMoreElementsThan, PIECE_CHARS, readDocument, readDocumentWireSliced } from './snapshot.js';
import { SLICE_MS, yieldToPage } from './slices.js';
import { mainWorldNodes, nodeIdsOf, readingToken } from './main-world-nodes.js';
import { isOwnElement, OWN_ELEMENTS } from './own-elements.js';

/**
 * Pages with more elements than this are read in slices and analysed by the background's wasm, so
 * the page is never blocked for long (the in-page wasm reads and analyses in one call: about a
 * second on a 10,000-comment page). Smaller pages take the in-page wasm, a few ms.
 */
export const SLICED_ABOVE_ELEMENTS = 3000;

let core = null;

/** The initialised wasm module, or throws when the page's CSP forbids WebAssembly. */
async function loadCore() {
  if (!core) {
    core = (async () => {
      const glue = await import(ext.runtime.getURL('pkg/glose.js'));
      await glue.default({ module_or_path: ext.runtime.getURL('pkg/glose_bg.wasm') });
      return glue;
    })();
    core.catch(() => { core = null; });
  }
  return core;
}

/** The wasm module for other content modules (anchoring), or null where CSP forbids it. */
export async function coreOrNull() {
  try {
    return await loadCore();
  } catch {
    return null;
  }
}

/** A report that may cross the wasm boundary as a JSON string or as an object. */
export function asObject(value) {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** Whether the page is big enough to be read in slices and analysed in the background. */
export function isBigPage(doc) {
  return hasMoreElementsThan(doc, SLICED_ABOVE_ELEMENTS);
}

/** Sends a message to the background; throws its error. */
async function ask(message) {
  const answer = await ext.runtime.sendMessage(message);
  if (!answer || answer.error) throw new Error(answer?.error ?? 'the background did not answer');
  return answer;
}

/** A random job id (`crypto.randomUUID` needs a secure context; pages may be plain http). */
function jobId() {
  return [...crypto.getRandomValues(new Uint32Array(4))].map((x) => x.toString(16).padStart(8, '0')).join('');
}

/**
 * Sends a reading's snapshot pieces to the background under one job, one message each, in order;
 * resolves to the `{job, pieces}` reference messages take instead of a snapshot once every piece
 * is acknowledged.
 */
async function uploadSnapshot(pieces) {
  const job = jobId();
  for (let index = 0; index < pieces.length; index += 1) await ask(snapshotPiece(job, index, pieces[index]));
  return uploaded(job, pieces.length);
}

/** Parts of the full report asked for at once. */
const PARALLEL_PARTS = 4;

/**
 * The full report's JSON text kept by the background (`full`: `{job, parts}`), fetched in parts
 * and kept as `Blob`s, out of the page's JavaScript heap (the 10,000-comment page's is ~5 MB,
 * which joined as one string sat in V8's old generation, bringing the next major collection into
 * the toggle): `{parts, text()}`, where `parts` are the background's parts in order (each a small
 * string when read, dying young: `REPORT_PIECE_CHARS`), handed to the side panel one by one
 * (`main.js`), and `text()` reads the whole.
 */
async function fetchFullReport({ job, parts: count }) {
  const parts = [];
  for (let first = 0; first < count; first += PARALLEL_PARTS) {
    const indexes = Array.from({ length: Math.min(PARALLEL_PARTS, count - first) }, (_, k) => first + k);
    const got = await Promise.all(indexes.map(async (i) => (await ask(reportPart(job, i))).part));
    for (const part of got) parts.push(new Blob([part]));
  }
  const whole = new Blob(parts, { type: 'application/json' });
  return { parts, text: () => whole.text() };
}

/**
 * A big page read in slices for the background's core: `{snapshot, nodes, world}`, `snapshot`
 * being the upload's reference and `world` where it was read: `'page'` (the page's own world,
 * {@link readInPageWorld}; `nodes` is then that reading's view) unless `here` or that fails, else
 * `'content'` (this script's walk, uploaded in pieces). `lap(name)` and `timings` take the
 * phases' times (`read`, and `upload` for a reading made here) and the walk's own.
 */
export async function readBigPage(doc, skip, { lap = () => {}, timings = {}, here = false } = {}) {
  const inPageWorld = here ? null : await readInPageWorld(doc, skip);
  if (inPageWorld) {
    Object.assign(timings, { readBusy: inPageWorld.busyMs, readSlices: inPageWorld.slices, world: 'page' });
    lap('read');
    return { snapshot: inPageWorld.snapshot, nodes: inPageWorld.nodes, world: 'page' };
  }
  const read = await readDocumentWireSliced(doc, { skip });
  lap('read');
  // Of `read`: the walker's own time, in how many slices (the rest: the page's turns, waiting).
  Object.assign(timings, { readBusy: read.busyMs, readSlices: read.slices, world: 'content' });
  const snapshot = await uploadSnapshot(read.pieces);
  lap('upload');
  return { snapshot, nodes: read.nodes, world: 'content' };
}

/**
 * Reads a big page in slices, uploads its snapshot in pieces and lets the background analyse it:
 * `{report, nodes, full, timings}` where `report` is the slim report (what drawing needs) and
 * `full` a promise of the full report's JSON text held in `Blob`s (`{parts, text()}`, for the
 * side panel and the exports, decoded there), fetched after the answer: on the 50 MB page its ~80 parts took ~0.9 s in Firefox, which
 * the highlights need not wait for.
 */
export async function analyzeBigPage(doc, url, { skip, frames } = {}) {
  // Where the time goes (ms; `pageState().analysisTimings`, scripts/bench-huge.mjs prints it):
  // reading in slices and uploading, the background's work, fetching the full report.
  const timings = {};
  let mark = performance.now();
  const lap = (name) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  // Read in the page's own world (`main-world.js`: much cheaper there), the reading going
  // straight to the background; when that fails, read here. Either way the walker's wire format
  // (a few big strings: little garbage in the page's heap), sent in pieces.
  let read = await readBigPage(doc, skip, { lap, timings });
  let answer;
  try {
    answer = await ask(analyzeSnapshot(read.snapshot, url, framesJson(frames)));
  } catch (error) {
    if (read.world !== 'page') throw error;
    // The page's world runs on the page's own built-ins, which a page may have replaced: the
    // core could not use that reading. The page is read here instead.
    read.nodes.release();
    timings.pageWorldFailed = String(error?.message ?? error).slice(0, 200);
    read = await readBigPage(doc, skip, { lap, timings, here: true });
    answer = await ask(analyzeSnapshot(read.snapshot, url, framesJson(frames)));
  }
  const { nodes } = read;
  lap('analyze');
  timings.background = answer.timings ?? null;
  const report = asObject(answer.report);
  lap('parse');
  // The nodes drawing will ask for, fetched from the page's world in slices now.
  if (read.world === 'page') {
    await nodes.prefetch(nodeIdsOf(report));
    lap('nodes');
  }
  const fetchStarted = performance.now();
  const full = yieldToPage().then(() => fetchFullReport(answer.full)).then((blob) => {
    timings.fetchFull = Math.round(performance.now() - fetchStarted);
    return blob;
  });
  // Said when asked for (`pageState`, the side panel), not as an unhandled rejection meanwhile.
  full.catch(() => {});
  return { report, nodes, full, timings };
}

/**
 * Whether big pages may be read in the page's own world (in an extension, whose background
 * injects the reader). Much cheaper there in both browsers: Chromium keeps an isolated world's
 * wrappers of DOM nodes in a hash table (`main-world.js`), and Firefox's content scripts see the
 * page through Xray wrappers (the 10,000-comment page: the walk's own work ~140 ms there against
 * ~750 ms from the content script, the toggle 0.6 s against 1.1 s; BENCHMARKS.md). Where the
 * injection fails, the content script reads the page itself.
 */
const PAGE_WORLD_READING = typeof ext.runtime.getURL === 'function';

/**
 * Reads `doc` in the page's own world through the background (`read-main-world`):
 * `{snapshot, nodes, slices, busyMs}` where `snapshot` is the upload reference and `nodes` the
 * page-world nodes' view (`main-world-nodes.js`: release it when done), or null when that
 * reading is not available or failed (the caller then reads from here). `skip` must be
 * `isOwnElement`: the page's world knows Glose's elements by tag name only. The e2e tests take
 * the fallback by setting `gloseReadBigPagesHere` in the content script's own world (out of the
 * page's reach).
 */
async function readInPageWorld(doc, skip) {
  if (!PAGE_WORLD_READING || globalThis.gloseReadBigPagesHere === true || doc !== document || skip !== isOwnElement) return null;
  const job = jobId();
  const token = readingToken();
  try {
    const answer = await ask(readMainWorld(job, token, { sliceMs: SLICE_MS, pieceUnits: PIECE_CHARS, ownElements: OWN_ELEMENTS }));
    return { snapshot: uploaded(job, answer.pieces), nodes: mainWorldNodes(doc, token, answer.nodes), slices: answer.slices, busyMs: answer.busyMs };
  } catch {
    return null;
  }
}

/**
 * The JSON text the core takes for the comments read in the page's frames (`[{url, comments}]`,
 * `analyze::FrameComments`), or undefined when there are none.
 */
function framesJson(frames) {
  return frames?.length ? JSON.stringify(frames.map(({ url, comments }) => ({ url, comments }))) : undefined;
}

/**
 * Analyses the document: `{report, nodes, path, full?, fullReport?}` where `path` says which
 * reader ran (`wasm` in the content script: `report` is the slim report and `fullReport()` the
 * full one, written on first ask; `snapshot` through the background: the full report; `sliced`:
 * read in slices and analysed by the background, for big pages: the slim report, and `full` a
 * promise of the full report's JSON text as a `Blob`). `frames`: the comments read in the page's frames
 * (`content/frames.js`), summarised with the page's own.
 */
export async function analyzePage(doc, url, { skip, frames } = {}) {
  if (isBigPage(doc)) return { ...(await analyzeBigPage(doc, url, { skip, frames })), path: 'sliced' };
  const glue = await coreOrNull();
  if (glue) {
    // The slim report (what drawing needs); the full one is written by the core only when the
    // side panel or an export asks for it (`full`, JSON text, as on big pages).
    const result = glue.analyze_live_document_slim(doc, url, framesJson(frames));
    let full;
    return {
      report: asObject(result.report),
      nodes: [...result.nodes],
      path: 'wasm',
      // `reading`: the wasm keeps this reading for the refinement (refine.js).
      reading: result.reading,
      /** The full report (CONTRACT.md), written by the core on first ask: small pages only. */
      fullReport() {
        full ??= JSON.parse(glue.last_full_report() ?? 'null');
        return full;
      },
    };
  }
  const { snapshot, nodes } = readDocument(doc, { skip });
  const answer = await ask(analyzeSnapshot(snapshot, url, framesJson(frames)));
  // `refine`: the background keeps the snapshot under this id for the refinement (refine.js).
  return { report: asObject(answer.report), nodes, path: 'snapshot', refine: answer.refine };
}
