// Main-thread benchmark (not a test): the longest time the page is blocked while Glose is toggled
// on in headless Chromium (the built extension, dist/chrome), on a generated page with N reader
// comments. Measured two ways in the page: PerformanceObserver('longtask') entries, and the
// longest gap between ticks of a 4 ms page timer. Prints the toggle time too.
//   SKIP_WASM=1 bash scripts/build-extension.sh && node scripts/bench/main-thread.mjs [N=10000] [runs=3]
// GLOSE_PROFILE=1 also prints where the page's main thread spent the toggle (CDP profiler).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';
import { printTop, summarize } from './cpuprofile.mjs';

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 3);
const EXTENSION = new URL('../../dist/chrome/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'glose-main-thread-'));
const file = join(dir, 'page.html');
writeFileSync(file, commentsPage(count));
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
    for (const e of list.getEntries()) window.__longtasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  window.__gaps = { max: 0, last: 0 };
  window.__startTicks = () => {
    window.__gaps = { max: 0, last: performance.now() };
    const tick = () => {
      const now = performance.now();
      window.__gaps.max = Math.max(window.__gaps.max, now - window.__gaps.last);
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
  await page.evaluate(() => { window.__longtasks.length = 0; window.__startTicks(); });
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
    const { self, total } = summarize((await cdp.send('Profiler.stop')).profile);
    printTop('page main thread, self ms', self, 20);
    printTop('page main thread, total ms', total, 30);
  }
  const seen = await page.evaluate(() => {
    window.__stopTicks();
    return { longtasks: [...window.__longtasks], maxGap: window.__gaps.max, panel: Boolean(document.querySelector('[data-glose], glose-summary, [class*=glose]')) };
  });
  results.push({ ms, ...seen });
  console.log(`run ${i + 1}: toggle on ${ms.toFixed(0)} ms; long tasks ${seen.longtasks.map((x) => x.toFixed(0)).join(' ') || 'none'}; `
    + `longest longtask ${Math.max(0, ...seen.longtasks).toFixed(0)} ms; longest gap between 4 ms ticks ${seen.maxGap.toFixed(0)} ms`);
}
await context.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
