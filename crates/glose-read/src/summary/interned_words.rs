//! The words of the article and of the comments, tokenised, folded and stemmed once and interned
//! as `u32` ids, shared by the quote links, the stance lexicon, replies by name and the themes,
//! so that no step folds a word again or allocates per word.
//!
//! Three kinds of ids, all into one table of word forms: a word as written (its surface, exact
//! bytes), its folded form (lower case, no accents: the form for matching) and its lower-case
//! form (accents kept: the form shown in theme labels and given to the stemmer). For ASCII words
//! the folded and lower-case forms are the same id.

use rustc_hash::FxHashMap;
use crate::text::words::{fold, is_stop_word, word_ranges, Stemmer, SUPPORTED};

/// "Not computed yet" or "none" in the id tables.
const NONE: u32 = u32::MAX;

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
    text: Box<str>,
    /// Letters (chars), for the length rules.
    chars: u32,
    /// Not a stop word.
    stop: bool,
    /// Only ASCII digits.
    digits: bool,
    /// Never names a theme (greetings, fillers: `filler_words.rs`).
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

/// The interned words of one summary.
pub struct Vocabulary {
    lang: &'static str,
    stemmer: Stemmer,
    by_surface: FxHashMap<Box<str>, u32>,
    surfaces: Vec<Surface>,
    by_form: FxHashMap<Box<str>, u32>,
    forms: Vec<Form>,
    /// First word of a lexicon phrase → its entry (see [`Vocabulary::lexicon_entry`]).
    phrase_starts: &'static FxHashMap<&'static str, u32>,
}

impl Vocabulary {
    /// An empty vocabulary for `lang` (a language code; unsupported ones use English) that tags
    /// each folded word with its entry in `phrase_starts`: the first word of every phrase of a
    /// lexicon → that entry (the stance lexicon's: [`crate::summary::stance::phrase_starts`]).
    /// The table is passed in so that this module depends on no step that uses it.
    pub fn new(lang: &str, phrase_starts: &'static FxHashMap<&'static str, u32>) -> Vocabulary {
        let lang = SUPPORTED.iter().copied().find(|l| *l == lang).unwrap_or("en");
        Vocabulary {
            lang,
            stemmer: Stemmer::new(lang),
            by_surface: FxHashMap::default(),
            surfaces: Vec::new(),
            by_form: FxHashMap::default(),
            forms: Vec::new(),
            phrase_starts,
        }
    }

    /// Number of forms (folded, lower-case and stems); every form id is below it.
    pub fn forms(&self) -> usize {
        self.forms.len()
    }

    /// Appends the words of `text` to `out` (the words of [`word_ranges`]).
    pub fn tokenize_into(&mut self, text: &str, out: &mut Vec<Word>) {
        if text.is_ascii() {
            // Same rule as `word_ranges` (runs of ASCII letters and digits), without its Vec.
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if !bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                self.push_word(text, start..i, out);
            }
            return;
        }
        for range in word_ranges(text) {
            self.push_word(text, range, out);
        }
    }

    fn push_word(&mut self, text: &str, range: std::ops::Range<usize>, out: &mut Vec<Word>) {
        let surface = self.surface(&text[range.clone()]);
        out.push(Word { folded: self.surfaces[surface as usize].folded, surface, start: range.start as u32, end: range.end as u32 });
    }

    /// The words of `text`.
    pub fn tokenize(&mut self, text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        self.tokenize_into(text, &mut out);
        out
    }

    /// The surface id of `word`, interning it (and its forms) on first sight.
    fn surface(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.by_surface.get(word) {
            return id;
        }
        let folded_text = fold(word);
        let (folded, lower) = if word.is_ascii() {
            let id = self.form(&folded_text);
            (id, id)
        } else {
            let lower = word.to_lowercase();
            (self.form(&folded_text), self.form(&lower))
        };
        let id = self.surfaces.len() as u32;
        self.surfaces.push(Surface { folded, lower });
        self.by_surface.insert(word.into(), id);
        id
    }

    /// The id of the form `text`, interning it on first sight.
    fn form(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.by_form.get(text) {
            return id;
        }
        let id = self.forms.len() as u32;
        self.forms.push(Form {
            text: text.into(),
            chars: text.chars().count() as u32,
            stop: is_stop_word(self.lang, text),
            digits: text.chars().all(|c| c.is_ascii_digit()),
            filler: crate::summary::filler_words::is_filler(self.lang, text),
            stem: NONE,
            lexicon: self.phrase_starts.get(text).copied().unwrap_or(NONE),
        });
        self.by_form.insert(text.into(), id);
        id
    }

    #[cfg(any(test, feature = "internals"))]
    /// The id of `text` as a form, if it was seen.
    pub fn find(&self, text: &str) -> Option<u32> {
        self.by_form.get(text).copied()
    }

    /// The text of form `id`.
    pub fn text(&self, id: u32) -> &str {
        &self.forms[id as usize].text
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
        let stem = self.stemmer.stem(&self.forms[lower as usize].text);
        let id = self.form(&stem);
        self.forms[lower as usize].stem = id;
        id
    }
}

/// The words of every comment, in one buffer.
pub struct CommentWords {
    words: Vec<Word>,
    bounds: Vec<usize>,
}

impl CommentWords {
    /// Tokenises each of `texts` into `vocabulary`.
    pub fn new<'t>(texts: impl Iterator<Item = &'t str>, vocabulary: &mut Vocabulary) -> CommentWords {
        let mut words = Vec::new();
        let mut bounds = vec![0];
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
    fn splits_like_word_ranges() {
        let mut v = Vocabulary::new("en", phrase_starts());
        for text in ["", "  ", "a", "it's 42-year-old, ok?", "x1y2 _z_", "L'été d’Amazon, anti-Trump… 11.2", "tail"] {
            let got: Vec<(usize, usize)> = v.tokenize(text).iter().map(|w| (w.start as usize, w.end as usize)).collect();
            let want: Vec<(usize, usize)> = word_ranges(text).into_iter().map(|r| (r.start, r.end)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
