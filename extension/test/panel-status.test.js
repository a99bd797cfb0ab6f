import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newestAnswer, panelStatus } from '../src/panel/panel-status.js';

const noReceiver = new Error('Could not establish connection. Receiving end does not exist.');

test('a web page without Glose running says how to turn it on, not the browser error', () => {
  assert.equal(panelStatus(noReceiver, { url: 'https://www.clubic.com/a.html', status: 'complete' }), 'glossOff');
  assert.equal(panelStatus(new Error('No matching message handler'), { url: 'http://127.0.0.1:8000/', status: 'complete' }), 'glossOff');
});

test('a page still loading, a failing analysis, and tabs Glose cannot read', () => {
  assert.equal(panelStatus(noReceiver, { url: 'https://a.example/', status: 'loading' }), 'loadingPage');
  assert.equal(panelStatus(new Error('RuntimeError: unreachable'), { url: 'https://a.example/', status: 'complete' }), 'analysisFailed');
  assert.equal(panelStatus(noReceiver, { url: 'about:blank', status: 'complete' }), 'cannotRead');
  assert.equal(panelStatus(noReceiver, {}), 'cannotRead', 'no url: a page Glose has no access to');
  assert.equal(panelStatus(noReceiver, null), 'cannotRead');
});

/** A promise with its resolve/reject outside. */
function later() {
  let resolve;
  let reject;
  const promise = new Promise((yes, no) => { resolve = yes; reject = no; });
  return { promise, resolve, reject };
}

/** A panel's refresh over scripted questions: `asks[i]` answers the i-th; what it shows is logged. */
function panel(asks, explains = []) {
  const shown = [];
  let asked = 0;
  let explained = 0;
  const refresh = newestAnswer({
    ask: () => asks[asked++].promise,
    show: (state) => shown.push(['show', state]),
    explain: () => explains[explained++]?.promise ?? 'glossOff',
    say: (status) => {
      refresh.drop(); // as the panel's clear() does
      shown.push(['say', status]);
    },
  });
  return { refresh, shown };
}

test('a failed question that lands after a newer one was asked does not clear the newer answer', async () => {
  // The tab finished loading: the panel asks before the new page's content script listens (A
  // fails); the content script starts and says so (B, answered). A's failure is still being
  // explained (ext.tabs.get) when B is asked.
  const a = later();
  const b = later();
  const why = later();
  const { refresh, shown } = panel([a, b], [why]);
  const first = refresh();
  a.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  await Promise.resolve();
  const second = refresh();
  why.resolve('glossOff');
  await first;
  b.resolve({ findings: 'the new page' });
  await second;
  assert.deepEqual(shown, [['show', { findings: 'the new page' }]]);
});

test('the newest answer wins whatever order the answers and failures land in', async () => {
  // B asked before A's failure even arrives.
  const a = later();
  const b = later();
  const { refresh, shown } = panel([a, b]);
  const first = refresh();
  const second = refresh();
  b.resolve({ findings: 'new' });
  a.reject(new Error('Receiving end does not exist.'));
  await Promise.all([first, second]);
  assert.deepEqual(shown, [['show', { findings: 'new' }]]);
  // An older answer landing late is dropped too.
  const c = later();
  const d = later();
  const other = panel([c, d]);
  const third = other.refresh();
  const fourth = other.refresh();
  d.resolve({ findings: 'newer' });
  c.resolve({ findings: 'older' });
  await Promise.all([third, fourth]);
  assert.deepEqual(other.shown, [['show', { findings: 'newer' }]]);
});

test('the newest failure is said; drop() forgets the questions asked for the previous page', async () => {
  const a = later();
  const { refresh, shown } = panel([a]);
  const first = refresh();
  a.reject(new Error('Receiving end does not exist.'));
  await first;
  assert.deepEqual(shown, [['say', 'glossOff']]);
  const b = later();
  const moved = panel([b]);
  const pending = moved.refresh();
  moved.refresh.drop(); // the tab started loading another page
  b.resolve({ findings: 'the previous page' });
  await pending;
  assert.deepEqual(moved.shown, []);
  // Nor is a failure of the previous page's said over the new page's "loading".
  const c = later();
  const gone = panel([c]);
  const failing = gone.refresh();
  gone.refresh.drop();
  c.reject(new Error('Receiving end does not exist.'));
  await failing;
  assert.deepEqual(gone.shown, []);
});

test('an older answer shows while a newer question waits, then the newer one replaces it', async () => {
  const a = later();
  const b = later();
  const { refresh, shown } = panel([a, b]);
  const first = refresh();
  const second = refresh();
  a.resolve({ findings: 'asked first' });
  await first;
  assert.deepEqual(shown, [['show', { findings: 'asked first' }]], 'questions asked often never leave the panel empty');
  b.resolve({ findings: 'asked second' });
  await second;
  assert.deepEqual(shown.at(-1), ['show', { findings: 'asked second' }]);
});
