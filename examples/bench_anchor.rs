//! Re-anchoring speed: 200 notes on a ~1 MB page, unchanged, with typos in 10% of the quotes,
//! and with every space of the page re-wrapped (every note needs the approximate search).
//!
//! `CARGO_PROFILE_RELEASE_LTO=false CARGO_TARGET_DIR=target/bench cargo run --release --example bench_anchor`

use glose::anchor::{self, Motivation, Note, NoteTarget};
use glose::snapshot::{Snapshot, SnapshotBuilder};
use std::time::Instant;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn page(paragraphs: &[String]) -> Snapshot {
    let mut b = SnapshotBuilder::new();
    let body = b.element(0, "body", []);
    for p in paragraphs {
        b.text(body, "\n  ");
        let el = b.element(body, "p", []);
        b.text(el, p);
    }
    b.finish().unwrap()
}

/// This thread's CPU time in ns (Linux), so that a machine shared with other builds does not
/// inflate the numbers; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let (start, cpu) = (Instant::now(), cpu_ns());
    for _ in 0..runs {
        out = f();
    }
    let wall = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    match (cpu, cpu_ns()) {
        (Some(a), Some(b)) => println!("{label}: {:.1} ms CPU ({wall:.1} ms wall)", (b - a) as f64 / 1e6 / runs as f64),
        _ => println!("{label}: {wall:.1} ms wall"),
    }
    out
}

fn main() {
    const WORDS: &[&str] = &["le", "président", "a", "annoncé", "un", "plan", "de", "relance", "pour", "l'économie", "qui", "selon",
        "ses", "opposants", "coûtera", "cher", "aux", "contribuables", "the", "minister", "said", "on", "Tuesday", "that",
        "budget", "would", "be", "cut", "by", "ten", "percent", "next", "year", "été", "Straße", "naïve"];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut paragraphs = Vec::new();
    let mut size = 0;
    while size < 1_000_000 {
        let n = 30 + rng.below(120);
        let p: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        let p = p.join(" ") + ".";
        size += p.len() + 3;
        paragraphs.push(p);
    }
    let snapshot = page(&paragraphs);
    let text = time("page_text (1 MB)", 10, || anchor::page_text(&snapshot));
    println!("page text: {} UTF-16 units, {} paragraphs", text.len(), paragraphs.len());
    let notes: Vec<Note> = (0..200)
        .map(|i| {
            let start = rng.below(text.len() as usize - 200) as u32;
            let sel = anchor::selectors_at(&text, start, start + 20 + rng.below(150) as u32);
            Note {
                id: format!("n{i}"),
                created: String::new(),
                modified: String::new(),
                body: String::new(),
                tags: vec![],
                motivation: Motivation::Highlighting,
                target: NoteTarget { quote: sel.quote, position: Some(sel.position) },
            }
        })
        .collect();
    let report = |label: &str, found: &[anchor::Anchored]| {
        let placed = found.iter().filter(|a| a.anchor.is_some()).count();
        let fuzzy = found.iter().filter(|a| a.anchor.as_ref().is_some_and(|a| a.method == anchor::Method::Fuzzy)).count();
        println!("  {label}: {placed}/200 placed, {fuzzy} fuzzy");
    };
    let found = time("reanchor 200 notes, unchanged page", 10, || anchor::reanchor(&snapshot, &notes));
    report("unchanged", &found);

    // A typo in 10% of the quotes: change one letter inside the quoted passage on the page.
    let mut typo = paragraphs.clone();
    for note in notes.iter().step_by(10) {
        let exact = &note.target.quote.exact;
        if let Some(p) = typo.iter_mut().find(|p| p.contains(exact.as_str())) {
            let mid = exact.char_indices().nth(exact.chars().count() / 2).map_or(0, |(i, _)| i);
            let mut changed = exact.clone();
            changed.replace_range(mid..mid + exact[mid..].chars().next().map_or(0, char::len_utf8), "x");
            *p = p.replacen(exact.as_str(), &changed, 1);
        }
    }
    let typo = page(&typo);
    let found = time("reanchor 200 notes, 10% of quotes with a typo", 10, || anchor::reanchor(&typo, &notes));
    report("typos", &found);

    let rewrapped: Vec<String> = paragraphs.iter().map(|p| p.replace(' ', "\n    ")).collect();
    let rewrapped = page(&rewrapped);
    let found = time("reanchor 200 notes, every space re-wrapped", 3, || anchor::reanchor(&rewrapped, &notes));
    report("re-wrapped", &found);
}
