// The built packages: one manifest transformed per browser, web-ext lint without errors, and
// the archives holding what the manifests name. Run after `npm run build:extension`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

const root = new URL('../../', import.meta.url).pathname;
const manifest = (browser) => JSON.parse(readFileSync(`${root}dist/${browser}/manifest.json`, 'utf8'));

test('each browser gets the one manifest with its own keys', () => {
  const chrome = manifest('chrome');
  const firefox = manifest('firefox');
  assert.equal(chrome.background.service_worker, 'src/background/background.js');
  assert.equal(chrome.background.scripts, undefined);
  assert.ok(chrome.permissions.includes('sidePanel') && chrome.side_panel);
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.deepEqual(firefox.background.scripts, ['src/background/background.js']);
  assert.equal(firefox.background.service_worker, undefined);
  assert.ok(firefox.sidebar_action && !firefox.permissions.includes('sidePanel'));
  assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  const { background: _a, side_panel: _b, permissions: _c, ...sharedChrome } = chrome;
  const { background: _d, sidebar_action: _e, browser_specific_settings: _f, permissions: _g, ...sharedFirefox } = firefox;
  assert.deepEqual(sharedChrome, sharedFirefox, 'everything else is the same manifest');
});

test('web-ext lint reports no errors on the Firefox build', () => {
  let output;
  try {
    output = execFileSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', `${root}dist/firefox`, '--output', 'json'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    output = error.stdout; // web-ext exits non-zero when there are errors; the JSON says which.
  }
  const report = JSON.parse(output.slice(output.indexOf('{')));
  assert.deepEqual(report.errors.map((e) => `${e.code} ${e.file}: ${e.message}`), []);
  // The shipped encoder file (22 MB) must not draw a size warning (addons-linter's FILE_TOO_LARGE and kin).
  const sizeWarnings = [...report.warnings, ...report.notices].filter((w) => /SIZE|LARGE/i.test(w.code) || /encoder\//.test(w.file ?? ''));
  assert.deepEqual(sizeWarnings.map((w) => `${w.code} ${w.file}: ${w.message}`), []);
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
});

test('the archives exist and carry the wasm core', () => {
  for (const file of ['dist/glose-chrome.zip', 'dist/glose-firefox.xpi']) {
    assert.ok(existsSync(`${root}${file}`), file);
    const listing = execFileSync('unzip', ['-l', `${root}${file}`], { encoding: 'utf8' });
    for (const entry of ['manifest.json', 'pkg/glose_bg.wasm', 'pkg/glose.js', 'pkg/glose_export_bg.wasm', 'pkg/glose_export.js', 'src/content/loader.js', '_locales/fr/messages.json', 'encoder/glose-use.bin']) {
      assert.ok(listing.includes(entry), `${file} holds ${entry}`);
    }
    const size = statSync(`${root}${file}`).size;
    console.log(`${file}: ${size} bytes`);
    assert.ok(size <= 30_000_000, `${file} is within the 30 MB package budget (issue 15): ${size} bytes`);
  }
});
