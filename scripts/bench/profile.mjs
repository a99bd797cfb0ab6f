// Profiles Glose's in-browser pipeline (headless Chromium, CDP sampling profiler) on one page, or
// on several pages given comma-separated (one profile over all of them), and prints the functions
// with the most self time and the most total time. Use a wasm with its name
// section (wasm-bindgen without --remove-name-section), e.g.:
//   wasm-bindgen --target web --no-typescript --out-dir target/bench/pkg-prof --out-name glose \
//     target/wasm/wasm32-unknown-unknown/release/glose.wasm
//   GLOSE_BENCH_PKG=target/bench/pkg-prof node scripts/bench/profile.mjs /generated/seed.html [runs=20]
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { startBenchServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const path = process.argv[2] ?? '/generated/seed.html';
const runs = Number(process.argv[3] ?? 20);
const server = await startBenchServer({
  root: ROOT, corpus: `${ROOT}/../shared/corpus/readability-test-pages`, generated: `${ROOT}/target/bench/pages`,
  pkg: process.env.GLOSE_BENCH_PKG ? resolve(process.env.GLOSE_BENCH_PKG) : undefined,
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(server.url('/harness.html'));
await page.waitForFunction(() => window.benchReady === true);
const paths = path.split(',').map((p) => (p.startsWith('/') ? p : `/corpus/${p}/source.html`));
for (const p of paths) await page.evaluate(([x]) => window.benchPage(x, 1, 1), [p]);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const medians = [];
for (const p of paths) {
  const r = await page.evaluate(([x, n]) => window.benchPage(x, n, 0), [p, runs]);
  medians.push([...r.glose].sort((a, b) => a - b)[runs >> 1]);
}
const { profile } = await cdp.send('Profiler.stop');
// GLOSE_PROFILE_OUT=file.cpuprofile keeps the raw profile (Chrome DevTools opens it; callers.mjs reads it).
if (process.env.GLOSE_PROFILE_OUT) (await import('node:fs')).writeFileSync(process.env.GLOSE_PROFILE_OUT, JSON.stringify(profile));
await browser.close();
await server.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const total = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const ms = (dt[i + 1] ?? dt[i]) / 1000;
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
  const leaf = byId.get(id);
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = name(byId.get(cur));
    if (seen.has(key)) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + ms);
  }
});
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log(`${paths.length} page(s), ${runs} runs each, Glose medians ${medians.map((m) => m.toFixed(2)).join(' ')} ms`);
console.log('\n-- self time (ms, all runs incl. Readability) --');
for (const [k, v] of top(self, 30)) console.log(v.toFixed(1).padStart(9), k);
console.log('\n-- total time (ms) --');
for (const [k, v] of top(total, 45)) console.log(v.toFixed(1).padStart(9), k);
