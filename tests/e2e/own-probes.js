// Functions run in the extension's content-script world (`driver.own`, through
// scripting.executeScript), the only place that reaches into Glose's closed shadow roots: there
// the browser hands an extension any root (`chrome.dom.openOrClosedShadowRoot` in Chromium,
// `element.openOrClosedShadowRoot` in Firefox); page scripts get null (page-probes.js checks it).
// Each is self-contained (serialised into the page), so each finds the root itself.

/** The summary panel's comment count, text and summary sentence. */
export function summaryPanel() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const root = rootOf(document.querySelector('glose-summary'));
  if (!root) return null;
  return {
    count: root.querySelector('[data-glose="comment-count"]')?.textContent ?? null,
    text: root.querySelector('section')?.textContent ?? '',
    summary: root.querySelector('[data-glose="summary-text"]')?.textContent ?? '',
    themes: [...root.querySelectorAll('[data-glose="theme"]')].map((b) => b.textContent),
    passages: [...root.querySelectorAll('[data-glose="passage"]')].map((b) => b.parentElement.textContent),
  };
}

/**
 * Each legend sample of the summary panel against what the page draws for its layer: the
 * sample's computed colours and decoration, and the page's `::highlight(layer)` ones.
 */
export function legendAgainstPage() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const root = rootOf(document.querySelector('glose-summary'));
  if (!root) return null;
  const paragraph = document.querySelector('article p, p');
  const look = (style) => ({
    background: style.backgroundColor,
    line: style.textDecorationLine,
    decoration: style.textDecorationStyle,
    colour: style.textDecorationLine === 'none' ? null : style.textDecorationColor,
  });
  return [...root.querySelectorAll('[data-layer]')].map((sample) => ({
    layer: sample.dataset.layer,
    sample: look(getComputedStyle(sample)),
    page: look(getComputedStyle(paragraph, `::highlight(${sample.dataset.layer})`)),
  }));
}

/** Presses the "Note" button if it is shown. */
export function pressNoteButton() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const button = rootOf(document.querySelector('glose-note-button'))?.querySelector('button');
  if (!button) return false;
  button.click();
  return true;
}

/**
 * The open note form against the passage `exact` it annotates: their boxes (client coordinates),
 * whether they overlap, and which side of the passage the form is on. Null while no form is shown.
 */
export function noteFormBeside(exact) {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const form = rootOf(document.querySelector('glose-note-form'))?.querySelector('form');
  if (!form) return null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let passage = null;
  for (let node = walker.nextNode(); node && !passage; node = walker.nextNode()) {
    const at = node.data.indexOf(exact);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + exact.length);
    passage = range.getBoundingClientRect();
  }
  const box = form.getBoundingClientRect();
  const plain = (r) => ({ top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) });
  const overlaps = passage && box.left < passage.right && passage.left < box.right && box.top < passage.bottom && passage.top < box.bottom;
  return {
    form: plain(box),
    passage: passage && plain(passage),
    overlaps: Boolean(overlaps),
    side: passage ? (box.top >= passage.bottom ? 'below' : box.bottom <= passage.top ? 'above' : 'over') : null,
    inView: box.top >= 0 && box.bottom <= innerHeight,
    focused: document.activeElement?.localName === 'glose-note-form',
  };
}

/** Fills and submits the note form if it is shown. */
export function submitNoteForm({ body, tags }) {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const root = rootOf(document.querySelector('glose-note-form'));
  if (!root) return false;
  root.querySelector('textarea').value = body;
  root.querySelector('input').value = tags;
  root.querySelector('button[type="submit"]').click();
  return true;
}

/** Types `text` into the open note form's body (without submitting). */
export function typeInNoteForm(text) {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const area = rootOf(document.querySelector('glose-note-form'))?.querySelector('textarea');
  if (!area) return false;
  area.value = text;
  return true;
}

/** The tooltip's text when shown. */
export function tooltipText() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const host = document.querySelector('glose-tooltip');
  return host && !host.hidden ? rootOf(host)?.textContent ?? null : null;
}

/** Clicks the docked summary panel's collapse button; returns its state and the panel's height after. */
export function toggleSummaryCollapsed() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const host = document.querySelector('glose-summary');
  const root = rootOf(host);
  const button = root?.querySelector('[data-glose="collapse"]');
  if (!button) return null;
  button.click();
  return {
    expanded: button.getAttribute('aria-expanded'),
    height: Math.round(host.getBoundingClientRect().height),
    summaryShown: (root.querySelector('[data-glose="summary-text"]')?.getClientRects().length ?? 0) > 0,
  };
}

/** Clicks the summary panel's "go to the comments"; returns whether it was there. */
export function clickGoToComments() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const button = rootOf(document.querySelector('glose-summary'))?.querySelector('[data-glose="go-to-comments"]');
  if (!button) return false;
  button.click();
  return true;
}

/** Clicks the summary panel's first theme; returns how many page elements are outlined then. */
export function clickFirstTheme() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const button = rootOf(document.querySelector('glose-summary'))?.querySelector('[data-glose="theme"]');
  if (!button) return -1;
  button.click();
  return [...document.querySelectorAll('[style]')].filter((e) => e.style.outlineStyle === 'solid').length;
}

/** Computed styles of Glose's own UI: the summary panel box and the tooltip card. */
export function ownStyles() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const section = rootOf(document.querySelector('glose-summary'))?.querySelector('section');
  const card = rootOf(document.querySelector('glose-tooltip'))?.querySelector('.card');
  return {
    panelBackground: section ? getComputedStyle(section).backgroundColor : null,
    tooltipBorderRadius: card ? getComputedStyle(card).borderTopLeftRadius : null,
  };
}

/** Clicks the summary panel's first most-quoted passage. */
export function clickFirstPassage() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const passage = rootOf(document.querySelector('glose-summary'))?.querySelector('[data-glose="passage"]');
  if (!passage) return false;
  passage.click();
  return true;
}

/** Scrolls the summary panel's `[data-glose=name]` button into view; its centre (client coordinates). */
export function ownButtonCentre(name) {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const button = rootOf(document.querySelector('glose-summary'))?.querySelector(`[data-glose="${name}"]`);
  if (!button) return null;
  button.scrollIntoView({ block: 'center' });
  const rect = button.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** The on-page notice's text (a page too large to read whole), or null when there is none. */
export function noticeText() {
  const host = document.querySelector('glose-notice');
  const root = host ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? host.openOrClosedShadowRoot ?? null : null;
  return root?.querySelector('[data-glose="notice"]')?.textContent ?? null;
}

/** How each big-page reading for the notes was made: `'page'` (the page's own world) or `'content'`. */
export function bigReadings() {
  return globalThis.gloseBigReadings?.() ?? null;
}

/**
 * Sets the element count above which Glose draws its underlined layers plain (`null`: the
 * default, highlights.js `PLAIN_ABOVE_ELEMENTS`); takes effect on the next toggle.
 */
export function drawPlainAbove(elements) {
  globalThis.glosePlainAboveElements = elements ?? undefined;
  return true;
}

/** Makes Glose read big pages from the content script, as where the page-world injection fails. */
export function readBigPagesHere() {
  globalThis.gloseReadBigPagesHere = true;
  return true;
}
