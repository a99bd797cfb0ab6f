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
