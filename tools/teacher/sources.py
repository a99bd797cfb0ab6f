#!/usr/bin/env python3
"""Extract the permissive unlabeled / weakly-labelled text the teacher pseudo-labels.

Input: git mirrors brought by the search tool's `fetch` (not by this script):
  NPOV   rpryzant/neutralizing-bias (MIT code; Wikipedia text CC BY-SA)
  EMO    JULIELab/EmoBank (CC BY-SA 4.0)
Output (data files, NOT committed -- see data/opinion/*/SOURCE.md):
  data/opinion/npov-wiki/npov_fr.tsv, npov_en.tsv   pair_id, side (before|after), sentence
  data/opinion/emobank/emobank.tsv                  id, category, sentence
Usage: sources.py [NPOV_MIRROR_GIT_DIR] [EMOBANK_MIRROR_GIT_DIR]
"""
import collections
import csv
import io
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NPOV = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/rpryzant+neutralizing-bias/repo"
EMO = sys.argv[2] if len(sys.argv) > 2 else "/work/.mirror/JULIELab+EmoBank/repo"
# French NPOV pairs: harvest/generated_data/corpus.wordbiased.{train,dev,test}, last present at this
# commit (deleted from the tip; the full English corpus blobs are > 4 MiB and absent from the mirror).
NPOV_FR_COMMIT = "9be6ac7d68f0769441cf3705f52c9bd723917075"
# English NPOV pairs: the 1,100-pair sample baselines/test_data/{pre,post}.{train,test} at this commit.
NPOV_EN_COMMIT = "f1d77745290f9ccf3d9af789e6aaef55e5081e08"
EMO_COMMIT = "248ce2a43e165a66d31aeaed83cff9641d6654e0"
FR_DICT = "/usr/share/dict/french"  # Debian wfrench, used only to put back stripped accents


def show(repo, commit, path):
    return subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def norm(s):
    return " ".join(s.replace("\t", " ").split())


# ---- French: the harvest stripped every non-ASCII character ("même" -> "mme", "été" -> "t").
def accent_map():
    by_key = collections.defaultdict(set)
    plain = set()
    if not os.path.exists(FR_DICT):
        return {}, plain
    for w in open(FR_DICT, encoding="utf-8", errors="replace"):
        w = unicodedata.normalize("NFC", w.strip()).lower()
        if not w:
            continue
        k = "".join(ch for ch in w if ord(ch) < 128)
        if k == w:
            plain.add(w)
        elif k:
            by_key[k].add(w)
    best = {}
    for k, cands in by_key.items():
        # fewest inserted letters, then alphabetical: deterministic
        best[k] = sorted(cands, key=lambda w: (len(w) - len(k), w))[0]
    return best, plain


OVERRIDES = {"mme": "même", "t": "été", "tre": "être", "tat": "état", "tats": "états", "lve": "élève",
             "cole": "école", "lu": "élu", "lue": "élue", "lus": "élus"}


def restore(sentence, best, plain):
    def word(w):
        if w in OVERRIDES:
            return OVERRIDES[w]
        if w in plain or w in best:
            return w if w in plain else best[w]
        return None

    def fix(m):
        w = m.group(0)
        r = word(w)
        if r is not None:
            return r
        # the typographic apostrophe was stripped too: "lacadmie" -> "l'académie", "nest" -> "n'est"
        for p in ("qu", "l", "d", "n", "j", "s", "c", "m", "t"):
            if w.startswith(p) and len(w) - len(p) >= 2:
                r = word(w[len(p):])
                if r is not None:
                    return p + "'" + r
        return w
    return re.sub(r"[a-z]+", fix, sentence)


JUNK = re.compile(r"cat[eé]?gorie|discuter|utilisateur|\[\[|\]\]|\{\{|http|www\.|\||\((cet|cest|utc)\)|</ ?s ?>|\b\d\d? ?: ?\d\d\b|^(neutre|contre|pour|oui|non)\b", re.I)


def keep(s, min_words=5):
    return 30 <= len(s) <= 400 and len(s.split()) >= min_words and not JUNK.search(s)


def npov_fr():
    best, plain = accent_map()
    rows, seen = [], set()
    for part in ("train", "dev", "test"):
        text = show(NPOV, NPOV_FR_COMMIT, f"harvest/generated_data/corpus.wordbiased.{part}")
        for line in text.split("\n"):
            c = line.split("\t")
            if len(c) < 5:
                continue
            for side, s in (("before", c[3]), ("after", c[4])):
                s = norm(s)
                if not keep(s):
                    continue
                s = restore(s, best, plain)
                if s in seen:
                    continue
                seen.add(s)
                rows.append((f"frwiki-{c[0]}", side, s))
    return rows


def detok_en(s):
    s = norm(s)
    s = re.sub(r" ([.,;:!?%)])", r"\1", s)
    s = re.sub(r"([($]) ", r"\1", s)
    s = re.sub(r" ' (s|re|ve|ll|d|m|t)\b", r"'\1", s)
    s = re.sub(r" n't\b", "n't", s)
    s = re.sub(r"(\w) - (\w)", r"\1-\2", s)
    return s


def npov_en():
    rows, seen = [], set()
    for part in ("train", "test"):
        pre = show(NPOV, NPOV_EN_COMMIT, f"baselines/test_data/pre.{part}").split("\n")
        post = show(NPOV, NPOV_EN_COMMIT, f"baselines/test_data/post.{part}").split("\n")
        for i, (a, b) in enumerate(zip(pre, post)):
            for side, s in (("before", a), ("after", b)):
                s = detok_en(s)
                if not keep(s) or s in seen:
                    continue
                seen.add(s)
                rows.append((f"enwiki-{part}-{i}", side, s))
    return rows


def emobank():
    meta = {}
    for r in csv.DictReader(io.StringIO(show(EMO, EMO_COMMIT, "corpus/meta.tsv")), delimiter="\t"):
        meta[r["id"]] = r["category"].strip()
    rows, seen = [], set()
    for r in csv.DictReader(io.StringIO(show(EMO, EMO_COMMIT, "corpus/emobank.csv"))):
        s = norm(r["text"])
        if not (20 <= len(s) <= 400) or len(s.split()) < 4 or s in seen:
            continue
        seen.add(s)
        rows.append((r["id"], meta.get(r["id"], "?"), s))
    return rows


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{os.path.relpath(path, ROOT)}: {len(rows)} rows, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    d = os.path.join(ROOT, "data", "opinion")
    write(os.path.join(d, "npov-wiki", "npov_fr.tsv"), ("pair_id", "side", "sentence"), npov_fr())
    write(os.path.join(d, "npov-wiki", "npov_en.tsv"), ("pair_id", "side", "sentence"), npov_en())
    write(os.path.join(d, "emobank", "emobank.tsv"), ("id", "category", "sentence"), emobank())
