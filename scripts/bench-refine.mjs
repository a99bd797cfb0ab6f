#!/usr/bin/env node
// Benchmark (not a test) of the refinement (issue 15, item 4) in the built extension, headless
// Chromium (playwright-core) and Firefox ESR (selenium + geckodriver):
//   - first highlight: toggle request → the toggle's answer, sent once the fast highlights are drawn;
//   - refined: toggle request → the encoder's highlights drawn (first + the content script's own
//     `refinement.timings.total`, measured from the first draw to the refined draw);
//   - the parts: background embedding, message round trip, the page's re-analysis (`apply`);
//   - Chromium only: the longest main-thread task of the page (PerformanceObserver 'longtask',
//     registered before the page's scripts; content-script tasks run on that thread too), from
//     the toggle to the first highlight and from there to the refined one (the page's own load
//     before the toggle is not counted).
// The first run of a browser is cold (the background loads the 22 MB encoder file); every later
// run reloads the page and empties the background's vector cache (`gloseRefine.forget()`), so the
// sentences are embedded again with the encoder already loaded. p50/p90 are over the warm runs.
//
//   node scripts/bench-refine.mjs [--runs 10] [--browser chromium|firefox|both] [--page FILE]
//
// Needs `bash scripts/build-extension.sh`. The default page is Readability's test page ars-1 from
// ../shared/corpus (an Ars Technica article: 39 sentences, the closest to 40 in that corpus).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { startServer } from '../tests/e2e/server.js';

const ROOT = new URL('../', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    browser: { type: 'string', default: 'both' },
    page: { type: 'string', default: join(ROOT, '../shared/corpus/readability-test-pages/ars-1/source.html') },
  },
});
const runs = Math.max(1, Number(args.runs));

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const summary = (xs) => `p50 ${quantile(xs, 0.5)} ms, p90 ${quantile(xs, 0.9)} ms, max ${Math.max(...xs)} ms`;

/** Polls `probe()` every 20 ms until `ok(value)`. */
async function until(probe, ok, what, timeout = 60_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs the measurement with a browser driver `{open(url), toggle(on) → ms, pageState(), forget(), longest()}`. */
async function measure(name, driver, url) {
  const rows = [];
  for (let i = 0; i <= runs; i += 1) {
    await driver.open(url);
    if (i > 0) await driver.forget();
    await driver.longest(true); // the page's own load is not Glose's
    const first = await driver.toggle(true);
    const longestFirst = await driver.longest(true);
    const state = await until(() => driver.pageState(), (s) => s?.refinement && s.refinement.status !== 'pending', 'the refinement');
    if (state.refinement.status !== 'encoder') throw new Error(`${name}: not refined: ${JSON.stringify(state.refinement)}`);
    const timings = state.refinement.timings;
    const row = { first: Math.round(first), refined: Math.round(first + timings.total), ...timings, sentences: state.report.sentences.length,
      longestFirst, longestRefine: await driver.longest(true) };
    rows.push(row);
    console.log(`${name} run ${i}${i === 0 ? ' (cold)' : ''}: ${JSON.stringify(row)}`);
    await driver.toggle(false);
  }
  const warm = rows.slice(1);
  console.log(`\n${name}: ${warm[0].sentences} sentences, ${warm.length} warm runs (cold run: first ${rows[0].first} ms, refined ${rows[0].refined} ms, encoder load ${rows[0].encoderLoad} ms)`);
  console.log(`  first highlight  ${summary(warm.map((r) => r.first))}`);
  console.log(`  refined          ${summary(warm.map((r) => r.refined))}`);
  console.log(`  background embed ${summary(warm.map((r) => r.background))}`);
  console.log(`  round trip       ${summary(warm.map((r) => r.roundTrip))}`);
  console.log(`  page re-analysis ${summary(warm.map((r) => r.apply))}; redraw ${summary(warm.map((r) => r.draw))}`);
  if (warm[0].longestRefine !== null) {
    const worst = (key, from) => Math.max(...from.map((r) => r[key]));
    console.log(`  longest main-thread task (0 = none over 50 ms): during the refinement ${worst('longestRefine', rows)} ms (all runs);`
      + ` up to the first highlight ${worst('longestFirst', warm)} ms warm, ${rows[0].longestFirst} ms cold (wasm compile + fast analysis)`);
  }
}

async function chromiumDriver() {
  const EXTENSION = join(ROOT, 'dist/chrome');
  const profile = mkdtempSync(join(tmpdir(), 'glose-bench-refine-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const page = context.pages()[0] ?? await context.newPage();
  // Long tasks of the page's main thread, from before its first script.
  await page.addInitScript(() => {
    window.__gloseLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__gloseLongest = Math.max(window.__gloseLongest, Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  const tab = () => worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  return {
    open: (url) => page.goto(url, { waitUntil: 'load' }),
    async toggle(on) {
      const id = await tab();
      return worker.evaluate(async ([tabId, state]) => {
        for (;;) {
          const start = performance.now();
          try {
            await globalThis.gloseToggleTab(tabId, state);
            return performance.now() - start;
          } catch {
            await new Promise((r) => setTimeout(r, 20)); // the content script is still starting
          }
        }
      }, [id, on]);
    },
    pageState: async () => worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { kind: 'page-state' }).catch(() => null), await tab()),
    forget: () => worker.evaluate(() => globalThis.gloseRefine.forget()),
    /** The longest task since the last reset (ms, 0 when none over 50 ms); `reset` starts again. */
    longest: (reset) => page.evaluate((again) => {
      const longest = window.__gloseLongest;
      if (again) window.__gloseLongest = 0;
      return longest;
    }, reset),
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

async function firefoxDriver() {
  const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'dist/firefox/manifest.json'), 'utf8'));
  const UUID = '6c0d8f2e-3b1a-4c5d-9e7f-0a1b2c3d4e5f';
  const which = (n) => { try { return execFileSync('sh', ['-c', `command -v ${n}`], { encoding: 'utf8' }).trim(); } catch { return null; } };
  const options = new firefox.Options().addArguments('-headless').setBinary(process.env.FIREFOX ?? which('firefox-esr') ?? which('firefox'))
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [MANIFEST.browser_specific_settings.gecko.id]: UUID }));
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? which('geckodriver') ?? join(process.env.HOME, '.cargo/bin/geckodriver'))
    .addArguments('--allow-system-access');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(join(ROOT, 'dist/glose-firefox.xpi'), true);
  const pageTab = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  const controlTab = await driver.getWindowHandle();
  await driver.get(`moz-extension://${UUID}/src/options/options.html`);
  let pageUrl = null;
  const control = async (fn, arg) => {
    await driver.switchTo().window(controlTab);
    return driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; Promise.resolve((${fn})(arguments[0])).then(done, (e) => done({ error: String(e) }));`, arg ?? null);
  };
  const tab = () => control(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id ?? null, pageUrl);
  return {
    async open(url) {
      pageUrl = url;
      await driver.switchTo().window(pageTab);
      await driver.get(url);
    },
    async toggle(on) {
      const id = await tab();
      return control(async ([tabId, state]) => {
        for (;;) {
          const start = performance.now();
          try {
            await browser.tabs.sendMessage(tabId, { kind: 'toggle', on: state });
            return performance.now() - start;
          } catch {
            await new Promise((r) => setTimeout(r, 20));
          }
        }
      }, [id, on]);
    },
    pageState: async () => control(([tabId]) => browser.tabs.sendMessage(tabId, { kind: 'page-state' }).catch(() => null), [await tab()]),
    // The event page's global, reached from an extension page of the same add-on.
    forget: () => control(async () => { (await browser.runtime.getBackgroundPage?.())?.gloseRefine?.forget(); }),
    longest: async () => null,
    close: () => driver.quit(),
  };
}

console.log(`bench-refine: ${new Date().toISOString()}, ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const server = await startServer({ page: new URL(`file://${args.page}`) });
try {
  for (const [name, make] of [['chromium', chromiumDriver], ['firefox', firefoxDriver]]) {
    if (args.browser !== 'both' && args.browser !== name) continue;
    const driver = await make();
    try {
      await measure(name, driver, server.url('/article.html'));
    } finally {
      await driver.close();
    }
  }
} finally {
  await server.close();
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
