//! Times the comment summary on many generated comments, or prints the summary of one fixture.
//!
//! ```text
//! cargo run --release --example summarize -- --synthetic 10000   # timings (see BENCHMARKS.md)
//! cargo run --release --example summarize -- --page ../shared/pages/clubic-jedi/page.html 200
//! cargo run --example summarize -- tests/summary/en-congestion-charge  # one fixture's summary
//! ```
//!
//! `--page FILE [RUNS]` extracts a saved page once, then summarises its comments RUNS times (for
//! instruction counts per summary under callgrind). `--dump` after `--synthetic N` or `--page FILE`
//! prints the whole summary and every comment's links instead of timings, to check that a change
//! keeps the output identical; `--once` after `--synthetic N` runs one summary (for callgrind).
//!
//! Generated comments mix topic words from a few themes, filler words, quotes of article
//! sentences (some with typos), meta-comments and replies, so every step has real work.

use glose::report::{Comment, Sentence};
use std::time::Instant;

/// A small deterministic pseudo-random generator (no dependency).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const ARTICLE: [&str; 8] = [
    "The city council voted on Tuesday to charge drivers a daily fee to enter the downtown area.",
    "The mayor said the charge would cut traffic by a fifth and raise millions a year for buses.",
    "The plan, a bold and long overdue step toward a cleaner city, was opposed by the chamber of commerce.",
    "Shop owners fear that customers will drive to out-of-town malls instead.",
    "Bus routes will run every ten minutes from January, the transport authority said.",
    "Air quality on Main Street has breached legal limits for nitrogen dioxide for six years in a row.",
    "Residents inside the zone will get a large discount on the daily charge.",
    "A public consultation last year drew thousands of responses, most of them against the charge.",
];

const THEMES: [&[&str]; 6] = [
    &["shop", "customers", "business", "mall", "parking", "owners", "trade", "sales", "high", "street"],
    &["bus", "buses", "late", "route", "timetable", "driver", "crowded", "service", "stop", "night"],
    &["asthma", "pollution", "air", "children", "school", "health", "lungs", "doctor", "fumes", "clean"],
    &["tax", "money", "council", "waste", "budget", "spend", "pay", "rich", "poor", "fair"],
    &["bike", "cycle", "lane", "safe", "helmet", "cyclists", "road", "junction", "path", "ride"],
    &["election", "vote", "mayor", "promise", "campaign", "party", "opposition", "term", "seat", "poll"],
];

const FILLER: [&str; 20] = [
    "really", "think", "people", "never", "always", "today", "again", "honestly", "just", "everyone", "town",
    "years", "week", "morning", "better", "worse", "maybe", "probably", "seems", "thing",
];

/// Article sentences of one block from their texts, as the summary reads them.
fn article_sentences(texts: &[&str]) -> Vec<Sentence> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Sentence {
            id: i as u32,
            block: 0,
            text: t.to_string(),
            start: 0,
            end: t.chars().count() as u32,
            label: Default::default(),
            score: 0.0,
            cues: Vec::new(),
            source: None,
            anchor: None,
            selector: None,
        })
        .collect()
}

fn synthetic(n: usize) -> (Vec<Comment>, Vec<Sentence>) {
    let mut rng = Lcg(42);
    let sentences = article_sentences(&ARTICLE);
    let comments = (0..n)
        .map(|i| {
            let theme = THEMES[rng.next() % THEMES.len()];
            let mut words = Vec::new();
            for _ in 0..(8 + rng.next() % 30) {
                words.push(if rng.next().is_multiple_of(3) { rng.pick(&FILLER) } else { rng.pick(theme) });
            }
            let mut text = words.join(" ");
            match rng.next() % 10 {
                0 => {
                    let s = ARTICLE[rng.next() % ARTICLE.len()];
                    let cut: String = s.split(' ').skip(2).take(9).collect::<Vec<_>>().join(" ").replacen('e', "", 1);
                    text = format!("\"{cut}\" {text}");
                }
                1 => text.push_str(". This article is biased and one-sided."),
                2 => text.push_str(". Great article, thanks."),
                _ => {}
            }
            let reply_to = (i > 0 && rng.next().is_multiple_of(4)).then(|| (rng.next() % i) as u32);
            Comment { id: i as u32, author: Some(format!("reader{i}")), text, reply_to, ..Comment::default() }
        })
        .collect();
    (comments, sentences)
}

/// Prints the summary and each comment's links, for comparing outputs across changes.
fn dump(summary: &glose::report::Summary, comments: &[Comment]) {
    println!("{}", serde_json::to_string_pretty(summary).unwrap_or_default());
    for c in comments {
        println!("{} reply_to={:?} quotes={:?} stance={:?}", c.id, c.reply_to, c.quotes, c.stance);
    }
}

/// Extracts a saved page once, then summarises its comments `runs` times.
fn page(path: &str, runs: usize, dump_only: bool) {
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("cannot read {path}");
        std::process::exit(1);
    };
    let report = glose::analyze(&glose::read_html::parse_bytes(&bytes), &glose::Options::default());
    let lang = report.metadata.lang.clone().unwrap_or_else(|| "en".to_owned());
    let mut summary = Default::default();
    let mut comments = report.comments.clone();
    let start = Instant::now();
    for _ in 0..runs.max(1) {
        comments = report.comments.clone();
        summary = glose::summary::summarize(&mut comments, &report.sentences, &lang);
    }
    let per_run = start.elapsed().as_secs_f64() * 1000.0 / runs.max(1) as f64;
    if dump_only {
        dump(&summary, &comments);
        return;
    }
    println!(
        "{path}: {} comments, {} sentences; {per_run:.3} ms per summary over {} runs",
        comments.len(),
        report.sentences.len(),
        runs.max(1)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump_only = args.iter().any(|a| a == "--dump");
    if args.first().map(String::as_str) == Some("--page") {
        let runs = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(100);
        page(args.get(1).map(String::as_str).unwrap_or(""), runs, dump_only);
        return;
    }
    if args.first().map(String::as_str) == Some("--synthetic") {
        let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
        let (comments, sentences) = synthetic(n);
        if dump_only || args.iter().any(|a| a == "--once") {
            // --once: a single summary, for a profiler (callgrind) on large N.
            let mut c = comments.clone();
            let summary = glose::summary::summarize(&mut c, &sentences, "en");
            if dump_only {
                dump(&summary, &c);
            }
            return;
        }
        let mut times = Vec::new();
        let mut summary = Default::default();
        for _ in 0..7 {
            let mut c = comments.clone();
            let start = Instant::now();
            summary = glose::summary::summarize(&mut c, &sentences, "en");
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        // Where the time goes: quote links alone, then themes alone (on the summarised comments).
        let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        let start = Instant::now();
        let mut vocabulary = glose::summary::interned_words::Vocabulary::new("en", glose::summary::stance::phrase_starts());
        let mut index = glose::summary::quotes::SentenceIndex::new(&texts, &mut vocabulary);
        let words = glose::summary::interned_words::CommentWords::new(comments.iter().map(|c| c.text.as_str()), &mut vocabulary);
        let links: usize = comments.iter().enumerate().map(|(i, c)| index.links(&vocabulary, &c.text, words.of(i)).len()).sum();
        let quote_ms = start.elapsed().as_secs_f64() * 1000.0;
        let mut c = comments.clone();
        glose::summary::summarize(&mut c, &sentences, "en");
        let start = Instant::now();
        let themes = glose::summary::themes::themes(&c, "en", "the article: ");
        let theme_ms = start.elapsed().as_secs_f64() * 1000.0;
        println!("  quote links {quote_ms:.1} ms ({links} links), themes {theme_ms:.1} ms ({} themes)", themes.len());
        let s: &glose::report::Summary = &summary;
        println!(
            "{n} comments: min {:.1} ms, median {:.1} ms, max {:.1} ms ({} themes, {} quoted passages, {} disputing)",
            times[0],
            times[times.len() / 2],
            times[times.len() - 1],
            s.themes.len(),
            s.quoted_passages.len(),
            s.disputing
        );
        return;
    }
    let Some(dir) = args.first() else {
        eprintln!("usage: summarize --synthetic N | summarize tests/summary/<case>");
        std::process::exit(2);
    };
    let input: serde_json::Value = match std::fs::read_to_string(format!("{dir}/input.json")).map(|t| serde_json::from_str(&t)) {
        Ok(Ok(v)) => v,
        _ => {
            eprintln!("cannot read {dir}/input.json");
            std::process::exit(1);
        }
    };
    let lang = input["lang"].as_str().unwrap_or("en");
    let texts: Vec<&str> = input["sentences"].as_array().into_iter().flatten().filter_map(|s| s.as_str()).collect();
    let sentences = article_sentences(&texts);
    let raw: Vec<&serde_json::Value> = input["comments"].as_array().into_iter().flatten().collect();
    let authors: Vec<&str> = raw.iter().map(|c| c["author"].as_str().unwrap_or("")).collect();
    let mut comments: Vec<Comment> = raw
        .iter()
        .enumerate()
        .map(|(i, c)| Comment {
            id: i as u32,
            author: Some(authors[i].to_owned()),
            text: c["text"].as_str().unwrap_or("").to_owned(),
            reply_to: c["reply_to"].as_str().and_then(|a| authors.iter().position(|x| *x == a)).map(|p| p as u32),
            ..Comment::default()
        })
        .collect();
    let summary = glose::summary::summarize(&mut comments, &sentences, lang);
    println!("{}", serde_json::to_string_pretty(&summary).unwrap_or_default());
    for c in &comments {
        println!("{:>3} {:<14} reply_to={:?} quotes={:?} stance={:?}", c.id, authors[c.id as usize], c.reply_to, c.quotes, c.stance);
    }
}
