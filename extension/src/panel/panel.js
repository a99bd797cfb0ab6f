/**
 * The side panel (Chromium `sidePanel`, Firefox `sidebar_action`; also openable as a tab with
 * `?tabId=N`): lists the page's editorial lines, attributed opinions, comment summary and the
 * reader's notes (orphans apart); a click scrolls the page there. Notes can be edited and deleted;
 * the page exports to Markdown, JSON-LD and CSV, and a JSON-LD export imports back.
 *
 * It follows its tab: when the tab starts loading another page or another tab is shown, what it
 * showed is cleared at once (never the previous page's findings under the new page); where Glose
 * is not running in the tab it says so in words (`panelStatus`), not with the browser's error.
 */
import { ext, t } from '../platform.js';
import { Kind, notesChanged, pageReportPart, pageState, scrollTo, toggleTab } from '../messages.js';
import { LAYERS } from '../draw/highlights.js';
import { refinementText, swatch } from '../draw/summary-panel.js';
import { summaryModel } from '../draw/report-layers.js';
import { cueKindLabel, framesText, moreCommentsText, plural, summaryText, themeLabel } from '../draw/summary-words.js';
import { newestAnswer, panelStatus } from './panel-status.js';
import { el } from '../draw/shadow-host.js';
import { putNote, removeNote, parseTags } from '../notes.js';
import { download, exportPage, importJsonLd } from '../exports.js';

const $ = (id) => document.getElementById(id);
const fixedTab = new URLSearchParams(location.search).get('tabId');
let state = null;
/** The id of the note being edited: refreshes leave the notes list alone meanwhile. */
let editing = null;

for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
document.documentElement.lang = ext.i18n.getUILanguage().split('-')[0];
/** The legend, with the plain looks where the page draws its highlights plain (a big page); drawn again only when that changes. */
function drawLegend(plain) {
  if ($('legend').dataset.plain === String(plain)) return;
  $('legend').replaceChildren(...LAYERS.map((layer) => el(document, 'span', {}, swatch(document, layer, plain), t(layer.legend))));
  $('legend').dataset.plain = String(plain);
}
drawLegend(false);

async function tabId() {
  if (fixedTab) return Number(fixedTab);
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function send(message) {
  const id = await tabId();
  if (id === undefined) throw new Error(t('noPage'));
  // The top frame speaks for the page (frames only answer the background about their comment widgets).
  const answer = await ext.tabs.sendMessage(id, message, { frameId: 0 });
  if (answer?.error) throw new Error(answer.error);
  return answer;
}

function sentenceItem(sentence) {
  const cues = (sentence.cues ?? []).map((cue) => el(document, 'span', { class: 'cue', title: cueKindLabel(t, cue.kind) }, cue.text));
  return el(document, 'li', {}, el(document, 'button', { class: 'item', type: 'button', 'data-sentence': sentence.id,
    onclick: () => send(scrollTo({ type: 'sentence', id: sentence.id })) },
  sentence.text,
  cues.length ? el(document, 'div', {}, cues) : null,
  sentence.source ? el(document, 'div', { class: 'muted', 'data-glose': 'source' }, t('sourceLine', [sentence.source])) : null));
}

function noteItem({ note, placed }) {
  const body = el(document, 'div', {}, note.body || t('noText'));
  const tags = el(document, 'div', { class: 'muted' }, (note.tags ?? []).map((x) => `#${x}`).join(' '));
  const item = el(document, 'li', { 'data-note': note.id },
    el(document, 'button', { class: 'item', type: 'button', disabled: !placed,
      onclick: () => send(scrollTo({ type: 'note', id: note.id })) },
    el(document, 'q', {}, note.target?.quote?.exact ?? ''), body, tags),
    el(document, 'div', { class: 'note-actions' },
      el(document, 'button', { type: 'button', 'data-action': 'edit', onclick: () => editNote(item, note) }, t('edit')),
      el(document, 'button', { type: 'button', 'data-action': 'delete', onclick: () => deleteNote(note) }, t('delete'))));
  return item;
}

function editNote(item, note) {
  const body = el(document, 'textarea', { name: 'body', 'aria-label': t('noteBody') });
  body.value = note.body ?? '';
  const tags = el(document, 'input', { type: 'text', name: 'tags', 'aria-label': t('noteTags') });
  tags.value = (note.tags ?? []).join(', ');
  const form = el(document, 'form', { 'data-edit': note.id }, body, tags,
    el(document, 'div', { class: 'note-actions' },
      el(document, 'button', { type: 'submit' }, t('save')),
      el(document, 'button', { type: 'button', onclick: () => { editing = null; render(); } }, t('cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const edited = { ...note, body: body.value.trim(), tags: parseTags(tags.value), modified: new Date().toISOString() };
    edited.motivation = edited.body ? 'commenting' : 'highlighting';
    await putNote(state.pageKey, edited, { title: state.title, url: state.url });
    editing = null;
    await send(notesChanged());
    await refresh();
  });
  editing = note.id;
  item.replaceChildren(form);
  body.focus();
}

async function deleteNote(note) {
  await removeNote(state.pageKey, note.id);
  await send(notesChanged());
  await refresh();
}

function render() {
  const report = state.report;
  $('toggle').textContent = t(state.on ? 'turnOff' : 'turnOn');
  drawLegend(Boolean(state.plain));
  $('status').textContent = report.article?.found ? (report.metadata?.title ?? '') : t('noArticle');
  // A page too large to read whole: say how much of it the findings cover.
  const cut = report.truncated;
  $('truncated').hidden = !cut;
  $('truncated').textContent = cut ? t('pageTooLarge', [cut.nodes.toLocaleString(), cut.text_units.toLocaleString()]) : '';
  // Which model drew the editorial lines (the encoder's refinement), or why the fast one did.
  $('refinement').textContent = refinementText(state.refinement?.status ?? (report.opinion_model === 'encoder' ? 'encoder' : null), t);
  const editorial = report.sentences.filter((s) => s.label === 'editorial');
  const attributed = report.sentences.filter((s) => s.label === 'attributed');
  $('editorial').replaceChildren(...(editorial.length ? editorial.map(sentenceItem) : [el(document, 'li', { class: 'muted' }, t('none'))]));
  $('attributed').replaceChildren(...(attributed.length ? attributed.map(sentenceItem) : [el(document, 'li', { class: 'muted' }, t('none'))]));
  const summary = report.summary ?? {};
  const model = summaryModel(report);
  $('summary-count').textContent = plural(t, 'commentCount', model.commentCount);
  $('summary-text').textContent = summaryText(model, t);
  $('summary-frames').textContent = framesText(model, t);
  $('more-comments').textContent = state.moreComments ? moreCommentsText(state.moreComments, t) : '';
  $('themes').replaceChildren(...(summary.themes ?? []).map((theme, i) => el(document, 'li', {},
    el(document, 'button', { class: 'item', type: 'button',
      onclick: () => theme.comments?.length && send(scrollTo({ type: 'comment', id: theme.comments[0] })) },
    `${themeLabel(model.themes[i], t)} (${theme.comments?.length ?? 0})`))));
  if (editing) return;
  const placed = state.notes.filter((n) => n.placed);
  const orphans = state.notes.filter((n) => !n.placed);
  $('notes').replaceChildren(...(placed.length ? placed.map(noteItem) : [el(document, 'li', { class: 'muted' }, t('noNotes'))]));
  $('orphans').replaceChildren(...orphans.map(noteItem));
}

/** Empties every list and says `status` (no page, another page loading, Glose off here). */
function clear(status) {
  refresh.drop(); // an answer asked for before is the previous page's
  state = null;
  editing = null;
  $('toggle').textContent = t('turnOn');
  $('status').textContent = status;
  $('truncated').hidden = true;
  drawLegend(false);
  for (const id of ['editorial', 'attributed', 'themes', 'notes', 'orphans']) $(id).replaceChildren();
  $('summary-count').textContent = '';
  $('summary-text').textContent = '';
  $('summary-frames').textContent = '';
  $('more-comments').textContent = '';
  $('refinement').textContent = '';
}

/** Parts of a big page's report asked for at once (each a small message). */
const PARALLEL_PARTS = 4;

/** The page state of the panel's tab, in full (big pages hand the report over in parts). */
async function askPageState() {
  const next = await send(pageState());
  // Big pages hand the full report over in parts of JSON text (the page never decodes it).
  if (next.report === null && next.reportParts > 0) {
    const parts = [];
    for (let first = 0; first < next.reportParts; first += PARALLEL_PARTS) {
      const indexes = Array.from({ length: Math.min(PARALLEL_PARTS, next.reportParts - first) }, (_, k) => first + k);
      parts.push(...await Promise.all(indexes.map(async (i) => (await send(pageReportPart(i))).part)));
    }
    next.report = JSON.parse(parts.join(''));
  }
  return next;
}

/** Asks the tab again and shows its findings; of overlapping refreshes only the newest's outcome shows. */
const refresh = newestAnswer({
  ask: askPageState,
  show: (next) => {
    state = next;
    render();
  },
  explain: async (error) => {
    const id = await tabId().catch(() => undefined);
    const tab = id === undefined ? null : await ext.tabs.get(id).catch(() => null);
    return t(panelStatus(error, tab));
  },
  say: clear,
});

// Through the background, as the toolbar button: it injects Glose into a tab that lacks it.
$('toggle').addEventListener('click', async () => {
  const id = await tabId();
  if (id === undefined) return;
  const answer = await ext.runtime.sendMessage(toggleTab(id, !state?.on)).catch((error) => ({ error: String(error) }));
  if (answer?.error) clear(t(panelStatus(new Error(answer.error), await ext.tabs.get(id).catch(() => null))));
  else await refresh();
});

for (const [id, format] of [['export-md', 'markdown'], ['export-jsonld', 'jsonld'], ['export-csv', 'csv']]) {
  $(id).addEventListener('click', async () => {
    if (!state) return;
    try {
      download(document, await exportPage(format, state.report, state.notes.map((n) => n.note)));
    } catch (error) {
      $('status').textContent = `${t('exportFailed')} (${error.message ?? error})`;
    }
  });
}

$('import').addEventListener('change', async (event) => {
  const file = event.target.files?.[0];
  if (!file || !state) return;
  try {
    const notes = await importJsonLd(await file.text());
    const known = new Set(state.notes.map((n) => n.note.id));
    let count = 0;
    for (const note of notes) {
      // Re-importing an export of this page must not duplicate its notes.
      if (known.has(note.id)) continue;
      await putNote(state.pageKey, note, { title: state.title, url: state.url });
      count += 1;
    }
    $('status').textContent = plural(t, 'imported', count);
    await send(notesChanged());
    await refresh();
  } catch (error) {
    $('status').textContent = `${t('importFailed')} (${error.message ?? error})`;
  }
  event.target.value = '';
});

ext.runtime.onMessage.addListener((message) => {
  if (message?.kind === Kind.StateChanged) refresh();
});
// Another tab shown, or this tab off to another page: clear at once, then ask again.
ext.tabs.onActivated?.addListener(() => {
  if (fixedTab) return;
  clear(t('loadingPage'));
  refresh();
});
ext.tabs.onUpdated?.addListener(async (id, change) => {
  if (id !== await tabId()) return;
  if (change.status === 'loading' || change.url !== undefined) {
    if (state || change.status === 'loading') clear(t('loadingPage'));
  }
  if (change.status === 'complete') refresh();
});

refresh();
