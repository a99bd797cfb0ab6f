// The www/ playground served as `make demo` serves it (scripts/serve.mjs on 127.0.0.1), in
// headless Chromium: the seed sample is annotated live (editorial highlight over the aside,
// summary panel with 8 comments), another sample replaces the results, scripts in shown pages
// never run, and no request leaves the origin. Screenshots go to target/e2e-screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { ASIDE, SHOTS } from './scenario.js';

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** What the page in the frame shows: highlight texts per layer, the summary panel, the body state. */
async function frameState() {
  const { shadowRootOf } = await import('/extension/src/draw/shadow-host.js');
  const frame = document.getElementById('frame');
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  const layer = (name) => (win.CSS.highlights.has(name) ? [...win.CSS.highlights.get(name)].map(String) : []);
  const panel = doc.querySelector('glose-summary');
  return {
    state: document.body.dataset.state,
    page: document.body.dataset.page,
    editorial: layer('glose-editorial'),
    cues: layer('glose-editorial-cue'),
    quoted: layer('glose-quoted'),
    panelCount: (panel && shadowRootOf(panel))?.querySelector('[data-glose="comment-count"]')?.textContent ?? null,
    panelText: (panel && shadowRootOf(panel))?.textContent ?? '',
    panelOpenRoot: Boolean(panel?.shadowRoot),
    status: document.getElementById('status').textContent,
    commentRows: document.querySelectorAll('#comments li').length,
    sentenceRows: document.querySelectorAll('#sentences tbody tr').length,
    pageScriptsRan: Boolean(win.dataLayer),
  };
}

test('the playground annotates its samples live', { timeout: 180_000 }, async (t) => {
  const { server, origin } = await serve(0);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
  const foreign = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !/^(data|blob|about):/.test(request.url())) foreign.push(request.url());
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready' || document.body.dataset.state === 'error', null, { timeout: 60_000 });
    let state = await page.evaluate(frameState);

    await t.test('the seed sample loads by default and is annotated', () => {
      assert.equal(state.state, 'ready', state.status);
      assert.equal(state.page, 'clubic-jedi.html');
      assert.ok(state.editorial.some((text) => text.includes(ASIDE)), `editorial highlights: ${JSON.stringify(state.editorial)}`);
      assert.ok(state.cues.some((text) => text.includes(ASIDE)), `the cue span covers the aside: ${JSON.stringify(state.cues)}`);
      assert.match(state.panelCount ?? '', /\b8\b/, 'the summary panel counts 8 comments');
      assert.equal(state.panelOpenRoot, false, 'the shadow root of the panel is closed');
      assert.equal(state.commentRows, 8, 'the report tab lists 8 comments');
      assert.equal(state.pageScriptsRan, false, "the page's own scripts never ran");
    });
    await page.evaluate(() => {
      const doc = document.getElementById('frame').contentDocument;
      const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.data.includes('propagande de son administration')) { n.parentElement.scrollIntoView({ block: 'center' }); break; }
      }
    });
    await page.screenshot({ path: join(SHOTS, 'playground-seed.png') });

    await t.test('toggling off removes the highlights and the panel, on brings them back', async () => {
      await page.click('#toggle');
      const off = await page.evaluate(frameState);
      assert.deepEqual(off.editorial, []);
      assert.equal(off.panelCount, null);
      await page.click('#toggle');
      const on = await page.evaluate(frameState);
      assert.ok(on.editorial.some((text) => text.includes(ASIDE)));
    });

    await t.test('loading another sample replaces the results', async () => {
      await page.selectOption('#sample', 'harbour-bridge-en.html');
      await page.waitForFunction(() => document.body.dataset.page === 'harbour-bridge-en.html' && document.body.dataset.state === 'ready', null, { timeout: 60_000 });
      state = await page.evaluate(frameState);
      assert.ok(!state.editorial.some((text) => text.includes(ASIDE)), 'the seed highlights are gone');
      assert.equal(state.commentRows, 10, 'the English sample has 10 comments');
      assert.match(state.panelCount ?? '', /\b10\b/);
      await page.screenshot({ path: join(SHOTS, 'playground-english.png') });
    });

    await t.test('a page without comments shows no summary panel', async () => {
      await page.selectOption('#sample', 'observatoire-fr.html');
      await page.waitForFunction(() => document.body.dataset.page === 'observatoire-fr.html' && document.body.dataset.state === 'ready', null, { timeout: 60_000 });
      state = await page.evaluate(frameState);
      assert.equal(state.commentRows, 0);
      assert.equal(state.panelCount, null);
      assert.ok(state.sentenceRows > 5, 'its article sentences are listed');
    });

    await t.test('a saved page from disk is shown without running its scripts', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'glose-playground-'));
      const file = join(dir, 'hostile.html');
      const html = '<html><body><article><h1>Hostile</h1><p>This page tries to run a script. <img src=x onerror="window.pwned=1"></p>'
        + '<p>It is, frankly, a ridiculous attempt that will obviously fail.</p><script>window.pwned=2</script></article></body></html>';
      (await import('node:fs')).writeFileSync(file, html);
      await page.setInputFiles('#file', file);
      await page.waitForFunction(() => document.body.dataset.page === 'hostile.html' && document.body.dataset.state === 'ready', null, { timeout: 60_000 });
      const pwned = await page.evaluate(() => document.getElementById('frame').contentWindow.pwned ?? null);
      assert.equal(pwned, null);
      state = await page.evaluate(frameState);
      assert.ok(state.sentenceRows >= 2);
    });

    await t.test('the report tab shows the report and offers the exports', async () => {
      await page.selectOption('#sample', 'clubic-jedi.html');
      await page.waitForFunction(() => document.body.dataset.page === 'clubic-jedi.html' && document.body.dataset.state === 'ready', null, { timeout: 60_000 });
      await page.click('#tab-report');
      const [markdown] = await Promise.all([page.waitForEvent('download'), page.click('#download-md')]);
      const text = await (await import('node:fs/promises')).readFile(await markdown.path(), 'utf8');
      assert.ok(text.includes('propagande de son administration'), 'the Markdown export holds the editorial line');
      const [jsonld] = await Promise.all([page.waitForEvent('download'), page.click('#download-jsonld')]);
      const collection = JSON.parse(await (await import('node:fs/promises')).readFile(await jsonld.path(), 'utf8'));
      assert.equal(collection.type, 'AnnotationCollection');
      await page.screenshot({ path: join(SHOTS, 'playground-report.png') });
    });

    await t.test('no request left the origin and the playground threw nothing', () => {
      assert.deepEqual(foreign, []);
      assert.deepEqual(errors, []);
    });
  } finally {
    await browser.close();
    server.close();
  }
});
