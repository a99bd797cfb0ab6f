#!/bin/bash
# Benchmark (not a test): two extension builds side by side on the 10,000-comment page, interleaved
# batches of scripts/bench/main-thread.mjs (6 runs each: a fresh tab, then five reloads), so that
# both see the same machine; sum each build's logs with scripts/bench/gc-summary.mjs.
#   bash scripts/bench/main-thread-ab.sh OUT_DIR BATCHES NAME_A DIST_A NAME_B DIST_B
#   node scripts/bench/gc-summary.mjs OUT_DIR/NAME_A.b*.log
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1
batches=$2
shift 2
mkdir -p "$out"
for b in $(seq 1 "$batches"); do
  for pair in "$1=$2" "$3=$4"; do
    name=${pair%%=*}
    dir=${pair#*=}
    GLOSE_EXTENSION=$dir GLOSE_GAPS=1 GLOSE_GC_ARGS=1 node scripts/bench/main-thread.mjs 10000 6 > "$out/$name.b$b.log" 2>&1
    echo "$(date +%T) $name batch $b load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
