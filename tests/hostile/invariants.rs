//! What must hold for every report on every page, however hostile: used by the hostile-page
//! suite (`tests/hostile.rs`) and by the fuzz targets (`fuzz/fuzz_targets/*.rs`).
//!
//! [`violations`] lists every broken rule in words; an empty list means the report is coherent:
//! ids are indexes, cross references point at existing items, offsets lie inside their texts and
//! slice exactly the text they claim, anchors point at text nodes of the snapshot, scores are
//! numbers in [0, 1], and the report survives a JSON round trip.

#![allow(dead_code)] // each user (the suite, each fuzz target) needs a different part

use glose::report::Report;
use glose::snapshot::text::{DomPoint, DomRange};
use glose::Snapshot;

/// Every broken invariant of `report` (made from `snapshot`), as readable lines.
pub fn violations(snapshot: &Snapshot, report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let mut fail = |s: String| out.push(s);

    let article = &report.article;
    if article.found == article.blocks.is_empty() {
        fail(format!("article.found = {} with {} blocks", article.found, article.blocks.len()));
    }
    let joined = article.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n\n");
    if article.text != joined {
        fail("article.text is not the blocks joined by blank lines".into());
    }
    if !article.found && !report.sentences.is_empty() {
        fail(format!("no article but {} sentences", report.sentences.len()));
    }
    for (i, block) in article.blocks.iter().enumerate() {
        if block.node.is_some_and(|n| n as usize >= snapshot.len()) {
            fail(format!("block {i}: node out of the snapshot"));
        }
    }

    for (i, s) in report.sentences.iter().enumerate() {
        if s.id as usize != i {
            fail(format!("sentence {i} has id {}", s.id));
        }
        let Some(block) = article.blocks.get(s.block as usize) else {
            fail(format!("sentence {i}: block {} does not exist", s.block));
            continue;
        };
        match char_slice(&block.text, s.start, s.end) {
            Some(slice) if slice == s.text => {}
            Some(slice) => fail(format!("sentence {i}: block[{}..{}] = {slice:?}, text = {:?}", s.start, s.end, s.text)),
            None => fail(format!("sentence {i}: {}..{} outside its block", s.start, s.end)),
        }
        if !(0.0..=1.0).contains(&s.score) {
            fail(format!("sentence {i}: score {}", s.score));
        }
        if let Some(range) = &s.anchor {
            check_range(snapshot, range, &format!("sentence {i} anchor"), &mut fail);
            check_anchor_text(snapshot, range, &s.text, &format!("sentence {i}"), &mut fail);
        }
        if let Some(sel) = &s.selector {
            if sel.position.start > sel.position.end {
                fail(format!("sentence {i}: selector runs backwards"));
            }
            let (quote, text) = (squash(&sel.quote.exact), squash(&s.text));
            if quote.chars().next() != text.chars().next() || quote.chars().last() != text.chars().last() {
                fail(format!("sentence {i}: selector quote {:?} does not span its text {:?}", sel.quote.exact, s.text));
            }
        }
        for (j, cue) in s.cues.iter().enumerate() {
            match char_slice(&s.text, cue.start, cue.end) {
                Some(slice) if slice == cue.text => {}
                Some(slice) => fail(format!("sentence {i} cue {j}: text[{}..{}] = {slice:?}, cue = {:?}", cue.start, cue.end, cue.text)),
                None => fail(format!("sentence {i} cue {j}: {}..{} outside the sentence", cue.start, cue.end)),
            }
            if let Some(range) = &cue.anchor {
                check_range(snapshot, range, &format!("sentence {i} cue {j} anchor"), &mut fail);
                check_anchor_text(snapshot, range, &cue.text, &format!("sentence {i} cue {j}"), &mut fail);
            }
            if cue.weight.is_some_and(|w| !w.is_finite()) {
                fail(format!("sentence {i} cue {j}: weight {:?}", cue.weight));
            }
        }
    }

    let sentence_count = report.sentences.len() as u32;
    let comment_count = report.comments.len() as u32;
    for (i, c) in report.comments.iter().enumerate() {
        if c.id as usize != i {
            fail(format!("comment {i} has id {}", c.id));
        }
        if c.reply_to.is_some_and(|r| r >= c.id) {
            fail(format!("comment {i} replies to a later comment {:?}", c.reply_to));
        }
        if c.quotes.iter().any(|&q| q >= sentence_count) {
            fail(format!("comment {i} quotes a missing sentence: {:?}", c.quotes));
        }
        if c.node.is_some_and(|n| n as usize >= snapshot.len()) {
            fail(format!("comment {i}: node out of the snapshot"));
        }
    }
    let summary = &report.summary;
    if summary.comment_count != comment_count {
        fail(format!("summary counts {} comments, report has {comment_count}", summary.comment_count));
    }
    if summary.disputing + summary.agreeing > comment_count {
        fail(format!("{} disputing + {} agreeing > {comment_count} comments", summary.disputing, summary.agreeing));
    }
    for (t, theme) in summary.themes.iter().enumerate() {
        if theme.comments.iter().any(|&c| c >= comment_count) {
            fail(format!("theme {t} lists a missing comment: {:?}", theme.comments));
        }
        if !theme.comments.contains(&theme.representative) {
            fail(format!("theme {t}: representative {} is not one of its comments", theme.representative));
        }
    }
    for (q, passage) in summary.quoted_passages.iter().enumerate() {
        if passage.sentence >= sentence_count || passage.comments.iter().any(|&c| c >= comment_count) {
            fail(format!("quoted passage {q} points at a missing sentence or comment"));
        }
    }
    if comment_count == 0 && (!summary.themes.is_empty() || !summary.quoted_passages.is_empty()) {
        fail("themes or quoted passages without comments".into());
    }

    match serde_json::to_string(report) {
        Ok(json) => match serde_json::from_str::<Report>(&json) {
            Ok(back) if serde_json::to_string(&back).ok().as_deref() == Some(json.as_str()) => {}
            Ok(_) => fail("the report changes through a JSON round trip".into()),
            Err(e) => fail(format!("the report's JSON does not read back: {e}")),
        },
        Err(e) => fail(format!("the report does not serialise: {e}")),
    }
    out
}

/// What is wrong with a DOM range of `snapshot` (end points on text nodes, offsets inside them,
/// not running backwards); empty when nothing.
pub fn range_violations(snapshot: &Snapshot, range: &DomRange, what: &str) -> Vec<String> {
    let mut out = Vec::new();
    check_range(snapshot, range, what, &mut |s| out.push(s));
    out
}

/// Chars `start..end` of `text` (offsets in Unicode scalar values), `None` when out of range.
pub fn char_slice(text: &str, start: u32, end: u32) -> Option<String> {
    if start > end || end as usize > text.chars().count() {
        return None;
    }
    Some(text.chars().skip(start as usize).take((end - start) as usize).collect())
}

/// The text without any white space (the DOM and the collapsed text differ only in spacing).
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check_point(snapshot: &Snapshot, point: &DomPoint, what: &str, fail: &mut impl FnMut(String)) -> bool {
    if point.node as usize >= snapshot.len() {
        fail(format!("{what}: node {} out of the snapshot", point.node));
        return false;
    }
    let Some(data) = snapshot.text(point.node) else {
        fail(format!("{what}: node {} is not a text node", point.node));
        return false;
    };
    let units = data.encode_utf16().count() as u32;
    if point.offset > units {
        fail(format!("{what}: offset {} past the node's {units} UTF-16 units", point.offset));
        return false;
    }
    true
}

fn check_range(snapshot: &Snapshot, range: &DomRange, what: &str, fail: &mut impl FnMut(String)) {
    let ok = check_point(snapshot, &range.start, &format!("{what} start"), fail)
        & check_point(snapshot, &range.end, &format!("{what} end"), fail);
    if ok && (range.start.node, range.start.offset) > (range.end.node, range.end.offset) {
        fail(format!("{what}: runs backwards"));
    }
}

/// The DOM text between the anchor's points, spaces aside, must start and end like the passage
/// and hold all its chars in order (it may hold more: text the extractor left out of the block,
/// such as a byline inside an unclosed heading, still lies inside the DOM range).
fn check_anchor_text(snapshot: &Snapshot, range: &DomRange, expected: &str, what: &str, fail: &mut impl FnMut(String)) {
    let (start, end) = (range.start, range.end);
    if start.node as usize >= snapshot.len() || end.node as usize >= snapshot.len() || start.node > end.node {
        return;
    }
    let mut found = String::new();
    for node in start.node..=end.node {
        let Some(data) = snapshot.text(node) else { continue };
        let units: Vec<u16> = data.encode_utf16().collect();
        let from = if node == start.node { start.offset as usize } else { 0 };
        let to = if node == end.node { end.offset as usize } else { units.len() };
        if from > to || to > units.len() {
            return;
        }
        found.push_str(&String::from_utf16_lossy(&units[from..to]));
    }
    let (found, expected_chars) = (squash(&found), squash(expected));
    let mut rest = found.chars();
    let in_order = expected_chars.chars().all(|c| rest.by_ref().any(|f| f == c));
    let same_ends = found.chars().next() == expected_chars.chars().next() && found.chars().last() == expected_chars.chars().last();
    if !in_order || !same_ends {
        fail(format!("{what}: anchor covers {:?}, text is {expected:?}", truncate(&found)));
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(120).collect()
}

/// The cells of an RFC 4180 document with CRLF line ends, or what is malformed about it (a bare
/// quote or line break in an unquoted cell, an unterminated quote, a last row without CRLF).
pub fn csv_rows(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                was_quoted = false;
            }
            (false, c) if was_quoted || matches!(c, '"' | '\n' | '\r') => {
                return Err(format!("stray {c:?} after or in an unquoted cell of row {}", rows.len()));
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted || !cell.is_empty() || !row.is_empty() {
        return Err("the CSV does not end with a complete row".into());
    }
    Ok(rows)
}

/// Whether a spreadsheet would read a CSV cell as a formula.
pub fn starts_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}
