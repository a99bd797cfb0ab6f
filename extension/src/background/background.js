/**
 * The background (service worker in Chromium, event page in Firefox): the toolbar button and the
 * keyboard shortcut toggle Glose on the current tab; the badge says where it is on; the wasm core
 * here analyses snapshots for pages whose CSP forbids wasm in content scripts.
 */
import { ext } from '../platform.js';
import { Kind, route, toggle } from '../messages.js';
import { analyzeSnapshot, analyzeSnapshotSlim, anchorNotes, describeRange } from './core.js';
import { addPiece, dropTab, isUpload, keepReport, keptJobs, reportPart, takeUpload } from './snapshot-jobs.js';
import { dropTabSnapshots, embedSentences, keepForRefinement, keptSnapshots, refineControl, refineSnapshot } from './refine.js';
import { REFINE_PORT, serveRefinePort } from '../refine-port.js';
import { readMainWorld } from './main-world-read.js';
import { collectFrameComments, dropTabFrames, frameReady, knownFrames } from './frame-comments.js';

/** Toggles Glose on a tab (the toolbar button, the shortcut and the tests call this). */
export async function toggleTab(tabId, on) {
  let answer;
  try {
    answer = await ext.tabs.sendMessage(tabId, toggle(on), { frameId: 0 });
  } catch {
    // A tab opened before Glose was installed has no content script yet: inject it and retry.
    await ext.scripting.executeScript({ target: { tabId }, files: ['src/content/loader.js'] });
    await ext.scripting.insertCSS({ target: { tabId }, files: ['src/draw/highlights.css'] });
    answer = await retry(() => ext.tabs.sendMessage(tabId, toggle(on), { frameId: 0 }));
  }
  await showState(tabId, Boolean(answer?.on));
  return answer;
}

/** Retries a call a few times while a freshly injected content script starts. */
async function retry(call, attempts = 20) {
  for (let i = 1; ; i += 1) {
    try {
      return await call();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function showState(tabId, on) {
  await ext.action.setBadgeText({ tabId, text: on ? 'on' : '' }).catch(() => {});
  await ext.action.setBadgeBackgroundColor?.({ tabId, color: '#b35c00' })?.catch?.(() => {});
}

async function activeTabId() {
  const [tab] = await ext.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

ext.action.onClicked.addListener((tab) => {
  toggleTab(tab.id).catch((error) => console.warn('glose: cannot toggle this tab:', error?.message ?? error));
});

ext.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'toggle-glose') return;
  const tabId = tab?.id ?? (await activeTabId());
  if (tabId !== undefined) toggleTab(tabId).catch((error) => console.warn('glose:', error?.message ?? error));
});

/** Whether big answers go to the page as JSON text (Firefox: see `analyze`). */
const AS_TEXT = ext.runtime.getURL('').startsWith('moz-extension:');

/** A message's snapshot: itself, or the JSON text of the upload it names. */
function snapshotOf(snapshot) {
  return isUpload(snapshot) ? takeUpload(snapshot) : snapshot;
}

/**
 * Analyses a snapshot. For an upload (a big page), answers with the slim report and keeps the full
 * one for the content script to fetch in parts: the page decodes only what drawing needs at once.
 */
async function analyze(snapshot, url, tabId, frames) {
  // The fast report at once; `refine` names the kept snapshot for the encoder's second report.
  if (!isUpload(snapshot)) return { report: await analyzeSnapshot(snapshot, url, frames), refine: keepForRefinement(snapshot, url, frames, tabId) };
  // The core writes both: the slim report the page decodes, the full one as JSON text kept here.
  const started = performance.now();
  const wire = takeUpload(snapshot);
  const joined = performance.now();
  const { report, full } = await analyzeSnapshotSlim(wire, url, frames);
  // `timings` (ms): joining the upload, the wasm's parse + analysis + both reports.
  const analysed = performance.now();
  // In Firefox the slim report crosses to the page as JSON text: Firefox copies a big object graph
  // between processes slowly (the 50 MB page's 33,000 sentences: 2.9 s as an object, 0.1 s as
  // text; RELIABILITY.md "Reading limits"). Chromium sends messages as JSON anyway: text there
  // would be written, escaped and parsed twice.
  const sent = AS_TEXT ? JSON.stringify(report) : report;
  const timings = { join: Math.round(joined - started), core: Math.round(analysed - joined), stringify: Math.round(performance.now() - analysed), snapshotChars: wire.length };
  return { report: sent, full: { job: snapshot.job, parts: keepReport(snapshot.job, full, tabId) }, timings };
}

ext.runtime.onMessage.addListener(route({
  [Kind.ToggleTab]: (m) => toggleTab(m.tabId, m.on),
  [Kind.AnalyzeSnapshot]: (m, sender) => analyze(m.snapshot, m.url, sender.tab?.id, typeof m.frames === 'string' ? m.frames : undefined),
  [Kind.SnapshotPiece]: async (m, sender) => {
    addPiece(m.job, m.index, m.piece, sender.tab?.id);
    return { ok: true };
  },
  [Kind.ReadMainWorld]: (m, sender) => readMainWorld(sender.tab?.id, sender.frameId, m),
  [Kind.ReportPart]: async (m) => ({ part: reportPart(m.job, m.index) }),
  [Kind.DescribeSelection]: async (m) => ({ result: await describeRange(snapshotOf(m.snapshot), m.range) }),
  // Also over a refinement port (below), which the content script uses: stoppable.
  [Kind.Embed]: (m) => embedSentences(m.sentences),
  [Kind.RefineSnapshot]: (m) => refineSnapshot(m.job, m.sentences),
  [Kind.AnchorNotes]: async (m) => ({ result: await anchorNotes(snapshotOf(m.snapshot), m.notes) }),
  // Chromium only: sidePanel.open() must run while the click that asked for it is still "live".
  [Kind.OpenPanel]: async (m, sender) => {
    await ext.sidePanel.open({ tabId: sender.tab.id });
  },
  [Kind.StateChanged]: async (m, sender) => {
    // Only the top frame speaks for the tab (frames never draw).
    if (sender.tab?.id !== undefined && !sender.frameId) await showState(sender.tab.id, m.on);
  },
  // Comment widgets in frames: frames announce themselves, the top frame asks for their comments.
  [Kind.FrameReady]: async (m, sender) => {
    await frameReady(sender.tab?.id, sender.frameId, m.url);
    return { ok: true };
  },
  [Kind.CollectFrameComments]: async (m, sender) => ({ frames: sender.tab?.id === undefined ? [] : await collectFrameComments(sender.tab.id) }),
}));

// The side panel opens from its own toolbar entry (Chromium) or the sidebar (Firefox); the
// action button stays the toggle.
ext.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false })?.catch?.(() => {});

// Refinements: one port per request, aborted when the port disconnects (its page went away).
ext.runtime.onConnect.addListener((port) => {
  if (port.name !== REFINE_PORT) return;
  serveRefinePort(port, {
    [Kind.Embed]: (m, signal) => embedSentences(m.sentences, signal),
    [Kind.RefineSnapshot]: (m, signal) => refineSnapshot(m.job, m.sentences, signal),
  });
});

// A closed tab's uploads, reports, refinement snapshots and frames would otherwise wait out their
// expiry in memory (its refinement ports disconnect by themselves).
ext.tabs.onRemoved.addListener((tabId) => {
  dropTab(tabId);
  dropTabSnapshots(tabId);
  dropTabFrames(tabId).catch(() => {});
});
// A tab that moves to another page gets new frames: the old ones are forgotten.
ext.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading' && change.url) dropTabFrames(tabId).catch(() => {});
});

globalThis.gloseToggleTab = toggleTab;
globalThis.gloseKeptJobs = () => ({ ...keptJobs(), snapshots: keptSnapshots() });
globalThis.gloseRefine = refineControl;
globalThis.gloseWidgetFrames = knownFrames;
