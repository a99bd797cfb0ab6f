//! The live-DOM reader (wasm32 only): walks a rendered `document` once into the same
//! [`Snapshot`] the native reader ([`crate::read_html`]) builds from the same markup, and keeps
//! the live node of every snapshot id so that report anchors become DOM `Range`s.
//!
//! Rules, shared with the native reader through [`crate::snapshot`]:
//! - elements keep their lower-case local name and the [`keeps_attribute`] attributes, sorted by
//!   name (the native reader's html5ever/scraper order);
//! - text and CDATA nodes keep their raw data; comments, processing instructions and the doctype
//!   are dropped;
//! - [`skips_element`] subtrees (scripts except JSON-LD, styles, templates…) and
//!   [`hidden_by_markup`] subtrees are dropped.
//!
//! Added in the browser:
//! - **Computed style.** Inside `<body>`, an element whose computed `display` is `none` or whose
//!   `visibility` is `hidden`/`collapse` is dropped with its subtree. The fast path is one native
//!   `Element.checkVisibility({visibilityProperty: true})` call per element; only when it says
//!   "not visible" (no box: `display: none`, but also `display: contents` or content inside a
//!   closed `<details>`) is `getComputedStyle` asked, so those stay. Void elements (`meta`,
//!   `link`, `img`, `br`…) and `title`/`script` are never checked: they hold no text, and
//!   microdata `<meta itemprop>` in the body must survive for metadata. Like the native reader
//!   with inline styles, a `visibility: visible` child inside a hidden parent is dropped too.
//! - **Open shadow roots** are read as the browser renders them (the flat tree): a host's
//!   snapshot children are its shadow root's children (the light-DOM children are not read
//!   there); a `<slot>` element's snapshot children are the light-DOM nodes assigned to it, or its
//!   own fallback children when none is assigned. The slotted nodes thus appear once, at their
//!   rendered place, under the `slot` element. Closed shadow roots are invisible to pages and to
//!   Glose. The native reader reads open declarative shadow roots
//!   (`<template shadowrootmode=open>`) the same way (`src/read_html/shadow.rs`).
//!
//! - **Glose's own elements** (custom elements named `glose-*`: tooltip, summary panel, note form,
//!   each holding its UI in an open shadow root) are not page content and are skipped, so analysing
//!   a page again while Glose is showing gives the same snapshot. (`extension/src/content/own-elements.js`
//!   lists them for the JavaScript twin of this reader.)
//!
//! The walk is iterative (an explicit stack of sibling cursors), so a 100,000-deep page does not
//! overflow the stack.

use crate::snapshot::{hidden_by_markup, keeps_attribute, skips_element, NodeId, Snapshot, SnapshotBuilder, SnapshotError};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node};

const ELEMENT_NODE: u16 = 1;
const TEXT_NODE: u16 = 3;
const CDATA_SECTION_NODE: u16 = 4;
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Tag prefix of the elements Glose itself adds to a page (skipped with their subtrees).
pub const OWN_ELEMENT_PREFIX: &str = "glose-";

/// Elements never asked for their computed style: void elements and non-rendered metadata
/// holders. They have no text of their own, and `<meta itemprop>`/`<link>` in the body carry
/// metadata even though the user-agent style hides them.
const NEVER_STYLE_CHECKED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "title", "script",
];

/// How the live reader decides visibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Drop body elements hidden by computed style (the default). Off, the live reader decides
    /// visibility from markup alone, exactly like the native reader.
    pub computed_style: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { computed_style: true }
    }
}

/// A snapshot of a live document plus, for every snapshot id, its live node.
pub struct LiveSnapshot {
    /// The page, as both readers build it.
    pub snapshot: Snapshot,
    /// `nodes[i]` is the live node of snapshot id `i` (`nodes[0]` is the document).
    pub nodes: Vec<Node>,
    /// How many elements had their visibility checked against computed style (for benchmarks).
    pub style_checks: u32,
}

impl LiveSnapshot {
    /// The live node of a snapshot id, if the id is in range.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }
}

/// Reads a rendered document with the default options (computed style on).
pub fn read_document(document: &Document) -> Result<LiveSnapshot, SnapshotError> {
    read_document_with(document, ReadOptions::default())
}

/// Where the walk continues among a parent's children.
enum Cursor {
    /// The next sibling to read (DOM order).
    Siblings(Option<Node>),
    /// The nodes assigned to a `<slot>`, and the index of the next one.
    Assigned(js_sys::Array, u32),
}

/// One open parent of the walk.
struct Frame {
    cursor: Cursor,
    parent: NodeId,
    /// Whether children are inside `<body>` (computed style is checked there only).
    in_body: bool,
}

impl Frame {
    fn next(&mut self) -> Option<Node> {
        match &mut self.cursor {
            Cursor::Siblings(next) => {
                let node = next.take()?;
                *next = node.next_sibling();
                Some(node)
            }
            Cursor::Assigned(list, i) => {
                if *i >= list.length() {
                    return None;
                }
                let node = list.get(*i);
                *i += 1;
                // `assignedNodes()` holds nodes only. No `instanceof` checks anywhere in this
                // reader: they fail across realms (iframes) and Firefox content-script wrappers.
                (!node.is_null() && !node.is_undefined()).then(|| node.unchecked_into::<Node>())
            }
        }
    }
}

/// Reads a rendered document (it must have a browsing context for computed style to mean
/// anything: the page's own `document`, or a same-origin iframe's).
pub fn read_document_with(document: &Document, options: ReadOptions) -> Result<LiveSnapshot, SnapshotError> {
    let visibility = options.computed_style.then(|| StyleProbe::new(document)).flatten();
    let mut builder = SnapshotBuilder::new();
    let mut nodes: Vec<Node> = vec![document.clone().unchecked_into()];
    let mut style_checks = 0u32;
    let mut stack = vec![Frame { cursor: Cursor::Siblings(document.first_child()), parent: 0, in_body: false }];
    let mut attrs: Vec<(String, String)> = Vec::new();

    while let Some(frame) = stack.last_mut() {
        let Some(node) = frame.next() else {
            stack.pop();
            continue;
        };
        let (parent, in_body) = (frame.parent, frame.in_body);
        match node.node_type() {
            TEXT_NODE | CDATA_SECTION_NODE => {
                let text = node.node_value().unwrap_or_default();
                builder.text(parent, &text);
                nodes.push(node);
            }
            ELEMENT_NODE => {
                let element: &Element = node.unchecked_ref();
                let tag = element.local_name().to_ascii_lowercase();
                read_attributes(element, &mut attrs);
                let attr = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
                if skips_element(&tag, attr) || hidden_by_markup(&tag, attr) || tag.starts_with(OWN_ELEMENT_PREFIX) {
                    continue;
                }
                if in_body && !NEVER_STYLE_CHECKED.contains(&tag.as_str()) {
                    if let Some(probe) = &visibility {
                        style_checks += 1;
                        if probe.hidden(element) {
                            continue;
                        }
                    }
                }
                let id = builder.element(
                    parent,
                    &tag,
                    attrs.iter().filter(|(n, _)| keeps_attribute(n)).map(|(n, v)| (n.as_str(), v.as_str())),
                );
                let cursor = children_of(element, &tag);
                nodes.push(node);
                stack.push(Frame { cursor, parent: id, in_body: in_body || tag == "body" });
            }
            _ => {}
        }
    }
    let snapshot = builder.finish()?;
    Ok(LiveSnapshot { snapshot, nodes, style_checks })
}

/// Fills `out` with the element's kept attributes plus `style` (needed by [`hidden_by_markup`]),
/// sorted by name like the native reader's.
fn read_attributes(element: &Element, out: &mut Vec<(String, String)>) {
    out.clear();
    if !element.has_attributes() {
        return;
    }
    let map = element.attributes();
    for i in 0..map.length() {
        let Some(attr) = map.item(i) else { continue };
        let name = attr.local_name();
        if keeps_attribute(&name) || name == "style" {
            out.push((name, attr.value()));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
}

/// The cursor over an element's rendered children: a slot's assigned nodes, an open shadow
/// root's children, or the element's own children.
fn children_of(element: &Element, tag: &str) -> Cursor {
    if tag == "slot" && element.namespace_uri().as_deref() == Some(XHTML) {
        let assigned = element.unchecked_ref::<web_sys::HtmlSlotElement>().assigned_nodes();
        if assigned.length() > 0 {
            return Cursor::Assigned(assigned, 0);
        }
    }
    if let Some(root) = element.shadow_root() {
        return Cursor::Siblings(root.first_child());
    }
    Cursor::Siblings(element.first_child())
}

/// Asks the browser whether an element is rendered.
struct StyleProbe {
    window: web_sys::Window,
    /// `Element.prototype.checkVisibility`, where the browser has it.
    check_visibility: Option<js_sys::Function>,
    /// `{visibilityProperty: true}`, built once.
    check_options: JsValue,
}

impl StyleProbe {
    fn new(document: &Document) -> Option<StyleProbe> {
        let window = document.default_view()?;
        let check_visibility = js_sys::Reflect::get(&window, &JsValue::from_str("Element"))
            .ok()
            .and_then(|element| js_sys::Reflect::get(&element, &JsValue::from_str("prototype")).ok())
            .and_then(|proto| js_sys::Reflect::get(&proto, &JsValue::from_str("checkVisibility")).ok())
            .filter(|f| f.is_function())
            .map(|f| f.unchecked_into::<js_sys::Function>());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("visibilityProperty"), &JsValue::TRUE);
        Some(StyleProbe { window, check_visibility, check_options: options.into() })
    }

    /// Whether computed style hides the element (`display: none`, `visibility: hidden|collapse`).
    fn hidden(&self, element: &Element) -> bool {
        if let Some(check) = &self.check_visibility {
            if check.call1(element, &self.check_options).ok().and_then(|v| v.as_bool()) == Some(true) {
                return false;
            }
        }
        let Ok(Some(style)) = self.window.get_computed_style(element) else {
            return false;
        };
        let display = style.get_property_value("display").unwrap_or_default();
        let visibility = style.get_property_value("visibility").unwrap_or_default();
        display == "none" || visibility == "hidden" || visibility == "collapse"
    }
}
