// The end-to-end scenario both browsers run (chromium.test.js, firefox.test.js), through a small
// driver with the same methods in each browser:
//   open(url) · reload() · page(fn, arg) · waitPage(fn, arg, ok, what) · toggle(on?) · pageState()
//   setAutoSites(hosts) · screenshot(file) · panel(path = the side panel for the page) → {eval(fn, arg), click(selector), download(selector), upload(selector, file),
//   screenshot(file), reload(), close()}
// Every step is a subtest, so a failing assertion (e.g. a dependency not landed yet) does not hide
// the others.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as probe from './page-probes.js';

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

/** Adds the note on NOTED through the page UI (selection → Note button → form). */
async function addNote(driver) {
  assert.ok(await driver.page(probe.selectText, NOTED), 'the passage to note is on the page');
  await driver.waitPage(probe.pressNoteButton, null, (pressed) => pressed, 'the Note button to appear');
  await driver.waitPage(probe.submitNoteForm, NOTE, (sent) => sent, 'the note form to appear');
  await driver.waitPage(probe.highlightTexts, ['glose-note'], (t) => t['glose-note'].includes(NOTED), 'the note highlight');
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
    const text = await driver.waitPage(probe.tooltipText, null, (s) => Boolean(s), 'the tooltip');
    assert.match(text, /%/, 'the tooltip shows a confidence');
    // The passage commenters quote (the aside's sentence) names them.
    await driver.page(probe.hoverFirst, 'glose-quoted');
    const quoted = await driver.waitPage(probe.tooltipText, null, (s) => Boolean(s) && s !== text, 'the quoted passage tooltip');
    assert.ok(quoted.includes('Kergariou'), `the tooltip names a commenter who quotes it: ${quoted.slice(0, 300)}`);
  });

  await t.test('the summary panel shows the 8 comments', async () => {
    const panel = await driver.waitPage(probe.summaryPanel, null, (p) => p !== null, 'the summary panel', 3000).catch(() => null);
    await driver.screenshot(join(SHOTS, `${browser}-highlights-on.png`));
    assert.ok(panel, 'a summary panel is drawn above the comment section');
    assert.match(panel.count, /\b8\b/, `panel count: ${panel.count}`);
    assert.ok(await driver.page(probe.panelIsBeforeComments, 'on a vu plus neutre et plus argumenté'), 'the panel sits just above the comment section');
    const placement = await driver.page(probe.summaryPanelPlacement);
    assert.deepEqual([placement.inFlow, placement.topLayer, placement.position], [true, false, 'static'], 'on a page this size the panel stays in the flow');
  });

  await t.test('clicking a theme outlines its comments', async () => {
    await driver.page(probe.scrollToPanel);
    await driver.screenshot(join(SHOTS, `${browser}-summary-panel.png`));
    const outlined = await driver.page(probe.clickFirstTheme);
    assert.ok(outlined > 0, `outlined comments: ${outlined}`);
    await driver.screenshot(join(SHOTS, `${browser}-theme-outlined.png`));
    assert.equal(await driver.page(probe.clickFirstTheme), 0, 'a second click clears the outlines');
  });

  await t.test('clicking the most-quoted passage scrolls to it', async () => {
    await driver.page(probe.scrollToPanel);
    assert.equal(await driver.page(probe.textInView, ASIDE), false, 'the aside starts out of view');
    assert.ok(await driver.page(probe.clickFirstPassage), 'a quoted passage is listed');
    await driver.waitPage(probe.textInView, ASIDE, (x) => x === true, 'the page to scroll to the passage');
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
      await driver.waitPage(probe.tooltipText, null, (x) => Boolean(x), 'the tooltip');
      const styles = await driver.page(probe.ownStyles);
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
      assert.match(listed.count, /\b8\b/);
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

  await t.test('a note added on a selection survives a reload', async () => {
    await addNote(driver);
    await driver.reload();
    await turnOn(driver);
    assert.deepEqual(await noteTexts(driver), [NOTED]);
    const state = await driver.pageState();
    const stored = state.notes.find((n) => n.note.target.quote.exact === NOTED);
    assert.ok(stored?.placed, 'the note is placed after reload');
    assert.equal(stored.note.body, NOTE.body);
    assert.deepEqual(stored.note.tags, ['jedi', 'à-vérifier']);
    await driver.page(probe.hoverFirst, 'glose-note');
    const tip = await driver.waitPage(probe.tooltipText, null, (x) => Boolean(x), 'the note tooltip');
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
}
