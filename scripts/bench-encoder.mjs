// Times the wasm sentence encoder (target/pkg, from scripts/build-wasm.sh) in Node on the
// 40-sentence article written by `cargo run --release --example bench_encoder`.
//   node scripts/bench-encoder.mjs [RUNS]
// Prints load time and min / median / p90 per article. A benchmark, not a test (see BENCHMARKS.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('..', import.meta.url));
const { initSync, SentenceEncoder } = await import(`${root}target/pkg/glose.js`);
initSync({ module: readFileSync(`${root}target/pkg/glose_bg.wasm`) });
const runs = Number(process.argv[2] ?? 30);
const bytes = readFileSync(`${root}target/encoder/glose-use.bin`);
const sentences = readFileSync(`${root}target/encoder/bench-sentences.json`, 'utf8');
let t = performance.now();
const encoder = new SentenceEncoder(bytes);
const load = performance.now() - t;
encoder.embed(sentences);
const times = [];
for (let i = 0; i < runs; i++) {
  t = performance.now();
  encoder.embed(sentences);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const n = JSON.parse(sentences).length;
console.log(`wasm (node ${process.version}): load ${load.toFixed(0)} ms; ${n} sentences: min ${times[0].toFixed(1)} ms, median ${times[times.length >> 1].toFixed(1)} ms, p90 ${times[Math.min(times.length - 1, Math.floor(times.length * 0.9))].toFixed(1)} ms (${runs} runs)`);
