//! Declarative shadow roots (`<template shadowrootmode="open">`), read as the browser renders
//! them — the same flat tree the live-DOM reader walks (see `read_dom`): an open shadow host's
//! children are its shadow root's children, a `<slot>` holds the host's light-DOM nodes assigned
//! to it (or its own fallback content when none is), and light-DOM nodes assigned to no slot are
//! not rendered. Closed roots are invisible to pages and to Glose: their host shows its light DOM.
//!
//! html5ever (through scraper) keeps the declarative template as an ordinary `<template>` whose
//! first child is its content fragment; this module turns that back into the rendered tree.

use ego_tree::NodeRef;
use scraper::node::{Element, Node};
use std::collections::HashSet;

/// Elements that may host a shadow root (besides custom elements), per the DOM standard.
const SHADOW_HOSTS: &[&str] = &[
    "article", "aside", "blockquote", "body", "div", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "main", "nav", "p", "section", "span",
];

/// The shadow trees entered so far during one walk of a document.
#[derive(Default)]
pub struct ShadowTrees<'a> {
    /// Each tree: its host, and the tree the host itself lives in (`None`: the document).
    trees: Vec<(NodeRef<'a, Node>, Option<usize>)>,
    /// (tree, slot name) pairs already filled: only the first slot of a name gets the nodes.
    filled: HashSet<(usize, String)>,
}

impl<'a> ShadowTrees<'a> {
    /// The nodes rendered as children of `node` (an `element` in tree `tree`), and the tree they
    /// live in.
    pub fn rendered_children(
        &mut self,
        node: NodeRef<'a, Node>,
        element: &Element,
        tree: Option<usize>,
    ) -> (Vec<NodeRef<'a, Node>>, Option<usize>) {
        if let (Some(t), "slot") = (tree, element.name()) {
            let name = element.attr("name").unwrap_or_default();
            let (host, host_tree) = self.trees[t];
            if self.filled.insert((t, name.to_owned())) {
                let assigned: Vec<_> = host.children().filter(|c| slot_name(c) == Some(name)).collect();
                if !assigned.is_empty() {
                    return (assigned, host_tree);
                }
            }
            return (node.children().collect(), tree);
        }
        if let Some(contents) = open_shadow_root(node, element) {
            self.trees.push((node, tree));
            return (contents.children().collect(), Some(self.trees.len() - 1));
        }
        (node.children().collect(), tree)
    }
}

/// The slot a light-DOM child asks for: its `slot` attribute (`""` for the default slot) for an
/// element, `""` for a text node, `None` for nodes that are never slotted.
fn slot_name<'b>(child: &'b NodeRef<'_, Node>) -> Option<&'b str> {
    match child.value() {
        Node::Element(e) => Some(e.attr("slot").unwrap_or_default()),
        Node::Text(_) => Some(""),
        _ => None,
    }
}

/// The content fragment of `host`'s declarative shadow root when it is open: the first child
/// `<template>` with a valid `shadowrootmode` decides (a later one is an ordinary template).
fn open_shadow_root<'a>(host: NodeRef<'a, Node>, element: &Element) -> Option<NodeRef<'a, Node>> {
    let name = element.name();
    let custom = name.contains('-') && name.starts_with(|c: char| c.is_ascii_lowercase());
    if !custom && !SHADOW_HOSTS.contains(&name) {
        return None;
    }
    let template = host.children().find_map(|child| {
        let e = child.value().as_element().filter(|e| e.name() == "template")?;
        let mode = e.attr("shadowrootmode")?;
        (mode.eq_ignore_ascii_case("open") || mode.eq_ignore_ascii_case("closed")).then_some((child, mode))
    })?;
    let (template, mode) = template;
    if !mode.eq_ignore_ascii_case("open") {
        return None;
    }
    template.first_child().filter(|f| matches!(f.value(), Node::Fragment))
}
