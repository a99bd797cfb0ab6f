//! Escaping of untrusted page text for each export format, in one place so that every format
//! gets the same care.

/// A YAML double-quoted scalar holding `s` exactly: quotes, backslashes, line breaks, every
/// control or invisible separator char and every char YAML does not allow in a stream (the
/// noncharacters U+FFFE and U+FFFF) are escaped, so no value can end the string, start a new key,
/// close the front matter or make the file unreadable as YAML.
pub fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // YAML's printable set ends at U+FFFD below the astral planes: U+FFFE and U+FFFF make
            // the whole front matter unreadable (found by the export fuzz target).
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{85}' | '\u{fffe}' | '\u{ffff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Page text as inert Markdown inline text on one line: line breaks become spaces, and every
/// char that could start markup (emphasis, code, links, images, raw HTML, entities, tables,
/// headings, lists, quotes) is backslash-escaped.
pub fn markdown_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut at_start = true;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') { ' ' } else { c };
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '#' | '{' | '}' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if at_start => {
                // "1. x" or "1) x" at the start would become a list item.
                out.push(c);
                while let Some(&d) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    out.push(d);
                    chars.next();
                }
                if let Some(&p) = chars.peek() {
                    if p == '.' || p == ')' {
                        out.push('\\');
                    }
                }
            }
            c => out.push(c),
        }
        if !(at_start && c == ' ') {
            at_start = false;
        }
    }
    out
}

/// A CSV field per RFC 4180 (quoted when it holds a comma, quote or line break; quotes doubled),
/// neutralised against spreadsheet formulas: a cell starting with `=`, `+`, `-`, `@`, tab or CR
/// gets a leading `'`.
pub fn csv_field(s: &str) -> String {
    let neutral = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_owned(),
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_cannot_break_out() {
        assert_eq!(yaml_string("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(yaml_string("x\n---\nevil: 1"), r#""x\n---\nevil: 1""#);
        assert_eq!(yaml_string("\u{0}\u{2028}"), r#""\u0000\u2028""#);
        assert_eq!(yaml_string("key: [1] # c"), "\"key: [1] # c\"");
        assert_eq!(yaml_string("a\u{ffff}b\u{fffe}\u{fffd}"), "\"a\\uFFFFb\\uFFFE\u{fffd}\"");
    }

    #[test]
    fn markdown_text_is_inert() {
        assert_eq!(markdown_inline("[x](javascript:alert(1))"), r"\[x\](javascript:alert(1))");
        assert_eq!(markdown_inline("<script>alert(1)</script>"), r"\<script\>alert(1)\</script\>");
        assert_eq!(markdown_inline("# Title\n## two"), r"\# Title \#\# two");
        assert_eq!(markdown_inline("- item"), r"\- item");
        assert_eq!(markdown_inline("12. item and 3. not"), r"12\. item and 3. not");
        assert_eq!(markdown_inline("**bold** _it_ `code` &amp; ![i](x)"), r"\*\*bold\*\* \_it\_ \`code\` \&amp; \!\[i\](x)");
        assert_eq!(markdown_inline("a - b"), "a - b");
    }

    #[test]
    fn csv_fields_follow_rfc_4180_and_defuse_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
        assert_eq!(csv_field(""), "");
    }
}
