#!/usr/bin/env python3
"""What a runtime e5 encoder could reach: logistic heads on frozen sentence vectors trained on ALL
the gold the shipped model now learns from, scored once on CheckThat 2025 dev (evaluation only).

Gold TRAIN (every set the Rust trainer reads; never a TEST split, never CheckThat or SemEval):
  NewsSD EN+IT train+val; its team translations into FR and DE (data/opinion/newssd-translated);
  the team TRAIN split (EN/FR/DE); Wikinews FR/IT and GUM EN TRAIN articles (interviews skipped,
  as examples/opinion_corpus does).
Heads: e5 `query:` alone, USE alone, [e5 ; USE]; source-balanced weights (README "Choices"); C by
5-fold contiguous CV on the gold (mean over sources), as teacher.py does. Prints one table.

  P=target/teacher/venv/bin/python; $P tools/teacher/allgold.py      # embeds what is missing first
"""
import csv
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import embed  # noqa: E402
from split import is_test  # noqa: E402
import teacher  # noqa: E402

OP = os.path.join(data.ROOT, "data", "opinion")


def tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:] if len(l.split("\t")) == len(head)]


def gold():
    """(lang, sentence, y, source) for every gold TRAIN sentence."""
    rows = teacher.gold_train()  # NewsSD EN/IT + team TRAIN (en, fr, de files)
    rows = [(l, s, y, g if g.startswith("newssd") else "team-" + l) for l, s, y, g in rows]
    for lang in ("fr", "de"):
        for r in tsv(os.path.join(OP, "newssd-translated", lang + ".tsv")):
            rows.append((lang, data.norm(r["sentence"]), int(r["label"] == "SUBJ"), "translated-" + lang))
    for rel in ("wikinews/fr.tsv", "wikinews/it.tsv", "wikinews/it-2.tsv", "gum/en.tsv"):
        for r in tsv(os.path.join(OP, rel)):
            if r["register"] == "interview" or is_test(r["article"]):
                continue
            if r["label"] not in ("editorial", "attributed", "factual"):
                continue
            rows.append((r["lang"], data.norm(r["sentence"]), int(r["label"] == "editorial"), "realnews-" + r["lang"]))
    return rows


def main():
    rows = gold()
    sents = [r[1] for r in rows]
    dev = {lang: data.checkthat_dev(lang) for lang in ("en", "de", "it")}
    counts = {}
    for r in rows:
        counts[r[3]] = counts.get(r[3], 0) + 1
    print("gold TRAIN by source:", json.dumps(counts), "total", len(rows), flush=True)
    for enc in ("use", "e5q"):
        embed.embed(sents + [s for d in dev.values() for _, s, _ in d], enc)
    y = np.array([r[2] for r in rows])
    langs = np.array([r[0] for r in rows])
    groups = np.array([r[3] for r in rows])
    # source-balanced weights over the source families (one family per source name here)
    fam = groups

    def vecs(ss, which):
        parts = []
        for enc in which:
            v = embed.embed(ss, enc)
            parts.append(v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-12))
        return np.hstack(parts)

    out = {}
    for name, which in (("use", ["use"]), ("e5", ["e5q"]), ("e5+use", ["e5q", "use"])):
        X = vecs(sents, which)
        best = None
        for C in teacher.CS:
            n = len(y)
            fold = np.zeros(n, int)
            for g in set(groups):
                idx = np.flatnonzero(groups == g)
                fold[idx] = np.minimum(np.arange(len(idx)) * 5 // len(idx), 4)
            pred = np.zeros(n, int)
            for i in range(5):
                te = fold == i
                m = teacher.fit(X[~te], y[~te], C, fam[~te])
                pred[te] = m.predict(X[te])
            per = {g: teacher.macro_f1(y[groups == g], pred[groups == g]) for g in sorted(set(groups))}
            mean = float(np.mean(list(per.values())))
            print(f"  {name} C={C}: CV mean over sources {mean:.3f} " + " ".join(f"{g} {v:.3f}" for g, v in per.items()), flush=True)
            if best is None or mean > best[0]:
                best = (mean, C, per)
        m = teacher.fit(X, y, best[1], fam)
        res = {"C": best[1], "cv_mean": best[0], "cv": best[2]}
        for lang, d in dev.items():
            Xd = vecs([s for _, s, _ in d], which)
            yd = np.array([t for _, _, t in d])
            res["checkthat_" + lang] = teacher.macro_f1(yd, m.predict(Xd))
        out[name] = res
        print(f"{name}: C {best[1]} CV {best[0]:.3f} | CheckThat EN {res['checkthat_en']:.3f} DE {res['checkthat_de']:.3f} IT {res['checkthat_it']:.3f}", flush=True)
    with open(os.path.join(teacher.T, "allgold.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
