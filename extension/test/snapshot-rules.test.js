// The JavaScript snapshot reader (strict-CSP fallback) must follow the Rust readers' rules exactly,
// or the fallback report would differ from the wasm one. This reads the lists from the Rust source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { KEPT_ATTRIBUTES, SKIPPED_ELEMENTS, NEVER_STYLE_CHECKED, hiddenByMarkup, skipsElement } from '../src/content/snapshot.js';

const root = new URL('../../', import.meta.url);
function rustList(file, name) {
  const source = readFileSync(new URL(file, root), 'utf8');
  const match = source.match(new RegExp(`const ${name}: &\\[&str\\] = &\\[([^\\]]*)\\]`));
  assert.ok(match, `${name} not found in ${file}`);
  return [...match[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

test('kept attributes match src/snapshot/mod.rs', () => {
  assert.deepEqual(KEPT_ATTRIBUTES, rustList('src/snapshot/mod.rs', 'KEPT_ATTRIBUTES'));
});

test('skipped elements match src/snapshot/mod.rs', () => {
  assert.deepEqual(SKIPPED_ELEMENTS, rustList('src/snapshot/mod.rs', 'SKIPPED_ELEMENTS'));
});

test('elements never style-checked match src/read_dom.rs', () => {
  assert.deepEqual(NEVER_STYLE_CHECKED, rustList('src/read_dom.rs', 'NEVER_STYLE_CHECKED'));
});

test('markup visibility rules', () => {
  const attrs = (o) => (n) => o[n];
  assert.ok(hiddenByMarkup('p', attrs({ hidden: '' })));
  assert.ok(hiddenByMarkup('p', attrs({ 'aria-hidden': ' TRUE ' })));
  assert.ok(hiddenByMarkup('p', attrs({ style: 'color:red; display : none' })));
  assert.ok(hiddenByMarkup('input', attrs({ type: 'Hidden' })));
  assert.ok(!hiddenByMarkup('p', attrs({ 'aria-hidden': 'false', style: 'display:block' })));
  assert.ok(skipsElement('script', attrs({})));
  assert.ok(!skipsElement('script', attrs({ type: ' application/ld+json' })));
  assert.ok(skipsElement('button', attrs({})));
});
