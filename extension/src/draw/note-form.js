/**
 * The small "Note" button shown next to a selection, and the form to write a note and its tags.
 * Plain DOM only (shared with the playground); the caller stores what the form returns.
 * Both go to the browser's top layer where it has popovers, still positioned in page coordinates
 * (an absolute box in the top layer scrolls with the page): a plain absolute box appended to the
 * page costs a rendering update of the whole page (~60 ms of CPU above 10,000 comments, ~15 ms in
 * the top layer).
 */
import { createShadowHost, el, showInTopLayer } from './shadow-host.js';
import { hasHighlightApi, PENDING_NOTE } from './highlights.js';

/** Gap between the selection and the form, px. */
const GAP = 8;

const CSS = `
:host { all: initial; position: absolute; z-index: 2147483647; margin: 0; padding: 0; border: 0; background: transparent;
  overflow: visible; inset: auto; }
:host([hidden]), :host([popover]:not(:popover-open)) { display: none; }
button { font: 600 12px system-ui, sans-serif; border: 1px solid #2f7d4f; background: #e9f8ef; color: #174d2d;
  border-radius: 5px; padding: 3px 9px; cursor: pointer; }
button:focus-visible { outline: 2px solid #174d2d; }
form { display: grid; gap: 6px; width: 18rem; font: 13px system-ui, sans-serif; background: #fff; color: #1b1b1b;
  border: 1px solid #9cc9ad; border-radius: 7px; padding: 8px; box-shadow: 0 4px 14px rgba(0,0,0,.18); }
textarea, input { font: inherit; border: 1px solid #bbb; border-radius: 4px; padding: 4px; }
textarea { min-height: 4.5em; resize: vertical; }
.row { display: flex; gap: 6px; justify-content: flex-end; }
q { font-style: italic; color: #555; }
`;

/** Page coordinates just below the end of a range. */
function below(range, doc) {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const view = doc.defaultView;
  return { left: last.right + view.scrollX, top: last.bottom + view.scrollY + 4 };
}

/**
 * Shows the "Note" button under `range`. `onNote()` runs when it is pressed.
 * Returns `{host, dispose()}`.
 */
export function showNoteButton(doc, range, t, onNote) {
  const { host, root } = createShadowHost(doc, 'glose-note-button', CSS);
  const button = el(doc, 'button', { type: 'button', 'data-glose': 'note-button' }, t('noteButton'));
  // mousedown would clear the selection before click: keep it.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => onNote());
  root.append(button);
  const at = below(range, doc);
  host.style.left = `${Math.max(0, at.left - 40)}px`;
  host.style.top = `${at.top}px`;
  doc.documentElement.append(host);
  showInTopLayer(host);
  return { host, dispose: () => host.remove() };
}

/**
 * Where the form goes, in page coordinates: below the selection when the view has room for it
 * there, else above, else on the side with more room; its left edge under the selection's, kept
 * in the view. `size` is the form's `{width, height}`. Never over the selected text.
 */
export function placeBeside(range, size, view) {
  const box = range.getBoundingClientRect();
  const roomBelow = view.innerHeight - box.bottom - GAP;
  const roomAbove = box.top - GAP;
  const below = roomBelow >= size.height || (roomAbove < size.height && roomBelow >= roomAbove);
  const top = below ? box.bottom + GAP : box.top - GAP - size.height;
  const left = Math.min(Math.max(GAP, box.left), Math.max(GAP, view.innerWidth - size.width - GAP));
  return { left: left + view.scrollX, top: top + view.scrollY, side: below ? 'below' : 'above' };
}

/**
 * Marks the selected passage while the form is open (the page's selection is no longer shown once
 * the form has the focus). Returns the function that removes the mark.
 */
function markPending(doc, range) {
  const win = doc.defaultView;
  if (!hasHighlightApi(win)) return () => {};
  const highlight = new win.Highlight(range.cloneRange());
  highlight.priority = 100;
  win.CSS.highlights.set(PENDING_NOTE.name, highlight);
  return () => {
    if (win.CSS.highlights.get(PENDING_NOTE.name) === highlight) win.CSS.highlights.delete(PENDING_NOTE.name);
  };
}

/**
 * Shows the note form beside `range` (below, or above where the view has no room below), prefilled
 * with `initial` (`{body, tags}`); the passage stays marked while the reader types.
 * `onSave({body, tags})` and `onCancel()` close it. Returns `{host, side, dispose()}`.
 */
export function showNoteForm(doc, range, t, { quote = '', initial = { body: '', tags: [] }, onSave, onCancel }) {
  const { host, root } = createShadowHost(doc, 'glose-note-form', CSS);
  const body = el(doc, 'textarea', { name: 'body', 'aria-label': t('noteBody'), placeholder: t('noteBody') });
  body.value = initial.body ?? '';
  const tags = el(doc, 'input', { name: 'tags', 'aria-label': t('noteTags'), placeholder: t('noteTags') });
  tags.value = (initial.tags ?? []).join(', ');
  const form = el(doc, 'form', { 'data-glose': 'note-form' },
    quote ? el(doc, 'q', {}, quote.length > 120 ? `${quote.slice(0, 120)}…` : quote) : null,
    body, tags,
    el(doc, 'div', { class: 'row' },
      el(doc, 'button', { type: 'button', onclick: () => onCancel() }, t('cancel')),
      el(doc, 'button', { type: 'submit' }, t('save'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSave({ body: body.value, tags: tags.value });
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onCancel();
  });
  root.append(form);
  const unmark = markPending(doc, range);
  // Drawn out of sight first, to measure it, then moved beside the passage.
  host.style.left = '0px';
  host.style.top = `${-10000}px`;
  doc.documentElement.append(host);
  showInTopLayer(host);
  const size = form.getBoundingClientRect();
  const at = placeBeside(range, { width: size.width, height: size.height }, doc.defaultView);
  host.style.left = `${at.left}px`;
  host.style.top = `${at.top}px`;
  body.focus({ preventScroll: true });
  return {
    host,
    side: at.side,
    dispose: () => {
      unmark();
      host.remove();
    },
  };
}
