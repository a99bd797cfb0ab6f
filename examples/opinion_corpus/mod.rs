//! Readers for the subjectivity corpora in `../shared/corpus/subjectivity` (shared by the
//! `train_opinion` and `eval_opinion` examples; not a library API).

#![allow(dead_code)]

pub mod embeddings;

use std::path::{Path, PathBuf};

/// One labelled sentence.
#[derive(Clone, Debug)]
pub struct Labelled {
    /// The sentence.
    pub text: String,
    /// Language subtag.
    pub lang: &'static str,
    /// true = SUBJ (the writer's own view).
    pub subjective: bool,
    /// The annotators strongly disagreed (NewsSD `Solved conflict`; false elsewhere).
    pub conflict: bool,
}

/// The corpus root: `$GLOSE_CORPUS` or `../shared/corpus`.
pub fn root() -> PathBuf {
    std::env::var_os("GLOSE_CORPUS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/corpus"))
}

/// Parses delimiter-separated values with RFC 4180 quoting (fields may span lines).
pub fn parse_dsv(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == delimiter => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
            }
            '\r' => {}
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// NewsSD (CC BY 4.0) split `train`, `val` or `test` for `english` / `italian`.
pub fn newssd(lang_dir: &str, split: &str) -> Vec<Labelled> {
    let lang = if lang_dir == "italian" { "it" } else { "en" };
    let rows = parse_dsv(&read(&root().join(format!("subjectivity/newssd/{lang_dir}/{split}.csv"))), ',');
    rows.into_iter()
        .skip(1)
        .filter(|r| r.len() >= 2)
        .map(|r| Labelled { text: r[0].trim().to_owned(), lang, subjective: r[1].trim() == "SUBJ", conflict: r.get(2).is_some_and(|c| c.trim() == "True") })
        .collect()
}

/// NewsSD train+val sentences translated by the team into another language, labels carried over
/// (`data/opinion/newssd-translated/*.tsv`, CC BY 4.0; see its SOURCE.md), in file order.
pub fn newssd_translated() -> Vec<Labelled> {
    let mut out = Vec::new();
    for path in tsv_files("GLOSE_TRANSLATED", "data/opinion/newssd-translated") {
        for line in read(&path).lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || cols.len() != 6 || cols[0] == "id" || cols[5].trim().is_empty() {
                continue;
            }
            let Some(lang) = lang_tag(cols[1]) else { continue };
            if !matches!(cols[2], "SUBJ" | "OBJ") {
                continue;
            }
            out.push(Labelled { text: cols[5].trim().to_owned(), lang, subjective: cols[2] == "SUBJ", conflict: false });
        }
    }
    out
}

/// CheckThat! 2025 task 1 TSV (`dev` or `train`) for `english`, `german`, `italian`…
pub fn checkthat(lang_dir: &str, split: &str) -> Vec<Labelled> {
    let (lang, code) = match lang_dir {
        "english" => ("en", "en"),
        "german" => ("de", "de"),
        "italian" => ("it", "it"),
        "bulgarian" => ("bg", "bg"),
        _ => ("ar", "ar"),
    };
    let text = read(&root().join(format!("subjectivity/checkthat2025/{lang_dir}/{split}_{code}.tsv")));
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() >= 3).then(|| Labelled { text: cols[1].trim().to_owned(), lang, subjective: cols[2].trim() == "SUBJ", conflict: false })
        })
        .collect()
}

/// BABE SG2 rows: (sentence, label_opinion).
pub fn babe() -> Vec<(String, String)> {
    let rows = parse_dsv(&read(&root().join("subjectivity/babe/babe_sg2_train.csv")), ';');
    rows.into_iter().skip(1).filter(|r| r.len() >= 7).map(|r| (r[0].trim().to_owned(), r[6].trim().to_owned())).collect()
}

/// Macro-F1 over {OBJ, SUBJ} from (gold, predicted) pairs, with per-class (P, R, F1).
pub fn macro_f1(pairs: &[(bool, bool)]) -> (f64, [(f64, f64, f64); 2]) {
    let mut per = [(0.0, 0.0, 0.0); 2];
    for (k, class) in [false, true].into_iter().enumerate() {
        let tp = pairs.iter().filter(|(g, p)| *g == class && *p == class).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| *g != class && *p == class).count() as f64;
        let fneg = pairs.iter().filter(|(g, p)| *g == class && *p != class).count() as f64;
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fneg > 0.0 { tp / (tp + fneg) } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        per[k] = (p, r, f);
    }
    ((per[0].2 + per[1].2) / 2.0, per)
}

/// The trained languages' subtag as a static string (`en`, `fr`, `de`, `it`), else `None`.
fn lang_tag(code: &str) -> Option<&'static str> {
    ["en", "fr", "de", "it"].into_iter().find(|&l| l == code)
}

/// The `.tsv` files of the directory `$env` (or `default`), in name order; none if it is absent.
fn tsv_files(env: &str, default: &str) -> Vec<PathBuf> {
    let dir = std::env::var_os(env).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(default));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "tsv")).collect()).unwrap_or_default();
    files.sort();
    files
}

/// One sentence of the team-annotated sets (`data/opinion/glose-annotated/*.tsv`, written with
/// `docs/annotation.md`; CC BY 4.0, Glose authors).
#[derive(Clone, Debug)]
pub struct Annotated {
    /// The sentence's id (`en-a-0001`).
    pub id: String,
    /// Language subtag (`en`, `fr`).
    pub lang: &'static str,
    /// `editorial`, `attributed` or `factual`.
    pub label: String,
    /// The source's noun phrase for attributed sentences, else `-`.
    pub source: String,
    /// The sentence.
    pub text: String,
}

/// The fixed split of the team-annotated sets: a sentence is in the held-aside TEST split when
/// the first 8 hex digits of sha1(id) are 0 mod 5 (20 %). `tools/teacher/split.py` applies the
/// same rule; no training or tuning ever reads the test split.
pub fn is_team_test(id: &str) -> bool {
    let hex = sha1_smol::Sha1::from(id.as_bytes()).digest().to_string();
    u32::from_str_radix(&hex[..8], 16).unwrap_or(0).is_multiple_of(5)
}

/// The team-annotated sentences of `split` (`train` or `test`) for every language, in file
/// order. The directory is `$GLOSE_ANNOTATED` or `data/opinion/glose-annotated`.
pub fn team(split: &str) -> Vec<Annotated> {
    let mut out = Vec::new();
    for path in tsv_files("GLOSE_ANNOTATED", "data/opinion/glose-annotated") {
        for line in read(&path).lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || cols.len() != 6 || cols[0] == "id" {
                continue;
            }
            let lang = match cols[1] {
                "en" => "en",
                "fr" => "fr",
                "de" => "de",
                _ => continue,
            };
            if !matches!(cols[3], "editorial" | "attributed" | "factual") || (is_team_test(cols[0]) != (split == "test")) {
                continue;
            }
            out.push(Annotated { id: cols[0].to_owned(), lang, label: cols[3].to_owned(), source: cols[4].to_owned(), text: cols[5].trim().to_owned() });
        }
    }
    out
}

/// The held-aside TEST split of the Wikinews sentences: whole articles, those whose id's sha1
/// starts with 8 hex digits that are 0 mod 5 (20 %). No training or tuning reads it.
pub fn is_wikinews_test(article: &str) -> bool {
    is_team_test(article)
}

/// The labelled real-news sentences of `split` (`train` or `test`), in file order (articles stay
/// together): Wikinews in French and Italian (`data/opinion/wikinews/`, CC BY 2.5) and the GUM
/// corpus's news and essays in English (`data/opinion/gum/`); see each folder's SOURCE.md.
pub fn wikinews(split: &str) -> Vec<Annotated> {
    let mut out = Vec::new();
    let files = tsv_files("GLOSE_WIKINEWS", "data/opinion/wikinews").into_iter().chain(tsv_files("GLOSE_GUM", "data/opinion/gum"));
    for path in files {
        for line in read(&path).lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || cols.len() != 7 || cols[0] == "id" {
                continue;
            }
            let Some(lang) = lang_tag(cols[1]) else { continue };
            // Interview answers are the interviewee's words, `attributed` only by the article's
            // layout: alone, "I think the plan is a mistake" reads as the writer's own. Not used.
            if cols[2] == "interview" {
                continue;
            }
            if !matches!(cols[3], "editorial" | "attributed" | "factual") || (is_wikinews_test(cols[6]) != (split == "test")) {
                continue;
            }
            out.push(Annotated { id: cols[0].to_owned(), lang, label: cols[3].to_owned(), source: cols[4].to_owned(), text: cols[5].trim().to_owned() });
        }
    }
    out
}

/// One teacher-labelled sentence (`data/opinion/pseudo/*.tsv`: lang, p_editorial, sentence).
#[derive(Clone, Debug)]
pub struct Pseudo {
    /// Language subtag.
    pub lang: String,
    /// The teacher's probability that the sentence is editorial.
    pub p_editorial: f32,
    /// The sentence.
    pub text: String,
}

/// Every teacher-labelled sentence under `$GLOSE_PSEUDO` or `data/opinion/pseudo`, files in name
/// order; files whose name starts with `team` are skipped (those sentences have gold labels).
pub fn pseudo() -> Vec<Pseudo> {
    let mut files = tsv_files("GLOSE_PSEUDO", "data/opinion/pseudo");
    files.retain(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("team")));
    let mut out = Vec::new();
    for path in files {
        for line in read(&path).lines() {
            let cols: Vec<&str> = line.splitn(3, '\t').collect();
            if line.starts_with('#') || cols.len() != 3 {
                continue;
            }
            let Ok(p) = cols[1].trim().parse::<f32>() else { continue };
            out.push(Pseudo { lang: cols[0].trim().to_owned(), p_editorial: p.clamp(0.0, 1.0), text: cols[2].trim().to_owned() });
        }
    }
    out
}

/// The labelled real-web sentences (`tests/opinion/realweb/blind.tsv` + `labels.tsv`; evaluation
/// only: the pages are third-party, see `tests/opinion/realweb/SOURCE.md`).
pub fn realweb() -> Vec<Annotated> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/opinion/realweb");
    let (Ok(blind), Ok(labels)) = (std::fs::read_to_string(dir.join("blind.tsv")), std::fs::read_to_string(dir.join("labels.tsv"))) else {
        return Vec::new();
    };
    let rows = |text: &str| -> Vec<Vec<String>> { text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("id\t")).map(|l| l.split('\t').map(str::to_owned).collect()).collect() };
    let labels: std::collections::HashMap<String, (String, String)> =
        rows(&labels).into_iter().filter(|r| r.len() == 3).map(|r| (r[0].clone(), (r[1].clone(), r[2].clone()))).collect();
    rows(&blind)
        .into_iter()
        .filter(|r| r.len() == 4)
        .filter_map(|r| {
            let (label, source) = labels.get(&r[0])?.clone();
            let lang = match r[1].as_str() {
                "en" => "en",
                "fr" => "fr",
                _ => return None,
            };
            Some(Annotated { id: r[0].clone(), lang, label, source, text: r[3].clone() })
        })
        .collect()
}
