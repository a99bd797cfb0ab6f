//! Comments read in a page's frames (comment widgets in iframes, issue 16) are summarised with the
//! page's own: `Options::frame_comments` holds each frame's report comments, `analyze` appends them
//! after the page's (ids continued, threads renumbered within their frame, no node, `frame` set)
//! and leaves the page's own findings as they were.

use glose::{FrameComments, MAX_FRAME_COMMENTS};
use glose::report::{Comment, Report};
use glose::Options;
use std::path::Path;

fn read(path: &str) -> glose::Snapshot {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    glose::read_html::parse_bytes(&bytes)
}

/// The host page of the end-to-end test without its frames (what `?alone` serves).
fn host_page() -> glose::Snapshot {
    let html = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/frames/article.html")).unwrap();
    let mut alone = String::new();
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<!--frames-->") {
        alone.push_str(&rest[..start]);
        let end = rest[start..].find("<!--/frames-->").map(|e| start + e + "<!--/frames-->".len()).unwrap_or(rest.len());
        rest = &rest[end..];
    }
    alone.push_str(rest);
    glose::read_html::parse_html(&alone)
}

fn widget(path: &str, url: &str) -> FrameComments {
    let report = glose::analyze(&read(path), &Options::default());
    FrameComments { url: Some(url.to_owned()), comments: report.comments }
}

fn with_frames(frames: Vec<FrameComments>) -> Report {
    glose::analyze(&host_page(), &Options { frame_comments: frames, ..Options::default() })
}

#[test]
fn widget_comments_join_the_page_summary_and_leave_its_own_findings_intact() {
    let alone = glose::analyze(&host_page(), &Options::default());
    assert_eq!(alone.comments.len(), 3);
    let disqus = "http://127.0.0.1:9/widgets/disqus.html";
    let coral = "http://127.0.0.1:9/widgets/coral.html";
    let report = with_frames(vec![widget("tests/pages/widget-disqus-frame/page.html", disqus), widget("tests/pages/widget-coral-frame/page.html", coral)]);

    assert_eq!(report.summary.comment_count, 9);
    assert_eq!(report.summary.frame_comments, 6);
    assert_eq!(report.summary.section, alone.summary.section, "the panel still goes before the page's own comments");
    let own: Vec<_> = report.comments.iter().filter(|c| c.frame.is_none()).map(|c| (&c.author, &c.text, &c.published, c.reply_to, c.node)).collect();
    let before: Vec<_> = alone.comments.iter().map(|c| (&c.author, &c.text, &c.published, c.reply_to, c.node)).collect();
    assert_eq!(own, before);
    let sentences = |r: &Report| r.sentences.iter().map(|s| (s.text.clone(), s.label)).collect::<Vec<_>>();
    assert_eq!(sentences(&report), sentences(&alone));

    for (i, c) in report.comments.iter().enumerate() {
        assert_eq!(c.id as usize, i, "ids follow the order");
    }
    let authors: Vec<_> = report.comments[3..].iter().map(|c| c.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["Grace Okafor", "Tom Park", "Erik Lindqvist", "Amina Haddad", "Daniel Reyes", "Sofia Marino"]);
    assert!(report.comments[3..].iter().all(|c| c.node.is_none()));
    assert_eq!(report.comments[4].reply_to, Some(3), "Tom Park answers Grace Okafor, renumbered");
    assert_eq!(report.comments[7].reply_to, Some(6), "Daniel Reyes answers Amina Haddad, renumbered");
    assert_eq!(report.comments[5].frame.as_deref(), Some(disqus));
    assert_eq!(report.comments[8].frame.as_deref(), Some(coral));
    // The frames' comments are in the themes too.
    assert!(report.summary.themes.iter().flat_map(|t| &t.comments).any(|&id| id >= 3));
    // The slim report the page draws from: frame comments have no node.
    let slim = serde_json::to_value(report.slim()).unwrap();
    assert_eq!(slim["summary"]["frame_comments"], 6);
    assert!(slim["comments"][4].get("node").is_none());
}

#[test]
fn odd_frame_comments_are_tolerated() {
    let comment = |id: u32, text: &str, reply_to: Option<u32>| Comment { id, text: text.into(), reply_to, ..Comment::default() };
    // Empty texts are dropped; a reply to a comment that is not there, or to a later one, stays unthreaded.
    let frame = FrameComments { url: None, comments: vec![comment(7, "First.", Some(7)), comment(8, "  ", None), comment(9, "Second.", Some(7)), comment(10, "Third.", Some(42)), comment(11, "Fourth.", Some(12)), comment(12, "Fifth.", None)] };
    let report = with_frames(vec![frame]);
    let added = &report.comments[3..];
    assert_eq!(added.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["First.", "Second.", "Third.", "Fourth.", "Fifth."]);
    assert_eq!(added.iter().map(|c| c.reply_to).collect::<Vec<_>>(), [None, Some(3), None, None, None]);
    assert_eq!(added[0].frame.as_deref(), Some(""));

    // A huge widget is cut at MAX_FRAME_COMMENTS, all frames together.
    let many = |n: usize| FrameComments { url: Some("u".into()), comments: (0..n as u32).map(|i| comment(i, "Same words again.", None)).collect() };
    let report = with_frames(vec![many(MAX_FRAME_COMMENTS - 10), many(100)]);
    assert_eq!(report.summary.frame_comments as usize, MAX_FRAME_COMMENTS);
    assert_eq!(report.comments.len(), 3 + MAX_FRAME_COMMENTS);

    // The JSON the extension sends: the frame reports' comments (quotes may be absent).
    let frames: Vec<FrameComments> = serde_json::from_str(r#"[{"url":"https://w.example/t","comments":[{"id":0,"author":"A","published":null,"text":"Hello there.","reply_to":null}]}]"#).unwrap();
    assert_eq!(with_frames(frames).summary.frame_comments, 1);
}
