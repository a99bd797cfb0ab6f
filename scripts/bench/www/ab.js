// The page side of scripts/bench/ab.mjs: two wasm builds of Glose (/pkg/ = A, /pkgb/ = B) time
// what the extension's content script calls on the same document, interleaved, so the machine's
// load hits both: `analyze_live_document_slim` (slim report, full one written on demand) where a
// build has it, else `analyze_live_document` (builds before it). `?full` times
// `analyze_live_document` (full report to JS objects) in both.
import initA, * as A from '/pkg/glose.js';
import initB, * as B from '/pkgb/glose.js';
import { loadInFrame } from '/frame.js';

await initA({ module_or_path: '/pkg/glose_bg.wasm' });
await initB({ module_or_path: '/pkgb/glose_bg.wasm' });
const full = new URLSearchParams(location.search).has('full');
const entry = (m) => (!full && m.analyze_live_document_slim) || m.analyze_live_document;
const analyzeA = entry(A);
const analyzeB = entry(B);
const frame = document.getElementById('page');
let sink = null;

const load = (path) => loadInFrame(frame, path);

function time(analyze, doc, url) {
  const start = performance.now();
  sink = analyze(doc, url);
  return performance.now() - start;
}

/** `warmup` untimed runs of each, then `runs` timed pairs alternating which goes first. */
window.abPage = async (path, runs, warmup) => {
  const doc = await load(path);
  const url = frame.contentWindow.location.href;
  for (let i = 0; i < warmup; i += 1) {
    time(analyzeA, doc, url);
    time(analyzeB, doc, url);
  }
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      a.push(time(analyzeA, doc, url));
      b.push(time(analyzeB, doc, url));
    } else {
      b.push(time(analyzeB, doc, url));
      a.push(time(analyzeA, doc, url));
    }
  }
  // Compared on the full reports (the slim one is a view of it).
  const ra = A.analyze_live_document(doc, url);
  const rb = B.analyze_live_document(doc, url);
  const same = JSON.stringify(ra.report) === JSON.stringify(rb.report) && ra.nodes.length === rb.nodes.length
    && ra.nodes.every((n, i) => n === rb.nodes[i]);
  sink = null;
  return { a, b, same, nodes: ra.nodes.length };
};
// ab.mjs --cpu: `reps` analyses of the loaded page by build 'a' or 'b' (timed by the caller).
let loaded = null;
window.abLoad = async (path) => { loaded = { doc: await load(path) }; loaded.url = frame.contentWindow.location.href; };
window.abTimes = (which, reps) => {
  const analyze = which === 'a' ? analyzeA : analyzeB;
  for (let i = 0; i < reps; i += 1) sink = analyze(loaded.doc, loaded.url);
  sink = null;
};
window.abReady = true;
