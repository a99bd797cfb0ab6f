#!/usr/bin/env node
// Soak run (issue 14, part 1; a script, not a CI test): the built extension in a real browser over
// every saved page of the shared corpus — trafilatura's 807 evaluation pages
// (../shared/corpus/trafilatura-eval/html/*.gz) and Readability's 130 test pages
// (../shared/corpus/readability-test-pages/*/source.html) — one page after another in one tab.
//
//   node scripts/soak.mjs [--browser chromium|firefox] [--limit N] [--start I] [--only REGEX]
//                         [--out target/soak/<browser>.csv] [--shots 12] [--memory-every 100]
//                         [--panel] [--passes N] [--dist dist] [--corpus ../shared/corpus]
//
// Needs `bash scripts/build-extension.sh` (dist/chrome, dist/firefox). Per page:
//   1. load it from a local server (127.0.0.1). The page is served with the CSP
//      `default-src 'none'; script-src 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:`:
//      its own scripts never run (they would only fail on the network and move the layout under
//      the measurement) and no sub-resource leaves the server; 'wasm-unsafe-eval' keeps Glose on its
//      usual in-page wasm path. `<meta http-equiv=refresh>` is dropped. The browser also gets a
//      dead proxy (127.0.0.1:9) for anything not on the loopback, so nothing reaches the network.
//   2. the content script is up (a toggle off answers); the page's layout is recorded (document
//      height, every element's box, the markup) twice 150 ms apart (a page that moves by itself is
//      "unstable" and its layout is not judged);
//   3. Glose is toggled on as the e2e tests do it (Chromium: the background's `gloseToggleTab`;
//      Firefox: `tabs.sendMessage` from an extension page) — time to first highlight is that call
//      (its answer comes once the fast highlights are drawn); then the page state is polled until
//      the encoder's refinement is done — time to refined = first + the refinement's own total;
//   4. layout while on: the document height may grow only by Glose's summary panel (drawn in the
//      flow above the comments), the article block (the common ancestor of Glose's highlight
//      ranges) keeps its box (it may only grow by the panel when the panel is inside it), and no
//      other element moves except by the panel's push (`moved`, every element checked);
//   5. toggled off: the markup must be the recorded one, no `glose*` highlight, no Glose element,
//      no adopted style sheet added;
//   6. errors attributable to the extension: uncaught exceptions, unhandled rejections and
//      console.error from the content script, the background and the side panel (Chromium: CDP on
//      the page — only the extension's isolated world — the service worker and the panel page;
//      Firefox: the console service and console API storage, entries whose source is the add-on).
//      Page errors (CSP refusals, failed sub-resources) are not counted. `glose:` warnings are
//      listed apart (e.g. a refinement that failed);
//   7. every `--memory-every` pages (and first and last): Chromium — the service worker's and the
//      page's V8 heap after a forced GC (CDP `Runtime.getHeapUsage`; the content script's heap is
//      the page's isolate); Firefox — the resident memory of the extension process and of the web
//      content processes (`ChromeUtils.requestProcInfo`, after a child GC/CC request), and the
//      extension process's memory reports by kind (wasm, JS, each extension page); in both, the
//      background's wasm memory and what its vector cache holds (`gloseRefine.memory()`).
//      `--passes N` goes through the same pages N times in the same browser: a leak grows on every
//      pass, a high-water mark (the biggest page seen, a cache filling to its cap) only on the first.
// Writes one CSV row per page and prints a summary (counts, p50/p95 time to first highlight, the
// memory series). Screenshots (Glose on) go to target/soak/shots/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { layoutWhileOn, leftovers, recordLayout } from '../tests/e2e/layout-probes.js';
import { firefoxTabs } from './bench/firefox-tabs.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CORPUS = resolve(ROOT, '../shared/corpus');

const { values: args } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    limit: { type: 'string' },
    start: { type: 'string', default: '0' },
    only: { type: 'string' },
    out: { type: 'string' },
    shots: { type: 'string', default: '12' },
    'memory-every': { type: 'string', default: '100' },
    corpus: { type: 'string', default: CORPUS },
    // Keep Glose's side panel open on the soaked tab (Chromium: panel.html?tabId=N in a second tab;
    // Firefox: the sidebar it opens on install, closed otherwise). The panel asks for the page state
    // as each page loads, so the analysis then runs before the toggle (time to first highlight is
    // no longer a cold toggle); its exceptions are counted.
    panel: { type: 'boolean', default: false },
    // Go through the pages this many times in the same browser (memory: leak or high-water mark).
    passes: { type: 'string', default: '1' },
    // The built extension: <dist>/chrome, <dist>/firefox (as scripts/build-extension.sh makes them).
    dist: { type: 'string', default: join(ROOT, 'dist') },
  },
});
if (!['chromium', 'firefox'].includes(args.browser)) {
  console.error('soak: --browser chromium|firefox');
  process.exit(2);
}
const OUT = resolve(ROOT, args.out ?? `target/soak/${args.browser}.csv`);
const SHOTS = join(dirname(OUT), 'shots');
mkdirSync(SHOTS, { recursive: true });
const MEMORY_EVERY = Math.max(1, Number(args['memory-every']));

/** The page's CSP: no page script, nothing fetched beyond this server, wasm allowed (see above). */
const PAGE_CSP = "default-src 'none'; script-src 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";
/** Where every non-loopback request goes: nothing listens there. */
const DEAD_PROXY = { host: '127.0.0.1', port: 9 };

// ---------------------------------------------------------------------------------------------
// Pages and their server

/** Every page: `{id, path, file, gz}`, trafilatura's first, then Readability's. */
function corpusPages(root) {
  const pages = [];
  const traf = join(root, 'trafilatura-eval', 'html');
  for (const name of readdirSync(traf).filter((f) => f.endsWith('.gz')).sort()) {
    pages.push({ id: `trafilatura/${name.slice(0, -3)}`, path: `/t/${encodeURIComponent(name.slice(0, -3))}`, file: join(traf, name), gz: true });
  }
  const rd = join(root, 'readability-test-pages');
  for (const name of readdirSync(rd).sort()) {
    const file = join(rd, name, 'source.html');
    if (existsSync(file)) pages.push({ id: `readability/${name}`, path: `/r/${encodeURIComponent(name)}.html`, file, gz: false });
  }
  return pages;
}

/** The page's bytes as saved, without `<meta http-equiv=refresh>` (it would navigate away). */
function pageBytes(page) {
  const raw = readFileSync(page.file);
  const bytes = page.gz ? gunzipSync(raw) : raw;
  const text = bytes.toString('latin1'); // byte-preserving: the browser decodes the page itself
  const cleaned = text.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
  return cleaned === text ? bytes : Buffer.from(cleaned, 'latin1');
}

async function startSoakServer(pages) {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const page = byPath.get(path);
    if (!page || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // No charset: the browser reads the page's own <meta charset>, as for a saved file.
    response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP });
    response.end(pageBytes(page));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: (path) => origin + path, close: () => new Promise((done) => server.close(done)) };
}

// ---------------------------------------------------------------------------------------------
// Browser drivers: {name, version, extensionOrigin, open(url), ready(), toggle(on) → {answer, ms},
// pageState(), page(expr), errors() → {errors: [..], warnings: [..]}, memory(), screenshot(file), close()}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
/** Polls `probe()` until `ok(value)`; returns the last value, and `timedOut` when it never was. */
async function until(probe, ok, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    let value;
    try {
      value = await probe();
    } catch (error) {
      value = { error: String(error?.message ?? error) };
    }
    if (ok(value)) return { value };
    if (Date.now() > end) return { value, timedOut: true };
    await sleep(50);
  }
}
const short = (s, n = 300) => String(s).replace(/\s+/g, ' ').slice(0, n);

async function chromiumDriver() {
  const { chromium } = await import('playwright-core');
  const EXTENSION = join(resolve(args.dist), 'chrome');
  const profile = mkdtempSync(join(tmpdir(), 'glose-soak-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--proxy-server=http://${DEAD_PROXY.host}:${DEAD_PROXY.port}`,
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(60_000);
  let errors = [];
  let warnings = [];
  const own = (text) => text.includes(origin);
  const describe = (d) => short(`${d.exception?.description ?? d.text} @ ${d.url ?? d.stackTrace?.callFrames?.[0]?.url ?? ''}:${d.lineNumber ?? ''}`);

  // The page: only the extension's isolated world (content script) counts, or anything naming the extension.
  const cdp = await context.newCDPSession(page);
  const extensionContexts = new Set();
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => { if (c.origin === origin) extensionContexts.add(c.id); });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    if (extensionContexts.has(d.executionContextId) || own(JSON.stringify(d))) errors.push(`content: ${describe(d)}`);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (!extensionContexts.has(e.executionContextId)) return;
    const text = short(e.args.map((a) => a.value ?? a.description ?? '').join(' '));
    if (e.type === 'error' || e.type === 'assert') errors.push(`content console.${e.type}: ${text}`);
    else if (e.type === 'warning') warnings.push(`content: ${text}`);
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error' && own(`${entry.text} ${entry.url ?? ''}`)) errors.push(`content log: ${short(entry.text)}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');

  // The service worker: attached through the page session (CDP's non-flattened target messages).
  let nextId = 1;
  const pending = new Map();
  let swSession = null;
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    if (sessionId !== swSession) return;
    const m = JSON.parse(message);
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    } else if (m.method === 'Runtime.exceptionThrown') errors.push(`background: ${describe(m.params.exceptionDetails)}`);
    else if (m.method === 'Runtime.consoleAPICalled') {
      const text = short(m.params.args.map((a) => a.value ?? a.description ?? '').join(' '));
      if (m.params.type === 'error' || m.params.type === 'assert') errors.push(`background console.${m.params.type}: ${text}`);
      else if (m.params.type === 'warning') warnings.push(`background: ${text}`);
    } else if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') errors.push(`background log: ${short(m.params.entry.text)}`);
  });
  const swSend = (method, params = {}) => new Promise((done) => {
    const id = nextId++;
    pending.set(id, done);
    cdp.send('Target.sendMessageToTarget', { sessionId: swSession, message: JSON.stringify({ id, method, params }) }).catch((e) => done({ error: String(e) }));
    setTimeout(() => { if (pending.delete(id)) done({ error: 'timeout' }); }, 20_000);
  });
  async function attachWorker() {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
    if (!target) return false;
    ({ sessionId: swSession } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false }));
    await swSend('Runtime.enable');
    await swSend('Log.enable');
    return true;
  }
  await attachWorker();

  const tabId = async () => (await until(() => worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? null, page.url()),
    (id) => typeof id === 'number', 10_000)).value;
  let panel = null;
  async function openPanel() {
    const id = await tabId();
    panel = await context.newPage();
    panel.on('pageerror', (e) => errors.push(`panel: ${short(e.stack ?? e.message)}`));
    panel.on('console', (m) => {
      if (m.type() === 'error') errors.push(`panel console.error: ${short(m.text())}`);
      else if (m.type() === 'warning') warnings.push(`panel: ${short(m.text())}`);
    });
    await panel.goto(`${origin}/src/panel/panel.html?tabId=${id}`);
    await page.bringToFront();
  }

  return {
    name: 'chromium',
    version: context.browser()?.version() ?? execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(),
    origin,
    async open(url) {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      if (!panel && args.panel) await openPanel();
    },
    async toggle(on) {
      const id = await tabId();
      // The content script may still be starting right after the load: retry until it answers.
      const { value, timedOut } = await until(() => worker.evaluate(async ([tab, state]) => {
        const started = performance.now();
        try {
          const answer = await globalThis.gloseToggleTab(tab, state);
          return { answer, ms: performance.now() - started };
        } catch (error) {
          return { error: String(error?.message ?? error) };
        }
      }, [id, on]), (a) => !a?.error, 30_000);
      return timedOut ? { error: value?.error ?? 'no answer' } : value;
    },
    async pageState() {
      const id = await tabId();
      return worker.evaluate((tab) => chrome.tabs.sendMessage(tab, { kind: 'page-state' })
        .then((s) => ({ path: s.path, refinement: s.refinement, truncated: s.truncated, analysisMs: s.analysisMs }), (e) => ({ error: String(e) })), id);
    },
    page: (expr) => page.evaluate(expr),
    takeErrors() {
      const out = { errors, warnings };
      errors = [];
      warnings = [];
      return out;
    },
    async memory() {
      if (!swSession) await attachWorker();
      await swSend('HeapProfiler.collectGarbage');
      const sw = await swSend('Runtime.getHeapUsage');
      await cdp.send('HeapProfiler.collectGarbage');
      const tab = await cdp.send('Runtime.getHeapUsage');
      const kept = await worker.evaluate(() => globalThis.gloseKeptJobs?.() ?? null).catch(() => null);
      const core = await worker.evaluate(() => globalThis.gloseRefine?.memory?.() ?? null).catch(() => null);
      return {
        background_heap_mb: sw.result ? +(sw.result.usedSize / 1e6).toFixed(2) : null,
        background_buffers_mb: sw.result ? +(sw.result.backingStorageSize / 1e6).toFixed(2) : null,
        page_heap_mb: +(tab.usedSize / 1e6).toFixed(2),
        page_buffers_mb: +(tab.backingStorageSize / 1e6).toFixed(2),
        kept_jobs: kept === null ? null : JSON.stringify(kept).length,
        background_wasm_mb: core?.wasm_mb ?? null,
        cached_vectors: core?.cached ?? null,
      };
    },
    screenshot: (file) => page.screenshot({ path: file }),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function firefoxDriver() {
  const { Builder } = await import('selenium-webdriver');
  const firefox = (await import('selenium-webdriver/firefox.js')).default;
  const MANIFEST = JSON.parse(readFileSync(join(resolve(args.dist), 'firefox/manifest.json'), 'utf8'));
  const UUID = '6c0d8f2e-3b1a-4c5d-9e7f-0a1b2c3d4e5f';
  const origin = `moz-extension://${UUID}`;
  const which = (n) => { try { return execFileSync('sh', ['-c', `command -v ${n}`], { encoding: 'utf8' }).trim(); } catch { return null; } };
  const options = new firefox.Options().addArguments('-headless').setBinary(process.env.FIREFOX ?? which('firefox-esr') ?? which('firefox'))
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [MANIFEST.browser_specific_settings.gecko.id]: UUID }))
    // Everything not on the loopback goes to a proxy nobody listens on.
    .setPreference('network.proxy.type', 1)
    .setPreference('network.proxy.http', DEAD_PROXY.host).setPreference('network.proxy.http_port', DEAD_PROXY.port)
    .setPreference('network.proxy.ssl', DEAD_PROXY.host).setPreference('network.proxy.ssl_port', DEAD_PROXY.port)
    .setPreference('network.proxy.allow_hijacking_localhost', false)
    .windowSize({ width: 1280, height: 900 });
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? which('geckodriver') ?? join(process.env.HOME, '.cargo/bin/geckodriver'))
    .addArguments('--allow-system-access');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
  await driver.installAddon(join(resolve(args.dist), 'firefox'), true); // the unpacked folder, as a temporary add-on
  const version = (await driver.getCapabilities()).get('browserVersion');
  const { pageTab, inTab, control } = await firefoxTabs(driver, `${origin}/src/options/options.html`);
  /** Runs privileged code (the browser's chrome context): the console service, process memory. */
  const chrome = async (body) => {
    await driver.setContext(firefox.Context.CHROME);
    try {
      return await driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; (async () => { ${body} })().then(done, (e) => done({ error: String(e) }));`);
    } finally {
      await driver.setContext(firefox.Context.CONTENT);
    }
  };
  let pageUrl = null;
  const tabId = async () => (await until(() => control(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id ?? null, pageUrl),
    (id) => typeof id === 'number', 10_000)).value;
  if (!args.panel) {
    // Firefox opens the add-on's sidebar on install: closed, as in Chromium (see --panel).
    const closed = await chrome(`const w = Services.wm.getMostRecentWindow('navigator:browser');
      const ui = w.SidebarController ?? w.SidebarUI; const was = ui?.isOpen; ui?.hide(); return { was, now: ui?.isOpen };`);
    console.log(`soak: Firefox sidebar ${JSON.stringify(closed)}`);
  }
  // Counted from here (closing the sidebar cuts its first request short: Firefox logs that).
  await chrome('Services.console.reset(); Cc["@mozilla.org/consoleAPI-storage;1"].getService(Ci.nsIConsoleAPIStorage).clearEvents(); return true;');

  return {
    name: 'firefox',
    version: `Firefox ${version}`,
    origin,
    async open(url) {
      pageUrl = url;
      await inTab(pageTab, () => driver.get(url));
    },
    async toggle(on) {
      const id = await tabId();
      const { value, timedOut } = await until(() => control(async ([tab, state]) => {
        const started = performance.now();
        try {
          const answer = await browser.tabs.sendMessage(tab, { kind: 'toggle', on: state });
          return { answer, ms: performance.now() - started };
        } catch (error) {
          return { error: String(error?.message ?? error) };
        }
      }, [id, on]), (a) => !a?.error, 30_000);
      return timedOut ? { error: value?.error ?? 'no answer' } : value;
    },
    async pageState() {
      const id = await tabId();
      return control((tab) => browser.tabs.sendMessage(tab, { kind: 'page-state' })
        .then((s) => ({ path: s.path, refinement: s.refinement, truncated: s.truncated, analysisMs: s.analysisMs }), (e) => ({ error: String(e) })), id);
    },
    page: (expr) => inTab(pageTab, () => driver.executeScript(`return (${expr});`)),
    async takeErrors() {
      const found = await chrome(`
        const ours = (s) => String(s ?? '').includes(${JSON.stringify(UUID)});
        const errors = [], warnings = [];
        for (const m of Services.console.getMessageArray() ?? []) {
          if (!(m instanceof Ci.nsIScriptError)) { if (/glose/i.test(m.message ?? '')) warnings.push('console: ' + m.message); continue; }
          if (!ours(m.sourceName) && !ours(m.errorMessage) && !ours(m.stack) && !/^glose/i.test(m.errorMessage)) continue;
          const text = (m.errorMessage + ' @ ' + m.sourceName + ':' + m.lineNumber).slice(0, 300);
          // Firefox reports every extension message still in flight when its page unloads
          // ("Promise rejected after context unloaded"), whatever the code does with the answer:
          // the page was left, nothing was thrown. Listed apart (unload:), not as an exception.
          if (/after context unloaded/.test(m.errorMessage)) warnings.push('unload: ' + text);
          else if (m.flags & Ci.nsIScriptError.warningFlag || m.flags & Ci.nsIScriptError.infoFlag) warnings.push('script: ' + text); else errors.push('script: ' + text);
        }
        const storage = Cc["@mozilla.org/consoleAPI-storage;1"].getService(Ci.nsIConsoleAPIStorage);
        for (const e of storage.getEvents()) {
          if (!ours(e.filename) && !(e.addonId)) continue;
          const text = (e.arguments ?? []).map((a) => { try { return typeof a === 'string' ? a : String(a?.message ?? JSON.stringify(a)); } catch { return String(a); } }).join(' ').slice(0, 300);
          if (e.level === 'error' || e.level === 'assert') errors.push('console.' + e.level + ': ' + text + ' @ ' + e.filename);
          else if (e.level === 'warn') warnings.push(text);
        }
        Services.console.reset();
        storage.clearEvents();
        return { errors, warnings };`);
      return found?.error ? { errors: [], warnings: [`soak: could not read the console: ${found.error}`] } : found;
    },
    async memory() {
      const found = await chrome(`
        Services.obs.notifyObservers(null, 'child-gc-request');
        Services.obs.notifyObservers(null, 'child-cc-request');
        Cu.forceGC();
        await new Promise((r) => setTimeout(r, 1500));
        const info = await ChromeUtils.requestProcInfo();
        const mb = (b) => +(b / 1e6).toFixed(1);
        const ext = info.children.filter((c) => c.type === 'extension');
        const web = info.children.filter((c) => String(c.type).startsWith('web'));
        // The extension process's own memory reports (about:memory), summed by kind: wasm (the
        // background's core and its encoder), each extension page (background, sidebar, the
        // soak's control tab), the JS runtime, heap-unclassified.
        const reports = {};
        const add = (key, amount) => { reports[key] = (reports[key] ?? 0) + amount; };
        const manager = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager);
        await new Promise((resolve) => manager.getReports((process, path, kind, units, amount) => {
          if (!/^extension /.test(process) || units !== Ci.nsIMemoryReporter.UNITS_BYTES) return;
          if (path === 'resident-unique') add('ext_resident_unique_mb', amount);
          if (!path.startsWith('explicit/')) return;
          add('ext_explicit_mb', amount);
          if (/wasm|WebAssembly/i.test(path)) add('ext_wasm_mb', amount);
          else if (path === 'explicit/heap-unclassified') add('ext_heap_unclassified_mb', amount);
          else {
            // (no backslashes: this is a template literal)
            const prefix = 'explicit/window-objects/top(moz-extension://';
            const page = path.startsWith(prefix) ? (path.slice(prefix.length).split(/[,) ]/)[0].split('?')[0].split('/').pop() || 'page') : null;
            add(page ? 'ext_page_' + page.replace(/[^A-Za-z0-9]+/g, '_') + '_mb' : 'ext_' + path.split('/')[1].replace(/[^A-Za-z0-9]+/g, '_') + '_mb', amount);
          }
        }, null, resolve, null, false));
        // The small kinds (< 1 MB) are left out, the main ones always kept.
        const main = ['ext_resident_unique_mb', 'ext_explicit_mb', 'ext_wasm_mb', 'ext_heap_unclassified_mb', 'ext_js_non_window_mb', 'ext_window_objects_mb'];
        for (const key of Object.keys(reports)) {
          if (reports[key] < 1e6 && !main.includes(key)) delete reports[key];
          else reports[key] = mb(reports[key]);
        }
        return { extension_process_mb: mb(ext.reduce((a, c) => a + c.memory, 0)), web_processes_mb: mb(web.reduce((a, c) => a + c.memory, 0)),
          web_processes: web.length, parent_mb: mb(info.memory), reports };`);
      if (found?.error) return found;
      const { reports, ...rest } = found;
      const core = await control(async () => {
        const background = await browser.runtime.getBackgroundPage();
        return { ...(await background?.gloseRefine?.memory?.()), jobs: background?.gloseKeptJobs?.() ?? null };
      }).catch(() => null);
      return { ...rest, background_wasm_mb: core?.wasm_mb ?? null, cached_vectors: core?.cached ?? null,
        kept: core?.jobs ? `${core.jobs.uploads}/${core.jobs.reports}/${core.jobs.snapshots}` : null, ...reports };
    },
    async screenshot(file) {
      await inTab(pageTab, async () => writeFileSync(file, await driver.takeScreenshot(), 'base64'));
    },
    close: () => driver.quit(),
  };
}

// ---------------------------------------------------------------------------------------------
// The run

const quantile = (xs, q) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : null;
};


async function soakPage(driver, server, page, index) {
  const row = { index, page: page.id, load_ms: null, elements: null, path: '', truncated: '', first_ms: null, refined_ms: null, refinement: '',
    highlights: null, ext_errors: 0, ext_warnings: 0, layout_shift: 0, height_delta: null, panel_shift: null, block: '', block_change: '',
    moved: null, leftover: 0, unstable: 0, failure: '', details: '' };
  const notes = [];
  const started = Date.now();
  try {
    await driver.open(server.url(page.path));
  } catch (error) {
    row.failure = `load: ${short(error.message, 120)}`;
  }
  row.load_ms = Date.now() - started;
  if (!row.failure) {
    const ready = await driver.toggle(false); // the content script is up
    if (ready.error) row.failure = `content script: ${short(ready.error, 160)}`;
  }
  if (!row.failure) {
    await driver.page('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))').catch(() => {});
    const first = await driver.page(`(${recordLayout})()`);
    await sleep(150);
    const second = await driver.page(`(${recordLayout})()`);
    row.elements = second.elements;
    row.unstable = second.unstable ? 1 : 0;
    if (second.visible !== 'visible') notes.push(`page ${second.visible}`);
    void first;
    const on = await driver.toggle(true);
    if (on.error || on.answer?.on !== true) row.failure = `toggle on: ${short(on.error ?? JSON.stringify(on.answer), 160)}`;
    else {
      row.first_ms = Math.round(on.ms);
      const { value: state, timedOut } = await until(() => driver.pageState(),
        (s) => s && !s.error && (!s.refinement || s.refinement.status !== 'pending'), 30_000);
      if (timedOut) notes.push(`refinement still ${state?.refinement?.status ?? state?.error}`);
      row.path = state?.path ?? '';
      row.truncated = state?.truncated?.limit ?? '';
      row.refinement = state?.refinement?.status ?? '';
      if (state?.refinement?.status === 'encoder' && state.refinement.timings?.total != null) row.refined_ms = row.first_ms + state.refinement.timings.total;
      if (state?.refinement?.reason) notes.push(`refinement: ${state.refinement.reason}`);
      const layout = await driver.page(`(${layoutWhileOn})()`);
      row.highlights = layout.highlights;
      row.height_delta = layout.heightDelta;
      row.panel_shift = layout.panelShift;
      row.block = layout.block;
      row.block_change = layout.blockChange ?? '';
      row.moved = layout.moved;
      if (layout.movedSample) notes.push(`moved: ${layout.movedSample}`);
      if (!row.unstable && (!layout.heightOk || layout.blockChange || layout.moved > 0)) row.layout_shift = 1;
      if (row.layout_shift) notes.push(`layout: height ${layout.heightDelta} (panel ${layout.panelShift}), block ${layout.block} ${layout.blockChange ?? 'same'}, moved ${layout.moved}`);
      const off = await driver.toggle(false);
      if (off.error || off.answer?.on !== false) row.failure = `toggle off: ${short(off.error ?? JSON.stringify(off.answer), 160)}`;
      else {
        const left = await driver.page(`(${leftovers})()`);
        if (left) {
          row.leftover = 1;
          notes.push(`leftover: ${left}`);
        } else if (row.layout_shift) {
          // Glose is off and left nothing: if the page is still moved, it moved by itself (an
          // animation or transition that started after the stability check), not by Glose.
          const after = await driver.page(`(${layoutWhileOn})()`);
          if (!after.heightOk || after.blockChange || after.moved > 0) {
            row.layout_shift = 0;
            row.unstable = 1;
            notes.push(`moved by itself: still moved after toggling off (${after.moved} elements)`);
          }
        }
      }
    }
  }
  const { errors, warnings } = await driver.takeErrors();
  row.ext_errors = errors.length;
  row.ext_warnings = warnings.length;
  row.details = [...errors.map((e) => `ERROR ${e}`), ...warnings.map((w) => `WARN ${w}`), ...notes].join(' | ');
  return row;
}

const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const COLUMNS = ['index', 'pass', 'page', 'load_ms', 'elements', 'path', 'truncated', 'first_ms', 'refined_ms', 'refinement', 'highlights', 'ext_errors',
  'ext_warnings', 'layout_shift', 'height_delta', 'panel_shift', 'block', 'block_change', 'moved', 'leftover', 'unstable', 'failure', 'details'];

let pages = corpusPages(args.corpus);
if (args.only) pages = pages.filter((p) => new RegExp(args.only).test(p.id));
pages = pages.slice(Number(args.start));
if (args.limit) pages = pages.slice(0, Number(args.limit));

const PASSES = Math.max(1, Number(args.passes));
const runs = Array.from({ length: pages.length * PASSES }, (_, k) => ({ page: pages[k % pages.length], pass: Math.floor(k / pages.length) + 1 }));
console.log(`soak: ${new Date().toISOString()}, ${args.browser}, ${pages.length} pages${PASSES > 1 ? ` × ${PASSES} passes` : ''}, ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const server = await startSoakServer(pages);
const driver = await (args.browser === 'firefox' ? firefoxDriver() : chromiumDriver());
console.log(`soak: ${driver.version}, extension ${driver.origin}`);
const rows = [];
const memory = [];
const shotEvery = Math.max(1, Math.floor(runs.length / Math.max(1, Number(args.shots))));
let shots = 0;
const runStarted = Date.now();
const writeCsv = () => {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n');
  const keys = [...new Set(memory.flatMap((m) => Object.keys(m.value ?? {})))];
  writeFileSync(OUT.replace(/\.csv$/, '') + '-memory.csv', ['after_pages,pass,' + keys.join(','),
    ...memory.map((m) => [m.pages, m.pass, ...keys.map((k) => csvCell(m.value?.[k]))].join(','))].join('\n') + '\n');
};
try {
  for (let i = 0; i < runs.length; i += 1) {
    const { page, pass } = runs[i];
    let row;
    try {
      row = await soakPage(driver, server, page, i);
    } catch (error) {
      row = { index: i, page: page.id, failure: `soak: ${short(error.stack ?? error.message, 200)}` };
      // A broken tab: the next page starts afresh.
      await driver.takeErrors?.();
    }
    row.pass = pass;
    rows.push(row);
    const bad = row.ext_errors || row.leftover || row.layout_shift || row.failure;
    console.log(`${String(i + 1).padStart(4)}/${runs.length} ${row.page.slice(0, 60).padEnd(60)} first ${String(row.first_ms ?? '-').padStart(5)} refined ${String(row.refined_ms ?? '-').padStart(5)}`
      + ` ${row.path ?? ''}${bad ? `  <-- ${row.failure || ''}${row.details ? ` ${short(row.details, 400)}` : ''}` : ''}`);
    // Screenshots with Glose on: every shotEvery-th page, and (a few) pages that went wrong.
    if ((i % shotEvery === 0 || (bad && shots < Number(args.shots) * 2)) && !row.failure) {
      try {
        await driver.toggle(true);
        const name = join(SHOTS, `${driver.name}-${String(i).padStart(4, '0')}-${row.page.replace(/[^\w.-]+/g, '_').slice(0, 60)}`);
        // The first highlight in the middle of the view; then the summary panel, if any.
        await driver.page(`(() => { const h = ['glose-editorial', 'glose-attributed'].map((n) => CSS.highlights.get(n)).find(Boolean);
          const [r] = h ? [...h] : []; r?.startContainer.parentElement?.scrollIntoView({ block: 'center' }); })()`);
        await sleep(300);
        await driver.screenshot(`${name}.png`);
        if (await driver.page(`(() => { const p = document.querySelector('glose-summary'); p?.scrollIntoView({ block: 'start' }); return Boolean(p); })()`)) {
          await sleep(200);
          await driver.screenshot(`${name}-panel.png`);
        }
        await driver.page('scrollTo(0, 0)');
        await driver.toggle(false);
        shots += 1;
      } catch (error) {
        console.log(`  (screenshot failed: ${short(error.message, 120)})`);
      }
    }
    // Also at the end of each pass (the passes compare there).
    if (i === 0 || (i + 1) % MEMORY_EVERY === 0 || (i + 1) % pages.length === 0) {
      const value = await driver.memory().catch((error) => ({ error: short(error.message, 120) }));
      memory.push({ pages: i + 1, pass, value });
      console.log(`  memory after ${i + 1} pages: ${JSON.stringify(value)}`);
      writeCsv();
    }
  }
} finally {
  writeCsv();
  await driver.close().catch(() => {});
  await server.close();
}

const firsts = rows.map((r) => r.first_ms).filter((x) => x != null);
const refined = rows.map((r) => r.refined_ms).filter((x) => x != null);
const count = (key) => rows.filter((r) => r[key]).length;
const summary = {
  browser: driver.version,
  pages: rows.length,
  passes: PASSES,
  minutes: +((Date.now() - runStarted) / 60000).toFixed(1),
  pages_with_extension_errors: count('ext_errors'),
  extension_errors: rows.reduce((a, r) => a + (r.ext_errors ?? 0), 0),
  // Firefox: pages left while an extension message was in flight (not exceptions, see takeErrors).
  pages_with_unload_reports: rows.filter((r) => /WARN unload:/.test(r.details ?? '')).length,
  pages_with_leftovers: count('leftover'),
  layout_shifts: count('layout_shift'),
  unstable_pages: count('unstable'),
  failures: count('failure'),
  first_highlight_ms: { p50: quantile(firsts, 0.5), p95: quantile(firsts, 0.95), max: Math.max(...firsts), n: firsts.length },
  refined_ms: { p50: quantile(refined, 0.5), p95: quantile(refined, 0.95), n: refined.length },
  refinement: Object.fromEntries([...new Set(rows.map((r) => r.refinement))].map((s) => [s || '(none)', rows.filter((r) => r.refinement === s).length])),
  paths: Object.fromEntries([...new Set(rows.map((r) => r.path))].map((s) => [s || '(none)', rows.filter((r) => r.path === s).length])),
  by_pass: PASSES > 1 ? Array.from({ length: PASSES }, (_, k) => {
    const mine = rows.filter((r) => r.pass === k + 1);
    const f = mine.map((r) => r.first_ms).filter((x) => x != null);
    const d = mine.map((r) => r.refined_ms).filter((x) => x != null);
    return { pass: k + 1, first_p50: quantile(f, 0.5), first_p95: quantile(f, 0.95), refined_p50: quantile(d, 0.5), refined_p95: quantile(d, 0.95),
      extension_errors: mine.reduce((x, r) => x + (r.ext_errors ?? 0), 0), leftovers: mine.filter((r) => r.leftover).length, layout_shifts: mine.filter((r) => r.layout_shift).length };
  }) : undefined,
  memory: memory.map((m) => ({ after: m.pages, pass: m.pass, ...m.value })),
};
console.log(`\nsoak summary (${args.browser}):\n${JSON.stringify(summary, null, 1)}`);
for (const r of rows.filter((r) => r.ext_errors || r.leftover || r.layout_shift || r.failure)) {
  console.log(`  ${r.page}: ${r.failure ?? ''} ${short(r.details ?? '', 500)}`);
}
writeFileSync(OUT.replace(/\.csv$/, '') + '-summary.json', JSON.stringify(summary, null, 1) + '\n');
console.log(`soak: wrote ${OUT}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
