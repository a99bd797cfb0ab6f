// The page side of scripts/bench/split.mjs: times `analyze_live_document_slim` of a build with the
// `bench-phases` feature, whose marks (`last_phases()`) split each call into its phases, next to
// Readability.js's `parse()` on a clone of the same document (interleaved, as bench-browser).
import init, * as glose from '/pkg/glose.js';
import { loadInFrame } from '/frame.js';

await init({ module_or_path: '/pkg/glose_bg.wasm' });
const frame = document.getElementById('page');
let sink = null;

const load = (path) => loadInFrame(frame, path);

/** One call: `[[phase, ms], …]` from the call's start, with `call` (JS before the first mark) and `return` (after the last). */
function timeGlose(doc, url) {
  const start = performance.now();
  sink = glose.analyze_live_document_slim(doc, url);
  const end = performance.now();
  const marks = glose.last_phases();
  const out = [['call', marks[0][1] - start]];
  for (let i = 1; i < marks.length; i += 1) out.push([marks[i][0], marks[i][1] - marks[i - 1][1]]);
  out.push(['return', end - marks[marks.length - 1][1]]);
  out.push(['total', end - start]);
  return out;
}

function timeReadability(doc) {
  const clone = doc.cloneNode(true);
  const start = performance.now();
  sink = new Readability(clone).parse();
  return performance.now() - start;
}

/** `warmup` untimed pairs, then `runs` timed pairs alternating which goes first. */
window.splitPage = async (path, runs, warmup) => {
  const doc = await load(path);
  const url = frame.contentWindow.location.href;
  for (let i = 0; i < warmup; i += 1) { timeGlose(doc, url); timeReadability(doc); }
  const glose = [];
  const readability = [];
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) { glose.push(timeGlose(doc, url)); readability.push(timeReadability(doc)); } else { readability.push(timeReadability(doc)); glose.push(timeGlose(doc, url)); }
  }
  sink = null;
  return { glose, readability };
};
window.splitReady = true;
