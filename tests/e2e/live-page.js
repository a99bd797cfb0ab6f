// Pages that change after load (issue 14, item 2): comments appended by a "load more" button, an
// article re-rendered by its script, a client-side navigation to another article. With Glose on,
// each is read again on its own (no toggle), drawn on the new nodes, and Glose's own drawing never
// makes it read again. The changes are made by the page itself (page-world scripts). Shared by the
// Chromium and Firefox suites.
import assert from 'node:assert/strict';
import * as probe from './page-probes.js';
import * as own from './own-probes.js';
import { ASIDE } from './scenario.js';

const LAYERS = ['glose-editorial', 'glose-editorial-cue', 'glose-attributed', 'glose-note'];
const LATE_COMMENT = 'Un commentaire arrivé après coup, chargé par le bouton plus de commentaires : Amazon a raison.';
const NEXT_ARTICLE = {
  path: '/next/article.html',
  title: 'Le conseil municipal vote le budget du nouveau pont',
  paragraphs: [
    'Le conseil municipal a voté mardi soir le budget du nouveau pont, après deux heures de débat.',
    'Les travaux doivent commencer au printemps prochain et durer deux ans, selon la mairie.',
    'Franchement, cette manière de gérer une ville est une honte et les habitants méritent mieux.',
  ],
};

/** Waits until the page has been analysed more than `count` times; returns the page state. */
async function analysedAfter(driver, count, what) {
  const until = Date.now() + 20_000;
  for (;;) {
    const state = await driver.pageState();
    if (state.analyses > count) return state;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (analyses: ${state.analyses})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function runLivePage(t, driver, server) {
  await driver.open(server.url('/article.html'));
  assert.equal((await driver.toggle(true)).on, true);
  const first = await driver.pageState();

  await t.test('comments appended after load are read: the summary counts them, no toggle needed', async () => {
    assert.equal(await driver.page(probe.appendComment, LATE_COMMENT), 9);
    const state = await analysedAfter(driver, first.analyses, 'the appended comment to be read');
    assert.equal(state.on, true);
    await driver.waitOwn(own.summaryPanel, null, (p) => /\b9\b/.test(p?.count ?? ''), 'the summary panel to count 9 comments');
    assert.ok(state.report.comments.some((c) => c.text.includes('chargé par le bouton')), 'the new comment is in the report');
  });

  await t.test('a re-rendered article is highlighted on its new nodes, notes re-anchored', async () => {
    const before = await driver.pageState();
    const placedBefore = before.notes.filter((n) => n.placed).length;
    await driver.page(probe.replaceArticleParagraphs);
    const state = await analysedAfter(driver, before.analyses, 'the re-rendered article to be read');
    assert.equal(state.notes.filter((n) => n.placed).length, placedBefore, 'every note placed before is placed again');
    const ranges = await driver.waitPage(probe.highlightRanges, LAYERS,
      (r) => Object.values(r).flat().some((x) => x.text.includes(ASIDE)), 'the aside highlighted again');
    const all = Object.values(ranges).flat();
    assert.ok(all.length > 0 && all.every((x) => x.live), 'every highlight is on nodes in the page');
  });

  await t.test('Glose does not react to its own drawing', async () => {
    const before = (await driver.pageState()).analyses;
    // Glose's own UI changes: the summary panel collapses and opens again.
    await driver.own(own.toggleSummaryCollapsed);
    await driver.own(own.toggleSummaryCollapsed);
    // Longer than the watcher's debounce (page-watch.js SETTLE_MS, and Firefox's one-a-second
    // timers in a background tab): a loop would have read the page again by now.
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal((await driver.pageState()).analyses, before, 'no analysis without a change of the page');
  });

  await t.test('a client-side navigation replaces the annotations', async () => {
    const before = await driver.pageState();
    assert.equal(await driver.page(probe.clientSideNavigation, NEXT_ARTICLE), NEXT_ARTICLE.path);
    // The Firefox driver finds the tab by its URL (Playwright follows the page by itself).
    driver.moved?.(server.url(NEXT_ARTICLE.path));
    const state = await analysedAfter(driver, before.analyses, 'the new article to be read');
    assert.equal(new URL(state.url).pathname, NEXT_ARTICLE.path);
    assert.notEqual(state.pageKey, before.pageKey, 'the new article has its own notes');
    const texts = state.report.sentences.map((s) => s.text);
    assert.ok(texts.some((s) => s.includes('budget du nouveau pont')), texts.join(' | '));
    assert.ok(!texts.some((s) => s.includes(ASIDE)), 'nothing of the previous article is left');
    const ranges = await driver.page(probe.highlightRanges, LAYERS);
    assert.ok(!Object.values(ranges).flat().some((x) => x.text.includes(ASIDE)), 'no highlight of the previous article');
  });

  await driver.toggle(false);
}
