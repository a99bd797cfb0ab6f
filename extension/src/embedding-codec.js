/**
 * Sentence embeddings between the background (where the encoder runs) and the page: `n` vectors
 * of 512 values (L2-normalised) travel as one message, compactly. Each vector is scaled so its
 * largest value is ±127 and rounded to a signed byte; the bytes go as one base64 string and the
 * scales as numbers. A 40-sentence article is 20 KB of bytes (27 KB of base64) instead of 80 KB of
 * float32 or ~400 KB of JSON numbers; the rounding moves a value by at most 1/254 of the vector's
 * largest one. No extension API here (unit-tested in node).
 */

/** Values per sentence vector (the encoder's). */
export const DIM = 512;

/** Base64 of bytes (chunked: `String.fromCharCode` takes a bounded number of arguments). */
function toBase64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encodes `flat` (`n × DIM` values) as `{n, dim, scales, bytes}` (bytes: base64). */
export function encodeEmbeddings(flat) {
  if (flat.length % DIM !== 0) throw new Error(`glose: ${flat.length} values are not whole vectors of ${DIM}`);
  const n = flat.length / DIM;
  const q = new Int8Array(flat.length);
  const scales = [];
  for (let v = 0; v < n; v += 1) {
    let max = 0;
    for (let i = v * DIM; i < (v + 1) * DIM; i += 1) max = Math.max(max, Math.abs(flat[i]));
    const scale = max > 0 ? max / 127 : 1;
    scales.push(scale);
    for (let i = v * DIM; i < (v + 1) * DIM; i += 1) q[i] = Math.round(flat[i] / scale);
  }
  return { n, dim: DIM, scales, bytes: toBase64(new Uint8Array(q.buffer)) };
}

/** Whether `value` has the shape {@link encodeEmbeddings} writes. */
export function isEncodedEmbeddings(value) {
  return typeof value === 'object' && value !== null && Number.isInteger(value.n) && value.n >= 0 && value.dim === DIM
    && Array.isArray(value.scales) && value.scales.length === value.n && typeof value.bytes === 'string';
}

/** Decodes {@link encodeEmbeddings}'s output into a `Float32Array` of `n × DIM` values. */
export function decodeEmbeddings(encoded) {
  if (!isEncodedEmbeddings(encoded)) throw new Error('glose: malformed embeddings');
  const bytes = fromBase64(encoded.bytes);
  if (bytes.length !== encoded.n * DIM) throw new Error('glose: embeddings of the wrong length');
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const out = new Float32Array(q.length);
  for (let v = 0; v < encoded.n; v += 1) {
    const scale = encoded.scales[v];
    for (let i = v * DIM; i < (v + 1) * DIM; i += 1) out[i] = q[i] * scale;
  }
  return out;
}
