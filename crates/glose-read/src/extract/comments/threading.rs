//! Turns comment elements into a thread: drops wrappers that hold no comment of their own, and
//! finds the comment each one answers — by nesting first, then by an "in reply to" link, a
//! `depth-N` / `aria-level` mark, a quoted or named parent, or an `@Name` at the very start.

use super::fields::Fields;
use super::FoundComment;
use crate::snapshot::{NodeId, Snapshot};
use rustc_hash::FxHashMap as HashMap;

/// Builds the comment list from candidate elements (in document order) and what each says.
pub fn thread(snapshot: &Snapshot, candidates: &[NodeId], mut fields: Vec<Fields>) -> Vec<FoundComment> {
    let count = candidates.len();
    // The nearest candidate holding each candidate.
    let mut holder: Vec<Option<usize>> = vec![None; count];
    let mut open: Vec<usize> = Vec::new();
    for (i, &node) in candidates.iter().enumerate() {
        while open.last().is_some_and(|&o| !snapshot.contains(candidates[o], node)) {
            open.pop();
        }
        holder[i] = open.last().copied();
        open.push(i);
    }
    let is_comment: Vec<bool> = fields.iter().map(|f| !f.text.is_empty()).collect();
    // A wrapper without text of its own stands for its first inner candidate (its "head").
    let mut head: Vec<Option<usize>> = vec![None; count];
    for (i, h) in holder.iter().enumerate() {
        if let Some(h) = *h {
            if head[h].is_none() {
                head[h] = Some(i);
            }
        }
    }
    let resolve = |mut i: usize| -> Option<usize> {
        for _ in 0..64 {
            if is_comment[i] {
                return Some(i);
            }
            i = head[i]?;
        }
        None
    };
    // Wrappers lend their author, date and depth to their head comment.
    for w in (0..count).filter(|&w| !is_comment[w]) {
        if let Some(c) = resolve(w) {
            let (author, published, depth) = (fields[w].author.take(), fields[w].published.take(), fields[w].depth);
            let relative_date = fields[w].relative_date.take();
            let f = &mut fields[c];
            f.author = f.author.take().or(author);
            if f.published.is_none() {
                if published.is_some() {
                    f.published = published;
                    f.relative_date = None;
                } else if f.relative_date.is_none() {
                    f.relative_date = relative_date;
                }
            }
            f.depth = f.depth.or(depth);
        }
    }

    let mut index_of: Vec<Option<usize>> = vec![None; count];
    // Element ids ("comment-12", and wrappers' "li-comment-12") of every candidate.
    // Built the first time an "in reply to" link is followed (most threads nest instead).
    let mut anchors: Option<HashMap<&str, usize>> = None;
    // Each author's comments so far, latest last.
    let mut by_author: HashMap<String, Vec<usize>> = HashMap::default();
    let mut lower = String::new();
    let mut last_at_depth: HashMap<u32, usize> = HashMap::default();
    let mut out: Vec<FoundComment> = Vec::new();
    for c in (0..count).filter(|&c| is_comment[c]) {
        let mut reply_to = nesting_parent(c, &holder, &is_comment, &resolve).and_then(|p| index_of[p]);
        let f = &fields[c];
        if let (Some(parent), Some(name), true) = (reply_to, f.reply_name.as_deref(), f.reply_line) {
            // "In reply to X" under someone else's comment: a flattened deeper reply.
            let named = name.to_lowercase();
            if out[parent].author.as_deref().is_some_and(|a| a.to_lowercase() != named) {
                reply_to = by_author.get(&named).and_then(|theirs| theirs.last().copied()).or(reply_to);
            }
        }
        if reply_to.is_none() {
            if let Some(link) = f.reply_link.as_deref() {
                let anchors = anchors.get_or_insert_with(|| {
                    candidates.iter().enumerate().filter_map(|(i, &n)| snapshot.attr(n, "id").map(|a| (a, i))).collect()
                });
                reply_to = anchors.get(link).and_then(|&i| resolve(i)).and_then(|p| index_of[p]);
            }
        }
        if reply_to.is_none() {
            reply_to = f.depth.filter(|&d| d > 1).and_then(|d| last_at_depth.get(&(d - 1)).copied());
        }
        if reply_to.is_none() {
            reply_to = f.reply_name.as_deref().and_then(|n| by_author.get(&n.to_lowercase())).and_then(|theirs| {
                // The one holding the quoted passage, else the latest.
                let quoted = f.quoted_text.as_deref().filter(|q| q.chars().count() >= 8);
                quoted.and_then(|q| theirs.iter().rev().take(50).find(|&&i| out[i].text.contains(q))).or(theirs.last()).copied()
            });
        }
        if reply_to.is_none() {
            reply_to = named_at_start(&f.text, &by_author).filter(|&p| out[p].author != f.author);
        }
        let index = out.len();
        index_of[c] = Some(index);
        // Each comment's fields are read once: move its texts out instead of copying them.
        let f = &mut fields[c];
        if let Some(a) = &f.author {
            // An ASCII name is lower-cased in a reused buffer: most authors comment more than
            // once, and a known one costs no copy.
            if a.is_ascii() {
                lower.clear();
                lower.push_str(a);
                lower.make_ascii_lowercase();
                match by_author.get_mut(lower.as_str()) {
                    Some(theirs) => theirs.push(index),
                    None => by_author.entry(lower.clone()).or_default().push(index),
                }
            } else {
                by_author.entry(a.to_lowercase()).or_default().push(index);
            }
        }
        if let Some(d) = f.depth {
            last_at_depth.insert(d, index);
        }
        out.push(FoundComment {
            node: candidates[c],
            author: f.author.take(),
            published: f.published.take(),
            relative_date: f.relative_date.take(),
            text: std::mem::take(&mut f.text),
            reply_to,
        });
    }
    out
}

/// The comment (candidate index) that holds `c`, looking through wrappers.
fn nesting_parent(c: usize, holder: &[Option<usize>], is_comment: &[bool], resolve: &impl Fn(usize) -> Option<usize>) -> Option<usize> {
    let mut at = holder[c];
    while let Some(a) = at {
        if is_comment[a] {
            return Some(a);
        }
        match resolve(a) {
            Some(h) if h != c && h < c => return Some(h),
            _ => at = holder[a],
        }
    }
    None
}

/// A reply that opens with the name of an earlier commenter: "@Popoulo …", "Popoulo, …",
/// "Popoulo : …". Names shorter than three letters never count.
fn named_at_start(text: &str, by_author: &HashMap<String, Vec<usize>>) -> Option<usize> {
    let (mention, rest) = match text.strip_prefix('@') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    const CLOSING: [char; 7] = [',', ':', '.', '!', '?', ';', '…'];
    // The first four words, without a list of them (every comment is asked).
    let mut first_words = [""; 4];
    let mut count = 0;
    for word in rest.split_whitespace().take(4) {
        first_words[count] = word;
        count += 1;
    }
    let words = &first_words[..count];
    for n in (1..=words.len()).rev() {
        // The words joined end with the last one, and no closing char is a space: what closes
        // the candidate is the closing chars ending its last word. Asked before joining, since
        // most texts open with no name.
        let last = words[n - 1];
        let closes = matches!(last[last.trim_end_matches(CLOSING).len()..].chars().next(), Some(',' | ':'));
        let spaced_colon = words.get(n).is_some_and(|w| *w == ":");
        if !(mention || closes || spaced_colon) {
            continue;
        }
        let candidate = words[..n].join(" ");
        let trimmed = candidate.trim_end_matches(CLOSING);
        if trimmed.chars().count() < 3 {
            continue;
        }
        if let Some(&i) = by_author.get(&trimmed.to_lowercase()).and_then(|theirs| theirs.last()) {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`named_at_start`] as first written: every candidate joined before it is judged.
    fn named_at_start_joining_first(text: &str, by_author: &HashMap<String, Vec<usize>>) -> Option<usize> {
        let (mention, rest) = match text.strip_prefix('@') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let words: Vec<&str> = rest.split_whitespace().take(4).collect();
        for n in (1..=words.len()).rev() {
            let candidate = words[..n].join(" ");
            let trimmed = candidate.trim_end_matches([',', ':', '.', '!', '?', ';', '…']);
            let closes = candidate.len() != trimmed.len() && matches!(candidate[trimmed.len()..].chars().next(), Some(',' | ':'));
            let spaced_colon = words.get(n).is_some_and(|w| *w == ":");
            if trimmed.chars().count() < 3 || !(mention || closes || spaced_colon) {
                continue;
            }
            if let Some(&i) = by_author.get(&trimmed.to_lowercase()).and_then(|theirs| theirs.last()) {
                return Some(i);
            }
        }
        None
    }

    #[test]
    fn names_at_the_start_are_found_as_when_every_candidate_was_joined() {
        let mut by_author: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, name) in ["anna", "jens w.", "anna ", "bob", "popoulo", "ab", "x y z", "ana ruiz", "…", "anna ,"].iter().enumerate() {
            by_author.entry(name.to_string()).or_default().push(i);
        }
        let texts = [
            "", "@", "@Anna", "@anna hello", "Anna, I agree", "Anna: no", "Anna : no", "Anna ... yes", "Anna ,", "Anna ,, ok",
            "Jens W., right", "Jens W.: right", "jens w. : right", "Bob… really", "Bob,… really", "Bob:, x", "Ana Ruiz, the lane",
            "X y z: so", "Ab, no", "@ab", "Popoulo a écrit :", "Popoulo , non", "… , x", "Anna;", "Anna!:", "Anna,:",
            "The bike lane is not safer for children as the article says.", "Anna\u{a0}, x", "@Ana Ruiz… and", "Bob ： x",
        ];
        for text in texts {
            assert_eq!(named_at_start(text, &by_author), named_at_start_joining_first(text, &by_author), "{text:?}");
        }
    }
}
