/**
 * Analyses the live page: loads the Rust core (wasm) in the content script and runs its live-DOM
 * walk. Where the page's CSP forbids compiling WebAssembly here (Chromium with `script-src 'self'`),
 * reads the page into a snapshot in JavaScript and lets the background's wasm analyse it: the
 * report is the same, and `nodes` maps snapshot ids to live nodes either way.
 */
import { ext } from '../platform.js';
import { analyzeSnapshot } from '../messages.js';
import { readDocument, readDocumentSliced, snapshotJsonSliced } from './snapshot.js';

/**
 * Pages with more elements than this are read in slices and analysed by the background's wasm, so
 * the page is never blocked for long (the in-page wasm reads and analyses in one call: about a
 * second on a 10,000-comment page). Smaller pages take the in-page wasm, a few ms.
 */
export const SLICED_ABOVE_ELEMENTS = 3000;

let core = null;

/** The initialised wasm module, or throws when the page's CSP forbids WebAssembly. */
async function loadCore() {
  if (!core) {
    core = (async () => {
      const glue = await import(ext.runtime.getURL('pkg/glose.js'));
      await glue.default({ module_or_path: ext.runtime.getURL('pkg/glose_bg.wasm') });
      return glue;
    })();
    core.catch(() => { core = null; });
  }
  return core;
}

/** The wasm module for other content modules (anchoring), or null where CSP forbids it. */
export async function coreOrNull() {
  try {
    return await loadCore();
  } catch {
    return null;
  }
}

/** A report that may cross the wasm boundary as a JSON string or as an object. */
export function asObject(value) {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/**
 * Analyses the document: `{report, nodes, path}` where `path` says which reader ran
 * (`wasm` in the content script, `snapshot` through the background, `sliced`: read in slices
 * and analysed by the background, for big pages).
 */
export async function analyzePage(doc, url, { skip } = {}) {
  if (doc.getElementsByTagName('*').length > SLICED_ABOVE_ELEMENTS) {
    const { snapshot, nodes } = await readDocumentSliced(doc, { skip });
    const json = await snapshotJsonSliced(snapshot);
    const answer = await ext.runtime.sendMessage(analyzeSnapshot(json, url));
    if (!answer || answer.error) throw new Error(answer?.error ?? 'the background did not answer');
    return { report: asObject(answer.report), nodes, path: 'sliced' };
  }
  const glue = await coreOrNull();
  if (glue) {
    const result = glue.analyze_document(url);
    return { report: asObject(result.report), nodes: [...result.nodes], path: 'wasm' };
  }
  const { snapshot, nodes } = readDocument(doc, { skip });
  const answer = await ext.runtime.sendMessage(analyzeSnapshot(snapshot, url));
  if (!answer || answer.error) throw new Error(answer?.error ?? 'the background did not answer');
  return { report: asObject(answer.report), nodes, path: 'snapshot' };
}
