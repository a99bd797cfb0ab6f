//! Times the sentence encoder natively on a 40-sentence news article (the first 40 French
//! sentences of tests/opinion/realweb/blind.tsv, in page order) and writes them to
//! target/encoder/bench-sentences.json for the wasm benchmark (scripts/bench-encoder.mjs).
//!
//! `cargo run --release --example bench_encoder [RUNS]` (needs `scripts/fetch-encoder.sh`).
//! Prints min, median and p90 wall time per article for `embed` and for `explain` (vectors and
//! salient words), interleaved; a benchmark, not a test (see BENCHMARKS.md).

use glose::opinion::encoder::Encoder;
use std::time::Instant;

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let runs: usize = std::env::args().nth(1).and_then(|r| r.parse().ok()).unwrap_or(30);
    let path = format!("{root}/target/encoder/glose-use.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}; run scripts/fetch-encoder.sh"));
    let started = Instant::now();
    let encoder = Encoder::from_bytes(&bytes).expect("encoder file");
    let load = started.elapsed();
    let tsv = std::fs::read_to_string(format!("{root}/tests/opinion/realweb/blind.tsv")).expect("blind.tsv");
    let sentences: Vec<&str> =
        tsv.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').collect::<Vec<_>>().get(1..4).filter(|c| c[0] == "fr").map(|c| c[2])).take(40).collect();
    std::fs::write(format!("{root}/target/encoder/bench-sentences.json"), serde_json::to_string(&sentences).unwrap()).expect("write");
    let tokens: usize = sentences.iter().map(|s| encoder.tokenize(s).len()).sum();
    encoder.embed(&sentences);
    // `embed` and `explain` (the vectors with the salient words the extension now asks for),
    // interleaved so both see the same machine load.
    let direction = glose::opinion::refine::shipped().weights.clone();
    let (mut embed, mut explain) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(encoder.embed(&sentences));
        embed.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        std::hint::black_box(encoder.explain(&sentences, &direction));
        explain.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("native: load {:.0} ms; {} sentences, {tokens} tokens ({runs} runs)", load.as_secs_f64() * 1000.0, sentences.len());
    for (name, times) in [("embed", &mut embed), ("explain", &mut explain)] {
        times.sort_by(f64::total_cmp);
        println!("  {name:8} min {:.1} ms, median {:.1} ms, p90 {:.1} ms", times[0], times[times.len() / 2], times[(times.len() * 9 / 10).min(times.len() - 1)]);
    }
    println!("  explain / embed, medians: {:.3}", explain[explain.len() / 2] / embed[embed.len() / 2]);
}
