import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIM, decodeEmbeddings, encodeEmbeddings, isEncodedEmbeddings } from '../src/embedding-codec.js';

/** `n` L2-normalised pseudo-random vectors (a fixed LCG: the same numbers on every run). */
function vectors(n) {
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  const flat = new Float32Array(n * DIM);
  for (let v = 0; v < n; v += 1) {
    let norm = 0;
    for (let i = 0; i < DIM; i += 1) norm += (flat[v * DIM + i] = next()) ** 2;
    for (let i = 0; i < DIM; i += 1) flat[v * DIM + i] /= Math.sqrt(norm);
  }
  return flat;
}

test('embeddings survive the trip within a 254th of each vector\'s largest value', () => {
  const flat = vectors(40);
  const encoded = encodeEmbeddings(flat);
  assert.ok(isEncodedEmbeddings(encoded));
  const back = decodeEmbeddings(JSON.parse(JSON.stringify(encoded)));
  assert.equal(back.length, flat.length);
  for (let v = 0; v < 40; v += 1) {
    const row = flat.subarray(v * DIM, (v + 1) * DIM);
    const max = Math.max(...row.map(Math.abs));
    let dot = 0;
    for (let i = 0; i < DIM; i += 1) {
      assert.ok(Math.abs(back[v * DIM + i] - row[i]) <= max / 254 + 1e-7);
      dot += back[v * DIM + i] * row[i];
    }
    assert.ok(dot > 0.999, `cosine ${dot}`);
  }
  const json = JSON.stringify(encoded).length;
  console.log(`40 vectors: ${json} characters of message (float32 would be ${40 * DIM * 4} bytes)`);
  assert.ok(json < 40 * DIM * 2, 'smaller than float32');
});

test('zero vectors, no vectors, and malformed input', () => {
  assert.deepEqual([...decodeEmbeddings(encodeEmbeddings(new Float32Array(DIM)))], new Array(DIM).fill(0));
  assert.equal(decodeEmbeddings(encodeEmbeddings(new Float32Array(0))).length, 0);
  assert.throws(() => encodeEmbeddings(new Float32Array(3)), /whole vectors/);
  assert.throws(() => decodeEmbeddings({ n: 1, dim: DIM, scales: [1], bytes: 'AAAA' }), /wrong length/);
  assert.throws(() => decodeEmbeddings({ n: 1 }), /malformed/);
});
