#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already there (idempotent).
#   - apt: chromium, chromium-driver, firefox-esr (browser tests, extension end-to-end tests)
#   - rustup target wasm32-unknown-unknown
#   - cargo: wasm-bindgen-cli (the version pinned in Cargo.lock), geckodriver
#   - npm: the repo's package.json devDependencies (npm ci), e.g. binaryen's wasm-opt
#   - the sentence encoder file, target/encoder/glose-use.bin (scripts/fetch-encoder.sh)
# Needs: the Rust toolchain (rustup), node/npm, gcc; root or sudo for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# --- browsers (apt) -----------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "[setup] need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  say "apt-get install ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "browsers: present ($(chromium --version 2>/dev/null | head -1); $( (firefox-esr --version || firefox --version) 2>/dev/null | head -1))"
fi

# --- Rust wasm target ---------------------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- wasm-bindgen-cli, same version as the wasm-bindgen crate in Cargo.lock ---------------------
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -z "$want" ]; then
  echo "[setup] cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1
elif [ "$have" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "wasm-bindgen-cli $want: present"
else
  say "cargo install wasm-bindgen-cli --version $want (a few minutes)"
  # --locked can fail against the registry (a locked dependency version is gone): retry without.
  cargo install -q wasm-bindgen-cli --version "$want" --locked \
    || cargo install -q wasm-bindgen-cli --version "$want" --force
fi

# --- geckodriver (Firefox WebDriver) ------------------------------------------------------------
if command -v geckodriver >/dev/null 2>&1; then
  say "geckodriver: present ($(geckodriver --version 2>/dev/null | head -1))"
else
  say "cargo install geckodriver (a few minutes)"
  cargo install -q geckodriver --locked || cargo install -q geckodriver
fi

# --- npm dev dependencies -----------------------------------------------------------------------
if [ -f package.json ]; then
  if [ -f package-lock.json ]; then
    # Re-install only when the lock changed since the last install.
    if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
      say "npm packages: present"
    else
      say "npm ci"
      npm ci --no-audit --no-fund --loglevel=error
    fi
  else
    say "npm install (no package-lock.json)"
    npm install --no-audit --no-fund --loglevel=error
  fi
fi

# --- the sentence encoder file (target/encoder/glose-use.bin; the encoder tests need it) --------
bash scripts/fetch-encoder.sh

say "done"
