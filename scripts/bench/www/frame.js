// What the in-page benchmarks share: loading a page into their frame.

/** Loads `path` (on the bench server) into `frame` and resolves with its document. */
export function loadInFrame(frame, path) {
  return new Promise((resolve, reject) => {
    frame.onload = () => resolve(frame.contentDocument);
    frame.onerror = reject;
    frame.src = path;
  });
}
