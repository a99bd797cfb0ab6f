//! The words of the article and of the comments, tokenised, folded and stemmed once and interned
//! as `u32` ids, shared by the quote links, the stance lexicon, replies by name and the themes,
//! so that no step folds a word again or allocates per word.
//!
//! Three kinds of ids, all into one table of word forms: a word as written (its surface, exact
//! bytes), its folded form (lower case, no accents: the form for matching) and its lower-case
//! form (accents kept: the form shown in theme labels and given to the stemmer). For ASCII words
//! the folded and lower-case forms are the same id.

use rustc_hash::FxHashMap;
use std::hash::BuildHasher;
use crate::text::words::{fold_into, stop_words, Stemmer, SUPPORTED};

/// "Not computed yet" or "none" in the id tables.
const NONE: u32 = u32::MAX;

/// Whether a byte is an ASCII letter or digit (`u8::is_ascii_alphanumeric`), by table: one load
/// per byte where the test is three range checks, on every byte of every comment.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// One word occurrence in a text.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// Folded form id.
    pub folded: u32,
    /// Surface id (the word as written).
    pub surface: u32,
    /// Byte offset of the word in its text.
    pub start: u32,
    /// Byte offset just past the word.
    pub end: u32,
}

/// What is known of one word form (used when the form is a folded word).
struct Form {
    /// Letters (chars), for the length rules.
    chars: u32,
    /// Not a stop word.
    stop: bool,
    /// Only ASCII digits.
    digits: bool,
    /// Never names a theme (greetings, fillers: `filler_words.rs`); only looked up for words
    /// that would otherwise be theme content (see [`Vocabulary::is_theme_content`]).
    filler: bool,
    /// Stem id of this lower-case form, when computed.
    stem: u32,
    /// Index in the stance lexicon of the phrases starting with this (folded) word, or `NONE`.
    lexicon: u32,
}

/// A word as written: its folded and lower-case forms.
#[derive(Clone, Copy)]
struct Surface {
    folded: u32,
    lower: u32,
}

/// Interned strings: their bytes in one buffer, found through an open-addressing table of ids
/// by hash (colliding strings are told apart by their text). One allocation for all the words
/// instead of two boxed strings per word (a map's key and the stored text), none to free one by
/// one, and one hash per lookup.
#[derive(Default)]
struct Strings {
    bytes: String,
    /// Where each string is in `bytes`.
    spans: Vec<(u32, u32)>,
    /// Each string's hash.
    hashes: Vec<u64>,
    /// Ids by hash, linear probing; [`NONE`] is an empty slot. Its length is a power of two
    /// (or zero), at least a third of it empty.
    slots: Vec<u32>,
}

impl Strings {
    fn hash(text: &str) -> u64 {
        rustc_hash::FxBuildHasher.hash_one(text)
    }

    /// The id of `text` (whose [`Strings::hash`] is `hash`), if interned.
    fn find(&self, text: &str, hash: u64) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = hash as usize & mask;
        loop {
            let id = self.slots[i];
            if id == NONE {
                return None;
            }
            if self.hashes[id as usize] == hash && self.get(id) == text {
                return Some(id);
            }
            i = (i + 1) & mask;
        }
    }

    /// Interns `text` (not interned yet; its hash is `hash`) as the next id.
    fn push(&mut self, text: &str, hash: u64) -> u32 {
        let id = self.spans.len() as u32;
        let start = self.bytes.len() as u32;
        self.bytes.push_str(text);
        self.spans.push((start, self.bytes.len() as u32));
        self.hashes.push(hash);
        if self.spans.len() * 3 > self.slots.len() * 2 {
            self.grow();
        } else {
            self.place(id);
        }
        id
    }

    /// Puts `id` in the first empty slot from its hash's.
    fn place(&mut self, id: u32) {
        let mask = self.slots.len() - 1;
        let mut i = self.hashes[id as usize] as usize & mask;
        while self.slots[i] != NONE {
            i = (i + 1) & mask;
        }
        self.slots[i] = id;
    }

    /// An empty table with room for `n` strings of about 8 bytes before it grows.
    fn with_capacity(n: usize) -> Strings {
        Strings {
            bytes: String::with_capacity(8 * n),
            spans: Vec::with_capacity(n),
            hashes: Vec::with_capacity(n),
            slots: vec![NONE; (n + n / 2).next_power_of_two()],
        }
    }

    /// Doubles the table (256 slots at first) and places every id again.
    fn grow(&mut self) {
        self.slots = vec![NONE; (self.slots.len() * 2).max(256)];
        for id in 0..self.spans.len() as u32 {
            self.place(id);
        }
    }

    #[inline]
    fn get(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        let range = start as usize..end as usize;
        debug_assert!(self.bytes.is_char_boundary(range.start) && self.bytes.is_char_boundary(range.end));
        // SAFETY: every span is made by `push` around a whole `&str` it appends to `bytes`, which
        // is never changed otherwise: both ends are in bounds and on char boundaries. Word texts
        // are read in the inner loops of every step (the stance lexicon, names, themes); the
        // boundary checks of a plain slice made this a tenth of the summary.
        unsafe { self.bytes.get_unchecked(range) }
    }
}

/// The stop and filler words of one language and the first words of the lexicon's phrases, in
/// one [`Strings`] table, so that a new form is looked up once, with the hash it was interned
/// by, rather than hashed again for each list.
struct KnownWords {
    words: Strings,
    /// Per word of `words`: whether it is a stop word, whether it is a filler word, and its
    /// lexicon entry (or [`NONE`]).
    flags: Vec<(bool, bool, u32)>,
    /// The lexicon's table the entries come from.
    phrase_starts: &'static FxHashMap<&'static str, u32>,
}

impl KnownWords {
    /// The table of `lang` (one of [`SUPPORTED`]), built once, with the entries of
    /// `phrase_starts` (those of the first call: see [`Vocabulary::new`]).
    fn of(lang: &str, phrase_starts: &'static FxHashMap<&'static str, u32>) -> &'static KnownWords {
        use std::sync::OnceLock;
        static TABLES: [OnceLock<KnownWords>; 5] = [const { OnceLock::new() }; 5];
        let slot = SUPPORTED.iter().position(|l| *l == lang).unwrap_or(1);
        TABLES[slot].get_or_init(|| {
            let mut known = KnownWords { words: Strings::default(), flags: Vec::new(), phrase_starts };
            for word in stop_words(lang) {
                known.entry(word).0 = true;
            }
            for word in crate::summary::filler_words::filler_words(lang) {
                known.entry(word).1 = true;
            }
            for (word, &e) in phrase_starts {
                known.entry(word).2 = e;
            }
            known
        })
    }

    /// The flags of `word`, adding it (with none set) if new.
    fn entry(&mut self, word: &str) -> &mut (bool, bool, u32) {
        let hash = Strings::hash(word);
        let id = match self.words.find(word, hash) {
            Some(id) => id,
            None => {
                self.flags.push((false, false, NONE));
                self.words.push(word, hash)
            }
        };
        &mut self.flags[id as usize]
    }

    /// Whether the folded word `text` (whose [`Strings::hash`] is `hash`) is a stop word,
    /// whether it is a filler word, and its lexicon entry (or [`NONE`]).
    fn flags(&self, text: &str, hash: u64) -> (bool, bool, u32) {
        self.words.find(text, hash).map_or((false, false, NONE), |id| self.flags[id as usize])
    }
}

/// Surface ids of words of at most [`ShortWords::MAX`] bytes, keyed by their bytes packed in two
/// `u64`s, zero-padded (a word never holds a zero byte, so equal keys are equal words). Almost
/// every word is that short; looking one up is a multiply and a key compare, where [`Strings`]
/// hashes the text and compares bytes (a third of the summary of a 10,000-comment page).
#[derive(Default)]
struct ShortWords {
    /// Per slot: a key and its surface id ([`NONE`]: empty). Its length is a power of two (or
    /// zero), at least half of it empty.
    slots: Vec<([u64; 2], u32)>,
    len: usize,
}

impl ShortWords {
    /// Longest word (in bytes) kept here.
    const MAX: usize = 16;

    /// The key of `text[range]` (at most [`ShortWords::MAX`] bytes).
    #[inline]
    fn key(text: &[u8], range: std::ops::Range<usize>) -> [u64; 2] {
        let n = range.len();
        debug_assert!(n <= Self::MAX);
        // The first `n` bytes of a little-endian word, the rest zero.
        let keep = |x: u64, n: usize| if n >= 8 { x } else { x & ((1u64 << (8 * n)) - 1) };
        let word = |b: &[u8]| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        match text.get(range.start..range.start + Self::MAX) {
            // Two whole loads when the text runs on past the word (most words).
            Some(b) => [keep(word(&b[..8]), n), keep(word(&b[8..]), n.saturating_sub(8))],
            None => {
                let mut b = [0u8; Self::MAX];
                b[..n].copy_from_slice(&text[range]);
                [word(&b[..8]), word(&b[8..])]
            }
        }
    }

    #[inline]
    fn hash(key: [u64; 2]) -> u64 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        (key[0] ^ key[1].wrapping_mul(K).rotate_left(32)).wrapping_mul(K)
    }

    /// The slot of `key` (whose hash is `hash`): where it is, or the empty slot where it goes.
    /// The table must not be empty.
    #[inline]
    fn slot(&self, key: [u64; 2], hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        // The high bits of a multiplicative hash are the well mixed ones.
        let mut i = (hash >> 32) as usize & mask;
        loop {
            let (k, id) = self.slots[i];
            if id == NONE || k == key {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The surface id of `key`, if interned.
    #[inline]
    fn find(&self, key: [u64; 2], hash: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let id = self.slots[self.slot(key, hash)].1;
        (id != NONE).then_some(id)
    }

    /// Records `key` (not in the table; its hash is `hash`) as surface `id`.
    fn insert(&mut self, key: [u64; 2], hash: u64, id: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(2 * FORMS);
            let old = std::mem::replace(&mut self.slots, vec![([0, 0], NONE); size]);
            for (k, i) in old.into_iter().filter(|e| e.1 != NONE) {
                let s = self.slot(k, Self::hash(k));
                self.slots[s] = (k, i);
            }
        }
        let s = self.slot(key, hash);
        self.slots[s] = (key, id);
        self.len += 1;
    }
}

/// Forms (and surface words) a vocabulary has room for before its tables grow: about what the
/// article and comments of a news page hold, so that most pages never regrow them (each growth a
/// copy, and for the tables of ids a rehash).
const FORMS: usize = 512;

/// The interned words of one summary.
pub struct Vocabulary {
    stemmer: Stemmer,
    /// Surface words of at most [`ShortWords::MAX`] bytes, by their packed bytes.
    short_surfaces: ShortWords,
    /// Longer surface words, by text…
    surface_texts: Strings,
    /// …and their surface ids, by their ids in `surface_texts`.
    long_surfaces: Vec<u32>,
    surfaces: Vec<Surface>,
    /// Forms, by form id.
    form_texts: Strings,
    forms: Vec<Form>,
    /// The stop and filler words of `lang` and the lexicon's first words.
    known: &'static KnownWords,
    /// First word of a lexicon phrase → its entry (see [`Vocabulary::lexicon_entry`]).
    phrase_starts: &'static FxHashMap<&'static str, u32>,
    /// Scratch buffer for folding a new word.
    scratch: String,
}

impl Vocabulary {
    /// An empty vocabulary for `lang` (a language code; unsupported ones use English) that tags
    /// each folded word with its entry in `phrase_starts`: the first word of every phrase of a
    /// lexicon → that entry (the stance lexicon's: [`crate::summary::stance::phrase_starts`]).
    /// The table is passed in so that this module depends on no step that uses it.
    pub fn new(lang: &str, phrase_starts: &'static FxHashMap<&'static str, u32>) -> Vocabulary {
        let lang = SUPPORTED.iter().copied().find(|l| *l == lang).unwrap_or("en");
        Vocabulary {
            stemmer: Stemmer::new(lang),
            known: KnownWords::of(lang, phrase_starts),
            short_surfaces: ShortWords::default(),
            surface_texts: Strings::default(),
            long_surfaces: Vec::new(),
            surfaces: Vec::with_capacity(FORMS),
            form_texts: Strings::with_capacity(FORMS),
            forms: Vec::with_capacity(FORMS),
            phrase_starts,
            scratch: String::new(),
        }
    }

    /// Number of forms (folded, lower-case and stems); every form id is below it.
    pub fn forms(&self) -> usize {
        self.forms.len()
    }

    /// Appends the words of `text` to `out` (the words of [`crate::text::words::word_ranges`]).
    pub fn tokenize_into(&mut self, text: &str, out: &mut Vec<Word>) {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            // Same rule as `word_ranges` (runs of ASCII letters and digits), without its Vec.
            let mut i = 0;
            while i < bytes.len() {
                if !ASCII_WORD[usize::from(bytes[i])] {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < bytes.len() && ASCII_WORD[usize::from(bytes[i])] {
                    i += 1;
                }
                self.push_word(text, start..i, out);
            }
            return;
        }
        // The rule of `word_ranges` (runs of alphanumeric chars) without its Vec, and with the
        // ASCII bytes of a mostly ASCII text tested without decoding them.
        let (mut i, mut start) = (0, None);
        while i < bytes.len() {
            let (alphanumeric, len) = if bytes[i] < 0x80 {
                (ASCII_WORD[usize::from(bytes[i])], 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            };
            if alphanumeric {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                self.push_word(text, s..i, out);
            }
            i += len;
        }
        if let Some(s) = start {
            self.push_word(text, s..text.len(), out);
        }
    }

    #[inline]
    fn push_word(&mut self, text: &str, range: std::ops::Range<usize>, out: &mut Vec<Word>) {
        let surface = if range.len() <= ShortWords::MAX {
            let key = ShortWords::key(text.as_bytes(), range.clone());
            let hash = ShortWords::hash(key);
            match self.short_surfaces.find(key, hash) {
                Some(id) => id,
                None => {
                    let word = &text[range.clone()];
                    let id = self.new_surface(word, Strings::hash(word));
                    self.short_surfaces.insert(key, hash, id);
                    id
                }
            }
        } else {
            self.surface(&text[range.clone()])
        };
        out.push(Word { folded: self.surfaces[surface as usize].folded, surface, start: range.start as u32, end: range.end as u32 });
    }

    /// The words of `text`.
    pub fn tokenize(&mut self, text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        self.tokenize_into(text, &mut out);
        out
    }

    /// The surface id of `word` (longer than [`ShortWords::MAX`] bytes), interning it (and its
    /// forms) on first sight.
    fn surface(&mut self, word: &str) -> u32 {
        let hash = Strings::hash(word);
        if let Some(i) = self.surface_texts.find(word, hash) {
            return self.long_surfaces[i as usize];
        }
        let id = self.new_surface(word, hash);
        self.surface_texts.push(word, hash);
        self.long_surfaces.push(id);
        id
    }

    /// Interns the forms of a surface word not seen yet (whose [`Strings::hash`] is `hash`) and
    /// returns its new surface id.
    fn new_surface(&mut self, word: &str, hash: u64) -> u32 {
        let (folded, lower) = if word.is_ascii() {
            // Folded and lower-case are the same; most words are already in lower case.
            let id = if word.bytes().any(|b| b.is_ascii_uppercase()) { self.folded_form(word) } else { self.form_hashed(word, hash) };
            (id, id)
        } else if is_lower_case(word) {
            (self.folded_form(word), self.form_hashed(word, hash))
        } else {
            let lower = word.to_lowercase();
            (self.folded_form(word), self.form(&lower))
        };
        let id = self.surfaces.len() as u32;
        self.surfaces.push(Surface { folded, lower });
        id
    }

    /// The id of the folded form of `word` ([`crate::text::words::fold`]), interning it.
    fn folded_form(&mut self, word: &str) -> u32 {
        let mut folded = std::mem::take(&mut self.scratch);
        folded.clear();
        fold_into(word, &mut folded);
        let id = self.form(&folded);
        self.scratch = folded;
        id
    }

    /// The id of the form `text`, interning it on first sight.
    fn form(&mut self, text: &str) -> u32 {
        self.form_hashed(text, Strings::hash(text))
    }

    /// [`Vocabulary::form`] of `text` whose [`Strings::hash`] is `hash`.
    fn form_hashed(&mut self, text: &str, hash: u64) -> u32 {
        if let Some(id) = self.form_texts.find(text, hash) {
            return id;
        }
        let id = self.forms.len() as u32;
        let chars = text.chars().count() as u32;
        let (stop, filler, entry) = self.known.flags(text, hash);
        // The known words hold the lexicon's entries when they were built from this table
        // (always, in Glose: there is one lexicon).
        let lexicon = if std::ptr::eq(self.known.phrase_starts, self.phrase_starts) {
            entry
        } else {
            self.phrase_starts.get(text).copied().unwrap_or(NONE)
        };
        let digits = text.chars().all(|c| c.is_ascii_digit());
        self.forms.push(Form {
            chars,
            stop,
            digits,
            // Only `is_theme_content` reads it, after these tests.
            filler: chars > 2 && !digits && !stop && filler,
            stem: NONE,
            lexicon,
        });
        self.form_texts.push(text, hash);
        id
    }

    #[cfg(any(test, feature = "internals"))]
    /// The id of `text` as a form, if it was seen.
    pub fn find(&self, text: &str) -> Option<u32> {
        self.form_texts.find(text, Strings::hash(text))
    }

    /// The text of form `id`.
    pub fn text(&self, id: u32) -> &str {
        self.form_texts.get(id)
    }

    /// Length of form `id` in chars.
    pub fn chars(&self, id: u32) -> usize {
        self.forms[id as usize].chars as usize
    }

    /// Whether folded form `id` is a stop word of the page's language.
    pub fn is_stop(&self, id: u32) -> bool {
        self.forms[id as usize].stop
    }

    /// A content word for quote matching: more than two letters, not a stop word.
    pub fn is_quote_content(&self, folded: u32) -> bool {
        let f = &self.forms[folded as usize];
        f.chars > 2 && !f.stop
    }

    /// A content word for themes: more than two letters, not a number, not a stop or filler word.
    pub fn is_theme_content(&self, folded: u32) -> bool {
        let f = &self.forms[folded as usize];
        f.chars > 2 && !f.digits && !f.stop && !f.filler
    }

    /// The lexicon's entry for the phrases starting with folded form `id` (see [`Vocabulary::new`]).
    pub fn lexicon_entry(&self, id: u32) -> Option<u32> {
        let e = self.forms[id as usize].lexicon;
        (e != NONE).then_some(e)
    }

    /// The lower-case form of a surface word.
    pub fn lower(&self, surface: u32) -> u32 {
        self.surfaces[surface as usize].lower
    }

    /// The folded stem of a surface word (stemmed once per lower-case form).
    #[inline]
    pub fn stem(&mut self, surface: u32) -> u32 {
        let lower = self.surfaces[surface as usize].lower;
        let known = self.forms[lower as usize].stem;
        if known != NONE {
            return known;
        }
        let mut stem = std::mem::take(&mut self.scratch);
        stem.clear();
        self.stemmer.stem_lower_into(self.form_texts.get(lower), &mut stem);
        let id = self.form(&stem);
        self.scratch = stem;
        self.forms[lower as usize].stem = id;
        id
    }
}

/// Whether `word` is its own lower case (`str::to_lowercase` would return it unchanged): every
/// char lower-cases to itself alone. A capital sigma is upper case, so the final-sigma rule of
/// `to_lowercase` never applies to such a word.
fn is_lower_case(word: &str) -> bool {
    word.chars().all(|c| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    })
}

/// The words of every comment, in one buffer.
pub struct CommentWords {
    words: Vec<Word>,
    bounds: Vec<usize>,
}

impl CommentWords {
    /// Tokenises each of `texts` into `vocabulary`.
    pub fn new<'t>(texts: impl Iterator<Item = &'t str> + Clone, vocabulary: &mut Vocabulary) -> CommentWords {
        // Room for a word per 6 bytes, about what comments hold: no regrowth (each a copy of all
        // the words so far) on a page of thousands of comments.
        let bytes: usize = texts.clone().map(str::len).sum();
        let mut words = Vec::with_capacity(bytes / 6 + 1);
        let mut bounds = Vec::with_capacity(texts.size_hint().0 + 1);
        bounds.push(0);
        for text in texts {
            vocabulary.tokenize_into(text, &mut words);
            bounds.push(words.len());
        }
        CommentWords { words, bounds }
    }

    /// The words of comment `i` (none when out of range).
    pub fn of(&self, i: usize) -> &[Word] {
        match (self.bounds.get(i), self.bounds.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.words[a..b],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::word_ranges;
    use crate::summary::stance::phrase_starts;

    #[test]
    fn interns_each_form_once() {
        let mut v = Vocabulary::new("fr", phrase_starts());
        let w = v.tokenize("Élysée elysee ÉLYSÉE l'Élysée 42");
        assert_eq!(w.len(), 6);
        assert!(w[..3].iter().all(|x| x.folded == w[0].folded) && w[4].folded == w[0].folded);
        assert_eq!(v.text(w[0].folded), "elysee");
        assert_eq!(v.text(v.lower(w[0].surface)), "élysée");
        assert_eq!(v.lower(w[1].surface), w[1].folded);
        assert!(v.is_stop(w[3].folded) && !v.is_quote_content(w[3].folded));
        assert!(!v.is_quote_content(w[5].folded) && !v.is_theme_content(w[5].folded));
        let (s1, s2) = (v.stem(w[0].surface), v.stem(w[2].surface));
        assert_eq!(s1, s2);
        assert_eq!((w[3].start, w[3].end), (25, 26));
    }

    #[test]
    fn known_word_flags_are_the_lists() {
        for lang in SUPPORTED {
            let known = KnownWords::of(lang, phrase_starts());
            assert!(std::ptr::eq(known.phrase_starts, phrase_starts()));
            let fillers = crate::summary::filler_words::filler_words(lang);
            let probes = stop_words(lang).iter().chain(fillers).chain(phrase_starts().keys());
            for word in probes.chain(&["impots", "amazon", "", "x", "bien", "the", "hello", "article", "pas"]) {
                let entry = phrase_starts().get(word).copied().unwrap_or(NONE);
                let want = (crate::text::words::is_stop_word(lang, word), fillers.contains(word), entry);
                assert_eq!(known.flags(word, Strings::hash(word)), want, "{lang} {word}");
            }
        }
    }

    #[test]
    fn lower_case_test_agrees_with_to_lowercase() {
        for word in ["élysée", "Élysée", "ÉLYSÉE", "straße", "ǅemal", "ǆemal", "ΟΔΟΣ", "οδος", "ὈΔΌΣ", "İstanbul", "日本語", "ﬁn", "K", "µ"] {
            assert_eq!(is_lower_case(word), word.to_lowercase() == word, "{word}");
        }
        // Every char of the Basic Multilingual Plane, alone and after a letter.
        for c in (0u32..0x10000).filter_map(char::from_u32) {
            for word in [c.to_string(), format!("a{c}")] {
                assert_eq!(is_lower_case(&word), word.to_lowercase() == word, "{word:?}");
            }
        }
    }

    #[test]
    fn strings_with_the_same_hash_stay_apart() {
        let mut strings = Strings::default();
        let (a, b) = (strings.push("pentagone", 7), strings.push("amazon", 7));
        let c = strings.push("", 9);
        // Past the first growth of the table, every string is still found.
        let many: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        let ids: Vec<u32> = many.iter().map(|w| strings.push(w, Strings::hash(w))).collect();
        assert!(many.iter().zip(&ids).all(|(w, &id)| strings.find(w, Strings::hash(w)) == Some(id)));
        assert_eq!((strings.find("pentagone", 7), strings.find("amazon", 7), strings.find("", 9)), (Some(a), Some(b), Some(c)));
        assert_eq!((strings.find("trump", 7), strings.find("amazon", 8)), (None, None));
        assert_eq!((strings.get(a), strings.get(b), strings.get(c)), ("pentagone", "amazon", ""));
    }

    #[test]
    fn equal_surface_ids_are_equal_words() {
        // Words of every length around the packed keys' limits, ASCII and not, in the middle
        // of a text and at its very end (where the key is copied rather than loaded).
        let mut words: Vec<String> = Vec::new();
        for n in 1..=20 {
            for base in ["abcdefghijklmnopqrstuvwxyz", "éèàçôûïœ日本語ßabcdefghijklm", "ABCDEFGHIJKLMNOPQRSTUVWX"] {
                let w: String = base.chars().cycle().take(n).collect();
                words.push(w.clone());
                words.push(format!("{w}x"));
                words.push(format!("x{w}"));
            }
        }
        let mut v = Vocabulary::new("fr", phrase_starts());
        let mut seen: Vec<(String, u32, u32)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            // Each word alone (so at the end of its text), then after and before others.
            let texts = [w.clone(), format!("{w} {}", words[(i * 7) % words.len()]), format!("{} {w}", words[(i * 3) % words.len()])];
            for text in texts {
                for t in v.tokenize(&text) {
                    let word = text[t.start as usize..t.end as usize].to_owned();
                    assert_eq!(v.text(t.folded), crate::text::words::fold(&word), "{word}");
                    seen.push((word, t.surface, t.folded));
                }
            }
        }
        for (a, sa, _) in &seen {
            for (b, sb, _) in &seen {
                assert_eq!(a == b, sa == sb, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn splits_like_word_ranges() {
        let mut v = Vocabulary::new("en", phrase_starts());
        for text in [
            "", "  ", "a", "it's 42-year-old, ok?", "x1y2 _z_", "L'été d’Amazon, anti-Trump… 11.2", "tail", "été", "à",
            "«Élysée»", "naïveté—ok", "日本語です。テスト", "Ⅻ ½ ² x²", "straße's", "emoji 🎉ok🎉", "ÉLYSÉE", "l'œuvre…",
        ] {
            check(&mut v, text);
        }
        // Every ASCII char between letters, in an ASCII text and in one that is not.
        let all: String = (0u8..128).map(|b| format!("a{}b", b as char)).collect();
        check(&mut v, &all);
        check(&mut v, &format!("{all}é"));
        fn check(v: &mut Vocabulary, text: &str) {
            let got: Vec<(usize, usize)> = v.tokenize(text).iter().map(|w| (w.start as usize, w.end as usize)).collect();
            let want: Vec<(usize, usize)> = word_ranges(text).into_iter().map(|r| (r.start, r.end)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
