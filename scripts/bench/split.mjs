// Where Glose's time goes, phase by phase, timed directly (the CPU profiler overstates small
// boundary-heavy calls): a wasm build with the `bench-phases` feature marks each phase of
// `analyze_live_document_slim` (src/phases.rs); per page the median of each phase over the runs,
// next to Readability.js's parse(). Then each phase's share at the median page and over the pages
// of the ratio's tail.
//   OPT=s FEATURES=bench-phases CARGO_TARGET_DIR=target/wasm-phases bash scripts/bench/build-pkg.sh target/bench/pkg-phases
//   node scripts/bench/split.mjs target/bench/pkg-phases [--only a,b] [--extra seed,comments-10000] [--runs 7] [--warmup 2] [--tail 1.3] [--min]
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchServer } from './server.mjs';
import { benchPages, CORPUS, GENERATED as generated, machineLoad, median, ROOT } from './pages.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' }, runs: { type: 'string', default: '7' }, warmup: { type: 'string', default: '2' },
    extra: { type: 'string', default: '' }, tail: { type: 'string', default: '1.3' }, min: { type: 'boolean', default: false },
  },
});
const pkg = resolve(positionals[0] ?? 'target/bench/pkg-phases');
const pages = benchPages(args);
console.log(`# ${pkg}\n# before: ${machineLoad()}`);
const server = await startBenchServer({ root: ROOT, corpus: CORPUS, generated, pkg });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
page.setDefaultTimeout(600_000);
await page.goto(server.url('/split.html'));
await page.waitForFunction(() => window.splitReady === true);

const rows = [];
let phases = null;
for (const [name, path] of pages) {
  const r = await page.evaluate(([p, n, w]) => window.splitPage(p, n, w), [path, Number(args.runs), Number(args.warmup)]);
  phases ??= r.glose[0].map(([k]) => k);
  // --min: each phase's least time over the runs (steadier than the median on a busy machine).
  const pick = args.min ? (xs) => Math.min(...xs) : median;
  const ms = Object.fromEntries(phases.map((k, i) => [k, pick(r.glose.map((run) => run[i][1]))]));
  const row = { name, ms, readability: median(r.readability) };
  row.ratio = ms.total / row.readability;
  rows.push(row);
  if (!process.env.QUIET) console.log(name.padEnd(34) + phases.map((k) => `${k} ${ms[k].toFixed(3)}`).join(' ') + `  R ${row.readability.toFixed(3)} ratio ${row.ratio.toFixed(3)}`);
}
await browser.close();
await server.close();

const corpus = rows.filter((r) => !r.name.startsWith('generated/'));
const show = (label, set) => {
  if (!set.length) return;
  const sum = (k) => set.reduce((s, r) => s + r.ms[k], 0);
  const total = sum('total');
  console.log(`# ${label} (${set.length} pages, Glose ${total.toFixed(1)} ms, Readability ${set.reduce((s, r) => s + r.readability, 0).toFixed(1)} ms): `
    + phases.filter((k) => k !== 'total').map((k) => `${k} ${(100 * sum(k) / total).toFixed(1)}%`).join(', '));
  console.log(`#   median per page: ` + phases.map((k) => `${k} ${median(set.map((r) => r.ms[k])).toFixed(3)}`).join(', '));
};
if (corpus.length) {
  console.log(`# ratio median ${median(corpus.map((r) => r.ratio)).toFixed(3)}`);
  show('all corpus pages', corpus);
  const byRatio = [...corpus].sort((a, b) => a.ratio - b.ratio);
  const mid = byRatio.slice(Math.floor(byRatio.length * 0.4), Math.ceil(byRatio.length * 0.6));
  show('middle fifth by ratio', mid);
  show(`tail, ratio > ${args.tail}`, corpus.filter((r) => r.ratio > Number(args.tail)));
}
for (const r of rows.filter((x) => x.name.startsWith('generated/'))) show(r.name, [r]);
console.log(`# after: ${machineLoad()}`);
