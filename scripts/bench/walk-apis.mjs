#!/usr/bin/env node
// Micro-benchmark of the DOM calls the page walker (src/read_dom/walk.js) makes per element, in
// headless Chromium (playwright-core) or Firefox ESR (selenium + geckodriver): each variant runs
// over every element under <body> of a loaded corpus page (style and layout clean), `--runs`
// times; prints the median ms per page summed over the pages and ns per element, by variant.
// Answers "what does each API cost here", not "how fast is the walk" (walk.mjs).
//   node scripts/bench/walk-apis.mjs [--browser chromium|firefox] [--only 001,002] [--extra seed] [--runs 9]
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { startBenchServer } from './server.mjs';
import { firefoxAt } from './walk-harness.mjs';
import { benchPages, CORPUS, GENERATED as generated, machineLoad, ROOT } from './pages.mjs';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' }, runs: { type: 'string', default: '9' }, extra: { type: 'string', default: 'seed' },
    browser: { type: 'string', default: 'chromium' },
  },
});
const pages = benchPages(args);
const server = await startBenchServer({ root: ROOT, corpus: CORPUS, generated });

/** `run(source, arg)`: evaluates the async function `source` on `arg` in the harness page. */
async function open(name) {
  if (name === 'chromium') {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(600_000);
    await page.goto(server.url('/walk.html'));
    return { run: (source, arg) => page.evaluate(`(${source})(${JSON.stringify(arg)})`), close: () => browser.close() };
  }
  const driver = await firefoxAt(server.url('/walk.html'));
  return {
    run: async (source, arg) => {
      const r = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
        (${source})(arguments[0]).then(done, (e) => done({ error: String(e) }));`, arg);
      if (r?.error) throw new Error(r.error);
      return r;
    },
    close: () => driver.quit(),
  };
}
const browser = await open(args.browser);
console.log(`# ${args.browser}, before: ${machineLoad()}`);

// Each variant: a function of (elements, view) doing one call per element, returning a number so
// the work is not dead.
const VARIANTS = {
  'loop (localName)': `(els) => { let s = 0; for (const e of els) s += e.localName.length; return s; }`,
  'checkVisibility(VIS)': `(els) => { const V = Object.freeze({ visibilityProperty: true }); let s = 0; for (const e of els) s += e.checkVisibility(V) ? 1 : 0; return s; }`,
  'checkVisibility({vis}) literal': `(els) => { let s = 0; for (const e of els) s += e.checkVisibility({ visibilityProperty: true }) ? 1 : 0; return s; }`,
  'checkVisibility()': `(els) => { let s = 0; for (const e of els) s += e.checkVisibility() ? 1 : 0; return s; }`,
  'checkVisibility(undefined)': `(els) => { let s = 0; for (const e of els) s += e.checkVisibility(undefined) ? 1 : 0; return s; }`,
  'checkVisibility({}) shared': `(els) => { const V = {}; let s = 0; for (const e of els) s += e.checkVisibility(V) ? 1 : 0; return s; }`,
  'gCS(e).visibility': `(els, view) => { let s = 0; for (const e of els) s += view.getComputedStyle(e).visibility.length; return s; }`,
  'gCS(e).display+visibility': `(els, view) => { let s = 0; for (const e of els) { const c = view.getComputedStyle(e); s += c.display.length + c.visibility.length; } return s; }`,
  'computedStyleMap visibility': `(els) => { let s = 0; for (const e of els) s += String(e.computedStyleMap().get('visibility')).length; return s; }`,
  'checkVisibility(null-proto {vis})': `(els) => { const V = Object.create(null); V.visibilityProperty = true; let s = 0; for (const e of els) s += e.checkVisibility(V) ? 1 : 0; return s; }`,
  'checkVisibility(all 5 members)': `(els) => { const V = { checkOpacity: false, checkVisibilityCSS: false, contentVisibilityAuto: false, opacityProperty: false, visibilityProperty: true }; let s = 0; for (const e of els) s += e.checkVisibility(V) ? 1 : 0; return s; }`,
  'verdict: cv(VIS) || gCS (current)': `(els, view) => { const V = Object.freeze({ visibilityProperty: true }); let s = 0; for (const e of els) { let ok = e.checkVisibility(V); if (!ok) { const c = view.getComputedStyle(e); ok = !(c.display === 'none' || c.visibility === 'hidden' || c.visibility === 'collapse'); } s += ok ? 1 : 0; } return s; }`,
  'verdict: gCS only': `(els, view) => { let s = 0; for (const e of els) { const c = view.getComputedStyle(e); const v = c.visibility; s += (v === 'hidden' || v === 'collapse' || c.display === 'none') ? 0 : 1; } return s; }`,
  'verdict: gCS getPropertyValue': `(els, view) => { let s = 0; for (const e of els) { const c = view.getComputedStyle(e); const v = c.getPropertyValue('visibility'); s += (v === 'hidden' || v === 'collapse' || c.getPropertyValue('display') === 'none') ? 0 : 1; } return s; }`,
  'verdict: csm both': `(els) => { let s = 0; for (const e of els) { const m = e.computedStyleMap(); const v = String(m.get('visibility')); s += (v === 'hidden' || v === 'collapse' || String(m.get('display')) === 'none') ? 0 : 1; } return s; }`,
  'gCS(e) only (no read)': `(els, view) => { let s = 0; for (const e of els) s += view.getComputedStyle(e) ? 1 : 0; return s; }`,
  'offsetParent': `(els) => { let s = 0; for (const e of els) s += e.offsetParent ? 1 : 0; return s; }`,
  'nodeType': `(els) => { let s = 0; for (const e of els) s += e.nodeType; return s; }`,
  'localName+nodeType': `(els) => { let s = 0; for (const e of els) s += e.localName.length + e.nodeType; return s; }`,
  'firstChild+nextSibling': `(els) => { let s = 0; for (const e of els) s += (e.firstChild ? 1 : 0) + (e.nextSibling ? 1 : 0); return s; }`,
  'shadowRoot': `(els) => { let s = 0; for (const e of els) s += e.shadowRoot ? 1 : 0; return s; }`,
  'hasAttributes': `(els) => { let s = 0; for (const e of els) s += e.hasAttributes() ? 1 : 0; return s; }`,
  'getAttributeNames+getAttribute': `(els) => { let s = 0; for (const e of els) { if (!e.hasAttributes()) continue; const l = e.getAttributeNames(); for (let k = 0; k < l.length; k++) s += e.getAttribute(l[k]).length; } return s; }`,
  'getAttributeNames only': `(els) => { let s = 0; for (const e of els) { if (!e.hasAttributes()) continue; s += e.getAttributeNames().length; } return s; }`,
  'attributes[k].localName/value': `(els) => { let s = 0; for (const e of els) { if (!e.hasAttributes()) continue; const a = e.attributes; for (let k = 0; k < a.length; k++) { const x = a[k]; s += x.localName.length + x.value.length; } } return s; }`,
  'getAttribute(class, id)': `(els) => { let s = 0; for (const e of els) s += (e.getAttribute('class') ?? '').length + (e.getAttribute('id') ?? '').length; return s; }`,
  'className + id getters': `(els) => { let s = 0; for (const e of els) { const c = e.className; s += (typeof c === 'string' ? c.length : 0) + e.id.length; } return s; }`,
  // The same getters taken from Element.prototype (immune to form clobbering and page overrides), of the page's realm and of the bench's.
  'className + id, page getters .call': `(els, view) => { const P = view.Element.prototype; const C = Object.getOwnPropertyDescriptor(P, 'className').get; const I = Object.getOwnPropertyDescriptor(P, 'id').get; let s = 0; for (const e of els) { const c = C.call(e); s += (typeof c === 'string' ? c.length : 0) + I.call(e).length; } return s; }`,
  'className + id, own-realm getters .call': `(els) => { const P = Element.prototype; const C = Object.getOwnPropertyDescriptor(P, 'className').get; const I = Object.getOwnPropertyDescriptor(P, 'id').get; let s = 0; for (const e of els) { const c = C.call(e); s += (typeof c === 'string' ? c.length : 0) + I.call(e).length; } return s; }`,
  // Whether `hasAttributes` before `getAttributeNames` pays (an empty array per bare element otherwise).
  'getAttributeNames, no hasAttributes': `(els) => { let s = 0; for (const e of els) s += e.getAttributeNames().length; return s; }`,
  'attributes.length': `(els) => { let s = 0; for (const e of els) s += e.attributes.length; return s; }`,
  'attributes[k].name only': `(els) => { let s = 0; for (const e of els) { if (!e.hasAttributes()) continue; const a = e.attributes; for (let k = 0; k < a.length; k++) s += a[k].name.length; } return s; }`,
};

// The page side: loads page `p` in the harness's frame and times each variant.
const MEASURE = `async ([p, runs, variants]) => {
  const frame = document.getElementById('page');
  const doc = await new Promise((resolve, reject) => {
    frame.onload = () => resolve(frame.contentDocument);
    frame.onerror = reject;
    frame.src = p;
  });
  const els = doc.body ? [...doc.body.getElementsByTagName('*')] : [];
  const view = doc.defaultView;
  doc.body?.checkVisibility(); // style and layout clean before timing
  const out = {};
  // Warm up; a variant this browser lacks (computedStyleMap in Firefox) is left out.
  const fns = Object.entries(variants).map(([k, src]) => [k, (0, eval)(src)]).filter(([, f]) => {
    try {
      f(els, view);
      return true;
    } catch {
      return false;
    }
  });
  const times = Object.fromEntries(fns.map(([k]) => [k, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const [k, f] of fns) {
      const t = performance.now();
      f(els, view);
      times[k].push(performance.now() - t);
    }
  }
  for (const [k, ts] of Object.entries(times)) {
    ts.sort((x, y) => x - y);
    out[k] = ts[ts.length >> 1];
  }
  return { n: els.length, out };
}`;

const totals = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, 0]));
let elements = 0;
for (const [name, path] of pages) {
  const r = await browser.run(MEASURE, [path, Number(args.runs), VARIANTS]);
  elements += r.n;
  for (const k of Object.keys(totals)) totals[k] += r.out[k] ?? NaN;
}
console.log(`# ${pages.length} pages, ${elements} body elements; median ms per page summed, ns per element`);
for (const [k, v] of Object.entries(totals)) console.log(k.padEnd(36) + v.toFixed(1).padStart(9) + ' ms' + ((v * 1e6) / elements).toFixed(0).padStart(8) + ' ns');
console.log(`# after: ${machineLoad()}`);
await browser.close();
await server.close();
