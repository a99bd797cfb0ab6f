// A/B of two wasm builds of Glose in headless Chromium: both loaded in one page, each corpus page
// analysed by both, interleaved (`analyze_live_document`, medians), so the machine's load hits both
// alike. Prints per-page medians, the ratio B/A, and whether both gave the same report and node table.
//   node scripts/bench/ab.mjs PKG_A PKG_B [--only a,b] [--runs 7] [--warmup 2] [--extra seed,comments-10000]
import { chromium } from 'playwright-core';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBenchServer } from './server.mjs';
import { commentsPage } from './comments-page.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CORPUS = resolve(ROOT, '../shared/corpus/readability-test-pages');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' }, full: { type: 'boolean', default: false }, runs: { type: 'string', default: '7' }, warmup: { type: 'string', default: '2' },
    extra: { type: 'string', default: '' },
  },
});
const [pkgA, pkgB] = positionals.map((p) => resolve(p));
const generated = join(ROOT, 'target', 'bench', 'pages');
mkdirSync(generated, { recursive: true });
if (args.extra.includes('comments-10000')) writeFileSync(join(generated, 'comments-10000.html'), commentsPage(10000));
copyFileSync(join(ROOT, 'tests', 'pages', 'clubic-jedi', 'page.html'), join(generated, 'seed.html'));
const pages = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(CORPUS, d.name, 'source.html')))
  .map((d) => d.name).filter((n) => !args.only || args.only.split(',').includes(n)).sort()
  .map((n) => [n, `/corpus/${encodeURIComponent(n)}/source.html`])
  .concat(args.extra.split(',').filter(Boolean).map((n) => [`generated/${n}`, `/generated/${n}.html`]));
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const geomean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

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
