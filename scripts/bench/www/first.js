// The page side of scripts/bench/first-call.mjs: one fresh wasm instance of one build (`?b` = /pkgb/,
// else /pkg/) per page load, as the extension has one per tab: times instantiation, the FIRST
// `analyze_live_document_slim` of the document (what a page's first toggle pays, one-time set-up
// included) and a second, warm one.
const frame = document.getElementById('page');
const dir = new URLSearchParams(location.search).has('b') ? '/pkgb/' : '/pkg/';

window.firstCall = async (path) => {
  const doc = await new Promise((resolve, reject) => {
    frame.onload = () => resolve(frame.contentDocument);
    frame.onerror = reject;
    frame.src = path;
  });
  const url = frame.contentWindow.location.href;
  const t0 = performance.now();
  const m = await import(`${dir}glose.js`);
  await m.default({ module_or_path: `${dir}glose_bg.wasm` });
  const t1 = performance.now();
  const analyze = m.analyze_live_document_slim ?? m.analyze_live_document;
  let sink = analyze(doc, url);
  const t2 = performance.now();
  sink = analyze(doc, url);
  const t3 = performance.now();
  window.sink = sink;
  return { init: t1 - t0, first: t2 - t1, second: t3 - t2 };
};
window.firstReady = true;
