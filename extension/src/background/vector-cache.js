/**
 * The sentence vectors the background remembers by text, each with its salient words (refine.js): at most `limit`, the least
 * recently used dropped first. A request takes what it needs out in one step (`take`) and keeps
 * those vectors itself, so nothing it uses can be dropped while it embeds the rest: the cache
 * used to drop its oldest entries after each request, and when those were the very sentences the
 * request had found cached (a long page sharing sentences with earlier pages), the request read a
 * dropped vector ("Cannot convert undefined or null to object"; the soak run found it on 3 pages,
 * RELIABILITY.md "Soak").
 */
export function vectorCache(limit) {
  const map = new Map();
  return {
    get size() {
      return map.size;
    },
    clear: () => map.clear(),
    /** The remembered vectors of `texts`, as a Map of their own; each is marked as just used. */
    take(texts) {
      const found = new Map();
      for (const text of texts) {
        const vector = map.get(text);
        if (vector === undefined) continue;
        map.delete(text);
        map.set(text, vector);
        found.set(text, vector);
      }
      return found;
    },
    /** Remembers a vector (the newest); drops the least recently used past the limit. */
    put(text, vector) {
      map.delete(text);
      map.set(text, vector);
      while (map.size > limit) map.delete(map.keys().next().value);
    },
  };
}
