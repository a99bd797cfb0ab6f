// Page-world probes (self-contained, serialised into the page) that judge Glose's effect on a page's
// layout and what it leaves behind: the soak run (scripts/soak.mjs) and the e2e cases of
// tests/e2e/page-cases/ (page-cases.js) use them in both browsers.
//   recordLayout()  — before Glose: the markup, the document height and every element's box, kept
//                     in the page's `window.__gloseSoak`; a second call says whether the page moved
//                     by itself meanwhile (`unstable`).
//   layoutWhileOn() — Glose on, against the record: what moved beyond the summary panel's push.
//   leftovers()     — after toggling off, what differs from the record ('' = nothing).
/** Records the page as it is before Glose: its markup, height and every element's box. */
export function recordLayout() {
  const els = [...document.querySelectorAll('body *')];
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return [r.left + scrollX, r.top + scrollY, r.width, r.height];
  };
  const state = {
    els,
    boxes: els.map(box),
    height: document.documentElement.scrollHeight,
    markup: document.documentElement.outerHTML,
    sheets: document.adoptedStyleSheets?.length ?? 0,
  };
  const previous = window.__gloseSoak;
  window.__gloseSoak = state;
  // Compared with the previous record: did the page move by itself?
  let moved = 0;
  if (previous && previous.els.length === els.length) {
    for (let i = 0; i < els.length; i += 1) {
      if (previous.els[i] !== els[i] || previous.boxes[i].some((v, k) => Math.abs(v - state.boxes[i][k]) > 1)) moved += 1;
    }
  }
  return {
    elements: els.length,
    height: state.height,
    unstable: Boolean(previous) && (previous.els.length !== els.length || moved > 0 || previous.height !== state.height || previous.markup !== state.markup),
    visible: document.visibilityState,
  };
}

/**
 * The layout while Glose is on, against the record: `{heightDelta, panelShift, block, blockChange,
 * moved, movedSample, highlights}`. `panelShift` is how far Glose's in-flow elements (the summary
 * panel) push what follows them; the article block is the common ancestor of the highlight ranges.
 */
export function layoutWhileOn() {
  const rec = window.__gloseSoak;
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return [r.left + scrollX, r.top + scrollY, r.width, r.height];
  };
  const index = new Map(rec.els.map((e, i) => [e, i]));
  const hosts = [...document.querySelectorAll('glose-summary, glose-notice, glose-tooltip, glose-note-button, glose-note-form')]
    .filter((h) => {
      const s = getComputedStyle(h);
      let top = false;
      try { top = h.matches(':popover-open'); } catch { top = false; }
      return !top && s.display !== 'none' && s.position !== 'fixed' && s.position !== 'absolute';
    });
  // How far each in-flow host pushes what follows it: its next element's move (or its own margin box).
  let panelShift = 0;
  for (const host of hosts) {
    const next = host.nextElementSibling;
    if (next && index.has(next)) panelShift += box(next)[1] - rec.boxes[index.get(next)][1];
    else {
      const s = getComputedStyle(host);
      panelShift += host.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom);
    }
  }
  // The article block: the common ancestor element of every Glose highlight range.
  const ranges = [];
  let highlights = 0;
  CSS.highlights.forEach((h, name) => {
    if (!String(name).startsWith('glose')) return;
    for (const r of h) {
      highlights += 1;
      if (name !== 'glose-note') ranges.push(r);
    }
  });
  let block = null;
  for (const r of ranges) {
    let n = r.commonAncestorContainer;
    if (n.nodeType !== 1) n = n.parentElement;
    if (!block) block = n;
    else while (block && !block.contains(n)) block = block.parentElement;
  }
  while (block && !index.has(block)) block = block.parentElement; // body/html: not in the record
  const near = (a, b) => Math.abs(a - b) <= 1;
  const within = (d, max) => d >= -1 && d <= Math.max(0, max) + 1;
  let blockChange = null;
  if (block) {
    const [x0, y0, w0, h0] = rec.boxes[index.get(block)];
    const [x1, y1, w1, h1] = box(block);
    const holdsPanel = hosts.some((h) => block.contains(h));
    // A block after the panel (Glose took the page's article to be below its comments) is pushed down with the rest.
    const pushed = !holdsPanel && hosts.some((h) => h.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING) && within(y1 - y0, panelShift);
    if (!near(x0, x1) || !(near(y0, y1) || pushed) || !near(w0, w1) || !(holdsPanel ? within(h1 - h0, panelShift) : near(h0, h1))) {
      blockChange = [x1 - x0, y1 - y0, w1 - w0, h1 - h0].map((v) => Math.round(v)).join('/');
    }
  }
  // Whether `e` sits in a column beside an in-flow host: below their nearest common ancestor, the
  // child holding `e` and the child holding the host were side by side before Glose (their
  // recorded boxes overlap vertically and not horizontally).
  const besideHost = (e) => hosts.some((host) => {
    let common = host.parentElement;
    while (common && !common.contains(e)) common = common.parentElement;
    if (!common) return false;
    const childHolding = (n) => { while (n && n.parentElement !== common) n = n.parentElement; return n; };
    const a = childHolding(e);
    const b = childHolding(host);
    if (!a || !b || a === b || !index.has(a)) return false;
    const [ax, ay, aw, ah] = rec.boxes[index.get(a)];
    // The host's own child is not in the record: use the page element the panel went before, or the host.
    const bRec = index.has(b) ? rec.boxes[index.get(b)] : (b === host && host.nextElementSibling && index.has(host.nextElementSibling)
      ? rec.boxes[index.get(host.nextElementSibling)] : box(b));
    const [bx, by, bw, bh] = bRec;
    const sideBySide = ax + aw <= bx + 1 || bx + bw <= ax + 1;
    const overlapY = ay < by + bh && by < ay + ah;
    return sideBySide && overlapY;
  });
  // Every recorded element: unchanged, or pushed down by the panel (following it), or an
  // ancestor of the panel grown by it, or a column beside the panel's stretched by it.
  let moved = 0;
  const movedSample = [];
  for (let i = 0; i < rec.els.length; i += 1) {
    const e = rec.els[i];
    if (!e.isConnected) continue;
    const [x0, y0, w0, h0] = rec.boxes[i];
    const [x1, y1, w1, h1] = box(e);
    if (near(x0, x1) && near(y0, y1) && near(w0, w1) && near(h0, h1)) continue;
    // Boxes past the browser's layout range (Chromium saturates near 2^25 px: icon fonts pushed off
    // by text-indent) are not positions.
    if ([x0, y0, x1, y1].some((v) => Math.abs(v) > 1e7)) continue;
    const follows = hosts.some((h) => h.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
    const contains = hosts.some((h) => e.contains(h));
    // Grown in place by the panel's push: an ancestor of the panel, or a box whose height follows
    // its container's (stretched in a flex or grid row, absolutely placed top to bottom); what it
    // draws does not move (its descendants are judged one by one).
    if (near(x0, x1) && near(y0, y1) && near(w0, w1) && within(h1 - h0, panelShift)) continue;
    if (follows && !contains && near(x0, x1) && near(w0, w1) && near(h0, h1) && (near(y0, y1) || within(y1 - y0, panelShift))) continue;
    // A column beside the panel's (a flex or grid row stretches its items to the tallest, and what
    // stacks in a stretched column may follow its growth): same left and width, moved down or
    // grown by no more than the panel's push.
    if (!contains && near(x0, x1) && near(w0, w1) && y1 - y0 >= -1 && within(y1 + h1 - (y0 + h0), panelShift) && besideHost(e)) continue;
    moved += 1;
    if (movedSample.length < 3) {
      movedSample.push(`${e.localName}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/)[0]}` : ''}:${[x1 - x0, y1 - y0, w1 - w0, h1 - h0].map(Math.round).join('/')}`);
    }
  }
  const heightDelta = document.documentElement.scrollHeight - rec.height;
  // In-flow panels squeezed narrower than a readable card (the page gave it a shrink-to-fit box).
  const narrowPanels = hosts.filter((h) => h.localName === 'glose-summary'
    && h.getBoundingClientRect().width < Math.min(300, innerWidth * 0.75)).length;
  return {
    heightDelta,
    heightOk: within(heightDelta, panelShift),
    panelShift: Math.round(panelShift),
    panels: hosts.length,
    block: block ? `${block.localName}${block.id ? `#${block.id}` : ''}` : '',
    blockChange,
    moved,
    movedSample: movedSample.join(' '),
    highlights,
    narrowPanels,
  };
}

/**
 * After toggling off, against the record: what Glose left, as text ('' when nothing): a `glose*`
 * highlight, one of its elements, an adopted style sheet, or any change of the markup (elements,
 * attributes, styles) — the checks of page-probes.js `traces()`, inline (a probe is self-contained).
 */
export function leftovers() {
  const rec = window.__gloseSoak;
  const out = [];
  const names = [];
  CSS.highlights.forEach((_, name) => { if (String(name).startsWith('glose')) names.push(name); });
  if (names.length) out.push(`highlights ${names.join(' ')}`);
  const elements = document.querySelectorAll('glose-tooltip, glose-summary, glose-note-button, glose-note-form, glose-notice, mark.glose-mark').length;
  if (elements) out.push(`${elements} Glose elements`);
  if ((document.adoptedStyleSheets?.length ?? 0) !== rec.sheets) out.push(`adopted style sheets ${rec.sheets} -> ${document.adoptedStyleSheets.length}`);
  const markup = document.documentElement.outerHTML;
  if (markup !== rec.markup) {
    let i = 0;
    while (i < markup.length && markup[i] === rec.markup[i]) i += 1;
    out.push(`markup differs at ${i}: ${JSON.stringify(rec.markup.slice(Math.max(0, i - 60), i + 60))} -> ${JSON.stringify(markup.slice(Math.max(0, i - 60), i + 60))}`);
  }
  return out.join('; ');
}
