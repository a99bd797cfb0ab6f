import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelStatus } from '../src/panel/panel-status.js';

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
