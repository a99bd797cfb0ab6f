//! Build step: the opinion cue lexicons (`src/opinion/data/`) compiled into tables, so that a
//! page's first analysis no longer parses ~100 KB of word lists (19 M instructions, issue 12).
//!
//! For each language this writes `$OUT_DIR/lexicon_<lang>.rs`: `SHAPES`, the distinct
//! (listed, prefix, entries) nodes; `KEYS`, every phrase and proper prefix, sorted and
//! concatenated; `LENS` and `NODES`, each key's length and shape index (one byte each, so the
//! run-time table is built by slicing, without searching for separators). The rules are the ones `src/opinion/lexicons.rs` applied at
//! run time (its test `tables_match_the_lists` rebuilds the lists the old way and compares).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

#[derive(Default, Clone, PartialEq)]
struct Node {
    listed: bool,
    entries: Vec<(&'static str, f32)>,
    prefix: bool,
}

/// The section names of the lists and the `Entry` variant each one means.
const ENTRIES: &[(&str, &str)] = &[
    ("evaluative", "Evaluative"),
    ("loaded", "Loaded"),
    ("intensifier", "Intensifier"),
    ("hedge", "Hedge"),
    ("stance_adverb", "StanceAdverb"),
    ("speculation", "Speculation"),
    ("sarcasm", "Sarcasm"),
    ("first_person", "FirstPerson"),
    ("exhortation", "Exhortation"),
    ("reporting", "Reporting"),
    ("according_to", "AccordingTo"),
    ("complementizer", "Complementizer"),
    ("organisation_noun", "OrganisationNoun"),
    ("auxiliary", "Auxiliary"),
    ("cause", "Cause"),
    ("reported_speech", "ReportedSpeech"),
    ("determiner", "Determiner"),
    ("pronoun", "Pronoun"),
    ("function", "Function"),
    ("resumptive", "Resumptive"),
    ("newsroom", "Newsroom"),
    ("preference", "Preference"),
    ("person_noun", "PersonNoun"),
    ("qualifying", "Qualifying"),
    ("refusal", "Refusal"),
];

fn variant(section: &str) -> Option<&'static str> {
    ENTRIES.iter().find(|(name, _)| *name == section).map(|(_, v)| *v)
}

#[derive(Default)]
struct Lexicon {
    phrases: HashMap<String, Node>,
    max_len: usize,
}

impl Lexicon {
    fn add(&mut self, phrase: &str, entry: &'static str, value: f32) {
        let key = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
        if key.is_empty() {
            return;
        }
        let mut words = 1;
        for (at, b) in key.bytes().enumerate() {
            if b == b' ' {
                words += 1;
                self.phrases.entry(key[..at].to_string()).or_default().prefix = true;
            }
        }
        self.max_len = self.max_len.max(words);
        let node = self.phrases.entry(key).or_default();
        node.listed = true;
        if let Some(existing) = node.entries.iter_mut().find(|(e, _)| *e == entry) {
            existing.1 = existing.1.max(value);
        } else {
            node.entries.push((entry, value));
        }
    }

    fn add_sections(&mut self, text: &str) {
        let mut current = None;
        let mut neutral = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                neutral = name == "neutral";
                current = variant(name);
                continue;
            }
            if neutral {
                if let Some(node) = self.phrases.get_mut(line) {
                    node.entries.retain(|(e, _)| *e != "Evaluative" && *e != "Reporting");
                }
            } else if let Some(entry) = current {
                let (phrase, value) = split_value(line);
                self.add(phrase, entry, value);
            }
        }
    }

    fn add_list(&mut self, text: &str, entry: &'static str) {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (phrase, value) = split_value(line.trim());
            self.add(phrase, entry, value);
        }
    }

    fn add_list_valued(&mut self, text: &str, entry: &'static str, value: f32) {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            self.add(line.trim(), entry, value);
        }
    }
}

fn split_value(line: &str) -> (&str, f32) {
    match line.split_once('\t') {
        Some((phrase, value)) => (phrase.trim(), value.trim().parse().unwrap_or(1.0)),
        None => (line, 1.0),
    }
}

fn read(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A byte string literal.
fn bytes(b: &[u8]) -> String {
    let mut s = String::from("b\"");
    for &x in b {
        write!(s, "\\x{x:02x}").unwrap();
    }
    s.push('"');
    s
}

fn write(out: &Path, lang: &str, lexicon: &Lexicon) {
    // Distinct nodes, numbered in order of first appearance over the sorted phrases.
    let sorted: BTreeMap<&str, &Node> = lexicon.phrases.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let mut shapes: Vec<&Node> = Vec::new();
    let mut keys = String::new();
    let mut lens = Vec::new();
    let mut nodes = Vec::new();
    for (key, node) in &sorted {
        let index = match shapes.iter().position(|s| s == node) {
            Some(i) => i,
            None => {
                shapes.push(node);
                shapes.len() - 1
            }
        };
        keys.push_str(key);
        lens.push(u8::try_from(key.len()).expect("lexicon phrase over 255 bytes"));
        nodes.push(u8::try_from(index).expect("over 256 distinct lexicon nodes"));
    }
    let mut code = String::new();
    writeln!(code, "// Generated by build.rs from src/opinion/data/ (language `{lang}`).").unwrap();
    writeln!(code, "pub(crate) const MAX_LEN: usize = {};", lexicon.max_len).unwrap();
    writeln!(code, "pub(crate) static SHAPES: [Node; {}] = [", shapes.len()).unwrap();
    for s in &shapes {
        write!(code, "    Node {{ listed: {}, prefix: {}, entries: &[", s.listed, s.prefix).unwrap();
        for (e, v) in &s.entries {
            write!(code, "(Entry::{e}, f32::from_bits({:#010x})), ", v.to_bits()).unwrap();
        }
        writeln!(code, "] }},").unwrap();
    }
    writeln!(code, "];").unwrap();
    writeln!(code, "pub(crate) static KEYS: &str = {keys:?};").unwrap();
    writeln!(code, "pub(crate) static LENS: &[u8; {}] = {};", lens.len(), bytes(&lens)).unwrap();
    writeln!(code, "pub(crate) static NODES: &[u8; {}] = {};", nodes.len(), bytes(&nodes)).unwrap();
    std::fs::write(out.join(format!("lexicon_{lang}.rs")), code).unwrap();
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let data = Path::new(&manifest).join("src/opinion/data");
    let out = std::env::var("OUT_DIR").unwrap();
    let out = Path::new(&out);

    // The same lists, in the same order, as `for_language` read them at run time before.
    let mut en = Lexicon::default();
    en.add_list(&read(&data, "evaluative_en.tsv"), "Evaluative");
    en.add_list_valued(&read(&data, "reporting_en.txt"), "Reporting", 0.5);
    en.add_sections(&read(&data, "cues_en.txt"));
    write(out, "en", &en);

    let mut fr = Lexicon::default();
    fr.add_list(&read(&data, "evaluative_fr.tsv"), "Evaluative");
    fr.add_list_valued(&read(&data, "reporting_fr.txt"), "Reporting", 0.5);
    fr.add_sections(&read(&data, "cues_fr.txt"));
    write(out, "fr", &fr);

    let mut de = Lexicon::default();
    de.add_sections(&read(&data, "cues_de.txt"));
    write(out, "de", &de);

    let mut it = Lexicon::default();
    it.add_sections(&read(&data, "cues_it.txt"));
    write(out, "it", &it);
}
