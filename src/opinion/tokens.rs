//! Word and punctuation tokens with char offsets, the unit every other opinion step works on.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits (with inner hyphens), or an elided article such as `l'` / `qu'`.
    Word,
    /// One punctuation or symbol char.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased text; typographic apostrophes become `'`.
    pub norm: String,
    /// Char offset of the first char in the sentence.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// Word or punctuation.
    pub kind: TokenKind,
    /// Whether the token as written starts with an upper-case letter.
    pub capitalized: bool,
    /// Whether the token holds a digit.
    pub numeric: bool,
    /// Whether the token is a weak scalar, modal or repetition word of the lexicon ("just",
    /// "would", "once again": [`super::cues::is_weak_entry`]); set by the feature code.
    pub weak: bool,
}

impl Token {
    /// Whether this is a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// `char::is_whitespace`, without a call for ASCII.
#[inline(always)]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\x09'..='\x0d')
    } else {
        c.is_whitespace()
    }
}

/// `char::is_alphanumeric`, without a call for ASCII.
#[inline(always)]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Appends a char's lower case to a token's text.
#[inline]
fn push_lower(buf: &mut String, c: char) {
    if c.is_ascii() {
        buf.push(c.to_ascii_lowercase());
    } else {
        buf.extend(c.to_lowercase());
    }
}

/// A token's text in a string from `spare` (emptied strings of an earlier sentence) when there
/// is one, else in a new one: allocating and freeing a String per token was a tenth of the cost.
fn take_string(text: &str, spare: &mut Vec<String>) -> String {
    match spare.pop() {
        Some(mut s) => {
            s.clear();
            s.push_str(text);
            s
        }
        None => {
            // Room for most words: a string handed on to a later, longer token then needs no
            // regrowing (exact-size strings were regrown ~6 times a sentence).
            let mut s = String::with_capacity(text.len().max(MIN_TOKEN_CAPACITY));
            s.push_str(text);
            s
        }
    }
}

/// The least capacity of a new token string (most words are shorter).
const MIN_TOKEN_CAPACITY: usize = 16;

/// Whether `word` (up to the char after an apostrophe) is the start of a name written with an
/// apostrophe, not an elision: one capital then a capital after the apostrophe (`M'Bappé`,
/// `M'Barek`, `N'Golo`, `O'Brien`). `L'` and `D'` stay elisions (`L'Oréal`, `D'Artagnan`), and
/// `m'` (= me) is always lower case or before a lower-case verb (`M'a-t-il dit`).
fn is_name_apostrophe(word: &[char]) -> bool {
    matches!(word, [first, _, next] if first.is_uppercase() && !matches!(first, 'L' | 'D') && next.is_uppercase())
}

#[cfg(any(test, feature = "internals"))]
/// Splits a sentence into tokens. Elisions end their token (`d'après` → `d'`, `après`); inner
/// hyphens and dots between digits stay inside words (`méga-contrat`, `10.5`).
pub fn tokenize(sentence: &str) -> Vec<Token> {
    tokenize_reusing(sentence, &mut Vec::new())
}

/// [`tokenize`], taking the tokens' strings from `spare` (strings of tokens no longer needed,
/// see [`recycle`]) before allocating new ones.
pub fn tokenize_reusing(sentence: &str, spare: &mut Vec<String>) -> Vec<Token> {
    if sentence.is_ascii() {
        tokenize_ascii(sentence, spare)
    } else {
        tokenize_utf8(sentence, spare)
    }
}

/// [`tokenize_reusing`] of an all-ASCII sentence, on its bytes: char offsets are byte offsets,
/// and a token's text is its bytes lower-cased (the chars' table of the general path and
/// the token built char by char were ~45 instructions a char).
fn tokenize_ascii(sentence: &str, spare: &mut Vec<String>) -> Vec<Token> {
    let bytes = sentence.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 4 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b' ' | b'\x09'..=b'\x0d') {
            i += 1;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            out.push(Token { norm: take_string(&sentence[i..i + 1], spare), start: i, end: i + 1, kind: TokenKind::Punct, capitalized: false, numeric: false, weak: false });
            i += 1;
            continue;
        }
        let start = i;
        let mut numeric = false;
        while i < bytes.len() {
            let c = bytes[i];
            if c.is_ascii_alphanumeric() {
                numeric |= c.is_ascii_digit();
                i += 1;
                continue;
            }
            // The byte after a joining char (0 past the end, which joins nothing).
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            if c == b'\'' && next.is_ascii_alphabetic() {
                // French elision (l', d', qu', s') ends the token; English n't / 's stay together.
                let word = &sentence[start..i];
                let elided = word.len() <= 2 || ["lorsqu", "puisqu", "jusqu", "quoiqu"].iter().any(|e| word.eq_ignore_ascii_case(e));
                let negation = next == b't' && bytes[i - 1].eq_ignore_ascii_case(&b'n'); // isn't, don't
                let possessive = next == b's' && !bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic); // it's, Bob's
                // `M'Bappé`, `O'Brien`: see `is_name_apostrophe`.
                let name = i == start + 1 && bytes[start].is_ascii_uppercase() && !matches!(bytes[start], b'L' | b'D') && next.is_ascii_uppercase();
                i += 1;
                if elided && !negation && !possessive && !name {
                    break;
                }
            } else if matches!(c, b'-' | b'.' | b',') && next.is_ascii_alphanumeric() && i > start {
                if c == b'-' || (bytes[i - 1].is_ascii_digit() && next.is_ascii_digit()) {
                    i += 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let mut norm = take_string(&sentence[start..i], spare);
        norm.make_ascii_lowercase();
        out.push(Token { capitalized: bytes[start].is_ascii_uppercase(), norm, start, end: i, kind: TokenKind::Word, numeric, weak: false });
    }
    out
}

/// [`tokenize_reusing`] of any sentence, walking its UTF-8 with a char counter (the offsets are
/// chars): the same tokens as [`tokenize_chars`] without a table of the sentence's chars, and
/// with runs of ASCII letters copied at once (French sentences, nearly never all ASCII, are
/// mostly such runs). Not inlined: inlined, it changed the ASCII path's code and cost the small
/// English pages ~3 % of their tokenizing.
#[inline(never)]
fn tokenize_utf8(sentence: &str, spare: &mut Vec<String>) -> Vec<Token> {
    let bytes = sentence.as_bytes();
    // The char at byte `b` (always a char boundary), decoded only when it is not ASCII.
    let char_at = |b: usize| match bytes.get(b) {
        Some(&x) if x.is_ascii() => Some(char::from(x)),
        Some(_) => sentence[b..].chars().next(),
        None => None,
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 + 1);
    let mut norm = String::with_capacity(64);
    // `b` is a byte offset, `i` the char offset of the same place.
    let (mut b, mut i) = (0, 0);
    while let Some(c) = char_at(b) {
        if is_space(c) {
            b += c.len_utf8();
            i += 1;
            continue;
        }
        norm.clear();
        if !is_alnum(c) {
            if is_apostrophe(c) {
                norm.push('\'');
            } else {
                push_lower(&mut norm, c);
            }
            out.push(Token { norm: take_string(&norm, spare), start: i, end: i + 1, kind: TokenKind::Punct, capitalized: false, numeric: false, weak: false });
            b += c.len_utf8();
            i += 1;
            continue;
        }
        let (first, start) = (c, i);
        let mut numeric = false;
        // The char before `b` inside the word.
        let mut prev = c;
        while let Some(c) = char_at(b) {
            if c.is_ascii_alphanumeric() {
                let run = b;
                while b < bytes.len() && bytes[b].is_ascii_alphanumeric() {
                    numeric |= bytes[b].is_ascii_digit();
                    b += 1;
                }
                i += b - run;
                norm.push_str(&sentence[run..b]);
                prev = char::from(bytes[b - 1]);
                continue;
            }
            let next = char_at(b + c.len_utf8());
            if !c.is_ascii() && c.is_alphanumeric() {
                numeric |= c.is_numeric();
                push_lower(&mut norm, c);
            } else if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
                let next = next.unwrap_or_default();
                // French elision (l', d', qu', s') ends the token; English n't / 's stay together.
                norm.make_ascii_lowercase();
                let elided = norm.chars().count() <= 2 || matches!(norm.as_str(), "lorsqu" | "puisqu" | "jusqu" | "quoiqu");
                let negation = next == 't' && norm.ends_with('n'); // isn't, don't
                let possessive = next == 's' && !char_at(b + c.len_utf8() + next.len_utf8()).is_some_and(char::is_alphabetic); // it's, Bob's
                let name = i == start + 1 && is_name_apostrophe(&[first, c, next]);
                norm.push('\'');
                b += c.len_utf8();
                i += 1;
                if elided && !negation && !possessive && !name {
                    break;
                }
                prev = c;
                continue;
            } else if matches!(c, '-' | '.' | ',') && next.is_some_and(is_alnum) && i > start {
                let digits = prev.is_numeric() && next.is_some_and(char::is_numeric);
                if c == '-' || digits {
                    norm.push(c);
                } else {
                    break;
                }
            } else {
                break;
            }
            b += c.len_utf8();
            i += 1;
            prev = c;
        }
        norm.make_ascii_lowercase();
        out.push(Token { capitalized: first.is_uppercase(), norm: take_string(&norm, spare), start, end: i, kind: TokenKind::Word, numeric, weak: false });
    }
    out
}

#[cfg(test)]
/// [`tokenize_reusing`] of any sentence, on a table of its chars: the plain reading of the
/// rules, which the tests hold [`tokenize_ascii`] and [`tokenize_utf8`] to.
fn tokenize_chars(sentence: &str, spare: &mut Vec<String>) -> Vec<Token> {
    // Sized once (a sentence has at most as many chars as bytes): collecting grew it several times.
    let mut chars: Vec<char> = Vec::with_capacity(sentence.len());
    chars.extend(sentence.chars());
    // Indexing a slice is inlined at opt-level "z"; indexing the Vec is a call per char.
    let chars: &[char] = &chars;
    let mut out = Vec::with_capacity(chars.len() / 4 + 1);
    // The token being read: one buffer per sentence, one exact-size String per
    // token (growing a String char by char dominated the tokeniser's cost).
    let mut norm = String::with_capacity(64);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            i += 1;
            continue;
        }
        norm.clear();
        if !is_alnum(c) {
            if is_apostrophe(c) {
                norm.push('\'');
            } else {
                push_lower(&mut norm, c);
            }
            out.push(Token { norm: take_string(&norm, spare), start: i, end: i + 1, kind: TokenKind::Punct, capitalized: false, numeric: false, weak: false });
            i += 1;
            continue;
        }
        let start = i;
        let mut numeric = false;
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_alphanumeric() {
                let run = i;
                while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                    numeric |= chars[i].is_ascii_digit();
                    i += 1;
                }
                norm.extend(&chars[run..i]);
                // Upper-case ASCII only comes from these runs: lower-cased before any test on
                // `norm` and at the end.
            } else if !c.is_ascii() && c.is_alphanumeric() {
                numeric |= c.is_numeric();
                push_lower(&mut norm, c);
                i += 1;
            } else if is_apostrophe(c) && i + 1 < chars.len() && chars[i + 1].is_alphabetic() {
                // French elision (l', d', qu', s') ends the token; English n't / 's stay together.
                norm.make_ascii_lowercase();
                let elided = norm.chars().count() <= 2 || matches!(norm.as_str(), "lorsqu" | "puisqu" | "jusqu" | "quoiqu");
                let negation = chars[i + 1] == 't' && norm.ends_with('n'); // isn't, don't
                let possessive = chars[i + 1] == 's' && !chars.get(i + 2).is_some_and(|c| c.is_alphabetic()); // it's, Bob's
                if elided && !negation && !possessive && !is_name_apostrophe(&chars[start..=i + 1]) {
                    norm.push('\'');
                    i += 1;
                    break;
                }
                norm.push('\'');
                i += 1;
            } else if (c == '-' || c == '.' || c == ',') && i + 1 < chars.len() && is_alnum(chars[i + 1]) && i > start {
                let digits = chars[i - 1].is_numeric() && chars[i + 1].is_numeric();
                if c == '-' || digits {
                    norm.push(c);
                    i += 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        norm.make_ascii_lowercase();
        out.push(Token { capitalized: chars[start].is_uppercase(), norm: take_string(&norm, spare), start, end: i, kind: TokenKind::Word, numeric, weak: false });
    }
    out
}

/// Gives the strings of tokens no longer needed back to `spare`, for [`tokenize_reusing`].
pub fn recycle(tokens: Vec<Token>, spare: &mut Vec<String>) {
    spare.extend(tokens.into_iter().map(|t| t.norm));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn splits_french_elisions_and_keeps_hyphens() {
        assert_eq!(norms("D'après la firme, l’homme a signé un méga-contrat."), ["d'", "après", "la", "firme", ",", "l'", "homme", "a", "signé", "un", "méga-contrat", "."]);
    }

    #[test]
    fn keeps_english_contractions_and_numbers() {
        assert_eq!(norms("It isn't 10.5 (sadly)!"), ["it", "isn't", "10.5", "(", "sadly", ")", "!"]);
    }

    #[test]
    fn names_with_an_apostrophe_stay_whole() {
        assert_eq!(norms("M'Bappé et N'Golo, pas L'Oréal ; il m'a dit"), ["m'bappé", "et", "n'golo", ",", "pas", "l'", "oréal", ";", "il", "m'", "a", "dit"]);
    }

    /// The ASCII path gives the general path's tokens (texts, offsets, flags) on random ASCII
    /// text made of the pieces its rules look at, and on the ASCII lines of the sample pages.
    #[test]
    fn ascii_path_matches_the_general_one() {
        const PIECES: &[&str] = &[
            "a", "word", "The", "L", "D", "M", "O", "N", "l", "qu", "Lorsqu", "jusqu", "QUOIQU", "n", "isn", "it", "Bob", "t", "s", "T", "S", "B", "10", "3", "x9",
            "'", "''", "-", "--", ".", ",", " ", "  ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x7f", "\0", "!", "?", "(", ")", "\"", ":", ";", "_", "/",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut texts: Vec<String> = (0..30_000).map(|_| (0..next() % 14).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect()).collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) else { continue };
            texts.extend(html.lines().filter(|l| l.is_ascii()).map(str::to_owned));
        }
        for text in &texts {
            let mut spare = Vec::new();
            assert_eq!(tokenize_ascii(text, &mut spare), tokenize_chars(text, &mut spare), "{text:?}");
        }
    }

    /// The UTF-8 walk gives the char table's tokens on random text mixing ASCII with accented
    /// letters, typographic apostrophes, non-ASCII digits and spaces, and on every line of the
    /// sample pages.
    #[test]
    fn utf8_path_matches_the_general_one() {
        const PIECES: &[&str] = &[
            "a", "word", "L", "D", "M", "N", "O", "l", "qu", "jusqu", "isn", "it", "t", "s", "T", "10", "3", "é", "É", "été", "Œuvre", "ß", "İ", "ǅ",
            "٣", "½", "Ⅻ", "中", "'", "’", "ʼ", "-", ".", ",", " ", "\u{a0}", "\u{202f}", "\t", "«", "»", "…", "!", "(", "\"", "😀", "\u{301}",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut texts: Vec<String> = (0..40_000).map(|_| (0..next() % 14).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect()).collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) else { continue };
            texts.extend(html.lines().map(str::to_owned));
        }
        for text in &texts {
            let mut spare = Vec::new();
            assert_eq!(tokenize_utf8(text, &mut spare), tokenize_chars(text, &mut spare), "{text:?}");
        }
    }

    #[test]
    fn offsets_count_chars() {
        let t = tokenize("« été »");
        assert_eq!((t[1].start, t[1].end), (2, 5));
    }
}
