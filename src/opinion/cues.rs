//! Cues: the words in the writer's own voice that carry an opinion, with their spans.

use super::attribution::Attribution;
use super::lexicons::{Entry, Match};
use super::tokens::Token;
use std::ops::Range;

/// The kinds of editorial cue (names as in `CONTRACT.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A word that evaluates.
    Evaluative,
    /// A slanted word.
    Loaded,
    /// A booster.
    Intensifier,
    /// A softener.
    Hedge,
    /// The writer guessing.
    Speculation,
    /// Ironic distance.
    Sarcasm,
    /// A parenthetical or dash aside that judges or imputes a motive.
    MotiveAside,
    /// The writer speaking of themself.
    FirstPerson,
    /// Telling readers or others what to do.
    Exhortation,
    /// An exclamation mark in the writer's voice.
    Exclamation,
    /// A question the writer asks.
    RhetoricalQuestion,
    /// A sentence adverb of the writer's stance (predictably, frankly, hélas). Not a trained
    /// dense feature: it carries the hand-set prior [`STANCE_ADVERB_PRIOR`].
    StanceAdverb,
}

/// Log-odds added per stance adverb (at most two count): a documented prior, not trained,
/// because such adverbs are too rare in the training sentences to learn (see `MODEL.md`).
pub const STANCE_ADVERB_PRIOR: f32 = 2.0;

/// The prior log-odds the stance adverbs among `cues` add to a sentence.
pub fn stance_logit(cues: &[CueHit]) -> f32 {
    let n = cues.iter().filter(|c| c.kind == CueKind::StanceAdverb).map(|c| c.strength).sum::<f32>();
    STANCE_ADVERB_PRIOR * n.min(2.0)
}

impl CueKind {
    /// Every trained kind, in dense-feature order ([`CueKind::StanceAdverb`] is not one).
    pub const ALL: [CueKind; 11] = [
        CueKind::Evaluative,
        CueKind::Loaded,
        CueKind::Intensifier,
        CueKind::Hedge,
        CueKind::Speculation,
        CueKind::Sarcasm,
        CueKind::MotiveAside,
        CueKind::FirstPerson,
        CueKind::Exhortation,
        CueKind::Exclamation,
        CueKind::RhetoricalQuestion,
    ];

    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Evaluative => "evaluative",
            CueKind::Loaded => "loaded",
            CueKind::Intensifier => "intensifier",
            CueKind::Hedge => "hedge",
            CueKind::Speculation => "speculation",
            CueKind::Sarcasm => "sarcasm",
            CueKind::MotiveAside => "motive_aside",
            CueKind::FirstPerson => "first_person",
            CueKind::Exhortation => "exhortation",
            CueKind::Exclamation => "exclamation",
            CueKind::RhetoricalQuestion => "rhetorical_question",
            CueKind::StanceAdverb => "stance_adverb",
        }
    }

    /// Position in [`CueKind::ALL`]; `None` for the untrained [`CueKind::StanceAdverb`].
    pub fn dense_index(self) -> Option<usize> {
        CueKind::ALL.iter().position(|k| *k == self)
    }

    #[cfg(any(test, feature = "internals"))]
    /// Position in [`CueKind::ALL`] (0 for the untrained [`CueKind::StanceAdverb`]).
    pub fn index(self) -> usize {
        self.dense_index().unwrap_or(0)
    }
}

/// One cue found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct CueHit {
    /// What kind of cue.
    pub kind: CueKind,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// How strong (lexicon value, 1 by default).
    pub strength: f32,
}

/// Lexicon entries that are editorial cues, strongest kind first.
const PRIORITY: [(Entry, CueKind); 9] = [
    (Entry::StanceAdverb, CueKind::StanceAdverb),
    (Entry::Sarcasm, CueKind::Sarcasm),
    (Entry::Loaded, CueKind::Loaded),
    (Entry::Speculation, CueKind::Speculation),
    (Entry::Exhortation, CueKind::Exhortation),
    (Entry::Hedge, CueKind::Hedge),
    (Entry::Intensifier, CueKind::Intensifier),
    (Entry::FirstPerson, CueKind::FirstPerson),
    (Entry::Evaluative, CueKind::Evaluative),
];

/// Finds the editorial cues among the writer's own words: reported words and words inside
/// quotation marks never count (`docs/annotation.md`, decision order, step 1).
pub fn find(tokens: &[Token], matches: &[Match], attribution: &Attribution) -> Vec<CueHit> {
    let mut out = Vec::new();
    let quoted = quoted_tokens(tokens.len(), attribution);
    let own = |i: usize| !attribution.reported.get(i).copied().unwrap_or(false) && !quoted[i];
    let mut covered_until = 0;
    for m in matches {
        if m.start < covered_until || !(m.start..m.start + m.len).all(own) {
            continue;
        }
        if m.value(Entry::Newsroom).is_some() {
            covered_until = m.start + m.len; // "we contacted", "told us": the newsroom at work
            continue;
        }
        let t = &tokens[m.start];
        let after_opening = m.start == 0 || matches!(tokens[m.start - 1].norm.as_str(), "«" | "“" | "\"" | ":" | "(");
        if t.capitalized && !after_opening {
            continue; // a name (Brave, May, Bush), not a word
        }
        if asks_quantity(tokens, m.start) {
            continue; // "how many jobs", « wie viele Stellen »: a question of number, not a judgement
        }
        if let Some(hit) = preference(tokens, m, &own) {
            covered_until = hit.tokens.end;
            out.push(hit);
            continue;
        }
        let Some((kind, strength)) = PRIORITY.iter().find_map(|(entry, kind)| m.value(*entry).map(|v| (*kind, v))) else {
            continue;
        };
        if kind == CueKind::FirstPerson && is_title(tokens, m.start) {
            continue;
        }
        out.push(CueHit { kind, tokens: m.start..m.start + m.len, strength });
        covered_until = m.start + m.len;
    }
    // A superlative of an evaluative word ("le plus beau", "the most absurd") ranks the thing
    // among its kind: the marker is an intensifier of the writer's.
    let mut superlatives = Vec::new();
    for c in out.iter().filter(|c| matches!(c.kind, CueKind::Evaluative | CueKind::Loaded)) {
        let s = c.tokens.start;
        if s >= 2 && (s - 2..s).all(own) && is_superlative_marker(&tokens[s - 2].norm, &tokens[s - 1].norm) && !out.iter().any(|o| o.tokens.contains(&(s - 1))) {
            superlatives.push(CueHit { kind: CueKind::Intensifier, tokens: s - 2..s, strength: 1.0 });
        }
    }
    out.extend(superlatives);
    out.extend(scare_quotes(tokens, attribution));
    // Weak scalar and modal words alone place a fact on a scale or in time ("just £2m", "only
    // two nights", "would carry", « a même constitué un dossier »): no cue without another one.
    if out.iter().all(is_weak) {
        out.clear();
    }

    for aside in &attribution.asides {
        if attribution.quotes.iter().any(|q| q.contains(&aside.start)) {
            continue;
        }
        let causal = matches.iter().any(|m| aside.contains(&m.start) && m.value(Entry::Cause).is_some() && m.start <= aside.start + 2);
        let judging: f32 = out.iter().filter(|c| aside.contains(&c.tokens.start) && c.kind != CueKind::Evaluative || aside.contains(&c.tokens.start) && c.strength >= 0.7).map(|c| c.strength).sum();
        let punct = tokens[aside.clone()].iter().any(|t| t.norm == "!" || t.norm == "?");
        if causal || judging > 0.0 || punct {
            out.push(CueHit { kind: CueKind::MotiveAside, tokens: aside.clone(), strength: 1.0 + judging.min(2.0) + if causal { 1.0 } else { 0.0 } });
        }
    }

    for (i, t) in tokens.iter().enumerate() {
        if t.is_word() || !own(i) {
            continue;
        }
        match t.norm.as_str() {
            "!" => out.push(CueHit { kind: CueKind::Exclamation, tokens: i..i + 1, strength: 1.0 }),
            "?" => {
                let start = (0..i).rev().find(|&j| matches!(tokens[j].norm.as_str(), "." | ";" | "!" | "?" | "»" | "”")).map_or(0, |j| j + 1);
                if (start..i).all(|j| !attribution.reported.get(j).copied().unwrap_or(false)) {
                    out.push(CueHit { kind: CueKind::RhetoricalQuestion, tokens: start..i + 1, strength: 1.0 });
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether the word at `i` is the quantity of a "how many / how much / how long" question
/// (English "how", German "wie" before it): it asks for a number and judges nothing.
fn asks_quantity(tokens: &[Token], i: usize) -> bool {
    i > 0
        && matches!(tokens[i - 1].norm.as_str(), "how" | "wie")
        && matches!(tokens[i].norm.as_str(), "many" | "much" | "few" | "little" | "long" | "far" | "often" | "viele" | "viel" | "wenige" | "lange" | "oft" | "weit")
}

/// Per token: whether it sits inside quotation marks (marks included), reported or not.
fn quoted_tokens(n: usize, attribution: &Attribution) -> Vec<bool> {
    let mut quoted = vec![false; n];
    for q in &attribution.quotes {
        for slot in &mut quoted[q.start.min(n)..q.end.min(n)] {
            *slot = true;
        }
    }
    quoted
}

/// Below this strength an intensifier, hedge, speculation or stance word is weak: a scale
/// ("just", "only", même), a plain modal ("would", "could", « serait ») or a repeat ("once
/// again", « une fois de plus »).
pub const WEAK: f32 = 0.5;

/// Whether a lexicon match holds only weak scalar, modal, repetition or stance entries (below
/// [`WEAK`]): such words act through the cue features alone, which need another cue beside
/// them, and never through the n-grams ("would", "once again", « une fois de plus »).
pub fn is_weak_entry(entries: &[(Entry, f32)]) -> bool {
    !entries.is_empty() && entries.iter().all(|&(e, s)| matches!(e, Entry::Intensifier | Entry::Hedge | Entry::Speculation | Entry::StanceAdverb) && s < WEAK)
}

/// Whether a cue is a weak scalar, modal or repetition word ("just", "would", "once again"),
/// which counts only beside another cue.
pub fn is_weak(cue: &CueHit) -> bool {
    matches!(cue.kind, CueKind::Intensifier | CueKind::Hedge | CueKind::Speculation | CueKind::StanceAdverb) && cue.strength < WEAK
}

/// "more interested in X than Y" / « plus soucieux de X que de Y »: the writer weighs someone's
/// priorities. A loaded cue spanning the comparison up to "than"/« que », when both are the
/// writer's words and "than" comes within twelve tokens.
fn preference(tokens: &[Token], m: &Match, own: &dyn Fn(usize) -> bool) -> Option<CueHit> {
    m.value(Entry::Preference)?;
    let from = m.start + m.len;
    let than = (from..tokens.len().min(from + 12)).find(|&j| matches!(tokens[j].norm.as_str(), "than" | "que" | "qu'"))?;
    (m.start..=than).all(own).then(|| CueHit { kind: CueKind::Loaded, tokens: m.start..than + 1, strength: 1.0 })
}

/// Whether the first-person-looking token at `i` is a title before a name (« Me Dupont »,
/// maître), not the writer.
fn is_title(tokens: &[Token], i: usize) -> bool {
    tokens[i].capitalized && tokens[i].norm == "me" && tokens.get(i + 1).is_some_and(|t| t.is_word() && t.capitalized)
}

/// Scare quotes: a quotation of at most three words, the first in lower case, that no frame
/// reports ("the minister's \"reform\"", « la "réforme" »): the writer keeps the words at a
/// distance. A sarcasm cue over the quotation, marks included.
fn scare_quotes(tokens: &[Token], attribution: &Attribution) -> Vec<CueHit> {
    if attribution.is_attributed() {
        return Vec::new();
    }
    attribution
        .quotes
        .iter()
        .filter(|q| q.end - q.start >= 3 && !attribution.reported.get(q.start).copied().unwrap_or(false))
        .filter(|q| {
            let words: Vec<&Token> = tokens[q.start..q.end].iter().filter(|t| t.is_word()).collect();
            (1..=3).contains(&words.len()) && !words[0].capitalized && !words.iter().any(|t| t.numeric)
        })
        .map(|q| CueHit { kind: CueKind::Sarcasm, tokens: q.clone(), strength: 1.0 })
        .collect()
}

/// "le plus", "la moins", "the most", "the least"… before an adjective.
fn is_superlative_marker(determiner: &str, degree: &str) -> bool {
    matches!(determiner, "le" | "la" | "les" | "l'" | "the" | "il" | "lo" | "der" | "die" | "das") && matches!(degree, "plus" | "moins" | "most" | "least" | "più" | "meno")
}
