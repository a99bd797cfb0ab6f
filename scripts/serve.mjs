#!/usr/bin/env node
// Serves the playground on 127.0.0.1 only: www/ at /, the wasm core (target/pkg) at /pkg/, and
// the extension's shared drawing modules and UI strings at /extension/ (the playground imports
// them from there rather than keeping copies). GET and HEAD only; nothing outside those folders.
//
//   node scripts/serve.mjs [--port N]      (or GLOSE_PORT=N; default 8417, 0 = any free port)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MOUNTS = [
  ['/pkg/', join(ROOT, 'target', 'pkg')],
  ['/extension/', join(ROOT, 'extension')],
  ['/', join(ROOT, 'www')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path names, or null when it lies outside the served folders. */
export function fileFor(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  for (const [prefix, dir] of MOUNTS) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
    return file === dir || file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

/** Starts the server; resolves to `{server, origin}`. */
export async function serve(port = 8417) {
  const server = createServer(async (request, response) => {
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end();
      return;
    }
    let file = fileFor(new URL(request.url, 'http://127.0.0.1').pathname);
    try {
      if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = file ? await readFile(file) : null;
      if (!body) throw new Error('not served');
      response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  await new Promise((done, fail) => server.once('error', fail).listen(port, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const port = Number(at > 0 ? process.argv[at + 1] : process.env.GLOSE_PORT ?? 8417);
  const { origin } = await serve(Number.isInteger(port) && port >= 0 ? port : 8417);
  console.log(`Glose playground: ${origin}/  (Ctrl+C to stop)`);
}
