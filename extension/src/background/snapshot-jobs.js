/**
 * Big snapshots and big reports cross between the content script and the background in pieces
 * (one huge message blocks the page while it is serialised or decoded): the pieces of an uploaded
 * snapshot wait here until a request uses them, and the full report of an analysed upload waits
 * here until the content script has fetched it. Entries expire after a few minutes; the
 * background itself may be stopped between requests (service worker, event page), in which
 * case a request says so and the content script starts again.
 */
import { piecesOf } from '../slim-report.js';

/** How long an unclaimed upload or report is kept. */
const KEEP_MS = 5 * 60_000;
/**
 * UTF-16 units per piece of a report sent back: 64 KB even as two-byte text, under V8's largest
 * regular object (128 KB), so that in the page each piece is made in the new space and dies
 * there. A longer string goes to the large object space, part of the old generation, which only a
 * major collection frees: 256 K pieces of the 10,000-comment page's full report made the toggle's
 * end a likely time for one (BENCHMARKS.md, session 15).
 */
export const REPORT_PIECE_CHARS = 1 << 15;

const uploads = new Map();
const reports = new Map();

function prune(now) {
  for (const store of [uploads, reports]) {
    for (const [job, entry] of store) if (now - entry.at > KEEP_MS) store.delete(job);
  }
}

/** Whether a message's `snapshot` names an upload (`{job, pieces}`) rather than being a snapshot. */
export function isUpload(snapshot) {
  return typeof snapshot === 'object' && snapshot !== null && typeof snapshot.job === 'string' && !Array.isArray(snapshot.nodes);
}

/** Keeps piece `index` of the snapshot uploaded under `job` by tab `tabId`. */
export function addPiece(job, index, piece, tabId) {
  const now = Date.now();
  prune(now);
  let upload = uploads.get(job);
  if (!upload) {
    upload = { pieces: [], at: now, tabId };
    uploads.set(job, upload);
  }
  if (!Number.isInteger(index) || index < 0) throw new Error(`glose: bad snapshot piece index ${index}`);
  upload.pieces[index] = piece;
  upload.at = now;
}

/**
 * The text of an uploaded snapshot (`{job, pieces}`: the big-page readers' wire text,
 * `content/slices.js`): its first `pieces` pieces joined, forgotten once taken; pieces past those
 * are dropped. On a page past a reading limit the text holds every node walked, and the core
 * analyses its first part (`limits::cap`).
 */
export function takeUpload({ job, pieces }) {
  const upload = uploads.get(job);
  let complete = Boolean(upload) && Number.isInteger(pieces) && pieces > 0 && upload.pieces.length >= pieces;
  for (let i = 0; complete && i < pieces; i += 1) complete = typeof upload.pieces[i] === 'string';
  if (!complete) {
    throw new Error('glose: the page snapshot upload is incomplete (was the background restarted?)');
  }
  uploads.delete(job);
  return upload.pieces.length === pieces ? upload.pieces.join('') : upload.pieces.slice(0, pieces).join('');
}

/** Keeps a full report's JSON text under `job` for tab `tabId`; returns into how many parts it was cut. */
export function keepReport(job, text, tabId) {
  const parts = piecesOf(text, REPORT_PIECE_CHARS);
  reports.set(job, { parts, at: Date.now(), tabId });
  return parts.length;
}

/**
 * Part `index` of the report kept under `job`; the report is forgotten once each part has been
 * taken (in any order: the content script asks for several at once).
 */
export function reportPart(job, index) {
  const report = reports.get(job);
  if (!report || !(index >= 0 && index < report.parts.length)) {
    throw new Error('glose: the analysis is no longer available (was the background restarted?)');
  }
  const part = report.parts[index];
  report.taken ??= new Set();
  report.taken.add(index);
  if (report.taken.size === report.parts.length) reports.delete(job);
  else report.at = Date.now();
  return part;
}

/** Forgets every upload and report of a tab (it was closed: nobody will claim them). */
export function dropTab(tabId) {
  for (const store of [uploads, reports]) {
    for (const [job, entry] of store) if (entry.tabId === tabId) store.delete(job);
  }
}

/** How many uploads and reports are kept (tests check that a closed tab leaves none). */
export function keptJobs() {
  return { uploads: uploads.size, reports: reports.size };
}
