/**
 * A short notice Glose shows on the page itself, docked at the top right in the browser's top
 * layer: that the page was too large to read whole and how much of it the findings cover (the
 * report's `truncated`), so the reader learns it without opening the side panel. Page text never
 * goes in here; the words are the UI's. Plain DOM in a closed shadow root (shared with the
 * playground's drawing modules).
 */
import { createShadowHost, el, showInTopLayer } from './shadow-host.js';

const CSS = `
:host { all: initial; display: block; position: fixed; inset: 16px 16px auto auto; margin: 0; padding: 0; border: 0;
  background: transparent; overflow: visible; width: min(360px, calc(100vw - 32px)); height: auto; z-index: 2147483647; }
:host([popover]:not(:popover-open)) { display: none; }
p { display: flex; gap: 8px; align-items: flex-start; margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #4a2600;
  background: #fff4e5; border: 1px solid #e0a95c; border-radius: 8px; padding: 10px 12px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
span { flex: 1; }
button { all: unset; cursor: pointer; font: 700 15px/1 system-ui, sans-serif; padding: 0 4px; color: #4a2600; }
button:focus-visible { outline: 2px solid #1d4ed8; }
`;

/**
 * Draws the notice saying `text` (UI words, set as text); `t(key)` gives the close button's label.
 * Returns `{host, dispose()}`; the close button removes it too.
 */
export function drawNotice(doc, text, t) {
  const { host, root } = createShadowHost(doc, 'glose-notice', CSS);
  const close = el(doc, 'button', { type: 'button', 'data-glose': 'close-notice', 'aria-label': t('closeNotice'), title: t('closeNotice'),
    onclick: () => host.remove() }, '×');
  root.append(el(doc, 'p', { role: 'status', 'data-glose': 'notice' }, el(doc, 'span', {}, text), close));
  if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
  doc.documentElement.append(host);
  showInTopLayer(host);
  return { host, dispose: () => host.remove() };
}
