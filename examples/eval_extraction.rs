//! Measures article extraction on real pages: trafilatura's evaluation set (807 gzipped pages
//! from news sites, blogs and shops, `../shared/corpus/trafilatura-eval/SOURCE.md`). A benchmark,
//! not a test.
//!
//! ```text
//! cargo run --release --example eval_extraction -- [../shared/corpus/trafilatura-eval] [--fp] [--fn] [--show FILE]
//! ```
//!
//! Every page runs the CLI's path up to the article (`read_html::parse_bytes` → metadata →
//! comments → article, as `glose::analyze` does). Scoring, as trafilatura's own evaluation:
//! - the extracted text is the article's blocks joined, white space collapsed to single spaces;
//!   the page title (metadata) is NOT part of it — Glose shows the title apart and cuts the
//!   heading that repeats it, and trafilatura's text output carries no title either. The line
//!   "title + body" gives the score with the title prepended, for reference;
//! - each `with` snippet (white space collapsed) found as a substring is a true positive, else a
//!   false negative; each `without` snippet found is a false positive, else a true negative.
//!   Precision, recall, F1 and accuracy are over all snippets of all pages (micro-averaged).
//!
//! Metadata, counted only on pages whose annotation is non-empty:
//! - title: equal after collapsing white space, case folding and trimming punctuation at the ends
//!   ("exact"); "contains" also counts one holding the other (a site suffix cut or kept);
//! - author: the set of names equal, after dropping a "By / Von / Par" lead-in, splitting on
//!   `,` `;` `&` `/` `|` " and " " und " " et ", case folding ("exact"); "overlap": a name shared;
//! - date: the same calendar day (the first 10 chars of the ISO date).
//!
//! `--fp` / `--fn` list every false positive / negative with its page (`--why`: with the block
//! that holds each false positive, its element path and text, and where in the page each false
//! negative is; `--tp --why` lists the true
//! positives the same way); `--show FILE` prints one
//! page's blocks and how each snippet fared.

use glose::{extract, metadata};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One annotated page.
struct Entry {
    url: String,
    file: String,
    with: Vec<String>,
    without: Vec<String>,
    title: Option<String>,
    author: Option<Vec<String>>,
    date: Option<String>,
}

/// A non-empty string field, or the strings of a list field joined by ", ".
fn field(v: &serde_json::Value) -> Option<String> {
    let s = match v {
        serde_json::Value::String(s) => collapse(s),
        serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).map(collapse).collect::<Vec<_>>().join(", "),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

fn read_annotations(root: &Path) -> Vec<Entry> {
    let text = std::fs::read_to_string(root.join("annotations.json")).unwrap_or_else(|e| {
        eprintln!("cannot read {}/annotations.json: {e}", root.display());
        std::process::exit(1);
    });
    let json: serde_json::Value = serde_json::from_str(&text).expect("annotations.json is JSON");
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().map(|a| a.iter().filter_map(|s| s.as_str()).map(collapse).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
    };
    let mut entries: Vec<Entry> = json
        .as_object()
        .expect("annotations.json is an object")
        .iter()
        .map(|(url, v)| Entry {
            url: url.clone(),
            file: v["file"].as_str().unwrap_or("").to_owned(),
            with: strings(&v["with"]),
            without: strings(&v["without"]),
            title: field(&v["title"]),
            author: field(&v["author"]).map(|a| names(&a)),
            date: field(&v["date"]),
        })
        .collect();
    entries.sort_by(|a, b| a.file.cmp(&b.file));
    entries
}

/// Case-folded names of a byline: lead-in dropped, split on the usual separators.
fn names(byline: &str) -> Vec<String> {
    let mut s = format!(" {} ", byline.to_lowercase());
    for sep in [" and ", " und ", " et ", " y ", " e ", ",", ";", "&", "/", "|"] {
        s = s.replace(sep, "\u{1}");
    }
    let mut out: Vec<String> = s
        .split('\u{1}')
        .map(|n| {
            let n = n.trim();
            let n = ["by ", "von ", "par ", "por ", "di ", "door "].iter().find_map(|p| n.strip_prefix(p)).unwrap_or(n);
            collapse(n.trim_matches(|c: char| !c.is_alphanumeric()))
        })
        .filter(|n| !n.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn fold_title(t: &str) -> String {
    collapse(t).to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

/// What one page gave.
#[derive(Default)]
struct Row {
    file: String,
    tp: usize,
    fn_: usize,
    fp: usize,
    tn: usize,
    /// The same counts with the title prepended to the text.
    with_title: [usize; 4],
    false_pos: Vec<String>,
    /// Filled with `--why` only.
    true_pos: Vec<String>,
    false_neg: Vec<String>,
    title: Option<(bool, bool)>,
    author: Option<(bool, bool)>,
    date: Option<bool>,
    millis: f64,
    chars: usize,
}

fn gunzip(path: &Path) -> Option<Vec<u8>> {
    let file = std::fs::File::open(path).ok()?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut out).ok()?;
    Some(out)
}

fn score_page(root: &Path, entry: &Entry, show: bool, why: bool) -> Row {
    let mut row = Row { file: entry.file.clone(), ..Default::default() };
    let html = gunzip(&root.join("html").join(format!("{}.gz", entry.file))).unwrap_or_else(|| {
        eprintln!("cannot read html/{}.gz", entry.file);
        Vec::new()
    });
    let started = Instant::now();
    let snapshot = glose::read_html::parse_bytes(&html);
    let found_meta = metadata::extract(&snapshot);
    let comments = extract::comments::extract(&snapshot);
    let article = extract::article::extract(&snapshot, &found_meta, &comments.excluded);
    row.millis = started.elapsed().as_secs_f64() * 1000.0;

    let body = collapse(&article.blocks.iter().map(|b| b.text.text.as_str()).collect::<Vec<_>>().join("\n"));
    let titled = collapse(&format!("{}\n{}", found_meta.title.as_deref().unwrap_or(""), body));
    row.chars = body.chars().count();
    for snippet in &entry.with {
        if body.contains(snippet.as_str()) {
            row.tp += 1;
            if why {
                row.true_pos.push(format!("{snippet:?}\n    {}", where_found(&snapshot, &article.blocks, snippet)));
            }
        } else {
            row.fn_ += 1;
            row.false_neg.push(match why {
                true => format!("{snippet:?}\n    {}", where_in_page(&snapshot, snippet)),
                false => format!("{snippet:?}"),
            });
        }
        row.with_title[usize::from(!titled.contains(snippet.as_str()))] += 1;
    }
    for snippet in &entry.without {
        if body.contains(snippet.as_str()) {
            row.fp += 1;
            row.false_pos.push(match why {
                true => format!("{snippet:?}\n    {}", where_found(&snapshot, &article.blocks, snippet)),
                false => format!("{snippet:?}"),
            });
        } else {
            row.tn += 1;
        }
        row.with_title[2 + usize::from(!titled.contains(snippet.as_str()))] += 1;
    }

    row.title = entry.title.as_ref().map(|want| {
        let (want, got) = (fold_title(want), found_meta.title.as_deref().map(fold_title).unwrap_or_default());
        (want == got, !got.is_empty() && (want.contains(&got) || got.contains(&want)))
    });
    row.author = entry.author.as_ref().map(|want| {
        let got = found_meta.byline.as_deref().map(names).unwrap_or_default();
        (*want == got, got.iter().any(|g| want.contains(g)))
    });
    row.date = entry.date.as_ref().map(|want| found_meta.published.as_deref().is_some_and(|got| got.get(..10) == want.get(..10)));

    if show {
        println!("--- {} ({}) ---", entry.file, entry.url);
        println!("metadata: {found_meta:?}");
        println!("expected: title={:?} author={:?} date={:?}", entry.title, entry.author, entry.date);
        for b in &article.blocks {
            println!("[{:?} #{}] {}", b.kind, b.node, b.text.text);
        }
        for s in &entry.with {
            println!("{} with    {s:?}", if body.contains(s.as_str()) { "ok" } else { "FN" });
        }
        for s in &entry.without {
            println!("{} without {s:?}", if body.contains(s.as_str()) { "FP" } else { "ok" });
        }
    }
    row
}

/// Where a snippet was found: the first block holding it (or its start), as kind, element path
/// (tag.class of the block and its three nearest ancestors) and the block's text, cut short.
fn where_found(snapshot: &glose::snapshot::Snapshot, blocks: &[extract::article::FoundBlock], snippet: &str) -> String {
    let head: String = snippet.chars().take(24).collect();
    let Some(b) = blocks.iter().find(|b| collapse(&b.text.text).contains(snippet)).or_else(|| blocks.iter().find(|b| collapse(&b.text.text).contains(&head))) else {
        return "(across blocks)".to_owned();
    };
    let name = |id| format!("{}.{}", snapshot.tag(id).unwrap_or("?"), snapshot.attr(id, "class").unwrap_or("").split_whitespace().next().unwrap_or(""));
    let path: Vec<String> = std::iter::once(b.node).chain(snapshot.ancestors(b.node)).take(4).map(name).collect();
    let text: String = b.text.text.chars().take(160).collect();
    format!("{:?} {} | {text}", b.kind, path.join(" < "))
}

/// Where a missed snippet is in the page: the element path of the first text node holding its
/// first words (or "(not in one text node)").
fn where_in_page(snapshot: &glose::snapshot::Snapshot, snippet: &str) -> String {
    let head: String = snippet.chars().take(20).collect();
    let Some(id) = (0..snapshot.len() as u32).find(|&id| snapshot.text(id).is_some_and(|t| collapse(t).contains(&head))) else {
        return "(not in one text node)".to_owned();
    };
    let name = |id| format!("{}.{}", snapshot.tag(id).unwrap_or("?"), snapshot.attr(id, "class").unwrap_or("").split_whitespace().next().unwrap_or(""));
    snapshot.ancestors(id).take(6).map(name).collect::<Vec<_>>().join(" < ")
}

/// Precision, recall, F1, accuracy from tp, fn, fp, tn.
fn scores(tp: usize, fn_: usize, fp: usize, tn: usize) -> (f64, f64, f64, f64) {
    let (tp, fn_, fp, tn) = (tp as f64, fn_ as f64, fp as f64, tn as f64);
    let p = tp / (tp + fp).max(1.0);
    let r = tp / (tp + fn_).max(1.0);
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f, (tp + tn) / (tp + fn_ + fp + tn).max(1.0))
}

fn rate(rows: &[Row], f: impl Fn(&Row) -> Option<bool>) -> String {
    let judged: Vec<bool> = rows.iter().filter_map(f).collect();
    let ok = judged.iter().filter(|&&b| b).count();
    format!("{ok}/{} ({:.1}%)", judged.len(), 100.0 * ok as f64 / judged.len().max(1) as f64)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).cloned();
    let root = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--show"))
        .map(|(_, a)| PathBuf::from(a))
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/trafilatura-eval"));
    let mut entries = read_annotations(&root);
    if let Some(name) = &show {
        entries.retain(|e| &e.file == name || e.file.trim_end_matches(".html") == name || &e.url == name);
    }
    let started = Instant::now();
    let rows: Vec<Row> = entries.par_iter().map(|e| score_page(&root, e, show.is_some(), flag("--why"))).collect();
    let wall = started.elapsed().as_secs_f64();
    if rows.is_empty() {
        eprintln!("no pages under {}", root.display());
        std::process::exit(1);
    }
    if show.is_some() {
        return;
    }
    if flag("--fp") {
        for r in rows.iter().filter(|r| !r.false_pos.is_empty()) {
            for s in &r.false_pos {
                println!("FP {:<48} {s}", r.file);
            }
        }
    }
    if flag("--tp") {
        for r in &rows {
            for s in &r.true_pos {
                println!("TP {:<48} {s}", r.file);
            }
        }
    }
    if flag("--fn") {
        for r in rows.iter().filter(|r| !r.false_neg.is_empty()) {
            for s in &r.false_neg {
                println!("FN {:<48} {s}", r.file);
            }
        }
    }
    let sum = |f: &dyn Fn(&Row) -> usize| rows.iter().map(f).sum::<usize>();
    let (tp, fn_, fp, tn) = (sum(&|r| r.tp), sum(&|r| r.fn_), sum(&|r| r.fp), sum(&|r| r.tn));
    let (p, r, f, a) = scores(tp, fn_, fp, tn);
    let w = |k: usize| sum(&|r| r.with_title[k]);
    let (tp2, fn2, fp2, tn2) = (w(0), w(1), w(2), w(3));
    let (p2, r2, f2, a2) = scores(tp2, fn2, fp2, tn2);
    let mut worst: Vec<&Row> = rows.iter().filter(|r| r.fp > 0).collect();
    worst.sort_by(|a, b| b.fp.cmp(&a.fp).then(a.file.cmp(&b.file)));
    println!("most false positives: {}", worst.iter().take(15).map(|r| format!("{} {}", r.file, r.fp)).collect::<Vec<_>>().join(", "));
    println!("empty articles: {}", rows.iter().filter(|r| r.chars == 0).count());
    println!("pages {}  snippets {} with, {} without", rows.len(), tp + fn_, fp + tn);
    println!("body:         tp {tp} fn {fn_} fp {fp} tn {tn}");
    println!("precision {p:.3}  recall {r:.3}  F1 {f:.3}  accuracy {a:.3}");
    println!("title + body: precision {p2:.3}  recall {r2:.3}  F1 {f2:.3}  accuracy {a2:.3}  (tp {tp2} fn {fn2} fp {fp2} tn {tn2})");
    println!(
        "metadata: title exact {}  contains {}  author exact {}  overlap {}  date (day) {}",
        rate(&rows, |r| r.title.map(|t| t.0)),
        rate(&rows, |r| r.title.map(|t| t.1)),
        rate(&rows, |r| r.author.map(|t| t.0)),
        rate(&rows, |r| r.author.map(|t| t.1)),
        rate(&rows, |r| r.date),
    );
    let cpu: f64 = rows.iter().map(|r| r.millis).sum();
    println!("time: wall {wall:.1} s, extraction {:.1} s of CPU ({:.1} ms/page)", cpu / 1000.0, cpu / rows.len() as f64);
}
