// A/B of two wasm builds of Glose in headless Chromium: both loaded in one page, each corpus page
// analysed by both, interleaved (`analyze_live_document`, medians), so the machine's load hits both
// alike. Prints per-page medians, the ratio B/A, and whether both gave the same report and node table.
//   node scripts/bench/ab.mjs PKG_A PKG_B [--only a,b] [--runs 7] [--warmup 2] [--extra seed,comments-10000]
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchServer } from './server.mjs';
import { benchPages, CORPUS, GENERATED as generated, geomean, median, ROOT } from './pages.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' }, full: { type: 'boolean', default: false }, runs: { type: 'string', default: '7' }, warmup: { type: 'string', default: '2' },
    extra: { type: 'string', default: '' },
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
const ratios = [];
console.log(`A = ${pkgA}\nB = ${pkgB}`);
console.log('page'.padEnd(40) + 'nodes'.padStart(8) + 'A ms'.padStart(10) + 'B ms'.padStart(10) + 'B/A'.padStart(8) + '  same');
for (const [name, path] of pages) {
  const r = await page.evaluate(([p, n, w]) => window.abPage(p, n, w), [path, Number(args.runs), Number(args.warmup)]);
  const a = median(r.a);
  const b = median(r.b);
  if (!name.startsWith('generated/')) ratios.push(b / a);
  console.log(name.padEnd(40) + String(r.nodes).padStart(8) + a.toFixed(2).padStart(10) + b.toFixed(2).padStart(10)
    + (b / a).toFixed(3).padStart(8) + `  ${r.same ? 'yes' : 'NO'}`);
}
if (ratios.length) console.log(`# B/A over ${ratios.length} corpus pages: median ${median(ratios).toFixed(3)}, geometric mean ${geomean(ratios).toFixed(3)}`);
await browser.close();
await server.close();
