// The Firefox harness's two tabs (selenium + geckodriver), shared by scripts/soak.mjs and
// scripts/bench-huge.mjs: the page under test, and a control tab holding an extension page
// (`controlUrl`), the only place WebDriver can run WebExtension API calls. WebDriver drives one tab
// at a time, so every call goes through `inTab`, which switches only when needed.

/**
 * Opens the control tab beside the current one (the page tab) and loads `controlUrl` in it; with
 * `{window: true}` in a window of its own instead, so that selecting it never puts the page's tab
 * in the background (where Firefox throttles its timers).
 * Returns `{pageTab, controlTab, inTab(handle, work), control(fn, arg), current(handle)}`:
 * `control` runs `fn(arg)` (a function, serialised) in the control tab and resolves to its result
 * (or `{error}`); `current(handle)` records a tab the caller switched to itself.
 */
export async function firefoxTabs(driver, controlUrl, { window = false } = {}) {
  const pageTab = await driver.getWindowHandle();
  await driver.switchTo().newWindow(window ? 'window' : 'tab');
  const controlTab = await driver.getWindowHandle();
  await driver.get(controlUrl);
  let where = controlTab;
  const inTab = async (handle, work) => {
    if (where !== handle) {
      await driver.switchTo().window(handle);
      where = handle;
    }
    return work();
  };
  const control = (fn, arg) => inTab(controlTab, () => driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1]; Promise.resolve((${fn})(arguments[0])).then(done, (e) => done({ error: String(e) }));`, arg ?? null));
  return { pageTab, controlTab, inTab, control, current: (handle) => { where = handle; } };
}
