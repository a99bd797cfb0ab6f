//! The `glose` command line as users and scripts see it (CONTRACT.md): exit codes, one-line
//! errors, `"found": false` pages, `classify`'s one line per input line, `batch`'s one report
//! per page, and hostile pages through every output format.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn glose(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glose")).args(args).output().expect("the glose binary runs")
}

fn hostile(case: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile").join(case).join("page.html").to_string_lossy().into_owned()
}

/// A fresh empty folder under the system temp dir.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("glose-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn annotate_on_a_missing_file_fails_with_one_line() {
    let out = glose(&["annotate", "/nonexistent/page.html"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("/nonexistent/page.html"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn annotate_on_a_folder_fails_with_one_line() {
    let dir = scratch("folder");
    let out = glose(&["annotate", dir.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8(out.stderr).unwrap().trim_end().lines().count(), 1);
}

#[test]
fn annotate_on_a_page_without_article_exits_zero_with_found_false() {
    let dir = scratch("no-article");
    let title_only = dir.join("title-only.html");
    std::fs::write(&title_only, "<html><head><title>Only a title</title></head><body>\n</body></html>").unwrap();
    for path in [hostile("empty-file"), title_only.to_string_lossy().into_owned()] {
        let out = glose(&["annotate", &path]);
        assert!(out.status.success(), "{path}: {}", String::from_utf8_lossy(&out.stderr));
        let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
        assert_eq!(report["article"]["found"], false, "{path}");
        assert_eq!(report["sentences"].as_array().map(Vec::len), Some(0), "{path}");
        assert_eq!(report["version"], 1);
    }
}

#[test]
fn annotate_on_binary_garbage_exits_zero_with_a_report() {
    let dir = scratch("garbage");
    let path = dir.join("garbage.html");
    std::fs::write(&path, (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect::<Vec<_>>()).unwrap();
    for format in ["json", "md", "text"] {
        let out = glose(&["annotate", path.to_str().unwrap(), "--format", format]);
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!out.stdout.is_empty(), "{format}");
    }
}

#[test]
fn annotate_reads_legacy_encodings_like_a_browser() {
    let out = glose(&["annotate", &hostile("windows-1252")]);
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = report["article"]["text"].as_str().unwrap();
    assert!(text.contains("réouverture du café “Au Pont”"), "{text}");
    assert_eq!(report["metadata"]["title"], "Le café du pont");
}

#[test]
fn annotate_keeps_hostile_text_inert_in_every_format() {
    let page = hostile("script-comments");
    let json = glose(&["annotate", &page, "--url", "https://news.example/bridge"]);
    assert!(json.status.success());
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["url"], "https://news.example/bridge");
    assert!(report["comments"].as_array().unwrap().iter().any(|c| c["text"].as_str().unwrap().contains("<script>alert(1)</script>")));

    let md = glose(&["annotate", &page, "--format", "md"]);
    assert!(md.status.success());
    let md = String::from_utf8(md.stdout).unwrap();
    let body = &md[md[4..].find("\n---\n").expect("front matter") + 9..];
    assert!(body.contains(r"\<script\>alert(8)\</script\>"), "{body}");
    assert!(!body.contains("<script>"), "{body}");

    let text = glose(&["annotate", &page, "--format", "text"]);
    assert!(text.status.success());
    assert!(String::from_utf8(text.stdout).unwrap().contains("Comments: 8"));
}

#[test]
fn classify_prints_one_label_and_score_per_line() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["classify", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = "The council approved the bridge on Tuesday.\n\nThis shameful, outrageous decision is a disaster!\n   \n\"It is a good plan,\" the mayor said.\n";
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), input.lines().count(), "{stdout}");
    for line in &lines {
        let (label, score) = line.split_once('\t').unwrap_or_else(|| panic!("no tab in {line:?}"));
        assert!(["editorial", "attributed", "factual"].contains(&label), "{line}");
        let score: f32 = score.parse().unwrap_or_else(|_| panic!("score in {line:?}"));
        assert!((0.0..=1.0).contains(&score), "{line}");
    }
    assert_eq!(lines[1], "factual\t0");
    assert_eq!(lines[3], "factual\t0");
}

#[test]
fn classify_survives_invalid_utf8_and_control_characters() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .arg("classify")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"ok line\n\x1b[2J\x00\x07 bell\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn batch_writes_one_json_report_per_html_page() {
    let dir = scratch("batch-in");
    let out_dir = scratch("batch-out");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(hostile("rtl-hebrew"), dir.join("hebrew.html")).unwrap();
    std::fs::copy(hostile("windows-1252"), dir.join("sub/legacy.html")).unwrap();
    std::fs::write(dir.join("empty.html"), b"").unwrap();
    std::fs::write(dir.join("notes.txt"), b"not a page").unwrap();
    let out = glose(&["batch", dir.to_str().unwrap(), "--out", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut written: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert_eq!(written.len(), 3, "{written:?}");
    assert!(written.iter().all(|n| n.ends_with(".json")), "{written:?}");
    for name in &written {
        let report: Value = serde_json::from_str(&std::fs::read_to_string(out_dir.join(name)).unwrap()).unwrap();
        assert_eq!(report["version"], 1, "{name}");
    }
    let hebrew = written.iter().find(|n| n.contains("hebrew")).expect("hebrew report");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(out_dir.join(hebrew)).unwrap()).unwrap();
    assert_eq!(report["metadata"]["lang"], "he");
    assert_eq!(report["comments"].as_array().map(Vec::len), Some(2));
}

#[test]
fn batch_on_a_missing_folder_fails_with_one_line() {
    let out = glose(&["batch", "/nonexistent/pages", "--out", scratch("batch-missing").to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8(out.stderr).unwrap().trim_end().lines().count(), 1);
}
