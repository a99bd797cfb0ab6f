//! Exports on hostile data (tests/export/hostile: a report and notes full of YAML, Markdown,
//! HTML and spreadsheet-formula tricks) and JSON-LD import of other tools' files.

use glose::anchor::{Motivation, Note};
use glose::export::{csv, json_ld, markdown};
use glose::report::Label;
use glose::Report;
use std::path::Path;

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/export"))
}

fn hostile() -> (Report, Vec<Note>) {
    let read = |name: &str| std::fs::read_to_string(dir().join("hostile").join(name)).unwrap();
    (serde_json::from_str(&read("report.json")).unwrap(), serde_json::from_str(&read("notes.json")).unwrap())
}

/// Reverses `export::escape::yaml_string` for the escapes it produces.
fn yaml_unquote(v: &str) -> String {
    let inner = v.strip_prefix('"').and_then(|v| v.strip_suffix('"')).expect("double-quoted");
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            assert_ne!(c, '"', "unescaped quote in {v}");
            out.push(c);
            continue;
        }
        match chars.next().unwrap() {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => out.push(other),
        }
    }
    out
}

#[test]
fn markdown_front_matter_cannot_be_broken_or_injected() {
    let (report, notes) = hostile();
    let md = markdown::render(&report, &notes, "2026-11-29T02:00:00Z");
    let mut lines = md.lines();
    assert_eq!(lines.next(), Some("---"));
    let front: Vec<&str> = lines.by_ref().take_while(|l| *l != "---").collect();
    let keys: Vec<&str> = front.iter().map(|l| l.split_once(": ").expect("key: value").0).collect();
    assert_eq!(keys, ["title", "url", "author", "published", "site", "lang", "exported", "generator", "tags"]);
    let value = |key: &str| front.iter().find_map(|l| l.strip_prefix(&format!("{key}: "))).unwrap();
    assert_eq!(yaml_unquote(value("title")), report.metadata.title.clone().unwrap());
    assert_eq!(yaml_unquote(value("author")), report.metadata.byline.clone().unwrap());
    assert_eq!(yaml_unquote(value("site")), report.metadata.site_name.clone().unwrap());
    assert_eq!(value("tags"), r#"["-1", "=cmd|' /C calc'!A0", "a,b", "check"]"#);
}

#[test]
fn markdown_body_has_no_markup_from_page_text() {
    let (report, notes) = hostile();
    let md = markdown::render(&report, &notes, "2026-11-29T02:00:00Z");
    let body = md.splitn(3, "---\n").nth(2).unwrap();
    let headings = ["# Breaking", "## My notes", "## Editorial sentences", "## Attributed opinions", "## Comments", "### Themes", "### Most quoted"];
    for line in body.lines() {
        if line.starts_with('#') {
            assert!(headings.iter().any(|h| line.starts_with(h)), "injected heading: {line}");
        }
        assert!(!line.starts_with("---"), "a rule or front matter fence from page text: {line}");
    }
    let autolink = "<https://news.example/a?x=1>";
    let rest = body.replace(autolink, "");
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'<' | b'[' | b']' | b'`' | b'&') {
            assert!(i > 0 && bytes[i - 1] == b'\\', "unescaped {} at {i}: {}", b as char, &rest[i.saturating_sub(30)..(i + 10).min(rest.len())]);
        }
    }
    // The sections are there with the page's words.
    assert!(body.contains("disgraceful") && body.contains("minister") && body.contains("Readers say"));
    assert!(body.contains("\\#check") && body.contains("*highlighting*"));
    assert!(!body.contains("A plain fact"), "factual sentences are not listed");
}

#[test]
fn jsonld_round_trips_notes_and_lists_findings() {
    let (report, notes) = hostile();
    let text = json_ld::render(&report, &notes, "2026-11-29T02:00:00Z");
    assert_eq!(json_ld::import(&text).unwrap(), notes);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    let flagged = report.sentences.iter().filter(|s| s.label != Label::Factual).count();
    assert_eq!(items.len(), notes.len() + flagged);
    assert_eq!(v["total"], items.len());
    let machine: Vec<_> = items.iter().filter(|a| a["motivation"] == "classifying").collect();
    assert_eq!(machine.len(), flagged);
    for a in &machine {
        assert_eq!(a["generator"]["name"], "Glose");
        assert_eq!(a["generator"]["version"], env!("CARGO_PKG_VERSION"));
        assert!(a["body"]["score"].is_number() && a["body"]["label"].is_string());
    }
    assert_eq!(machine[0]["body"]["cues"][0]["text"], "disgraceful");
    assert_eq!(machine[0]["target"]["selector"][1]["type"], "TextPositionSelector");
    let first = &items[0];
    assert_eq!(first["target"]["source"], "https://news.example/a?x=1");
    assert_eq!(first["body"][0]["purpose"], "commenting");
    assert_eq!(first["body"][1]["purpose"], "tagging");
}

#[test]
fn jsonld_import_reads_other_generators() {
    let text = std::fs::read_to_string(dir().join("foreign.jsonld")).unwrap();
    let notes = json_ld::import(&text).unwrap();
    let ids: Vec<&str> = notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["https://other.example/anno/1", "https://other.example/anno/2", "imported-4"]);
    assert_eq!(notes[0].body, "A plain comment");
    assert_eq!(notes[0].target.quote.prefix, "some ");
    assert_eq!(notes[0].motivation, Motivation::Commenting);
    assert_eq!(notes[1].motivation, Motivation::Highlighting);
    assert_eq!(notes[1].tags, ["economy"]);
    assert_eq!(notes[1].target.position.map(|p| (p.start, p.end)), Some((10, 22)));
    assert_eq!(notes[1].target.quote.exact, "other words");
    assert_eq!(notes[2].body, "no id");
}

#[test]
fn jsonld_import_explains_bad_input() {
    let err = json_ld::import("{\"type\": \"Annotation\",\n  oops}").unwrap_err().to_string();
    assert!(err.contains("not valid JSON") && err.contains("line 2"), "{err}");
    let err = json_ld::import(r#"{"hello": "world"}"#).unwrap_err().to_string();
    assert!(err.contains("no W3C Web Annotations"), "{err}");
    assert!(json_ld::import("42").is_err());
    assert_eq!(json_ld::import("[]").unwrap(), vec![]);
}

/// Splits RFC 4180 CSV into rows of cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted && cell.is_empty() && row.is_empty(), "CSV must end with CRLF");
    rows
}

#[test]
fn csv_has_one_row_per_annotation_with_safe_cells() {
    let (report, notes) = hostile();
    let rows = parse_csv(&csv::render(&report, &notes));
    assert_eq!(rows[0], csv::COLUMNS);
    assert_eq!(rows.len(), 1 + notes.len() + 2);
    assert!(rows.iter().all(|r| r.len() == 9));
    // Cells keep their text (quotes, commas, CRLF) but never start a formula.
    assert_eq!(rows[1][3], "a *bold* claim, \"quoted\"");
    assert_eq!(rows[1][5], "check; -1; =cmd|' /C calc'!A0");
    assert_eq!(rows[2][3], "'@SUM(1+1)");
    assert_eq!(rows[2][1], "highlighting");
    assert_eq!(rows[3][4], "tab\tand\r\nCRLF, comma");
    assert_eq!(rows[3][3], "'\tindented");
    assert_eq!(rows[5][3], "'=HYPERLINK(\"http://evil\",\"click\") said the minister.");
    assert_eq!(rows[5][7], "'+the \"minister\", of state");
    assert_eq!((rows[4][0].as_str(), rows[4][1].as_str(), rows[4][2].as_str()), ("sentence", "editorial", "0.910"));
    assert_eq!(rows[4][6], "evaluative: disgraceful");
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live formula cell {cell:?}");
        }
    }
}

#[test]
#[ignore = "prints the hostile Markdown for a person to read"]
fn print_hostile_markdown() {
    let (report, notes) = hostile();
    println!("{}", markdown::render(&report, &notes, "2026-11-29T02:00:00Z"));
}
