//! Dumps every verdict of the editorial classifier on the evaluation corpora and the test
//! sentences, bit for bit (scores and cue weights as f32 bits), so a speed-up can be checked to
//! change no output: dump before, dump after, `cmp` the two files.
//!
//! ```text
//! cargo run --release --example dump_opinion > /tmp/opinion_before.txt
//! ```
//! Sentences are classified in runs of 50 per language (so source context flows as in an
//! article), and the French SemEval articles sentence by sentence as whole articles.

#[path = "opinion_corpus/mod.rs"]
mod corpus;

use glose::opinion::{classify_sentences, Classification};
use std::fmt::Write as _;

fn dump(out: &mut String, tag: &str, texts: &[&str], lang: &str) {
    for (k, chunk) in texts.chunks(50).enumerate() {
        let verdicts = classify_sentences(chunk, lang);
        for (i, (text, v)) in chunk.iter().zip(&verdicts).enumerate() {
            line(out, tag, k * 50 + i, text, v);
        }
    }
}

fn line(out: &mut String, tag: &str, i: usize, text: &str, v: &Classification) {
    let _ = write!(out, "{tag}#{i}\t{:?}\t{:08x}\t{:?}", v.label, v.score.to_bits(), v.source);
    for c in &v.cues {
        let _ = write!(out, "\t[{} {}..{} {:?} {:?}]", c.kind, c.start, c.end, c.text, c.weight.map(f32::to_bits));
    }
    let _ = writeln!(out, "\t{}", text.chars().take(40).collect::<String>());
}

fn main() {
    let mut out = String::new();
    let tests = std::fs::read_to_string("tests/opinion/sentences.tsv").unwrap_or_default();
    for lang in ["en", "fr", "de", "it"] {
        let texts: Vec<&str> = tests.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').nth(4).filter(|_| l.starts_with(lang))).collect();
        dump(&mut out, &format!("tests-{lang}"), &texts, lang);
        // The same sentences under every other lexicon too.
        for other in ["en", "fr", "de", "it", "es"] {
            dump(&mut out, &format!("tests-{lang}-as-{other}"), &texts, other);
        }
    }
    for (dir, lang) in [("english", "en"), ("german", "de"), ("italian", "it")] {
        for split in ["dev", "train"] {
            let data = corpus::checkthat(dir, split);
            let texts: Vec<&str> = data.iter().map(|s| s.text.as_str()).collect();
            dump(&mut out, &format!("checkthat-{dir}-{split}"), &texts, lang);
            if lang == "en" && split == "dev" {
                dump(&mut out, "checkthat-en-dev-as-fr", &texts, "fr");
            }
        }
    }
    for (dir, split) in [("english", "train"), ("english", "val"), ("english", "test"), ("italian", "test")] {
        let data = corpus::newssd(dir, split);
        let texts: Vec<&str> = data.iter().map(|s| s.text.as_str()).collect();
        dump(&mut out, &format!("newssd-{dir}-{split}"), &texts, data.first().map_or("en", |s| s.lang));
    }
    let babe = corpus::babe();
    let texts: Vec<&str> = babe.iter().map(|(t, _)| t.as_str()).collect();
    dump(&mut out, "babe", &texts, "en");
    let root = corpus::root().join("subjectivity/semeval2023t3_fr/train/articles");
    let mut files: Vec<_> = std::fs::read_dir(root).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    for path in files {
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()).into_owned();
        let sentences: Vec<&str> = text.split('\n').flat_map(|line| glose::text::sentences::split(line).into_iter().map(move |r| &line[r])).collect();
        let verdicts = classify_sentences(&sentences, "fr");
        let tag = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_owned();
        for (i, (s, v)) in sentences.iter().zip(&verdicts).enumerate() {
            line(&mut out, &tag, i, s, v);
        }
    }
    print!("{out}");
}
