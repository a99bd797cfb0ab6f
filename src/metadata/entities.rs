//! Undoing the HTML escaping that pages leave in metadata values (`&quot;` inside a
//! `content` attribute that was escaped twice, entities inside JSON-LD strings).

/// Replaces `&amp; &lt; &gt; &quot; &apos; &nbsp;` and numeric references (`&#39;`, `&#x27;`) by
/// their characters; anything else is left as written.
pub fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|i| i + 1).filter(|&i| i <= 10);
        let decoded = end.and_then(|end| decode_entity(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(unescape("Tom &amp; Jerry &quot;live&quot; &#39;x&#x27;"), "Tom & Jerry \"live\" 'x'");
        assert_eq!(unescape("a & b &unknown; &#xD800;"), "a & b &unknown; \u{fffd}");
        assert_eq!(unescape("no entity"), "no entity");
    }
}
