"""Loaders for the teacher's gold, evaluation and unlabeled sets. Sentences are whitespace-normalised."""
import csv
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import is_test  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("GLOSE_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
SUBJ = os.path.join(SHARED, "corpus", "subjectivity")
# The team writes its labelled sentences in the main checkout; fall back to this worktree.
TEAM_DIRS = [os.environ.get("GLOSE_TEAM_DIR", "/work/main/data/opinion/glose-annotated"),
             os.path.join(ROOT, "data", "opinion", "glose-annotated")]

csv.field_size_limit(1 << 24)


def norm(s):
    return " ".join(s.split())


def newssd_train():
    """NewsSD EN+IT train+val (CC BY 4.0): list of (lang, sentence, y) with y = 1 for SUBJ.
    Files are read in order, so an article's sentences stay together (contiguous CV folds)."""
    rows = []
    for lang, d in (("en", "english"), ("it", "italian")):
        for part in ("train", "val"):
            with open(os.path.join(SUBJ, "newssd", d, part + ".csv"), encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f):
                    rows.append((lang, norm(r["Sentence"]), int(r["Label"].strip() == "SUBJ")))
    return rows


def checkthat_dev(lang):
    """CheckThat! 2025 dev (CC BY-NC-SA; EVALUATION ONLY)."""
    d = {"en": "english", "de": "german", "it": "italian"}[lang]
    path = glob.glob(os.path.join(SUBJ, "checkthat2025", d, "dev_*.tsv"))[0]
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(r)
        si, li = header.index("sentence"), header.index("label")
        for c in r:
            if len(c) > max(si, li):
                rows.append((lang, norm(c[si]), int(c[li].strip() == "SUBJ")))
    return rows


def team_rows():
    """Complete lines (6 fields) of the team files: dicts with id, lang, register, label, source,
    sentence, split. Files may be half-written: a last line without its newline is skipped."""
    seen, out = set(), []
    for d in TEAM_DIRS:
        for path in sorted(glob.glob(os.path.join(d, "*.tsv"))):
            name = os.path.basename(path)
            if name in seen:
                continue
            seen.add(name)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            lines = text.split("\n")
            if not text.endswith("\n"):
                lines = lines[:-1]  # being written
            for line in lines:
                if not line.strip() or line.startswith("#"):
                    continue
                c = line.split("\t")
                if len(c) != 6 or c[0] == "id":
                    continue
                label = c[3].strip().lower()
                if label not in ("editorial", "attributed", "factual") or not c[5].strip():
                    continue
                out.append(dict(id=c[0].strip(), lang=c[1].strip().lower(), register=c[2].strip(), label=label,
                                source=c[4], sentence=norm(c[5]), file=name,
                                split="test" if is_test(c[0].strip()) else "train"))
    return out
