// The in-browser benchmark's local server (127.0.0.1, GET only): the harness page, the wasm core
// (target/pkg), Readability.js (node_modules/@mozilla/readability) and the corpus pages.
//
// Every response is cross-origin isolated (COOP + COEP) so `performance.now()` has its fine
// resolution (5 µs in Chromium, 20 µs in Firefox instead of 100 µs / 1 ms). Corpus pages are
// served with a CSP that forbids every script and every fetch beyond this server: the page's own
// scripts never run and nothing waits on the network.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8',
};
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
/** Corpus pages: no script at all, and no request leaves the server. */
const PAGE_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'";

/** The file under `dir` that `rest` names, or null when it would leave `dir`. */
function inside(dir, rest) {
  const file = normalize(join(dir, rest));
  return file.startsWith(normalize(dir) + sep) ? file : null;
}

/**
 * Starts the server on a free port: `{url(path), close()}`, serving the harness and the pages
 * (`corpus` is the folder of `<name>/source.html` pages, `generated` the folder of generated pages,
 * `pkg` the wasm-bindgen output, target/pkg by default; `pkgB` a second one at /pkgb/ for A/B runs;
 * `extraMounts` more `[prefix, dir]` pairs, matched first).
 */
export async function startBenchServer({ root, corpus, generated, pkg, pkgB, extraMounts = [] }) {
  const mounts = [
    ...extraMounts,
    ['/generated/', generated],
    ['/extension/', join(root, 'extension', 'src')],
    ['/pkg/', pkg ?? join(root, 'target', 'pkg')],
    ['/pkgb/', pkgB ?? pkg ?? join(root, 'target', 'pkg')],
    ['/readability/', join(root, 'node_modules', '@mozilla', 'readability')],
    ['/corpus/', corpus],
    ['/', join(root, 'scripts', 'bench', 'www')],
  ];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = inside(dir, path.slice(prefix.length) || 'harness.html');
      if (!file) break;
      try {
        const body = await readFile(file);
        const headers = { ...ISOLATED, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
        if (prefix === '/corpus/' || prefix === '/generated/') headers['Content-Security-Policy'] = PAGE_CSP;
        res.writeHead(200, headers);
        res.end(body);
      } catch {
        res.writeHead(404, ISOLATED);
        res.end();
      }
      return;
    }
    res.writeHead(404, ISOLATED);
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
