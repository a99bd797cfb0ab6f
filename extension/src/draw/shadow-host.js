/**
 * An element of our own that holds its UI in a shadow root, so page styles do not leak in and
 * ours do not leak out. Plain DOM only (shared with the playground).
 */

/** Small DOM builder: `el(doc, 'div', {class: 'x'}, 'text', child)`. Text is always a text node. */
export function el(doc, tag, attrs = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? doc.createTextNode(String(child)) : child);
  }
  return node;
}

/** The shadow root of each host made here (closed roots: `host.shadowRoot` is null). */
const roots = new WeakMap();

/**
 * Creates `<tag>` with a closed shadow root holding `css`; returns `{host, root}` (not inserted).
 * Closed, so page scripts cannot read what is inside (the reader's notes as they type them);
 * only this module's references reach it ({@link shadowRootOf}).
 */
export function createShadowHost(doc, tag, css) {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/** The shadow root of a host made by {@link createShadowHost} (in this realm), else null. */
export function shadowRootOf(host) {
  return roots.get(host) ?? null;
}

/**
 * Shows `host` (already in the document) in the browser's top layer as a manual popover: drawn
 * above the page, and shown or hidden without the rendering update of the whole page that a fixed
 * element costs (~55 ms of CPU on a page of 130,000 elements, ~20 ms in the top layer). Returns
 * false where popovers are missing or refused; the host then stays an ordinary fixed element.
 * Its CSS must hide it while closed: `:host([popover]:not(:popover-open)) { display: none; }`.
 */
export function showInTopLayer(host) {
  if (typeof host.showPopover !== 'function') return false;
  if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
  try {
    if (!host.matches(':popover-open')) host.showPopover();
    return true;
  } catch {
    host.removeAttribute('popover');
    return false;
  }
}

/** Takes `host` out of the top layer if {@link showInTopLayer} put it there. */
export function hideFromTopLayer(host) {
  try {
    if (host.hasAttribute('popover') && host.matches(':popover-open')) host.hidePopover();
  } catch {
    // Not a popover any more (removed from the document, or the attribute changed).
  }
}
