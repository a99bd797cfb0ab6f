import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cueKindLabel } from '../src/draw/summary-words.js';

const root = new URL('../', import.meta.url);
const messages = (lang) => JSON.parse(readFileSync(new URL(`_locales/${lang}/messages.json`, root), 'utf8'));

/** Every cue kind the core writes (`CueKind::as_str` in src/opinion/cues.rs, plus the reasons of `src/opinion/mod.rs`). */
function coreCueKinds() {
  const cues = readFileSync(new URL('../src/opinion/cues.rs', root), 'utf8');
  const kinds = [...cues.matchAll(/CueKind::\w+ => "(\w+)"/g)].map((m) => m[1]);
  return [...new Set([...kinds, 'wording', 'reporting', 'quote'])];
}

test('every cue kind the core writes has a label in each UI language', () => {
  const kinds = coreCueKinds();
  assert.ok(kinds.length >= 15, `found ${kinds.length} kinds`);
  for (const lang of ['en', 'fr']) {
    const m = messages(lang);
    const t = (key) => m[key]?.message ?? key;
    for (const kind of kinds) {
      assert.ok(m[`cue_${kind}`]?.message, `${lang}: cue kind ${kind} has no label`);
      const label = cueKindLabel(t, kind);
      assert.equal(label, m[`cue_${kind}`].message);
      assert.ok(!label.includes('_'), `${lang}: ${kind} → ${label}`);
    }
  }
});

test('a kind without a string is shown as the report names it', () => {
  assert.equal(cueKindLabel((key) => key, 'brand_new_kind'), 'brand_new_kind');
  assert.equal(cueKindLabel(() => '', 'loaded'), 'loaded');
  assert.equal(cueKindLabel((key) => (key === 'cue_loaded' ? 'loaded wording' : key), 'loaded'), 'loaded wording');
});
