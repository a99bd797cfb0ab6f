// Benchmark (not a test): the page-blocking cost of creating a JavaScript wrapper for every node of
// a big page, in the page's own world and in an isolated world (where a content script runs). In
// Blink, an isolated world keeps its wrappers in a hash map that is rehashed as it grows: one step of
// the walk then waits for the whole map. Prints the walk's slowest single steps and where they fell.
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
await browser.close();
server.close();
