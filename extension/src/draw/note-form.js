/**
 * The small "Note" button shown next to a selection, and the form to write a note and its tags.
 * Plain DOM only (shared with the playground); the caller stores what the form returns.
 * Both go to the browser's top layer where it has popovers, still positioned in page coordinates
 * (an absolute box in the top layer scrolls with the page): a plain absolute box appended to the
 * page costs a rendering update of the whole page (~60 ms of CPU above 10,000 comments, ~15 ms in
 * the top layer).
 */
import { createShadowHost, el, showInTopLayer } from './shadow-host.js';

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
 * Shows the note form under `range` (or at `at`), prefilled with `initial` (`{body, tags}`).
 * `onSave({body, tags})` and `onCancel()` close it. Returns `{host, dispose()}`.
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
  const at = below(range, doc);
  host.style.left = `${Math.max(0, at.left - 150)}px`;
  host.style.top = `${at.top}px`;
  doc.documentElement.append(host);
  showInTopLayer(host);
  body.focus();
  return { host, dispose: () => host.remove() };
}
