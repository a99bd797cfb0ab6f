//! Anchoring: W3C selectors for passages, and re-anchoring stored notes on a changed page.
//!
//! Offsets count UTF-16 code units in the page text ([`page_text`]); quotes carry up to
//! [`CONTEXT_LEN`] units of context either side. The extension creates a note's selectors with
//! [`describe`] (from the snapshot ids of a selection's text nodes) and places stored notes with
//! [`reanchor`].

mod exact;
mod fold;
internal_mods! {
    /// Myers' bit-parallel approximate search.
    myers;
}
pub mod note;
mod page_text;
mod reanchor;

pub use note::{Motivation, Note, NoteTarget};
pub use page_text::{page_text, PageText};
use page_text::{NodeTexts, Quotable};
pub use reanchor::{reanchor, reanchor_in, Anchor, Anchored, Method};

use crate::report::{Selectors, Sentence, TextPositionSelector, TextQuoteSelector};
use crate::snapshot::text::DomRange;
use crate::snapshot::Snapshot;

/// Context kept before and after a quote, in UTF-16 code units (fewer at the text's ends, or
/// one fewer rather than split a surrogate pair).
pub const CONTEXT_LEN: u32 = 32;

/// The TextQuoteSelector of page offsets `start..end`: the passage and its context.
pub fn quote_selector(mut text: &PageText, start: u32, end: u32) -> TextQuoteSelector {
    quote_of(&mut text, start, end)
}

/// [`quote_selector`] over any [`Quotable`] text; its slices are cut in page order (prefix,
/// passage, suffix).
fn quote_of(text: &mut impl Quotable, start: u32, end: u32) -> TextQuoteSelector {
    let mut before = start.saturating_sub(CONTEXT_LEN);
    if text.is_low(before) {
        before += 1;
    }
    let prefix = text.slice(before, start);
    let exact = text.slice(start, end);
    let mut after = end.saturating_add(CONTEXT_LEN).min(text.unit_len());
    if text.is_low(after) {
        after -= 1;
    }
    TextQuoteSelector { exact, prefix, suffix: text.slice(end, after) }
}

/// Both selectors of page offsets `start..end`.
pub fn selectors_at(text: &PageText, start: u32, end: u32) -> Selectors {
    Selectors { quote: quote_selector(text, start, end), position: TextPositionSelector { start, end } }
}

/// The selectors of a range of snapshot text nodes (e.g. the reader's selection), `None` when an
/// end point is not in the page text (see [`page_text`]) or the range runs backwards.
pub fn describe(snapshot: &Snapshot, range: &DomRange) -> Option<Selectors> {
    let text = page_text(snapshot);
    let (start, end) = text.offsets_of(range)?;
    Some(selectors_at(&text, start, end))
}

/// Gives each sentence its TextQuote/TextPosition selectors over the page text, from its anchor
/// (sentences without an anchor keep `selector: None`).
pub fn add_selectors(snapshot: &Snapshot, sentences: &mut [Sentence]) {
    if sentences.iter().all(|s| s.anchor.is_none()) {
        return;
    }
    let last = sentences.iter().filter_map(|s| s.anchor).map(|range| range.start.node.max(range.end.node)).max().unwrap_or(0);
    let mut text = NodeTexts::up_to(snapshot, last);
    for sentence in sentences {
        sentence.selector = sentence
            .anchor
            .and_then(|range| text.offsets_of(&range))
            .map(|(start, end)| text.selectors_at(start, end));
    }
}
