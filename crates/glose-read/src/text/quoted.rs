//! Passages a writer put between quotation marks: another's words, not the writer's own (the
//! comment summary links them to the article and leaves them out of a reader's stance).

use std::ops::Range;

/// Byte ranges of text between quotation marks: « », “ ”, „ “, ‹ ›, and straight "…" pairs.
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if text.is_ascii() {
        // Only straight quotes are ASCII: pair them up with a byte search (most comments have
        // none, which `contains` tells a word at a time).
        if !text.as_bytes().contains(&b'"') {
            return out;
        }
        let mut marks = text.bytes().enumerate().filter(|&(_, b)| b == b'"').map(|(i, _)| i);
        while let Some(open) = marks.next() {
            let start = open + 1;
            match marks.next() {
                Some(close) => out.push(start..close),
                None if start < text.len() => out.push(start..text.len()),
                None => {}
            }
        }
        return out;
    }
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                let closer = match c {
                    '«' => '»',
                    '“' => '”',
                    '„' => '“',
                    '‹' => '›',
                    '"' => '"',
                    _ => continue,
                };
                open = Some((closer, i + c.len_utf8()));
            }
            Some((closer, start)) => {
                if c == closer {
                    out.push(start..i);
                    open = None;
                }
            }
        }
    }
    if let Some((_, start)) = open {
        // An unclosed quote runs to the end of the comment.
        if start < text.len() {
            out.push(start..text.len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_spans_pair_marks() {
        let t = "a « b » c “d” \"e\" «f";
        let spans: Vec<&str> = quoted_spans(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(spans, ["b", "d", "e", "f"]);
    }
}
