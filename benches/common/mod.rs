//! The pages the native benchmarks run on: the seed page, a 1 MB page of Readability's test
//! corpus, and a generated page with 10,000 reader comments (the same page as
//! `scripts/bench/comments-page.mjs` writes for the in-browser measurements).

use std::path::{Path, PathBuf};

/// The repository root (benchmarks run with the package root as working directory).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A benchmark page: its name and its HTML.
pub struct Page {
    /// Short name shown in criterion's report.
    pub name: &'static str,
    /// The page's HTML.
    pub html: String,
}

fn read(path: &Path) -> String {
    std::fs::read(path)
        .map(|bytes| glose::read_html::decode(&bytes, None))
        .unwrap_or_else(|e| panic!("benchmark page {}: {e}", path.display()))
}

/// Whether criterion measures (`cargo bench` passes `--bench`) rather than checks each benchmark
/// once (`cargo test --all-targets`, CI: there the comment page has 1,000 comments, not 10,000).
/// `GLOSE_BENCH_ONE` (one step under a profiler) measures too.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench") || std::env::var_os("GLOSE_BENCH_ONE").is_some()
}

/// The three benchmark pages; the corpus page is skipped when the shared corpus is not there.
pub fn pages() -> Vec<Page> {
    let mut pages = vec![Page { name: "seed", html: read(&root().join("tests/pages/clubic-jedi/page.html")) }];
    let big = root().join("../shared/corpus/readability-test-pages/wikipedia-2/source.html");
    if big.exists() {
        pages.push(Page { name: "1mb-wikipedia-2", html: read(&big) });
    } else {
        eprintln!("bench: {} not found, skipping the 1 MB page", big.display());
    }
    if measuring() {
        pages.push(Page { name: "10k-comments", html: comments_page(10_000) });
    } else {
        pages.push(Page { name: "1k-comments", html: comments_page(1_000) });
    }
    pages
}

const SUBJECTS: &[&str] = &["The bike lane", "The council", "This project", "The mayor", "Mill Street", "The new budget", "Traffic", "The article", "Parking", "The school run"];
const VERBS: &[&str] = &["is", "was", "seems", "looks", "will be", "has been", "could be", "is not"];
const OPINIONS: &[&str] = &["a great idea", "a waste of money", "long overdue", "dangerous for cyclists", "good for local shops", "badly planned", "safer for children", "too expensive", "a real improvement", "a disaster for drivers"];
const TAILS: &[&str] = &["in my opinion.", "and everyone knows it.", "according to the report.", "if you ask me.", "as the article says.", "since last spring.", "for families on our street.", "but nobody listens."];
const NAMES: &[&str] = &["Daniel Lee", "Priya S.", "Tom Becker", "Ana Ruiz", "Marc Dupont", "Jo Kim", "Sam Okafor", "Lena Berg"];

/// mulberry32, as in `scripts/bench/comments-page.mjs` (same seed, same page).
struct Rng(u32);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() * list.len() as f64) as usize]
    }
}

fn comment(i: usize, rng: &mut Rng, depth: u32) -> String {
    let id = 100_000 + i;
    let name = NAMES[i % NAMES.len()];
    let minute = format!("{:02}", i % 60);
    let count = 1 + (rng.next() * 3.0) as usize;
    let text: Vec<String> = (0..count)
        .map(|_| format!("{} {} {} {}", rng.pick(SUBJECTS), rng.pick(VERBS), rng.pick(OPINIONS), rng.pick(TAILS)))
        .collect();
    format!(
        "<li id=\"comment-{id}\" class=\"comment depth-{depth}\"><article id=\"div-comment-{id}\" class=\"comment-body\">\
<footer class=\"comment-meta\"><div class=\"comment-author vcard\"><b class=\"fn\">{name}</b> <span class=\"says\">says:</span></div>\
<div class=\"comment-metadata\"><a href=\"#comment-{id}\"><time datetime=\"2023-05-14T10:{minute}:00+00:00\">May 14, 2023 at 10:{minute} am</time></a></div></footer>\
<div class=\"comment-content\"><p>{}</p></div>\
<div class=\"reply\"><a rel=\"nofollow\" class=\"comment-reply-link\" href=\"?replytocom={id}#respond\">Reply</a></div></article>",
        text.join(" ")
    )
}

/// `tests/pages/wordpress-threaded-en` with `count` generated comments, every fourth a reply.
pub fn comments_page(count: usize) -> String {
    let template = read(&root().join("tests/pages/wordpress-threaded-en/page.html"));
    let start = template.find("<ol class=\"comment-list\">").expect("template has a WordPress comment list");
    let end = template.find("<div id=\"respond\"").expect("template has a reply form");
    let mut rng = Rng(7);
    let mut items = Vec::with_capacity(count);
    let mut i = 0;
    while i < count {
        if i % 4 == 1 && i + 1 < count {
            let parent = comment(i, &mut rng, 1);
            let child = comment(i + 1, &mut rng, 2);
            items.push(format!("{parent}<ol class=\"children\">{child}</li></ol></li>"));
            i += 2;
        } else {
            items.push(format!("{}</li>", comment(i, &mut rng, 1)));
            i += 1;
        }
    }
    format!("{}<ol class=\"comment-list\">\n{}\n</ol>\n{}", &template[..start], items.join("\n"), &template[end..])
}
