//! The JSON shape of a snapshot node, written by hand: `{"parent": 0, "type": "element", "tag":
//! "p", "attrs": [["class", "x"]]}`, `{"parent": 2, "type": "text", "text": "…"}`,
//! `{"parent": null, "type": "document"}`. Derived, this flat shape needs `#[serde(flatten)]` over
//! an internally tagged enum, which buffers every node into serde's generic `Content` tree first:
//! slower, and about 13 KB more wasm (issue 7). Keys may come in any order; unknown keys are
//! ignored; `attrs` may be left out, and `parent` on the document node.

use super::{Node, NodeData, NodeId};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = match self.data {
            NodeData::Document => 2,
            NodeData::Element { .. } => 4,
            NodeData::Text { .. } => 3,
        };
        let mut node = serializer.serialize_struct("Node", fields)?;
        node.serialize_field("parent", &self.parent)?;
        match &self.data {
            NodeData::Document => node.serialize_field("type", "document")?,
            NodeData::Element { tag, attrs } => {
                node.serialize_field("type", "element")?;
                node.serialize_field("tag", tag)?;
                node.serialize_field("attrs", attrs)?;
            }
            NodeData::Text { text } => {
                node.serialize_field("type", "text")?;
                node.serialize_field("text", text)?;
            }
        }
        node.end()
    }
}

/// A key of a node object.
enum Key {
    Parent,
    Type,
    Tag,
    Attrs,
    Text,
    Other,
}

/// The value of a node's `type`.
enum Kind {
    Document,
    Element,
    Text,
}

const KINDS: &[&str] = &["document", "element", "text"];

/// Reads one string through `visit_str` and hands it to a parser (keys and `type` values are
/// compared, never kept).
struct Word<F>(F);

impl<'de, T, F: FnOnce(&str) -> Result<T, String>> Visitor<'de> for Word<F> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        (self.0)(value).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(Word(|key: &str| {
            Ok(match key {
                "parent" => Key::Parent,
                "type" => Key::Type,
                "tag" => Key::Tag,
                "attrs" => Key::Attrs,
                "text" => Key::Text,
                _ => Key::Other,
            })
        }))
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(Word(|kind: &str| match kind {
            "document" => Ok(Kind::Document),
            "element" => Ok(Kind::Element),
            "text" => Ok(Kind::Text),
            other => Err(format!("unknown variant `{other}`, expected one of `{}`", KINDS.join("`, `"))),
        }))
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a page node {parent, type, tag?, attrs?, text?}")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut parent: Option<NodeId> = None;
        let mut kind = None;
        let mut tag = None;
        let mut attrs = None;
        let mut text = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Parent => parent = map.next_value()?,
                Key::Type => kind = Some(map.next_value::<Kind>()?),
                Key::Tag => tag = Some(map.next_value::<String>()?),
                Key::Attrs => attrs = Some(map.next_value::<Vec<(String, String)>>()?),
                Key::Text => text = Some(map.next_value::<String>()?),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let data = match kind.ok_or_else(|| de::Error::missing_field("type"))? {
            Kind::Document => NodeData::Document,
            Kind::Element => NodeData::Element {
                tag: tag.ok_or_else(|| de::Error::missing_field("tag"))?,
                attrs: attrs.unwrap_or_default(),
            },
            Kind::Text => NodeData::Text { text: text.ok_or_else(|| de::Error::missing_field("text"))? },
        };
        Ok(Node { parent, data })
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(NodeVisitor)
    }
}
