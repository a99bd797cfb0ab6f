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

/** Creates `<tag>` with an open shadow root holding `css`; returns `{host, root}` (not inserted). */
export function createShadowHost(doc, tag, css) {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
