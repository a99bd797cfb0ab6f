//! Relative and localised dates as comment sections write them ("il y a 3 heures", "vor 2
//! Stunden", "2 days ago", "hace 3 días", "3 ore fa", "hier à 14h05", "yesterday at 2:05 pm",
//! "5 min", "3小时前"), resolved against a reference moment into ISO 8601.
//!
//! Pure: the reference (the page's published date, else the time of reading) is an argument,
//! never the clock. The precision follows the text: seconds, minutes and hours give a date and
//! time in the reference's zone, days and longer a bare date, "yesterday at 14:05" the date with
//! that time. The words are data tables below, one row per language form.

use super::date::{parse_date, time_of_day};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// What a relative date says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Relative {
    /// So many units before the reference.
    Ago(u32, Unit),
    /// So many days before the reference's day, at a time of day when one is written.
    DaysBack(u32, Option<(u32, u32, u32)>),
}

/// Unit words, full and abbreviated (EN, FR, DE, ES, IT, PT, NL, RU, ZH, JA, KO, AR).
const UNITS: &[(&str, Unit)] = &[
    ("s", Unit::Second), ("sec", Unit::Second), ("secs", Unit::Second), ("second", Unit::Second), ("seconds", Unit::Second),
    ("seconde", Unit::Second), ("secondes", Unit::Second), ("sek", Unit::Second), ("sekunde", Unit::Second), ("sekunden", Unit::Second),
    ("segundo", Unit::Second), ("segundos", Unit::Second), ("secondo", Unit::Second), ("secondi", Unit::Second), ("seconden", Unit::Second),
    ("секунду", Unit::Second), ("секунды", Unit::Second), ("секунд", Unit::Second), ("秒", Unit::Second), ("초", Unit::Second),
    ("m", Unit::Minute), ("min", Unit::Minute), ("mins", Unit::Minute), ("minute", Unit::Minute), ("minutes", Unit::Minute),
    ("minuten", Unit::Minute), ("minuto", Unit::Minute), ("minutos", Unit::Minute), ("minuti", Unit::Minute), ("minuut", Unit::Minute),
    ("мин", Unit::Minute), ("минуту", Unit::Minute), ("минуты", Unit::Minute), ("минут", Unit::Minute), ("分钟", Unit::Minute),
    ("分鐘", Unit::Minute), ("分", Unit::Minute), ("분", Unit::Minute), ("دقيقة", Unit::Minute), ("دقائق", Unit::Minute),
    ("h", Unit::Hour), ("hr", Unit::Hour), ("hrs", Unit::Hour), ("hour", Unit::Hour), ("hours", Unit::Hour), ("heure", Unit::Hour),
    ("heures", Unit::Hour), ("std", Unit::Hour), ("stunde", Unit::Hour), ("stunden", Unit::Hour), ("hora", Unit::Hour),
    ("horas", Unit::Hour), ("ora", Unit::Hour), ("ore", Unit::Hour), ("uur", Unit::Hour), ("час", Unit::Hour), ("часа", Unit::Hour),
    ("часов", Unit::Hour), ("小时", Unit::Hour), ("小時", Unit::Hour), ("時間", Unit::Hour), ("시간", Unit::Hour), ("ساعة", Unit::Hour),
    ("ساعات", Unit::Hour),
    ("d", Unit::Day), ("day", Unit::Day), ("days", Unit::Day), ("j", Unit::Day), ("jour", Unit::Day), ("jours", Unit::Day),
    ("tag", Unit::Day), ("tage", Unit::Day), ("tagen", Unit::Day), ("día", Unit::Day), ("días", Unit::Day), ("dia", Unit::Day),
    ("dias", Unit::Day), ("giorno", Unit::Day), ("giorni", Unit::Day), ("dag", Unit::Day), ("dagen", Unit::Day), ("день", Unit::Day),
    ("дня", Unit::Day), ("дней", Unit::Day), ("天", Unit::Day), ("日", Unit::Day), ("일", Unit::Day), ("يوم", Unit::Day), ("أيام", Unit::Day),
    ("w", Unit::Week), ("wk", Unit::Week), ("wks", Unit::Week), ("week", Unit::Week), ("weeks", Unit::Week), ("sem", Unit::Week),
    ("semaine", Unit::Week), ("semaines", Unit::Week), ("woche", Unit::Week), ("wochen", Unit::Week), ("semana", Unit::Week),
    ("semanas", Unit::Week), ("settimana", Unit::Week), ("settimane", Unit::Week), ("weken", Unit::Week), ("неделю", Unit::Week),
    ("недели", Unit::Week), ("недель", Unit::Week), ("周", Unit::Week), ("週間", Unit::Week), ("주", Unit::Week), ("أسبوع", Unit::Week),
    ("mo", Unit::Month), ("month", Unit::Month), ("months", Unit::Month), ("mois", Unit::Month), ("monat", Unit::Month),
    ("monate", Unit::Month), ("monaten", Unit::Month), ("mes", Unit::Month), ("meses", Unit::Month), ("mese", Unit::Month),
    ("mesi", Unit::Month), ("maand", Unit::Month), ("maanden", Unit::Month), ("месяц", Unit::Month), ("месяца", Unit::Month),
    ("месяцев", Unit::Month), ("个月", Unit::Month), ("ヶ月", Unit::Month), ("か月", Unit::Month), ("개월", Unit::Month), ("شهر", Unit::Month),
    ("y", Unit::Year), ("yr", Unit::Year), ("yrs", Unit::Year), ("year", Unit::Year), ("years", Unit::Year), ("an", Unit::Year),
    ("ans", Unit::Year), ("année", Unit::Year), ("années", Unit::Year), ("jahr", Unit::Year), ("jahre", Unit::Year),
    ("jahren", Unit::Year), ("año", Unit::Year), ("años", Unit::Year), ("ano", Unit::Year), ("anos", Unit::Year), ("anno", Unit::Year),
    ("anni", Unit::Year), ("jaar", Unit::Year), ("jaren", Unit::Year), ("год", Unit::Year), ("года", Unit::Year), ("лет", Unit::Year),
    ("年", Unit::Year), ("년", Unit::Year), ("سنة", Unit::Year), ("سنوات", Unit::Year), ("عام", Unit::Year), ("أعوام", Unit::Year),
    ("ثانية", Unit::Second), ("ثوان", Unit::Second), ("أسابيع", Unit::Week), ("أشهر", Unit::Month),
];

/// Arabic counts one and two in the noun itself: `منذ ساعة` (an hour ago: the singular),
/// `منذ ساعتين` (two hours ago: the dual). The duals and their units.
const ARABIC_DUALS: &[(&str, Unit)] = &[
    ("ثانيتين", Unit::Second), ("دقيقتين", Unit::Minute), ("دقيقتان", Unit::Minute), ("ساعتين", Unit::Hour), ("ساعتان", Unit::Hour),
    ("يومين", Unit::Day), ("يومان", Unit::Day), ("أسبوعين", Unit::Week), ("اسبوعين", Unit::Week), ("شهرين", Unit::Month),
    ("شهران", Unit::Month), ("سنتين", Unit::Year), ("عامين", Unit::Year),
];

/// Words that stand for the amount one ("an hour ago", "il y a une heure", "vor einer Stunde").
const ONE: &[&str] = &[
    "a", "an", "one", "un", "une", "ein", "eine", "einer", "einem", "einen", "uno", "una", "um", "uma", "een", "один",
    "одну",
];

/// Words and phrases that put an amount in the past, written before or after it.
const AGO: &[&str] = &[
    "ago", "il y a", "vor", "hace", "fa", "há", "ha", "geleden", "atrás", "назад", "前", "전", "منذ", "قبل",
];

/// Whole texts meaning "just now".
const NOW: &[&str] = &[
    "just now", "a moment ago", "à l instant", "a l instant", "gerade eben", "soeben", "ahora mismo",
    "hace un momento", "poco fa", "proprio ora", "agora mesmo", "zojuist", "только что", "刚刚", "剛剛", "たった今",
    "방금",
];

/// Day words and how many days back they mean; `true` when the word is a date only with a time
/// next to it (French "hier" is German "here"). Longer phrases first ("avant hier" holds "hier").
const DAYS_BACK: &[(&str, u32, bool)] = &[
    ("avant hier", 2, false), ("vorgestern", 2, false), ("anteayer", 2, false), ("antes de ayer", 2, false),
    ("altro ieri", 2, false), ("anteontem", 2, false), ("eergisteren", 2, false), ("позавчера", 2, false),
    ("前天", 2, false), ("一昨日", 2, false), ("그저께", 2, false),
    ("yesterday", 1, false), ("hier", 1, true), ("gestern", 1, false), ("ayer", 1, false), ("ieri", 1, false),
    ("ontem", 1, false), ("gisteren", 1, false), ("вчера", 1, false), ("昨天", 1, false), ("昨日", 1, false),
    ("어제", 1, false), ("أمس", 1, false),
    ("today", 0, false), ("aujourd hui", 0, false), ("heute", 0, false), ("hoy", 0, false), ("oggi", 0, false),
    ("hoje", 0, false), ("vandaag", 0, false), ("сегодня", 0, false), ("今天", 0, false), ("今日", 0, false),
    ("오늘", 0, false), ("اليوم", 0, false),
];

/// Resolves a relative date against `reference` (any date `parse_date` reads, with or without a
/// time); `None` when the text is no relative date or the reference no date.
pub fn resolve_relative_date(text: &str, reference: &str) -> Option<String> {
    let relative = parse(text)?;
    let at = Moment::parse(reference)?;
    Some(at.minus(relative))
}

/// Whether a short text is a relative date ("il y a 3 heures", "gestern, 14:05", "5 min").
pub fn is_relative_date(text: &str) -> bool {
    parse(text).is_some()
}

fn parse(text: &str) -> Option<Relative> {
    // A text of at most 60 bytes has at most 60 chars: most are not counted.
    if text.len() > 60 && text.chars().count() > 60 {
        return None;
    }
    if without_table_word(text) {
        return None;
    }
    parse_words(text)
}

/// [`parse`] past its quick refusals (a short text, with a table word that may count).
fn parse_words(text: &str) -> Option<Relative> {
    let words = words(text);
    // Every match below needs one of the tables' words (a unit after an amount, a "now" phrase's
    // words, a day phrase's words): most short texts of a page ("Reply", a name) have none and
    // stop here, before the phrase scans.
    if !words.iter().any(|w| may_be_table_word(w.as_bytes()) && in_table(table_words(), w)) {
        return None;
    }
    // Whether the words hold a phrase's words in a row (no allocation: this runs on every
    // short text of a page).
    let has = |phrase: &str| {
        let n = phrase.split(' ').count();
        words.windows(n).any(|w| w.iter().map(String::as_str).eq(phrase.split(' ')))
    };
    if NOW.iter().any(|p| p.split(' ').eq(words.iter().map(String::as_str))) {
        return Some(Relative::Ago(0, Unit::Second));
    }
    // Arabic "منذ" / "قبل" (ago) before a dual (two) or a lone singular unit (one).
    if let Some(after) = words.iter().position(|w| w == "منذ" || w == "قبل").and_then(|i| words.get(i + 1)) {
        if let Some(&(_, unit)) = ARABIC_DUALS.iter().find(|(w, _)| w == after) {
            return Some(Relative::Ago(2, unit));
        }
        if words.len() == 2 {
            if let Some(unit) = unit_of(after) {
                return Some(Relative::Ago(1, unit));
            }
        }
    }
    let amount = |w: &str| if w.bytes().all(|b| b.is_ascii_digit()) { w.parse().ok() } else { ONE.contains(&w).then_some(1) };
    for pair in words.windows(2) {
        let (Some(n), Some(unit)) = (amount(&pair[0]), unit_of(&pair[1])) else { continue };
        // "5 min", "3h" stand alone; anything longer needs its "ago".
        if words.len() == 2 || AGO.iter().any(|p| has(p)) {
            return Some(Relative::Ago(n, unit));
        }
    }
    // A day phrase needs its words: most texts that got this far ("Priya S.": a unit letter)
    // hold none, and skip the scan of every phrase.
    if !words.iter().any(|w| in_table(day_words(), w)) {
        return None;
    }
    let &(_, days, needs_time) = DAYS_BACK.iter().find(|(phrase, _, _)| has(phrase))?;
    let time = time_of_day(text);
    if time.is_none() && (needs_time || words.len() > 2) {
        return None;
    }
    Some(Relative::DaysBack(days, time))
}

/// Whether a text surely holds no word of [`table_words`] that could count, found as [`words`]
/// cuts it (runs of letters, lower-cased; runs of digits) but without allocating: the common
/// answer for the short texts of a page, decided before building the word list. A run of CJK
/// letters, which [`words`] cuts further, answers `false` (it may hold one). In ASCII text a
/// one-letter unit ("s", "h", "d") counts only right after an amount (digits, or a word for one):
/// a unit makes a relative date only after its amount, and no phrase holds a one-letter unit, so
/// the initial of a name ("Priya S.") is no table word.
fn without_table_word(text: &str) -> bool {
    if !text.is_ascii() {
        return without_table_word_unicode(text);
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    // The word read last: a run of digits, or of letters (looked at only before a one-letter
    // unit, to tell whether it is an amount).
    let mut last: Option<&[u8]> = None;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            last = Some(&bytes[start..at]);
            continue;
        }
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        let mut word = [0u8; 16];
        if at - start <= word.len() {
            let word = &mut word[..at - start];
            word.copy_from_slice(&bytes[start..at]);
            word.make_ascii_lowercase();
            if may_be_table_word(word) && in_table(table_words(), std::str::from_utf8(word).unwrap_or("")) && (word.len() > 1 || last.is_some_and(is_amount)) {
                return false;
            }
        }
        last = Some(&bytes[start..at]);
    }
    true
}

/// Whether an ASCII word is an amount: digits, or a word for one ("a", "One"), any case.
fn is_amount(word: &[u8]) -> bool {
    word.iter().all(u8::is_ascii_digit) || ONE.iter().any(|one| one.as_bytes().eq_ignore_ascii_case(word))
}

/// [`without_table_word`] of a text with non-ASCII chars: its words as [`words`] cuts them (the
/// chars lower-cased one by one, Arabic-Indic digits as digits), each in a small buffer.
fn without_table_word_unicode(text: &str) -> bool {
    // Longer than any table word (in UTF-8 bytes): such a word is in no table.
    const MAX: usize = 48;
    let mut word = [0u8; MAX];
    // Bytes of the word being read; past `MAX` once it is too long to be a table word.
    let mut len = 0usize;
    // A trailing space ends the last word like any other separator.
    for c in text.chars().flat_map(char::to_lowercase).chain(std::iter::once(' ')) {
        let digit = c.is_ascii_digit() || matches!(c as u32, 0x0660..=0x0669 | 0x06F0..=0x06F9);
        if !digit && c.is_alphanumeric() {
            if is_cjk(c) {
                return false;
            }
            let n = c.len_utf8();
            if len + n <= MAX {
                c.encode_utf8(&mut word[len..]);
                len += n;
            } else {
                len = MAX + 1;
            }
            continue;
        }
        if (1..=MAX).contains(&len) && may_be_table_word(&word[..len]) && std::str::from_utf8(&word[..len]).is_ok_and(|w| in_table(table_words(), w)) {
            return false;
        }
        len = 0;
    }
    true
}

/// The unit words and one word of each "now" phrase and day phrase (its longest), sorted: every
/// relative date holds one (an amount's unit, or the whole of a phrase), so a text holding none
/// is no relative date. One word per phrase, not all: "à l instant" and "antes de ayer" would
/// otherwise let every French or Spanish text with "à" or "de" through to the full parse.
fn table_words() -> &'static [(&'static str, u16)] {
    static WORDS: std::sync::OnceLock<Vec<(&'static str, u16)>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let phrases = NOW.iter().copied().chain(DAYS_BACK.iter().map(|&(phrase, _, _)| phrase));
        let key_word = |phrase: &'static str| phrase.split(' ').max_by_key(|w| w.len()).unwrap_or(phrase);
        sorted_words(UNITS.iter().chain(ARABIC_DUALS).map(|&(w, _)| w).chain(phrases.map(key_word)))
    })
}

/// Words sorted for binary search, as `(word, 0)` pairs: the same element type and order as the
/// comment word lists' table, so the wasm holds one sort for both (a sort is kilobytes of code).
fn sorted_words(words: impl Iterator<Item = &'static str>) -> Vec<(&'static str, u16)> {
    let mut words: Vec<(&'static str, u16)> = words.map(|w| (w, 0)).collect();
    crate::sorting::sort(&mut words);
    words
}

/// Whether a (lower-case) word may be one of [`table_words`]: its [`word_hash`] bit is set in
/// [`TABLE_WORD_BITS`]. A `false` is sure, and spares the search for most words of a page's short
/// texts (names, "says", "Reply").
fn may_be_table_word(word: &[u8]) -> bool {
    let h = word_hash(word);
    TABLE_WORD_BITS[h / 64] & (1 << (h % 64)) != 0
}

/// A word's bit among 2,048.
const fn word_hash(word: &[u8]) -> usize {
    let mut h: u32 = 0;
    let mut i = 0;
    while i < word.len() {
        h = h.wrapping_mul(31).wrapping_add(word[i] as u32);
        i += 1;
    }
    ((h ^ (h >> 11)) % 2048) as usize
}

/// The [`word_hash`] bits of every word of the tables: the units, the Arabic duals and each
/// space-separated word of the "now" and day phrases (more than [`table_words`] holds, which only
/// makes the filter let a few more words through to the search).
const TABLE_WORD_BITS: [u64; 32] = {
    let mut bits = [0u64; 32];
    let mut i = 0;
    while i < UNITS.len() {
        bits = with_words_of(bits, UNITS[i].0.as_bytes());
        i += 1;
    }
    i = 0;
    while i < ARABIC_DUALS.len() {
        bits = with_words_of(bits, ARABIC_DUALS[i].0.as_bytes());
        i += 1;
    }
    i = 0;
    while i < NOW.len() {
        bits = with_words_of(bits, NOW[i].as_bytes());
        i += 1;
    }
    i = 0;
    while i < DAYS_BACK.len() {
        bits = with_words_of(bits, DAYS_BACK[i].0.as_bytes());
        i += 1;
    }
    bits
};

/// `bits` with the [`word_hash`] bit of each space-separated word of `phrase` set.
const fn with_words_of(mut bits: [u64; 32], phrase: &[u8]) -> [u64; 32] {
    let mut rest = phrase;
    loop {
        let mut end = 0;
        while end < rest.len() && rest[end] != b' ' {
            end += 1;
        }
        let (word, after) = rest.split_at(end);
        let h = word_hash(word);
        bits[h / 64] |= 1 << (h % 64);
        if after.is_empty() {
            return bits;
        }
        rest = after.split_at(1).1;
    }
}

/// Whether a sorted table of [`sorted_words`] holds `word`.
fn in_table(table: &[(&str, u16)], word: &str) -> bool {
    table.binary_search_by(|&(w, _)| w.cmp(word)).is_ok()
}

/// The words of the day phrases, sorted.
fn day_words() -> &'static [(&'static str, u16)] {
    static WORDS: std::sync::OnceLock<Vec<(&'static str, u16)>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| sorted_words(DAYS_BACK.iter().flat_map(|&(phrase, _, _)| phrase.split(' '))))
}

fn unit_of(word: &str) -> Option<Unit> {
    UNITS.iter().find(|(w, _)| *w == word).map(|&(_, u)| u)
}

/// Lower-case words and numbers: letters and digits part ("3h" → "3", "h"), apostrophes and
/// punctuation separate ("un'ora" → "un", "ora"), and runs of CJK are cut into the table's
/// words ("小时前" → "小时", "前").
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut kind = 0u8; // 0 none, 1 digits, 2 letters
    for c in text.to_lowercase().chars() {
        // Arabic-Indic digits (`منذ ٣ ساعات`) are read as the ASCII ones.
        let c = match c as u32 {
            0x0660..=0x0669 => char::from(b'0' + (c as u32 - 0x0660) as u8),
            0x06F0..=0x06F9 => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        };
        let k = if c.is_ascii_digit() {
            1
        } else if c.is_alphanumeric() {
            2
        } else {
            0
        };
        if k != kind && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        kind = k;
        if k != 0 {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter().flat_map(split_cjk).collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

/// The tables' words written in CJK letters (built once: every short CJK text of a page is cut
/// into them).
fn cjk_words() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let known = UNITS.iter().map(|(w, _)| *w).chain(AGO.iter().copied()).chain(NOW.iter().copied()).chain(DAYS_BACK.iter().map(|(w, _, _)| *w));
        known.filter(|w| w.chars().any(is_cjk)).collect()
    })
}

/// A run of CJK letters cut greedily into the longest words of the tables, other chars alone.
fn split_cjk(word: String) -> Vec<String> {
    if !word.chars().any(is_cjk) {
        return vec![word];
    }
    let cjk_words = cjk_words();
    let mut out = Vec::new();
    let mut rest = word.as_str();
    while let Some(first) = rest.chars().next() {
        let longest = cjk_words.iter().filter(|w| rest.starts_with(**w)).max_by_key(|w| w.len());
        let len = longest.map_or(first.len_utf8(), |w| w.len());
        out.push(rest[..len].to_owned());
        rest = &rest[len..];
    }
    out
}

/// A reference moment: its day (days since 1970-01-01), its second of the day when it has a
/// time, and its zone as written (`+02:00`, `Z`, or nothing).
struct Moment {
    day: i64,
    second: Option<i64>,
    zone: String,
}

impl Moment {
    fn parse(reference: &str) -> Option<Moment> {
        let iso = parse_date(reference)?;
        let num = |range: std::ops::Range<usize>| iso.get(range).and_then(|s| s.parse::<i64>().ok());
        let day = days_from_civil(num(0..4)?, num(5..7)?, num(8..10)?);
        let second = if iso.as_bytes().get(10) == Some(&b'T') {
            Some(num(11..13)? * 3600 + num(14..16)? * 60 + num(17..19)?)
        } else {
            None
        };
        Some(Moment { day, second, zone: iso.get(19..).unwrap_or("").to_owned() })
    }

    fn minus(&self, relative: Relative) -> String {
        let unit_seconds = |u: Unit| match u {
            Unit::Second => 1,
            Unit::Minute => 60,
            _ => 3600,
        };
        match relative {
            Relative::Ago(n, unit @ (Unit::Second | Unit::Minute | Unit::Hour)) => match self.second {
                Some(second) => {
                    let at = self.day * 86_400 + second - n as i64 * unit_seconds(unit);
                    self.format(at.div_euclid(86_400), Some(at.rem_euclid(86_400)))
                }
                None => self.format(self.day, None),
            },
            Relative::Ago(n, Unit::Day) => self.format(self.day - n as i64, None),
            Relative::Ago(n, Unit::Week) => self.format(self.day - 7 * n as i64, None),
            Relative::Ago(n, unit) => {
                let months = if unit == Unit::Year { 12 * n as i64 } else { n as i64 };
                let (y, m, d) = civil_from_days(self.day);
                let index = y * 12 + (m - 1) - months;
                let (y, m) = (index.div_euclid(12), index.rem_euclid(12) + 1);
                self.format(days_from_civil(y, m, d.min(days_in_month(y, m))), None)
            }
            Relative::DaysBack(n, time) => {
                let second = time.map(|(h, m, s)| (h * 3600 + m * 60 + s) as i64);
                self.format(self.day - n as i64, second)
            }
        }
    }

    fn format(&self, day: i64, second: Option<i64>) -> String {
        let (y, m, d) = civil_from_days(day);
        match second {
            None => format!("{y:04}-{m:02}-{d:02}"),
            Some(s) => format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{}", s / 3600, s / 60 % 60, s % 60, self.zone),
        }
    }
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month, day) of a day number counted from 1970-01-01 (Howard Hinnant's
/// civil_from_days; proleptic Gregorian).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

/// Seconds since 1970-01-01T00:00:00Z as ISO 8601 in UTC (`2026-11-29T01:34:56Z`): the time of
/// reading ([`Options::now`](crate::Options::now)) or an export stamp from a clock the caller
/// reads (the library never reads one).
pub fn iso8601_utc(unix_seconds: u64) -> String {
    let rest = unix_seconds % 86_400;
    let (year, month, day) = civil_from_days((unix_seconds / 86_400) as i64);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest / 60 % 60, rest % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_passes_the_table_word_test() {
        for phrase in NOW {
            assert!(parse(phrase).is_some(), "{phrase:?}");
            assert!(parse(&phrase.to_uppercase()).is_some(), "{phrase:?}");
        }
        for &(phrase, days, needs_time) in DAYS_BACK {
            // More than two words are a date only with a time beside them.
            let text = if needs_time || phrase.split(' ').count() > 2 { format!("{phrase} 14:05") } else { phrase.to_owned() };
            assert!(matches!(parse(&text), Some(Relative::DaysBack(d, _)) if d == days), "{text:?}");
        }
        for &(unit, u) in UNITS {
            let text = if unit.chars().any(is_cjk) { format!("3{unit}前") } else { format!("3 {unit} ago") };
            assert_eq!(parse(&text), Some(Relative::Ago(3, u)), "{text:?}");
        }
    }

    #[test]
    fn every_table_word_passes_the_hash_filter() {
        assert!(table_words().iter().all(|(w, _)| may_be_table_word(w.as_bytes())));
        // The filter filters: most words of a page are answered by it.
        let names = ["priya", "tom", "becker", "says", "ana", "ruiz", "reply", "report", "share", "anna", "marc", "dupont"];
        assert!(names.iter().filter(|w| may_be_table_word(w.as_bytes())).count() <= 3);
    }

    #[test]
    fn the_quick_no_answers_only_texts_without_a_table_word() {
        assert!(table_words().iter().all(|(w, _)| w.len() <= 48), "a table word longer than the buffer");
        let mut texts: Vec<String> = vec![
            "Répondre".into(), "Signaler un abus".into(), "Ελληνικά ΣΟΦΊΑ".into(), "İstanbul'da".into(), "Ölçü".into(),
            "منذ ٣ ساعات".into(), "٣ ساعات".into(), "Москва сегодня".into(), "ça fait très longtemps".into(),
            "x".repeat(60), "é".repeat(30), "3h".into(), "3 Std.".into(), "Ａｎｏ".into(), "année".into(), "ANNÉE".into(),
        ];
        for (word, _) in table_words() {
            for form in [word.to_string(), word.to_uppercase(), format!("« {word} »"), format!("é{word}"), format!("3{word}é"), format!("{word}ü")] {
                texts.push(form.clone());
                texts.push(format!("il y a — {form}, ñ"));
            }
        }
        let mut quick_no = 0;
        for text in &texts {
            let has = words(text).iter().any(|w| in_table(table_words(), w));
            if without_table_word(text) {
                quick_no += 1;
                // A one-letter unit without its amount is let go: no relative date either way.
                assert!(!has || parse_words(text).is_none(), "{text:?} holds a table word");
            }
            if !text.is_ascii() && !text.chars().any(is_cjk) {
                assert_eq!(without_table_word(text), !has, "{text:?}");
            }
        }
        assert!(quick_no > 100, "{quick_no}");
    }

    #[test]
    fn the_quick_refusals_change_no_answer() {
        let mut texts: Vec<String> = vec![
            "Priya S.".into(), "Jo W".into(), "M. Smith".into(), "s".into(), "S".into(), "3 s".into(), "3s".into(), "a h".into(),
            "an h ago".into(), "one d ago".into(), "ein h".into(), "x 3 d".into(), "3-d".into(), "d 3".into(), "12345678901234 h".into(),
            "Anna d. 5 h ago".into(), "yesterday".into(), "5 min".into(), "a moment ago".into(), "une h".into(), "eine w ago".into(),
        ];
        let singles: Vec<&str> = UNITS.iter().map(|&(w, _)| w).filter(|w| w.len() == 1).collect();
        for unit in &singles {
            for before in ["", "3", "3 ", "a ", "an ", "one ", "un ", "uno ", "Anna ", "x", "3x ", "einer ", "a 3 ", "3 a ", "12 - ", "Jo. "] {
                for after in ["", " ago", ".", " vor", " 14:05", " x"] {
                    for form in [format!("{before}{unit}{after}"), format!("{before}{}{after}", unit.to_uppercase())] {
                        texts.push(form);
                    }
                }
            }
        }
        for text in &texts {
            assert_eq!(parse(text), parse_words(text), "{text:?}");
        }
        assert!(texts.iter().filter(|t| without_table_word(t) && words(t).iter().any(|w| in_table(table_words(), w))).count() > 20);
        assert!(texts.iter().filter(|t| parse(t).is_some()).count() > 50);
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(iso8601_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601_utc(1_795_916_096), "2026-11-29T01:34:56Z");
    }

    const AT: &str = "2024-06-12T09:30:00+02:00";

    fn r(text: &str) -> Option<String> {
        resolve_relative_date(text, AT)
    }

    #[test]
    fn hours_and_minutes_ago_keep_the_reference_zone() {
        assert_eq!(r("il y a 3 heures").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("vor 2 Stunden").as_deref(), Some("2024-06-12T07:30:00+02:00"));
        assert_eq!(r("2 hours ago").as_deref(), Some("2024-06-12T07:30:00+02:00"));
        assert_eq!(r("3 ore fa").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("hace 45 minutos").as_deref(), Some("2024-06-12T08:45:00+02:00"));
        assert_eq!(r("5 min").as_deref(), Some("2024-06-12T09:25:00+02:00"));
        assert_eq!(r("3h").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("an hour ago").as_deref(), Some("2024-06-12T08:30:00+02:00"));
        assert_eq!(r("il y a une heure").as_deref(), Some("2024-06-12T08:30:00+02:00"));
        assert_eq!(r("vor einer Stunde").as_deref(), Some("2024-06-12T08:30:00+02:00"));
        assert_eq!(r("un'ora fa").as_deref(), Some("2024-06-12T08:30:00+02:00"));
        assert_eq!(r("vor 12 Std.").as_deref(), Some("2024-06-11T21:30:00+02:00"), "crosses midnight");
        assert_eq!(r("just now").as_deref(), Some("2024-06-12T09:30:00+02:00"));
        assert_eq!(r("à l'instant").as_deref(), Some("2024-06-12T09:30:00+02:00"));
    }

    #[test]
    fn days_and_longer_give_a_date() {
        assert_eq!(r("2 days ago").as_deref(), Some("2024-06-10"));
        assert_eq!(r("hace 3 días").as_deref(), Some("2024-06-09"));
        assert_eq!(r("il y a 2 jours").as_deref(), Some("2024-06-10"));
        assert_eq!(r("vor 3 Wochen").as_deref(), Some("2024-05-22"));
        assert_eq!(r("4 settimane fa").as_deref(), Some("2024-05-15"));
        assert_eq!(r("il y a 4 mois").as_deref(), Some("2024-02-12"));
        assert_eq!(r("vor einem Jahr").as_deref(), Some("2023-06-12"));
        assert_eq!(r("2 years ago").as_deref(), Some("2022-06-12"));
        assert_eq!(resolve_relative_date("1 month ago", "2024-03-31T10:00:00Z").as_deref(), Some("2024-02-29"));
        assert_eq!(r("há 3 dias").as_deref(), Some("2024-06-09"));
        assert_eq!(r("3 dagen geleden").as_deref(), Some("2024-06-09"));
    }

    #[test]
    fn yesterday_and_today_take_the_written_time() {
        assert_eq!(r("hier à 14h05").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("yesterday at 2:05 pm").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("gestern, 14:05 Uhr").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("ayer a las 14:05").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("ieri alle 14:05").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("avant-hier à 8h00").as_deref(), Some("2024-06-10T08:00:00+02:00"));
        assert_eq!(r("aujourd'hui à 08h15").as_deref(), Some("2024-06-12T08:15:00+02:00"));
        assert_eq!(r("Yesterday").as_deref(), Some("2024-06-11"));
        assert_eq!(r("gestern").as_deref(), Some("2024-06-11"));
        assert_eq!(r("ayer").as_deref(), Some("2024-06-11"));
        assert_eq!(r("ieri").as_deref(), Some("2024-06-11"));
        assert_eq!(r("Ontem às 14:05").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("gisteren om 14:05").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("вчера в 14:05").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("hier"), None, "French 'hier' needs a time: it is also German 'here'");
    }

    #[test]
    fn the_forms_of_the_comment_list_pages() {
        assert_eq!(r("3 часа назад").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("45 минут назад").as_deref(), Some("2024-06-12T08:45:00+02:00"));
        assert_eq!(r("2 дня назад").as_deref(), Some("2024-06-10"));
        assert_eq!(r("há 45 minutos").as_deref(), Some("2024-06-12T08:45:00+02:00"));
        assert_eq!(r("45 minuten geleden").as_deref(), Some("2024-06-12T08:45:00+02:00"));
        assert_eq!(r("منذ 3 ساعات").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("منذ 2 أيام").as_deref(), Some("2024-06-10"));
        assert_eq!(r("3時間前").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("2일 전").as_deref(), Some("2024-06-10"));
    }

    #[test]
    fn cjk_russian_and_arabic_forms() {
        assert_eq!(r("3小时前").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("2天前").as_deref(), Some("2024-06-10"));
        assert_eq!(r("5分前").as_deref(), Some("2024-06-12T09:25:00+02:00"));
        assert_eq!(r("3시간 전").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("昨天 14:05").as_deref(), Some("2024-06-11T14:05:00+02:00"));
        assert_eq!(r("5 минут назад").as_deref(), Some("2024-06-12T09:25:00+02:00"));
        assert_eq!(r("منذ 3 ساعات").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        // Arabic-Indic digits, the singular (one) and the dual (two).
        assert_eq!(r("منذ ٣ ساعات").as_deref(), Some("2024-06-12T06:30:00+02:00"));
        assert_eq!(r("منذ ساعة").as_deref(), Some("2024-06-12T08:30:00+02:00"));
        assert_eq!(r("منذ ساعتين").as_deref(), Some("2024-06-12T07:30:00+02:00"));
        assert_eq!(r("منذ يومين").as_deref(), Some("2024-06-10"));
        assert_eq!(r("قبل دقيقتين").as_deref(), Some("2024-06-12T09:28:00+02:00"));
        assert_eq!(r("منذ عامين").as_deref(), Some("2022-06-12"));
        assert_eq!(r("ساعة"), None);
        assert_eq!(r("منذ ساعة كاملة وأنا أنتظر القطار"), None);
    }

    #[test]
    fn reference_without_time_or_zone() {
        assert_eq!(resolve_relative_date("2 hours ago", "2024-06-12").as_deref(), Some("2024-06-12"));
        assert_eq!(resolve_relative_date("2 hours ago", "2024-01-01T01:00:00Z").as_deref(), Some("2023-12-31T23:00:00Z"));
        assert_eq!(resolve_relative_date("2 hours ago", "not a date"), None);
    }

    #[test]
    fn refuses_what_is_not_a_relative_date() {
        for no in ["", "Popoulo", "2 Antworten", "hier", "Klicken Sie hier", "I waited 3 hours for the train", "12", "heute gibt es Regen", "3 ore di fila"] {
            assert_eq!(r(no), None, "{no}");
        }
    }
}
