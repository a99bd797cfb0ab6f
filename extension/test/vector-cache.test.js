// The background's sentence-vector cache (extension/src/background/vector-cache.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vectorCache } from '../src/background/vector-cache.js';

test('drops the least recently used past its limit; taking marks as used', () => {
  const cache = vectorCache(3);
  for (const text of ['a', 'b', 'c']) cache.put(text, [text]);
  assert.deepEqual([...cache.take(['a']).keys()], ['a']);
  cache.put('d', ['d']); // b is now the oldest
  assert.deepEqual([...cache.take(['a', 'b', 'c', 'd']).keys()], ['a', 'c', 'd']);
  assert.equal(cache.size, 3);
});

test('a request keeps what it found cached while later vectors push the cache past its limit', () => {
  // The soak's failure: a long page whose first sentences were cached by an earlier page (the
  // oldest entries), then thousands of new ones embedded. Every vector the request needs stays its own.
  const cache = vectorCache(4);
  for (const text of ['shared 1', 'shared 2', 'old 1', 'old 2']) cache.put(text, [text]);
  const page = ['shared 1', 'shared 2', 'new 1', 'new 2', 'new 3', 'new 4', 'new 5'];
  const vectors = cache.take(page);
  for (const text of page.filter((s) => !vectors.has(s))) {
    vectors.set(text, [text]);
    cache.put(text, [text]);
  }
  assert.deepEqual(page.map((s) => vectors.get(s)?.[0]), page, 'every sentence has its vector');
  assert.equal(cache.size, 4);
  assert.deepEqual([...cache.take(['new 2', 'new 3', 'new 4', 'new 5']).keys()], ['new 2', 'new 3', 'new 4', 'new 5']);
});
