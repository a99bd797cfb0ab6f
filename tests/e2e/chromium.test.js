// End-to-end: the built extension (dist/chrome) in headless Chromium through playwright-core.
// Run `npm run build:extension` first (npm test does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.js';
import { runBigPage } from './big-page.js';
import { checkClosedTab, closedTabProbe, runHugePages } from './huge-page.js';
import { runLivePage } from './live-page.js';
import { runFrames } from './frames.js';
import { runPageCases } from './page-cases.js';
import { runScenario, ASIDE, SHOTS } from './scenario.js';
import { runRefine, runUnavailable, settled } from './refine.js';
import * as probe from './page-probes.js';
import * as own from './own-probes.js';

const EXTENSION = new URL('../../dist/chrome/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

async function launch(locale = 'en-US', extension = EXTENSION) {
  const profile = mkdtempSync(join(tmpdir(), 'glose-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    locale,
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', `--lang=${locale}`,
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, profile };
}

/** The scenario driver over a Playwright page, the extension's service worker and its panel page. */
function driverFor({ context, worker, extensionId }, page) {
  const tabId = async () => worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === url)?.id;
  }, page.url());
  const waitFor = async (run, ok, what, timeout = 10_000) => {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      last = await run();
      if (ok(last)) return last;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 300)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** Runs `fn(arg)` in the content-script world of the page (see own-probes.js). */
  const own = async (fn, arg) => {
    const id = await waitFor(tabId, (x) => x !== undefined, 'the tab id');
    return worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${id} }, func: ${fn}, args: [${JSON.stringify(arg ?? null)}] })
      .then((results) => results[0]?.result ?? null)`);
  };
  const driver = {
    /** Opens `url` and waits for its load (`timeout` ms: the huge pages take long to load). */
    async open(url, { timeout = 30_000 } = {}) {
      await page.goto(url, { waitUntil: 'load', timeout });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    /** Starts navigating the page to `url` without waiting for it to load. */
    async go(url) {
      await page.evaluate((to) => { setTimeout(() => { location.href = to; }, 0); }, url);
    },
    page: (fn, arg) => page.evaluate(fn, arg ?? null),
    waitPage: (fn, arg, ok, what, timeout) => waitFor(() => page.evaluate(fn, arg ?? null), ok, what, timeout),
    own,
    waitOwn: (fn, arg, ok, what, timeout) => waitFor(() => own(fn, arg), ok, what, timeout),
    async toggle(on) {
      await page.bringToFront();
      const id = await waitFor(tabId, (x) => x !== undefined, 'the tab id');
      // The content script may still be starting right after a navigation: retry until it answers.
      return waitFor(() => worker.evaluate(([tab, state]) => globalThis.gloseToggleTab(tab, state).catch((e) => ({ error: String(e) })), [id, on]),
        (a) => !a?.error, 'the content script to answer the toggle');
    },
    async pageState() {
      const id = await waitFor(tabId, (x) => x !== undefined, 'the tab id');
      return waitFor(() => worker.evaluate((tab) => chrome.tabs.sendMessage(tab, { kind: 'page-state' }).catch((e) => ({ error: String(e) })), id),
        (a) => !a?.error, 'the content script to answer');
    },
    setAutoSites: (hosts) => worker.evaluate((list) => chrome.storage.local.set({ autoSites: list }), hosts),
    /** Empties the background's vector cache (the encoder then embeds the page's sentences again). */
    forgetVectors: () => worker.evaluate(() => globalThis.gloseRefine.forget()),
    /** Holds the encoder's answers (`true`) until released (`false`). */
    holdEncoder: (on) => worker.evaluate((hold) => (hold ? globalThis.gloseRefine.hold() : globalThis.gloseRefine.release()), on),
    /** The comment-widget frames the background knows for the page's tab, `[[frameId, url]]`. */
    async widgetFrames() {
      const id = await waitFor(tabId, (x) => x !== undefined, 'the tab id');
      return worker.evaluate((tab) => globalThis.gloseWidgetFrames(tab), id);
    },
    /** Runs `fn()` in the content-script world of every frame of the page: `[{frameId, url, result}]`. */
    async ownFrames(fn) {
      const id = await waitFor(tabId, (x) => x !== undefined, 'the tab id');
      return worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${id}, allFrames: true }, injectImmediately: true, func: ${fn} })
        .then((results) => results.map((r) => ({ frameId: r.frameId, result: r.result ?? null })))`);
    },
    async screenshot(file) {
      await page.bringToFront();
      await page.screenshot({ path: file });
    },
    async panel(path) {
      const id = await tabId();
      const panelPage = await context.newPage();
      await panelPage.setViewportSize({ width: path ? 900 : 420, height: 900 });
      await panelPage.goto(`chrome-extension://${extensionId}/${path ?? `src/panel/panel.html?tabId=${id}`}`);
      return {
        eval: (fn, arg) => panelPage.evaluate(fn, arg ?? null),
        waitEval: (fn, arg, ok, what, timeout) => waitFor(() => panelPage.evaluate(fn, arg ?? null), ok, what, timeout),
        click: (selector) => panelPage.click(selector),
        async download(selector) {
          const [download] = await Promise.all([panelPage.waitForEvent('download'), panelPage.click(selector)]);
          return readFileSync(await download.path(), 'utf8');
        },
        upload: (selector, file) => panelPage.setInputFiles(selector, file),
        // A viewport as tall as the panel (a fullPage shot would drop the scrollbar and crop the right edge).
        async screenshot(file) {
          const height = await panelPage.evaluate(() => document.documentElement.scrollHeight);
          const { width } = panelPage.viewportSize();
          await panelPage.setViewportSize({ width, height: Math.min(height, 4000) });
          await panelPage.screenshot({ path: file });
          await panelPage.setViewportSize({ width, height: 900 });
        },
        close: () => panelPage.close(),
      };
    },
  };
  return driver;
}

// 8 minutes: the huge pages alone took the browser up to a minute to load on the shared machine.
test('Chromium: the built extension end to end', { timeout: 480_000 }, async (t) => {
  assert.ok(existsSync(join(EXTENSION, 'manifest.json')), 'dist/chrome is built (npm run build:extension)');
  const server = await startServer();
  const browser = await launch();
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    const driver = driverFor(browser, page);
    await t.test('on the seed page', (t) => runScenario(t, driver, server, 'chromium', '/article.html'));
    await t.test('on a page with hundreds of comments (read in slices)', (t) => runBigPage(t, driver, server, 'chromium'));
    await t.test('on a page that changes after load', (t) => runLivePage(t, driver, server));
    await t.test('on pages past the reading limits', (t) => runHugePages(t, driver, server, 'chromium'));
    await t.test('page cases from the soak run (tests/e2e/page-cases/)', (t) => runPageCases(t, driver, server));
    await t.test('the background forgets a closed tab\'s uploads and reports', async () => {
      checkClosedTab(await browser.worker.evaluate(`(${closedTabProbe})(${JSON.stringify(server.url('/article.html'))})`));
    });
    await t.test('on the strict-CSP copy', (t) => runScenario(t, driver, server, 'chromium-strict-csp', '/strict/article.html'));
    await t.test('the encoder refines the seed page', (t) => runRefine(t, driver, server, 'chromium', '/article.html'));
    await t.test('the encoder refines the strict-CSP copy (in the background)', (t) => runRefine(t, driver, server, 'chromium-strict-csp', '/strict/article.html'));

    await t.test('the keyboard shortcut toggles (commands API, Alt+Shift+G)', async () => {
      await driver.open(server.url('/article.html'));
      await driver.toggle(false); // the content script is up
      const cdp = await browser.context.newCDPSession(page);
      const key = { modifiers: 1 | 8, key: 'G', code: 'KeyG', windowsVirtualKeyCode: 71, nativeVirtualKeyCode: 71 };
      await page.bringToFront();
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
      const traces = await driver.waitPage(probe.traces, null, (x) => x.highlights.length > 0, 'highlights after the shortcut');
      assert.ok(traces.highlights.length > 0);
    });

    await t.test('the summary panel button opens the Chromium side panel', async () => {
      await driver.open(server.url('/article.html'));
      await driver.toggle(true);
      const panels = () => browser.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length);
      assert.equal(await panels(), 0);
      // A real click (a user gesture), at the button inside the closed shadow root.
      const at = await driver.waitOwn(own.ownButtonCentre, 'open-panel', (x) => x !== null, 'the side panel button');
      await page.mouse.click(at.x, at.y);
      const until = Date.now() + 5000;
      while ((await panels()) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await panels(), 1, 'a side panel is open');
    });

    await t.test('the toolbar badge says where Glose is on, and a reload clears it', async () => {
      await driver.open(server.url('/article.html'));
      const badge = async () => browser.worker.evaluate(async (url) => {
        const tab = (await chrome.tabs.query({})).find((x) => x.url === url);
        return chrome.action.getBadgeText({ tabId: tab.id });
      }, page.url());
      await driver.toggle(true);
      assert.equal(await badge(), 'on');
      await driver.toggle(false);
      assert.equal(await badge(), '');
      await driver.toggle(true);
      await driver.reload();
      await driver.waitPage(() => true, null, () => true, 'the page');
      const until = Date.now() + 5000;
      while ((await badge()) !== '' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await badge(), '');
    });

    await t.test('strict CSP: the fallback analyses in the background and gives the same report', async () => {
      // Both refined by the encoder (in the page, and in the background for the strict copy).
      await driver.open(server.url('/article.html'));
      await driver.toggle(true);
      const normal = await settled(driver);
      await driver.toggle(false);
      await driver.open(server.url('/strict/article.html'));
      const answer = await driver.toggle(true);
      assert.equal(answer.on, true);
      const strict = await settled(driver);
      assert.deepEqual([normal.refinement.status, strict.refinement.status], ['encoder', 'encoder']);
      assert.equal(normal.path, 'wasm');
      assert.equal(strict.path, 'snapshot', 'wasm is refused by the page CSP, so the snapshot path ran');
      const comparable = (r) => JSON.stringify({ ...r, url: null });
      assert.equal(comparable(strict.report), comparable(normal.report));
      const texts = await driver.page(probe.highlightTexts, ['glose-editorial', 'glose-editorial-cue']);
      assert.ok(Object.values(texts).flat().some((s) => s.includes(ASIDE)), 'the aside is highlighted on the strict-CSP page');
      await driver.screenshot(join(SHOTS, 'chromium-strict-csp.png'));
    });
  } finally {
    await browser.context.close();
    await server.close();
    rmSync(browser.profile, { recursive: true, force: true });
  }
});

test('Chromium: comment widgets in cross-origin frames, a "Show comments" button', { timeout: 180_000 }, async (t) => {
  const server = await startServer();
  const browser = await launch();
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await runFrames(t, driverFor(browser, page), server, 'chromium');
  } finally {
    await browser.context.close();
    await server.close();
    rmSync(browser.profile, { recursive: true, force: true });
  }
});

test('Chromium: without the encoder file, the fast highlights stay and Glose says so', { timeout: 120_000 }, async () => {
  const broken = mkdtempSync(join(tmpdir(), 'glose-no-encoder-'));
  cpSync(EXTENSION, broken, { recursive: true });
  rmSync(join(broken, 'encoder/glose-use.bin'));
  const server = await startServer();
  const browser = await launch('en-US', broken);
  const warnings = [];
  browser.worker.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await runUnavailable(null, driverFor(browser, page), server, /missing/);
    assert.ok(warnings.some((w) => w.includes('sentence encoder is unavailable')), `the background warns: ${warnings.join(' | ')}`);
  } finally {
    await browser.context.close();
    await server.close();
    rmSync(browser.profile, { recursive: true, force: true });
    rmSync(broken, { recursive: true, force: true });
  }
});

test('Chromium in French: the UI strings come from _locales/fr', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launch('fr');
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    const driver = driverFor(browser, page);
    await driver.open(server.url('/article.html'));
    assert.equal((await driver.toggle(true)).on, true);
    const card = await driver.waitOwn(own.summaryPanel, null, (p) => p !== null, 'the summary panel');
    await driver.page(probe.scrollToPanel);
    await driver.screenshot(join(SHOTS, 'chromium-fr-summary-panel.png'));
    assert.match(card.text, /Ce que disent les lecteurs/);
    assert.equal(card.count, '8 commentaires');
    assert.equal(card.text.match(/\b8 commentaires?/g)?.length, 1, `the comment count is said once: ${card.text}`);
    assert.equal(card.summary, '3 lecteurs contestent l’article ou son auteur, dont 2 en citant « car ne faisant pas la propagande de son administration ».');
    assert.ok(card.passages.some((p) => p.endsWith('cité 2 fois')), card.passages.join(' | '));
    assert.ok(card.themes.some((label) => label.startsWith('l’article : ')), card.themes.join(' | '));
    const panel = await driver.panel();
    try {
      const headings = await panel.waitEval(() => [...document.querySelectorAll('h2')].map((h) => h.textContent), null,
        (h) => h.length > 0, 'the side panel headings');
      assert.ok(headings.includes('Lignes éditoriales'), headings.join(' | '));
      const sources = await panel.eval(() => [...document.querySelectorAll('[data-glose="source"]')].map((s) => s.textContent));
      assert.ok(sources.length > 0 && sources.every((s) => s.startsWith('Source : ')), `French spacing: ${sources.join(' | ')}`);
      assert.equal(await panel.eval(() => document.getElementById('summary-count').textContent), '8 commentaires');
      await panel.screenshot(join(SHOTS, 'chromium-fr-side-panel.png'));
    } finally {
      await panel.close();
    }
  } finally {
    await browser.context.close();
    await server.close();
    rmSync(browser.profile, { recursive: true, force: true });
  }
});
