#!/usr/bin/env bash
# Builds a wasm package for the benchmarks into OUT (default target/bench/pkg), like
# scripts/build-wasm.sh but without touching target/pkg, in its own target dir, with the
# optimisation levels as parameters (to compare builds side by side):
#   OPT=z WASM_OPT=-Oz NAMES=0 CARGO_TARGET_DIR=target/wasm-dom bash scripts/bench/build-pkg.sh target/bench/pkg-z
# OPT: the cargo release opt-level (z, s, 2, 3); WASM_OPT: wasm-opt flags ("" to skip wasm-opt);
# NAMES=1 keeps the name section (readable CPU profiles); FEATURES: cargo features (e.g.
# bench-phases for scripts/bench/split.mjs). Prints raw and gzip -9 sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"
out="$(realpath -m "${1:-target/bench/pkg}")"
opt="${OPT:-z}"
wasm_opt_flags="${WASM_OPT--Oz}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/wasm-dom}"
export CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt"
nice cargo build --quiet --release --target wasm32-unknown-unknown --no-default-features --lib ${FEATURES:+--features "$FEATURES"}
raw="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/glose.wasm"
names=(--remove-name-section)
[ "${NAMES:-0}" = 1 ] && names=()
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript "${names[@]}" --remove-producers-section \
  --out-dir "$out" --out-name glose "$raw"
if [ -n "$wasm_opt_flags" ]; then
  keep=(--strip-debug)
  [ "${NAMES:-0}" = 1 ] && keep=(--debuginfo)
  # shellcheck disable=SC2086
  nice node_modules/.bin/wasm-opt $wasm_opt_flags "${keep[@]}" --strip-producers --strip-target-features \
    "$out/glose_bg.wasm" -o "$out/glose_bg.opt.wasm"
  mv "$out/glose_bg.opt.wasm" "$out/glose_bg.wasm"
fi
size=$(stat -c %s "$out/glose_bg.wasm")
gz=$(gzip -9 -c "$out/glose_bg.wasm" | wc -c)
echo "[build-pkg] opt-level $opt, wasm-opt '${wasm_opt_flags}': $out/glose_bg.wasm $size raw, $gz gzip -9"
