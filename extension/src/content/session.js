/**
 * What "Glose on" puts on a page, owned by one object: highlight layers, the "why" tooltip, the
 * comment summary panel, the note button and form, outlines, and every listener. `dispose()`
 * removes all of it, so toggling off leaves no trace.
 */
import { drawHighlights, PLAIN_ABOVE_ELEMENTS } from '../draw/highlights.js';
import { createTooltip } from '../draw/tooltip.js';
import { drawSummaryPanel } from '../draw/summary-panel.js';
import { drawNotice } from '../draw/notice.js';
import { showNoteButton, showNoteForm } from '../draw/note-form.js';
import { highlightItems, liveRange, summaryModel } from '../draw/report-layers.js';
import { isOwnNode } from './own-elements.js';

/** How long the pointer rests before the tooltip of the highlights under it shows (ms). */
const HOVER_REST_MS = 100;

/** Keeps the first info per sentence or note, in the order given (topmost layer first). */
function distinctInfos(items) {
  const seen = new Set();
  const out = [];
  for (const { info } of items) {
    const key = info.kind === 'note' ? `n${info.noteId}` : `s${info.sentence}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(info);
    }
  }
  return out;
}

/** Scrolls an element or a range's start into the middle of the view. */
export function scrollToTarget(target) {
  const element = target?.nodeType === 1 ? target : (target?.startContainer ?? target)?.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'instant' });
  return Boolean(element);
}

/**
 * Whether the summary panel is docked over the page (a top-layer card) rather than drawn in the
 * page's flow above the comments: on big pages (those the sliced reader reads), where pushing the
 * comments down costs the browser a rendering update of a quarter second and more.
 */
export function docksSummary(analysis) {
  return analysis.path === 'sliced';
}

/**
 * Opens a session on `doc` from an analysis (`{report, nodes}`) and placed notes.
 * `hooks.createNote(range, {body, tags})` stores a new note (the controller then calls
 * `session.setNotes`). Returns `{setNotes(placed), setReport(next), setRefinement(status),
 * dispose(), drawing()}`. The session is its parts, each disposing of what it drew: the highlights,
 * the notice of a cut page, the summary panel (with the outlines of a theme's comments), the
 * "why" on hover or caret, and the note button and form.
 */
export function openSession(doc, analysis, placedNotes, t, hooks) {
  const { nodes } = analysis;
  // The refinement (refine.js) replaces the report: same sentences and anchors, new labels.
  let { report } = analysis;
  let notes = placedNotes;
  const plain = drawsPlain(doc);
  const draw = (placed) => drawHighlights(doc, highlightItems(doc, report, nodes, placed), { plain });
  let drawing = draw(notes);
  // A page too large to read whole says so on the page (the side panel says it too).
  const cut = report.truncated;
  const notice = cut ? drawNotice(doc, t('pageTooLarge', [cut.nodes.toLocaleString(), cut.text_units.toLocaleString()]), t) : null;
  const summary = openSummary(doc, analysis, () => report, t, hooks, plain);
  const hover = openHover(doc, () => drawing, t);
  const noteOffer = openNoteOffer(doc, t, hooks);

  return {
    /** Redraws the highlights with a new set of placed notes. */
    setNotes(placed) {
      notes = placed;
      drawing.dispose();
      drawing = draw(placed);
    },
    /**
     * Redraws the highlights from `next`, the refined report of the same reading (same nodes,
     * same sentences; the summary panel and outlines stay as they are).
     */
    setReport(next) {
      report = next;
      drawing.dispose();
      drawing = draw(notes);
    },
    /** Says the refinement's state (`refine.js` `Status`) in the summary panel's legend. */
    setRefinement(status) {
      hooks.refinement = status;
      summary.setRefinement(status);
    },
    /** The current highlight drawing (tests and the controller). */
    drawing: () => drawing,
    /** Whether the underlined layers are drawn with their plain looks (highlights.js `layerLook`). */
    plain,
    /** Removes everything the session added. */
    dispose() {
      noteOffer.dispose();
      hover.dispose();
      summary.dispose();
      drawing.dispose();
      notice?.dispose();
    },
  };
}

/**
 * Whether the page is big enough for the underlined layers' plain looks (highlights.js
 * `PLAIN_ABOVE_ELEMENTS`; the e2e tests lower it with `glosePlainAboveElements` in the content
 * script's world). The collection counts natively: no element reaches this script.
 */
function drawsPlain(doc) {
  // A number only: a page's element named like the global must not stand in for it.
  const set = globalThis.glosePlainAboveElements;
  const limit = typeof set === 'number' ? set : PLAIN_ABOVE_ELEMENTS;
  return doc.getElementsByTagName('*').length > limit;
}

/** Listens on `target` until `signal` aborts (every part's listeners go with its dispose). */
function listen(signal, target, type, handler, options = {}) {
  target.addEventListener(type, handler, { ...options, signal });
}

/**
 * Outlines of elements (a theme's comments). `show(elements)` replaces the outlined set;
 * `clear()` and `dispose()` give every element its `style` attribute back exactly as it was
 * (absent, or its text).
 */
function createOutlines() {
  const outlined = new Map();

  /**
   * Outlines `element` (a theme's comment), remembering its `style` attribute exactly as it was
   * (absent, or its text) so that {@link clearOutlines} gives it back unchanged.
   */
  function outline(element) {
    if (!outlined.has(element)) {
      outlined.set(element, { attribute: element.getAttribute('style'), outline: element.style.getPropertyValue('outline'),
        outlinePriority: element.style.getPropertyPriority('outline'), offset: element.style.getPropertyValue('outline-offset'),
        offsetPriority: element.style.getPropertyPriority('outline-offset') });
    }
    element.style.outline = '3px solid rgb(140, 50, 200)';
    element.style.outlineOffset = '2px';
  }

  function clearOutlines() {
    for (const [element, previous] of outlined) {
      // Through CSSOM (a page CSP may refuse style attributes), then the attribute itself:
      // removed where there was none, its old text where the CSSOM wrote it differently.
      element.style.setProperty('outline', previous.outline, previous.outlinePriority);
      element.style.setProperty('outline-offset', previous.offset, previous.offsetPriority);
      if (previous.attribute === null) element.removeAttribute('style');
      else if (element.getAttribute('style') !== previous.attribute) element.setAttribute('style', previous.attribute);
    }
    outlined.clear();
  }

  return {
    /** Outlines `elements` (the previous ones cleared); returns the first, or null. */
    show(elements) {
      clearOutlines();
      for (const element of elements) outline(element);
      return [...outlined.keys()][0] ?? null;
    },
    clear: clearOutlines,
    dispose: clearOutlines,
  };
}

/**
 * The comment summary panel, above the comment section (or docked, see {@link docksSummary}),
 * with the outlines its themes draw. `report()` is the session's current report; `plain`: its
 * legend shows the plain looks the highlights are drawn with.
 * Returns `{setRefinement(status), dispose()}`.
 */
function openSummary(doc, analysis, report, t, hooks, plain) {
  const { nodes } = analysis;
  const view = doc.defaultView;
  const outlines = createOutlines();
  let panel = null;
  let pendingPanel = null;
  // No comment section of its own: before a comment widget's frame or the "show comments" button (main.js).
  const section = report().summary?.section != null ? nodes[report().summary.section] : (hooks.panelPlace ?? null);
  const drawPanel = () => {
    pendingPanel = null;
    if (docksSummary(analysis)) {
      panel = drawPanelAs(true);
      return;
    }
    // In the flow, the panel must not reflow the page: on a page that fitted the view, it would make
    // the view's scrollbar appear, so the page's own content narrows and its text wraps again (the
    // soak run found it, RELIABILITY.md "Soak"). There it is docked instead. Overlay scrollbars take
    // no width: nothing changes and the panel stays in the flow.
    const viewport = doc.scrollingElement ?? doc.documentElement;
    const width = viewport.clientWidth;
    panel = drawPanelAs(false);
    if (viewport.clientWidth < width) {
      panel.dispose();
      panel = drawPanelAs(true);
    }
  };
  const drawPanelAs = (docked) => drawSummaryPanel(doc, section, summaryModel(report()), {
    theme(index, active) {
      outlines.clear();
      if (!active) return;
      const { summary, comments } = report();
      const ids = summary.themes[index]?.comments ?? [];
      const elements = ids.map((id) => nodes[comments[id]?.node]).filter((element) => element?.nodeType === 1);
      const first = outlines.show(elements);
      if (first) scrollToTarget(first);
    },
    openPanel: hooks.openPanel,
    passage(index) {
      const { summary, sentences } = report();
      const sentence = sentences[summary.quoted_passages[index]?.sentence];
      const range = sentence && liveRange(doc, nodes, sentence.anchor);
      if (range) scrollToTarget(range);
    },
  }, t, { docked, refinement: hooks.refinement, moreComments: hooks.moreComments, plain });
  if (section?.nodeType === 1 && section.parentNode && (report().comments?.length || report().summary?.comment_count || hooks.moreComments)) {
    if (!docksSummary(analysis)) drawPanel();
    else {
      // On a big page the highlights' paint (~30 ms of CPU there) and the docked panel's (~20 ms)
      // go to two frames: the panel is drawn after the frame that paints the highlights.
      pendingPanel = { frame: view.requestAnimationFrame(() => { pendingPanel.timer = view.setTimeout(drawPanel, 0); }), timer: null };
    }
  }

  return {
    setRefinement: (status) => panel?.setRefinement(status),
    dispose() {
      if (pendingPanel) {
        view.cancelAnimationFrame(pendingPanel.frame);
        view.clearTimeout(pendingPanel.timer);
      }
      outlines.dispose();
      panel?.dispose();
    },
  };
}

/**
 * The "why" tooltip of the highlights under the pointer once it rests there, or at the caret
 * (caret browsing, or a click). `drawing()` is the session's current highlight drawing.
 */
function openHover(doc, drawing, t) {
  const view = doc.defaultView;
  const tooltip = createTooltip(doc, t);
  const listeners = new AbortController();
  const on = (target, type, handler, options) => listen(listeners.signal, target, type, handler, options);
  // Every repaint of a big page with highlights costs the browser ~30-45 ms of paint: checked on
  // every frame, a pointer sweeping over highlighted text made one long task per frame (21 over
  // 30 ms in 21 moves, plain page of 10,000 comments); after a rest, none or one.
  let pending = null;
  on(doc, 'mousemove', (event) => {
    view.clearTimeout(pending);
    pending = view.setTimeout(() => {
      pending = null;
      if (isOwnNode(event.target)) return;
      const infos = distinctInfos(drawing().itemsAt(event.clientX, event.clientY));
      if (infos.length) tooltip.show(event.clientX, event.clientY, infos);
      else tooltip.hide();
    }, HOVER_REST_MS);
  }, { passive: true });
  on(view, 'scroll', () => tooltip.hide(), { passive: true });
  // Keyboard: the caret inside a highlight shows its "why".
  on(doc, 'selectionchange', () => {
    const range = collapsedSelection(doc);
    if (!range) return;
    const infos = distinctInfos(drawing().itemsAtPoint(range.startContainer, range.startOffset));
    const rect = range.getBoundingClientRect();
    if (infos.length && (rect.width || rect.height || rect.top)) tooltip.show(rect.left, rect.bottom - 18, infos);
    else tooltip.hide();
  });

  return {
    dispose() {
      listeners.abort();
      view.clearTimeout(pending);
      tooltip.dispose();
    },
  };
}

/** The selection's range when it is a caret outside Glose's own elements, else null. */
function collapsedSelection(doc) {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  return isOwnNode(range.commonAncestorContainer) ? null : range;
}

/**
 * The Note button a selection offers (mouse or Shift+arrows), then the note form; saving calls
 * `hooks.createNote(range, values)`. A caret elsewhere closes the button, not an open form.
 */
function openNoteOffer(doc, t, hooks) {
  const view = doc.defaultView;
  const listeners = new AbortController();
  const on = (target, type, handler, options) => listen(listeners.signal, target, type, handler, options);
  let noteUi = null;

  function closeNoteUi() {
    noteUi?.dispose();
    noteUi = null;
  }

  on(doc, 'selectionchange', () => {
    if (noteUi?.kind === 'button' && collapsedSelection(doc)) closeNoteUi();
  });
  const offerNote = () => {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0).cloneRange();
    if (isOwnNode(range.commonAncestorContainer) || !selection.toString().trim()) return;
    if (noteUi?.kind === 'form') return;
    closeNoteUi();
    const button = showNoteButton(doc, range, t, () => {
      closeNoteUi();
      const quote = range.toString();
      const form = showNoteForm(doc, range, t, {
        quote,
        onSave: async (values) => {
          closeNoteUi();
          await hooks.createNote(range, values);
        },
        onCancel: closeNoteUi,
      });
      noteUi = { kind: 'form', dispose: form.dispose };
    });
    noteUi = { kind: 'button', dispose: button.dispose };
  };
  on(doc, 'mouseup', (event) => {
    if (!isOwnNode(event.target)) view.setTimeout(offerNote, 0);
  });
  on(doc, 'keyup', (event) => {
    if (event.shiftKey && !isOwnNode(event.target)) offerNote();
  });

  return {
    dispose() {
      listeners.abort();
      closeNoteUi();
    },
  };
}
