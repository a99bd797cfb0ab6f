// Main-thread benchmark (not a test): the longest time the page is blocked while Glose is toggled
// on in headless Chromium (the built extension, dist/chrome), on a generated page with N reader
// comments. Measured two ways in the page: PerformanceObserver('longtask') entries, and the
// longest gap between ticks of a 4 ms page timer. Prints the toggle time too.
//   SKIP_WASM=1 bash scripts/build-extension.sh && node scripts/bench/main-thread.mjs [N=10000] [runs=3]
// GLOSE_PROFILE=1 also prints where the page's main thread spent the toggle (CDP profiler) and its
// busy stretches; GLOSE_GAPS=1 lists when the page's timer waited over 50 ms and the long tasks;
// GLOSE_PAGE=file.html measures a saved page instead of the generated one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';
import { printTop, summarize } from './cpuprofile.mjs';

/**
 * The stretches of a CPU profile where the thread never went idle for `minMs` or more, each with
 * its three busiest functions (self time): what the page's long waits were made of.
 */
function busyStretches(profile, minMs) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`.trim();
  const out = [];
  let run = null;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    at += profile.timeDeltas[i] / 1000;
    const leaf = name(byId.get(id));
    if (leaf.startsWith('(idle)')) {
      if (run && run.ms >= minMs) out.push(run);
      run = null;
      return;
    }
    run ??= { at, ms: 0, self: new Map() };
    run.ms += ms;
    run.self.set(leaf, (run.self.get(leaf) ?? 0) + ms);
  });
  if (run && run.ms >= minMs) out.push(run);
  return out.map((r) => `${r.at.toFixed(0)} ms: busy ${r.ms.toFixed(0)} ms (${[...r.self].sort((a, b) => b[1] - a[1]).slice(0, 3)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`);
}

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 3);
const EXTENSION = new URL('../../dist/chrome/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'glose-main-thread-'));
const file = join(dir, 'page.html');
// GLOSE_PAGE=file.html measures that saved page instead (e.g. a long article: many highlights).
writeFileSync(file, process.env.GLOSE_PAGE ? readFileSync(process.env.GLOSE_PAGE, 'utf8') : commentsPage(count));
const server = await startServer({ page: file });
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: false,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
});
const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(300_000);
await page.addInitScript(() => {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longtasks.push(e.duration);
      window.__longtaskStarts = window.__longtaskStarts ?? [];
      window.__longtaskStarts.push([Math.round(e.startTime - (window.__gaps?.start ?? 0)), Math.round(e.duration)]);
    }
  }).observe({ type: 'longtask', buffered: true });
  window.__gaps = { max: 0, last: 0, big: [] };
  window.__startTicks = () => {
    window.__gaps = { max: 0, last: performance.now(), start: performance.now(), big: [] };
    const tick = () => {
      const now = performance.now();
      const gap = now - window.__gaps.last;
      if (gap > 50) window.__gaps.big.push([Math.round(window.__gaps.last - window.__gaps.start), Math.round(gap)]);
      window.__gaps.max = Math.max(window.__gaps.max, gap);
      window.__gaps.last = now;
      window.__tick = setTimeout(tick, 4);
    };
    tick();
  };
  window.__stopTicks = () => clearTimeout(window.__tick);
});

const results = [];
for (let i = 0; i < runs; i += 1) {
  await page.goto(server.url('/article.html'), { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const tab = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  await page.evaluate(() => { window.__longtasks.length = 0; window.__longtaskStarts = []; window.__startTicks(); });
  const cdp = process.env.GLOSE_PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const ms = await worker.evaluate(async (id) => {
    for (;;) {
      const start = performance.now();
      try {
        await globalThis.gloseToggleTab(id, true);
        return performance.now() - start;
      } catch {
        await new Promise((r) => setTimeout(r, 50)); // content script still starting
      }
    }
  }, tab);
  await page.waitForTimeout(200);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const { self, total } = summarize(profile);
    console.log('\n-- page main thread, busy stretches of 50 ms or more --');
    for (const line of busyStretches(profile, 50)) console.log(line);
    printTop('page main thread, self ms', self, 20);
    printTop('page main thread, total ms', total, 30);
  }
  const seen = await page.evaluate(() => {
    window.__stopTicks();
    return { longtasks: [...window.__longtasks], maxGap: window.__gaps.max, bigGaps: window.__gaps.big, starts: window.__longtaskStarts ?? [], panel: Boolean(document.querySelector('[data-glose], glose-summary, [class*=glose]')) };
  });
  results.push({ ms, ...seen });
  console.log(`run ${i + 1}: toggle on ${ms.toFixed(0)} ms; long tasks ${seen.longtasks.map((x) => x.toFixed(0)).join(' ') || 'none'}; `
    + `longest longtask ${Math.max(0, ...seen.longtasks).toFixed(0)} ms; longest gap between 4 ms ticks ${seen.maxGap.toFixed(0)} ms`);
  if (process.env.GLOSE_GAPS) console.log(`  gaps > 50 ms [at, ms]: ${JSON.stringify(seen.bigGaps)}; long tasks [at, ms]: ${JSON.stringify(seen.starts)}`);
}
await context.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
