#!/usr/bin/env node
// What one change costs the browser's rendering on a big page, without Glose (not a test): loads
// the generated page of N reader comments in headless Chromium and, three times each, makes one
// small change and sums the page thread's rendering steps (own CPU ms, from a CDP trace) until two
// frames later. It separates the browser's own cost of what the extension does from Glose's script:
//   highlight: one `Highlight` of one 5-character range registered (`CSS.highlights.set`);
//   color:     one paragraph's inline colour changed (a style change without layout);
//   fixedDiv:  a small fixed element appended to <body>;
//   popover:   a small manual popover shown in the top layer;
//   formClose: what closing Glose's note form does (set up untimed: a comment's words selected and
//              highlighted, a form with a focused textarea shown as a popover; timed: the highlight
//              deleted and the form removed, the focus and selection moving back to the page).
//   node scripts/bench/paint-cost.mjs [N=10000] [highlight,color,fixedDiv,popover,formClose]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';

const ACTIONS = {
  highlight: () => {
    const text = document.createTreeWalker(document.querySelector('p'), NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(5, text.length));
    CSS.highlights.set(`probe-${Math.random()}`, new Highlight(range));
  },
  color: () => {
    const p = document.querySelector('p');
    p.style.color = p.style.color === 'red' ? 'blue' : 'red';
  },
  fixedDiv: () => {
    const div = document.createElement('div');
    div.style.cssText = 'position:fixed;top:0;left:0;width:50px;height:20px;background:red';
    document.body.append(div);
  },
  popover: () => {
    const div = document.createElement('div');
    div.setAttribute('popover', 'manual');
    div.textContent = 'probe';
    document.body.append(div);
    div.showPopover();
  },
  formClose: {
    setup: () => {
      const p = [...document.querySelectorAll('.comment-content p')].at(-3);
      p.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(p.firstChild, 0);
      range.setEnd(p.firstChild, Math.min(20, p.firstChild.length));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      CSS.highlights.set('probe-pending', new Highlight(range.cloneRange()));
      const host = document.createElement('probe-form');
      const root = host.attachShadow({ mode: 'closed' });
      const area = document.createElement('textarea');
      root.append(area);
      host.setAttribute('popover', 'manual');
      host.style.cssText = 'position:fixed;left:10px;top:100px;margin:0';
      document.documentElement.append(host);
      host.showPopover();
      area.focus({ preventScroll: true });
      window.__probeForm = host;
    },
    act: () => {
      CSS.highlights.delete('probe-pending');
      window.__probeForm.remove();
    },
  },
};
const STEPS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

const count = Number(process.argv[2] ?? 10000);
const names = (process.argv[3] ?? Object.keys(ACTIONS).join(',')).split(',');
const dir = mkdtempSync(join(tmpdir(), 'glose-paint-cost-'));
const file = join(dir, 'page.html');
writeFileSync(file, commentsPage(count));
const server = await startServer({ page: file });
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: false,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(server.url('/article.html'), { waitUntil: 'load' });
  await page.waitForTimeout(800);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  console.log(`# ${count} comments, ${elements} elements; rendering steps' own CPU ms per change (three changes each)`);
  for (const name of names) {
    const rows = [];
    for (let rep = 0; rep < 3; rep += 1) {
      const action = typeof ACTIONS[name] === 'function' ? { act: ACTIONS[name] } : ACTIONS[name];
      if (action.setup) {
        await page.evaluate(action.setup);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      }
      const cdp = await context.newCDPSession(page);
      const events = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
      await page.evaluate(action.act);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      const sum = {};
      for (const e of events) if (e.ph === 'X' && STEPS.has(e.name)) sum[e.name] = (sum[e.name] ?? 0) + (e.tdur ?? e.dur) / 1000;
      rows.push(Object.entries(sum).filter(([, ms]) => ms >= 0.5).map(([step, ms]) => `${step} ${ms.toFixed(1)}`).join(', ') || 'none over 0.5 ms');
    }
    console.log(`${name.padEnd(10)} ${rows.join(' | ')}`);
  }
} finally {
  await context.close();
  await server.close?.();
  rmSync(dir, { recursive: true, force: true });
}
