// Rendering-cost benchmark (not a test): what the browser's rendering update costs when a box of
// Glose's kind (a card in a shadow root) is added to, then removed from, the generated page with N
// reader comments, with no extension and no Glose script: the own CPU time of the page thread's
// longest task from a CDP trace, and its pre-paint and paint parts. Headless Chromium.
//   node scripts/bench/insert-cost.mjs [N=10000] [runs=2] [variant,variant...]
// Variants: in-flow (a 300 px block before the comment section), in-flow-contained (the same with
// `contain: strict`), fixed (a fixed card appended to the root element), top-layer (the same card
// as a manual popover), absolute / top-layer-absolute (a small box in page coordinates, as the
// note button), show-fixed / show-top-layer (a hidden tooltip-like card shown: "insert" is showing).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 2);
const variants = (process.argv[4] ?? 'in-flow,in-flow-contained,fixed,top-layer,absolute,top-layer-absolute,show-fixed,show-top-layer').split(',');

const dir = mkdtempSync(join(tmpdir(), 'glose-insert-cost-'));
const file = join(dir, 'page.html');
writeFileSync(file, commentsPage(count));
const server = await startServer({ page: file });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();

/** Each variant's CSS for its host (added to a base that hides it while hidden or closed). */
const BASE = ':host { all: initial; display: block; margin: 0; } :host([hidden]), :host([popover]:not(:popover-open)) { display: none; } section { display: block; height: 300px; background: #fffaf0; }';
const RULES = {
  'in-flow': ':host { margin: 16px 0; }',
  'in-flow-contained': ':host { contain: strict; height: 300px; }',
  fixed: ':host { position: fixed; right: 16px; bottom: 16px; width: 360px; z-index: 2147483647; }',
  'top-layer': ':host { position: fixed; inset: auto 16px 16px auto; width: 360px; }',
  absolute: ':host { position: absolute; left: 100px; top: 3000px; z-index: 2147483647; } section { height: 40px; width: 80px; }',
  'top-layer-absolute': ':host { position: absolute; inset: auto; left: 100px; top: 3000px; } section { height: 40px; width: 80px; }',
  'show-fixed': ':host { position: fixed; left: 16px; top: 16px; z-index: 2147483647; pointer-events: none; } section { height: 100px; width: 300px; }',
  'show-top-layer': ':host { position: fixed; inset: auto; left: 16px; top: 16px; pointer-events: none; } section { height: 100px; width: 300px; }',
};
const cssOf = (variant) => BASE + RULES[variant];

/** Runs `fn(arg)` in the page under a trace: the longest task's own CPU time and its pre-paint and paint CPU. */
async function traced(fn, arg) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await page.waitForTimeout(200);
  await page.evaluate(fn, arg);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const byThread = new Map();
  for (const e of events) if (e.name === 'Layout' || e.name === 'FunctionCall') byThread.set(e.tid, (byThread.get(e.tid) ?? 0) + 1);
  const tid = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => e.tid === tid && e.ph === 'X');
  const longest = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => b.tdur - a.tdur)[0];
  const cpuOf = (name) => Math.round(mine.filter((e) => e.name === name && longest && e.ts >= longest.ts && e.ts < longest.ts + longest.dur)
    .reduce((sum, e) => sum + (e.tdur ?? e.dur), 0) / 1000);
  return { cpu: Math.round((longest?.tdur ?? 0) / 1000), prePaint: cpuOf('PrePaint'), paint: cpuOf('Paint') };
}

/** Builds the variant's host (a shadow root holding a 300 px card) and adds or shows it. */
function add({ variant, css }) {
  const host = document.createElement('glose-bench');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  const card = document.createElement('section');
  card.textContent = 'What readers say. '.repeat(20);
  root.append(style, card);
  window.__host = host;
  style.textContent = css;
  if (variant.startsWith('in-flow')) document.getElementById('comments').before(host);
  else if (variant.startsWith('show-')) {
    // Added hidden beforehand (see `prepare`); "adding" is showing it.
    const shown = document.querySelector('glose-bench');
    if (variant === 'show-top-layer') shown.showPopover();
    else shown.hidden = false;
    shown.style.left = '100px';
    window.__host = shown;
  } else {
    if (variant.startsWith('top-layer')) host.setAttribute('popover', 'manual');
    document.documentElement.append(host);
    if (variant.startsWith('top-layer')) host.showPopover();
  }
}

/** For the show-* variants: the hidden card, already in the page. */
function prepare({ variant, css }) {
  const host = document.createElement('glose-bench');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const card = document.createElement('section');
  card.textContent = 'What readers say. '.repeat(20);
  root.append(style, card);
  if (variant === 'show-top-layer') host.setAttribute('popover', 'manual');
  else host.hidden = true;
  document.documentElement.append(host);
}

console.log(`${count} comments; own CPU time of the longest task (ms): total / pre-paint / paint`);
for (let run = 1; run <= runs; run += 1) {
  for (const variant of variants) {
    await page.goto(server.url('/article.html'), { waitUntil: 'load' });
    await page.waitForTimeout(800);
    if (variant.startsWith('show-')) {
      await page.evaluate(prepare, { variant, css: cssOf(variant) });
      await page.waitForTimeout(300);
    }
    const added = await traced(add, { variant, css: cssOf(variant) });
    const removed = await traced(() => window.__host.remove());
    const f = (x) => `${x.cpu} / ${x.prePaint} / ${x.paint}`;
    console.log(`run ${run} ${variant.padEnd(20)} add ${f(added).padEnd(16)} remove ${f(removed)}`);
  }
}
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
