// The end-to-end scenario both browsers run (chromium.test.js, firefox.test.js), through a small
// driver with the same methods in each browser:
//   open(url) · reload() · go(url) · page(fn, arg) · waitPage(fn, arg, ok, what) · own(fn, arg) ·
//   waitOwn(fn, arg, ok, what) (in the content-script world, see own-probes.js) · toggle(on?) · pageState()
//   setAutoSites(hosts) · screenshot(file) · panel(path = the side panel for the page) → {eval(fn, arg), click(selector), download(selector), upload(selector, file),
//   screenshot(file), reload(), close()}
// Every step is a subtest, so a failing assertion (e.g. a dependency not landed yet) does not hide
// the others.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as probe from './page-probes.js';
import * as own from './own-probes.js';
import { SLOW_MS } from './server.js';

/** The motive-attributing aside of the seed page that must be drawn as editorial. */
export const ASIDE = '(car ne faisant pas la propagande de son administration)';
/** The passage the reader notes, and the note. */
export const NOTED = 'méga-contrat avec Microsoft';
const NOTE = { body: 'Montant à vérifier', tags: 'jedi, à-vérifier' };
const EDITORIAL_LAYERS = ['glose-editorial', 'glose-editorial-cue'];
const ALL_LAYERS = ['glose-editorial', 'glose-editorial-cue', 'glose-attributed', 'glose-quoted', 'glose-note'];

/** Where screenshots go (a person looks at them). */
export const SHOTS = new URL('../../target/e2e-screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

async function noteTexts(driver) {
  return (await driver.page(probe.highlightTexts, ['glose-note']))['glose-note'];
}

/** Turns Glose on and waits until the highlights are registered. */
async function turnOn(driver) {
  const answer = await driver.toggle(true);
  assert.equal(answer?.on, true, `toggle answered ${JSON.stringify(answer)}`);
}

/**
 * Adds the note on NOTED through the page UI (selection → Note button → form). `shots` names the
 * screenshot of the open form, if any.
 */
async function addNote(driver, shots = null) {
  assert.ok(await driver.page(probe.selectText, NOTED), 'the passage to note is on the page');
  await driver.waitOwn(own.pressNoteButton, null, (pressed) => pressed, 'the Note button to appear');
  const beside = await driver.waitOwn(own.noteFormBeside, NOTED, (x) => x !== null, 'the note form to appear');
  assert.equal(beside.overlaps, false, `the form leaves the passage visible: ${JSON.stringify(beside)}`);
  assert.equal(beside.side, 'below', 'with room below the passage, the form opens below it');
  assert.ok(beside.inView, 'the form is in view');
  assert.deepEqual((await driver.page(probe.highlightTexts, ['glose-note-pending']))['glose-note-pending'], [NOTED],
    'the passage stays marked while the note is written');
  // What the reader types is out of the page's reach (closed shadow root).
  await driver.own(own.typeInNoteForm, 'brouillon privé');
  const fromPage = await driver.page(probe.ownUiFromPage);
  assert.ok(fromPage.hosts >= 2, 'the summary and the note form are on the page');
  assert.equal(fromPage.openRoots, 0, 'page scripts get no shadow root of Glose');
  assert.ok(!fromPage.text.includes('brouillon'), 'page scripts cannot read the note being typed');
  if (shots) await driver.screenshot(shots);
  await driver.waitOwn(own.submitNoteForm, NOTE, (sent) => sent, 'the note form to submit');
  await driver.waitPage(probe.highlightTexts, ['glose-note'], (t) => t['glose-note'].includes(NOTED), 'the note highlight');
  assert.deepEqual((await driver.page(probe.highlightTexts, ['glose-note-pending']))['glose-note-pending'], [], 'the pending mark goes with the form');
}

/**
 * Runs the whole scenario with `driver` under the node:test context `t` on the page at `path`
 * of the test `server`; `name` prefixes the screenshots.
 */
export async function runScenario(t, driver, server, name, path = '/article.html') {
  const article = server.url(path);
  const browser = name;
  // The note's text as stored now (the side panel step edits it).
  let noteBody = NOTE.body;
  let pristine = null;

  await t.test('toggling on highlights the editorial aside', async () => {
    await driver.open(article);
    pristine = await driver.page(probe.traces);
    assert.deepEqual(pristine.highlights, [], 'no highlight before toggling on');
    await turnOn(driver);
    const texts = await driver.page(probe.highlightTexts, ALL_LAYERS);
    const editorial = EDITORIAL_LAYERS.flatMap((name) => texts[name]);
    assert.ok(editorial.some((text) => text.includes(ASIDE)),
      `an editorial range covers the aside; editorial ranges: ${JSON.stringify(editorial).slice(0, 400)}`);
  });

  await t.test('hovering a highlight says why', async () => {
    const layers = await driver.page(probe.highlightTexts, ALL_LAYERS);
    const name = ['glose-editorial-cue', 'glose-editorial', 'glose-attributed', 'glose-quoted'].find((n) => layers[n].length);
    assert.ok(name, 'some highlight is drawn');
    await driver.page(probe.hoverFirst, name);
    const text = await driver.waitOwn(own.tooltipText, null, (s) => Boolean(s), 'the tooltip');
    assert.match(text, /confidence \d+%/, 'the tooltip shows a confidence');
    // The passage commenters quote (the aside's sentence) names them.
    await driver.page(probe.hoverFirst, 'glose-quoted');
    const quoted = await driver.waitOwn(own.tooltipText, null, (s) => Boolean(s) && s !== text, 'the quoted passage tooltip');
    assert.ok(quoted.includes('Kergariou:'), `the tooltip names a commenter who quotes it: ${quoted.slice(0, 300)}`);
    assert.ok(quoted.includes('Quoted by 2 comments:'), `a real plural: ${quoted.slice(0, 300)}`);
  });

  await t.test('the summary panel shows the 8 comments', async () => {
    const panel = await driver.waitOwn(own.summaryPanel, null, (p) => p !== null, 'the summary panel', 3000).catch(() => null);
    await driver.screenshot(join(SHOTS, `${browser}-highlights-on.png`));
    assert.ok(panel, 'a summary panel is drawn above the comment section');
    assert.equal(panel.count, '8 comments', `panel count: ${panel.count}`);
    assert.ok(await driver.page(probe.panelIsBeforeComments, 'on a vu plus neutre et plus argumenté'), 'the panel sits just above the comment section');
    const placement = await driver.page(probe.summaryPanelPlacement);
    assert.deepEqual([placement.inFlow, placement.topLayer, placement.position], [true, false, 'static'], 'on a page this size the panel stays in the flow');
  });

  await t.test('the summary speaks the UI language once, with real plurals', async () => {
    const panel = await driver.own(own.summaryPanel);
    assert.equal(panel.text.match(/\b8 comments?/g)?.length, 1, `the comment count is said once: ${panel.text}`);
    assert.equal(panel.summary,
      '3 readers dispute the article or its writer, 2 of them quoting “car ne faisant pas la propagande de son administration”.');
    assert.doesNotMatch(panel.text.replace(/“[^”]*”/g, ''), /commentaires|lecteurs|contestent|Thèmes/, 'no French chrome in the English UI');
    assert.ok(panel.passages.some((p) => p.endsWith('quoted 2 times')), panel.passages.join(' | '));
    assert.ok(panel.themes.includes('the article: propagande, administration'), panel.themes.join(' | '));
    for (const label of panel.themes) assert.doesNotMatch(label, /\b(bonjour|bien|après|air)\b/i, `no filler in theme labels: ${label}`);
  });

  await t.test('the legend shows what the page draws, and cues stay light', async () => {
    const legend = await driver.own(own.legendAgainstPage);
    assert.deepEqual(legend.map((l) => l.layer).sort(), [...ALL_LAYERS].sort());
    for (const { layer, sample, page } of legend) assert.deepEqual(sample, page, `the ${layer} sample is drawn as the page draws it`);
    const quoted = legend.find((l) => l.layer === 'glose-quoted');
    assert.deepEqual([quoted.sample.line, quoted.sample.decoration, quoted.sample.background], ['underline', 'dotted', 'rgba(0, 0, 0, 0)'],
      'quoted passages: a dotted underline, not a filled square');
    const cue = legend.find((l) => l.layer === 'glose-editorial-cue').page;
    const alpha = Number(cue.background.match(/rgba\([^)]*,\s*([\d.]+)\)/)?.[1] ?? 1);
    assert.ok(alpha <= 0.2 && cue.line === 'underline', `a cue is an underline and a light tint over its line: ${JSON.stringify(cue)}`);
    await driver.page(probe.scrollToPanel);
    await driver.screenshot(join(SHOTS, `${browser}-legend.png`));
  });

  await t.test('clicking a theme outlines its comments', async () => {
    await driver.page(probe.scrollToPanel);
    await driver.screenshot(join(SHOTS, `${browser}-summary-panel.png`));
    const outlined = await driver.own(own.clickFirstTheme);
    assert.ok(outlined > 0, `outlined comments: ${outlined}`);
    await driver.screenshot(join(SHOTS, `${browser}-theme-outlined.png`));
    assert.equal(await driver.own(own.clickFirstTheme), 0, 'a second click clears the outlines');
  });

  await t.test('clicking the most-quoted passage scrolls to it', async () => {
    await driver.page(probe.scrollToPanel);
    assert.equal(await driver.page(probe.textInView, ASIDE), false, 'the aside starts out of view');
    assert.ok(await driver.own(own.clickFirstPassage), 'a quoted passage is listed');
    await driver.waitPage(probe.textInView, ASIDE, (x) => x === true, 'the page to scroll to the passage');
  });

  await t.test('drawn plain, as on a page of over 20,000 elements: tints, and the legends show them', async () => {
    const plainName = (layer) => (layer === 'glose-editorial-cue' || layer === 'glose-quoted' ? `${layer}-plain` : layer);
    assert.ok(await driver.own(own.drawPlainAbove, 0));
    try {
      await driver.toggle(false);
      assert.equal((await driver.toggle(true)).on, true);
      assert.equal((await driver.pageState()).plain, true);
      const names = await driver.page(probe.highlightNames);
      assert.ok(names.includes('glose-editorial-cue-plain') && names.includes('glose-quoted-plain'), names.join(' '));
      assert.ok(!names.includes('glose-editorial-cue') && !names.includes('glose-quoted'), `nothing underlined: ${names.join(' ')}`);
      const legend = await driver.waitOwn(own.legendAgainstPage, null, (l) => l !== null, 'the legend');
      assert.deepEqual(legend.map((l) => l.layer).sort(), ALL_LAYERS.map(plainName).sort());
      for (const { layer, sample, page } of legend) {
        assert.deepEqual(sample, page, `the ${layer} sample is drawn as the page draws it`);
        assert.equal(page.line, 'none', `${layer}: no underline`);
      }
      await driver.page(probe.scrollToPanel);
      await driver.screenshot(join(SHOTS, `${browser}-legend-plain.png`));
      const panel = await driver.panel();
      try {
        const samples = await panel.waitEval(() => [...document.querySelectorAll('#legend [data-layer]')].map((s) => s.dataset.layer),
          null, (l) => l.includes('glose-quoted-plain'), 'the side panel legend to show the plain looks');
        assert.deepEqual(samples.sort(), ALL_LAYERS.map(plainName).sort());
      } finally {
        await panel.close();
      }
    } finally {
      await driver.own(own.drawPlainAbove, null);
      await driver.toggle(false);
      await driver.toggle(true);
    }
    assert.ok((await driver.page(probe.highlightNames)).includes('glose-quoted'), 'underlined again on a page of this size');
  });

  await t.test('toggling on again is instant: the report is cached', async () => {
    const first = await driver.pageState();
    assert.equal((await driver.toggle(false)).on, false);
    assert.equal((await driver.toggle(true)).on, true);
    const second = await driver.pageState();
    assert.equal(second.analyses, first.analyses, 'no second analysis');
    const texts = await driver.page(probe.highlightTexts, EDITORIAL_LAYERS);
    assert.ok(Object.values(texts).flat().length > 0, 'highlights are back');
  });

  await t.test('Glose styles its own UI even where the page CSP forbids inline styles', async () => {
    await driver.open(server.url('/locked/article.html'));
    try {
      await turnOn(driver);
      // The tooltip joins the page when first shown.
      await driver.page(probe.hoverFirst, 'glose-editorial');
      await driver.waitOwn(own.tooltipText, null, (x) => Boolean(x), 'the tooltip');
      const styles = await driver.own(own.ownStyles);
      assert.equal(styles.panelBackground, 'rgb(255, 250, 240)');
      assert.equal(styles.tooltipBorderRadius, '6px');
      const texts = await driver.page(probe.highlightTexts, EDITORIAL_LAYERS);
      assert.ok(Object.values(texts).flat().some((x) => x.includes(ASIDE)));
    } finally {
      await driver.open(article);
      await turnOn(driver);
    }
  });

  await t.test('a page that replaces its article is analysed again', async () => {
    const before = await driver.pageState();
    await driver.toggle(false);
    await driver.page(probe.replaceArticleParagraphs);
    await turnOn(driver);
    const after = await driver.pageState();
    assert.equal(after.analyses, before.analyses + 1, 'a new analysis, not the stale cached one');
    const texts = await driver.page(probe.highlightTexts, EDITORIAL_LAYERS);
    assert.ok(Object.values(texts).flat().some((x) => x.includes(ASIDE)), 'the new nodes are highlighted');
  });

  await t.test('the side panel lists the findings and is screenshotted', async () => {
    const panel = await driver.panel();
    try {
      const listed = await panel.waitEval(() => ({
        editorial: document.querySelectorAll('#editorial [data-sentence]').length,
        count: document.getElementById('summary-count').textContent,
      }), null, (l) => /\d/.test(l.count), 'the side panel to load');
      await panel.screenshot(join(SHOTS, `${browser}-side-panel.png`));
      assert.ok(listed.editorial > 0, `editorial lines listed: ${listed.editorial}`);
      assert.equal(listed.count, '8 comments');
      const words = await panel.eval(() => ({
        summary: document.getElementById('summary-text').textContent,
        sources: [...document.querySelectorAll('[data-glose="source"]')].map((s) => s.textContent),
      }));
      assert.match(words.summary, /^3 readers dispute the article or its writer/, words.summary);
      assert.ok(words.sources.length > 0, 'attributed lines name their source');
      for (const source of words.sources) assert.match(source, /^Source: \S/, 'English punctuation: no space before the colon');
      // Clicking the editorial line with the aside scrolls the page to it.
      await driver.page(probe.scrollToTop);
      assert.equal(await driver.page(probe.textInView, ASIDE), false, 'the aside starts out of view');
      const index = await panel.eval((aside) => [...document.querySelectorAll('#editorial [data-sentence]')]
        .findIndex((b) => b.textContent.includes(aside)), ASIDE);
      assert.ok(index >= 0, 'the aside is listed as an editorial line');
      await panel.click(`#editorial li:nth-child(${index + 1}) [data-sentence]`);
      await driver.waitPage(probe.textInView, ASIDE, (x) => x === true, 'the page to scroll to the aside');
    } finally {
      await panel.close();
    }
  });

  await t.test('the side panel follows its tab: cleared at once on navigation, friendly where Glose cannot run', async () => {
    const panel = await driver.panel();
    try {
      await panel.waitEval(() => document.querySelectorAll('#editorial [data-sentence]').length, null, (n) => n > 0, 'the side panel to load');
      const loading = await panel.eval(() => chrome.i18n.getMessage('loadingPage'));
      const started = Date.now();
      await driver.go(server.url('/slow/article.html'));
      const during = await panel.waitEval(() => ({ status: document.getElementById('status').textContent,
        editorial: document.querySelectorAll('#editorial li').length, count: document.getElementById('summary-count').textContent }),
      null, (x) => x.editorial === 0, 'the side panel to clear');
      assert.ok(Date.now() - started < SLOW_MS, 'cleared while the next page is still loading');
      assert.deepEqual(during, { status: loading, editorial: 0, count: '' });
      // With the panel's status in the timeout's "last": still loading (a slow machine) or a state said in words.
      await panel.waitEval(() => ({ editorial: document.querySelectorAll('#editorial [data-sentence]').length, status: document.getElementById('status').textContent }),
        null, (x) => x.editorial > 0, 'the next page\'s findings', SLOW_MS + 10_000);
      // A tab Glose cannot run in: a sentence for people, never the browser's error.
      await driver.go('about:blank');
      const cannot = await panel.eval(() => chrome.i18n.getMessage('cannotRead'));
      const status = await panel.waitEval(() => document.getElementById('status').textContent, null, (x) => x === cannot, 'the friendly state');
      await panel.screenshot(join(SHOTS, `${browser}-side-panel-cannot-read.png`));
      assert.doesNotMatch(status, /Receiving end|establish connection/);
      assert.equal(await panel.eval(() => document.querySelectorAll('#editorial li, #themes li').length), 0);
    } finally {
      await panel.close();
      await driver.open(article);
      await turnOn(driver);
    }
  });

  await t.test('the note form opens above a passage with no room below it', async () => {
    // A comment's words, far enough down the page to be scrolled to the bottom of the view.
    const passage = 'on a vu plus neutre';
    try {
      assert.ok(await driver.page(probe.selectText, [passage, 'end']), 'the passage to note is on the page');
      await driver.waitOwn(own.pressNoteButton, null, (pressed) => pressed, 'the Note button to appear');
      const beside = await driver.waitOwn(own.noteFormBeside, passage, (x) => x !== null, 'the note form to appear');
      await driver.screenshot(join(SHOTS, `${browser}-note-form-above.png`));
      assert.ok(beside.passage.bottom > 600, `the passage is low in the view: ${JSON.stringify(beside)}`);
      assert.equal(beside.side, 'above', JSON.stringify(beside));
      assert.equal(beside.overlaps, false);
      assert.ok(beside.inView, 'the form is in view');
    } finally {
      await driver.reload();
      await turnOn(driver);
    }
  });

  await t.test('a note added on a selection survives a reload', async () => {
    await addNote(driver, join(SHOTS, `${browser}-note-form.png`));
    await driver.reload();
    await turnOn(driver);
    assert.deepEqual(await noteTexts(driver), [NOTED]);
    const state = await driver.pageState();
    const stored = state.notes.find((n) => n.note.target.quote.exact === NOTED);
    assert.ok(stored?.placed, 'the note is placed after reload');
    assert.equal(stored.note.body, NOTE.body);
    assert.deepEqual(stored.note.tags, ['jedi', 'à-vérifier']);
    await driver.page(probe.hoverFirst, 'glose-note');
    const tip = await driver.waitOwn(own.tooltipText, null, (x) => Boolean(x), 'the note tooltip');
    assert.ok(tip.includes(NOTE.body), 'hovering the note shows it');
    await driver.screenshot(join(SHOTS, `${browser}-note.png`));
  });

  await t.test('a note can be edited in the side panel', async () => {
    const panel = await driver.panel();
    try {
      await panel.waitEval(() => document.querySelectorAll('#notes [data-note]').length, null, (n) => n === 1, 'the note in the side panel');
      await panel.click('#notes [data-note] [data-action="edit"]');
      await panel.eval(() => {
        const form = document.querySelector('form[data-edit]');
        form.querySelector('textarea').value = 'Montant vérifié : 10 milliards';
        form.querySelector('input').value = 'jedi, vérifié';
      });
      await panel.click('form[data-edit] button[type="submit"]');
      await panel.waitEval(() => document.querySelector('#notes [data-note]')?.textContent ?? '', null, (x) => x.includes('Montant vérifié'), 'the edited note');
    } finally {
      await panel.close();
    }
    const state = await driver.pageState();
    const [only] = state.notes;
    assert.equal(only.note.body, 'Montant vérifié : 10 milliards');
    assert.deepEqual(only.note.tags, ['jedi', 'vérifié']);
    assert.ok(only.placed);
    assert.deepEqual(await noteTexts(driver), [NOTED], 'the highlight stays');
    noteBody = only.note.body;
  });

  await t.test('the note survives an edit of the page text near it', async () => {
    server.setEdit((html) => html.replace('Il y a de cela quelques semaines, le département', 'Voici quelques semaines, le ministère')
      .replace('signait un méga-contrat avec', 'a signé un méga-contrat avec'));
    try {
      await driver.reload();
      await turnOn(driver);
      assert.deepEqual(await noteTexts(driver), [NOTED]);
      const state = await driver.pageState();
      assert.ok(state.notes.every((n) => n.placed), 'no orphan after the edit');
    } finally {
      server.setEdit(null);
    }
  });

  await t.test('a note whose passage is gone is kept as an orphan', async () => {
    server.setEdit((html) => html.replace(NOTED, 'contrat'));
    try {
      await driver.reload();
      await turnOn(driver);
      assert.deepEqual(await noteTexts(driver), []);
      const state = await driver.pageState();
      assert.equal(state.notes.length, 1, 'the note is still stored');
      assert.equal(state.notes[0].placed, false);
      const panel = await driver.panel();
      try {
        const orphans = await panel.waitEval(() => document.querySelectorAll('#orphans [data-note]').length, null, (n) => n === 1, 'the orphan in the side panel');
        assert.equal(orphans, 1);
      } finally {
        await panel.close();
      }
    } finally {
      server.setEdit(null);
    }
    await driver.reload();
    await turnOn(driver);
  });

  await t.test('exports hold the note and the editorial line, and JSON-LD round-trips', async () => {
    const panel = await driver.panel();
    try {
      await panel.waitEval(() => document.querySelectorAll('#notes [data-note]').length, null, (n) => n === 1, 'the note in the side panel');
      const markdown = await panel.download('#export-md');
      writeFileSync(join(SHOTS, `${browser}-export.md`), markdown);
      assert.match(markdown, /^---\n/, 'YAML front matter');
      assert.ok(markdown.includes(noteBody), 'Markdown has the note');
      assert.ok(markdown.includes('la propagande de son administration'), 'Markdown has the editorial line');
      const csv = await panel.download('#export-csv');
      assert.ok(csv.includes(noteBody), 'CSV has the note');
      const jsonld = await panel.download('#export-jsonld');
      const collection = JSON.parse(jsonld);
      assert.equal(collection.type, 'AnnotationCollection');
      const text = JSON.stringify(collection);
      assert.ok(text.includes(noteBody) && text.includes(NOTED), 'JSON-LD has the note and its quote');
      assert.ok(text.includes('classifying') && text.includes('la propagande de son administration'), 'JSON-LD has the editorial line');

      // Round trip: delete the note, import the export, the note is back where it was.
      await panel.click('#notes [data-note] [data-action="delete"]');
      await panel.waitEval(() => document.querySelectorAll('#notes [data-note]').length, null, (n) => n === 0, 'the note to be deleted');
      assert.deepEqual(await noteTexts(driver), []);
      const file = join(tmpdir(), `glose-${browser}-import.jsonld`);
      writeFileSync(file, jsonld);
      await panel.upload('#import', file);
      await panel.waitEval(() => document.querySelectorAll('#notes [data-note]').length, null, (n) => n === 1, 'the imported note');
      await driver.waitPage(probe.highlightTexts, ['glose-note'], (x) => x['glose-note'].includes(NOTED), 'the imported note highlight');
    } finally {
      await panel.close();
    }
  });

  await t.test('the options page exports the notes of all pages', async () => {
    const options = await driver.panel('src/options/options.html');
    try {
      await options.waitEval(() => document.getElementById('pages').textContent, null, (x) => /[1-9]/.test(x), 'the page count');
      const markdown = await options.download('#export-md');
      assert.ok(markdown.includes(noteBody) && markdown.includes(NOTED), 'the note is in the all-pages Markdown');
      const jsonld = JSON.parse(await options.download('#export-jsonld'));
      assert.equal(jsonld.type, 'AnnotationCollection');
      assert.ok(JSON.stringify(jsonld).includes(noteBody), 'the note is in the all-pages JSON-LD');
    } finally {
      await options.close();
    }
  });

  await t.test('Glose turns on by itself on a site chosen in the options', async () => {
    await driver.setAutoSites([new URL(article).hostname]);
    try {
      await driver.reload();
      await driver.waitPage(probe.traces, null, (x) => x.highlights.includes('glose-editorial'), 'highlights without a toggle');
    } finally {
      await driver.setAutoSites([]);
    }
  });

  await t.test('toggling off leaves no highlight and no injected element', async () => {
    const answer = await driver.toggle(false);
    assert.equal(answer?.on, false);
    const after = await driver.page(probe.traces);
    assert.deepEqual(after.highlights, []);
    assert.equal(after.elements, 0);
  });

  await t.test('toggling off restores the exact page markup', async () => {
    await driver.reload();
    const before = await driver.page(probe.traces);
    await turnOn(driver);
    await driver.toggle(false);
    const after = await driver.page(probe.traces);
    assert.equal(after.markup, before.markup);
    assert.ok(pristine);
  });

  await t.test('toggling off after clicking a theme leaves no style attribute behind', async () => {
    await driver.reload();
    const before = await driver.page(probe.traces);
    await turnOn(driver);
    assert.ok(await driver.own(own.clickFirstTheme) > 0, 'a theme outlines its comments');
    await driver.toggle(false);
    const after = await driver.page(probe.traces);
    assert.equal((after.markup.match(/ style=""/g) ?? []).length, 0, 'no empty style attribute');
    assert.equal(after.markup, before.markup);
    // And with the outline cleared by a second click before toggling off.
    await turnOn(driver);
    await driver.own(own.clickFirstTheme);
    assert.equal(await driver.own(own.clickFirstTheme), 0);
    await driver.toggle(false);
    assert.equal((await driver.page(probe.traces)).markup, before.markup);
  });
}
