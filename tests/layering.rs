//! The crate's top-level modules form layers: no two of them import each other, directly or
//! through others (ARCHITECTURE.md, "Layers"). Read from the sources: every `crate::name` path,
//! including the names inside `use crate::{a, b::c}`, comments left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module names a source file's `crate::` paths start with.
fn crate_paths(source: &str) -> BTreeSet<String> {
    let code: String = source.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let ident = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: after `{` or a `,` at depth 0.
            let (mut depth, mut start) = (0, true);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if c.is_whitespace() => {}
                    _ if start => {
                        names.insert(ident(&group[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.insert(ident(rest));
        }
    }
    names
}

#[test]
fn top_level_modules_import_each_other_in_one_direction_only() {
    // The hot path's crate (`glose-read`: snapshot, text, page_patterns, extract) cannot import
    // `glose` at all; inside each crate the modules form layers.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    check_layers(&root.join("src"));
    check_layers(&root.join("crates/glose-read/src"));
}

fn check_layers(src: &Path) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let module_of = |path: &Path| {
        let first = path.strip_prefix(src).unwrap().components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        first.trim_end_matches(".rs").to_owned()
    };
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f)).filter(|m| m != "lib" && m != "bin").collect();
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        if !modules.contains(&module) {
            continue;
        }
        let used = crate_paths(&std::fs::read_to_string(file).unwrap());
        let entry = imports.entry(module.clone()).or_default();
        entry.extend(used.into_iter().filter(|m| modules.contains(m) && *m != module));
    }
    // A module reaching itself through its imports is a cycle.
    for start in &modules {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((at, path)) = todo.pop() {
            for next in imports.get(&at).into_iter().flatten() {
                assert!(next != start, "import cycle between top-level modules: {} → {next}", path.join(" → "));
                if seen.insert(next.clone()) {
                    todo.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
                }
            }
        }
    }
    // The lower layers stay low; `sorting` (one shared sort) is the lowest and any layer may use it.
    for (low, allowed) in [("sorting", &[][..]), ("text", &["sorting"][..]), ("snapshot", &["sorting"][..]), ("page_patterns", &["snapshot", "sorting"][..])] {
        let used: Vec<&String> = imports.get(low).into_iter().flatten().filter(|m| !allowed.contains(&m.as_str()) && *m != "read_html").collect();
        assert!(used.is_empty(), "{low} should import none of {used:?}");
    }
}

#[test]
fn group_imports_are_read() {
    let names = crate_paths("use crate::{extract, metadata::{a, b}, text::date};\n// crate::summary\nlet x = crate::anchor::f();");
    assert_eq!(names.into_iter().collect::<Vec<_>>(), ["anchor", "extract", "metadata", "text"]);
}
