// Main-thread benchmark (not a test): the longest time the page is blocked while Glose is toggled
// on in headless Chromium (the built extension, dist/chrome), on a generated page with N reader
// comments. Measured two ways in the page: PerformanceObserver('longtask') entries, and the
// longest gap between ticks of a 4 ms page timer; and from a trace, the own CPU time of the page
// thread's longest task (script, or the browser's rendering), which the machine's load does not
// inflate. Prints the toggle time too, and the same for hovering a highlight and toggling off.
//   SKIP_WASM=1 bash scripts/build-extension.sh && node scripts/bench/main-thread.mjs [N=10000] [runs=3]
// GLOSE_PROFILE=1 also prints where the page's main thread spent the toggle (CDP profiler) and its
// busy stretches; GLOSE_GAPS=1 lists when the page's timer waited over 50 ms and the long tasks;
// GLOSE_PAGE=file.html measures a saved page instead of the generated one. GLOSE_HOVERS=N hovers the
// highlight N times (the pointer moved off between). GLOSE_NO_PRIME=1: see "Playwright's first waitForFunction" below.
// GLOSE_TRACE_CATEGORIES=a,b sets the trace categories (e.g. add cc,blink,benchmark to see a long
// rendering task's steps with GLOSE_TASK_EVENTS=MS); GLOSE_TRACE_OUT=path saves each trace (toggle,
// hover, toggle off per run) as path.N.json; GLOSE_HEAP=1 prints what the page's scripts allocated during the toggle
// (GLOSE_HEAP=live: what of it is still alive after). GLOSE_NOTE=1 also makes a note on a comment
// (see there).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';
import { printTop, summarize } from './cpuprofile.mjs';
import { pressNoteButton, submitNoteForm } from '../../tests/e2e/own-probes.js';

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
  return out.map((r) => `${r.at.toFixed(0)} ms: busy ${r.ms.toFixed(0)} ms (${[...r.self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.GLOSE_TOP ?? 3))
    .map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`);
}

/**
 * The page's main-thread tasks over 30 ms of wall-clock time from a CDP trace, each as
 * `{at, wall, cpu, render}`: `cpu` is the thread's own time (on a loaded machine a task's wall
 * time is mostly waiting for a core), `render` whether most of it was the browser's rendering
 * update (style, layout, pre-paint, paint) rather than script.
 */
function longTasksOfTrace(events) {
  const timers = new Map();
  for (const e of events) if (e.name === 'TimerFire') timers.set(e.tid, (timers.get(e.tid) ?? 0) + 1);
  const tid = [...timers].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => e.tid === tid && e.ph === 'X');
  if (process.env.GLOSE_GC_ARGS) {
    for (const e of mine) if (/GC|Collect/.test(e.name) && e.dur > 5000) console.log(`  ${e.name} ${Math.round(e.dur / 1000)} ms ${JSON.stringify(e.args)}`);
  }
  const t0 = Math.min(...mine.map((e) => e.ts));
  const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'RecalculateStyles']);
  const renders = mine.filter((e) => RENDERING.has(e.name));
  const SCRIPT = new Set(['FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR']);
  // The browser's own once-per-page work that runs inside a frame's lifecycle update: Chrome's capture
  // of the page's text (language detection), ~40 ms of CPU on the 10,000-comment page.
  const BROWSER = new Set(['ChromeRenderFrameObserver::CapturePageText']);
  const steps = mine.filter((e) => RENDERING.has(e.name) || SCRIPT.has(e.name) || BROWSER.has(e.name));
  return mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 30_000).map((task) => {
    const within = (r) => r.ts >= task.ts && r.ts < task.ts + task.dur;
    const rendering = renders.filter(within).reduce((sum, r) => sum + r.dur, 0);
    // The task's own CPU time per step of script and rendering (e.g. PrePaint: moving every box
    // below an insertion); nested steps count in each (a GC inside a FunctionCall).
    const byStep = {};
    for (const r of steps.filter(within)) byStep[r.name] = (byStep[r.name] ?? 0) + (r.tdur ?? r.dur) / 1000;
    const split = Object.entries(byStep).filter(([, ms]) => ms >= 1).map(([name, ms]) => `${name} ${Math.round(ms)}`).join(', ');
    // GLOSE_TASK_EVENTS=MS: every event of MS ms or more inside the task, by name (own CPU ms).
    if (process.env.GLOSE_TASK_EVENTS) {
      const all = {};
      for (const r of mine.filter(within)) if ((r.tdur ?? r.dur) >= Number(process.env.GLOSE_TASK_EVENTS) * 1000 && r !== task) all[r.name] = (all[r.name] ?? 0) + (r.tdur ?? r.dur) / 1000;
      console.log(`  task at ${Math.round((task.ts - t0) / 1000)} ms: ${Object.entries(all).sort((x, y) => y[1] - x[1]).map(([n, ms]) => `${n} ${Math.round(ms)}`).join(', ')}`);
    }
    // A thread's CPU time within a task cannot exceed the task's wall time; the trace's thread clock
    // sometimes says more (a 38 ms major GC with 71 ms of "CPU"): the smaller of the two.
    return { at: Math.round((task.ts - t0) / 1000), wall: Math.round(task.dur / 1000), cpu: Math.round(Math.min(task.tdur ?? 0, task.dur) / 1000), render: rendering > task.dur / 2, split };
  });
}

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 3);
// GLOSE_EXTENSION=dir measures another unpacked build (e.g. an older commit's) side by side.
const EXTENSION = process.env.GLOSE_EXTENSION ?? new URL('../../dist/chrome/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'glose-main-thread-'));
const file = join(dir, 'page.html');
// GLOSE_PAGE=file.html measures that saved page instead (e.g. a long article: many highlights).
writeFileSync(file, process.env.GLOSE_PAGE ? readFileSync(process.env.GLOSE_PAGE, 'utf8') : commentsPage(count));
const server = await startServer({ page: file });
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: false,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [...(process.env.GLOSE_CHROME_ARGS ?? '').split(' ').filter(Boolean), '--headless=new', '--no-sandbox', '--disable-gpu', `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
});
const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(300_000);
// GLOSE_CONSOLE=1: prints the page's console lines (the content scripts' too), e.g. a debugging build's.
if (process.env.GLOSE_CONSOLE) page.on('console', (m) => console.log(`  [console] ${m.text()}`));
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

let tracesSaved = 0;

/**
 * Whether Glose's tooltip is shown (`shown` true) or hidden: page.waitForFunction polls it on every
 * frame, inside the rendering task that draws the tooltip, so it looks only at <html>'s children,
 * where Glose puts it (a querySelector of the 210,000 nodes costs ~5 ms in that task).
 */
const tooltipShown = (shown) => {
  const tooltip = [...document.documentElement.children].find((e) => e.localName === 'glose-tooltip');
  return Boolean(tooltip) && tooltip.hidden !== shown;
};

/** Starts a light trace of the page's thread; `stop()` gives its tasks over 30 ms (each task's own CPU time besides its wall time). */
async function startTrace() {
  const tracer = await context.newCDPSession(page);
  const events = [];
  tracer.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((resolve) => tracer.once('Tracing.tracingComplete', resolve));
  await tracer.send('Tracing.start', { categories: process.env.GLOSE_TRACE_CATEGORIES ?? (process.env.GLOSE_GC_ARGS ? 'toplevel,devtools.timeline,renderer,v8,disabled-by-default-v8.gc,blink_gc,cppgc' : 'toplevel,devtools.timeline,renderer'), transferMode: 'ReportEvents' });
  return {
    async stop() {
      // Two frames drawn after what was measured: the rendering update it caused is in the trace.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await tracer.send('Tracing.end');
      await traced;
      await tracer.detach();
      if (process.env.GLOSE_TRACE_OUT) writeFileSync(`${process.env.GLOSE_TRACE_OUT}.${tracesSaved += 1}.json`, JSON.stringify(events));
      return longTasksOfTrace(events);
    },
  };
}

const results = [];
for (let i = 0; i < runs; i += 1) {
  await page.goto(server.url('/article.html'), { waitUntil: 'load' });
  await page.waitForTimeout(500);
  // Playwright's first waitForFunction in a page installs its injected script, which adds
  // non-passive touchstart/touchend/touchcancel listeners on window: Chromium then updates the
  // allowed touch action of every box, one frame of ~35 ms PrePaint + ~11 ms Paint of CPU on the
  // 10,000-comment page, with or without Glose (scripts/bench/touch-listener-cost.mjs). Done here,
  // before anything is measured, so that it is not taken for the first hover's cost.
  // GLOSE_NO_PRIME=1 leaves it to the hover's waitForFunction, as before.
  if (!process.env.GLOSE_NO_PRIME) await page.waitForFunction(() => true);
  if (!process.env.GLOSE_NO_SETTLE) {
    // A reader scrolls a little before toggling. Chrome captures the page's text (language
    // detection) once, in the first frame drawn after a delay past load: on a page that draws
    // nothing on its own, without this that frame is Glose's first (40 ms of Chrome's CPU inside
    // it on this page). GLOSE_NO_SETTLE=1 toggles right after load instead.
    const frame = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(1500);
    await page.mouse.wheel(0, 60);
    await frame();
    await page.mouse.wheel(0, -60);
    await frame();
    await page.waitForTimeout(300);
  }
  const tab = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  if (process.env.GLOSE_GC_FIRST) {
    // Control: collect the garbage already there (e.g. the previous run's page) before toggling,
    // so that a collection during the toggle is of what the toggle itself left.
    const gc = await context.newCDPSession(page);
    await gc.send('HeapProfiler.collectGarbage');
    await gc.detach();
  }
  await page.evaluate(() => { window.__longtasks.length = 0; window.__longtaskStarts = []; window.__startTicks(); });
  const trace = await startTrace();
  // GLOSE_HEAP=1: sampled JS allocations of the page's thread during the toggle, by function.
  const heap = process.env.GLOSE_HEAP ? await context.newCDPSession(page) : null;
  // GLOSE_HEAP=live: only what is still alive a second after the toggle (what it left in the heap).
  const allocated = process.env.GLOSE_HEAP !== 'live';
  if (heap) await heap.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: allocated, includeObjectsCollectedByMinorGC: allocated });
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
  await page.waitForTimeout(1000);
  const tasks = await trace.stop();
  if (heap) {
    const { profile } = await heap.send('HeapProfiler.stopSampling');
    await heap.detach();
    const bytes = new Map();
    // A built-in (no script, e.g. `join`) is named with its caller.
    const visit = (node, caller = '') => {
      const f = node.callFrame;
      const at = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      const key = f.url === '' && caller ? `${f.functionName} ← ${caller}` : at;
      bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize / 1e6);
      for (const child of node.children) visit(child, at);
    };
    visit(profile.head);
    printTop(`page main thread, sampled JS allocation${allocated ? '' : ' still alive'} in MB (self)`, bytes, 15);
  }
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
  results.push({ ms, ...seen, tasks });
  const cpuOf = (list) => Math.max(0, ...list.map((t) => t.cpu));
  console.log(`run ${i + 1}: toggle on ${ms.toFixed(0)} ms; long tasks ${seen.longtasks.map((x) => x.toFixed(0)).join(' ') || 'none'}; `
    + `longest longtask ${Math.max(0, ...seen.longtasks).toFixed(0)} ms; longest gap between 4 ms ticks ${seen.maxGap.toFixed(0)} ms; `
    + `longest task's own CPU time: script ${cpuOf(tasks.filter((t) => !t.render))} ms, rendering ${cpuOf(tasks.filter((t) => t.render))} ms`);
  if (process.env.GLOSE_GAPS) console.log(`  tasks over 30 ms [at, wall, cpu, render?]: ${JSON.stringify(tasks.map((t) => [t.at, t.wall, t.cpu, t.render ? 'render' : 'script', t.split]))}`);
  // GLOSE_TIMINGS=1: the content script's phases of the analysis (page state `analysisTimings`: read,
  // analyze, parse, nodes, fetchFull), asked for after the toggle's trace.
  if (process.env.GLOSE_TIMINGS) {
    const state = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { kind: 'page-state' }), tab);
    console.log(`  analysisMs ${state?.analysisMs}; analysisTimings ${JSON.stringify(state?.analysisTimings)}`);
    console.log(`  highlight ranges by name: ${JSON.stringify(await page.evaluate(() => Object.fromEntries([...CSS.highlights].map(([name, h]) => [name, h.size]))))}`);
  }
  if (process.env.GLOSE_GAPS) console.log(`  gaps > 50 ms [at, ms]: ${JSON.stringify(seen.bigGaps)}; long tasks [at, ms]: ${JSON.stringify(seen.starts)}`);
  // Hovering a highlight: the "why" tooltip shows (a card of Glose's own over the page).
  const point = await page.evaluate(() => {
    const name = ['glose-attributed', 'glose-editorial', 'glose-quoted'].find((n) => CSS.highlights.has(n));
    const [range] = name ? [...CSS.highlights.get(name)] : [];
    if (!range) return null;
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    return null;
  }).then(() => page.waitForTimeout(500)).then(() => page.evaluate(() => {
    const name = ['glose-attributed', 'glose-editorial', 'glose-quoted'].find((n) => CSS.highlights.has(n));
    const rect = [...CSS.highlights.get(name)][0].getClientRects()[0];
    return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
  })).catch(() => null);
  if (point) {
    await page.evaluate(() => window.__startTicks());
    const hoverTrace = await startTrace();
    const moved = Date.now();
    await page.mouse.move(point.x, point.y);
    const shownAfter = await page.waitForFunction(tooltipShown, true, { timeout: 10_000 }).then(() => `${Date.now() - moved} ms`, () => 'never');
    await page.waitForTimeout(500);
    const hover = await hoverTrace.stop();
    await page.evaluate(() => window.__stopTicks());
    console.log(`  hover a highlight (tooltip shown after ${shownAfter}): longest task's own CPU time: script ${cpuOf(hover.filter((t) => !t.render))} ms, rendering ${cpuOf(hover.filter((t) => t.render))} ms`
      + (process.env.GLOSE_GAPS ? `; tasks over 30 ms: ${JSON.stringify(hover.map((t) => [t.at, t.wall, t.cpu, t.render ? 'render' : 'script', t.split]))}` : ''));
    // GLOSE_HOVERS=N: N-1 more hovers of the same highlight, the pointer first moved off it (the
    // tooltip hides): whether a cost is the first hover's only or every hover's.
    for (let again = 1; again < Number(process.env.GLOSE_HOVERS ?? 1); again += 1) {
      await page.mouse.move(2, 2);
      await page.waitForFunction(tooltipShown, false, { timeout: 10_000 }).catch(() => {});
      await page.waitForTimeout(300);
      await page.evaluate(() => window.__startTicks());
      const againTrace = await startTrace();
      const movedAgain = Date.now();
      await page.mouse.move(point.x, point.y);
      const shownAgainAfter = await page.waitForFunction(tooltipShown, true, { timeout: 10_000 }).then(() => `${Date.now() - movedAgain} ms`, () => 'never');
      await page.waitForTimeout(500);
      const hoverAgain = await againTrace.stop();
      await page.evaluate(() => window.__stopTicks());
      console.log(`  hover again (${again + 1}, tooltip shown after ${shownAgainAfter}): longest task's own CPU time: script ${cpuOf(hoverAgain.filter((t) => !t.render))} ms, rendering ${cpuOf(hoverAgain.filter((t) => t.render))} ms`
        + (process.env.GLOSE_GAPS ? `; tasks over 30 ms: ${JSON.stringify(hoverAgain.map((t) => [t.at, t.wall, t.cpu, t.render ? 'render' : 'script', t.split]))}` : ''));
    }
  }
  // GLOSE_NOTE=1: making a note on a comment near the end of the page (its selectors: a reading of
  // the page as it is now, then the note placed by another), from pressing "Save" until the
  // note's highlight is drawn; the stored note is then removed, so that the next run's toggle has
  // none to place.
  if (process.env.GLOSE_NOTE) {
    const inTab = (fn, arg) => worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tab} }, func: ${fn}, args: [${JSON.stringify(arg ?? null)}] })
      .then((results) => results[0]?.result ?? null)`);
    const selected = await page.evaluate(() => {
      const text = [...document.querySelectorAll('.comment-content p')].at(-3)?.firstChild;
      if (!text) return null;
      text.parentElement.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(30, text.data.length));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return range.toString();
    });
    const pressed = async () => {
      for (let k = 0; k < 50; k += 1) {
        if (await inTab(pressNoteButton)) return true;
        await page.waitForTimeout(100);
      }
      return false;
    };
    if (selected && await pressed()) {
      await page.waitForTimeout(500);
      await page.evaluate(() => window.__startTicks());
      const noteTrace = await startTrace();
      const started = Date.now();
      const sent = await inTab(submitNoteForm, { body: 'bench note', tags: '' });
      const drawnAfter = sent ? await page.waitForFunction((exact) => [...(CSS.highlights.get('glose-note') ?? [])].some((r) => r.toString().includes(exact.slice(0, 10))),
        selected, { timeout: 60_000, polling: 50 }).then(() => `${Date.now() - started} ms`, () => 'never') : 'no form';
      await page.waitForTimeout(500);
      const noted = await noteTrace.stop();
      const noteGap = await page.evaluate(() => {
        window.__stopTicks();
        return window.__gaps.max;
      });
      console.log(`  make a note (drawn after ${drawnAfter}): longest gap between 4 ms ticks ${noteGap.toFixed(0)} ms; longest task's own CPU time: script ${cpuOf(noted.filter((t) => !t.render))} ms, rendering ${cpuOf(noted.filter((t) => t.render))} ms`
        + (process.env.GLOSE_GAPS ? `; tasks over 30 ms [at, wall, cpu, render?]: ${JSON.stringify(noted.map((t) => [t.at, t.wall, t.cpu, t.render ? 'render' : 'script', t.split]))}` : ''));
    } else console.log(`  make a note: no Note button (selected: ${JSON.stringify(selected)})`);
    await worker.evaluate(() => chrome.storage.local.clear());
  }
  // Toggling off: removing what Glose drew (the summary panel above the comments was one more long
  // rendering update).
  await page.evaluate(() => window.__startTicks()); // the trace finds the page's thread by its timer
  const offTrace = await startTrace();
  const offMs = await worker.evaluate(async (id) => {
    const start = performance.now();
    await globalThis.gloseToggleTab(id, false);
    return performance.now() - start;
  }, tab);
  await page.waitForTimeout(1000);
  const off = await offTrace.stop();
  const offGap = await page.evaluate(() => {
    window.__stopTicks();
    return window.__gaps.max;
  });
  console.log(`  toggle off ${offMs.toFixed(0)} ms; longest gap between 4 ms ticks ${offGap.toFixed(0)} ms; longest task's own CPU time: script ${cpuOf(off.filter((t) => !t.render))} ms, rendering ${cpuOf(off.filter((t) => t.render))} ms`
    + (process.env.GLOSE_GAPS ? `; tasks over 30 ms [at, wall, cpu, render?]: ${JSON.stringify(off.map((t) => [t.at, t.wall, t.cpu, t.render ? 'render' : 'script', t.split]))}` : ''));
}
await context.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
