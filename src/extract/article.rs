//! Main-article extraction: the content blocks of the article, boilerplate left out.

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

/// Extracts the main article, never looking inside `excluded` subtrees (the comment section).
pub fn extract(snapshot: &Snapshot, _metadata: &Metadata, excluded: &[NodeId]) -> FoundArticle {
    let mut blocks = Vec::new();
    let mut id = 0;
    while (id as usize) < snapshot.len() {
        if excluded.contains(&id) {
            id = snapshot.subtree_end(id);
            continue;
        }
        if snapshot.is(id, "p") {
            let text = CollapsedText::of_subtree(snapshot, id);
            if !text.text.is_empty() {
                blocks.push(FoundBlock { kind: BlockKind::Paragraph, node: id, text });
            }
            id = snapshot.subtree_end(id);
            continue;
        }
        id += 1;
    }
    FoundArticle { blocks }
}
