#!/usr/bin/env bash
# Builds the release wasm core for the browser into target/pkg/ (glose.js + glose_bg.wasm):
#   cargo (wasm32, --no-default-features: no native HTML reader, no CLI)
#   → wasm-bindgen --target web → wasm-opt -Oz --converge (npm binaryen@132: Debian's is too old).
# Prints the raw and gzipped sizes. The extension and the playground copy target/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Own target dir: release-LTO wasm builds must not lock the shared native target/.
export CARGO_TARGET_DIR="${GLOSE_WASM_TARGET_DIR:-$PWD/target/wasm}"
out="${GLOSE_WASM_OUT:-$PWD/target/pkg}"

echo "[build-wasm] cargo build (release, wasm32, no default features)"
# GLOSE_CARGO_ARGS: extra cargo arguments for variants, e.g.
#   GLOSE_CARGO_ARGS='--config profile.release.package.glose-read.opt-level="z"'   (BENCHMARKS.md, "opt-level for the hot crate")
# shellcheck disable=SC2086
cargo build --quiet --release --target wasm32-unknown-unknown --no-default-features --lib ${GLOSE_CARGO_ARGS:-}
raw="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/glose.wasm"

rm -rf "$out.tmp" && mkdir -p "$out.tmp"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out.tmp" --out-name glose "$raw"

if [ -x node_modules/.bin/wasm-opt ]; then
  wasm_opt=(node_modules/.bin/wasm-opt)
else
  wasm_opt=(npx --yes -p binaryen@132.0.0 wasm-opt)
fi
# Beyond -Oz (measured 5 Dec 2026, BENCHMARKS.md "Core budget"; the code is the same, only smaller):
#   --merge-similar-functions  merges functions that differ only in constants (-1.3 KB gzip);
#   --converge                 repeats -Oz until the module stops shrinking (-2.8 KB gzip, ~+50 s);
#   --low-memory-unused        folds constant address offsets into loads/stores (-1.6 KB gzip): safe
#                              because rustc links the stack first (__stack_pointer starts at 1 MiB,
#                              data above it), so the low 1 KiB is only ever the bottom of a full stack.
"${wasm_opt[@]}" --merge-similar-functions -Oz --converge --low-memory-unused \
  --strip-debug --strip-producers --strip-target-features \
  "$out.tmp/glose_bg.wasm" -o "$out.tmp/glose_bg.opt.wasm"
mv "$out.tmp/glose_bg.opt.wasm" "$out.tmp/glose_bg.wasm"

# The native reader must not be in the browser build (its crates leave their names in panics).
if grep -q -a -e html5ever -e 'scraper-0\.' -e markup5ever "$out.tmp/glose_bg.wasm"; then
  echo "[build-wasm] ERROR: the wasm contains the native HTML reader (html5ever/scraper)" >&2
  exit 1
fi

rm -rf "$out" && mv "$out.tmp" "$out"
size=$(stat -c %s "$out/glose_bg.wasm")
gz=$(gzip -9 -c "$out/glose_bg.wasm" | wc -c)
js=$(stat -c %s "$out/glose.js")
echo "[build-wasm] $out/glose_bg.wasm: $size bytes raw, $gz bytes gzip -9; glose.js: $js bytes"
