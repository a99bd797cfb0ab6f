//! The page walker's wire format (`snapshot::wire`): a walk written as the walker's `wasmSink` does,
//! as text or not, reads back as the snapshot it was made from; broken text is an error.
use glose_read::read_html::{parse_bytes, parse_html};
use glose_read::snapshot::limits;
use glose_read::snapshot::wire::{decode, from_text, to_text, TEXT_MAGIC};
use glose_read::snapshot::{Node, NodeData, NodeId};
use std::collections::HashMap;

/// The walker's `wasmSink` over a snapshot's nodes (plus `extra` attributes on element `at`,
/// which the core does not keep): ops, lens and the strings joined by U+0000.
fn encode(nodes: &[Node], extra: Option<(usize, &str, &str)>) -> (Vec<i32>, Vec<u32>, String) {
    let (mut ops, mut lens, mut strings) = (Vec::new(), Vec::new(), Vec::<String>::new());
    let (mut tags, mut names, mut values) = (HashMap::new(), HashMap::new(), HashMap::new());
    let mut put = |s: &str, lens: &mut Vec<u32>| {
        lens.push(s.encode_utf16().count() as u32);
        strings.push(s.to_owned());
    };
    for (id, node) in nodes.iter().enumerate().skip(1) {
        ops.push(node.parent.unwrap() as i32);
        match &node.data {
            NodeData::Text { text } => {
                ops.push(-1);
                put(text, &mut lens);
            }
            NodeData::Element { tag, attrs } => {
                // Upper-case tag names as an XHTML page's localName may give them: the core lower-cases.
                let local = if id % 3 == 0 { tag.to_uppercase() } else { tag.clone() };
                let next = tags.len();
                let wire = *tags.entry(local.clone()).or_insert(next);
                ops.push(wire as i32);
                if wire == next {
                    put(&local, &mut lens);
                }
                let mut all: Vec<(String, String)> = attrs.iter().rev().cloned().collect();
                if let Some((_, name, value)) = extra.filter(|e| e.0 == id) {
                    all.push((name.to_owned(), value.to_owned()));
                }
                ops.push(all.len() as i32);
                for (name, value) in &all {
                    let next = names.len();
                    let wire = *names.entry(name.clone()).or_insert(next);
                    ops.push(wire as i32);
                    if wire == next {
                        put(name, &mut lens);
                    }
                    if name == "class" {
                        let next = values.len() as i32;
                        match values.get(value) {
                            Some(&known) => {
                                ops.push(known);
                                continue;
                            }
                            None => {
                                values.insert(value.clone(), next);
                                ops.push(-1);
                            }
                        }
                    }
                    put(value, &mut lens);
                }
            }
            NodeData::Document => unreachable!(),
        }
    }
    (ops, lens, strings.join("\0"))
}

const PAGE: &str = r#"<html lang="fr"><head><title>T</title></head><body>
    <article class="post main" id="a"><h1 class="t">Titre « émoji 🦊 »</h1><p class="x">Un \0 texte"</p>
    <p class="x">Deux</p><p lang="en" class="post main">Three</p></article>
    <div class="comments"><p class="x">Comment 𝄞 end</p></div></body></html>"#;

#[test]
fn a_walk_written_as_text_reads_back_as_its_snapshot() {
    let mut pages = vec![parse_html(PAGE)];
    let seed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/pages/clubic-jedi/page.html")).unwrap();
    pages.push(parse_bytes(&seed));
    for snapshot in pages {
        let nodes = snapshot.nodes();
        let (ops, lens, strings) = encode(&nodes, None);
        let text = to_text(nodes.len(), &ops, &lens, Some(limits::Limit::TextNode), &strings);
        let read = from_text(&text).unwrap();
        assert_eq!(read.nodes(), nodes);
        assert_eq!(read.reader_truncated(), Some(limits::Limit::TextNode));
        let decoded = decode(&ops, &lens, &strings, nodes.len()).unwrap();
        assert!(decoded.kept.is_none());
        assert_eq!(decoded.snapshot.nodes(), nodes);
    }
}

#[test]
fn nodes_the_markup_rules_leave_out_are_dropped_with_their_subtree() {
    let snapshot = parse_html(PAGE);
    let nodes = snapshot.nodes();
    let article = nodes.iter().position(|n| matches!(&n.data, NodeData::Element { tag, .. } if tag == "article")).unwrap();
    let (ops, lens, strings) = encode(&nodes, Some((article, "hidden", "")));
    let decoded = decode(&ops, &lens, &strings, nodes.len()).unwrap();
    let kept = decoded.kept.unwrap();
    let end = snapshot.subtree_end(article as NodeId) as usize;
    assert!(kept.iter().enumerate().all(|(i, &k)| k != (article..end).contains(&i)));
    assert_eq!(decoded.snapshot.len(), nodes.len() - (end - article));
    // A page's node list is numbered by the walk: from text, a dropped node is an error.
    let text = to_text(nodes.len(), &ops, &lens, None, &strings);
    assert!(from_text(&text).is_err());
}

#[test]
fn broken_text_is_an_error_never_a_panic() {
    let nodes = parse_html(PAGE).nodes();
    let (ops, lens, strings) = encode(&nodes, None);
    let text = to_text(nodes.len(), &ops, &lens, None, &strings);
    for end in (0..text.len()).filter(|&e| text.is_char_boundary(e)) {
        assert!(from_text(&text[..end]).is_err(), "cut at {end}");
    }
    let head = text.len() - strings.len();
    for (at, _) in text[..head].char_indices().skip(TEXT_MAGIC.len()) {
        for with in ["9", "-", ",", "", "99999999999", "\n"] {
            let broken = format!("{}{with}{}", &text[..at], &text[at + 1..]);
            let _ = from_text(&broken);
        }
    }
    for bad in ["", "{\"nodes\":[]}", TEXT_MAGIC, &format!("{TEXT_MAGIC}18446744073709551615\n\n\n\n")] {
        assert!(from_text(bad).is_err(), "{bad:?}");
    }
    // No ops: the document alone.
    assert_eq!(from_text(&format!("{TEXT_MAGIC}1\n\n\n\n")).unwrap().len(), 1);
}
