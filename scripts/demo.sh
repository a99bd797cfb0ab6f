#!/usr/bin/env bash
# The main job (`make demo`, after setup, wasm and extension builds): prints the sample page's
# report as text, says where the extension packages are and how to load them, then serves the
# playground on 127.0.0.1 (GLOSE_PORT, default 8417; GLOSE_NO_SERVE=1 stops after printing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo run --quiet --release -- annotate www/samples/clubic-jedi.html --format text

size() { stat -c %s "$1" 2>/dev/null || echo '?'; }
cat <<MSG

── Extension packages ─────────────────────────────────────────────
  Chrome / Chromium: dist/glose-chrome.zip ($(size dist/glose-chrome.zip) bytes), unpacked in dist/chrome/
     load: chrome://extensions → Developer mode → "Load unpacked" → choose dist/chrome
  Firefox:           dist/glose-firefox.xpi ($(size dist/glose-firefox.xpi) bytes), unpacked in dist/firefox/
     load: about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → choose dist/firefox/manifest.json
  Then open a news page and press the Glose toolbar button (or Alt+Shift+G).
MSG

if [ "${GLOSE_NO_SERVE:-0}" = 1 ]; then
  exit 0
fi
echo
echo "── Playground ──────────────────────────────────────────────────────"
exec node scripts/serve.mjs --port "${GLOSE_PORT:-8417}"
