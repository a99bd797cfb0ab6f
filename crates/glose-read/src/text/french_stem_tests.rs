//! Differential tests of the French stemmer port: the same stem as rust-stemmers (the code it
//! was ported from) on the Snowball French vocabulary, on every word of the repository's test
//! pages (and of any folder named in `GLOSE_STEM_WORDS_DIRS`), and on generated words that
//! reach every suffix of every table, every region case and every vowel-marking case.

use super::{stem, STACK_CHARS};
use crate::text::words::{fold, words};
use std::collections::BTreeSet;
use std::path::Path;

/// The port's stem of `word`, unfolded.
fn port(word: &str) -> String {
    let mut out = String::new();
    stem(word, |c| out.push(c));
    out
}

/// Checks the port against rust-stemmers on `words`, as given, lower-cased (as the summary's
/// caller does) and folded; panics with the first mismatches. Returns how many distinct words
/// were checked.
fn check_all<'a>(words: impl IntoIterator<Item = &'a str>) -> usize {
    let oracle = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::French);
    let mut seen = BTreeSet::new();
    for word in words {
        seen.extend([word.to_string(), word.to_lowercase(), fold(word)]);
    }
    let mismatches: Vec<String> = seen
        .iter()
        .filter(|w| port(w) != oracle.stem(w))
        .map(|w| format!("{w:?}: port {:?}, rust-stemmers {:?}", port(w), oracle.stem(w)))
        .collect();
    assert!(mismatches.is_empty(), "{} mismatches, first: {:#?}", mismatches.len(), &mismatches[..mismatches.len().min(20)]);
    seen.len()
}

#[test]
fn agrees_on_the_snowball_vocabulary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/snowball-french/voc.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let voc: Vec<&str> = text.lines().collect();
    assert!(voc.len() > 20_000);
    let upper: Vec<String> = voc.iter().map(|w| w.to_uppercase()).collect();
    let checked = check_all(voc.iter().copied().chain(upper.iter().map(String::as_str)));
    assert!(checked > 40_000, "{checked}");
}

/// Every file under `dir` (recursively), as text.
fn texts_under(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            texts_under(&path, out);
        } else if let Ok(bytes) = std::fs::read(&path) {
            out.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
}

#[test]
fn agrees_on_the_words_of_pages() {
    let mut texts = Vec::new();
    texts_under(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests")), &mut texts);
    // More folders (decompressed page corpora, say) when the environment names them.
    for dir in std::env::var("GLOSE_STEM_WORDS_DIRS").unwrap_or_default().split(':').filter(|d| !d.is_empty()) {
        texts_under(Path::new(dir), &mut texts);
    }
    let checked = check_all(texts.iter().flat_map(|t| words(t)));
    eprintln!("french stem port: {checked} distinct page words checked");
    assert!(checked > 10_000, "{checked}");
}

/// Every suffix of the port's tables, as written there and with its markers (I, U, Y) in lower
/// case, as words spell them.
fn table_suffixes() -> Vec<String> {
    let tables = [super::STANDARD, super::AFTER_EMENT, super::AFTER_ITE, super::I_VERB, super::VERB, super::RESIDUAL, super::DOUBLES];
    let mut out = Vec::new();
    for (last, group) in tables.iter().flat_map(|table| table.iter()) {
        for (suffix, _) in group.iter() {
            let suffix: String = suffix.iter().map(|&b| char::from(b)).collect();
            assert!(suffix.ends_with(*last), "{suffix} not in the group of {last}");
            out.push(suffix);
        }
    }
    let lower: Vec<String> = out.iter().map(|s| s.to_lowercase()).collect();
    out.extend(lower);
    out.sort();
    out.dedup();
    out
}

#[test]
fn agrees_on_stems_with_every_suffix() {
    // Stems of every region shape: empty, vowel-less, starting with two vowels or with a
    // "col", "par", "tap" prefix, short and long, with the letters the prelude marks (u, i, y
    // between vowels, qu), accented and non-French letters.
    let stems = [
        "", "a", "b", "q", "qu", "gu", "ai", "ay", "ya", "col", "par", "tap", "cola", "paru", "tapi",
        "ab", "aba", "abr", "bab", "brab", "cab", "ouvr", "voy", "ayo", "ouy", "aiu", "bouill",
        "saou", "ruy", "équip", "crî", "fém", "chât", "naï", "noë", "œuvr", "cæs", "ÿv", "straß",
        "ελλ", "жич", "mañ", "12", "x7", "anticonstitutionnel", "inquiét", "aqua", "ennu", "paï",
        "ça", "plaç", "déçu", "baYo", "IUY", "crè", "pè", "sè", "gâ", "hôt", "flû", "où",
    ];
    // What may stand between the stem and the suffix: the suffixes that step 1 removes before
    // others, letters that the regions or step 4 test (s, t, gu), doubles, accented e.
    let middles = [
        "", "ic", "at", "atic", "iv", "ivat", "abil", "abl", "iqu", "eus", "ièr", "s", "t", "gu",
        "ss", "ell", "eill", "enn", "onn", "ett", "è", "é", "ès", "ét", "y", "ç", "i", "u", "e",
    ];
    let mut suffixes = table_suffixes();
    suffixes.extend(["", "s", "ç", "y", "Y", "e", "es", "x", "ë", "ï", "ÿ", "ü", "ê", "â", "ô", "û"].map(String::from));
    let mut words = Vec::new();
    for s in stems {
        for m in middles {
            for x in &suffixes {
                words.push(format!("{s}{m}{x}"));
            }
        }
    }
    // Longer than the stack buffer: stemmed in a vector.
    let long = "anticonstitutionnellement".repeat(2);
    assert!(long.chars().count() > STACK_CHARS);
    for x in &suffixes {
        words.push(format!("{long}{x}"));
        words.push(format!("{}{x}", &long[..STACK_CHARS - 2]));
    }
    let checked = check_all(words.iter().map(String::as_str));
    assert!(checked > 100_000, "{checked}");
}

#[test]
fn agrees_on_random_words() {
    // Random words over the letters the algorithm tests, with accents and others: they reach
    // the prelude's marking cases in every order (u, i, y around vowels, qu) and the regions.
    let letters: Vec<char> = "aeiouyâàëéêèïîôûùçüÿœæqgstnlrmcbIUYñßλ".chars().collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let words: Vec<String> = (0..300_000)
        .map(|_| {
            let len = 1 + (next() % 12) as usize;
            (0..len).map(|_| letters[(next() % letters.len() as u64) as usize]).collect()
        })
        .collect();
    check_all(words.iter().map(String::as_str));
}

#[test]
fn letter_groups_are_the_generated_bit_sets() {
    // `G_v` and `G_keep_with_s` of rust-stemmers' french.rs: a bit per char from 'a' on.
    let in_set = |set: &[u8], c: char| {
        let i = (c as u32).wrapping_sub('a' as u32) as usize;
        i / 8 < set.len() && set[i / 8] >> (i % 8) & 1 != 0
    };
    let v: &[u8] = &[17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 130, 103, 8, 5];
    let keep_with_s: &[u8] = &[1, 65, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128];
    for c in (0..0x3000).filter_map(char::from_u32) {
        assert_eq!(super::is_vowel(c), in_set(v, c), "{c:?}");
        assert_eq!(super::keeps_s(c), in_set(keep_with_s, c), "{c:?}");
    }
}
