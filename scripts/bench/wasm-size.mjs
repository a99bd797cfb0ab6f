#!/usr/bin/env node
// What costs the bytes of a wasm module: section sizes, then function body bytes grouped by the
// crate / Rust module path of each function (from the name section), and the largest functions.
// Needs a module that still has its name section, e.g. wasm-bindgen's output without
// --remove-name-section (see scripts/bench/profile.mjs). wasm-opt shrinks every function; the
// shares are what to look at. Works on the shipped module too (sections only, no names).
//   node scripts/bench/wasm-size.mjs target/bench/pkg-prof/glose_bg.wasm [depth=3] [top=25]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [file, depthArg, topArg] = process.argv.slice(2);
const depth = Number(depthArg ?? 3);
const topN = Number(topArg ?? 25);
const bytes = readFileSync(file);
let pos = 8;

function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return result;
  }
}
function name() {
  const len = leb();
  const s = bytes.toString('utf8', pos, pos + len);
  pos += len;
  return s;
}

const sections = [];
let importedFuncs = 0;
const bodies = [];
const names = new Map();
const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos;
  const end = pos + size;
  let label = SECTION[id] ?? `id${id}`;
  if (id === 0) label = `custom:${name()}`;
  sections.push([label, size, gzipSync(bytes.subarray(start, end), { level: 9 }).length]);
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i += 1) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) { leb(); importedFuncs += 1; } else if (kind === 1) { pos += 1; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { pos += 2; } else { leb(); }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i += 1) {
      const len = leb();
      bodies.push(len);
      pos += len;
    }
  } else if (label === 'custom:name') {
    while (pos < end) {
      const sub = bytes[pos++];
      const len = leb();
      const subEnd = pos + len;
      if (sub === 1) {
        const n = leb();
        for (let i = 0; i < n; i += 1) {
          const idx = leb();
          names.set(idx, name());
        }
      }
      pos = subEnd;
    }
  }
  pos = end;
  void start;
}

console.log(`${file}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped (zlib 9); by section, raw and gzipped alone:`);
for (const [label, size, gz] of sections.sort((a, b) => b[1] - a[1])) console.log(`${String(size).padStart(10)} ${String(gz).padStart(9)}  ${label}`);

/** The module path of a (demangled, legacy or v0) Rust symbol, cut to `depth` segments. */
function group(sym) {
  if (!sym) return '(no name)';
  let s = sym.replace(/\[[0-9a-f]+\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
  if (s.startsWith('<')) {
    // `<A as B>::f`: attribute to the implementing type A.
    let d = 0;
    let i = 1;
    for (; i < s.length; i += 1) {
      if (s[i] === '<') d += 1;
      else if (s[i] === '>') { if (d === 0) break; d -= 1; }
      else if (d === 0 && s.startsWith(' as ', i)) break;
    }
    s = s.slice(1, i).replace(/^&(mut )?/, '');
  }
  s = s.replace(/<.*$/, '');
  return s.split('::').slice(0, depth).join('::');
}
const byGroup = new Map();
const total = bodies.reduce((a, b) => a + b, 0);
const fns = bodies.map((size, i) => [names.get(importedFuncs + i), size]);
for (const [sym, size] of fns) byGroup.set(group(sym), (byGroup.get(group(sym)) ?? 0) + size);
console.log(`\ncode: ${bodies.length} functions, ${total} bytes; by module (depth ${depth}):`);
for (const [g, size] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, topN)) {
  console.log(`${String(size).padStart(10)} ${(100 * size / total).toFixed(1).padStart(5)} %  ${g}`);
}
console.log('\nlargest functions:');
for (const [sym, size] of fns.sort((a, b) => b[1] - a[1]).slice(0, topN)) console.log(`${String(size).padStart(10)}  ${sym}`);
