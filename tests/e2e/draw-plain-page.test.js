// The drawing modules (extension/src/draw) in a plain page without the extension, as the
// playground uses them: highlights through the Custom Highlight API and through the wrapper
// fallback, the summary panel, the tooltip; each disposes without a trace. Headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from './server.js';
import { ASIDE } from './scenario.js';

test('drawing modules work in a plain page and leave no trace', { timeout: 120_000 }, async (t) => {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(server.url('/article.html'));
    // `layer` drawn over the aside; `registry`: the name it is expected under (its plain look's with `plain`).
    const draw = (forceWrappers, { layer = 'glose-editorial', plain = false, registry = layer } = {}) => page.evaluate(async ([aside, force, layer, plain, registry]) => {
      const { drawHighlights } = await import('/draw/highlights.js');
      // Text split by an earlier drawing with wrappers, joined again (the markup is the same).
      document.body.normalize();
      const before = document.documentElement.outerHTML;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let range = null;
      for (let node = walker.nextNode(); node && !range; node = walker.nextNode()) {
        const at = node.data.indexOf(aside);
        if (at >= 0) {
          range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + aside.length);
        }
      }
      const drawing = drawHighlights(document, [{ layer, range, info: { kind: 'editorial' } }], { forceWrappers: force, plain });
      const mark = document.querySelector('mark.glose-mark');
      const drawn = {
        api: drawing.usesHighlightApi,
        registered: CSS.highlights.has(registry) ? [...CSS.highlights.get(registry)].map(String) : [],
        others: ['glose-editorial', 'glose-quoted', 'glose-quoted-plain'].filter((name) => name !== registry && CSS.highlights.has(name)),
        marks: [...document.querySelectorAll('mark.glose-mark')].map((m) => m.textContent).join(''),
        markLayer: mark?.dataset.gloseLayer ?? null,
        background: mark ? getComputedStyle(mark).backgroundColor : null,
        line: mark ? getComputedStyle(mark).textDecorationLine : null,
      };
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      drawn.hit = drawing.itemsAt(rect.left + 2, rect.top + rect.height / 2).length;
      drawing.dispose();
      return { drawn, clean: document.documentElement.outerHTML === before && !CSS.highlights.has(registry) };
    }, [ASIDE, forceWrappers, layer, plain, registry]);

    await t.test('with the Custom Highlight API', async () => {
      const { drawn, clean } = await draw(false);
      assert.equal(drawn.api, true);
      assert.deepEqual(drawn.registered, [ASIDE]);
      assert.equal(drawn.hit, 1, 'the point on the range hits it');
      assert.ok(clean);
    });

    await t.test('with wrapper elements where the API is missing', async () => {
      await page.evaluate(() => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = '/draw/highlights.css';
        document.head.append(link);
        return new Promise((resolve) => { link.onload = resolve; });
      });
      const { drawn, clean } = await draw(true);
      assert.equal(drawn.api, false);
      assert.equal(drawn.marks, ASIDE);
      assert.notEqual(drawn.background, 'rgba(0, 0, 0, 0)', 'the mark is coloured by highlights.css');
      assert.equal(drawn.hit, 1);
      assert.ok(clean, 'unwrapping restores the markup');
    });

    await t.test('an underlined layer drawn plain (a big page): its tint, under its plain name', async () => {
      const api = await draw(false, { layer: 'glose-quoted', plain: true, registry: 'glose-quoted-plain' });
      assert.deepEqual(api.drawn.registered, [ASIDE]);
      assert.deepEqual(api.drawn.others, [], 'not under its underlined name');
      assert.equal(api.drawn.hit, 1, 'the point on the range still finds its item');
      assert.ok(api.clean);
      const marks = await draw(true, { layer: 'glose-quoted', plain: true, registry: 'glose-quoted-plain' });
      assert.equal(marks.drawn.markLayer, 'glose-quoted-plain');
      assert.equal(marks.drawn.line, 'none', 'no underline');
      assert.notEqual(marks.drawn.background, 'rgba(0, 0, 0, 0)', 'a tint');
      assert.ok(marks.clean);
      const underlined = await draw(true, { layer: 'glose-quoted' });
      assert.equal(underlined.drawn.line, 'underline', 'not plain: the underline');
      assert.ok(underlined.clean);
    });

    await t.test('summary panel and tooltip render page text as text', async () => {
      const result = await page.evaluate(async () => {
        const { drawSummaryPanel } = await import('/draw/summary-panel.js');
        const { createTooltip } = await import('/draw/tooltip.js');
        const { shadowRootOf } = await import('/draw/shadow-host.js');
        const before = document.documentElement.outerHTML;
        const evil = '<img src=x onerror="window.pwned=1">';
        const section = document.querySelector('h1');
        const t = (key, subs) => `${key}${subs ? `(${subs.join(',')})` : ''}`;
        const clicks = [];
        const panel = drawSummaryPanel(document, section, { commentCount: 2, themes: [{ label: evil, keywords: ['k'], count: 1 }],
          quoted: [{ text: 'passage', count: 2 }], disputing: 1, agreeing: 0, disputedPassage: { excerpt: evil, readers: 1 } },
        { theme: (i, on) => clicks.push(['theme', i, on]), passage: (i) => clicks.push(['passage', i]) }, t);
        const root = shadowRootOf(panel.host);
        root.querySelector('ul button').click();
        [...root.querySelectorAll('ul button')].at(-1).click();
        const tooltip = createTooltip(document, t);
        tooltip.show(10, 10, [{ kind: 'editorial', score: 0.8, cues: [{ kind: 'loaded', text: evil }], source: evil, comments: [{ author: evil, text: evil }] }]);
        const out = {
          placed: panel.host.nextElementSibling === section,
          count: root.querySelector('[data-glose="comment-count"]').textContent,
          images: root.querySelectorAll('img').length + shadowRootOf(tooltip.host).querySelectorAll('img').length,
          tooltip: shadowRootOf(tooltip.host).textContent.includes(evil),
          summary: root.querySelector('[data-glose="summary-text"]').textContent.includes(evil),
          closed: panel.host.shadowRoot === null && tooltip.host.shadowRoot === null,
          clicks,
        };
        panel.dispose();
        tooltip.dispose();
        out.clean = document.documentElement.outerHTML === before;
        out.pwned = Boolean(window.pwned);
        return out;
      });
      assert.equal(result.placed, true);
      assert.equal(result.count, 'commentCount_other(2)');
      assert.equal(result.summary, true, 'the disputed passage is shown, as text');
      assert.equal(result.closed, true, 'closed shadow roots: page scripts cannot look inside');
      assert.equal(result.images, 0, 'no markup from page text');
      assert.equal(result.tooltip, true);
      assert.deepEqual(result.clicks, [['theme', 0, true], ['passage', 0]]);
      assert.equal(result.pwned, false);
      assert.ok(result.clean);
    });
  } finally {
    await browser.close();
    await server.close();
  }
});
