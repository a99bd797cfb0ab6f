import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSites } from '../src/settings.js';
import { newNote, parseTags } from '../src/notes.js';

test('auto-on sites: host names from lines, URLs and duplicates', () => {
  assert.deepEqual(parseSites('www.lemonde.fr\nhttps://www.clubic.com/pro/x.html, WWW.LEMONDE.FR\n\n  127.0.0.1  '),
    ['www.lemonde.fr', 'www.clubic.com', '127.0.0.1']);
  assert.deepEqual(parseSites('not a host !!'), ['not', 'a', 'host']);
  assert.deepEqual(parseSites(''), []);
});

test('tags: commas, spaces and hashes', () => {
  assert.deepEqual(parseTags('jedi, #à-vérifier  source'), ['jedi', 'à-vérifier', 'source']);
  assert.deepEqual(parseTags(' , # '), []);
});

test('a new note: text makes it commenting, none makes it a highlight; tags cleaned', () => {
  const target = { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 1, end: 2 } };
  const note = newNote(target, '  Source ?  ', ['a', '#a', ' b ', '']);
  assert.equal(note.body, 'Source ?');
  assert.equal(note.motivation, 'commenting');
  assert.deepEqual(note.tags, ['a', 'b']);
  assert.equal(note.created, note.modified);
  assert.deepEqual(note.target, target);
  assert.equal(newNote(target, '', []).motivation, 'highlighting');
  assert.notEqual(newNote(target, '', []).id, newNote(target, '', []).id);
});
