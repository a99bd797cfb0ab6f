// Where Glose's in-browser time goes (headless Chromium): per page, the whole
// `analyze_live_document` call vs the extension's JavaScript DOM reader + `analyze_snapshot`.
//   node scripts/bench/phases.mjs /corpus/001/source.html /generated/seed.html …
// (`/generated/` pages are written by scripts/bench-browser.mjs into target/bench/pages.)
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { startBenchServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const server = await startBenchServer({ root: ROOT, corpus: `${ROOT}/../shared/corpus/readability-test-pages`, generated: `${ROOT}/target/bench/pages` });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(server.url('/harness.html'));
await page.waitForFunction(() => window.benchReady === true);
for (const p of process.argv.slice(2)) {
  console.log(p, JSON.stringify(await page.evaluate(([x]) => window.benchPhases(x, 3), [p])));
}
await browser.close(); await server.close();
