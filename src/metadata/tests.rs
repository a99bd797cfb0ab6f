//! Precedence between metadata sources, and the seed page.

use super::extract;
use crate::read_html::parse_html;

fn meta(head: &str, body: &str) -> crate::report::Metadata {
    extract(&parse_html(&format!("<html lang=\"fr-FR\"><head>{head}</head><body>{body}</body></html>")))
}

#[test]
fn json_ld_wins_over_open_graph_and_title() {
    let m = meta(
        r#"<title>Doc title that is long enough - Site</title>
        <meta property="og:title" content="OG title">
        <meta name="author" content="Meta Author">
        <meta property="article:published_time" content="2001-01-01T00:00:00Z">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD title",
          "author":{"@type":"Person","name":"LD Author"},"datePublished":"2019-12-11T15:44:00+01:00","publisher":{"name":"LD Site"}}</script>"#,
        "",
    );
    assert_eq!(m.title.as_deref(), Some("LD title"));
    assert_eq!(m.byline.as_deref(), Some("LD Author"));
    assert_eq!(m.published.as_deref(), Some("2019-12-11T15:44:00+01:00"));
    assert_eq!(m.site_name.as_deref(), Some("LD Site"));
    assert_eq!(m.lang.as_deref(), Some("fr"));
}

#[test]
fn meta_tags_come_before_the_document_title() {
    let m = meta(
        r#"<title>Doc title - Site</title><meta property="og:title" content="Tom &amp;quot;OG&amp;quot; title">
        <meta property="og:site_name" content="Site"><meta name="author" content="By Jane Doe">
        <meta name="parsely-pub-date" content="2020-03-04">"#,
        "",
    );
    assert_eq!(m.title.as_deref(), Some("Tom \"OG\" title"));
    assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(m.published.as_deref(), Some("2020-03-04"));
    assert_eq!(m.site_name.as_deref(), Some("Site"));
}

#[test]
fn site_suffix_is_cut_from_document_titles_only() {
    // As in Reader View: a title the publisher declares is kept as declared…
    let m = meta(r#"<meta property="og:title" content="Le vrai titre - Le Site"><meta property="og:site_name" content="Le Site">"#, "");
    assert_eq!(m.title.as_deref(), Some("Le vrai titre - Le Site"));
    // …while the document <title> loses its site part.
    let m = meta("<title>Un titre assez long pour rester | Le Site</title>", "<h1>Un titre assez long pour rester</h1>");
    assert_eq!(m.title.as_deref(), Some("Un titre assez long pour rester"));
}

#[test]
fn page_markup_fills_what_meta_tags_lack() {
    let m = meta(
        "<title>Titre</title>",
        r#"<p class="byline">Par Marie Dupont</p><time datetime="2019-12-11T15:44">11 décembre</time>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("Marie Dupont"));
    assert_eq!(m.published.as_deref(), Some("2019-12-11T15:44:00"));
    let m = extract(&parse_html(r#"<html><head><meta http-equiv="content-language" content="de-DE"></head></html>"#));
    assert_eq!(m.lang.as_deref(), Some("de"));
}

#[test]
fn seed_page_metadata_is_exact() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pages/clubic-jedi");
    let (Ok(html), Ok(expected)) = (std::fs::read(dir.join("page.html")), std::fs::read_to_string(dir.join("expected.json"))) else {
        eprintln!("seed page not found under {}; skipped", dir.display());
        return;
    };
    let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
    let found = extract(&crate::read_html::parse_bytes(&html));
    let m = &expected["metadata"];
    assert_eq!(found.title.as_deref(), m["title"].as_str());
    assert_eq!(found.byline.as_deref(), m["byline"].as_str());
    assert_eq!(found.published.as_deref(), m["published"].as_str());
    assert_eq!(found.site_name.as_deref(), m["site_name"].as_str());
    assert_eq!(found.lang.as_deref(), m["lang"].as_str());
}

/// The byline walk's unlikely test (names built in a reused buffer) against the patterns, on
/// every element of the sample pages and on names with capitals, non-ASCII and missing parts.
#[test]
fn unlikely_names_read_like_the_patterns() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut pages: Vec<String> = vec![
        r#"<body><div class="Sidebar">x</div><div id="MENU">x</div><div class="" id="">x</div><div class="Menü">x</div><div class="main-Sidebar" id="Ärticle">x</div></body>"#.to_owned(),
    ];
    for entry in std::fs::read_dir(&root).expect("tests/pages") {
        if let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) {
            pages.push(html);
        }
    }
    let mut buffer = String::new();
    let mut elements = 0;
    for html in &pages {
        let s = parse_html(html);
        for id in 0..s.len() as u32 {
            if s.tag(id).is_some() {
                let expected = crate::page_patterns::is_unlikely(&crate::page_patterns::match_string(s.attr(id, "class"), s.attr(id, "id")));
                assert_eq!(super::unlikely_names(&s, id, &mut buffer), expected, "{:?} {:?}", s.attr(id, "class"), s.attr(id, "id"));
                elements += 1;
            }
        }
    }
    assert!(elements > 1000, "{elements}");
}

/// The one walk finds the elements a walk per tag finds, in page order (every page of
/// tests/pages).
#[test]
fn one_walk_finds_what_a_walk_per_tag_finds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let (mut pages, mut elements) = (0, 0);
    for entry in std::fs::read_dir(&root).expect("tests/pages") {
        let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) else { continue };
        let s = parse_html(&html);
        let walk = |tag: &str| (0..s.len() as u32).filter(|&id| s.is(id, tag)).collect::<Vec<_>>();
        let found = super::Elements::of(&s);
        assert_eq!(found, super::Elements { metas: walk("meta"), scripts: walk("script"), h1: walk("h1"), h2: walk("h2") });
        elements += found.metas.len() + found.scripts.len() + found.h1.len() + found.h2.len();
        pages += 1;
    }
    assert!(pages > 20 && elements > 100, "{pages} pages, {elements} elements");
}
