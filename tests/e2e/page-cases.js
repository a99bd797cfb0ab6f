// Page cases (issue 14): every folder of tests/e2e/page-cases/ is a page on which Glose once failed
// in the soak run (scripts/soak.mjs, RELIABILITY.md "Soak") — an exception, something left after
// toggling off, or the page's own layout moved while Glose was on. Each holds `page.html` (served
// at /cases/<name>.html with the soak's page CSP: no page script, wasm allowed) and `case.json`
// (`about`: what went wrong and what fixed it). Adding a case is adding a folder. Shared by the
// Chromium and Firefox suites; each case is a subtest checking, with the soak's own probes
// (layout-probes.js):
//   - toggling on answers `on: true`;
//   - while on, the page's own layout does not move (the document may grow by the summary panel
//     only; the article block keeps its box; no other element moves beyond the panel's push; the
//     summary panel is not squeezed narrower than a card);
//   - toggling off leaves the page exactly as it was (markup, highlights, elements, style sheets).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { layoutWhileOn, leftovers, recordLayout } from './layout-probes.js';

export const CASES = new URL('./page-cases/', import.meta.url);

/** The case names (folders with a page.html), sorted. */
export function pageCases() {
  return readdirSync(CASES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/page.html`, CASES)))
    .map((d) => d.name)
    .sort();
}

export async function runPageCases(t, driver, server) {
  for (const name of pageCases()) {
    const about = JSON.parse(readFileSync(new URL(`${name}/case.json`, CASES), 'utf8')).about;
    await t.test(`${name}: ${about}`, async () => {
      await driver.open(server.url(`/cases/${name}.html`));
      await driver.toggle(false); // the content script is up
      await driver.page(recordLayout);
      await new Promise((r) => setTimeout(r, 150));
      const before = await driver.page(recordLayout);
      assert.equal(before.unstable, false, 'the page holds still by itself');
      assert.equal((await driver.toggle(true))?.on, true, 'Glose turns on');
      const layout = await driver.page(layoutWhileOn);
      assert.ok(layout.heightOk, `the document grows by the summary panel only: ${JSON.stringify(layout)}`);
      assert.equal(layout.blockChange, null, `the article block keeps its box: ${JSON.stringify(layout)}`);
      assert.equal(layout.moved, 0, `no element of the page moves: ${JSON.stringify(layout)}`);
      assert.equal(layout.narrowPanels, 0, `the summary panel is not squeezed into a narrow box: ${JSON.stringify(layout)}`);
      assert.equal((await driver.toggle(false))?.on, false, 'Glose turns off');
      assert.equal(await driver.page(leftovers), '', 'nothing is left after toggling off');
    });
  }
}
