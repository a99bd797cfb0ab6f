/**
 * What the side panel says when it cannot show a page's findings: the key of a `_locales` string
 * for the reader, never the browser's own error text ("Could not establish connection. Receiving
 * end does not exist." only means that Glose's content script is not running in the tab).
 * No extension API here (unit-tested in node). Also the rule of which of overlapping refreshes wins
 * ({@link newestAnswer}).
 */

/** The browsers' words for "no content script answers in that tab". */
const NOT_RUNNING = /receiving end does not exist|could not establish connection|no matching message handler/i;

/**
 * `error`: why asking the tab failed; `tab`: the tab (`{url?, status?}`) or null.
 * - a web page still loading → `loadingPage`;
 * - a web page where Glose is not running (a tab opened before Glose was installed) → `glossOff`,
 *   which says how to turn it on;
 * - Glose running but failing on the page → `analysisFailed`;
 * - anything else (browser pages, local files, no tab) → `cannotRead`.
 */
export function panelStatus(error, tab) {
  const url = typeof tab?.url === 'string' ? tab.url : '';
  if (!/^https?:/i.test(url)) return 'cannotRead';
  if (tab.status === 'loading') return 'loadingPage';
  return NOT_RUNNING.test(String(error?.message ?? error ?? '')) ? 'glossOff' : 'analysisFailed';
}

/**
 * The side panel's refresh: asks its tab (`ask()` → the page state) and shows the answer
 * (`show(state)`), or says why there is none (`explain(error)` → a status, maybe async; then
 * `say(status)`). Refreshes overlap: when a tab finishes loading, the panel asks at once and the
 * new page's content script, once it listens, also tells the panel to ask (`state-changed`). The
 * first question can fail ("Receiving end does not exist": not listening yet) while the second is
 * answered. So a failure is said only while no newer question was asked (a newer one may be
 * answered), and an answer is shown unless a newer answer already is: the older failure, landing
 * after the second question was asked, can no longer clear the panel and throw the new page's
 * findings away (it did: the panel stayed empty on a page Glose had read, with nothing to make it
 * ask again). An older answer still shows while a newer question waits, so frequent questions
 * never leave the panel with nothing. `refresh.drop()` forgets every question asked so far (the
 * tab moved on: their answers are the previous page's).
 */
export function newestAnswer({ ask, show, explain, say }) {
  let asked = 0;
  /** The question whose outcome is on show. */
  let shown = 0;
  /** The last question asked before the tab moved on. */
  let dropped = 0;
  const refresh = async () => {
    asked += 1;
    const ticket = asked;
    let state;
    try {
      state = await ask();
    } catch (error) {
      const current = () => ticket === asked && ticket > dropped;
      if (!current()) return;
      const status = await explain(error);
      if (!current()) return;
      shown = ticket;
      say(status);
      return;
    }
    if (ticket <= dropped || ticket <= shown) return;
    shown = ticket;
    show(state);
  };
  refresh.drop = () => {
    dropped = asked;
  };
  return refresh;
}
