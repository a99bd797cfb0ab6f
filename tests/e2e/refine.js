// End-to-end steps of the refinement (issue 15, item 4), run by chromium.test.js and
// firefox.test.js with the scenario driver (scenario.js), plus `forgetVectors()` (empties the
// background's vector cache, so the encoder has work to do), `holdEncoder(on)` (keeps the
// encoder's answers waiting until released) and `background` (the browser's name).
// The fast highlights come first; the background's sentence encoder embeds the article's
// sentences and the page redraws the encoder's report (`opinion_model: "encoder"`).
import assert from 'node:assert/strict';
import * as probe from './page-probes.js';

const ASIDE = '(car ne faisant pas la propagande de son administration)';

/** The summary panel's refinement status line (content-script world, see own-probes.js). */
export function refinementLine() {
  const rootOf = (h) => (h ? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(h) ?? h.openOrClosedShadowRoot ?? null : null);
  const roots = [...document.querySelectorAll('glose-summary')].map(rootOf);
  return { panels: roots.length, text: roots[0]?.querySelector('[data-glose="refinement"]')?.textContent ?? null };
}

/** How many ranges each layer has, as the page sees the registry. */
function layerSizes() {
  const out = {};
  for (const name of ['glose-editorial', 'glose-attributed', 'glose-editorial-cue']) out[name] = CSS.highlights.has(name) ? CSS.highlights.get(name).size : 0;
  return out;
}

/** Waits until the refinement is no longer pending; returns the page state. */
export async function settled(driver, timeout = 90_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const state = await driver.pageState();
    if (state.refinement && state.refinement.status !== 'pending') return state;
    if (Date.now() > until) throw new Error(`the refinement did not end: ${JSON.stringify(state.refinement)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The refinement steps on the page at `path` (the seed page, or its strict-CSP copy). `name`
 * labels the printed timings.
 */
export async function runRefine(t, driver, server, name, path) {
  await t.test('the encoder\'s report replaces the fast one, and its highlights replace the fast ones', async () => {
    await driver.open(server.url(path));
    await driver.forgetVectors();
    const started = Date.now();
    assert.equal((await driver.toggle(true)).on, true);
    const first = Date.now() - started;
    const state = await settled(driver);
    assert.equal(state.refinement.status, 'encoder', JSON.stringify(state.refinement));
    assert.equal(state.report.opinion_model, 'encoder');
    console.log(`${name}: first highlights ${first} ms after the toggle; refined ${state.refinement.timings.total} ms later `
      + `(${JSON.stringify(state.refinement.timings)})`);
    // Drawn from the refined report, with nothing of the fast drawing left over.
    const sentences = state.report.sentences.filter((s) => s.anchor);
    const editorial = sentences.filter((s) => s.label === 'editorial');
    const cues = editorial.flatMap((s) => s.cues.filter((c) => c.anchor));
    const sizes = await driver.page(layerSizes);
    assert.deepEqual(sizes, {
      'glose-editorial': editorial.length,
      'glose-attributed': sentences.filter((s) => s.label === 'attributed').length,
      'glose-editorial-cue': cues.length,
    });
    const line = await driver.own(refinementLine);
    assert.equal(line.panels, 1, 'one summary panel, not a second one');
    assert.equal(line.text, 'Editorial lines refined by the sentence encoder.');
    // Toggling on again reuses the refined report: no second refinement, same drawing.
    await driver.toggle(false);
    assert.deepEqual(await driver.page(layerSizes), { 'glose-editorial': 0, 'glose-attributed': 0, 'glose-editorial-cue': 0 });
    await driver.toggle(true);
    const again = await driver.pageState();
    assert.equal(again.report.opinion_model, 'encoder');
    assert.equal(again.analyses, state.analyses, 'no new analysis');
    assert.deepEqual(await driver.page(layerSizes), sizes);
    await driver.toggle(false);
  });

  await t.test('toggling off while the encoder works drops its answer and leaves nothing', async () => {
    await driver.open(server.url(path));
    const before = await driver.page(probe.traces);
    await driver.forgetVectors();
    // Held, so the answer cannot come back before the toggle-off does (it did on a loaded machine).
    await driver.holdEncoder(true);
    try {
      await driver.toggle(true);
      await driver.toggle(false);
    } finally {
      await driver.holdEncoder(false);
    }
    const state = await settled(driver);
    assert.equal(state.refinement.status, 'dropped', JSON.stringify(state.refinement));
    assert.equal(state.on, false);
    const after = await driver.page(probe.traces);
    assert.deepEqual(after.highlights, []);
    assert.equal(after.elements, 0);
    assert.equal(after.markup, before.markup);
    // On again: refined this time, the aside among the editorial lines or not as the head decides.
    await driver.toggle(true);
    assert.equal((await settled(driver)).refinement.status, 'encoder');
    await driver.toggle(false);
  });
}

/**
 * With a package whose encoder file is missing or broken: the fast highlights stay, the legend
 * and the page state say the refinement is unavailable (and why).
 */
export async function runUnavailable(t, driver, server, why) {
  await driver.open(server.url('/article.html'));
  assert.equal((await driver.toggle(true)).on, true);
  const state = await settled(driver);
  assert.equal(state.refinement.status, 'unavailable', JSON.stringify(state.refinement));
  assert.match(state.refinement.reason, why);
  assert.equal(state.report.opinion_model, 'fast');
  const texts = await driver.page(probe.highlightTexts, ['glose-editorial', 'glose-editorial-cue']);
  assert.ok(Object.values(texts).flat().some((s) => s.includes(ASIDE)), 'the fast highlights stay');
  const line = await driver.own(refinementLine);
  assert.equal(line.text, 'The sentence encoder is unavailable: these editorial lines are the fast model’s.');
  await driver.toggle(false);
  assert.deepEqual((await driver.page(probe.traces)).highlights, []);
}
