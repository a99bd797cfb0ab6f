// Benchmark (not a test): how long toggling Glose on takes in headless Chromium on the seed page
// and on its strict-CSP copy — cold (wasm load + analysis), then warm (cached report) — and off.
// Usage: node tests/e2e/bench-toggle.mjs [runs] [page.html]   (after npm run build:extension)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.js';

const runs = Number(process.argv[2] ?? 5);
const EXTENSION = new URL('../../dist/chrome/', import.meta.url).pathname;
const profile = mkdtempSync(join(tmpdir(), 'glose-bench-'));
const server = await startServer(process.argv[3] ? { page: process.argv[3] } : {});
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: false,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
});
const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
const page = context.pages()[0] ?? await context.newPage();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const path of ['/article.html', '/strict/article.html']) {
  const cold = [];
  const warm = [];
  const off = [];
  for (let i = 0; i < runs; i += 1) {
    await page.goto(server.url(path), { waitUntil: 'load' });
    const tab = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
    const timed = (on) => worker.evaluate(async ([id, state]) => {
      for (;;) {
        const start = performance.now();
        try {
          await globalThis.gloseToggleTab(id, state);
          return performance.now() - start;
        } catch {
          await new Promise((r) => setTimeout(r, 50)); // content script still starting
        }
      }
    }, [tab, on]);
    cold.push(await timed(true));
    off.push(await timed(false));
    warm.push(await timed(true));
  }
  console.log(`${path}: toggle on cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms, off ${median(off).toFixed(0)} ms (median of ${runs})`);
}
await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });
