//! UAX #29 sentence boundaries, fast, for text in the Latin script.
//!
//! The same boundaries as `unicode-segmentation`'s `split_sentence_bound_indices`, whose state
//! machine this follows rule by rule (SB1–SB11 as that crate implements them; unicode-segmentation
//! is Copyright (c) 2015 The Rust Project Developers, under MIT or Apache-2.0, like its tables,
//! which come from the Unicode Character Database under the Unicode licence),
//! with the character classes read from a small direct table instead of a binary search over the
//! whole Unicode range table. The table covers U+0000–U+036F (Latin, IPA, spacing and combining
//! marks) and U+2000–U+218F (General Punctuation, currency signs, letterlike symbols such as ™,
//! number forms), and two runs of symbols all of one class (arrows and operators, box drawing and
//! shapes such as ▪ ►, which menus and tables of contents use): the text of the pages Glose reads
//! is mostly those. Any other character hands the whole text to the crate, so every text gets the
//! crate's answer (`tests` compare the two on random and real text). Sentence splitting was 13 %
//! of the analysis on small pages (BENCHMARKS.md, "Sentence bounds").

use unicode_segmentation::UnicodeSegmentation;

/// A character's UAX #29 sentence class (`Sentence_Break` property).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Any,
    ATerm,
    CR,
    Close,
    Extend,
    Format,
    LF,
    Lower,
    Numeric,
    OLetter,
    SContinue,
    STerm,
    Sep,
    Sp,
    Upper,
}

/// The classes of U+0000–U+036F and of U+2000–U+218F, one letter per character (from the
/// `sentence_cat_table` of unicode-segmentation 1.13.3, Unicode 16): `.` Any, `p` ATerm, `r` CR,
/// `)` Close, `e` Extend, `f` Format, `n` LF, `l` Lower, `9` Numeric, `o` OLetter, `,` SContinue,
/// `!` STerm, `s` Sep, `_` Sp, `U` Upper.
const LATIN_LETTERS: [&[u8; 64]; 13] = [
    b"........._n__r.................._!)....)))..,,p.9999999999,,...!",
    b".UUUUUUUUUUUUUUUUUUUUUUUUUU).)...llllllllllllllllllllllllll).)..",
    b".....s.........................._.........l).f.......l....l)....",
    b"UUUUUUUUUUUUUUUUUUUUUUU.UUUUUUUllllllllllllllllllllllll.llllllll",
    b"UlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUllUlUlUlU",
    b"lUlUlUlUllUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUUlUlUll",
    b"lUUlUlUUlUUUllUUUUlUUlUUUlllUUlUUlUlUlUUlUllUlUUlUUUlUlUUlloUlll",
    b"ooooUUlUUlUUlUlUlUlUlUlUlUlUllUlUlUlUlUlUlUlUlUllUUlUlUUUlUlUlUl",
    b"UlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlllllllUUlUUl",
    b"lUlUUUUlUlUlUlUlllllllllllllllllllllllllllllllllllllllllllllllll",
    b"lllllllllllllllllllloolllllllllllllllllllllllllllllllllllooooooo",
    b"ll....oooooooooooo..............lllll.......o.o.................",
    b"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
];
const LATIN_TAIL: &[u8; 48] = b"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
const PUNCTUATION_LETTERS: [&[u8; 64]; 6] = [
    b"___________feeff...,,...))))))))....p...ssfffff_.........)).!!..",
    b".....))!!!....................._fffff.ffffffffff.l...........))l",
    b".............)).lllllllllllll...................................",
    b"................eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee...............",
    b"..U....U..lUUUllUUUl.U...UUUUU......U.U.U.UUUU.lUUUUlooool..llUU",
    b".....Ullll....l.................UUUUUUUUUUUUUUUUllllllllllllllll",
];
const PUNCTUATION_TAIL: &[u8; 16] = b"oooUloooo.......";

const LATIN_END: u32 = 0x370;
const PUNCTUATION_START: u32 = 0x2000;
const PUNCTUATION_END: u32 = 0x2190;
/// Runs of symbols that are all of class Any: arrows and mathematical operators (U+2190–U+2307),
/// enclosed numbers to dingbats (U+24EA–U+275A: box drawing, geometric shapes like ▪ ► ▼, ☰).
const SYMBOLS: [std::ops::Range<u32>; 2] = [0x2190..0x2308, 0x24EA..0x275B];

const fn class_of_letter(letter: u8) -> Class {
    match letter {
        b'p' => Class::ATerm,
        b'r' => Class::CR,
        b')' => Class::Close,
        b'e' => Class::Extend,
        b'f' => Class::Format,
        b'n' => Class::LF,
        b'l' => Class::Lower,
        b'9' => Class::Numeric,
        b'o' => Class::OLetter,
        b',' => Class::SContinue,
        b'!' => Class::STerm,
        b's' => Class::Sep,
        b'_' => Class::Sp,
        b'U' => Class::Upper,
        _ => Class::Any,
    }
}

const fn table<const N: usize>(rows: &[&[u8; 64]], tail: &[u8]) -> [Class; N] {
    let mut out = [Class::Any; N];
    let mut i = 0;
    while i < N {
        let letter = if i / 64 < rows.len() { rows[i / 64][i % 64] } else { tail[i - rows.len() * 64] };
        out[i] = class_of_letter(letter);
        i += 1;
    }
    out
}

static LATIN: [Class; LATIN_END as usize] = table(&LATIN_LETTERS, LATIN_TAIL);
static PUNCTUATION: [Class; (PUNCTUATION_END - PUNCTUATION_START) as usize] = table(&PUNCTUATION_LETTERS, PUNCTUATION_TAIL);

/// The class of `c`, or `None` outside the table.
#[inline]
fn class(c: char) -> Option<Class> {
    let c = c as u32;
    if c < LATIN_END {
        Some(LATIN[c as usize])
    } else if (PUNCTUATION_START..PUNCTUATION_END).contains(&c) {
        Some(PUNCTUATION[(c - PUNCTUATION_START) as usize])
    } else if SYMBOLS.iter().any(|r| r.contains(&c)) {
        Some(Class::Any)
    } else {
        None
    }
}

/// What the state machine remembers of the classes before a position (the crate's `StatePart`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    CR,
    LF,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, the newest last.
type State = [Part; 4];

fn advance(parts: State, class: Class) -> State {
    match (parts[3], class) {
        (Part::ClosePlus, Class::Close) | (Part::SpPlus, Class::Sp) => parts,
        _ => [parts[1], parts[2], parts[3], part(class)],
    }
}

/// The part a character of `class` leaves as the newest (runs of Close or Sp are one part).
fn part(class: Class) -> Part {
    match class {
        Class::CR => Part::CR,
        Class::LF => Part::LF,
        Class::Sep => Part::Sep,
        Class::ATerm => Part::ATerm,
        Class::Upper | Class::Lower => Part::UpperLower,
        Class::Close => Part::ClosePlus,
        Class::Sp => Part::SpPlus,
        Class::STerm => Part::STerm,
        _ => Part::Other,
    }
}

/// SB8: `ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower`, looking
/// ahead from the current character; `None` when the look-ahead meets a character off the table.
fn sb8(parts: &State, ahead: &str) -> Option<bool> {
    let mut idx = if parts[3] == Part::SpPlus { 2 } else { 3 };
    if parts[idx] == Part::ClosePlus {
        idx -= 1;
    }
    if parts[idx] != Part::ATerm {
        return Some(false);
    }
    for c in ahead.chars() {
        match class(c)? {
            Class::Lower => return Some(true),
            Class::OLetter | Class::Upper | Class::Sep | Class::CR | Class::LF | Class::STerm | Class::ATerm => return Some(false),
            _ => {}
        }
    }
    Some(false)
}

/// SB8a's context: `SATerm Close* Sp*`.
fn after_terminal_spaces(parts: &State) -> bool {
    let mut idx = if parts[3] == Part::SpPlus { 2 } else { 3 };
    if parts[idx] == Part::ClosePlus {
        idx -= 1;
    }
    matches!(parts[idx], Part::STerm | Part::ATerm)
}

/// SB9's context: `SATerm Close*`.
fn after_terminal_closers(parts: &State) -> bool {
    let idx = if parts[3] == Part::ClosePlus { 2 } else { 3 };
    matches!(parts[idx], Part::STerm | Part::ATerm)
}

/// SB11's context: `SATerm Close* Sp* ParaSep?`.
fn after_sentence_end(parts: &State) -> bool {
    let mut idx = match parts[3] {
        Part::Sep | Part::CR | Part::LF => 2,
        _ => 3,
    };
    if parts[idx] == Part::SpPlus {
        idx -= 1;
    }
    if parts[idx] == Part::ClosePlus {
        idx -= 1;
    }
    matches!(parts[idx], Part::STerm | Part::ATerm)
}

/// Whether no terminal (`.`, `!`, `?`) nor paragraph separator is among the last parts: then
/// no rule can break before a [quiet](is_quiet) character, and a run of them is skipped whole.
#[inline]
fn is_calm(parts: &State) -> bool {
    !matches!(parts[3], Part::Sot | Part::Sep | Part::CR | Part::LF) && !parts.iter().any(|p| matches!(p, Part::STerm | Part::ATerm))
}

/// An ASCII byte whose class is none of ATerm, STerm, CR and LF (ASCII has no Sep, Extend or
/// Format): between [calm](is_calm) parts it never starts a sentence.
#[inline]
fn is_quiet(b: u8) -> bool {
    b.is_ascii() && !matches!(LATIN[b as usize], Class::ATerm | Class::STerm | Class::CR | Class::LF)
}

/// The boundaries of `text` (byte offsets, the first 0 and the last `text.len()`; none for empty
/// text) through the table, or `None` when a character is off it.
fn table_boundaries(text: &str, out: &mut Vec<usize>) -> Option<()> {
    let bytes = text.as_bytes();
    let mut state: State = [Part::Sot; 4];
    let mut pos = 0;
    while pos < bytes.len() {
        if is_calm(&state) {
            let run = bytes[pos..].iter().take_while(|&&b| is_quiet(b)).count();
            if run > 0 {
                // No rule breaks inside the run; of the parts before it only the newest is ever
                // read as more than "not a terminal" (SB7 reads the one before an ATerm).
                pos += run;
                state = [Part::Other, Part::Other, Part::Other, part(LATIN[bytes[pos - 1] as usize])];
                continue;
            }
        }
        let c = text[pos..].chars().next()?;
        let before = state;
        let class = class(c)?;
        state = advance(state, class);
        let boundary = match class {
            // SB1
            _ if before[3] == Part::Sot => true,
            // SB3
            Class::LF if before[3] == Part::CR => false,
            // SB4
            _ if matches!(before[3], Part::Sep | Part::CR | Part::LF) => true,
            // SB5
            Class::Extend | Class::Format => {
                state = before;
                false
            }
            // SB6
            Class::Numeric if before[3] == Part::ATerm => false,
            // SB7
            Class::Upper if before[2] == Part::UpperLower && before[3] == Part::ATerm => false,
            // SB8
            _ if sb8(&before, &text[pos..])? => false,
            // SB8a
            Class::SContinue | Class::STerm | Class::ATerm if after_terminal_spaces(&before) => false,
            // SB9
            Class::Close | Class::Sp | Class::Sep | Class::CR | Class::LF if after_terminal_closers(&before) => false,
            // SB10
            Class::Sp | Class::Sep | Class::CR | Class::LF if after_terminal_spaces(&before) => false,
            // SB11
            _ if after_sentence_end(&before) => true,
            // SB998
            _ => false,
        };
        if boundary {
            out.push(pos);
        }
        pos += c.len_utf8();
    }
    // SB2
    if !text.is_empty() {
        out.push(text.len());
    }
    Some(())
}

/// The UAX #29 sentences of `text` as `(start, piece)`, exactly as `unicode-segmentation`'s
/// `split_sentence_bound_indices` gives them.
pub(crate) fn sentence_bound_indices(text: &str) -> Vec<(usize, &str)> {
    let mut bounds = Vec::new();
    if table_boundaries(text, &mut bounds).is_none() {
        return text.split_sentence_bound_indices().collect();
    }
    bounds.windows(2).map(|w| (w[0], &text[w[0]..w[1]])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crate_bounds(text: &str) -> Vec<(usize, &str)> {
        text.split_sentence_bound_indices().collect()
    }

    /// The table holds the crate's classes: every character of it, between letters and after a
    /// period, splits as the crate splits it.
    #[test]
    fn every_character_of_the_table_splits_as_the_crate_does() {
        let covered = (0..LATIN_END).chain(PUNCTUATION_START..PUNCTUATION_END).chain(SYMBOLS.into_iter().flatten()).filter_map(char::from_u32);
        for c in covered {
            for pattern in ["a. {c}b", "A{c}. b", "x.{c} Y", "Oui !{c} Non", "1.{c}2", "Fin.{c}\nDébut", "« a. »{c} b", "a{c}"] {
                let text = pattern.replace("{c}", &c.to_string());
                assert_eq!(sentence_bound_indices(&text), crate_bounds(&text), "U+{:04X} in {text:?}", c as u32);
            }
        }
    }

    /// Random strings over the characters that matter to the rules (and a few off the table)
    /// split exactly as the crate splits them.
    #[test]
    fn random_text_splits_as_the_crate_does() {
        const ALPHABET: &[char] = &[
            'a', 'b', 'É', 'é', 'Z', 'ß', 'ª', '1', '9', ' ', ' ', '\u{a0}', '\u{202f}', '\n', '\r', '\u{85}', '\u{2028}', '\u{2029}', '.', '.',
            '!', '?', '‼', '…', ',', ';', ':', '-', '–', '—', '"', '\'', '(', ')', '[', '«', '»', '“', '”', '’', '\u{ad}', '\u{301}', '\u{200b}',
            '€', 'ʼ', 'ǅ', '中', '。', '😀', 'ا', '™', 'ℕ', 'Ⅻ', '←', '⌈', '▪', '►', '─', '❝', '❞', '⟦',
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..60_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize]).collect();
            assert_eq!(sentence_bound_indices(&text), crate_bounds(&text), "{text:?}");
        }
    }

    /// Longer random texts of words, spaces and punctuation (long runs of quiet ASCII between
    /// terminals, the skip of `table_boundaries`) split exactly as the crate splits them.
    #[test]
    fn random_prose_splits_as_the_crate_does() {
        const PIECES: &[&str] = &[
            "word", "Name", "U", "S", "x", "été", "42", "3", " ", " ", "  ", "\n", "\r\n", "\n\n", ".", ".", "!", "?", "...", "…", ",", ";", ":", "(", ")",
            "\"", "'", "« ", " »", "”", "’", "-", "\u{ad}", "\u{301}", "\u{a0}", "\u{2029}", "中",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            assert_eq!(sentence_bound_indices(&text), crate_bounds(&text), "{text:?}");
        }
    }

    /// Real text (the sample pages' HTML read as text) splits as the crate splits it, through the
    /// table (the French sample has no character off it).
    #[test]
    fn real_text_splits_as_the_crate_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pages");
        let mut read = 0;
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) else { continue };
            for paragraph in html.split("<p").skip(1) {
                assert_eq!(sentence_bound_indices(paragraph), crate_bounds(paragraph));
            }
            read += 1;
        }
        assert!(read > 0, "no sample page read under {}", root.display());
        let french = "M. Dupont l’a dit : « C’est fini. » Puis il est parti… Le 3.5 % restant ? Non ! (Voir p. 12.) ";
        let mut bounds = Vec::new();
        assert!(table_boundaries(french, &mut bounds).is_some(), "French news text stays on the table");
        assert_eq!(sentence_bound_indices(french), crate_bounds(french));
    }
}
