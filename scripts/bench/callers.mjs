#!/usr/bin/env node
// Who calls a function in a saved CPU profile (scripts/bench/profile.mjs with GLOSE_PROFILE_OUT):
// total ms of every function whose name contains PATTERN, split by its caller chain (depth frames).
//   node scripts/bench/callers.mjs target/bench/10k.cpuprofile 'from_iter' [depth=4]
import { readFileSync } from 'node:fs';

const [file, pattern, depthArg] = process.argv.slice(2);
const depth = Number(depthArg ?? 4);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => (n.callFrame.functionName || '(anon)').replace(/::h[0-9a-f]{16}$/, '');
const chains = new Map();
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    if (!name(byId.get(cur)).includes(pattern)) continue;
    const chain = [];
    for (let up = cur; up !== undefined && chain.length <= depth; up = parent.get(up)) chain.push(name(byId.get(up)));
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + ms);
    break;
  }
});
for (const [k, ms] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(ms.toFixed(1).padStart(9), k);
