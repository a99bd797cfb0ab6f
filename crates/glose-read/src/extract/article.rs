//! Main-article extraction: the content blocks of the article, boilerplate left out.
//!
//! The method is Firefox Reader View's (Readability.js), done over the snapshot arena without
//! changing it, in linear passes:
//! 1. [`prep`] cuts what is never the article: the comment section (`excluded`), dialogs,
//!    bylines, the heading that repeats the title, navigation, parts whose class / id / role say
//!    "sidebar", "menu", "comments"…, "read also" boxes and promos.
//! 2. [`facts`] measures every node once (text length, link text, commas, counts).
//! 3. [`scoring`] lets paragraphs score their ancestors, picks the best container and joins its
//!    siblings that look like content.
//! 4. [`cleaning`] cuts share bars, asides, forms and link-list-like blocks inside it.
//! 5. [`blocks`] reads it into headings, paragraphs, list items, quotes, captions and
//!    preformatted blocks, each keeping its source map into the page; "Most read" / "Related"
//!    link lists inside it are cut first ([`prep::cut_link_lists`]), and lines that are page
//!    chrome (credits, bylines, timestamps, tags, share links, counters: [`chrome`]) left out.
//!
//! When the result is short (under 500 chars), the passes run again with the class-based cuts,
//! then the class weights, then the conditional cleaning turned off, and the longest result wins.

mod blocks;
pub(crate) mod chrome;
mod cleaning;
mod facts;
mod hints;
mod prep;
mod scoring;

use crate::report::{BlockKind, Metadata};
use crate::snapshot::text::CollapsedText;
use crate::snapshot::{NodeId, Snapshot};

/// One content block found in the page.
#[derive(Clone, Debug)]
pub struct FoundBlock {
    /// What kind of block.
    pub kind: BlockKind,
    /// The element it was read from.
    pub node: NodeId,
    /// Its text with the source map back into the page.
    pub text: CollapsedText,
}

/// The article's blocks in reading order (empty when there is no article).
#[derive(Clone, Debug, Default)]
pub struct FoundArticle {
    /// Content blocks.
    pub blocks: Vec<FoundBlock>,
}

/// Which rules one extraction pass applies (later passes relax them).
#[derive(Clone, Copy, Debug)]
struct Flags {
    /// Cut parts whose class / id / role say they are not the article.
    strip_unlikely: bool,
    /// Let class / id hints weigh candidate scores.
    weight_classes: bool,
    /// Cut link-list-like blocks inside the article.
    clean_conditionally: bool,
    /// Cut "read also" boxes and promos by their opening words.
    cut_boxes: bool,
}

/// Below this many chars, a pass is retried with relaxed rules.
const MIN_ARTICLE_CHARS: usize = 500;

/// Extracts the main article, never looking inside `excluded` subtrees (the comment section).
pub fn extract(snapshot: &Snapshot, metadata: &Metadata, excluded: &[NodeId]) -> FoundArticle {
    let passes = [
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true, cut_boxes: true },
        Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true, cut_boxes: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true, cut_boxes: true },
        Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false, cut_boxes: true },
    ];
    let hints = hints::Hints::new(snapshot);
    let mut longest: Option<(usize, Vec<FoundBlock>)> = None;
    for flags in passes {
        let (blocks, trimmed) = one_pass(snapshot, &hints, metadata.title.as_deref(), excluded, flags);
        let chars: usize = blocks.iter().map(|b| b.text.text.chars().count()).sum();
        // The chrome lines and link lists cut from the article count here: leaving them out must
        // not send a short article to a relaxed pass that finds menus instead.
        if chars + trimmed >= MIN_ARTICLE_CHARS {
            return FoundArticle { blocks };
        }
        // Among short results, the one with the most text outside links: a relaxed pass that
        // only adds menus and link lists does not beat a short article.
        let own = own_text_chars(snapshot, &blocks);
        if longest.as_ref().is_none_or(|(best, _)| own > *best) {
            longest = Some((own, blocks));
        }
    }
    let (own, blocks) = longest.unwrap_or_default();
    if own < MIN_OWN_TEXT_CHARS {
        // Only link labels (a portal's menus and headline lists): no article here.
        return FoundArticle::default();
    }
    FoundArticle { blocks }
}

/// A short result with less text than this outside links is menus, not an article.
const MIN_OWN_TEXT_CHARS: usize = 1;

/// Chars of the blocks' text that are not inside a link.
fn own_text_chars(snapshot: &Snapshot, blocks: &[FoundBlock]) -> usize {
    let mut total = 0;
    for block in blocks {
        let ids = std::iter::once(block.node).chain(snapshot.descendants(block.node));
        for id in ids {
            let Some(text) = snapshot.text(id) else { continue };
            let in_link = std::iter::once(id)
                .chain(snapshot.ancestors(id))
                .take_while(|&a| a >= block.node)
                .any(|a| snapshot.is(a, "a"));
            if !in_link {
                total += facts::solid_chars_up_to(text, usize::MAX);
            }
        }
    }
    total
}

/// One pass: the blocks, and the chars of chrome lines and link lists cut from the article.
fn one_pass(snapshot: &Snapshot, hints: &hints::Hints<'_>, title: Option<&str>, excluded: &[NodeId], flags: Flags) -> (Vec<FoundBlock>, usize) {
    if snapshot.len() <= 1 {
        return (Vec::new(), 0);
    }
    let mut removed = prep::cut_boilerplate(snapshot, hints, title, excluded, flags);
    let facts = facts::Facts::compute(snapshot, &removed);
    let roots = scoring::find_article_roots(snapshot, &facts, hints, flags).unwrap_or_else(|| vec![snapshot.body()]);
    cleaning::clean_article(snapshot, &facts, hints, &roots, flags, &mut removed);
    let list_chars = if flags.cut_boxes { prep::cut_link_lists(snapshot, &roots, &mut removed) } else { 0 };
    let (blocks, chrome_chars) = blocks::read_blocks(snapshot, &facts, &removed, &roots);
    (blocks, chrome_chars + list_chars)
}

#[cfg(test)]
mod tests;
