/**
 * The live-DOM reader in JavaScript, for pages whose CSP forbids WebAssembly in content scripts:
 * builds the same snapshot as `src/read_dom.rs` (same skip, visibility and attribute rules as
 * `src/snapshot/mod.rs`), to be analysed by the background's wasm, and keeps the live node of
 * every snapshot id so the report's anchors become ranges.
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

/** Kept attributes plus `style`, sorted by name (the native reader's order). */
function readAttributes(element) {
  const out = [];
  for (const a of element.attributes) {
    const name = a.localName;
    if (keepsAttribute(name) || name === 'style') out.push([name, a.value]);
  }
  out.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return out;
}

/** Whether computed style hides an element (checkVisibility first, getComputedStyle to confirm). */
function hiddenByStyle(element, view) {
  if (typeof element.checkVisibility === 'function' && element.checkVisibility({ visibilityProperty: true })) return false;
  const style = view.getComputedStyle(element);
  if (!style) return false;
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
}

/** The rendered children of an element: a slot's assigned nodes, an open shadow root's, or its own. */
function childrenOf(element, tag) {
  if (tag === 'slot' && typeof element.assignedNodes === 'function') {
    const assigned = element.assignedNodes();
    if (assigned.length > 0) return [...assigned];
  }
  const root = element.shadowRoot ?? null;
  return [...(root ?? element).childNodes];
}

/**
 * A resumable walk over a rendered document: `step(budget)` reads up to `budget` more nodes and
 * returns whether the walk is done; `result()` is then `{snapshot: {nodes: [...]}, nodes}`.
 */
function walker(doc, skip) {
  const view = doc.defaultView;
  const out = [{ parent: null, type: 'document' }];
  const live = [doc];
  // Explicit stack of [children, index, parentId, inBody]: deep pages do not overflow.
  const stack = [[[...doc.childNodes], 0, 0, false]];
  function step(budget) {
    for (let n = 0; n < budget; n += 1) {
      if (stack.length === 0) return true;
      const frame = stack[stack.length - 1];
      const [children, index, parent, inBody] = frame;
      if (index >= children.length) {
        stack.pop();
        continue;
      }
      frame[1] = index + 1;
      const node = children[index];
      if (node.nodeType === 3 || node.nodeType === 4) {
        out.push({ parent, type: 'text', text: node.data });
        live.push(node);
      } else if (node.nodeType === 1) {
        const tag = node.localName.toLowerCase();
        const attrs = readAttributes(node);
        const attr = (name) => attrs.find(([k]) => k === name)?.[1];
        if (skipsElement(tag, attr) || hiddenByMarkup(tag, attr) || skip(node)) continue;
        if (inBody && view && !UNCHECKED.has(tag) && hiddenByStyle(node, view)) continue;
        const id = out.length;
        out.push({ parent, type: 'element', tag, attrs: attrs.filter(([k]) => keepsAttribute(k)) });
        live.push(node);
        stack.push([childrenOf(node, tag), 0, id, inBody || tag === 'body']);
      }
    }
    return stack.length === 0;
  }
  return { step, result: () => ({ snapshot: { nodes: out }, nodes: live }) };
}

/**
 * Reads a rendered document into `{snapshot: {nodes: [...]}, nodes: [liveNode...]}`; `nodes[i]`
 * is the live node of snapshot id `i`. `skip(element)` lets the caller leave out its own elements.
 */
export function readDocument(doc, { skip = () => false } = {}) {
  const walk = walker(doc, skip);
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
 * [`readDocument`] in slices of about `sliceMs` ms with the page's tasks in between, so a huge
 * page is never blocked for long. The page may change between slices: the snapshot is still a
 * consistent tree (a node removed meanwhile is read as it was, or not at all).
 */
export async function readDocumentSliced(doc, { skip = () => false, sliceMs = 8 } = {}) {
  const walk = walker(doc, skip);
  for (;;) {
    const end = performance.now() + sliceMs;
    let done = false;
    while (!done && performance.now() < end) done = walk.step(32);
    if (done) return walk.result();
    await yieldToPage();
  }
}

/**
 * The snapshot as a JSON string, written in slices (`JSON.stringify` of a whole huge snapshot
 * would block the page in one go; `analyze_snapshot` takes the string as it is).
 */
export async function snapshotJsonSliced(snapshot, { sliceMs = 8 } = {}) {
  const parts = [];
  const nodes = snapshot.nodes;
  let i = 0;
  while (i < nodes.length) {
    const end = performance.now() + sliceMs;
    while (i < nodes.length && performance.now() < end) {
      const next = Math.min(nodes.length, i + 500);
      parts.push(JSON.stringify(nodes.slice(i, next)).slice(1, -1));
      i = next;
    }
    if (i < nodes.length) await yieldToPage();
  }
  return `{"nodes":[${parts.filter((p) => p.length > 0).join(',')}]}`;
}
