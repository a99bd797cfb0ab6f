//! Timings of the live-DOM reader in a real browser (not a test: it asserts nothing about time).
//! `scripts/test.sh` skips it; run it by hand, results go in BENCHMARKS.md:
//!
//! ```text
//! CARGO_TARGET_DIR=target/wasm CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown \
//!   --no-default-features --features html --test browser_bench -- --nocapture
//! ```
//! (`GECKODRIVER=$(command -v geckodriver)` instead of `CHROMEDRIVER` for Firefox.) Pages come from
//! `../shared/corpus` beside the repository.
#![cfg(target_arch = "wasm32")]

use glose::read_dom::{read_document_with, ReadOptions};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlIFrameElement};

wasm_bindgen_test_configure!(run_in_browser);

const PAGES: &[(&str, &str)] = &[
    ("clubic-jedi (17 KB)", include_str!("../www/samples/clubic-jedi.html")),
    ("lemonde-1 (87 KB)", include_str!("../../shared/corpus/readability-test-pages/lemonde-1/source.html")),
    ("nytimes-1 (309 KB)", include_str!("../../shared/corpus/readability-test-pages/nytimes-1/source.html")),
    ("guardian-1 (1.1 MB)", include_str!("../../shared/corpus/readability-test-pages/guardian-1/source.html")),
    ("yahoo-2 (1.6 MB)", include_str!("../../shared/corpus/readability-test-pages/yahoo-2/source.html")),
];

const RUNS: usize = 7;

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn render(html: &str) -> (HtmlIFrameElement, Document) {
    let host = web_sys::window().unwrap().document().unwrap();
    let iframe: HtmlIFrameElement = host.create_element("iframe").unwrap().dyn_into().unwrap();
    iframe.set_attribute("sandbox", "allow-same-origin").unwrap();
    iframe.set_attribute("style", "width: 1024px; height: 768px").unwrap();
    host.body().unwrap().append_child(&iframe).unwrap();
    let doc = iframe.content_document().unwrap();
    let parsed = web_sys::DomParser::new().unwrap().parse_from_string(html, web_sys::SupportedType::TextHtml).unwrap();
    let root = doc.import_node_with_deep(&parsed.document_element().unwrap(), true).unwrap();
    doc.replace_child(&root, &doc.document_element().unwrap()).unwrap();
    (iframe, doc)
}

/// Median of `RUNS` timings of `f`, in ms.
fn median(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = now();
            f();
            now() - t
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[RUNS / 2]
}

#[wasm_bindgen_test]
fn live_reader_timings() {
    let agent = web_sys::window().unwrap().navigator().user_agent().unwrap_or_default();
    web_sys::console::log_1(&format!("browser: {agent}").into());
    for (name, html) in PAGES {
        let (iframe, doc) = render(html.trim_start_matches('\u{feff}'));
        // First read pays the browser's style recalc (checkVisibility / getComputedStyle force it).
        let t = now();
        let first = read_document_with(&doc, ReadOptions::default()).unwrap();
        let cold = now() - t;
        let styled = median(|| drop(read_document_with(&doc, ReadOptions::default()).unwrap()));
        let markup = median(|| drop(read_document_with(&doc, ReadOptions { computed_style: false }).unwrap()));
        let analyze = median(|| drop(glose::analyze(&first.snapshot, &glose::Options::default())));
        // The same walk with getComputedStyle only (no checkVisibility fast path).
        let window: JsValue = doc.default_view().unwrap().into();
        let proto = js_sys::Reflect::get(&js_sys::Reflect::get(&window, &"Element".into()).unwrap(), &"prototype".into()).unwrap();
        js_sys::Reflect::delete_property(proto.unchecked_ref::<js_sys::Object>(), &"checkVisibility".into()).unwrap();
        let computed_only = median(|| drop(read_document_with(&doc, ReadOptions::default()).unwrap()));
        web_sys::console::log_1(
            &format!(
                "{name}: {} nodes, {} style checks | read cold {cold:.1} ms, warm {styled:.1} ms (checkVisibility) / \
                 {computed_only:.1} ms (getComputedStyle only) / {markup:.1} ms (markup only) | analyze {analyze:.1} ms",
                first.snapshot.len(),
                first.style_checks
            )
            .into(),
        );
        iframe.remove();
    }
}
