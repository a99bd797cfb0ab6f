//! The whole-page harness: every folder `tests/pages/<case>/` holds a saved `page.html` and an
//! `expected.json`; this test reads each page as the CLI does (`read_html::parse_bytes`), runs
//! [`glose::analyze`] and checks the sections of `expected.json` it knows:
//!
//! - `metadata`: each given field must equal the report's (`null` = must be absent).
//! - `article`: `found` (bool), `must_contain` / `must_not_contain` (substrings of `article.text`).
//! - `comments`: `count`, `items[]` (`author`, `starts` = prefix of the text, `reply_to` = the
//!   parent comment's author or `null`, optional `reply_to_starts` = prefix of the parent's text
//!   when its author wrote several comments, optional `published`), in page order, and
//!   `must_not_be_comments` (no comment text or author contains them).
//!
//! - `now` (top level): the time of reading passed to the analysis (ISO 8601).
//!
//! Other sections (`sentences`, `comment_summary`, …) belong to other harnesses and are skipped.
//! Adding a case is adding a folder. `GLOSE_PAGE=<case>` runs one case only. Every failure of
//! every case is reported together.

use glose::report::Report;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn every_page_case_matches_its_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let only = std::env::var("GLOSE_PAGE").ok();
    let cases = case_folders(&root);
    assert!(!cases.is_empty(), "no cases under {}", root.display());
    let mut report_lines = Vec::new();
    let mut failed_cases = 0;
    let mut ran = 0;
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        ran += 1;
        let failures = run_case(&case);
        if failures.is_empty() {
            report_lines.push(format!("ok    {name}"));
        } else {
            failed_cases += 1;
            report_lines.push(format!("FAIL  {name}"));
            report_lines.extend(failures.iter().map(|f| format!("        - {f}")));
        }
    }
    assert!(ran > 0, "GLOSE_PAGE={only:?} matches no case");
    let summary = report_lines.join("\n");
    if failed_cases == 0 {
        println!("{summary}");
    }
    assert!(failed_cases == 0, "{failed_cases} of {ran} page cases failed:\n{summary}");
}

fn case_folders(root: &Path) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = fs::read_dir(root)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", root.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.join("page.html").is_file() && p.join("expected.json").is_file())
        .collect();
    cases.sort();
    cases
}

/// Runs one case; returns every failure as a sentence.
fn run_case(case: &Path) -> Vec<String> {
    let bytes = match fs::read(case.join("page.html")) {
        Ok(b) => b,
        Err(e) => return vec![format!("cannot read page.html: {e}")],
    };
    let expected: Value = match fs::read_to_string(case.join("expected.json")).map_err(|e| e.to_string()).and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string())) {
        Ok(v) => v,
        Err(e) => return vec![format!("cannot read expected.json: {e}")],
    };
    let snapshot = glose::read_html::parse_bytes(&bytes);
    // A case may fix the time of reading, for relative dates on a page without its own date.
    let now = expected.get("now").and_then(Value::as_str).map(str::to_owned);
    let report = glose::analyze(&snapshot, &glose::Options { now, ..glose::Options::default() });
    let mut failures = Vec::new();
    if let Some(metadata) = expected.get("metadata") {
        check_metadata(&report, metadata, &mut failures);
    }
    if let Some(article) = expected.get("article") {
        check_article(&report, article, &mut failures);
    }
    if let Some(comments) = expected.get("comments") {
        check_comments(&report, comments, &mut failures);
    }
    failures
}

fn strings(value: Option<&Value>) -> impl Iterator<Item = &str> {
    value.and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(70).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

fn check_metadata(report: &Report, expected: &Value, failures: &mut Vec<String>) {
    let actual = serde_json::to_value(&report.metadata).expect("metadata serialises");
    for (field, want) in expected.as_object().into_iter().flatten() {
        let got = actual.get(field).unwrap_or(&Value::Null);
        if got != want {
            failures.push(format!("metadata.{field}: expected {want}, got {got}"));
        }
    }
}

fn check_article(report: &Report, expected: &Value, failures: &mut Vec<String>) {
    let text = &report.article.text;
    if let Some(found) = expected.get("found").and_then(Value::as_bool) {
        if report.article.found != found {
            failures.push(format!("article.found: expected {found}, got {}", report.article.found));
        }
    }
    for needle in strings(expected.get("must_contain")) {
        if !text.contains(needle) {
            failures.push(format!("article text lacks {:?}", short(needle)));
        }
    }
    for needle in strings(expected.get("must_not_contain")) {
        if text.contains(needle) {
            failures.push(format!("article text contains boilerplate {:?}", short(needle)));
        }
    }
}

fn check_comments(report: &Report, expected: &Value, failures: &mut Vec<String>) {
    let comments = &report.comments;
    let found_list = || {
        comments
            .iter()
            .map(|c| format!("{}: {:?}", c.author.as_deref().unwrap_or("?"), short(&c.text)))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    if let Some(count) = expected.get("count").and_then(Value::as_u64) {
        if comments.len() as u64 != count {
            failures.push(format!("comments.count: expected {count}, got {} [{}]", comments.len(), found_list()));
        }
    }
    let mut previous: Option<usize> = None;
    for (i, item) in expected.get("items").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let starts = item.get("starts").and_then(Value::as_str).unwrap_or("");
        let Some(index) = comments.iter().position(|c| c.text.starts_with(starts)) else {
            failures.push(format!("comments.items[{i}]: no comment starts with {:?}", short(starts)));
            continue;
        };
        let found = &comments[index];
        if previous.is_some_and(|p| p >= index) {
            failures.push(format!("comments.items[{i}] ({:?}) is out of page order", short(starts)));
        }
        previous = Some(index);
        if let Some(want) = item.get("author") {
            let got = found.author.as_deref().map_or(Value::Null, Value::from);
            if &got != want {
                failures.push(format!("comments.items[{i}] ({:?}): author expected {want}, got {got}", short(starts)));
            }
        }
        if let Some(want) = item.get("published") {
            let got = found.published.as_deref().map_or(Value::Null, Value::from);
            if &got != want {
                failures.push(format!("comments.items[{i}] ({:?}): published expected {want}, got {got}", short(starts)));
            }
        }
        if let Some(want) = item.get("reply_to") {
            let parent = found.reply_to.and_then(|r| comments.get(r as usize));
            let got = match parent {
                None => Value::Null,
                Some(p) => p.author.as_deref().map_or(Value::from("<comment without author>"), Value::from),
            };
            if &got != want {
                failures.push(format!("comments.items[{i}] ({:?}): reply_to expected {want}, got {got}", short(starts)));
            }
        }
        if let Some(want) = item.get("reply_to_starts").and_then(Value::as_str) {
            let parent = found.reply_to.and_then(|r| comments.get(r as usize));
            if !parent.is_some_and(|p| p.text.starts_with(want)) {
                let got = parent.map_or("nothing".to_owned(), |p| format!("{:?}", short(&p.text)));
                failures.push(format!("comments.items[{i}] ({:?}): should answer the comment starting {:?}, answers {got}", short(starts), short(want)));
            }
        }
    }
    for needle in strings(expected.get("must_not_be_comments")) {
        for c in comments {
            if c.text.contains(needle) || c.author.as_deref().is_some_and(|a| a.contains(needle)) {
                failures.push(format!("comment {} ({:?}) contains {:?}", c.id, short(&c.text), short(needle)));
            }
        }
    }
}
