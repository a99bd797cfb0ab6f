// The page side of scripts/bench/ab.mjs: two wasm builds of Glose (/pkg/ = A, /pkgb/ = B) time
// `analyze_live_document` on the same document, interleaved, so the machine's load hits both.
import initA, { analyze_live_document as analyzeA } from '/pkg/glose.js';
import initB, { analyze_live_document as analyzeB } from '/pkgb/glose.js';

await initA({ module_or_path: '/pkg/glose_bg.wasm' });
await initB({ module_or_path: '/pkgb/glose_bg.wasm' });
const frame = document.getElementById('page');
let sink = null;

function load(path) {
  return new Promise((resolve, reject) => {
    frame.onload = () => resolve(frame.contentDocument);
    frame.onerror = reject;
    frame.src = path;
  });
}

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
  const ra = analyzeA(doc, url);
  const rb = analyzeB(doc, url);
  const same = JSON.stringify(ra.report) === JSON.stringify(rb.report) && ra.nodes.length === rb.nodes.length
    && ra.nodes.every((n, i) => n === rb.nodes[i]);
  sink = null;
  return { a, b, same, nodes: ra.nodes.length };
};
window.abReady = true;
