// Main-thread benchmark for Firefox (not a test): the longest time the page is blocked while Glose
// is toggled on in headless Firefox ESR (the built extension, dist/glose-firefox.xpi, through
// selenium + geckodriver as in tests/e2e/firefox.test.js), on the generated page with N reader
// comments that scripts/bench/main-thread.mjs measures in Chromium. Firefox has no CDP trace, so it
// is measured one way: the longest gap between ticks of a 4 ms page timer, and every gap over 50 ms
// with its time. Per run (the first in a fresh tab, then reloads of the same tab): the toggle's
// time (from the message to its answer), the gaps, the machine's load average at the run's start,
// and the content script's `analysisTimings` (page state: read, upload, analyze, parse, fetchFull),
// each gap placed against them (which phase it fell in, or the drawing after the analysis, or after
// the answer); at the end the median longest gap.
//   SKIP_WASM=1 bash scripts/build-extension.sh && node scripts/bench/main-thread-firefox.mjs [N=10000] [runs=5]
// GLOSE_SPLIT=1 splits the toggle in two, each with its own gaps: first the page state asked for
// (the analysis alone, the full report fetched, nothing drawn), then the toggle (drawing the cached
// analysis). GLOSE_EXTENSION=path measures another build (an .xpi or an unpacked folder);
// GLOSE_PAGE=file.html a saved page instead of the generated one. GLOSE_BLOCK=MS: a control of the
// probe, the page's own script busy for MS ms 300 ms after the timer starts (a gap of MS it must see).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { startServer } from '../../tests/e2e/server.js';
import { commentsPage } from './comments-page.mjs';
import { firefoxTabs } from './firefox-tabs.mjs';

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 5);
const EXTENSION = process.env.GLOSE_EXTENSION ?? new URL('../../dist/glose-firefox.xpi', import.meta.url).pathname;
const MANIFEST = JSON.parse(readFileSync(new URL('../../dist/firefox/manifest.json', import.meta.url), 'utf8'));
const UUID = '6c0d8f2e-3b1a-4c5d-9e7f-0a1b2c3d4e5f';
const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function which(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'glose-main-thread-firefox-'));
const file = join(dir, 'page.html');
writeFileSync(file, process.env.GLOSE_PAGE ? readFileSync(process.env.GLOSE_PAGE, 'utf8') : commentsPage(count));
const server = await startServer({ page: file });

// The launch of tests/e2e/firefox.test.js (fixed add-on UUID, 1200×900 headless window).
const options = new firefox.Options()
  .addArguments('-headless')
  .setBinary(process.env.FIREFOX ?? which('firefox-esr') ?? which('firefox'))
  .setPreference('extensions.webextensions.uuids', JSON.stringify({ [MANIFEST.browser_specific_settings.gecko.id]: UUID }))
  .windowSize({ width: 1200, height: 900 });
const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? which('geckodriver') ?? join(process.env.HOME ?? '', '.cargo/bin/geckodriver'))
  .addArguments('--allow-system-access');
const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
await driver.manage().setTimeouts({ script: 300_000, pageLoad: 300_000 });
await driver.installAddon(EXTENSION, true);
const version = (await driver.getCapabilities()).get('browserVersion');

// The sidebar Firefox opens on install asks for the page state as each page loads, which would
// start the analysis before the toggle (as scripts/bench-huge.mjs does: closed).
await driver.setContext(firefox.Context.CHROME);
await driver.executeScript(`const w = Services.wm.getMostRecentWindow('navigator:browser'); (w.SidebarController ?? w.SidebarUI)?.hide(); return true;`);
await driver.setContext(firefox.Context.CONTENT);

// The page tab, and the control page (an extension page, where WebDriver can call the WebExtension
// APIs) in a window of its own, not a tab beside the page: switching WebDriver to a tab selects it,
// and the page's tab in the background would have its timers throttled (checked: `visible`).
const { pageTab, controlTab, inTab } = await firefoxTabs(driver, `moz-extension://${UUID}/src/options/options.html`, { window: true });
/** Runs `fn(arg)` (a function, serialised; may be async) in the page or the control page. */
const runIn = (handle, fn, arg) => inTab(handle, () => driver.executeAsyncScript(
  `const done = arguments[arguments.length - 1]; Promise.resolve().then(() => (${fn})(arguments[0])).then(done, (e) => done({ error: String(e) }));`, arg ?? null));
const page = (fn, arg) => runIn(pageTab, fn, arg);
const control = (fn, arg) => runIn(controlTab, fn, arg);

const pageUrl = server.url('/article.html');

/**
 * The page's probes (installed after each load, in the page): a 4 ms timer whose gaps are kept,
 * and when the page became hidden, if it did. Times are ms from the timer's start; `origin` is the
 * timer's start in epoch ms (performance.timeOrigin + now), to place the control page's times.
 */
function installProbes() {
  const w = window.wrappedJSObject ?? window;
  if (w.__gloseBench) return true;
  const state = { max: 0, maxAt: 0, last: 0, start: 0, origin: 0, big: [], hidden: [], ticks: 0, timer: 0 };
  w.__gloseBench = state;
  document.addEventListener('visibilitychange', () => state.hidden.push([Math.round(performance.now() - state.start), document.visibilityState]));
  w.__gloseBenchStart = (block) => {
    state.max = 0;
    state.maxAt = 0;
    state.big = [];
    state.hidden = [];
    state.ticks = 0;
    state.start = performance.now();
    state.origin = performance.timeOrigin + state.start;
    state.last = state.start;
    const tick = () => {
      const now = performance.now();
      const gap = now - state.last;
      if (gap > 50) state.big.push([Math.round(state.last - state.start), Math.round(gap)]);
      if (gap > state.max) [state.max, state.maxAt] = [gap, Math.round(state.last - state.start)];
      state.last = now;
      state.ticks += 1;
      state.timer = setTimeout(tick, 4);
    };
    tick();
    if (block) {
      setTimeout(() => {
        const until = performance.now() + block;
        while (performance.now() < until);
      }, 300);
    }
  };
  return true;
}

const startTicks = () => page((block) => {
  const w = window.wrappedJSObject ?? window;
  w.__gloseBenchStart(Number(block) || 0);
  return { origin: w.__gloseBench.origin, visible: document.visibilityState };
}, process.env.GLOSE_BLOCK);

const readTicks = () => page(() => {
  const w = window.wrappedJSObject ?? window;
  const s = w.__gloseBench;
  clearTimeout(s.timer);
  return { max: s.max, maxAt: s.maxAt, big: JSON.parse(JSON.stringify(s.big)), hidden: JSON.parse(JSON.stringify(s.hidden)), ticks: s.ticks, visible: document.visibilityState,
    highlights: typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights.size : null };
});

/** The page tab's id (the control page finds it by URL). */
async function tabId() {
  for (let i = 0; i < 100; i += 1) {
    const id = await control(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id ?? null, pageUrl);
    if (typeof id === 'number') return id;
    await sleep(100);
  }
  throw new Error('no tab for the page');
}

/**
 * Sends `message` to the page's content script from the control page, as the e2e tests' `tell`
 * does (retrying while the content script is still starting): `{answer, sent, answered, ms}`,
 * `sent` and `answered` in epoch ms.
 */
async function tell(id, message) {
  for (let i = 0; i < 200; i += 1) {
    const out = await control(async ([tab, m]) => {
      const sent = performance.timeOrigin + performance.now();
      try {
        const answer = await browser.tabs.sendMessage(tab, m);
        const answered = performance.timeOrigin + performance.now();
        // The page state is big (the report's parts are not in it, but notes, frames...): only what is printed.
        const slim = answer && typeof answer === 'object' && 'analysisTimings' in answer
          ? { path: answer.path, analysisMs: answer.analysisMs, analysisTimings: answer.analysisTimings, analyses: answer.analyses, on: answer.on }
          : answer;
        return { answer: slim, sent, answered, ms: answered - sent };
      } catch (error) {
        return { error: String(error?.message ?? error) };
      }
    }, [id, message]);
    if (!out?.error) return out;
    await sleep(50);
  }
  throw new Error(`the content script did not answer ${JSON.stringify(message)}`);
}

/**
 * Where each gap over 50 ms fell, from the times the control page sent and got the answer and
 * the content script's phases (`analysisTimings`, laid end to end from the message's sending: the
 * message's delivery, a few ms, is not counted, nor the comment-widget frames' step before the
 * reading, none here): read, upload, analyze, parse, then "draw" (the rest of the toggle: notes
 * placed, the session opened and drawn; for the page state of GLOSE_SPLIT: "notes+fullReport", the
 * notes placed and the full report fetched) until the answer, then "after" (the browser's rendering of
 * what was drawn, the full report's fetch, collections).
 */
function placeGaps(big, origin, told, timings, analysisMs, tail = 'draw') {
  const sent = told.sent - origin;
  const answered = told.answered - origin;
  const phases = [];
  let at = sent;
  for (const name of ['read', 'upload', 'analyze', 'parse', 'nodes']) {
    if (timings && typeof timings[name] === 'number') {
      phases.push([name, at, at + timings[name]]);
      at += timings[name];
    }
  }
  const analysed = analysisMs != null ? sent + analysisMs : at;
  if (analysed > at) phases.push(['analysis-rest', at, analysed]);
  phases.push([tail, Math.max(at, analysed), answered]);
  const phaseOf = (t) => {
    if (t < sent) return 'before';
    const hit = phases.find(([, from, to]) => t >= from && t < to);
    return hit ? hit[0] : 'after';
  };
  // A gap is named by where it began (the task that blocked the timer began after its last tick).
  return {
    line: phases.map(([name, from, to]) => `${name} ${Math.round(from)}–${Math.round(to)}`).join(', ') + `; answered ${Math.round(answered)}`,
    gaps: big.map(([t, ms]) => `${t}+${ms} (${phaseOf(t)})`).join(', ') || 'none',
    phaseOf,
  };
}

const results = [];
console.log(`Firefox ${version}; page: ${process.env.GLOSE_PAGE ?? `${count} comments`}; extension ${EXTENSION}; ${runs} runs`);
for (let i = 0; i < runs; i += 1) {
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  if (i === 0) await inTab(pageTab, () => driver.get(pageUrl));
  else await inTab(pageTab, () => driver.navigate().refresh());
  await page(installProbes);
  await sleep(2000);
  const id = await tabId();
  let pageState = null;
  let split = null;
  if (process.env.GLOSE_SPLIT) {
    const { origin } = await startTicks();
    const asked = await tell(id, { kind: 'page-state' });
    await sleep(1000);
    const seen = await readTicks();
    pageState = asked.answer;
    const placed = placeGaps(seen.big, origin, asked, pageState?.analysisTimings, pageState?.analysisMs, 'notes+fullReport');
    split = { ms: asked.ms, max: seen.max, maxAt: seen.maxAt, placed };
  }
  const { origin, visible } = await startTicks();
  const told = await tell(id, { kind: 'toggle', on: true });
  await sleep(1000);
  const seen = await readTicks();
  pageState = (await tell(id, { kind: 'page-state' })).answer;
  const placed = placeGaps(seen.big, origin, told, split ? null : pageState?.analysisTimings, split ? null : pageState?.analysisMs);
  results.push({ ms: told.ms, max: seen.max, big: seen.big });
  console.log(`run ${i + 1} (load average ${load}): toggle on ${told.ms.toFixed(0)} ms (answer ${JSON.stringify(told.answer)}); `
    + `longest gap between 4 ms ticks ${seen.max.toFixed(0)} ms (at ${seen.maxAt}, ${placed.phaseOf(seen.maxAt)}); gaps > 50 ms [at+ms]: ${JSON.stringify(seen.big)}`
    + `; ${seen.ticks} ticks, page ${visible}→${seen.visible}${seen.hidden.length ? ` (visibility changes ${JSON.stringify(seen.hidden)})` : ''}, ${seen.highlights} highlight names`);
  if (split) {
    console.log(`  split, page state first (analysis only): ${split.ms.toFixed(0)} ms, longest gap ${split.max.toFixed(0)} ms (at ${split.maxAt}, ${split.placed.phaseOf(split.maxAt)}); ${split.placed.line}`);
    console.log(`    its gaps > 50 ms [at+ms (phase)]: ${split.placed.gaps}`);
    console.log(`  then the toggle (drawing the cached analysis): ${placed.line}`);
  } else console.log(`  phases (ms from the ticks' start): ${placed.line}`);
  console.log(`  gaps > 50 ms [at+ms (phase)]: ${placed.gaps}`);
  console.log(`  page state: path ${pageState?.path}, analysisMs ${pageState?.analysisMs}, analysisTimings ${JSON.stringify(pageState?.analysisTimings)}`);
}
console.log(`median longest gap over ${runs} runs: ${median(results.map((r) => r.max)).toFixed(0)} ms (longest gaps ${results.map((r) => r.max.toFixed(0)).join(' ')}); `
  + `median toggle ${median(results.map((r) => r.ms)).toFixed(0)} ms`);
await driver.quit();
await server.close();
rmSync(dir, { recursive: true, force: true });
