//! Which elements are single comments: markup that says so (`class="comment"`, `id="comment-123"`,
//! schema.org `Comment` microdata, `role="comment"`, Disqus `post` items), and which elements
//! hold comment sections (ids, classes, aria-labels and headings that mean "comments").

use super::names::Names;
use super::vocabulary::{self, is_item_class, is_item_id, names_section};
use super::plain_text::PlainText;
use crate::snapshot::{NodeId, Snapshot};

/// Tags that never hold a whole comment.
const NOT_ITEM_TAGS: &[&str] = &[
    "a", "span", "time", "img", "input", "label", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "button", "body", "html", "main", "nav", "ul", "ol", "table", "tbody", "thead", "b", "strong",
    "em", "i", "small", "cite", "abbr", "head", "title", "meta", "link", "script",
];

/// Tags that can hold a whole comment section.
const SECTION_TAGS: &[&str] = &["div", "section", "aside", "ol", "ul", "footer", "article", "dl", "details"];

/// Whether the markup of an element says it is one comment (and not the form to write one,
/// like `comment_form_for_12` or `comment-respond`).
pub fn is_marked_item(snapshot: &Snapshot, names: &Names, id: NodeId) -> bool {
    says_one_comment(snapshot, names, id)
        && !names.of(id).iter().any(|p| matches!(p.as_ref(), "form" | "respond" | "editor" | "compose" | "placeholder"))
}

fn says_one_comment(snapshot: &Snapshot, names: &Names, id: NodeId) -> bool {
    let Some(tag) = snapshot.tag(id) else { return false };
    if NOT_ITEM_TAGS.contains(&tag) {
        return false;
    }
    if snapshot.attr(id, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("comment")) {
        return true;
    }
    if let Some(item_type) = snapshot.attr(id, "itemtype") {
        let lower = item_type.to_ascii_lowercase();
        if lower.split_whitespace().any(|t| t.ends_with("schema.org/comment") || t.ends_with("schema.org/usercomments")) {
            return true;
        }
    }
    if snapshot.attr(id, "itemscope").is_some()
        && snapshot.attr(id, "itemprop").is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case("comment") || p.eq_ignore_ascii_case("comments")))
    {
        return true;
    }
    if let Some(class) = snapshot.attr(id, "class") {
        if class.split_whitespace().any(is_item_class) {
            return true;
        }
        if class.split_whitespace().any(|c| c.eq_ignore_ascii_case("post")) && in_disqus_list(snapshot, names, id) {
            return true;
        }
    }
    snapshot.attr(id, "id").is_some_and(is_item_id)
}

/// Whether a `post` item sits in a Disqus-style thread (`#disqus_thread`, `#post-list`).
fn in_disqus_list(snapshot: &Snapshot, names: &Names, id: NodeId) -> bool {
    snapshot.ancestors(id).take(8).any(|a| {
        let parts = names.of(a);
        parts.iter().any(|p| p == "disqus") || parts.windows(2).any(|w| w[0] == "post" && w[1] == "list")
    })
}

/// Per-node facts about comment sections, computed in one pass.
pub struct Sections {
    /// For each node, the outermost valid comment section that contains it (itself included).
    pub outermost: Vec<Option<NodeId>>,
    /// Prefix counts of article markers (`h1`, `itemprop=articleBody`) in document order.
    article_marks: Vec<u32>,
}

impl Sections {
    /// Marks sections by names, aria-labels and headings, then keeps those that hold no article.
    pub fn find(snapshot: &Snapshot, names: &Names) -> Sections {
        let n = snapshot.len();
        let mut article_marks = Vec::with_capacity(n + 1);
        let mut count = 0u32;
        let mut marked = vec![false; n];
        for id in 0..n as NodeId {
            article_marks.push(count);
            if is_article_mark(snapshot, id) {
                count += 1;
            }
            let Some(tag) = snapshot.tag(id) else { continue };
            if matches!(tag, "h2" | "h3" | "h4") {
                let text = PlainText::of_subtree(snapshot, id);
                if vocabulary::is_comment_heading(&text) {
                    if let Some(parent) = snapshot.parent(id) {
                        marked[parent as usize] = true;
                    }
                }
            }
            if SECTION_TAGS.contains(&tag) && (names_section(names.of(id)) || aria_label_says_comments(snapshot, id)) {
                marked[id as usize] = true;
            }
        }
        article_marks.push(count);
        let mut sections = Sections { outermost: vec![None; n], article_marks };
        for id in 1..n as NodeId {
            let parent = snapshot.parent(id).unwrap_or(0);
            sections.outermost[id as usize] = sections.outermost[parent as usize].or_else(|| {
                let valid = marked[id as usize]
                    && snapshot.tag(id).is_some_and(|t| SECTION_TAGS.contains(&t))
                    && !sections.holds_article(snapshot, id);
                valid.then_some(id)
            });
        }
        sections
    }

    /// Whether a subtree holds the article's title or body (so it cannot be the comments).
    pub fn holds_article(&self, snapshot: &Snapshot, id: NodeId) -> bool {
        self.article_marks[snapshot.subtree_end(id) as usize] > self.article_marks[id as usize]
    }
}

fn is_article_mark(snapshot: &Snapshot, id: NodeId) -> bool {
    snapshot.is(id, "h1") || snapshot.attr(id, "itemprop").is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case("articlebody")))
}

fn aria_label_says_comments(snapshot: &Snapshot, id: NodeId) -> bool {
    snapshot.attr(id, "aria-label").is_some_and(vocabulary::is_comment_heading)
}
