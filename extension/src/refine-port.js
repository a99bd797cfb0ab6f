/**
 * Refinements run over a port, not a one-off message, so that they can be stopped: the content
 * script opens a port (`REFINE_PORT`), sends one request and waits for one answer. The port
 * disconnects when its page goes away (the tab is closed, navigates elsewhere or reloads) or
 * when the content script drops the refinement; the background then aborts the request, and its
 * embedding loop stops at the next chunk (`checkpoint`) instead of embedding a long page's
 * sentences for nobody for tens of seconds. (A one-off message left pending as its page unloads
 * also makes Firefox log "Promise rejected after context unloaded"; a port does not.)
 *
 * No WebExtension API is used here: the background passes the port, the unit tests a fake one.
 */

/** The name of a refinement port (`runtime.connect({name})`). */
export const REFINE_PORT = 'glose-refine';

/**
 * While a request waits, the content script posts `{kind: KEEP_ALIVE}` on its port this often.
 * Firefox stops an idle background event page after 30 s, and a background busy embedding a long
 * page counts as idle: only an event (a message) resets that timer. The soak found 4 refinements
 * of 600 pages ended so ("the background closed the refinement"); Chromium's service worker has
 * the same 30 s rule.
 */
export const KEEP_ALIVE_MS = 20_000;

/** The kind of the keep-alive message: the background ignores it (no answer). */
export const KEEP_ALIVE = 'keep-alive';

/** Why a request stopped: its port disconnected. */
export class Cancelled extends Error {
  constructor() {
    super('glose: the refinement was cancelled (its page went away)');
    this.name = 'Cancelled';
  }
}

/** Throws {@link Cancelled} once `signal` is aborted (embedding loops call it between chunks). */
export function checkpoint(signal) {
  if (signal?.aborted) throw new Cancelled();
}

/** Requests being served, and how many were cancelled (tests and the resource script read it). */
const counts = { active: 0, cancelled: 0, answered: 0 };

/** `{active, cancelled, answered}`: refinement requests in flight, stopped by a disconnect, answered. */
export function refinementCounts() {
  return { ...counts };
}

/**
 * Serves the refinement requests sent on `port`: `handlers[kind](message, signal)` (async) runs
 * with an `AbortSignal` aborted when the port disconnects; its answer (or `{error}`) is posted
 * back as `{id, answer}` unless the port is gone by then.
 */
export function serveRefinePort(port, handlers) {
  const controller = new AbortController();
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
    controller.abort();
  });
  port.onMessage.addListener(async (message) => {
    if (message?.kind === KEEP_ALIVE) return; // its delivery was the point
    const handler = handlers[message?.kind];
    const id = message?.id ?? null;
    if (!handler) {
      if (open) port.postMessage({ id, answer: { error: `glose: no refinement request '${message?.kind}'` } });
      return;
    }
    counts.active += 1;
    let answer;
    try {
      checkpoint(controller.signal);
      answer = await handler(message, controller.signal);
    } catch (error) {
      answer = { error: String(error?.message ?? error), cancelled: error instanceof Cancelled || undefined };
    } finally {
      counts.active -= 1;
    }
    if (answer?.cancelled || controller.signal.aborted) {
      counts.cancelled += 1;
      return;
    }
    counts.answered += 1;
    if (open) {
      try {
        port.postMessage({ id, answer: answer ?? { ok: true } });
      } catch {
        // Disconnected in between: nobody is waiting.
      }
    }
  });
}

/**
 * The content script's side: sends `message` on a new refinement port of `runtime` and resolves
 * to the answer (rejects with its error, or when the port disconnects first). `signal` (optional)
 * disconnects the port, which stops the background's work. Until the answer, a keep-alive message
 * goes every `keepAliveMs` (see {@link KEEP_ALIVE_MS}).
 */
export function askOverPort(runtime, message, { signal, keepAliveMs = KEEP_ALIVE_MS } = {}) {
  return new Promise((resolve, reject) => {
    const port = runtime.connect({ name: REFINE_PORT });
    let settled = false;
    const keepAlive = setInterval(() => {
      try {
        port.postMessage({ kind: KEEP_ALIVE });
      } catch {
        clearInterval(keepAlive); // disconnected: onDisconnect settles, or the page is going away
      }
    }, keepAliveMs);
    keepAlive.unref?.(); // (Node, in tests: a pending request does not keep the process alive)
    const finish = (run) => {
      if (settled) return;
      settled = true;
      clearInterval(keepAlive);
      signal?.removeEventListener?.('abort', onAbort);
      try {
        port.disconnect();
      } catch {
        // Already disconnected.
      }
      run();
    };
    const onAbort = () => finish(() => reject(new Cancelled()));
    port.onMessage.addListener(({ answer } = {}) => finish(() => {
      if (!answer || answer.error) reject(new Error(answer?.error ?? 'the background did not answer'));
      else resolve(answer);
    }));
    port.onDisconnect.addListener(() => finish(() => reject(new Error('glose: the background closed the refinement (was it restarted?)'))));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener?.('abort', onAbort);
    port.postMessage({ ...message, id: 1 });
  });
}
