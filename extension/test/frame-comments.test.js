// The background's side of comments in frames (extension/src/background/frame-comments.js): widget
// frames announce themselves, the top frame's request asks each with a time limit; a frame that
// throws, is gone, never answers or is no widget any more is left out and forgotten.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const sent = [];
const stored = {};
const behaviour = {
  1: async () => ({ url: 'https://w.example/disqus', comments: [{ id: 0, author: 'A', published: null, text: 'Hello.', reply_to: null }] }),
  2: async () => ({ error: 'glose: the walk threw' }),
  3: async () => { throw new Error('Could not establish connection. Receiving end does not exist.'); },
  4: () => new Promise(() => {}),
  5: async () => ({ url: 'https://w.example/ad', comments: null }),
  6: async () => ({ url: 'https://w.example/empty', comments: [] }),
};
globalThis.chrome = {
  tabs: {
    sendMessage(tabId, message, { frameId } = {}) {
      sent.push({ tabId, kind: message.kind, frameId });
      if (message.kind === 'frames-changed') return Promise.resolve({ ok: true });
      return behaviour[frameId]();
    },
  },
  storage: { session: { get: async (key) => ({ [key]: stored[key] }), set: async (items) => Object.assign(stored, items) } },
};
const { FRAME_ANSWER_MS, collectFrameComments, dropTabFrames, frameReady, knownFrames } = await import('../src/background/frame-comments.js');

test('each frame answers within its own limit; the others are left out and forgotten', async () => {
  for (const frameId of [1, 2, 3, 4, 5, 6]) await frameReady(7, frameId, `https://w.example/${frameId}`);
  await frameReady(7, 0, 'https://top.example/'); // the top frame is no widget frame
  assert.deepEqual(sent.filter((m) => m.kind === 'frames-changed').map((m) => m.frameId), [0, 0, 0, 0, 0, 0], 'the top frame hears of each');
  assert.equal((await knownFrames(7)).length, 6);
  const started = Date.now();
  const frames = await collectFrameComments(7);
  const took = Date.now() - started;
  assert.ok(took >= FRAME_ANSWER_MS - 50 && took < FRAME_ANSWER_MS + 1000, `one time limit for all frames (${took} ms)`);
  assert.deepEqual(frames.map((f) => [f.frameId, f.url, f.comments.length]), [[1, 'https://w.example/disqus', 1]]);
  assert.deepEqual((await knownFrames(7)).map(([id]) => id), [1, 6], 'frames that threw, are gone, never answered or are no widget are forgotten');
  assert.ok(stored.gloseWidgetFrames['7'], 'kept in session storage for a restarted service worker');
  await dropTabFrames(7);
  assert.deepEqual(await knownFrames(7), []);
  assert.deepEqual(await collectFrameComments(7), [], 'a tab without widget frames answers at once');
});
