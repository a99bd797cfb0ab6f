//! Seeds for the `snapshot_json` fuzz target: reads HTML file paths from stdin (one a line) and
//! writes each page's snapshot as the JSON the extension's content script sends, into the folder
//! given as argument. `scripts/fuzz.sh snapshot_json …` runs it on first use.

use std::io::BufRead;

fn main() {
    let out = std::env::args().nth(1).expect("usage: fuzz_snapshot_seeds OUT_DIR < paths");
    std::fs::create_dir_all(&out).expect("create the output folder");
    for line in std::io::stdin().lock().lines() {
        let path = line.expect("read stdin");
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let snapshot = glose::read_html::parse_bytes(&bytes);
        let json = serde_json::to_vec(&snapshot).expect("a snapshot serialises");
        // `…/readability-test-pages/001/source.html` → `001.json`.
        let path_ref = std::path::Path::new(&path);
        let name = path_ref.parent().and_then(|d| d.file_name()).or(path_ref.file_stem()).map_or("page".into(), |n| n.to_string_lossy().into_owned());
        std::fs::write(format!("{out}/{name}.json"), json).expect("write a seed");
    }
}
