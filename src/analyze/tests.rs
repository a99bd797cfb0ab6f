//! Tests of steps together: they sit here, above the steps, so the steps' modules do not import
//! each other for their tests.

use crate::{extract, metadata};

#[test]
fn seed_page_article_has_its_text_and_none_of_the_boilerplate() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pages/clubic-jedi");
    let (Ok(html), Ok(expected)) = (std::fs::read(dir.join("page.html")), std::fs::read_to_string(dir.join("expected.json"))) else {
        eprintln!("seed page not found under {}; skipped", dir.display());
        return;
    };
    let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
    let page = crate::read_html::parse_bytes(&html);
    let meta = metadata::extract(&page);
    let comments = extract::comments::extract(&page);
    // With the comment section excluded by the comments extractor, and without: the article's own
    // cut must keep comments out either way.
    for excluded in [comments.excluded.as_slice(), &[]] {
        let blocks = extract::article::extract(&page, &meta, excluded).blocks;
        let text: String = blocks.iter().map(|b| b.text.text.as_str()).collect::<Vec<_>>().join("\n");
        for want in expected["article"]["must_contain"].as_array().unwrap() {
            assert!(text.contains(want.as_str().unwrap()), "missing {want}:\n{text}");
        }
        for unwanted in expected["article"]["must_not_contain"].as_array().unwrap() {
            assert!(!text.contains(unwanted.as_str().unwrap()), "should not contain {unwanted}:\n{text}");
        }
        for comment in expected["comments"]["items"].as_array().unwrap() {
            let starts = comment["starts"].as_str().unwrap();
            assert!(!blocks.iter().any(|b| b.text.text.starts_with(starts)), "a comment leaked into the article: {starts}");
        }
    }
}

#[test]
fn selectors_added_later_are_the_ones_analyze_gives() {
    // The page's slim path analyses without selectors and adds them when the full report is asked
    // for: the same report, on a page within the limits and on one past them (analysed capped).
    let seed = crate::read_html::parse_bytes(include_bytes!("../../tests/pages/clubic-jedi/page.html"));
    let paragraph = "<p>Le ministre a présenté son projet mardi. Cette réforme est une honte absolue.</p>";
    let past = crate::read_html::parse_html(&format!("<html><body><article>{}</article></body></html>", paragraph.repeat(40_000)));
    assert!(crate::snapshot::limits::cap(&past).1.is_some(), "the second page must be past a limit");
    for page in [&seed, &past] {
        let options = super::Options::default();
        let whole = super::analyze(page, &options);
        assert!(whole.sentences.iter().any(|s| s.selector.is_some()));
        let mut later = super::analyze_without_selectors(page, &options);
        assert!(later.sentences.iter().all(|s| s.selector.is_none()));
        super::add_selectors(page, &mut later);
        assert_eq!(serde_json::to_string(&later).unwrap(), serde_json::to_string(&whole).unwrap());
    }
}
