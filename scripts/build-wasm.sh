#!/usr/bin/env bash
# Builds the release wasm core for the browser into target/pkg/ (glose.js + glose_bg.wasm), and the
# exports' module next to it (glose_export.js + glose_export_bg.wasm):
#   cargo (wasm32, --no-default-features: no native HTML reader, no CLI)
#   → wasm-bindgen --target web → wasm-opt -Oz --converge (npm binaryen@132: Debian's is too old).
# Prints the raw and gzipped sizes. The extension and the playground copy target/pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Own target dir: release-LTO wasm builds must not lock the shared native target/.
export CARGO_TARGET_DIR="${GLOSE_WASM_TARGET_DIR:-$PWD/target/wasm}"
out="${GLOSE_WASM_OUT:-$PWD/target/pkg}"

if [ -x node_modules/.bin/wasm-opt ]; then
  wasm_opt=(node_modules/.bin/wasm-opt)
else
  wasm_opt=(npx --yes -p binaryen@132.0.0 wasm-opt)
fi

rm -rf "$out.tmp" && mkdir -p "$out.tmp"

# build NAME [cargo args...]: one wasm module of the crate into $out.tmp/NAME.js + NAME_bg.wasm.
build() {
  local name=$1
  shift
  echo "[build-wasm] cargo build $name (release, wasm32, no default features $*)"
  # GLOSE_CARGO_ARGS: extra cargo arguments for variants, e.g.
  #   GLOSE_CARGO_ARGS='--config profile.release.package.glose-read.opt-level="z"'   (BENCHMARKS.md, "opt-level for the hot crate")
  # shellcheck disable=SC2086
  cargo build --quiet --release --target wasm32-unknown-unknown --no-default-features --lib "$@" ${GLOSE_CARGO_ARGS:-}
  local raw="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/glose.wasm"
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$out.tmp" --out-name "$name" "$raw"
  # Beyond -Oz (measured 5 Dec 2026, BENCHMARKS.md "Core budget"; the code is the same, only smaller):
  #   --merge-similar-functions  merges functions that differ only in constants (-1.3 KB gzip);
  #   --converge                 repeats -Oz until the module stops shrinking (-2.8 KB gzip, ~+50 s);
  #   --low-memory-unused        folds constant address offsets into loads/stores (-1.6 KB gzip): safe
  #                              because rustc links the stack first (__stack_pointer starts at 1 MiB,
  #                              data above it), so the low 1 KiB is only ever the bottom of a full stack.
  "${wasm_opt[@]}" --merge-similar-functions -Oz --converge --low-memory-unused \
    --strip-debug --strip-producers --strip-target-features \
    "$out.tmp/${name}_bg.wasm" -o "$out.tmp/${name}_bg.opt.wasm"
  mv "$out.tmp/${name}_bg.opt.wasm" "$out.tmp/${name}_bg.wasm"
  # The native reader must not be in the browser build (its crates leave their names in panics).
  if grep -q -a -e html5ever -e 'scraper-0\.' -e markup5ever "$out.tmp/${name}_bg.wasm"; then
    echo "[build-wasm] ERROR: $name contains the native HTML reader (html5ever/scraper)" >&2
    exit 1
  fi
}

# The page's core, then the exports' module (src/wasm.rs, feature export-module): loaded only by the
# pages that export, it keeps the report's deserialiser and the exports out of the core.
build glose
build glose_export --features export-module
# The export module reads no page: it must not need the walker's snippets.
if grep -q snippets "$out.tmp/glose_export.js"; then
  echo "[build-wasm] ERROR: the export module imports page-reading snippets" >&2
  exit 1
fi

rm -rf "$out" && mv "$out.tmp" "$out"
for name in glose glose_export; do
  size=$(stat -c %s "$out/${name}_bg.wasm")
  gz=$(gzip -9 -c "$out/${name}_bg.wasm" | wc -c)
  js=$(stat -c %s "$out/$name.js")
  echo "[build-wasm] $out/${name}_bg.wasm: $size bytes raw, $gz bytes gzip -9; $name.js: $js bytes"
done
