#!/usr/bin/env python3
"""The fixed TRAIN/TEST split of the team-annotated sentences (data/opinion/glose-annotated/*.tsv).

A sentence is TEST when int(sha1(id.encode()).hexdigest()[:8], 16) % 5 == 0 (about 20 %),
else TRAIN. The rule depends on the sentence id only, so it never changes as files grow.
Never train (teacher or student) on TEST. CLI: `split.py ID...` prints `id<TAB>train|test`.
"""
import hashlib
import sys


def is_test(sentence_id: str) -> bool:
    return int(hashlib.sha1(sentence_id.encode()).hexdigest()[:8], 16) % 5 == 0


def split_of(sentence_id: str) -> str:
    return "test" if is_test(sentence_id) else "train"


if __name__ == "__main__":
    for i in sys.argv[1:]:
        print(f"{i}\t{split_of(i)}")
