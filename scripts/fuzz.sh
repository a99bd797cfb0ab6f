#!/usr/bin/env bash
# Runs one cargo-fuzz target for a set time, politely (nice 19, one process: libFuzzer runs a
# single worker unless -jobs/-workers are given), on the stable toolchain.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
#   scripts/fuzz.sh list
#
# Targets: analyze_html, snapshot_json, reanchor, export, encoder, encoder_embed (see
# fuzz/fuzz_targets/). The corpus (fuzz/corpus/TARGET, git-ignored) is seeded on first use from
# fuzz/seeds/TARGET and from real pages: for the HTML target tests/hostile/*/page.html, the shared
# pages, the Readability test pages and trafilatura's evaluation pages (files under 64 KB); for
# snapshot_json the snapshots of the Readability test pages under 64 KB (examples/
# fuzz_snapshot_seeds.rs); for the encoder targets 1,200 sentences of trafilatura's annotations.
# Crashes land in fuzz/artifacts/TARGET; replay one with
#   scripts/fuzz.sh TARGET 0 fuzz/artifacts/TARGET/crash-…
# Built without a sanitizer and with debug assertions (so integer overflow panics): the code is
# safe Rust, where AddressSanitizer finds little and slows every execution (the HTML target
# made 4 executions a second with it);
# GLOSE_FUZZ_SANITIZER=address brings it back.
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
sanitizer="${GLOSE_FUZZ_SANITIZER:-none}"
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
    # trafilatura's evaluation pages that are under 64 KB unpacked (269 of 807).
    for page in "$shared"/corpus/trafilatura-eval/html/*.html.gz; do
      [ -f "$page" ] || continue
      [ "$(gzip -dc "$page" | wc -c)" -lt 65536 ] && gzip -dc "$page" > "$corpus/$(basename "$page" .gz)"
    done
  fi
  if [ "$target" = snapshot_json ] && [ -d "$shared" ]; then
    # Snapshots of real pages, as the readers make them: Readability's test pages under 64 KB.
    find "$shared/corpus/readability-test-pages" -name 'source.html' -size -64k 2>/dev/null | sort |
      ( cd .. && cargo run -q --release --example fuzz_snapshot_seeds -- "fuzz/$corpus" )
  fi
  if [ "${target#encoder}" != "$target" ] && [ -f "$shared/corpus/trafilatura-eval/annotations.json" ]; then
    # Real sentences: the strings trafilatura's annotators picked from the pages (1,200 of them;
    # a mode byte first, see fuzz_targets/encoder.rs: 0x01 plain, 0xe1 repeated past the limit).
    python3 - "$shared/corpus/trafilatura-eval/annotations.json" "$corpus" <<'PY'
import hashlib, json, random, sys
pages = json.load(open(sys.argv[1]))
texts = sorted({s.strip() for p in pages.values() for s in p.get("with", []) + p.get("without", []) if len(s.strip()) >= 8})
random.seed(14)
for i, s in enumerate(random.sample(texts, min(1200, len(texts)))):
    b = bytes([0xE1 if i % 16 == 0 else 0x01]) + s.encode()
    open(f"{sys.argv[2]}/{hashlib.sha1(b).hexdigest()[:16]}", "wb").write(b)
PY
  fi
fi
mkdir -p "artifacts/$target"
if [ "$#" -gt 0 ] && [ -f "$1" ]; then
  # Replay one input.
  exec nice -n 19 cargo fuzz run -s "$sanitizer" -a "$target" "$@"
fi
exec nice -n 19 cargo fuzz run -s "$sanitizer" -a "$target" "$corpus" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
  -print_final_stats=1 "$@"
