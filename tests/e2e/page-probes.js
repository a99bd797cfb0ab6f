// Functions run in the page's own world (not the extension's) by both browser drivers: what a
// page script sees of Glose. Each is self-contained (serialised into the page).

/** The text of every range of the named highlight layers. */
export function highlightTexts(names) {
  const out = {};
  for (const name of names) out[name] = CSS.highlights.has(name) ? [...CSS.highlights.get(name)].map(String) : [];
  return out;
}

/** Every trace Glose can leave: highlight names, its elements, and the whole markup. */
export function traces() {
  const names = [];
  CSS.highlights.forEach((_, name) => { if (String(name).startsWith('glose')) names.push(name); });
  return {
    highlights: names,
    elements: document.querySelectorAll('glose-tooltip, glose-summary, glose-note-button, glose-note-form, mark.glose-mark').length,
    markup: document.documentElement.outerHTML,
  };
}

/** The summary panel's comment count text and its position relative to the comment section. */
export function summaryPanel() {
  const host = document.querySelector('glose-summary');
  if (!host) return null;
  const root = host.shadowRoot;
  return {
    count: root.querySelector('[data-glose="comment-count"]')?.textContent ?? null,
    text: root.querySelector('section')?.textContent ?? '',
  };
}

/** Selects the first occurrence of `exact` in the body's text and releases the mouse there. */
export function selectText(exact) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(exact);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + exact.length);
    node.parentElement.scrollIntoView({ block: 'center' });
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    node.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
    return true;
  }
  return false;
}

/** Presses the "Note" button if it is shown. */
export function pressNoteButton() {
  const button = document.querySelector('glose-note-button')?.shadowRoot?.querySelector('button');
  if (!button) return false;
  button.click();
  return true;
}

/** Fills and submits the note form if it is shown. */
export function submitNoteForm({ body, tags }) {
  const root = document.querySelector('glose-note-form')?.shadowRoot;
  if (!root) return false;
  root.querySelector('textarea').value = body;
  root.querySelector('input').value = tags;
  root.querySelector('button[type="submit"]').click();
  return true;
}

/** The "why" tooltip's text after hovering the middle of the first range of a layer. */
export function hoverFirst(name) {
  if (!CSS.highlights.has(name)) return null;
  const [range] = [...CSS.highlights.get(name)];
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0];
  const x = rect.left + Math.min(rect.width / 2, 20);
  const y = rect.top + rect.height / 2;
  document.elementFromPoint(x, y)?.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
  return { x, y };
}

/** The tooltip's text when shown. */
export function tooltipText() {
  const host = document.querySelector('glose-tooltip');
  return host && !host.hidden ? host.shadowRoot.textContent : null;
}

/** Whether the summary panel sits right before the element holding the first comment. */
export function panelIsBeforeComments(firstComment) {
  const next = document.querySelector('glose-summary')?.nextElementSibling;
  return Boolean(next?.textContent.includes(firstComment));
}

/**
 * Where the summary panel is drawn: its `position`, whether it is in the browser's top layer (an
 * open popover), whether it sits in the page's flow (a sibling of page content rather than a child
 * of the root element), and whether its whole box is inside the view.
 */
export function summaryPanelPlacement() {
  const host = document.querySelector('glose-summary');
  if (!host) return null;
  let topLayer = false;
  try {
    topLayer = host.matches(':popover-open');
  } catch {
    topLayer = false;
  }
  const rect = host.getBoundingClientRect();
  return {
    position: getComputedStyle(host).position,
    topLayer,
    inFlow: host.parentElement !== document.documentElement,
    inView: rect.height > 0 && rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth,
    height: Math.round(rect.height),
  };
}

/** Clicks the docked summary panel's collapse button; returns its state and the panel's height after. */
export function toggleSummaryCollapsed() {
  const host = document.querySelector('glose-summary');
  const button = host?.shadowRoot?.querySelector('[data-glose="collapse"]');
  if (!button) return null;
  button.click();
  return {
    expanded: button.getAttribute('aria-expanded'),
    height: Math.round(host.getBoundingClientRect().height),
    summaryShown: (host.shadowRoot.querySelector('[data-glose="summary-text"]')?.getClientRects().length ?? 0) > 0,
  };
}

/** Clicks the summary panel's "go to the comments"; returns whether it was there. */
export function clickGoToComments() {
  const button = document.querySelector('glose-summary')?.shadowRoot?.querySelector('[data-glose="go-to-comments"]');
  if (!button) return false;
  button.click();
  return true;
}

/** Scrolls to the end of the page; returns the scroll offset. */
export function scrollToBottom() {
  window.scrollTo(0, document.documentElement.scrollHeight);
  return window.scrollY;
}

/** Whether the top of the element matching `selector` is inside the view. */
export function elementTopInView(selector) {
  const rect = document.querySelector(selector)?.getBoundingClientRect();
  return Boolean(rect) && rect.top >= 0 && rect.top < innerHeight;
}

/** Clicks the summary panel's first theme; returns how many page elements are outlined then. */
export function clickFirstTheme() {
  const button = document.querySelector('glose-summary')?.shadowRoot?.querySelector('[data-glose="theme"]');
  if (!button) return -1;
  button.click();
  return [...document.querySelectorAll('[style]')].filter((e) => e.style.outlineStyle === 'solid').length;
}

/** Scrolls the summary panel to the top of the view. */
export function scrollToPanel() {
  document.querySelector('glose-summary')?.scrollIntoView({ block: 'start' });
}

/** Scrolls to the top of the page. */
export function scrollToTop() {
  window.scrollTo(0, 0);
  return window.scrollY;
}

/** Whether the first occurrence of `exact` in the body is inside the viewport. */
export function textInView(exact) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(exact);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + exact.length);
    const rect = range.getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= window.innerHeight;
  }
  return false;
}

/** Computed styles of Glose's own UI: the summary panel box and the tooltip card. */
export function ownStyles() {
  const section = document.querySelector('glose-summary')?.shadowRoot?.querySelector('section');
  const card = document.querySelector('glose-tooltip')?.shadowRoot?.querySelector('.card');
  return {
    panelBackground: section ? getComputedStyle(section).backgroundColor : null,
    tooltipBorderRadius: card ? getComputedStyle(card).borderTopLeftRadius : null,
  };
}

/** Clicks the summary panel's first most-quoted passage. */
export function clickFirstPassage() {
  const passage = document.querySelector('glose-summary')?.shadowRoot?.querySelector('[data-glose="passage"]');
  if (!passage) return false;
  passage.click();
  return true;
}

/** Replaces every paragraph with a fresh copy (same text, new nodes), as a client-side app might. */
export function replaceArticleParagraphs() {
  for (const p of document.querySelectorAll('p')) p.replaceWith(p.cloneNode(true));
  return document.querySelectorAll('p').length;
}
