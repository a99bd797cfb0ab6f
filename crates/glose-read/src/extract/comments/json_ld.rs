//! Comments given only as JSON-LD (`"comment": [{"@type": "Comment", …}]`), used when the HTML
//! has no comment markup. Replies nested in a comment's own `comment` list answer it.

use super::FoundComment;
use crate::text::date::parse_date;
use crate::snapshot::{NodeId, Snapshot};
use serde_json::Value;

/// The comments of every JSON-LD block of the page, each reply right after its parent.
pub fn comments(snapshot: &Snapshot) -> Vec<FoundComment> {
    let mut out = Vec::new();
    for id in 0..snapshot.len() as NodeId {
        let is_json_ld = snapshot.is(id, "script")
            && snapshot.attr(id, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_json_ld {
            continue;
        }
        if let Ok(value) = serde_json::from_str::<Value>(&snapshot.text_content(id)) {
            find_comment_lists(&value, id, &mut out);
        }
    }
    out
}

/// Walks any JSON-LD value looking for `comment` properties (the top of each thread).
fn find_comment_lists(value: &Value, node: NodeId, out: &mut Vec<FoundComment>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| find_comment_lists(v, node, out)),
        Value::Object(map) => {
            if is_comment(value) {
                read_comment(value, node, None, out);
                return;
            }
            for (key, v) in map {
                if key == "comment" {
                    for_each_item(v, |c| read_comment(c, node, None, out));
                } else {
                    find_comment_lists(v, node, out);
                }
            }
        }
        _ => {}
    }
}

fn for_each_item(value: &Value, mut f: impl FnMut(&Value)) {
    match value {
        Value::Array(items) => items.iter().for_each(f),
        other => f(other),
    }
}

fn is_comment(value: &Value) -> bool {
    let types = match value.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    types.iter().any(|t| t.ends_with("Comment") || t.ends_with("UserComments"))
}

fn read_comment(value: &Value, node: NodeId, parent: Option<usize>, out: &mut Vec<FoundComment>) {
    if !value.is_object() {
        return;
    }
    let text = ["text", "commentText", "description"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let index = out.len();
    if !text.is_empty() {
        out.push(FoundComment {
            node,
            author: value.get("author").or_else(|| value.get("creator")).and_then(author_name_of),
            published: ["dateCreated", "datePublished", "commentTime", "dateModified"]
                .iter()
                .find_map(|k| value.get(*k).and_then(Value::as_str).and_then(parse_date)),
            relative_date: None,
            text,
            reply_to: parent,
        });
    }
    let parent_of_replies = if text_is_kept(out, index) { Some(index) } else { parent };
    if let Some(replies) = value.get("comment") {
        for_each_item(replies, |r| read_comment(r, node, parent_of_replies, out));
    }
}

fn text_is_kept(out: &[FoundComment], index: usize) -> bool {
    index < out.len()
}

/// A person's name: a string, `{"name": …}`, or the first of a list.
fn author_name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Object(map) => map.get("name").and_then(author_name_of),
        Value::Array(items) => items.iter().find_map(author_name_of),
        _ => None,
    }
}
