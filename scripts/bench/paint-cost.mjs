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
//              deleted and the form removed, the focus and selection moving back to the page);
//              the form is a fixed box in view coordinates;
//   formCloseAbs: the same with an absolute box in page coordinates;
//   decorated: one paragraph's colour changed while a highlight styled with a text-decoration is
//              registered elsewhere on the page (Chromium then redoes the compositing inputs of
//              the whole page, "CompositingInputs" below);
//   tinted:    the same with a highlight styled by a background colour only.
//   node scripts/bench/paint-cost.mjs [N=10000] [highlight,color,fixedDiv,popover,formClose,formCloseAbs,decorated,tinted]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';

/**
 * Sets up what Glose's note form leaves before it closes: a comment's words selected and marked
 * by a highlight, a form with a focused textarea in the top layer (`position`: `fixed` in view
 * coordinates, or `absolute` in page coordinates as `draw/note-form.js` places it).
 */
function formSetup(position) {
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
  const top = position === 'absolute' ? 100 + scrollY : 100;
  host.style.cssText = `inset:auto;position:${position};left:10px;top:${top}px;margin:0`;
  document.documentElement.append(host);
  host.showPopover();
  area.focus({ preventScroll: true });
  window.__probeForm = host;
}

/**
 * Registers a highlight over a comment's first words, styled by `declarations` (a `::highlight`
 * rule added once per page), for the `decorated` / `tinted` actions.
 */
function markedSetup(declarations) {
  const p = [...document.querySelectorAll('.comment-content p')].at(-3);
  const range = document.createRange();
  range.setStart(p.firstChild, 0);
  range.setEnd(p.firstChild, Math.min(20, p.firstChild.length));
  document.getElementById('probe-mark-style')?.remove();
  const style = document.createElement('style');
  style.id = 'probe-mark-style';
  style.textContent = `::highlight(probe-mark) { ${declarations} }`;
  document.head.append(style);
  CSS.highlights.set('probe-mark', new Highlight(range));
}

/** Takes away what {@link markedSetup} added, so that the next action is measured without it. */
function unmark() {
  CSS.highlights.delete('probe-mark');
  document.getElementById('probe-mark-style')?.remove();
}

/** One paragraph's colour changed (the `color` action), the highlight of {@link markedSetup} left as it is. */
function recolour() {
  const p = document.querySelector('p');
  p.style.color = p.style.color === 'red' ? 'blue' : 'red';
}

/** Closes the form {@link formSetup} opened: the mark deleted, the form removed. */
function formClose() {
  CSS.highlights.delete('probe-pending');
  window.__probeForm.remove();
}

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
  formClose: { setup: formSetup, arg: 'fixed', act: formClose },
  formCloseAbs: { setup: formSetup, arg: 'absolute', act: formClose },
  decorated: { setup: markedSetup, arg: 'background-color: rgba(70, 200, 120, 0.3); text-decoration: underline 2px dashed green', act: recolour, cleanup: unmark },
  tinted: { setup: markedSetup, arg: 'background-color: rgba(70, 200, 120, 0.3)', act: recolour, cleanup: unmark },
};
const STEPS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Blink.CompositingInputs.UpdateTime', 'Paint', 'Layerize', 'Commit']);

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
        await page.evaluate(action.setup, action.arg);
        // A reader's pointer rests over the page (PAINT_MOUSE=x,y): the browser then hit-tests it
        // after a change under it, which needs the rendering steps up to PrePaint.
        if (process.env.PAINT_MOUSE) await page.mouse.move(...process.env.PAINT_MOUSE.split(',').map(Number));
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      }
      const cdp = await context.newCDPSession(page);
      const events = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink', transferMode: 'ReportEvents' });
      await page.evaluate(action.act);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      if (action.cleanup) {
        await page.evaluate(action.cleanup);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      }
      const sum = {};
      for (const e of events) if (e.ph === 'X' && STEPS.has(e.name)) sum[e.name] = (sum[e.name] ?? 0) + (e.tdur ?? e.dur) / 1000;
      rows.push(Object.entries(sum).filter(([, ms]) => ms >= 0.5).map(([step, ms]) => `${step.replace('Blink.CompositingInputs.UpdateTime', '(of it CompositingInputs)')} ${ms.toFixed(1)}`).join(', ') || 'none over 0.5 ms');
    }
    console.log(`${name.padEnd(10)} ${rows.join(' | ')}`);
  }
} finally {
  await context.close();
  await server.close?.();
  rmSync(dir, { recursive: true, force: true });
}
