//! Big hostile pages, generated at test time (never committed): a case folder holds a
//! `generate.json` such as `{"kind": "deep_nesting", "depth": 100000}` instead of a `page.html`.

use serde_json::Value;

/// The page bytes a `generate.json` describes.
pub fn page(spec: &Value) -> Vec<u8> {
    let number = |key: &str, default: u64| spec[key].as_u64().unwrap_or(default) as usize;
    match spec["kind"].as_str().unwrap_or_default() {
        "deep_nesting" => deep_nesting(number("depth", 100_000)).into_bytes(),
        "huge_text_node" => huge_text_node(number("bytes", 5_000_000)).into_bytes(),
        "many_comments" => many_comments(number("count", 50_000)).into_bytes(),
        "many_elements" => many_elements(number("count", 1_000_000)).into_bytes(),
        "much_text" => much_text(number("bytes", 50_000_000)).into_bytes(),
        "garbage" => garbage(number("bytes", 65_536), number("seed", 1) as u64),
        other => panic!("unknown generator {other:?}"),
    }
}

const ARTICLE: &str = "<article><h1>Council approves the bridge</h1>\
    <p class=\"byline\">By Jane Roe</p>\
    <p>The city council approved the new bridge on Tuesday by a vote of seven to two. \
    The project will cost 40 million euros, according to the finance office.</p>\
    <p>Construction is expected to start in March, officials said. \
    The mayor said the bridge would connect the two halves of the town.</p>\
    <p>Opponents said the cost was too high and promised to appeal the decision.</p></article>";

/// An ordinary article, then `depth` nested `<div>`s around one marked sentence.
fn deep_nesting(depth: usize) -> String {
    let mut page = String::with_capacity(depth * 11 + 2_000);
    page.push_str("<!DOCTYPE html><html lang=\"en\"><head><title>Deep page</title></head><body>");
    page.push_str(ARTICLE);
    for _ in 0..depth {
        page.push_str("<div>");
    }
    page.push_str("<p>Deepest marker sentence.</p>");
    for _ in 0..depth {
        page.push_str("</div>");
    }
    page.push_str("</body></html>");
    page
}

/// An article whose second paragraph is one text node of about `bytes` bytes: clauses, with a
/// full stop about every 64 KB.
fn huge_text_node(bytes: usize) -> String {
    let clause = "the committee heard from residents about the river crossing, ";
    let sentence = format!("Then {}and it adjourned. ", clause.repeat(65_536 / clause.len()));
    let body = sentence.repeat(bytes / sentence.len() + 1);
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Huge text</title></head><body><article>\
         <h1>Minutes of the hearing</h1><p>The hearing opened at nine in the morning.</p>\
         <p>{body}</p><p>The hearing closed at noon.</p></article></body></html>"
    )
}

/// A short article and `count` WordPress-style comments, every tenth one a reply.
fn many_comments(count: usize) -> String {
    let mut page = String::with_capacity(count * 330 + 2_000);
    page.push_str("<!DOCTYPE html><html lang=\"en\"><head><title>Busy thread</title></head><body>");
    page.push_str(ARTICLE);
    page.push_str("<section id=\"comments\" class=\"comments\"><h2>Comments</h2><ol class=\"comment-list\">");
    for i in 0..count {
        page.push_str(&format!(
            "<li class=\"comment\" id=\"comment-{i}\"><div class=\"comment-author\">reader{i}</div>\
             <time class=\"comment-date\" datetime=\"2026-11-28T10:00:00Z\">28 Nov</time>\
             <div class=\"comment-content\"><p>Comment number {i} says the bridge costs too much.</p></div></li>"
        ));
    }
    page.push_str("</ol></section></body></html>");
    page
}

/// An ordinary article, then `count` empty-ish inline elements (`<i>x</i>`).
fn many_elements(count: usize) -> String {
    let mut page = String::with_capacity(count * 8 + 2_000);
    page.push_str("<!DOCTYPE html><html lang=\"en\"><head><title>Many elements</title></head><body>");
    page.push_str(ARTICLE);
    page.push_str("<div id=\"filler\">");
    for _ in 0..count {
        page.push_str("<i>x</i>");
    }
    page.push_str("</div></body></html>");
    page
}

/// An ordinary article, then about `bytes` of text in paragraphs of ~1 KB (short sentences).
fn much_text(bytes: usize) -> String {
    let paragraph = format!("<p>{}</p>", "The committee heard from residents about the river crossing. ".repeat(16));
    let mut page = String::with_capacity(bytes + paragraph.len() + 2_000);
    page.push_str("<!DOCTYPE html><html lang=\"en\"><head><title>Much text</title></head><body>");
    page.push_str(ARTICLE);
    page.push_str("<section>");
    while page.len() < bytes {
        page.push_str(&paragraph);
    }
    page.push_str("</section></body></html>");
    page
}

/// `bytes` pseudo-random bytes (xorshift, fixed seed), with a NUL-heavy, markup-free mix.
fn garbage(bytes: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..bytes)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}
