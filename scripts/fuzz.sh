#!/usr/bin/env bash
# Runs one cargo-fuzz target for a set time, politely (nice 19, one process: libFuzzer runs a
# single worker unless -jobs/-workers are given), on the stable toolchain.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
#   scripts/fuzz.sh list
#
# Targets: analyze_html, snapshot_json, reanchor, export (see fuzz/fuzz_targets/). The corpus
# (fuzz/corpus/TARGET, git-ignored) is seeded on first use from fuzz/seeds/TARGET and, for the
# HTML target, from tests/hostile/*/page.html, the shared pages and the Readability test pages
# (files under 64 KB).
# Crashes land in fuzz/artifacts/TARGET; replay one with
#   scripts/fuzz.sh TARGET 0 fuzz/artifacts/TARGET/crash-…
# Needs `cargo install cargo-fuzz`. cargo-fuzz passes nightly-only flags (-Z sanitizer);
# RUSTC_BOOTSTRAP=1 lets the stable compiler accept them.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags]}"
if [ "$target" = list ]; then
  exec cargo fuzz list
fi
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags]}"
shift 2
export RUSTC_BOOTSTRAP=1
shared="${GLOSE_SHARED:-$(cd .. && pwd)/../shared}"
corpus="corpus/$target"
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  if [ -d "seeds/$target" ]; then cp "seeds/$target"/* "$corpus"/ 2>/dev/null || true; fi
  if [ "$target" = analyze_html ]; then
    # The hostile-page cases are the HTML target's own seeds (one copy, in tests/hostile).
    for page in ../tests/hostile/*/page.html; do
      [ -f "$page" ] && cp "$page" "$corpus/$(basename "$(dirname "$page")").html"
    done
  fi
  if [ "$target" = analyze_html ] && [ -d "$shared" ]; then
    find "$shared/pages" "$shared/corpus/readability-test-pages" -name '*.html' -size -64k 2>/dev/null |
      while read -r page; do cp "$page" "$corpus/$(echo "$page" | md5sum | cut -c1-16).html"; done
  fi
fi
mkdir -p "artifacts/$target"
if [ "$#" -gt 0 ] && [ -f "$1" ]; then
  # Replay one input.
  exec nice -n 19 cargo fuzz run "$target" "$@"
fi
exec nice -n 19 cargo fuzz run "$target" "$corpus" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
  -print_final_stats=1 "$@"
