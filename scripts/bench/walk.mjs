#!/usr/bin/env node
// A/B of two versions of the page walker (src/read_dom/walk.js) alone, in headless Chromium or
// Firefox ESR (`--browser firefox`: selenium + geckodriver, no `--profile`): both walk the same
// loaded document, interleaved (medians of `--runs` after `--warmup`), as the wasm reader calls
// them (`glose_walk_dom`, Rust's rule lists and limits), and their outputs are compared (node
// table, ops, strings, limits; any difference is summed up at the end and fails the run). Also
// times B with computed style off (the walk's floor) and prints how many elements each asked the
// browser about.
//   node scripts/bench/walk.mjs WALK_A.js WALK_B.js [--only 001,002] [--extra comments-10000,seed]
//                               [--runs 7] [--warmup 2] [--profile] [--cdn] [--cpu] [--browser chromium|firefox]
// --cpu (Chromium): the times are the renderer main thread's CPU time (CDP `ThreadTime`) over
// enough walks for ~20 ms a sample, not wall time: steadier when other work shares the cores.
// --cdn: every page gets a style sheet the walker cannot use (as when a page's sheets come from a
// CDN: cross-origin, unreadable), so every body element is checked against computed style.
// WALK_A/WALK_B: e.g. `git show main:src/read_dom/walk.js > target/walk-base.js` and src/read_dom/walk.js.
import { parseArgs } from 'node:util';
import { benchPages, geomean, machineLoad, median } from './pages.mjs';
import { openWalkBench, openWalkFirefox } from './walk-harness.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' }, runs: { type: 'string', default: '7' }, warmup: { type: 'string', default: '2' },
    extra: { type: 'string', default: 'seed,comments-10000' },
    // Chromium: after the A/B, a CDP CPU profile of B walking each page `--runs` times (self ms by function:line).
    profile: { type: 'boolean', default: false },
    cdn: { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
    browser: { type: 'string', default: 'chromium' },
  },
});
if (positionals.length !== 2) {
  console.error('usage: node scripts/bench/walk.mjs WALK_A.js WALK_B.js [--only …] [--extra …] [--runs N]');
  process.exit(2);
}
const pages = benchPages(args);
const firefox = args.browser === 'firefox';
if (firefox && (args.profile || args.cpu)) {
  console.error('--profile and --cpu need Chromium (CDP)');
  process.exit(2);
}
// `call(name, ...args)`: the walk page's `window[name](...args)`.
const bench = firefox
  ? await openWalkFirefox(positionals[0], positionals[1], { cdn: args.cdn })
  : await openWalkBench(positionals[0], positionals[1], { cdn: args.cdn, onConsole: (m) => console.log('console:', m.text()) });
const { server, page } = bench;
const call = bench.call ?? ((name, ...a) => page.evaluate(([n, x]) => window[n](...x), [name, a]));
console.log(`A = ${positionals[0]}\nB = ${positionals[1]}${args.cdn ? ' (--cdn: every body element checked)' : ''}\n# ${args.browser}, before: ${machineLoad()}`);
// --cpu: per walk, ms of main-thread CPU time, `runs` samples of each walker (interleaved).
let threadMs = null;
if (args.cpu) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const now = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'ThreadTime').value * 1000;
  threadMs = async (which, style, reps) => {
    const start = await now();
    await call('walkTimes', which, style, reps);
    return ((await now()) - start) / reps;
  };
}
async function cpuTimes(path, wallMs) {
  await call('walkLoad', path);
  const reps = Math.max(1, Math.ceil(20 / Math.max(wallMs, 0.01)));
  const out = { a: [], b: [], bare: [] };
  for (let i = 0; i < Number(args.runs); i += 1) {
    const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const w of order) out[w].push(await threadMs(w, true, reps));
    out.bare.push(await threadMs('b', false, reps));
  }
  return out;
}
console.log(args.cpu ? '# times: main-thread CPU ms per walk' : '# times: wall ms per walk');
console.log('page'.padEnd(34) + 'nodes'.padStart(8) + 'A ms'.padStart(9) + 'B ms'.padStart(9) + 'B/A'.padStart(7)
  + 'B nostyle'.padStart(10) + 'A checks'.padStart(10) + 'B checks'.padStart(10) + '  same');
const ratios = [];
let total = [0, 0];
const different = [];
for (const [name, path] of pages) {
  const r = await call('walkPage', path, Number(args.runs), Number(args.warmup));
  if (args.cpu) Object.assign(r, await cpuTimes(path, median(r.a)));
  const a = median(r.a);
  const b = median(r.b);
  total = [total[0] + a, total[1] + b];
  if (!name.startsWith('generated/')) ratios.push(b / a);
  if (!r.same) different.push(name);
  console.log(name.padEnd(34) + String(r.nodes).padStart(8) + a.toFixed(2).padStart(9) + b.toFixed(2).padStart(9)
    + (b / a).toFixed(3).padStart(7) + median(r.bare).toFixed(2).padStart(10) + String(r.checksA).padStart(10)
    + String(r.checksB).padStart(10) + `  ${r.same ? 'yes' : `NO (${r.why})`}`);
}
if (ratios.length) console.log(`# B/A over ${ratios.length} corpus pages: median ${median(ratios).toFixed(3)}, geometric mean ${geomean(ratios).toFixed(3)}; sum of medians A ${total[0].toFixed(1)} ms, B ${total[1].toFixed(1)} ms`);
console.log(different.length ? `# OUTPUTS DIFFER on ${different.length} pages: ${different.join(' ')}` : `# outputs: the same on all ${pages.length} pages`);
if (different.length) process.exitCode = 1;
console.log(`# after: ${machineLoad()}`);
if (args.profile) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  // Samples by line of B over all pages (line-level self time: positionTicks).
  const lineTicks = new Map();
  for (const [name, path] of pages) {
    await page.evaluate(([p]) => window.walkLoad(p), [path]);
    await cdp.send('Profiler.start');
    await page.evaluate(([n]) => window.walkRepeat(n), [Number(args.runs)]);
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const n of profile.nodes) {
      if (!n.callFrame.url.endsWith('/b.js')) continue;
      for (const { line, ticks } of n.positionTicks ?? []) {
        const key = `${n.callFrame.functionName || '(anon)'} b.js:${line}`;
        lineTicks.set(key, (lineTicks.get(key) ?? 0) + ticks);
      }
    }
    profile.samples.forEach((id, i) => {
      const f = byId.get(id).callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000);
    });
    console.log(`\n-- ${name}: B, ${args.runs} walks, self ms --`);
    for (const [k, v] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(v.toFixed(1).padStart(9), k);
  }
  const all = [...lineTicks.values()].reduce((x, y) => x + y, 0);
  console.log(`\n-- all pages: B's hottest lines (samples, share of B's own samples) --`);
  for (const [k, v] of [...lineTicks].sort((x, y) => y[1] - x[1]).slice(0, 40)) console.log(String(v).padStart(8), `${((100 * v) / all).toFixed(1)}%`.padStart(6), k);
}
await (firefox ? bench.close() : bench.browser.close());
await server.close();
