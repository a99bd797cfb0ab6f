// The one page walker. The wasm live reader (src/read_dom.rs, through `glose_walk_dom`) and the
// extension's JavaScript reader (extension/src/content/snapshot.js: strict-CSP pages and big
// pages, which scripts/build-extension.sh gives a copy of this file as src/content/walk.js) both
// walk the page with `walker`: document order through firstChild/nextSibling, open shadow roots
// and slots' assigned nodes as the browser renders them (the flat tree), attributes by local
// name, elements hidden by computed style left out. What it reads goes to a sink: the wasm
// stream below, or the snapshot's JSON.
//
// The rule lists (kept attributes, skipped elements, elements never style-checked, Glose's own
// tag prefix, the reading limits) are Rust's (src/snapshot/mod.rs, src/read_dom.rs,
// src/snapshot/limits.rs): passed in by the wasm reader, generated for the extension by the build.
// The walker applies the markup rules itself (`skipsElement`, `hiddenByMarkup`: Rust's
// `skips_element` and `hidden_by_markup`, which the wasm reader applies again), so that every
// node it reads is a snapshot node in both readers and the reading limits stop both at the same
// node; `accept` may leave out more (the extension's own elements by identity).
//
// Reading limits (src/snapshot/limits.rs): the walk stops before the node that would make more
// than `limits.nodes` nodes, reads only the first units of a long text node (`substringData`, never
// the whole data), stops inside the text node that crosses `limits.text` units of text in all, and
// says which limit cut the most (`truncated`: 'text_node' < 'nodes' < 'text'). Past a limit it
// does no more work: a page of a million elements costs what its first `limits.nodes` cost.
const XHTML = 'http://www.w3.org/1999/xhtml';
const SKIP = 1;
const UNCHECKED = 2;
const BODY = 4;
const SCRIPT = 8;
const SLOT = 16;
const UNUSUAL_NAME = /[:A-Z]/;
const VISIBILITY = Object.freeze({ visibilityProperty: true });

/** Which reading limit cut the most: Rust's `Limit` order. */
const LIMIT_RANK = { text_node: 1, nodes: 2, text: 3 };

function asciiLower(s) {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

/**
 * The rules as the walker uses them, from Rust's lists: `kept` attribute names (plus every
 * `aria-*`), `skipped` elements, elements never asked for computed style (`unchecked`), the tag
 * `prefix` of Glose's own elements and the reading `limits` (`{nodes, text_node, text}`, see
 * src/snapshot/limits.rs; none when absent).
 */
export function walkRules({ kept, skipped, unchecked, prefix, limits = null }) {
  return {
    kept: new Set(kept),
    skipped: new Set(skipped),
    unchecked: new Set(unchecked),
    prefix,
    limits: {
      nodes: limits?.nodes ?? Infinity,
      textNode: limits?.text_node ?? Infinity,
      text: limits?.text ?? Infinity,
    },
  };
}

/** `skips_element`: scripts (except JSON-LD) and the `skipped` elements (a lower-case `tag`). */
export function skipsElement(rules, tag, attr) {
  if (tag === 'script') return (attr('type') ?? '').trim().toLowerCase() !== 'application/ld+json';
  return rules.skipped.has(tag);
}

/** `hidden_by_markup`: hidden attribute, aria-hidden=true, input type=hidden, inline display/visibility. */
export function hiddenByMarkup(tag, attr) {
  if (attr('hidden') !== undefined) return true;
  const ariaHidden = attr('aria-hidden');
  if (ariaHidden !== undefined && ariaHidden.trim().toLowerCase() === 'true') return true;
  if (tag === 'input' && (attr('type') ?? '').toLowerCase() === 'hidden') return true;
  const style = attr('style');
  if (style !== undefined) {
    const compact = style.replace(/\s+/g, '').toLowerCase();
    if (compact.includes('display:none') || compact.includes('visibility:hidden')) return true;
  }
  return false;
}

/**
 * The first `units` UTF-16 units of a text node without reading the rest of it, one fewer when
 * that would end on the first half of a surrogate pair (as Rust's `limits::cap` cuts).
 */
function startOf(node, units) {
  const s = node.substringData(0, units);
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? s.slice(0, -1) : s;
}

/**
 * A resumable walk of a rendered document. `step(budget)` reads up to `budget` more nodes and
 * returns whether the walk is done; `live[j]` is the node of walk index j (0 = the document),
 * `styleChecks` how many elements were checked against computed style.
 *
 * For each node read it calls `sink.text(parent, data)` or `sink.element(parent, localName, tag,
 * attributes)` (parent: the walk index of the parent; `tag` lower-case; `attributes` the kept
 * ones plus `style`, in the order the element lists them: `{names, values, count}`, reused).
 * `accept(tag, attr, element)` (attr: name → value or undefined) may leave out more elements
 * with their subtree. `computedStyle: false` skips the computed-style checks. `truncated` is
 * null, or the reading limit that cut the most ('text_node', 'nodes', 'text'); after 'nodes' or
 * 'text' the walk is done.
 *
 * The stack lives in parallel arrays reused across elements: no allocation per element.
 */
export function walker(doc, rules, sink, { accept = null, computedStyle = true } = {}) {
  const view = computedStyle ? doc.defaultView : null;
  const tags = new Map();
  const keeps = new Map();
  const names = [];
  const values = [];
  const attributes = { names, values, count: 0 };
  const attr = (name) => {
    for (let i = 0; i < attributes.count; i += 1) if (names[i] === name) return values[i];
    return undefined;
  };
  const live = [doc];
  const state = { live, styleChecks: 0, truncated: null, step };
  const { nodes: maxNodes, textNode: maxTextNode, text: maxText } = rules.limits;
  let textUnits = 0;
  const cut = (limit) => {
    if (state.truncated === null || LIMIT_RANK[limit] > LIMIT_RANK[state.truncated]) state.truncated = limit;
  };
  // Frame k: the next sibling to read (or a slot's assigned list and an index), its parent's
  // walk index, whether it is inside <body>.
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
  function keep(name, value) {
    let k = keeps.get(name);
    if (k === undefined) {
      k = name.startsWith('aria-') || name === 'style' || rules.kept.has(name);
      keeps.set(name, k);
    }
    if (!k) return;
    names[attributes.count] = name;
    values[attributes.count] = value;
    attributes.count += 1;
  }
  function readAttributes(node) {
    attributes.count = 0;
    if (!node.hasAttributes()) return;
    // Names as strings, values by name: no Attr object per attribute. `getAttribute` finds an
    // attribute by qualified name, lower-cased on HTML elements: a prefixed (`xml:lang`) or
    // upper-case name, or the same name twice (namespaced attributes set by script), takes the
    // slow path through the Attr objects and their local names.
    const list = node.getAttributeNames();
    let slow = list.length > 16;
    for (let k = 0; k < list.length && !slow; k += 1) {
      const name = list[k];
      if (UNUSUAL_NAME.test(name)) slow = true;
      for (let j = 0; j < k; j += 1) if (list[j] === name) slow = true;
    }
    if (slow) {
      for (const a of node.attributes) keep(a.localName, a.value);
    } else {
      for (let k = 0; k < list.length; k += 1) keep(list[k], node.getAttribute(list[k]) ?? '');
    }
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
        if (node == null) continue;
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
        if (live.length >= maxNodes) {
          cut('nodes');
          depth = 0;
          return true;
        }
        // `length` costs nothing; `data` would copy a 10 MB node whole.
        const units = node.length;
        if (textUnits + Math.min(units, maxTextNode) > maxText) {
          const data = startOf(node, maxText - textUnits);
          if (data.length > 0) {
            sink.text(parents[top], data);
            live.push(node);
            textUnits += data.length;
          }
          cut('text');
          depth = 0;
          return true;
        }
        let data;
        if (units > maxTextNode) {
          data = startOf(node, maxTextNode);
          cut('text_node');
        } else {
          data = node.data;
        }
        textUnits += data.length;
        sink.text(parents[top], data);
        live.push(node);
        continue;
      }
      if (type !== 1) continue;
      const local = node.localName;
      let tag = tags.get(local);
      if (tag === undefined) {
        const lower = asciiLower(local);
        let flags = 0;
        if (lower.startsWith(rules.prefix) || (lower !== 'script' && rules.skipped.has(lower))) flags |= SKIP;
        if (rules.unchecked.has(lower)) flags |= UNCHECKED;
        if (lower === 'body') flags |= BODY;
        if (lower === 'script') flags |= SCRIPT;
        if (lower === 'slot') flags |= SLOT;
        tag = { flags, lower };
        tags.set(local, tag);
      }
      const flags = tag.flags;
      if (flags & SKIP) continue;
      readAttributes(node);
      if (flags & SCRIPT && skipsElement(rules, tag.lower, attr)) continue;
      if (hiddenByMarkup(tag.lower, attr)) continue;
      if (accept !== null && !accept(tag.lower, attr, node)) continue;
      const inBody = inBodies[top];
      if (inBody && view !== null && !(flags & UNCHECKED)) {
        state.styleChecks += 1;
        if (!(typeof node.checkVisibility === 'function' && node.checkVisibility(VISIBILITY))) {
          const style = view.getComputedStyle(node);
          if (style && (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse')) continue;
        }
      }
      const id = live.length;
      if (id >= maxNodes) {
        cut('nodes');
        depth = 0;
        return true;
      }
      sink.element(parents[top], local, tag.lower, attributes);
      live.push(node);
      const childInBody = inBody || (flags & BODY) !== 0;
      if (flags & SLOT && node.namespaceURI === XHTML && typeof node.assignedNodes === 'function') {
        const assigned = node.assignedNodes();
        if (assigned.length > 0) {
          push(null, assigned, id, childInBody);
          continue;
        }
      }
      push((node.shadowRoot ?? node).firstChild, null, id, childInBody);
    }
    return depth === 0;
  }
  return state;
}

/**
 * The wasm reader's sink: one `Int32Array` of structure and one string, so the wasm side pays a
 * handful of crossings instead of several per node. `ops` per node: text `[parent, -1]`, element
 * `[parent, tag, n, name_1 … name_n]` (tag and names are wire ids: a new id's string comes next
 * in the string stream); `text` every string (new tag names, new attribute names, attribute
 * values, text data) joined by U+0000, `lens[k]` the UTF-16 length of string k.
 */
function wasmSink() {
  const ops = [];
  const strings = [];
  const lens = [];
  const tagWires = new Map();
  const nameWires = new Map();
  const put = (s) => {
    strings.push(s);
    lens.push(s.length);
  };
  return {
    text(parent, data) {
      ops.push(parent, -1);
      put(data);
    },
    element(parent, local, _tag, attributes) {
      let wire = tagWires.get(local);
      if (wire === undefined) {
        wire = tagWires.size;
        tagWires.set(local, wire);
        put(local);
      }
      ops.push(parent, wire, attributes.count);
      for (let k = 0; k < attributes.count; k += 1) {
        const name = attributes.names[k];
        let nameWire = nameWires.get(name);
        if (nameWire === undefined) {
          nameWire = nameWires.size;
          nameWires.set(name, nameWire);
          put(name);
        }
        ops.push(nameWire);
        put(attributes.values[k]);
      }
    },
    result: () => ({ ops: Int32Array.from(ops), text: strings.join('\0'), lens: Uint32Array.from(lens) }),
  };
}

/**
 * Walks `doc` for the wasm reader (src/read_dom.rs), in one call. Returns `{live, ops, text,
 * lens, styleChecks, truncated}` (see `wasmSink`, `walker`). The lists are Rust's,
 * comma-separated; the limits are src/snapshot/limits.rs's.
 */
export function glose_walk_dom(doc, kept, skipped, unchecked, prefix, computedStyle, maxNodes, maxTextNode, maxText) {
  const limits = { nodes: maxNodes, text_node: maxTextNode, text: maxText };
  const rules = walkRules({ kept: kept.split(','), skipped: skipped.split(','), unchecked: unchecked.split(','), prefix, limits });
  const sink = wasmSink();
  const walk = walker(doc, rules, sink, { computedStyle });
  while (!walk.step(Infinity));
  return { live: walk.live, ...sink.result(), styleChecks: walk.styleChecks, truncated: walk.truncated };
}

/** The nodes of `live` whose `keep[j]` is 1, in order. */
export function glose_keep_nodes(live, keep) {
  const out = [];
  for (let j = 0; j < live.length; j += 1) if (keep[j]) out.push(live[j]);
  return out;
}
