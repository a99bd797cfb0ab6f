// Writes the manifest for one browser: extension/manifest.json plus that browser's keys from
// extension/browsers.json, minus the keys it lists under "remove" (dotted paths).
// Usage: node extension/build/manifest.mjs chrome|firefox OUT.json
import { readFileSync, writeFileSync } from 'node:fs';

const [browser, out] = process.argv.slice(2);
const base = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
const extra = JSON.parse(readFileSync(new URL('../browsers.json', import.meta.url), 'utf8'))[browser];
if (!extra || !out) {
  console.error('usage: manifest.mjs chrome|firefox OUT.json');
  process.exit(2);
}

/** Adds `extra` into `target`: arrays are concatenated (without duplicates), objects merged. */
function merge(target, extra) {
  for (const [key, value] of Object.entries(extra)) {
    if (Array.isArray(value) && Array.isArray(target[key])) target[key] = [...new Set([...target[key], ...value])];
    else if (value && typeof value === 'object' && !Array.isArray(value) && typeof target[key] === 'object') merge(target[key], value);
    else target[key] = value;
  }
  return target;
}

const { remove = [], ...keys } = extra;
const manifest = merge(base, keys);
for (const path of remove) {
  const parts = path.split('.');
  const parent = parts.slice(0, -1).reduce((o, k) => o?.[k], manifest);
  if (parent) delete parent[parts.at(-1)];
}
writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
