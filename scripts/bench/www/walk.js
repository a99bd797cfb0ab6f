// The page side of scripts/bench/walk.mjs: two walkers (/walks/a.js, /walks/b.js) on the same
// document with the wasm reader's rule lists (the wasm's snapshot_rules()) and limits.
import * as A from '/walks/a.js';
import * as B from '/walks/b.js';
import init, { snapshot_rules } from '/pkg/glose.js';

await init({ module_or_path: '/pkg/glose_bg.wasm' });
const rules = JSON.parse(snapshot_rules());
const frame = document.getElementById('page');

// `window.walkCdn` (walk.mjs --cdn in Firefox, which cannot rewrite responses): each loaded document
// gets the style sheet walk-harness.mjs appends in Chromium, one the walker cannot use.
const CDN_PROBE = '@namespace g url(urn:glose-bench);g|glose-bench-probe{display:none}';

function load(path) {
  return new Promise((resolve, reject) => {
    frame.onload = () => {
      const doc = frame.contentDocument;
      if (window.walkCdn) {
        const style = doc.createElement('style');
        style.textContent = CDN_PROBE;
        (doc.body ?? doc.documentElement).append(style);
      }
      resolve(doc);
    };
    frame.onerror = reject;
    frame.src = path;
  });
}

const walk = (m, doc, style) => m.glose_walk_dom(doc, rules.kept.join(','), rules.skipped.join(','), rules.unchecked.join(','),
  rules.prefix, style, rules.limits.nodes, rules.limits.text_node, rules.limits.text);

// `reps` walks per sample, their mean: the timers are coarse (Firefox: 20 µs) against a small page's walk.
function time(m, doc, style, reps = 1) {
  const start = performance.now();
  let out;
  for (let i = 0; i < reps; i += 1) out = walk(m, doc, style);
  return [(performance.now() - start) / reps, out];
}

function differ(x, y) {
  if (x.live.length !== y.live.length) return `live ${x.live.length} vs ${y.live.length}`;
  for (let i = 0; i < x.live.length; i += 1) if (x.live[i] !== y.live[i]) return `node ${i}`;
  if (x.ops.length !== y.ops.length || x.ops.some((v, i) => v !== y.ops[i])) return 'ops';
  if (x.text !== y.text) return 'text';
  if (x.lens.length !== y.lens.length || x.lens.some((v, i) => v !== y.lens[i])) return 'lens';
  if (x.truncated !== y.truncated) return 'truncated';
  return null;
}

window.walkPage = async (path, runs, warmup) => {
  const doc = await load(path);
  for (let i = 0; i < warmup; i += 1) {
    time(A, doc, true);
    time(B, doc, true);
  }
  // Enough walks per sample for ~2 ms.
  const reps = Math.max(1, Math.min(100, Math.ceil(2 / Math.max(time(A, doc, true)[0], 0.02))));
  const a = [];
  const b = [];
  const bare = [];
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      a.push(time(A, doc, true, reps)[0]);
      b.push(time(B, doc, true, reps)[0]);
    } else {
      b.push(time(B, doc, true, reps)[0]);
      a.push(time(A, doc, true, reps)[0]);
    }
    bare.push(time(B, doc, false, reps)[0]);
  }
  const wa = walk(A, doc, true);
  const wb = walk(B, doc, true);
  const why = differ(wa, wb);
  return { a, b, bare, same: why === null, why, nodes: wa.live.length, checksA: wa.styleChecks, checksB: wb.styleChecks };
};
let loaded = null;
window.walkLoad = async (path) => { loaded = await load(path); };
window.walkRepeat = (runs) => { for (let i = 0; i < runs; i += 1) walk(B, loaded, true); };
// walk.mjs --cpu: `reps` walks of the loaded page by walker 'a' or 'b' (timed by the caller).
window.walkTimes = (which, style, reps) => { for (let i = 0; i < reps; i += 1) walk(which === 'a' ? A : B, loaded, style); };
window.walkReady = true;
