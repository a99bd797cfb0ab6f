#!/usr/bin/env node
// The first walk of a freshly loaded page, two walkers A/B (src/read_dom/walk.js versions), in
// headless Chromium: walk.mjs times warm walks (the same document walked again and again); the
// extension walks a page once, just after it loaded (its style maybe not yet computed, no DOM
// wrappers yet). Each round loads the page anew for A and anew for B (order alternating), times
// that one walk, and compares the two outputs. Prints medians over `--rounds` by page and the
// B/A ratios' median and geometric mean.
//   node scripts/bench/walk-cold.mjs WALK_A.js WALK_B.js [--only 001,002] [--extra seed] [--rounds 5] [--cdn] [--profile]
// --profile: then a CDP CPU profile of B's first walks of every page (`--rounds` each), self ms by function over all pages.
import { parseArgs } from 'node:util';
import { benchPages, geomean, machineLoad, median } from './pages.mjs';
import { openWalkBench } from './walk-harness.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' }, rounds: { type: 'string', default: '5' }, extra: { type: 'string', default: 'seed,comments-10000' },
    cdn: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
if (positionals.length !== 2) {
  console.error('usage: node scripts/bench/walk-cold.mjs WALK_A.js WALK_B.js [--only …] [--extra …] [--rounds N] [--cdn]');
  process.exit(2);
}
const pages = benchPages(args);
const { server, browser, page } = await openWalkBench(positionals[0], positionals[1], { cdn: args.cdn });

// The page side: loads `path` in the frame and times walker `which`'s first walk of it.
// With `later`, only loads the page and leaves the walk to `window.walkCold()`.
const FIRST_WALK = async ([path, which, later = false]) => {
  const { snapshot_rules: snapshotRules } = await import('/pkg/glose.js');
  const rules = JSON.parse(snapshotRules());
  const m = await import(which === 'a' ? '/walks/a.js' : '/walks/b.js');
  const frame = document.getElementById('page');
  const doc = await new Promise((done, fail) => {
    frame.onload = () => done(frame.contentDocument);
    frame.onerror = fail;
    frame.src = `${path}?${which}${Math.random()}`;
  });
  const walk = () => m.glose_walk_dom(doc, rules.kept.join(','), rules.skipped.join(','), rules.unchecked.join(','),
    rules.prefix, true, rules.limits.nodes, rules.limits.text_node, rules.limits.text);
  if (later) {
    window.walkCold = () => { walk(); };
    return null;
  }
  const start = performance.now();
  const out = m.glose_walk_dom(doc, rules.kept.join(','), rules.skipped.join(','), rules.unchecked.join(','),
    rules.prefix, true, rules.limits.nodes, rules.limits.text_node, rules.limits.text);
  const ms = performance.now() - start;
  // What the comparison needs, small enough to send back.
  let hash = 0;
  for (const v of out.ops) hash = (Math.imul(hash, 31) + v) | 0;
  for (let i = 0; i < out.text.length; i += 1) hash = (Math.imul(hash, 31) + out.text.charCodeAt(i)) | 0;
  return { ms, nodes: out.live.length, hash, truncated: out.truncated, checks: out.styleChecks };
};

console.log(`A = ${positionals[0]}\nB = ${positionals[1]}${args.cdn ? ' (--cdn)' : ''}\n# chromium, first walks, before: ${machineLoad()}`);
console.log('page'.padEnd(34) + 'nodes'.padStart(8) + 'A ms'.padStart(9) + 'B ms'.padStart(9) + 'B/A'.padStart(7) + 'checks'.padStart(8) + '  same');
// Both modules loaded and their code warm before anything is timed: only the page is cold.
for (let i = 0; i < 3; i += 1) for (const which of ['a', 'b']) await page.evaluate(`(${FIRST_WALK})(${JSON.stringify([pages[0][1], which])})`);
const ratios = [];
let total = [0, 0];
for (const [name, path] of pages) {
  const a = [];
  const b = [];
  let same = true;
  let last = null;
  for (let r = 0; r < Number(args.rounds); r += 1) {
    for (const which of r % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
      const out = await page.evaluate(`(${FIRST_WALK})(${JSON.stringify([path, which])})`);
      (which === 'a' ? a : b).push(out.ms);
      const key = `${out.nodes}/${out.hash}/${out.truncated}`;
      if (last !== null && key !== last.key) same = false;
      last = { key, nodes: out.nodes, checks: out.checks };
    }
  }
  const ma = median(a);
  const mb = median(b);
  total = [total[0] + ma, total[1] + mb];
  if (!name.startsWith('generated/')) ratios.push(mb / ma);
  console.log(name.padEnd(34) + String(last.nodes).padStart(8) + ma.toFixed(2).padStart(9) + mb.toFixed(2).padStart(9)
    + (mb / ma).toFixed(3).padStart(7) + String(last.checks).padStart(8) + `  ${same ? 'yes' : 'NO'}`);
}
if (ratios.length) console.log(`# B/A over ${ratios.length} corpus pages: median ${median(ratios).toFixed(3)}, geometric mean ${geomean(ratios).toFixed(3)}; sum of medians A ${total[0].toFixed(1)} ms, B ${total[1].toFixed(1)} ms`);
console.log(`# after: ${machineLoad()}`);
if (args.profile) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const self = new Map();
  for (const [, path] of pages) {
    for (let r = 0; r < Number(args.rounds); r += 1) {
      // The load outside the profile: only the walk is sampled.
      await page.evaluate(`(${FIRST_WALK})(${JSON.stringify([path, 'b', true])})`);
      await cdp.send('Profiler.start');
      await page.evaluate(() => window.walkCold());
      const { profile } = await cdp.send('Profiler.stop');
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const f = byId.get(id).callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000);
      });
    }
  }
  console.log(`\n-- B's first walks, all pages, ${args.rounds} each: self ms --`);
  for (const [k, v] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(9), k);
}
await browser.close();
await server.close();
