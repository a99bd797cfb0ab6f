// The DOM walk of src/read_dom.rs, in JavaScript: one call reads the whole rendered tree, so the
// wasm side pays a handful of crossings instead of several per node. Filtering that needs no
// computed style stays in Rust (the shared rules of src/snapshot); here only subtrees that those
// rules certainly drop are left out (a skipped element other than a script, Glose's own
// elements, the `hidden` attribute), plus elements hidden by computed style.
const XHTML = 'http://www.w3.org/1999/xhtml';
const SKIP = 1;
const UNCHECKED = 2;
const BODY = 4;
const SCRIPT = 8;
const SLOT = 16;
const UNUSUAL_NAME = /[:A-Z]/;
let rules = null;

function asciiLower(s) {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

function rulesFor(kept, skipped, unchecked, prefix) {
  const key = `${kept}|${skipped}|${unchecked}|${prefix}`;
  if (rules === null || rules.key !== key) {
    rules = {
      key,
      kept: new Set(kept.split(',')),
      skipped: new Set(skipped.split(',')),
      unchecked: new Set(unchecked.split(',')),
      prefix,
    };
  }
  return rules;
}

/**
 * Walks `doc` in the reader's order. Returns `{live, ops, text, lens, styleChecks}`:
 * `live[j]` the node of walk index j (0 = the document); `ops` per node: text `[parent, -1]`,
 * element `[parent, tag, n, name_1 … name_n]` (tag and names are wire ids: a new id's string
 * comes next in the string stream); `text` every string (new tag names, new attribute names,
 * attribute values, text data) joined by U+0000, `lens[k]` the UTF-16 length of string k.
 */
export function glose_walk_dom(doc, kept, skipped, unchecked, prefix, computedStyle) {
  const r = rulesFor(kept, skipped, unchecked, prefix);
  const view = computedStyle ? doc.defaultView : null;
  const checkOptions = { visibilityProperty: true };
  const live = [doc];
  const ops = [];
  const strings = [];
  const lens = [];
  const tags = new Map();
  const names = new Map();
  let tagWires = 0;
  let nameWires = 0;
  let styleChecks = 0;
  const attrNames = [];
  const attrValues = [];
  const put = (s) => {
    strings.push(s);
    lens.push(s.length);
  };
  const stack = [{ next: doc.firstChild, list: null, i: 0, parent: 0, inBody: false }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    let node;
    if (f.list !== null) {
      if (f.i >= f.list.length) {
        stack.pop();
        continue;
      }
      node = f.list[f.i];
      f.i += 1;
      if (node == null) continue;
    } else {
      node = f.next;
      if (node === null) {
        stack.pop();
        continue;
      }
      f.next = node.nextSibling;
    }
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      ops.push(f.parent, -1);
      put(node.data);
      live.push(node);
      continue;
    }
    if (type !== 1) continue;
    const local = node.localName;
    let tag = tags.get(local);
    if (tag === undefined) {
      const lower = asciiLower(local);
      let flags = 0;
      if (lower.startsWith(r.prefix) || (lower !== 'script' && r.skipped.has(lower))) flags |= SKIP;
      if (r.unchecked.has(lower)) flags |= UNCHECKED;
      if (lower === 'body') flags |= BODY;
      if (lower === 'script') flags |= SCRIPT;
      if (lower === 'slot') flags |= SLOT;
      tag = { flags, wire: -1 };
      tags.set(local, tag);
    }
    const flags = tag.flags;
    if (flags & SKIP) continue;
    attrNames.length = 0;
    attrValues.length = 0;
    let hidden = false;
    let jsonLd = false;
    if (node.hasAttributes()) {
      // Names as strings, values by name: no Attr object per attribute. `getAttribute` finds an
      // attribute by qualified name, lower-cased on HTML elements: a prefixed (`xml:lang`) or
      // upper-case name, or the same name twice (namespaced attributes set by script), takes
      // the slow path through the Attr objects.
      const list = node.getAttributeNames();
      let prefixed = list.length > 16;
      for (let k = 0; k < list.length && !prefixed; k += 1) {
        const name = list[k];
        if (UNUSUAL_NAME.test(name)) prefixed = true;
        for (let j = 0; j < k; j += 1) if (list[j] === name) prefixed = true;
      }
      const attrs = prefixed ? node.attributes : null;
      for (let k = 0, n = list.length; k < n; k += 1) {
        const name = prefixed ? attrs[k].localName : list[k];
        let info = names.get(name);
        if (info === undefined) {
          info = name.startsWith('aria-') || name === 'style' || r.kept.has(name) ? { wire: -1, name } : null;
          names.set(name, info);
        }
        if (info === null) continue;
        const value = prefixed ? attrs[k].value : node.getAttribute(name);
        if (name === 'hidden') hidden = true;
        else if (name === 'type' && value.toLowerCase().includes('ld+json')) jsonLd = true;
        attrNames.push(info);
        attrValues.push(value);
      }
    }
    if (hidden || ((flags & SCRIPT) && !jsonLd)) continue;
    if (f.inBody && view !== null && !(flags & UNCHECKED)) {
      styleChecks += 1;
      if (!(typeof node.checkVisibility === 'function' && node.checkVisibility(checkOptions))) {
        const style = view.getComputedStyle(node);
        if (style && (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse')) continue;
      }
    }
    if (tag.wire < 0) {
      tag.wire = tagWires;
      tagWires += 1;
      put(local);
    }
    ops.push(f.parent, tag.wire, attrNames.length);
    for (let k = 0; k < attrNames.length; k += 1) {
      const info = attrNames[k];
      if (info.wire < 0) {
        info.wire = nameWires;
        nameWires += 1;
        put(info.name);
      }
      ops.push(info.wire);
      put(attrValues[k]);
    }
    const id = live.length;
    live.push(node);
    const inBody = f.inBody || (flags & BODY) !== 0;
    if ((flags & SLOT) && node.namespaceURI === XHTML && typeof node.assignedNodes === 'function') {
      const assigned = node.assignedNodes();
      if (assigned.length > 0) {
        stack.push({ next: null, list: assigned, i: 0, parent: id, inBody });
        continue;
      }
    }
    const root = node.shadowRoot ?? null;
    stack.push({ next: (root ?? node).firstChild, list: null, i: 0, parent: id, inBody });
  }
  return { live, ops: Int32Array.from(ops), text: strings.join('\0'), lens: Uint32Array.from(lens), styleChecks };
}

/** The nodes of `live` whose `keep[j]` is 1, in order. */
export function glose_keep_nodes(live, keep) {
  const out = [];
  for (let j = 0; j < live.length; j += 1) if (keep[j]) out.push(live[j]);
  return out;
}
