//! Re-anchoring stored notes on the page as it is now, the way Hypothesis does: the exact quote
//! (its context picks among repeats), then the stored position if the text there still matches,
//! then an approximate match of the quote scored with its context and distance from where it
//! was. A note that cannot be placed comes back as an orphan, never dropped.
//!
//! Cost is bounded for big pages: all exact quotes are found in one pass over the text, and the
//! approximate search only runs on windows around the old position and around places where
//! pieces of the quote still occur exactly (the whole text only when it is small).

use super::exact::find_all;
use super::fold::{fold_trimmed, Folded};
use super::myers::{best_distance, search};
use super::note::Note;
use super::page_text::{page_text, PageText};
use super::quote_selector;
use crate::report::{TextPositionSelector, TextQuoteSelector};
use crate::snapshot::text::DomRange;
use crate::snapshot::Snapshot;
use serde::{Deserialize, Serialize};

/// How a note found its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The quote occurs as it was.
    Exact,
    /// The text at the stored position still reads as the quote (white space aside).
    Position,
    /// An approximate match of the quote, scored with its context.
    Fuzzy,
}

/// Where a note sits now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    /// The passage in the live page.
    pub range: DomRange,
    /// Its offsets in the current page text.
    pub position: TextPositionSelector,
    /// Its current quote and context (to refresh the stored note).
    pub quote: TextQuoteSelector,
    /// How it was found.
    pub method: Method,
    /// Confidence in [0, 1]: 1 for a unique exact quote.
    pub score: f32,
}

/// The outcome for one note: an anchor, or `None` for an orphan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Anchored {
    /// The note's id.
    pub note_id: String,
    /// Where it is now; `None` when it could not be placed (an orphan, still kept).
    pub anchor: Option<Anchor>,
}

/// Most exact occurrences of one quote looked at.
const MAX_OCCURRENCES: usize = 4096;
/// Approximate matches need at least this score (see [`score_match`]). Hypothesis takes any
/// match within the error budget; on random edits (tests/anchor.rs, 1500 pages) 0.65 kept every
/// surviving note (as 0.5 did) while notes whose passage was cut landed on other text 2% of the
/// time instead of 14%.
const MIN_FUZZY_SCORE: f32 = 0.65;
/// Whole-text approximate search only while `text length × pattern blocks` stays below this.
const FULL_SCAN_BUDGET: usize = 1 << 18;
/// Length of the quote pieces searched exactly to find where a changed quote went.
const PIECE: usize = 8;
/// Most pieces per quote, and most hits per piece (commoner pieces say nothing).
const MAX_PIECES: usize = 16;
const MAX_PIECE_HITS: usize = 64;
/// Most candidate windows (besides the old position's) per quote.
const MAX_WINDOWS: usize = 8;

/// A found place: page offsets, how, and the score.
type Place = (u32, u32, Method, f32);

/// Re-anchors notes on a snapshot: one [`Anchored`] per note, in the same order.
pub fn reanchor(snapshot: &Snapshot, notes: &[Note]) -> Vec<Anchored> {
    reanchor_in(&page_text(snapshot), notes)
}

/// Re-anchors notes on an already computed page text.
pub fn reanchor_in(text: &PageText, notes: &[Note]) -> Vec<Anchored> {
    let quotes: Vec<Vec<u16>> = notes.iter().map(|n| n.target.quote.exact.encode_utf16().collect()).collect();
    let occurrences = find_all(text.units(), &quotes, MAX_OCCURRENCES);
    let mut found: Vec<Option<Place>> = vec![None; notes.len()];
    let mut pending = Vec::new();
    for (i, note) in notes.iter().enumerate() {
        let hint = note.target.position.map(|p| p.start as usize);
        let context = Context::of(note, false);
        let units = text.units();
        if !occurrences[i].is_empty() {
            let len = quotes[i].len();
            let best = occurrences[i]
                .iter()
                .map(|&at| (at, score_match(units, at, at + len, 0, len, &context, hint)))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((at, score)) = best {
                let score = if occurrences[i].len() == 1 { 1.0 } else { score };
                found[i] = Some((at as u32, (at + len) as u32, Method::Exact, score));
            }
        } else if let Some(p) = note.target.position.filter(|p| p.start < p.end && p.end <= text.len()) {
            let here = fold_trimmed(&units[p.start as usize..p.end as usize]);
            if !here.is_empty() && here == fold_trimmed(&quotes[i]) {
                found[i] = Some((p.start, p.end, Method::Position, 1.0));
            } else {
                pending.push(i);
            }
        } else if !quotes[i].is_empty() {
            pending.push(i);
        }
    }
    if !pending.is_empty() {
        let folded = Folded::new(text.units());
        for (i, place) in fuzzy(&folded, notes, &pending) {
            found[i] = place;
        }
    }
    notes
        .iter()
        .zip(found)
        .map(|(note, place)| Anchored {
            note_id: note.id.clone(),
            anchor: place.and_then(|(start, end, method, score)| {
                let (start, end) = text.snap_to_chars(start, end);
                Some(Anchor {
                    range: text.range(start, end)?,
                    position: TextPositionSelector { start, end },
                    quote: quote_selector(text, start, end),
                    method,
                    score,
                })
            }),
        })
        .collect()
}

/// A quote's context, folded or not, and where it was.
struct Context {
    prefix: Vec<u16>,
    suffix: Vec<u16>,
}

impl Context {
    fn of(note: &Note, fold: bool) -> Context {
        let q = &note.target.quote;
        let units = |s: &str| -> Vec<u16> {
            let u: Vec<u16> = s.encode_utf16().collect();
            if fold { Folded::new(&u).units } else { u }
        };
        Context { prefix: units(&q.prefix), suffix: units(&q.suffix) }
    }
}

/// Hypothesis's score for a candidate `text[start..end]` with `errors` edits from a quote of
/// `quote_len` units: quote 50, prefix 20, suffix 20, closeness to the old position 2,
/// normalised to [0, 1]. A missing prefix or suffix counts as matching.
fn score_match(text: &[u16], start: usize, end: usize, errors: usize, quote_len: usize, context: &Context, hint: Option<usize>) -> f32 {
    let side = |slice: &[u16], pattern: &[u16]| -> f32 {
        if pattern.is_empty() {
            1.0
        } else if slice.is_empty() {
            0.0
        } else {
            1.0 - best_distance(slice, pattern) as f32 / pattern.len() as f32
        }
    };
    let quote = 1.0 - errors as f32 / quote_len.max(1) as f32;
    let prefix = side(&text[start.saturating_sub(context.prefix.len())..start], &context.prefix);
    let suffix = side(&text[end..(end + context.suffix.len()).min(text.len())], &context.suffix);
    // A stored position past the end of a shorter page must not push the score below 0.
    let position = hint.map_or(1.0, |h| 1.0 - (start.abs_diff(h) as f32 / text.len().max(1) as f32)).clamp(0.0, 1.0);
    ((50.0 * quote + 20.0 * prefix + 20.0 * suffix + 2.0 * position) / 92.0).clamp(0.0, 1.0)
}

/// Approximate matches for the notes at `pending`, on the folded text.
fn fuzzy(folded: &Folded, notes: &[Note], pending: &[usize]) -> Vec<(usize, Option<Place>)> {
    let text = &folded.units;
    let quotes: Vec<Vec<u16>> = pending.iter().map(|&i| fold_trimmed(&notes[i].target.quote.exact.encode_utf16().collect::<Vec<_>>())).collect();
    // One exact pass for every folded quote and every piece of every quote.
    let mut patterns: Vec<Vec<u16>> = quotes.clone();
    let mut pieces: Vec<Vec<(usize, usize)>> = Vec::new(); // per quote: (pattern index, offset in quote)
    for q in &quotes {
        let count = if q.len() < PIECE { 0 } else { (q.len() / PIECE).clamp(1, MAX_PIECES) };
        let step = if count > 1 { (q.len() - PIECE) / (count - 1) } else { 0 };
        pieces.push(
            (0..count)
                .map(|k| {
                    patterns.push(q[k * step..k * step + PIECE].to_vec());
                    (patterns.len() - 1, k * step)
                })
                .collect(),
        );
    }
    let hits = find_all(text, &patterns, MAX_PIECE_HITS);
    pending
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let quote = &quotes[k];
            if quote.is_empty() {
                return (i, None);
            }
            let context = Context::of(&notes[i], true);
            let hint = notes[i].target.position.map(|p| folded.index_of(p.start));
            let mut candidates: Vec<(usize, usize, usize)> = hits[k].iter().take(MAX_OCCURRENCES).map(|&at| (at, at + quote.len(), 0)).collect();
            if candidates.is_empty() {
                let max_errors = (quote.len() / 2).min(256);
                for (from, to) in windows(text.len(), quote.len(), max_errors, hint, &pieces[k], &hits) {
                    candidates.extend(search(&text[from..to], quote, max_errors).into_iter().map(|m| (from + m.start, from + m.end, m.errors)));
                }
            }
            let best = candidates
                .into_iter()
                .filter(|&(s, e, _)| s < e)
                .map(|(s, e, errors)| (s, e, score_match(text, s, e, errors, quote.len(), &context, hint)))
                .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
                .filter(|&(_, _, score)| score >= MIN_FUZZY_SCORE)
                .map(|(s, e, score)| {
                    let (start, end) = folded.original_range(s, e);
                    (start, end, Method::Fuzzy, score)
                });
            (i, best)
        })
        .collect()
}

/// The stretches of folded text where a changed quote may be: all of it when small, else
/// around the old position and where pieces of the quote still occur; merged and sorted.
fn windows(len: usize, quote_len: usize, max_errors: usize, hint: Option<usize>, pieces: &[(usize, usize)], hits: &[Vec<usize>]) -> Vec<(usize, usize)> {
    if len * quote_len.div_ceil(64) <= FULL_SCAN_BUDGET {
        return vec![(0, len)];
    }
    let reach = quote_len + max_errors + PIECE;
    let mut spans = Vec::new();
    if let Some(h) = hint {
        let slack = 2 * quote_len + 512;
        spans.push((h.saturating_sub(slack), (h + slack + quote_len).min(len)));
    }
    // Starts implied by each piece hit, voted for in buckets of the quote's length.
    let mut starts: Vec<usize> = Vec::new();
    for &(pattern, offset) in pieces {
        if hits[pattern].len() <= MAX_PIECE_HITS {
            starts.extend(hits[pattern].iter().map(|&at| at.saturating_sub(offset)));
        }
    }
    crate::sorting::sort(&mut starts);
    let mut clusters: Vec<(usize, usize, usize)> = Vec::new(); // (votes, first start, last start)
    for s in starts {
        match clusters.last_mut() {
            Some(c) if s - c.2 <= quote_len => {
                c.0 += 1;
                c.2 = s;
            }
            _ => clusters.push((1, s, s)),
        }
    }
    crate::sorting::sort_by(&mut clusters, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, first, last) in clusters.iter().take(MAX_WINDOWS) {
        spans.push((first.saturating_sub(reach), (last + reach).min(len)));
    }
    crate::sorting::sort(&mut spans);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (from, to) in spans {
        match merged.last_mut() {
            Some(m) if from <= m.1 => m.1 = m.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}
