//! The lower-case parts of every element's id and class names, split once per page, so that the
//! rules reading them (sections, items, fields, chrome) look them up instead of splitting and
//! lower-casing the same attributes again for every question they ask.

use super::vocabulary::{parts, Part};
use crate::snapshot::{NodeId, Snapshot};
use std::collections::HashMap;

/// Per-element id and class parts (`comment-list_2` → `comment`, `list`, `2`), the id's first.
pub struct Names<'a> {
    parts: Vec<Part<'a>>,
    /// The parts of node `i` are `parts[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
}

impl<'a> Names<'a> {
    /// Splits the id and class of every element of the page, in one pass. A class value met
    /// before (pages repeat the same few on every comment) is copied, not split again.
    pub fn index(snapshot: &'a Snapshot) -> Names<'a> {
        let n = snapshot.len();
        let mut names = Names { parts: Vec::new(), starts: Vec::with_capacity(n + 1) };
        let mut classes: HashMap<&'a str, (u32, u32)> = HashMap::new();
        for id in 0..n as NodeId {
            names.starts.push(names.parts.len() as u32);
            if let Some(value) = snapshot.attr(id, "id") {
                names.parts.extend(parts(value));
            }
            if let Some(value) = snapshot.attr(id, "class") {
                let start = names.parts.len() as u32;
                match classes.get(value) {
                    Some(&(from, to)) => names.parts.extend_from_within(from as usize..to as usize),
                    None => {
                        names.parts.extend(parts(value));
                        classes.insert(value, (start, names.parts.len() as u32));
                    }
                }
            }
        }
        names.starts.push(names.parts.len() as u32);
        names
    }

    /// The parts of one element's id and class (empty for text and unnamed elements).
    pub fn of(&self, id: NodeId) -> &[Part<'a>] {
        let i = id as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.parts[start as usize..end as usize],
            _ => &[],
        }
    }
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
        let names = Names::index(&s);
        let got: Vec<&str> = names.of(div).iter().map(|p| p.as_ref()).collect();
        assert_eq!(got, ["li", "comment", "5", "comment", "list", "main"]);
        let got: Vec<&str> = names.of(again).iter().map(|p| p.as_ref()).collect();
        assert_eq!(got, ["comment", "list", "main"]);
        assert!(names.of(t).is_empty() && names.of(0).is_empty() && names.of(99).is_empty());
    }
}
