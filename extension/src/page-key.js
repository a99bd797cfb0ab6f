/**
 * The key a page's notes are stored under, for a live document: its `<link rel=canonical>` (same
 * origin only) else its URL, without fragment and tracking parameters. The rule itself lives with
 * the notes store (`pageKey` in notes-store.js), so there is one definition.
 */
import { pageKey } from './notes-store.js';

/** The page key of a document. */
export function pageKeyOf(doc) {
  const link = doc.querySelector('link[rel~="canonical" i][href]');
  return pageKey(doc.location.href, link?.getAttribute('href') ?? undefined) ?? doc.location.href.split('#')[0];
}
