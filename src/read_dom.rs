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
//!   `visibility` is `hidden`/`collapse` is dropped with its subtree. In Blink the walker (in
//!   JavaScript, see below) reads the two properties from `getComputedStyle`; elsewhere the fast
//!   path is one native `Element.checkVisibility({visibilityProperty: true})` call per element,
//!   and only when it says "not visible" (no box: `display: none`, but also `display: contents`
//!   or content inside a closed `<details>`) is `getComputedStyle` asked, so those stay (whichever
//!   is cheaper there: the verdict is the same). Void elements (`meta`,
//!   `link`, `img`, `br`…) and `title`/`script` are never checked: they hold no text, and
//!   microdata `<meta itemprop>` in the body must survive for metadata. Like the native reader
//!   with inline styles, a `visibility: visible` child inside a hidden parent is dropped too.
//!   Only elements that something could hide are asked (walk.js `styleSuspects`): the walker
//!   reads the page's style sheets first and notes the id, class or tag each hiding rule's
//!   subject requires (selectors without one are run once with `querySelectorAll`); an element
//!   is checked when it carries one, has a `style` or `popover` attribute, is no plain HTML
//!   element (user-agent style hides `dialog`, `rp`…), is animated, sits in a shadow tree or a
//!   slot, or its parent was not itself found visible. A cross-origin sheet (unreadable) or a
//!   rule the walker does not understand means every element is checked, as before. The result
//!   is the same; style the page cannot see (other extensions' injected sheets, user sheets) is
//!   not taken into account.
//! - **Open shadow roots** are read as the browser renders them (the flat tree): a host's
//!   snapshot children are its shadow root's children (the light-DOM children are not read
//!   there); a `<slot>` element's snapshot children are the light-DOM nodes assigned to it, or its
//!   own fallback children when none is assigned. The slotted nodes thus appear once, at their
//!   rendered place, under the `slot` element. Closed shadow roots are invisible to pages and to
//!   Glose. The native reader reads open declarative shadow roots
//!   (`<template shadowrootmode=open>`) the same way (`crates/glose-read/src/read_html/shadow.rs`).
//!
//! - **Glose's own elements** (custom elements named `glose-*`: tooltip, summary panel, note form,
//!   each holding its UI in an open shadow root) are not page content and are skipped, so analysing
//!   a page again while Glose is showing gives the same snapshot. (`extension/src/content/own-elements.js`
//!   lists them for the selection logic; the walker skips the prefix.)
//!
//! **Few crossings.** Every wasm→JS call costs far more than the DOM access it makes, so the walk
//! itself runs in JavaScript (`src/read_dom/walk.js`, one call; the same walker, copied into the
//! extension by the build, is the strict-CSP fallback's reader): it returns the live nodes in
//! walk order, one `Int32Array` of structure (parent, tag, attribute names and `class` values as
//! interned ids) and ONE string holding every tag name, attribute name, value (a class value
//! once) and text (U+0000-separated, with their UTF-16 lengths). The rule lists stay here and go to the script as arguments; the script
//! applies the markup rules too (its `skipsElement` and `hiddenByMarkup` follow
//! [`skips_element`] and [`hidden_by_markup`]) so that the reading limits stop it at a snapshot
//! node; Rust applies [`skips_element`] and [`hidden_by_markup`] again, and compacts the node
//! table in one more call should it drop anything.
//!
//! **Reading limits** ([`limits`]): the script stops at the node count, reads only the start of a
//! long text node and stops inside the node that crosses the page's text limit, exactly where
//! [`limits::cap`] would cut, and says which limit stopped it; the snapshot is marked
//! ([`Snapshot::mark_truncated`]), so a page of a million elements is never read whole. A
//! document of more elements than [`limits::MAX_NODES`] is past the node limit before it is
//! read: the script walks only the part [`limits::cap`] analyses of such a page.
//! The wasm sink keeps what the walk read past that part on other pages; `cap` cuts it.
//!
//! The walk is iterative (an explicit stack of sibling cursors), so a 100,000-deep page does not
//! overflow the stack.

use crate::snapshot::{limits, wire, NodeId, Snapshot, SnapshotError, KEPT_ATTRIBUTES, SKIPPED_ELEMENTS};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Node};

/// Tag prefix of the elements Glose itself adds to a page (skipped with their subtrees).
pub const OWN_ELEMENT_PREFIX: &str = "glose-";

/// Elements never asked for their computed style: void elements and non-rendered metadata
/// holders. They have no text of their own, and `<meta itemprop>`/`<link>` in the body carry
/// metadata even though the user-agent style hides them.
pub const NEVER_STYLE_CHECKED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "title", "script",
];

#[wasm_bindgen(module = "/src/read_dom/walk.js")]
extern "C" {
    /// What one JavaScript walk of a document returns.
    type Walk;

    #[wasm_bindgen(catch)]
    fn glose_walk_dom(
        doc: &Document,
        kept: &str,
        skipped: &str,
        unchecked: &str,
        prefix: &str,
        computed_style: bool,
        max_nodes: u32,
        max_text_node: u32,
        max_text: u32,
        past_nodes: u32,
        past_text: u32,
    ) -> Result<Walk, JsValue>;

    fn glose_keep_nodes(live: &js_sys::Array, keep: &[u8]) -> js_sys::Array;

    #[wasm_bindgen(method, getter)]
    fn live(this: &Walk) -> js_sys::Array;
    #[wasm_bindgen(method, getter)]
    fn ops(this: &Walk) -> js_sys::Int32Array;
    /// Encodes `walk.text` from UTF-16 unit `from` into `into`: `[units read, bytes written]`.
    fn glose_encode_text(walk: &Walk, from: u32, into: &js_sys::Uint8Array) -> Vec<u32>;
    /// The UTF-16 length of the walk's strings.
    #[wasm_bindgen(method, getter, js_name = textLength)]
    fn text_length(this: &Walk) -> u32;
    #[wasm_bindgen(method, getter)]
    fn lens(this: &Walk) -> js_sys::Uint32Array;
    #[wasm_bindgen(method, getter, js_name = styleChecks)]
    fn style_checks(this: &Walk) -> u32;
    #[wasm_bindgen(method, getter)]
    fn truncated(this: &Walk) -> Option<String>;
}

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

/// The live node of every snapshot id: a JavaScript array (handed to JS as it is), copied into
/// Rust handles only if Rust code indexes it.
pub struct LiveNodes {
    array: js_sys::Array,
    copied: OnceCell<Vec<Node>>,
}

impl LiveNodes {
    fn copied(&self) -> &[Node] {
        self.copied.get_or_init(|| self.array.iter().map(|v| v.unchecked_into::<Node>()).collect())
    }

    /// Number of nodes (the snapshot's length).
    pub fn len(&self) -> usize {
        self.array.length() as usize
    }

    /// Whether there is no node at all (never for a read document: node 0 is the document).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The live node of snapshot id `id`, if in range.
    pub fn get(&self, id: usize) -> Option<&Node> {
        self.copied().get(id)
    }

    /// The JavaScript array of live nodes (`nodes[i]` is snapshot id `i`).
    pub fn as_array(&self) -> &js_sys::Array {
        &self.array
    }

    /// The JavaScript array of live nodes, without copying.
    pub fn into_array(self) -> js_sys::Array {
        self.array
    }
}

impl std::ops::Index<usize> for LiveNodes {
    type Output = Node;
    fn index(&self, id: usize) -> &Node {
        &self.copied()[id]
    }
}

/// The live nodes as Rust handles, one wasm→JS call each (prefer [`LiveNodes::into_array`]).
impl IntoIterator for LiveNodes {
    type Item = Node;
    type IntoIter = std::vec::IntoIter<Node>;
    fn into_iter(self) -> Self::IntoIter {
        let _ = self.copied();
        self.copied.into_inner().unwrap_or_default().into_iter()
    }
}

/// A snapshot of a live document plus, for every snapshot id, its live node.
pub struct LiveSnapshot {
    /// The page, as both readers build it.
    pub snapshot: Snapshot,
    /// `nodes[i]` is the live node of snapshot id `i` (`nodes[0]` is the document).
    pub nodes: LiveNodes,
    /// How many elements had their visibility checked against computed style (for benchmarks).
    pub style_checks: u32,
}

impl LiveSnapshot {
    /// The live node of a snapshot id, if the id is in range.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }
}

/// Why a live document could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The JavaScript walk threw (a page that replaced a DOM method, a detached document…): the
    /// exception's name and message, so the caller can say what happened.
    Walk(String),
    /// The walk's output did not make a valid snapshot.
    Snapshot(SnapshotError),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Walk(message) => write!(f, "the live DOM walk failed: {message}"),
            ReadError::Snapshot(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<SnapshotError> for ReadError {
    fn from(e: SnapshotError) -> Self {
        ReadError::Snapshot(e)
    }
}

/// The words of a JavaScript exception: `Name: message` for an `Error`, else its string form.
fn exception_text(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(e.name()), String::from(e.message()));
    }
    value
        .as_string()
        .or_else(|| js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "a value that is not an Error".to_owned())
}

/// Reads a rendered document with the default options (computed style on).
pub fn read_document(document: &Document) -> Result<LiveSnapshot, ReadError> {
    read_document_with(document, ReadOptions::default())
}

/// A walk's strings as a Rust string, encoded by the engine straight into this instance's memory:
/// room for one byte a unit first (ASCII), then three a unit for what did not fit.
fn walk_text(walk: &Walk) -> Result<String, ReadError> {
    let units = walk.text_length() as usize;
    let mut bytes: Vec<u8> = Vec::with_capacity(units);
    let mut read = 0usize;
    let mut passes = 1;
    loop {
        let spare = bytes.spare_capacity_mut();
        // SAFETY: the view covers this vector's spare capacity and lives only for the call, which
        // allocates nothing in this instance's memory (so the memory cannot move under it).
        let into = unsafe { js_sys::Uint8Array::view_mut_raw(spare.as_mut_ptr().cast::<u8>(), spare.len()) };
        let done = glose_encode_text(walk, read as u32, &into);
        let (more, written) = match done[..] {
            [more, written] if written as usize <= spare.len() => (more as usize, written as usize),
            _ => return Err(BROKEN.into()),
        };
        // SAFETY: the engine wrote `written` bytes at the start of the spare capacity.
        unsafe { bytes.set_len(bytes.len() + written) };
        read += more;
        if read >= units {
            break;
        }
        // With three bytes a unit, the second pass always finishes.
        if passes == 2 {
            return Err(BROKEN.into());
        }
        passes += 1;
        bytes.reserve(3 * (units - read));
    }
    // SAFETY: `TextEncoder.encodeInto` writes UTF-8 (lone surrogates become U+FFFD), whole code
    // points only; this is the trust wasm-bindgen's own string passing places in the same call
    // (its `String` arguments are not validated either). The encoder is the walk module's own,
    // made when it loaded (the extension's content scripts run in their own world).
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

const BROKEN: SnapshotError = SnapshotError { node: 0, reason: "the live DOM walk returned inconsistent data" };

/// Reads a rendered document (it must have a browsing context for computed style to mean
/// anything: the page's own `document`, or a same-origin iframe's).
pub fn read_document_with(document: &Document, options: ReadOptions) -> Result<LiveSnapshot, ReadError> {
    let walk = glose_walk_dom(
        document,
        &KEPT_ATTRIBUTES.join(","),
        &SKIPPED_ELEMENTS.join(","),
        &NEVER_STYLE_CHECKED.join(","),
        OWN_ELEMENT_PREFIX,
        options.computed_style,
        limits::MAX_NODES as u32,
        limits::MAX_TEXT_NODE_UNITS as u32,
        limits::MAX_TEXT_UNITS as u32,
        limits::PAST_LIMIT_NODES as u32,
        limits::PAST_LIMIT_TEXT_UNITS as u32,
    )
    .map_err(|e| ReadError::Walk(exception_text(&e)))?;
    crate::phases::mark("walk");
    let live = walk.live();
    let ops = walk.ops().to_vec();
    let lens = walk.lens().to_vec();
    let text = walk_text(&walk)?;
    let style_checks = walk.style_checks();
    crate::phases::mark("transfer");
    let decoded = wire::decode(&ops, &lens, &text, live.length() as usize)?;
    crate::phases::mark("loop");
    let mut snapshot = decoded.snapshot;
    match walk.truncated().as_deref() {
        Some("text_node") => snapshot.mark_truncated(limits::Limit::TextNode),
        Some("nodes") => snapshot.mark_truncated(limits::Limit::Nodes),
        Some("text") => snapshot.mark_truncated(limits::Limit::Text),
        _ => {}
    }
    let array = if let Some(kept) = decoded.kept {
        let keep: Vec<u8> = kept.into_iter().map(u8::from).collect();
        glose_keep_nodes(&live, &keep)
    } else {
        live
    };
    crate::phases::mark("build");
    Ok(LiveSnapshot { snapshot, nodes: LiveNodes { array, copied: OnceCell::new() }, style_checks })
}
