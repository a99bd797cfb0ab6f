//! The page as a compact arena: every kept node in document (pre-)order, each pointing at its
//! parent, and all their strings in one buffer. Both DOM readers (live web-sys walk, native html5ever parse) fill it; every algorithm
//! after that reads only this type.
//!
//! Because nodes are stored in pre-order, the descendants of node `i` are exactly the ids
//! `i + 1 .. subtree_end(i)`: walking a subtree is a range, never a recursion.

mod json;
internal_mods! {
    /// The reading limits (nodes, text per node, text in all).
    limits;
}
pub mod text;
pub mod wire;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// Index of a node in [`Snapshot::nodes`]; also the index of its live DOM node in the side table
/// the live reader keeps.
pub type NodeId = u32;

/// Attribute names a reader keeps (plus every `aria-*`); all others are dropped.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "id", "class", "role", "itemprop", "itemtype", "itemscope", "hidden", "lang", "dir",
    "datetime", "href", "rel", "name", "property", "content", "type", "title", "charset",
    "http-equiv", "rev",
];

/// Elements whose whole subtree a reader skips (their text is never page text). A `script` of
/// type `application/ld+json` is the one exception: it is kept for metadata.
pub const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "textarea", "button",
];

/// Whether a reader keeps an attribute of this (lower-case) name.
pub fn keeps_attribute(name: &str) -> bool {
    name.starts_with("aria-") || KEPT_ATTRIBUTES.contains(&name)
}

/// The attribute names [`skips_element`] and [`hidden_by_markup`] read: without any of them,
/// both say false (a reader may skip asking).
pub const MARKUP_ATTRIBUTES: &[&str] = &["hidden", "aria-hidden", "type", "style"];

/// Whether an element with these attributes is hidden from readers by its markup alone.
/// Both readers use it; the live reader adds computed style on top.
pub fn hidden_by_markup<'a>(tag: &str, mut attr: impl FnMut(&str) -> Option<&'a str>) -> bool {
    if attr("hidden").is_some() {
        return true;
    }
    if attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if tag == "input" && attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")) {
        return true;
    }
    if let Some(style) = attr("style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Whether a reader skips an element's whole subtree (scripts, styles, embedded content…),
/// keeping JSON-LD scripts for metadata.
pub fn skips_element<'a>(tag: &str, mut attr: impl FnMut(&str) -> Option<&'a str>) -> bool {
    if tag == "script" {
        return !attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
    }
    SKIPPED_ELEMENTS.contains(&tag)
}

/// What a node is (its JSON shape, flat in [`Node`], is written in `json.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeData {
    /// The document itself; always node 0.
    Document,
    /// An element: lower-case tag name and the kept attributes (both readers sort them by name).
    Element {
        /// Lower-case local name (`div`, `p`, …).
        tag: String,
        /// Kept attributes as (lower-case name, value) pairs, sorted by name.
        attrs: Vec<(String, String)>,
    },
    /// A text node, raw (whitespace not collapsed), so offsets map onto the live node.
    Text {
        /// The node's data.
        text: String,
    },
}

/// One node of the arena; in JSON `{parent, type, tag?, attrs?, text?}` (see `json.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The parent's id; `None` only for the document (node 0).
    pub parent: Option<NodeId>,
    /// What the node is.
    pub data: NodeData,
}

/// Why a list of nodes is not a valid snapshot (only possible for snapshots that arrive as data,
/// e.g. from the extension's content script).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotError {
    /// The first offending node.
    pub node: usize,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid page snapshot at node {}: {}", self.node, self.reason)
    }
}

impl std::error::Error for SnapshotError {}

/// The page: nodes in document order, node 0 being the document.
///
/// Stored as an arena: one record per node (parent, kind, where its strings are) and every tag
/// name, attribute and text in one shared string, so a page of 200,000 nodes is a few
/// allocations to build and to free, not one per string. [`Node`] is the owned form of one node
/// (the JSON, [`Snapshot::from_nodes`], [`Snapshot::node`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    slots: Vec<Slot>,
    /// Tag names, attribute names and values, texts, in node order.
    strings: String,
    /// (name, value) of every element's attributes, in node order.
    attrs: Vec<(Span, Span)>,
    /// `ends[i]`: one past the last descendant of node `i`.
    ends: Vec<NodeId>,
    /// The reader stopped at a reading limit ([`limits`]) before the end of the page, or cut a
    /// long text node: which limit cut the most. In JSON `"truncated": "nodes"` (absent when the
    /// page was read whole).
    truncated: Option<limits::Limit>,
}

/// Where a string lies in [`Snapshot::strings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: u32,
    len: u32,
}

/// What a node is, in the arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Document,
    Element,
    Text,
}

/// One node of the arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    /// The parent's id; [`NO_PARENT`] for the document.
    parent: NodeId,
    kind: Kind,
    /// An element's tag name or a text node's data.
    span: Span,
    /// An element's attributes: `attrs[first..first + count]`.
    first_attr: u32,
    attr_count: u32,
}

const NO_PARENT: NodeId = NodeId::MAX;

#[derive(Deserialize)]
struct RawSnapshot {
    nodes: Vec<Node>,
    #[serde(default)]
    truncated: Option<limits::Limit>,
}

impl<'de> Deserialize<'de> for Snapshot {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawSnapshot::deserialize(deserializer)?;
        let mut snapshot = Snapshot::from_nodes(raw.nodes).map_err(serde::de::Error::custom)?;
        snapshot.truncated = raw.truncated;
        Ok(snapshot)
    }
}

impl Serialize for Snapshot {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        /// The nodes as a JSON array, each written in its owned form.
        struct Nodes<'a>(&'a Snapshot);
        impl Serialize for Nodes<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
                for id in 0..self.0.len() as NodeId {
                    seq.serialize_element(&self.0.node(id))?;
                }
                seq.end()
            }
        }
        let mut out = serializer.serialize_struct("Snapshot", 2)?;
        out.serialize_field("nodes", &Nodes(self))?;
        if let Some(limit) = &self.truncated {
            out.serialize_field("truncated", limit)?;
        }
        out.end()
    }
}

/// An arena being filled, node by node in document order (both the builder and
/// [`Snapshot::from_nodes`] fill it the same way, so equal pages are equal arenas).
#[derive(Default)]
struct Arena {
    slots: Vec<Slot>,
    strings: String,
    attrs: Vec<(Span, Span)>,
}

impl Arena {
    fn put(&mut self, s: &str) -> Span {
        let start = self.strings.len() as u32;
        self.strings.push_str(s);
        Span { start, len: s.len() as u32 }
    }

    fn document(&mut self) {
        self.slots.push(Slot { parent: NO_PARENT, kind: Kind::Document, span: Span { start: 0, len: 0 }, first_attr: 0, attr_count: 0 });
    }

    fn element<'a>(&mut self, parent: NodeId, tag: &str, lower_case: bool, attrs: impl IntoIterator<Item = (&'a str, &'a str)>) -> NodeId {
        let span = self.put(tag);
        if lower_case {
            self.strings[span.start as usize..].make_ascii_lowercase();
        }
        let first_attr = self.attrs.len() as u32;
        for (name, value) in attrs {
            let pair = (self.put(name), self.put(value));
            self.attrs.push(pair);
        }
        let attr_count = self.attrs.len() as u32 - first_attr;
        self.push(Slot { parent, kind: Kind::Element, span, first_attr, attr_count })
    }

    fn text(&mut self, parent: NodeId, text: &str) -> NodeId {
        let span = self.put(text);
        self.push(Slot { parent, kind: Kind::Text, span, first_attr: 0, attr_count: 0 })
    }

    fn push(&mut self, slot: Slot) -> NodeId {
        let id = self.slots.len() as NodeId;
        self.slots.push(slot);
        id
    }

    /// Checks that the nodes form a pre-order tree rooted at a document node (each node's parent
    /// is an open ancestor, text nodes have no children) and indexes it.
    fn finish(self) -> Result<Snapshot, SnapshotError> {
        let Arena { slots, strings, attrs } = self;
        if slots.len() >= NodeId::MAX as usize || strings.len() > u32::MAX as usize {
            return Err(SnapshotError { node: 0, reason: "too many nodes" });
        }
        match slots.first() {
            Some(Slot { parent: NO_PARENT, kind: Kind::Document, .. }) => {}
            _ => return Err(SnapshotError { node: 0, reason: "node 0 must be the document, with no parent" }),
        }
        let mut ends: Vec<NodeId> = vec![0; slots.len()];
        let mut open: Vec<NodeId> = vec![0];
        for (i, slot) in slots.iter().enumerate().skip(1) {
            let parent = slot.parent;
            if parent == NO_PARENT {
                return Err(SnapshotError { node: i, reason: "only the document has no parent" });
            }
            if slot.kind == Kind::Document {
                return Err(SnapshotError { node: i, reason: "a second document node" });
            }
            while let Some(&top) = open.last() {
                if top == parent {
                    break;
                }
                ends[top as usize] = i as NodeId;
                open.pop();
            }
            if open.is_empty() {
                return Err(SnapshotError { node: i, reason: "parent is not an open ancestor (not pre-order)" });
            }
            if slots[parent as usize].kind == Kind::Text {
                return Err(SnapshotError { node: i, reason: "a text node cannot have children" });
            }
            open.push(i as NodeId);
        }
        for top in open {
            ends[top as usize] = slots.len() as NodeId;
        }
        Ok(Snapshot { slots, strings, attrs, ends, truncated: None })
    }
}

impl Snapshot {
    /// Checks that `nodes` is a pre-order tree rooted at a document node (each node's parent is an
    /// open ancestor, text nodes have no children) and indexes it.
    pub fn from_nodes(nodes: Vec<Node>) -> Result<Snapshot, SnapshotError> {
        if nodes.len() >= NodeId::MAX as usize {
            return Err(SnapshotError { node: 0, reason: "too many nodes" });
        }
        let mut arena = Arena::default();
        for node in &nodes {
            // A node without a parent other than the first is refused by `finish`.
            let parent = node.parent.unwrap_or(NO_PARENT);
            match &node.data {
                NodeData::Document => {
                    arena.document();
                    arena.slots.last_mut().expect("just pushed").parent = parent;
                }
                NodeData::Element { tag, attrs } => {
                    arena.element(parent, tag, false, attrs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
                }
                NodeData::Text { text } => {
                    arena.text(parent, text);
                }
            }
        }
        arena.finish()
    }

    #[inline]
    fn str(&self, span: Span) -> &str {
        let range = span.start as usize..(span.start + span.len) as usize;
        debug_assert!(self.strings.is_char_boundary(range.start) && self.strings.is_char_boundary(range.end));
        // SAFETY: every span is made by `Arena::put` for a whole `&str` it appends to `strings`,
        // which nothing changes afterwards but the ASCII lower-casing of a tag just put (UTF-8
        // boundaries stay where they were): both ends are in bounds and on char boundaries. The
        // accessors read strings in every step's inner loops; the checks were 7 % of `analyze`.
        unsafe { self.strings.get_unchecked(range) }
    }

    /// Records that the reader stopped at, or cut a text node at, a reading limit ([`limits`]):
    /// the live walk calls this, and [`limits::cap`] then reports it.
    pub fn mark_truncated(&mut self, limit: limits::Limit) {
        self.truncated = self.truncated.max(Some(limit));
    }

    /// The reading limit the reader stopped at or cut a text node at, if any.
    pub fn reader_truncated(&self) -> Option<limits::Limit> {
        self.truncated
    }

    /// An empty page (just the document node).
    pub fn empty() -> Snapshot {
        let mut arena = Arena::default();
        arena.document();
        arena.finish().expect("valid")
    }

    /// Number of nodes, the document included.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether the page has nothing but the document node.
    pub fn is_empty(&self) -> bool {
        self.slots.len() <= 1
    }

    /// Every node in its owned form, in document order (for tests and tools: the analysis reads
    /// the accessors below).
    pub fn nodes(&self) -> Vec<Node> {
        (0..self.len() as NodeId).map(|id| self.node(id)).collect()
    }

    /// The node with this id, in its owned form.
    pub fn node(&self, id: NodeId) -> Node {
        let slot = self.slots[id as usize];
        let parent = (slot.parent != NO_PARENT).then_some(slot.parent);
        let data = match slot.kind {
            Kind::Document => NodeData::Document,
            Kind::Element => NodeData::Element {
                tag: self.str(slot.span).to_owned(),
                attrs: self.attrs(id).map(|(n, v)| (n.to_owned(), v.to_owned())).collect(),
            },
            Kind::Text => NodeData::Text { text: self.str(slot.span).to_owned() },
        };
        Node { parent, data }
    }

    /// The parent of a node (`None` for the document).
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let parent = self.slots[id as usize].parent;
        (parent != NO_PARENT).then_some(parent)
    }

    /// Lower-case tag name of an element, `None` for text and the document.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        let slot = &self.slots[id as usize];
        (slot.kind == Kind::Element).then(|| self.str(slot.span))
    }

    /// Whether `id` is an element with this tag.
    pub fn is(&self, id: NodeId, tag: &str) -> bool {
        self.tag(id) == Some(tag)
    }

    /// An attribute's value (names are lower-case).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        let slot = &self.slots[id as usize];
        let first = slot.first_attr as usize;
        self.attrs[first..first + slot.attr_count as usize].iter().find(|(n, _)| self.str(*n) == name).map(|&(_, v)| self.str(v))
    }

    /// The kept attributes of an element as (name, value), in order (none for other nodes).
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> + '_ {
        let slot = &self.slots[id as usize];
        let first = slot.first_attr as usize;
        self.attrs[first..first + slot.attr_count as usize].iter().map(|&(n, v)| (self.str(n), self.str(v)))
    }

    /// The raw data of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        let slot = &self.slots[id as usize];
        (slot.kind == Kind::Text).then(|| self.str(slot.span))
    }

    /// One past the last descendant of `id`.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        self.ends[id as usize]
    }

    /// The ids of all descendants of `id`, in document order.
    pub fn descendants(&self, id: NodeId) -> Range<NodeId> {
        id + 1..self.ends[id as usize]
    }

    /// Whether `node` is `ancestor` or lies inside it.
    pub fn contains(&self, ancestor: NodeId, node: NodeId) -> bool {
        ancestor <= node && node < self.ends[ancestor as usize]
    }

    /// The direct children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { snapshot: self, next: id + 1, end: self.ends[id as usize] }
    }

    /// The ancestors of `id`, nearest first (the document last).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    /// The first element with this tag, in document order.
    pub fn find_first(&self, tag: &str) -> Option<NodeId> {
        (0..self.slots.len() as NodeId).find(|&i| self.is(i, tag))
    }

    /// The `<body>` element, or the document when there is none.
    pub fn body(&self) -> NodeId {
        self.find_first("body").unwrap_or(0)
    }

    /// All text of a subtree, raw, concatenated (like DOM `textContent`).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let Some(t) = self.text(id) {
            out.push_str(t);
        }
        for d in self.descendants(id) {
            if let Some(t) = self.text(d) {
                out.push_str(t);
            }
        }
        out
    }
}

/// Iterator over a node's direct children (see [`Snapshot::children`]).
pub struct Children<'a> {
    snapshot: &'a Snapshot,
    next: NodeId,
    end: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next >= self.end {
            return None;
        }
        let child = self.next;
        self.next = self.snapshot.ends[child as usize];
        Some(child)
    }
}

/// Builds a snapshot node by node in document order; used by both readers.
pub struct SnapshotBuilder {
    arena: Arena,
}

impl Default for SnapshotBuilder {
    fn default() -> Self {
        SnapshotBuilder::new()
    }
}

impl SnapshotBuilder {
    /// A builder holding just the document node.
    pub fn new() -> SnapshotBuilder {
        let mut arena = Arena::default();
        arena.document();
        SnapshotBuilder { arena }
    }

    /// A builder with room for `nodes` nodes and `string_bytes` bytes of tags, names, values and
    /// texts (a reader that knows its sizes grows nothing).
    pub fn with_capacity(nodes: usize, string_bytes: usize) -> SnapshotBuilder {
        let mut arena = Arena { slots: Vec::with_capacity(nodes + 1), strings: String::with_capacity(string_bytes), attrs: Vec::new() };
        arena.document();
        SnapshotBuilder { arena }
    }

    /// Appends an element under `parent` and returns its id. Keeps only [`keeps_attribute`] names.
    pub fn element<'a>(
        &mut self,
        parent: NodeId,
        tag: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> NodeId {
        self.arena.element(parent, tag, true, attrs.into_iter().filter(|(n, _)| keeps_attribute(n)))
    }

    /// [`SnapshotBuilder::element`] for a reader that already has a lower-case `tag` and only
    /// [`keeps_attribute`] names (the live reader decides that once per name).
    pub fn element_of_kept<'a>(
        &mut self,
        parent: NodeId,
        tag: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> NodeId {
        debug_assert!(!tag.bytes().any(|b| b.is_ascii_uppercase()));
        self.arena.element(parent, tag, false, attrs.into_iter().inspect(|(n, _)| debug_assert!(keeps_attribute(n))))
    }

    /// Appends a text node under `parent` and returns its id.
    pub fn text(&mut self, parent: NodeId, text: &str) -> NodeId {
        self.arena.text(parent, text)
    }

    /// Number of nodes so far.
    pub fn len(&self) -> usize {
        self.arena.slots.len()
    }

    /// Whether only the document node is there.
    pub fn is_empty(&self) -> bool {
        self.arena.slots.len() <= 1
    }

    /// The finished snapshot. Fails only if nodes were appended out of document order.
    pub fn finish(self) -> Result<Snapshot, SnapshotError> {
        self.arena.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Snapshot {
        let mut b = SnapshotBuilder::new();
        let html = b.element(0, "html", [("lang", "fr")]);
        let body = b.element(html, "body", []);
        let p = b.element(body, "p", [("class", "x"), ("onclick", "evil()")]);
        b.text(p, "Bonjour ");
        let em = b.element(p, "em", []);
        b.text(em, "monde");
        let p2 = b.element(body, "p", []);
        b.text(p2, "Deux");
        b.finish().unwrap()
    }

    #[test]
    fn markup_attributes_are_every_name_the_markup_rules_read() {
        for tag in ["div", "input", "script", "style", "p"] {
            let mut asked: Vec<String> = Vec::new();
            let _ = skips_element(tag, |n| {
                asked.push(n.to_owned());
                None
            });
            let _ = hidden_by_markup(tag, |n| {
                asked.push(n.to_owned());
                None
            });
            for name in asked {
                assert!(MARKUP_ATTRIBUTES.contains(&name.as_str()), "{tag}: {name} is read but not in MARKUP_ATTRIBUTES");
            }
        }
        // Without those names neither rule says yes, whatever else is there.
        let other = |n: &str| (!MARKUP_ATTRIBUTES.contains(&n)).then_some("true");
        assert!(!hidden_by_markup("input", other));
        assert!(!skips_element("div", other));
    }

    #[test]
    fn element_of_kept_builds_what_element_builds() {
        let attrs = [("class", "a"), ("id", "b")];
        let mut one = SnapshotBuilder::new();
        one.element(0, "div", attrs);
        let mut two = SnapshotBuilder::with_capacity(4, 16);
        two.element_of_kept(0, "div", attrs);
        assert_eq!(one.finish().unwrap(), two.finish().unwrap());
    }

    #[test]
    fn children_and_descendants_follow_document_order() {
        let s = sample();
        assert_eq!(s.children(2).collect::<Vec<_>>(), vec![3, 7]);
        assert_eq!(s.descendants(3), 4..7);
        assert_eq!(s.text_content(2), "Bonjour mondeDeux");
        assert_eq!(s.attr(3, "class"), Some("x"));
        assert_eq!(s.attr(3, "onclick"), None);
        assert_eq!(s.ancestors(6).collect::<Vec<_>>(), vec![5, 3, 2, 1, 0]);
        assert!(s.contains(3, 6) && !s.contains(3, 7));
    }

    #[test]
    fn rejects_nodes_out_of_order() {
        let nodes = vec![
            Node { parent: None, data: NodeData::Document },
            Node { parent: Some(0), data: NodeData::Element { tag: "a".into(), attrs: vec![] } },
            Node { parent: Some(0), data: NodeData::Element { tag: "b".into(), attrs: vec![] } },
            Node { parent: Some(1), data: NodeData::Text { text: "late".into() } },
        ];
        let err = Snapshot::from_nodes(nodes).unwrap_err();
        assert_eq!(err.node, 3);
    }

    #[test]
    fn round_trips_through_json() {
        let s = sample();
        let json = serde_json::to_string(&s).unwrap();
        let back: Snapshot = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        assert!(serde_json::from_str::<Snapshot>(r#"{"nodes":[]}"#).is_err());
    }

    #[test]
    fn json_shape_is_flat_nodes_tagged_by_type() {
        let mut b = SnapshotBuilder::new();
        let html = b.element(0, "html", [("lang", "fr")]);
        let body = b.element(html, "body", []);
        b.text(body, "Bonjour \"monde\"");
        let s = b.finish().unwrap();
        let json = r#"{"nodes":[{"parent":null,"type":"document"},{"parent":0,"type":"element","tag":"html","attrs":[["lang","fr"]]},{"parent":1,"type":"element","tag":"body","attrs":[]},{"parent":2,"type":"text","text":"Bonjour \"monde\""}]}"#;
        assert_eq!(serde_json::to_string(&s).unwrap(), json);
        // Key order is free, unknown keys are ignored, `attrs` may be left out, `parent` too on node 0.
        let loose = r#"{"nodes":[{"type":"document","extra":1},{"tag":"html","type":"element","parent":0,"attrs":[["lang","fr"]]},{"type":"element","parent":1,"tag":"body"},{"text":"Bonjour \"monde\"","parent":2,"type":"text"}]}"#;
        assert_eq!(serde_json::from_str::<Snapshot>(loose).unwrap(), s);
        for (bad, why) in [
            (r#"{"nodes":[{"parent":null}]}"#, "missing field `type`"),
            (r#"{"nodes":[{"parent":null,"type":"comment"}]}"#, "unknown variant `comment`"),
            (r#"{"nodes":[{"parent":null,"type":"document"},{"parent":0,"type":"element"}]}"#, "missing field `tag`"),
            (r#"{"nodes":[{"parent":null,"type":"document"},{"parent":0,"type":"text"}]}"#, "missing field `text`"),
            (r#"{"nodes":[{"parent":null,"type":"document"},{"parent":0,"type":"text","text":5}]}"#, "invalid type"),
            (r#"{"nodes":[{"parent":null,"type":"document"},{"parent":-1,"type":"text","text":"x"}]}"#, "invalid value"),
        ] {
            let err = serde_json::from_str::<Snapshot>(bad).unwrap_err().to_string();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn deep_pages_do_not_recurse() {
        let mut b = SnapshotBuilder::new();
        let mut parent = 0;
        for _ in 0..200_000 {
            parent = b.element(parent, "div", []);
        }
        b.text(parent, "deep");
        let s = b.finish().unwrap();
        assert_eq!(s.text_content(0), "deep");
        assert_eq!(s.ancestors(s.len() as NodeId - 1).count(), 200_001);
    }
}
