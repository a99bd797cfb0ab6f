// Checks over the extension's own sources: UI strings exist in both languages, page text is never
// parsed as markup, and the drawing modules stay free of extension APIs (the playground reuses them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const extension = new URL('../', import.meta.url).pathname;
const sources = (dir) => readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /\.(js|html)$/.test(e.name))
  .map((e) => join(e.parentPath ?? e.path, e.name));
const locale = (lang) => JSON.parse(readFileSync(join(extension, `_locales/${lang}/messages.json`), 'utf8'));

test('English and French have the same UI strings and placeholders', () => {
  const en = locale('en');
  const fr = locale('fr');
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.deepEqual(Object.keys(fr[key].placeholders ?? {}), Object.keys(en[key].placeholders ?? {}), key);
  }
});

test('every string the code asks for exists', () => {
  const en = locale('en');
  const manifest = readFileSync(join(extension, 'manifest.json'), 'utf8') + readFileSync(join(extension, 'browsers.json'), 'utf8');
  const used = new Set([...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]));
  for (const file of sources(join(extension, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('(\w+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/data-i18n="(\w+)"/g)) used.add(m[1]);
    for (const m of text.matchAll(/legend: '(\w+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 30);
  assert.deepEqual([...used].filter((key) => !en[key]), []);
});

test('no innerHTML, outerHTML, insertAdjacentHTML or document.write anywhere in the shell', () => {
  for (const file of sources(join(extension, 'src'))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(/, file);
  }
});

test('drawing modules use no extension API', () => {
  for (const file of sources(join(extension, 'src/draw'))) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /\b(chrome|browser)\.\w|platform\.js/, file);
  }
});
