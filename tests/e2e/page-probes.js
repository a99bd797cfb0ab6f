// Functions run in the page's own world (not the extension's) by both browser drivers: what a
// page script sees of Glose. Each is self-contained (serialised into the page). Glose's own UI is
// in closed shadow roots: probes that look inside it are in own-probes.js.

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
    elements: document.querySelectorAll('glose-tooltip, glose-summary, glose-note-button, glose-note-form, glose-notice, mark.glose-mark').length,
    markup: document.documentElement.outerHTML,
  };
}

/** The names of Glose's highlights in the page's registry (without its markup: fine on huge pages). */
export function highlightNames() {
  const names = [];
  CSS.highlights.forEach((_, name) => { if (String(name).startsWith('glose')) names.push(name); });
  return names.sort();
}

/**
 * Selects the first occurrence of `exact` in the body's text and releases the mouse there; `exact`
 * may be `[text, block]` to scroll the passage to `block` ('center', 'end') of the view first.
 */
export function selectText(exact) {
  let block = 'center';
  if (Array.isArray(exact)) [exact, block] = exact;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(exact);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + exact.length);
    if (block === 'end') {
      // The passage's last line just above the bottom of the view.
      window.scrollBy(0, range.getBoundingClientRect().bottom - innerHeight + 30);
    } else node.parentElement.scrollIntoView({ block });
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    node.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
    return true;
  }
  return false;
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



/** Replaces every paragraph with a fresh copy (same text, new nodes), as a client-side app might. */
export function replaceArticleParagraphs() {
  for (const p of document.querySelectorAll('p')) p.replaceWith(p.cloneNode(true));
  return document.querySelectorAll('p').length;
}

/** What a page script can reach of Glose's own elements: their count and how many expose a shadow root. */
export function ownUiFromPage() {
  const hosts = [...document.querySelectorAll('glose-tooltip, glose-summary, glose-note-button, glose-note-form, glose-notice')];
  return {
    hosts: hosts.length,
    openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
    text: hosts.map((h) => h.textContent).join(''),
  };
}

/** Navigates the page without waiting for the new page (the side panel test watches the load). */
export function navigate(url) {
  setTimeout(() => { location.href = url; }, 0);
  return true;
}

/** A "load more" button's work: appends a reply-less comment after the last top-level one. */
export function appendComment(text) {
  const list = document.querySelector('.comment-list');
  const model = list.querySelector(':scope > li.comment');
  const comment = model.cloneNode(true);
  comment.id = 'comment-loaded-later';
  comment.querySelector('.children')?.remove();
  comment.querySelector('.comment-content').replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
  list.append(comment);
  return list.querySelectorAll('li.comment').length;
}

/** Every highlight range of these layers: its text, and whether its nodes are still in the page. */
export function highlightRanges(names) {
  return Object.fromEntries(names.map((n) => [n, [...(CSS.highlights.get(n) ?? [])].map((r) => ({
    text: String(r),
    live: r.startContainer.isConnected && r.endContainer.isConnected,
  }))]));
}

/**
 * A client-side navigation to another article (as a single-page app does it): pushState, then the
 * article's paragraphs replaced by the new article's.
 */
export function clientSideNavigation({ path, title, paragraphs }) {
  history.pushState({}, '', path);
  document.title = title;
  const article = document.querySelector('article');
  article.querySelector('h1').textContent = title;
  for (const p of article.querySelectorAll('p')) p.remove();
  for (const text of paragraphs) article.append(Object.assign(document.createElement('p'), { textContent: text }));
  return location.pathname;
}

/**
 * Spoils (`on`) or restores a built-in of the page's own world that the page-world reader uses:
 * typed arrays' `join`, which writes the reading's numbers. A page that replaces built-ins the
 * reader needs gives a reading the core cannot decode. Done by a script element, so that it runs
 * in the page's own world in Firefox too (a WebDriver script runs in a sandbox there). Answers
 * whether `join` is the browser's own.
 */
export function spoilTypedArrayJoin(on) {
  const script = document.createElement('script');
  script.textContent = `(() => {
    const proto = Object.getPrototypeOf(Int8Array.prototype);
    window.__gloseJoin ??= proto.join;
    proto.join = ${on} ? function join() { return 'spoilt'; } : window.__gloseJoin;
    document.documentElement.dataset.gloseJoin = String(proto.join === window.__gloseJoin);
  })();`;
  document.documentElement.append(script);
  script.remove();
  const own = document.documentElement.dataset.gloseJoin === 'true';
  delete document.documentElement.dataset.gloseJoin;
  return own;
}
