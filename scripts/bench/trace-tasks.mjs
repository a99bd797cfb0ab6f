// Benchmark tool (not a test): the page thread's tasks over 30 ms in a saved trace (main-thread.mjs with
// GLOSE_TRACE_OUT, or main-thread-soak.sh), each with the events inside it that took over MIN µs (wall and
// the thread's CPU ms, and their arguments: e.g. a major GC's phases and why it started).
//   node scripts/bench/trace-tasks.mjs trace.json [MIN µs=2000]
import { readFileSync } from 'node:fs';
const events = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const timers = new Map();
for (const e of events) if (e.name === 'TimerFire') timers.set(e.tid, (timers.get(e.tid) ?? 0) + 1);
const tid = [...timers].sort((a, b) => b[1] - a[1])[0][0];
const mine = events.filter((e) => e.tid === tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E'));
const t0 = Math.min(...mine.map((e) => e.ts));
for (const task of mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 30000)) {
  console.log(`TASK at ${((task.ts - t0) / 1000).toFixed(0)} wall ${(task.dur / 1000).toFixed(0)} cpu ${((task.tdur ?? 0) / 1000).toFixed(0)}`);
  for (const e of mine) {
    if (e.ph !== 'X' || e === task || e.ts < task.ts || e.ts >= task.ts + task.dur || e.dur < Number(process.argv[3] ?? 2000)) continue;
    const a = e.args?.data ? JSON.stringify(e.args.data).slice(0, 160) : JSON.stringify(e.args ?? {}).slice(0, 120);
    console.log(`  +${((e.ts - task.ts) / 1000).toFixed(1)} ${e.name} ${(e.dur / 1000).toFixed(1)} (cpu ${((e.tdur ?? 0) / 1000).toFixed(1)}) ${a}`);
  }
}
