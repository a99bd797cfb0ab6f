#!/usr/bin/env bash
# THE test command (`make test`, CI): installs what is missing (scripts/setup.sh, which also makes
# the sentence encoder file with scripts/fetch-encoder.sh), then runs
#   1. native Rust tests (all targets),
#   2. the wasm build (release, size printed),
#   3. browser tests (tests/browser*.rs) in headless Chromium and Firefox ESR,
#   4. the extension packages (dist/), then npm test (extension unit + end-to-end tests) when
#      package.json has a test script.
# Every step runs even if an earlier one failed; the summary lists failures and the exit code is
# non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

results=()
failed=0
step() {
  local name="$1"; shift
  local started=$SECONDS
  printf '\n\033[1m=== %s ===\033[0m\n' "$name"
  if "$@"; then
    results+=("ok    $name ($((SECONDS - started)) s)")
  else
    results+=("FAIL  $name ($((SECONDS - started)) s)")
    failed=1
  fi
}

# Setup failing means nothing else can run meaningfully.
if ! bash scripts/setup.sh; then
  echo "[test] setup failed" >&2
  exit 1
fi

step "native tests (cargo test --all-targets)" cargo test --all-targets

# Lints as errors, natively and for the wasm target (the wasm surface is compiled only there);
# skipped where the toolchain has no clippy component (it cannot always be fetched).
if cargo clippy --version >/dev/null 2>&1; then
  step "clippy (-D warnings)" bash -c 'cargo clippy --all-targets -- -D warnings && cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings'
else
  echo "[test] clippy: not installed with this toolchain, skipped"
fi

step "wasm release build" bash scripts/build-wasm.sh

browser_tests=()
for f in tests/browser*.rs; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .rs)
  # Benchmarks print timings only; run them by hand (see BENCHMARKS.md).
  [[ "$name" == *bench* ]] && continue
  browser_tests+=(--test "$name")
done

wasm_test() {
  # The html feature compiles the native reader into the test wasm so both readers are compared.
  CARGO_TARGET_DIR="${GLOSE_WASM_TARGET_DIR:-$PWD/target/wasm}" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown --no-default-features --features html "${browser_tests[@]}"
}
# If both driver variables are set, the runner picks Firefox: set exactly one.
chromium_tests() { (unset GECKODRIVER SAFARIDRIVER; export CHROMEDRIVER; CHROMEDRIVER="$(command -v chromedriver)"; wasm_test); }
firefox_tests() { (unset CHROMEDRIVER SAFARIDRIVER; export GECKODRIVER; GECKODRIVER="$(command -v geckodriver)"; wasm_test); }
if ((${#browser_tests[@]})); then
  step "browser tests: headless Chromium" chromium_tests
  step "browser tests: headless Firefox ESR" firefox_tests
fi

# The extension's end-to-end tests load dist/ (built from target/pkg by the step above).
if [ -f scripts/build-extension.sh ]; then
  step "extension build (dist/)" env SKIP_WASM=1 bash scripts/build-extension.sh
fi

if [ -f package.json ] && node -e 'process.exit(require("./package.json").scripts?.test ? 0 : 1)' 2>/dev/null; then
  step "npm test (extension)" npm test
fi

printf '\n\033[1m=== summary ===\033[0m\n'
printf '%s\n' "${results[@]}"
exit $failed
