#!/usr/bin/env node
// What the benchmark harness itself costs the page (not a test, no Glose): on the generated page of
// N reader comments in headless Chromium, the page thread's rendering steps (own CPU ms, from a CDP
// trace, until two frames later) of
//   mouse move:                  the pointer moved over the page (twice);
//   first/second waitForFunction: Playwright's page.waitForFunction, whose first call in a page
//                                installs Playwright's injected script;
//   window touchstart / wheel:   a listener added on window, passive or not.
// A non-passive touch or wheel listener on window makes Chromium update the allowed touch action
// (or the blocking wheel region) of every box: one whole-tree PrePaint and a Paint, ~35 + ~11 ms
// on the 10,000-comment page. Playwright's injected script adds non-passive touchstart, touchend
// and touchcancel listeners on window, so the first waitForFunction costs that frame: measured
// inside the first hover of main-thread.mjs, it was taken for the hover's cost (issue 12).
//   node scripts/bench/touch-listener-cost.mjs [N=10000] [runs=2]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 2);
const STEPS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']);
const dir = mkdtempSync(join(tmpdir(), 'glose-touch-listener-cost-'));
const file = join(dir, 'page.html');
writeFileSync(file, commentsPage(count));
const server = await startServer({ page: file });
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: false,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const page = context.pages()[0] ?? await context.newPage();
const frames = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Runs `action` in a trace and prints the rendering steps' own CPU ms until two frames later. */
async function measure(label, action) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await action();
  await frames();
  await page.waitForTimeout(200);
  await frames();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const sum = {};
  for (const e of events) if (e.ph === 'X' && STEPS.has(e.name)) sum[e.name] = (sum[e.name] ?? 0) + (e.tdur ?? e.dur) / 1000;
  console.log(label.padEnd(34), Object.entries(sum).filter(([, ms]) => ms >= 0.5).map(([step, ms]) => `${step} ${ms.toFixed(1)}`).join(', ') || 'none over 0.5 ms');
}

/** A fresh page, settled as main-thread.mjs settles it (a small scroll: Chrome's text capture). */
async function freshPage() {
  await page.goto(server.url('/article.html'), { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  await page.mouse.wheel(0, 60);
  await frames();
  await page.mouse.wheel(0, -60);
  await frames();
  await page.waitForTimeout(300);
}

const listen = (type, passive) => () => page.evaluate(([t, p]) => window.addEventListener(t, () => {}, { passive: p }), [type, passive]);
try {
  console.log(`# ${count} comments, no extension; rendering steps' own CPU ms`);
  for (let run = 0; run < runs; run += 1) {
    await freshPage();
    await measure('mouse move', () => page.mouse.move(300, 400));
    await measure('mouse move again', () => page.mouse.move(320, 420));
    await measure('first waitForFunction', () => page.waitForFunction(() => true));
    await measure('second waitForFunction', () => page.waitForFunction(() => true));
    await freshPage();
    await measure('window touchstart, passive', listen('touchstart', true));
    await measure('window touchstart, not passive', listen('touchstart', false));
    await measure('window wheel, not passive', listen('wheel', false));
  }
} finally {
  await context.close();
  await server.close?.();
  rmSync(dir, { recursive: true, force: true });
}
