// What the walker benchmarks (walk.mjs, walk-cold.mjs) share: the two walkers copied where the bench
// page loads them (/walks/a.js, /walks/b.js), the bench server and a headless Chromium page, and the
// `--cdn` mode.
import { chromium } from 'playwright-core';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBenchServer } from './server.mjs';
import { CORPUS, GENERATED as generated, ROOT } from './pages.mjs';

/**
 * Starts the server and a Chromium page for walkers `walkA` and `walkB` (file paths), on the bench's
 * walk page once both walkers are loaded (`onConsole` hears the page's console). With `cdn`, every
 * corpus and generated page gets a style sheet the walker does not understand (a namespaced selector:
 * walk.js `subjectKey` gives up on it, as on a cross-origin sheet; it matches nothing), so every body
 * element is checked against computed style, as on pages styled from a CDN.
 */
export async function openWalkBench(walkA, walkB, { cdn = false, onConsole = null } = {}) {
  const walks = join(ROOT, 'target', 'bench', 'walks');
  mkdirSync(walks, { recursive: true });
  copyFileSync(resolve(walkA), join(walks, 'a.js'));
  copyFileSync(resolve(walkB), join(walks, 'b.js'));
  const server = await startBenchServer({ root: ROOT, corpus: CORPUS, generated, extraMounts: [['/walks/', walks]] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(600_000);
  if (cdn) {
    const probe = '<style>@namespace g url(urn:glose-bench);g|glose-bench-probe{color:red}</style>';
    await page.route(/\/(corpus|generated)\/.*\.html(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}${probe}` });
    });
  }
  if (onConsole) page.on('console', onConsole);
  await page.goto(server.url('/walk.html'));
  await page.waitForFunction(() => window.walkReady === true);
  return { server, browser, page };
}
