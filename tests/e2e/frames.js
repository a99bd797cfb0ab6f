// Comment widgets in frames (issue 16): a news page with its own comments embeds a Disqus-like
// widget and, late, a Coral-like one, both in iframes of a second origin (another port), an ad
// frame, a widget frame whose script blocks its thread (it never answers), and one that never
// finishes loading (no content script there). Glose on: the top frame summarises its own comments
// and the two widgets' together, the frames never draw, the ad frame is never read, and the
// page's own findings are those of the same page without frames. Shared by both browsers.
// The Coral frame comes when the test says (after Glose is on, after the other frame blocks).
// Also: a "Show comments" button the page shows is named in the panels, never clicked.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as probe from './page-probes.js';
import * as own from './own-probes.js';
import { SHOTS } from './scenario.js';
import { HANG_MS } from './server.js';
import { settled } from './refine.js';

const DISQUS = [
  { author: 'Grace Okafor', starts: 'Forty million for a bridge nobody asked for', parent: null },
  { author: 'Tom Park', starts: 'The ferry dock is in the same budget', parent: 'Grace Okafor' },
  { author: 'Erik Lindqvist', starts: 'I cycle across the old bridge every morning.', parent: null },
];
const CORAL = [
  { author: 'Amina Haddad', starts: 'The article could have said who pays for the upkeep.', parent: null },
  { author: 'Daniel Reyes', starts: 'Upkeep is in the second budget line', parent: 'Amina Haddad' },
  { author: 'Sofia Marino', starts: 'Good reporting on the vote.', parent: null },
];

/** In the page: how many of its frames fired `load` (the page counts them). */
function framesLoaded() {
  return window.framesLoaded ?? 0;
}

/** In the page: tells the hanging widget frame to block its thread. */
function hangTheHangFrame() {
  document.getElementById('hang-frame').contentWindow.postMessage('hang', '*');
  return true;
}

/** In the content-script world of a frame: where it is and how often it read its comments. */
function frameReadings() {
  return { url: location.href, top: window === window.top, readings: globalThis.gloseFrameReadings?.() ?? null };
}

/** In the page: whether the summary panel is right before the page's own comment section, and frames hold no Glose element. */
function panelPlacement() {
  const panel = document.querySelector('glose-summary');
  return { beforeOwnComments: panel?.nextElementSibling?.id === 'comments', panels: document.querySelectorAll('glose-summary').length };
}

/** The report's comments read in frames whose URL has `path`. */
function fromFrame(report, path) {
  return report.comments.filter((c) => c.frame && new URL(c.frame).pathname === path);
}

function checkWidget(report, path, expected, origin) {
  const comments = fromFrame(report, path);
  assert.equal(comments.length, expected.length, `${path}: ${JSON.stringify(comments.map((c) => c.author))}`);
  comments.forEach((c, i) => {
    assert.equal(c.author, expected[i].author, `${path} comment ${i}: the author`);
    assert.ok(c.text.startsWith(expected[i].starts), `${path} comment ${i} (${c.author}) is paired with its own text: ${c.text}`);
    const parent = c.reply_to === null ? null : report.comments[c.reply_to]?.author;
    assert.equal(parent, expected[i].parent, `${path} comment ${i}: the thread`);
    assert.ok(c.node === undefined || c.node === null, 'a frame comment has no node in the page');
    assert.equal(new URL(c.frame).origin, origin, 'read in the widget origin');
    assert.ok(c.published, `${path} comment ${i} keeps its date`);
  });
}

export async function runFrames(t, driver, server, browser) {
  let alone = null;

  await t.test('the page without its frames: its own findings', async () => {
    await driver.open(server.url('/frames/article.html?alone'));
    assert.equal((await driver.toggle(true)).on, true);
    // Compared once the encoder's refinement ended (it decides the labels) on both pages.
    alone = await settled(driver);
    assert.equal(alone.refinement.status, 'encoder');
    assert.equal(alone.report.comments.length, 3, 'the page\'s own three comments');
    assert.deepEqual(alone.frames, []);
    await driver.toggle(false);
  });

  await t.test('cross-origin widgets: one summary of the page\'s comments and the frames\'', async () => {
    await driver.open(server.url('/frames/article.html'));
    // The Disqus, ad and hanging frames loaded; the widget frames announced themselves.
    await driver.waitPage(framesLoaded, null, (n) => n >= 3, 'the page\'s frames to load');
    const known = async () => (await driver.widgetFrames()).map(([, url]) => new URL(url).pathname).sort();
    await waitUntil(known, (paths) => paths.includes('/widgets/disqus.html') && paths.includes('/widgets/hang.html'), 'the widget frames to announce themselves');
    assert.ok(!(await known()).includes('/widgets/ad.html'), 'the ad frame is no widget');
    // On: the page's comments and the two widgets' (the hanging frame still answers).
    assert.equal((await driver.toggle(true)).on, true);
    const paths = (state) => state.frames.map((f) => new URL(f.url).pathname).sort().join(' ');
    // (An analysis made before the hanging frame announced itself is read again when it does.)
    await waitUntil(() => driver.pageState(), (state) => paths(state) === '/widgets/disqus.html /widgets/hang.html', 'both widgets in the report');
    await driver.waitOwn(own.summaryPanel, null, (p) => /\b9\b/.test(p?.count ?? ''), 'the summary panel to count 9 comments');
    // Then one frame stops answering (its thread blocks) and a late widget comes (Coral): the page
    // is read again; the blocked frame is waited for its time limit and left out.
    assert.ok(await driver.page(hangTheHangFrame), 'the hanging frame is told to block');
    const started = Date.now();
    await driver.page(() => dispatchEvent(new Event('add-coral')));
    await waitUntil(() => driver.pageState(), (state) => paths(state) === '/widgets/coral.html /widgets/disqus.html',
      'the page to be read again with the Coral widget and without the blocked frame', 25_000);
    const rereadMs = Date.now() - started;
    const card = await driver.waitOwn(own.summaryPanel, null, (p) => /\b9\b/.test(p?.count ?? ''), 'the summary panel to count 9 comments');
    t.diagnostic(`${browser}: a late widget read with a frame that never answers: ${rereadMs} ms`);
    assert.ok(rereadMs < 12_000, `a frame that never answers costs its time limit (${rereadMs} ms)`);
    assert.match(card.count, /^9 comments$/);
    assert.match(card.text, /6 of them were read in comment widgets embedded in the page/);
    // The background asked the blocked frame, got no answer in time and forgot it.
    assert.ok(!(await known()).includes('/widgets/hang.html'), `the frame that never answered is forgotten: ${await known()}`);
    const state = await settled(driver);
    assert.equal(state.refinement.status, 'encoder');
    const { report } = state;
    assert.equal(report.summary.comment_count, 9);
    assert.equal(report.summary.frame_comments, 6);
    checkWidget(report, '/widgets/disqus.html', DISQUS, server.widgetOrigin);
    checkWidget(report, '/widgets/coral.html', CORAL, server.widgetOrigin);
    assert.equal(fromFrame(report, '/widgets/hang.html').length, 0, 'the frame that never answered is left out');
    assert.equal(fromFrame(report, '/widgets/stall.html').length, 0, 'the frame that never loaded is left out');
    assert.deepEqual(state.frames.map((f) => new URL(f.url).pathname).sort(), ['/widgets/coral.html', '/widgets/disqus.html']);
    assert.equal(state.moreComments, 'Load more comments', 'the Disqus widget\'s own button is named');
    assert.match(card.text, /More comments may be hidden behind the page’s “Load more comments” button/);

    // The page's own findings are intact: same comments (with their nodes), same sentences and labels.
    const ownComments = report.comments.filter((c) => !c.frame);
    assert.deepEqual(ownComments.map((c) => [c.author, c.text, c.published, c.reply_to]), alone.report.comments.map((c) => [c.author, c.text, c.published, c.reply_to]));
    assert.ok(ownComments.every((c) => Number.isInteger(c.node)), 'the page\'s own comments keep their nodes');
    assert.deepEqual(report.sentences.map((s) => [s.text, s.label]), alone.report.sentences.map((s) => [s.text, s.label]));
    // (A late frame may have the page read again once more meanwhile: the panel is drawn anew.)
    assert.deepEqual(await driver.waitPage(panelPlacement, null, (p) => p.panels > 0, 'the summary panel in the page'), { beforeOwnComments: true, panels: 1 },
      'one summary panel, before the page\'s own comments');
    const texts = await driver.page(probe.highlightTexts, ['glose-editorial']);
    assert.ok(texts['glose-editorial'].some((s) => s.startsWith('Frankly, this is a shameless way')), JSON.stringify(texts));

    await driver.page(probe.scrollToPanel);
    await driver.screenshot(join(SHOTS, `${browser}-frames-summary-panel.png`));
    const panel = await driver.panel();
    try {
      await panel.waitEval(() => document.getElementById('summary-count')?.textContent, null, (c) => c === '9 comments', 'the side panel to count 9 comments');
      assert.match(await panel.eval(() => document.getElementById('summary-frames').textContent), /^6 of them were read in comment widgets/);
      await panel.screenshot(join(SHOTS, `${browser}-frames-side-panel.png`));
    } finally {
      await panel.close();
    }
  });

  await t.test('frames never draw, and only widget frames read themselves', async () => {
    // After the hanging frame's block, every frame answers the probe.
    await new Promise((r) => setTimeout(r, HANG_MS));
    const frames = await driver.ownFrames(frameReadings);
    const byPath = Object.fromEntries(frames.filter((f) => f.result && !f.result.top).map((f) => [new URL(f.result.url).pathname, f.result.readings]));
    assert.equal(byPath['/widgets/ad.html'], 0, `the ad frame never loads the core: ${JSON.stringify(byPath)}`);
    assert.ok(byPath['/widgets/disqus.html'] >= 1 && byPath['/widgets/coral.html'] >= 1, JSON.stringify(byPath));
    // What a frame's first look at itself costs (widget-probe.js, one selector query), per frame.
    const looks = await driver.ownFrames(async () => {
      const { widgetMarks } = await import((globalThis.browser ?? globalThis.chrome).runtime.getURL('src/content/widget-probe.js'));
      const started = performance.now();
      for (let i = 0; i < 100; i += 1) widgetMarks(document);
      return { url: location.pathname, ms: (performance.now() - started) / 100, marks: widgetMarks(document) };
    });
    t.diagnostic(`${browser}: widget probe per frame: ${looks.map((f) => f.result && `${f.result.url} ${f.result.ms.toFixed(3)} ms (${f.result.marks} marks)`).filter(Boolean).join('; ')}`);
    const drawn = await driver.ownFrames(() => document.querySelectorAll('glose-summary, glose-tooltip, glose-notice').length);
    assert.equal(drawn.reduce((n, f) => n + (f.frameId === 0 ? 0 : f.result ?? 0), 0), 0, 'no frame draws');
    await driver.toggle(false);
  });

  await t.test('a page whose comments are all in widgets: the panel goes before the first widget', async () => {
    await driver.open(server.url('/frames/article.html?widgets-only'));
    await driver.page(() => dispatchEvent(new Event('add-coral')));
    await driver.waitPage(framesLoaded, null, (n) => n >= 4, 'the page\'s frames to load');
    assert.equal((await driver.toggle(true)).on, true);
    // Three widgets now (the frame that blocked before answers this time, it holds the Disqus thread too).
    const card = await driver.waitOwn(own.summaryPanel, null, (p) => /\b9\b/.test(p?.count ?? ''), 'the summary panel to count 9 comments', 25_000);
    assert.match(card.text, /9 of them were read in comment widgets embedded in the page/);
    // (The late frame may make the page be read again once more meanwhile: the panel is drawn anew.)
    const where = await driver.waitPage(() => {
      const panel = document.querySelector('glose-summary');
      return { next: panel?.nextElementSibling?.id ?? null, parent: panel?.parentElement?.localName ?? null, docked: panel?.hasAttribute('popover') ?? null };
    }, null, (w) => w.next !== null, 'the summary panel in the page');
    const { next } = where;
    // Before the frame, or before its host element where the core took that for the comment section.
    assert.ok(['disqus-frame', 'disqus-host'].includes(next), `the panel is right before the Disqus widget: ${JSON.stringify(where)}`);
    await driver.page(probe.scrollToPanel);
    await driver.screenshot(join(SHOTS, `${browser}-frames-widgets-only.png`));
    await driver.toggle(false);
  });

  await t.test('a "Show comments" button is named, never clicked', async () => {
    await driver.open(server.url('/frames/button.html'));
    assert.equal((await driver.toggle(true)).on, true);
    const card = await driver.waitOwn(own.summaryPanel, null, (p) => p !== null, 'the summary panel');
    assert.match(card.text, /More comments may be hidden behind the page’s “Show comments \(24\)” button: Glose does not click it\./);
    assert.equal(card.count, 'comments not loaded', 'no comment read behind a button: not loaded rather than "0 comments"');
    const state = await driver.pageState();
    assert.equal(state.moreComments, 'Show comments (24)');
    assert.equal(await driver.page(() => document.querySelector('.comments-toggle').getAttribute('aria-expanded')), 'false', 'the button was not clicked');
    await driver.page(probe.scrollToPanel);
    await driver.screenshot(join(SHOTS, `${browser}-more-comments-button.png`));
    await driver.toggle(false);
  });
}

async function waitUntil(run, ok, what, timeout = 15_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const last = await run();
    if (ok(last)) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
