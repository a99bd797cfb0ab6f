// The reader's notes, kept per page in the extension's storage (chrome.storage.local), with a
// versioned schema, migrations, and a quarantine for data this version cannot read.
//
// Storage layout (one key per page, so one page's trouble never touches another's):
//   "glose:page:<page key>" -> { schema: SCHEMA_VERSION, url: "<page key>", notes: { <id>: Note } }
//   "glose:quarantine:<page key>:<time>" -> { key, reason, at, data }   (the untouched original)
// A Note is the JSON of the Rust type `glose::anchor::Note` (src/anchor/note.rs), snake_case:
//   { id, created, modified, body, tags: [..], motivation: "commenting"|"highlighting",
//     target: { quote: { exact, prefix, suffix }, position?: { start, end } } }
// Positions count UTF-16 code units in the page text (src/anchor/page_text.rs).
//
// The storage area is passed in (chrome.storage.local / browser.storage.local in the extension,
// an in-memory twin in tests): every method used is get/set/remove returning promises.
// Nothing here touches the page, the network or innerHTML.

/** Version of the per-page record this code writes. */
export const SCHEMA_VERSION = 1;

/** Storage key prefix of page records. */
export const PAGE_PREFIX = 'glose:page:';

/** Storage key prefix of quarantined records. */
export const QUARANTINE_PREFIX = 'glose:quarantine:';

/** Query parameters that only track the visit; they never change which page it is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'mc_cid', 'mc_eid', 'igshid', 'ref', 'ref_src', 'ref_url', '_ga', '_gl', 'mkt_tok', 'xtor',
  'at_medium', 'at_campaign', 'cmpid', 'ncid', 'sr_share', 'spm',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'pk_', 'mtm_'];

/** Motivations a note may have (W3C Web Annotation). */
export const MOTIVATIONS = ['commenting', 'highlighting'];

/**
 * The URL reduced to what identifies the page: no fragment, no tracking parameters, the other
 * parameters sorted. `null` for anything that is not an http(s) or file URL.
 * @param {string} url
 * @returns {string|null}
 */
export function normalizeUrl(url) {
  let parsed;
  try {
    parsed = new URL(String(url));
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  const kept = [...parsed.searchParams].filter(([name]) => {
    const lower = name.toLowerCase();
    return !TRACKING_PARAMS.has(lower) && !TRACKING_PREFIXES.some((p) => lower.startsWith(p));
  });
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  parsed.search = new URLSearchParams(kept).toString();
  return parsed.toString();
}

/**
 * The key a page's notes are stored under: its canonical URL when the page declares one on the
 * same origin (a page cannot claim another site's notes), else its own URL; both normalised.
 * `null` when neither is a usable URL.
 * @param {string} url the page's address
 * @param {string} [canonicalUrl] the page's <link rel=canonical>, if any
 * @returns {string|null}
 */
export function pageKey(url, canonicalUrl) {
  const own = normalizeUrl(url);
  if (canonicalUrl && own) {
    let canonical = null;
    try {
      canonical = normalizeUrl(new URL(String(canonicalUrl), own).toString());
    } catch {
      canonical = null;
    }
    if (canonical && new URL(canonical).origin === new URL(own).origin) return canonical;
  }
  return own;
}

/** Why a stored value could not be read (kept in the quarantine record). */
export class StoredDataError extends Error {}

/** Migrations: MIGRATIONS[n] turns a schema-n record into a schema-(n+1) record. */
const MIGRATIONS = {
  // Schema 0: the unversioned prototype stored a bare array of notes per page, with the note
  // text under `text` instead of `body`.
  0: (record, key) => {
    if (!Array.isArray(record)) throw new StoredDataError('unversioned record is not a list of notes');
    const notes = {};
    for (const old of record) {
      if (!old || typeof old !== 'object') throw new StoredDataError('unversioned note is not an object');
      const { text, ...rest } = old;
      const note = { body: typeof text === 'string' ? text : '', ...rest };
      notes[note.id] = note;
    }
    return { schema: 1, url: key, notes };
  },
};

function schemaOf(record) {
  if (Array.isArray(record)) return 0;
  if (record && typeof record === 'object' && Number.isInteger(record.schema)) return record.schema;
  return undefined;
}

/**
 * A note checked field by field and completed with defaults; throws StoredDataError when it
 * cannot be a note.
 */
export function checkNote(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new StoredDataError('note is not an object');
  if (typeof value.id !== 'string' || value.id === '') throw new StoredDataError('note has no id');
  const quote = value.target?.quote;
  if (!quote || typeof quote.exact !== 'string') throw new StoredDataError(`note ${value.id} has no quote`);
  const text = (v) => (typeof v === 'string' ? v : '');
  // Unknown fields are kept as they are: a later version's additions survive a rewrite.
  const note = {
    ...value,
    id: value.id,
    created: text(value.created),
    modified: text(value.modified),
    body: text(value.body),
    tags: Array.isArray(value.tags) ? value.tags.filter((t) => typeof t === 'string') : [],
    motivation: MOTIVATIONS.includes(value.motivation) ? value.motivation : 'commenting',
    target: { quote: { exact: quote.exact, prefix: text(quote.prefix), suffix: text(quote.suffix) } },
  };
  const p = value.target.position;
  if (p && Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.start <= p.end) {
    note.target.position = { start: p.start, end: p.end };
  } else if (p !== undefined && p !== null) {
    throw new StoredDataError(`note ${value.id} has a malformed position`);
  }
  return note;
}

/** In-memory storage area with the chrome.storage.local methods the store uses (for tests). */
export class MemoryStorageArea {
  constructor(items = {}) {
    this.items = structuredClone(items);
  }
  async get(keys) {
    const all = structuredClone(this.items);
    if (keys === null || keys === undefined) return all;
    const wanted = Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(wanted.filter((k) => k in all).map((k) => [k, all[k]]));
  }
  async set(values) {
    Object.assign(this.items, structuredClone(values));
  }
  async remove(keys) {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete this.items[k];
  }
}

/** The reader's notes for every page, in one storage area. */
export class NotesStore {
  /**
   * @param {{get: Function, set: Function, remove: Function}} area chrome.storage.local or a twin
   * @param {{now?: () => string, newId?: () => string}} [options] clock and id source (tests)
   */
  constructor(area, { now = () => new Date().toISOString(), newId = () => crypto.randomUUID() } = {}) {
    this.area = area;
    this.now = now;
    this.newId = newId;
    this.queue = Promise.resolve();
  }

  /** Runs `task` after every earlier operation of this store, so read-modify-writes never interleave. */
  serialize(task) {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * Reads a page's record, migrating old schemas. Unreadable data is copied untouched to a
   * quarantine key (and reported in `problems`); the notes that could be read are returned.
   * @returns {Promise<{notes: object[], problems: string[]}>}
   */
  load(key) {
    return this.serialize(() => this.read(key));
  }

  async read(key) {
    const storageKey = PAGE_PREFIX + key;
    const raw = (await this.area.get(storageKey))[storageKey];
    if (raw === undefined) return { notes: [], problems: [] };
    const problems = [];
    let record = raw;
    let schema = schemaOf(record);
    try {
      if (schema === undefined) throw new StoredDataError('record has no schema version');
      if (schema > SCHEMA_VERSION) throw new StoredDataError(`record has schema ${schema}, newer than ${SCHEMA_VERSION}`);
      while (schema < SCHEMA_VERSION) {
        const migrate = MIGRATIONS[schema];
        if (!migrate) throw new StoredDataError(`no migration from schema ${schema}`);
        record = migrate(record, key);
        schema = schemaOf(record);
      }
      if (!record.notes || typeof record.notes !== 'object' || Array.isArray(record.notes)) {
        throw new StoredDataError('record has no notes map');
      }
    } catch (error) {
      if (!(error instanceof StoredDataError)) throw error;
      problems.push(await this.quarantine(key, raw, error.message));
      // The original is safe in quarantine; the page starts afresh.
      await this.area.remove(storageKey);
      return { notes: [], problems };
    }
    const notes = [];
    let bad = 0;
    for (const value of Object.values(record.notes)) {
      try {
        notes.push(checkNote(value));
      } catch (error) {
        if (!(error instanceof StoredDataError)) throw error;
        bad += 1;
      }
    }
    if (bad > 0) problems.push(await this.quarantine(key, raw, `${bad} unreadable note(s)`));
    if (bad > 0 || raw !== record) await this.write(key, notes);
    notes.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
    return { notes, problems };
  }

  async write(key, notes, meta = {}) {
    const storageKey = PAGE_PREFIX + key;
    const old = (await this.area.get(storageKey))[storageKey];
    const title = typeof meta.title === 'string' ? meta.title : typeof old?.title === 'string' ? old.title : undefined;
    const record = { schema: SCHEMA_VERSION, url: key, notes: Object.fromEntries(notes.map((n) => [n.id, n])) };
    if (title !== undefined) record.title = title;
    await this.area.set({ [storageKey]: record });
  }

  async quarantine(key, raw, reason) {
    const at = this.now();
    let quarantineKey = `${QUARANTINE_PREFIX}${key}:${at}`;
    const taken = await this.area.get(quarantineKey);
    if (quarantineKey in taken) quarantineKey += `:${this.newId()}`;
    await this.area.set({ [quarantineKey]: { key, reason, at, data: raw } });
    return `${key}: ${reason} (kept as ${quarantineKey})`;
  }

  /** A page's notes, oldest first. */
  async list(key) {
    return (await this.load(key)).notes;
  }

  /**
   * Adds a note to a page and returns it.
   * @param {string} key page key (see pageKey)
   * @param {{body?: string, tags?: string[], motivation?: string, target: object}} fields
   */
  add(key, fields) {
    return this.serialize(async () => {
      const { notes } = await this.read(key);
      const at = this.now();
      const note = checkNote({ ...fields, id: this.newId(), created: at, modified: at });
      notes.push(note);
      await this.write(key, notes);
      return note;
    });
  }

  /**
   * Stores a complete note (made by the caller, e.g. with its own id) as new or in place of the
   * note with the same id, and returns it as stored. `meta.title` is kept with the page.
   */
  put(key, note, meta = {}) {
    return this.serialize(async () => {
      const { notes } = await this.read(key);
      const stored = checkNote(note);
      const index = notes.findIndex((n) => n.id === stored.id);
      if (index < 0) notes.push(stored);
      else notes[index] = stored;
      await this.write(key, notes, meta);
      return stored;
    });
  }

  /**
   * Changes a note's body, tags, motivation or target; returns the new note, or null when the
   * page has no note with this id.
   */
  edit(key, id, changes) {
    return this.serialize(async () => {
      const { notes } = await this.read(key);
      const index = notes.findIndex((n) => n.id === id);
      if (index < 0) return null;
      const { body, tags, motivation, target } = { ...notes[index], ...changes };
      const note = checkNote({ ...notes[index], body, tags, motivation, target, modified: this.now() });
      notes[index] = note;
      await this.write(key, notes);
      return note;
    });
  }

  /** Deletes a note; returns whether it existed. A page left without notes loses its record. */
  remove(key, id) {
    return this.serialize(async () => {
      const { notes } = await this.read(key);
      const kept = notes.filter((n) => n.id !== id);
      if (kept.length === notes.length) return false;
      if (kept.length === 0) await this.area.remove(PAGE_PREFIX + key);
      else await this.write(key, kept);
      return true;
    });
  }

  /**
   * Every page with notes, for "export all": [{key, pageKey, title, notes, problems}], by key
   * (`pageKey` is the same as `key`; `title` when a note was saved with one).
   */
  async pages() {
    const all = await this.area.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith(PAGE_PREFIX)).sort();
    const pages = [];
    for (const storageKey of keys) {
      const key = storageKey.slice(PAGE_PREFIX.length);
      const { notes, problems } = await this.load(key);
      const title = (await this.area.get(storageKey))[storageKey]?.title;
      if (notes.length > 0 || problems.length > 0) {
        pages.push({ key, pageKey: key, title: typeof title === 'string' ? title : null, notes, problems });
      }
    }
    return pages;
  }

  /** Everything kept in quarantine: [{storageKey, key, reason, at, data}]. */
  async quarantined() {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([k]) => k.startsWith(QUARANTINE_PREFIX))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([storageKey, value]) => ({ storageKey, ...value }));
  }
}

// The extension's store over browser.storage.local (Firefox) or chrome.storage.local (Chromium),
// made on first use, and the plain functions the shell calls (extension/src/notes.js).
let sharedStore = null;

/** The store over the extension's own storage.local. */
export function extensionStore() {
  if (!sharedStore) {
    const api = globalThis.browser?.storage?.local ? globalThis.browser : globalThis.chrome;
    sharedStore = new NotesStore(api.storage.local);
  }
  return sharedStore;
}

/** A page's notes, oldest first (problems are reported by loadPage). */
export async function loadNotes(key) {
  return (await extensionStore().load(key)).notes;
}

/** A page's notes and what had to be quarantined while reading them. */
export function loadPage(key) {
  return extensionStore().load(key);
}

/** Stores a new or edited note of a page (see NotesStore.put). */
export function saveNote(key, note, meta) {
  return extensionStore().put(key, note, meta);
}

/** Deletes a note of a page by id; resolves to whether it existed. */
export function deleteNote(key, id) {
  return extensionStore().remove(key, id);
}

/** Every page with notes (see NotesStore.pages). */
export function listPages() {
  return extensionStore().pages();
}

/** Everything kept in quarantine (see NotesStore.quarantined). */
export function listQuarantined() {
  return extensionStore().quarantined();
}
