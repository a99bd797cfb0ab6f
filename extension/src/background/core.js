/**
 * The wasm core in the background, loaded once on first use: analyses snapshots and anchors notes
 * for content scripts on pages whose CSP forbids WebAssembly there.
 */
import init, * as glose from '../../pkg/glose.js';
import { ext } from '../platform.js';

let ready = null;
const trapListeners = new Set();

/** Calls `listener()` when the core traps and is dropped (objects made in it are gone). */
export function onTrap(listener) {
  trapListeners.add(listener);
}

/** The initialised core (re-instantiated after a trap, as `src/wasm.rs` asks). */
export async function core() {
  if (!ready) {
    ready = init({ module_or_path: ext.runtime.getURL('pkg/glose_bg.wasm') }).then(() => glose);
    ready.catch(() => { ready = null; });
  }
  return ready;
}

/**
 * Runs `run(glue)` on the core; after a trap (`unreachable`) the next call instantiates it again
 * (and `onTrap` listeners drop what lived in the old instance, like the sentence encoder).
 */
export async function call(run) {
  const glue = await core();
  try {
    return run(glue);
  } catch (error) {
    if (String(error).includes('unreachable')) {
      ready = null;
      for (const listener of trapListeners) listener();
    }
    throw error;
  }
}

/** The report of a page snapshot; `frames`: the JSON text of its frames' comments (`analyze::FrameComments`), or none. */
export function analyzeSnapshot(snapshot, url, frames) {
  return call((g) => g.analyze_snapshot(snapshot, url ?? undefined, frames ?? undefined));
}

/**
 * The report of a big page's snapshot as `{report, full}`: the slim report (an object, what the
 * page draws) and the full report's JSON text, both written by the core (no parse and
 * re-stringify of megabytes here).
 */
export function analyzeSnapshotSlim(snapshot, url, frames) {
  return call((g) => g.analyze_snapshot_slim(snapshot, url ?? undefined, frames ?? undefined));
}

/** The W3C selectors of a range of snapshot text nodes. */
export function describeRange(snapshot, range) {
  return call((g) => g.describe_range(snapshot, range));
}

/** Stored notes placed on a snapshot. */
export function anchorNotes(snapshot, notes) {
  return call((g) => g.reanchor_notes(snapshot, notes));
}

/** The report of a snapshot with its sentences' embeddings (`flat`: `sentences.length × 512`). */
export function analyzeSnapshotEmbedded(snapshot, url, sentences, flat, salient, frames) {
  return call((g) => g.analyze_snapshot_embedded(snapshot, url ?? undefined, JSON.stringify(sentences), flat, salient ? JSON.stringify(salient) : undefined, frames ?? undefined));
}
