#!/usr/bin/env python3
"""Distillation teacher: logistic regression on [e5 ; USE] sentence embeddings.

  teacher.py prefix     CV (train only) of the e5 prefix: query vs passage, on a fixed gold subset
  teacher.py embed      embed everything the next steps need (slow part; resumable cache)
  teacher.py train      choose C by 5-fold contiguous CV on gold TRAIN, fit, save target/teacher/head.npz
  teacher.py eval       scores of the saved head (CheckThat dev EN/DE/IT, team TEST EN/FR, SemEval FR proxy)
  teacher.py label      write data/opinion/pseudo/*.tsv

Gold TRAIN = NewsSD EN+IT train+val (CC BY 4.0) + the TRAIN split of the team files (split.py).
Label: editorial (NewsSD SUBJ) = 1, everything else = 0. Evaluation-only sets are never fitted on.
Pool: every extracted sentence, or the first TEACHER_POOL of the FR / EN interleave (see pool()).
"""
import csv
import glob
import hashlib
import json
import os
import re
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import embed  # noqa: E402

ROOT = data.ROOT
T = os.path.join(ROOT, "target", "teacher")
E5 = os.environ.get("TEACHER_E5", "e5q")  # chosen by `teacher.py prefix` (see README)
# pool size: all extracted sentences (~21.8k) unless TEACHER_POOL caps it (the selection is prefix-closed)
POOL_N = int(os.environ.get("TEACHER_POOL", "0")) or 10 ** 9
PREFIX_N = 400  # sentences per language for the prefix check (e5 is slow on the shared CPU)
CS = [0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
SEMEVAL = os.path.join(data.SUBJ, "semeval2023t3_fr", "train")


def h(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def feats(sentences, e5=E5):
    if not sentences:
        return np.zeros((0, 384 + 512), np.float32)
    a = embed.embed(sentences, e5)
    b = embed.embed(sentences, "use")
    a /= np.linalg.norm(a, axis=1, keepdims=True) + 1e-12
    b /= np.linalg.norm(b, axis=1, keepdims=True) + 1e-12
    return np.hstack([a, b])


def gold_train():
    """(lang, sentence, y, source block) for every gold TRAIN sentence."""
    rows = [(lang, s, y, "newssd-" + lang) for lang, s, y in data.newssd_train()]
    team = [r for r in data.team_rows() if r["split"] == "train"]
    rows += [(r["lang"], r["sentence"], int(r["label"] == "editorial"), "team-" + r["file"]) for r in team]
    return rows


def macro_f1(y, p):
    from sklearn.metrics import f1_score
    return f1_score(y, p, average="macro", labels=[0, 1], zero_division=0)


def family(groups, langs):
    """Source family of each gold sentence: newssd-en, newssd-it, team-en, team-fr."""
    return np.array([g if g.startswith("newssd") else "team-" + l for g, l in zip(groups, langs)])


def source_balanced(y, fam):
    """Sample weights: each source family weighs the same in total, each class half of it.
    Chosen by train CV: plain class balancing let the 6k easy team sentences pull NewsSD EN down
    (CV 0.685 vs 0.704 with these weights; NewsSD-only training 0.714 but team 0.80)."""
    w = np.ones(len(y))
    for f in set(fam):
        for c in (0, 1):
            m = (fam == f) & (y == c)
            if m.any():
                w[m] = 1.0 / m.sum()
    return w * len(y) / w.sum()


def fit(X, y, C, fam=None):
    from sklearn.linear_model import LogisticRegression
    if fam is None:
        m = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
        m.fit(X, y)
    else:
        m = LogisticRegression(C=C, max_iter=3000)
        m.fit(X, y, sample_weight=source_balanced(y, fam))
    return m


def cv(X, y, langs, C, k=5, groups=None, fam_w=None):
    """Contiguous folds (the files list an article's sentences together), cut within each source
    (NewsSD EN, NewsSD IT, each team file) so every fold holds every language. Returns per-language macro-F1
    of the out-of-fold predictions and the pooled score."""
    n = len(y)
    pred = np.zeros(n, int)
    by_source = groups is not None
    groups = langs if groups is None else groups
    fold = np.zeros(n, int)
    for g in set(groups):  # each source block is cut into k contiguous chunks, chunk i -> fold i
        idx = np.flatnonzero(groups == g)
        fold[idx] = np.minimum(np.arange(len(idx)) * k // len(idx), k - 1)
    for i in range(k):
        te = fold == i
        m = fit(X[~te], y[~te], C, None if fam_w is None else fam_w[~te])
        pred[te] = m.predict(X[te])
    out = {lang: macro_f1(y[langs == lang], pred[langs == lang]) for lang in sorted(set(langs))}
    fam = family(groups, langs)
    if by_source:
        out.update({f: macro_f1(y[fam == f], pred[fam == f]) for f in sorted(set(fam))})
    out["all"] = macro_f1(y, pred)
    return out


def cmd_prefix():
    rows = data.newssd_train()
    sub = [r for r in rows if r[0] == "en"][:PREFIX_N] + [r for r in rows if r[0] == "it"][:PREFIX_N]
    s = [r[1] for r in sub]
    y = np.array([r[2] for r in sub])
    langs = np.array([r[0] for r in sub])
    res = {}
    for name in ("e5q", "e5p"):
        E = embed.embed(s, name)
        for C in CS:
            r = cv(E, y, langs, C)
            res[f"{name} alone C={C}"] = r
        for C in CS:
            res[f"{name}+use C={C}"] = cv(feats(s, name), y, langs, C)
    for k_, v in res.items():
        print(f"{k_:22s} " + "  ".join(f"{a} {b:.3f}" for a, b in v.items()))
    best = {}
    for name in ("e5q", "e5p"):
        best[name] = max(v["all"] for k_, v in res.items() if k_.startswith(name + "+"))
    print("best CV (e5+use, over C):", {k_: round(v, 3) for k_, v in best.items()})
    json.dump({"subset": f"NewsSD EN train[:{PREFIX_N}] + IT train[:{PREFIX_N}]", "results": res, "best": best},
              open(os.path.join(T, "prefix_cv.json"), "w"), indent=1)


# ---------------------------------------------------------------- pool of unlabeled text
def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")]
    return rows[1:]


EMO_PRIORITY = {"newspaper": 0, "SemEval": 0, "essays": 1, "letters": 1, "blog": 1, "travel-guides": 2, "fiction": 3}


def src_path(rel):
    """data/opinion/<rel> in this checkout, else the team copy under shared/corpus/distill/<rel>."""
    here = os.path.join(ROOT, "data", "opinion", rel)
    there = os.path.join(data.SHARED, "corpus", "distill", rel)
    return here if os.path.exists(here) or not os.path.exists(there) else there


def pool(n=None):
    """Deterministic, prefix-closed selection: FR and EN lists, each in a fixed order, interleaved
    one to one; the first n. FR = NPOV frwiki pairs (both sides of a pair together); EN = NPOV
    enwiki pairs then EmoBank (news-like categories first)."""
    n = POOL_N if n is None else n
    fr = read_tsv(src_path("npov-wiki/npov_fr.tsv"))
    fr.sort(key=lambda r: (h(r[0]), r[1]))
    fr = [("fr", "npov-wiki-fr", r[0] + ":" + r[1], r[2]) for r in fr]
    en_n = read_tsv(src_path("npov-wiki/npov_en.tsv"))
    en_n.sort(key=lambda r: (h(r[0]), r[1]))
    emo = read_tsv(src_path("emobank/emobank.tsv"))
    emo.sort(key=lambda r: (EMO_PRIORITY.get(r[1], 4), h(r[0])))
    # NPOV EN and EmoBank alternate 1:3 until NPOV EN runs out
    en, i, j = [], 0, 0
    while i < len(en_n) or j < len(emo):
        if i < len(en_n) and (len(en) % 4 == 0 or j >= len(emo)):
            r = en_n[i]; en.append(("en", "npov-wiki-en", r[0] + ":" + r[1], r[2])); i += 1
        else:
            r = emo[j]; en.append(("en", "emobank", r[0] + ":" + r[1], r[2])); j += 1
    out, a, b = [], 0, 0
    while len(out) < n and (a < len(fr) or b < len(en)):
        if a < len(fr) and (len(out) % 2 == 0 or b >= len(en)):
            out.append(fr[a]); a += 1
        elif b < len(en):
            out.append(en[b]); b += 1
    return out


# ---------------------------------------------------------------- SemEval FR proxy (eval only)
SENT_END = re.compile(r"(?<=[.!?…»])\s+(?=[«\"A-ZÀ-ÖØ-Þ0-9])")


def semeval_sentences():
    """Every fourth article (sorted by id): list of (article id, start, end, sentence, genre, has_span)."""
    wanted = {"Loaded_Language", "Doubt", "Exaggeration-Minimisation", "Name_Calling-Labeling"}
    spans = {}
    for line in open(os.path.join(SEMEVAL, "labels-subtask-3-spans.tsv"), encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        if len(c) == 4 and c[1] in wanted:
            spans.setdefault(c[0], []).append((int(c[2]), int(c[3])))
    genres = dict(l.rstrip("\n").split("\t")[:2] for l in open(os.path.join(SEMEVAL, "labels-subtask-1-genre.tsv"), encoding="utf-8") if "\t" in l)
    files = sorted(glob.glob(os.path.join(SEMEVAL, "articles", "article*.txt")))[::4]
    out = []
    for path in files:
        aid = os.path.basename(path)[len("article"):-len(".txt")]
        text = open(path, "rb").read().decode("utf-8", "replace")
        gold = spans.get(aid, [])
        pos = 0
        for line in text.split("\n"):
            start = 0
            for piece in SENT_END.split(line):
                k = line.find(piece, start)
                start = k + len(piece)
                s = data.norm(piece)
                if len(s) >= 3:
                    a_, b_ = pos + k, pos + k + len(piece)
                    out.append((aid, a_, b_, s, genres.get(aid, "?"), any(x < b_ and a_ < y for x, y in gold)))
            pos += len(line) + 1
    return out, spans


# ---------------------------------------------------------------- commands
def cmd_embed():
    t0 = time.time()
    team = [r["sentence"] for r in data.team_rows()]
    gold = [r[1] for r in gold_train()]
    dev = [r[1] for lang in ("en", "de", "it") for r in data.checkthat_dev(lang)]
    sem = [r[3] for r in semeval_sentences()[0]]
    pl = [r[3] for r in pool()]
    everything = gold + team + dev + sem + pl
    embed.embed(everything, "use")
    embed.embed(gold + team, E5)
    print(f"[gold] done at {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    for i in range(0, len(pl), 1000):
        embed.embed(pl[i:i + 1000], E5)
        print(f"[pool] {min(i + 1000, len(pl))}/{len(pl)} at {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    for name, part in (("checkthat dev", dev), ("semeval", sem)):
        embed.embed(part, E5)
        print(f"[{name}] done at {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    print(f"embed: done in {time.time() - t0:.0f}s")


def cmd_train():
    rows = gold_train()
    s = [r[1] for r in rows]
    y = np.array([r[2] for r in rows])
    langs = np.array([r[0] for r in rows])
    groups = np.array([r[3] for r in rows])
    X = feats(s)
    t0 = time.time()
    fam = family(groups, langs)
    res = {C: cv(X, y, langs, C, groups=groups, fam_w=fam) for C in CS}
    for C, r in res.items():
        print(f"CV C={C:<5} " + "  ".join(f"{a} {b:.3f}" for a, b in r.items()))
    # pick C by the mean CV macro-F1 over the sources (NewsSD EN, NewsSD IT, team EN, team FR)
    srcs = [k_ for k_ in res[CS[0]] if "-" in k_] or [k_ for k_ in res[CS[0]] if k_ != "all"]
    best = max(CS, key=lambda C: np.mean([res[C][k_] for k_ in srcs]))
    m = fit(X, y, best, fam)
    np.savez(os.path.join(T, "head.npz"), coef=m.coef_[0], intercept=m.intercept_, C=best, e5=E5)
    counts = {lang: [int((langs == lang).sum()), int(y[langs == lang].sum())] for lang in sorted(set(langs))}
    info = {"C": best, "cv": {str(C): r for C, r in res.items()}, "train_counts [n, editorial]": counts,
            "e5": E5, "cv_seconds": round(time.time() - t0, 1)}
    json.dump(info, open(os.path.join(T, "train.json"), "w"), indent=1)
    print(f"chosen C={best}; CV at that C: " + "  ".join(f"{a} {b:.3f}" for a, b in res[best].items()))
    print("training sentences [n, editorial] by language:", counts)


def head():
    z = np.load(os.path.join(T, "head.npz"))
    assert str(z["e5"]) == E5, "head trained with another e5 prefix"
    return z["coef"], float(z["intercept"][0])


def prob(sentences):
    w, b = head()
    return 1 / (1 + np.exp(-(feats(sentences) @ w + b)))


def cmd_eval():
    out = {}
    print("Teacher evaluation (eval-only sets; never fitted or tuned on):")
    for lang in ("en", "de", "it"):
        rows = data.checkthat_dev(lang)
        y = np.array([r[2] for r in rows])
        p = prob([r[1] for r in rows]) >= 0.5
        from sklearn.metrics import precision_score, recall_score
        out[f"checkthat_dev_{lang}"] = dict(macro_f1=macro_f1(y, p), n=len(y), subj_p=precision_score(y, p, zero_division=0), subj_r=recall_score(y, p, zero_division=0))
        print(f"  CheckThat 2025 dev {lang}: macro-F1 {out[f'checkthat_dev_{lang}']['macro_f1']:.3f} (SUBJ P {out[f'checkthat_dev_{lang}']['subj_p']:.3f} R {out[f'checkthat_dev_{lang}']['subj_r']:.3f}; {len(y)} sentences)")
    team = [r for r in data.team_rows() if r["split"] == "test"]
    for lang in sorted({r["lang"] for r in team}):
        rs = [r for r in team if r["lang"] == lang]
        y = np.array([int(r["label"] == "editorial") for r in rs])
        p = prob([r["sentence"] for r in rs]) >= 0.5
        out[f"team_test_{lang}"] = dict(macro_f1=macro_f1(y, p), n=len(y), editorial=int(y.sum()))
        print(f"  team TEST {lang}: macro-F1 {out[f'team_test_{lang}']['macro_f1']:.3f} ({len(y)} sentences, {int(y.sum())} editorial)")
    sem, spans = semeval_sentences()
    if sem:
        from sklearn.metrics import roc_auc_score
        p = prob([r[3] for r in sem])
        y = np.array([r[5] for r in sem], int)
        ed = p >= 0.5
        # span recall: share of gold spans (in the sampled articles) overlapped by an editorial sentence
        arts = {r[0] for r in sem}
        total = covered = 0
        for aid in arts:
            ss = [(r[1], r[2]) for r, e in zip(sem, ed) if r[0] == aid and e]
            for x, z in spans.get(aid, []):
                total += 1
                covered += any(a < z and x < b for a, b in ss)
        genre = {}
        for r, e in zip(sem, ed):
            g = genre.setdefault(r[4], [0, 0]); g[0] += int(e); g[1] += 1
        out["semeval_fr_proxy"] = dict(articles=len(arts), sentences=len(sem), with_span=int(y.sum()),
                                       auc=roc_auc_score(y, p), macro_f1=macro_f1(y, ed),
                                       precision=float(y[ed].mean()) if ed.any() else 0.0,
                                       span_recall=covered / max(total, 1),
                                       editorial_share_by_genre={g: round(a / b, 3) for g, (a, b) in genre.items()})
        o = out["semeval_fr_proxy"]
        print(f"  SemEval-23 T3 FR proxy ({o['articles']} articles = every 4th, {o['sentences']} sentences, {o['with_span']} overlap a "
              f"Loaded_Language/Doubt/Exaggeration/Name_Calling span): AUC {o['auc']:.3f}, macro-F1 {o['macro_f1']:.3f}, "
              f"precision {o['precision']:.3f}, span recall {o['span_recall']:.3f}; editorial share by genre {o['editorial_share_by_genre']}")
    json.dump(out, open(os.path.join(T, "eval.json"), "w"), indent=1)


HEADER = ("# Teacher pseudo-labels for distillation (Glose, tools/teacher). p_editorial = P(editorial | sentence) from a\n"
          "# source- and class-balanced logistic-regression head on [multilingual-e5-small (query: prefix) ; multilingual USE v3]\n"
          "# embeddings, trained on NewsSD EN+IT train+val (CC BY 4.0) + team TRAIN split. 0.5 = the teacher's decision\n"
          "# threshold; not calibrated to any base rate. Text source and licence: {src}\n")


def write_pseudo(name, rows, probs, src):
    d = os.path.join(ROOT, "data", "opinion", "pseudo")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, name + ".tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER.format(src=src))
        f.write("lang\tp_editorial\tsentence\n")
        for (lang, s), p in zip(rows, probs):
            f.write(f"{lang}\t{p:.3f}\t{s}\n")
    print(f"  {os.path.relpath(path, ROOT)}: {len(rows)} sentences ({sum(1 for r in rows if r[0] == 'en')} en, "
          f"{sum(1 for r in rows if r[0] == 'fr')} fr), mean p {np.mean(probs):.3f}, share >= 0.5 {np.mean(np.array(probs) >= 0.5):.3f}")


def cmd_label():
    pl = pool()
    have = embed.load_cache(E5)
    missing = sum(1 for r in pl if embed.key(r[3]) not in have)
    if missing:
        print(f"  note: {missing} pool sentences not embedded yet; they are embedded now", file=sys.stderr)
    probs = prob([r[3] for r in pl])
    srcs = {
        "npov-wiki-fr": "French Wikipedia NPOV edits (before/after), via rpryzant/neutralizing-bias; CC BY-SA (Wikipedia): attribute Wikipedia contributors, share alike",
        "npov-wiki-en": "English Wikipedia NPOV edits (before/after), via rpryzant/neutralizing-bias; CC BY-SA (Wikipedia): attribute Wikipedia contributors, share alike",
        "emobank": "EmoBank (Buechel & Hahn 2017), JULIELab/EmoBank; CC BY-SA 4.0: attribute, share alike",
    }
    print("Pseudo-labels:")
    for src, text in srcs.items():
        idx = [i for i, r in enumerate(pl) if r[1] == src]
        write_pseudo(src, [(pl[i][0], pl[i][3]) for i in idx], [probs[i] for i in idx], text)
    team = [r for r in data.team_rows() if r["split"] == "train"]
    if team:
        p = prob([r["sentence"] for r in team])
        write_pseudo("team-train", [(r["lang"], r["sentence"]) for r in team], p,
                     "team-written sentences (data/opinion/glose-annotated, TRAIN split only); CC BY 4.0, Glose authors")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    {"prefix": cmd_prefix, "embed": cmd_embed, "train": cmd_train, "eval": cmd_eval, "label": cmd_label}.get(
        cmd, lambda: sys.exit(__doc__))()
