//! The page walker's wire format (`wasmSink` in `src/read_dom/walk.js`), decoded into a snapshot.
//! The live reader gets it straight from the walk; the extension's big-page path sends it to the
//! background as text ([`from_text`]): a few big strings instead of JSON text built per node.
//!
//! `ops` per node in walk order: a text node `[parent, -1]`; an element `[parent, tag, n,
//! attribute_1 … attribute_n]`, an attribute being its name's wire id, followed for `class` by a
//! value op (-1: a new value, else the wire id of a value already sent). Tags and names are wire
//! ids: a new id's string comes next in the strings. `text` holds every string (new tag names, new
//! attribute names, attribute values but repeated class values, text data) joined by U+0000,
//! `lens[k]` the UTF-16 length of string k. `parent` is the walk index of the parent (0: the
//! document, which has no op).

use super::{hidden_by_markup, keeps_attribute, limits, skips_element, NodeId, Snapshot, SnapshotBuilder, SnapshotError, MARKUP_ATTRIBUTES, SKIPPED_ELEMENTS};

/// A walk's snapshot and which walk nodes it kept.
pub struct Decoded {
    /// The snapshot (node ids: the kept walk nodes, renumbered in order).
    pub snapshot: Snapshot,
    /// Per walk node (the document first), whether the snapshot kept it; `None` when it kept all.
    /// The walker applies the same markup rules, so nodes are dropped only if its lists differ.
    pub kept: Option<Vec<bool>>,
}

/// First line of a wire text ([`from_text`]): no JSON text starts with U+0001.
pub const TEXT_MAGIC: &str = "\u{1}glose-wire-1\n";

const BROKEN: SnapshotError = SnapshotError { node: 0, reason: "the page walk's data is inconsistent" };
const DROPPED: NodeId = NodeId::MAX;

/// The strings of a walk, in order: U+0000-separated pieces of known UTF-16 length.
struct Strings<'a> {
    text: &'a str,
    lens: &'a [u32],
    next: usize,
}

impl<'a> Strings<'a> {
    fn next(&mut self) -> Result<&'a str, SnapshotError> {
        let units = *self.lens.get(self.next).ok_or(BROKEN)? as usize;
        self.next += 1;
        let bytes = self.text.as_bytes();
        let end = if bytes.len() >= units && bytes[..units].is_ascii() {
            units
        } else {
            let (mut seen, mut end) = (0, 0);
            for c in self.text.chars() {
                if seen >= units {
                    break;
                }
                seen += c.len_utf16();
                end += c.len_utf8();
            }
            if seen != units {
                return Err(BROKEN);
            }
            end
        };
        let (piece, rest) = self.text.split_at(end);
        // The separator (absent after the last piece) keeps a lone surrogate at the end of one
        // string from pairing with one at the start of the next.
        self.text = rest.strip_prefix('\0').unwrap_or(rest);
        Ok(piece)
    }
}

/// A tag name of the walk, lower-cased, and whether the shared rules may skip its elements.
struct TagWire {
    name: String,
    /// `skips_element` can be true (a skipped tag, or `script`).
    skipped: bool,
}

impl TagWire {
    fn new(name: &str) -> TagWire {
        let name = name.to_ascii_lowercase();
        let skipped = name == "script" || SKIPPED_ELEMENTS.contains(&name.as_str());
        TagWire { name, skipped }
    }
}

/// An attribute name of the walk and what the shared rules do with it.
struct NameWire {
    name: String,
    /// The snapshot keeps it (`keeps_attribute`).
    kept: bool,
    /// `skips_element` or `hidden_by_markup` reads it.
    markup: bool,
    /// Its values are interned by the walk (`class`): a value op follows the name.
    interned: bool,
}

impl NameWire {
    fn new(name: &str) -> NameWire {
        NameWire { name: name.to_owned(), kept: keeps_attribute(name), markup: MARKUP_ATTRIBUTES.contains(&name), interned: name == "class" }
    }
}

/// Builds the snapshot of a walk of `walked` nodes (the document included) from its wire data,
/// applying the shared markup rules (decided once per tag and attribute name).
pub fn decode(ops: &[i32], lens: &[u32], text: &str, walked: usize) -> Result<Decoded, SnapshotError> {
    let mut strings = Strings { text, lens, next: 0 };
    // Room for every node and string up front: the arena grows without copying itself.
    let mut builder = SnapshotBuilder::with_capacity(lens.len(), text.len());
    // Walk index → snapshot id (`DROPPED` for nodes the shared rules leave out).
    // (Capped by what the ops can describe: `walked` may come from a message.)
    let mut ids: Vec<NodeId> = Vec::with_capacity(walked.min(ops.len() / 2 + 1));
    ids.push(0);
    let mut dropped = false;
    let mut tags: Vec<TagWire> = Vec::new();
    let mut names: Vec<NameWire> = Vec::new();
    let mut attrs: Vec<(usize, &str)> = Vec::new();
    // The interned attribute values (`class`), by wire id.
    let mut values: Vec<&str> = Vec::new();
    let mut i = 0;
    let op = |i: usize| ops.get(i).copied().ok_or(BROKEN);
    let index = |value: i32| usize::try_from(value).map_err(|_| BROKEN);
    while i < ops.len() {
        let parent = *ids.get(index(op(i)?)?).ok_or(BROKEN)?;
        let kind = op(i + 1)?;
        if kind < 0 {
            i += 2;
            let text = strings.next()?;
            ids.push(if parent == DROPPED { DROPPED } else { builder.text(parent, text) });
            continue;
        }
        let tag = kind as usize;
        let count = index(op(i + 2)?)?;
        i += 3;
        if tag == tags.len() {
            tags.push(TagWire::new(strings.next()?));
        }
        attrs.clear();
        let mut markup = false;
        for _ in 0..count {
            let name = index(op(i)?)?;
            i += 1;
            if name == names.len() {
                names.push(NameWire::new(strings.next()?));
            }
            let wire = names.get(name).ok_or(BROKEN)?;
            markup |= wire.markup;
            let value = if wire.interned {
                let value = op(i)?;
                i += 1;
                if value < 0 {
                    let value = strings.next()?;
                    values.push(value);
                    value
                } else {
                    *values.get(value as usize).ok_or(BROKEN)?
                }
            } else {
                strings.next()?
            };
            attrs.push((name, value));
        }
        let tag = tags.get(tag).ok_or(BROKEN)?;
        if parent == DROPPED {
            ids.push(DROPPED);
            continue;
        }
        // Sorted by name like the native reader's (stable: duplicates keep document order).
        if attrs.len() > 1 {
            crate::sorting::sort_by(&mut attrs, |a, b| names[a.0].name.cmp(&names[b.0].name));
        }
        let attr = |name: &str| attrs.iter().find(|(n, _)| names[*n].name == name).map(|(_, v)| *v);
        // `skips_element` is false but for a skipped tag, `hidden_by_markup` without the names it reads.
        if (tag.skipped && skips_element(&tag.name, attr)) || (markup && hidden_by_markup(&tag.name, attr)) {
            ids.push(DROPPED);
            dropped = true;
            continue;
        }
        let kept = attrs.iter().filter(|(n, _)| names[*n].kept).map(|(n, v)| (names[*n].name.as_str(), *v));
        ids.push(builder.element_of_kept(parent, &tag.name, kept));
    }
    if ids.len() != walked {
        return Err(BROKEN);
    }
    let snapshot = builder.finish()?;
    let kept = dropped.then(|| ids.iter().map(|&id| id != DROPPED).collect());
    Ok(Decoded { snapshot, kept })
}

/// Writes a walk's wire data as one text ([`from_text`] reads it): [`TEXT_MAGIC`], then on a line
/// each the number of nodes walked (the document included), the ops, the string lengths (decimal,
/// comma-separated) and the reading limit that cut the walk (or nothing), then the strings.
/// `wirePieces` in `extension/src/content/snapshot.js` writes the same, in pieces.
pub fn to_text(walked: usize, ops: &[i32], lens: &[u32], truncated: Option<limits::Limit>, strings: &str) -> String {
    let join = |items: &mut dyn Iterator<Item = String>| items.collect::<Vec<_>>().join(",");
    format!(
        "{TEXT_MAGIC}{walked}\n{}\n{}\n{}\n{strings}",
        join(&mut ops.iter().map(i32::to_string)),
        join(&mut lens.iter().map(u32::to_string)),
        truncated.map_or("", limit_name),
    )
}

/// The snapshot of a wire text ([`to_text`]). Every walk node must be kept (the page's node list
/// is numbered by the walk), and the walk's reading limit is marked on the snapshot.
pub fn from_text(text: &str) -> Result<Snapshot, SnapshotError> {
    let rest = text.strip_prefix(TEXT_MAGIC).ok_or(BROKEN)?;
    let mut lines = rest.splitn(5, '\n');
    let mut line = || lines.next().ok_or(BROKEN);
    let walked: usize = line()?.parse().map_err(|_| BROKEN)?;
    let ops: Vec<i32> = numbers(line()?)?;
    let lens: Vec<u32> = numbers(line()?)?;
    let truncated = match line()? {
        "" => None,
        name => Some(limit_of(name).ok_or(BROKEN)?),
    };
    let strings = line()?;
    let decoded = decode(&ops, &lens, strings, walked)?;
    if decoded.kept.is_some() {
        return Err(SnapshotError { node: 0, reason: "the page walk kept nodes the core's markup rules leave out" });
    }
    let mut snapshot = decoded.snapshot;
    if let Some(limit) = truncated {
        snapshot.mark_truncated(limit);
    }
    Ok(snapshot)
}

/// Comma-separated decimal numbers (an empty line: none).
fn numbers<T: std::str::FromStr>(line: &str) -> Result<Vec<T>, SnapshotError> {
    if line.is_empty() {
        return Ok(Vec::new());
    }
    line.split(',').map(|n| n.parse().map_err(|_| BROKEN)).collect()
}

/// The walker's name of a reading limit.
fn limit_name(limit: limits::Limit) -> &'static str {
    match limit {
        limits::Limit::TextNode => "text_node",
        limits::Limit::Nodes => "nodes",
        limits::Limit::Text => "text",
    }
}

/// The reading limit the walker names `name`.
fn limit_of(name: &str) -> Option<limits::Limit> {
    match name {
        "text_node" => Some(limits::Limit::TextNode),
        "nodes" => Some(limits::Limit::Nodes),
        "text" => Some(limits::Limit::Text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Node, NodeData};
    use std::collections::HashMap;

    /// The walker's `wasmSink` over a snapshot's nodes (plus `extra` attributes on element `at`,
    /// which the core does not keep): ops, lens and the strings joined by U+0000.
    fn encode(nodes: &[Node], extra: Option<(usize, &str, &str)>) -> (Vec<i32>, Vec<u32>, String) {
        let (mut ops, mut lens, mut strings) = (Vec::new(), Vec::new(), Vec::<String>::new());
        let (mut tags, mut names, mut values) = (HashMap::new(), HashMap::new(), HashMap::new());
        let mut put = |s: &str, lens: &mut Vec<u32>| {
            lens.push(s.encode_utf16().count() as u32);
            strings.push(s.to_owned());
        };
        for (id, node) in nodes.iter().enumerate().skip(1) {
            ops.push(node.parent.unwrap() as i32);
            match &node.data {
                NodeData::Text { text } => {
                    ops.push(-1);
                    put(text, &mut lens);
                }
                NodeData::Element { tag, attrs } => {
                    // Upper-case tag names as an XHTML page's localName may give them: the core lower-cases.
                    let local = if id % 3 == 0 { tag.to_uppercase() } else { tag.clone() };
                    let next = tags.len();
                    let wire = *tags.entry(local.clone()).or_insert(next);
                    ops.push(wire as i32);
                    if wire == next {
                        put(&local, &mut lens);
                    }
                    let mut all: Vec<(String, String)> = attrs.iter().rev().cloned().collect();
                    if let Some((_, name, value)) = extra.filter(|e| e.0 == id) {
                        all.push((name.to_owned(), value.to_owned()));
                    }
                    ops.push(all.len() as i32);
                    for (name, value) in &all {
                        let next = names.len();
                        let wire = *names.entry(name.clone()).or_insert(next);
                        ops.push(wire as i32);
                        if wire == next {
                            put(name, &mut lens);
                        }
                        if name == "class" {
                            let next = values.len() as i32;
                            match values.get(value) {
                                Some(&known) => {
                                    ops.push(known);
                                    continue;
                                }
                                None => {
                                    values.insert(value.clone(), next);
                                    ops.push(-1);
                                }
                            }
                        }
                        put(value, &mut lens);
                    }
                }
                NodeData::Document => unreachable!(),
            }
        }
        (ops, lens, strings.join("\0"))
    }

    const PAGE: &str = r#"<html lang="fr"><head><title>T</title></head><body>
        <article class="post main" id="a"><h1 class="t">Titre « émoji 🦊 »</h1><p class="x">Un \0 texte"</p>
        <p class="x">Deux</p><p lang="en" class="post main">Three</p></article>
        <div class="comments"><p class="x">Comment 𝄞 end</p></div></body></html>"#;

    #[test]
    fn a_walk_written_as_text_reads_back_as_its_snapshot() {
        let mut pages = vec![crate::read_html::parse_html(PAGE)];
        let seed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/pages/clubic-jedi/page.html")).unwrap();
        pages.push(crate::read_html::parse_bytes(&seed));
        for snapshot in pages {
            let nodes = snapshot.nodes();
            let (ops, lens, strings) = encode(&nodes, None);
            let text = to_text(nodes.len(), &ops, &lens, Some(limits::Limit::TextNode), &strings);
            let read = from_text(&text).unwrap();
            assert_eq!(read.nodes(), nodes);
            assert_eq!(read.reader_truncated(), Some(limits::Limit::TextNode));
            let decoded = decode(&ops, &lens, &strings, nodes.len()).unwrap();
            assert!(decoded.kept.is_none());
            assert_eq!(decoded.snapshot.nodes(), nodes);
        }
    }

    #[test]
    fn nodes_the_markup_rules_leave_out_are_dropped_with_their_subtree() {
        let snapshot = crate::read_html::parse_html(PAGE);
        let nodes = snapshot.nodes();
        let article = nodes.iter().position(|n| matches!(&n.data, NodeData::Element { tag, .. } if tag == "article")).unwrap();
        let (ops, lens, strings) = encode(&nodes, Some((article, "hidden", "")));
        let decoded = decode(&ops, &lens, &strings, nodes.len()).unwrap();
        let kept = decoded.kept.unwrap();
        let end = snapshot.subtree_end(article as NodeId) as usize;
        assert!(kept.iter().enumerate().all(|(i, &k)| k == !(article..end).contains(&i)));
        assert_eq!(decoded.snapshot.len(), nodes.len() - (end - article));
        // A page's node list is numbered by the walk: from text, a dropped node is an error.
        let text = to_text(nodes.len(), &ops, &lens, None, &strings);
        assert!(from_text(&text).is_err());
    }

    #[test]
    fn broken_text_is_an_error_never_a_panic() {
        let nodes = crate::read_html::parse_html(PAGE).nodes();
        let (ops, lens, strings) = encode(&nodes, None);
        let text = to_text(nodes.len(), &ops, &lens, None, &strings);
        for end in (0..text.len()).filter(|&e| text.is_char_boundary(e)) {
            assert!(from_text(&text[..end]).is_err(), "cut at {end}");
        }
        let head = text.len() - strings.len();
        for (at, _) in text[..head].char_indices().skip(TEXT_MAGIC.len()) {
            for with in ["9", "-", ",", "", "99999999999", "\n"] {
                let broken = format!("{}{with}{}", &text[..at], &text[at + 1..]);
                let _ = from_text(&broken);
            }
        }
        for bad in ["", "{\"nodes\":[]}", TEXT_MAGIC, &format!("{TEXT_MAGIC}18446744073709551615\n\n\n\n")] {
            assert!(from_text(bad).is_err(), "{bad:?}");
        }
        // No ops: the document alone.
        assert_eq!(from_text(&format!("{TEXT_MAGIC}1\n\n\n\n")).unwrap().len(), 1);
    }
}
