/**
 * The content script's side of the page-world reading (`main-world.js`): the walked nodes stay in
 * the page's world and are fetched from there by snapshot id, through DOM events under the
 * reading's random token. {@link mainWorldNodes} looks like the `nodes` array of the other
 * readers (`nodes[id]`, `length`, `at(i)`, `indexOf(node)`), fetching a node the first time it is asked for;
 * `prefetch(ids)` fetches many in slices beforehand, so that drawing never waits on the page.
 */
import { yieldToPage } from './slices.js';

/** Ids fetched per slice by `prefetch`: one event each, a few µs. */
const PREFETCH_BATCH = 1000;

/** A random token for one reading's events (not guessable by the page). */
export function readingToken() {
  return `glose-${[...crypto.getRandomValues(new Uint32Array(4))].map((x) => x.toString(36)).join('')}`;
}

/**
 * The nodes of a page-world reading of `count` nodes under `token`, as an array-like view:
 * `nodes[id]` is the live node (undefined when gone from the page), `indexOf(node)` its id, plus
 * `prefetch(ids)` and `release()`.
 */
export function mainWorldNodes(doc, token, count) {
  const win = doc.defaultView;
  const known = new Map();
  let released = false;
  const ask = (ids) => {
    const asked = ids.filter((id) => Number.isInteger(id) && id >= 0 && id < count && !known.has(id));
    if (asked.length === 0 || released) return;
    for (const id of asked) known.set(id, undefined);
    const take = (event) => {
      event.stopImmediatePropagation();
      const node = event.composedPath()[0];
      if (typeof event.detail === 'number' && known.has(event.detail) && node instanceof win.Node) known.set(event.detail, node);
    };
    win.addEventListener(`${token}-node`, take, true);
    try {
      doc.dispatchEvent(new CustomEvent(token, { detail: asked.join(',') }));
    } finally {
      win.removeEventListener(`${token}-node`, take, true);
    }
  };
  const at = (id) => {
    if (!known.has(id)) ask([id]);
    return known.get(id);
  };
  const extra = {
    length: count,
    at: (i) => at(i < 0 ? count + i : i),
    /** Fetches these ids' nodes, `PREFETCH_BATCH` per slice, with the page's tasks in between. */
    async prefetch(ids) {
      const wanted = [...new Set(ids)].filter((id) => !known.has(id));
      for (let k = 0; k < wanted.length; k += PREFETCH_BATCH) {
        if (k > 0) await yieldToPage();
        ask(wanted.slice(k, k + PREFETCH_BATCH));
      }
    },
    /**
     * The snapshot id of `node` (-1 when the reading has not got it), asked of the page's world:
     * one event, where a search of this view would fetch every node.
     */
    indexOf(node) {
      for (const [id, seen] of known) if (seen === node) return id;
      if (released || !(node instanceof win.Node)) return -1;
      let id = -1;
      const take = (event) => {
        event.stopImmediatePropagation();
        if (Number.isInteger(event.detail) && event.detail >= 0 && event.detail < count) id = event.detail;
      };
      win.addEventListener(`${token}-id`, take, true);
      try {
        node.dispatchEvent(new CustomEvent(token, { bubbles: true, composed: true, detail: 'id' }));
      } finally {
        win.removeEventListener(`${token}-id`, take, true);
      }
      if (id >= 0) known.set(id, node);
      return id;
    },
    /** Lets the page's world drop the reading's nodes. */
    release() {
      if (released) return;
      released = true;
      known.clear();
      doc.dispatchEvent(new CustomEvent(token, { detail: 'release' }));
    },
  };
  return new Proxy([], {
    get(target, key) {
      if (typeof key === 'string' && key !== '' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) return at(Number(key));
      if (Object.hasOwn(extra, key)) return extra[key];
      return Reflect.get(target, key);
    },
  });
}

/**
 * The snapshot ids a report refers to (its `node` and `section` fields, at any depth): what
 * drawing asks for.
 */
export function nodeIdsOf(report) {
  const ids = [];
  const visit = (value) => {
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') visit(item);
      return;
    }
    for (const key in value) {
      const v = value[key];
      if ((key === 'node' || key === 'section') && Number.isInteger(v)) ids.push(v);
      else if (v !== null && typeof v === 'object') visit(v);
    }
  };
  if (report !== null && typeof report === 'object') visit(report);
  return ids;
}
