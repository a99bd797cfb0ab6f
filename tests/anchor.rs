//! Anchoring: selectors of real pages, re-anchoring after each kind of edit, and a property test
//! over random pages, notes and edits that measures how many notes come back on the right text.

use glose::anchor::{self, Method, Motivation, Note, NoteTarget};
use glose::read_html::parse_html;
use glose::snapshot::{Snapshot, SnapshotBuilder};

fn note_on(html: &str, quote: &str, nth: usize) -> Note {
    let snapshot = parse_html(html);
    let text = anchor::page_text(&snapshot);
    let units: Vec<u16> = quote.encode_utf16().collect();
    let start = text.units().windows(units.len()).enumerate().filter(|(_, w)| *w == &units[..]).nth(nth).expect("quote on page").0 as u32;
    let range = text.range(start, start + units.len() as u32).unwrap();
    let selectors = anchor::describe(&snapshot, &range).unwrap();
    assert_eq!(selectors.quote.exact, quote);
    Note {
        id: format!("note-{quote}"),
        created: String::new(),
        modified: String::new(),
        body: "why?".into(),
        tags: vec![],
        motivation: Motivation::Commenting,
        target: NoteTarget { quote: selectors.quote, position: Some(selectors.position) },
    }
}

fn placed(html: &str, note: &Note) -> Option<(String, Method)> {
    let snapshot = parse_html(html);
    let found = anchor::reanchor(&snapshot, std::slice::from_ref(note)).remove(0);
    assert_eq!(found.note_id, note.id);
    found.anchor.map(|a| (anchor::page_text(&snapshot).slice(a.position.start, a.position.end), a.method))
}

const PAGE: &str = "<html><head><title>T</title><script type=application/ld+json>{\"a\":1}</script></head><body>\
<p>Le gouvernement a <em>enfin</em> présenté son plan.</p>\n<p>Le plan coûte cher. Le plan coûte cher, disent-ils.</p>\
<script>var x = 'Le plan coûte cher';</script></body></html>";

#[test]
fn selectors_come_from_the_body_text_in_utf16() {
    let note = note_on(PAGE, "enfin présenté", 0);
    assert_eq!(note.target.quote.prefix, "Le gouvernement a ");
    assert_eq!(note.target.quote.suffix, " son plan.\nLe plan coûte cher. L");
    assert_eq!(note.target.position.map(|p| (p.start, p.end)), Some((18, 32)));
    let emoji = "<body><p>😀😀 x 😀</p></body>";
    let n = note_on(emoji, "x", 0);
    assert_eq!(n.target.position.map(|p| p.start), Some(5));
}

#[test]
fn analysis_gives_sentences_selectors_that_match_their_text() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages/clubic-jedi/page.html"))
        .or_else(|_| std::fs::read_to_string("/work/shared/pages/clubic-jedi/page.html"))
        .unwrap();
    let snapshot = parse_html(&html);
    let report = glose::analyze(&snapshot, &Default::default());
    let text = anchor::page_text(&snapshot);
    assert!(!report.sentences.is_empty());
    for s in &report.sentences {
        let sel = s.selector.as_ref().expect("every anchored sentence has selectors");
        let exact = text.slice(sel.position.start, sel.position.end);
        assert_eq!(exact, sel.quote.exact);
        let collapsed: String = exact.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(collapsed, s.text);
    }
}

#[test]
fn repeated_quotes_are_told_apart_by_context() {
    let second = note_on(PAGE, "Le plan coûte cher", 1);
    let edited = PAGE.replace("<p>Le gouvernement", "<p>Nouveau paragraphe ajouté.</p><p>Le gouvernement");
    let snapshot = parse_html(&edited);
    let a = anchor::reanchor(&snapshot, &[second]).remove(0).anchor.unwrap();
    assert_eq!(a.method, Method::Exact);
    assert!(a.quote.suffix.starts_with(", disent-ils"), "{:?}", a.quote);
}

#[test]
fn each_kind_of_edit_keeps_the_note() {
    let note = note_on(PAGE, "enfin présenté son plan", 0);
    // Re-indented markup: white space changes inside the quote.
    let reflowed = PAGE.replace("<em>enfin</em> présenté", "<em>enfin</em>\n        présenté");
    assert_eq!(placed(&reflowed, &note).map(|p| p.1), Some(Method::Fuzzy));
    // A typo fixed inside the quote.
    let fixed = PAGE.replace("son plan", "sont plan");
    let (text, method) = placed(&fixed, &note).unwrap();
    assert_eq!((text.as_str(), method), ("enfin présenté sont plan", Method::Fuzzy));
    // The passage is gone: an orphan, still reported.
    let gone = PAGE.replace("<p>Le gouvernement a <em>enfin</em> présenté son plan.</p>", "");
    assert_eq!(placed(&gone, &note), None);
}

#[test]
fn position_is_used_when_only_white_space_changed_in_place() {
    let note = note_on(PAGE, "enfin présenté", 0);
    // Same length, a tab instead of a space: position still reads as the quote.
    let tabbed = PAGE.replace("</em> présenté", "</em>\tprésenté");
    assert_eq!(placed(&tabbed, &note), Some(("enfin\tprésenté".to_owned(), Method::Position)));
}

#[test]
fn empty_and_unplaceable_notes_are_orphans_not_errors() {
    let mut note = note_on(PAGE, "enfin", 0);
    note.target.quote.exact = String::new();
    assert_eq!(placed(PAGE, &note), None);
    note.target.quote.exact = "zzzz qqqq wwww".into();
    note.target.position = Some(glose::report::TextPositionSelector { start: 4_000_000, end: 4_000_010 });
    assert_eq!(placed(PAGE, &note), None);
    let empty = parse_html("");
    assert_eq!(anchor::reanchor(&empty, &[note]).len(), 1);
}

#[test]
fn scores_stay_within_zero_and_one_when_the_stored_position_is_far_off() {
    // Found by the reanchor fuzz target (fuzz/seeds/reanchor/negative-score).
    let page = parse_html("<body><p>&amp;&amp;</p></body>");
    let mut note = note_on("<body><p>&amp;&amp;</p></body>", "&", 0);
    note.target.quote.prefix = String::new();
    note.target.quote.suffix = String::new();
    note.target.position = Some(glose::report::TextPositionSelector { start: 173, end: 0 });
    for anchored in anchor::reanchor(&page, &[note]) {
        if let Some(found) = anchored.anchor {
            assert!((0.0..=1.0).contains(&found.score), "score {}", found.score);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Property test: random pages, random notes, random edits.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A char of the page and the identity of the original char it is (0 for inserted text).
type Cell = (char, u32);

fn word(rng: &mut Rng) -> String {
    const SYLLABLES: &[&str] = &["la", "re", "mi", "so", "tan", "per", "é", "qu", "ost", "ri", "ne", "da", "vo", "ün", "ka", "z😀"];
    let n = 1 + rng.below(3);
    (0..n)
        .map(|_| {
            let choices = SYLLABLES.len() - if rng.chance(97) { 1 } else { 0 };
            SYLLABLES[rng.below(choices)]
        })
        .collect()
}

fn sentence(rng: &mut Rng) -> String {
    let n = 4 + rng.below(14);
    let mut s: Vec<String> = (0..n).map(|_| word(rng)).collect();
    let first = s[0].chars().next().unwrap();
    s[0] = first.to_uppercase().collect::<String>() + &s[0][first.len_utf8()..];
    s.join(" ") + "."
}

fn paragraph(rng: &mut Rng, next_id: &mut u32) -> Vec<Cell> {
    let n = 1 + rng.below(5);
    let text = (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ");
    text.chars()
        .map(|c| {
            *next_id += 1;
            (c, *next_id)
        })
        .collect()
}

/// The page as a snapshot (paragraphs split into text nodes at random, some inside `<em>`), and
/// for each UTF-16 unit of its page text the identity of its char.
fn render(rng: &mut Rng, paragraphs: &[Vec<Cell>]) -> (Snapshot, Vec<u32>) {
    let mut b = SnapshotBuilder::new();
    let html = b.element(0, "html", []);
    let body = b.element(html, "body", []);
    let mut ids = Vec::new();
    let mut push = |b: &mut SnapshotBuilder, parent, cells: &[Cell]| {
        let s: String = cells.iter().map(|c| c.0).collect();
        b.text(parent, &s);
        for &(c, id) in cells {
            ids.extend(std::iter::repeat_n(id, c.len_utf16()));
        }
    };
    for p in paragraphs {
        push(&mut b, body, &[('\n', 0), (' ', 0), (' ', 0)]);
        let el = b.element(body, "p", []);
        let mut at = 0;
        while at < p.len() {
            let len = (1 + rng.below(60)).min(p.len() - at);
            if rng.chance(30) {
                let em = b.element(el, "em", []);
                push(&mut b, em, &p[at..at + len]);
            } else {
                push(&mut b, el, &p[at..at + len]);
            }
            at += len;
        }
    }
    (b.finish().unwrap(), ids)
}

/// The note's original chars: the identities of its first and last non-space chars.
struct Truth {
    first: u32,
    last: u32,
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Where (paragraph, index) a char identity is now.
fn find_cell(paragraphs: &[Vec<Cell>], id: u32) -> Option<(usize, usize)> {
    paragraphs.iter().enumerate().find_map(|(p, cells)| cells.iter().position(|c| c.1 == id).map(|i| (p, i)))
}

fn protected(paragraphs: &[Vec<Cell>], truths: &[Truth], p: usize, i: usize) -> bool {
    truths.iter().any(|t| {
        let (Some((pf, f)), Some((pl, l))) = (find_cell(paragraphs, t.first), find_cell(paragraphs, t.last)) else { return false };
        pf == p && pl == p && (f..=l).contains(&i)
    })
}

/// A position in a paragraph, next to a note boundary half the time.
fn edit_point(rng: &mut Rng, paragraphs: &[Vec<Cell>], truths: &[Truth]) -> (usize, usize) {
    if rng.chance(50) && !truths.is_empty() {
        let t = &truths[rng.below(truths.len())];
        let id = if rng.chance(50) { t.first } else { t.last };
        if let Some((p, i)) = find_cell(paragraphs, id) {
            let shift = rng.below(20);
            let i = if rng.chance(50) { i.saturating_sub(shift) } else { (i + shift).min(paragraphs[p].len()) };
            return (p, i);
        }
    }
    let p = rng.below(paragraphs.len());
    (p, rng.below(paragraphs[p].len() + 1))
}

fn edit(rng: &mut Rng, paragraphs: &mut Vec<Vec<Cell>>, truths: &[Truth], counts: &mut [usize; 6]) {
    let kind = rng.below(6);
    counts[kind] += 1;
    match kind {
        // Insert words (never inside a note's quote: that would change what it says).
        0 | 1 => {
            let (p, mut i) = edit_point(rng, paragraphs, truths);
            while i > 0 && i < paragraphs[p].len() && protected(paragraphs, truths, p, i) && protected(paragraphs, truths, p, i - 1) {
                i -= 1;
            }
            let words: String = format!(" {} ", (0..1 + rng.below(12)).map(|_| word(rng)).collect::<Vec<_>>().join(" "));
            let cells: Vec<Cell> = words.chars().map(|c| (c, 0)).collect();
            paragraphs[p].splice(i..i, cells);
        }
        // Delete a span outside every quote.
        2 => {
            let (p, i) = edit_point(rng, paragraphs, truths);
            let len = 1 + rng.below(40);
            let end = (i + len).min(paragraphs[p].len());
            if (i..end).all(|k| !protected(paragraphs, truths, p, k)) {
                paragraphs[p].drain(i..end);
            }
        }
        // Move a paragraph elsewhere.
        3 => {
            let from = rng.below(paragraphs.len());
            let moved = paragraphs.remove(from);
            let to = rng.below(paragraphs.len() + 1);
            paragraphs.insert(to, moved);
        }
        // White space: a space becomes a line break and indentation, or doubled (anywhere,
        // quotes included).
        4 => {
            let (p, i) = edit_point(rng, paragraphs, truths);
            let spaces: Vec<usize> = paragraphs[p].iter().enumerate().filter(|(_, c)| c.0 == ' ').map(|(k, _)| k).collect();
            // Right to left, so that earlier indices stay valid while splicing.
            let near: Vec<usize> = spaces.into_iter().filter(|&k| k.abs_diff(i) < 30).take(3).collect();
            for &k in near.iter().rev() {
                let id = paragraphs[p][k].1;
                let new: Vec<Cell> = if rng.chance(50) { "\n        ".chars().map(|c| (c, id)).collect() } else { vec![(' ', id), (' ', 0)] };
                paragraphs[p].splice(k..k + 1, new);
            }
        }
        // A typo fixed inside a quote (interior char only).
        _ => {
            if truths.is_empty() || !rng.chance(50) {
                return;
            }
            let t = &truths[rng.below(truths.len())];
            if let (Some((p, f)), Some((pl, l))) = (find_cell(paragraphs, t.first), find_cell(paragraphs, t.last)) {
                if p == pl && l > f + 8 {
                    let k = f + 1 + rng.below(l - f - 1);
                    if !is_space(paragraphs[p][k].0) {
                        paragraphs[p][k].0 = if paragraphs[p][k].0 == 'x' { 'y' } else { 'x' };
                    }
                }
            }
        }
    }
}

#[derive(Default, Debug)]
struct Tally {
    notes: usize,
    right: usize,
    wrong: usize,
    orphans: usize,
    exact: usize,
    position: usize,
    fuzzy: usize,
    /// Notes whose passage was cut from the page.
    removed: usize,
    removed_orphans: usize,
    removed_same_words: usize,
}

fn run_case(seed: u64, tally: &mut Tally, edit_counts: &mut [usize; 6]) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut next_id = 0;
    let mut paragraphs: Vec<Vec<Cell>> = (0..3 + rng.below(25)).map(|_| paragraph(&mut rng, &mut next_id)).collect();
    // Boilerplate repeated on the page: a paragraph copied elsewhere (new identities).
    if rng.chance(30) {
        let copy: Vec<Cell> = paragraphs[rng.below(paragraphs.len())].iter().map(|c| (c.0, 0)).collect();
        let to = rng.below(paragraphs.len() + 1);
        paragraphs.insert(to, copy);
    }
    let (snapshot, ids) = render(&mut rng, &paragraphs);
    let text = anchor::page_text(&snapshot);
    let units = text.units();
    let mut notes = Vec::new();
    let mut truths = Vec::new();
    for n in 0..1 + rng.below(8) {
        // A selection inside one paragraph of original text, 3 to 150 units long.
        let start = rng.below(units.len());
        let len = 3 + rng.below(148);
        let end = (start + len).min(units.len());
        let (start, end) = text.snap_to_chars(start as u32, end as u32);
        let (start, end) = (start as usize, end as usize);
        let original = |k: usize| ids[k] != 0;
        if !(start..end).all(original) || (start..end).all(|k| char::from_u32(units[k] as u32).is_some_and(is_space)) {
            continue;
        }
        let visible: Vec<usize> = (start..end).filter(|&k| !char::from_u32(units[k] as u32).is_some_and(is_space)).collect();
        let (first, last) = (ids[visible[0]], ids[*visible.last().unwrap()]);
        let range = text.range(start as u32, end as u32).unwrap();
        let sel = anchor::describe(&snapshot, &range).unwrap();
        notes.push(Note {
            id: format!("{seed}-{n}"),
            created: String::new(),
            modified: String::new(),
            body: String::new(),
            tags: vec![],
            motivation: Motivation::Highlighting,
            target: NoteTarget { quote: sel.quote, position: Some(sel.position) },
        });
        truths.push(Truth { first, last });
    }
    for _ in 0..1 + rng.below(6) {
        edit(&mut rng, &mut paragraphs, &truths, edit_counts);
    }
    // Sometimes a noted paragraph is cut: its notes should become orphans.
    if rng.chance(15) && paragraphs.len() > 1 && !truths.is_empty() {
        if let Some((p, _)) = find_cell(&paragraphs, truths[rng.below(truths.len())].first) {
            paragraphs.remove(p);
        }
    }
    let (edited, ids) = render(&mut rng, &paragraphs);
    let found = anchor::reanchor(&edited, &notes);
    assert_eq!(found.len(), notes.len(), "no note is ever dropped");
    let text = anchor::page_text(&edited);
    for ((note, truth), anchored) in notes.iter().zip(&truths).zip(found) {
        assert_eq!(anchored.note_id, note.id);
        if find_cell(&paragraphs, truth.first).is_none() {
            // The passage is gone: an orphan is right, and so is the same words elsewhere.
            tally.removed += 1;
            let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            match &anchored.anchor {
                None => tally.removed_orphans += 1,
                Some(a) if fold(&a.quote.exact) == fold(&note.target.quote.exact) => tally.removed_same_words += 1,
                Some(a) => {
                    if std::env::var_os("GLOSE_ANCHOR_DEBUG").is_some() {
                        eprintln!("seed {seed}: removed {:?} placed on {:?} ({:.2})", note.target.quote.exact, a.quote.exact, a.score);
                    }
                }
            }
            continue;
        }
        tally.notes += 1;
        let Some(a) = anchored.anchor else {
            tally.orphans += 1;
            continue;
        };
        match a.method {
            Method::Exact => tally.exact += 1,
            Method::Position => tally.position += 1,
            Method::Fuzzy => tally.fuzzy += 1,
        }
        // Right text: the found range, white space trimmed, runs from the note's first to its
        // last original char.
        let units = text.units();
        let visible: Vec<usize> = (a.position.start as usize..a.position.end as usize)
            .filter(|&k| !char::from_u32(units[k] as u32).is_some_and(is_space))
            .collect();
        let right = !visible.is_empty() && ids[visible[0]] == truth.first && ids[*visible.last().unwrap()] == truth.last;
        if right {
            tally.right += 1;
        } else {
            tally.wrong += 1;
            if std::env::var_os("GLOSE_ANCHOR_DEBUG").is_some() {
                eprintln!("seed {seed}: {:?} -> {:?} ({:?}, {:.2})", note.target.quote.exact, a.quote.exact, a.method, a.score);
                let lo = a.position.start.saturating_sub(80);
                eprintln!("   page: {:?}", text.slice(lo, a.position.end + 80));
            }
        }
    }
}

#[test]
fn random_edits_keep_at_least_95_percent_of_notes_on_their_text() {
    let cases: u64 = std::env::var("GLOSE_ANCHOR_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400);
    let mut tally = Tally::default();
    let mut edits = [0usize; 6];
    for seed in 1..=cases {
        run_case(seed, &mut tally, &mut edits);
    }
    let rate = tally.right as f64 / tally.notes as f64;
    println!(
        "anchoring: {} notes on {cases} random pages, edits {edits:?} (insert, insert, delete, move, white space, typo): \
         {:.1}% right, {} wrong, {} orphans; exact {}, position {}, fuzzy {}",
        tally.notes,
        rate * 100.0,
        tally.wrong,
        tally.orphans,
        tally.exact,
        tally.position,
        tally.fuzzy
    );
    let misplaced = tally.removed - tally.removed_orphans - tally.removed_same_words;
    println!(
        "anchoring: {} notes whose paragraph was cut: {} orphans, {} on the same words elsewhere, {misplaced} placed on other text",
        tally.removed, tally.removed_orphans, tally.removed_same_words
    );
    assert!(tally.notes > cases as usize, "the generator makes notes");
    assert!(tally.removed > 0 && misplaced * 4 <= tally.removed, "{tally:?}");
    assert!(tally.fuzzy > 0 && tally.exact > 0, "both paths are exercised: {tally:?}");
    assert!(rate >= 0.95, "{tally:?}");
}
