//! Reading the chosen container into content blocks (headings, paragraphs, list items, quotes,
//! captions, preformatted text), each with its source map back into the page. Runs of inline
//! content directly inside containers become paragraphs; two `<br>` in a row split them.

use super::facts::{is_blank, is_phrasing, Facts};
use super::chrome;
use crate::page_patterns as patterns;
use super::FoundBlock;
use crate::report::BlockKind;
use crate::snapshot::text::TextCollector;
use crate::snapshot::{NodeId, Snapshot};

/// One step of the walk (an explicit stack keeps deep pages from overflowing the call stack).
enum Work {
    /// Read a container's children with this kind for its inline runs.
    Container(NodeId, BlockKind),
    /// Emit one block from these inline siblings of `parent`.
    Run(NodeId, Vec<NodeId>, BlockKind),
    /// Emit a whole subtree as one block.
    Leaf(NodeId, BlockKind),
}

/// Reads `roots` (in order) into blocks, skipping every subtree marked in `cut` or not alive;
/// also gives the chars of the chrome lines left out.
pub fn read_blocks(snapshot: &Snapshot, facts: &Facts, cut: &[bool], roots: &[NodeId]) -> (Vec<FoundBlock>, usize) {
    let mut chrome_chars = 0;
    let dead = |id: NodeId| !facts.alive[id as usize] || cut[id as usize];
    let mut blocks = Vec::new();
    let mut stack: Vec<Work> = Vec::new();
    for &root in roots.iter().rev() {
        if !dead(root) {
            stack.push(classify(snapshot, facts, root, BlockKind::Paragraph).unwrap_or(Work::Container(root, BlockKind::Paragraph)));
        }
    }
    while let Some(work) = stack.pop() {
        match work {
            Work::Leaf(id, kind) => {
                let mut collector = TextCollector::new();
                push_subtree(snapshot, facts, &dead, &mut collector, id);
                emit(&mut blocks, &mut chrome_chars, id, kind, collector);
            }
            Work::Run(parent, nodes, kind) => {
                let mut collector = TextCollector::new();
                for &n in &nodes {
                    if snapshot.is(n, "br") {
                        collector.push_space();
                    } else {
                        push_subtree(snapshot, facts, &dead, &mut collector, n);
                    }
                }
                emit(&mut blocks, &mut chrome_chars, parent, kind, collector);
            }
            Work::Container(id, kind) => {
                let mut items: Vec<Work> = Vec::new();
                let mut run: Vec<NodeId> = Vec::new();
                let mut last_was_br = false;
                for child in snapshot.children(id) {
                    if dead(child) {
                        continue;
                    }
                    if is_phrasing(snapshot, facts, child) {
                        let is_br = snapshot.is(child, "br");
                        if is_br && last_was_br {
                            flush(&mut items, &mut run, id, kind);
                            continue;
                        }
                        let blank = snapshot.text(child).is_some_and(is_blank);
                        if !blank {
                            last_was_br = is_br;
                        }
                        run.push(child);
                    } else {
                        flush(&mut items, &mut run, id, kind);
                        last_was_br = false;
                        if let Some(work) = classify(snapshot, facts, child, kind) {
                            items.push(work);
                        }
                    }
                }
                flush(&mut items, &mut run, id, kind);
                stack.extend(items.into_iter().rev());
            }
        }
    }
    // Short paragraphs that end with a photo credit are captions of pictures placed around the
    // text (teasers, galleries, credits under a banner): the page's furniture. So are captions
    // (`figcaption`, or a block its class calls a caption / legend / credit) that end with one:
    // the credit says the picture is an agency's or stock photo set beside the text ("… in
    // Pennsylvania © Noah Addis", "… – © jollier_ – stock.adobe.com"). Captions without a credit
    // stay: they are more often the article's own figures (galleries, listicles, diagrams).
    // A short heading inside a link is the title of a teaser card that links to another page.
    let mut kept = Vec::with_capacity(blocks.len());
    for block in blocks {
        let chars = block.text.text.chars().count();
        let caption = (block.kind == BlockKind::Paragraph && chars <= 300) || block.kind == BlockKind::Caption || is_caption(snapshot, block.node);
        if (caption && chrome::ends_with_credit(&block.text.text)) || (block.kind == BlockKind::Heading && chars <= 200 && in_link(snapshot, block.node)) {
            chrome_chars += chars;
        } else {
            kept.push(block);
        }
    }
    // Headings that end the article and have text cut after them title nothing in it: they are
    // the titles of the teaser lists and boxes that were cut ("Aktuelle News", "Was Sie zum
    // Coronavirus wissen müssen").
    // Below the article's text, a call to follow, join, subscribe or donate is the site's, not
    // the article's.
    while kept.len() > 1
        && kept.last().is_some_and(|b| {
            (b.kind == BlockKind::Heading && titles_cut_text(snapshot, roots, b.node))
                || (b.kind != BlockKind::Quote && b.kind != BlockKind::Preformatted && b.kind != BlockKind::Caption && chrome::is_call_to_action(&b.text.text))
        })
    {
        if let Some(b) = kept.pop() {
            chrome_chars += b.text.text.chars().count();
        }
    }
    (kept, chrome_chars)
}

/// Whether an element sits inside a link to another page (an `<a href>` among its four nearest
/// ancestors, not a `#fragment` link within the page).
fn in_link(snapshot: &Snapshot, node: NodeId) -> bool {
    snapshot.ancestors(node).take(4).any(|a| snapshot.is(a, "a") && snapshot.attr(a, "href").is_some_and(|h| !h.starts_with('#')))
}

/// Whether a block is a picture's caption: a `figcaption`, or an element whose class has the
/// word "caption", "legend" or "credit(s)" ("wp-caption-text", "media__caption"), the block or
/// one of its two nearest ancestors.
fn is_caption(snapshot: &Snapshot, node: NodeId) -> bool {
    std::iter::once(node).chain(snapshot.ancestors(node)).take(3).any(|a| {
        snapshot.is(a, "figcaption")
            || snapshot.attr(a, "class").is_some_and(|c| {
                c.split(|ch: char| !ch.is_alphanumeric())
                    .any(|p| ["caption", "legend", "credit", "credits"].iter().any(|w| p.eq_ignore_ascii_case(w)))
            })
    })
}

/// Whether some text follows `heading` inside its article root (the last block read: so that
/// text was cut).
fn titles_cut_text(snapshot: &Snapshot, roots: &[NodeId], heading: NodeId) -> bool {
    let Some(&root) = roots.iter().find(|&&r| snapshot.contains(r, heading) || r == heading) else { return false };
    let end = roots.iter().filter(|&&r| r >= root).map(|&r| snapshot.subtree_end(r)).max().unwrap_or(root);
    (snapshot.subtree_end(heading)..end).any(|id| snapshot.text(id).is_some_and(|t| !is_blank(t)))
}

fn flush(items: &mut Vec<Work>, run: &mut Vec<NodeId>, parent: NodeId, kind: BlockKind) {
    if !run.is_empty() {
        items.push(Work::Run(parent, std::mem::take(run), kind));
    }
}

/// What to do with a block-level element met inside a container of kind `context`.
fn classify(snapshot: &Snapshot, facts: &Facts, id: NodeId, context: BlockKind) -> Option<Work> {
    let tag = snapshot.tag(id)?;
    let flat = !facts.has_non_phrasing[id as usize];
    let inline_kind = match context {
        BlockKind::Quote | BlockKind::ListItem => context,
        _ => BlockKind::Paragraph,
    };
    Some(match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Work::Leaf(id, BlockKind::Heading),
        "pre" => Work::Leaf(id, BlockKind::Preformatted),
        "figcaption" | "caption" => Work::Leaf(id, BlockKind::Caption),
        "li" | "dt" | "dd" if flat => Work::Leaf(id, BlockKind::ListItem),
        "li" | "dt" | "dd" => Work::Container(id, BlockKind::ListItem),
        "blockquote" if flat => Work::Leaf(id, BlockKind::Quote),
        "blockquote" => Work::Container(id, BlockKind::Quote),
        "p" if flat => Work::Leaf(id, inline_kind),
        "hr" | "img" | "picture" | "source" | "map" | "area" | "head" | "title" | "meta" | "link" | "script" => return None,
        _ => Work::Container(id, if context == BlockKind::Quote || context == BlockKind::ListItem { context } else { BlockKind::Paragraph }),
    })
}

/// Adds the text of a subtree, skipping dead parts, with a space at `<br>` and around blocks.
fn push_subtree(snapshot: &Snapshot, facts: &Facts, dead: &dyn Fn(NodeId) -> bool, collector: &mut TextCollector, root: NodeId) {
    if let Some(t) = snapshot.text(root) {
        collector.push_node(root, t);
        return;
    }
    let end = snapshot.subtree_end(root);
    let mut id = root + 1;
    while id < end {
        if dead(id) {
            id = snapshot.subtree_end(id);
            continue;
        }
        match snapshot.tag(id) {
            None => {
                if let Some(t) = snapshot.text(id) {
                    collector.push_node(id, t);
                }
            }
            Some("br") => collector.push_space(),
            Some(_) if !is_phrasing(snapshot, facts, id) => collector.push_space(),
            _ => {}
        }
        id += 1;
    }
}

fn emit(blocks: &mut Vec<FoundBlock>, chrome_chars: &mut usize, node: NodeId, kind: BlockKind, collector: TextCollector) {
    let text = collector.finish();
    if text.text.is_empty() || patterns::is_ad_or_loading_label(&text.text) {
        return;
    }
    // Credits, bylines, timestamps, tags, share links, list headings: chrome, not the article.
    if !matches!(kind, BlockKind::Quote | BlockKind::Preformatted) && chrome::is_chrome_line(&text.text, kind == BlockKind::Heading) {
        *chrome_chars += text.text.chars().count();
        return;
    }
    blocks.push(FoundBlock { kind, node, text });
}
