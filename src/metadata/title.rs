//! The article title from the document's `<title>` when the page gives no better one, and the
//! word-overlap similarity used to compare titles with headings.

use crate::snapshot::Snapshot;

fn word_count(s: &str) -> usize {
    s.split_whitespace().count().max(1)
}

fn is_separator(c: char) -> bool {
    matches!(c, '|' | '-' | '–' | '—' | '\\' | '/' | '>' | '»')
}

/// Positions of " X " separators (X a separator char surrounded by spaces) in `title`.
fn separators(title: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    let mut found = Vec::new();
    for w in chars.windows(3) {
        if w[0].1 == ' ' && is_separator(w[1].1) && w[2].1 == ' ' {
            found.push((w[1].0, w[1].0 + w[1].1.len_utf8()));
        }
    }
    found
}

/// The page title cut from `<title>`: the site part after the last separator (" | ", " - ",
/// " » "…) removed, or the part after a colon, falling back on the single `<h1>` when the title
/// is too short or too long (the rules of Firefox Reader View).
pub fn from_document(snapshot: &Snapshot, h1_texts: &[String], h2_texts: &[String]) -> Option<String> {
    let original = snapshot.find_first("title").map(|t| collapse(&snapshot.text_content(t)))?;
    let mut current = original.clone();
    let seps = separators(&original);
    let mut hierarchical = false;
    if let Some(&(last_start, _)) = seps.last() {
        hierarchical = seps.iter().any(|&(s, e)| matches!(&original[s..e], "\\" | "/" | ">" | "»"));
        current = original[..last_start].trim().to_owned();
        if word_count(&current) < 3 {
            let (_, first_end) = seps[0];
            current = original[first_end..].trim().to_owned();
        }
    } else if original.contains(": ") {
        let matches_heading = h1_texts.iter().chain(h2_texts).any(|h| h.trim() == original);
        if !matches_heading {
            let last = original.rfind(':').unwrap_or(0);
            current = original[last + 1..].trim().to_owned();
            if word_count(&current) < 3 {
                let first = original.find(':').unwrap_or(0);
                current = original[first + 1..].trim().to_owned();
            } else if word_count(&original[..original.find(':').unwrap_or(0)]) > 5 {
                current = original.clone();
            }
        }
    } else if original.chars().count() > 150 || original.chars().count() < 15 {
        if let [only] = h1_texts {
            current = collapse(only);
        }
    }
    let current_words = word_count(&current);
    let without_separators: String = original.chars().filter(|&c| !is_separator(c)).collect();
    if current_words <= 4 && (!hierarchical || current_words != word_count(&without_separators) - 1) {
        current = original;
    }
    (!current.is_empty()).then_some(current)
}

/// Whitespace runs collapsed to one space, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_title_loses_the_site_part() {
        let page = crate::read_html::parse_html("<title>A fairly long article title here | Example Site</title><h1>x</h1>");
        assert_eq!(from_document(&page, &[], &[]).as_deref(), Some("A fairly long article title here"));
    }
}
