//! Fuzzy local alignment of two word sequences: finds where a comment repeats an article
//! sentence despite typos, missing accents, changed punctuation or a dropped word.

use std::ops::Range;

/// Two folded words are the same word, give or take a typo: equal, or one edit apart when both
/// have at least 4 letters (two edits from 8 letters).
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    let allowed = if shorter >= 8 { 2 } else if shorter >= 4 { 1 } else { 0 };
    if allowed == 0 || la.abs_diff(lb) > allowed {
        return false;
    }
    // One edit changes at most one end; this cheap test rejects most unrelated pairs.
    let ends_agree = a.chars().next() == b.chars().next() || a.chars().next_back() == b.chars().next_back();
    ends_agree && edit_distance(a, b, allowed) <= allowed
}

/// Optimal-string-alignment distance (a swap of two neighbours counts as one edit), stopping
/// early once it exceeds `limit` (then returns `limit + 1`).
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    const MAX: usize = 48;
    let mut a_buf = ['\0'; MAX];
    let mut b_buf = ['\0'; MAX];
    let (mut la, mut lb) = (0, 0);
    for c in a.chars() {
        if la == MAX {
            return limit + 1;
        }
        a_buf[la] = c;
        la += 1;
    }
    for c in b.chars() {
        if lb == MAX {
            return limit + 1;
        }
        b_buf[lb] = c;
        lb += 1;
    }
    let (a, b) = (&a_buf[..la], &b_buf[..lb]);
    let mut prev2 = [0usize; MAX + 1];
    let mut prev = [0usize; MAX + 1];
    let mut cur = [0usize; MAX + 1];
    for (j, p) in prev.iter_mut().enumerate().take(lb + 1) {
        *p = j;
    }
    for i in 1..=la {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=lb {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return limit + 1;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[lb]
}

/// The best-scoring stretch where two token sequences agree.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlap {
    /// Alignment score: +2 per matched content word, +1 per matched stop word, minus gaps and
    /// mismatches.
    pub score: f32,
    /// Matched content words.
    pub content: usize,
    /// Matched words in all.
    pub matched: usize,
    /// Token range in the first sequence (the comment).
    pub a: Range<usize>,
    /// Token range in the second sequence (the sentence).
    pub b: Range<usize>,
}

const MISMATCH: f32 = -1.5;
const GAP: f32 = -1.0;

/// The alignment itself, on content flags and a word-equality test `same(i, j)` (so callers can
/// precompute equality once per distinct word).
pub fn best_overlap_by(a_content: &[bool], b_content: &[bool], same: impl Fn(usize, usize) -> bool) -> Overlap {
    #[derive(Clone, Copy, Default)]
    struct Cell {
        score: f32,
        content: usize,
        matched: usize,
        a0: usize,
        b0: usize,
    }
    let w = b_content.len() + 1;
    let mut prev: Vec<Cell> = (0..w).map(|j| Cell { b0: j, ..Cell::default() }).collect();
    let mut cur = vec![Cell::default(); w];
    let mut best = Overlap::default();
    for i in 1..=a_content.len() {
        cur[0] = Cell { a0: i, b0: 0, ..Cell::default() };
        for j in 1..=b_content.len() {
            let diag = prev[j - 1];
            let mut cell = if same(i - 1, j - 1) {
                let both = a_content[i - 1] && b_content[j - 1];
                Cell {
                    score: diag.score + if both { 2.0 } else { 1.0 },
                    content: diag.content + usize::from(both),
                    matched: diag.matched + 1,
                    ..diag
                }
            } else {
                Cell { score: diag.score + MISMATCH, ..diag }
            };
            for from in [prev[j], cur[j - 1]] {
                if from.score + GAP > cell.score {
                    cell = Cell { score: from.score + GAP, ..from };
                }
            }
            if cell.score <= 0.0 {
                cell = Cell { score: 0.0, content: 0, matched: 0, a0: i, b0: j };
            }
            if cell.score > best.score {
                best = Overlap {
                    score: cell.score,
                    content: cell.content,
                    matched: cell.matched,
                    a: cell.a0..i,
                    b: cell.b0..j,
                };
            }
            cur[j] = cell;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::vocabulary::{Vocabulary, Word};

    /// Smith–Waterman local alignment of two texts with fuzzy word equality, as the quote
    /// links run it.
    fn aligned(a: &str, b: &str) -> (Overlap, Vocabulary, Vec<Word>) {
        let mut v = Vocabulary::new("fr");
        let (a, b) = (v.tokenize(a), v.tokenize(b));
        let a_content: Vec<bool> = a.iter().map(|w| v.is_quote_content(w.folded)).collect();
        let b_content: Vec<bool> = b.iter().map(|w| v.is_quote_content(w.folded)).collect();
        let o = best_overlap_by(&a_content, &b_content, |i, j| same_word(v.text(a[i].folded), v.text(b[j].folded)));
        (o, v, b)
    }

    fn overlap(a: &str, b: &str) -> Overlap {
        aligned(a, b).0
    }

    #[test]
    fn typos_are_one_edit() {
        assert!(same_word("propagande", "propagnade"));
        assert!(same_word("administration", "adminstration"));
        assert!(same_word("serieux", "serieu"));
        assert!(!same_word("pas", "par"));
        assert!(!same_word("trump", "truc"));
        assert_eq!(edit_distance("abcd", "badc", 5), 2);
    }

    #[test]
    fn finds_a_quote_without_accents_and_with_typos() {
        let sentence = "média dont le traitement de l'actualité lui déplaît (car ne faisant pas la propagande de son administration).";
        let (o, v, words) = aligned("car ne faisant pas la propagnde de son adminsitration... serieux", sentence);
        assert_eq!(o.matched, 9);
        assert!(o.content >= 3);
        assert_eq!(v.text(words[o.b.start].folded), "car");
        let o = overlap("Il ne fait pas la PROPAGANDE de son administration", sentence);
        assert!(o.content >= 2 && o.matched >= 6, "{o:?}");
    }

    #[test]
    fn survives_changed_punctuation_and_a_dropped_word() {
        let sentence = "Le président a « mené de manière répétée des attaques publiques et en coulisses » contre Amazon.";
        let o = overlap("il a mené, de manière répétée, des attaques publiques en coulisses!", sentence);
        assert!(o.matched >= 8, "{o:?}");
    }

    #[test]
    fn unrelated_text_scores_low() {
        let o = overlap("Amazon paie tous les impôts que nous sommes tenus de payer", "Le Pentagone a communiqué être confiant dans son choix.");
        assert!(o.score < 4.0, "{o:?}");
    }
}
