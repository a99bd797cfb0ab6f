//! The lower-case parts of every element's id and class names (not people's names: see
//! `fields.rs` for authors), split once per page, so that the
//! rules reading them (sections, items, fields, chrome) look them up instead of splitting and
//! lower-casing the same attributes again for every question they ask.

use super::word_rules::{has_item_word, is_item_class, parts, Part};
use crate::snapshot::{NodeId, Snapshot};
use rustc_hash::FxHashMap;

/// Bit of a class value with a class name that [`is_item_class`] accepts.
const ITEM_CLASS: u8 = 1;
/// Bit of a class value with the class name `post` (any case).
const POST_CLASS: u8 = 2;

/// The [`ITEM_CLASS`] and [`POST_CLASS`] bits of one class attribute value.
fn class_flags(value: &str) -> u8 {
    let mut flags = 0;
    for class in value.split_whitespace() {
        if is_item_class(class) {
            flags |= ITEM_CLASS;
        }
        if class.eq_ignore_ascii_case("post") {
            flags |= POST_CLASS;
        }
    }
    flags
}

/// [`class_flags`] of a class value split into `parts`, most values answered by the parts alone:
/// a class name that [`is_item_class`] accepts has an item word among its parts, and one named
/// `post` (any case) has the part `post`; a value holding neither has no flag.
fn class_flags_of(value: &str, parts: &[Part]) -> u8 {
    if !has_item_word(parts) && !parts.iter().any(|p| p == "post") {
        return 0;
    }
    class_flags(value)
}

/// Attributes an element has, noted in the same look at its attributes as its id and class
/// (the rules asking about them test the bit before looking the value up).
#[derive(Clone, Copy)]
pub enum Attr {
    Id = 1,
    Class = 2,
    Role = 4,
    ItemType = 8,
    ItemScope = 16,
    ItemProp = 32,
    AriaLabel = 64,
    Rel = 128,
}

/// Per-element id and class parts (`comment-list_2` → `comment`, `list`, `2`), the id's first.
pub struct ClassParts<'a> {
    parts: Vec<Part<'a>>,
    /// Per node, the [`Attr`] bits of the attributes it has.
    attrs: Vec<u8>,
    /// Per node, [`ITEM_CLASS`] and [`POST_CLASS`] bits of its class attribute, found once per
    /// distinct class value.
    class_flags: Vec<u8>,
    /// The parts of node `i` are `parts[ranges[i].0..ranges[i].1]`.
    ranges: Vec<(u32, u32)>,
}

impl<'a> ClassParts<'a> {
    /// Splits the id and class of every element of the page, in one pass. A class value met
    /// before (pages repeat the same few on every comment) is not split again: an element with
    /// no id shares its parts, one with an id copies them after the id's.
    pub fn index(snapshot: &'a Snapshot) -> ClassParts<'a> {
        let n = snapshot.len();
        // Filled node by node (pushed, not zeroed first and written again); the parts sized for
        // a page whose text nodes and unnamed elements are about half of its nodes.
        let mut class_parts = ClassParts { parts: Vec::with_capacity(n / 2), attrs: Vec::with_capacity(n), class_flags: Vec::with_capacity(n), ranges: Vec::with_capacity(n) };
        let mut classes: FxHashMap<&'a str, (u32, u32, u8)> = FxHashMap::default();
        for id in 0..n as NodeId {
            class_parts.class_flags.push(0);
            class_parts.ranges.push((0, 0));
            let (id_value, class_value, attrs) = id_and_class(snapshot, id);
            class_parts.attrs.push(attrs);
            if id_value.is_none() && class_value.is_none() {
                continue;
            }
            let start = class_parts.parts.len() as u32;
            if let Some(value) = id_value {
                class_parts.parts.extend(parts(value));
            }
            let mut range = (start, class_parts.parts.len() as u32);
            if let Some(value) = class_value {
                let from = class_parts.parts.len() as u32;
                let flags = match classes.get(value) {
                    Some(&(cached_from, cached_to, flags)) if id_value.is_none() => {
                        range = (cached_from, cached_to);
                        flags
                    }
                    Some(&(cached_from, cached_to, flags)) => {
                        class_parts.parts.extend_from_within(cached_from as usize..cached_to as usize);
                        range.1 = class_parts.parts.len() as u32;
                        flags
                    }
                    None => {
                        class_parts.parts.extend(parts(value));
                        range.1 = class_parts.parts.len() as u32;
                        let flags = class_flags_of(value, &class_parts.parts[from as usize..]);
                        classes.insert(value, (from, range.1, flags));
                        flags
                    }
                };
                class_parts.class_flags[id as usize] = flags;
            }
            class_parts.ranges[id as usize] = range;
        }
        class_parts
    }

    /// Whether one of the element's class names marks a single comment ([`is_item_class`]).
    pub fn has_item_class(&self, id: NodeId) -> bool {
        self.class_flags.get(id as usize).is_some_and(|f| f & ITEM_CLASS != 0)
    }

    /// Whether one of the element's class names is `post` (any case): a Disqus item's class.
    pub fn has_post_class(&self, id: NodeId) -> bool {
        self.class_flags.get(id as usize).is_some_and(|f| f & POST_CLASS != 0)
    }

    /// Whether an element has an attribute of this name (`false` for text nodes).
    pub fn has(&self, id: NodeId, attr: Attr) -> bool {
        self.attrs.get(id as usize).is_some_and(|&bits| bits & attr as u8 != 0)
    }

    /// The parts of one element's id and class (empty for text and unnamed elements).
    pub fn of(&self, id: NodeId) -> &[Part<'a>] {
        match self.ranges.get(id as usize) {
            Some(&(start, end)) => &self.parts[start as usize..end as usize],
            None => &[],
        }
    }
}

/// The values of an element's first `id` and first `class` attributes (as [`Snapshot::attr`]
/// reads them) and the [`Attr`] bits of the attributes it has, in one look at its attributes.
fn id_and_class(snapshot: &Snapshot, id: NodeId) -> (Option<&str>, Option<&str>, u8) {
    let (mut id_value, mut class_value, mut attrs) = (None, None, 0);
    for (name, value) in snapshot.attrs(id) {
        attrs |= match name {
            "id" => {
                id_value = id_value.or(Some(value));
                Attr::Id
            }
            "class" => {
                class_value = class_value.or(Some(value));
                Attr::Class
            }
            "role" => Attr::Role,
            "itemtype" => Attr::ItemType,
            "itemscope" => Attr::ItemScope,
            "itemprop" => Attr::ItemProp,
            "aria-label" => Attr::AriaLabel,
            "rel" => Attr::Rel,
            _ => continue,
        } as u8;
    }
    (id_value, class_value, attrs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapshotBuilder;

    #[test]
    fn parts_of_id_then_class_in_lower_case() {
        let mut b = SnapshotBuilder::new();
        let div = b.element(0, "div", [("class", "Comment-List main"), ("id", "li-comment_5")]);
        let t = b.text(div, "x");
        let again = b.element(0, "p", [("class", "Comment-List main")]);
        let s = b.finish().unwrap();
        let class_parts = ClassParts::index(&s);
        let got: Vec<&str> = class_parts.of(div).iter().map(|p| p.as_ref()).collect();
        assert_eq!(got, ["li", "comment", "5", "comment", "list", "main"]);
        let got: Vec<&str> = class_parts.of(again).iter().map(|p| p.as_ref()).collect();
        assert_eq!(got, ["comment", "list", "main"]);
        assert!(class_parts.of(t).is_empty() && class_parts.of(0).is_empty() && class_parts.of(99).is_empty());
    }

    #[test]
    fn flags_from_the_parts_are_those_of_every_class_name() {
        use super::super::word_lists::{ITEM_PREFIXES, ITEM_SUFFIXES, ITEM_WORDS};
        let mut values: Vec<String> = vec!["".into(), " ".into(), "post".into(), "POST x".into(), "posts".into(), "post-list".into(), "é comment".into()];
        for &word in ITEM_WORDS.iter().chain(ITEM_SUFFIXES).chain(ITEM_PREFIXES).chain(["post", "comments", "x"].iter()) {
            for other in ["", "item", "user", "post", "depth-1", "Body", "x_y"] {
                values.extend([
                    word.to_owned(), word.to_uppercase(), format!("{word}-{other}"), format!("{other}-{word}"), format!("{other} {word}"),
                    format!("{word}_{other} main"), format!("a-{word}-{other}"), format!("{word}{other}"), format!("{word}\u{a0}{other}"),
                ]);
            }
        }
        let mut flagged = 0;
        for value in &values {
            let parts: Vec<Part> = parts(value).collect();
            assert_eq!(class_flags_of(value, &parts), class_flags(value), "{value:?}");
            flagged += usize::from(class_flags(value) != 0);
        }
        assert!(flagged > 100, "{flagged}");
    }

    #[test]
    fn attribute_bits_say_what_attr_finds() {
        let names = ["id", "class", "role", "itemtype", "itemscope", "itemprop", "aria-label", "rel", "href", "ID"];
        let bits = [Attr::Id, Attr::Class, Attr::Role, Attr::ItemType, Attr::ItemScope, Attr::ItemProp, Attr::AriaLabel, Attr::Rel];
        let mut b = SnapshotBuilder::new();
        let mut ids = Vec::new();
        for mask in 0..1u32 << names.len() {
            let attrs: Vec<(&str, &str)> = names.iter().enumerate().filter(|(k, _)| mask & (1 << k) != 0).map(|(_, &n)| (n, "")).collect();
            ids.push(b.element(0, "div", attrs));
        }
        let t = b.text(0, "x");
        let s = b.finish().unwrap();
        let class_parts = ClassParts::index(&s);
        for id in ids {
            for (&name, &bit) in names.iter().zip(&bits) {
                assert_eq!(class_parts.has(id, bit), s.attr(id, name).is_some(), "{name} of {id}");
            }
        }
        assert!(bits.iter().all(|&bit| !class_parts.has(t, bit) && !class_parts.has(9999, bit)));
    }
}
