/**
 * The reader's notes as the shell uses them, over the notes engineer's `notes-store.js`
 * (versioned `storage.local`, migrations, corrupt data kept aside). A note is the object of
 * `src/anchor/note.rs`: `{id, created, modified, body, tags, motivation, target: {quote, position}}`.
 */
import * as store from './notes-store.js';

/** The notes stored for a page (in creation order). */
export async function notesOf(pageKey) {
  return (await store.loadNotes(pageKey)) ?? [];
}

/** A new note on `target` (`{quote, position}` selectors). */
export function newNote(target, body, tags) {
  const now = new Date().toISOString();
  const id = `n-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const cleanTags = [...new Set(tags.map((t) => t.trim().replace(/^#/, '')).filter(Boolean))];
  return { id, created: now, modified: now, body: body.trim(), tags: cleanTags,
    motivation: body.trim() ? 'commenting' : 'highlighting', target };
}

/** Stores a new or edited note of a page. */
export async function putNote(pageKey, note, meta) {
  await store.saveNote(pageKey, note, meta);
}

/** Deletes a note of a page by id. */
export async function removeNote(pageKey, noteId) {
  await store.deleteNote(pageKey, noteId);
}

/** Every page that has notes: `[{key, pageKey, title, notes, problems}]` as the store lists them. */
export async function pagesWithNotes() {
  return (await store.listPages()) ?? [];
}

/** Tags typed as "a, b #c" → ['a', 'b', 'c']. */
export function parseTags(text) {
  return text.split(/[,\s]+/).map((t) => t.replace(/^#/, '').trim()).filter(Boolean);
}
