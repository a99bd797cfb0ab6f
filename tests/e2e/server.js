// A tiny HTTP server for the end-to-end tests: serves the seed page on 127.0.0.1 (a free port
// chosen by the system) at /article.html, the same page with `Content-Security-Policy:
// script-src 'self'` at /strict/article.html (and with `default-src 'self'` at /locked/article.html), and lets a test rewrite the page text for later
// requests (to check that notes survive an edit of the page). /draw/* serves the drawing modules
// to a plain page, as the playground does; /content/snapshot.js the page reader (and its slices.js, walk.js, snapshot-rules.js; the page-world reader's files);
// /big/article.html a generated page with hundreds of comments; /huge/*.html the pages past the
// reading limits (HUGE_PAGES); /slow/article.html the seed page after a delay; /cases/<name>.html
// the page cases of page-cases.js; /frames/*.html the pages with comment widgets in frames of a
// second origin (frames.js).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { commentsPage } from '../../scripts/bench/comments-page.mjs';

/** How long /slow/article.html takes to answer, ms. */
export const SLOW_MS = 3000;

/** Comments on the generated big page (/big/article.html): past the sliced reader's threshold. */
export const BIG_PAGE_COMMENTS = 400;
let bigPage = null;

/**
 * The pages past the reading limits (crates/glose-read/src/snapshot/limits.rs), /huge/<name>.html (and
 * /strict/huge/<name>.html with the strict CSP): the three, an article first in each.
 */
export const HUGE_PAGES = {
  elements: { about: '1,000,000 elements', limit: 'nodes' },
  text: { about: '50 MB of text in 1 KB paragraphs', limit: 'text' },
  'text-node': { about: 'one 10 MB text node', limit: 'text_node' },
};
const hugePages = new Map();

/**
 * A huge page: an article, then the filler. The filler is `content-visibility: auto` (laid out
 * only when scrolled to): laying out a million inline elements or 50 MB of text took the browser
 * itself over 30 s here before Glose ran at all, and the tests time Glose, not the page's load.
 */
function hugePage(name) {
  const article = '<article><h1>Minutes of the hearing</h1>'
    + '<p>The hearing opened at nine in the morning. Frankly, this was a disgraceful way to run a city.</p>'
    + '<p>The council voted on the bridge budget after two hours of debate.</p>';
  const start = `<!DOCTYPE html><html lang="en"><head><title>Huge page: ${name}</title></head><body>`;
  if (name === 'elements') return `${start}${article}</article><div id="filler" style="content-visibility: auto">${'<i>x</i>'.repeat(1_000_000)}</div></body></html>`;
  if (name === 'text') {
    const paragraph = `<p>${'The committee heard from residents about the river crossing. '.repeat(16)}</p>`;
    return `${start}${article}</article><section style="content-visibility: auto">${paragraph.repeat(Math.ceil(50_000_000 / paragraph.length))}</section></body></html>`;
  }
  const clause = 'the committee heard from residents about the river crossing, ';
  const text = `Then ${clause.repeat(Math.ceil(10_000_000 / clause.length))}and it adjourned.`;
  return `${start}${article}<p>${text}</p><p>The hearing closed at noon.</p></article></body></html>`;
}

const SEED = new URL('../pages/clubic-jedi/page.html', import.meta.url);
/** The comment-widget pages (frames.js): the host pages and the widgets' own documents. */
const FRAMES = new URL('./frames/', import.meta.url);
const WIDGET_PAGES = {
  disqus: new URL('../pages/widget-disqus-frame/page.html', import.meta.url),
  coral: new URL('../pages/widget-coral-frame/page.html', import.meta.url),
};
/** How long the hanging widget frame blocks its own thread once told to (frames.js), ms. */
export const HANG_MS = 6000;

/**
 * The widgets' origin: a second server on another port (cross-origin frames). /widgets/disqus.html
 * and /widgets/coral.html are the widget documents of tests/pages/widget-*-frame (Coral's with
 * 3,100 hidden elements more: a big frame, read in slices); /widgets/ad.html
 * an ad; /widgets/hang.html the Disqus widget whose script blocks its thread for HANG_MS when the
 * page posts it 'hang' (its content script cannot answer); /widgets/stall.html a widget whose
 * document never finishes loading (no content script runs there).
 */
function widgetServer() {
  const stalled = new Set();
  return createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    const name = path.match(/^\/widgets\/([a-z]+)\.html$/)?.[1];
    if (name === 'coral') {
      // A big widget document (past SLICED_ABOVE_ELEMENTS, content/analysis.js): its frame is read in
      // slices and analysed by the background, as a long comment thread is. The padding is never shown.
      const padding = `<div style="display:none">${'<i></i>'.repeat(3100)}</div></body>`;
      response.writeHead(200, headers).end(readFileSync(WIDGET_PAGES.coral, 'utf8').replace('</body>', padding));
    } else if (name && Object.hasOwn(WIDGET_PAGES, name)) {
      response.writeHead(200, headers).end(readFileSync(WIDGET_PAGES[name]));
    } else if (name === 'ad') {
      response.writeHead(200, headers).end(readFileSync(new URL('ad.html', FRAMES)));
    } else if (name === 'hang') {
      const hang = `<script>addEventListener('message', (event) => { if (event.data !== 'hang') return; const until = Date.now() + ${HANG_MS}; while (Date.now() < until) {} });</script></body>`;
      response.writeHead(200, headers).end(readFileSync(WIDGET_PAGES.disqus, 'utf8').replace('</body>', hang));
    } else if (name === 'stall') {
      const html = readFileSync(WIDGET_PAGES.disqus, 'utf8');
      response.writeHead(200, headers);
      response.write(html.slice(0, html.indexOf('<footer class="disqus-footer">')));
      stalled.add(response);
      response.on('close', () => stalled.delete(response));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
}
/** The page cases (page-cases.js), at /cases/<name>.html, with the soak run's page CSP. */
const CASES = new URL('./page-cases/', import.meta.url);
const CASE_CSP = "default-src 'none'; script-src 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";
const DRAW = new URL('../../extension/src/draw/', import.meta.url);
const CONTENT = new URL('../../extension/src/content/', import.meta.url);

/**
 * Starts the server (serving `page`, the seed page by default); resolves to
 * `{origin, url(path), setEdit(fn), close()}`.
 */
export async function startServer({ page = SEED } = {}) {
  const original = readFileSync(page, 'utf8');
  let edit = (html) => html;
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (path === '/article.html') {
      response.writeHead(200, headers).end(edit(original));
    } else if (path === '/strict/article.html') {
      response.writeHead(200, { ...headers, 'content-security-policy': "script-src 'self'" }).end(edit(original));
    } else if (path === '/slow/article.html') {
      // The page's start at once (the tab commits to the new page), the rest after SLOW_MS: the
      // side panel must not show the previous page's findings meanwhile.
      const html = edit(original);
      const cut = html.indexOf('<body');
      response.writeHead(200, headers);
      response.write(html.slice(0, cut));
      setTimeout(() => response.end(html.slice(cut)), SLOW_MS);
    } else if (path === '/locked/article.html') {
      // No inline style either: Glose's own styles must still apply.
      response.writeHead(200, { ...headers, 'content-security-policy': "default-src 'self'; img-src *" }).end(edit(original));
    } else if (/^\/draw\/[\w-]+\.(js|css)$/.test(path) && existsSync(new URL(path.slice(6), DRAW))) {
      // The drawing modules, as the playground serves them to a plain page.
      const type = path.endsWith('.js') ? 'text/javascript' : 'text/css';
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(new URL(path.slice(6), DRAW)));
    } else if (/^\/cases\/[\w-]+\.html$/.test(path) && existsSync(new URL(`${path.slice(7, -5)}/page.html`, CASES))) {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store', 'content-security-policy': CASE_CSP })
        .end(readFileSync(new URL(`${path.slice(7, -5)}/page.html`, CASES)));
    } else if (/^\/frames\/(article|button)\.html$/.test(path)) {
      // Comment widgets in frames (frames.js): `?alone` is the same page without its frames.
      const alone = new URL(request.url, 'http://127.0.0.1').searchParams.has('alone');
      let html = readFileSync(new URL(path.slice(8), FRAMES), 'utf8');
      if (alone) html = html.replace(/<!--frames-->[\s\S]*?<!--\/frames-->/g, '');
      // `?widgets-only`: the page has no comment section of its own, only the widgets.
      if (new URL(request.url, 'http://127.0.0.1').searchParams.has('widgets-only')) html = html.replace(/<!--own-->[\s\S]*?<!--\/own-->/g, '');
      html = html.replaceAll('{{WIDGETS}}', widgetOrigin).replaceAll('{{OTHER_SITE}}', otherSiteOrigin);
      response.writeHead(200, headers).end(html);
    } else if (path === '/big/article.html') {
      // A generated news page with BIG_PAGE_COMMENTS comments (over 5,000 elements).
      bigPage ??= commentsPage(BIG_PAGE_COMMENTS);
      response.writeHead(200, headers).end(bigPage);
    } else if (/^(\/strict)?\/huge\/[\w-]+\.html$/.test(path) && Object.hasOwn(HUGE_PAGES, path.replace(/^.*\/|\.html$/g, ''))) {
      const name = path.replace(/^.*\/|\.html$/g, '');
      if (!hugePages.has(name)) hugePages.set(name, hugePage(name));
      const strict = path.startsWith('/strict/') ? { 'content-security-policy': "script-src 'self'" } : {};
      response.writeHead(200, { ...headers, ...strict }).end(hugePages.get(name));
    } else if (['/content/snapshot.js', '/content/slices.js', '/content/walk.js', '/content/snapshot-rules.js', '/content/more-comments.js', '/content/own-elements.js',
      '/content/main-world.js', '/content/main-world-nodes.js', '/content/main-world-reader.js'].includes(path)) {
      // The page reader (no extension API in it) and the walker and rules it imports (written
      // into extension/src/content/ by scripts/build-extension.sh), the page-world reader (its
      // injected function is built there too) and its node view, and the "show comments" search,
      // for the reader tests in a plain page.
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(new URL(path.slice(9), CONTENT)));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  const widgets = widgetServer();
  await new Promise((resolve) => widgets.listen(0, '127.0.0.1', resolve));
  // The same widget server seen as another site (`localhost`): another process for its frames.
  const widgetOrigin = `http://127.0.0.1:${widgets.address().port}`;
  const otherSiteOrigin = `http://localhost:${widgets.address().port}`;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    widgetOrigin,
    otherSiteOrigin,
    url: (path) => `${origin}${path}`,
    /** Rewrites every later response with `fn(html)`; `null` restores the original page. */
    setEdit(fn) {
      edit = fn ?? ((html) => html);
    },
    close: async () => {
      widgets.closeAllConnections();
      await new Promise((resolve) => widgets.close(resolve));
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
