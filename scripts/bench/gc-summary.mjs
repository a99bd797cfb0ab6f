// Benchmark helper (not a test): what V8's collections did during the toggles of main-thread.mjs
// logs written with GLOSE_GC_ARGS=1 (e.g. the batches of main-thread-soak.sh), run by run.
//   node scripts/bench/gc-summary.mjs target/soak/b*.log
// A run's toggle is the log lines after the previous run's block ("toggle off ...") up to its own
// "run N:" line. Prints, over the reload runs (run 2 and later of a batch: the tab has the previous
// page's garbage) and the fresh-tab runs apart: how many had a major collection in the toggle, the
// major collections' wall-clock times, the old heap size when they started, and the longest task's
// CPU time (main-thread.mjs's figure).
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/bench/gc-summary.mjs LOG...');
  process.exit(2);
}

const runs = [];
for (const file of files) {
  let majors = [];
  let minors = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const major = line.match(/^ {2}MajorGC (\d+) ms (\{.*\})$/);
    if (major) majors.push({ ms: Number(major[1]), before: JSON.parse(major[2]).usedHeapSizeBefore ?? 0 });
    if (/^ {2}MinorGC \d+ ms/.test(line)) minors += 1;
    const run = line.match(/^run (\d+):.*script (\d+) ms, rendering (\d+) ms/);
    if (run) {
      runs.push({ file, run: Number(run[1]), majors, minors, cpu: Math.max(Number(run[2]), Number(run[3])) });
      majors = [];
      minors = 0;
    }
  }
}

const quantiles = (values) => {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5)}, p90 ${at(0.9)}, max ${sorted.at(-1)} (${sorted.length})`;
};

for (const [label, group] of [['fresh tab', runs.filter((r) => r.run === 1)], ['reload', runs.filter((r) => r.run > 1)]]) {
  const majors = group.flatMap((r) => r.majors);
  console.log(`${label}: ${group.length} runs; a major GC over 5 ms in the toggle in ${group.filter((r) => r.majors.length > 0).length}`
    + `; major GCs (wall ms) ${quantiles(majors.map((m) => m.ms))}`
    + `; heap at their start (MB) ${quantiles(majors.map((m) => Math.round(m.before / 1e6)))}`
    + `; minor GCs over 5 ms per toggle ${quantiles(group.map((r) => r.minors))}`
    + `; longest task CPU (ms) ${quantiles(group.map((r) => r.cpu))}; runs over 50 ms: ${group.filter((r) => r.cpu > 50).length}`);
}
