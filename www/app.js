/**
 * The Glose playground: shows a page in a same-origin frame that may not run scripts, analyses it
 * with the same wasm core as the extension (live-DOM walk of the frame's document) and draws the
 * results with the extension's own session and drawing modules (served from /extension/, not
 * copied). Also a report tab (summary, sentence table, comments, raw JSON) with downloads.
 * Page text is only ever rendered as text.
 */
import init, { analyze_live_document } from '/pkg/glose.js';
import { openSession } from '/extension/src/content/session.js';
import { LAYERS } from '/extension/src/draw/highlights.js';
import { swatch } from '/extension/src/draw/summary-panel.js';
import { summaryModel } from '/extension/src/draw/report-layers.js';
import { plural, summaryText } from '/extension/src/draw/summary-words.js';

const $ = (id) => document.getElementById(id);
const frame = $('frame');
const status = $('status');

/** UI strings from the extension's English locale, with chrome.i18n-style `$1` substitutions. */
async function loadStrings() {
  const messages = await (await fetch('/extension/_locales/en/messages.json')).json();
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return key;
    const subs = [].concat(substitutions).map(String);
    let text = entry.message.replace(/\$(\w+)\$/g, (_, name) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n) => subs[Number(n) - 1] ?? '');
    });
    text = text.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
    return text.replace(/\$\$/g, '$');
  };
}

/** Creates an element with attributes and text/element children (text is never parsed as markup). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child != null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Text of a page's bytes, honouring a BOM or a `<meta charset>` as a browser would. */
function decodePage(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 1024)).toLowerCase();
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/.exec(head)?.[1];
  let label = 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (declared) label = declared;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const state = {
  t: null,
  analysis: null,
  session: null,
  notes: [],
  on: true,
  name: '',
  frameListeners: null,
};

function closeSession() {
  state.session?.dispose();
  state.session = null;
}

function openAnnotations() {
  closeSession();
  if (!state.on || !state.analysis) return;
  const doc = frame.contentDocument;
  state.session = openSession(doc, state.analysis, state.notes, state.t, {
    async createNote(range, { body, tags }) {
      state.notes = [...state.notes, { note: { id: `note-${Date.now()}`, body, tags }, range }];
      state.session?.setNotes(state.notes);
    },
  });
  renderLegend();
}

/** The legend, with the plain looks where the session draws them (a page of over 20,000 elements). */
function renderLegend(plain = state.session?.plain ?? false) {
  $('legend').replaceChildren(...LAYERS.map((layer) =>
    el('span', {}, swatch(document, layer, plain), state.t(layer.legend))));
}

function renderReport(report) {
  const summary = report.summary ?? {};
  const editorial = report.sentences.filter((s) => s.label === 'editorial').length;
  const attributed = report.sentences.filter((s) => s.label === 'attributed').length;
  const comments = plural(state.t, 'commentCount', summary.comment_count ?? 0);
  const said = summaryText(summaryModel(report), state.t);
  $('summary-text').textContent = report.article.found
    ? `${report.sentences.length} sentences: ${editorial} editorial, ${attributed} attributed. ${comments}. ${said}`
    : `No article found on this page. ${comments}. ${said}`;
  const m = report.metadata;
  $('meta').replaceChildren(...[['Title', m.title], ['Byline', m.byline], ['Published', m.published], ['Site', m.site_name], ['Language', m.lang]]
    .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v ?? '—')]));
  $('sentences').tBodies[0].replaceChildren(...report.sentences.map((s) => el('tr', { class: s.label },
    el('td', {}, s.id), el('td', {}, s.label), el('td', {}, s.score.toFixed(2)), el('td', {}, s.text),
    el('td', {}, s.cues.map((c) => `${c.kind}: ${c.text}`).join(' · ')), el('td', {}, s.source ?? ''))));
  const themeOf = new Map();
  (summary.themes ?? []).forEach((theme) => theme.comments.forEach((c) => themeOf.set(c, theme.label)));
  $('comments').replaceChildren(...report.comments.map((c) => el('li', {},
    el('span', { class: 'who' }, c.author ?? 'anonymous'),
    c.reply_to != null ? el('span', { class: 'tag' }, `reply to #${c.reply_to}`) : null,
    themeOf.has(c.id) ? el('span', { class: 'tag' }, `theme: ${themeOf.get(c.id)}`) : null,
    c.stance ? el('span', { class: 'tag' }, c.stance) : null,
    c.quotes?.length ? el('span', { class: 'tag' }, `quotes #${c.quotes.join(', #')}`) : null,
    el('div', {}, c.text))));
  $('raw').textContent = JSON.stringify(report, null, 2);
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A page's own policy for the frame: no scripts, and no request for its images, fonts or media. */
const FRAME_POLICY = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'self\' \'unsafe-inline\'; img-src data:; font-src data:">';

/** The page with {@link FRAME_POLICY} as the first element of its head. */
function withFramePolicy(html) {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + FRAME_POLICY + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + FRAME_POLICY + html.slice(doctype[0].length) : FRAME_POLICY + html;
}

/** Loads a page's HTML into the frame (scripts never run) and analyses it. */
async function showPage(html, name) {
  closeSession();
  state.analysis = null;
  state.notes = [];
  state.name = name;
  status.textContent = `Loading ${name}…`;
  document.body.dataset.state = 'loading';
  await new Promise((done) => {
    frame.addEventListener('load', done, { once: true });
    frame.srcdoc = withFramePolicy(html);
  });
  const doc = frame.contentDocument;
  const css = doc.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/extension/src/draw/highlights.css';
  css.dataset.gloseOwn = '';
  await new Promise((done) => {
    css.addEventListener('load', done, { once: true });
    css.addEventListener('error', done, { once: true });
    (doc.head ?? doc.documentElement).append(css);
  });
  watchDrops(doc);
  const started = performance.now();
  try {
    state.analysis = analyze_live_document(doc, null);
  } catch (error) {
    status.textContent = `Could not analyse ${name}: ${error?.message ?? error}`;
    document.body.dataset.state = 'error';
    return;
  }
  const ms = performance.now() - started;
  const { report } = state.analysis;
  renderReport(report);
  openAnnotations();
  status.textContent = `${name}: ${report.article.found ? `${report.sentences.length} sentences` : 'no article found'}, ${report.comments.length} comments, analysed in ${ms.toFixed(1)} ms`;
  document.body.dataset.state = 'ready';
  document.body.dataset.page = name;
}

async function showSample(file) {
  const response = await fetch(`samples/${file}`);
  await showPage(decodePage(new Uint8Array(await response.arrayBuffer())), file);
}

async function showFile(file) {
  if (!file) return;
  await showPage(decodePage(new Uint8Array(await file.arrayBuffer())), file.name);
}

/** Drag and drop works over the playground and over the page in the frame. */
function watchDrops(doc) {
  state.frameListeners?.abort();
  state.frameListeners = new AbortController();
  for (const target of [window, doc]) {
    const signal = target === window ? undefined : state.frameListeners.signal;
    if (target === window && watchDrops.done) continue;
    target.addEventListener('dragover', (event) => {
      event.preventDefault();
      $('drop').hidden = false;
    }, { signal });
    target.addEventListener('dragleave', (event) => {
      if (!event.relatedTarget) $('drop').hidden = true;
    }, { signal });
    target.addEventListener('drop', (event) => {
      event.preventDefault();
      $('drop').hidden = true;
      showFile(event.dataTransfer?.files?.[0]);
    }, { signal });
  }
  watchDrops.done = true;
}

function selectTab(which) {
  for (const [tab, view] of [['tab-page', 'page-view'], ['tab-report', 'report-view']]) {
    const selected = tab === which;
    $(tab).setAttribute('aria-selected', String(selected));
    $(view).hidden = !selected;
  }
}

let exportModule = null;

/** The exports' wasm module (`glose_export`), loaded on the first download. */
function exporter() {
  exportModule ??= import('/pkg/glose_export.js').then(async (glue) => {
    await glue.default({ module_or_path: '/pkg/glose_export_bg.wasm' });
    return glue;
  });
  exportModule.catch(() => { exportModule = null; });
  return exportModule;
}

async function main() {
  await init({ module_or_path: '/pkg/glose_bg.wasm' });
  state.t = await loadStrings();
  renderLegend();
  const samples = await (await fetch('samples/index.json')).json();
  $('sample').replaceChildren(...samples.map((s) => el('option', { value: s.file }, s.title)));
  $('sample').addEventListener('change', () => showSample($('sample').value));
  $('file').addEventListener('change', () => showFile($('file').files[0]));
  $('toggle').addEventListener('click', () => {
    state.on = !state.on;
    $('toggle').setAttribute('aria-pressed', String(state.on));
    $('toggle').textContent = state.on ? 'Annotations on' : 'Annotations off';
    if (state.on) openAnnotations();
    else closeSession();
  });
  $('tab-page').addEventListener('click', () => selectTab('tab-page'));
  $('tab-report').addEventListener('click', () => selectTab('tab-report'));
  const base = () => state.name.replace(/\.html?$/i, '') || 'page';
  $('download-md').addEventListener('click', async () => state.analysis &&
    download(`${base()}.md`, 'text/markdown', (await exporter()).export_markdown(state.analysis.report, [])));
  $('download-jsonld').addEventListener('click', async () => state.analysis &&
    download(`${base()}.jsonld`, 'application/ld+json', (await exporter()).export_jsonld(state.analysis.report, [])));
  $('download-json').addEventListener('click', () => state.analysis &&
    download(`${base()}.json`, 'application/json', JSON.stringify(state.analysis.report, null, 2)));
  const wanted = new URLSearchParams(location.search).get('sample');
  const first = samples.find((s) => s.file === wanted) ?? samples[0];
  $('sample').value = first.file;
  await showSample(first.file);
}

main().catch((error) => {
  status.textContent = `Glose could not start: ${error?.message ?? error}`;
  document.body.dataset.state = 'error';
});
