#!/bin/bash
# Benchmark soak (not a test): BATCHES (default 4) batches of 6 runs of scripts/bench/main-thread.mjs on the
# 10,000-comment page, with traces, keeping only the toggle traces of runs whose longest main-thread task took
# over 45 ms of CPU (to see what a rare long task was: node scripts/bench/trace-tasks.mjs TRACE).
#   SKIP_WASM=1 bash scripts/build-extension.sh && BATCHES=6 bash scripts/bench/main-thread-soak.sh [out dir=target/soak]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/soak}
mkdir -p "$out"
for b in $(seq 1 "${BATCHES:-4}"); do
  rm -f "$out"/b"$b".*
  GLOSE_TRACE_OUT="$out/b$b" GLOSE_GAPS=1 GLOSE_GC_ARGS=1 node scripts/bench/main-thread.mjs 10000 6 > "$out/b$b.log" 2>&1
  # Three traces per run (toggle on, hover, toggle off): run r's toggle trace is number 3r-2.
  r=0
  while read -r line; do
    r=$((r + 1))
    cpu=$(echo "$line" | sed -E 's/.*script ([0-9]+) ms, rendering ([0-9]+) ms.*/\1 \2/' | awk '{print ($1 > $2) ? $1 : $2}')
    if [ "$cpu" -le 45 ]; then rm -f "$out/b$b.$((3 * r - 2)).json"; else echo "batch $b run $r: $cpu ms (trace $out/b$b.$((3 * r - 2)).json)"; fi
    rm -f "$out/b$b.$((3 * r - 1)).json" "$out/b$b.$((3 * r)).json"
  done < <(grep -E "^run [0-9]+:" "$out/b$b.log")
  grep -E "^run [0-9]+:" "$out/b$b.log" | sed -E 's/^run ([0-9]+):.*script ([0-9]+) ms, rendering ([0-9]+) ms.*/\1:\2\/\3/' | tr '\n' ' '
  echo
done
