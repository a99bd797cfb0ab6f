// Unit tests of extension/src/notes-store.js with an in-memory storage area.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeUrl, pageKey, NotesStore, MemoryStorageArea, checkNote, SCHEMA_VERSION, PAGE_PREFIX, QUARANTINE_PREFIX,
} from '../../extension/src/notes-store.js';

function storeWith(items = {}) {
  const area = new MemoryStorageArea(items);
  let clock = 0;
  let ids = 0;
  const store = new NotesStore(area, {
    now: () => new Date(Date.UTC(2026, 10, 29, 1, 0, clock++)).toISOString(),
    newId: () => `n${++ids}`,
  });
  return { area, store };
}

const target = (exact, start = 10) => ({
  quote: { exact, prefix: 'before ', suffix: ' after' },
  position: { start, end: start + exact.length },
});

test('page keys drop fragments and tracking parameters and sort the rest', () => {
  assert.equal(
    normalizeUrl('https://Example.com/a/b?utm_source=x&b=2&fbclid=1&a=1&UTM_Medium=y&gclid=z&mc_cid=q&mc_eid=r&igshid=s&ref=t#section'),
    'https://example.com/a/b?a=1&b=2',
  );
  assert.equal(normalizeUrl('https://user:pw@example.com/x?'), 'https://example.com/x');
  assert.equal(normalizeUrl('javascript:alert(1)'), null);
  assert.equal(normalizeUrl('not a url'), null);
  assert.equal(pageKey('https://example.com/a?utm_campaign=1'), pageKey('https://example.com/a#top'));
});

test('a canonical URL is used only on the same origin', () => {
  assert.equal(pageKey('https://news.example/a?id=3&utm_source=t', '/articles/3'), 'https://news.example/articles/3');
  // A page cannot claim another site's notes through its canonical link.
  assert.equal(pageKey('https://evil.example/x', 'https://bank.example/'), 'https://evil.example/x');
  assert.equal(pageKey('https://news.example/a', 'http://[bad'), 'https://news.example/a');
});

test('adds, edits and deletes notes and stores the versioned record', async () => {
  const { area, store } = storeWith();
  const key = pageKey('https://news.example/a');
  const note = await store.add(key, { body: 'Source?', tags: ['check'], target: target('a bold claim') });
  assert.equal(note.id, 'n1');
  assert.equal(note.motivation, 'commenting');
  const record = area.items[PAGE_PREFIX + key];
  assert.equal(record.schema, SCHEMA_VERSION);
  assert.deepEqual(Object.keys(record.notes), ['n1']);

  const edited = await store.edit(key, 'n1', { body: 'Source!', tags: ['x', 3], id: 'hijack' });
  assert.equal(edited.id, 'n1');
  assert.equal(edited.body, 'Source!');
  assert.deepEqual(edited.tags, ['x']);
  assert.notEqual(edited.modified, note.modified);
  assert.equal(edited.created, note.created);
  assert.equal(await store.edit(key, 'missing', { body: 'x' }), null);

  await store.add(key, { motivation: 'highlighting', target: target('second') });
  assert.deepEqual((await store.list(key)).map((n) => n.id), ['n1', 'n2']);
  assert.equal(await store.remove(key, 'n1'), true);
  assert.equal(await store.remove(key, 'n1'), false);
  assert.equal(await store.remove(key, 'n2'), true);
  assert.equal(PAGE_PREFIX + key in area.items, false);
});

test('concurrent adds on one store never lose a note', async () => {
  const { store } = storeWith();
  await Promise.all(Array.from({ length: 20 }, (_, i) => store.add('k', { target: target(`q${i}`) })));
  assert.equal((await store.list('k')).length, 20);
});

test('a note without a quote is refused', async () => {
  const { store } = storeWith();
  await assert.rejects(store.add('k', { body: 'no target' }));
  assert.throws(() => checkNote({ id: 'x', target: { quote: { exact: 'q' }, position: { start: 5, end: 2 } } }));
});

test('unversioned prototype records are migrated', async () => {
  const key = 'https://news.example/old';
  const { area, store } = storeWith({
    [PAGE_PREFIX + key]: [{ id: 'a', text: 'old note', created: '2026-01-01', target: target('quote') }],
  });
  const { notes, problems } = await store.load(key);
  assert.deepEqual(problems, []);
  assert.equal(notes[0].body, 'old note');
  assert.equal(notes[0].text, undefined);
  assert.equal(area.items[PAGE_PREFIX + key].schema, SCHEMA_VERSION);
});

test('unknown fields of a note survive a rewrite', async () => {
  const key = 'k';
  const { area, store } = storeWith({
    [PAGE_PREFIX + key]: { schema: 1, url: key, notes: { a: { id: 'a', color: 'red', target: target('q') } } },
  });
  await store.add(key, { target: target('other') });
  assert.equal(area.items[PAGE_PREFIX + key].notes.a.color, 'red');
});

test('a newer schema is quarantined untouched and the page starts empty', async () => {
  const key = 'https://news.example/future';
  const future = { schema: 99, notes: { a: { id: 'a', shape: 'unknown' } } };
  const { area, store } = storeWith({ [PAGE_PREFIX + key]: future });
  const { notes, problems } = await store.load(key);
  assert.deepEqual(notes, []);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /schema 99/);
  const kept = await store.quarantined();
  assert.equal(kept.length, 1);
  assert.deepEqual(kept[0].data, future);
  assert.ok(kept[0].storageKey.startsWith(QUARANTINE_PREFIX + key));
  // New notes go to a fresh record; the quarantined original is never overwritten.
  await store.add(key, { target: target('new') });
  assert.deepEqual((await store.quarantined())[0].data, future);
  assert.equal(Object.keys(area.items[PAGE_PREFIX + key].notes).length, 1);
});

test('corrupt records are quarantined, readable notes are kept', async () => {
  const { store } = storeWith({
    [PAGE_PREFIX + 'garbage']: 'not json at all',
    [PAGE_PREFIX + 'nomap']: { schema: 1, notes: [1, 2] },
    [PAGE_PREFIX + 'mixed']: { schema: 1, notes: { good: { id: 'good', target: target('ok') }, bad: { id: 'bad' } } },
  });
  assert.equal((await store.load('garbage')).problems.length, 1);
  assert.equal((await store.load('nomap')).problems.length, 1);
  const mixed = await store.load('mixed');
  assert.deepEqual(mixed.notes.map((n) => n.id), ['good']);
  assert.match(mixed.problems[0], /1 unreadable note/);
  const kept = await store.quarantined();
  assert.equal(kept.length, 3);
  assert.deepEqual(kept.find((q) => q.key === 'mixed').data.notes.bad, { id: 'bad' });
  // Reading again reports nothing new: the bad note is aside, the good one stays.
  assert.deepEqual((await store.load('mixed')).problems, []);
  assert.equal((await store.quarantined()).length, 3);
});

test('pages lists every page with notes for export all', async () => {
  const { store } = storeWith();
  await store.add('https://b.example/', { target: target('b') });
  await store.add('https://a.example/', { target: target('a') });
  await store.add('https://a.example/', { target: target('a2') });
  const pages = await store.pages();
  assert.deepEqual(pages.map((p) => [p.key, p.notes.length]), [['https://a.example/', 2], ['https://b.example/', 1]]);
});

test('put stores a note made by the caller, in place when its id exists, with the page title', async () => {
  const { area, store } = storeWith();
  const note = { id: 'x1', created: 't0', modified: 't0', body: 'a', tags: [], motivation: 'commenting', target: target('q') };
  await store.put('k', note, { title: 'Un <titre>' });
  await store.put('k', { ...note, body: 'b', modified: 't1' });
  const notes = await store.list('k');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].body, 'b');
  assert.equal(area.items[PAGE_PREFIX + 'k'].title, 'Un <titre>');
  assert.equal((await store.pages())[0].title, 'Un <titre>');
  await assert.rejects(store.put('k', { id: '', target: target('q') }));
});

test('the shell functions use browser.storage.local when present', async () => {
  const area = new MemoryStorageArea();
  globalThis.browser = { storage: { local: area } };
  try {
    const { saveNote, loadNotes, deleteNote, listPages } = await import('../../extension/src/notes-store.js');
    await saveNote('p', { id: 'z', target: target('q') });
    assert.deepEqual((await loadNotes('p')).map((n) => n.id), ['z']);
    assert.equal((await listPages()).length, 1);
    assert.equal(await deleteNote('p', 'z'), true);
    assert.deepEqual(area.items, {});
  } finally {
    delete globalThis.browser;
  }
});
