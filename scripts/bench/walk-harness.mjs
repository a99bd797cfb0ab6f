// What the walker benchmarks (walk.mjs, walk-cold.mjs) share: the two walkers copied where the bench
// page loads them (/walks/a.js, /walks/b.js), the bench server and a headless Chromium page, and the
// `--cdn` mode; for walk.mjs also Firefox ESR (selenium + geckodriver, as walk-apis.mjs).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBenchServer } from './server.mjs';
import { CORPUS, GENERATED as generated, ROOT } from './pages.mjs';

/** The bench server with walkers `walkA` and `walkB` at /walks/a.js and /walks/b.js. */
async function walkServer(walkA, walkB) {
  const walks = join(ROOT, 'target', 'bench', 'walks');
  mkdirSync(walks, { recursive: true });
  copyFileSync(resolve(walkA), join(walks, 'a.js'));
  copyFileSync(resolve(walkB), join(walks, 'b.js'));
  return startBenchServer({ root: ROOT, corpus: CORPUS, generated, extraMounts: [['/walks/', walks]] });
}

/**
 * Headless Firefox ESR (selenium + geckodriver: Playwright cannot drive Debian's) at `url`, with long
 * script and load timeouts: the bench scripts' Firefox driver (walk.mjs, walk-apis.mjs).
 */
export async function firefoxAt(url) {
  const { Builder } = await import('selenium-webdriver');
  const firefox = (await import('selenium-webdriver/firefox.js')).default;
  const which = (n) => { try { return execFileSync('sh', ['-c', `command -v ${n}`], { encoding: 'utf8' }).trim(); } catch { return null; } };
  const options = new firefox.Options().addArguments('-headless').setBinary(process.env.FIREFOX ?? which('firefox-esr') ?? which('firefox'))
    .windowSize({ width: 1280, height: 1000 });
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? which('geckodriver') ?? join(process.env.HOME, '.cargo/bin/geckodriver'));
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().setTimeouts({ script: 600_000, pageLoad: 300_000 });
  await driver.get(url);
  return driver;
}

/**
 * The walk page in headless Firefox ESR (Playwright cannot drive Debian's), as `{server, call,
 * close}`: `call(name, ...args)` awaits the page's `window[name](...args)`. With `cdn` the page adds
 * the same unusable style sheet to each document it loads (no request interception here).
 */
export async function openWalkFirefox(walkA, walkB, { cdn = false } = {}) {
  const server = await walkServer(walkA, walkB);
  const driver = await firefoxAt(server.url('/walk.html'));
  await driver.wait(() => driver.executeScript('return window.walkReady === true'), 60_000);
  if (cdn) await driver.executeScript('window.walkCdn = true');
  const call = async (name, ...args) => {
    const r = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => window[${JSON.stringify(name)}](...arguments[0])).then(done, (e) => done({ error: String(e) }));`, args);
    if (r?.error) throw new Error(r.error);
    return r;
  };
  return { server, call, close: () => driver.quit() };
}

/**
 * Starts the server and a Chromium page for walkers `walkA` and `walkB` (file paths), on the bench's
 * walk page once both walkers are loaded (`onConsole` hears the page's console). With `cdn`, every
 * corpus and generated page gets a style sheet the walker does not understand (a hiding rule with a
 * namespaced selector: walk.js `subjectKey` gives up on it, as on a cross-origin sheet; it matches
 * nothing; a rule that cannot hide is not read), so every body element is checked against computed
 * style, as on pages styled from a CDN.
 */
export async function openWalkBench(walkA, walkB, { cdn = false, onConsole = null } = {}) {
  const server = await walkServer(walkA, walkB);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(600_000);
  if (cdn) {
    const probe = '<style>@namespace g url(urn:glose-bench);g|glose-bench-probe{display:none}</style>';
    await page.route(/\/(corpus|generated)\/.*\.html(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}${probe}` });
    });
  }
  if (onConsole) page.on('console', onConsole);
  await page.goto(server.url('/walk.html'));
  await page.waitForFunction(() => window.walkReady === true);
  return { server, browser, page };
}
