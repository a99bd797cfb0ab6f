#!/usr/bin/env python3
"""Extract NewsSD train/val source rows in file order, for translation.

Reproducible mapping from a translated row back to its source sentence:
  id = newssd-<target>-<src lang>-<split>-<row number, 4 digits, data rows counted from 1>
  source_sentence_sha1 = sha1 of the sentence after collapsing internal newlines
  (all whitespace runs) to one space and trimming.

NEVER reads test.csv.

Usage:
  newssd_extract.py [--target de] [--root DIR] > rows.tsv
      prints: id <TAB> label <TAB> source_lang <TAB> sha1 <TAB> sentence
  newssd_extract.py --target de --append BATCH.tsv --out data/opinion/newssd-translated/de.tsv
      BATCH.tsv holds lines "id<TAB>translation"; rows are appended to OUT in the
      extraction order, checked to continue exactly where OUT stops.
"""
import argparse
import csv
import hashlib
import os
import re
import sys

ROOT = "/work/shared/corpus/subjectivity/newssd"
ORDER = [("en", "english", "train"), ("en", "english", "val"),
         ("it", "italian", "train"), ("it", "italian", "val")]
HEADER = "id\tlang\tlabel\tsource_lang\tsource_sentence_sha1\tsentence"


def normalise(s):
    return re.sub(r"\s+", " ", s).strip()


def rows(target, root=ROOT):
    for code, folder, split in ORDER:
        assert split != "test"
        path = os.path.join(root, folder, split + ".csv")
        with open(path, newline="", encoding="utf-8") as f:
            for n, r in enumerate(csv.DictReader(f), 1):
                sent = normalise(r["Sentence"])
                label = r["Label"].strip()
                assert label in ("SUBJ", "OBJ"), (path, n, label)
                yield {
                    "id": f"newssd-{target}-{code}-{split}-{n:04d}",
                    "label": label,
                    "source_lang": code,
                    "sha1": hashlib.sha1(sent.encode("utf-8")).hexdigest(),
                    "sentence": sent,
                }


def append(target, batch, out):
    src = list(rows(target))
    index = {r["id"]: i for i, r in enumerate(src)}
    done = []
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            done = [l.split("\t", 1)[0] for l in f
                    if l.strip() and not l.startswith("#") and not l.startswith("id\t")]
    nxt = index[done[-1]] + 1 if done else 0
    new = []
    with open(batch, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            rid, text = line.split("\t", 1)
            text = normalise(text.replace("\t", " "))
            assert text, rid
            assert index.get(rid) == nxt, f"expected {src[nxt]['id']}, got {rid}"
            r = src[nxt]
            new.append("\t".join([rid, target, r["label"], r["source_lang"], r["sha1"], text]))
            nxt += 1
    with open(out, "a", encoding="utf-8") as f:
        if not done and (not os.path.exists(out) or os.path.getsize(out) == 0):
            f.write("# NewsSD (Antici et al. 2024, CC BY 4.0) train+val sentences translated into "
                    "German by the Glose team; labels carried over. See SOURCE.md.\n")
            f.write(HEADER + "\n")
        for l in new:
            f.write(l + "\n")
    print(f"appended {len(new)}; next {src[nxt]['id'] if nxt < len(src) else 'END'}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", default="de")
    ap.add_argument("--root", default=ROOT)
    ap.add_argument("--append")
    ap.add_argument("--out")
    a = ap.parse_args()
    if a.append:
        append(a.target, a.append, a.out)
        return
    w = sys.stdout
    for r in rows(a.target, a.root):
        w.write("\t".join([r["id"], r["label"], r["source_lang"], r["sha1"], r["sentence"]]) + "\n")


if __name__ == "__main__":
    main()
