//! Words for matching: tokenising, case and accent folding, stop words and stemming.
//!
//! Everything here works on folded words (lower case, accents stripped), so "Élysée", "elysee"
//! and "ÉLYSÉE" are the same word, and a reader who types without accents still matches.

use std::ops::Range;

/// Languages with a stop-word list and a stemmer.
pub const SUPPORTED: [&str; 5] = ["fr", "en", "de", "es", "it"];

/// Byte ranges of the words of `text`: runs of letters and digits. Apostrophes and hyphens
/// separate words ("l'article" → "l", "article"; "anti-Trump" → "anti", "Trump").
pub fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start: Option<usize> = None;
    if text.is_ascii() {
        // Same rule byte by byte: for ASCII, `is_alphanumeric` is `is_ascii_alphanumeric`.
        for (i, b) in text.bytes().enumerate() {
            if b.is_ascii_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(s..i);
            }
        }
        if let Some(s) = start {
            out.push(s..text.len());
        }
        return out;
    }
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// The words of `text`, in order, as slices.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    word_ranges(text).into_iter().map(move |r| &text[r])
}

/// Lower-cases `word` and strips its accents ("Éléphant" → "elephant", "Œuvre" → "oeuvre").
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Appends the folded form of `word` (see [`fold`]) to `out`, without allocating a new string.
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars() {
        push_folded(c, out);
    }
}

/// Appends the folded form of one char to `out` (see [`fold`]).
#[inline]
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        match strip_accent(l) {
            Some(s) => out.push_str(s),
            None => out.push(l),
        }
    }
}

/// The unaccented form of a lower-case Latin letter, when it has one.
fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ś' | 'š' | 'ş' => "s",
        'ź' | 'ż' | 'ž' => "z",
        'ł' => "l",
        'ř' => "r",
        'ť' | 'ţ' => "t",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// Whether the folded word `word` is a stop word in `lang` (an unknown language uses English).
pub fn is_stop_word(lang: &str, word: &str) -> bool {
    stop_word_set(lang).contains(word)
}

/// The stop words of `lang` as a hash set (English for languages without a list), built once.
pub fn stop_word_set(lang: &str) -> &'static rustc_hash::FxHashSet<&'static str> {
    use rustc_hash::FxHashSet;
    use std::sync::OnceLock;
    type Set = OnceLock<FxHashSet<&'static str>>;
    static SETS: [Set; 5] = [Set::new(), Set::new(), Set::new(), Set::new(), Set::new()];
    // A hash set per list: the sorted lists' binary search was a tenth of the comment summary.
    let slot = match lang {
        "fr" => 0,
        "de" => 1,
        "es" => 2,
        "it" => 3,
        _ => 4,
    };
    SETS[slot].get_or_init(|| stop_words(lang).iter().copied().collect())
}

/// The sorted stop-word list of `lang`, folded (English for languages without a list).
pub fn stop_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "fr" => crate::text::stop_words::FR,
        "de" => crate::text::stop_words::DE,
        "es" => crate::text::stop_words::ES,
        "it" => crate::text::stop_words::IT,
        _ => crate::text::stop_words::EN,
    }
}

/// Reduces words to their stems for one language (Snowball); languages without a stemmer keep
/// words as they are.
pub struct Stemmer {
    algorithm: Algorithm,
}

/// The stemming algorithm of a [`Stemmer`].
enum Algorithm {
    /// French, by the port in `french_stem` (the same stems as rust-stemmers, several times
    /// faster: French pages stem a hundred distinct words each).
    French,
    /// Another Snowball algorithm, by rust-stemmers.
    Snowball(rust_stemmers::Stemmer),
    /// No stemming.
    None,
}

impl Stemmer {
    /// The stemmer for `lang` (ISO 639-1). Only the [`SUPPORTED`] languages are built, so the
    /// other Snowball algorithms stay out of the wasm binary.
    pub fn new(lang: &str) -> Stemmer {
        use rust_stemmers::Algorithm as Snowball;
        let snowball = match lang {
            "fr" => return Stemmer { algorithm: Algorithm::French },
            "en" => Snowball::English,
            "de" => Snowball::German,
            "es" => Snowball::Spanish,
            "it" => Snowball::Italian,
            _ => return Stemmer { algorithm: Algorithm::None },
        };
        Stemmer { algorithm: Algorithm::Snowball(rust_stemmers::Stemmer::create(snowball)) }
    }

    /// The folded stem of one word: lower-cased, stemmed (with its accents, as Snowball expects),
    /// then accent-folded.
    pub fn stem(&self, word: &str) -> String {
        let lower = if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() };
        let mut out = String::with_capacity(lower.len());
        self.stem_lower_into(&lower, &mut out);
        out
    }

    /// [`Stemmer::stem`] of a word already in lower case (`str::to_lowercase` would return it
    /// unchanged), appended to `out`: no lower-casing and no folded copy to allocate.
    pub fn stem_lower_into(&self, lower: &str, out: &mut String) {
        match &self.algorithm {
            Algorithm::French => crate::text::french_stem::stem(lower, |c| push_folded(c, out)),
            Algorithm::Snowball(s) => fold_into(&s.stem(lower), out),
            Algorithm::None => fold_into(lower, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_elisions_and_hyphens() {
        let w: Vec<&str> = words("L'article d’Amazon, anti-Trump… 11.2").collect();
        assert_eq!(w, ["L", "article", "d", "Amazon", "anti", "Trump", "11", "2"]);
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("ÉLYSÉE"), "elysee");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn stop_word_lists_are_sorted_and_folded() {
        for lang in SUPPORTED {
            let list = stop_words(lang);
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{lang} list not sorted: {:?}",
                list.windows(2).find(|p| p[0] >= p[1]));
            assert!(list.iter().all(|w| fold(w) == *w), "{lang} list not folded");
        }
        assert!(is_stop_word("fr", "etait"));
        assert!(is_stop_word("en", "the"));
        assert!(!is_stop_word("fr", "propagande"));
    }

    #[test]
    fn stems_inflections_together() {
        let fr = Stemmer::new("fr");
        assert_eq!(fr.stem("impôts"), fr.stem("impot"));
        assert_eq!(fr.stem("argumentés"), fr.stem("argumenté"));
        let en = Stemmer::new("en");
        assert_eq!(en.stem("taxes"), en.stem("taxed"));
        assert_eq!(Stemmer::new("xx").stem("Été"), "ete");
    }

    #[test]
    fn stemming_a_lower_case_word_into_a_buffer_agrees() {
        let words = ["impôts", "Impôts", "argumentés", "ÉLYSÉE", "taxes", "Straße", "ΟΔΟΣ", "İstanbul", "naïveté", "x", ""];
        let mut out = String::from("kept ");
        for lang in SUPPORTED.iter().chain(&["xx"]) {
            let stemmer = Stemmer::new(lang);
            for word in words {
                let lower = word.to_lowercase();
                out.truncate(5);
                stemmer.stem_lower_into(&lower, &mut out);
                assert_eq!(out[5..], stemmer.stem(word), "{lang} {word}");
            }
        }
        // `stem` lower-cases again: the same as not doing it, since lower-casing is idempotent
        // (every char of the Basic Multilingual Plane, alone and in a word).
        for c in (0u32..0x10000).filter_map(char::from_u32) {
            for word in [c.to_string(), format!("a{c}"), format!("{c}s")] {
                let lower = word.to_lowercase();
                assert_eq!(lower.to_lowercase(), lower, "{word:?}");
            }
        }
    }
}
