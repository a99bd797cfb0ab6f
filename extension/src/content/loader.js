// Content script entry (a classic script, as manifests require): loads the module controller.
// The heavy parts (wasm, drawing) load only when Glose is turned on or asked about this page.
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const { start } = await import(api.runtime.getURL('src/content/main.js'));
  await start();
})().catch((error) => console.error('glose:', error));
