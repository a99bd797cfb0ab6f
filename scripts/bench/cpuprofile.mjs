// Sums a CDP CPU profile (Profiler.stop's `profile`) by function: self and total ms per
// "functionName file", for the benchmark scripts' profiles.

/** `{self, total}`: Maps from "name file" to ms. */
export function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
  profile.samples.forEach((id, i) => {
    const ms = (dt[i + 1] ?? dt[i]) / 1000;
    const leaf = byId.get(id);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = name(byId.get(cur));
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return { self, total };
}

/** Prints the `k` largest entries of a Map of ms. */
export function printTop(title, map, k) {
  console.log(`\n-- ${title} --`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, k)) console.log(ms.toFixed(1).padStart(9), key);
}
