//! The hostile-page suite: pages built to break a reader (100,000-deep nesting, a 5 MB text
//! node, 50,000 comments, malformed markup, script-laden comments, right-to-left text, shadow
//! roots, iframes, legacy encodings, invisible characters, empty files, binary garbage…).
//!
//! Each folder `tests/hostile/<case>/` holds the page (`page.html`, bytes as saved) or, for big
//! pages, a `generate.json` that [`generate::page`] turns into bytes at test time, and an
//! `expected.json`. Every case is read as the CLI reads it ([`glose::read_html::parse_bytes`]),
//! analysed, and checked against:
//!
//! - the invariants every report keeps ([`invariants::violations`]): offsets, cross references,
//!   anchors on text nodes, a JSON round trip;
//! - `expected.json`, whose sections are all optional:
//!   - `article`: `found`, `must_contain`, `must_not_contain` (substrings of `article.text`);
//!   - `sentences`: `min`, `max` (counts);
//!   - `comments`: `count`, `min`, `must_contain` (each a substring of some comment's text),
//!     `must_not_contain` (in no comment's text or author);
//!   - `metadata`: fields that must equal the report's (`null` = absent);
//!   - `read`: `must_contain`, `must_not_contain` (the text the reader kept from `<body>`);
//!   - `truncated`: `null` (the default: the page was read whole) or the limit that cut it
//!     (`"nodes"`, `"text_node"`, `"text"`, see `crates/glose-read/src/snapshot/limits.rs`); the analysis time is
//!     printed, not asserted;
//!   - `analysed`: `nodes`, `text_units` of the part analysed (numbers, or a constant of
//!     `limits.rs` by name, `"PAST_LIMIT_NODES"`);
//!   - `report_must_not_contain`: substrings absent from the whole JSON report;
//!   - `exports`: `never_raw` — with a note quoting every comment and sentence, these strings
//!     never appear unescaped (without a backslash before them) in the Markdown body; the CSV is
//!     well-formed with no formula cell, and the JSON-LD export imports back to the same notes;
//!   - `terminal`: `true` — the `--format text` rendering holds no control character but line
//!     breaks (page text must not drive the terminal with escape sequences);
//!   - `known_failures`: failures (message prefixes) of bugs reported but not fixed yet: printed,
//!     not failing — but a known failure that no longer happens fails the case, so the entry is
//!     removed when the bug is fixed.
//!
//! `GLOSE_HOSTILE=<case>` runs one case. Failures of all cases are reported together.

#[path = "hostile/generate.rs"]
mod generate;
#[path = "hostile/invariants.rs"]
mod invariants;

use glose::anchor::{Note, NoteTarget};
use glose::report::{Report, TextQuoteSelector};
use glose::Snapshot;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn every_hostile_case_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let only = std::env::var("GLOSE_HOSTILE").ok();
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/hostile exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("expected.json").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "only {} hostile cases found", cases.len());
    let mut lines = Vec::new();
    let mut failed = 0;
    let mut ran = 0;
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        ran += 1;
        let failures = run_case(case);
        if failures.is_empty() {
            lines.push(format!("ok    {name}"));
        } else {
            failed += 1;
            lines.push(format!("FAIL  {name}"));
            lines.extend(failures.iter().map(|f| format!("        {f}")));
        }
    }
    assert!(ran > 0, "no case named {only:?}");
    eprintln!("{}", lines.join("\n"));
    assert_eq!(failed, 0, "{failed} hostile case(s) failed:\n{}", lines.join("\n"));
}

/// The page bytes of a case folder.
fn page_bytes(case: &Path) -> Vec<u8> {
    let generator = case.join("generate.json");
    if generator.exists() {
        let spec: Value = serde_json::from_str(&fs::read_to_string(&generator).unwrap()).expect("generate.json is JSON");
        return generate::page(&spec);
    }
    fs::read(case.join("page.html")).expect("a case has page.html or generate.json")
}

fn run_case(case: &Path) -> Vec<String> {
    let expected: Value = match fs::read_to_string(case.join("expected.json")).map(|t| serde_json::from_str(&t)) {
        Ok(Ok(v)) => v,
        other => return vec![format!("expected.json unreadable: {other:?}")],
    };
    let bytes = page_bytes(case);
    let snapshot = glose::read_html::parse_bytes(&bytes);
    let started = std::time::Instant::now();
    let report = glose::analyze(&snapshot, &glose::Options::default());
    let analysed_in = started.elapsed();
    let mut failures = invariants::violations(&snapshot, &report);
    failures.truncate(20);
    check_article(&expected["article"], &report, &mut failures);
    check_sentences(&expected["sentences"], &report, &mut failures);
    check_comments(&expected["comments"], &report, &mut failures);
    check_metadata(&expected["metadata"], &report, &mut failures);
    check_read(&expected["read"], &snapshot, &mut failures);
    check_truncated(&expected, &report, &mut failures);
    // Timings are printed, never asserted (noisy machines); RELIABILITY.md holds them.
    eprintln!("{}: analysed in {} ms (reading excluded)", case.display(), analysed_in.as_millis());
    let json = serde_json::to_string(&report).unwrap_or_default();
    for s in strings(&expected["report_must_not_contain"]) {
        if json.contains(s) {
            failures.push(format!("report contains {s:?}"));
        }
    }
    if !expected["exports"].is_null() {
        check_exports(&expected["exports"], &report, &mut failures);
    }
    if expected["terminal"].as_bool() == Some(true) {
        let text = glose::export::text::render(&report);
        if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\n') {
            failures.push(format!("text export holds control character {c:?}"));
        }
    }
    let known: Vec<&str> = strings(&expected["known_failures"]).collect();
    let mut unexpected: Vec<String> = failures.iter().filter(|f| !known.iter().any(|k| f.starts_with(k))).cloned().collect();
    for k in &known {
        match failures.iter().find(|f| f.starts_with(k)) {
            Some(f) => eprintln!("known failure in {}: {f}", case.display()),
            None => unexpected.push(format!("known failure {k:?} no longer happens: remove it from expected.json")),
        }
    }
    unexpected
}

fn strings(v: &Value) -> impl Iterator<Item = &str> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str)
}

fn check_article(exp: &Value, report: &Report, failures: &mut Vec<String>) {
    if let Some(found) = exp["found"].as_bool() {
        if report.article.found != found {
            failures.push(format!("article.found = {}, expected {found}", report.article.found));
        }
    }
    for s in strings(&exp["must_contain"]) {
        if !report.article.text.contains(s) {
            failures.push(format!("article lacks {s:?}"));
        }
    }
    for s in strings(&exp["must_not_contain"]) {
        if report.article.text.contains(s) {
            failures.push(format!("article contains {s:?}"));
        }
    }
}

fn check_sentences(exp: &Value, report: &Report, failures: &mut Vec<String>) {
    let n = report.sentences.len() as u64;
    if exp["min"].as_u64().is_some_and(|min| n < min) || exp["max"].as_u64().is_some_and(|max| n > max) {
        failures.push(format!("{n} sentences, expected {exp}"));
    }
}

fn check_comments(exp: &Value, report: &Report, failures: &mut Vec<String>) {
    let n = report.comments.len() as u64;
    if exp["count"].as_u64().is_some_and(|c| c != n) || exp["min"].as_u64().is_some_and(|m| n < m) {
        failures.push(format!("{n} comments, expected {}", exp));
    }
    for s in strings(&exp["must_contain"]) {
        if !report.comments.iter().any(|c| c.text.contains(s)) {
            failures.push(format!("no comment contains {s:?}"));
        }
    }
    for s in strings(&exp["must_not_contain"]) {
        if report.comments.iter().any(|c| c.text.contains(s) || c.author.as_deref().is_some_and(|a| a.contains(s))) {
            failures.push(format!("a comment contains {s:?}"));
        }
    }
}

fn check_metadata(exp: &Value, report: &Report, failures: &mut Vec<String>) {
    let Some(fields) = exp.as_object() else { return };
    let actual = serde_json::to_value(&report.metadata).unwrap();
    for (key, want) in fields {
        if &actual[key] != want {
            failures.push(format!("metadata.{key} = {}, expected {want}", actual[key]));
        }
    }
}

fn check_truncated(exp: &Value, report: &Report, failures: &mut Vec<String>) {
    let limit = report.truncated.map(|t| serde_json::to_value(t.limit).unwrap_or_default());
    if limit.as_ref().unwrap_or(&Value::Null) != &exp["truncated"] {
        failures.push(format!("truncated: expected {}, got {limit:?}", exp["truncated"]));
    }
    // `analysed`: the part of the page analysed, `{nodes, text_units}` (either may be left out).
    let part = &exp["analysed"];
    let Some(cut) = report.truncated else { return };
    for (key, got) in [("nodes", cut.nodes as u64), ("text_units", cut.text_units)] {
        if let Some(want) = part[key].as_u64().or_else(|| part[key].as_str().and_then(limit_value)) {
            if got != want {
                failures.push(format!("truncated.{key} = {got}, expected {want}"));
            }
        }
    }
}

/// A reading limit named in `expected.json` (`"PAST_LIMIT_NODES"`): its value in `limits.rs`.
fn limit_value(name: &str) -> Option<u64> {
    use glose::snapshot::limits::*;
    Some(match name {
        "MAX_NODES" => MAX_NODES,
        "MAX_TEXT_UNITS" => MAX_TEXT_UNITS,
        "MAX_TEXT_NODE_UNITS" => MAX_TEXT_NODE_UNITS,
        "PAST_LIMIT_NODES" => PAST_LIMIT_NODES,
        "PAST_LIMIT_TEXT_UNITS" => PAST_LIMIT_TEXT_UNITS,
        _ => return None,
    } as u64)
}

fn check_read(exp: &Value, snapshot: &Snapshot, failures: &mut Vec<String>) {
    let text = snapshot.text_content(snapshot.body());
    for s in strings(&exp["must_contain"]) {
        if !text.contains(s) {
            failures.push(format!("the reader did not keep {s:?}"));
        }
    }
    for s in strings(&exp["must_not_contain"]) {
        if text.contains(s) {
            failures.push(format!("the reader kept {s:?}"));
        }
    }
}

/// Notes quoting every comment and sentence (as a reader selecting them would), exported.
fn check_exports(exp: &Value, report: &Report, failures: &mut Vec<String>) {
    let quoted = report.comments.iter().map(|c| c.text.clone()).chain(report.sentences.iter().map(|s| s.text.clone()));
    let notes: Vec<Note> = quoted
        .enumerate()
        .map(|(i, text)| Note {
            id: format!("n{i}"),
            created: "2026-11-29T01:00:00.000Z".into(),
            modified: "2026-11-29T01:00:00.000Z".into(),
            body: text.clone(),
            tags: vec![text.chars().take(40).collect()],
            motivation: Default::default(),
            target: NoteTarget { quote: TextQuoteSelector { exact: text, ..Default::default() }, position: None },
        })
        .collect();
    if notes.is_empty() {
        failures.push("exports: nothing to quote".into());
        return;
    }
    let md = glose::export::markdown::render(report, &notes, "2026-11-29T01:00:00Z");
    // The front matter holds page text as quoted YAML strings (the fuzz target parses it); the
    // body is what a Markdown renderer turns into HTML.
    let body = md.strip_prefix("---\n").and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]));
    let Some(body) = body else {
        failures.push("Markdown export has no closed front matter".into());
        return;
    };
    for s in strings(&exp["never_raw"]) {
        if body.match_indices(s).any(|(at, _)| !body[..at].ends_with('\\')) {
            failures.push(format!("Markdown export contains raw {s:?}"));
        }
    }
    match invariants::csv_rows(&glose::export::csv::render(report, &notes)) {
        Ok(rows) => {
            for cell in rows.iter().flatten().filter(|c| invariants::starts_formula(c)) {
                failures.push(format!("CSV cell starts a formula: {cell:?}"));
            }
        }
        Err(e) => failures.push(format!("CSV export: {e}")),
    }
    let jsonld = glose::export::json_ld::render(report, &notes, "2026-11-29T01:00:00Z");
    match glose::export::json_ld::import(&jsonld) {
        Ok(back) if back.iter().map(|n| &n.body).eq(notes.iter().map(|n| &n.body)) => {}
        Ok(_) => failures.push("JSON-LD export does not import back to the same notes".into()),
        Err(e) => failures.push(format!("JSON-LD export does not import: {e}")),
    }
}
