#!/usr/bin/env python3
"""Rebuilds the shipped opinion lexicons in src/opinion/data/ from the permissively licensed sources
in ../shared/corpus/lexicons (see MODEL.md for licences). Run from the crate root:
    python3 tools/opinion_lexicons.py ../shared/corpus/lexicons
Only PDDL (Pattern) and MIT (Gender Gap Tracker quote verbs) lists are read."""
import re, sys, collections, os

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/lexicons"
out = "src/opinion/data"
os.makedirs(out, exist_ok=True)

def pattern(lang, min_subj):
    path = f"{src}/pattern_subjectivity_en_fr/{lang}-sentiment.xml"
    scores = collections.defaultdict(list)
    for m in re.finditer(r'<word form="([^"]+)"[^>]*?subjectivity="([0-9.]+)"', open(path, encoding="utf-8").read()):
        form = m.group(1).strip().lower()
        if " " in form or len(form) < 3:
            continue
        scores[form].append(float(m.group(2)))
    rows = sorted((w, sum(v) / len(v)) for w, v in scores.items())
    with open(f"{out}/evaluative_{lang}.tsv", "w", encoding="utf-8") as f:
        f.write(f"# Pattern (CLiPS) {lang} subjectivity lexicon, PDDL; mean subjectivity per form >= {min_subj}\n")
        for w, s in rows:
            if s >= min_subj:
                f.write(f"{w}\t{s:.2f}\n")

# Words the Pattern lists score as subjective but that news prose uses descriptively.
pattern("en", 0.5)
pattern("fr", 0.5)

NOISE = {"es", "eue", "eut", "dancer", "lancé", "donne", "donné", "lâche", "souhaité", "tient", "tenu", "note", "noté", "ai", "as", "a",
         "avance", "avancé", "pense", "est", "sont", "fait",
         # forms of être / avoir that the upstream list carries
         "furent", "fus", "fusse", "fussent", "fusses", "fussiez", "fussions", "fut", "sera", "serai", "seraient", "serais",
         "serait", "seras", "serez", "seriez", "serions", "serons", "seront", "soient", "sois", "soit", "étiez", "étions",
         "était", "étaient", "étais", "été", "être", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient"}
for lang in ("en", "fr"):
    words = [w.strip().lower() for w in open(f"{src}/quote_verbs_gendergaptracker/{lang}_quote_verb_list.txt", encoding="utf-8")]
    words = sorted({w for w in words if w and w not in NOISE and len(w) > 2})
    with open(f"{out}/reporting_{lang}.txt", "w", encoding="utf-8") as f:
        f.write(f"# Reporting verbs, Gender Gap Tracker (SFU Discourse Processing Lab), MIT; stray entries removed\n")
        f.write("\n".join(words) + "\n")

