#!/usr/bin/env python3
"""Helper for the French translation of NewsSD (train+val only, never test).

  extract_fr.py next N        print the next N untranslated source sentences as `id<TAB>sentence`
  extract_fr.py add FILE      append translations (`id<TAB>french`, one per line, in order) to fr.tsv
  extract_fr.py stats         counts per source language / label
"""
import csv, hashlib, os, re, sys

ROOT = '/work/shared/corpus/subjectivity/newssd'
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'opinion', 'newssd-translated', 'fr.tsv')
ORDER = [('italian', 'it', 'train'), ('italian', 'it', 'val'), ('english', 'en', 'train'), ('english', 'en', 'val')]
HEADER = ('# NewsSD (Antici et al. 2024, CC BY 4.0; Italian part from the Italian NewsSD authors) train+val sentences '
          'translated into French by the Glose team, labels carried over; see SOURCE.md\n'
          'id\tlang\tlabel\tsource_lang\tsource_sentence_sha1\tsentence\n')


def clean(s):
    return re.sub(r'\s+', ' ', s.replace('\r', ' ').replace('\n', ' ')).strip()


def source():
    for d, lang, split in ORDER:
        assert split != 'test'
        with open(f'{ROOT}/{d}/{split}.csv', newline='', encoding='utf-8') as f:
            for i, r in enumerate(csv.DictReader(f), 1):
                s = clean(r['Sentence'])
                yield (f'newssd-fr-{lang}-{split}-{i:04d}', lang, r['Label'].strip(), s,
                       hashlib.sha1(s.encode('utf-8')).hexdigest())


def done():
    if not os.path.exists(OUT):
        return []
    with open(OUT, encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t') for l in f if not l.startswith('#') and not l.startswith('id\t')]


def main():
    cmd = sys.argv[1]
    n_done = len(done())
    src = list(source())
    if cmd == 'next':
        for r in src[n_done:n_done + int(sys.argv[2])]:
            print(f'{r[0]}\t{r[2]}\t{r[3]}')
    elif cmd == 'add':
        lines = [l.rstrip('\n') for l in open(sys.argv[2], encoding='utf-8') if l.strip()]
        rows = []
        for k, l in enumerate(lines):
            id_, fr = l.split('\t', 1) if '\t' in l else l.split(' ', 1)
            exp = src[n_done + k]
            if id_.strip() != exp[0]:
                sys.exit(f'id mismatch at line {k+1}: got {id_} expected {exp[0]}')
            fr = clean(fr.replace('\t', ' '))
            if not fr:
                sys.exit(f'empty translation for {id_}')
            rows.append((exp[0], 'fr', exp[2], exp[1], exp[4], fr))
        new = not os.path.exists(OUT)
        with open(OUT, 'a', encoding='utf-8') as f:
            if new:
                f.write(HEADER)
            for r in rows:
                f.write('\t'.join(r) + '\n')
        print(f'appended {len(rows)}; total {n_done + len(rows)} / {len(src)}; next {src[n_done+len(rows)][0] if n_done+len(rows) < len(src) else "-"}')
    elif cmd == 'stats':
        from collections import Counter
        d = done()
        print(len(d), Counter((r[3], r[2]) for r in d))


if __name__ == '__main__':
    main()
