/**
 * The refinement's background half (issue 15): the sentence encoder, loaded from the file shipped
 * in the package (`encoder/glose-use.bin`, no network) on the first request and kept while the
 * background lives; a stopped service worker (Chromium) or unloaded event page (Firefox) loads it
 * again on the next request. Sentences are embedded a few at a time, each chunk its own task, and
 * their vectors are remembered by text (toggling on again costs nothing). A missing or broken
 * file is said once with console.warn and answered as `{unavailable}`: the page keeps its fast
 * highlights and says the refinement is unavailable.
 *
 * The strict-CSP path (the page cannot run wasm) analyses here: the snapshot of a fast analysis is
 * kept a few minutes under a job id, and `refineSnapshot` analyses it again with the embeddings.
 *
 * Requests come over a refinement port (`../refine-port.js`) with an `AbortSignal`: when their
 * page goes away the embedding stops at the next chunk, and a closed tab's kept snapshots are
 * dropped (`dropTabSnapshots`).
 */
import initCore from '../../pkg/glose.js';
import { ext } from '../platform.js';
import { analyzeSnapshotEmbedded, call, onTrap } from './core.js';
import { decodeEmbeddings, encodeEmbeddings, DIM } from '../embedding-codec.js';
import { vectorCache } from './vector-cache.js';
import { checkpoint, refinementCounts } from '../refine-port.js';

/** Where the encoder file is in the package (scripts/build-extension.sh copies it there). */
export const ENCODER_PATH = 'encoder/glose-use.bin';
/** Sentences per embedding call: one call stays a short task (~25-60 sentences/s on 2 busy cores). */
export const CHUNK = 2;
/** Vectors remembered by sentence text. */
const CACHE_SIZE = 4000;
/** How long a fast analysis's snapshot is kept for its refinement, ms. */
const KEEP_MS = 5 * 60_000;
/** Snapshots kept at most (tabs refining at once). */
const KEEP_COUNT = 8;

let encoder = null;
/** Why the encoder cannot load (kept: a broken file stays broken until the background restarts). */
let failure = null;
const cache = vectorCache(CACHE_SIZE);
const kept = new Map();
/** How long the last load took, ms (the benchmark prints it). */
let loadMs = null;

onTrap(() => { encoder = null; });

/** The loaded `SentenceEncoder`; throws why it cannot be loaded. */
async function sentenceEncoder() {
  if (failure) throw failure;
  if (!encoder) {
    encoder = (async () => {
      const started = performance.now();
      const response = await fetch(ext.runtime.getURL(ENCODER_PATH)).catch((error) => {
        // Chromium fails the fetch of a missing packaged file; Firefox answers 404.
        throw new Error(`the encoder file ${ENCODER_PATH} is missing or unreadable (${error?.message ?? error})`);
      });
      if (!response.ok) throw new Error(`the encoder file ${ENCODER_PATH} is missing (HTTP ${response.status})`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const made = await call((g) => new g.SentenceEncoder(bytes));
      loadMs = Math.round(performance.now() - started);
      return made;
    })();
    encoder.catch((error) => {
      encoder = null;
      failure = error instanceof Error ? error : new Error(String(error));
      console.warn('glose: the sentence encoder is unavailable; the fast highlights stay:', failure.message);
    });
  }
  return encoder;
}

/** While a test holds the encoder's answers: `{promise, release}`; otherwise null. */
let held = null;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The vectors of `sentences` as one `Float32Array` (`n × DIM`), embedded in short chunks, and
 * each sentence's salient words (`[[word, share], …]`: the encoder's reasons, which the page shows
 * for an editorial line that no listed cue explains).
 */
async function embedAll(sentences, signal) {
  // A test holds every answer here until it releases them (`refineControl.hold()`).
  if (held) {
    await held.promise;
    checkpoint(signal);
  }
  // Held here: what this request found cached cannot be dropped while it embeds the rest.
  const found = cache.take(sentences);
  const missing = [...new Set(sentences.filter((s) => !found.has(s)))];
  if (missing.length) {
    const model = await sentenceEncoder();
    for (let i = 0; i < missing.length; i += CHUNK) {
      // Its page went away: stop here (what was embedded so far stays cached).
      checkpoint(signal);
      const chunk = missing.slice(i, i + CHUNK);
      const explained = await call(() => model.explain(JSON.stringify(chunk)));
      const words = JSON.parse(explained.salient);
      chunk.forEach((text, j) => {
        const entry = { vector: explained.vectors.slice(j * DIM, (j + 1) * DIM), salient: words[j] ?? [] };
        found.set(text, entry);
        cache.put(text, entry);
      });
      if (i + CHUNK < missing.length) await nextTask();
    }
  }
  const flat = new Float32Array(sentences.length * DIM);
  sentences.forEach((text, i) => flat.set(found.get(text).vector, i * DIM));
  return { flat, salient: sentences.map((text) => found.get(text).salient) };
}

/** Runs `work()`; an encoder that cannot load becomes `{unavailable: reason}`. */
async function unlessUnavailable(work) {
  try {
    await sentenceEncoder();
  } catch (error) {
    return { unavailable: String(error?.message ?? error) };
  }
  return work();
}

/**
 * Answers `embed`: `{vectors, salient, ms, loadMs}` (vectors: `embedding-codec.js`; salient: per
 * sentence its salient words as `[word, share]` lists), or `{unavailable}`.
 */
export function embedSentences(sentences, signal) {
  return unlessUnavailable(async () => {
    const started = performance.now();
    const { flat, salient } = await embedAll(sentences, signal);
    return { vectors: encodeEmbeddings(flat), salient, ms: Math.round(performance.now() - started), loadMs };
  });
}

/** A random job id. */
function jobId() {
  return [...crypto.getRandomValues(new Uint32Array(4))].map((x) => x.toString(16).padStart(8, '0')).join('');
}

/**
 * Keeps a fast analysis's snapshot (of tab `tabId`; and the JSON text of its frames' comments, if
 * any) for its refinement; returns the job id to refine it.
 */
export function keepForRefinement(snapshot, url, frames, tabId) {
  const now = Date.now();
  for (const [job, entry] of kept) if (now - entry.at > KEEP_MS) kept.delete(job);
  while (kept.size >= KEEP_COUNT) kept.delete(kept.keys().next().value);
  const job = jobId();
  kept.set(job, { snapshot, url, frames, at: now, tabId });
  return job;
}

/** Forgets the snapshots kept for tab `tabId`'s refinements (the tab was closed). */
export function dropTabSnapshots(tabId) {
  for (const [job, entry] of kept) if (entry.tabId === tabId) kept.delete(job);
}

/** How many snapshots are kept for refinements (tests check that a closed tab leaves none). */
export function keptSnapshots() {
  return kept.size;
}

/** Answers `refine-snapshot`: `{report, ms}` from the snapshot kept under `job`, or `{unavailable}`. */
export function refineSnapshot(job, sentences, signal) {
  return unlessUnavailable(async () => {
    const entry = kept.get(job);
    if (!entry) throw new Error('glose: the page snapshot is no longer here to refine (was the background restarted?)');
    const started = performance.now();
    // The vectors the page path gets (int8 and back): both paths give the same report.
    const embedded = await embedAll(sentences, signal);
    checkpoint(signal);
    const flat = decodeEmbeddings(encodeEmbeddings(embedded.flat));
    // Kept (until it expires) for a refinement asked again after one was dropped.
    entry.at = Date.now();
    const report = await analyzeSnapshotEmbedded(entry.snapshot, entry.url, sentences, flat, embedded.salient, entry.frames);
    return { report, ms: Math.round(performance.now() - started) };
  });
}

/**
 * For the benchmark and the tests (through the background's global, never reachable by pages):
 * `forget()` drops the remembered vectors, so a run embeds again; `unload()` drops the encoder
 * too, as a stopped service worker would; `state()` says what is loaded and how many refinement
 * requests are in flight; `hold()` keeps the embedding requests that reach the encoder after it
 * waiting until `release()` (an unavailable encoder still answers at once), so a test can act
 * while one is surely in flight.
 */
export const refineControl = Object.freeze({
  forget: () => cache.clear(),
  unload: () => { cache.clear(); encoder = null; failure = null; },
  hold: () => {
    if (held) return;
    let release;
    const promise = new Promise((resolve) => { release = resolve; });
    held = { promise, release };
  },
  release: () => {
    held?.release();
    held = null;
  },
  // `refinements`: requests in flight, stopped because their page went away, answered.
  state: () => ({ loaded: encoder !== null, failure: failure?.message ?? null, cached: cache.size, loadMs, refinements: refinementCounts() }),
  // The soak's memory series: the core's wasm memory (its high-water mark: a wasm memory never
  // shrinks), what the vector cache holds, snapshots kept for refinements.
  memory: async () => ({
    wasm_mb: +(((await call(() => initCore())).memory.buffer.byteLength) / 1e6).toFixed(1),
    cached: cache.size,
    kept: kept.size,
  }),
});
