//! The page's `<meta>` tags, keyed the way Reader View keys them (`og:title`, `dc:creator`,
//! `author`, `parsely-pub-date`…).

use crate::snapshot::{NodeId, Snapshot};
use rustc_hash::FxHashMap;

/// `<meta>` values by lower-case key; a later tag with the same key wins.
#[derive(Clone, Debug, Default)]
pub struct MetaTags {
    values: FxHashMap<String, String>,
}

impl MetaTags {
    /// Reads every `<meta>` (`metas`: the page's `<meta>` elements in page order) with a
    /// non-empty `content`: each word of `property` (space-separated list) and the `name` /
    /// `itemprop` / `http-equiv` become keys (dots turned into colons).
    pub fn collect(snapshot: &Snapshot, metas: &[NodeId]) -> MetaTags {
        let mut values = FxHashMap::default();
        for &id in metas {
            let Some(content) = snapshot.attr(id, "content").map(str::trim).filter(|c| !c.is_empty()) else { continue };
            let mut keys: Vec<String> = Vec::new();
            if let Some(property) = snapshot.attr(id, "property") {
                keys.extend(property.split_whitespace().map(|p| p.to_lowercase()));
            }
            for attr in ["name", "itemprop", "http-equiv"] {
                if let Some(name) = snapshot.attr(id, attr) {
                    keys.push(name.split_whitespace().collect::<String>().to_lowercase().replace('.', ":"));
                }
            }
            for key in keys {
                let key = key.replace("dcterms:", "dcterm:");
                values.insert(key, content.to_owned());
            }
        }
        MetaTags { values }
    }

    /// The value of the first of `keys` that is present.
    pub fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.values.get(*k)).map(String::as_str)
    }
}
