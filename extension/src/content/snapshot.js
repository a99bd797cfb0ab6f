/**
 * The live-DOM reader in JavaScript, for pages whose CSP forbids WebAssembly in content scripts
 * and for big pages: builds the same snapshot as `src/read_dom.rs` (same skip, visibility and
 * attribute rules as `src/snapshot/mod.rs`), to be analysed by the background's wasm, and keeps
 * the live node of every snapshot id so the report's anchors become ranges. On big pages it reads
 * in short slices and writes the snapshot's JSON text as it goes, allocating as little as it can
 * per node (garbage collection was most of the page's blocked time).
 *
 * `test/snapshot-rules.test.js` checks these lists against the Rust source.
 */

/** Attribute names kept (plus every `aria-*`), as `KEPT_ATTRIBUTES` in `src/snapshot/mod.rs`. */
export const KEPT_ATTRIBUTES = [
  'id', 'class', 'role', 'itemprop', 'itemtype', 'itemscope', 'hidden', 'lang', 'dir',
  'datetime', 'href', 'rel', 'name', 'property', 'content', 'type', 'title', 'charset',
  'http-equiv', 'rev',
];

/** Elements whose subtree is skipped, as `SKIPPED_ELEMENTS` (JSON-LD scripts excepted). */
export const SKIPPED_ELEMENTS = [
  'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'select', 'textarea', 'button',
];

/** Elements never asked for computed style, as `NEVER_STYLE_CHECKED` in `src/read_dom.rs`. */
export const NEVER_STYLE_CHECKED = [
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track',
  'wbr', 'title', 'script',
];

const KEPT = new Set(KEPT_ATTRIBUTES);
const SKIPPED = new Set(SKIPPED_ELEMENTS);
const UNCHECKED = new Set(NEVER_STYLE_CHECKED);

/** Whether an attribute of this lower-case name is kept. */
export function keepsAttribute(name) {
  return name.startsWith('aria-') || KEPT.has(name);
}

/** `skips_element`: scripts (except JSON-LD) and embedded or non-text content. */
export function skipsElement(tag, attr) {
  if (tag === 'script') return (attr('type') ?? '').trim().toLowerCase() !== 'application/ld+json';
  return SKIPPED.has(tag);
}

/** `hidden_by_markup`: hidden attribute, aria-hidden=true, input type=hidden, inline display/visibility. */
export function hiddenByMarkup(tag, attr) {
  if (attr('hidden') !== undefined) return true;
  if ((attr('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
  if (tag === 'input' && (attr('type') ?? '').toLowerCase() === 'hidden') return true;
  const style = attr('style');
  if (style !== undefined) {
    const compact = style.replace(/\s+/g, '').toLowerCase();
    if (compact.includes('display:none') || compact.includes('visibility:hidden')) return true;
  }
  return false;
}

/**
 * Glose's own elements (`glose-tooltip`, `glose-summary`, ...) are never read, as in
 * `src/read_dom.rs` (`OWN_ELEMENT_PREFIX`).
 */
export const OWN_ELEMENT_PREFIX = 'glose-';

const VISIBILITY = Object.freeze({ visibilityProperty: true });

/** Whether computed style hides an element (checkVisibility first, getComputedStyle to confirm). */
function hiddenByStyle(element, view) {
  if (typeof element.checkVisibility === 'function' && element.checkVisibility(VISIBILITY)) return false;
  const style = view.getComputedStyle(element);
  if (!style) return false;
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
}

/**
 * The attributes of the element being read: kept ones plus `style`, sorted by name (the native
 * reader's order), in buffers reused for every element so that reading a huge page allocates
 * nothing per element but the attribute names list.
 */
function attributeReader() {
  const names = [];
  const values = [];
  let count = 0;
  /** Keeps one attribute, in name order (insertion sort: an element has a handful). */
  function keep(name, value) {
    if (!keepsAttribute(name) && name !== 'style') return;
    let j = count;
    while (j > 0 && names[j - 1] > name) {
      names[j] = names[j - 1];
      values[j] = values[j - 1];
      j -= 1;
    }
    names[j] = name;
    values[j] = value;
    count += 1;
  }
  /** Reads `element`'s attributes into the buffers (by local name, as `src/read_dom.rs`). */
  function read(element) {
    count = 0;
    if (!element.hasAttributes()) return;
    const list = element.getAttributeNames();
    for (let i = 0; i < list.length; i += 1) {
      if (list[i].includes(':')) {
        // A qualified name: "xml:lang" in HTML, or a namespaced attribute whose local name
        // differs. Rare: read this element's Attr nodes instead.
        count = 0;
        for (const a of element.attributes) keep(a.localName, a.value);
        return;
      }
      keep(list[i], element.getAttribute(list[i]) ?? '');
    }
  }
  /** The value of attribute `name` of the element just read, or undefined. */
  function get(name) {
    for (let i = 0; i < count; i += 1) if (names[i] === name) return values[i];
    return undefined;
  }
  return { read, get, names, values, count: () => count };
}

/** Writes snapshot nodes as objects: `{nodes: [...]}` as `src/snapshot/mod.rs` reads it. */
function objectSink() {
  const nodes = [{ parent: null, type: 'document' }];
  return {
    text(parent, text) {
      nodes.push({ parent, type: 'text', text });
    },
    element(parent, tag, attributes) {
      const attrs = [];
      for (let i = 0; i < attributes.count(); i += 1) {
        const name = attributes.names[i];
        if (keepsAttribute(name)) attrs.push([name, attributes.values[i]]);
      }
      nodes.push({ parent, type: 'element', tag, attrs });
    },
    result: () => ({ nodes }),
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
    element(parent, tag, attributes) {
      let json = `,{"parent":${parent},"type":"element","tag":${JSON.stringify(tag)},"attrs":[`;
      let first = true;
      for (let i = 0; i < attributes.count(); i += 1) {
        const name = attributes.names[i];
        if (!keepsAttribute(name)) continue;
        json += `${first ? '' : ','}[${JSON.stringify(name)},${JSON.stringify(attributes.values[i])}]`;
        first = false;
      }
      run += `${json}]}`;
      if (run.length >= runChars) endRun();
    },
    result() {
      run += ']}';
      endRun();
      if (runs.length) emit(runs.join(''));
      return { pieces, count };
    },
  };
}

/**
 * A resumable walk over a rendered document, in document order through `firstChild` /
 * `nextSibling` (open shadow roots and slots' assigned nodes as `src/read_dom.rs` reads them):
 * `step(budget)` reads up to `budget` more nodes and returns whether the walk is done;
 * `result()` is then `{snapshot: sink.result(), nodes}`. The stack lives in parallel arrays
 * reused across elements: no allocation per element.
 */
function walker(doc, skip, sink) {
  const view = doc.defaultView;
  const attributes = attributeReader();
  const attr = attributes.get;
  const live = [doc];
  // Frame k: the next sibling to read (or a slot's assigned list and an index), its parent id,
  // whether it is inside <body>.
  const cursors = [doc.firstChild];
  const lists = [null];
  const indexes = [0];
  const parents = [0];
  const inBodies = [false];
  let depth = 1;
  function push(cursor, list, parent, inBody) {
    cursors[depth] = cursor;
    lists[depth] = list;
    indexes[depth] = 0;
    parents[depth] = parent;
    inBodies[depth] = inBody;
    depth += 1;
  }
  function step(budget) {
    let n = 0;
    while (n < budget) {
      if (depth === 0) return true;
      const top = depth - 1;
      let node;
      const list = lists[top];
      if (list !== null) {
        const i = indexes[top];
        if (i >= list.length) {
          lists[top] = null;
          depth -= 1;
          continue;
        }
        node = list[i];
        indexes[top] = i + 1;
      } else {
        node = cursors[top];
        if (node === null) {
          depth -= 1;
          continue;
        }
        cursors[top] = node.nextSibling;
      }
      n += 1;
      const type = node.nodeType;
      if (type === 3 || type === 4) {
        sink.text(parents[top], node.data);
        live.push(node);
      } else if (type === 1) {
        const tag = node.localName.toLowerCase();
        attributes.read(node);
        if (skipsElement(tag, attr) || hiddenByMarkup(tag, attr) || tag.startsWith(OWN_ELEMENT_PREFIX) || skip(node)) continue;
        const inBody = inBodies[top];
        if (inBody && view && !UNCHECKED.has(tag) && hiddenByStyle(node, view)) continue;
        const id = live.length;
        sink.element(parents[top], tag, attributes);
        live.push(node);
        const childInBody = inBody || tag === 'body';
        const assigned = tag === 'slot' && typeof node.assignedNodes === 'function' ? node.assignedNodes() : null;
        if (assigned && assigned.length > 0) push(null, assigned, id, childInBody);
        else push((node.shadowRoot ?? node).firstChild, null, id, childInBody);
      }
    }
    return depth === 0;
  }
  return { step, result: () => ({ snapshot: sink.result(), nodes: live }) };
}

/**
 * Reads a rendered document into `{snapshot: {nodes: [...]}, nodes: [liveNode...]}`; `nodes[i]`
 * is the live node of snapshot id `i`. `skip(element)` lets the caller leave out more elements
 * (it is asked about each element reached, top down).
 */
export function readDocument(doc, { skip = () => false } = {}) {
  const walk = walker(doc, skip, objectSink());
  while (!walk.step(Infinity));
  return walk.result();
}

/**
 * Lets the page run (input, rendering, its own timers) before the next slice of work: a plain
 * task, not `scheduler.yield()`, whose continuations go ahead of the page's tasks.
 */
export function yieldToPage() {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
 */
export async function sliced(work, { sliceMs = SLICE_MS } = {}) {
  let batch = 16;
  for (;;) {
    let now = performance.now();
    const end = now + sliceMs;
    while (now < end) {
      const before = now;
      if (work(batch)) return;
      now = performance.now();
      const took = now - before;
      if (took < 0.5 && batch < 8192) batch *= 2;
      else if (took > 2 && batch > 1) batch = Math.max(1, batch >> 1);
    }
    await yieldToPage();
  }
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
  const walk = walker(doc, skip, jsonSink(pieceChars, onPiece));
  await sliced((budget) => walk.step(budget), { sliceMs });
  const { snapshot, nodes } = walk.result();
  return { json: snapshot.pieces, pieces: snapshot.count, nodes };
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
