/**
 * The wasm core in the background, loaded once on first use: analyses snapshots and anchors notes
 * for content scripts on pages whose CSP forbids WebAssembly there.
 */
import init, * as glose from '../../pkg/glose.js';
import { ext } from '../platform.js';

let ready = null;

/** The initialised core (re-instantiated after a trap, as `src/wasm.rs` asks). */
async function core() {
  if (!ready) {
    ready = init({ module_or_path: ext.runtime.getURL('pkg/glose_bg.wasm') }).then(() => glose);
    ready.catch(() => { ready = null; });
  }
  return ready;
}

async function call(run) {
  const glue = await core();
  try {
    return run(glue);
  } catch (error) {
    if (String(error).includes('unreachable')) ready = null;
    throw error;
  }
}

/** The report of a page snapshot. */
export function analyzeSnapshot(snapshot, url) {
  return call((g) => g.analyze_snapshot(snapshot, url ?? undefined));
}

/**
 * The report of a big page's snapshot as `{report, full}`: the slim report (an object, what the
 * page draws) and the full report's JSON text, both written by the core (no parse and
 * re-stringify of megabytes here).
 */
export function analyzeSnapshotSlim(snapshot, url) {
  return call((g) => g.analyze_snapshot_slim(snapshot, url ?? undefined));
}

/** The W3C selectors of a range of snapshot text nodes. */
export function describeRange(snapshot, range) {
  return call((g) => g.describe_range(snapshot, range));
}

/** Stored notes placed on a snapshot. */
export function anchorNotes(snapshot, notes) {
  return call((g) => g.reanchor_notes(snapshot, notes));
}
