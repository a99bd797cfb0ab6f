//! The native DOM reader: parses saved HTML with html5ever (through `scraper`) into the same
//! [`Snapshot`] the live-DOM reader builds in the browser.
//!
//! Without computed style, visibility comes from markup alone: the `hidden` attribute,
//! `aria-hidden="true"`, inline `display:none` / `visibility:hidden`, and `<input type=hidden>`.
//!
//! Like a browser's parser, it stops nesting elements past a depth cap (see [`depth_cap`]), so a
//! hostile 100,000-deep page parses in linear time. Open declarative shadow roots are read as
//! rendered, like the live reader reads open shadow roots (see [`shadow`]).

internal_mods! {
    /// The depth cap browsers apply while parsing.
    depth_cap;
    /// Declarative shadow roots.
    shadow;
}

use crate::snapshot::{hidden_by_markup, limits, skips_element, NodeId, Snapshot, SnapshotBuilder};
use scraper::node::Node as HtmlNode;

/// Parses an HTML document (never fails: html5ever recovers from any markup).
pub fn parse_html(html: &str) -> Snapshot {
    snapshot_of(&depth_cap::parse_document(html))
}

/// Copies a parsed document's kept nodes into a snapshot, in document order.
fn snapshot_of(document: &scraper::Html) -> Snapshot {
    let mut builder = SnapshotBuilder::new();
    let mut shadow_trees = shadow::ShadowTrees::default();
    // Explicit stack: (node, parent id in the snapshot, shadow tree of the node). Children are
    // pushed in reverse so they pop in document order, which keeps the snapshot in pre-order.
    let mut stack: Vec<(ego_tree::NodeRef<'_, HtmlNode>, NodeId, Option<usize>)> = Vec::new();
    for child in document.tree.root().children().rev() {
        stack.push((child, 0, None));
    }
    while let Some((node, parent, tree)) = stack.pop() {
        match node.value() {
            HtmlNode::Element(element) => {
                let tag = element.name();
                let attr = |name: &str| element.attr(name);
                if skips_element(tag, attr) || hidden_by_markup(tag, attr) {
                    continue;
                }
                let id = builder.element(parent, tag, element.attrs());
                let (children, tree) = shadow_trees.rendered_children(node, element, tree);
                for child in children.into_iter().rev() {
                    stack.push((child, id, tree));
                }
            }
            HtmlNode::Text(text) => {
                builder.text(parent, text);
            }
            _ => {}
        }
    }
    let mut snapshot = builder.finish().expect("a tree walk in pre-order is always a valid snapshot");
    if element_count(document) > limits::MAX_NODES {
        // Past the node limit however much of it is read (the live walker counts the same way,
        // `elementCount` in walk.js): `limits::cap` analyses its first part.
        snapshot.mark_truncated(limits::Limit::Nodes);
    }
    snapshot
}

/// The elements of a parsed document, all of them (skipped and hidden ones included): what
/// `document.getElementsByTagName('*').length` counts in a browser (which keeps template contents
/// and declarative shadow roots apart; this count may include them).
fn element_count(document: &scraper::Html) -> usize {
    document.tree.values().filter(|node| node.is_element()).count()
}

/// Decodes a saved page's bytes as a browser would: byte-order mark, then a `<meta charset>` or
/// `http-equiv` declaration in the first 1024 bytes, then `content_type`'s charset, else UTF-8
/// (invalid bytes become U+FFFD).
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    let declared = sniff_meta_charset(&bytes[..bytes.len().min(1024)])
        .or_else(|| content_type.and_then(charset_param))
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .map(|e| if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE { encoding_rs::UTF_8 } else { e })
        .unwrap_or(encoding_rs::UTF_8);
    declared.decode_without_bom_handling(bytes).0.into_owned()
}

/// Reads a saved page's bytes into a snapshot (see [`decode`]).
pub fn parse_bytes(bytes: &[u8]) -> Snapshot {
    parse_html(&decode(bytes, None))
}

fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let rest = &content_type[at + 8..];
    let value: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '>' | '/'))
        .collect();
    (!value.is_empty()).then_some(value)
}

fn sniff_meta_charset(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = text[from..].find("<meta") {
        let start = from + at;
        let end = text[start..].find('>').map(|e| start + e).unwrap_or(text.len());
        if let Some(value) = charset_param(&text[start..end]) {
            return Some(value);
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_visible_text_and_drops_hidden_and_scripts() {
        let s = parse_html(
            r#"<html lang="fr"><head><title>T</title><script>var x</script>
            <script type="application/ld+json">{"a":1}</script></head>
            <body><p hidden>h</p><p style="display: none">n</p><p aria-hidden="true">a</p>
            <p onclick="x()" class="c">Visible <b>text</b></p></body></html>"#,
        );
        let body = s.body();
        assert_eq!(s.text_content(body).trim(), "Visible text");
        let p = s.children(body).find(|&c| s.is(c, "p")).unwrap();
        assert_eq!(s.attrs(p).collect::<Vec<_>>(), [("class", "c")]);
        let ld = s.find_first("script").unwrap();
        assert_eq!(s.text_content(ld), r#"{"a":1}"#);
    }

    #[test]
    fn decodes_legacy_charsets() {
        let bytes = b"<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9 \x93ok\x94</p></body></html>";
        let s = parse_bytes(bytes);
        assert_eq!(s.text_content(s.body()), "café “ok”");
        let latin1 = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\xe9t\xe9</p>";
        assert!(parse_bytes(latin1).text_content(0).contains("été"));
        assert!(parse_bytes(b"<p>\xff\xfe</p>x").text_content(0).contains('\u{FFFD}'));
    }

    #[test]
    fn caps_nesting_depth_and_keeps_deep_text_in_order() {
        // The 100,000-deep case lives in the hostile suite.
        let html = "<div><p>k</p>".repeat(5_000) + "<b>deep</b>" + &"<p>z</p></div>".repeat(5_000) + "<p>after</p>";
        let s = parse_html(&html);
        let depth = (0..s.len() as NodeId).map(|id| s.ancestors(id).count()).max().unwrap();
        assert!((400..=depth_cap::MAX_OPEN_ELEMENTS).contains(&depth), "depth {depth}");
        let text = s.text_content(s.body());
        assert_eq!(text.matches('k').count(), 5_000);
        assert!(text.contains("deep"));
        assert!(text.ends_with("zafter"));
        // Dropped block tags still separate their text.
        assert!(text.contains("\nk\n"));
    }

    #[test]
    fn reads_open_declarative_shadow_roots_as_rendered() {
        let s = parse_html(
            r#"<div id=h><template shadowrootmode=open><b>1</b><slot name=x>fallback</slot><slot></slot><i>4</i></template><p slot=x>2</p>3<p slot=nowhere>lost</p></div>
            <my-card><template shadowrootmode=closed>hidden</template>light</my-card><li><template shadowrootmode=open>not a host</template>li text</li>"#,
        );
        let host = (0..s.len() as NodeId).find(|&n| s.attr(n, "id") == Some("h")).unwrap();
        assert_eq!(s.text_content(host), "1234");
        let slots: Vec<NodeId> = s.descendants(host).filter(|&n| s.is(n, "slot")).collect();
        assert_eq!(slots.len(), 2);
        assert_eq!(s.text_content(slots[0]), "2");
        assert_eq!(s.text_content(slots[1]), "3");
        let rest = s.text_content(s.body());
        assert!(rest.ends_with("lightli text"), "{rest}");
    }

    #[test]
    fn cap_changes_nothing_on_ordinary_pages() {
        let pages = [
            include_str!("../../../tests/hostile/malformed-markup/page.html"),
            "<table><tr><td>a<p>b<table><td>c</table></table><b><i>x</b>y</i><p>z<li>1<li>2",
            "<!doctype html><html><head><title>t</title><script>if (a<b) x('</div>')</script></head>
             <body><template><p>t</p></template><svg><title>s</title></svg><pre>\ncode</pre>
             <select><option>o</select><plaintext><p>raw",
        ];
        for page in pages {
            assert_eq!(parse_html(page), snapshot_of(&scraper::Html::parse_document(page)), "{page}");
        }
    }

    #[test]
    fn cap_changes_nothing_on_the_shared_corpus() {
        // The repository's own pages always; Readability's 130 from `../shared` beside the
        // repository when it is there (a clone elsewhere has only the first).
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut pages = Vec::new();
        for (dir, file) in [(root.join("tests/pages"), "page.html"), (root.join("../shared/corpus/readability-test-pages"), "source.html")] {
            let Ok(folders) = std::fs::read_dir(&dir) else {
                eprintln!("{} not found; its pages skipped", dir.display());
                continue;
            };
            pages.extend(folders.flatten().map(|f| f.path().join(file)).filter(|p| p.exists()));
        }
        assert!(pages.len() >= 30, "pages: {}", pages.len());
        for page in pages {
            let html = decode(&std::fs::read(&page).unwrap(), None);
            assert!(parse_html(&html) == snapshot_of(&scraper::Html::parse_document(&html)), "{}", page.display());
        }
    }
}
