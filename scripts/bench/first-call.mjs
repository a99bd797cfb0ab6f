// First call of two wasm builds in fresh instances (headless Chromium): the extension instantiates
// the wasm once per tab, so every page's first toggle pays the one-time set-up (tables built on
// first use) that the warm benchmarks (ab.mjs, bench-browser.mjs) leave out. Per page and round, a
// new browser page loads build A or B (alternating which goes first), then times instantiation, the
// first `analyze_live_document_slim` and a second call. Prints medians per page.
//   node scripts/bench/first-call.mjs PKG_A PKG_B [--only seed,001] [--rounds 9]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startBenchServer } from './server.mjs';
import { ROOT, CORPUS, GENERATED as generated, benchPages, median, machineLoad } from './pages.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { only: { type: 'string', default: '' }, rounds: { type: 'string', default: '9' }, extra: { type: 'string', default: 'seed' } },
});
const [pkgA, pkgB] = positionals.map((p) => resolve(p));
const pages = benchPages(args);
const server = await startBenchServer({ root: ROOT, corpus: CORPUS, generated, pkg: pkgA, pkgB });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
console.log(`A = ${pkgA}\nB = ${pkgB}\n${machineLoad()}`);
console.log('page'.padEnd(32) + 'A init'.padStart(9) + 'A first'.padStart(9) + 'A 2nd'.padStart(8) + 'B init'.padStart(9) + 'B first'.padStart(9) + 'B 2nd'.padStart(8) + '  B/A first');
const run = async (b, path) => {
  const page = await browser.newPage();
  await page.goto(server.url(b ? '/first.html?b' : '/first.html'));
  await page.waitForFunction(() => window.firstReady === true);
  const r = await page.evaluate((p) => window.firstCall(p), path);
  await page.close();
  return r;
};
for (const [name, path] of pages) {
  const a = [];
  const b = [];
  for (let i = 0; i < Number(args.rounds); i += 1) {
    if (i % 2 === 0) { a.push(await run(false, path)); b.push(await run(true, path)); }
    else { b.push(await run(true, path)); a.push(await run(false, path)); }
  }
  const m = (xs, k) => median(xs.map((x) => x[k]));
  const f = (x) => x.toFixed(2).padStart(9);
  console.log(name.padEnd(32) + f(m(a, 'init')) + f(m(a, 'first')) + f(m(a, 'second')).slice(1) + f(m(b, 'init')) + f(m(b, 'first')) + f(m(b, 'second')).slice(1) + (m(b, 'first') / m(a, 'first')).toFixed(3).padStart(11));
}
console.log(machineLoad());
await browser.close();
server.close();
