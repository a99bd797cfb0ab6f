//! Behaviour of comment extraction on small pages; whole pages live in `tests/pages/`.

use super::extract;
use crate::read_html::parse_html;

fn comments(html: &str) -> Vec<(Option<String>, String, Option<usize>)> {
    extract(&parse_html(html)).comments.into_iter().map(|c| (c.author, c.text, c.reply_to)).collect()
}

#[test]
fn fifty_thousand_comments_are_all_read() {
    let mut html = String::from("<html><body><article><h1>T</h1><p>Article text.</p></article><div id=comments><ol class=comment-list>");
    for i in 0..50_000 {
        html.push_str(&format!(
            "<li class=comment><span class=comment-author>user{i}</span> <time datetime=\"2024-01-01T10:00:00Z\">1 Jan</time><div class=comment-content><p>Comment number {i}.</p></div><a class=reply>Reply</a></li>"
        ));
    }
    html.push_str("</ol></div></body></html>");
    let found = extract(&parse_html(&html));
    assert_eq!(found.comments.len(), 50_000);
    let last = &found.comments[49_999];
    assert_eq!(last.author.as_deref(), Some("user49999"));
    assert_eq!(last.text, "Comment number 49999.");
    assert_eq!(last.published.as_deref(), Some("2024-01-01T10:00:00Z"));
    assert!(found.comments.iter().all(|c| c.reply_to.is_none()));
}

#[test]
fn a_long_reply_chain_nests_each_reply_under_the_previous() {
    // Built directly: html5ever caps nesting depth, a live page does not.
    let depth = 5_000;
    let mut b = crate::snapshot::SnapshotBuilder::new();
    let mut parent = b.element(0, "div", [("class", "comments")]);
    for i in 0..depth {
        let comment = b.element(parent, "div", [("class", "comment")]);
        let author = b.element(comment, "b", [("class", "author")]);
        b.text(author, &format!("u{i}"));
        let p = b.element(comment, "p", []);
        b.text(p, &format!("reply {i}"));
        parent = b.element(comment, "div", [("class", "children")]);
    }
    let found = extract(&b.finish().unwrap()).comments;
    assert_eq!(found.len(), depth);
    assert_eq!(found[0].reply_to, None);
    assert!(found.iter().enumerate().skip(1).all(|(i, c)| c.reply_to == Some(i - 1) && c.text == format!("reply {i}")));
}

#[test]
fn flat_lists_thread_by_depth_classes_and_reply_links() {
    let found = comments(
        r##"<section id="comments"><h2>Comments</h2>
        <div class="comment depth-1" id="comment-1"><span class="author">Ann</span><p>First.</p></div>
        <div class="comment depth-2" id="comment-2"><span class="author">Ben</span><p>Second.</p></div>
        <div class="comment depth-1" id="comment-3"><span class="author">Cy</span><p>Third.</p></div>
        <div class="comment" id="comment-4"><span class="author">Dee</span><span class="in-reply-to">in reply to <a href="#comment-2">Ben</a></span><p>Fourth.</p></div>
        </section>"##,
    );
    let replies: Vec<Option<usize>> = found.iter().map(|c| c.2).collect();
    assert_eq!(replies, vec![None, Some(0), None, Some(1)]);
    assert_eq!(found[3].1, "Fourth.", "the reply line is not comment text");
}

#[test]
fn replies_by_name_need_an_earlier_commenter_at_the_very_start() {
    let found = comments(
        r#"<ol class="commentlist">
        <li class="comment"><cite class="fn">Popoulo</cite><p>Payez vos impôts.</p></li>
        <li class="comment"><cite class="fn">newseven</cite><p>@Popoulo valable aussi pour Microsoft ?</p></li>
        <li class="comment"><cite class="fn">Zed</cite><p>@Nobody this name never commented.</p></li>
        <li class="comment"><cite class="fn">Popoulo</cite><p>Popoulo, c'est moi-même, pas une réponse.</p></li>
        <li class="comment"><cite class="fn">Kim</cite><p>Comme disait Popoulo, payez.</p></li>
        <li class="comment"><cite class="fn">Lu</cite><p>newseven: oui.</p></li>
        </ol>"#,
    );
    let replies: Vec<Option<usize>> = found.iter().map(|c| c.2).collect();
    assert_eq!(replies, vec![None, Some(0), None, None, None, Some(1)]);
}

#[test]
fn the_article_is_never_a_comment_and_never_cut_out() {
    let html = r#"<html><body><article><h1>Title</h1><p class="byline"><a href="/author/x">Jo Writer</a> <time datetime="2024-01-01">1 Jan 2024</time></p>
        <div class="article-body"><p>First paragraph of the story with enough words.</p>
        <div class="comment">Editor's note: this story was updated.</div>
        <p>Second paragraph.</p></div></article></body></html>"#;
    let found = extract(&parse_html(html));
    assert!(found.comments.is_empty());
    assert!(found.section.is_none());
    assert!(found.excluded.is_empty());
}

#[test]
fn empty_or_broken_input_gives_no_comments() {
    assert!(extract(&crate::snapshot::Snapshot::empty()).comments.is_empty());
    assert!(comments("<div class=comment></div><div class=comment>   </div>").is_empty());
    assert!(comments(r#"<script type="application/ld+json">{"comment": [{"@type": "Comment", "text": 5}, "x", null]</script>"#).is_empty());
    assert!(comments(r#"<script type="application/ld+json">{not json</script>"#).is_empty());
}

#[test]
fn an_empty_named_section_is_still_kept_out_of_the_article() {
    let found = extract(&parse_html(r#"<article><h1>T</h1><p>Story.</p></article><div id="disqus_thread"></div>"#));
    assert!(found.comments.is_empty());
    assert!(found.section.is_some());
    assert_eq!(found.excluded, vec![found.section.unwrap()]);
}

#[test]
fn a_section_with_no_comment_read_is_not_cut_from_the_article() {
    // Items with no author or date we can read: nothing is a comment, so the list stays.
    let mut html = String::from("<html><body><article><h1>标题</h1><p>正文。</p></article><div id=\"comments\"><h3>网友评论</h3><ul>");
    for i in 0..12 {
        html.push_str(&format!("<li>这是第{i}条读者留言，内容比较长，讨论了文章提到的票价问题和车次安排。</li>"));
    }
    html.push_str("</ul></div></body></html>");
    let found = extract(&parse_html(&html));
    assert!(found.comments.is_empty());
    assert!(found.section.is_some(), "the section is still reported, for placing the summary");
    assert!(found.excluded.is_empty(), "…but not cut: {:?}", found.excluded);
    // As good as empty: cut.
    let found = extract(&parse_html("<article><h1>T</h1><p>Story.</p></article><div id=\"comments\"><h3>评论</h3><p>暂无评论</p></div>"));
    assert_eq!(found.excluded, vec![found.section.unwrap()]);
}

#[test]
fn a_heading_after_the_article_leads_a_plain_list_of_comments() {
    let found = extract(&parse_html(
        r#"<main><article><h1>Titel</h1><p>Text des Artikels.</p></article>
        <h2>Leserkommentare (2)</h2><p>Bitte sachlich bleiben.</p>
        <ul><li><strong>Anna</strong> · <span>vor 2 Stunden</span><p>Guter Artikel, danke.</p></li>
        <li><strong>Bernd</strong> · <span>12.06.2024, 10:14 Uhr</span><p>Sehe ich anders.</p></li></ul>
        <h2>Mehr zum Thema</h2><p>Anderer Artikel.</p></main>"#,
    ));
    let got: Vec<(Option<&str>, &str, Option<&str>)> = found.comments.iter().map(|c| (c.author.as_deref(), c.text.as_str(), c.relative_date.as_deref())).collect();
    assert_eq!(got, vec![(Some("Anna"), "Guter Artikel, danke.", Some("vor 2 Stunden")), (Some("Bernd"), "Sehe ich anders.", None)]);
    assert_eq!(found.comments[1].published.as_deref(), Some("2024-06-12T10:14:00"));
    // The heading and its note go with the list; the next section stays.
    assert_eq!(found.excluded.len(), 3, "list, heading, note: {:?}", found.excluded);
}

#[test]
fn relative_dates_resolve_against_the_given_reference() {
    let mut found = extract(&parse_html(
        r#"<div class="comments"><div class="comment"><span class="author">Ann</span><time>il y a 3 heures</time><p>Oui.</p></div>
        <div class="comment"><span class="author">Bo</span><time datetime="2024-06-01T08:00:00Z">1 juin</time><p>Non.</p></div></div>"#,
    ));
    found.resolve_relative_dates(None);
    assert_eq!(found.comments[0].published, None, "no reference, no date");
    found.resolve_relative_dates(Some("2024-06-12T09:30:00+02:00"));
    assert_eq!(found.comments[0].published.as_deref(), Some("2024-06-12T06:30:00+02:00"));
    assert_eq!(found.comments[1].published.as_deref(), Some("2024-06-01T08:00:00Z"));
}

#[test]
fn reply_lines_in_other_languages_name_the_parent() {
    for (line, lang) in [
        ("Em resposta a Ben", "pt"), ("In antwoord op Ben", "nl"), ("В ответ на Ben", "ru"), ("ردا على Ben", "ar"),
        ("Benさんへの返信", "ja"), ("Ben님에게 답글", "ko"), ("Antwort auf Ben", "de"),
    ] {
        let found = comments(&format!(
            r#"<section id="comments">
            <div class="comment"><span class="author">Ann</span><p>First.</p></div>
            <div class="comment"><span class="author">Ben</span><p>Second.</p></div>
            <div class="comment"><span class="author">Cy</span><p>Third.</p></div>
            <div class="comment"><span class="author">Dee</span><span>{line}</span><p>Fourth.</p></div>
            </section>"#
        ));
        let replies: Vec<Option<usize>> = found.iter().map(|c| c.2).collect();
        assert_eq!(replies, vec![None, None, None, Some(1)], "{lang}: {line}");
        assert_eq!(found[3].1, "Fourth.", "{lang}: the reply line is not comment text");
    }
}

#[test]
fn a_sentence_opening_like_a_reply_line_stays_text() {
    let found = comments(
        r#"<section id="comments">
        <div class="comment"><span class="author">Ann</span><p>First.</p></div>
        <div class="comment"><span class="author">Ben</span><p>Réponse à votre question : oui, le tram passera par la gare.</p></div>
        </section>"#,
    );
    assert_eq!(found[1].1, "Réponse à votre question : oui, le tram passera par la gare.");
    assert_eq!(found[1].2, None);
}
