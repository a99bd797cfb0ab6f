//! Attribution: which words of a sentence the writer reports from someone else (quotations,
//! "X says that…", "selon X, …", "…, assure le groupe"), and who that someone is.
//! Parenthetical asides always stay the writer's own words.

use super::lexicons::{starting_at, Entry, Lexicon, Match};
use super::tokens::Token;
use std::ops::Range;

/// How a sentence reports someone else's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// "according to X", "selon X", "d'après X".
    AccordingTo,
    /// "X says that…", "X estime que…".
    Verb,
    /// "«…», assure X", "…, said X".
    InvertedVerb,
    /// ", estimant que…": the subject of the main clause is the source.
    Participle,
    /// A long quotation standing alone (the speaker was named before).
    Quotation,
    /// German reported-speech verb forms (Konjunktiv I).
    ReportedSpeech,
    /// The whole sentence sits in a block quotation or an embedded post (blockquote, tweet).
    BlockQuotation,
}

/// One reporting frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The frame's kind.
    pub kind: FrameKind,
    /// Tokens of the reporting verb or preposition.
    pub cue: Range<usize>,
}

/// Who is reported, as found in the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Tokens of the source's noun phrase.
    pub tokens: Range<usize>,
    /// A description such as "la firme de Seattle" / "the company", to resolve from context.
    pub generic: bool,
    /// A pronoun (il, she), to resolve from context.
    pub pronoun: bool,
}

/// What attribution analysis found in one sentence.
#[derive(Clone, Debug, Default)]
pub struct Attribution {
    /// Per token: words the writer reports from someone else (never inside parentheses).
    pub reported: Vec<bool>,
    /// Quotations, as token ranges including their marks.
    pub quotes: Vec<Range<usize>>,
    /// Parenthetical asides, as token ranges including the brackets.
    pub asides: Vec<Range<usize>>,
    /// Reporting frames.
    pub frames: Vec<Frame>,
    /// The source, when one is named.
    pub source: Option<Source>,
}

impl Attribution {
    /// Whether the sentence reports someone else's words.
    pub fn is_attributed(&self) -> bool {
        !self.frames.is_empty()
    }
}

const MIN_MASKED_QUOTE_WORDS: usize = 3;

/// [`analyse`] for a sentence that may sit in a block quotation or an embedded post
/// (`in_quote`): then every token is reported and the one frame is the whole sentence.
pub fn analyse_placed(tokens: &[Token], matches: &[Match], lexicon: &Lexicon, in_quote: bool) -> Attribution {
    if !in_quote || tokens.is_empty() {
        return analyse(tokens, matches, lexicon);
    }
    let n = tokens.len();
    Attribution {
        reported: vec![true; n],
        quotes: std::iter::once(0..n).collect(),
        asides: Vec::new(),
        frames: vec![Frame { kind: FrameKind::BlockQuotation, cue: 0..n }],
        source: None,
    }
}

/// Finds quotations, asides, reporting frames and the source of one tokenised sentence.
pub fn analyse(tokens: &[Token], matches: &[Match], lexicon: &Lexicon) -> Attribution {
    let n = tokens.len();
    let mut found = Attribution { reported: vec![false; n], quotes: quotations(tokens), asides: asides(tokens), ..Default::default() };
    let in_quote = |i: usize, quotes: &[Range<usize>]| quotes.iter().any(|q| q.contains(&i));

    // `i` only moves forward and matches are ordered by start: a cursor finds the matches at
    // `i` without a search per token.
    let mut cursor = 0;
    let mut i = 0;
    while i < n {
        if in_quote(i, &found.quotes) {
            i += 1;
            continue;
        }
        while cursor < matches.len() && matches[cursor].start < i {
            cursor += 1;
        }
        let here = &matches[cursor..];
        let here = &here[..here.iter().take_while(|m| m.start == i).count()];
        if here.is_empty() {
            i += 1;
            continue;
        }
        let at = |entry: Entry| here.iter().find_map(|m| m.value(entry).map(|v| (m.len, v)));
        if let Some((len, value)) = at(Entry::AccordingTo) {
            if let Some(frame) = according_to(tokens, matches, lexicon, i, len, value, &mut found) {
                found.frames.push(frame);
                i += len;
                continue;
            }
        }
        if let Some((len, value)) = at(Entry::Qualifying) {
            if let Some(frame) = qualifying(tokens, matches, i, len, value, &mut found) {
                found.frames.push(frame);
                i += len;
                continue;
            }
        }
        if let Some((len, value)) = at(Entry::Reporting) {
            if let Some(frame) = reporting_verb(tokens, matches, lexicon, i, len, value, &mut found) {
                found.frames.push(frame);
                i += len;
                continue;
            }
        }
        i += 1;
    }

    if found.frames.is_empty() {
        let words = tokens.iter().filter(|t| t.is_word()).count().max(1);
        if let Some(q) = found.quotes.iter().find(|q| word_count(tokens, q) * 2 >= words && word_count(tokens, q) >= 5) {
            found.frames.push(Frame { kind: FrameKind::Quotation, cue: q.clone() });
        } else if let Some(m) = matches.iter().find(|m| m.value(Entry::ReportedSpeech).is_some() && !in_quote(m.start, &found.quotes)) {
            let first_person = matches.iter().any(|m| m.value(Entry::FirstPerson).is_some());
            if !first_person {
                found.frames.push(Frame { kind: FrameKind::ReportedSpeech, cue: m.start..m.start + m.len });
                mark(&mut found, 0..n);
            }
        }
    }
    for q in found.quotes.clone() {
        if word_count(tokens, &q) >= MIN_MASKED_QUOTE_WORDS || !found.frames.is_empty() {
            for i in q {
                found.reported[i] = true;
            }
        }
    }
    found
}

fn word_count(tokens: &[Token], range: &Range<usize>) -> usize {
    tokens[range.clone()].iter().filter(|t| t.is_word()).count()
}

/// Where reported content that starts at `from` ends: at a comma followed by a comment on the
/// claim (", ce qui…", ", une affirmation…", ", which…"), else at `end`.
fn content_end(tokens: &[Token], matches: &[Match], from: usize, end: usize) -> usize {
    (from..end).find(|&j| tokens[j].norm == "," && j + 1 < end && has(matches, j + 1, Entry::Resumptive)).unwrap_or(end)
}

/// Marks reported content, leaving parenthetical asides (outside quotations) to the writer.
fn mark(found: &mut Attribution, range: Range<usize>) {
    for i in range {
        let in_aside = found.asides.iter().any(|a| a.contains(&i)) && !found.quotes.iter().any(|q| q.contains(&i));
        if !in_aside {
            found.reported[i] = true;
        }
    }
}

/// Quotations as token ranges, marks included. A sentence that opens inside a quotation begun
/// in the sentence before (its first mark closes: `…ignored," a resident said.`, `… consultés »,
/// déplore…`) holds a quotation from its start to that mark.
fn quotations(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    if let Some(close) = orphan_closer(tokens) {
        out.push(0..close + 1);
        i = close + 1;
    }
    while i < tokens.len() {
        // Quotation marks are punctuation tokens: words need no string tests.
        if tokens[i].is_word() {
            i += 1;
            continue;
        }
        let close: &[&str] = match tokens[i].norm.as_str() {
            "«" => &["»"],
            "“" => &["”", "“"],
            "„" => &["“", "”"],
            "\"" => &["\""],
            "‹" => &["›"],
            _ => {
                i += 1;
                continue;
            }
        };
        match (i + 1..tokens.len()).find(|&j| close.contains(&tokens[j].norm.as_str())) {
            Some(j) => {
                out.push(i..j + 1);
                i = j + 1;
            }
            None => {
                // An unclosed quotation runs to the end (quotes spanning sentences).
                if tokens.len() - i > 3 {
                    out.push(i..tokens.len());
                }
                break;
            }
        }
    }
    out
}

fn asides(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate().filter(|(_, t)| !t.is_word()) {
        match t.norm.as_str() {
            "(" | "[" => open = open.or(Some(i)),
            ")" | "]" => {
                if let Some(s) = open.take() {
                    out.push(s..i + 1);
                }
            }
            _ => {}
        }
    }
    // Dash asides: "– … –" or a final "— …".
    let dashes: Vec<usize> = tokens.iter().enumerate().filter(|(_, t)| !t.is_word() && matches!(t.norm.as_str(), "–" | "—")).map(|(i, _)| i).collect();
    for pair in dashes.chunks(2) {
        match pair {
            [a, b] => out.push(*a..*b + 1),
            [a] if tokens.len() - a > 2 => out.push(*a..tokens.len()),
            _ => {}
        }
    }
    out
}

fn has(matches: &[Match], i: usize, entry: Entry) -> bool {
    starting_at(matches, i).iter().any(|m| m.value(entry).is_some())
}

fn is_boundary(t: &Token) -> bool {
    matches!(t.norm.as_str(), "," | ";" | ":" | "»" | "”" | "\"" | "(" | ")" | "–" | "—" | "." | "!" | "?")
}

/// Whether token `i` can start or continue a name (capitalised, not a sentence-initial function word).
fn is_name(tokens: &[Token], matches: &[Match], i: usize) -> bool {
    let t = &tokens[i];
    if !t.is_word() || !t.capitalized {
        return false;
    }
    let function = has(matches, i, Entry::Function) || has(matches, i, Entry::Determiner) || has(matches, i, Entry::Pronoun) || has(matches, i, Entry::Auxiliary);
    !(function && (i == 0 || tokens[i - 1].norm == "«" || tokens[i - 1].norm == "“"))
}

fn looks_like_noun_phrase(tokens: &[Token], matches: &[Match], range: &Range<usize>) -> bool {
    if range.is_empty() || range.len() > 9 || !tokens[range.clone()].iter().all(|t| t.is_word() || t.norm == "-" || t.norm == "." || t.norm == "'") {
        return false;
    }
    let first = range.start;
    has(matches, first, Entry::Determiner) || has(matches, first, Entry::Pronoun) || is_name(tokens, matches, first)
}

fn source_from(tokens: &[Token], matches: &[Match], range: Range<usize>) -> Source {
    let pronoun = starting_at(matches, range.start).iter().any(|m| m.len == range.len() && m.value(Entry::Pronoun).is_some());
    let generic = !pronoun
        && has(matches, range.start, Entry::Determiner)
        && range.len() >= 2
        && has(matches, range.start + 1, Entry::OrganisationNoun)
        && !tokens[range.start + 1].capitalized;
    Source { tokens: range, generic, pronoun }
}

/// "selon X, …" / "…, according to X." / "Pour X, …" (sentence-initial only).
fn according_to(tokens: &[Token], matches: &[Match], _lexicon: &Lexicon, i: usize, len: usize, value: f32, found: &mut Attribution) -> Option<Frame> {
    let n = tokens.len();
    let weak = value < 0.5;
    if weak && i != 0 {
        return None;
    }
    let np_start = i + len;
    let mut np_end = np_start;
    while np_end < n && !is_boundary(&tokens[np_end]) && np_end - np_start < 9 {
        np_end += 1;
    }
    if np_end == np_start {
        return None;
    }
    // An appositive name: "according to the harbour master, Tom Reyes, the fleet…".
    if np_end < n && tokens[np_end].norm == "," && !is_name(tokens, matches, np_start) {
        let mut k = np_end + 1;
        while k < n && is_name(tokens, matches, k) && k - np_end <= 4 {
            k += 1;
        }
        if k > np_end + 2 && k < n && tokens[k].norm == "," {
            np_end = k;
        }
    }
    let np = np_start..np_end;
    if weak && !holds_views(tokens, matches, &np) {
        return None;
    }
    let clause_start = (0..i).rev().find(|&j| matches!(tokens[j].norm.as_str(), ";" | ":")).map_or(0, |j| j + 1);
    let leading = tokens[clause_start..i].iter().all(|t| !t.is_word() || t.norm.is_empty()) || i == clause_start;
    if leading {
        if weak && (np_end >= n || tokens[np_end].norm != ",") {
            return None;
        }
        let from = np_end.min(n);
        mark(found, from..content_end(tokens, matches, from, n));
    } else {
        let comma = (clause_start..i).rev().find(|&j| tokens[j].norm == ",");
        mark(found, clause_start..comma.unwrap_or(i));
    }
    found.source.get_or_insert_with(|| source_from(tokens, matches, np));
    Some(Frame { kind: FrameKind::AccordingTo, cue: i..i + len })
}

/// "X estime que …", "…, assure X", ", estimant que …".
fn reporting_verb(tokens: &[Token], matches: &[Match], _lexicon: &Lexicon, i: usize, len: usize, value: f32, found: &mut Attribution) -> Option<Frame> {
    let n = tokens.len();
    let after = i + len;
    // Inverted: "«…», assure le groupe" / "«…», a déclaré la ministre" / "…, said the minister".
    let prev = i.checked_sub(1).map(|p| tokens[p].norm.as_str());
    let before_aux = (0..i).rev().find(|&j| !(has(matches, j, Entry::Auxiliary) && tokens[j].is_word()));
    let prev_non_aux = before_aux.map(|p| tokens[p].norm.as_str());
    let appositive = before_aux.is_some_and(|c| tokens[c].norm == "," && appositive_subject(tokens, matches, c).is_some());
    if matches!(prev_non_aux, Some("," | "»" | "”" | "\"")) && !appositive {
        let mut np_end = after;
        while np_end < n && !is_boundary(&tokens[np_end]) && !has(matches, np_end, Entry::Function) && np_end - after < 7 {
            np_end += 1;
        }
        let np = after..np_end;
        let closes_sentence = np_end >= n || matches!(tokens[np_end].norm.as_str(), "." | "," | "!" | "?" | ";") || has(matches, np_end, Entry::Function);
        if looks_like_noun_phrase(tokens, matches, &np) && closes_sentence && !has(matches, after, Entry::Complementizer) {
            let comma = before_aux.unwrap_or(0);
            mark(found, 0..comma);
            found.source.get_or_insert_with(|| source_from(tokens, matches, np));
            return Some(Frame { kind: FrameKind::InvertedVerb, cue: i..after });
        }
    }
    // The reported content starts at "que"/"that"/a quotation, possibly after an aside of the
    // writer's own ("claims, absurdly, that…"); words before it stay the writer's.
    let opens = |j: usize| has(matches, j, Entry::Complementizer) || matches!(tokens[j].norm.as_str(), "«" | "“" | "\"" | "„");
    let next_word = (after..n).find(|&j| !(has(matches, j, Entry::Auxiliary) && tokens[j].is_word() && tokens[j].norm != "ne" && tokens[j].norm != "n'"));
    let content_start = match next_word {
        Some(j) if opens(j) => Some(j),
        Some(j) if tokens[j].norm == "," => (j + 2..n.min(after + 12)).find(|&k| opens(k) && tokens[k].is_word() && tokens[k - 1].norm == ","),
        _ => None,
    };
    let complement = content_start.is_some();
    let content_start = content_start.unwrap_or(after);
    // Participle: ", estimant que …" / ", saying that …".
    if prev == Some(",") && (tokens[i].norm.ends_with("ant") || tokens[i].norm.ends_with("ing")) {
        if !complement {
            return None;
        }
        mark(found, content_start..content_end(tokens, matches, content_start, n));
        let subject = (0..i).find(|&j| is_name(tokens, matches, j) && (j == 0 || !has(matches, j - 1, Entry::Function)));
        if let Some(s) = subject {
            let mut e = s + 1;
            while e < i && is_name(tokens, matches, e) {
                e += 1;
            }
            found.source.get_or_insert_with(|| source_from(tokens, matches, s..e));
        }
        return Some(Frame { kind: FrameKind::Participle, cue: i..after });
    }
    // Forward: "X (a cependant) estime que …", "X, 52 ans, estime que …".
    let subject = subject_before(tokens, matches, i)?;
    if !(complement || value >= 1.0) {
        return None;
    }
    mark(found, content_start..content_end(tokens, matches, content_start, n));
    found.source.get_or_insert_with(|| source_from(tokens, matches, subject));
    Some(Frame { kind: FrameKind::Verb, cue: i..after })
}

/// The subject of a reporting verb at `verb`: the noun phrase before it, past auxiliaries
/// ("X a cependant estimé") or an appositive ("Helen Marsh, cabinet member for transport,
/// said"; « Jean Dupont, 52 ans, estime »). `None` when there is none, when the verb is passive,
/// when the writer is the subject ("I think", « nous estimons »), or when the frame is negated
/// or refused ("did not say", « n'a pas précisé », "declined to say"): such a sentence reports
/// no view.
fn subject_before(tokens: &[Token], matches: &[Match], verb: usize) -> Option<Range<usize>> {
    let mut end = verb;
    let mut passive = false;
    while end > 0 && tokens[end - 1].norm != "," && has(matches, end - 1, Entry::Auxiliary) {
        passive |= matches!(tokens[end - 1].norm.as_str(), "was" | "were" | "been" | "being" | "is" | "are" | "be");
        end -= 1;
    }
    if passive || refused(tokens, matches, verb) {
        return None;
    }
    let subject = if end > 0 && tokens[end - 1].norm == "," {
        appositive_subject(tokens, matches, end - 1)?
    } else {
        let mut start = (0..end).rev().find(|&j| is_boundary(&tokens[j])).map_or(0, |j| j + 1);
        while start < end && has(matches, start, Entry::Function) && !is_name(tokens, matches, start) {
            start += 1;
        }
        start..end
    };
    let negated = (end..verb).chain(subject.clone()).any(|j| is_negation(&tokens[j].norm));
    let writer = subject.len() == 1 && has(matches, subject.start, Entry::FirstPerson) && tokens[subject.start].norm != "on";
    (looks_like_noun_phrase(tokens, matches, &subject) && !negated && !writer).then_some(subject)
}

/// "not", "never", "didn't", « ne », « n' », « pas », « jamais ».
fn is_negation(norm: &str) -> bool {
    matches!(norm, "not" | "never" | "ne" | "n'" | "pas" | "jamais") || norm.ends_with("n't")
}

/// "declined to say", "refused to comment", « a refusé de préciser »: a refusal verb before
/// the infinitive at `verb`.
fn refused(tokens: &[Token], matches: &[Match], verb: usize) -> bool {
    verb >= 2 && matches!(tokens[verb - 1].norm.as_str(), "to" | "de" | "d'" | "à") && has(matches, verb - 2, Entry::Refusal)
}

/// "NAME , APPOSITIVE ," ending at the comma `comma`: the name, when it opens its clause and
/// the appositive between the commas is one to ten plain words ("cabinet member for
/// transport", « 52 ans », « adjointe aux transports »).
fn appositive_subject(tokens: &[Token], matches: &[Match], comma: usize) -> Option<Range<usize>> {
    let first = (comma.saturating_sub(11)..comma).rev().find(|&j| is_boundary(&tokens[j]))?;
    if tokens[first].norm != "," || comma - first < 2 {
        return None;
    }
    let plain = tokens[first + 1..comma].iter().all(|t| t.is_word() || matches!(t.norm.as_str(), "-" | "'" | "."));
    let start = (0..first).rev().find(|&j| is_boundary(&tokens[j])).map_or(0, |j| j + 1);
    let name = start..first;
    (plain && !name.is_empty() && is_name(tokens, matches, start) && looks_like_noun_phrase(tokens, matches, &name)).then_some(name)
}

/// Qualifying frames: "X called the plan \"a disgrace\"", "X described it as …", "X branded
/// the decision a betrayal", « X a qualifié le projet de « … » », « X juge la réforme injuste »,
/// « X parle d'une « mascarade » ». The verb's object is followed by a quotation, by
/// as/comme, « de » after the object for full-strength verbs (« qualifier X de »), or by a noun
/// phrase or judging word of the subject's: everything after the verb (to a comment of the
/// writer's) is the subject's characterisation.
fn qualifying(tokens: &[Token], matches: &[Match], i: usize, len: usize, value: f32, found: &mut Attribution) -> Option<Frame> {
    let n = tokens.len();
    let after = i + len;
    let characterises = |j: usize| {
        let t = &tokens[j];
        matches!(t.norm.as_str(), "«" | "“" | "\"" | "„" | "as" | "comme")
            || (j > after && value >= 1.0 && matches!(t.norm.as_str(), "de" | "d'"))
            || (j > after && (matches!(t.norm.as_str(), "a" | "an" | "un" | "une") || has(matches, j, Entry::Evaluative) || has(matches, j, Entry::Loaded)))
    };
    (after..n.min(after + 8)).take_while(|&j| !is_boundary(&tokens[j]) || matches!(tokens[j].norm.as_str(), "\"" | "“")).find(|&j| characterises(j))?;
    let subject = subject_before(tokens, matches, i)?;
    mark(found, after..content_end(tokens, matches, after, n));
    found.source.get_or_insert_with(|| source_from(tokens, matches, subject));
    Some(Frame { kind: FrameKind::Verb, cue: i..after })
}

/// Whether a noun phrase after a weak « Pour » / "For" names someone who can hold a view: a
/// name, a group (« les experts »), or a person or body noun among its first three words
/// (« la maire », « le nouveau ministre », « les syndicats »), not « la première fois ».
fn holds_views(tokens: &[Token], matches: &[Match], np: &Range<usize>) -> bool {
    let head = np.start..np.end.min(np.start + 3);
    is_name(tokens, matches, np.start)
        || has(matches, np.start, Entry::Pronoun)
        || head.clone().skip(1).any(|j| has(matches, j, Entry::OrganisationNoun) || has(matches, j, Entry::PersonNoun))
}

/// The first quotation mark, when it closes a quotation opened before the sentence: `»` or
/// `”` with no opening mark before it, or a straight `"` glued to the word before it and not to
/// the word after it; with at least two words before it.
fn orphan_closer(tokens: &[Token]) -> Option<usize> {
    let first = tokens.iter().position(|t| !t.is_word() && matches!(t.norm.as_str(), "«" | "»" | "“" | "”" | "„" | "\"" | "‹" | "›"))?;
    let t = &tokens[first];
    let closes = match t.norm.as_str() {
        "»" | "”" | "›" => true,
        "\"" => first > 0 && tokens[first - 1].end == t.start && tokens.get(first + 1).is_none_or(|next| next.start > t.end),
        _ => false,
    };
    (closes && tokens[..first].iter().filter(|t| t.is_word()).count() >= 2).then_some(first)
}
