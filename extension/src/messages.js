/**
 * Every message exchanged between the content script, the background and the side panel.
 *
 * A message is `{kind, ...payload}` where `kind` is one of {@link Kind}; handlers switch on that
 * closed set and ignore anything else ({@link isMessage} is the guard). The constructors below are
 * the only place messages are built, so a payload's shape is written down once.
 */

/** The closed set of message kinds. */
export const Kind = Object.freeze({
  /** background → content: turn annotations on or off. Answer: `{on}`. */
  Toggle: 'toggle',
  /**
   * panel → background: toggle tab `tabId` as the toolbar button does (injecting the content
   * script into a tab opened before Glose was there). Answer: `{on}`.
   */
  ToggleTab: 'toggle-tab',
  /**
   * panel/background → content: what Glose knows about the page. Answer: {@link PageState}; on a
   * big page `report` is null and `reportParts` says how many {@link Kind.PageReportPart} to ask.
   */
  PageState: 'page-state',
  /** panel → content: piece `index` of a big page's full report as JSON text. Answer: `{part}`. */
  PageReportPart: 'page-report-part',
  /** panel → content: scroll the page to a sentence, comment or note. Answer: `{ok}`. */
  ScrollTo: 'scroll-to',
  /** panel → content: the stored notes of the page changed; redraw them. Answer: `{ok}`. */
  NotesChanged: 'notes-changed',
  /**
   * content → background: analyse a page snapshot (strict-CSP fallback, big pages). Answer:
   * `{report}`, or for an uploaded snapshot `{report, full}` (see {@link analyzeSnapshot}), or `{error}`.
   */
  AnalyzeSnapshot: 'analyze-snapshot',
  /** content → background: one piece of a big snapshot's wire text (see {@link snapshotPiece}). Answer: `{ok}`. */
  SnapshotPiece: 'snapshot-piece',
  /**
   * content → background (Chromium, big pages): read the sender's frame in the page's own world
   * (`content/main-world.js`) and keep the reading as an upload under `job` (see {@link readMainWorld}).
   * Answer: `{pieces, nodes, slices, busyMs}` (`pieces`: the upload's piece count), or `{error}`.
   */
  ReadMainWorld: 'read-main-world',
  /** content → background: one piece of the full report kept after an analysis (see {@link reportPart}). Answer: `{part}`. */
  ReportPart: 'report-part',
  /** content → background: W3C selectors of a range of snapshot text nodes (strict-CSP fallback). Answer: `{result}`. */
  DescribeSelection: 'describe-selection',
  /** content → background: re-anchor stored notes on a snapshot (strict-CSP fallback). Answer: `{result}`. */
  AnchorNotes: 'anchor-notes',
  /**
   * content → background: embed sentence texts with the sentence encoder (the refinement of the
   * first highlights, issue 15). Answer: `{vectors, salient, ms}` (vectors in the
   * shape of `embedding-codec.js`), or `{unavailable}` saying why the encoder cannot run ({@link isUnavailable}).
   */
  Embed: 'embed',
  /**
   * content → background: the strict-CSP path's refinement: analyse again the snapshot kept under
   * `job` (the `refine` of an `analyze-snapshot` answer), its sentences embedded by the encoder.
   * Answer: `{report, ms}` (the report says `opinion_model: "encoder"`), or `{unavailable}`.
   */
  RefineSnapshot: 'refine-snapshot',
  /** content → background: open the side panel for the sender's tab (after a click). Answer: `{ok}`. */
  OpenPanel: 'open-panel',
  /** content → everyone: annotations were turned on or off, or notes changed. No answer. */
  StateChanged: 'state-changed',
  /**
   * frame content → background: this frame's document looks like a comment widget (or its
   * widget grew); the background remembers the frame and tells the top frame ({@link Kind.FramesChanged}).
   * Answer: `{ok}`.
   */
  FrameReady: 'frame-ready',
  /** background → top frame: a comment-widget frame appeared or changed; read the frames again if on. Answer: `{ok}`. */
  FramesChanged: 'frames-changed',
  /**
   * top frame → background: the comments of the tab's comment-widget frames. The background asks
   * each frame it knows ({@link Kind.FrameComments}, with a timeout) and answers
   * `{frames: [{frameId, url, comments}]}` with the frames that answered in time.
   */
  CollectFrameComments: 'collect-frame-comments',
  /**
   * background → one frame (`frameId`): read your comments with the core. Answer `{url, comments}`
   * (the frame report's comments) or `{url, comments: null}` when the frame holds no comment widget.
   */
  FrameComments: 'frame-comments',
});

const KINDS = new Set(Object.values(Kind));

/** Whether `value` is a message of a known kind. */
export function isMessage(value) {
  return typeof value === 'object' && value !== null && KINDS.has(value.kind);
}

/** Builds `toggle`; `on` forces a state (true/false), omitted flips it. */
export function toggle(on) {
  return on === undefined ? { kind: Kind.Toggle } : { kind: Kind.Toggle, on: Boolean(on) };
}

/** Builds `toggle-tab`; `on` as for {@link toggle}. */
export function toggleTab(tabId, on) {
  return { ...toggle(on), kind: Kind.ToggleTab, tabId: Number(tabId) };
}

/** Builds `page-state`. */
export function pageState() {
  return { kind: Kind.PageState };
}

/** Builds `page-report-part`. */
export function pageReportPart(index) {
  return { kind: Kind.PageReportPart, index: Number(index) };
}

/**
 * Builds `scroll-to`. `target` is `{type: 'sentence'|'comment'|'note', id}` (note ids are strings).
 */
export function scrollTo(target) {
  return { kind: Kind.ScrollTo, target: { type: String(target.type), id: target.id } };
}

/** Builds `notes-changed`. */
export function notesChanged() {
  return { kind: Kind.NotesChanged };
}

/**
 * Builds `analyze-snapshot`; `snapshot` is `{nodes: [...]}` as `crates/glose-read/src/snapshot/mod.rs` reads it (or
 * its JSON text), or an {@link uploaded} snapshot. For an uploaded snapshot the background answers
 * with a slim report (what drawing needs, written by the core: `Report::slim`) and `full: {job, parts}`: the full
 * report's JSON text, kept in `parts` pieces to fetch with {@link reportPart}.
 */
export function analyzeSnapshot(snapshot, url, frames) {
  return { kind: Kind.AnalyzeSnapshot, snapshot, url: url ?? null, frames: frames ?? null };
}

/**
 * Builds `snapshot-piece`: piece `index` (from 0) of the snapshot wire text (`content/slices.js`) uploaded under `job`
 * (a big snapshot travels as several small messages: one huge message blocks the page while it
 * is serialised).
 */
export function snapshotPiece(job, index, piece) {
  return { kind: Kind.SnapshotPiece, job: String(job), index: Number(index), piece: String(piece) };
}

/**
 * Builds `read-main-world`: read the sender's frame in the page's own world, the walked nodes
 * served under `token`, reading in slices of `sliceMs` and pieces of `pieceUnits`, leaving out
 * Glose's own elements (`ownElements`: tag names); the reading is kept as the upload `job`.
 */
export function readMainWorld(job, token, { sliceMs, pieceUnits, ownElements }) {
  return { kind: Kind.ReadMainWorld, job: String(job), token: String(token), sliceMs: Number(sliceMs), pieceUnits: Number(pieceUnits), ownElements: [...ownElements].map(String) };
}

/** The snapshot uploaded under `job` in `pieces` pieces, where a message takes a snapshot. */
export function uploaded(job, pieces) {
  return { job: String(job), pieces: Number(pieces) };
}

/** Builds `report-part`: piece `index` of the full report kept under `job`. */
export function reportPart(job, index) {
  return { kind: Kind.ReportPart, job: String(job), index: Number(index) };
}

/** Builds `describe-selection`; `range` is `{start: {node, offset}, end: {node, offset}}` in snapshot ids. */
export function describeSelection(snapshot, range) {
  return { kind: Kind.DescribeSelection, snapshot, range };
}

/** Builds `anchor-notes`; `notes` are stored notes (see `src/anchor/note.rs`). */
export function anchorNotes(snapshot, notes) {
  return { kind: Kind.AnchorNotes, snapshot, notes };
}

/** Builds `embed`: the sentence texts to embed, in order. */
export function embed(sentences) {
  return { kind: Kind.Embed, sentences: Array.from(sentences, String) };
}

/**
 * Builds `refine-snapshot`: `job` is the `refine` id an `analyze-snapshot` answer gave,
 * `sentences` the texts of that report's sentences (the background embeds them).
 */
export function refineSnapshot(job, sentences) {
  return { kind: Kind.RefineSnapshot, job: String(job), sentences: Array.from(sentences, String) };
}

/**
 * The answers of `embed` and `refine-snapshot`: `{unavailable: reason}` when the encoder cannot
 * run (missing or broken file), else the result. This guard tells the refinement which it got.
 */
export function isUnavailable(answer) {
  return typeof answer === 'object' && answer !== null && typeof answer.unavailable === 'string';
}

/** Builds `open-panel`. */
export function openPanel() {
  return { kind: Kind.OpenPanel };
}

/** Builds `frame-ready`: `marks` is how much of a comment widget the frame shows (it announces again when it grows). */
export function frameReady(url, marks) {
  return { kind: Kind.FrameReady, url: String(url), marks: Number(marks) };
}

/** Builds `frames-changed`. */
export function framesChanged() {
  return { kind: Kind.FramesChanged };
}

/** Builds `collect-frame-comments`. */
export function collectFrameComments() {
  return { kind: Kind.CollectFrameComments };
}

/** Builds `frame-comments`. */
export function frameComments() {
  return { kind: Kind.FrameComments };
}

/** Builds `state-changed`. */
export function stateChanged(on) {
  return { kind: Kind.StateChanged, on: Boolean(on) };
}

/**
 * Routes a message to `handlers[kind]` (an async function of the message and the sender) and
 * answers with what it returns. For `runtime.onMessage.addListener`: returns true (answer comes
 * later) only when a handler exists, so other listeners keep their chance to answer.
 */
export function route(handlers) {
  return (value, sender, sendResponse) => {
    if (!isMessage(value)) return false;
    const handler = handlers[value.kind];
    if (!handler) return false;
    // The handler starts synchronously: some APIs (sidePanel.open) need the user gesture that
    // is only live during the listener call.
    let answer;
    try {
      answer = handler(value, sender);
    } catch (error) {
      answer = Promise.reject(error);
    }
    Promise.resolve(answer)
      .then(
        (answer) => sendResponse(answer ?? { ok: true }),
        (error) => sendResponse({ error: String(error?.message ?? error) }),
      );
    return true;
  };
}
