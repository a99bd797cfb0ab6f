/**
 * The elements Glose adds to a page, so that reading the page and handling selections leave them
 * out.
 */

/** Tag names of the elements Glose adds (the snapshot reader and selection logic skip them). */
export const OWN_ELEMENTS = new Set(['glose-tooltip', 'glose-summary', 'glose-note-button', 'glose-note-form', 'glose-notice']);

/** Whether a node is inside one of Glose's own elements. */
export function isOwnNode(node) {
  for (let n = node; n; n = n.parentNode ?? n.host) {
    if (n.nodeType === 1 && OWN_ELEMENTS.has(n.localName)) return true;
  }
  return false;
}

/**
 * Whether an element is itself one of Glose's own: enough for a reader walking down from the
 * document, which never enters them (`isOwnNode` climbs to the root for every call).
 */
export function isOwnElement(element) {
  return OWN_ELEMENTS.has(element.localName);
}
