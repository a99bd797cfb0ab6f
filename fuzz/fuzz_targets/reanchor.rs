//! Stored notes (random quotes, contexts and positions, some cut from the page itself) →
//! `anchor::reanchor` on a random page: never panics, one outcome per note in order, and every
//! anchor is coherent (offsets inside the page text, its quote is the text there, its DOM range
//! points at text nodes and maps back to the same offsets, an exact quote is always found).
#![no_main]

use glose::anchor::{page_text, reanchor, Method, Note, NoteTarget};
use glose::report::{TextPositionSelector, TextQuoteSelector};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/hostile/invariants.rs"]
mod invariants;

#[derive(Arbitrary, Debug)]
struct Input {
    page: String,
    notes: Vec<FuzzNote>,
}

#[derive(Arbitrary, Debug)]
struct FuzzNote {
    exact: String,
    prefix: String,
    suffix: String,
    position: Option<(u32, u32)>,
    /// Take the quote from the page text itself (start, length), then apply `edit`.
    from_page: Option<(u16, u8)>,
    edit: Option<(u8, char)>,
}

fuzz_target!(|input: Input| {
    let snapshot = glose::read_html::parse_html(&input.page);
    let text = page_text(&snapshot);
    let units = text.len();
    let notes: Vec<Note> = input
        .notes
        .iter()
        .take(32)
        .enumerate()
        .map(|(i, n)| {
            let mut quote = TextQuoteSelector { exact: n.exact.clone(), prefix: n.prefix.clone(), suffix: n.suffix.clone() };
            if let (Some((start, len)), true) = (n.from_page, units > 0) {
                let start = start as u32 % units;
                let end = (start + len as u32).min(units);
                quote = glose::anchor::quote_selector(&text, start, end);
                if let Some((at, c)) = n.edit {
                    let mut chars: Vec<char> = quote.exact.chars().collect();
                    let at = at as usize % (chars.len() + 1);
                    chars.insert(at, c);
                    quote.exact = chars.into_iter().collect();
                }
            }
            Note {
                id: format!("n{i}"),
                created: String::new(),
                modified: String::new(),
                body: String::new(),
                tags: Vec::new(),
                motivation: Default::default(),
                target: NoteTarget { quote, position: n.position.map(|(start, end)| TextPositionSelector { start, end }) },
            }
        })
        .collect();
    let placed = reanchor(&snapshot, &notes);
    assert_eq!(placed.len(), notes.len());
    let page = text.text();
    for (note, outcome) in notes.iter().zip(&placed) {
        assert_eq!(outcome.note_id, note.id);
        let exact = &note.target.quote.exact;
        let Some(anchor) = &outcome.anchor else {
            assert!(exact.is_empty() || !page.contains(exact.as_str()), "exact quote {exact:?} not placed");
            continue;
        };
        let p = anchor.position;
        assert!(p.start <= p.end && p.end <= units, "position {p:?} outside {units} units");
        assert_eq!(anchor.quote.exact, text.slice(p.start, p.end));
        assert!((0.0..=1.0).contains(&anchor.score), "score {}", anchor.score);
        if anchor.method == Method::Exact {
            assert_eq!(&anchor.quote.exact, exact);
        }
        let broken = invariants::range_violations(&snapshot, &anchor.range, "anchor");
        assert!(broken.is_empty(), "{broken:#?}");
        if p.start < p.end {
            assert_eq!(text.offsets_of(&anchor.range), Some((p.start, p.end)), "range {:?}", anchor.range);
        }
    }
});
