//! Readability's test pages (`../shared/corpus/readability-test-pages`) through the whole
//! pipeline: no page panics, every page with an expected article gets one, metadata agrees where
//! Reader View's expectations are firm, and the article text as a whole stays close to Reader
//! View's (a regression guard; the per-page figures are in `examples/score_extraction.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn corpus() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability-test-pages");
    let Ok(entries) = std::fs::read_dir(&root) else {
        println!("note: {} is missing; corpus checks skipped", root.display());
        return None;
    };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.join("source.html").exists()).collect();
    dirs.sort();
    Some(dirs)
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

fn f1(found: &[String], expected: &[String]) -> f64 {
    let mut bag: HashMap<&str, i64> = HashMap::new();
    for t in expected {
        *bag.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in found {
        if let Some(n) = bag.get_mut(t.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / found.len() as f64, common as f64 / expected.len() as f64);
    2.0 * p * r / (p + r)
}

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_default();
    String::from_utf8(bytes.clone()).unwrap_or_else(|_| glose::read_html::decode(&bytes, None))
}

#[test]
fn every_corpus_page_yields_a_report_close_to_reader_view() {
    let Some(dirs) = corpus() else { return };
    let mut f1_sum = 0.0;
    let mut failures = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let page = glose::read_html::parse_html(&read(&dir.join("source.html")));
        let report = glose::analyze(&page, &glose::Options::default());

        let expected_text = {
            let snapshot = glose::read_html::parse_html(&read(&dir.join("expected.html")));
            glose::snapshot::text::CollapsedText::of_subtree(&snapshot, 0).text
        };
        let expected_tokens = tokens(&expected_text);
        if !expected_tokens.is_empty() && !report.article.found {
            failures.push(format!("{name}: no article found"));
        }
        if report.article.found == report.article.blocks.is_empty() {
            failures.push(format!("{name}: article.found disagrees with its blocks"));
        }
        f1_sum += f1(&tokens(&report.article.text), &expected_tokens);

        let meta: serde_json::Value = serde_json::from_str(&read(&dir.join("expected-metadata.json"))).unwrap_or_default();
        if meta["title"].as_str().is_some_and(|t| !t.trim().is_empty()) && report.metadata.title.as_deref().is_none_or(str::is_empty) {
            failures.push(format!("{name}: no title"));
        }
        if let Some(lang) = meta["lang"].as_str() {
            let primary = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            if report.metadata.lang.as_deref() != Some(primary.as_str()) {
                failures.push(format!("{name}: lang {:?}, expected {primary}", report.metadata.lang));
            }
        }
    }
    let mean_f1 = f1_sum / dirs.len().max(1) as f64;
    println!("{} pages, mean token F1 {mean_f1:.4}", dirs.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(dirs.is_empty() || mean_f1 >= 0.95, "mean token F1 against Reader View fell to {mean_f1:.4}");
}
