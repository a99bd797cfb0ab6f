/**
 * What the side panel says when it cannot show a page's findings: the key of a `_locales` string
 * for the reader, never the browser's own error text ("Could not establish connection. Receiving
 * end does not exist." only means that Glose's content script is not running in the tab).
 * No extension API here (unit-tested in node).
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
