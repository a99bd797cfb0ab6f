/**
 * The "why" card shown when a highlight is hovered or the caret enters it: label, confidence,
 * cues, source, the comments that quote the passage, or the reader's note. Page text is set as
 * text only. Plain DOM only (shared with the playground).
 */
import { createShadowHost, el, hideFromTopLayer, showInTopLayer } from './shadow-host.js';
import { cueKindLabel, plural } from './summary-words.js';

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; pointer-events: none; margin: 0; padding: 0; border: 0;
  background: transparent; overflow: visible; inset: auto; }
:host([hidden]), :host([popover]:not(:popover-open)) { display: none; }
.card { max-width: 26rem; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fffdf6;
  border: 1px solid #c9b98a; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.18); padding: 8px 10px; }
.entry + .entry { border-top: 1px solid #e6dcc0; margin-top: 6px; padding-top: 6px; }
.label { font-weight: 600; }
.muted { color: #6b6250; }
ul { margin: 4px 0 0; padding-left: 1.1rem; }
q { font-style: italic; }
`;

/**
 * Creates the tooltip (hidden, and added to the page on the first `show`). `t(key, subs)` gives UI strings.
 * Returns `{show(x, y, infos), hide(), dispose(), host}`; each info is a highlight item's `info`.
 */
export function createTooltip(doc, t) {
  const { host, root } = createShadowHost(doc, 'glose-tooltip', CSS);
  host.hidden = true;
  const card = el(doc, 'div', { class: 'card', role: 'tooltip' });
  root.append(card);
  // Added on first show: an element added to a page of 10,000 comments costs a layout even hidden.

  function entry(info) {
    const parts = [];
    if (info.kind === 'note') {
      parts.push(el(doc, 'div', { class: 'label' }, t('legendNote')));
      if (info.note?.text) parts.push(el(doc, 'div', {}, info.note.text));
      if (info.note?.tags?.length) parts.push(el(doc, 'div', { class: 'muted' }, info.note.tags.map((x) => `#${x}`).join(' ')));
      return el(doc, 'div', { class: 'entry' }, parts);
    }
    const labelKey = { editorial: 'labelEditorial', cue: 'labelEditorial', attributed: 'labelAttributed', quoted: 'labelQuoted' }[info.kind];
    parts.push(el(doc, 'div', { class: 'label' }, t(labelKey ?? 'labelEditorial'),
      typeof info.score === 'number' ? el(doc, 'span', { class: 'muted' }, ` · ${t('confidence', [String(Math.round(info.score * 100))])}`) : null));
    if (info.cues?.length) {
      parts.push(el(doc, 'div', { class: 'muted' }, t('cues')));
      parts.push(el(doc, 'ul', {}, info.cues.map((cue) => el(doc, 'li', {}, el(doc, 'q', {}, cue.text), ` — ${cueKindLabel(t, cue.kind)}`))));
    }
    if (info.source) parts.push(el(doc, 'div', { 'data-glose': 'source' }, t('sourceLine', [info.source])));
    if (info.comments?.length) {
      parts.push(el(doc, 'div', { class: 'muted' }, plural(t, 'quotedBy', info.comments.length)));
      parts.push(el(doc, 'ul', {}, info.comments.slice(0, 4).map((c) => el(doc, 'li', {},
        el(doc, 'b', {}, t('authorLabel', [c.author ?? t('anonymous')])), ' ', c.text.length > 140 ? `${c.text.slice(0, 140)}…` : c.text))));
    }
    return el(doc, 'div', { class: 'entry' }, parts);
  }

  function show(x, y, infos) {
    card.replaceChildren(...infos.map(entry));
    if (!host.isConnected) doc.documentElement.append(host);
    host.hidden = false;
    // In the top layer where the browser has popovers: showing a fixed card otherwise costs a
    // rendering update of the whole page (~55 ms of CPU on a page of 10,000 comments).
    showInTopLayer(host);
    const view = doc.defaultView;
    const left = Math.min(x + 12, Math.max(0, view.innerWidth - 420));
    const top = y + 18 + 200 > view.innerHeight ? Math.max(0, y - 18 - card.offsetHeight) : y + 18;
    host.style.left = `${left}px`;
    host.style.top = `${top}px`;
  }

  function hide() {
    hideFromTopLayer(host);
    host.hidden = true;
  }

  return { host, show, hide, dispose: () => host.remove() };
}
