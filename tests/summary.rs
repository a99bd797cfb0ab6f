//! Comment summary cases: each folder `tests/summary/<case>/` holds `input.json` (`lang`,
//! `sentences` as texts, `comments` with `author`, `text`, `reply_to` as an author name) and
//! `expected.json` (what must hold). One harness runs them all through `summary::summarize`.
//!
//! expected.json keys (all optional):
//! - `quoted_passages`: `[{passage_contains, quoted_by: [authors]}]`, exact quoters, in rank order;
//! - `quoted_passage_count`: how many passages are quoted at all;
//! - `quotes_nothing`: authors whose comments quote no sentence;
//! - `themes`: `[{members_include: [authors], label_contains_any: [words], about_article: bool}]`,
//!   each group inside one theme and different groups in different themes;
//! - `theme_count`: `{min, max}`; `no_themes`: true when no theme may be formed;
//! - `reply_to`: author → author (or null); `stance`: author → disputes / agrees / neutral / null;
//! - `theme_words_exclude`: words no theme label or key word may be (greetings, fillers);
//! - `disputing`, `agreeing`: exact counts; `text_contains`: phrases of the summary text.

use glose::report::{Comment, Sentence, Stance, Summary};
use serde_json::Value;
use std::path::Path;

fn load(case: &Path) -> (Vec<Comment>, Vec<Sentence>, String) {
    let input: Value = serde_json::from_str(&std::fs::read_to_string(case.join("input.json")).unwrap()).unwrap();
    let lang = input["lang"].as_str().unwrap_or("en").to_owned();
    let sentences: Vec<Sentence> = input["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, s)| Sentence {
            id: i as u32,
            block: i as u32,
            text: s.as_str().unwrap().to_owned(),
            start: 0,
            end: s.as_str().unwrap().chars().count() as u32,
            label: Default::default(),
            score: 0.0,
            cues: Vec::new(),
            source: None,
            anchor: None,
            selector: None,
        })
        .collect();
    let raw = input["comments"].as_array().unwrap();
    let authors: Vec<&str> = raw.iter().map(|c| c["author"].as_str().unwrap()).collect();
    let comments = raw
        .iter()
        .enumerate()
        .map(|(i, c)| Comment {
            id: i as u32,
            author: Some(authors[i].to_owned()),
            text: c["text"].as_str().unwrap().to_owned(),
            reply_to: c["reply_to"].as_str().map(|a| id_of(&authors, a)),
            ..Comment::default()
        })
        .collect();
    (comments, sentences, lang)
}

fn id_of(authors: &[&str], author: &str) -> u32 {
    authors.iter().position(|a| *a == author).unwrap_or_else(|| panic!("unknown author {author}")) as u32
}

fn check(case: &Path) -> Vec<String> {
    let (mut comments, sentences, lang) = load(case);
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap()).unwrap();
    let summary: Summary = glose::summary::summarize(&mut comments, &sentences, &lang);
    let authors: Vec<&str> = comments.iter().map(|c| c.author.as_deref().unwrap()).collect();
    let by_author = |a: &str| &comments[id_of(&authors, a) as usize];
    let names = |ids: &[u32]| ids.iter().map(|&i| authors[i as usize]).collect::<Vec<_>>();
    let mut errors = Vec::new();

    if let Some(list) = expected["quoted_passages"].as_array() {
        for (rank, p) in list.iter().enumerate() {
            let needle = p["passage_contains"].as_str().unwrap();
            let mut want: Vec<&str> = p["quoted_by"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
            want.sort_unstable();
            match summary.quoted_passages.iter().position(|q| sentences[q.sentence as usize].text.contains(needle)) {
                None => errors.push(format!("no quoted passage contains {needle:?}")),
                Some(at) => {
                    let mut got = names(&summary.quoted_passages[at].comments);
                    got.sort_unstable();
                    if got != want {
                        errors.push(format!("passage {needle:?} quoted by {got:?}, expected {want:?}"));
                    }
                    if at != rank {
                        errors.push(format!("passage {needle:?} ranked {at}, expected {rank}"));
                    }
                }
            }
        }
    }
    if let Some(n) = expected["quoted_passage_count"].as_u64() {
        if summary.quoted_passages.len() as u64 != n {
            errors.push(format!("{} quoted passages, expected {n}", summary.quoted_passages.len()));
        }
    }
    for a in expected["quotes_nothing"].as_array().into_iter().flatten() {
        let c = by_author(a.as_str().unwrap());
        if !c.quotes.is_empty() {
            errors.push(format!("{a} quotes {:?}, expected nothing", c.quotes.iter().map(|&s| &sentences[s as usize].text).collect::<Vec<_>>()));
        }
    }
    if expected["no_themes"].as_bool() == Some(true) && !summary.themes.is_empty() {
        errors.push(format!("expected no themes, got {}", summary.themes.len()));
    }
    if let Some(range) = expected.get("theme_count") {
        let n = summary.themes.len() as u64;
        if n < range["min"].as_u64().unwrap_or(0) || n > range["max"].as_u64().unwrap_or(u64::MAX) {
            errors.push(format!("{n} themes, expected {range}"));
        }
    }
    let mut used_themes = Vec::new();
    for t in expected["themes"].as_array().into_iter().flatten() {
        let members: Vec<u32> =
            t["members_include"].as_array().unwrap().iter().map(|a| id_of(&authors, a.as_str().unwrap())).collect();
        match summary.themes.iter().position(|th| members.iter().all(|m| th.comments.contains(m))) {
            None => errors.push(format!("no theme holds {:?}", names(&members))),
            Some(at) => {
                if used_themes.contains(&at) {
                    errors.push(format!("{:?} share a theme with another expected group", names(&members)));
                }
                used_themes.push(at);
                let theme = &summary.themes[at];
                if let Some(words) = t["label_contains_any"].as_array() {
                    let label = theme.label.to_lowercase();
                    if !words.iter().any(|w| label.contains(w.as_str().unwrap())) {
                        errors.push(format!("theme label {:?} has none of {words:?}", theme.label));
                    }
                }
                if let Some(about) = t["about_article"].as_bool() {
                    if theme.about_article != about || (about && !theme.label.ends_with(theme.topic.as_str())) {
                        errors.push(format!("theme {:?} (topic {:?}) about_article = {}, expected {about}", theme.label, theme.topic, theme.about_article));
                    }
                }
                if !theme.comments.contains(&theme.representative) {
                    errors.push(format!("representative of {:?} is not a member", theme.label));
                }
            }
        }
    }
    for word in expected["theme_words_exclude"].as_array().into_iter().flatten() {
        let word = word.as_str().unwrap();
        for theme in &summary.themes {
            let label_words: Vec<String> = theme.label.to_lowercase().split([' ', ',', ':']).map(str::to_owned).collect();
            if label_words.iter().any(|w| w == word) || theme.keywords.iter().any(|k| k.to_lowercase() == word) {
                errors.push(format!("theme {:?} {:?} uses the filler {word:?}", theme.label, theme.keywords));
            }
        }
    }
    for (a, parent) in expected["reply_to"].as_object().into_iter().flatten() {
        let got = by_author(a).reply_to.map(|p| authors[p as usize]);
        if got != parent.as_str() {
            errors.push(format!("{a} replies to {got:?}, expected {parent}"));
        }
    }
    for (a, s) in expected["stance"].as_object().into_iter().flatten() {
        let got = by_author(a).stance.map(|s| match s {
            Stance::Disputes => "disputes",
            Stance::Agrees => "agrees",
            Stance::Neutral => "neutral",
        });
        if got != s.as_str() {
            errors.push(format!("{a} stance {got:?}, expected {s}"));
        }
    }
    for (key, got) in [("disputing", summary.disputing), ("agreeing", summary.agreeing)] {
        if let Some(n) = expected[key].as_u64() {
            if got as u64 != n {
                errors.push(format!("{key} = {got}, expected {n}"));
            }
        }
    }
    for phrase in expected["text_contains"].as_array().into_iter().flatten() {
        if !summary.text.contains(phrase.as_str().unwrap()) {
            errors.push(format!("summary text lacks {phrase}"));
        }
    }
    if !errors.is_empty() {
        let themes: Vec<String> =
            summary.themes.iter().map(|t| format!("{:?} {:?} {:?}", t.label, names(&t.comments), t.keywords)).collect();
        errors.push(format!("themes: {themes:#?}\ntext: {}", summary.text));
    }
    errors
}

#[test]
fn summary_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/summary");
    let mut cases: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("input.json").exists()).collect();
    cases.sort();
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in &cases {
        let errors = check(case);
        if !errors.is_empty() {
            failures.push(format!("{}:\n  {}", case.file_name().unwrap().to_string_lossy(), errors.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// The seed page end to end: extractors, then the summary, checked against the
/// `comment_summary` section of `/work/shared/pages/clubic-jedi/expected.json` (copied into
/// `tests/pages/clubic-jedi` when present there).
#[test]
fn seed_page_summary() {
    let candidates = [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/clubic-jedi/page.html"),
        Path::new("/work/shared/pages/clubic-jedi/page.html").to_path_buf(),
    ];
    let Some(page) = candidates.iter().find(|p| p.exists()) else {
        panic!("seed page not found in {candidates:?}");
    };
    let snapshot = glose::read_html::parse_bytes(&std::fs::read(page).unwrap());
    let report = glose::analyze(&snapshot, &glose::Options::default());
    let authors: Vec<&str> = report.comments.iter().map(|c| c.author.as_deref().unwrap_or("")).collect();
    let id = |a: &str| authors.iter().position(|x| *x == a).unwrap_or_else(|| panic!("no comment by {a} in {authors:?}")) as u32;
    let summary = &report.summary;

    let aside = summary
        .quoted_passages
        .first()
        .map(|p| report.sentences[p.sentence as usize].text.as_str())
        .unwrap_or_default();
    assert!(aside.contains("car ne faisant pas la propagande de son administration"), "most quoted: {aside:?}");
    let mut quoters = summary.quoted_passages[0].comments.clone();
    quoters.sort_unstable();
    assert_eq!(quoters, [id("Kergariou"), id("Akerusan")]);

    for group in [["Kergariou", "Daeneroc", "Akerusan"].as_slice(), &["Popoulo", "newseven"], &["roboc", "carinae"]] {
        let ids: Vec<u32> = group.iter().map(|a| id(a)).collect();
        assert!(
            summary.themes.iter().any(|t| ids.iter().all(|i| t.comments.contains(i))),
            "no theme holds {group:?}: {:?}",
            summary.themes
        );
    }
    assert_eq!(summary.disputing, 3);
    assert!(summary.text.contains("3 lecteurs contestent l'article ou son auteur"), "{}", summary.text);
    assert!(summary.text.contains("« car ne faisant pas la propagande de son administration »"), "{}", summary.text);
}
