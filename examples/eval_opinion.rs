//! Benchmarks the shipped editorial model (not a test: prints scores, asserts nothing).
//!
//! ```text
//! cargo run --release --example eval_opinion
//! ```
//! - CheckThat! 2025 dev EN/DE/IT: macro-F1 over SUBJ/OBJ (editorial ↔ SUBJ; attributed and
//!   factual ↔ OBJ), one sentence at a time.
//! - The team-annotated TEST split (`data/opinion/glose-annotated/`): editorial-vs-rest
//!   macro-F1 and 3-way accuracy, EN and FR.
//! - The Wikinews TEST split (`data/opinion/wikinews/`, whole articles): the same scores on
//!   real French news.
//! - Real web sentences (`tests/opinion/realweb/`): the same scores on 800 EN/FR sentences of
//!   real pages, labelled blind to Glose's output.
//! - BABE SG2 (our 80 % slice): "Expresses writer's opinion" vs "Entirely factual"; the middle
//!   class is reported as the share labelled editorial.
//! - SemEval-2023 task 3 French train: recall and precision of persuasion spans covered by
//!   sentences labelled editorial (or by their cues), and a sentence-level macro-F1 (a sentence
//!   is gold editorial when it overlaps a Loaded_Language / Doubt / Exaggeration / Name_Calling
//!   span).
//! - Speed: classifying 1,000 sentences as one article.
//!
//! Evaluation data is CC BY-NC-SA / AGPL / research-only: it is read here, never shipped.

#[path = "opinion_corpus/mod.rs"]
mod corpus;

use glose::opinion::{classify_sentences, classify_sentences_embedded, Classification};
use std::sync::OnceLock;

/// Classifies sentences with the final model (the encoder head over the fast model) when the
/// encoder file is there (`scripts/fetch-encoder.sh`), unless `GLOSE_FAST_ONLY=1` asks for the
/// fast model alone. Embeddings are cached on disk (`corpus::embeddings`).
fn classify(texts: &[&str], lang: &str) -> Vec<Classification> {
    if !final_model() {
        return classify_sentences(texts, lang);
    }
    match corpus::embeddings::explain_cached(texts) {
        Some(embeddings) => {
            let embeddings: Vec<Option<glose::opinion::refine::Embedding>> = embeddings.into_iter().map(Some).collect();
            classify_sentences_embedded(texts, &[], &embeddings, lang)
        }
        None => classify_sentences(texts, lang),
    }
}

/// Whether the final model is evaluated: the encoder file is there and `GLOSE_FAST_ONLY` is not 1.
fn final_model() -> bool {
    static FINAL: OnceLock<bool> = OnceLock::new();
    *FINAL.get_or_init(|| !std::env::var("GLOSE_FAST_ONLY").is_ok_and(|v| v == "1") && std::path::Path::new(&corpus::embeddings::encoder_file()).exists())
}
use glose::report::Label;
use std::time::Instant;

fn checkthat() {
    println!("CheckThat! 2025 dev (macro-F1 SUBJ/OBJ; P/R of SUBJ):");
    for (dir, lang) in [("english", "en"), ("german", "de"), ("italian", "it")] {
        let data = corpus::checkthat(dir, "dev");
        let pairs: Vec<(bool, bool)> = data
            .iter()
            .map(|s| (s.subjective, classify(&[s.text.as_str()], lang)[0].label == Label::Editorial))
            .collect();
        let (f1, per) = corpus::macro_f1(&pairs);
        let attributed = data.iter().filter(|s| classify(&[s.text.as_str()], lang)[0].label == Label::Attributed).count();
        println!(
            "  {lang}: macro-F1 {f1:.3}  (SUBJ P {:.3} R {:.3}; {} sentences, {attributed} labelled attributed)",
            per[1].0,
            per[1].1,
            data.len()
        );
    }
}

/// The held-aside TEST split of the team-annotated sets (never trained or tuned on).
fn team() {
    let data = corpus::team("test");
    if data.is_empty() {
        println!("team-annotated test split: not found (data/opinion/glose-annotated/)");
        return;
    }
    println!("team-annotated TEST split (docs/annotation.md; editorial-vs-rest macro-F1, 3-way accuracy):");
    three_way(&data);
}

/// The held-aside TEST split of the labelled Wikinews sentences (whole articles; never trained
/// or tuned on).
fn wikinews() {
    let data = corpus::wikinews("test");
    if data.is_empty() {
        println!("Wikinews test split: not found (data/opinion/wikinews/)");
        return;
    }
    println!("Wikinews TEST split (real news, labelled with docs/annotation.md; editorial-vs-rest macro-F1, 3-way accuracy):");
    three_way(&data);
}

/// Real web sentences labelled with the guide (`tests/opinion/realweb/`, evaluation only).
fn realweb() {
    let data = corpus::realweb();
    if data.is_empty() {
        println!("real-web sentences: not found (tests/opinion/realweb/)");
        return;
    }
    println!("real-web sentences (trafilatura-eval pages, labelled with docs/annotation.md; one at a time):");
    three_way(&data);
}

/// Editorial-vs-rest macro-F1, 3-way accuracy and the confusion table, per language.
fn three_way(data: &[corpus::Annotated]) {
    let name = |l: Label| match l {
        Label::Editorial => "editorial",
        Label::Attributed => "attributed",
        Label::Factual => "factual",
    };
    for lang in ["en", "fr", "de", "it"] {
        let rows: Vec<&corpus::Annotated> = data.iter().filter(|s| s.lang == lang).collect();
        if rows.is_empty() {
            continue;
        }
        let texts: Vec<&str> = rows.iter().map(|s| s.text.as_str()).collect();
        // One sentence at a time: the test sentences are not one article.
        let labels: Vec<Label> = texts.iter().map(|t| classify(&[t], lang)[0].label).collect();
        let pairs: Vec<(bool, bool)> = rows.iter().zip(&labels).map(|(s, l)| (s.label == "editorial", *l == Label::Editorial)).collect();
        let (f1, per) = corpus::macro_f1(&pairs);
        let correct = rows.iter().zip(&labels).filter(|(s, l)| s.label == name(**l)).count();
        let mut confusion = std::collections::BTreeMap::<(String, &str), usize>::new();
        for (s, l) in rows.iter().zip(&labels) {
            *confusion.entry((s.label.clone(), name(*l))).or_default() += 1;
        }
        println!(
            "  {lang}: macro-F1 {f1:.3} (editorial P {:.3} R {:.3}); 3-way accuracy {:.3} ({correct}/{})",
            per[1].0,
            per[1].1,
            correct as f64 / rows.len() as f64,
            rows.len()
        );
        let cells: Vec<String> = confusion.iter().map(|((g, p), n)| format!("{g}->{p} {n}")).collect();
        println!("      gold->predicted: {}", cells.join(", "));
    }
}

fn babe() {
    let rows = corpus::babe();
    let mut pairs = Vec::new();
    let (mut middle, mut middle_editorial) = (0, 0);
    for (text, label) in &rows {
        let editorial = classify(&[text.as_str()], "en")[0].label == Label::Editorial;
        if label.starts_with("Expresses writer") {
            pairs.push((true, editorial));
        } else if label == "Entirely factual" {
            pairs.push((false, editorial));
        } else if label.starts_with("Somewhat factual") {
            middle += 1;
            middle_editorial += editorial as usize;
        }
    }
    let (f1, per) = corpus::macro_f1(&pairs);
    println!("BABE SG2 (writer's opinion vs entirely factual, {} sentences): macro-F1 {f1:.3} (opinion P {:.3} R {:.3})", pairs.len(), per[1].0, per[1].1);
    println!("  middle class 'somewhat factual but also opinionated': {middle_editorial}/{middle} = {:.3} labelled editorial", middle_editorial as f64 / middle.max(1) as f64);
}

fn semeval_fr() {
    let root = corpus::root().join("subjectivity/semeval2023t3_fr/train");
    let spans = std::fs::read_to_string(root.join("labels-subtask-3-spans.tsv")).unwrap_or_default();
    let wanted = ["Loaded_Language", "Doubt", "Exaggeration-Minimisation", "Name_Calling-Labeling"];
    let mut by_article: std::collections::BTreeMap<String, Vec<(usize, usize)>> = Default::default();
    for line in spans.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() == 4 && wanted.contains(&c[1]) {
            if let (Ok(s), Ok(e)) = (c[2].parse(), c[3].parse()) {
                by_article.entry(c[0].to_owned()).or_default().push((s, e));
            }
        }
    }
    let genres: std::collections::HashMap<String, String> = std::fs::read_to_string(root.join("labels-subtask-1-genre.tsv"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('\t').map(|(a, b)| (a.to_owned(), b.trim().to_owned())))
        .collect();
    let (mut spans_total, mut spans_by_sentence, mut spans_by_cue) = (0, 0, 0);
    let (mut editorial_sentences, mut editorial_with_span, mut sentences_total) = (0, 0, 0);
    let (mut cues_total, mut cues_in_span) = (0, 0);
    let mut genre_rates: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    // Sentence level: gold editorial = the sentence overlaps one of the span kinds above.
    let mut sentence_pairs: Vec<(bool, bool)> = Vec::new();
    let Ok(dir) = std::fs::read_dir(root.join("articles")) else {
        println!("SemEval FR: not found");
        return;
    };
    let mut files: Vec<_> = dir.flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").trim_start_matches("article").to_owned();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()).into_owned();
        let chars: Vec<char> = text.chars().collect();
        // Sentences with char offsets into the raw article (line by line, title included).
        let mut sentences: Vec<(usize, String)> = Vec::new();
        let mut line_start = 0;
        for line in text.split('\n') {
            for range in glose::text::sentences::split(line) {
                let start = line_start + line[..range.start].chars().count();
                sentences.push((start, line[range].to_owned()));
            }
            line_start += line.chars().count() + 1;
        }
        let texts: Vec<&str> = sentences.iter().map(|(_, s)| s.as_str()).collect();
        let verdicts = classify(&texts, "fr");
        let gold = by_article.get(&id).cloned().unwrap_or_default();
        let overlaps = |a: usize, b: usize| gold.iter().any(|&(s, e)| s < b && a < e);
        let mut covered = vec![(false, false); gold.len()];
        let genre = genres.get(&id).cloned().unwrap_or_else(|| "unknown".to_owned());
        let rate = genre_rates.entry(genre).or_default();
        for ((start, sentence), v) in sentences.iter().zip(&verdicts) {
            let end = start + sentence.chars().count();
            sentences_total += 1;
            rate.1 += 1;
            sentence_pairs.push((overlaps(*start, end), v.label == Label::Editorial));
            if v.label != Label::Editorial {
                continue;
            }
            rate.0 += 1;
            editorial_sentences += 1;
            editorial_with_span += overlaps(*start, end) as usize;
            for (k, &(s, e)) in gold.iter().enumerate() {
                if s < end && *start < e {
                    covered[k].0 = true;
                }
            }
            for cue in &v.cues {
                let (cs, ce) = (start + cue.start as usize, start + cue.end as usize);
                cues_total += 1;
                cues_in_span += overlaps(cs, ce) as usize;
                for (k, &(s, e)) in gold.iter().enumerate() {
                    if s < ce && cs < e {
                        covered[k].1 = true;
                    }
                }
            }
        }
        let _ = chars;
        spans_total += gold.len();
        spans_by_sentence += covered.iter().filter(|c| c.0).count();
        spans_by_cue += covered.iter().filter(|c| c.1).count();
    }
    println!("SemEval-2023 T3 French train ({} Loaded_Language/Doubt/Exaggeration/Name_Calling spans, {sentences_total} sentences):", spans_total);
    println!("  span recall, covered by an editorial sentence: {:.3}; by an editorial cue: {:.3}", spans_by_sentence as f64 / spans_total.max(1) as f64, spans_by_cue as f64 / spans_total.max(1) as f64);
    println!(
        "  precision: editorial sentences overlapping a span {:.3} ({editorial_with_span}/{editorial_sentences}); cues inside a span {:.3} ({cues_in_span}/{cues_total})",
        editorial_with_span as f64 / editorial_sentences.max(1) as f64,
        cues_in_span as f64 / cues_total.max(1) as f64
    );
    let (f1, per) = corpus::macro_f1(&sentence_pairs);
    println!(
        "  sentence macro-F1 (gold editorial = overlaps such a span; {} of {} sentences): {f1:.3} (editorial P {:.3} R {:.3})",
        sentence_pairs.iter().filter(|p| p.0).count(),
        sentence_pairs.len(),
        per[1].0,
        per[1].1
    );
    let rates: Vec<String> = genre_rates.iter().map(|(g, (e, n))| format!("{g} {:.3}", *e as f64 / (*n).max(1) as f64)).collect();
    println!("  share of sentences labelled editorial by article genre: {}", rates.join(", "));
}

/// CPU time of this thread in ms (Linux), so a busy shared machine does not inflate timings.
fn cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e6)
}

fn speed() {
    let data = corpus::checkthat("english", "dev");
    let mut texts: Vec<&str> = data.iter().map(|s| s.text.as_str()).collect();
    while texts.len() < 1000 {
        let more: Vec<&str> = texts.clone();
        texts.extend(more);
    }
    texts.truncate(1000);
    let _ = classify_sentences(&texts[..10], "en"); // load lexicons and model once
    let runs = 20;
    let start = Instant::now();
    let cpu_start = cpu_ms();
    for _ in 0..runs {
        std::hint::black_box(classify_sentences(&texts, "en"));
    }
    let en = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    let en_cpu = cpu_start.zip(cpu_ms()).map(|(a, b)| (b - a) / runs as f64).unwrap_or(f64::NAN);
    let fr_data: Vec<String> = texts.iter().map(|s| s.to_string()).collect();
    let fr: Vec<&str> = fr_data.iter().map(String::as_str).collect();
    let _ = classify_sentences(&fr[..10], "fr");
    let start = Instant::now();
    let cpu_start = cpu_ms();
    for _ in 0..runs {
        std::hint::black_box(classify_sentences(&fr, "fr"));
    }
    let fr_ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    let fr_cpu = cpu_start.zip(cpu_ms()).map(|(a, b)| (b - a) / runs as f64).unwrap_or(f64::NAN);
    println!("speed: 1,000-sentence article (CheckThat EN dev sentences, mean {:.0} chars) classified in", texts.iter().map(|t| t.chars().count()).sum::<usize>() as f64 / texts.len() as f64);
    println!("  en lexicon: {en:.2} ms wall, {en_cpu:.2} ms CPU; fr lexicon: {fr_ms:.2} ms wall, {fr_cpu:.2} ms CPU (mean of {runs} runs)");
}

fn main() {
    let only = std::env::args().nth(1).unwrap_or_default();
    println!("model: {}", if final_model() { "final (sentence encoder + head over the fast model)" } else { "fast model only (no encoder, or GLOSE_FAST_ONLY=1)" });
    if only.is_empty() || only == "checkthat" {
        checkthat();
    }
    if only.is_empty() || only == "team" {
        team();
    }
    if only.is_empty() || only == "wikinews" {
        wikinews();
    }
    if only.is_empty() || only == "realweb" {
        realweb();
    }
    if only.is_empty() || only == "babe" {
        babe();
    }
    if only.is_empty() || only == "semeval" {
        semeval_fr();
    }
    if only.is_empty() || only == "speed" {
        speed();
    }
}
