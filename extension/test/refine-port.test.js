// Refinements run over a port so that the background stops when their page goes away (closed,
// left, reloaded) or Glose is turned off: src/refine-port.js, with a fake pair of ports standing
// in for runtime.connect / runtime.onConnect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { askOverPort, Cancelled, checkpoint, KEEP_ALIVE, REFINE_PORT, refinementCounts, serveRefinePort } from '../src/refine-port.js';

/** A listener list shaped like a WebExtension event. */
function event() {
  const listeners = [];
  return { addListener: (f) => listeners.push(f), fire: (...args) => listeners.forEach((f) => f(...args)) };
}

/**
 * A fake `runtime` whose `connect` makes two linked ports (messages cross asynchronously, as in
 * browsers; disconnecting one side fires onDisconnect on the other only) and hands the far end to
 * `onConnect`. `ends` keeps the page-side ports (a test "closes the tab" by disconnecting one).
 */
function fakeRuntime(onConnect) {
  const ends = [];
  const runtime = {
    connect({ name }) {
      const sides = [{ name, onMessage: event(), onDisconnect: event(), posted: 0, open: true }, { name, onMessage: event(), onDisconnect: event(), posted: 0, open: true }];
      const [page, background] = sides;
      for (const [self, other] of [[page, background], [background, page]]) {
        self.postMessage = (message) => {
          if (!self.open) throw new Error('Attempting to use a disconnected port object');
          self.posted += 1;
          setTimeout(() => other.open && other.onMessage.fire(structuredClone(message)), 0);
        };
        self.disconnect = () => {
          if (!self.open) return;
          self.open = false;
          other.open = false;
          setTimeout(() => other.onDisconnect.fire(other), 0);
        };
      }
      ends.push({ page, background });
      onConnect(background);
      return page;
    },
  };
  return { runtime, ends };
}

const tick = (ms = 1) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** A long refinement: `chunks` chunks of work, each its own task, checking the signal in between. */
function chunkedWork(chunks, done) {
  return async (message, signal) => {
    for (let i = 0; i < chunks; i += 1) {
      checkpoint(signal);
      done.count += 1;
      await tick();
    }
    return { vectors: `${message.sentences.length} vectors` };
  };
}

test('a refinement request is answered over its port, and the port is closed after', async () => {
  const done = { count: 0 };
  const { runtime, ends } = fakeRuntime((port) => {
    assert.equal(port.name, REFINE_PORT);
    serveRefinePort(port, { embed: chunkedWork(3, done) });
  });
  const before = refinementCounts();
  const answer = await askOverPort(runtime, { kind: 'embed', sentences: ['a', 'b'] });
  assert.deepEqual(answer, { vectors: '2 vectors' });
  assert.equal(done.count, 3);
  assert.equal(ends[0].page.open, false, 'the page closes its port once answered');
  const after = refinementCounts();
  assert.equal(after.answered, before.answered + 1);
  assert.equal(after.active, 0);
});

test('the background stops a refinement when its page goes away (the port disconnects)', async () => {
  const done = { count: 0 };
  const { runtime, ends } = fakeRuntime((port) => serveRefinePort(port, { embed: chunkedWork(1000, done) }));
  const before = refinementCounts();
  const asked = askOverPort(runtime, { kind: 'embed', sentences: ['a'] });
  asked.catch(() => {});
  while (done.count < 5) await tick();
  assert.equal(refinementCounts().active, before.active + 1, 'in flight');
  // The tab is closed or navigates: the browser disconnects the page's port.
  ends[0].page.disconnect();
  await tick(20);
  const stoppedAt = done.count;
  await tick(30);
  assert.equal(done.count, stoppedAt, 'no chunk after the stop');
  assert.ok(stoppedAt < 50, `stopped after ${stoppedAt} of 1000 chunks`);
  const after = refinementCounts();
  assert.equal(after.active, before.active);
  assert.equal(after.cancelled, before.cancelled + 1);
  assert.equal(ends[0].background.posted, 0, 'nothing is posted to a page that went away');
});

test('turning Glose off (the signal) rejects at once with Cancelled and stops the background', async () => {
  const done = { count: 0 };
  const { runtime } = fakeRuntime((port) => serveRefinePort(port, { 'refine-snapshot': chunkedWork(1000, done) }));
  const stop = new AbortController();
  const asked = askOverPort(runtime, { kind: 'refine-snapshot', job: 'j', sentences: ['a'] }, { signal: stop.signal });
  while (done.count < 3) await tick();
  stop.abort();
  await assert.rejects(asked, (error) => error instanceof Cancelled);
  await tick(20);
  const stoppedAt = done.count;
  await tick(30);
  assert.equal(done.count, stoppedAt);
  assert.ok(stoppedAt < 50);
  // Already aborted: nothing is sent at all.
  const sent = done.count;
  await assert.rejects(askOverPort(runtime, { kind: 'embed', sentences: [] }, { signal: stop.signal }), Cancelled);
  await tick(10);
  assert.equal(done.count, sent);
});

test('errors and unknown requests come back as errors; a background gone away rejects', async () => {
  const { runtime } = fakeRuntime((port) => serveRefinePort(port, {
    embed: async () => { throw new Error('the encoder is broken'); },
  }));
  await assert.rejects(askOverPort(runtime, { kind: 'embed', sentences: [] }), /the encoder is broken/);
  await assert.rejects(askOverPort(runtime, { kind: 'nonsense' }), /no refinement request 'nonsense'/);
  const gone = fakeRuntime((port) => setTimeout(() => port.disconnect(), 0));
  await assert.rejects(askOverPort(gone.runtime, { kind: 'embed', sentences: [] }), /closed the refinement/);
});

test('a long request keeps its background awake: keep-alive messages until the answer, never answered themselves', async () => {
  const seen = [];
  const { runtime, ends } = fakeRuntime((port) => {
    port.onMessage.addListener((message) => seen.push(message.kind));
    serveRefinePort(port, { embed: async () => { await tick(60); return { vectors: 'done' }; } });
  });
  const answer = await askOverPort(runtime, { kind: 'embed', sentences: ['a'] }, { keepAliveMs: 10 });
  assert.deepEqual(answer, { vectors: 'done' });
  const keepAlives = seen.filter((k) => k === KEEP_ALIVE).length;
  assert.ok(keepAlives >= 2, `keep-alive messages while the background worked: ${keepAlives}`);
  assert.equal(seen[0], 'embed', 'the request goes first');
  // The background posted one message: the answer (a keep-alive gets none, not even an error).
  assert.equal(ends[0].background.posted, 1);
  // After the answer, no more keep-alives: the interval is cleared.
  const before = seen.length;
  await tick(40);
  assert.equal(seen.length, before, 'no keep-alive after the answer');
});
