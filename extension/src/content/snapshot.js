/**
 * The page reader in JavaScript, for pages whose CSP forbids WebAssembly in content scripts and
 * for big pages: builds the same snapshot as `src/read_dom.rs`, to be analysed by the
 * background's wasm, and keeps the live node of every snapshot id so the report's anchors become
 * ranges. The walk is the wasm reader's own (`walk.js`, copied from `src/read_dom/walk.js` by
 * scripts/build-extension.sh) with Rust's rule lists (`snapshot-rules.js`, written by the same
 * build from the wasm's `snapshot_rules()`, reading limits included); this file adds the sink that
 * writes the snapshot as objects (with `truncated` when the walk stopped at a limit). On big pages
 * it reads in short slices and writes the walker's wire text (`slices.js`), allocating as little as
 * it can per node (garbage collection was most of the page's blocked time).
 */
import { hiddenByMarkup, skipsElement as skipsElementWith, walker, walkRules } from './walk.js';
import { SNAPSHOT_RULES } from './snapshot-rules.js';
import { readWireSliced, SLICE_MS } from './slices.js';

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

/** UTF-16 units per piece of a big page's snapshot text (one message each to the background). */
export const PIECE_CHARS = 1 << 18;

/**
 * [`readDocument`] for big pages: in slices with the page's tasks in between, writing the walker's
 * wire format (`slices.js`, `readWireSliced`): `{pieces: [text...], nodes, slices, busyMs}`, the
 * pieces joined being one wire text for the background's core; `nodes` is every node walked,
 * numbered as the snapshot's ids (past a page limit the core analyses the first part of them,
 * which are the object reader's nodes). The page may change between slices: the snapshot is
 * still a consistent tree (a node moved or removed meanwhile may be read where it was, or not at
 * all).
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
