/**
 * Watches a page Glose is on for changes that make its findings stale (issue 14, item 2): a page
 * that re-renders its article, appends comments ("load more", live blogs), or moves to another
 * article without loading a new document (history.pushState, popstate).
 *
 * One MutationObserver on the document (child lists and text, not attributes: Glose outlines with
 * `style`, pages animate with classes). A change counts when it is
 * - inside, or removes, one of the `regions` (the live elements holding the findings: the
 *   article's and the comment section's common ancestors, see `regionsOf`);
 * - or adds a block of text elsewhere (a comment section or an article rendered after load);
 * - or comes with a new URL (client-side navigation; a change of `#fragment` alone does not count).
 * Glose's own elements (`own-elements.js`) and what happens inside them never count, and the
 * controller runs its own drawing through `quiet()`, which drops the records it caused: Glose never
 * reacts to itself. Changes are debounced (`settleMs` after the last one, at most `maxWaitMs` after
 * the first), then `onChange({navigated})` runs once.
 */
import { isOwnNode, OWN_ELEMENTS } from './own-elements.js';

/** Quiet time after the last change before Glose reads the page again, ms. */
export const SETTLE_MS = 300;
/** Longest wait after a first change while changes keep coming (a live blog), ms. */
export const MAX_WAIT_MS = 2000;
/** Text added outside the regions that counts as new content (a comment section, an article). */
export const NEW_TEXT_CHARS = 80;

/** The URL without its fragment (a jump to an anchor is not a new page). */
function pageUrl(href) {
  return href.split('#')[0];
}

/**
 * The deepest element containing every node of `nodes` (null for none). A node whose parent is
 * the last one seen inside `common` is inside it: sentences share paragraphs and comments their
 * list, so 10,000 comments cost about one `contains` each, not a walk up each one's ancestors.
 */
export function commonAncestor(nodes) {
  let common = null;
  // A parent known to be inside `common` (which only ever moves up).
  let inside = null;
  for (const node of nodes) {
    if (!node?.isConnected) continue;
    const parent = node.parentNode;
    if (common === null) {
      common = node.nodeType === 1 ? node : node.parentElement;
    } else if (parent !== inside || parent === null) {
      while (common && !common.contains(node)) common = common.parentElement;
      if (!common) return null;
    }
    // `common` contains `node`; unless it is `node` itself, it contains `node`'s parent too.
    inside = common !== node ? parent : null;
  }
  return common;
}

/**
 * The live elements that hold an analysis's findings: the common ancestor of the sentences'
 * nodes (the article) and of the comments' nodes (the comment section). `analysis` is
 * `{report, nodes}` (full or slim report; snapshot id → live node).
 */
export function regionsOf({ report, nodes }) {
  const sentences = (report.sentences ?? []).flatMap((s) => (s.anchor ? [nodes[s.anchor.start.node], nodes[s.anchor.end.node]] : []));
  const comments = (report.comments ?? []).map((c) => nodes[c.node]);
  return [commonAncestor(sentences), commonAncestor(comments)].filter((r) => r !== null && r !== r.ownerDocument?.documentElement);
}

/**
 * Whether a node is one of Glose's own elements (not: inside one), or a `<mark>` of the highlight
 * fallback (`draw/highlights.js`, for browsers without the CSS Custom Highlight API).
 */
function isOwnElementNode(node) {
  return node.nodeType === 1 && (OWN_ELEMENTS.has(node.localName) || (node.localName === 'mark' && node.classList.contains('glose-mark')));
}

/**
 * Starts watching `doc`. `regions()` gives the current regions (re-read at each change: the
 * analysis may be new). Returns `{quiet(fn), stop()}`: `quiet(fn)` runs Glose's own DOM work and
 * forgets the changes it made.
 */
export function watchPage(doc, { regions, onChange, settleMs = SETTLE_MS, maxWaitMs = MAX_WAIT_MS }) {
  const view = doc.defaultView;
  // The content script's own timers and observer (not the page's, which it may have replaced).
  let url = pageUrl(doc.location.href);
  let timer = null;
  let firstAt = 0;
  let navigated = false;

  function counts(record) {
    if (isOwnNode(record.target) || isOwnElementNode(record.target)) return false;
    const current = regions();
    if (record.type === 'characterData') return current.length === 0 || current.some((r) => r.contains(record.target));
    const added = [...record.addedNodes].filter((n) => !isOwnElementNode(n));
    const removed = [...record.removedNodes].filter((n) => !isOwnElementNode(n));
    if (added.length === 0 && removed.length === 0) return false;
    if (current.some((r) => r.contains(record.target))) return true;
    // A region (or an ancestor of it) was taken out or replaced.
    if (current.some((r) => !r.isConnected)) return true;
    return added.some((n) => (n.textContent ?? '').trim().length >= NEW_TEXT_CHARS);
  }

  function fire() {
    timer = null;
    const was = navigated;
    navigated = false;
    onChange({ navigated: was });
  }

  function changed() {
    const now = Date.now();
    if (timer === null) firstAt = now;
    else clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(settleMs, firstAt + maxWaitMs - now)));
  }

  function urlMoved() {
    const now = pageUrl(doc.location.href);
    if (now === url) return false;
    url = now;
    navigated = true;
    return true;
  }

  const observer = new MutationObserver((records) => {
    // The URL first: a client-side navigation is a change even where its DOM work looks small.
    if (urlMoved() || records.some(counts)) changed();
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  // Back and forward between client-side pages (the page's own pushState cannot be seen from
  // here, but it comes with DOM changes, which check the URL).
  const onPopState = () => {
    if (urlMoved()) changed();
  };
  view.addEventListener('popstate', onPopState);

  return {
    /** Runs Glose's own DOM work `fn` and drops the changes it made; returns what `fn` returns. */
    quiet(fn) {
      try {
        return fn();
      } finally {
        observer.takeRecords();
      }
    },
    /** Stops watching (a pending change is dropped). */
    stop() {
      observer.disconnect();
      view.removeEventListener('popstate', onPopState);
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
