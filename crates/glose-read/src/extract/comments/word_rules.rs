//! The rules that read the comment vocabulary (`word_lists.rs`) in class names, ids, roles, headings
//! and short texts; no site's own class names.

use super::word_lists::*;
use crate::page_patterns::{any_in_ignoring_ascii_case, Needles};
use crate::snapshot::{NodeId, Snapshot};
use std::borrow::Cow;
use std::ops::Deref;
use std::sync::OnceLock;

/// One lower-case part of a class name or id (borrowed from the page when it is already
/// lower-case), with the word lists below that hold it, looked up once.
#[derive(Clone, Debug)]
pub struct Part<'a> {
    text: Cow<'a, str>,
    lists: u16,
}

impl Deref for Part<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for Part<'_> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<str> for Part<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.text == *other
    }
}

impl PartialEq<&str> for Part<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.text == **other
    }
}

impl Part<'_> {
    fn is_in(&self, list: u16) -> bool {
        self.lists & list != 0
    }
}

/// Bits of the word lists that parts are looked up in.
const IN_NOT_SECTION: u16 = 1;
const IN_SECTION_WORDS: u16 = 2;
const IN_ITEM_WORDS: u16 = 4;
const IN_SECTION_SUFFIXES: u16 = 8;
const IN_CHROME: u16 = 16;
const IN_AUTHOR: u16 = 32;
const IN_DATE: u16 = 64;
const IN_BODY: u16 = 128;
const IN_CHROME_IN_ITEM: u16 = 256;

/// The words of the part lists, sorted, and where each first byte's words start among them.
struct ListTable {
    /// Every word with the bits of the lists holding it, sorted for binary search.
    words: Vec<(&'static str, u16)>,
    /// The words starting with byte `b` are `words[starts[b]..starts[b + 1]]` (a search among
    /// them takes about half the comparisons of one among all).
    starts: [u16; 257],
}

fn lists() -> &'static ListTable {
    static TABLE: OnceLock<ListTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: [(&[&'static str], u16); 9] = [
            (NOT_SECTION_PARTS, IN_NOT_SECTION),
            (SECTION_WORDS, IN_SECTION_WORDS),
            (ITEM_WORDS, IN_ITEM_WORDS),
            (SECTION_SUFFIXES, IN_SECTION_SUFFIXES),
            (CHROME_PARTS, IN_CHROME),
            (AUTHOR_PARTS, IN_AUTHOR),
            (DATE_PARTS, IN_DATE),
            (BODY_PARTS, IN_BODY),
            (CHROME_IN_ITEM_PARTS, IN_CHROME_IN_ITEM),
        ];
        let mut table: Vec<(&'static str, u16)> = Vec::new();
        for (words, bit) in lists {
            table.extend(words.iter().map(|&w| (w, bit)));
        }
        crate::sorting::sort(&mut table);
        let mut merged: Vec<(&'static str, u16)> = Vec::with_capacity(table.len());
        for (word, bit) in table {
            match merged.last_mut() {
                Some(last) if last.0 == word => last.1 |= bit,
                _ => merged.push((word, bit)),
            }
        }
        let mut starts = [0u16; 257];
        for (b, start) in starts.iter_mut().enumerate() {
            *start = merged.partition_point(|(w, _)| w.as_bytes().first().is_some_and(|&f| usize::from(f) < b)) as u16;
        }
        ListTable { words: merged, starts }
    })
}

/// The bits of the lists that hold this (lower-case) word.
fn lists_of(word: &str) -> u16 {
    // Most parts of a page's names are in no list, and no listed word starts with their first
    // byte at their length: they are answered without the search.
    let Some(&first) = word.as_bytes().first() else { return 0 };
    if LISTED_LENGTHS[first as usize] & length_bit(word.len()) == 0 {
        return 0;
    }
    let table = lists();
    let bucket = &table.words[usize::from(table.starts[usize::from(first)])..usize::from(table.starts[usize::from(first) + 1])];
    bucket.binary_search_by(|(w, _)| (*w).cmp(word)).map_or(0, |i| bucket[i].1)
}

/// The bit of a word's length in [`LISTED_LENGTHS`] (lengths from 31 bytes on share one).
const fn length_bit(len: usize) -> u32 {
    1 << if len < 31 { len } else { 31 }
}

/// For each first byte, the [`length_bit`]s of the words of the part lists that start with it.
const LISTED_LENGTHS: [u32; 256] = {
    let lists: [&[&str]; 9] = [
        NOT_SECTION_PARTS, SECTION_WORDS, ITEM_WORDS, SECTION_SUFFIXES, CHROME_PARTS, AUTHOR_PARTS, DATE_PARTS, BODY_PARTS,
        CHROME_IN_ITEM_PARTS,
    ];
    let mut table = [0u32; 256];
    let mut l = 0;
    while l < lists.len() {
        let mut w = 0;
        while w < lists[l].len() {
            let word = lists[l][w].as_bytes();
            if !word.is_empty() {
                table[word[0] as usize] |= length_bit(word.len());
            }
            w += 1;
        }
        l += 1;
    }
    table
};

/// Lower-case parts of one class name or id (`comment-list_2` → `comment`, `list`, `2`).
pub fn parts(name: &str) -> impl Iterator<Item = Part<'_>> + '_ {
    name.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).map(lower_case)
}

/// A part with the lists that hold it.
fn lower_case(part: &str) -> Part<'_> {
    let text = lower(part);
    let lists = lists_of(&text);
    Part { text, lists }
}

/// A word in lower case, allocating only when it has upper-case or non-ASCII letters.
fn lower(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Lower-case parts without their lists (for questions about one class token).
fn lower_parts(name: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    name.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).map(lower)
}

/// A cheap first look (no allocation): whether an element's id or class could name comment
/// chrome or a comment form at all.
pub fn may_name_comment_chrome(snapshot: &Snapshot, id: NodeId) -> bool {
    static STEMS: Needles = Needles::new(CHROME_NAME_STEMS);
    let has_stem = |value: &str| any_in_ignoring_ascii_case(value, &STEMS);
    ["id", "class"].iter().filter_map(|a| snapshot.attr(id, a)).any(has_stem)
        || snapshot.attr(id, "class").is_some_and(|c| c.contains("Réaction"))
}

fn any_part_in(parts: &[Part], list: u16) -> bool {
    parts.iter().any(|p| p.is_in(list))
}

/// Whether any part is a word of the comment-item list (`comment`, `kommentar`…): a class or
/// id that [`is_item_class`] or a non-numbered [`is_item_id`] accepts always has one.
pub fn has_item_word(parts: &[Part]) -> bool {
    any_part_in(parts, IN_ITEM_WORDS)
}

/// Whether one class name marks a single comment (`comment`, `comment-item`, `user-comment`).
pub fn is_item_class(class_name: &str) -> bool {
    let mut parts = lower_parts(class_name);
    let (first, second, third) = (parts.next(), parts.next(), parts.next());
    let word = |p: &str| ITEM_WORDS.contains(&p);
    match (first.as_deref(), second.as_deref(), third) {
        (Some(w), None, None) => word(w),
        (Some(w), Some(s), None) => (word(w) && ITEM_SUFFIXES.contains(&s)) || (ITEM_PREFIXES.contains(&w) && word(s)),
        _ => false,
    }
}

/// Whether an id names one comment by number (`comment-1209331`, `li-comment-5`, `comment42`).
pub fn is_item_id(id: &str) -> bool {
    if id.is_ascii() {
        is_item_id_ascii(id.as_bytes())
    } else {
        is_item_id_by_lower_parts(id)
    }
}

/// [`is_item_id`] of an ASCII id, on its bytes: its parts split where
/// [`lower_parts`] splits it (a char of ASCII is alphanumeric when it is an ASCII one), compared
/// with the (lower-case) item words ignoring ASCII case instead of lower-cased.
fn is_item_id_ascii(id: &[u8]) -> bool {
    let (mut before_last, mut last): (Option<&[u8]>, Option<&[u8]>) = (None, None);
    for part in id.split(|b| !b.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        before_last = last.replace(part);
    }
    let digits = |p: &[u8]| p.iter().all(|b| b.is_ascii_digit());
    let item_word = |p: &[u8]| ITEM_WORDS.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(p));
    let numbered = |p: &[u8]| {
        ITEM_WORDS.iter().any(|w| p.len() > w.len() && p[..w.len()].eq_ignore_ascii_case(w.as_bytes()) && digits(&p[w.len()..]))
    };
    match (before_last, last) {
        (_, None) => false,
        (Some(w), Some(n)) if item_word(w) && digits(n) => true,
        (_, Some(last)) => numbered(last),
    }
}

/// [`is_item_id`] through the lower-case parts (any id).
fn is_item_id_by_lower_parts(id: &str) -> bool {
    // Only the last two parts matter.
    let (mut before_last, mut last): (Option<Cow<str>>, Option<Cow<str>>) = (None, None);
    for part in lower_parts(id) {
        before_last = last.replace(part);
    }
    let numbered = |p: &str| ITEM_WORDS.iter().any(|w| p.strip_prefix(w).is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())));
    match (before_last.as_deref(), last.as_deref()) {
        (_, None) => false,
        (Some(w), Some(n)) if ITEM_WORDS.contains(&w) && n.bytes().all(|b| b.is_ascii_digit()) => true,
        (_, Some(last)) => numbered(last),
    }
}

/// Whether an element's id/class parts name a comment section.
pub fn names_section(parts: &[Part]) -> bool {
    if any_part_in(parts, IN_NOT_SECTION) {
        return false;
    }
    if any_part_in(parts, IN_SECTION_WORDS) {
        return true;
    }
    any_part_in(parts, IN_ITEM_WORDS) && any_part_in(parts, IN_SECTION_SUFFIXES)
}

/// Whether an element's parts name the comment section's chrome (its form, promo, header).
pub fn names_section_chrome(parts: &[Part]) -> bool {
    (any_part_in(parts, IN_SECTION_WORDS) || any_part_in(parts, IN_ITEM_WORDS)) && any_part_in(parts, IN_CHROME)
}

/// Whether a heading's text introduces the comments ("Commentaires (8)", "3 Responses to …",
/// "Kommentare") rather than a comment form or a widget ("Leave a comment", "Derniers commentaires").
pub fn is_comment_heading(text: &str) -> bool {
    if text.chars().count() > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    // The substrings are CJK and Hangul: a heading with no byte that starts such a char (most
    // headings) holds none, and is not searched for them.
    let wide = lower.bytes().any(|b| b >= WIDE_CHAR_START);
    let about_comments = words.iter().any(|w| HEADING_WORDS.contains(w)) || (wide && HEADING_SUBSTRINGS.iter().any(|s| lower.contains(s)));
    // Most headings are about something else: the form's words are looked for only after.
    about_comments && !(words.iter().any(|w| FORM_HEADING_WORDS.contains(w)) || (wide && FORM_HEADING_SUBSTRINGS.iter().any(|s| lower.contains(s))))
}

/// The first byte of the UTF-8 of U+3000, below which no char of [`HEADING_SUBSTRINGS`] or
/// [`FORM_HEADING_SUBSTRINGS`] starts (`heading_substrings_start_with_wide_bytes`).
const WIDE_CHAR_START: u8 = 0xE3;

#[cfg(test)]
#[test]
fn heading_substrings_start_with_wide_bytes() {
    for s in HEADING_SUBSTRINGS.iter().chain(FORM_HEADING_SUBSTRINGS) {
        assert!(s.as_bytes()[0] >= WIDE_CHAR_START, "{s}");
    }
}

/// Whether the parts mark the commenter's name (`comment-author`, `username`, `fn`).
pub fn names_author(parts: &[Part]) -> bool {
    any_part_in(parts, IN_AUTHOR) && !parts.iter().any(|p| matches!(p.as_ref(), "avatar" | "photo" | "img" | "image" | "pic" | "picture" | "says" | "bio" | "box" | "badge" | "badges" | "flair" | "tag" | "tags" | "rank" | "role" | "status"))
}

/// Whether the parts mark a date or time.
pub fn names_date(parts: &[Part]) -> bool {
    any_part_in(parts, IN_DATE)
}

/// Whether the parts mark a comment's text body; `Some(true)` for strong names (`content`,
/// `message`, `text`), `Some(false)` for the weak `body` (often the whole comment), `None` else.
pub fn names_body(parts: &[Part]) -> Option<bool> {
    // One pass, comparing only the parts of the body list (`body` is one of them).
    let mut weak = false;
    for part in parts.iter().filter(|p| p.is_in(IN_BODY)) {
        if *part != "body" {
            return Some(true);
        }
        weak = true;
    }
    weak.then_some(false)
}

/// Whether the parts mark chrome inside a comment (actions, votes, avatar, meta line).
pub fn names_item_chrome(parts: &[Part]) -> bool {
    any_part_in(parts, IN_CHROME_IN_ITEM)
}

/// Whether a short text is a button or a counter ("Répondre", "12 👍", "Voir plus", "3").
pub fn is_action_text(text: &str) -> bool {
    let text = text.trim();
    if text.is_ascii() {
        // The common case, without a lower-case copy: ASCII lower-casing keeps every byte in
        // place and letters letters, so the core is the same slice of the text.
        let core = text.trim_matches(|c: char| !c.is_ascii_alphabetic() && c != '\'').trim();
        if core.is_empty() {
            return text.len() <= 12;
        }
        return ascii_listed(&ACTION_INDEX, ACTION_TEXTS, core) || is_load_more_ascii(core);
    }
    let lower = text.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphabetic() && c != '\'' && c != '’').trim();
    if core.is_empty() {
        // Only digits, emoji, punctuation: a counter or an icon.
        return lower.chars().count() <= 12;
    }
    ACTION_TEXTS.contains(&core) || is_load_more(core)
}

/// [`is_load_more`] of an ASCII text, without copies (no "load more" substring is ASCII).
fn is_load_more_ascii(text: &str) -> bool {
    // One pass over the words (runs of ASCII letters and digits, found byte by byte: every
    // other byte separates, as every other char does), not one per question.
    let bytes = text.as_bytes();
    let (mut count, mut verb, mut more) = (0, false, false);
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        count += 1;
        if count > 6 {
            return false;
        }
        let word = &text[start..at];
        verb = verb || ascii_listed(&VERB_INDEX, LOAD_VERBS, word);
        more = more || ascii_listed(&MORE_INDEX, MORE_WORDS, word);
    }
    verb && more
}

/// [`ascii_index`] of [`ACTION_TEXTS`], [`LOAD_VERBS`] and [`MORE_WORDS`].
const ACTION_INDEX: [u32; 27] = ascii_index(ACTION_TEXTS);
const VERB_INDEX: [u32; 27] = ascii_index(LOAD_VERBS);
const MORE_INDEX: [u32; 27] = ascii_index(MORE_WORDS);

/// For each first letter (`a`–`z` in either case, then one slot for any other first byte), the
/// [`length_bit`]s of a list's ASCII words: an ASCII word whose first letter and length are not
/// there equals none of them ignoring ASCII case (a non-ASCII word never equals an ASCII one so).
const fn ascii_index(words: &[&str]) -> [u32; 27] {
    let mut table = [0u32; 27];
    let mut w = 0;
    while w < words.len() {
        let word = words[w].as_bytes();
        if !word.is_empty() && word.is_ascii() {
            table[ascii_slot(word[0])] |= length_bit(word.len());
        }
        w += 1;
    }
    table
}

/// The slot of a first byte in an [`ascii_index`].
const fn ascii_slot(first: u8) -> usize {
    let lower = first.to_ascii_lowercase();
    if lower.is_ascii_lowercase() {
        (lower - b'a') as usize
    } else {
        26
    }
}

/// Whether an ASCII word equals a word of `list` ignoring ASCII case, most words answered by the
/// list's [`ascii_index`] alone.
fn ascii_listed(index: &[u32; 27], list: &[&str], word: &str) -> bool {
    let indexed = word.as_bytes().first().is_none_or(|&first| index[ascii_slot(first)] & length_bit(word.len()) != 0);
    indexed && list.iter().any(|l| l.eq_ignore_ascii_case(word))
}

/// Whether a short text is a "load more" link or button ("Load More", "Show 2 more replies",
/// "Weitere Kommentare laden", "查看更多评论").
pub fn is_load_more(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    (words.len() <= 6 && words.iter().any(|w| LOAD_VERBS.contains(w)) && words.iter().any(|w| MORE_WORDS.contains(w)))
        || (lower.chars().count() <= 12 && LOAD_MORE_SUBSTRINGS.iter().any(|s| lower.contains(s)))
}

/// Whether a text has a digit, ASCII or Arabic-Indic (Arabic pages may write their dates
/// digits so: `٣ كانون الأول ٢٠٢٦`).
fn has_digit(text: &str) -> bool {
    let arabic_digit = |c: char| matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}');
    text.bytes().any(|b| b.is_ascii_digit()) || (!text.is_ascii() && text.chars().any(arabic_digit))
}

/// [`looks_like_date`] or [`is_relative_date`](crate::text::relative_date::is_relative_date):
/// whether a short text is a date, a time or a relative date ("3 days ago", "gestern",
/// "à l'instant"), asking the relative-date reader once (a text with a digit is a relative date
/// only if [`looks_like_date`], which already asks it).
pub fn looks_like_time(text: &str) -> bool {
    if has_digit(text) {
        looks_like_date(text)
    } else {
        crate::text::relative_date::is_relative_date(text)
    }
}

/// Whether a short text reads as a date or time ("11/12/2019 à 16h02", "il y a 3 heures",
/// "2 hours ago", "vor 5 Minuten", "hace 2 días").
pub fn looks_like_date(text: &str) -> bool {
    let text = text.trim();
    // The digit test first: most short texts have none, and it is the cheaper question.
    if !has_digit(text) || text.chars().count() > 60 {
        return false;
    }
    let lower = text.to_lowercase();
    if ["ago", "il y a", "vor ", "hace ", "fa "].iter().any(|w| lower.contains(w)) {
        return true;
    }
    crate::text::date::parse_date(text).is_some() || crate::text::relative_date::is_relative_date(text)
}

/// Strips what surrounds a name in a byline ("Alice says:", "Par Bob", "Carl a écrit :").
pub fn clean_author(text: &str) -> Option<String> {
    author_in(text).map(str::to_owned)
}

/// [`clean_author`], as the slice of the text that the name is.
pub fn author_in(text: &str) -> Option<&str> {
    let separators = [':', '：', ' ', '\u{a0}', '·', '•', '|', '-', '–', '—', ','];
    let mut name: &str = text.trim().trim_matches(separators);
    // Slices of the text until the end (one copy for the answer); an ASCII name is compared
    // case-insensitively in place, any other through its lower-case copy as before.
    let mut lower = if name.is_ascii() { None } else { Some(name.to_lowercase()) };
    // Every suffix ends in one of these letters (or in "ó", outside ASCII): an ASCII name ending
    // otherwise has none, and keeps its end.
    let may_end_in_suffix = lower.is_some() || name.as_bytes().last().is_some_and(|b| matches!(b.to_ascii_lowercase(), b's' | b'd' | b't' | b'b' | b'e'));
    for suffix in [" says", " said", " dit", " a dit", " a écrit", " écrit", " sagt", " schrieb", " dice", " escribió", " wrote"] {
        if !may_end_in_suffix {
            break;
        }
        let ends = match &lower {
            None => name.len() >= suffix.len() && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes()),
            Some(lower) => lower.ends_with(suffix),
        };
        if ends {
            name = &name[..name.len() - suffix.len()];
            if lower.is_some() {
                lower = Some(name.to_lowercase());
            }
        }
    }
    // A name that starts with none of the prefixes' first letters keeps its start.
    if matches!(name.as_bytes().first(), Some(b'P' | b'p' | b'B' | b'b' | b'V' | b'v' | b'@')) {
        for prefix in ["Par ", "par ", "By ", "by ", "Von ", "von ", "Por ", "por ", "@"] {
            if let Some(rest) = name.strip_prefix(prefix) {
                name = rest;
            }
        }
    }
    let name = name.trim().trim_matches(separators);
    let chars = name.chars().count();
    (chars > 0 && chars <= 60 && name.split_whitespace().count() <= 6).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapshotBuilder;

    fn p(s: &str) -> Vec<Part<'_>> {
        parts(s).collect()
    }

    #[test]
    fn lists_of_a_word_are_those_of_the_table() {
        let search = |word: &str| {
            let table = &lists().words;
            table.binary_search_by(|(w, _)| (*w).cmp(word)).map_or(0, |i| table[i].1)
        };
        let mut words: Vec<String> = vec!["".into(), "x".into(), "2".into(), "100000".into(), "entry".into(), "comments2".into()];
        for &(word, _) in &lists().words {
            words.push(word.to_owned());
            words.push(format!("{word}s"));
            words.push(word.chars().skip(1).collect());
            words.push(format!("{word}{}", "x".repeat(40)));
        }
        for word in &words {
            assert_eq!(lists_of(word), search(word), "{word:?}");
        }
        assert!(lists().words.iter().all(|&(w, bits)| lists_of(w) == bits && bits != 0));
    }

    #[test]
    fn chrome_name_look_finds_every_stem_in_any_ascii_case() {
        // The old scan, every stem at every position, as the oracle.
        let oracle = |value: &str| {
            let bytes = value.as_bytes();
            (0..bytes.len()).any(|at| {
                CHROME_NAME_STEMS.iter().any(|stem| bytes.get(at..at + stem.len()).is_some_and(|w| w.eq_ignore_ascii_case(stem.as_bytes())))
            })
        };
        let mut values: Vec<String> = vec!["".into(), "x".into(), "post-body main".into(), "Réaction".into(), "FORMULAIRE".into()];
        for stem in CHROME_NAME_STEMS {
            values.push(format!("wp-{}-list", stem.to_uppercase()));
            values.push(stem.chars().skip(1).collect());
            values.push(format!("a {stem}"));
        }
        let mut b = SnapshotBuilder::new();
        let ids: Vec<NodeId> = values.iter().map(|v| b.element(0, "div", [("class", v.as_str())])).collect();
        let s = b.finish().unwrap();
        for (value, id) in values.iter().zip(ids) {
            let expected = oracle(value) || value.contains("Réaction");
            assert_eq!(may_name_comment_chrome(&s, id), expected, "{value:?}");
        }
    }

    #[test]
    fn ascii_ids_answer_as_their_lower_case_parts() {
        assert!(ITEM_WORDS.iter().all(|w| w.to_lowercase() == *w), "item words are lower case");
        let mut ids: Vec<String> = vec!["".into(), "-".into(), "42".into(), "comment".into(), "x-42".into()];
        for word in ITEM_WORDS.iter().copied().chain(["comments", "commen", "post", "li"]) {
            for form in [word.to_owned(), word.to_ascii_uppercase(), word.char_indices().map(|(k, c)| if k == 0 { c } else { c.to_ascii_uppercase() }).collect()] {
                for id in [
                    form.clone(), format!("{form}-12"), format!("{form}12"), format!("li-{form}-5"), format!("{form}-12-x"), format!("{form}_0"),
                    format!("{form}-"), format!("{form}12x"), format!("x{form}12"), format!("{form}--7"), format!("12-{form}"), format!("{form} 9"),
                ] {
                    ids.push(id);
                }
            }
        }
        for id in ids.iter().filter(|id| id.is_ascii()) {
            assert_eq!(is_item_id_ascii(id.as_bytes()), is_item_id_by_lower_parts(id), "{id:?}");
        }
        assert!(ids.iter().filter(|id| is_item_id(id)).count() > 20);
    }

    #[test]
    fn ascii_indexes_answer_as_the_lists() {
        for (index, list) in [(&ACTION_INDEX, ACTION_TEXTS), (&VERB_INDEX, LOAD_VERBS), (&MORE_INDEX, MORE_WORDS)] {
            let mut words: Vec<String> = vec!["".into(), "'".into(), "x".into(), "'tis".into(), "9 more".into(), "z".repeat(40)];
            for word in [ACTION_TEXTS, LOAD_VERBS, MORE_WORDS].concat() {
                words.extend([word.to_owned(), word.to_ascii_uppercase(), format!("{word}s"), word.chars().skip(1).collect(), word.chars().rev().collect()]);
            }
            for word in words.iter().filter(|w| w.is_ascii()) {
                assert_eq!(ascii_listed(index, list, word), list.iter().any(|l| l.eq_ignore_ascii_case(word)), "{word:?}");
            }
        }
    }

    #[test]
    fn looks_like_time_is_either_test() {
        let texts = [
            "il y a 3 heures", "  vor 2 Stunden ", "hier à 14h05", "yesterday", "3小时前", "منذ ٣ ساعات", "منذ ساعة", "à l'instant",
            "12 commentaires", "Réponse", "Anna", "2 days ago", "5 min", "le 3 décembre 2026", "11/12/2019 à 16h02", "",
            "   gestern   ", &format!("{}3 hours ago", " ".repeat(40)), &format!("3 hours ago{}", "x ".repeat(30)), "Partager",
        ];
        for text in texts {
            let either = looks_like_date(text) || crate::text::relative_date::is_relative_date(text);
            assert_eq!(looks_like_time(text), either, "{text:?}");
        }
    }

    #[test]
    fn item_names_are_single_comments_only() {
        for yes in ["comment", "Comment", "comment-item", "user-comment", "kommentar", "comentario"] {
            assert!(is_item_class(yes), "{yes}");
        }
        for no in ["comments", "comment-content", "comment-author", "comment-list", "comment-form", "commentaires"] {
            assert!(!is_item_class(no), "{no}");
        }
        assert!(is_item_id("comment-1209331") && is_item_id("li-comment-5") && is_item_id("comment42"));
        assert!(!is_item_id("comments") && !is_item_id("comment-form") && !is_item_id("respond"));
    }

    #[test]
    fn headings_are_judged_as_by_the_full_search() {
        let full = |text: &str| {
            if text.chars().count() > 80 {
                return false;
            }
            let lower = text.to_lowercase();
            let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
            let about_comments = words.iter().any(|w| HEADING_WORDS.contains(w)) || HEADING_SUBSTRINGS.iter().any(|s| lower.contains(s));
            let about_a_form = words.iter().any(|w| FORM_HEADING_WORDS.contains(w)) || FORM_HEADING_SUBSTRINGS.iter().any(|s| lower.contains(s));
            about_comments && !about_a_form
        };
        let mut texts: Vec<String> = vec!["".into(), "Un contrat à 10 milliards".into(), "Trump VS. Bezos".into(), "À lire aussi ’".into()];
        for word in [HEADING_WORDS, HEADING_SUBSTRINGS, FORM_HEADING_WORDS, FORM_HEADING_SUBSTRINGS].concat() {
            for other in ["", "コメント", "发表", "Leave a", "12", "最近の"] {
                texts.extend([format!("{word} {other}"), format!("{other}{word}（3）"), word.to_uppercase(), format!("{other} {}", word.chars().skip(1).collect::<String>())]);
            }
        }
        for text in &texts {
            assert_eq!(is_comment_heading(text), full(text), "{text:?}");
        }
        assert!(texts.iter().filter(|t| is_comment_heading(t)).count() > 50);
    }

    #[test]
    fn section_names_and_headings() {
        assert!(names_section(&p("comments")) && names_section(&p("comment-list")) && names_section(&p("disqus_thread")));
        assert!(!names_section(&p("comment-form")) && !names_section(&p("comments-count")) && !names_section(&p("recent-comments")));
        assert!(is_comment_heading("Commentaires (8)") && is_comment_heading("3 Responses to “Hello”") && is_comment_heading("Kommentare"));
        assert!(!is_comment_heading("Laisser un commentaire") && !is_comment_heading("Leave a Reply") && !is_comment_heading("Derniers commentaires"));
        for yes in ["Leserkommentare (50)", "Comentarios", "Commenti (4)", "Comentários", "12 reacties", "网友评论（12）", "コメント一覧", "댓글 12개", "Комментарии (3)", "التعليقات", "Join the conversation"] {
            assert!(is_comment_heading(yes), "{yes}");
        }
        for no in ["Lascia un commento", "Deixe seu comentário", "Plaats een reactie", "发表评论", "コメントを書く", "댓글 쓰기", "Оставить комментарий", "أضف تعليق"] {
            assert!(!is_comment_heading(no), "{no}");
        }
        assert!(names_section(&p("reacties")) && names_section(&p("commenti-lista")) && names_section(&p("pinglun")));
    }

    #[test]
    fn actions_dates_and_names() {
        assert!(is_action_text("Répondre") && is_action_text("12 👍") && is_action_text(" Voir plus ") && is_action_text("3"));
        assert!(!is_action_text("Bien dit !") && !is_action_text("Reply to the minister's claim"));
        for load_more in ["Load More", "Show more comments", "Show 2 more replies", "Weitere Kommentare laden", "Afficher plus de commentaires", "Mostra altri commenti", "查看更多评论", "回复", "Rispondi"] {
            assert!(is_action_text(load_more), "{load_more}");
        }
        assert!(!is_action_text("Show me the budget, then we can talk about more buses for everyone"));
        assert!(looks_like_date("11/12/2019 à 16h02") && looks_like_date("il y a 3 heures") && looks_like_date("2 hours ago"));
        assert!(!looks_like_date("Popoulo") && !looks_like_date("12"));
        assert_eq!(clean_author("Alice says:").as_deref(), Some("Alice"));
        assert_eq!(clean_author("Carl a écrit :").as_deref(), Some("Carl"));
        assert_eq!(clean_author("").as_deref(), None);
    }

    /// The versions before the allocation-free ASCII paths, for comparison.
    fn old_is_action_text(text: &str) -> bool {
        let lower = text.trim().to_lowercase();
        let core = lower.trim_matches(|c: char| !c.is_alphabetic() && c != '\'' && c != '’').trim();
        if core.is_empty() {
            return lower.chars().count() <= 12;
        }
        ACTION_TEXTS.contains(&core) || is_load_more(core)
    }

    fn old_clean_author(text: &str) -> Option<String> {
        let separators = [':', '：', ' ', '\u{a0}', '·', '•', '|', '-', '–', '—', ','];
        let mut name = text.trim().trim_matches(separators).to_owned();
        let mut lower = name.to_lowercase();
        for suffix in [" says", " said", " dit", " a dit", " a écrit", " écrit", " sagt", " schrieb", " dice", " escribió", " wrote"] {
            if lower.ends_with(suffix) {
                name.truncate(name.len() - suffix.len());
                lower = name.to_lowercase();
            }
        }
        for prefix in ["Par ", "par ", "By ", "by ", "Von ", "von ", "Por ", "por ", "@"] {
            if let Some(rest) = name.strip_prefix(prefix) {
                name = rest.to_owned();
            }
        }
        let name = name.trim().trim_matches(separators).to_owned();
        let chars = name.chars().count();
        (chars > 0 && chars <= 60 && name.split_whitespace().count() <= 6).then_some(name)
    }

    #[test]
    fn body_names_in_one_pass_answer_as_the_two_scans() {
        let two_scans = |parts: &[Part]| {
            if parts.iter().any(|p| p.is_in(IN_BODY) && p != "body") {
                Some(true)
            } else if parts.iter().any(|p| p == "body") {
                Some(false)
            } else {
                None
            }
        };
        let mut names: Vec<String> = vec!["".into(), "body".into(), "Body".into(), "post-body".into(), "body-text".into(), "bodyx".into(), "x".into()];
        for word in BODY_PARTS.iter().chain(["body", "avatar", "comment"].iter()) {
            names.extend([word.to_string(), format!("comment-{word}"), format!("{word}-body"), format!("body {word}"), word.to_uppercase()]);
        }
        for name in &names {
            assert_eq!(names_body(&p(name)), two_scans(&p(name)), "{name:?}");
        }
        assert!(names.iter().any(|n| names_body(&p(n)) == Some(false)) && names.iter().any(|n| names_body(&p(n)) == Some(true)));
    }

    #[test]
    fn load_more_in_one_pass_answers_as_the_three_scans() {
        let three_scans = |text: &str| {
            let words = || text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
            words().count() <= 6 && words().any(|w| ascii_listed(&VERB_INDEX, LOAD_VERBS, w)) && words().any(|w| ascii_listed(&MORE_INDEX, MORE_WORDS, w))
        };
        let mut texts: Vec<String> = vec!["".into(), " ".into(), "--".into(), "Daniel Lee".into(), "a b c d e f g".into(), "élan more".into()];
        for verb in LOAD_VERBS.iter().take(6) {
            for more in MORE_WORDS.iter().take(6) {
                for filler in ["", "2", "x y", "1 2 3 4", "ab-cd_ef"] {
                    texts.extend([
                        format!("{verb} {more}"), format!("{more}, {verb}!"), format!("{verb} {filler} {more}"), format!("{filler} {verb}{more}"),
                        format!("{}{more}", verb.to_uppercase()), format!("{verb}\u{e9}{more}"), format!("{filler} {filler} {verb} {more}"),
                    ]);
                }
            }
        }
        for text in &texts {
            assert_eq!(is_load_more_ascii(text), three_scans(text), "{text:?}");
        }
        assert!(texts.iter().filter(|t| is_load_more_ascii(t)).count() > 50);
    }

    #[test]
    fn ascii_paths_answer_as_before() {
        for list in [ACTION_TEXTS, LOAD_VERBS, MORE_WORDS] {
            for w in list {
                assert_eq!(w.to_lowercase(), *w, "lists are lower case");
            }
        }
        let mut texts: Vec<String> = Vec::new();
        for base in [
            "Reply", "REPLY", " reply! ", "Report", "Show more", "Show 2 more replies", "Load More", "load   more comments",
            "view all 12 replies", "See more", "Read more about more things here now yes", "12", "12 👍", "…", "", "  ",
            "Alice says:", "Bob SAID", "Carl a écrit :", "Dana wrote", "Par Eve", "By Par Anna", "Ann schrieb", "Bo SAGT", "Eve dice", "Flo dit", "Gus a dit", "Ivo ó", "von Trapp", "Por Ana says", "Pablo", "@ @x", "bpar Eve", "by Frank", "@gina", "- Hal -", "Ivan, 3 hours ago",
            "Jo says says", "Kim Says:", "O'Neil", "it's", "Répondre", "GEFÄLLT MIR", "Zoë says", "İstanbul says", "Ann · vor 2 Stunden",
            "Anna Maria Lopez de la Vega y Ruiz", "x", "Link", "Quote", "permalink", "Mostra altri commenti", "Voir plus",
            "a very long name that is certainly longer than sixty characters in all of its words",
            "Delete", "delete this", "Reply to the minister's claim", "12 more", "show",
        ] {
            texts.push(base.to_owned());
            texts.push(base.to_uppercase());
            texts.push(format!("{base}:"));
            texts.push(format!(" · {base} "));
        }
        for t in &texts {
            assert_eq!(is_action_text(t), old_is_action_text(t), "is_action_text({t:?})");
            assert_eq!(clean_author(t), old_clean_author(t), "clean_author({t:?})");
        }
    }
}
