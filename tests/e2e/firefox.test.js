// End-to-end: the built extension (dist/glose-firefox.xpi) in headless Firefox ESR through
// selenium-webdriver + geckodriver. Run `npm run build:extension` first (npm test does).
// The add-on gets a fixed internal UUID (pref extensions.webextensions.uuids) so the test can open
// its pages (moz-extension://UUID/...) and call the WebExtension APIs from there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { startServer } from './server.js';
import { runBigPage } from './big-page.js';
import { checkClosedTab, closedTabProbe, runHugePages } from './huge-page.js';
import { runLivePage } from './live-page.js';
import { runFrames } from './frames.js';
import { runPageCases } from './page-cases.js';
import { runScenario } from './scenario.js';
import { runRefine, runUnavailable } from './refine.js';
import * as probe from './page-probes.js';

const XPI = new URL('../../dist/glose-firefox.xpi', import.meta.url).pathname;
const MANIFEST = JSON.parse(readFileSync(new URL('../../dist/firefox/manifest.json', import.meta.url), 'utf8'));
const ADDON_ID = MANIFEST.browser_specific_settings.gecko.id;
const UUID = '6c0d8f2e-3b1a-4c5d-9e7f-0a1b2c3d4e5f';
const BASE = `moz-extension://${UUID}`;

function which(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

async function launch(addon = XPI) {
  const downloads = mkdtempSync(join(tmpdir(), 'glose-firefox-downloads-'));
  const options = new firefox.Options()
    .addArguments('-headless')
    .setBinary(process.env.FIREFOX ?? which('firefox-esr') ?? which('firefox'))
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [ADDON_ID]: UUID }))
    .setPreference('browser.download.folderList', 2)
    .setPreference('browser.download.dir', downloads)
    .setPreference('browser.download.useDownloadDir', true)
    .setPreference('browser.download.always_ask_before_handling_new_types', false)
    .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json,application/ld+json,text/markdown,text/csv')
    .setPreference('browser.download.panel.shown', true)
    .windowSize({ width: 1200, height: 900 });
  const geckodriver = process.env.GECKODRIVER ?? which('geckodriver') ?? join(process.env.HOME ?? '', '.cargo/bin/geckodriver');
  const service = new firefox.ServiceBuilder(geckodriver).addArguments('--allow-system-access');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(addon, true);
  return { driver, downloads };
}

/** The scenario driver: a page tab, and a control tab on an extension page for the APIs. */
async function driverFor({ driver, downloads }) {
  const pageTab = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  const controlTab = await driver.getWindowHandle();
  await driver.get(`${BASE}/src/options/options.html`);
  await driver.switchTo().window(pageTab);
  let pageUrl = null;

  const run = (fn, arg) => driver.executeScript(`return (${fn}).apply(null, arguments)`, arg ?? null);
  const inTab = async (handle, work) => {
    await driver.switchTo().window(handle);
    return work();
  };
  const waitFor = async (probe, ok, what, timeout = 10_000) => {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      last = await probe();
      if (ok(last)) return last;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 300)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const control = (fn, arg) => inTab(controlTab, () => run(fn, arg));
  const tabId = () => waitFor(() => control(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id ?? null, pageUrl),
    (id) => id !== null, 'the page tab id');
  /** Sends a message to the page's content script, retrying while it is still starting. */
  const tell = async (message) => {
    const id = await tabId();
    return waitFor(() => control(([tab, m]) => browser.tabs.sendMessage(tab, m).catch((e) => ({ error: String(e) })), [id, message]),
      (a) => !a?.error, 'the content script to answer');
  };

  /** Runs `fn(arg)` in the content-script world of the page (see own-probes.js). */
  const own = async (fn, arg) => {
    const id = await tabId();
    return inTab(controlTab, () => driver.executeScript(`return browser.scripting.executeScript({ target: { tabId: arguments[0] }, func: (${fn}), args: [arguments[1]] })
      .then((results) => results[0]?.result ?? null)`, id, arg ?? null));
  };

  const newestDownload = (before) => readdirSync(downloads).filter((f) => !before.has(f) && !f.endsWith('.part'));

  return {
    async open(url) {
      pageUrl = url;
      await inTab(pageTab, () => driver.get(url));
    },
    async reload() {
      await inTab(pageTab, () => driver.navigate().refresh());
    },
    /** The page moved to `url` by itself (history.pushState): the tab is now found by that URL. */
    moved(url) {
      pageUrl = url;
    },
    /** Starts navigating the page to `url` without waiting for it to load. */
    async go(url) {
      pageUrl = url;
      await inTab(pageTab, () => run(probe.navigate, url));
    },
    page: (fn, arg) => inTab(pageTab, () => run(fn, arg)),
    own,
    waitOwn: (fn, arg, ok, what, timeout) => waitFor(() => own(fn, arg), ok, what, timeout),
    waitPage: (fn, arg, ok, what, timeout) => waitFor(() => inTab(pageTab, () => run(fn, arg)), ok, what, timeout),
    toggle: (on) => tell(on === undefined ? { kind: 'toggle' } : { kind: 'toggle', on }),
    pageState: () => tell({ kind: 'page-state' }),
    /** Runs `fn(arg)` on an extension page (the control tab). */
    extension: (fn, arg) => control(fn, arg),
    setAutoSites: (hosts) => control((list) => browser.storage.local.set({ autoSites: list }), hosts),
    /** Empties the background's vector cache (the encoder then embeds the page's sentences again). */
    forgetVectors: () => control(async () => { (await browser.runtime.getBackgroundPage()).gloseRefine.forget(); }),
    /** Holds the encoder's answers (`true`) until released (`false`). */
    holdEncoder: (on) => control(async (hold) => {
      const refine = (await browser.runtime.getBackgroundPage()).gloseRefine;
      if (hold) refine.hold(); else refine.release();
    }, on),
    /** The comment-widget frames the background knows for the page's tab, `[[frameId, url]]`. */
    widgetFrames: async () => control(async (tab) => (await browser.runtime.getBackgroundPage()).gloseWidgetFrames(tab), await tabId()),
    /** Runs `fn()` in the content-script world of every frame of the page: `[{frameId, url, result}]`. */
    async ownFrames(fn) {
      const id = await tabId();
      return inTab(controlTab, () => driver.executeScript(`return browser.scripting.executeScript({ target: { tabId: arguments[0], allFrames: true }, injectImmediately: true, func: (${fn}) })
        .then((results) => results.map((r) => ({ frameId: r.frameId, result: r.result ?? null })))`, id));
    },
    async screenshot(file) {
      await driver.switchTo().window(pageTab);
      writeFileSync(file, await driver.takeScreenshot(), 'base64');
    },
    async panel(path) {
      const id = await tabId();
      await driver.switchTo().newWindow('tab');
      const panelTab = await driver.getWindowHandle();
      await driver.get(`${BASE}/${path ?? `src/panel/panel.html?tabId=${id}`}`);
      const inPanel = (work) => inTab(panelTab, work);
      return {
        eval: (fn, arg) => inPanel(() => run(fn, arg)),
        waitEval: (fn, arg, ok, what, timeout) => waitFor(() => inPanel(() => run(fn, arg)), ok, what, timeout),
        // The panel re-renders when the page state changes: find the element again if it went stale.
        click: (selector) => inPanel(() => waitFor(() => driver.findElement(By.css(selector)).click().then(() => true, (e) => {
          if (e.name === 'StaleElementReferenceError' || e.name === 'NoSuchElementError') return false;
          throw e;
        }), (done) => done, `a clickable ${selector}`)),
        async download(selector) {
          const before = new Set(readdirSync(downloads));
          await inPanel(async () => (await driver.findElement(By.css(selector))).click());
          const [name] = await waitFor(async () => newestDownload(before), (files) => files.length === 1 && statSync(join(downloads, files[0])).size > 0, 'the download');
          const text = readFileSync(join(downloads, name), 'utf8');
          rmSync(join(downloads, name));
          return text;
        },
        upload: (selector, file) => inPanel(async () => (await driver.findElement(By.css(selector))).sendKeys(file)),
        screenshot: (file) => inPanel(async () => writeFileSync(file, await driver.takeScreenshot(), 'base64')),
        close: () => inPanel(() => driver.close()).then(() => driver.switchTo().window(pageTab)),
      };
    },
  };
}

// 8 minutes: the huge pages alone took the browser up to a minute to load on the shared machine.
test('Firefox: the built extension end to end', { timeout: 480_000 }, async (t) => {
  assert.ok(existsSync(XPI), 'dist/glose-firefox.xpi is built (npm run build:extension)');
  const server = await startServer();
  const browser = await launch();
  try {
    const driver = await driverFor(browser);
    await t.test('on the seed page', (t) => runScenario(t, driver, server, 'firefox', '/article.html'));
    await t.test('on a page with hundreds of comments (read in slices)', (t) => runBigPage(t, driver, server, 'firefox'));
    await t.test('on a page that changes after load', (t) => runLivePage(t, driver, server));
    await t.test('on pages past the reading limits', (t) => runHugePages(t, driver, server, 'firefox'));
    await t.test('page cases from the soak run (tests/e2e/page-cases/)', (t) => runPageCases(t, driver, server));
    await t.test('the background forgets a closed tab\'s uploads and reports', async () => {
      checkClosedTab(await driver.extension(closedTabProbe, server.url('/article.html')));
    });
    await t.test('on the strict-CSP copy', (t) => runScenario(t, driver, server, 'firefox-strict-csp', '/strict/article.html'));
    await t.test('the encoder refines the seed page', (t) => runRefine(t, driver, server, 'firefox', '/article.html'));
    await t.test('the encoder refines the strict-CSP copy', (t) => runRefine(t, driver, server, 'firefox-strict-csp', '/strict/article.html'));

    await t.test('the keyboard shortcut toggles (commands API, Alt+Shift+G)', async () => {
      await driver.open(server.url('/article.html'));
      await driver.toggle(false); // the content script is up
      await driver.page(probe.scrollToTop);
      const { driver: webdriver } = browser;
      await webdriver.setContext(firefox.Context.CHROME);
      try {
        await webdriver.actions().keyDown(Key.ALT).keyDown(Key.SHIFT).sendKeys('g').keyUp(Key.SHIFT).keyUp(Key.ALT).perform();
      } finally {
        await webdriver.setContext(firefox.Context.CONTENT);
      }
      const traces = await driver.waitPage(probe.traces, null, (x) => x.highlights.length > 0, 'highlights after the shortcut');
      assert.ok(traces.highlights.includes('glose-editorial'));
    });

    await t.test('strict CSP does not stop wasm in Firefox content scripts', async () => {
      await driver.open(server.url('/strict/article.html'));
      const state = await driver.pageState();
      assert.equal(state.path, 'wasm');
    });
  } finally {
    await browser.driver.quit();
    await server.close();
    rmSync(browser.downloads, { recursive: true, force: true });
  }
});

test('Firefox: comment widgets in cross-origin frames, a "Show comments" button', { timeout: 180_000 }, async (t) => {
  const server = await startServer();
  const browser = await launch();
  try {
    await runFrames(t, await driverFor(browser), server, 'firefox');
  } finally {
    await browser.driver.quit();
    await server.close();
    rmSync(browser.downloads, { recursive: true, force: true });
  }
});

test('Firefox: with a broken encoder file, the fast highlights stay and Glose says so', { timeout: 180_000 }, async () => {
  const broken = mkdtempSync(join(tmpdir(), 'glose-broken-encoder-'));
  cpSync(new URL('../../dist/firefox/', import.meta.url).pathname, broken, { recursive: true });
  truncateSync(join(broken, 'encoder/glose-use.bin'), 1000);
  const server = await startServer();
  const browser = await launch(broken);
  try {
    await runUnavailable(null, await driverFor(browser), server, /glose: /);
  } finally {
    await browser.driver.quit();
    await server.close();
    rmSync(browser.downloads, { recursive: true, force: true });
    rmSync(broken, { recursive: true, force: true });
  }
});
