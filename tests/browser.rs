//! Browser tests of the live-DOM reader and the wasm API (headless Chromium and Firefox through
//! wasm-bindgen-test; `scripts/test.sh` runs them). Each page is loaded into a sandboxed
//! same-origin iframe (parsed by `DOMParser`, scripts never run), so it is rendered and has
//! computed style, and the test runner's own page stays untouched.
#![cfg(target_arch = "wasm32")]

use glose::read_dom::{read_document, read_document_with, LiveSnapshot, ReadOptions};
use glose::read_html::{parse_bytes, parse_html};
use glose::snapshot::{Node, NodeData, NodeId, Snapshot};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlIFrameElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The seed page, with its `<style>` (one rule hides the comment form).
const SEED: &str = include_str!("../www/samples/clubic-jedi.html");

/// Readability test pages (see tests/browser/pages/README.md).
const PAGES: &[(&str, &str)] = &[
    ("001", include_str!("browser/pages/001.html")),
    ("basic-tags-cleaning", include_str!("browser/pages/basic-tags-cleaning.html")),
    ("comment-inside-script-parsing", include_str!("browser/pages/comment-inside-script-parsing.html")),
    ("daringfireball-1", include_str!("browser/pages/daringfireball-1.html")),
    ("embedded-videos", include_str!("browser/pages/embedded-videos.html")),
    ("hidden-nodes", include_str!("browser/pages/hidden-nodes.html")),
    ("normalize-spaces", include_str!("browser/pages/normalize-spaces.html")),
    ("remove-aria-hidden", include_str!("browser/pages/remove-aria-hidden.html")),
    ("replace-brs", include_str!("browser/pages/replace-brs.html")),
    ("rtl-1", include_str!("browser/pages/rtl-1.html")),
    ("social-buttons", include_str!("browser/pages/social-buttons.html")),
    ("svg-parsing", include_str!("browser/pages/svg-parsing.html")),
    ("table-style-attributes", include_str!("browser/pages/table-style-attributes.html")),
    ("visibility-hidden", include_str!("browser/pages/visibility-hidden.html")),
];

/// A page rendered in a sandboxed iframe; removed when dropped.
struct Frame {
    iframe: HtmlIFrameElement,
    doc: Document,
}

impl Drop for Frame {
    fn drop(&mut self) {
        self.iframe.remove();
    }
}

/// Renders `html` in a new iframe (same origin, scripts disabled by the sandbox).
fn render(html: &str) -> Frame {
    let host = web_sys::window().unwrap().document().unwrap();
    let iframe: HtmlIFrameElement = host.create_element("iframe").unwrap().dyn_into().unwrap();
    iframe.set_attribute("sandbox", "allow-same-origin").unwrap();
    iframe.set_attribute("style", "width: 1024px; height: 768px").unwrap();
    host.body().unwrap().append_child(&iframe).unwrap();
    let doc = iframe.content_document().expect("same-origin iframe document");
    let parsed = web_sys::DomParser::new().unwrap().parse_from_string(html, web_sys::SupportedType::TextHtml).unwrap();
    let root = doc.import_node_with_deep(&parsed.document_element().unwrap(), true).unwrap();
    doc.replace_child(&root, &doc.document_element().unwrap()).unwrap();
    Frame { iframe, doc }
}

/// Removes every `<style>…</style>` element from markup (test pages only).
fn strip_styles(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.to_ascii_lowercase().find("<style") {
        out.push_str(&rest[..start]);
        let lower = rest[start..].to_ascii_lowercase();
        let end = lower.find("</style>").map(|e| start + e + "</style>".len()).unwrap_or(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Where a node sits, for failure messages: `html > body > div#x > p`.
fn path(s: &Snapshot, id: NodeId) -> String {
    let mut parts: Vec<String> = std::iter::once(id)
        .chain(s.ancestors(id))
        .filter_map(|a| {
            s.tag(a).map(|t| match s.attr(a, "id") {
                Some(i) => format!("{t}#{i}"),
                None => t.to_owned(),
            })
        })
        .collect();
    parts.reverse();
    parts.join(" > ")
}

fn short(node: Option<&Node>) -> String {
    let text = format!("{node:?}");
    text.chars().take(200).collect()
}

/// Fails with the first differing node when the snapshots differ.
fn assert_same_snapshot(name: &str, live: &Snapshot, native: &Snapshot) {
    if live == native {
        return;
    }
    let (l, n) = (live.nodes(), native.nodes());
    let i = (0..l.len().max(n.len())).find(|&i| l.get(i) != n.get(i)).unwrap_or(0);
    panic!(
        "{name}: live and native snapshots differ at node {i} (live {} nodes, native {}):\n  live   {} @ {}\n  native {} @ {}",
        l.len(),
        n.len(),
        short(l.get(i)),
        if i < l.len() { path(live, i as NodeId) } else { "-".into() },
        short(n.get(i)),
        if i < n.len() { path(native, i as NodeId) } else { "-".into() },
    );
}

/// The snapshot without the subtree of `id` (ids after it shift down).
fn without_subtree(s: &Snapshot, id: NodeId) -> Snapshot {
    let (start, end) = (id, s.subtree_end(id));
    let shift = end - start;
    let nodes = s
        .nodes()
        .iter()
        .enumerate()
        .filter(|(i, _)| !(start..end).contains(&(*i as NodeId)))
        .map(|(_, node)| Node {
            parent: node.parent.map(|p| if p >= end { p - shift } else { p }),
            data: node.data.clone(),
        })
        .collect();
    Snapshot::from_nodes(nodes).unwrap()
}

/// The live snapshot's node table must point at live nodes of the same kind and content.
fn assert_node_table_matches(name: &str, live: &LiveSnapshot) {
    assert_eq!(live.nodes.len(), live.snapshot.len(), "{name}: one live node per snapshot node");
    for (i, node) in live.snapshot.nodes().iter().enumerate() {
        let dom = &live.nodes[i];
        match &node.data {
            NodeData::Document => assert_eq!(dom.node_type(), 9, "{name}: node {i}"),
            NodeData::Element { tag, .. } => {
                // No `dyn_ref`: `instanceof` fails across realms (the page is in an iframe).
                assert_eq!(dom.node_type(), 1, "{name}: node {i}");
                assert_eq!(&dom.unchecked_ref::<web_sys::Element>().local_name(), tag, "{name}: node {i}");
            }
            NodeData::Text { text } => assert_eq!(dom.node_value().as_deref(), Some(text.as_str()), "{name}: node {i}"),
        }
    }
}

#[wasm_bindgen_test]
fn live_reader_matches_native_reader_on_corpus_pages() {
    for (name, html) in PAGES {
        // A browser loading the file drops a byte-order mark while decoding; DOMParser, given a
        // string, would keep it as text (and move <head> content into <body>).
        let frame = render(html.trim_start_matches('\u{feff}'));
        let live = read_document(&frame.doc).unwrap();
        // As the CLI reads a saved page: from bytes (a byte-order mark is dropped, like browsers do).
        let native = parse_bytes(html.as_bytes());
        assert!(native.len() > 20, "{name}: page too small to mean anything");
        assert_same_snapshot(name, &live.snapshot, &native);
        assert_node_table_matches(name, &live);
        assert!(live.style_checks > 0, "{name}: computed style was never consulted");
    }
}

#[wasm_bindgen_test]
fn live_reader_matches_native_reader_on_seed_page_without_styles() {
    let html = strip_styles(SEED);
    assert!(!html.contains("<style"));
    let frame = render(&html);
    let live = read_document(&frame.doc).unwrap();
    assert_same_snapshot("clubic-jedi (no <style>)", &live.snapshot, &parse_html(&html));
    assert_node_table_matches("clubic-jedi", &live);
}

#[wasm_bindgen_test]
fn computed_style_drops_what_the_stylesheet_hides_on_seed_page() {
    // The seed page's stylesheet hides `form.comment-form` (`.is-hidden{display:none}`): the live
    // reader drops it, the native reader (no CSS) keeps it; everything else is identical.
    let frame = render(SEED);
    let live = read_document(&frame.doc).unwrap();
    let native = parse_html(SEED);
    let hidden_form = |s: &Snapshot| {
        (0..s.len() as NodeId).find(|&i| s.is(i, "form") && s.attr(i, "class").is_some_and(|c| c.contains("is-hidden")))
    };
    let form = hidden_form(&native).expect("the seed page has a hidden comment form");
    assert!(hidden_form(&live.snapshot).is_none(), "display:none form is dropped");
    assert_same_snapshot("clubic-jedi (styled)", &live.snapshot, &without_subtree(&native, form));
    // With computed style off, the live reader is the native reader.
    let markup_only = read_document_with(&frame.doc, ReadOptions { computed_style: false }).unwrap();
    assert_same_snapshot("clubic-jedi (markup only)", &markup_only.snapshot, &native);
    assert_eq!(markup_only.style_checks, 0);
}

#[wasm_bindgen_test]
fn computed_style_visibility_rules() {
    let frame = render(
        r#"<html><head><style>
            .gone { display: none } .ghost { visibility: hidden } .flat { display: contents }
            @media (min-width: 1px) { .wide-hidden { display: none } }
        </style><title>T</title></head><body>
        <p>one</p><p class="gone">two</p><p class="ghost">three <span style="visibility: visible">x</span></p>
        <div class="flat"><p>four</p></div><p class="wide-hidden">five</p>
        <details><summary>six</summary> <p>seven</p></details>
        <meta itemprop="datePublished" content="2020-01-01"><link itemprop="url" href="/a">
        <p style="display:none">eight</p><p>nine</p></body></html>"#,
    );
    let live = read_document(&frame.doc).unwrap();
    let s = &live.snapshot;
    let words: Vec<String> = s.text_content(s.body()).split_whitespace().map(str::to_owned).collect();
    assert_eq!(words, ["one", "four", "six", "seven", "nine"]);
    assert!(s.find_first("meta").is_some_and(|m| s.attr(m, "itemprop") == Some("datePublished")));
    assert!(s.find_first("link").is_some());
    assert_eq!(s.text_content(s.find_first("title").unwrap()), "T");
}

#[wasm_bindgen_test]
fn computed_style_is_asked_only_where_the_page_style_could_hide() {
    // Every way a rule can reach an element: tag, descendant, structural pseudo-class (no id,
    // class or tag in its subject), escaped class, nesting, attribute, id, `all`, a custom property,
    // user-agent style (`dialog`, closed popover), inline style and inherited `visibility`.
    let plain = "<b>a</b>".repeat(40);
    let frame = render(&format!(
        r#"<html><head><style>
            aside {{ display: none }} .x li {{ display: none }} ol > :nth-child(2) {{ display: none }}
            .md\:hidden {{ display: none }} .n {{ & .m {{ visibility: hidden }} }} [data-hide] {{ display: none }}
            #gone {{ display: none }} .reset {{ all: unset }} .var {{ display: var(--d) }}
            .v {{ visibility: hidden }} .v .back {{ visibility: visible }} .keep {{ display: block }}
        </style><title>T</title></head><body style="--d: none">
        <p>one</p> <aside>two</aside> <ul class="x"> <li>three</li> </ul> <ol> <li>four</li> <li>five</li> </ol>
        <p class="md:hidden">six</p> <div class="n"> <p class="m">seven</p> <p>eight</p> </div>
        <p data-hide="">nine</p> <p id="gone">ten</p> <p class="reset">eleven</p> <p class="var">twelve</p>
        <div class="v"> <p class="back">thirteen</p> </div> <dialog>fourteen</dialog> <p popover>fifteen</p>
        <p style="color: red; display: none !important">sixteen</p> <p class="keep">seventeen</p>
        <div> <div> <span>eighteen</span> </div> </div> <section>{plain}</section></body></html>"#
    ));
    let live = read_document(&frame.doc).unwrap();
    let s = &live.snapshot;
    let words: Vec<String> = s.text_content(s.body()).split_whitespace().map(str::to_owned).collect();
    assert_eq!(words, ["one", "four", "eight", "eleven", "seventeen", "eighteen", &"a".repeat(40)]);
    // Plain elements no rule can reach (the 40 `b`, p "one", p "eight", the divs…) were not asked.
    let elements = s.nodes().iter().filter(|n| matches!(n.data, NodeData::Element { .. })).count() as u32;
    assert!(live.style_checks < elements / 2, "{} checks for {elements} kept elements", live.style_checks);
}

#[wasm_bindgen_test]
fn open_shadow_roots_are_read_as_the_flat_tree() {
    let frame = render(r#"<html><body><p>light before</p><div id="host"><span slot="a">slotted</span></div><p>after</p></body></html>"#);
    let host = frame.doc.get_element_by_id("host").unwrap();
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    let root = host.attach_shadow(&init).unwrap();
    root.set_inner_html(r#"<p>before <slot name="a">fallback a</slot> middle</p><slot>default fallback</slot><style>p{color:red}</style>"#);
    // A closed shadow root stays invisible, like to the page's own scripts.
    let closed_host = frame.doc.create_element("div").unwrap();
    closed_host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Closed)).unwrap().set_inner_html("<p>secret</p>");
    frame.doc.body().unwrap().append_child(&closed_host).unwrap();

    // Glose's own UI (a `glose-*` element with an open shadow root) is not page content.
    let own = frame.doc.create_element("glose-summary").unwrap();
    own.attach_shadow(&init).unwrap().set_inner_html("<p>Glose summary</p>");
    frame.doc.body().unwrap().append_child(&own).unwrap();

    let live = read_document(&frame.doc).unwrap();
    let s = &live.snapshot;
    assert!(!s.text_content(0).contains("Glose summary"));
    assert!(s.find_first("glose-summary").is_none());
    let host_id = (0..s.len() as NodeId).find(|&i| s.attr(i, "id") == Some("host")).unwrap();
    assert_eq!(s.text_content(host_id), "before slotted middledefault fallback");
    assert_eq!(s.text_content(s.body()), "light beforebefore slotted middledefault fallbackafter");
    // The slotted text is the light-DOM node itself, under the slot element.
    let slotted = (0..s.len() as NodeId).find(|&i| s.text(i) == Some("slotted")).unwrap();
    let span = host.first_element_child().unwrap();
    assert!(live.nodes[slotted as usize].is_same_node(span.first_child().as_ref()));
    assert_eq!(s.tag(s.parent(s.parent(slotted).unwrap()).unwrap()), Some("slot"));
    assert_node_table_matches("shadow", &live);
}

#[wasm_bindgen_test]
fn class_and_id_are_read_as_the_element_lists_them() {
    // The walker reads `class` and `id` through Element's getters, which see only the
    // null-namespace attribute; the snapshot keeps attributes by local name, as listed. Cases where
    // the getters and the attribute list differ: a namespaced `class`/`id` set by script (alone, or
    // listed before a plain one), a prefixed `x:id`, empty values, a form whose controls named `id`
    // and `className` shadow its own properties, and an SVG element (its `className` is an object).
    let frame = render(
        r#"<html><body><form id="f" class="fc"><input name="id"><input name="className"><p>in form</p></form>
        <p id="" class="">empty</p></body></html>"#,
    );
    let doc = &frame.doc;
    let body = doc.body().unwrap();
    let add = |el: web_sys::Element, text: &str| {
        el.set_text_content(Some(text));
        body.append_child(&el).unwrap();
        el
    };
    let ns_only = add(doc.create_element("p").unwrap(), "ns only");
    ns_only.set_attribute_ns(Some("urn:x"), "class", "ns-class").unwrap();
    ns_only.set_attribute_ns(Some("urn:x"), "id", "ns-id").unwrap();
    let both = add(doc.create_element("p").unwrap(), "both");
    both.set_attribute_ns(Some("urn:x"), "class", "ns-first").unwrap();
    // (`setAttribute` would change the namespaced one: it finds attributes by qualified name.)
    both.set_attribute_ns(None, "class", "plain").unwrap();
    let prefixed = add(doc.create_element("p").unwrap(), "prefixed");
    prefixed.set_attribute_ns(Some("urn:x"), "x:id", "x-id").unwrap();
    prefixed.set_attribute("id", "plain-id").unwrap();
    let svg = add(doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "g").unwrap(), "svg");
    svg.set_attribute("class", "svg-class").unwrap();
    svg.set_attribute("id", "svg-id").unwrap();

    let live = read_document_with(doc, ReadOptions { computed_style: false }).unwrap();
    let s = &live.snapshot;
    // The element holding text `text` (directly): its `class` and `id` values, in the snapshot's order.
    let class_and_id = |text: &str| {
        let node = (0..s.len() as NodeId).find(|&i| s.text(i) == Some(text)).unwrap_or_else(|| panic!("no text {text:?}"));
        let el = s.parent(node).unwrap();
        let values = |name: &str| s.attrs(el).filter(|(n, _)| *n == name).map(|(_, v)| v.to_owned()).collect::<Vec<_>>();
        (values("class"), values("id"))
    };
    let form = s.find_first("form").unwrap();
    assert_eq!(s.attr(form, "class"), Some("fc"));
    assert_eq!(s.attr(form, "id"), Some("f"));
    assert_eq!(class_and_id("empty"), (vec!["".into()], vec!["".into()]));
    assert_eq!(class_and_id("ns only"), (vec!["ns-class".into()], vec!["ns-id".into()]));
    assert_eq!(class_and_id("both"), (vec!["ns-first".into(), "plain".into()], vec![]));
    assert_eq!(class_and_id("prefixed"), (vec![], vec!["x-id".into(), "plain-id".into()]));
    assert_eq!(class_and_id("svg"), (vec!["svg-class".into()], vec!["svg-id".into()]));
}

#[wasm_bindgen_test]
fn texts_cross_into_wasm_as_the_page_has_them() {
    // The walk's strings reach Rust as UTF-8 written by the engine (`glose_encode_text`), in two
    // passes when they are not all ASCII: an ASCII start, accents, an astral character, U+0000
    // inside a text (the strings' separator), a lone surrogate at the end of one text and at the
    // start of the next (each becomes U+FFFD, and they do not pair up), attribute values too.
    let frame = render(r#"<html><body><p title="titré">plain ascii first</p></body></html>"#);
    let add = js_sys::Function::new_with_args(
        "doc",
        r#"const p = doc.createElement('p');
           p.setAttribute('class', 'c\u00e9 \u{1F600}');
           p.append('caf\u00e9 \u{1F600} a\u0000b end\uD800', '\uDC00start', 'last');
           doc.body.append(p);"#,
    );
    add.call1(&JsValue::NULL, &frame.doc).unwrap();
    let live = read_document_with(&frame.doc, ReadOptions { computed_style: false }).unwrap();
    let s = &live.snapshot;
    let texts: Vec<&str> = (0..s.len() as NodeId).filter_map(|i| s.text(i)).collect();
    assert_eq!(texts, ["plain ascii first", "café \u{1F600} a\u{0}b end\u{FFFD}", "\u{FFFD}start", "last"]);
    let p = s.find_first("p").unwrap();
    assert_eq!(s.attr(p, "title"), Some("titré"));
    let second = s.parent((0..s.len() as NodeId).find(|&i| s.text(i) == Some("last")).unwrap()).unwrap();
    assert_eq!(s.attr(second, "class"), Some("cé \u{1F600}"));
}

#[wasm_bindgen_test]
fn a_100000_deep_page_does_not_overflow_the_stack() {
    // An unrendered document: a 100,000-deep box tree would take the browser's own layout
    // minutes (parsers cap nesting near 512, so only scripts build such pages).
    let host = web_sys::window().unwrap().document().unwrap();
    let doc = &host.implementation().unwrap().create_html_document().unwrap();
    // Building the page is the browser's own cost: Firefox's appendChild is linear in the depth
    // (5,000 levels took it 2.3 s, 100,000 would take ~15 min; built inside out, Chromium's is too), so there the walk, which is the
    // same code in both browsers, is checked 3,000 deep; Chromium builds 100,000 levels in ~1 s.
    let firefox = web_sys::window().unwrap().navigator().user_agent().unwrap_or_default().contains("Firefox/");
    let depth = if firefox { 3_000 } else { 100_000 };
    let mut parent: web_sys::Node = doc.body().unwrap().into();
    for _ in 0..depth {
        let div = doc.create_element("div").unwrap();
        parent.append_child(&div).unwrap();
        parent = div.into();
    }
    parent.append_child(&doc.create_text_node("deep")).unwrap();
    let live = read_document_with(doc, ReadOptions { computed_style: false }).unwrap();
    assert_eq!(live.snapshot.text_content(live.snapshot.body()), "deep");
    assert_eq!(live.snapshot.len(), 1 + 3 + depth + 1); // document, html, head, body, divs, text
}

/// Collapses white space like the report's text.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[wasm_bindgen_test]
fn analysis_of_the_rendered_seed_page_anchors_into_live_ranges() {
    let frame = render(SEED);
    let live = read_document(&frame.doc).unwrap();
    let report = glose::analyze(&live.snapshot, &glose::Options::default());
    assert!(report.article.found, "the seed page has an article");
    let mut anchored = 0;
    for sentence in &report.sentences {
        let Some(anchor) = sentence.anchor else { continue };
        let range = frame.doc.create_range().unwrap();
        range.set_start(&live.nodes[anchor.start.node as usize], anchor.start.offset).unwrap();
        range.set_end(&live.nodes[anchor.end.node as usize], anchor.end.offset).unwrap();
        assert_eq!(collapse(&String::from(range.to_string())), collapse(&sentence.text), "sentence {}", sentence.id);
        anchored += 1;
    }
    assert!(anchored > 10, "only {anchored} sentences anchored");
    assert_eq!(report.comments.len(), 8, "the seed page has 8 reader comments");
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn analyze_document_api_returns_a_plain_report_and_the_node_table() {
    let frame = render(SEED);
    let out = glose::wasm::analyze_live_document(&frame.doc, Some("https://www.clubic.com/x.html".into())).unwrap();
    let report = get(&out, "report");
    let nodes: js_sys::Array = get(&out, "nodes").dyn_into().unwrap();
    assert_eq!(get(&report, "version").as_f64(), Some(1.0));
    assert_eq!(get(&report, "url").as_string().as_deref(), Some("https://www.clubic.com/x.html"));
    // Plain objects, not Maps; None is null.
    assert!(get(&report, "metadata").is_object() && !get(&report, "metadata").is_instance_of::<js_sys::Map>());
    assert_eq!(nodes.get(0).unchecked_into::<web_sys::Node>().node_type(), 9, "nodes[0] is the document");
    let sentences: js_sys::Array = get(&report, "sentences").dyn_into().unwrap();
    assert!(sentences.length() > 0);
    for sentence in sentences.iter() {
        let anchor = get(&sentence, "anchor");
        if anchor.is_undefined() || anchor.is_null() {
            continue;
        }
        let start = get(&get(&anchor, "start"), "node").as_f64().unwrap() as u32;
        assert_eq!(nodes.get(start).unchecked_into::<web_sys::Node>().node_type(), 3, "anchors point at text nodes");
    }
    let comments: js_sys::Array = get(&report, "comments").dyn_into().unwrap();
    assert_eq!(comments.length(), 8, "the seed page has 8 reader comments");
}

#[wasm_bindgen_test]
fn the_slim_path_full_report_has_the_selectors_of_a_full_analysis() {
    // The slim path leaves the selectors out of its analysis and adds them on the first ask.
    let frame = render(SEED);
    let url = Some("https://www.clubic.com/x.html".to_owned());
    let full = get(&glose::wasm::analyze_live_document(&frame.doc, url.clone()).unwrap(), "report");
    let selectors = |report: &JsValue| -> Vec<String> {
        js_sys::Array::from(&get(report, "sentences")).iter().map(|s| js_sys::JSON::stringify(&get(&s, "selector")).unwrap().as_string().unwrap()).collect()
    };
    let want = selectors(&full);
    assert!(want.iter().filter(|s| s.contains("TextQuoteSelector") || s.contains("exact")).count() > 10, "{want:?}");
    glose::wasm::analyze_live_document_slim(&frame.doc, url, None).unwrap();
    for _ in 0..2 {
        let text = glose::wasm::last_full_report().unwrap().expect("a full report");
        assert_eq!(selectors(&js_sys::JSON::parse(&text).unwrap()), want);
    }
}

#[wasm_bindgen_test]
fn refine_live_document_reanalyses_the_kept_reading_without_a_second_walk() {
    let frame = render(SEED);
    let out = glose::wasm::analyze_live_document(&frame.doc, Some("https://www.clubic.com/x.html".into())).unwrap();
    let reading = get(&out, "reading").as_f64().unwrap() as u32;
    let fast = get(&out, "report");
    assert_eq!(get(&fast, "opinion_model").as_string().as_deref(), Some("fast"));
    let texts: Vec<String> = js_sys::Array::from(&get(&fast, "sentences")).iter().map(|s| get(&s, "text").as_string().unwrap()).collect();
    let json = serde_json::to_string(&texts).unwrap();
    // A unit vector per sentence: the head decides them all.
    let mut flat = vec![0.0f32; texts.len() * 512];
    for i in 0..texts.len() {
        flat[i * 512 + i % 512] = 1.0;
    }
    // The page changes after the reading: the refinement works on the kept snapshot, and its
    // anchors still name the live nodes of that reading.
    frame.doc.body().unwrap().append_with_str_1("Un paragraphe ajouté après la lecture.").unwrap();
    let refined = glose::wasm::refine_live_document(reading, &json, &flat, None).unwrap();
    let report = get(&refined, "report");
    assert_eq!(get(&report, "opinion_model").as_string().as_deref(), Some("encoder"));
    assert_eq!(get(&refined, "reading").as_f64(), Some(reading as f64));
    assert!(js_sys::Object::is(&get(&refined, "nodes"), &get(&out, "nodes")), "the same node table");
    // The page gets the slim report (as the slim path); the full one, refined, is kept for the panel.
    assert_eq!(js_sys::Array::from(&get(&report, "sentences")).length() as usize, texts.len());
    let full: serde_json::Value = serde_json::from_str(&glose::wasm::last_full_report().unwrap().expect("the refined full report")).unwrap();
    assert_eq!(full["opinion_model"], "encoder");
    let refined_texts: Vec<String> = full["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap().to_owned()).collect();
    assert_eq!(refined_texts, texts);
    // Vectors that do not fit, and a reading that is no longer the last one, are errors.
    assert!(glose::wasm::refine_live_document(reading, &json, &flat[..512], None).is_err());
    glose::wasm::analyze_live_document(&frame.doc, None).unwrap();
    let stale = glose::wasm::refine_live_document(reading, &json, &flat, None).unwrap_err();
    assert!(format!("{:?}", js_sys::Error::from(stale).message()).contains("stale"));
}

#[wasm_bindgen_test]
fn analyze_snapshot_takes_objects_or_json_and_rejects_corrupt_snapshots() {
    let json = r#"{"nodes":[{"parent":null,"type":"document"},{"parent":0,"type":"element","tag":"html","attrs":[["lang","fr"]]},
        {"parent":1,"type":"element","tag":"body"},{"parent":2,"type":"element","tag":"p"},
        {"parent":3,"type":"text","text":"Le gouvernement a publié son rapport mardi."}]}"#;
    let from_text = glose::wasm::analyze_snapshot(JsValue::from_str(json), None, None).unwrap();
    assert_eq!(get(&from_text, "version").as_f64(), Some(1.0));
    assert!(get(&from_text, "url").is_null());
    let object = js_sys::JSON::parse(json).unwrap();
    let from_object = glose::wasm::analyze_snapshot(object, Some("u".into()), None).unwrap();
    assert_eq!(get(&get(&from_object, "metadata"), "lang").as_string().as_deref(), Some("fr"));

    let message = |v: JsValue| String::from(v.dyn_into::<js_sys::Error>().expect("an Error object").message());
    let corrupt = r#"{"nodes":[{"parent":null,"type":"document"},{"parent":5,"type":"text","text":"x"}]}"#;
    let err = glose::wasm::analyze_snapshot(JsValue::from_str(corrupt), None, None).unwrap_err();
    assert!(message(err).contains("invalid page snapshot"));
    let err = glose::wasm::analyze_snapshot(js_sys::JSON::parse(corrupt).unwrap(), None, None).unwrap_err();
    assert!(message(err).contains("not an open ancestor"));
    assert!(glose::wasm::analyze_snapshot(JsValue::from_f64(5.0), None, None).is_err());
    assert!(glose::wasm::analyze_snapshot(JsValue::NULL, None, None).is_err());
    assert!(glose::wasm::analyze_snapshot(JsValue::from_str("{"), None, None).is_err());
}

/// A walk that throws (a page that broke a DOM accessor) is reported with the exception's words,
/// not swallowed into a generic failure (issue 13).
#[wasm_bindgen_test]
fn a_walk_that_throws_says_why() {
    let broken = js_sys::Function::new_no_args("return { get firstChild() { throw new RangeError('page broke the DOM'); } };")
        .call0(&JsValue::NULL)
        .unwrap();
    let Err(err) = read_document(broken.unchecked_ref::<Document>()) else { panic!("a throwing walk must fail") };
    assert_eq!(err.to_string(), "the live DOM walk failed: RangeError: page broke the DOM");
}
