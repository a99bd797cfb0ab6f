//! The Snowball French stemmer, ported by hand from the code rust-stemmers 1.2.0 generates
//! (`snowball/algorithms/french.rs`), step for step and with the same suffix tables, so it
//! returns exactly the same stems (the differential tests in `french_stem_tests.rs` check it
//! against rust-stemmers on the Snowball vocabulary, the test pages and generated words).
//!
//! Why a port: the generic Snowball runtime walks a UTF-8 string with a char cursor, finds
//! suffixes by a binary search over byte strings and allocates a new `String` for every edit;
//! that was about 6,000 instructions a word, 8 % of the warm seed page. Here the word is a small
//! buffer of chars on the stack, suffixes are compared directly, and every edit either changes
//! one char in place or cuts the word and appends a few chars.
//!
//! Positions (the regions RV, R1, R2 and the suffix starts) are char indices where the
//! generated code uses byte offsets. They order positions the same way: the regions are measured
//! before any edit, every edit is at the end of the word (or one char in place), and a region is
//! only ever compared with a position left of all edits so far, or inside an ASCII replacement.

/// Words up to this many chars are stemmed in a buffer on the stack; longer ones (rare) in a
/// vector.
const STACK_CHARS: usize = 40;

/// A suffix table: the suffixes (ISO 8859-1 bytes, each one char: every letter the algorithm
/// tests is in that range), grouped by their last letter, each with what to do when it is the
/// longest that ends the word (the generated code's `among_var`). Longest suffixes first in
/// each group, so the first match is the longest; the grouping lets a word skip at once the
/// suffixes that cannot end it.
type Suffixes = &'static [(char, &'static [(&'static [u8], u8)])];

/// `A_4`: the standard suffixes (step 1).
const STANDARD: Suffixes = &[
    ('s', &[
        (b"issements", 12), (b"atrices", 2), (b"logies", 3), (b"usions", 4), (b"ations", 2),
        (b"utions", 4), (b"ateurs", 2), (b"ements", 6), (b"iqUes", 1), (b"ances", 1),
        (b"ences", 5), (b"ables", 1), (b"ismes", 1), (b"euses", 11), (b"istes", 1),
        (b"ments", 15), (b"ives", 8), (b"it\xe9s", 7), (b"ifs", 8),
    ]),
    ('e', &[
        (b"atrice", 2), (b"logie", 3), (b"iqUe", 1), (b"ance", 1), (b"ence", 5), (b"able", 1),
        (b"isme", 1), (b"euse", 11), (b"iste", 1), (b"ive", 8),
    ]),
    ('t', &[(b"issement", 12), (b"amment", 13), (b"emment", 14), (b"ement", 6), (b"ment", 15)]),
    ('n', &[(b"usion", 4), (b"ation", 2), (b"ution", 4)]),
    ('x', &[(b"eaux", 9), (b"aux", 10), (b"eux", 1)]),
    ('r', &[(b"ateur", 2)]),
    ('é', &[(b"it\xe9", 7)]),
    ('f', &[(b"if", 8)]),
];

/// `A_2`: what may precede "-ement" (step 1, case 6).
const AFTER_EMENT: Suffixes = &[
    ('r', &[(b"I\xe8r", 4), (b"i\xe8r", 4)]),
    ('U', &[(b"iqU", 3)]),
    ('l', &[(b"abl", 3)]),
    ('s', &[(b"eus", 2)]),
    ('v', &[(b"iv", 1)]),
];

/// `A_3`: what may precede "-ité" (step 1, case 7).
const AFTER_ITE: Suffixes = &[('l', &[(b"abil", 1)]), ('c', &[(b"ic", 2)]), ('v', &[(b"iv", 3)])];

/// `A_5`: the verb suffixes beginning with i (step 2a); they all have the same action.
const I_VERB: Suffixes = &[
    ('s', &[
        (b"issantes", 1), (b"issions", 1), (b"issants", 1), (b"issais", 1), (b"irions", 1),
        (b"issons", 1), (b"isses", 1), (b"irais", 1), (b"irons", 1), (b"iras", 1),
        (b"\xeemes", 1), (b"\xeetes", 1), (b"ies", 1), (b"is", 1),
    ]),
    ('t', &[
        (b"issaIent", 1), (b"iraIent", 1), (b"issait", 1), (b"issant", 1), (b"issent", 1),
        (b"irait", 1), (b"irent", 1), (b"iront", 1), (b"it", 1), (b"\xeet", 1),
    ]),
    ('z', &[(b"issiez", 1), (b"iriez", 1), (b"issez", 1), (b"irez", 1)]),
    ('e', &[(b"issante", 1), (b"isse", 1), (b"ie", 1)]),
    ('i', &[(b"irai", 1), (b"i", 1)]),
    ('a', &[(b"ira", 1)]),
    ('r', &[(b"ir", 1)]),
];

/// `A_6`: the other verb suffixes (step 2b).
const VERB: Suffixes = &[
    ('s', &[
        (b"assions", 3), (b"erions", 2), (b"asses", 3), (b"antes", 3), (b"erais", 2),
        (b"erons", 2), (b"eras", 2), (b"\xe2mes", 3), (b"\xe2tes", 3), (b"ions", 1),
        (b"ants", 3), (b"\xe9es", 2), (b"ais", 3), (b"as", 3), (b"\xe9s", 2),
    ]),
    ('t', &[
        (b"eraIent", 2), (b"assent", 3), (b"erait", 2), (b"aIent", 3), (b"\xe8rent", 2),
        (b"eront", 2), (b"ait", 3), (b"ant", 3), (b"\xe2t", 3),
    ]),
    ('z', &[(b"assiez", 3), (b"eriez", 2), (b"erez", 2), (b"iez", 2), (b"ez", 2)]),
    ('e', &[(b"asse", 3), (b"ante", 3), (b"\xe9e", 2)]),
    ('i', &[(b"erai", 2), (b"ai", 3)]),
    ('a', &[(b"era", 2), (b"a", 3)]),
    ('r', &[(b"er", 2)]),
    ('é', &[(b"\xe9", 2)]),
];

/// `A_7`: the residual suffixes (step 4).
const RESIDUAL: Suffixes = &[
    ('e', &[(b"I\xe8re", 2), (b"i\xe8re", 2), (b"e", 3)]),
    ('r', &[(b"Ier", 2), (b"ier", 2)]),
    ('n', &[(b"ion", 1)]),
    ('ë', &[(b"\xeb", 4)]),
];

/// `A_8`: the double consonants step 5 undoubles (no action).
const DOUBLES: Suffixes = &[
    ('l', &[(b"eill", 0), (b"ell", 0)]),
    ('n', &[(b"enn", 0), (b"onn", 0)]),
    ('t', &[(b"ett", 0)]),
];

/// The grouping `v`: the French vowels (aeiouy by a bit mask: the test runs on every letter).
#[inline]
fn is_vowel(c: char) -> bool {
    const AEIOUY: u32 = 1 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24;
    match c {
        'a'..='z' => AEIOUY >> (c as u32 - 'a' as u32) & 1 != 0,
        'à'..='û' => matches!(c, 'â' | 'à' | 'ë' | 'é' | 'ê' | 'è' | 'ï' | 'î' | 'ô' | 'û' | 'ù'),
        _ => false,
    }
}

/// The grouping `keep_with_s`: letters after which a final s stays (step 4).
fn keeps_s(c: char) -> bool {
    matches!(c, 'a' | 'i' | 'o' | 'u' | 'è' | 's')
}

/// The regions of the algorithm, as char indices where they start.
struct Regions {
    rv: usize,
    r1: usize,
    r2: usize,
}

/// A word being stemmed: its chars in a buffer, the first `len` of them in use (edits only
/// ever shorten the word, or lengthen it by less than they shortened it before).
struct Word<'a> {
    chars: &'a mut [char],
    len: usize,
}

impl Word<'_> {
    /// The char at `i`, or NUL past the end (NUL is no vowel and no letter the algorithm tests,
    /// as the generated code's tests fail at the end of the word).
    fn at(&self, i: usize) -> char {
        if i < self.len { self.chars[i] } else { '\0' }
    }

    /// Whether the word ends with `suffix` and the suffix starts at or after `limit` (the
    /// generated code's `limit_backward`).
    #[inline]
    fn ends_with(&self, limit: usize, suffix: &[u8]) -> bool {
        self.len >= limit + suffix.len()
            && suffix.iter().rev().zip(self.chars[..self.len].iter().rev()).all(|(&b, &c)| c == char::from(b))
    }

    /// The longest suffix of `table` that ends the word at or after `limit`: where it starts,
    /// and its action (`find_among_b`).
    fn longest(&self, limit: usize, table: Suffixes) -> Option<(usize, u8)> {
        let chars = &self.chars[..self.len];
        let last = *chars.last()?;
        let (_, group) = table.iter().find(|(c, _)| *c == last)?;
        // The last letter matches the whole group: most suffixes of a group fail on the one
        // before, so test it first.
        let before_last = chars.len().checked_sub(2).map(|i| chars[i]);
        group
            .iter()
            .find(|(suffix, _)| {
                (suffix.len() < 2 || before_last == Some(char::from(suffix[suffix.len() - 2])))
                    && self.ends_with(limit, suffix)
            })
            .map(|&(suffix, action)| (self.len - suffix.len(), action))
    }

    /// Replaces the end of the word, from `start`, with `by` (`slice_from` on a final suffix).
    fn replace_end(&mut self, start: usize, by: &[u8]) {
        self.len = start;
        for &b in by {
            self.chars[self.len] = char::from(b);
            self.len += 1;
        }
    }

    /// Marks the vowels that act as consonants in upper case: u and i between vowels, y before
    /// or after a vowel, u after q (`r_prelude`).
    fn prelude(&mut self) {
        let mut p = 0;
        while p < self.len {
            // `repeat goto (…)`: after a mark the search goes on where that mark's match began
            // (`goto` leaves the cursor there), not after it.
            if !self.mark_at(p) {
                p += 1;
            }
        }
    }

    /// One try of the prelude's alternatives at `p`: whether one matched (and marked a letter).
    fn mark_at(&mut self, p: usize) -> bool {
        if is_vowel(self.at(p)) {
            let q = p + 1;
            let mark = match self.at(q) {
                'u' if is_vowel(self.at(q + 1)) => 'U',
                'i' if is_vowel(self.at(q + 1)) => 'I',
                'y' => 'Y',
                _ => '\0',
            };
            if mark != '\0' {
                self.chars[q] = mark;
                return true;
            }
        }
        if self.at(p) == 'y' && is_vowel(self.at(p + 1)) {
            self.chars[p] = 'Y';
            return true;
        }
        if self.at(p) == 'q' && self.at(p + 1) == 'u' {
            self.chars[p + 1] = 'U';
            return true;
        }
        false
    }

    /// RV, R1 and R2 (`r_mark_regions`).
    fn regions(&self) -> Regions {
        let len = self.len;
        let vowel = |i: usize| is_vowel(self.chars[i]);
        // Two vowels first, or the prefixes "col", "par", "tap": RV starts after the third letter.
        let rv = if len >= 3
            && (vowel(0) && vowel(1) || matches!(self.chars[..3], ['c', 'o', 'l'] | ['p', 'a', 'r'] | ['t', 'a', 'p']))
        {
            3
        } else {
            (1..len).find(|&i| vowel(i)).map_or(len, |i| i + 1)
        };
        let r1 = self.after_vowel_and_consonant(0);
        Regions { rv, r1, r2: self.after_vowel_and_consonant(r1) }
    }

    /// The position after the first non-vowel that follows a vowel, from `from` on (two
    /// `gopast`s), or the end of the word.
    fn after_vowel_and_consonant(&self, from: usize) -> usize {
        let len = self.len;
        let Some(vowel) = (from..len).find(|&i| is_vowel(self.chars[i])) else { return len };
        (vowel + 1..len).find(|&i| !is_vowel(self.chars[i])).map_or(len, |i| i + 1)
    }

    /// Step 1 (`r_standard_suffix`): whether it succeeded. Three suffixes edit the word and
    /// still fail (the algorithm's `fail`), so that step 2 runs on the edited word.
    fn standard_suffix(&mut self, r: &Regions) -> bool {
        let Some((start, action)) = self.longest(0, STANDARD) else { return false };
        let in_r1 = r.r1 <= start;
        let in_r2 = r.r2 <= start;
        match action {
            1 | 3 | 4 | 5 if !in_r2 => return false,
            1 => self.len = start,
            2 => {
                if !in_r2 {
                    return false;
                }
                self.len = start;
                if self.ends_with(0, b"ic") {
                    self.delete_in_r2_or_replace(r, b"iqU");
                }
            }
            3 => self.replace_end(start, b"log"),
            4 => self.replace_end(start, b"u"),
            5 => self.replace_end(start, b"ent"),
            6 => {
                if r.rv > start {
                    return false;
                }
                self.len = start;
                self.after_ement(r);
            }
            7 => {
                if !in_r2 {
                    return false;
                }
                self.len = start;
                if let Some((start, action)) = self.longest(0, AFTER_ITE) {
                    let in_r2 = r.r2 <= start;
                    match action {
                        1 => self.delete_or_replace(start, in_r2, b"abl"),
                        2 => self.delete_or_replace(start, in_r2, b"iqU"),
                        _ if in_r2 => self.len = start,
                        _ => {}
                    }
                }
            }
            8 => {
                if !in_r2 {
                    return false;
                }
                self.len = start;
                if self.ends_with(0, b"at") && r.r2 <= self.len - 2 {
                    self.len -= 2;
                    if self.ends_with(0, b"ic") {
                        self.delete_in_r2_or_replace(r, b"iqU");
                    }
                }
            }
            9 => self.replace_end(start, b"eau"),
            10 => {
                if !in_r1 {
                    return false;
                }
                self.replace_end(start, b"al");
            }
            11 => {
                if in_r2 {
                    self.len = start;
                } else if in_r1 {
                    self.replace_end(start, b"eux");
                } else {
                    return false;
                }
            }
            12 => {
                if !in_r1 || start == 0 || is_vowel(self.chars[start - 1]) {
                    return false;
                }
                self.len = start;
            }
            13 | 14 => {
                if r.rv <= start {
                    self.replace_end(start, if action == 13 { b"ant" } else { b"ent" });
                }
                return false;
            }
            _ => {
                // "-ment(s)" after a vowel in RV: deleted, and step 1 still fails.
                if start > 0 && is_vowel(self.chars[start - 1]) && r.rv < start {
                    self.len = start;
                }
                return false;
            }
        }
        true
    }

    /// What may precede a deleted "-ement" (step 1, case 6; a `try`).
    fn after_ement(&mut self, r: &Regions) {
        let Some((start, action)) = self.longest(0, AFTER_EMENT) else { return };
        let in_r2 = r.r2 <= start;
        match action {
            1 if in_r2 => {
                self.len = start;
                if self.ends_with(0, b"at") && r.r2 <= start - 2 {
                    self.len -= 2;
                }
            }
            2 if in_r2 => self.len = start,
            2 if r.r1 <= start => self.replace_end(start, b"eux"),
            3 if in_r2 => self.len = start,
            4 if r.rv <= start => self.replace_end(start, b"i"),
            _ => {}
        }
    }

    /// Deletes the last two chars if they are in R2, else replaces them with `by`.
    fn delete_in_r2_or_replace(&mut self, r: &Regions, by: &[u8]) {
        let start = self.len - 2;
        self.delete_or_replace(start, r.r2 <= start, by);
    }

    /// Deletes the end of the word from `start` if `delete`, else replaces it with `by`.
    fn delete_or_replace(&mut self, start: usize, delete: bool, by: &[u8]) {
        if delete {
            self.len = start;
        } else {
            self.replace_end(start, by);
        }
    }

    /// Step 2a (`r_i_verb_suffix`): an i-verb suffix in RV after a non-vowel.
    fn i_verb_suffix(&mut self, r: &Regions) -> bool {
        if self.len < r.rv {
            return false;
        }
        let Some((start, _)) = self.longest(r.rv, I_VERB) else { return false };
        if start <= r.rv || is_vowel(self.chars[start - 1]) {
            return false;
        }
        self.len = start;
        true
    }

    /// Step 2b (`r_verb_suffix`): the other verb suffixes in RV.
    fn verb_suffix(&mut self, r: &Regions) -> bool {
        if self.len < r.rv {
            return false;
        }
        let Some((start, action)) = self.longest(r.rv, VERB) else { return false };
        match action {
            1 if r.r2 > start => return false,
            3 => {
                self.len = start;
                if self.ends_with(r.rv, b"e") {
                    self.len -= 1;
                }
            }
            _ => self.len = start,
        }
        true
    }

    /// Step 4 (`r_residual_suffix`), when steps 1 and 2 did not apply.
    fn residual_suffix(&mut self, r: &Regions) {
        if self.ends_with(0, b"s") && self.len >= 2 && !keeps_s(self.chars[self.len - 2]) {
            self.len -= 1;
        }
        if self.len < r.rv {
            return;
        }
        let Some((start, action)) = self.longest(r.rv, RESIDUAL) else { return };
        match action {
            1 => {
                if r.r2 <= start && start > r.rv && matches!(self.chars[start - 1], 's' | 't') {
                    self.len = start;
                }
            }
            2 => self.replace_end(start, b"i"),
            3 => self.len = start,
            _ => {
                if start >= r.rv + 2 && self.chars[start - 2..start] == ['g', 'u'] {
                    self.len = start;
                }
            }
        }
    }

    /// Step 5 (`r_un_double`): "enn", "onn", "ett", "ell", "eill" lose their last letter.
    fn un_double(&mut self) {
        if self.longest(0, DOUBLES).is_some() {
            self.len -= 1;
        }
    }

    /// Step 6 (`r_un_accent`): é or è before the final non-vowels becomes e.
    fn un_accent(&mut self) {
        let mut i = self.len;
        while i > 0 && !is_vowel(self.chars[i - 1]) {
            i -= 1;
        }
        if i < self.len && i > 0 && matches!(self.chars[i - 1], 'é' | 'è') {
            self.chars[i - 1] = 'e';
        }
    }
}

/// Appends the chars of the Snowball French stem of `word` (rust-stemmers'
/// `Algorithm::French`) to `out`, one by one.
pub(crate) fn stem(word: &str, out: impl FnMut(char)) {
    let mut buffer = ['\0'; STACK_CHARS];
    let mut len = 0;
    for c in word.chars() {
        if len == STACK_CHARS {
            return stem_in(&mut word.chars().collect::<Vec<char>>(), out);
        }
        buffer[len] = c;
        len += 1;
    }
    stem_in(&mut buffer[..len], out);
}

/// [`stem`] of the word whose chars are `buffer`, edited in place.
fn stem_in(buffer: &mut [char], out: impl FnMut(char)) {
    let mut w = Word { len: buffer.len(), chars: buffer };
    w.prelude();
    let r = w.regions();
    if w.standard_suffix(&r) || w.i_verb_suffix(&r) || w.verb_suffix(&r) {
        // Step 3: a final Y or ç.
        match w.chars[..w.len].last_mut() {
            Some(c @ 'Y') => *c = 'i',
            Some(c @ 'ç') => *c = 'c',
            _ => {}
        }
    } else {
        w.residual_suffix(&r);
    }
    w.un_double();
    w.un_accent();
    // Postlude: the marked letters back to lower case.
    w.chars[..w.len]
        .iter()
        .map(|&c| match c {
            'I' => 'i',
            'U' => 'u',
            'Y' => 'y',
            other => other,
        })
        .for_each(out);
}

#[cfg(test)]
#[path = "french_stem_tests.rs"]
mod tests;
