import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as msg from '../src/messages.js';

test('constructors build messages the guard accepts', () => {
  for (const m of [msg.toggle(), msg.toggle(false), msg.toggleTab(3), msg.toggleTab(3, true), msg.pageState(), msg.scrollTo({ type: 'note', id: 'n1' }),
    msg.notesChanged(), msg.openPanel(), msg.describeSelection({ nodes: [] }, null), msg.anchorNotes({ nodes: [] }, []), msg.analyzeSnapshot({ nodes: [] }, 'https://a.example/'), msg.stateChanged(true),
    msg.analyzeSnapshot(msg.uploaded('j', 2), null), msg.snapshotPiece('j', 0, '{'), msg.reportPart('j', 1), msg.pageReportPart(0),
    msg.embed(['Une phrase.']), msg.refineSnapshot('j', ['Une phrase.']), msg.frameReady('https://w.example/', 3), msg.framesChanged(),
    msg.collectFrameComments(), msg.frameComments(), msg.analyzeSnapshot({ nodes: [] }, null, '[]'),
    msg.readMainWorld('j', 'glose-t', { sliceMs: 4, pieceUnits: 8, ownElements: new Set(['glose-tooltip']) })]) {
    assert.ok(msg.isMessage(m), JSON.stringify(m));
  }
  assert.deepEqual(msg.toggle(0), { kind: 'toggle', on: false });
  assert.deepEqual(msg.toggleTab('7', 1), { kind: 'toggle-tab', on: true, tabId: 7 });
  assert.deepEqual(msg.embed(['a', 2]), { kind: 'embed', sentences: ['a', '2'] });
  assert.deepEqual(msg.refineSnapshot(5, ['a']), { kind: 'refine-snapshot', job: '5', sentences: ['a'] });
  assert.deepEqual(msg.readMainWorld(5, 't', { sliceMs: '4', pieceUnits: 16, ownElements: ['glose-notice'] }),
    { kind: 'read-main-world', job: '5', token: 't', sliceMs: 4, pieceUnits: 16, ownElements: ['glose-notice'] });
});

test('the refinement answers tell an unavailable encoder from a result', () => {
  assert.ok(msg.isUnavailable({ unavailable: 'the encoder file encoder/glose-use.bin is missing (HTTP 404)' }));
  assert.ok(!msg.isUnavailable({ vectors: {}, ms: 3 }));
  assert.ok(!msg.isUnavailable(null));
});

test('the guard rejects unknown kinds and non-objects', () => {
  assert.ok(!msg.isMessage({ kind: 'eval' }));
  assert.ok(!msg.isMessage(null));
  assert.ok(!msg.isMessage('toggle'));
});

test('route answers with the handler result, errors as {error}, and ignores unknown kinds', async () => {
  const listener = msg.route({ [msg.Kind.Toggle]: async (m) => ({ on: m.on }), [msg.Kind.PageState]: () => { throw new Error('boom'); } });
  const answer = (m) => new Promise((resolve) => { if (!listener(m, {}, resolve)) resolve('ignored'); });
  assert.deepEqual(await answer(msg.toggle(true)), { on: true });
  assert.deepEqual(await answer(msg.pageState()), { error: 'boom' });
  assert.equal(await answer({ kind: 'nope' }), 'ignored');
  assert.equal(await answer(msg.notesChanged()), 'ignored');
});

test('route starts the handler during the listener call (sidePanel.open needs the live gesture)', () => {
  let started = false;
  const listener = msg.route({ [msg.Kind.OpenPanel]: async () => { started = true; } });
  listener(msg.openPanel(), {}, () => {});
  assert.equal(started, true);
});
