// The content script's page reader (extension/src/content/snapshot.js) in a plain Chromium page:
// the core finds in the wire writer's text (the big-page path) what it finds in the object reader's
// snapshot (which the strict-CSP end-to-end test holds equal to the wasm reader's report), with the
// same live nodes first, whatever the piece size (past a reading limit the text holds every node
// walked, and the core cuts the part analysed); the page-world reader (Chromium's big-page path)
// writes that same text and serves those nodes; and the reading rules (hidden, skipped, own
// elements, shadow roots, slots, attributes) hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from './server.js';
import { readFileSync } from 'node:fs';

// The wasm core (target/pkg, built before the end-to-end tests) reads the wire text as the
// background does.
const core = await import(new URL('../../target/pkg/glose.js', import.meta.url));
core.initSync({ module: readFileSync(new URL('../../target/pkg/glose_bg.wasm', import.meta.url)) });

/** What an analysis found, without what depends on the clock (relative dates). */
function findings(snapshot) {
  const report = core.analyze_snapshot(snapshot, 'https://example.org/a');
  return JSON.stringify([report.truncated, report.article, report.sentences, report.comments.map((c) => [c.node, c.text, c.author]), report.summary]);
}

/** Runs in the page: the object reader, the wire writer and the page-world reader over the current document. */
async function readAll(pieceChars) {
  const reader = await import('/content/snapshot.js');
  const object = reader.readDocument(document);
  const wire = await reader.readDocumentWireSliced(document, { pieceChars, sliceMs: 1 });
  // The page-world reader, called as the background injects it (here the page is its own world):
  // its pieces taken one call each, its nodes fetched through the token's events.
  const { readInMainWorld } = await import('/content/main-world-reader.js');
  const { takePieceInMainWorld } = await import('/content/main-world.js');
  const { mainWorldNodes } = await import('/content/main-world-nodes.js');
  const token = `glose-test-${Math.random().toString(36).slice(2)}`;
  const inWorld = await readInMainWorld(token, { sliceMs: 1, pieceUnits: pieceChars, ownElements: [] });
  const worldPieces = Array.from({ length: inWorld.pieces }, (_, i) => takePieceInMainWorld(token, i));
  const view = mainWorldNodes(document, token, inWorld.nodes);
  const ids = [...new Set([0, 1, Math.floor(inWorld.nodes / 3), Math.floor(inWorld.nodes / 2), inWorld.nodes - 1])];
  await view.prefetch(ids.slice(0, 3));
  return {
    object: JSON.stringify(object.snapshot),
    // The wire text keeps every node walked (past a limit the core cuts the part): the object
    // reader's nodes come first, the same.
    wire: wire.pieces.join(''),
    wirePieces: wire.pieces.length,
    wireWalked: wire.nodes.length,
    wireNodes: wire.nodes.length >= object.nodes.length && object.nodes.every((n, i) => n === wire.nodes[i]),
    // The same text, the same node for each id (prefetched or asked for), none past the end or after release.
    pageWorld: {
      sameText: worldPieces.map((chunks) => chunks.join('')).join('') === wire.pieces.join(''),
      piecesTakenOnce: takePieceInMainWorld(token, 0) === null,
      sameNodes: inWorld.nodes === wire.nodes.length && ids.every((id) => view[id] === wire.nodes[id]) && view.at(-1) === wire.nodes.at(-1),
      length: view.length === inWorld.nodes,
      pastEnd: view[inWorld.nodes] === undefined,
      // A fresh view (nothing fetched yet) asks the page's world for a node's id; a node the
      // reading has not got (a new one) has none.
      indexOf: (() => {
        const fresh = mainWorldNodes(document, token, inWorld.nodes);
        const unread = document.body.appendChild(document.createElement('p'));
        const found = ids.every((id) => fresh.indexOf(wire.nodes[id]) === id) && fresh.indexOf(unread) === -1 && fresh.indexOf(null) === -1;
        unread.remove();
        return found;
      })(),
      afterRelease: (() => {
        view.release();
        const again = mainWorldNodes(document, token, inWorld.nodes);
        return again[0] === undefined;
      })(),
    },
    elements: document.getElementsByTagName('*').length,
    // [more than count - d, more than count + d - 1] for a few d: [true, false] each.
    more: [1, 2, 5].map((d) => [reader.hasMoreElementsThan(document, document.getElementsByTagName('*').length - d),
      reader.hasMoreElementsThan(document, document.getElementsByTagName('*').length + d - 1)]),
  };
}

/** Runs in the page: adds the cases the reading rules are about. */
function addRuleCases() {
  const add = (parent, tag, attrs = {}, text = null) => {
    const element = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
    if (text !== null) element.append(text);
    parent.append(element);
    return element;
  };
  const box = add(document.body, 'div', { id: 'cases', 'data-x': 'dropped', lang: 'en', 'xml:lang': 'fr', class: 'c' });
  add(box, 'p', { hidden: '' }, 'HIDDEN-ATTR');
  add(box, 'p', { 'aria-hidden': 'true' }, 'HIDDEN-ARIA');
  add(box, 'p', { style: 'display: none' }, 'HIDDEN-INLINE');
  const style = add(document.head, 'style');
  style.textContent = '.gone { visibility: hidden }';
  add(box, 'p', { class: 'gone' }, 'HIDDEN-STYLE');
  add(box, 'glose-summary', {}, 'OWN-ELEMENT');
  add(box, 'button', {}, 'SKIPPED-BUTTON');
  add(box, 'script', { type: 'application/ld+json' }, '{"@type":"NewsArticle"}');
  add(box, 'p', { title: 'tíтle 🦊', 'aria-label': 'x' }, 'emoji 🦊 and "quotes" \\ \u2028 end');
  const host = add(box, 'div', { id: 'host' }, 'LIGHT-CHILD');
  const root = host.attachShadow({ mode: 'open' });
  const inner = document.createElement('p');
  inner.append('SHADOW-TEXT ');
  inner.append(document.createElement('slot'));
  root.append(inner);
  const ns = document.createElementNS('http://www.w3.org/1999/xhtml', 'span');
  ns.setAttributeNS('http://example.org/ns', 'x:role', 'namespaced');
  ns.append('NS');
  box.append(ns);
}

test('page reader: the wire writer and the page-world reader give what the object reader gives', { timeout: 120_000 }, async (t) => {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const check = (result) => {
      // The big-page path's wire text: the core finds in it what it finds in the object snapshot.
      assert.ok(result.wireNodes, 'the wire reader walks the same live nodes');
      assert.equal(findings(result.wire), findings(result.object));
      assert.deepEqual(result.pageWorld, { sameText: true, piecesTakenOnce: true, sameNodes: true, length: true, pastEnd: true, indexOf: true, afterRelease: true });
      for (const [under, over] of result.more) {
        assert.equal(under, true);
        assert.equal(over, false);
      }
    };

    await t.test('on the seed page, in many small pieces', async () => {
      await page.goto(server.url('/article.html'));
      const result = await page.evaluate(readAll, 256);
      check(result);
      assert.ok(result.wirePieces > 20, `wire pieces: ${result.wirePieces}`);
    });

    await t.test('on the reading rules cases', async () => {
      await page.goto(server.url('/article.html'));
      await page.evaluate(addRuleCases);
      const result = await page.evaluate(readAll, 1 << 19);
      check(result);
      const nodes = JSON.parse(result.object).nodes;
      const texts = nodes.filter((n) => n.type === 'text').map((n) => n.text).join('|');
      for (const hidden of ['HIDDEN-ATTR', 'HIDDEN-ARIA', 'HIDDEN-INLINE', 'HIDDEN-STYLE', 'OWN-ELEMENT', 'SKIPPED-BUTTON']) {
        assert.ok(!texts.includes(hidden), `${hidden} is not read`);
      }
      for (const shown of ['SHADOW-TEXT', 'LIGHT-CHILD', 'NewsArticle', 'emoji 🦊 and "quotes" \\ \u2028 end', 'NS']) {
        assert.ok(texts.includes(shown), `${shown} is read`);
      }
      // The shadow root replaces the light children, which come back through the slot.
      assert.ok(texts.indexOf('SHADOW-TEXT') < texts.indexOf('LIGHT-CHILD'));
      const box = nodes.find((n) => n.attrs?.some(([k, v]) => k === 'id' && v === 'cases'));
      assert.deepEqual(box.attrs, [['class', 'c'], ['id', 'cases'], ['lang', 'en']], 'kept attributes, sorted; xml:lang is not lang');
      const titled = nodes.find((n) => n.attrs?.some(([k]) => k === 'title'));
      assert.deepEqual(titled.attrs, [['aria-label', 'x'], ['title', 'tíтle 🦊']]);
      const namespaced = nodes.find((n) => n.attrs?.some(([, v]) => v === 'namespaced'));
      assert.deepEqual(namespaced.attrs, [['role', 'namespaced']], 'a namespaced attribute is read by its local name');
    });

    await t.test('past the reading limits: the readers stop at the same node and say why', async () => {
      await page.goto(server.url('/article.html'));
      const limits = await page.evaluate(async () => {
        const { LIMITS } = await import('/content/snapshot.js');
        // One text node a unit past the per-node limit, an emoji across the cut.
        const long = document.createElement('p');
        long.append(`${'a'.repeat(LIMITS.textNode - 1)}😀tail`);
        document.body.prepend(long);
        return LIMITS;
      });
      let result = await page.evaluate(readAll, 1 << 20);
      check(result);
      let snapshot = JSON.parse(result.object);
      assert.equal(snapshot.truncated, 'text_node', 'only the long node is cut');
      let cut = snapshot.nodes.find((n) => n.type === 'text' && n.text.startsWith('aaaa'));
      assert.equal(cut.text.length, limits.textNode - 1, 'the long node is cut before the emoji, not inside it');

      // Then more elements than the node limit: the page is past it before it is read, and only
      // the part analysed of such a page is walked; it ends inside the long node (its text limit).
      await page.evaluate((count) => {
        const filler = document.createElement('div');
        for (let i = 0; i < count; i += 1) filler.append(document.createElement('i'));
        document.body.append(filler);
      }, limits.nodes);
      result = await page.evaluate(readAll, 1 << 20);
      check(result);
      snapshot = JSON.parse(result.object);
      assert.equal(result.wireWalked, snapshot.nodes.length, 'the wire reader walked only the part analysed');
      assert.equal(snapshot.truncated, 'text', 'the text limit of the part outranks the node limit');
      const units = snapshot.nodes.filter((n) => n.type === 'text').reduce((sum, n) => sum + n.text.length, 0);
      assert.equal(units, limits.pastText, 'the part analysed holds PAST_LIMIT_TEXT_UNITS units of text');
      cut = snapshot.nodes.at(-1);
      assert.ok(cut.type === 'text' && cut.text.startsWith('aaaa') && cut.text.length < limits.textNode - 1, 'it ends inside the long node');
    });

    await t.test('past the node limit with fewer elements: the part is the same as the page read whole', async () => {
      await page.goto(server.url('/article.html'));
      // More nodes than the limit (each <i> holds a text), fewer elements: known past only at the limit.
      const limits = await page.evaluate(async () => {
        const { LIMITS } = await import('/content/snapshot.js');
        const filler = document.createElement('div');
        for (let i = 0; i < LIMITS.nodes / 2 + 10; i += 1) {
          const item = document.createElement('i');
          item.append('x');
          filler.append(item);
        }
        document.body.append(filler);
        return LIMITS;
      });
      const result = await page.evaluate(readAll, 1 << 16);
      check(result);
      const snapshot = JSON.parse(result.object);
      assert.equal(snapshot.truncated, 'nodes');
      assert.equal(snapshot.nodes.length, limits.pastNodes, 'the part analysed is the first PAST_LIMIT_NODES nodes');
      // The wire reader walked on to the limit before it knew the page was past it; the core cut
      // the part (the findings above are the object snapshot's).
      assert.equal(result.wireWalked, limits.nodes, 'the wire text holds the page up to MAX_NODES');
    });
    await t.test('on a page past a limit, the "show comments" search covers the part analysed only', async () => {
      await page.goto(server.url('/article.html'));
      const found = await page.evaluate(async () => {
        const { findMoreCommentsButton } = await import('/content/more-comments.js');
        const before = document.createElement('p');
        before.append('the part analysed ends here');
        document.body.append(before);
        const button = document.createElement('button');
        button.append('Show comments');
        document.body.append(button);
        const label = (until) => findMoreCommentsButton(document, { until })?.label ?? null;
        return {
          whole: label(null),
          partBefore: label(before.firstChild),
          partAfter: label(button.firstChild),
          last: label(document.body.lastChild),
        };
      });
      assert.deepEqual(found, { whole: 'Show comments', partBefore: null, partAfter: 'Show comments', last: 'Show comments' });
    });
    await t.test('the "show comments" search takes buttons and same-page links, not links to other pages', async () => {
      await page.goto(server.url('/article.html'));
      const found = await page.evaluate(async () => {
        const { findMoreCommentsButton } = await import('/content/more-comments.js');
        const first = (html) => {
          document.querySelectorAll('.probe').forEach((e) => e.remove());
          const box = document.createElement('div');
          box.className = 'probe';
          // Test markup of our own, not page text.
          box.innerHTML = html;
          document.body.append(box);
          return findMoreCommentsButton(document)?.label ?? null;
        };
        return [
          first('<a href="/elsewhere">Show comments</a>'),
          first('<a href="/elsewhere">Show comments</a><a href="#comments">Load more comments</a>'),
          first('<a href="/x" role="button">View comments</a>'),
          first('<a href="JavaScript:void(0)">See all comments</a>'),
          first('<a>Read comments</a><a href="">Show replies</a>'),
          first('<span role="button">Afficher les commentaires</span>'),
          first('<input type="button" value="Kommentare anzeigen">'),
          first('<details><summary>Show 12 comments</summary></details>'),
          first('<a href="#reply">Reply</a>'),
        ];
      });
      assert.deepEqual(found, [null, 'Load more comments', 'View comments', 'See all comments', 'Read comments', 'Afficher les commentaires',
        'Kommentare anzeigen', 'Show 12 comments', null]);
    });
  } finally {
    await browser.close();
    await server.close();
  }
});
