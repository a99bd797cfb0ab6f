//! Word lists behind the cues: hand-written lists per language (`data/cues_*.txt`), the Pattern
//! subjectivity lexicons (PDDL) and the Gender Gap Tracker reporting verbs (MIT). See `MODEL.md`.

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
    /// token costs one lookup.
    phrases: Phrases,
    /// The longest phrase, in tokens.
    pub max_len: usize,
}

/// The phrases of one compiled table in an open-addressing hash table built on a page's first
/// analysis. Keys and nodes stay in the compiled tables; the build only hashes each key into a
/// slot (a `HashMap` of the same keys took ~177 instructions a key: 1.07 M for French, each
/// time the extension analyses a page).
#[derive(Debug, Default)]
struct Phrases {
    /// The keys, concatenated.
    keys: &'static str,
    /// Where each key starts in `keys`, and one past the last key's end.
    offsets: Vec<u32>,
    /// Each key's index in `shapes`.
    nodes: &'static [u8],
    /// What each key signals.
    shapes: &'static [Node],
    /// A power of two of slots (at least twice the keys, so that a word not listed, most
    /// tokens, meets an empty slot within a few probes): 0 for empty, else the key's index + 1
    /// in the low 16 bits and the high 16 bits of its hash's low half as a tag.
    slots: Vec<u32>,
    /// 64 minus the bits of a slot index: slots are picked by the hash's high bits, the best
    /// mixed of a multiply.
    shift: u32,
}

/// The hash of a phrase: its length, then its bytes 8 at a time (little endian, the last word
/// zero-padded), each through a multiply-rotate step (Fx style: short keys, no DoS concern).
#[inline]
fn phrase_hash(bytes: &[u8]) -> u64 {
    const SEED: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])).wrapping_mul(SEED);
    }
    let rest = chunks.remainder().len();
    if rest > 0 {
        h = (h.rotate_left(5) ^ tail_word(bytes, rest)).wrapping_mul(SEED);
    }
    h
}

/// The last `rest` bytes of `bytes` (1 to 7) as a little-endian word, zero-padded: loads that
/// overlap instead of a copy into a buffer (a `memcpy` call per key and per lookup).
#[inline]
fn tail_word(bytes: &[u8], rest: usize) -> u64 {
    let n = bytes.len();
    let at = |i: usize| u64::from(bytes[i]);
    if n >= 8 {
        let b = &bytes[n - 8..];
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]) >> (64 - 8 * rest)
    } else if n >= 4 {
        // Two 4-byte loads; the bytes they share land on the same bits.
        let (lo, hi) = (&bytes[..4], &bytes[n - 4..]);
        u64::from(u32::from_le_bytes([lo[0], lo[1], lo[2], lo[3]])) | u64::from(u32::from_le_bytes([hi[0], hi[1], hi[2], hi[3]])) << (8 * (n - 4))
    } else {
        at(0) | at(n / 2) << (8 * (n / 2)) | at(n - 1) << (8 * (n - 1))
    }
}

/// The tag a slot keeps of a key's hash (its index bits come from the high half).
#[inline]
fn tag(hash: u64) -> u32 {
    hash as u32 & 0xffff_0000
}

impl Phrases {
    /// The table over `keys` (concatenated, `lens[i]` bytes each, `nodes[i]` their index in
    /// `shapes`); the keys are distinct (`build.rs` writes them from a map).
    fn new(keys: &'static str, lens: &[u8], nodes: &'static [u8], shapes: &'static [Node]) -> Phrases {
        assert!(lens.len() < 0xffff, "lexicon of over 65,534 phrases");
        let bits = (2 * lens.len()).max(2).next_power_of_two().trailing_zeros();
        let mut slots = vec![0u32; 1 << bits];
        let mask = slots.len() - 1;
        let shift = 64 - bits;
        // One pass over the keys in order: their offsets and their slots.
        let mut offsets = Vec::with_capacity(lens.len() + 1);
        offsets.push(0);
        let mut at = 0;
        for (k, &len) in lens.iter().enumerate() {
            let end = at + usize::from(len);
            let hash = phrase_hash(&keys.as_bytes()[at..end]);
            offsets.push(end as u32);
            at = end;
            let mut i = (hash >> shift) as usize;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = tag(hash) | (k as u32 + 1);
        }
        Phrases { keys, offsets, nodes, shapes, slots, shift }
    }

    /// The `k`-th key.
    fn key(&self, k: usize) -> &'static str {
        &self.keys[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }

    /// What the table knows of `phrase`, if it is a key.
    #[inline]
    fn get(&self, phrase: &str) -> Option<&'static Node> {
        if self.slots.is_empty() {
            return None;
        }
        let hash = phrase_hash(phrase.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if slot & 0xffff_0000 == tag(hash) {
                let k = (slot & 0xffff) as usize - 1;
                if self.key(k) == phrase {
                    return Some(&self.shapes[usize::from(self.nodes[k])]);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether the table holds no key.
    fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Every key with what it signals (tests).
    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = (&'static str, &'static Node)> + '_ {
        (0..self.nodes.len()).map(|k| (self.key(k), &self.shapes[usize::from(self.nodes[k])]))
    }
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
    fn compiled(keys: &'static str, lens: &[u8], nodes: &'static [u8], shapes: &'static [Node], max_len: usize) -> Lexicon {
        Lexicon { phrases: Phrases::new(keys, lens, nodes, shapes), max_len }
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

    /// The overlapping loads of `tail_word` give the zero-padded last bytes, for every length.
    #[test]
    fn tail_words_are_the_padded_last_bytes() {
        let text: Vec<u8> = (1..=40u8).map(|b| b.wrapping_mul(37)).collect();
        for n in 1..text.len() {
            let bytes = &text[..n];
            let rest = n % 8;
            if rest == 0 {
                continue;
            }
            let mut word = [0u8; 8];
            word[..rest].copy_from_slice(&bytes[n - rest..]);
            assert_eq!(tail_word(bytes, rest), u64::from_le_bytes(word), "{n} bytes");
        }
    }

    #[test]
    fn tables_match_the_lists() {
        for lang in ["en", "fr", "de", "it", "es"] {
            let old = old(lang);
            let new = for_language(lang);
            let compiled: Built = new.phrases.iter().map(|(k, n)| (k.to_string(), (n.listed, n.prefix, n.entries.to_vec()))).collect();
            // Every key is found through the hash table, and so is nothing else.
            for (key, node) in new.phrases.iter() {
                assert!(std::ptr::eq(new.phrases.get(key).expect("a key is found"), node), "{lang}: {key:?} found");
                for other in [format!("{key}s"), format!("x{key}"), key[..key.char_indices().last().map_or(0, |(i, _)| i)].to_string()] {
                    assert_eq!(new.phrases.get(&other).is_some(), old.phrases.contains_key(&other), "{lang}: {other:?}");
                }
            }
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
