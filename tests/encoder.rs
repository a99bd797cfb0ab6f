//! The sentence encoder (USE v3) against the reference Python package's outputs
//! (tests/encoder/, written by tools/encoder/make_fixtures.py), on the converted files that
//! `scripts/fetch-encoder.sh` makes: target/encoder/glose-use-full.bin (every piece) and
//! target/encoder/glose-use.bin (the pruned vocabulary that ships).

use glose::opinion::encoder::{cosine, Encoder, EncoderError, DIM, MAX_TOKENS};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/encoder").join(name)
}

fn load(name: &str) -> Encoder {
    let path = file(name);
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e}. Run `scripts/fetch-encoder.sh` first (scripts/test.sh does).", path.display()));
    Encoder::from_bytes(&bytes).unwrap_or_else(|e| panic!("{}: {e}. Re-run `scripts/fetch-encoder.sh`.", path.display()))
}

fn full() -> &'static Encoder {
    static E: OnceLock<Encoder> = OnceLock::new();
    E.get_or_init(|| load("glose-use-full.bin"))
}

fn pruned() -> &'static Encoder {
    static E: OnceLock<Encoder> = OnceLock::new();
    E.get_or_init(|| load("glose-use.bin"))
}

/// (text, reference ids) of tests/encoder/tokens.jsonl.
fn token_cases() -> Vec<(String, Vec<u32>)> {
    let text = include_str!("encoder/tokens.jsonl");
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let ids = v["ids"].as_array().unwrap().iter().map(|i| i.as_u64().unwrap() as u32).collect();
            (v["text"].as_str().unwrap().to_string(), ids)
        })
        .collect()
}

/// Reference ids cut to the encoder's input limit.
fn limited(mut ids: Vec<u32>) -> Vec<u32> {
    if ids.len() > MAX_TOKENS {
        let eos = ids[ids.len() - 1];
        ids.truncate(MAX_TOKENS - 1);
        ids.push(eos);
    }
    ids
}

#[test]
fn full_vocabulary_tokenises_exactly_as_the_reference() {
    let cases = token_cases();
    assert!(cases.len() >= 200);
    let wrong: Vec<_> = cases.iter().filter(|(t, ids)| full().tokenize(t) != limited(ids.clone())).map(|(t, _)| t.clone()).collect();
    assert!(wrong.is_empty(), "{} of {} differ, e.g. {:?}", wrong.len(), cases.len(), &wrong[..wrong.len().min(3)]);
}

#[test]
fn pruned_vocabulary_tokenises_as_the_reference_when_every_piece_is_kept() {
    let e = pruned();
    assert!(e.vocab_len() < full().vocab_len() * 3 / 5, "the shipped vocabulary is not pruned");
    // The ids the pruned file holds: a sentence whose reference pieces are all kept must get the
    // same segmentation (the best path is still there, and every other path is a subset's).
    let mut checked = 0;
    let mut same_overall = 0;
    let cases = token_cases();
    for (text, ids) in &cases {
        let got = e.tokenize(text);
        same_overall += usize::from(got == limited(ids.clone()));
        if ids.iter().all(|&id| e.has_piece(id)) {
            checked += 1;
            assert_eq!(got, limited(ids.clone()), "{text:?}");
        }
    }
    assert!(checked >= cases.len() / 2, "only {checked} sentences have all pieces kept");
    // Measured: 163 of the 200 (the misses: other scripts, rare words split into kept pieces).
    assert!(same_overall * 100 >= cases.len() * 80, "only {same_overall}/{} tokenise identically", cases.len());
}

/// (text, reference vector) of tests/encoder/embeddings.*.
fn embedding_cases() -> Vec<(String, Vec<f32>)> {
    let texts = include_str!("encoder/embeddings.jsonl");
    let vecs = include_bytes!("encoder/embeddings.f32");
    let floats: Vec<f32> = vecs.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
    texts
        .lines()
        .zip(floats.chunks_exact(DIM))
        .map(|(l, v)| {
            let j: serde_json::Value = serde_json::from_str(l).unwrap();
            (j["text"].as_str().unwrap().to_string(), v.to_vec())
        })
        .collect()
}

#[test]
fn full_vocabulary_embeds_as_the_reference() {
    let cases = embedding_cases();
    assert_eq!(cases.len(), 20);
    let texts: Vec<&str> = cases.iter().map(|(t, _)| t.as_str()).collect();
    let got = full().embed(&texts);
    assert_eq!(got.len(), texts.len());
    for ((text, want), got) in cases.iter().zip(&got) {
        let c = cosine(want, got);
        assert!(c >= 0.999, "cosine {c} for {text:?}");
        let norm: f32 = got.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "norm {norm}");
    }
}

#[test]
fn pruned_vocabulary_stays_close_to_the_reference() {
    let cases = embedding_cases();
    let texts: Vec<&str> = cases.iter().map(|(t, _)| t.as_str()).collect();
    let got = pruned().embed(&texts);
    // The pruned file keeps Latin-script pieces only (the languages Glose serves): other scripts
    // fall back to single characters and are far from the reference, but still unit vectors.
    let latin = |t: &str| t.chars().all(|c| (c as u32) < 0x250 || !c.is_alphabetic());
    let mut cos = Vec::new();
    for ((text, want), got) in cases.iter().zip(&got) {
        let norm: f32 = got.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "norm {norm} for {text:?}");
        if latin(text) {
            cos.push((cosine(want, got), text));
        }
    }
    assert!(cos.len() >= 15);
    let mean = cos.iter().map(|c| c.0).sum::<f32>() / cos.len() as f32;
    // Measured (MODEL.md, "Sentence encoder"): held-out mean 0.981 on 800 EN/FR sentences; the
    // Italian ones here are the weakest (0.89).
    assert!(mean >= 0.97, "mean cosine {mean}: {cos:?}");
    for (c, text) in &cos {
        assert!(*c >= 0.85, "cosine {c} for {text:?}");
    }
}

#[test]
fn a_sentence_vector_does_not_depend_on_its_neighbours() {
    let e = full();
    let alone = e.embed(&["Le gouvernement a présenté mardi son projet de loi."]);
    let mut many = vec!["Another sentence entirely, with other words."; 30];
    many.insert(17, "Le gouvernement a présenté mardi son projet de loi.");
    let batch = e.embed(&many);
    assert_eq!(batch.len(), 31);
    assert!(cosine(&alone[0], &batch[17]) > 0.99999);
    assert!(cosine(&batch[0], &batch[17]) < 0.9, "different sentences got the same vector");
}

#[test]
fn input_limits_hold_on_huge_input() {
    let e = pruned();
    let huge = "mot ".repeat(200_000);
    assert_eq!(e.tokenize(&huge).len(), MAX_TOKENS);
    let v = e.embed(&[&huge, ""]);
    assert!(v.iter().all(|v| v.iter().all(|x| x.is_finite())));
    assert!(e.embed(&[]).is_empty());
}

#[test]
fn corrupt_or_truncated_files_are_errors() {
    let bytes = std::fs::read(file("glose-use.bin")).expect("run scripts/fetch-encoder.sh first");
    assert_eq!(Encoder::from_bytes(&[]).unwrap_err(), EncoderError::BadMagic);
    assert_eq!(Encoder::from_bytes(b"not an encoder file at all").unwrap_err(), EncoderError::BadMagic);
    for cut in [8, 12, 16, 100, bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
        let err = Encoder::from_bytes(&bytes[..cut]).unwrap_err();
        assert!(!err.to_string().is_empty());
    }
    let mut wrong_version = bytes.clone();
    wrong_version[8] = 99;
    assert_eq!(Encoder::from_bytes(&wrong_version).unwrap_err(), EncoderError::UnsupportedVersion(99));
    // Flipped bytes in the headers: an error or a working encoder, never a panic.
    for at in (0..4096).step_by(101) {
        let mut b = bytes.clone();
        b[at] ^= 0xA5;
        if let Ok(e) = Encoder::from_bytes(&b) {
            let _ = e.embed(&["Still fine?"]);
        }
    }
}

/// `direction · vector`.
fn read_out(v: &[f32], direction: &[f32]) -> f32 {
    v.iter().zip(direction).map(|(a, b)| a * b).sum()
}

#[test]
fn explain_gives_the_vector_and_each_word_its_share() {
    let e = pruned();
    let text = "Le gouvernement a encore reculé, évidemment.";
    let direction = glose::opinion::refine::shipped().weights.clone();
    let got = e.explain(&[text], &direction);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].vector, e.embed(&[text])[0], "the same vector as embed");
    let words: Vec<&str> = got[0].words.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(words, ["Le", "gouvernement", "a", "encore", "reculé", ",", "évidemment", "."], "the sentence's words in order, punctuation apart");
    assert!(got[0].words.iter().all(|(_, s)| s.is_finite()));
    assert!(e.explain(&[text], &[1.0; 3])[0].words.iter().all(|(_, s)| *s == 0.0), "a direction of the wrong size gives no shares");
}

/// The shares are a first-order account of the read-out: leaving out the word with the largest
/// share lowers `direction · vector` more than leaving out the word with the smallest (a sign or
/// layer error in the backward pass breaks this).
#[test]
fn the_largest_share_is_the_word_whose_removal_costs_most() {
    let e = pruned();
    let direction = glose::opinion::refine::shipped().weights.clone();
    let sentences = [
        "Le nouveau stade ressemble davantage à un caprice d'élus qu'à un équipement utile.",
        "The council's shameful plan is a disgrace to every resident of the town.",
        "Die Regierung hat am Dienstag einen neuen Gesetzentwurf vorgelegt.",
        "Once again the minister chose the easy way out instead of fixing the budget.",
    ];
    let mut agree = 0;
    for text in sentences {
        let explained = &e.explain(&[text], &direction)[0];
        let whole = read_out(&explained.vector, &direction);
        let words: Vec<&(String, f32)> = explained.words.iter().filter(|(w, _)| w.chars().any(char::is_alphabetic)).collect();
        let top = words.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
        let bottom = words.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
        let without = |word: &str| -> f32 {
            let kept: Vec<&str> = text.split(' ').filter(|w| !w.contains(word)).collect();
            read_out(&e.embed(&[&kept.join(" ")])[0], &direction)
        };
        if whole - without(&top.0) > whole - without(&bottom.0) {
            agree += 1;
        }
    }
    assert!(agree >= 3, "the top share's word mattered more in only {agree} of 4 sentences");
}
