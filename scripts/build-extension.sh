#!/usr/bin/env bash
# Builds the browser extension for Chromium and Firefox from one source:
#   1. the wasm core (scripts/build-wasm.sh: release, wasm-bindgen --target web, wasm-opt -Oz
#      from npm binaryen) → target/pkg/;
#   2. extension/src/content/{walk.js,snapshot-rules.js}: the wasm reader's walker (copied from
#      src/read_dom/walk.js) and Rust's rule lists (from the wasm's snapshot_rules()), for the
#      JavaScript page reader (extension/build/shared-reader.mjs; build products, not in git);
#   3. the sentence encoder file target/encoder/glose-use.bin (scripts/fetch-encoder.sh when it
#      is missing), shipped as encoder/glose-use.bin: the background loads it, no network at run time;
#   4. dist/chrome/ + dist/glose-chrome.zip and dist/firefox/ + dist/glose-firefox.xpi, each with
#      the one manifest transformed for that browser (extension/build/manifest.mjs).
# Prints the package sizes and fails when one is over MAX_PACKAGE_BYTES (30 MB, issue 15).
# SKIP_WASM=1 reuses target/pkg as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PKG=target/pkg
ENCODER=target/encoder/glose-use.bin
MAX_PACKAGE_BYTES=$((30 * 1000 * 1000))

[ -d node_modules/web-ext ] || npm ci --no-audit --no-fund

if [ "${SKIP_WASM:-0}" != 1 ]; then
  bash scripts/build-wasm.sh
fi
for f in glose.js glose_bg.wasm; do
  [ -f "$PKG/$f" ] || { echo "build-extension: missing $PKG/$f (run scripts/build-wasm.sh)" >&2; exit 1; }
done

[ -f "$ENCODER" ] || bash scripts/fetch-encoder.sh

# The JavaScript page reader's walker and rule lists come from the wasm reader's (not kept twice).
node extension/build/shared-reader.mjs "$PKG"

mkdir -p dist
for browser in chrome firefox; do
  out=dist/$browser
  rm -rf "$out"
  mkdir -p "$out/pkg"
  cp -r extension/src extension/_locales extension/icons extension/THIRD-PARTY-NOTICES.md "$out/"
  cp "$PKG/glose.js" "$PKG/glose_bg.wasm" "$PKG/glose_export.js" "$PKG/glose_export_bg.wasm" "$out/pkg/"
  # JavaScript helpers of the wasm (src/read_dom/walk.js), imported by glose.js.
  [ -d "$PKG/snippets" ] && cp -r "$PKG/snippets" "$out/pkg/"
  mkdir -p "$out/encoder"
  cp "$ENCODER" "$out/encoder/glose-use.bin"
  node extension/build/manifest.mjs "$browser" "$out/manifest.json"
done

rm -f dist/glose-chrome.zip dist/glose-firefox.xpi
npx --no-install web-ext build --source-dir dist/chrome --artifacts-dir dist --filename glose-chrome.zip --overwrite-dest >/dev/null
npx --no-install web-ext build --source-dir dist/firefox --artifacts-dir dist --filename glose-firefox.xpi --overwrite-dest >/dev/null
ls -l dist/glose-chrome.zip dist/glose-firefox.xpi "$out/pkg/glose_bg.wasm" "$out/encoder/glose-use.bin" | awk '{print $5, $9}'
for package in dist/glose-chrome.zip dist/glose-firefox.xpi; do
  size=$(stat -c %s "$package")
  echo "[build-extension] $package: $size bytes ($(( size / 1000 )) kB; the limit is $MAX_PACKAGE_BYTES)"
  if [ "$size" -gt "$MAX_PACKAGE_BYTES" ]; then
    echo "[build-extension] ERROR: $package is over the package size limit ($size > $MAX_PACKAGE_BYTES bytes)" >&2
    exit 1
  fi
done
