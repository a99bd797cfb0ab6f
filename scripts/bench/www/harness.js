// The page side of scripts/bench-browser.mjs: times Glose's whole pipeline in wasm
// (`analyze_live_document_slim`, as the extension: live-DOM walk, extraction, sentences, opinion,
// comment summary, the slim report converted to JavaScript; `?full`: `analyze_live_document`) against Readability.js's `parse()` on a clone of the same
// document, interleaved, after warm-up runs.
import init, * as glose from '/pkg/glose.js';

const { analyze_live_document, analyze_snapshot, version } = glose;
// What the extension's content script calls: the slim report (the full one is written only when
// the side panel or an export asks), where the build has it; `?full` times the full report.
const analyzePage = (!new URLSearchParams(location.search).has('full') && glose.analyze_live_document_slim) || analyze_live_document;
import { readDocument } from '/extension/content/snapshot.js';
import { loadInFrame } from '/frame.js';

await init({ module_or_path: '/pkg/glose_bg.wasm' });

const frame = document.getElementById('page');
let sink = null; // keeps results alive so no engine can skip the work

const load = (path) => loadInFrame(frame, path);

function timeGlose(doc, url) {
  const start = performance.now();
  const result = analyzePage(doc, url);
  const ms = performance.now() - start;
  sink = result;
  return ms;
}

/** Readability.js's `parse()` only: the clone it needs (it edits its document) is made before. */
function timeReadability(doc) {
  const clone = doc.cloneNode(true);
  const start = performance.now();
  const article = new Readability(clone).parse();
  const ms = performance.now() - start;
  sink = article;
  return ms;
}

/**
 * Times one page (`path` on this server): `warmup` untimed runs of each, then `runs` timed pairs, alternating which one
 * goes first, and more pairs (up to `maxRuns`) while both together have taken less than `minMs`: on a page of a few
 * elements both take ~0.3 ms, and the median of five such runs follows single descheduled or collected ones. Returns
 * the times in ms and a few facts about the page and the results.
 */
window.benchPage = async (path, runs, warmup, { minMs = 0, maxRuns = runs } = {}) => {
  const doc = await load(path);
  const url = frame.contentWindow.location.href;
  for (let i = 0; i < warmup; i += 1) {
    timeGlose(doc, url);
    timeReadability(doc);
  }
  const glose = [];
  const readability = [];
  let spent = 0;
  for (let i = 0; i < runs || (i < maxRuns && spent < minMs); i += 1) {
    if (i % 2 === 0) {
      glose.push(timeGlose(doc, url));
      readability.push(timeReadability(doc));
    } else {
      readability.push(timeReadability(doc));
      glose.push(timeGlose(doc, url));
    }
    spent += glose[i] + readability[i];
  }
  const { report, nodes } = analyze_live_document(doc, url);
  const article = new Readability(doc.cloneNode(true)).parse();
  sink = null;
  return {
    glose, readability,
    elements: doc.getElementsByTagName('*').length,
    snapshotNodes: nodes.length,
    sentences: report.sentences?.length ?? 0,
    comments: report.comments?.length ?? 0,
    gloseFound: Boolean(report.article?.found),
    gloseChars: report.article?.text?.length ?? 0,
    readabilityChars: article?.textContent?.length ?? 0,
  };
};

/**
 * Where Glose's time goes on one page (medians of `runs` after one warm-up): the whole call, the
 * DOM read by the extension's JavaScript reader, and the wasm analysis of that snapshot
 * (`analyze_snapshot`, which also converts the snapshot from JS objects).
 */
window.benchPhases = async (path, runs) => {
  const doc = await load(path);
  const url = frame.contentWindow.location.href;
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const whole = [];
  const jsRead = [];
  const wasmAnalyse = [];
  for (let i = 0; i <= runs; i += 1) {
    const t0 = performance.now();
    sink = analyze_live_document(doc, url);
    const t1 = performance.now();
    const { snapshot } = readDocument(doc);
    const t2 = performance.now();
    sink = analyze_snapshot(snapshot, url);
    const t3 = performance.now();
    if (i > 0) {
      whole.push(t1 - t0);
      jsRead.push(t2 - t1);
      wasmAnalyse.push(t3 - t2);
    }
  }
  sink = null;
  return { whole: med(whole), jsRead: med(jsRead), wasmAnalyse: med(wasmAnalyse) };
};

window.benchInfo = () => ({ version: version(), userAgent: navigator.userAgent, isolated: crossOriginIsolated, entry: analyzePage.name });
window.benchReady = true;
