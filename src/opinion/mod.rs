//! Editorial-opinion detection: tells the writer's own voice from attributed opinion and facts.
//!
//! Each sentence is tokenised ([`tokens`]), matched against per-language word lists
//! ([`lexicons`]), split into reported words and the writer's own words ([`attribution`]);
//! the writer's own words give cues ([`cues`]) and features ([`features`]) that a compiled-in
//! logistic model ([`model`]) scores. A sentence is `editorial` when the model's calibrated
//! probability reaches 0.5, else `attributed` when it reports someone, else `factual`.

pub mod attribution;
pub mod encoder;
pub mod cues;
pub mod features;
pub mod lexicons;
pub mod model;
pub mod refine;
pub mod tokens;

use crate::report::{Cue, Label};
use cues::CueKind;
use features::Analysis;

/// The verdict on one sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Classification {
    /// editorial, attributed or factual.
    pub label: Label,
    /// How strongly the sentence carries the writer's own opinion, in [0, 1].
    pub score: f32,
    /// Why (offsets in the sentence, chars).
    pub cues: Vec<Cue>,
    /// Who is quoted, for attributed sentences.
    pub source: Option<String>,
}

#[cfg(any(test, feature = "internals"))]
/// Classifies an article's sentences in order. Context flows forward: "the company" or "il" as a
/// source resolves to the last source named by its name.
pub fn classify_sentences(sentences: &[&str], lang: &str) -> Vec<Classification> {
    classify_sentences_quoted(sentences, &[], lang)
}

#[cfg(any(test, feature = "internals"))]
/// [`classify_sentences`], knowing which sentences sit in a block quotation or an embedded post
/// (`quoted[i]`, from the article's `quote` blocks: blockquote, tweet; missing entries are
/// `false`). Every word of such a sentence is its author's, never the writer's: it is
/// `attributed`, with a source only when one is named in it.
pub fn classify_sentences_quoted(sentences: &[&str], quoted: &[bool], lang: &str) -> Vec<Classification> {
    classify_sentences_embedded(sentences, quoted, &[], lang)
}

/// [`classify_sentences_quoted`] with the sentences' embeddings (`embeddings[i]`, from the
/// sentence encoder; missing entries or `None` leave that sentence to the fast model): the
/// encoder head ([`refine`]) then decides the score from the embedding and the fast model's
/// evidence. The rules stay: block quotations are their authors', and an editorial flag shows
/// a reason in the writer's own words or is not made.
pub fn classify_sentences_embedded(sentences: &[&str], quoted: &[bool], embeddings: &[Option<refine::Embedding>], lang: &str) -> Vec<Classification> {
    let lang = lexicons::primary_subtag(lang);
    let model = model::shipped();
    let head = if embeddings.iter().any(Option::is_some) { Some(refine::shipped()) } else { None };
    let mut last_named: Option<String> = None;
    // Token strings of the sentence before, reused by the next one.
    let mut spare: Vec<String> = Vec::new();
    sentences
        .iter()
        .enumerate()
        .map(|(i, sentence)| {
            if sentence.trim().is_empty() {
                return Classification::default();
            }
            let in_quote = quoted.get(i).copied().unwrap_or(false);
            let analysis = features::analyse_placed(sentence, &lang, &mut spare, in_quote);
            let embedding = embeddings.get(i).and_then(Option::as_ref).filter(|_| refine::covers(sentence));
            let logit = match (head, embedding) {
                (Some(head), Some(embedding)) => {
                    let refined = head.logit(&embedding.vector, model.evidence_logit(&analysis, &lang), &lang);
                    // Loaded words, sarcasm, motive asides and stance adverbs ("predictably",
                    // "absurdly") of the writer's own are rare in training text but unambiguous
                    // in news (the fast model's weights for them are hand-set floors or priors,
                    // see MODEL.md); the head may raise such a line, not lower it below the fast
                    // model. Weak words (strength below 1) are not among them.
                    if analysis.cues.iter().any(|c| c.strength >= 1.0 && matches!(c.kind, CueKind::Loaded | CueKind::Sarcasm | CueKind::MotiveAside | CueKind::StanceAdverb)) {
                        refined.max(model.logit(&analysis, &lang))
                    } else {
                        refined
                    }
                }
                _ => model.logit(&analysis, &lang),
            };
            // A block quotation or an embedded post is its author's words, never the writer's:
            // whatever its words weigh, it stays under the editorial threshold.
            let score = 1.0 / (1.0 + (-logit).exp());
            let score = if in_quote { score.min(UNFLAGGED_SCORE_CAP) } else { score };
            let source = resolve_source(sentence, &analysis, &mut last_named);
            let mut label = if in_quote { Label::Attributed } else { decide(score, &analysis) };
            let mut score = score;
            let mut cues = match label {
                Label::Editorial => editorial_cues(sentence, &analysis, model, &lang, embedding.map_or(&[][..], |e| &e.salient)),
                Label::Attributed => reporting_cues(sentence, &analysis),
                Label::Factual => Vec::new(),
            };
            // An editorial flag that can show no reason (no cue, no salient or learned word of
            // the writer's pushing it) is not made: the reader could not check it. Nor is one on a sentence
            // that reports someone when only learned wording speaks for it: the sentence's
            // opinion is then the source's (the encoder reads the reported words too), and the
            // writer's own words must carry a listed cue to make it the writer's.
            let reported_without_cue = analysis.attribution.is_attributed() && cues.iter().all(|c| c.kind == "wording");
            if label == Label::Editorial && (cues.is_empty() || reported_without_cue) {
                score = score.min(UNFLAGGED_SCORE_CAP);
                label = decide(score, &analysis);
                cues = if label == Label::Attributed { reporting_cues(sentence, &analysis) } else { Vec::new() };
            }
            tokens::recycle(analysis.tokens, &mut spare);
            // `CONTRACT.md`: the source is for attributed sentences only.
            let source = if label == Label::Attributed { source } else { None };
            Classification { label, score, cues, source }
        })
        .collect()
}

/// The highest score of a sentence that is not flagged although its words weigh more: a block
/// quotation or embedded post (not the writer's), or a line with no reason to show.
const UNFLAGGED_SCORE_CAP: f32 = 0.49;

/// The label from the model's score and the attribution found: `editorial` from 0.5, else
/// `attributed` when a frame reports someone, else `factual`.
fn decide(score: f32, analysis: &Analysis) -> Label {
    if score >= 0.5 {
        Label::Editorial
    } else if analysis.attribution.is_attributed() {
        Label::Attributed
    } else {
        Label::Factual
    }
}

/// The text of a token range, as written.
fn span_text(sentence: &str, analysis: &Analysis, range: &std::ops::Range<usize>) -> (u32, u32, String) {
    let start = analysis.tokens[range.start].start;
    let end = analysis.tokens[range.end - 1].end;
    (start as u32, end as u32, char_slice(sentence, start, end).to_owned())
}

/// The chars `start..end` of `sentence` (clamped to its end; empty when `end <= start`). In an
/// all-ASCII sentence chars are bytes: walking the chars from the start was ~2k instructions a cue.
fn char_slice(sentence: &str, start: usize, end: usize) -> &str {
    if end <= start {
        ""
    } else if sentence.is_ascii() {
        &sentence[start.min(sentence.len())..end.min(sentence.len())]
    } else {
        char_slice_walked(sentence, start, end)
    }
}

/// [`char_slice`] by walking the chars: byte offsets of the two char offsets, then one slice.
fn char_slice_walked(sentence: &str, start: usize, end: usize) -> &str {
    let mut offsets = sentence.char_indices();
    let from = offsets.nth(start).map_or(sentence.len(), |(b, _)| b);
    let to = offsets.nth(end - start - 1).map_or(sentence.len(), |(b, _)| b);
    &sentence[from..to]
}

fn resolve_source(sentence: &str, analysis: &Analysis, last_named: &mut Option<String>) -> Option<String> {
    let found = analysis.attribution.source.as_ref()?;
    if found.tokens.is_empty() {
        return last_named.clone();
    }
    let (_, _, text) = span_text(sentence, analysis, &found.tokens);
    let text = text.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let named = analysis.tokens[found.tokens.clone()].iter().any(|t| t.capitalized);
    // Only pronouns and generic descriptions ("the company", "le groupe américain") point back
    // to an earlier source; a frame that names its own source ("according to the harbour
    // master, …") keeps it.
    if found.generic || found.pronoun {
        return Some(last_named.clone().unwrap_or(text));
    }
    if named {
        *last_named = Some(text.clone());
    }
    Some(text)
}

/// The reasons of an editorial flag: its listed cues of the writer's own that weigh for it; else
/// the encoder's salient words (when the encoder decided), else the fast model's learned
/// wording (both of kind `wording`).
fn editorial_cues(sentence: &str, analysis: &Analysis, model: &model::Model, lang: &str, salient: &[(String, f32)]) -> Vec<Cue> {
    let calibration = model.calibration(lang);
    let unit = analysis.hashed.first().map_or(0.0, |(_, v)| *v);
    let mut totals = [0f32; CueKind::ALL.len()];
    for cue in &analysis.cues {
        if let Some(k) = cue.kind.dense_index() {
            totals[k] += cue.strength;
        }
    }
    // The cue-count feature's contribution is shared equally by the cues.
    let per_cue = model.dense[features::CUE_COUNT] * analysis.dense[features::CUE_COUNT] / analysis.cues.len().max(1) as f32;
    let mut out: Vec<Cue> = analysis
        .cues
        .iter()
        .map(|cue| {
            let dense = match cue.kind.dense_index() {
                Some(k) => model.dense[1 + k] * analysis.dense[1 + k] * cue.strength / totals[k].max(1e-6),
                None => cues::STANCE_ADVERB_PRIOR * cue.strength,
            };
            let words: f32 = analysis.tokens[cue.tokens.clone()]
                .iter()
                .filter(|t| t.is_word())
                .map(|t| model.hashed_weight(features::word_bucket(&t.norm)) * unit * calibration.ngram_factor)
                .sum();
            let (start, end, text) = span_text(sentence, analysis, &cue.tokens);
            Cue { kind: cue.kind.as_str().to_owned(), text, start, end, weight: Some(dense + words + per_cue), anchor: None }
        })
        .filter(|c| c.weight.unwrap_or(0.0) > 0.0)
        .collect();
    if out.is_empty() {
        out = salient_cues(sentence, analysis, salient, lang);
    }
    if out.is_empty() {
        out = wording_cues(sentence, analysis, model, unit * calibration.ngram_factor, lang);
    }
    crate::sorting::sort_by_key(&mut out, |c| (c.start, c.end));
    out
}

/// How many learned words explain an editorial sentence that holds no lexicon cue.
const WORDING_CUES: usize = 2;

/// The writer's own words whose learned weights pushed a sentence without lexicon cues over the
/// threshold (cue kind `wording`, the heaviest [`WORDING_CUES`]): every editorial flag shows
/// its reasons, even when the n-grams, not a listed word, decided it. Reported words, names,
/// numbers, function words and weak words (which the n-grams skip) are never among them.
fn wording_cues(sentence: &str, analysis: &Analysis, model: &model::Model, scale: f32, lang: &str) -> Vec<Cue> {
    let mut words: Vec<(f32, usize)> = analysis
        .tokens
        .iter()
        .enumerate()
        .filter(|&(i, _)| explains(analysis, i, lang))
        .map(|(i, t)| (model.hashed_weight(features::word_bucket(&t.norm)) * scale, i))
        .filter(|&(w, _)| w > 0.0)
        .collect();
    crate::sorting::sort_by(&mut words, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    words
        .into_iter()
        .take(WORDING_CUES)
        .map(|(w, i)| {
            let (start, end, text) = span_text(sentence, analysis, &(i..i + 1));
            Cue { kind: "wording".to_owned(), text, start, end, weight: Some(w), anchor: None }
        })
        .collect()
}

/// Whether token `i` is a word of the writer's own that a reader can take as a reason: not a
/// number, a weak word, a name (capitalised inside the sentence), a reported word or a function
/// word ("la", "de", "the").
fn explains(analysis: &Analysis, i: usize, lang: &str) -> bool {
    let t = &analysis.tokens[i];
    t.is_word()
        && !t.numeric
        && !t.weak
        && (!t.capitalized || i == 0)
        && !analysis.attribution.reported.get(i).copied().unwrap_or(false)
        && !is_function_word(&t.norm, lang)
}

/// Whether a token's text is a stop word of `lang`. Token texts are lower case, so an ASCII one
/// is its own fold: no String to fold it into.
fn is_function_word(norm: &str, lang: &str) -> bool {
    use crate::text::words::{fold, is_stop_word};
    if norm.is_ascii() {
        is_stop_word(lang, norm)
    } else {
        is_stop_word(lang, &fold(norm))
    }
}

/// The encoder's salient words (`refine::Embedding::salient`, strongest first) found among the
/// sentence's words that explain ([`explains`]), as cues of kind `wording` (at most
/// [`WORDING_CUES`], first occurrence of each).
fn salient_cues(sentence: &str, analysis: &Analysis, salient: &[(String, f32)], lang: &str) -> Vec<Cue> {
    use crate::text::words::fold;
    let mut out: Vec<Cue> = Vec::new();
    for (word, share) in salient {
        // The encoder's words run from space to space ("l'augmentation", "(très"): its longest
        // run of letters and digits is the word a token of ours matches.
        let folded = fold(word);
        let Some(key) = folded.split(|c: char| !(c.is_alphanumeric() || c == '-')).map(|w| w.trim_matches('-')).max_by_key(|w| w.chars().count()) else { continue };
        if key.is_empty() {
            continue;
        }
        let found = (0..analysis.tokens.len()).find(|&i| fold(&analysis.tokens[i].norm) == key && explains(analysis, i, lang));
        if let Some(i) = found {
            let (start, end, text) = span_text(sentence, analysis, &(i..i + 1));
            if !out.iter().any(|c| c.start == start) {
                out.push(Cue { kind: "wording".to_owned(), text, start, end, weight: Some(*share), anchor: None });
            }
        }
        if out.len() == WORDING_CUES {
            break;
        }
    }
    out
}

fn reporting_cues(sentence: &str, analysis: &Analysis) -> Vec<Cue> {
    let mut out = Vec::new();
    for frame in &analysis.attribution.frames {
        if frame.cue.is_empty() || frame.kind == attribution::FrameKind::Quotation {
            continue;
        }
        if frame.kind == attribution::FrameKind::BlockQuotation {
            let (start, end, text) = span_text(sentence, analysis, &frame.cue);
            out.push(Cue { kind: "quote".to_owned(), text, start, end, weight: None, anchor: None });
            continue;
        }
        let (start, end, text) = span_text(sentence, analysis, &frame.cue);
        out.push(Cue { kind: "reporting".to_owned(), text, start, end, weight: None, anchor: None });
    }
    for quote in &analysis.attribution.quotes {
        if analysis.attribution.reported.get(quote.start).copied().unwrap_or(false) {
            let (start, end, text) = span_text(sentence, analysis, quote);
            out.push(Cue { kind: "quote".to_owned(), text, start, end, weight: None, anchor: None });
        }
    }
    crate::sorting::sort_by_key(&mut out, |c| (c.start, c.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ASCII token text is its own fold (what lets `is_function_word` skip folding), on
    /// the sample pages' text.
    #[test]
    fn ascii_token_texts_are_folded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
        let mut seen = 0;
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) else { continue };
            for line in html.lines() {
                for t in tokens::tokenize(line).into_iter().filter(|t| t.norm.is_ascii()) {
                    assert_eq!(crate::text::words::fold(&t.norm), t.norm, "{line:?}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 1000, "too few tokens read under {}", root.display());
    }

    /// The ASCII fast path of `char_slice` gives the walked slice for every range, also past
    /// the end; non-ASCII sentences take the walk.
    #[test]
    fn char_slice_matches_the_walk() {
        for sentence in ["", "a", "The minister said: \"It's absurd.\"", "  x-y 10.5 (sadly)!  ", "L'été « déjà » fini."] {
            let n = sentence.chars().count();
            for start in 0..n + 3 {
                for end in 0..n + 3 {
                    let walked = if end <= start { "" } else { char_slice_walked(sentence, start, end) };
                    assert_eq!(char_slice(sentence, start, end), walked, "{sentence:?} {start}..{end}");
                }
            }
        }
    }
}
