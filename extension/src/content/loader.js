// Content script entry (a classic script, as manifests require): loads the module controller in
// the top frame, and in other frames (`all_frames`) only the small frame side, which reads a
// comment widget's comments when the top frame asks (frame-widget.js). The heavy parts (wasm,
// drawing) load only when Glose is turned on or asked about this page.
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (window !== window.top) {
    const { startFrame } = await import(api.runtime.getURL('src/content/frame-widget.js'));
    startFrame();
    return;
  }
  // A top-level about:blank (match_about_blank, for widgets written into blank frames) is no page.
  if (!/^https?:/.test(location.protocol)) return;
  const { start } = await import(api.runtime.getURL('src/content/main.js'));
  await start();
})().catch((error) => console.error('glose:', error));
