//! Hostile report and note text → the exports: Markdown front matter always parses as YAML with
//! exactly the report's values, page text never becomes raw HTML or a link in the Markdown body,
//! every CSV row has the nine columns and no cell can start a spreadsheet formula, and the
//! JSON-LD is valid JSON that imports back to the same notes.
#![no_main]

use glose::anchor::{Motivation, Note, NoteTarget};
use glose::export::{csv, json_ld, markdown};
use glose::report::{Comment, Cue, Label, Metadata, Report, Sentence, Summary, TextQuoteSelector, Theme};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/hostile/invariants.rs"]
mod invariants;

#[derive(Arbitrary, Debug)]
struct Input {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    lang: Option<String>,
    url: Option<String>,
    sentences: Vec<(String, u8, u8, Vec<(String, String)>, Option<String>)>,
    comments: Vec<(Option<String>, String)>,
    summary: String,
    theme: Option<(String, Vec<String>)>,
    notes: Vec<(String, String, Vec<String>, String, String, String, bool)>,
}

fuzz_target!(|input: Input| {
    let sentences: Vec<Sentence> = input
        .sentences
        .iter()
        .take(16)
        .enumerate()
        .map(|(i, (text, label, score, cues, source))| Sentence {
            id: i as u32,
            block: 0,
            text: text.clone(),
            start: 0,
            end: text.chars().count() as u32,
            label: [Label::Editorial, Label::Attributed, Label::Factual][*label as usize % 3],
            score: *score as f32 / 255.0,
            cues: cues
                .iter()
                .map(|(kind, text)| Cue { kind: kind.clone(), text: text.clone(), start: 0, end: 0, weight: None, anchor: None })
                .collect(),
            source: source.clone(),
            anchor: None,
            selector: None,
        })
        .collect();
    let comments: Vec<Comment> = input
        .comments
        .iter()
        .take(16)
        .enumerate()
        .map(|(i, (author, text))| Comment { id: i as u32, author: author.clone(), text: text.clone(), ..Default::default() })
        .collect();
    let themes = match (&input.theme, comments.is_empty()) {
        (Some((label, keywords)), false) => vec![Theme { label: label.clone(), keywords: keywords.clone(), comments: vec![0], representative: 0, ..Theme::default() }],
        _ => vec![],
    };
    let report = Report {
        version: glose::report::REPORT_VERSION,
        url: input.url.clone(),
        metadata: Metadata {
            title: input.title.clone(),
            byline: input.byline.clone(),
            published: input.published.clone(),
            site_name: input.site.clone(),
            lang: input.lang.clone(),
        },
        sentences,
        summary: Summary { comment_count: comments.len() as u32, text: input.summary.clone(), themes, ..Default::default() },
        comments,
        ..Default::default()
    };
    let notes: Vec<Note> = input
        .notes
        .iter()
        .take(16)
        .enumerate()
        .map(|(i, (id, body, tags, exact, prefix, suffix, highlight))| Note {
            id: format!("{i}{id}"),
            created: "2026-11-29T01:00:00.000Z".into(),
            modified: "2026-11-29T01:00:00.000Z".into(),
            body: body.clone(),
            tags: tags.clone(),
            motivation: if *highlight { Motivation::Highlighting } else { Motivation::Commenting },
            target: NoteTarget {
                quote: TextQuoteSelector { exact: exact.clone(), prefix: prefix.clone(), suffix: suffix.clone() },
                position: None,
            },
        })
        .collect();

    check_markdown(&report, &notes);
    check_csv(&report, &notes);
    check_jsonld(&report, &notes);
});

fn check_markdown(report: &Report, notes: &[Note]) {
    let md = markdown::render(report, notes, "2026-11-29T01:00:00Z");
    let rest = md.strip_prefix("---\n").expect("front matter opens the file");
    let end = rest.find("\n---\n").expect("front matter is closed");
    let front: serde_yaml::Value = serde_yaml::from_str(&rest[..end]).expect("front matter is YAML");
    let map = front.as_mapping().expect("front matter is a mapping");
    let get = |key: &str| map.get(key).map(|v| v.as_str().expect("string value").to_owned());
    let m = &report.metadata;
    assert_eq!(get("title"), m.title);
    assert_eq!(get("author"), m.byline);
    assert_eq!(get("site"), m.site_name);
    assert_eq!(get("url"), report.url);
    let mut tags: Vec<&str> = notes.iter().flat_map(|n| n.tags.iter().map(String::as_str)).collect();
    tags.sort_unstable();
    tags.dedup();
    let found: Vec<&str> = map["tags"].as_sequence().expect("tags list").iter().map(|t| t.as_str().expect("tag")).collect();
    assert_eq!(found, tags);
    let allowed = ["title", "url", "author", "published", "site", "lang", "exported", "generator", "tags"];
    assert!(map.keys().all(|k| k.as_str().is_some_and(|k| allowed.contains(&k))), "unexpected key in {map:?}");

    let body = &rest[end + 5..];
    for line in body.lines() {
        if line.starts_with('<') && line.ends_with('>') && report.url.as_deref() == Some(&line[1..line.len() - 1]) {
            continue; // the page's own autolink
        }
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if matches!(c, '<' | '[' | '`') {
                assert!(i > 0 && chars[i - 1] == '\\', "unescaped {c:?} in Markdown line {line:?}");
            }
        }
    }
}

fn check_csv(report: &Report, notes: &[Note]) {
    let rows = invariants::csv_rows(&csv::render(report, notes)).expect("well-formed CSV");
    let flagged = report.sentences.iter().filter(|s| s.label != Label::Factual).count();
    assert_eq!(rows.len(), 1 + notes.len() + flagged);
    for row in &rows {
        assert_eq!(row.len(), csv::COLUMNS.len(), "{row:?}");
        for cell in row {
            assert!(!invariants::starts_formula(cell), "formula cell {cell:?}");
        }
    }
    for (row, note) in rows[1..].iter().zip(notes) {
        assert!(row[4] == note.body || row[4] == format!("'{}", note.body), "{row:?}");
    }
}

fn check_jsonld(report: &Report, notes: &[Note]) {
    let json = json_ld::render(report, notes, "2026-11-29T01:00:00Z");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON-LD is JSON");
    assert_eq!(value["total"].as_u64(), value["first"]["items"].as_array().map(|a| a.len() as u64));
    let back = json_ld::import(&json).expect("our own export imports");
    // Import skips annotations without a quote (a note always quotes a passage).
    let quoting: Vec<&Note> = notes.iter().filter(|n| !n.target.quote.exact.is_empty()).collect();
    assert_eq!(back.len(), quoting.len());
    for (b, n) in back.iter().zip(quoting) {
        assert_eq!((&b.id, &b.body, &b.tags, &b.motivation), (&n.id, &n.body, &n.tags, &n.motivation));
        assert_eq!(b.target.quote, n.target.quote);
    }
}
