//! How alike two short texts are by their words (Reader View's `textSimilarity`): the title
//! against a heading or a JSON-LD name against the document title.

fn word_tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How much of `b` is made of words found in `a`: 1 for the same words, 0 for none in common.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (ta, tb) = (word_tokens(a), word_tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&str> = tb.iter().filter(|t| !ta.contains(t)).map(String::as_str).collect();
    let distance = unique.join(" ").chars().count() as f64 / tb.join(" ").chars().count() as f64;
    1.0 - distance
}

#[cfg(test)]
mod tests {
    use super::similarity;

    #[test]
    fn similarity_counts_shared_words() {
        assert_eq!(similarity("The big story", "the big story"), 1.0);
        assert!(similarity("The big story", "Something else entirely") < 0.1);
    }
}
