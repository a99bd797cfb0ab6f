//! Word lists behind the cues: hand-written lists per language (`data/cues_*.txt`), the Pattern
//! subjectivity lexicons (PDDL) and the Gender Gap Tracker reporting verbs (MIT). See `MODEL.md`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hash over 8 bytes at a time (Fx style): short keys, no DoS concern (the
/// keys are our own word lists), and a lookup per token of every sentence.
#[derive(Default)]
struct WordHasher(u64);

const SEED: u64 = 0x517c_c1b7_2722_0a95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }
}

type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
use super::tokens::Token;
use std::sync::OnceLock;

/// What a lexicon entry signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// A word that evaluates (good, absurd, déplorable); the value is its subjectivity.
    Evaluative,
    /// A word with a slant beyond its meaning (regime, propagande, slammed).
    Loaded,
    /// A booster (very, totalement, même).
    Intensifier,
    /// A softener (somewhat, plutôt).
    Hedge,
    /// A sentence adverb in which the writer takes a stance (predictably, frankly, hélas).
    StanceAdverb,
    /// The writer guessing (perhaps, sans doute, probablement).
    Speculation,
    /// Ironic distance (so-called, soi-disant, prétendu).
    Sarcasm,
    /// The writer speaking of themself (I, nous, je).
    FirstPerson,
    /// Telling the reader or others what to do (must, il faut).
    Exhortation,
    /// A verb that reports speech or thought (says, estime).
    Reporting,
    /// A preposition that introduces a source (according to, selon, d'après).
    AccordingTo,
    /// A word that opens reported content (that, que, :).
    Complementizer,
    /// A generic noun for an organisation (firme, group), for resolving "the company".
    OrganisationNoun,
    /// An auxiliary or adverb that may sit between a source and its verb.
    Auxiliary,
    /// A causal connector that turns an aside into a motive (car, parce que, because).
    Cause,
    /// A verb form of reported speech (German Konjunktiv I: sei, werde).
    ReportedSpeech,
    /// A determiner that starts a noun phrase.
    Determiner,
    /// A subject pronoun or a generic group (experts, critics) that can be a source.
    Pronoun,
    /// A preposition, conjunction or other function word that cannot start a name.
    Function,
    /// After a comma, words that turn from the reported claim to a comment on it
    /// (", ce qui…", ", une affirmation…", ", which…"): reported content stops there.
    Resumptive,
    /// A step of the newsroom's reporting in the first person ("we contacted", "told us",
    /// « nos sollicitations »): no first-person cue.
    Newsroom,
    /// A comparison of motives ("more interested in", « plus soucieux de ») that, with a
    /// following "than"/« que », reads someone's priorities: a loaded cue.
    Preference,
    /// A noun for a person or a body that can hold a view (maire, député, union), for the
    /// sentence-initial « Pour X, » frame.
    PersonNoun,
    /// A verb that characterises something in its subject's words ("called the plan a
    /// disgrace", "described it as", « a qualifié le projet de »).
    Qualifying,
    /// A verb that refuses to report ("declined to say", « a refusé de commenter »).
    Refusal,
}

impl Entry {
    #[cfg(test)]
    fn parse(name: &str) -> Option<Entry> {
        Some(match name {
            "evaluative" => Entry::Evaluative,
            "loaded" => Entry::Loaded,
            "intensifier" => Entry::Intensifier,
            "hedge" => Entry::Hedge,
            "stance_adverb" => Entry::StanceAdverb,
            "speculation" => Entry::Speculation,
            "sarcasm" => Entry::Sarcasm,
            "first_person" => Entry::FirstPerson,
            "exhortation" => Entry::Exhortation,
            "reporting" => Entry::Reporting,
            "according_to" => Entry::AccordingTo,
            "complementizer" => Entry::Complementizer,
            "organisation_noun" => Entry::OrganisationNoun,
            "auxiliary" => Entry::Auxiliary,
            "cause" => Entry::Cause,
            "reported_speech" => Entry::ReportedSpeech,
            "determiner" => Entry::Determiner,
            "pronoun" => Entry::Pronoun,
            "function" => Entry::Function,
            "resumptive" => Entry::Resumptive,
            "newsroom" => Entry::Newsroom,
            "preference" => Entry::Preference,
            "person_noun" => Entry::PersonNoun,
            "qualifying" => Entry::Qualifying,
            "refusal" => Entry::Refusal,
            _ => return None,
        })
    }
}

/// What the lexicon knows about one space-joined token sequence.
#[derive(Debug, PartialEq)]
pub(crate) struct Node {
    /// Whether the sequence is a listed phrase (its entries may all have been neutralised).
    listed: bool,
    /// Whether the sequence is a proper prefix of a longer listed phrase, so matching goes on.
    prefix: bool,
    /// What the phrase signals.
    entries: &'static [(Entry, f32)],
}

/// The tables `build.rs` compiles from `data/` (the lists' rules applied at build time).
mod compiled {
    pub(super) mod en {
        use super::super::{Entry, Node};
        include!(concat!(env!("OUT_DIR"), "/lexicon_en.rs"));
    }
    pub(super) mod fr {
        use super::super::{Entry, Node};
        include!(concat!(env!("OUT_DIR"), "/lexicon_fr.rs"));
    }
    pub(super) mod de {
        use super::super::{Entry, Node};
        include!(concat!(env!("OUT_DIR"), "/lexicon_de.rs"));
    }
    pub(super) mod it {
        use super::super::{Entry, Node};
        include!(concat!(env!("OUT_DIR"), "/lexicon_it.rs"));
    }
}

/// One language's lexicon: phrases (space-joined normalised tokens) to what they signal.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Listed phrases and the proper prefixes of multi-word phrases, in one table so that each
    /// token costs one lookup. Keys and nodes borrow the tables compiled into the binary: the
    /// only work on a page's first analysis is hashing the phrases into this map.
    phrases: WordMap<&'static str, &'static Node>,
    /// The longest phrase, in tokens.
    pub max_len: usize,
}

/// A listed phrase found in a sentence.
#[derive(Clone, Debug)]
pub struct Match {
    /// Index of its first token.
    pub start: usize,
    /// Number of tokens.
    pub len: usize,
    /// What it signals.
    pub entries: &'static [(Entry, f32)],
}

/// The matches starting at token `i` (matches are ordered by start).
pub fn starting_at(matches: &[Match], i: usize) -> &[Match] {
    let lo = matches.partition_point(|m| m.start < i);
    let hi = lo + matches[lo..].partition_point(|m| m.start == i);
    &matches[lo..hi]
}

impl Match {
    /// The strength of `entry` for this phrase, if it has that entry.
    pub fn value(&self, entry: Entry) -> Option<f32> {
        self.entries.iter().find(|(e, _)| *e == entry).map(|(_, v)| *v)
    }
}

impl Lexicon {
    /// The map over one compiled table: `keys` concatenated, `lens[i]` the length of the i-th,
    /// `nodes[i]` its index in `shapes`.
    fn compiled(keys: &'static str, lens: &[u8], nodes: &[u8], shapes: &'static [Node], max_len: usize) -> Lexicon {
        let mut map = WordMap::with_capacity_and_hasher(lens.len(), Default::default());
        let mut at = 0;
        for (&len, &node) in lens.iter().zip(nodes) {
            let end = at + usize::from(len);
            map.insert(&keys[at..end], &shapes[usize::from(node)]);
            at = end;
        }
        Lexicon { phrases: map, max_len }
    }

    /// What a phrase signals, if it is listed (tools and tests; the pipeline uses [`Lexicon::matches`]).
    #[cfg(any(test, feature = "internals"))]
    pub fn get(&self, phrase: &str) -> &[(Entry, f32)] {
        self.phrases.get(phrase).map_or(&[], |n| n.entries)
    }

    /// Every listed phrase starting at each token (longest first at a given start).
    pub fn matches(&'static self, tokens: &[Token]) -> Vec<Match> {
        if self.phrases.is_empty() {
            return Vec::new();
        }
        // Sized once: about one token in three matches (growing from empty was ~4 reallocations).
        let mut out = Vec::with_capacity(tokens.len() / 2 + 4);
        let mut key = String::with_capacity(64);
        for start in 0..tokens.len() {
            let first = out.len();
            // One-token phrases are looked up by the token's own text; longer ones by the
            // space-joined key, built only while the words so far are a listed prefix.
            let Some(node) = self.phrases.get(tokens[start].norm.as_str()) else {
                continue;
            };
            if node.listed {
                out.push(Match { start, len: 1, entries: node.entries });
            }
            if self.max_len == 1 || !node.prefix {
                continue;
            }
            key.clear();
            key.push_str(&tokens[start].norm);
            for len in 2..=self.max_len.min(tokens.len() - start) {
                key.push(' ');
                key.push_str(&tokens[start + len - 1].norm);
                let Some(node) = self.phrases.get(key.as_str()) else {
                    break;
                };
                if node.listed {
                    out.push(Match { start, len, entries: node.entries });
                }
                if len == self.max_len || !node.prefix {
                    break;
                }
            }
            out[first..].reverse();
        }
        out
    }

    /// Whether a phrase is listed as `entry`.
    #[cfg(any(test, feature = "internals"))]
    pub fn is(&self, phrase: &str, entry: Entry) -> bool {
        self.get(phrase).iter().any(|(e, _)| *e == entry)
    }
}

/// The lexicon for a language subtag (`en`, `fr`, `de`, `it`); other languages get English's
/// punctuation-only view via an empty lexicon plus the shared entries.
pub fn for_language(lang: &str) -> &'static Lexicon {
    static EN: OnceLock<Lexicon> = OnceLock::new();
    static FR: OnceLock<Lexicon> = OnceLock::new();
    static DE: OnceLock<Lexicon> = OnceLock::new();
    static IT: OnceLock<Lexicon> = OnceLock::new();
    static OTHER: OnceLock<Lexicon> = OnceLock::new();
    macro_rules! compiled {
        ($lang:ident) => {
            Lexicon::compiled(compiled::$lang::KEYS, compiled::$lang::LENS, compiled::$lang::NODES, &compiled::$lang::SHAPES, compiled::$lang::MAX_LEN)
        };
    }
    match lang {
        "en" => EN.get_or_init(|| compiled!(en)),
        "fr" => FR.get_or_init(|| compiled!(fr)),
        "de" => DE.get_or_init(|| compiled!(de)),
        "it" => IT.get_or_init(|| compiled!(it)),
        _ => OTHER.get_or_init(Lexicon::default),
    }
}

/// The primary subtag of a language tag, lower case (`fr-FR` → `fr`).
pub fn primary_subtag(lang: &str) -> String {
    lang.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    //! The lists read at run time the way `for_language` read them before `build.rs` compiled
    //! them, compared with the compiled tables: same phrases, prefixes and entries, in order.
    use super::*;
    use std::collections::BTreeMap;

    type Built = BTreeMap<String, (bool, bool, Vec<(Entry, f32)>)>;

    #[derive(Default)]
    struct Old {
        phrases: Built,
        max_len: usize,
    }

    impl Old {
        fn add(&mut self, phrase: &str, entry: Entry, value: f32) {
            let key = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            if key.is_empty() {
                return;
            }
            let mut words = 1;
            for (at, b) in key.bytes().enumerate() {
                if b == b' ' {
                    words += 1;
                    self.phrases.entry(key[..at].to_string()).or_default().1 = true;
                }
            }
            self.max_len = self.max_len.max(words);
            let node = self.phrases.entry(key).or_default();
            node.0 = true;
            if let Some(existing) = node.2.iter_mut().find(|(e, _)| *e == entry) {
                existing.1 = existing.1.max(value);
            } else {
                node.2.push((entry, value));
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
                    current = Entry::parse(name);
                    continue;
                }
                if neutral {
                    if let Some(node) = self.phrases.get_mut(line) {
                        node.2.retain(|(e, _)| *e != Entry::Evaluative && *e != Entry::Reporting);
                    }
                } else if let Some(entry) = current {
                    let (phrase, value) = split_value(line);
                    self.add(phrase, entry, value);
                }
            }
        }
        fn add_list(&mut self, text: &str, entry: Entry) {
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                let (phrase, value) = split_value(line.trim());
                self.add(phrase, entry, value);
            }
        }
        fn add_list_valued(&mut self, text: &str, entry: Entry, value: f32) {
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

    fn old(lang: &str) -> Old {
        let mut l = Old::default();
        match lang {
            "en" => {
                l.add_list(include_str!("data/evaluative_en.tsv"), Entry::Evaluative);
                l.add_list_valued(include_str!("data/reporting_en.txt"), Entry::Reporting, 0.5);
                l.add_sections(include_str!("data/cues_en.txt"));
            }
            "fr" => {
                l.add_list(include_str!("data/evaluative_fr.tsv"), Entry::Evaluative);
                l.add_list_valued(include_str!("data/reporting_fr.txt"), Entry::Reporting, 0.5);
                l.add_sections(include_str!("data/cues_fr.txt"));
            }
            "de" => l.add_sections(include_str!("data/cues_de.txt")),
            "it" => l.add_sections(include_str!("data/cues_it.txt")),
            _ => {}
        }
        l
    }

    #[test]
    fn tables_match_the_lists() {
        for lang in ["en", "fr", "de", "it", "es"] {
            let old = old(lang);
            let new = for_language(lang);
            let compiled: Built = new.phrases.iter().map(|(k, n)| (k.to_string(), (n.listed, n.prefix, n.entries.to_vec()))).collect();
            assert_eq!(compiled.len(), old.phrases.len(), "{lang}: number of phrases");
            for (key, node) in &old.phrases {
                let got = compiled.get(key).unwrap_or_else(|| panic!("{lang}: {key:?} missing"));
                assert_eq!(got.0, node.0, "{lang}: {key:?} listed");
                assert_eq!(got.1, node.1, "{lang}: {key:?} prefix");
                assert_eq!(got.2.len(), node.2.len(), "{lang}: {key:?} entries");
                for ((e1, v1), (e2, v2)) in got.2.iter().zip(&node.2) {
                    assert_eq!(e1, e2, "{lang}: {key:?}");
                    assert_eq!(v1.to_bits(), v2.to_bits(), "{lang}: {key:?} value");
                }
            }
            assert_eq!(new.max_len, old.max_len, "{lang}: longest phrase");
        }
    }
}
