/**
 * The page reader in JavaScript, for pages whose CSP forbids WebAssembly in content scripts and
 * for big pages: builds the same snapshot as `src/read_dom.rs`, to be analysed by the
 * background's wasm, and keeps the live node of every snapshot id so the report's anchors become
 * ranges. The walk is the wasm reader's own (`walk.js`, copied from `src/read_dom/walk.js` by
 * scripts/build-extension.sh) with Rust's rule lists (`snapshot-rules.js`, written by the same
 * build from the wasm's `snapshot_rules()`, reading limits included); this file adds the sinks that
 * write the snapshot (with `truncated` when the walk stopped at a limit). On big pages it reads in short slices and
 * writes the snapshot's JSON text as it goes, allocating as little as it can per node (garbage
 * collection was most of the page's blocked time).
 */
import { hiddenByMarkup, skipsElement as skipsElementWith, walker, walkRules } from './walk.js';
import { SNAPSHOT_RULES } from './snapshot-rules.js';
import { readWireSliced, SLICE_MS, sliced } from './slices.js';

const RULES = walkRules(SNAPSHOT_RULES);

/** The reading limits (`crates/glose-read/src/snapshot/limits.rs`): `{nodes, textNode, text}`. */
export const LIMITS = RULES.limits;

/** Whether an attribute of this lower-case name is kept (`keeps_attribute`). */
export function keepsAttribute(name) {
  return name.startsWith('aria-') || RULES.kept.has(name);
}

/** `skips_element`: scripts (except JSON-LD) and embedded or non-text content. */
export function skipsElement(tag, attr) {
  return skipsElementWith(RULES, tag, attr);
}

export { hiddenByMarkup };

/**
 * The kept attributes of the element being written (not `style`, which only the rules read),
 * sorted by name like the native reader's: indexes into `attributes`, in an array reused for
 * every element (insertion sort: an element has a handful).
 */
const order = [];
function sortedKept(attributes) {
  let count = 0;
  for (let i = 0; i < attributes.count; i += 1) {
    const name = attributes.names[i];
    if (!keepsAttribute(name)) continue;
    let j = count;
    while (j > 0 && attributes.names[order[j - 1]] > name) {
      order[j] = order[j - 1];
      j -= 1;
    }
    order[j] = i;
    count += 1;
  }
  return count;
}

/**
 * Writes snapshot nodes as objects: `{nodes: [...]}` as `crates/glose-read/src/snapshot/mod.rs` reads it. `mark`
 * notes where the part analysed on a page past a limit ends (see `walker`); `result(truncated,
 * part)` keeps only that part when `part` is true.
 */
function objectSink() {
  let nodes = [{ parent: null, type: 'document' }];
  let partEnd = null;
  return {
    text(parent, text) {
      nodes.push({ parent, type: 'text', text });
    },
    element(parent, _local, tag, attributes) {
      const attrs = [];
      const count = sortedKept(attributes);
      for (let k = 0; k < count; k += 1) attrs.push([attributes.names[order[k]], attributes.values[order[k]]]);
      nodes.push({ parent, type: 'element', tag, attrs });
    },
    mark(parent, text) {
      partEnd = { at: nodes.length, last: text === null ? null : { parent, type: 'text', text } };
    },
    result(truncated, part = false) {
      if (part && partEnd !== null) {
        nodes = nodes.slice(0, partEnd.at);
        if (partEnd.last) nodes.push(partEnd.last);
      }
      return truncated ? { nodes, truncated } : { nodes };
    },
  };
}

/** UTF-16 units of JSON text built by concatenation before it is made one flat string. */
const RUN_CHARS = 1 << 14;

/**
 * Writes the snapshot straight as JSON text, in pieces of about `pieceChars` characters (each
 * piece is a cheap message to send; joined, they are the JSON of {@link objectSink}'s result).
 * Each piece goes to `onPiece(piece, index)` as soon as it is complete, or is kept; the result is
 * `{pieces, count}`.
 *
 * Garbage matters more than speed here: text built by `+=` is a tree of small strings that all
 * survive until the piece is sent, and the young-generation collector then copies all of them at
 * every pass (100–175 ms pauses on a 10,000-comment page). So the text is built in short runs,
 * each made one flat string, and a piece is the join of its runs: what survives is a few big flat
 * strings.
 */
function jsonSink(pieceChars, onPiece) {
  const runChars = Math.min(RUN_CHARS, pieceChars);
  const pieces = [];
  let count = 0;
  const emit = (piece) => {
    if (onPiece) onPiece(piece, count);
    else pieces.push(piece);
    count += 1;
  };
  // Where the part analysed on a page past a limit ends (`mark`): the pieces before it, and the
  // JSON of the start of the text node it ends inside.
  let partEnd = null;
  const runs = [];
  let runsChars = 0;
  let run = '{"nodes":[{"parent":null,"type":"document"}';
  function endRun() {
    // `| 0` makes the engine flatten the string (ToNumber reads it as one sequence); the result
    // is not used.
    // eslint-disable-next-line no-unused-expressions
    run | 0;
    runs.push(run);
    runsChars += run.length;
    run = '';
    if (runsChars >= pieceChars) {
      emit(runs.join(''));
      runs.length = 0;
      runsChars = 0;
    }
  }
  return {
    text(parent, text) {
      run += `,{"parent":${parent},"type":"text","text":${JSON.stringify(text)}}`;
      if (run.length >= runChars) endRun();
    },
    element(parent, _local, tag, attributes) {
      let json = `,{"parent":${parent},"type":"element","tag":${JSON.stringify(tag)},"attrs":[`;
      const count = sortedKept(attributes);
      for (let k = 0; k < count; k += 1) {
        const i = order[k];
        json += `${k === 0 ? '' : ','}[${JSON.stringify(attributes.names[i])},${JSON.stringify(attributes.values[i])}]`;
      }
      run += `${json}]}`;
      if (run.length >= runChars) endRun();
    },
    /**
     * The part analysed on a page past a limit ends here (see `walker`): the text so far becomes
     * a piece of its own, so that the pieces before the mark are exactly that part.
     */
    mark(parent, text) {
      // eslint-disable-next-line no-unused-expressions
      run | 0;
      runs.push(run);
      run = '';
      emit(runs.join(''));
      runs.length = 0;
      runsChars = 0;
      partEnd = { pieces: count, last: text === null ? '' : `,{"parent":${parent},"type":"text","text":${JSON.stringify(text)}}` };
    },
    /**
     * Ends the JSON. With `part` (the page went past a limit), the snapshot is the part before
     * the mark: its last piece (the end of the text node cut there and the closing) takes the
     * index of the first piece written after the mark, and `count` says how many pieces make
     * it (the receiver drops the ones after).
     */
    result(truncated, part = false) {
      const closing = truncated ? `],"truncated":${JSON.stringify(truncated)}}` : ']}';
      if (part && partEnd !== null) {
        count = partEnd.pieces;
        pieces.length = Math.min(pieces.length, count);
        emit(partEnd.last + closing);
        return { pieces, count };
      }
      run += closing;
      endRun();
      if (runs.length) emit(runs.join(''));
      return { pieces, count };
    },
  };
}

/**
 * The shared walker (`walk.js`, which applies the markup rules and the reading limits) writing
 * into `sink`, with the caller's `skip(element)`: `step(budget)` reads up to `budget` more nodes
 * and returns whether the walk is done; `result()` is then `{snapshot: sink.result(truncated),
 * nodes}`.
 */
function walkInto(doc, skip, sink) {
  const accept = (_tag, _attr, element) => !skip(element);
  const walk = walker(doc, RULES, sink, { accept });
  return {
    step: walk.step,
    result() {
      // Past a page limit, only the first part is kept (as `limits::cap` would cut it).
      const { live, truncated, part } = walk.part();
      return { snapshot: sink.result(truncated, part), nodes: live };
    },
  };
}

/**
 * Reads a rendered document into `{snapshot: {nodes: [...]}, nodes: [liveNode...]}`; `nodes[i]`
 * is the live node of snapshot id `i`. `skip(element)` lets the caller leave out more elements
 * (it is asked about each element reached, top down).
 */
export function readDocument(doc, { skip = () => false } = {}) {
  const walk = walkInto(doc, skip, objectSink());
  while (!walk.step(Infinity));
  return walk.result();
}

/** Characters per piece of snapshot JSON (one message each to the background). */
export const PIECE_CHARS = 1 << 18;

/**
 * [`readDocument`] in slices with the page's tasks in between, writing the snapshot as JSON
 * text: `{json: [piece...], pieces, nodes}` where the pieces joined are the snapshot's JSON and
 * `pieces` their number. With `onPiece(piece, index)`, each piece goes there as soon as it is
 * written (and `json` is empty): sent at once, it need not stay in the page's memory. The page
 * may change between slices: the snapshot is still a consistent tree (a node moved or removed
 * meanwhile may be read where it was, or not at all).
 */
export async function readDocumentJsonSliced(doc, { skip = () => false, sliceMs = SLICE_MS, pieceChars = PIECE_CHARS, onPiece } = {}) {
  const walk = walkInto(doc, skip, jsonSink(pieceChars, onPiece));
  const { slices, busyMs } = await sliced((budget) => walk.step(budget), { sliceMs });
  const { snapshot, nodes } = walk.result();
  return { json: snapshot.pieces, pieces: snapshot.count, nodes, slices, busyMs: Math.round(busyMs) };
}

/**
 * [`readDocumentJsonSliced`] writing the walker's wire format instead (`slices.js`,
 * `readWireSliced`): `{pieces: [text...], nodes, slices, busyMs}`, the pieces joined being one wire
 * text for the background's core; `nodes` is every node walked, numbered as the snapshot's ids.
 */
export async function readDocumentWireSliced(doc, { skip = () => false, sliceMs = SLICE_MS, pieceChars = PIECE_CHARS } = {}) {
  const accept = (_tag, _attr, element) => !skip(element);
  const { pieces, live, slices, busyMs } = await readWireSliced(doc, RULES, { accept, sliceMs, pieceUnits: pieceChars });
  return { pieces, nodes: live, slices, busyMs };
}

/**
 * Whether the document has more than `limit` elements: stops counting at `limit + 1`, so it costs
 * little on a huge page (`getElementsByTagName('*').length` walks all of it at once).
 */
export function hasMoreElementsThan(doc, limit) {
  let count = 0;
  let node = doc.documentElement;
  while (node) {
    count += 1;
    if (count > limit) return true;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && !node.nextElementSibling) node = node.parentElement;
    node = node?.nextElementSibling ?? null;
  }
  return false;
}
