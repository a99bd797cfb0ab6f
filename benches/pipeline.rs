//! Native benchmarks of each step of the pipeline (criterion), on the seed page, a 1 MB corpus
//! page and a generated 10,000-comment page:
//! snapshot build (HTML → snapshot), extraction (metadata + comments + article), sentence split,
//! opinion (sentence labels), comment summary, and the whole `analyze` after the snapshot.
//!
//! `cargo bench --bench pipeline` (add `-- --quick` for a short run, or a filter like `seed/`).
//!
//! For profiles and instruction counts, `GLOSE_BENCH_ONE=PAGE:STEP:REPS` runs one step REPS
//! times without criterion (PAGE: `seed`, `1mb-wikipedia-2`, `10k-comments`; STEP: `none`,
//! `extraction`, `sentences`, `analyze`, `lexicons`: the four cue lexicons' one-time build), e.g.
//! under `valgrind --tool=callgrind`; the cost of a step is the run with it minus the run with
//! `none` (the page's read and snapshot).

mod common;

use criterion::{criterion_group, BatchSize, Criterion};
use glose::{analyze, extract, metadata, opinion, summary, text, Options};
use std::hint::black_box;
use std::time::Duration;

fn steps(c: &mut Criterion) {
    for page in common::pages() {
        let snapshot = glose::read_html::parse_html(&page.html);
        let report = analyze(&snapshot, &Options::default());
        let lang = report.metadata.lang.clone().unwrap_or_else(|| "en".to_owned());
        let sentences: Vec<&str> = report.sentences.iter().map(|s| s.text.as_str()).collect();
        eprintln!(
            "bench page {}: {} bytes, {} snapshot nodes, {} blocks, {} sentences, {} comments",
            page.name,
            page.html.len(),
            snapshot.len(),
            report.article.blocks.len(),
            report.sentences.len(),
            report.comments.len()
        );

        let mut group = c.benchmark_group(page.name);
        group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
        group.bench_function("snapshot", |b| b.iter(|| glose::read_html::parse_html(black_box(&page.html))));
        group.bench_function("extraction", |b| {
            b.iter(|| {
                let meta = metadata::extract(black_box(&snapshot));
                let comments = extract::comments::extract(&snapshot);
                let article = extract::article::extract(&snapshot, &meta, &comments.excluded);
                (meta, comments, article)
            })
        });
        group.bench_function("sentences", |b| {
            b.iter(|| report.article.blocks.iter().map(|block| text::sentences::split(black_box(&block.text)).len()).sum::<usize>())
        });
        group.bench_function("opinion", |b| b.iter(|| opinion::classify_sentences(black_box(&sentences), &lang)));
        group.bench_function("summary", |b| {
            b.iter_batched(
                || report.comments.clone(),
                |mut comments| summary::summarize(&mut comments, &report.sentences, &lang),
                BatchSize::LargeInput,
            )
        });
        group.bench_function("analyze", |b| b.iter(|| analyze(black_box(&snapshot), &Options::default())));
        group.bench_function("html_to_report", |b| {
            b.iter(|| analyze(&glose::read_html::parse_html(black_box(&page.html)), &Options::default()))
        });
        group.finish();
    }
}

/// Runs one step of one page `reps` times (see the module documentation).
fn one(spec: &str) {
    let mut parts = spec.split(':');
    let (name, step) = (parts.next().unwrap_or("seed"), parts.next().unwrap_or("none"));
    let reps: usize = parts.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let Some(page) = common::pages().into_iter().find(|p| p.name == name) else {
        eprintln!("GLOSE_BENCH_ONE: no page {name}");
        return;
    };
    let snapshot = glose::read_html::parse_html(&page.html);
    // The blocks the sentence step splits come from one analysis, outside the count's step.
    let report = (step == "sentences").then(|| analyze(&snapshot, &Options::default()));
    for _ in 0..reps {
        match (step, &report) {
            ("extraction", _) => {
                let meta = metadata::extract(black_box(&snapshot));
                let comments = extract::comments::extract(&snapshot);
                black_box(extract::article::extract(&snapshot, &meta, &comments.excluded));
            }
            ("sentences", Some(report)) => {
                black_box(report.article.blocks.iter().map(|block| text::sentences::split(black_box(&block.text)).len()).sum::<usize>());
            }
            ("analyze", _) => {
                black_box(analyze(black_box(&snapshot), &Options::default()));
            }
            // The cue lexicons' one-time build (every page's first analysis pays its language's).
            ("lexicons", _) => {
                for lang in ["en", "fr", "de", "it"] {
                    black_box(opinion::lexicons::for_language(black_box(lang)));
                }
            }
            _ => {}
        }
    }
}

criterion_group!(benches, steps);

fn main() {
    if let Ok(spec) = std::env::var("GLOSE_BENCH_ONE") {
        one(&spec);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
