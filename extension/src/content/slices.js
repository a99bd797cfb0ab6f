/**
 * Work in short slices with the page's tasks in between, and the big-page reading that uses it:
 * the walker (`walk.js`) writing its wire data as text pieces (`readWireSliced`). Imports only
 * `walk.js`, so that the build can also inline it, with the walker, into the reader that runs in
 * the page's own world (`main-world.js`, built into `main-world-reader.js`).
 */
import { walker, wasmSink } from './walk.js';

let channel = null;
const waiting = [];

/**
 * Lets the page run (input, rendering, its own timers) before the next slice of work: a plain
 * task, not `scheduler.yield()`, whose continuations go ahead of the page's tasks. The task is a
 * MessageChannel message, not `setTimeout(0)`: nested timeouts are clamped to 4 ms (half the time
 * of 4 ms slices spent waiting), and a background tab's timeouts are throttled to one a second in
 * Firefox (reading a page past the limits took over 30 s there when its tab was not in front).
 */
export function yieldToPage() {
  if (channel === null) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // Node (unit tests): an open port would keep the process alive.
    channel.port1.unref?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * How long one slice of work runs before the page gets the thread back, in ms of wall-clock time.
 * Short, because a slice may also carry a garbage-collection step, and on a loaded machine the
 * process can be descheduled in the middle of one.
 */
export const SLICE_MS = 4;

/**
 * Runs `work(budget)` (does up to `budget` units, returns true when finished) in slices of about
 * `sliceMs` ms with the page's tasks in between. The budget between two looks at the clock
 * adapts so that each batch takes a fraction of a ms, whatever a unit costs on this page.
 * Resolves to `{slices, busyMs}`: how many slices, and the time spent in `work` (the rest of
 * the wall-clock time went to the page's tasks and to waiting for the thread).
 */
export async function sliced(work, { sliceMs = SLICE_MS } = {}) {
  let batch = 16;
  let slices = 0;
  let busyMs = 0;
  for (;;) {
    let now = performance.now();
    const start = now;
    const end = now + sliceMs;
    slices += 1;
    while (now < end) {
      const before = now;
      const done = work(batch);
      now = performance.now();
      if (done) return { slices, busyMs: busyMs + now - start };
      const took = now - before;
      if (took < 0.5 && batch < 8192) batch *= 2;
      else if (took > 2 && batch > 1) batch = Math.max(1, batch >> 1);
    }
    busyMs += now - start;
    await yieldToPage();
  }
}

/**
 * Reads `doc` with the walker in slices (`rules`: `walkRules(...)`; `accept(tag, attr, element)`
 * says whether to enter an element), writing the wire format (`wasmSink`, as the in-page wasm
 * reader gets it): `{pieces: [text...], live, slices, busyMs}`, the pieces joined being one wire
 * text for the background's core (Rust's `snapshot::wire::from_text`, see {@link wirePieces}) and
 * `live` every node walked, numbered as the snapshot's ids. While reading, the page's heap holds
 * the strings read joined in chunks as the walk goes, and typed arrays; then the pieces are
 * written from them: much less garbage than JSON text per node (on a page of 10,000 comments, ~125 MB per reading as JSON: its
 * collection after a reload landed in the toggle as a long pause). A page past a reading limit is
 * sent as read; the core analyses its first part (`limits::cap`), as the in-page wasm reader does.
 */
export async function readWireSliced(doc, rules, { accept = null, sliceMs = SLICE_MS, pieceUnits }) {
  const { walk, parts, slices, busyMs } = await walkWireSliced(doc, rules, { accept, sliceMs });
  const started = performance.now();
  const pieces = await wirePieces(wirePieceMaker(walk, parts, pieceUnits), sliceMs);
  return { pieces, live: walk.live, slices, busyMs: Math.round(busyMs + performance.now() - started) };
}

/**
 * The walk of {@link readWireSliced} alone: `{walk, parts, slices, busyMs}`, `parts` being the
 * wasm sink's `{ops, lens, chunks}` (for {@link wirePieceMaker}), its strings joined in chunks
 * of {@link CHUNK_UNITS} as the walk goes.
 */
export async function walkWireSliced(doc, rules, { accept = null, sliceMs = SLICE_MS }) {
  const sink = wasmSink({ chunkUnits: CHUNK_UNITS });
  const walk = walker(doc, rules, sink, { accept });
  const { slices, busyMs } = await sliced((budget) => walk.step(budget), { sliceMs });
  return { walk, parts: sink.parts(), slices, busyMs };
}

/**
 * UTF-16 units per chunk of text at most (bar one longer string): 64 KB even for two-byte text,
 * under V8's largest regular object (128 KB). A longer string is allocated in the large object
 * space, which counts at once towards the old generation's limit, whose approach is what starts a
 * major collection; chunks this small are made in the new space.
 */
export const CHUNK_UNITS = 1 << 15;

/**
 * A walk's wire data (`parts`: the wasm sink's, its strings in chunks: `wasmSink({chunkUnits})`)
 * as text in pieces of about `pieceUnits` UTF-16 units (more for one longer string):
 * `{count, piece(i), chunks(i)}`, piece `i` written when asked (so that it need not wait in the
 * page's heap) either as one string (`piece`) or as the strings that make it up, each under
 * {@link CHUNK_UNITS} units but for one longer string (`chunks`, for a reader that passes them on
 * without joining them). Joined: a magic line, then on a line each the nodes walked, the ops,
 * the string lengths and the limit that cut the walk, then the strings joined by U+0000 (Rust's
 * `snapshot::wire::to_text` writes the same).
 */
export function wirePieceMaker(walk, { ops, lens, chunks }, pieceUnits) {
  const nodes = walk.live.length;
  const truncated = walk.truncated ?? '';
  const makers = [() => [`\u0001glose-wire-1\n${nodes}\n`]];
  // At most 11 units a number and its comma.
  const perPiece = Math.max(1, Math.floor(pieceUnits / 11));
  const perChunk = Math.max(1, Math.floor(CHUNK_UNITS / 11));
  const numbers = (array) => {
    for (let at = 0; at < array.length; at += perPiece) {
      const from = at;
      const to = Math.min(array.length, at + perPiece);
      makers.push(() => {
        const out = [];
        for (let c = from; c < to; c += perChunk) out.push((c === 0 ? '' : ',') + array.subarray(c, Math.min(to, c + perChunk)).join(','));
        return out;
      });
    }
  };
  numbers(ops);
  makers.push(() => ['\n']);
  numbers(lens);
  makers.push(() => [`\n${truncated}\n`]);
  // The text: whole chunks to a piece, U+0000 between two chunks.
  let start = 0;
  let units = 0;
  for (let k = 0; k < chunks.length; k += 1) {
    units += chunks[k].length + 1;
    if (units >= pieceUnits || k === chunks.length - 1) {
      const from = start;
      const to = k + 1;
      makers.push(() => {
        const out = [];
        for (let c = from; c < to; c += 1) {
          if (c > 0) out.push('\0');
          out.push(chunks[c]);
        }
        return out;
      });
      start = to;
      units = 0;
    }
  }
  const piece = (i) => {
    const out = makers[i]();
    return out.length === 1 ? out[0] : out.join('');
  };
  return { count: makers.length, piece, chunks: (i) => makers[i]() };
}

/** All of a maker's pieces, written in order with the page's tasks in between every `sliceMs`. */
async function wirePieces(maker, sliceMs) {
  const pieces = [];
  let since = performance.now();
  for (let i = 0; i < maker.count; i += 1) {
    pieces.push(maker.piece(i));
    if (performance.now() - since >= sliceMs) {
      await yieldToPage();
      since = performance.now();
    }
  }
  return pieces;
}
