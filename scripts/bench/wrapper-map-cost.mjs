// Benchmark (not a test): the page-blocking cost of creating a JavaScript wrapper for every node of
// a big page, in the page's own world and in an isolated world (where a content script runs). In
// Blink, an isolated world keeps its wrappers in a hash map that is rehashed as it grows: one step of
// the walk then waits for the whole map. Prints the walk's slowest single steps and where they fell.
// Then, in one tab per world, the page loaded three times, each time walked (wrappers kept) with a
// reading's worth of garbage made: the major collections of each load (wall and the thread's CPU ms,
// and their marking), the second and third after a reload, with the previous page's world gone.
//   node scripts/bench/wrapper-map-cost.mjs [N comments=10000] [runs=3]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'glose-wrappers-'));
const file = join(dir, 'page.html');
writeFileSync(file, commentsPage(count));
const server = await startServer({ page: file });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});

// Walks every node with firstChild/nextSibling (one wrapper each), timing each step; returns the
// three slowest steps as [ms, nodes visited so far] and the walk's total.
const WALK = `(() => {
  const slow = [];
  let visited = 0;
  const start = performance.now();
  let last = start;
  let node = document.documentElement;
  const keep = [];
  while (node) {
    visited += 1;
    keep.push(node);
    const now = performance.now();
    if (now - last > 2) slow.push([Math.round((now - last) * 10) / 10, visited]);
    last = now;
    if (node.firstChild) { node = node.firstChild; continue; }
    while (node && !node.nextSibling) node = node.parentNode;
    node = node && node.nextSibling;
  }
  slow.sort((a, b) => b[0] - a[0]);
  return JSON.stringify({ total: Math.round(performance.now() - start), visited, slowest: slow.slice(0, 3) });
})()`;

for (let i = 0; i < runs; i += 1) {
  for (const world of ['main', 'isolated']) {
    const page = await browser.newPage();
    await page.goto(server.url('/article.html'), { waitUntil: 'load' });
    const cdp = await page.context().newCDPSession(page);
    let contextId;
    if (world === 'isolated') {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      ({ executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench' }));
    }
    const { result } = await cdp.send('Runtime.evaluate', { expression: WALK, returnByValue: true, ...(contextId ? { contextId } : {}) });
    console.log(`run ${i + 1}, ${world} world: ${result.value}`);
    await page.close();
  }
}
// A walk that keeps every node and some text, then garbage like a reading's (joined strings,
// copies of them), with the page's tasks in between.
const READING = `(async () => {
  const keep = [];
  const texts = [];
  let node = document.documentElement;
  let n = 0;
  while (node) {
    keep.push(node);
    if (node.nodeType === 3) texts.push(node.data);
    if ((++n & 1023) === 0) await new Promise((r) => setTimeout(r, 0));
    if (node.firstChild) { node = node.firstChild; continue; }
    while (node && !node.nextSibling) node = node.parentNode;
    node = node && node.nextSibling;
  }
  globalThis.__keep = keep;
  const pieces = [];
  for (let k = 0; k < texts.length; k += 2000) {
    pieces.push(texts.slice(k, k + 2000).join('\\0'));
    await new Promise((r) => setTimeout(r, 0));
  }
  for (let r = 0; r < 3; r += 1) {
    pieces.map((p) => JSON.stringify(p));
    await new Promise((res) => setTimeout(res, 5));
  }
  await new Promise((r) => setTimeout(r, 500));
  return n;
})()`;

for (let i = 0; i < runs; i += 1) {
  for (const world of ['main', 'isolated']) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    const loads = [];
    for (let load = 0; load < 3; load += 1) {
      await page.goto(server.url('/article.html'), { waitUntil: 'load' });
      await page.waitForTimeout(800);
      let contextId;
      if (world === 'isolated') {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        ({ executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench' }));
      }
      const events = [];
      const collect = (e) => events.push(...e.value);
      cdp.on('Tracing.dataCollected', collect);
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-v8.gc,v8', transferMode: 'ReportEvents' });
      await cdp.send('Runtime.evaluate', { expression: READING, awaitPromise: true, returnByValue: true, ...(contextId ? { contextId } : {}) });
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
      const gcs = events.filter((e) => e.name === 'MajorGC' && e.ph === 'X')
        .map((e) => `${Math.round(e.dur / 1000)}/${Math.round((e.tdur ?? 0) / 1000)}`);
      const marks = events.filter((e) => e.name === 'V8.GC_MC_MARK' && e.ph === 'X').map((e) => Math.round(e.dur / 1000));
      loads.push(`load ${load + 1}: ${gcs.join(' ') || 'none'}${marks.length ? ` (mark ${marks.join(' ')})` : ''}`);
    }
    console.log(`run ${i + 1}, ${world} world, major GCs wall/CPU ms: ${loads.join('; ')}`);
    await page.close();
  }
}
await browser.close();
server.close();
