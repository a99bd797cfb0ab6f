#!/usr/bin/env node
// Resource limits, measured (issue 14, item 4; a script, not a test: timings are never asserted).
// Loads the built extension (dist/) in headless Chromium (playwright-core) and Firefox ESR
// (selenium + geckodriver) and, per browser:
//
//   1. the pages past the reading limits (tests/e2e/server.js HUGE_PAGES: 1,000,000 elements,
//      50 MB of text, one 10 MB text node, and the strict-CSP copy of the last), each opened in a
//      fresh tab `--runs` times: the page's load, then the toggle (from the message to its answer,
//      highlights drawn), the content script's own `analysisMs` and, on the sliced path, where it
//      went (`analysisTimings`: read, upload, analyze — with the background's join and core —,
//      fetchFull); whether the on-page notice says "Page too large…"; the page's JS heap
//      (Chromium) or the web content processes' memory (Firefox); whether the tab survived;
//   2. per-tab state: the background's kept uploads, reports and refinement snapshots
//      (`gloseKeptJobs()`) before a huge page is opened and after its tab is closed;
//   3. a long refinement stopped: a generated article of `--sentences` distinct sentences (the
//      encoder embeds 2 at a time), Glose on, and once embedding has started the tab is left
//      (navigated elsewhere) or closed: how long until the background has no refinement in
//      flight (`gloseRefine.state().refinements`), and whether it embedded anything after that.
//
//   node scripts/bench-huge.mjs [--browser chromium|firefox|both] [--runs 3]
//                               [--pages elements,text,text-node,strict-text-node,comments-10k] [--sentences 600]
//                               [--skip-refine] [--out target/bench/huge.csv] [--dist dist]
//
// Needs `bash scripts/build-extension.sh`. Prints one line per run and writes a CSV; the load
// average is printed with each line (the machine is shared).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HUGE_PAGES, startServer } from '../tests/e2e/server.js';
import { commentsPage } from './bench/comments-page.mjs';
import { firefoxTabs } from './bench/firefox-tabs.mjs';
import { noticeText } from '../tests/e2e/own-probes.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({
  options: {
    browser: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '3' },
    pages: { type: 'string', default: 'elements,text,text-node,strict-text-node' },
    sentences: { type: 'string', default: '600' },
    'skip-refine': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'target/bench/huge.csv') },
    // Another build's dist/ (its chrome/ and firefox/), to measure it under the same conditions.
    dist: { type: 'string', default: join(ROOT, 'dist') },
  },
});
const DIST = resolve(args.dist);
const runs = Math.max(1, Number(args.runs));
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });

/** Polls `probe()` until `ok(value)` or `timeout` ms: `{value, ms, timedOut}`. */
async function until(probe, ok, timeout = 30_000, every = 50) {
  const started = Date.now();
  let value;
  for (;;) {
    try {
      value = await probe();
    } catch (error) {
      value = { error: String(error?.message ?? error) };
    }
    if (ok(value)) return { value, ms: Date.now() - started, timedOut: false };
    if (Date.now() - started > timeout) return { value, ms: Date.now() - started, timedOut: true };
    await sleep(every);
  }
}

/** The long article of the refinement measurement: distinct sentences, few elements (in-page wasm path). */
function longArticle(n) {
  const words = ['bridge', 'budget', 'river', 'school', 'tram', 'harbour', 'library', 'market'];
  const paragraphs = [];
  for (let i = 0; i < n; i += 3) {
    const s = [0, 1, 2].map((k) => {
      const j = i + k;
      return `Council member ${j} said the ${words[j % words.length]} plan for district ${j * 7 + 3} was, frankly, a scandal that cost ${j * 13 + 100} thousand euros.`;
    });
    paragraphs.push(`<p>${s.join(' ')}</p>`);
  }
  return `<!DOCTYPE html><html lang="en"><head><title>A long hearing</title></head><body><article><h1>A long hearing</h1>${paragraphs.join('')}</article></body></html>`;
}

/**
 * Serves /long.html (the long article), /strict/long.html (its strict-CSP copy), /elsewhere.html
 * and /comments-10k.html (the generated 10,000-comment page: within the limits, read whole; the
 * reference for what the limits must not cut).
 */
async function startLongServer(sentences) {
  const page = longArticle(sentences);
  let comments = null;
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (path === '/long.html') response.writeHead(200, headers).end(page);
    else if (path === '/strict/long.html') response.writeHead(200, { ...headers, 'content-security-policy': "script-src 'self'" }).end(page);
    else if (path === '/comments-10k.html') response.writeHead(200, headers).end(comments ??= commentsPage(10_000));
    else if (path === '/elsewhere.html') response.writeHead(200, headers).end('<!DOCTYPE html><title>Elsewhere</title><p>Another page.</p>');
    else response.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: (p) => `http://127.0.0.1:${port}${p}`, close: () => new Promise((r) => server.close(r)) };
}

// ---------------------------------------------------------------------------------------------
// Browsers: each driver opens a page in a fresh tab and talks to the extension's background.

async function chromiumDriver() {
  const { chromium } = await import('playwright-core');
  const extension = join(DIST, 'chrome');
  const profile = mkdtempSync(join(tmpdir(), 'glose-huge-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    viewport: { width: 1200, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const version = context.browser()?.version() ?? 'Chromium';
  let page = null;
  let crashed = false;
  const tabId = async () => (await until(() => worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null, page.url()),
    (id) => typeof id === 'number', 10_000)).value;
  return {
    name: 'chromium',
    version: `Chromium ${version}`,
    async open(url, timeout) {
      page = await context.newPage();
      crashed = false;
      page.on('crash', () => { crashed = true; });
      await page.goto(url, { waitUntil: 'load', timeout });
      await page.bringToFront();
    },
    async navigate(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    crashed: () => crashed,
    /** Toggles from the background, timed there: `{answer, ms}` or `{error}`. */
    async toggle(on) {
      const id = await tabId();
      return (await until(() => worker.evaluate(async ([tab, state]) => {
        const started = performance.now();
        try {
          const answer = await globalThis.gloseToggleTab(tab, state);
          return { answer, ms: performance.now() - started };
        } catch (error) {
          return { error: String(error?.message ?? error) };
        }
      }, [id, on]), (a) => !a?.error, 60_000)).value;
    },
    async pageState() {
      const id = await tabId();
      return worker.evaluate((tab) => chrome.tabs.sendMessage(tab, { kind: 'page-state' })
        .then((s) => ({ path: s.path, truncated: s.truncated, analysisMs: s.analysisMs, analysisTimings: s.analysisTimings, refinement: s.refinement }), (e) => ({ error: String(e) })), id);
    },
    async notice() {
      const id = await tabId();
      return worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${id} }, func: ${noticeText} }).then((r) => r[0]?.result ?? null)`);
    },
    async memory() {
      const cdp = await context.newCDPSession(page);
      try {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return { page_heap_mb: +(usedSize / 1e6).toFixed(1) };
      } finally {
        await cdp.detach().catch(() => {});
      }
    },
    kept: () => worker.evaluate(() => globalThis.gloseKeptJobs()),
    refineState: () => worker.evaluate(() => globalThis.gloseRefine.state()),
    forgetVectors: () => worker.evaluate(() => globalThis.gloseRefine.forget()),
    async closeTab() {
      await page.close();
      page = null;
    },
    quit: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function firefoxDriver() {
  const { Builder } = await import('selenium-webdriver');
  const firefox = (await import('selenium-webdriver/firefox.js')).default;
  const manifest = JSON.parse(readFileSync(join(DIST, 'firefox/manifest.json'), 'utf8'));
  const UUID = '6c0d8f2e-3b1a-4c5d-9e7f-0a1b2c3d4e5f';
  const which = (n) => { try { return execFileSync('sh', ['-c', `command -v ${n}`], { encoding: 'utf8' }).trim(); } catch { return null; } };
  const options = new firefox.Options().addArguments('-headless').setBinary(process.env.FIREFOX ?? which('firefox-esr') ?? which('firefox'))
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: UUID }))
    .windowSize({ width: 1200, height: 900 });
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? which('geckodriver') ?? join(process.env.HOME, '.cargo/bin/geckodriver'))
    .addArguments('--allow-system-access');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().setTimeouts({ script: 300_000, pageLoad: 300_000 });
  await driver.installAddon(join(DIST, 'firefox'), true);
  const version = (await driver.getCapabilities()).get('browserVersion');
  // The sidebar Firefox opens on install would ask for the page state (and start the analysis)
  // as each page loads: closed, so the toggle's time is a cold analysis, as in Chromium.
  const chromeContext = async (body) => {
    await driver.setContext(firefox.Context.CHROME);
    try {
      return await driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; (async () => { ${body} })().then(done, (e) => done({ error: String(e) }));`);
    } finally {
      await driver.setContext(firefox.Context.CONTENT);
    }
  };
  await chromeContext(`const w = Services.wm.getMostRecentWindow('navigator:browser'); const ui = w.SidebarController ?? w.SidebarUI; ui?.hide(); return true;`);
  const tabs = await firefoxTabs(driver, `moz-extension://${UUID}/src/options/options.html`);
  const { controlTab, inTab, control } = tabs;
  let { pageTab } = tabs;
  let pageUrl = null;
  const tabId = async () => (await until(() => control(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id ?? null, pageUrl),
    (id) => typeof id === 'number', 10_000)).value;
  /** Runs `body` (an async function body, WebDriver script text: no eval in extension pages) in the control tab. */
  const controlRaw = (body, ...rest) => inTab(controlTab, () => driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1]; (async () => { ${body} })().then(done, (e) => done({ error: String(e) }));`, ...rest));
  const background = (body) => controlRaw(`const bg = await browser.runtime.getBackgroundPage(); ${body}`);
  return {
    name: 'firefox',
    version: `Firefox ${version}`,
    async open(url) {
      if (pageTab === null) {
        await driver.switchTo().newWindow('tab');
        pageTab = await driver.getWindowHandle();
        tabs.current(pageTab);
      }
      pageUrl = url;
      await inTab(pageTab, () => driver.get(url));
      // The page tab in front, as a user's would be (a background tab's timers are throttled).
      await control(async (id) => { await browser.tabs.update(id, { active: true }); return true; }, await tabId());
    },
    async navigate(url) {
      pageUrl = url;
      await inTab(pageTab, () => driver.get(url));
    },
    crashed: () => false,
    async toggle(on) {
      const id = await tabId();
      return (await until(() => control(async ([tab, state]) => {
        const started = performance.now();
        try {
          const answer = await browser.tabs.sendMessage(tab, { kind: 'toggle', on: state });
          return { answer, ms: performance.now() - started };
        } catch (error) {
          return { error: String(error?.message ?? error) };
        }
      }, [id, on]), (a) => !a?.error, 60_000)).value;
    },
    async pageState() {
      const id = await tabId();
      return control((tab) => browser.tabs.sendMessage(tab, { kind: 'page-state' })
        .then((s) => ({ path: s.path, truncated: s.truncated, analysisMs: s.analysisMs, analysisTimings: s.analysisTimings, refinement: s.refinement }), (e) => ({ error: String(e) })), id);
    },
    async notice() {
      const id = await tabId();
      return controlRaw(`const r = await browser.scripting.executeScript({ target: { tabId: arguments[0] }, func: (${noticeText}) }); return r[0]?.result ?? null;`, id);
    },
    async memory() {
      return chromeContext(`
        Services.obs.notifyObservers(null, 'child-gc-request');
        Cu.forceGC();
        await new Promise((r) => setTimeout(r, 1000));
        const info = await ChromeUtils.requestProcInfo();
        const web = info.children.filter((c) => String(c.type).startsWith('web'));
        return { web_processes_mb: +(web.reduce((a, c) => a + c.memory, 0) / 1e6).toFixed(1), largest_web_process_mb: +(Math.max(0, ...web.map((c) => c.memory)) / 1e6).toFixed(1) };`);
    },
    kept: () => background('return JSON.parse(JSON.stringify(bg.gloseKeptJobs()));'),
    refineState: () => background('return JSON.parse(JSON.stringify(bg.gloseRefine.state()));'),
    forgetVectors: () => background('bg.gloseRefine.forget(); return true;'),
    async closeTab() {
      const id = await tabId();
      await control(async (tab) => { await browser.tabs.remove(tab); return true; }, id);
      pageTab = null;
      await driver.switchTo().window(controlTab);
      tabs.current(controlTab);
    },
    quit: () => driver.quit(),
  };
}

// ---------------------------------------------------------------------------------------------

const rows = [];
const columns = ['browser', 'version', 'page', 'run', 'load_ms', 'toggle_ms', 'analysis_ms', 'read_ms', 'read_busy_ms', 'read_slices', 'upload_ms', 'analyze_ms', 'bg_join_ms', 'bg_core_ms', 'bg_stringify_ms', 'parse_ms', 'fetch_full_ms',
  'path', 'limit', 'nodes', 'text_units', 'notice', 'memory', 'tab_alive', 'kept_before', 'kept_after_close', 'loadavg'];

async function hugePages(driver, server, long) {
  const pages = args.pages.split(',').filter(Boolean);
  for (const name of pages) {
    const strict = name.startsWith('strict-');
    const kind = name.replace(/^strict-/, '');
    if (!HUGE_PAGES[kind] && kind !== 'comments-10k') throw new Error(`no huge page ${name}`);
    const url = kind === 'comments-10k' ? long.url('/comments-10k.html') : server.url(`${strict ? '/strict' : ''}/huge/${kind}.html`);
    for (let run = 1; run <= runs; run += 1) {
      const keptBefore = await driver.kept();
      const started = Date.now();
      await driver.open(url, 300_000);
      const loadMs = Date.now() - started;
      await driver.toggle(false); // the content script is up
      const on = await driver.toggle(true);
      const state = await driver.pageState();
      // The 10,000-comment page is read whole: no notice.
      const notice = (await until(() => driver.notice(), (x) => typeof x === 'string', kind === 'comments-10k' ? 500 : 10_000)).value;
      const memory = await driver.memory().catch((e) => ({ error: String(e) }));
      const alive = !driver.crashed() && !state?.error;
      await driver.toggle(false);
      await driver.closeTab();
      const after = await until(() => driver.kept(), (k) => JSON.stringify(k) === JSON.stringify(keptBefore), 5_000);
      const t = state?.analysisTimings ?? {};
      const row = {
        browser: driver.name, version: driver.version, page: name, run, load_ms: loadMs, toggle_ms: Math.round(on?.ms ?? NaN), analysis_ms: state?.analysisMs,
        read_ms: t.read, read_busy_ms: t.readBusy, read_slices: t.readSlices, upload_ms: t.upload, analyze_ms: t.analyze, bg_join_ms: t.background?.join, bg_core_ms: t.background?.core, bg_stringify_ms: t.background?.stringify, parse_ms: t.parse, fetch_full_ms: t.fetchFull,
        path: state?.path, limit: state?.truncated?.limit, nodes: state?.truncated?.nodes, text_units: state?.truncated?.text_units,
        notice: typeof notice === 'string' ? notice.slice(0, 60) : 'NONE', memory: JSON.stringify(memory), tab_alive: alive,
        kept_before: JSON.stringify(keptBefore), kept_after_close: JSON.stringify(after.value), loadavg: load(),
      };
      rows.push(row);
      console.log(`[huge] ${driver.name} ${name} #${run}: toggle on ${row.toggle_ms} ms, analysis ${row.analysis_ms} ms `
        + `(read ${t.read ?? '-'} [walking ${t.readBusy ?? '-'} in ${t.readSlices ?? '-'} slices], upload ${t.upload ?? '-'}, analyze ${t.analyze ?? '-'} [join ${t.background?.join ?? '-'}, core ${t.background?.core ?? '-'}, stringify ${t.background?.stringify ?? '-'}], parse ${t.parse ?? '-'}, full ${t.fetchFull ?? '-'}), `
        + `load ${loadMs} ms, path ${row.path}, ${row.limit}: ${row.nodes} nodes / ${row.text_units} units, notice "${row.notice}", ${row.memory}, `
        + `alive ${alive}, kept ${row.kept_before} → ${row.kept_after_close}${after.timedOut ? ' (NOT back)' : ''}; load avg ${row.loadavg}`);
    }
  }
}

/** A long refinement, then the tab left (`how`: navigate) or closed; what the background does after. */
async function stoppedRefinement(driver, long, how, path) {
  await driver.forgetVectors();
  const before = await driver.refineState();
  const keptBefore = await driver.kept();
  await driver.open(long.url(path), 60_000);
  await driver.toggle(false);
  const on = await driver.toggle(true);
  // The encoder has loaded and embedded a few sentences: the refinement is under way.
  const going = await until(() => driver.refineState(), (s) => s.refinements?.active > 0 && s.cached >= 4, 60_000, 100);
  const atStop = going.value;
  const keptDuring = await driver.kept();
  const stopAt = Date.now();
  if (how === 'navigate') await driver.navigate(long.url('/elsewhere.html'));
  else await driver.closeTab();
  const stopped = await until(() => driver.refineState(), (s) => s.refinements?.active === 0, 60_000, 50);
  const stopMs = Date.now() - stopAt;
  await sleep(3000);
  const later = await driver.refineState();
  if (how === 'navigate') await driver.closeTab();
  const keptAfter = await until(() => driver.kept(), (k) => JSON.stringify(k) === JSON.stringify(keptBefore), 5_000);
  const sentences = Number(args.sentences);
  const line = `[refine] ${driver.name} ${path}, tab ${how === 'navigate' ? 'left' : 'closed'} while embedding: toggle on ${Math.round(on?.ms)} ms; `
    + `${atStop.cached} of ${sentences} sentences embedded when the tab went; the background had no refinement in flight ${stopMs} ms later`
    + `${stopped.timedOut ? ' (TIMED OUT)' : ''} (cancelled ${before.refinements?.cancelled} → ${stopped.value.refinements?.cancelled}); `
    + `vectors cached then ${stopped.value.cached}, 3 s later ${later.cached}; kept ${JSON.stringify(keptBefore)} → (tab open) ${JSON.stringify(keptDuring)} → ${JSON.stringify(keptAfter.value)}; load avg ${load()}`;
  console.log(line);
  return { browser: driver.name, path, how, stop_ms: stopMs, embedded_at_stop: atStop.cached, cached_after: stopped.value.cached, cached_3s_later: later.cached,
    cancelled: (stopped.value.refinements?.cancelled ?? 0) - (before.refinements?.cancelled ?? 0), kept_before: keptBefore, kept_during: keptDuring, kept_after: keptAfter.value };
}

const browsers = args.browser === 'both' ? ['chromium', 'firefox'] : [args.browser];
for (const need of ['chrome/manifest.json', 'firefox/manifest.json']) {
  if (!existsSync(join(DIST, need))) throw new Error(`missing ${join(DIST, need)}: run bash scripts/build-extension.sh`);
}
const server = await startServer();
const long = await startLongServer(Number(args.sentences));
const refinements = [];
try {
  for (const name of browsers) {
    const driver = name === 'chromium' ? await chromiumDriver() : await firefoxDriver();
    console.log(`[huge] ${driver.version}; load avg ${load()}`);
    try {
      if (args.pages) await hugePages(driver, server, long);
      if (!args['skip-refine']) {
        refinements.push(await stoppedRefinement(driver, long, 'close', '/long.html'));
        refinements.push(await stoppedRefinement(driver, long, 'navigate', '/long.html'));
        // Chromium's strict-CSP page: the background keeps the page's snapshot for its refinement.
        if (name === 'chromium') refinements.push(await stoppedRefinement(driver, long, 'close', '/strict/long.html'));
      }
    } finally {
      await driver.quit();
    }
  }
} finally {
  await server.close();
  await long.close();
}
mkdirSync(dirname(args.out), { recursive: true });
const csv = (v) => (/[",\n]/.test(String(v ?? '')) ? `"${String(v).replace(/"/g, '""')}"` : String(v ?? ''));
writeFileSync(args.out, [columns.join(','), ...rows.map((r) => columns.map((c) => csv(r[c])).join(','))].join('\n') + '\n');
writeFileSync(args.out.replace(/\.csv$/, '-refine.json'), JSON.stringify(refinements, null, 1));
console.log(`[huge] wrote ${args.out}`);
