// What the in-page A/B benchmarks share (ab.mjs, walk.mjs): the page list (Readability's test
// pages plus generated ones), their medians, and the machine's load printed beside each run.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commentsPage } from './comments-page.mjs';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Readability's test pages (each a folder with source.html). */
export const CORPUS = resolve(ROOT, '../shared/corpus/readability-test-pages');
/** Where generated pages are written and served from (`/generated/`). */
export const GENERATED = join(ROOT, 'target', 'bench', 'pages');

/**
 * Writes the generated pages (`seed` = the bundled sample page, `comments-N` = N comments) and
 * returns `[name, path]` of the corpus pages named in `only` (comma list; all when empty) and
 * then of the `extra` ones (comma list).
 */
export function benchPages({ only = '', extra = '' } = {}) {
  mkdirSync(GENERATED, { recursive: true });
  const extras = extra.split(',').filter(Boolean);
  for (const n of extras) {
    const m = /^comments-(\d+)$/.exec(n);
    if (m) writeFileSync(join(GENERATED, `${n}.html`), commentsPage(Number(m[1])));
  }
  copyFileSync(join(ROOT, 'tests', 'pages', 'clubic-jedi', 'page.html'), join(GENERATED, 'seed.html'));
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS, d.name, 'source.html')))
    .map((d) => d.name).filter((n) => !only || only.split(',').includes(n)).sort()
    .map((n) => [n, `/corpus/${encodeURIComponent(n)}/source.html`])
    .concat(extras.map((n) => [`generated/${n}`, `/generated/${n}.html`]));
}

/** The median of a non-empty list. */
export const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
/** The geometric mean of a non-empty list of positive numbers. */
export const geomean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

/** The load average, the core count and the busiest processes, to print with every timing. */
export function machineLoad() {
  let top = '';
  try {
    top = execFileSync('ps', ['-eo', 'pcpu,comm', '--sort=-pcpu', '--no-headers'], { encoding: 'utf8' })
      .split('\n').slice(0, 5).map((l) => l.trim()).filter(Boolean).join('; ');
  } catch { /* no ps */ }
  return `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores); top: ${top}`;
}
