//! Passages a writer put between quotation marks: another's words, not the writer's own (the
//! comment summary links them to the article and leaves them out of a reader's stance).

use std::ops::Range;

/// Byte ranges of text between quotation marks: « », “ ”, „ “, ‹ ›, and straight "…" pairs.
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    quoted_spans_into(text, &mut out);
    out
}

/// [`quoted_spans`], appended to `out` (a buffer kept from one comment to the next).
pub fn quoted_spans_into(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    if text.is_ascii() {
        // Only straight quotes are ASCII: pair them up with a byte search (most comments have
        // none, which `contains` tells a word at a time).
        if !bytes.contains(&b'"') {
            return;
        }
        let mut marks = bytes.iter().enumerate().filter(|&(_, &b)| b == b'"').map(|(i, _)| i);
        while let Some(open) = marks.next() {
            let start = open + 1;
            match marks.next() {
                Some(close) => out.push(start..close),
                None if start < text.len() => out.push(start..text.len()),
                None => {}
            }
        }
        return;
    }
    let mut open: Option<(char, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Every mark starts with one of three bytes (`"`, 0xC2 for « » and 0xE2 for the others),
        // none of which is inside another char's encoding: skip eight bytes at a time while they
        // hold none (this ran on every char of every comment with an accent).
        if let Some(chunk) = bytes.get(i..i + 8) {
            if !may_hold_a_mark(u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]])) {
                i += 8;
                continue;
            }
        }
        if !matches!(bytes[i], b'"' | 0xC2 | 0xE2) {
            i += 1;
            continue;
        }
        // A mark's first byte starts a char.
        let c = text[i..].chars().next().unwrap_or('\0');
        match open {
            None => {
                let closer = match c {
                    '«' => Some('»'),
                    '“' => Some('”'),
                    '„' => Some('“'),
                    '‹' => Some('›'),
                    '"' => Some('"'),
                    _ => None,
                };
                if let Some(closer) = closer {
                    open = Some((closer, i + c.len_utf8()));
                }
            }
            Some((closer, start)) => {
                if c == closer {
                    out.push(start..i);
                    open = None;
                }
            }
        }
        i += c.len_utf8();
    }
    if let Some((_, start)) = open {
        // An unclosed quote runs to the end of the comment.
        if start < text.len() {
            out.push(start..text.len());
        }
    }
}

/// Whether eight bytes may hold the first byte of a quotation mark (`"`, 0xC2 or 0xE2): false
/// only when none of them is one (the classic test for a zero byte, on the bytes xor each).
#[inline]
fn may_hold_a_mark(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    zero_byte(x ^ (ONES * 0x22)) || zero_byte(x ^ (ONES * 0xC2)) || zero_byte(x ^ (ONES * 0xE2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spans char by char (the former way, the reference for the byte scan).
    fn spans_by_chars(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
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
            if start < text.len() {
                out.push(start..text.len());
            }
        }
        out
    }

    #[test]
    fn quoted_spans_pair_marks() {
        let t = "a « b » c “d” \"e\" «f";
        let spans: Vec<&str> = quoted_spans(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(spans, ["b", "d", "e", "f"]);
    }

    #[test]
    fn the_byte_scan_finds_what_the_char_scan_finds() {
        // Random texts of marks, chars sharing their bytes (Â is C3 82, â€ starts with C3 A2,
        // ‚ is E2 80 9A, — is E2 80 94, ¢ is C2 A2), letters and spaces, at every length and
        // alignment; and every char of the BMP alone and between marks.
        let pieces = ["«", "»", "“", "”", "„", "‹", "›", "\"", "Â", "â", "‚", "—", "¢", "a", " ", "é", "日", "😀", "xxxxxxx", "\u{ab}"];
        let mut seed = 31337u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut quoted = 0;
        for _ in 0..50_000 {
            let text: String = (0..next(30)).map(|_| pieces[next(pieces.len())]).collect();
            let want = spans_by_chars(&text);
            quoted += usize::from(!want.is_empty());
            // A range already there: the function appends.
            let mut got = Vec::new();
            got.push(0..0);
            quoted_spans_into(&text, &mut got);
            assert_eq!(got[1..], want, "{text:?}");
        }
        assert!(quoted > 10_000, "{quoted}");
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            for text in [format!("{c}"), format!("ab « {c}{c} » “{c}” \"{c}\"{c}"), format!("{c}\"12345678{c}90\"")] {
                assert_eq!(quoted_spans(&text), spans_by_chars(&text), "{text:?}");
            }
        }
    }
}
