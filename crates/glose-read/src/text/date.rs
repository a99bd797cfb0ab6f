//! Dates as pages write them, turned into ISO 8601.
//!
//! Understood: ISO 8601 with or without time and zone (`2019-12-11T15:44:00+01:00`,
//! `2019-12-11 15:44`), RFC 2822 (`Wed, 11 Dec 2019 15:44:00 +0100`), numeric day-first dates
//! (`11/12/2019`, `11.12.2019`) and written dates in English, French, German, Spanish and Italian
//! (`Dec 11, 2019 3:44 PM`, `11 décembre 2019 à 15h44`, `11. Dezember 2019`,
//! `11 de diciembre de 2019`; Dutch, Russian and Arabic month names too, the Levant's two-word
//! ones and Arabic-Indic digits: `٥ كانون الأول ٢٠٢٦`). The result is `YYYY-MM-DD` for a bare date,
//! `YYYY-MM-DDTHH:MM:SS` with a time, plus the zone offset (`+01:00`, `Z`) when the text gives one.

/// Parses a date as found on a page into an ISO 8601 string; `None` when no full date
/// (day, month and year) is in the text.
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.len() > 200 {
        return None;
    }
    machine_date(text).or_else(|| read_date(text))
}

/// The general reader of [`parse_date`], for a trimmed text of at most 200 bytes.
fn read_date(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let tokens = tokenize(&lower);
    let (date, used) = iso_date(&tokens).or_else(|| written_date(&tokens)).or_else(|| numeric_date(&tokens)).or_else(|| cjk_date(&tokens))?;
    let time = find_time(&tokens, &used);
    Some(format_date(date, time))
}

/// The first time of day written in a text ("hier à 14h05" → 14:05, "yesterday at 2:05 pm" →
/// 14:05), without its zone: for relative dates, whose day comes from elsewhere.
pub(crate) fn time_of_day(text: &str) -> Option<(u32, u32, u32)> {
    let lower = text.to_lowercase();
    let tokens = tokenize(&lower);
    find_time(&tokens, &(0..0)).map(|(h, m, s, _)| (h, m, s))
}

/// Year, month, day.
type Ymd = (u32, u32, u32);

/// Hour, minute, second and the zone offset as written in ISO (`+01:00`, `Z`) when known.
type Hms = (u32, u32, u32, Option<String>);

#[derive(Clone, Debug, PartialEq)]
enum Token<'a> {
    /// A run of ASCII digits and its length in digits.
    Number(u32, usize),
    /// A run of letters (a slice of the lower-cased text).
    Word(&'a str),
    /// Any other non-space char.
    Sep(char),
}

/// The value of a decimal digit: ASCII, Arabic-Indic (`٥`) or Eastern Arabic-Indic (`۵`), as
/// Arabic and Persian pages write dates (`٥ كانون الأول ٢٠٢٦`).
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if digit_value(c).is_some() {
            let mut value: u64 = 0;
            let mut len = 0;
            while let Some(digit) = chars.peek().and_then(|&(_, d)| digit_value(d)) {
                value = (value * 10 + digit as u64).min(u32::MAX as u64);
                len += 1;
                chars.next();
            }
            tokens.push(Token::Number(value as u32, len));
        } else if c.is_alphabetic() {
            while chars.next_if(|&(_, d)| d.is_alphabetic()).is_some() {}
            let end = chars.peek().map_or(text.len(), |&(at, _)| at);
            tokens.push(Token::Word(&text[start..end]));
        } else {
            if !c.is_whitespace() {
                tokens.push(Token::Sep(c));
            }
            chars.next();
        }
    }
    tokens
}

fn number(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    match tokens.get(i) {
        Some(Token::Number(v, len)) => Some((*v, *len)),
        _ => None,
    }
}

fn sep(tokens: &[Token], i: usize) -> Option<char> {
    match tokens.get(i) {
        Some(Token::Sep(c)) => Some(*c),
        _ => None,
    }
}

fn word<'a>(tokens: &[Token<'a>], i: usize) -> Option<&'a str> {
    match tokens.get(i) {
        Some(Token::Word(w)) => Some(w),
        _ => None,
    }
}

fn valid(date: Ymd) -> Option<Ymd> {
    let (y, m, d) = date;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=2999).contains(&y) && d >= 1 && d <= days).then_some(date)
}

/// `YYYY-MM-DD` (or `/`, `.` separators, or `YYYYMMDD`); returns the date and the token range
/// it used.
fn iso_date(tokens: &[Token]) -> Option<(Ymd, std::ops::Range<usize>)> {
    for i in 0..tokens.len() {
        let Some((y, ylen)) = number(tokens, i) else { continue };
        if ylen == 8 {
            if let Some(date) = valid((y / 10000, y / 100 % 100, y % 100)) {
                return Some((date, i..i + 1));
            }
        }
        if ylen != 4 {
            continue;
        }
        let Some(s) = sep(tokens, i + 1).filter(|c| matches!(c, '-' | '/' | '.')) else { continue };
        let (Some((m, _)), Some(s2), Some((d, dlen))) = (number(tokens, i + 2), sep(tokens, i + 3), number(tokens, i + 4)) else {
            continue;
        };
        if s2 != s || dlen > 2 {
            continue;
        }
        if let Some(date) = valid((y, m, d)) {
            return Some((date, i..i + 5));
        }
    }
    None
}

/// `DD/MM/YYYY`, `DD.MM.YYYY`, `DD-MM-YYYY` (day first unless that is impossible).
fn numeric_date(tokens: &[Token]) -> Option<(Ymd, std::ops::Range<usize>)> {
    for i in 0..tokens.len() {
        let Some((a, alen)) = number(tokens, i) else { continue };
        let Some(s) = sep(tokens, i + 1).filter(|c| matches!(c, '-' | '/' | '.')) else { continue };
        let (Some((b, blen)), Some(s2), Some((y, ylen))) = (number(tokens, i + 2), sep(tokens, i + 3), number(tokens, i + 4)) else {
            continue;
        };
        if s2 != s || alen > 2 || blen > 2 || ylen != 4 {
            continue;
        }
        if let Some(date) = valid((y, b, a)).or_else(|| valid((y, a, b))) {
            return Some((date, i..i + 5));
        }
    }
    None
}

/// `2024年6月11日` (Chinese, Japanese), `2024년 6월 11일` (Korean).
fn cjk_date(tokens: &[Token]) -> Option<(Ymd, std::ops::Range<usize>)> {
    let marks = |i: usize, chars: &[char]| word(tokens, i).and_then(|w| w.chars().next()).is_some_and(|c| chars.contains(&c));
    (0..tokens.len()).find_map(|i| {
        let (y, 4) = number(tokens, i)? else { return None };
        let (m, _) = number(tokens, i + 2)?;
        let (d, _) = number(tokens, i + 4)?;
        let written = marks(i + 1, &['年', '년']) && marks(i + 3, &['月', '월']) && marks(i + 5, &['日', '일']);
        written.then(|| valid((y, m, d))).flatten().map(|date| (date, i..i + 6))
    })
}

/// Month names and their usual abbreviations in the languages Glose reads (EN, FR, DE, ES, IT,
/// PT, NL; Russian in the genitive of "5 декабря" and the nominative; Arabic, the Gregorian
/// names of Egypt and the Gulf and the Levant's one-word Syriac ones).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("janvier", 1), ("januar", 1), ("jänner", 1), ("enero", 1), ("gennaio", 1), ("janeiro", 1), ("januari", 1),
    ("января", 1), ("январь", 1), ("يناير", 1),
    ("february", 2), ("février", 2), ("fevrier", 2), ("februar", 2), ("febrero", 2), ("febbraio", 2), ("fevereiro", 2),
    ("februari", 2), ("февраля", 2), ("февраль", 2), ("فبراير", 2), ("شباط", 2),
    ("march", 3), ("mars", 3), ("märz", 3), ("maerz", 3), ("mrz", 3), ("marzo", 3), ("março", 3), ("maart", 3),
    ("марта", 3), ("март", 3), ("مارس", 3), ("آذار", 3),
    ("april", 4), ("avril", 4), ("abril", 4), ("aprile", 4), ("апреля", 4), ("апрель", 4), ("أبريل", 4), ("ابريل", 4), ("نيسان", 4),
    ("may", 5), ("mai", 5), ("mayo", 5), ("maggio", 5), ("maio", 5), ("mei", 5), ("мая", 5), ("май", 5), ("مايو", 5), ("أيار", 5),
    ("june", 6), ("juin", 6), ("juni", 6), ("junio", 6), ("giugno", 6), ("junho", 6), ("июня", 6), ("июнь", 6), ("يونيو", 6),
    ("حزيران", 6),
    ("july", 7), ("juillet", 7), ("juli", 7), ("julio", 7), ("luglio", 7), ("julho", 7), ("июля", 7), ("июль", 7), ("يوليو", 7),
    ("تموز", 7),
    ("august", 8), ("août", 8), ("aout", 8), ("agosto", 8), ("augustus", 8), ("августа", 8), ("август", 8), ("أغسطس", 8),
    ("اغسطس", 8), ("آب", 8),
    ("september", 9), ("septembre", 9), ("septiembre", 9), ("setiembre", 9), ("settembre", 9), ("setembro", 9),
    ("сентября", 9), ("сентябрь", 9), ("سبتمبر", 9), ("أيلول", 9),
    ("october", 10), ("octobre", 10), ("oktober", 10), ("octubre", 10), ("ottobre", 10), ("outubro", 10), ("октября", 10),
    ("октябрь", 10), ("أكتوبر", 10), ("اكتوبر", 10),
    ("november", 11), ("novembre", 11), ("noviembre", 11), ("novembro", 11), ("ноября", 11), ("ноябрь", 11), ("نوفمبر", 11),
    ("december", 12), ("décembre", 12), ("decembre", 12), ("dezember", 12), ("diciembre", 12), ("dicembre", 12), ("dezembro", 12),
    ("декабря", 12), ("декабрь", 12), ("ديسمبر", 12),
];

/// The Levant's two-word month names: `تشرين الأول` (October), `تشرين الثاني` (November),
/// `كانون الأول` (December), `كانون الثاني` (January): the first word, then the month for "the
/// first" and for "the second".
const TWO_WORD_MONTHS: &[(&str, u32, u32)] = &[("تشرين", 10, 11), ("كانون", 12, 1)];

/// The month named at token `i` and the index after its name: one word ([`month_of`]), or one of
/// the [`TWO_WORD_MONTHS`] ("الأول" / "الاول" / "أول" the first, "الثاني" / "ثاني" the second).
fn month_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let first = word(tokens, i)?;
    if let Some(&(_, one, two)) = TWO_WORD_MONTHS.iter().find(|(name, _, _)| *name == first) {
        return match word(tokens, i + 1)? {
            "الأول" | "الاول" | "أول" | "اول" => Some((one, i + 2)),
            "الثاني" | "ثاني" => Some((two, i + 2)),
            _ => None,
        };
    }
    month_of(first).map(|m| (m, i + 1))
}

/// The month a word names, in full or abbreviated to at least three letters.
fn month_of(word: &str) -> Option<u32> {
    let len = word.chars().count();
    if len < 3 {
        return None;
    }
    if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == word) {
        return Some(m);
    }
    if len > 5 {
        return None;
    }
    MONTHS.iter().find(|(name, _)| name.starts_with(word)).map(|&(_, m)| m)
}

/// Words that may sit between the parts of a written date ("11 de diciembre de 2019", "1er").
fn is_filler(word: &str) -> bool {
    matches!(word, "de" | "del" | "of" | "st" | "nd" | "rd" | "th" | "er" | "ème" | "o" | "º")
}

/// A written date: a month name with a day number next to it and a four-digit year after it.
fn written_date(tokens: &[Token]) -> Option<(Ymd, std::ops::Range<usize>)> {
    for i in 0..tokens.len() {
        let Some((month, after)) = month_at(tokens, i) else { continue };
        // Day before the month: "11 décembre", "11. Dezember", "11 de diciembre", "1er mai".
        let mut day = None;
        let mut start = i;
        let mut j = i;
        while j > 0 && j + 3 > i {
            j -= 1;
            match &tokens[j] {
                Token::Number(v, len) if *len <= 2 => {
                    day = Some(*v);
                    start = j;
                    break;
                }
                Token::Sep('.') | Token::Sep(',') => {}
                Token::Word(w) if is_filler(w) => {}
                _ => break,
            }
        }
        // After the month: the year, and the day for "Dec 11, 2019".
        let mut year = None;
        let mut end = after;
        let mut k = after;
        while k < tokens.len() && k < after + 5 {
            match &tokens[k] {
                Token::Number(v, 4) => {
                    year = Some(*v);
                    end = k + 1;
                    break;
                }
                Token::Number(v, len) if *len <= 2 && day.is_none() => day = Some(*v),
                Token::Sep('.') | Token::Sep(',') => {}
                Token::Word(w) if is_filler(w) => {}
                _ => break,
            }
            k += 1;
        }
        if let (Some(d), Some(y)) = (day, year) {
            if let Some(date) = valid((y, month, d)) {
                return Some((date, start..end));
            }
        }
    }
    None
}

/// Named time zones seen in bylines, with their offsets.
const ZONES: &[(&str, &str)] = &[
    ("z", "Z"), ("utc", "+00:00"), ("gmt", "+00:00"), ("est", "-05:00"), ("edt", "-04:00"),
    ("cst", "-06:00"), ("cdt", "-05:00"), ("mst", "-07:00"), ("mdt", "-06:00"), ("pst", "-08:00"),
    ("pdt", "-07:00"), ("cet", "+01:00"), ("cest", "+02:00"), ("mez", "+01:00"), ("mesz", "+02:00"),
    ("bst", "+01:00"), ("wet", "+00:00"), ("west", "+01:00"), ("eet", "+02:00"), ("eest", "+03:00"),
];

/// The first time of day outside the date's tokens: `15:44`, `15:44:00.000`, `15h44`, `3:44 pm`,
/// `3pm`, `15 h`, with a zone after it.
fn find_time(tokens: &[Token], used: &std::ops::Range<usize>) -> Option<Hms> {
    let mut i = 0;
    while i < tokens.len() {
        if used.contains(&i) {
            i = used.end;
            continue;
        }
        if let Some(found) = time_at(tokens, i) {
            return Some(found);
        }
        i += 1;
    }
    None
}

fn time_at(tokens: &[Token], i: usize) -> Option<Hms> {
    let (mut hour, hlen) = number(tokens, i)?;
    if hlen > 2 {
        return None;
    }
    let mut k = i + 1;
    let (mut minute, mut second) = (0, 0);
    let with_colon = sep(tokens, k) == Some(':');
    let with_h = word(tokens, k) == Some("h");
    if with_colon || with_h {
        match number(tokens, k + 1) {
            Some((m, 2)) => {
                minute = m;
                k += 2;
                if sep(tokens, k) == Some(':') {
                    if let Some((s, 2)) = number(tokens, k + 1) {
                        second = s;
                        k += 2;
                        // Fractions of a second are dropped.
                        if sep(tokens, k) == Some('.') && number(tokens, k + 1).is_some() {
                            k += 2;
                        }
                    }
                }
            }
            _ if with_h => k += 1,
            _ => return None,
        }
    }
    let meridiem = match word(tokens, k) {
        Some("am" | "a") => Some(false),
        Some("pm" | "p") => Some(true),
        _ => None,
    };
    if !(with_colon || with_h || meridiem.is_some()) {
        return None;
    }
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        k += 1;
        // "a.m." / "p.m."
        if sep(tokens, k) == Some('.') && matches!(word(tokens, k + 1), Some("m")) {
            k += 2;
            if sep(tokens, k) == Some('.') {
                k += 1;
            }
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some((hour, minute, second.min(59), zone_at(tokens, k)))
}

/// A zone right after a time: `Z`, `+01:00`, `+0100`, `+01`, `GMT`, `GMT+1`, `UTC+01:00`, `EST`.
fn zone_at(tokens: &[Token], mut k: usize) -> Option<String> {
    if sep(tokens, k) == Some(',') {
        k += 1;
    }
    let mut named = None;
    if let Some(w) = word(tokens, k) {
        named = ZONES.iter().find(|(name, _)| *name == w).map(|&(_, off)| off.to_owned());
        named.as_ref()?;
        if !matches!(w, "gmt" | "utc") {
            return named;
        }
        k += 1;
    }
    let sign = match sep(tokens, k) {
        Some('+') => '+',
        Some('-') | Some('−') => '-',
        _ => return named,
    };
    let (hours, minutes) = match (number(tokens, k + 1), sep(tokens, k + 2), number(tokens, k + 3)) {
        (Some((v, 4)), _, _) => (v / 100, v % 100),
        (Some((h, 1..=2)), Some(':'), Some((m, 2))) => (h, m),
        (Some((h, 1..=2)), _, _) => (h, 0),
        _ => return named,
    };
    if hours > 14 || minutes > 59 {
        return named;
    }
    Some(format!("{sign}{hours:02}:{minutes:02}"))
}

/// A well-formed machine date, as `datetime` attributes and metadata write them: `YYYY-MM-DD`,
/// then optionally `T` (or `t`, or one space) and `HH:MM`, `:SS`, `.fraction`, and a zone `Z`,
/// `±HH:MM`, `±HHMM` or `±HH`, the whole text and nothing else. Read without tokenizing or
/// lower-casing; `None` for any other text, which [`read_date`] then reads. For every text it
/// accepts it gives what [`read_date`] gives (`machine_dates_read_as_the_general_reader_does`):
/// such a text's first tokens are a valid ISO date, so [`iso_date`] takes them, and the time is
/// the first one after them, accepted by [`time_at`] only within the ranges checked here.
fn machine_date(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let digits = |at: usize, len: usize| -> Option<u32> {
        b.get(at..at + len)?.iter().try_fold(0u32, |v, &c| c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0')))
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = valid((digits(0, 4)?, digits(5, 2)?, digits(8, 2)?))?;
    if b.len() == 10 {
        // The date as written is the date as formatted (four and two digits).
        return Some(text.to_owned());
    }
    if !matches!(b[10], b'T' | b't' | b' ') || b.get(13) != Some(&b':') {
        return None;
    }
    let (hour, minute) = (digits(11, 2)?, digits(14, 2)?);
    let (mut second, mut at) = (0, 16);
    if b.get(16) == Some(&b':') {
        second = digits(17, 2)?;
        at = 19;
        if b.get(19) == Some(&b'.') {
            let fraction = b[20..].iter().take_while(|c| c.is_ascii_digit()).count();
            if fraction == 0 {
                return None;
            }
            at = 20 + fraction;
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let zone = match &b[at..] {
        [] => None,
        [b'Z' | b'z'] => Some((b'Z', 0, 0)),
        [sign @ (b'+' | b'-'), ..] => {
            let (hours, minutes) = match b.len() - at {
                3 => (digits(at + 1, 2)?, 0),
                5 => {
                    let v = digits(at + 1, 4)?;
                    (v / 100, v % 100)
                }
                6 if b[at + 3] == b':' => (digits(at + 1, 2)?, digits(at + 4, 2)?),
                _ => return None,
            };
            // An offset out of range is no zone, as in `zone_at`; the time stands.
            (hours <= 14 && minutes <= 59).then_some((*sign, hours, minutes))
        }
        _ => return None,
    };
    // Most machine dates are written as they are formatted (`2023-05-14T10:00:00+00:00`,
    // `…Z`): then the text is the answer, copied instead of formatted again.
    let canonical = b[10] == b'T'
        && at == 19
        && second <= 59
        && match zone {
            None => at == b.len(),
            Some((b'Z', _, _)) => b[at] == b'Z',
            Some(_) => b.len() - at == 6,
        };
    if canonical {
        return Some(text.to_owned());
    }
    // Built as bytes (all ASCII), turned into the string once.
    let mut out: Vec<u8> = Vec::with_capacity(25);
    push_number(&mut out, y, 4);
    out.push(b'-');
    push_number(&mut out, m, 2);
    out.push(b'-');
    push_number(&mut out, d, 2);
    out.push(b'T');
    push_number(&mut out, hour, 2);
    out.push(b':');
    push_number(&mut out, minute, 2);
    out.push(b':');
    push_number(&mut out, second.min(59), 2);
    match zone {
        None => {}
        Some((b'Z', _, _)) => out.push(b'Z'),
        Some((sign, hours, minutes)) => {
            out.push(sign);
            push_number(&mut out, hours, 2);
            out.push(b':');
            push_number(&mut out, minutes, 2);
        }
    }
    String::from_utf8(out).ok()
}

/// Appends `value` as `width` (at most 4) decimal digits, zero-padded.
fn push_number(out: &mut Vec<u8>, value: u32, width: usize) {
    let mut digits = [b'0'; 4];
    let mut rest = value;
    for digit in digits[..width].iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    out.extend_from_slice(&digits[..width]);
}

fn format_date((y, m, d): Ymd, time: Option<Hms>) -> String {
    match time {
        None => format!("{y:04}-{m:02}-{d:02}"),
        Some((h, min, s, zone)) => format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}{}", zone.unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::{machine_date, parse_date, read_date};

    fn p(s: &str) -> Option<String> {
        parse_date(s)
    }

    #[test]
    fn reads_iso_8601() {
        assert_eq!(p("2019-12-11T15:44:00+01:00").as_deref(), Some("2019-12-11T15:44:00+01:00"));
        assert_eq!(p("2019-12-11T15:44:00.000Z").as_deref(), Some("2019-12-11T15:44:00Z"));
        assert_eq!(p("2019-12-11T15:44:00+0100").as_deref(), Some("2019-12-11T15:44:00+01:00"));
        assert_eq!(p("2018-04-05T06:00").as_deref(), Some("2018-04-05T06:00:00"));
        assert_eq!(p("2019-12-11 15:44").as_deref(), Some("2019-12-11T15:44:00"));
        assert_eq!(p("2019-12-11").as_deref(), Some("2019-12-11"));
        assert_eq!(p("20191211").as_deref(), Some("2019-12-11"));
        assert_eq!(p("2019-12-11T15:44:00-05:00").as_deref(), Some("2019-12-11T15:44:00-05:00"));
    }

    #[test]
    fn reads_rfc_2822() {
        assert_eq!(p("Wed, 11 Dec 2019 15:44:00 +0100").as_deref(), Some("2019-12-11T15:44:00+01:00"));
        assert_eq!(p("Wed, 11 Dec 2019 14:44:00 GMT").as_deref(), Some("2019-12-11T14:44:00+00:00"));
    }

    #[test]
    fn reads_written_dates() {
        assert_eq!(p("11 décembre 2019 à 15h44").as_deref(), Some("2019-12-11T15:44:00"));
        assert_eq!(p("Publié le 11 déc. 2019 à 15h44").as_deref(), Some("2019-12-11T15:44:00"));
        assert_eq!(p("Dec 11, 2019").as_deref(), Some("2019-12-11"));
        assert_eq!(p("December 11th, 2019 at 3:44 p.m. EST").as_deref(), Some("2019-12-11T15:44:00-05:00"));
        assert_eq!(p("Updated 12:05 AM ET, Wed December 11, 2019").as_deref(), Some("2019-12-11T00:05:00"));
        assert_eq!(p("11. Dezember 2019, 15:44 Uhr").as_deref(), Some("2019-12-11T15:44:00"));
        assert_eq!(p("11 de diciembre de 2019").as_deref(), Some("2019-12-11"));
        assert_eq!(p("1er mai 2020").as_deref(), Some("2020-05-01"));
        assert_eq!(p("le 11/12/2019 à 15:44").as_deref(), Some("2019-12-11T15:44:00"));
        assert_eq!(p("12/25/2019").as_deref(), Some("2019-12-25"));
        assert_eq!(p("2024年6月11日 20:15").as_deref(), Some("2024-06-11T20:15:00"));
        assert_eq!(p("2024년 6월 11일").as_deref(), Some("2024-06-11"));
    }

    #[test]
    fn reads_the_written_dates_of_comment_sections() {
        assert_eq!(p("5 décembre 2026 à 14 h 05").as_deref(), Some("2026-12-05T14:05:00"));
        assert_eq!(p("5. Dezember 2026, 14:05").as_deref(), Some("2026-12-05T14:05:00"));
        assert_eq!(p("5 de diciembre de 2026").as_deref(), Some("2026-12-05"));
        assert_eq!(p("5 dicembre 2026").as_deref(), Some("2026-12-05"));
        assert_eq!(p("5 de dezembro de 2026 às 14:05").as_deref(), Some("2026-12-05T14:05:00"));
        assert_eq!(p("5 december 2026 om 14:05").as_deref(), Some("2026-12-05T14:05:00"));
        assert_eq!(p("12 maart 2026").as_deref(), Some("2026-03-12"));
        assert_eq!(p("5 декабря 2026 г. в 14:05").as_deref(), Some("2026-12-05T14:05:00"));
        assert_eq!(p("1 мая 2026").as_deref(), Some("2026-05-01"));
        assert_eq!(p("5 ديسمبر 2026").as_deref(), Some("2026-12-05"));
        assert_eq!(p("5 أيار 2026").as_deref(), Some("2026-05-05"));
        // The Levant's two-word months, and Arabic-Indic digits.
        assert_eq!(p("5 كانون الأول 2026").as_deref(), Some("2026-12-05"));
        assert_eq!(p("12 كانون الثاني 2027").as_deref(), Some("2027-01-12"));
        assert_eq!(p("3 تشرين الأول 2026، 14:05").as_deref(), Some("2026-10-03T14:05:00"));
        assert_eq!(p("3 تشرين الثاني 2026").as_deref(), Some("2026-11-03"));
        assert_eq!(p("٥ كانون الأول ٢٠٢٦").as_deref(), Some("2026-12-05"));
        assert_eq!(p("۵ ديسمبر ۲۰۲۶").as_deref(), Some("2026-12-05"));
        assert_eq!(p("كانون 2026"), None);
    }

    /// Machine dates, valid and near-valid: every field at and past its limits, leap days,
    /// each separator and zone form, and single-byte mutations of them.
    fn machine_like_dates() -> Vec<String> {
        let mut dates = Vec::new();
        for y in ["0999", "1000", "1900", "1999", "2000", "2023", "2024", "2100", "2999", "3000", "202", "20234"] {
            for m in ["00", "01", "02", "04", "09", "12", "13", "1", "001"] {
                for d in ["00", "01", "28", "29", "30", "31", "32", "1"] {
                    dates.push(format!("{y}-{m}-{d}"));
                }
            }
        }
        dates.extend(["2023/05/14", "2023.05.14", "20230514", "2023-05/14", "14-05-2023", "2023-5-14"].map(String::from));
        let times = [
            "00:00", "10:00", "23:59", "24:00", "10:60", "1:00", "100:00", "10:5", "10:000", "10:00:00", "23:59:59", "23:59:60",
            "10:00:61", "10:00:6", "10:00:005", "10:00:00.5", "10:00:00.123456789", "10:00:00.", "10:00:00,5", "10:00.5",
            "12:00 pm", "1:00 am", "10h00", "10",
        ];
        let zones = [
            "", "Z", "z", "+00:00", "-05:30", "+14:00", "+15:00", "+05:60", "+0530", "+1400", "+2400", "+0570", "+05", "+5",
            "+5:00", "+05:3", "+05:", "+05:00:00", "-0", " Z", " +01:00", "GMT", "UTC+1", "EST", "Zx", "ZZ", "\u{2212}05:00", "+05:00 ",
        ];
        let days = ["2023-05-14", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "2023-12-31", "2023-13-01", "0999-01-01"];
        for day in days {
            for sep in ["T", "t", " ", "  ", "_", "", "T ", "x"] {
                for time in times {
                    for zone in zones {
                        dates.push(format!("{day}{sep}{time}{zone}"));
                    }
                }
            }
        }
        // Single-byte mutations: each position replaced by, or given before it, a byte of the
        // alphabet of machine dates, or removed (a fixed pseudo-random choice of positions).
        let seeds: Vec<String> = dates.iter().filter(|d| machine_date(d).is_some()).step_by(7).cloned().collect();
        let alphabet = b"0123456789-:.+TtZz x";
        let mut state: u32 = 12345;
        let mut next = |n: usize| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 8) as usize % n
        };
        for seed in seeds {
            for _ in 0..6 {
                let mut bytes = seed.clone().into_bytes();
                let at = next(bytes.len() + 1);
                let c = alphabet[next(alphabet.len())];
                match next(3) {
                    0 if at < bytes.len() => bytes[at] = c,
                    1 => bytes.insert(at, c),
                    _ if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.push(c),
                }
                dates.push(String::from_utf8(bytes).unwrap());
            }
        }
        dates
    }

    #[test]
    fn machine_dates_read_as_the_general_reader_does() {
        let dates = machine_like_dates();
        let mut fast = 0;
        for date in &dates {
            for text in [date.clone(), format!("  {date}\n")] {
                let trimmed = text.trim();
                if let Some(read) = machine_date(trimmed) {
                    fast += 1;
                    assert_eq!(Some(read), read_date(trimmed), "{text:?}");
                }
                assert_eq!(parse_date(&text), read_date(trimmed), "{text:?}");
            }
        }
        // The fast path is taken for the well-formed ones (not a vacuous comparison).
        assert!(fast > 3_000, "{fast} of {}", dates.len());
        assert_eq!(machine_date("2024-02-29T23:59:60.5+0530").as_deref(), Some("2024-02-29T23:59:59+05:30"));
        assert_eq!(machine_date("2023-05-14T10:00+15:00").as_deref(), Some("2023-05-14T10:00:00"));
    }

    #[test]
    fn refuses_what_is_not_a_full_date() {
        assert_eq!(p(""), None);
        assert_eq!(p("il y a 3 heures"), None);
        assert_eq!(p("May 2019"), None);
        assert_eq!(p("2019-02-30"), None);
        assert_eq!(p("Il y a 2 jours 15:44"), None);
    }
}
