/**
 * The elements Glose adds to a page, so that reading the page and handling selections leave them
 * out.
 */

/** Tag names of the elements Glose adds (the snapshot reader and selection logic skip them). */
export const OWN_ELEMENTS = new Set(['glose-tooltip', 'glose-summary', 'glose-note-button', 'glose-note-form']);

/** Whether a node is inside one of Glose's own elements. */
export function isOwnNode(node) {
  for (let n = node; n; n = n.parentNode ?? n.host) {
    if (n.nodeType === 1 && OWN_ELEMENTS.has(n.localName)) return true;
  }
  return false;
}
