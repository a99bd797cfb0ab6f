/**
 * The content script's controller: answers the messages of `messages.js`, keeps the page's report
 * (so toggling on again is instant) and the session that toggling on opened, and turns Glose on by
 * itself on the sites the reader chose in the options.
 */
import { ext, t } from '../platform.js';
import { Kind, openPanel, route, stateChanged } from '../messages.js';
import { pageKeyOf } from '../page-key.js';
import { isOwnElement } from './own-elements.js';
import { newNote, notesOf, parseTags, putNote } from '../notes.js';
import { AUTO_SITES_KEY } from '../settings.js';

// The analysis, anchoring and drawing modules load on first use, not on every page.
const analysisModule = () => import('./analysis.js');
const anchoringModule = () => import('./anchoring.js');
const sessionModule = () => import('./session.js');
const framesModule = () => import('./frames.js');

let analysis = null;
/** The URL (without fragment) `analysis` was made on: a client-side navigation makes it stale. */
let analysedUrl = null;
let placed = null;
let session = null;
/** While Glose is on: the page watcher (`page-watch.js`) and the regions it watches. */
let watcher = null;
let regions = [];
let busy = Promise.resolve();
let started = false;
/** How many times this page was analysed (toggling on again reuses the report). */
let analyses = 0;
/** How long the last analysis took, ms (reading, the background's work, the report's transfer). */
let analysisMs = null;

// The readers walk down from the document and never enter an element they skip.
const skip = isOwnElement;

/** Runs state changes one after another (a toggle while the previous one is still analysing). */
function serially(task) {
  const next = busy.then(task, task);
  busy = next.catch(() => {});
  return next;
}

/** Whether the cached report still points at the live page (a script may have replaced it). */
function stillLive({ report, nodes }) {
  return (report.sentences ?? []).every((s) => !s.anchor || (nodes[s.anchor.start.node]?.isConnected && nodes[s.anchor.end.node]?.isConnected));
}

/** Drops the analysis; a page-world reading's nodes are let go there too (`main-world-nodes.js`). */
function forgetAnalysis() {
  analysis?.nodes?.release?.();
  analysis = null;
}

async function ensureAnalysis() {
  // Off, an analysis made before a widget frame announced itself misses its comments.
  const framesStale = !session && analysis && analysis.framesSeen !== framesSeen;
  if (analysis && (analysedUrl !== location.href.split('#')[0] || !stillLive(analysis) || framesStale)) {
    forgetAnalysis();
    placed = null;
  }
  if (!analysis) {
    const { analyzePage } = await analysisModule();
    analysedUrl = location.href.split('#')[0];
    const started = performance.now();
    // Comment widgets in frames first (each frame has a time limit; none: at once), then one
    // analysis that summarises the page's comments and theirs together.
    const seen = framesSeen;
    const widgetFrames = await (await framesModule()).frameCommentsOfPage();
    analysis = await analyzePage(document, location.href, { skip, frames: widgetFrames });
    analysis.frames = widgetFrames;
    analysis.framesSeen = seen;
    analysis.moreComments = (await moreCommentsOf(analysis)) ?? (await frameMoreComments(widgetFrames));
    analysisMs = Math.round(performance.now() - started);
    analyses += 1;
  }
  return analysis;
}

/** The page's "show comments" button after this analysis's article or in its comment section (more-comments.js), or null. */
async function moreCommentsOf({ report, nodes }) {
  const { findMoreCommentsButton } = await import('./more-comments.js');
  const section = report.summary?.section != null ? nodes[report.summary.section] : null;
  const last = report.sentences?.at(-1)?.anchor?.end?.node;
  // A page past a reading limit: only the part analysed is searched.
  const until = report.truncated ? nodes.at(-1) ?? null : null;
  return findMoreCommentsButton(document, { section: section?.nodeType === 1 ? section : null, articleEnd: nodes[last] ?? null, until });
}

/** A widget frame's "load more comments" button: `{element: its iframe, label}`, or null. */
async function frameMoreComments(widgetFrames) {
  const frame = widgetFrames.find((f) => f.more);
  return frame ? { element: (await framesModule()).frameElementOf(document, frame.url), label: frame.more } : null;
}

/**
 * Where the summary panel goes when the page has no comment section of its own: before the frame
 * whose widget gave comments, else before the page's "show comments" button; null elsewhere.
 */
async function panelPlaceOf({ frames: widgetFrames, moreComments }) {
  if (widgetFrames?.length) {
    const { frameElementOf } = await framesModule();
    for (const frame of widgetFrames) {
      const element = frameElementOf(document, frame.url);
      if (element) return element;
    }
  }
  return moreComments?.element?.isConnected ? moreComments.element : null;
}

/** The iframe element a frame comment (no node in this page) came from, or null. */
async function frameElementOfComment(id) {
  let first = (analysis.report.comments ?? []).filter((c) => c.node != null).length;
  for (const frame of analysis.frames ?? []) {
    if (id < first + frame.comments.length) return (await framesModule()).frameElementOf(document, frame.url);
    first += frame.comments.length;
  }
  return null;
}

let framesTimer = null;
/** How many times a widget frame announced itself; an analysis remembers the count it began at. */
let framesSeen = 0;

/**
 * A comment-widget frame appeared or grew (the background relays its `frame-ready`): with Glose
 * on, the page is read again with it (once for a burst of frames); off, the cached analysis is
 * stale at once (`framesSeen`), so the next one asks the frames (a timer may wait a second in a
 * background tab).
 */
function framesChanged() {
  framesSeen += 1;
  clearTimeout(framesTimer);
  framesTimer = setTimeout(() => serially(async () => {
    if (session) await pageChanged();
  }), 300);
  return { ok: true };
}

async function ensurePlacedNotes() {
  if (!placed) {
    const { placeNotes } = await anchoringModule();
    placed = await placeNotes(document, await notesOf(pageKeyOf(document)), skip);
  }
  return placed;
}

async function createNote(range, values) {
  const { selectorsOf } = await anchoringModule();
  const target = await selectorsOf(document, range, skip);
  if (!target) return;
  const note = newNote(target, values.body, parseTags(values.tags));
  await putNote(pageKeyOf(document), note, { title: analysis?.report?.metadata?.title ?? document.title, url: location.href });
  await refreshNotes();
}

async function refreshNotes() {
  placed = null;
  await ensurePlacedNotes();
  quietly(() => session?.setNotes(placed));
  ext.runtime.sendMessage(stateChanged(Boolean(session))).catch(() => {});
}

/** Runs Glose's own DOM work without the page watcher taking it for a change of the page. */
function quietly(fn) {
  return watcher ? watcher.quiet(fn) : fn();
}

/** Closes the session (what it drew goes); forgets the analysis if drawing changed the DOM. */
function closeSession() {
  // Wrapper fallback split text nodes: the cached anchors would point at stale nodes.
  const stale = session.drawing().mutatedDom;
  quietly(() => session.dispose());
  session = null;
  if (stale) {
    forgetAnalysis();
    placed = null;
  }
}

async function setOn(on) {
  if (on && !session) {
    await ensureAnalysis();
    await ensurePlacedNotes();
    const { openSession } = await sessionModule();
    const { regionsOf, watchPage } = await import('./page-watch.js');
    const panelPlace = await panelPlaceOf(analysis);
    session = quietly(() => openSession(document, analysis, placed, t, { createNote, openPanel: sidePanelOpener(), refinement: refinementOf(analysis)?.status,
      panelPlace, moreComments: analysis.moreComments?.label ?? null }));
    regions = regionsOf(analysis);
    watcher ??= watchPage(document, { regions: () => regions, onChange: () => serially(pageChanged) });
    refineDrawn();
  } else if (!on && session) {
    // The encoder's answer would be dropped: stop the background's work now.
    stopRefinement('Glose was turned off');
    watcher?.stop();
    watcher = null;
    regions = [];
    closeSession();
  }
  ext.runtime.sendMessage(stateChanged(Boolean(session))).catch(() => {});
  return { on: Boolean(session) };
}

/** The encoder's refinement of an analysis (`content/refine.js`): `{of, status, reason?, timings?}`. */
let refinement = null;
/** Stops the pending refinement (its port disconnects and the background stops embedding). */
let refineStop = null;

/** Stops a pending refinement, which is then `dropped` for `reason`. */
function stopRefinement(reason) {
  if (refinement?.status !== 'pending') return;
  refineStop?.abort();
  refineStop = null;
  refinement = { of: refinement.of, status: 'dropped', reason };
}

/** The refinement state of `target`, or null when none ran for it. */
function refinementOf(target) {
  return refinement?.of === target ? refinement : null;
}

/**
 * After the fast highlights are drawn: asks for the encoder's refinement of the analysis on the
 * page and, when it comes back while that analysis is still the page's and Glose still on, draws
 * it (highlights only: same sentences, new labels). A reply for a page read again or a Glose
 * turned off meanwhile is dropped. The page's part is one short task (refine.js).
 */
function refineDrawn() {
  const target = analysis;
  if (target.report.opinion_model === 'encoder' || refinementOf(target)?.status === 'pending') return;
  const started = performance.now();
  const pending = { of: target, status: 'pending' };
  const stop = new AbortController();
  refinement = pending;
  refineStop = stop;
  session.setRefinement('pending');
  import('./refine.js')
    .then(({ refineAnalysis }) => refineAnalysis(target, { signal: stop.signal }))
    .then((outcome) => serially(async () => {
      // Stopped (Glose turned off, the page read again) or replaced by a newer refinement.
      if (refinement !== pending) return;
      const { status, reason, timings } = outcome;
      if (status === 'encoder' && (analysis !== target || !session)) {
        refinement = { of: target, status: 'dropped', reason: analysis !== target ? 'the page was read again' : 'Glose was turned off', timings };
        return;
      }
      if (status === 'encoder') {
        const drawStarted = performance.now();
        analysis = outcome.analysis;
        // Quietly: the page watcher must not take Glose's own redraw for a change of the page.
        quietly(() => session.setReport(analysis.report));
        timings.draw = Math.round(performance.now() - drawStarted);
        timings.total = Math.round(performance.now() - started);
        refinement = { of: analysis, status, timings };
      } else {
        refinement = { of: target, status, reason, timings };
        if (status === 'unavailable' || status === 'failed') console.warn('glose: the highlights are not refined:', reason);
      }
      session?.setRefinement(status);
      ext.runtime.sendMessage(stateChanged(Boolean(session))).catch(() => {});
    }))
    .catch((error) => {
      // Never an uncaught error in the page: the fast highlights stay and the status says so.
      if (refinement === pending) refinement = { of: target, status: 'failed', reason: String(error?.message ?? error) };
      session?.setRefinement('failed');
      console.warn('glose: the highlights are not refined:', error?.message ?? error);
    });
}

/**
 * The page changed under Glose (re-rendered article, more comments, a client-side navigation to
 * another article): read it again and redraw, notes re-anchored on the new nodes. Glose's own
 * drawing is done quietly, so this never triggers itself.
 */
async function pageChanged() {
  if (!session) return;
  stopRefinement('the page was read again');
  closeSession();
  forgetAnalysis();
  placed = null;
  await setOn(true);
}

/**
 * Where the background can open the side panel from a click in the page (Chromium's
 * `sidePanel`), the function that asks it to; null elsewhere (Firefox opens its sidebar from its
 * own menu only).
 */
function sidePanelOpener() {
  if (!ext.runtime.getURL('').startsWith('chrome-extension:')) return null;
  return () => ext.runtime.sendMessage(openPanel()).catch(() => {});
}

/** The refinement's state for the page state: `{status, reason?, timings?}`, or null. */
function refinementState() {
  const state = refinementOf(analysis) ?? (analysis?.report?.opinion_model === 'encoder' ? { status: 'encoder' } : null);
  return state && { status: state.status, reason: state.reason ?? null, timings: state.timings ?? null };
}

/** What the side panel shows. */
async function pageState() {
  const { report, path } = await ensureAnalysis();
  const notes = await ensurePlacedNotes();
  return {
    on: Boolean(session),
    // While on: whether the underlined layers are drawn plain (a big page; the legend follows).
    plain: session?.plain ?? false,
    pageKey: pageKeyOf(document),
    url: location.href,
    title: report.metadata?.title ?? document.title,
    path,
    analyses,
    analysisMs,
    // Big pages: the phases of `analysisMs` (content/analysis.js `analyzeBigPage`).
    analysisTimings: analysis.timings ?? null,
    // A page too large to read whole: which limit cut it and how much was analysed.
    truncated: report.truncated ?? null,
    // The encoder's refinement: which model drew the editorial lines, or why the fast one still does.
    refinement: refinementState(),
    // Big pages: the full report is JSON text the page never decodes, handed over in parts (one
    // message of megabytes would block the page while it is serialised).
    // Small pages read by the in-page wasm drew from the slim report: the full one is written now.
    report: analysis.full === undefined ? (analysis.fullReport?.() ?? report) : null,
    reportParts: analysis.full === undefined ? 0 : (await fullReportParts()).length,
    notes: notes.map(({ note, anchor }) => ({ note, placed: Boolean(anchor), method: anchor?.method ?? null })),
    // Comment widgets in frames whose comments the report holds, and the page's "show comments" button.
    frames: (analysis.frames ?? []).map(({ url, comments }) => ({ url, comments: comments.length })),
    moreComments: analysis.moreComments?.label ?? null,
  };
}

/**
 * A big page's full report (JSON text) in the parts the side panel asks for: `Blob`s
 * (`analysis.js` `fetchFullReport`), so the whole text is never one string in the page.
 */
async function fullReportParts() {
  const held = analysis?.full === undefined ? null : await analysis.full;
  return held?.parts ?? [];
}

/** Piece `index` of a big page's full report (JSON text), for the side panel. */
async function reportPartOf(index) {
  const parts = await fullReportParts();
  if (!(index >= 0 && index < parts.length)) throw new Error('no such part of the report');
  return { part: await parts[index].text() };
}

async function scrollTo({ type, id }) {
  if (!analysis) return { ok: false };
  const { scrollToTarget } = await sessionModule();
  const { liveRange } = await import('../draw/report-layers.js');
  const { report, nodes } = analysis;
  if (type === 'sentence') return { ok: scrollToTarget(liveRange(document, nodes, report.sentences[id]?.anchor)) };
  if (type === 'comment') return { ok: scrollToTarget(nodes[report.comments[id]?.node] ?? await frameElementOfComment(id)) };
  if (type === 'note') return { ok: scrollToTarget(placed?.find((p) => p.note.id === id)?.range) };
  return { ok: false };
}

/** Starts the controller: message handlers, and Glose on by itself on chosen sites. */
export async function start() {
  // The loader may run twice (manifest injection, then the background's on-demand injection
  // into a tab that was still loading): one controller per page.
  if (started) return;
  started = true;
  ext.runtime.onMessage.addListener(route({
    [Kind.Toggle]: (m) => serially(() => setOn(m.on ?? !session)),
    [Kind.PageState]: () => serially(pageState),
    [Kind.PageReportPart]: async (m) => reportPartOf(m.index),
    [Kind.ScrollTo]: (m) => serially(() => scrollTo(m.target)),
    [Kind.NotesChanged]: () => serially(refreshNotes),
    [Kind.FramesChanged]: async () => framesChanged(),
  }));
  const stored = await ext.storage.local.get(AUTO_SITES_KEY);
  const sites = stored[AUTO_SITES_KEY] ?? [];
  if (sites.includes(location.hostname)) await serially(() => setOn(true));
  // A fresh page starts off: clear a badge left "on" by the page this tab showed before.
  else ext.runtime.sendMessage(stateChanged(false)).catch(() => {});
}
