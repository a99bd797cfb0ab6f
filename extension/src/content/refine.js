/**
 * The refinement's page half (issue 15): after the fast highlights are drawn, the article's
 * sentence texts go to the background, whose sentence encoder embeds them off the page's main
 * thread; the page then re-analyses its kept reading with those vectors (`refine_live_document`:
 * pure Rust on the snapshot the fast analysis read, no second walk of the page) and the
 * controller redraws. Where the page CSP forbids wasm here, the background analyses its kept
 * snapshot itself (`refine-snapshot`). Pages read in slices (big pages) keep the fast report.
 *
 * Nothing here touches the page: `refineAnalysis` returns the refined analysis or why there is
 * none; `main.js` decides whether it still applies (same page, Glose still on) and draws it.
 */
import { ext } from '../platform.js';
import { embed, isUnavailable, refineSnapshot } from '../messages.js';
import { askOverPort, Cancelled } from '../refine-port.js';
import { decodeEmbeddings } from '../embedding-codec.js';
import { asObject, coreOrNull } from './analysis.js';

/** What a refinement came to; `pageState().refinement.status` and the legend's status line say it. */
export const Status = Object.freeze({
  /** Sent to the encoder, not back yet. */
  Pending: 'pending',
  /** The encoder's report is drawn (`opinion_model: "encoder"`). */
  Encoder: 'encoder',
  /** The encoder file is missing or broken: the fast highlights stay. */
  Unavailable: 'unavailable',
  /** Not refined: a big page read in slices, or no article sentence. */
  Skipped: 'skipped',
  /** The page changed or Glose was turned off before the answer: it was dropped. */
  Dropped: 'dropped',
  /** Something else went wrong (said in `reason`): the fast highlights stay. */
  Failed: 'failed',
});

/**
 * Sends a refinement request to the background over its own port; throws its error. Leaving the
 * page disconnects the port, and `signal` too: the background then stops embedding.
 */
function ask(message, signal) {
  return askOverPort(ext.runtime, message, { signal });
}

/**
 * The texts of the analysis's sentences, in order: from its report, or, where the report is slim
 * and carries no text for some sentence, from the full report (`fullReport()`).
 */
function sentenceTexts(analysis) {
  const sentences = analysis.report.sentences ?? [];
  if (sentences.every((s) => typeof s.text === 'string')) return sentences.map((s) => s.text);
  return (analysis.fullReport?.()?.sentences ?? []).map((s) => s.text);
}

/**
 * Refines `analysis` (`{report, nodes, path, reading?, refine?}`, from `analysis.js`) with the
 * sentence encoder. Resolves to `{status, analysis?, reason?, timings}`: `analysis` (same nodes,
 * the encoder's report) when `status` is `encoder`; `timings` in ms: `background` (embedding, or
 * embedding and analysis on the strict-CSP path), `roundTrip` (the message there and back),
 * `apply` (decoding and re-analysing in the page, one main-thread task). Never throws. `signal`
 * (optional) stops it: the status is then `dropped`.
 */
export async function refineAnalysis(analysis, { signal } = {}) {
  const timings = {};
  try {
    const sentences = sentenceTexts(analysis);
    if (analysis.path === 'sliced') return { status: Status.Skipped, reason: 'big page', timings };
    // A page too large to read whole keeps the fast report, like a page read in slices: both paths
    // then give the same report, and the encoder is not spent on thousands of sentences.
    if (analysis.report.truncated) return { status: Status.Skipped, reason: 'page too large', timings };
    if (sentences.length === 0) return { status: Status.Skipped, reason: 'no article sentence', timings };
    const sent = performance.now();
    if (analysis.path === 'snapshot') {
      const answer = await ask(refineSnapshot(analysis.refine, sentences), signal);
      timings.roundTrip = Math.round(performance.now() - sent);
      if (isUnavailable(answer)) return { status: Status.Unavailable, reason: answer.unavailable, timings };
      timings.background = answer.ms;
      return { status: Status.Encoder, analysis: { ...analysis, report: asObject(answer.report) }, timings };
    }
    const answer = await ask(embed(sentences), signal);
    timings.roundTrip = Math.round(performance.now() - sent);
    if (isUnavailable(answer)) return { status: Status.Unavailable, reason: answer.unavailable, timings };
    timings.background = answer.ms;
    timings.encoderLoad = answer.loadMs ?? null;
    const glue = await coreOrNull();
    if (!glue) return { status: Status.Failed, reason: 'the wasm core is not available in this page', timings };
    const started = performance.now();
    let result;
    try {
      // The encoder's reasons: one list per sentence, or none (the core checks each word).
      const salient = Array.isArray(answer.salient) && answer.salient.length === sentences.length ? JSON.stringify(answer.salient) : undefined;
      result = glue.refine_live_document(analysis.reading, JSON.stringify(sentences), decodeEmbeddings(answer.vectors), salient);
    } catch (error) {
      // The page was read again meanwhile (its reading is no longer the kept one).
      if (/stale/.test(String(error?.message ?? error))) return { status: Status.Dropped, reason: 'the page was read again', timings };
      throw error;
    }
    const report = asObject(result.report);
    timings.apply = Math.round(performance.now() - started);
    // The page got the slim report; the full one (side panel, exports) is the refined one now.
    let full;
    const fullReport = () => (full ??= JSON.parse(glue.last_full_report() ?? 'null'));
    return { status: Status.Encoder, analysis: { ...analysis, report, fullReport }, timings };
  } catch (error) {
    if (error instanceof Cancelled) return { status: Status.Dropped, reason: 'Glose was turned off', timings };
    return { status: Status.Failed, reason: String(error?.message ?? error), timings };
  }
}
