//! W3C Web Annotation export (JSON-LD) of the reader's notes and of Glose's own findings, and
//! the import of notes back from such a file (ours or another tool's).
//!
//! The export is one `AnnotationCollection` whose `first` page holds:
//! - one annotation per reader note: motivation `commenting` or `highlighting`, a `TextualBody`
//!   for the note's text (purpose `commenting`) and one per tag (purpose `tagging`), and a target
//!   on the page URL with a `TextQuoteSelector` and, when known, a `TextPositionSelector`;
//! - one annotation per editorial or attributed sentence: motivation `classifying`, a
//!   `generator` naming Glose and its version, and a body giving the label, score, cues and
//!   source.
//!
//! Note ids travel as `urn:glose:note:<percent-encoded id>`, so [`import`] restores them.

use crate::anchor::{Motivation, Note, NoteTarget};
use crate::report::{Label, Report, TextPositionSelector, TextQuoteSelector};
use serde_json::{json, Value};
use std::fmt;

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Id prefix of reader notes.
const NOTE_ID_PREFIX: &str = "urn:glose:note:";
/// Id prefix of Glose's sentence findings.
const SENTENCE_ID_PREFIX: &str = "urn:glose:sentence:";
/// Target source when the report has no URL.
const UNKNOWN_PAGE: &str = "urn:glose:unknown-page";

fn generator() -> Value {
    json!({"id": "urn:glose:software", "type": "Software", "name": "Glose", "version": env!("CARGO_PKG_VERSION")})
}

/// Renders the notes and findings as a W3C `AnnotationCollection`, stamped `exported` (ISO 8601;
/// the edges read the clock: the CLI and the wasm API pass the current time).
pub fn render(report: &Report, notes: &[Note], exported: &str) -> String {
    let source = report.url.clone().unwrap_or_else(|| UNKNOWN_PAGE.to_owned());
    let mut items: Vec<Value> = notes.iter().map(|n| note_annotation(n, &source)).collect();
    for s in report.sentences.iter().filter(|s| s.label != Label::Factual) {
        let mut selector = vec![];
        match &s.selector {
            Some(sel) => {
                selector.push(quote_selector(&sel.quote));
                selector.push(position_selector(sel.position));
            }
            None => selector.push(quote_selector(&TextQuoteSelector { exact: s.text.clone(), ..Default::default() })),
        }
        let cues: Vec<Value> = s.cues.iter().map(|c| json!({"kind": c.kind, "text": c.text})).collect();
        let cue_text: Vec<String> = s.cues.iter().map(|c| format!("{} «{}»", c.kind, c.text)).collect();
        let mut value = format!("{} ({:.2})", s.label.as_str(), s.score);
        if !cue_text.is_empty() {
            value.push_str(&format!(": {}", cue_text.join(", ")));
        }
        if let Some(src) = s.attributed_source() {
            value.push_str(&format!(" — source: {src}"));
        }
        let mut body = json!({
            "type": "TextualBody", "purpose": "classifying", "format": "text/plain",
            "value": value, "label": s.label.as_str(), "score": round3(s.score), "cues": cues,
        });
        if let Some(src) = s.attributed_source() {
            body["source"] = json!(src);
        }
        items.push(json!({
            "id": format!("{SENTENCE_ID_PREFIX}{}", s.id),
            "type": "Annotation",
            "motivation": "classifying",
            "generator": generator(),
            "generated": exported,
            "body": body,
            "target": {"source": source, "selector": selector},
        }));
    }
    let title = report.metadata.title.clone().unwrap_or_else(|| source.clone());
    let collection = json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": format!("Glose annotations: {title}"),
        "generator": generator(),
        "generated": exported,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    });
    serde_json::to_string_pretty(&collection).unwrap_or_default() + "\n"
}

fn round3(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

fn quote_selector(q: &TextQuoteSelector) -> Value {
    json!({"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix})
}

fn position_selector(p: TextPositionSelector) -> Value {
    json!({"type": "TextPositionSelector", "start": p.start, "end": p.end})
}

fn note_annotation(note: &Note, source: &str) -> Value {
    let mut body = Vec::new();
    if !note.body.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "format": "text/plain", "value": note.body}));
    }
    for tag in &note.tags {
        body.push(json!({"type": "TextualBody", "purpose": "tagging", "value": tag}));
    }
    let mut selector = vec![quote_selector(&note.target.quote)];
    if let Some(p) = note.target.position {
        selector.push(position_selector(p));
    }
    let mut a = json!({
        "id": format!("{NOTE_ID_PREFIX}{}", percent_encode(&note.id)),
        "type": "Annotation",
        "motivation": note.motivation.as_str(),
        "body": body,
        "target": {"source": source, "selector": selector},
    });
    if !note.created.is_empty() {
        a["created"] = json!(note.created);
    }
    if !note.modified.is_empty() {
        a["modified"] = json!(note.modified);
    }
    a
}

/// Percent-encodes everything but unreserved URI chars.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    kind: ImportErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ImportErrorKind {
    Json { line: usize, column: usize, message: String },
    NotAnnotations,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ImportErrorKind::Json { line, column, message } => {
                write!(f, "the file is not valid JSON (line {line}, column {column}: {message})")
            }
            ImportErrorKind::NotAnnotations => write!(
                f,
                "the file holds no W3C Web Annotations (expected an Annotation, an AnnotationPage, an AnnotationCollection or a list of annotations)"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Restores reader notes from W3C Web Annotation JSON (an `AnnotationCollection` with embedded
/// pages, an `AnnotationPage`, one `Annotation` or a list of them). Glose's own `classifying`
/// findings are skipped; other tools' annotations become notes when they target a text quote
/// (their `TextualBody` values become the note's text, `tagging` bodies its tags). Annotations
/// without a `TextQuoteSelector` are skipped.
pub fn import(text: &str) -> Result<Vec<Note>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError {
        kind: ImportErrorKind::Json { line: e.line(), column: e.column(), message: e.to_string() },
    })?;
    let annotations = annotations_of(&value).ok_or(ImportError { kind: ImportErrorKind::NotAnnotations })?;
    let mut notes = Vec::new();
    for (i, a) in annotations.iter().enumerate() {
        if let Some(note) = note_of(a, i) {
            notes.push(note);
        }
    }
    Ok(notes)
}

fn has_type(v: &Value, name: &str) -> bool {
    match v.get("type").or_else(|| v.get("@type")) {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(ts)) => ts.iter().any(|t| t == name),
        _ => false,
    }
}

fn page_items(page: &Value) -> Option<Vec<&Value>> {
    page.get("items").and_then(Value::as_array).map(|a| a.iter().collect())
}

fn annotations_of(value: &Value) -> Option<Vec<&Value>> {
    match value {
        Value::Array(items) => Some(items.iter().filter(|v| v.is_object()).collect()),
        Value::Object(_) if has_type(value, "Annotation") => Some(vec![value]),
        Value::Object(o) => {
            if has_type(value, "AnnotationPage") || o.contains_key("items") {
                return page_items(value);
            }
            if has_type(value, "AnnotationCollection") || o.contains_key("first") {
                let first = o.get("first")?;
                return match first {
                    Value::Array(items) => Some(items.iter().collect()),
                    page => page_items(page),
                };
            }
            None
        }
        _ => None,
    }
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => vec![],
        Some(other) => vec![other],
    }
}

fn string(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn note_of(a: &Value, index: usize) -> Option<Note> {
    let motivations: Vec<&str> = as_list(a.get("motivation")).into_iter().filter_map(Value::as_str).collect();
    let id = string(a.get("id").or_else(|| a.get("@id")));
    if motivations.contains(&"classifying") || id.starts_with(SENTENCE_ID_PREFIX) {
        return None;
    }
    let target = as_list(a.get("target")).into_iter().find_map(target_of)?;
    let motivation = if motivations.contains(&"highlighting") { Motivation::Highlighting } else { Motivation::Commenting };
    let mut texts = Vec::new();
    let mut tags = Vec::new();
    if let Some(v) = a.get("bodyValue").and_then(Value::as_str) {
        texts.push(v.to_owned());
    }
    for body in as_list(a.get("body")) {
        let Some(value) = body.get("value").and_then(Value::as_str) else { continue };
        if as_list(body.get("purpose")).iter().any(|p| p.as_str() == Some("tagging")) {
            tags.push(value.to_owned());
        } else {
            texts.push(value.to_owned());
        }
    }
    let id = match id.strip_prefix(NOTE_ID_PREFIX) {
        Some(encoded) => percent_decode(encoded).unwrap_or_else(|| encoded.to_owned()),
        None if !id.is_empty() => id,
        None => format!("imported-{index}"),
    };
    Some(Note {
        id,
        created: string(a.get("created")),
        modified: string(a.get("modified")),
        body: texts.join("\n\n"),
        tags,
        motivation,
        target,
    })
}

fn target_of(target: &Value) -> Option<NoteTarget> {
    let selectors = as_list(target.get("selector"));
    let mut quote = None;
    let mut position = None;
    for s in selectors {
        if has_type(s, "TextQuoteSelector") {
            let exact = string(s.get("exact"));
            if !exact.is_empty() {
                quote = Some(TextQuoteSelector { exact, prefix: string(s.get("prefix")), suffix: string(s.get("suffix")) });
            }
        } else if has_type(s, "TextPositionSelector") {
            let num = |k: &str| s.get(k).and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok());
            if let (Some(start), Some(end)) = (num("start"), num("end")) {
                if start <= end {
                    position = Some(TextPositionSelector { start, end });
                }
            }
        }
    }
    Some(NoteTarget { quote: quote?, position })
}
