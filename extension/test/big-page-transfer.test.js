// Big pages cross between the content script and the background in pieces: the background's
// upload and report stores and the piece splitter (the slim report is tested in Rust: crates/glose-read/src/report.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { piecesOf } from '../src/slim-report.js';
import { addPiece, dropTab, isUpload, keepReport, keptJobs, reportPart, REPORT_PIECE_CHARS, takeUpload } from '../src/background/snapshot-jobs.js';
import { uploaded } from '../src/messages.js';
import { nodeIdsOf } from '../src/content/main-world-nodes.js';
import { CHUNK_UNITS, wirePieceMaker } from '../src/content/slices.js';
import { wasmSink } from '../src/content/walk.js';

test('pieces join back to the text and never split a surrogate pair', () => {
  const text = `ab🦊cd🦊🦊e${'x'.repeat(20)}🦊`;
  for (const size of [2, 3, 4, 5, 7, 64]) {
    const pieces = piecesOf(text, size);
    assert.equal(pieces.join(''), text, `size ${size}`);
    for (const piece of pieces) {
      assert.ok(piece.length <= size && piece.length > 0);
      assert.ok(!/[\ud800-\udbff]$/.test(piece) && !/^[\udc00-\udfff]/.test(piece), `size ${size}: ${JSON.stringify(piece)}`);
    }
  }
  assert.deepEqual(piecesOf('', 8), ['']);
});

test('an upload is joined in order once complete, and taken once', () => {
  assert.ok(isUpload(uploaded('job-1', 3)));
  assert.ok(!isUpload({ nodes: [] }));
  assert.ok(!isUpload('{"nodes":[]}'));
  addPiece('job-1', 2, 'c');
  addPiece('job-1', 0, 'a');
  assert.throws(() => takeUpload(uploaded('job-1', 3)), /incomplete/);
  addPiece('job-1', 1, 'b');
  assert.equal(takeUpload(uploaded('job-1', 3)), 'abc');
  assert.throws(() => takeUpload(uploaded('job-1', 3)), /incomplete/);
  assert.throws(() => addPiece('job-2', -1, 'x'), /index/);
});

test('the big-page reading\'s text is the same in pieces, in chunks, or joined; its chunks are small', () => {
  // 60,000 numbers of up to 6 digits, and strings of every size up to one longer than a chunk.
  const ops = Uint32Array.from({ length: 60000 }, (_, i) => (i * 7919) % 1000003);
  const strings = Array.from({ length: 3000 }, (_, i) => 'é'.repeat(i % 97) + (i === 1500 ? 'L'.repeat(CHUNK_UNITS + 10) : ''));
  // The sink as the walk feeds it (text nodes under node 0), with and without chunks.
  const fill = (sink) => {
    for (const s of strings) sink.text(0, s);
    return sink;
  };
  const plain = fill(wasmSink()).result();
  const parts = fill(wasmSink({ chunkUnits: CHUNK_UNITS })).parts();
  assert.equal(parts.chunks.join('\0'), strings.join('\0'));
  assert.equal(plain.text, strings.join('\0'));
  assert.deepEqual([...parts.lens], strings.map((s) => s.length));
  assert.ok(parts.chunks.length > 3, `${parts.chunks.length} chunks`);
  const walk = { live: { length: 1234 }, truncated: 'nodes' };
  const maker = wirePieceMaker(walk, { ops, lens: parts.lens, chunks: parts.chunks }, 1 << 16);
  const pieces = Array.from({ length: maker.count }, (_, i) => maker.piece(i));
  const expected = `\u0001glose-wire-1\n1234\n${ops.join(',')}\n${parts.lens.join(',')}\nnodes\n${strings.join('\0')}`;
  assert.equal(pieces.join(''), expected);
  assert.ok(maker.count > 4, `${maker.count} pieces`);
  for (let i = 0; i < maker.count; i += 1) {
    const chunks = maker.chunks(i);
    assert.equal(chunks.join(''), pieces[i], `piece ${i}`);
    // Only the one longer string is a chunk of its own past the size.
    for (const chunk of chunks) assert.ok(chunk.length <= CHUNK_UNITS || chunk === strings[1500], `piece ${i}: a chunk of ${chunk.length} units`);
  }
});

test('a kept report is handed out in parts and forgotten after the last', () => {
  const text = 'r'.repeat(REPORT_PIECE_CHARS * 2 + 5);
  const parts = keepReport('job-3', text);
  assert.equal(parts, 3);
  const got = [];
  for (let i = 0; i < parts; i += 1) got.push(reportPart('job-3', i));
  assert.equal(got.join(''), text);
  assert.throws(() => reportPart('job-3', 0), /no longer available/);
  // Several parts asked at once may be answered in any order: forgotten once all are taken.
  assert.equal(keepReport('job-5', text), 3);
  assert.deepEqual([2, 0, 1].map((i) => reportPart('job-5', i)).join(''), text.slice(REPORT_PIECE_CHARS * 2) + text.slice(0, REPORT_PIECE_CHARS * 2));
  assert.throws(() => reportPart('job-5', 2), /no longer available/);
  assert.equal(keepReport('job-4', ''), 1);
  assert.equal(reportPart('job-4', 0), '');
});

test('a closed tab\'s uploads and reports are dropped, another tab\'s kept', () => {
  const before = keptJobs();
  addPiece('tab7-upload', 0, '{"nodes":', 7);
  keepReport('tab7-report', '{"version":1}', 7);
  addPiece('tab8-upload', 0, '{"nodes":', 8);
  assert.deepEqual(keptJobs(), { uploads: before.uploads + 2, reports: before.reports + 1 });
  dropTab(7);
  assert.deepEqual(keptJobs(), { uploads: before.uploads + 1, reports: before.reports });
  assert.throws(() => reportPart('tab7-report', 0), /no longer available/);
  dropTab(8);
  assert.deepEqual(keptJobs(), before);
});

test('the node ids a slim report draws on are found at any depth', () => {
  const report = {
    sentences: [{ anchor: { start: { node: 4, offset: 0 }, end: { node: 9, offset: 3 } } }, { anchor: null }],
    comments: [{ node: 12, replies: [{ node: 15 }] }, { node: null }],
    summary: { section: 11, themes: [{ comments: [0, 1] }] },
    title: 'node',
  };
  assert.deepEqual(nodeIdsOf(report).sort((a, b) => a - b), [4, 9, 11, 12, 15]);
  assert.deepEqual(nodeIdsOf(null), []);
});

test('the page-world reader is one self-contained function (built by extension/build/shared-reader.mjs)', async () => {
  // scripting.executeScript sends an injected function's source only: it must not use anything
  // from the module around it. Compiled alone here, the walker and the rules come with it.
  const { readInMainWorld } = await import('../src/content/main-world-reader.js');
  const source = readInMainWorld.toString();
  assert.doesNotMatch(source, /^\s*(import|export)\b/m);
  const alone = new Function(`return (${source});`)();
  assert.equal(typeof alone, 'function');
  for (const name of ['function walker(', 'function wasmSink(', 'function readWireSliced(', 'function readPageInMainWorld(', 'const SNAPSHOT_RULES =']) {
    assert.ok(source.includes(name), name);
  }
});
