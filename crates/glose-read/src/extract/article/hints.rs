//! What each element's class and id say (Reader View's unlikely / positive / negative hints,
//! author boxes, share bars), read at most once per element and page and shared by every
//! extraction pass, instead of lower-casing and searching the same attributes again in each pass
//! and each rule. Elements the passes never ask about (the cut comment section) cost nothing.

use crate::page_patterns as patterns;
use crate::snapshot::{NodeId, Snapshot};
use std::cell::{Cell, RefCell};
use rustc_hash::FxHashMap;

const READ: u8 = 1;
const UNLIKELY: u8 = 2;
const AUTHOR_BOX: u8 = 4;
const SHARE: u8 = 8;
/// The class or id marks a byline.
const BYLINE_NAME: u8 = 16;
/// The element is a byline ([`patterns::is_byline_element`]: its class, id, `rel` or `itemprop`).
const BYLINE: u8 = 32;

/// Flags and weight per (class, id) pair.
type Seen<'a> = FxHashMap<(&'a str, &'a str), (u8, i8)>;

/// Per-element class / id hints, read on first use.
pub struct Hints<'a> {
    snapshot: &'a Snapshot,
    flags: Vec<Cell<u8>>,
    /// Reader View's class weight in units of 25 (−2 ..= 2).
    weight: Vec<Cell<i8>>,
    /// Flags and weight of each (class, id) pair read so far: pages repeat the same classes.
    seen: RefCell<Seen<'a>>,
}

impl<'a> Hints<'a> {
    /// Hints for the elements of this page (nothing is read yet).
    pub fn new(snapshot: &'a Snapshot) -> Hints<'a> {
        let n = snapshot.len();
        Hints { snapshot, flags: vec![Cell::new(0); n], weight: vec![Cell::new(0); n], seen: RefCell::new(FxHashMap::default()) }
    }

    /// The flags of one element, reading its class and id the first time.
    fn flags(&self, id: NodeId) -> u8 {
        let Some(slot) = self.flags.get(id as usize) else { return 0 };
        if slot.get() & READ == 0 {
            slot.set(self.read(id));
        }
        slot.get()
    }

    fn read(&self, id: NodeId) -> u8 {
        let author = if patterns::has_author_mark(self.snapshot, id) { BYLINE } else { 0 };
        let (class, id_attr) = (self.snapshot.attr(id, "class"), self.snapshot.attr(id, "id"));
        if class.is_none() && id_attr.is_none() {
            // `match_string` is then " ": no hint matches a lone space.
            return READ | author;
        }
        // A missing attribute reads like an empty one (`match_string`, `class_weight`).
        let key = (class.unwrap_or(""), id_attr.unwrap_or(""));
        let (flags, weight) = *self.seen.borrow_mut().entry(key).or_insert_with(|| Self::hints_of(class, id_attr));
        self.weight[id as usize].set(weight);
        flags | author | if flags & BYLINE_NAME != 0 { BYLINE } else { 0 }
    }

    /// The flags and weight that a class and an id say.
    fn hints_of(class: Option<&str>, id_attr: Option<&str>) -> (u8, i8) {
        let (class_value, id_value) = (class.unwrap_or(""), id_attr.unwrap_or(""));
        if !class_value.is_ascii() || !id_value.is_ascii() {
            return Self::hints_of_any(class, id_attr);
        }
        // ASCII (nearly every page): `match_string` lower-cased in place, and its two halves are
        // the lower-cased values `class_weight` reads (an absent value reads as an empty one).
        let mut matched = String::with_capacity(class_value.len() + 1 + id_value.len());
        matched.push_str(class_value);
        matched.push(' ');
        matched.push_str(id_value);
        matched.make_ascii_lowercase();
        // Every hint list read in one scan: what the words found in the class and in the id say.
        let (in_class, in_id) = patterns::hint_lists(&matched, class_value.len());
        let mut weight = 0i8;
        for says in [in_class, in_id] {
            weight -= i8::from(says & patterns::HINT_NEGATIVE != 0);
            weight += i8::from(says & patterns::HINT_POSITIVE != 0);
        }
        let says = in_class | in_id;
        let mut flags = READ;
        if says & patterns::HINT_UNLIKELY != 0 && says & patterns::HINT_MAYBE == 0 {
            flags |= UNLIKELY;
        }
        if says & patterns::HINT_AUTHOR_BOX != 0 {
            flags |= AUTHOR_BOX;
        }
        if says & patterns::HINT_BYLINE != 0 {
            flags |= BYLINE_NAME;
        }
        if patterns::is_share(&matched) {
            flags |= SHARE;
        }
        (flags, weight)
    }

    /// [`Hints::hints_of`] for any class and id, as the patterns read them.
    fn hints_of_any(class: Option<&str>, id_attr: Option<&str>) -> (u8, i8) {
        let matched = patterns::match_string(class, id_attr);
        let byline = if patterns::is_byline_name(class) || patterns::is_byline_name(id_attr) { BYLINE_NAME } else { 0 };
        (Self::flags_of(&matched) | byline, (patterns::class_weight(class, id_attr) / 25.0) as i8)
    }

    /// The flags of a [`patterns::match_string`].
    fn flags_of(matched: &str) -> u8 {
        let mut flags = READ;
        if patterns::is_unlikely(matched) {
            flags |= UNLIKELY;
        }
        if patterns::is_author_box(matched) {
            flags |= AUTHOR_BOX;
        }
        if patterns::is_share(matched) {
            flags |= SHARE;
        }
        flags
    }

    fn has(&self, id: NodeId, flag: u8) -> bool {
        self.flags(id) & flag != 0
    }

    /// [`patterns::is_unlikely`] of the element's class and id.
    pub fn unlikely(&self, id: NodeId) -> bool {
        self.has(id, UNLIKELY)
    }

    /// [`patterns::is_author_box`] of the element's class and id.
    pub fn author_box(&self, id: NodeId) -> bool {
        self.has(id, AUTHOR_BOX)
    }

    /// [`patterns::is_byline_element`] of the element.
    pub fn byline(&self, id: NodeId) -> bool {
        self.has(id, BYLINE)
    }

    /// [`patterns::is_share`] of the element's class and id.
    pub fn share(&self, id: NodeId) -> bool {
        self.has(id, SHARE)
    }

    /// [`patterns::class_weight`] of the element's class and id.
    pub fn class_weight(&self, id: NodeId) -> f64 {
        self.flags(id);
        f64::from(self.weight.get(id as usize).map_or(0, Cell::get)) * 25.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapshotBuilder;

    #[test]
    fn hints_match_the_patterns() {
        let mut b = SnapshotBuilder::new();
        let side = b.element(0, "div", [("class", "Site-Sidebar share"), ("id", "about-the-author")]);
        let post = b.element(0, "div", [("class", "post-content"), ("id", "main")]);
        let bare = b.element(0, "div", []);
        let s = b.finish().unwrap();
        let h = Hints::new(&s);
        assert!(h.unlikely(side) && h.author_box(side) && h.share(side));
        assert_eq!(h.class_weight(side), -25.0);
        assert_eq!(h.class_weight(post), 50.0);
        assert!(!h.unlikely(bare) && !h.share(bare) && h.class_weight(bare) == 0.0);
    }

    /// The byline mark of every element of the sample pages (and crafted ones) is the patterns'.
    #[test]
    fn bylines_match_the_patterns() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pages");
        let mut pages = vec![
            r#"<body><p class="ByLine">a</p><p id="x-AUTHOR">b</p><a rel="author">c</a><span itemprop="author name">d</span><p class="Kauthor">e</p><p class="é byline">f</p></body>"#.to_owned(),
        ];
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            if let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) {
                pages.push(html);
            }
        }
        let mut bylines = 0;
        for html in &pages {
            let s = crate::read_html::parse_html(html);
            let h = Hints::new(&s);
            for id in 0..s.len() as NodeId {
                let expected = patterns::is_byline_element(&s, id);
                assert_eq!(h.byline(id), expected, "{:?}", s.node(id));
                bylines += usize::from(expected);
            }
        }
        assert!(bylines > 10, "{bylines}");
    }

    /// The ASCII path reads every class and id of the sample pages (and crafted ones) as the
    /// patterns do.
    #[test]
    fn the_ascii_path_reads_like_the_patterns() {
        let mut values: Vec<String> = ["", " ", "Sidebar", "post-content", "HID", "x hid", "Share_bar", "sharedaddy", "main Comment", "AUTHOR-BOX"]
            .map(str::to_owned)
            .to_vec();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pages");
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) else { continue };
            let s = crate::read_html::parse_html(&html);
            for id in 0..s.len() as NodeId {
                values.extend(s.attr(id, "class").into_iter().chain(s.attr(id, "id")).map(str::to_owned));
            }
        }
        assert!(values.len() > 500);
        let options: Vec<Option<&str>> = values.iter().map(|v| Some(v.as_str())).chain([None]).collect();
        for (k, &class) in options.iter().enumerate() {
            for id_attr in options.iter().copied().skip(k % 7).step_by(97).chain([None, Some("Related-Posts")]) {
                assert_eq!(Hints::hints_of(class, id_attr), Hints::hints_of_any(class, id_attr), "{class:?} {id_attr:?}");
            }
        }
    }
}
