#!/usr/bin/env bash
# Compares the JSON reports of two builds of the CLI on the same pages: the 130 Readability test
# pages, tests/pages, ../shared/pages and generated comment pages (1,000 and 10,000 comments).
# A change meant to keep outputs identical must print "identical" for every folder.
#   bash scripts/bench/diff-reports.sh OLD_GLOSE_BINARY NEW_GLOSE_BINARY [OUT=target/diff-reports]
# Reports carrying the time of reading (relative comment dates) can differ by the minute between
# the two runs: the script runs both builds back to back to keep that unlikely.
set -euo pipefail
cd "$(dirname "$0")/../.."
old="$(realpath "$1")"; new="$(realpath "$2")"; out="${3:-target/diff-reports}"
mkdir -p "$out/pages-gen"
for n in 1000 10000; do
  [ -f "$out/pages-gen/comments-$n.html" ] || node scripts/bench/comments-page.mjs "$n" "$out/pages-gen/comments-$n.html" >/dev/null
done
status=0
for dir in ../shared/corpus/readability-test-pages tests/pages ../shared/pages "$out/pages-gen"; do
  name=$(echo "$dir" | tr -c "a-zA-Z0-9\n" _)
  rm -rf "$out/old-$name" "$out/new-$name"
  nice "$old" batch "$dir" --out "$out/old-$name" 2>/dev/null
  nice "$new" batch "$dir" --out "$out/new-$name" 2>/dev/null
  if diff -rq "$out/old-$name" "$out/new-$name" >"$out/diff-$name.txt"; then
    echo "$name: identical ($(ls "$out/new-$name" | wc -l) reports)"
  else
    echo "$name: DIFFERENT ($(wc -l <"$out/diff-$name.txt") files, see $out/diff-$name.txt)"
    status=1
  fi
done
exit $status
