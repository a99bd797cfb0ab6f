// The pages past the reading limits (crates/glose-read/src/snapshot/limits.rs; server.js HUGE_PAGES: a million
// elements, 50 MB of text, one 10 MB text node). Glose must answer with a report that says it
// analysed only the start of the page, the side panel must say so, and the article start is still
// highlighted. The toggle's time is printed (and recorded in RELIABILITY.md), never asserted: the
// machine is shared and noisy. Shared by the Chromium and Firefox suites.
import assert from 'node:assert/strict';
import { HUGE_PAGES } from './server.js';
import * as probe from './page-probes.js';
import * as own from './own-probes.js';

/** Opens huge page `name` and toggles Glose on: `{answer, state, loadMs, toggleMs}`. */
async function toggleOn(driver, server, path) {
  let started = Date.now();
  // The browser alone took 12–53 s to load the million-element page on the shared machine.
  await driver.open(server.url(path), { timeout: 180_000 });
  const loadMs = Date.now() - started;
  await driver.toggle(false); // the content script is up
  started = Date.now();
  const answer = await driver.toggle(true);
  const toggleMs = Date.now() - started;
  const state = await driver.pageState();
  return { answer, state, loadMs, toggleMs };
}

/** Runs the huge-page cases; `name` labels the printed timings. */
export async function runHugePages(t, driver, server, name) {
  for (const [page, { about, limit }] of Object.entries(HUGE_PAGES)) {
    await t.test(`${about}: the start is analysed, and the report says the page was cut`, async (t) => {
      const { answer, state, loadMs, toggleMs } = await toggleOn(driver, server, `/huge/${page}.html`);
      const cut = state.truncated;
      // The analysis itself is timed by the content script: in Firefox the sidebar, open from
      // the start, may have asked for it when the page loaded, before the toggle.
      console.log(`[timing] ${name}: huge page "${about}": analysis ${state.analysisMs} ms, toggle on ${toggleMs} ms (page load ${loadMs} ms; path ${state.path}; `
        + `analysed ${cut?.nodes} nodes, ${cut?.text_units} text units; limit ${cut?.limit})`);
      assert.equal(answer.on, true);
      assert.equal(cut?.limit, limit, JSON.stringify(cut));
      assert.ok(cut.nodes > 0 && cut.text_units > 0);

      await t.test('the page itself says it was too large and how much was analysed', async () => {
        const text = await driver.waitOwn(own.noticeText, null, (x) => x !== null, 'the on-page notice');
        assert.match(text, /^Page too large: Glose analysed only its first /);
        assert.match(text, new RegExp(String(cut.nodes).replace(/\B(?=(\d{3})+$)/g, '[,.\\u202f\\u00a0 ]?')), `${text} names ${cut.nodes}`);
      });

      // 50 MB of plain paragraphs outweigh the short article: there the filler is the article.
      if (page !== 'text') await t.test('the article start is highlighted', async () => {
        const texts = await driver.page(probe.highlightTexts, ['glose-editorial', 'glose-editorial-cue', 'glose-editorial-cue-plain']);
        assert.ok(Object.values(texts).flat().some((s) => s.includes('disgraceful')), JSON.stringify(texts).slice(0, 300));
      });

      // An underlined highlight costs every change of a page this big a whole-page update in
      // Chromium (highlights.js PLAIN_ABOVE_ELEMENTS): the cues are drawn with their tint.
      if (page === 'elements') await t.test('a page this big draws its underlined layers plain', async () => {
        assert.equal(state.plain, true);
        const names = await driver.page(probe.highlightNames);
        assert.ok(names.includes('glose-editorial-cue-plain'), names.join(' '));
        assert.deepEqual(names.filter((n) => n === 'glose-editorial-cue' || n === 'glose-quoted'), [], names.join(' '));
      });

      if (page === 'elements') {
        await t.test('the side panel says the page was too large and how much was analysed', async () => {
          const panel = await driver.panel();
          try {
            const said = await panel.waitEval(() => {
              const p = document.getElementById('truncated');
              return { hidden: p.hidden, text: p.textContent };
            }, null, (x) => x.text.length > 0, 'the side panel to load', 30_000);
            assert.equal(said.hidden, false);
            const count = new RegExp(String(cut.nodes).replace(/\B(?=(\d{3})+$)/g, '[,.\\u202f\\u00a0 ]?'));
            assert.match(said.text, /^Page too large: Glose analysed only its first /);
            assert.match(said.text, count, `${said.text} names ${cut.nodes}`);
          } finally {
            await panel.close();
          }
        });
      }

      if (page === 'text-node') {
        await t.test('the strict-CSP copy is cut at the same place, with the same report', async () => {
          const strict = await toggleOn(driver, server, `/strict/huge/${page}.html`);
          console.log(`[timing] ${name}: huge page "${about}", strict-CSP copy: analysis ${strict.state.analysisMs} ms, toggle on ${strict.toggleMs} ms (path ${strict.state.path})`);
          assert.deepEqual(strict.state.truncated, cut);
          assert.ok(state.report && strict.state.report, 'a page of few elements takes the whole-report path');
          const comparable = (r) => JSON.stringify({ ...r, url: null });
          assert.equal(comparable(strict.state.report), comparable(state.report));
          await driver.toggle(false);
        });
      }
      await driver.toggle(false);
    });
  }
}

/**
 * Runs in an extension context (Chromium's service worker, a Firefox extension page): opens
 * `url` in a new tab, leaves a snapshot upload unclaimed there (as a tab closed in the middle of
 * reading a big page leaves it) and has a small snapshot analysed by the background (which keeps
 * it for the page's refinement, as on a strict-CSP page), closes the tab, and returns what the
 * background kept `{before, during, after}` (`gloseKeptJobs()`: uploads, reports, snapshots).
 */
export async function closedTabProbe(url) {
  const api = globalThis.browser ?? globalThis.chrome;
  const kept = async () => {
    const background = globalThis.gloseKeptJobs ? globalThis : await api.runtime.getBackgroundPage();
    return JSON.parse(JSON.stringify(background.gloseKeptJobs()));
  };
  const wait = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
  const before = await kept();
  const tab = await api.tabs.create({ url, active: false });
  // A new tab is first a complete about:blank: wait for the page itself.
  const loaded = async () => {
    const now = await api.tabs.get(tab.id);
    return now.status === 'complete' && now.url === url;
  };
  for (let i = 0; i < 100 && !(await loaded()); i += 1) await wait(100);
  await api.scripting.executeScript({
    target: { tabId: tab.id },
    func: () => chrome.runtime.sendMessage({ kind: 'snapshot-piece', job: 'closed-tab-probe', index: 0, piece: '{' }),
  });
  await api.scripting.executeScript({
    target: { tabId: tab.id },
    func: () => chrome.runtime.sendMessage({ kind: 'analyze-snapshot', url: location.href, snapshot: { nodes: [{ parent: null, type: 'document' }] } }),
  });
  const during = await kept();
  await api.tabs.remove(tab.id);
  let after = await kept();
  for (let i = 0; i < 50 && (after.uploads !== before.uploads || after.snapshots >= during.snapshots); i += 1) {
    await wait(100);
    after = await kept();
  }
  return { before, during, after };
}

/** Checks a {@link closedTabProbe} result: the closed tab's upload was kept, then dropped. */
export function checkClosedTab({ before, during, after }) {
  assert.equal(during.uploads, before.uploads + 1, 'the upload is kept while its tab is open');
  // The background keeps at most 8 snapshots: at 8 already, the oldest made room.
  assert.equal(during.snapshots, Math.min(before.snapshots + 1, 8), 'the snapshot kept for its refinement too');
  assert.deepEqual({ uploads: after.uploads, reports: after.reports }, { uploads: before.uploads, reports: before.reports }, 'no upload or report of the closed tab is kept');
  assert.equal(after.snapshots, during.snapshots - 1, 'nor its snapshot');
}
