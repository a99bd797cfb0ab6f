#!/usr/bin/env node
// In-browser benchmark (not a test): Glose's whole pipeline in wasm vs Readability.js, side by
// side, on the 130 pages of Readability's own test suite, in headless Chromium and Firefox ESR.
//
//   node scripts/bench-browser.mjs [--browser chromium|firefox|both] [--runs 5] [--warmup 2]
//                                  [--only NAME,NAME] [--out-dir target/bench] [--pkg target/pkg]
//                                  [--extra seed,comments-10000]   (pages timed outside the ratios)
//                                  [--seed-runs 21]   (timed runs of the seed page: its target is an absolute time)
//                                  [--min-ms 20] [--max-runs 21]   (more pairs on quick pages, below)
//                                  [--full]   (time analyze_live_document, the full report, instead)
//
// Needs target/pkg (bash scripts/build-wasm.sh) and npm's @mozilla/readability (npm ci).
// Each page is loaded once in a script-less same-origin frame (scripts/bench/www/harness.html);
// first the first five pages untimed (both engines' code warm), then per page, after `--warmup`
// untimed runs of each, `--runs` interleaved pairs are timed, and more (up to `--max-runs`) until the
// page's timed runs of both together reach `--min-ms` (a page of ten elements takes ~0.3 ms each, and
// the median of five such runs followed single descheduled ones; `--min-ms 0` times `--runs` only):
// (a) `analyze_live_document_slim(frame.contentDocument)`, what the extension calls — live-DOM walk,
//     extraction, sentences, opinion, comment summary, the slim report converted to JS objects
//     (the full report is written only when the side panel or an export asks; `--full` times
//     `analyze_live_document` instead, and builds without the slim entry always use it);
// (b) `new Readability(doc.cloneNode(true)).parse()` — parse() only, the clone is not timed.
// Prints per-page medians and the ratio Glose/Readability, then the median and p90 of the ratios,
// and writes them to `<out-dir>/browser-<browser>.csv`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBenchServer } from './bench/server.mjs';
import { commentsPage } from './bench/comments-page.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CORPUS = resolve(ROOT, '../shared/corpus/readability-test-pages');

const { values: args } = parseArgs({
  options: {
    browser: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '5' },
    // The seed page's target is an absolute time (≤ 2 ms) and a run costs ~3 ms: its median is taken
    // over more runs, so that one descheduled run on a loaded machine does not decide it.
    'seed-runs': { type: 'string', default: '21' },
    warmup: { type: 'string', default: '2' },
    'min-ms': { type: 'string', default: '20' },
    'max-runs': { type: 'string', default: '21' },
    only: { type: 'string' },
    extra: { type: 'string', default: 'seed,comments-10000' },
    pkg: { type: 'string', default: process.env.GLOSE_BENCH_PKG ?? join(ROOT, 'target', 'pkg') },
    corpus: { type: 'string', default: CORPUS },
    'out-dir': { type: 'string', default: join(ROOT, 'target', 'bench') },
    // Time `analyze_live_document` (full report to JS objects) instead of the extension's slim entry.
    full: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(args.runs));
const seedRuns = Math.max(1, Number(args['seed-runs']));
const warmup = Math.max(0, Number(args.warmup));
/** More timed pairs on quick pages: see the file's comment. */
const quick = { minMs: Math.max(0, Number(args['min-ms'])), maxRuns: Math.max(runs, Number(args['max-runs'])) };
/** Pages run untimed before the first timed one (see the loop below). */
const ENGINE_WARMUP_PAGES = 5;

for (const need of [join(args.pkg, 'glose_bg.wasm'), join(ROOT, 'node_modules/@mozilla/readability/Readability.js')]) {
  if (!existsSync(need)) {
    console.error(`bench-browser: missing ${need} (run bash scripts/build-wasm.sh and npm ci)`);
    process.exit(1);
  }
}

const pages = readdirSync(args.corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(args.corpus, d.name, 'source.html')))
  .map((d) => d.name)
  .filter((name) => !args.only || args.only.split(',').includes(name))
  .sort();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The q-quantile (nearest rank). */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const geomean = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/** What else the machine was doing (the benchmark shares 2 cores with other work). */
function machineLoad() {
  let top = '';
  try {
    top = execFileSync('ps', ['-eo', 'pcpu,comm', '--sort=-pcpu', '--no-headers'], { encoding: 'utf8' })
      .split('\n').slice(0, 6).map((l) => l.trim()).filter(Boolean).join('; ');
  } catch { /* no ps */ }
  return `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; top: ${top}`;
}

/** A browser driver: `{open(url), call(fnName, ...args), info(), close()}`. */
async function chromiumDriver() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-extensions'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(600_000);
  return {
    name: 'chromium',
    version: browser.version(),
    open: async (url) => {
      await page.goto(url);
      await page.waitForFunction(() => window.benchReady === true);
    },
    call: (fn, ...a) => page.evaluate(([f, list]) => window[f](...list), [fn, a]),
    close: () => browser.close(),
  };
}

async function firefoxDriver() {
  const { Builder } = await import('selenium-webdriver');
  const firefox = (await import('selenium-webdriver/firefox.js')).default;
  const which = (name) => {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
    } catch {
      return null;
    }
  };
  const options = new firefox.Options()
    .addArguments('-headless')
    .setBinary(process.env.FIREFOX ?? which('firefox-esr') ?? which('firefox'))
    .windowSize({ width: 1280, height: 1000 });
  const geckodriver = process.env.GECKODRIVER ?? which('geckodriver') ?? join(process.env.HOME ?? '', '.cargo/bin/geckodriver');
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(geckodriver)).build();
  await driver.manage().setTimeouts({ script: 600_000, pageLoad: 120_000 });
  const caps = await driver.getCapabilities();
  return {
    name: 'firefox',
    version: caps.get('browserVersion'),
    open: async (url) => {
      await driver.get(url);
      await driver.wait(() => driver.executeScript('return window.benchReady === true'), 60_000);
    },
    call: (fn, ...a) => driver.executeAsyncScript(
      'const done = arguments[arguments.length - 1];'
      + 'Promise.resolve(window[arguments[0]](...arguments[1])).then(done, (e) => done({ error: String(e) }));',
      fn, a),
    close: () => driver.quit(),
  };
}

async function benchIn(makeDriver, server) {
  const driver = await makeDriver();
  const rows = [];
  const extras = [];
  const loadBefore = machineLoad();
  try {
    await driver.open(server.url(args.full ? '/harness.html?full' : '/harness.html'));
    const info = await driver.call('benchInfo');
    console.log(`\n# ${driver.name} ${driver.version} — glose ${info.version} (${info.entry}), crossOriginIsolated=${info.isolated}`);
    console.log(`# ${pages.length} pages, ${warmup} warm-up + ${runs} timed runs each, up to ${quick.maxRuns} until ${quick.minMs} ms (interleaved; the seed page ${seedRuns}), medians in ms`);
    console.log('page'.padEnd(44) + 'elements'.padStart(9) + 'glose'.padStart(10) + 'readab.'.padStart(10) + 'ratio'.padStart(8));
    // Both engines compile their hot code in the background once it has run a while: untimed, the
    // first pages a few times over, so that the first timed page is not measured half-compiled
    // (page 001 came out 5-9x against ~1-2x for the same page later in a run).
    for (const name of pages.slice(0, ENGINE_WARMUP_PAGES)) {
      await driver.call('benchPage', `/corpus/${encodeURIComponent(name)}/source.html`, 0, warmup + 3);
    }
    for (const name of pages) {
      const r = await driver.call('benchPage', `/corpus/${encodeURIComponent(name)}/source.html`, runs, warmup, quick);
      if (r.error) {
        console.log(`${name.padEnd(44)} ERROR ${r.error}`);
        continue;
      }
      const g = median(r.glose);
      const rd = median(r.readability);
      const row = { name, ...r, g, rd, ratio: g / rd };
      rows.push(row);
      console.log(name.padEnd(44) + String(r.elements).padStart(9) + g.toFixed(2).padStart(10)
        + rd.toFixed(2).padStart(10) + row.ratio.toFixed(3).padStart(8));
    }
    console.log('\n# not in the ratios:');
    for (const name of EXTRA_PAGES) {
      const r = await driver.call('benchPage', `/generated/${name}.html`, name === 'seed' ? seedRuns : runs, warmup);
      if (r.error) {
        console.log(`${name} ERROR ${r.error}`);
        continue;
      }
      const row = { name: `generated/${name}`, ...r, g: median(r.glose), rd: median(r.readability) };
      row.ratio = row.g / row.rd;
      extras.push(row);
      console.log(`${row.name.padEnd(44)}${String(r.elements).padStart(9)}${row.g.toFixed(2).padStart(10)}${row.rd.toFixed(2).padStart(10)}`
        + `${row.ratio.toFixed(3).padStart(8)}  (${r.comments} comments, ${r.sentences} sentences; Glose runs ${r.glose.map((x) => x.toFixed(1)).join(' ')})`);
    }
  } finally {
    await driver.close();
  }
  const ratios = rows.map((r) => r.ratio);
  const sumG = rows.reduce((a, r) => a + r.g, 0);
  const sumR = rows.reduce((a, r) => a + r.rd, 0);
  const summary = {
    browser: `${driver.name} ${driver.version}`,
    pages: rows.length,
    medianRatio: median(ratios),
    p90Ratio: quantile(ratios, 0.9),
    geomeanRatio: geomean(ratios),
    totalRatio: sumG / sumR,
    faster: rows.filter((r) => r.ratio < 1).length,
    medianGlose: median(rows.map((r) => r.g)),
    medianReadability: median(rows.map((r) => r.rd)),
    sumGlose: sumG,
    sumReadability: sumR,
    loadBefore,
    loadAfter: machineLoad(),
  };
  console.log(`\n# ${summary.browser}: ratio Glose/Readability over ${summary.pages} pages — median ${summary.medianRatio.toFixed(3)}, `
    + `p90 ${summary.p90Ratio.toFixed(3)}, geometric mean ${summary.geomeanRatio.toFixed(3)}, sum of medians ${summary.totalRatio.toFixed(3)} `
    + `(${sumG.toFixed(0)} ms vs ${sumR.toFixed(0)} ms); Glose faster on ${summary.faster}/${summary.pages}`);
  console.log(`# median page: Glose ${summary.medianGlose.toFixed(2)} ms, Readability ${summary.medianReadability.toFixed(2)} ms`);
  console.log(`# machine (${cpus().length} cores) before: ${summary.loadBefore}`);
  console.log(`# machine after: ${summary.loadAfter}`);

  mkdirSync(args['out-dir'], { recursive: true });
  const csv = join(args['out-dir'], `browser-${driver.name}.csv`);
  const header = 'browser,page,elements,snapshot_nodes,sentences,comments,glose_chars,readability_chars,glose_median_ms,readability_median_ms,ratio,glose_runs_ms,readability_runs_ms';
  const foot = [`# summary,median_ratio=${summary.medianRatio.toFixed(4)},p90_ratio=${summary.p90Ratio.toFixed(4)},`
    + `geomean_ratio=${summary.geomeanRatio.toFixed(4)},sum_ratio=${summary.totalRatio.toFixed(4)},browser=${summary.browser}`];
  const toLine = (r) => [driver.name, r.name, r.elements, r.snapshotNodes, r.sentences, r.comments, r.gloseChars,
    r.readabilityChars, r.g.toFixed(3), r.rd.toFixed(3), r.ratio.toFixed(4),
    r.glose.map((x) => x.toFixed(3)).join(' '), r.readability.map((x) => x.toFixed(3)).join(' ')].join(',');
  const lines = [...rows, ...extras].map(toLine);
  writeFileSync(csv, [header, ...lines, ...foot].join('\n') + '\n');
  console.log(`# wrote ${csv}`);
  return summary;
}

const generated = join(args['out-dir'], 'pages');
mkdirSync(generated, { recursive: true });
/** Timed after the corpus, outside the ratios: the seed page and 10,000 comments. */
const EXTRA_PAGES = args.extra.split(',').filter((x) => ['seed', 'comments-10000'].includes(x));
writeFileSync(join(generated, 'comments-10000.html'), commentsPage(10000));
copyFileSync(join(ROOT, 'tests', 'pages', 'clubic-jedi', 'page.html'), join(generated, 'seed.html'));
// A copy of the wasm build: a rebuild of target/pkg during the run does not change what is measured.
const pkg = join(args['out-dir'], 'pkg');
mkdirSync(pkg, { recursive: true });
for (const f of ['glose.js', 'glose_bg.wasm']) copyFileSync(join(args.pkg, f), join(pkg, f));
// The JavaScript helpers the wasm imports (src/read_dom/walk.js).
rmSync(join(pkg, 'snippets'), { recursive: true, force: true });
if (existsSync(join(args.pkg, 'snippets'))) cpSync(join(args.pkg, 'snippets'), join(pkg, 'snippets'), { recursive: true });
const server = await startBenchServer({ root: ROOT, corpus: args.corpus, generated, pkg });
try {
  const which = args.browser === 'both' ? ['chromium', 'firefox'] : [args.browser];
  for (const b of which) {
    await benchIn(b === 'firefox' ? firefoxDriver : chromiumDriver, server);
  }
} finally {
  await server.close();
}
