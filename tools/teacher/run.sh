#!/usr/bin/env bash
# One command: fetch encoders -> extract sources -> prefix check -> embed -> train head -> pseudo-label -> scores.
# Slow part: e5 embeddings (~3-6 sentences/s on the shared 2-core machine); everything is cached under
# target/teacher/cache/, so a re-run only embeds what is new. Logs: target/teacher/run.log.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
T="$ROOT/target/teacher"
PY="$T/venv/bin/python"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}" TEACHER_THREADS="${TEACHER_THREADS:-2}"
stamp() { echo "[$(date -u +%H:%M:%S)] $*"; }

stamp "fetch"; bash tools/teacher/fetch.sh
if [ ! -f data/opinion/npov-wiki/npov_fr.tsv ] && [ ! -f ../shared/corpus/distill/npov-wiki/npov_fr.tsv ]; then
  # needs the git mirrors of rpryzant/neutralizing-bias and JULIELab/EmoBank (see their SOURCE.md)
  [ -f /usr/share/dict/french ] || apt-get install -y -qq wfrench >/dev/null || true  # accent restoration word list
  stamp "sources"; "$PY" tools/teacher/sources.py ${NPOV_MIRROR:-} ${EMOBANK_MIRROR:-}
fi
stamp "prefix check (CV on NewsSD train subset)"; "$PY" tools/teacher/teacher.py prefix
# "query: " is the convention; switch to "passage: " only if it wins by more than 0.01 CV macro-F1
export TEACHER_E5="${TEACHER_E5:-$("$PY" -c "import json; b=json.load(open('$T/prefix_cv.json'))['best']; print('e5p' if b['e5p'] > b['e5q'] + 0.01 else 'e5q')")}"
stamp "e5 variant: $TEACHER_E5"
stamp "embed"; "$PY" tools/teacher/teacher.py embed
stamp "train"; "$PY" tools/teacher/teacher.py train
stamp "label"; "$PY" tools/teacher/teacher.py label
stamp "eval"; "$PY" tools/teacher/teacher.py eval
stamp "done"
