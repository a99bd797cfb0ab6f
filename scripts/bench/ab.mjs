// A/B of two wasm builds of Glose in headless Chromium: both loaded in one page, each corpus page
// analysed by both, interleaved (`analyze_live_document`, medians), so the machine's load hits both
// alike. Prints per-page medians, the ratio B/A, and whether both gave the same report and node table.
//   node scripts/bench/ab.mjs PKG_A PKG_B [--only a,b] [--runs 7] [--warmup 2] [--extra seed,comments-10000] [--cpu]
// --cpu: the times are the renderer main thread's CPU time (CDP `ThreadTime`) per analysis, over
// enough analyses for ~20 ms a sample, not wall time: steadier when other work shares the cores.
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchServer } from './server.mjs';
import { benchPages, CORPUS, GENERATED as generated, geomean, machineLoad, median, ROOT } from './pages.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' }, full: { type: 'boolean', default: false }, runs: { type: 'string', default: '7' }, warmup: { type: 'string', default: '2' },
    extra: { type: 'string', default: '' }, cpu: { type: 'boolean', default: false },
  },
});
const [pkgA, pkgB] = positionals.map((p) => resolve(p));
const pages = benchPages(args);

const server = await startBenchServer({ root: ROOT, corpus: CORPUS, generated, pkg: pkgA, pkgB });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
page.setDefaultTimeout(600_000);
await page.goto(server.url(args.full ? '/ab.html?full' : '/ab.html'));
await page.waitForFunction(() => window.abReady === true);
let cpuTimes = null;
if (args.cpu) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const now = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'ThreadTime').value * 1000;
  const threadMs = async (which, reps) => {
    const start = await now();
    await page.evaluate(([w, n]) => window.abTimes(w, n), [which, reps]);
    return ((await now()) - start) / reps;
  };
  cpuTimes = async (path, wallMs) => {
    await page.evaluate(([p]) => window.abLoad(p), [path]);
    const reps = Math.max(1, Math.ceil(20 / Math.max(wallMs, 0.01)));
    const out = { a: [], b: [] };
    for (let i = 0; i < Number(args.runs); i += 1) {
      for (const w of i % 2 === 0 ? ['a', 'b'] : ['b', 'a']) out[w].push(await threadMs(w, reps));
    }
    return out;
  };
}
const ratios = [];
console.log(`A = ${pkgA}\nB = ${pkgB}${args.cpu ? '\n# times: main-thread CPU ms per analysis' : ''}\n# before: ${machineLoad()}`);
console.log('page'.padEnd(40) + 'nodes'.padStart(8) + 'A ms'.padStart(10) + 'B ms'.padStart(10) + 'B/A'.padStart(8) + '  same');
for (const [name, path] of pages) {
  const r = await page.evaluate(([p, n, w]) => window.abPage(p, n, w), [path, Number(args.runs), Number(args.warmup)]);
  if (cpuTimes) Object.assign(r, await cpuTimes(path, median(r.a)));
  const a = median(r.a);
  const b = median(r.b);
  if (!name.startsWith('generated/')) ratios.push(b / a);
  console.log(name.padEnd(40) + String(r.nodes).padStart(8) + a.toFixed(2).padStart(10) + b.toFixed(2).padStart(10)
    + (b / a).toFixed(3).padStart(8) + `  ${r.same ? 'yes' : 'NO'}`);
}
if (ratios.length) console.log(`# B/A over ${ratios.length} corpus pages: median ${median(ratios).toFixed(3)}, geometric mean ${geomean(ratios).toFixed(3)}`);
console.log(`# after: ${machineLoad()}`);
await browser.close();
await server.close();
