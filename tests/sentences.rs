//! Runs the sentence segmentation table `tests/sentences/cases.txt`.
//! A case is a line `> input` (`\n` stands for a line break) followed by the expected sentences.

use std::path::Path;

#[test]
fn sentence_cases() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sentences/cases.txt");
    let table = std::fs::read_to_string(&path).expect("cases.txt is readable");
    let mut failures = Vec::new();
    let mut cases = 0;
    for block in table.split("\n\n") {
        let lines: Vec<&str> = block.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
        let Some((first, expected)) = lines.split_first() else { continue };
        let input = first.strip_prefix("> ").expect("a case starts with '> '").replace("\\n", "\n");
        let got: Vec<&str> = glose::text::sentences::split(&input).into_iter().map(|r| &input[r]).collect();
        cases += 1;
        if got != expected {
            failures.push(format!("input: {input:?}\n  expected: {expected:?}\n  got:      {got:?}"));
        }
    }
    assert!(cases >= 20, "only {cases} cases read");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}
