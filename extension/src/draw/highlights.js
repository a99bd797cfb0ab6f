/**
 * Draws highlight layers over page ranges with the CSS Custom Highlight API (`CSS.highlights`,
 * styled by `::highlight(name)` in highlights.css), falling back to `<mark>` wrappers where the
 * API is missing, and answers "which highlighted items are under this point?".
 *
 * Plain DOM only (no extension API): the playground uses it on an ordinary page.
 * Firefox content scripts cannot iterate `CSS.highlights` or a `Highlight` (Xray), so the layers
 * are kept in our own map and the registry is only used through has/get/set/delete.
 */

/**
 * The layers, lowest priority first; `kind` is what an item's `info.kind` says. `style` is what the
 * page draws for the layer (highlights.css holds the same declarations, a unit test checks it), so
 * the legend's samples show exactly that; `over` names the layer a sample sits on (a cue is only
 * ever drawn inside an editorial line). A cue is marked lighter than its line (an underline and a
 * light tint), so a sentence that is all cue stays a readable yellow line, not an orange block.
 * `plain`: the look of an underlined layer on very big pages, a tint ({@link PLAIN_ABOVE_ELEMENTS}).
 */
export const LAYERS = Object.freeze([
  { name: 'glose-editorial', kind: 'editorial', legend: 'legendEditorial',
    style: { backgroundColor: 'rgba(255, 200, 40, 0.38)' } },
  { name: 'glose-attributed', kind: 'attributed', legend: 'legendAttributed',
    style: { backgroundColor: 'rgba(90, 160, 255, 0.3)' } },
  { name: 'glose-quoted', kind: 'quoted', legend: 'legendQuoted',
    style: { textDecoration: 'underline 2px dotted rgb(140, 50, 200)' },
    plain: { backgroundColor: 'rgba(140, 50, 200, 0.16)' } },
  { name: 'glose-editorial-cue', kind: 'cue', legend: 'legendCue', over: 'glose-editorial',
    style: { backgroundColor: 'rgba(255, 140, 0, 0.16)', textDecoration: 'underline 2px rgb(200, 70, 0)' },
    plain: { backgroundColor: 'rgba(255, 120, 0, 0.24)' } },
  { name: 'glose-note', kind: 'note', legend: 'legendNote',
    style: { backgroundColor: 'rgba(70, 200, 120, 0.42)' } },
].map((layer) => Object.freeze({ ...layer, style: Object.freeze(layer.style), plain: layer.plain ? Object.freeze(layer.plain) : null })));

/**
 * Pages with more elements than this draw the underlined layers with their `plain` look, a tint
 * (registered as `<name>-plain`). While any highlight with a `text-decoration` is registered,
 * Chromium redoes the compositing inputs of the whole page on every visual change: about 0.45 µs
 * per element, 3–4 ms on a page of 7,000 elements but ~60 ms on one of 130,000, on each hover
 * card, note form or change the page makes (`node scripts/bench/paint-cost.mjs N decorated,tinted`).
 */
export const PLAIN_ABOVE_ELEMENTS = 20000;

/**
 * How `layer` is drawn: `{name, style}`, its name in the highlight registry (and the `<mark>`
 * fallback's `data-glose-layer`) and its declarations; the `plain` look where `plain` is set and
 * the layer has one.
 */
export function layerLook(layer, plain = false) {
  return plain && layer.plain ? { name: `${layer.name}-plain`, style: layer.plain } : { name: layer.name, style: layer.style };
}

/**
 * The passage of the note being written, marked while the note form has the focus (the page's own
 * selection is no longer shown then). Not in the legend: it lasts as long as the form.
 * A tint only: while any highlight with a `text-decoration` is registered, Chromium redoes its
 * compositing inputs for the whole page on every visual change (~50 ms of CPU on a page of 130,000
 * elements, `scripts/bench/paint-cost.mjs`), so an underlined mark made the form's closing, and
 * any change on the page while it was open, that much longer on big pages.
 */
export const PENDING_NOTE = Object.freeze({ name: 'glose-note-pending',
  style: Object.freeze({ backgroundColor: 'rgba(70, 200, 120, 0.3)' }) });

const PRIORITY = new Map(LAYERS.map((layer, i) => [layer.name, i]));

/** Whether the Custom Highlight API is usable in this window. */
export function hasHighlightApi(win) {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights?.set === 'function';
}

/** Whether the point (client coordinates) lies on one of the range's boxes. */
function rangeHasPoint(range, x, y) {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/**
 * Draws `items` (`{layer, range, info}`), layer names from {@link LAYERS}, with the Highlight API
 * backend where the window has it (unless `forceWrappers`), else with `<mark>` wrappers; with each
 * layer's plain look where `plain` ({@link layerLook}). Returns the drawing: `itemsAt(x, y)`
 * (topmost layer first), `itemsAtPoint(node, offset)`, `rangesOf(layer)`, `dispose()` (removes
 * every trace).
 */
export function drawHighlights(doc, items, { forceWrappers = false, plain = false } = {}) {
  const win = doc.defaultView;
  const useApi = !forceWrappers && hasHighlightApi(win);
  const byLayer = new Map();
  for (const item of items) {
    if (!item.range || item.range.collapsed) continue;
    if (!byLayer.has(item.layer)) byLayer.set(item.layer, []);
    byLayer.get(item.layer).push(item);
  }
  const drawnAs = (name) => {
    const layer = LAYERS.find((l) => l.name === name);
    return layer ? layerLook(layer, plain).name : name;
  };
  const backend = useApi ? highlightApiLayers(win, byLayer, drawnAs) : markLayers(doc, byLayer, drawnAs);
  const all = [...byLayer.values()].flat();

  /** Items whose range is under a point (client coordinates), topmost layer first. */
  function itemsAt(x, y) {
    let candidates = backend.itemsFromPoint(x, y);
    if (!candidates) {
      const caret = doc.caretPositionFromPoint?.(x, y) ?? null;
      const range = caret ? null : doc.caretRangeFromPoint?.(x, y);
      const node = caret?.offsetNode ?? range?.startContainer;
      const offset = caret?.offset ?? range?.startOffset;
      candidates = node ? itemsAtPoint(node, offset).concat(itemsAtPoint(node, Math.max(0, offset - 1))) : [];
    }
    const found = [...new Set(candidates)].filter((item) => rangeHasPoint(item.range, x, y));
    return found.sort((a, b) => (PRIORITY.get(b.layer) ?? 0) - (PRIORITY.get(a.layer) ?? 0));
  }

  /** Items whose range contains a DOM point (keyboard focus: the caret). */
  function itemsAtPoint(node, offset) {
    const found = all.filter((item) => {
      try {
        return item.range.isPointInRange(node, offset);
      } catch {
        return false;
      }
    });
    return found.sort((a, b) => (PRIORITY.get(b.layer) ?? 0) - (PRIORITY.get(a.layer) ?? 0));
  }

  return {
    usesHighlightApi: useApi,
    /** Whether drawing changed the DOM (wrappers split text nodes, so old anchors are stale). */
    mutatedDom: backend.mutatedDom,
    itemsAt,
    itemsAtPoint,
    rangesOf: (layer) => (byLayer.get(layer) ?? []).map((i) => i.range),
    dispose: backend.dispose,
  };
}

/**
 * The Highlight API backend: one `Highlight` per layer in `CSS.highlights`, under the name
 * `drawnAs(layer)` gives (priority from {@link LAYERS}); `itemsFromPoint` asks
 * `highlightsFromPoint` where the browser has it.
 */
function highlightApiLayers(win, byLayer, drawnAs) {
  const registered = new Map();
  for (const [name, layerItems] of byLayer) {
    const highlight = new win.Highlight(...layerItems.map((i) => i.range));
    highlight.priority = PRIORITY.get(name) ?? 0;
    win.CSS.highlights.set(drawnAs(name), highlight);
    registered.set(name, highlight);
  }
  const itemByRange = new Map([...byLayer.values()].flat().map((item) => [item.range, item]));

  /**
   * The items under a point per `CSS.highlights.highlightsFromPoint`: exact when the browser
   * names the ranges hit, else every item of the layers hit; null where the API is unusable.
   */
  function itemsFromPoint(x, y) {
    if (typeof win.CSS.highlights.highlightsFromPoint !== 'function') return null;
    try {
      const found = [];
      for (const hit of [...win.CSS.highlights.highlightsFromPoint(x, y)]) {
        const highlight = hit?.highlight ?? hit;
        const name = [...registered].find(([, ours]) => ours === highlight)?.[0];
        if (!name) continue;
        const ranges = hit?.ranges ? [...hit.ranges] : null;
        if (ranges) found.push(...ranges.map((r) => itemByRange.get(r)).filter(Boolean));
        else found.push(...byLayer.get(name));
      }
      return found;
    } catch {
      return null; // Firefox content scripts: the result may not cross the Xray boundary.
    }
  }

  function dispose() {
    for (const [name, highlight] of registered) {
      if (win.CSS.highlights.get(drawnAs(name)) === highlight) win.CSS.highlights.delete(drawnAs(name));
    }
    registered.clear();
  }

  return { mutatedDom: false, itemsFromPoint, dispose };
}

/**
 * The fallback backend: every item's text wrapped in `<mark>` elements, innermost layers last so
 * their marks nest inside the broader ones. No point lookup of its own (null: the caret decides).
 */
function markLayers(doc, byLayer, drawnAs) {
  const wrappers = [];
  const ordered = [...byLayer.entries()].sort((a, b) => (PRIORITY.get(a[0]) ?? 0) - (PRIORITY.get(b[0]) ?? 0));
  for (const [name, layerItems] of ordered) {
    for (const item of layerItems) wrappers.push(...wrapRange(doc, item.range, drawnAs(name)));
  }

  function dispose() {
    for (const mark of wrappers.reverse()) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    wrappers.length = 0;
  }

  return { mutatedDom: wrappers.length > 0, itemsFromPoint: () => null, dispose };
}

/** Wraps each text-node piece of a range in `<mark class="glose-mark">` (fallback only). */
function wrapRange(doc, range, layer) {
  const pieces = [];
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4 /* SHOW_TEXT */);
  let node = walker.currentNode.nodeType === 3 ? walker.currentNode : walker.nextNode();
  while (node) {
    if (range.intersectsNode(node)) pieces.push(node);
    node = walker.nextNode();
  }
  const marks = [];
  for (let text of pieces) {
    const start = text === range.startContainer ? range.startOffset : 0;
    const end = text === range.endContainer ? range.endOffset : text.data.length;
    if (end <= start) continue;
    if (end < text.data.length) text.splitText(end);
    if (start > 0) text = text.splitText(start);
    const mark = doc.createElement('mark');
    mark.className = 'glose-mark';
    mark.dataset.gloseLayer = layer;
    text.parentNode.insertBefore(mark, text);
    mark.appendChild(text);
    marks.push(mark);
  }
  return marks;
}
