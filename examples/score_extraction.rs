//! Measures article and metadata extraction against Readability's test pages (a benchmark, not
//! a test).
//!
//! ```text
//! cargo run --release --example score_extraction -- /work/shared/corpus/readability-test-pages [--show PAGE]
//! ```
//!
//! For every `PAGE/source.html` it runs metadata, comment and article extraction as the pipeline
//! does, then compares:
//! - the article's text with `expected.html`'s text: precision, recall and F1 over lower-cased
//!   `\w+` tokens counted as a bag (multiset);
//! - the metadata with `expected-metadata.json`: title (exact), byline (exact, when expected),
//!   lang (primary subtag, when expected), publishedTime (same instant as written, when expected).
//!
//! `--page FILE` prints the metadata and blocks found on any saved page.
//! `--show PAGE` prints that page's blocks and the tokens missed / extra, to study one failure.

use glose::extract;
use glose::metadata;
use glose::read_html::parse_html;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Lower-cased `\w+` tokens of a text.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn bag(tokens: &[String]) -> HashMap<&str, i64> {
    let mut bag = HashMap::new();
    for t in tokens {
        *bag.entry(t.as_str()).or_insert(0) += 1;
    }
    bag
}

/// (precision, recall, f1) of `found` against `expected`, as token bags.
fn overlap(found: &[String], expected: &[String]) -> (f64, f64, f64) {
    if found.is_empty() && expected.is_empty() {
        return (1.0, 1.0, 1.0);
    }
    let (fb, eb) = (bag(found), bag(expected));
    let common: i64 = fb.iter().map(|(t, n)| (*n).min(*eb.get(t).unwrap_or(&0))).sum();
    let p = if found.is_empty() { 0.0 } else { common as f64 / found.len() as f64 };
    let r = if expected.is_empty() { 0.0 } else { common as f64 / expected.len() as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// Inline elements: no word break at their edges.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins",
];

/// Text of a whole snapshot (for `expected.html`), with a break between blocks so that table
/// cells and list items do not glue into one token.
fn page_text(html: &str) -> String {
    let snapshot = parse_html(html);
    let mut out = String::new();
    let mut open: Vec<u32> = Vec::new();
    for id in 0..snapshot.len() as u32 {
        while open.last().is_some_and(|&o| snapshot.subtree_end(o) <= id) {
            open.pop();
            out.push(' ');
        }
        match snapshot.tag(id) {
            Some(tag) if !INLINE.contains(&tag) => {
                out.push(' ');
                open.push(id);
            }
            Some(_) => {}
            None => out.push_str(snapshot.text(id).unwrap_or("")),
        }
    }
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `found` is `expected` without a trailing " - Site" / " | Site" part (Glose cuts it on
/// purpose; Reader View keeps it when the meta tags have it).
fn suffix_cut(expected: Option<&str>, found: Option<&str>) -> bool {
    let (Some(expected), Some(found)) = (expected, found) else { return false };
    let Some(rest) = expected.strip_prefix(collapse(found).as_str()) else { return false };
    let rest = rest.trim_start();
    rest.starts_with(['|', '-', '–', '—', '»', '/', '\\', ':']) && rest.len() > 2
}

/// A byline collapsed, without its "By " / "Par " lead-in (Glose drops it on purpose; Reader View
/// keeps it when it reads the byline from the page).
fn without_lead_in(byline: &str) -> String {
    let b = collapse(byline);
    for prefix in ["by ", "par ", "von ", "por "] {
        if b.len() > prefix.len() && b.is_char_boundary(prefix.len()) && b[..prefix.len()].eq_ignore_ascii_case(prefix) {
            return b[prefix.len()..].to_owned();
        }
    }
    b
}

/// One page's scores.
struct Row {
    name: String,
    precision: f64,
    recall: f64,
    f1: f64,
    title_ok: bool,
    title_but_suffix: bool,
    byline_ok: Option<bool>,
    lang_ok: Option<bool>,
    date_ok: Option<bool>,
    millis: f64,
    nodes: usize,
}

fn expected_string(meta: &serde_json::Value, key: &str) -> Option<String> {
    meta.get(key).and_then(|v| v.as_str()).map(collapse).filter(|s| !s.is_empty())
}

fn score_page(dir: &Path, show: bool) -> Option<Row> {
    let source = std::fs::read(dir.join("source.html")).ok()?;
    let expected_html = std::fs::read_to_string(dir.join("expected.html")).unwrap_or_default();
    let meta: serde_json::Value = std::fs::read_to_string(dir.join("expected-metadata.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null);

    // The fixtures are stored as UTF-8 whatever their <meta charset> says (Readability's own
    // test runner reads them so); fall back on the browser's sniffing for other bytes.
    let html = String::from_utf8(source.clone()).unwrap_or_else(|_| glose::read_html::decode(&source, None));
    let snapshot = parse_html(&html);
    let started = Instant::now();
    let found_meta = metadata::extract(&snapshot);
    let comments = extract::comments::extract(&snapshot);
    let article = extract::article::extract(&snapshot, &found_meta, &comments.excluded);
    let millis = started.elapsed().as_secs_f64() * 1000.0;

    let found_text: Vec<&str> = article.blocks.iter().map(|b| b.text.text.as_str()).collect();
    let found_tokens = tokens(&found_text.join("\n"));
    let expected_tokens = tokens(&page_text(&expected_html));
    let (precision, recall, f1) = overlap(&found_tokens, &expected_tokens);

    let title_ok = expected_string(&meta, "title") == found_meta.title.as_deref().map(collapse);
    let title_but_suffix = title_ok || suffix_cut(expected_string(&meta, "title").as_deref(), found_meta.title.as_deref());
    let byline_ok = expected_string(&meta, "byline").map(|b| Some(without_lead_in(&b)) == found_meta.byline.as_deref().map(without_lead_in));
    let lang_ok = expected_string(&meta, "lang").map(|l| {
        let primary = l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Some(primary) == found_meta.lang
    });
    let date_ok = expected_string(&meta, "publishedTime").map(|d| {
        let want = glose::text::date::parse_date(&d);
        let got = found_meta.published.as_deref().and_then(glose::text::date::parse_date);
        want.is_some() && same_instant(want.as_deref(), got.as_deref())
    });

    if show {
        println!("--- {} ---", dir.display());
        println!("metadata: {found_meta:?}");
        println!("expected: title={:?} byline={:?} lang={:?} published={:?} site={:?}",
            expected_string(&meta, "title"), expected_string(&meta, "byline"),
            expected_string(&meta, "lang"), expected_string(&meta, "publishedTime"), expected_string(&meta, "siteName"));
        for b in &article.blocks {
            println!("[{:?} #{}] {}", b.kind, b.node, b.text.text);
        }
        let (fb, eb) = (bag(&found_tokens), bag(&expected_tokens));
        let mut missed: Vec<_> = eb.iter().filter_map(|(t, n)| { let d = n - fb.get(t).unwrap_or(&0); (d > 0).then_some((d, *t)) }).collect();
        let mut extra: Vec<_> = fb.iter().filter_map(|(t, n)| { let d = n - eb.get(t).unwrap_or(&0); (d > 0).then_some((d, *t)) }).collect();
        missed.sort_by(|a, b| b.cmp(a));
        extra.sort_by(|a, b| b.cmp(a));
        println!("missed: {:?}", &missed[..missed.len().min(40)]);
        println!("extra: {:?}", &extra[..extra.len().min(40)]);
    }

    Some(Row {
        name: dir.file_name()?.to_string_lossy().into_owned(),
        precision,
        recall,
        f1,
        title_ok,
        title_but_suffix,
        byline_ok,
        lang_ok,
        date_ok,
        millis,
        nodes: snapshot.len(),
    })
}

/// Minutes since 1970 of an ISO date from `parse_date`, taking its zone into account (a date
/// without zone is read as UTC).
fn minutes(iso: &str) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<i64>().ok());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, min) = if iso.len() >= 16 { (num(11..13)?, num(14..16)?) } else { (0, 0) };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    let mut total = days * 1440 + h * 60 + min;
    if let Some(zone) = iso.get(19..).filter(|z| z.len() == 6) {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (zh, zm) = (zone[1..3].parse::<i64>().ok()?, zone[4..6].parse::<i64>().ok()?);
        total -= sign * (zh * 60 + zm);
    }
    Some(total)
}

/// Whether two parsed ISO dates name the same moment (to the minute, zones applied), or the same
/// day when one of them has no time.
fn same_instant(want: Option<&str>, got: Option<&str>) -> bool {
    let (Some(want), Some(got)) = (want, got) else { return false };
    if want.len() == 10 || got.len() == 10 {
        return want[..10] == got[..10];
    }
    minutes(want).is_some() && minutes(want) == minutes(got)
}

fn mark(ok: Option<bool>) -> &'static str {
    match ok {
        Some(true) => "ok",
        Some(false) => "NO",
        None => "-",
    }
}

/// Prints what extraction finds on any saved page (`--page FILE`).
fn show_page(path: &Path) {
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("cannot read {}", path.display());
        std::process::exit(1);
    };
    let snapshot = glose::read_html::parse_bytes(&bytes);
    let started = Instant::now();
    let found_meta = metadata::extract(&snapshot);
    let meta_ms = started.elapsed().as_secs_f64() * 1000.0;
    let comments = extract::comments::extract(&snapshot);
    let comments_ms = started.elapsed().as_secs_f64() * 1000.0 - meta_ms;
    let article = extract::article::extract(&snapshot, &found_meta, &comments.excluded);
    let article_ms = started.elapsed().as_secs_f64() * 1000.0 - meta_ms - comments_ms;
    println!("{} nodes; metadata {meta_ms:.1} ms, comments {comments_ms:.1} ms, article {article_ms:.1} ms", snapshot.len());
    println!("metadata: {found_meta:?}");
    for b in &article.blocks {
        println!("[{:?} #{}] {}", b.kind, b.node, b.text.text);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(path) = args.iter().position(|a| a == "--page").and_then(|i| args.get(i + 1)) {
        show_page(Path::new(path));
        return;
    }
    let root = PathBuf::from(args.first().map(String::as_str).unwrap_or("../shared/corpus/readability-test-pages"));
    let show: Option<&str> = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).map(String::as_str);
    let Ok(entries) = std::fs::read_dir(&root) else {
        eprintln!("cannot read {}", root.display());
        std::process::exit(1);
    };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.join("source.html").exists()).collect();
    dirs.sort();
    if let Some(name) = show {
        dirs.retain(|d| d.file_name().is_some_and(|n| n == name));
    }
    let rows: Vec<Row> = dirs.iter().filter_map(|d| score_page(d, show.is_some())).collect();
    if rows.is_empty() {
        eprintln!("no pages under {}", root.display());
        std::process::exit(1);
    }
    println!("{:<48} {:>6} {:>6} {:>6} {:>5} {:>6} {:>5} {:>5} {:>8} {:>7}", "page", "P", "R", "F1", "title", "byline", "lang", "date", "ms", "nodes");
    for r in &rows {
        println!(
            "{:<48} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>6} {:>5} {:>5} {:>8.2} {:>7}",
            r.name, r.precision, r.recall, r.f1, if r.title_ok { "ok" } else { "NO" },
            mark(r.byline_ok), mark(r.lang_ok), mark(r.date_ok), r.millis, r.nodes
        );
    }
    let n = rows.len() as f64;
    let mean = |f: &dyn Fn(&Row) -> f64| rows.iter().map(f).sum::<f64>() / n;
    let rate = |f: &dyn Fn(&Row) -> Option<bool>| {
        let judged: Vec<bool> = rows.iter().filter_map(f).collect();
        let ok = judged.iter().filter(|&&b| b).count();
        format!("{ok}/{} ({:.1}%)", judged.len(), 100.0 * ok as f64 / judged.len().max(1) as f64)
    };
    let mut worst: Vec<&Row> = rows.iter().collect();
    worst.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    println!();
    println!("worst: {}", worst.iter().take(12).map(|r| format!("{} {:.3}", r.name, r.f1)).collect::<Vec<_>>().join(", "));
    println!("pages: {}", rows.len());
    println!("mean precision {:.4}  recall {:.4}  F1 {:.4}", mean(&|r| r.precision), mean(&|r| r.recall), mean(&|r| r.f1));
    println!("pages with F1 >= 0.9: {}", rows.iter().filter(|r| r.f1 >= 0.9).count());
    println!("title same but for a cut site suffix {}", rate(&|r| Some(r.title_but_suffix)));
    println!("title exact {}  byline {}  lang {}  published {}", rate(&|r| Some(r.title_ok)), rate(&|r| r.byline_ok), rate(&|r| r.lang_ok), rate(&|r| r.date_ok));
    let total_ms: f64 = rows.iter().map(|r| r.millis).sum();
    let max = rows.iter().max_by(|a, b| a.millis.total_cmp(&b.millis)).map(|r| (r.name.as_str(), r.millis, r.nodes));
    println!("extraction time: total {total_ms:.1} ms, mean {:.2} ms/page, slowest {max:?}", total_ms / n);
}
