// The big-page path of the extension (pages over SLICED_ABOVE_ELEMENTS elements): the page is read
// in slices, its snapshot uploaded in pieces, analysed by the background, which answers a slim
// report and hands over the full one in parts. Shared by the Chromium and Firefox suites.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BIG_PAGE_COMMENTS } from './server.js';
import { SHOTS } from './scenario.js';
import * as probe from './page-probes.js';
import * as own from './own-probes.js';

/**
 * Appends a comment (a "load more" button's work; the page then holds `count`) and waits until
 * Glose has read the page again (content/page-watch.js): the page state after that reading.
 */
async function commentAddedAndRead(driver, text, count) {
  const before = await driver.pageState();
  assert.equal(await driver.page(probe.appendComment, text), count);
  const until = Date.now() + 60_000;
  let state = before;
  while (!(state.analyses > before.analyses)) {
    assert.ok(Date.now() < until, `timed out waiting for the page to be read again (analyses: ${state.analyses})`);
    await new Promise((r) => { setTimeout(r, 200); });
    state = await driver.pageState();
  }
  return state;
}

/** Toggles Glose on the generated big page and checks what the page and the side panel get. */
export async function runBigPage(t, driver, server, name) {
  await driver.open(server.url('/big/article.html'));
  const answer = await driver.toggle(true);
  assert.equal(answer.on, true);

  await t.test('the summary panel counts every comment', async () => {
    const panel = await driver.waitOwn(own.summaryPanel, null, (p) => p !== null, 'the summary panel');
    assert.match(panel.count, new RegExp(`\\b${BIG_PAGE_COMMENTS}\\b`), `panel count: ${panel.count}`);
  });

  await t.test('the summary panel is docked over the page, out of its flow', async () => {
    // Inserting a block above thousands of comments moves them all: a long rendering update.
    const placement = await driver.page(probe.summaryPanelPlacement);
    assert.equal(placement.position, 'fixed', JSON.stringify(placement));
    assert.equal(placement.topLayer, true, `in the top layer: ${JSON.stringify(placement)}`);
    assert.equal(placement.inFlow, false, `not among the page's content: ${JSON.stringify(placement)}`);
    assert.equal(await driver.page(probe.scrollToTop), 0);
    assert.ok((await driver.page(probe.summaryPanelPlacement)).inView, 'the docked panel shows at the top of the page');
    await driver.screenshot(join(SHOTS, `${name}-big-page.png`));
  });

  await t.test('the docked panel leads to the comments, and collapses', async () => {
    assert.ok(await driver.page(probe.scrollToBottom) > 0);
    assert.equal(await driver.page(probe.elementTopInView, '.comment'), false, 'the first comment is out of view at the end of the page');
    assert.ok(await driver.own(own.clickGoToComments), 'the panel has a link to the comments');
    await driver.waitPage(probe.elementTopInView, '.comment', (x) => x === true, 'the page to scroll to the comments');
    const expandedHeight = (await driver.page(probe.summaryPanelPlacement)).height;
    const collapsed = await driver.own(own.toggleSummaryCollapsed);
    assert.equal(collapsed.expanded, 'false');
    assert.equal(collapsed.summaryShown, false, 'the summary text is hidden when collapsed');
    assert.ok(collapsed.height > 0 && collapsed.height < expandedHeight, `collapsed ${collapsed.height} px < ${expandedHeight} px`);
    await driver.screenshot(join(SHOTS, `${name}-big-page-collapsed.png`));
    const expanded = await driver.own(own.toggleSummaryCollapsed);
    assert.equal(expanded.expanded, 'true');
    assert.equal(expanded.summaryShown, true);
    assert.equal(expanded.height, expandedHeight);
  });

  await t.test('the side panel gets the full report in parts, and exports it', async () => {
    const state = await driver.pageState();
    assert.equal(state.path, 'sliced');
    // Both browsers read a big page in the page's own world (content/main-world.js), its nodes
    // then fetched from there (the theme outline and the highlights below use them).
    assert.equal(state.analysisTimings?.world ?? 'content', 'page', JSON.stringify(state.analysisTimings));
    assert.equal(state.report, null, 'the page state carries no report on a big page');
    assert.ok(state.reportParts >= 1);
    const panel = await driver.panel();
    try {
      const listed = await panel.waitEval(() => ({
        count: document.getElementById('summary-count').textContent,
        themes: document.querySelectorAll('#themes li').length,
      }), null, (l) => /\d/.test(l.count), 'the side panel to load');
      assert.match(listed.count, new RegExp(`\\b${BIG_PAGE_COMMENTS}\\b`), `panel count: ${listed.count}`);
      assert.ok(listed.themes > 0);
      // The export renders the full report the panel put together from the parts.
      const markdown = await panel.download('#export-md');
      assert.match(markdown, new RegExp(`## Comments \\(${BIG_PAGE_COMMENTS}\\)`));
    } finally {
      await panel.close();
    }
  });

  await t.test('a theme outlines its comments (the slim report maps comments to live nodes)', async () => {
    const outlined = await driver.own(own.clickFirstTheme);
    assert.ok(outlined > 0, `outlined: ${outlined}`);
  });

  let passage = null;
  await t.test('a note is placed through an uploaded snapshot too', async () => {
    // A comment's text (one text node in the generated page), near the end of the page.
    passage = await driver.page(() => [...document.querySelectorAll('.comment-content p')].at(-3).textContent.slice(0, 30));
    assert.ok(await driver.page(probe.selectText, passage), 'the passage to note is on the page');
    await driver.waitOwn(own.pressNoteButton, null, (pressed) => pressed, 'the Note button to appear');
    await driver.waitOwn(own.submitNoteForm, { body: 'big page note', tags: 'big' }, (sent) => sent, 'the note form to appear');
    await driver.waitPage(probe.highlightTexts, ['glose-note'], (t) => t['glose-note'].includes(passage), 'the note highlight', 30_000);
    // The selection's selectors and the note's placing each read the page once more, in the
    // page's own world (the selection's ends looked up there).
    assert.deepEqual(await driver.own(own.bigReadings), ['page', 'page']);
  });

  await t.test('turned on again, the stored note is placed again on the page as it is', async () => {
    // Re-anchoring reads the big page once more (in Chromium in the page's own world, whose nodes
    // it then lets go), and the core places the note from its selectors.
    await driver.toggle(false);
    assert.equal((await driver.toggle(true)).on, true);
    await driver.waitPage(probe.highlightTexts, ['glose-note'], (t) => t['glose-note'].includes(passage), 'the note highlight again', 60_000);
    assert.equal((await driver.own(own.bigReadings)).at(-1), 'page');
  });

  await t.test('a page that spoils the built-ins the page-world reader needs is read from the content script', async () => {
    // The injection works but its reading cannot be decoded: the analysis and the notes' placing
    // each read the page again from the content script (its own built-ins).
    assert.equal(await driver.page(probe.spoilTypedArrayJoin, true), false);
    try {
      const state = await commentAddedAndRead(driver, 'A comment loaded while the page spoilt its built-ins.', BIG_PAGE_COMMENTS + 1);
      assert.equal(state.analysisTimings?.world, 'content', JSON.stringify(state.analysisTimings));
      assert.ok(state.analysisTimings?.pageWorldFailed, JSON.stringify(state.analysisTimings));
      await driver.waitOwn(own.summaryPanel, null, (p) => new RegExp(`\\b${BIG_PAGE_COMMENTS + 1}\\b`).test(p?.count ?? ''), 'the summary panel to count the new comment');
      await driver.waitPage(probe.highlightTexts, ['glose-note'], (t) => t['glose-note'].includes(passage), 'the note highlight after the spoilt reading', 60_000);
      assert.deepEqual((await driver.own(own.bigReadings)).slice(-2), ['page', 'content']);
    } finally {
      assert.equal(await driver.page(probe.spoilTypedArrayJoin, false), true);
    }
  });

  await t.test('where the page-world reading fails, the content script reads the page itself', async () => {
    // A comment loaded later makes Glose read the page again (content/page-watch.js), this time
    // the way it does where the injection into the page's world is refused.
    assert.ok(await driver.own(own.readBigPagesHere));
    const state = await commentAddedAndRead(driver, 'A comment loaded later, read from the content script.', BIG_PAGE_COMMENTS + 2);
    assert.equal(state.path, 'sliced');
    assert.equal(state.analysisTimings?.world ?? 'content', 'content', JSON.stringify(state.analysisTimings));
    await driver.waitOwn(own.summaryPanel, null, (p) => new RegExp(`\\b${BIG_PAGE_COMMENTS + 2}\\b`).test(p?.count ?? ''), 'the summary panel to count the new comment');
    // The note is placed again from this reading too.
    await driver.waitPage(probe.highlightTexts, ['glose-note'], (t) => t['glose-note'].includes(passage), 'the note highlight from the content reading', 60_000);
    assert.equal((await driver.own(own.bigReadings)).at(-1), 'content');
  });

  await t.test('toggling off leaves no trace', async () => {
    await driver.toggle(false);
    const traces = await driver.page(probe.traces);
    assert.deepEqual(traces.highlights, []);
    assert.equal(traces.elements, 0);
  });
}
