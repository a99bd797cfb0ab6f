//! Which elements are single comments: markup that says so (`class="comment"`, `id="comment-123"`,
//! schema.org `Comment` microdata, `role="comment"`, Disqus `post` items), and which elements
//! hold comment sections (ids, classes, aria-labels and headings that mean "comments").

use super::class_parts::{Attr, ClassParts};
use super::word_rules::{self, is_item_id, names_section};
use super::plain_text::PlainText;
use crate::snapshot::{NodeId, Snapshot};

/// Tags that never hold a whole comment.
fn is_never_an_item(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "span" | "time" | "img" | "input" | "label" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "button" | "body"
            | "html" | "main" | "nav" | "ul" | "ol" | "table" | "tbody" | "thead" | "b" | "strong" | "em" | "i" | "small"
            | "cite" | "abbr" | "head" | "title" | "meta" | "link" | "script"
    )
}

/// Tags that can hold a whole comment section.
fn can_hold_a_section(tag: &str) -> bool {
    matches!(tag, "div" | "section" | "aside" | "ol" | "ul" | "footer" | "article" | "dl" | "details")
}

/// Whether the markup of an element (of this tag) says it is one comment (and not the form to
/// write one, like `comment_form_for_12` or `comment-respond`).
fn is_marked_item(snapshot: &Snapshot, class_parts: &ClassParts, id: NodeId, tag: &str) -> bool {
    says_one_comment(snapshot, class_parts, id, tag)
        && !class_parts.of(id).iter().any(|p| matches!(p.as_ref(), "form" | "respond" | "editor" | "compose" | "placeholder"))
}

fn says_one_comment(snapshot: &Snapshot, class_parts: &ClassParts, id: NodeId, tag: &str) -> bool {
    // The attributes' presence was noted in the class-parts pass (this runs on every element of
    // the page); a value is looked up only when its attribute is there, the first of a name as
    // `Snapshot::attr` reads it.
    let has = |attr: Attr| class_parts.has(id, attr);
    if !(has(Attr::Role) || has(Attr::ItemType) || has(Attr::ItemScope) || has(Attr::Class) || has(Attr::Id)) {
        return false;
    }
    if is_never_an_item(tag) {
        return false;
    }
    if has(Attr::Role) && snapshot.attr(id, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("comment")) {
        return true;
    }
    if let Some(item_type) = has(Attr::ItemType).then(|| snapshot.attr(id, "itemtype")).flatten() {
        let lower = item_type.to_ascii_lowercase();
        if lower.split_whitespace().any(|t| t.ends_with("schema.org/comment") || t.ends_with("schema.org/usercomments")) {
            return true;
        }
    }
    if has(Attr::ItemScope)
        && has(Attr::ItemProp)
        && snapshot.attr(id, "itemprop").is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case("comment") || p.eq_ignore_ascii_case("comments")))
    {
        return true;
    }
    // An id naming one comment holds a part of the item word list (`comment-12`), which the
    // per-page parts already know; only a numbered id (`comment42`) has none but a digit.
    if has(Attr::Class) {
        // Both answers were found once per distinct class value (`ClassParts::index`).
        if class_parts.has_item_class(id) {
            return true;
        }
        if class_parts.has_post_class(id) && in_disqus_list(snapshot, class_parts, id) {
            return true;
        }
    }
    has(Attr::Id)
        && snapshot.attr(id, "id").is_some_and(|v| (word_rules::has_item_word(class_parts.of(id)) || v.bytes().any(|b| b.is_ascii_digit())) && is_item_id(v))
}

/// Whether a `post` item sits in a Disqus-style thread (`#disqus_thread`, `#post-list`).
fn in_disqus_list(snapshot: &Snapshot, class_parts: &ClassParts, id: NodeId) -> bool {
    snapshot.ancestors(id).take(8).any(|a| {
        let parts = class_parts.of(a);
        parts.iter().any(|p| p == "disqus") || parts.windows(2).any(|w| w[0] == "post" && w[1] == "list")
    })
}

/// Per-node facts about comment sections, computed in one pass.
pub struct Sections {
    /// For each node, the outermost valid comment section that contains it (itself included).
    pub outermost: Vec<Option<NodeId>>,
    /// Prefix counts of article markers (`h1`, `itemprop=articleBody`) in document order.
    article_marks: Vec<u32>,
    /// Comment headings that share their parent with the article, each with the siblings after
    /// it that make its section ("<h2>Leserkommentare</h2><p>…</p><ul>…</ul>").
    pub heading_runs: Vec<(NodeId, Vec<NodeId>)>,
    /// The elements whose markup says they are one comment, in page order (found in the same
    /// pass over the page).
    pub marked_items: Vec<NodeId>,
}

impl Sections {
    /// Marks sections by names, aria-labels and headings, then keeps those that hold no article.
    pub fn find(snapshot: &Snapshot, class_parts: &ClassParts) -> Sections {
        let n = snapshot.len();
        let mut article_marks = Vec::with_capacity(n + 1);
        let mut count = 0u32;
        let mut marked = vec![false; n];
        let mut headings = Vec::new();
        let mut marked_items = Vec::new();
        for id in 0..n as NodeId {
            article_marks.push(count);
            let Some(tag) = snapshot.tag(id) else { continue };
            if is_marked_item(snapshot, class_parts, id, tag) {
                marked_items.push(id);
            }
            if is_article_mark(snapshot, class_parts, id, tag) {
                count += 1;
            }
            if matches!(tag, "h2" | "h3" | "h4") && word_rules::is_comment_heading(&PlainText::of_subtree(snapshot, id)) {
                headings.push(id);
            }
            if can_hold_a_section(tag) && (names_section(class_parts.of(id)) || aria_label_says_comments(snapshot, class_parts, id)) {
                marked[id as usize] = true;
            }
        }
        article_marks.push(count);
        let mut sections = Sections { outermost: vec![None; n], article_marks, heading_runs: Vec::new(), marked_items };
        for heading in headings {
            let Some(parent) = snapshot.parent(heading) else { continue };
            if snapshot.tag(parent).is_some_and(can_hold_a_section) && !sections.holds_article(snapshot, parent) {
                marked[parent as usize] = true;
                continue;
            }
            // The heading shares its parent with the article: the comments are the siblings
            // after it, up to the next heading of its rank or higher.
            let rank = heading_rank(snapshot, heading).unwrap_or(2);
            let run: Vec<NodeId> = snapshot
                .children(parent)
                .filter(|&c| c > heading && snapshot.tag(c).is_some())
                .take_while(|&c| heading_rank(snapshot, c).is_none_or(|r| r > rank) && !sections.holds_article(snapshot, c))
                .collect();
            for &c in &run {
                marked[c as usize] = true;
            }
            sections.heading_runs.push((heading, run));
        }
        for id in 1..n as NodeId {
            let parent = snapshot.parent(id).unwrap_or(0);
            sections.outermost[id as usize] = sections.outermost[parent as usize].or_else(|| {
                let valid = marked[id as usize]
                    && snapshot.tag(id).is_some_and(can_hold_a_section)
                    && !sections.holds_article(snapshot, id);
                valid.then_some(id)
            });
        }
        sections
    }

    /// The heading and siblings of the heading-led section that holds `id`, if any.
    pub fn heading_run_around(&self, snapshot: &Snapshot, id: NodeId) -> Option<&(NodeId, Vec<NodeId>)> {
        self.heading_runs.iter().find(|(_, run)| run.iter().any(|&s| snapshot.contains(s, id)))
    }

    /// Whether a subtree holds the article's title or body (so it cannot be the comments).
    pub fn holds_article(&self, snapshot: &Snapshot, id: NodeId) -> bool {
        self.article_marks[snapshot.subtree_end(id) as usize] > self.article_marks[id as usize]
    }
}

/// 1 for `h1` … 6 for `h6`, `None` for other nodes.
fn heading_rank(snapshot: &Snapshot, id: NodeId) -> Option<u8> {
    match snapshot.tag(id)? {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Whether an element (of this tag) is the article's title or body.
fn is_article_mark(snapshot: &Snapshot, class_parts: &ClassParts, id: NodeId, tag: &str) -> bool {
    tag == "h1"
        || (class_parts.has(id, Attr::ItemProp)
            && snapshot.attr(id, "itemprop").is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case("articlebody"))))
}

fn aria_label_says_comments(snapshot: &Snapshot, class_parts: &ClassParts, id: NodeId) -> bool {
    class_parts.has(id, Attr::AriaLabel) && snapshot.attr(id, "aria-label").is_some_and(word_rules::is_comment_heading)
}

#[cfg(test)]
#[test]
fn marked_items_are_the_marked_elements_in_page_order() {
    use crate::snapshot::SnapshotBuilder;
    let mut b = SnapshotBuilder::new();
    let section = b.element(0, "section", [("id", "comments")]);
    for k in 0..6 {
        let attrs: Vec<(&str, &str)> = match k {
            0 => vec![("class", "comment")],
            1 => vec![("id", "comment-12"), ("class", "x")],
            2 => vec![("role", "comment")],
            3 => vec![("class", "comment-form")],
            4 => vec![("itemscope", ""), ("itemtype", "https://schema.org/Comment")],
            _ => vec![("id", "respond"), ("class", "comment")],
        };
        let li = b.element(section, if k == 3 { "form" } else { "li" }, attrs);
        b.text(li, "Anna: yes");
        let span = b.element(li, "span", [("class", "comment")]);
        b.text(span, "x");
    }
    let s = b.finish().unwrap();
    let class_parts = ClassParts::index(&s);
    let one_by_one: Vec<NodeId> = (0..s.len() as NodeId).filter(|&id| s.tag(id).is_some_and(|t| is_marked_item(&s, &class_parts, id, t))).collect();
    assert_eq!(Sections::find(&s, &class_parts).marked_items, one_by_one);
    assert_eq!(one_by_one.len(), 4, "{one_by_one:?}");
}
