//! Fuzzy local alignment of two word sequences: finds where a comment repeats an article
//! sentence despite typos, missing accents, changed punctuation or a dropped word.

use std::ops::Range;

/// Two folded words are the same word, give or take a typo: equal, or one edit apart when both
/// have at least 4 letters (two edits from 8 letters).
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Folded words are mostly ASCII: their letters are their bytes.
    if a.is_ascii() && b.is_ascii() {
        return same_letters(a.as_bytes(), b.as_bytes());
    }
    let (mut a_buf, mut b_buf) = (['\0'; MAX_LETTERS], ['\0'; MAX_LETTERS]);
    match (letters(a, &mut a_buf), letters(b, &mut b_buf)) {
        (Some(a), Some(b)) => same_letters(a, b),
        _ => false,
    }
}

/// Longest word (in letters) that can be a typo of another (the distance rows are this long).
const MAX_LETTERS: usize = 48;

/// The chars of `word` in `buf`, or `None` when they do not fit.
fn letters<'b>(word: &str, buf: &'b mut [char; MAX_LETTERS]) -> Option<&'b [char]> {
    let mut n = 0;
    for c in word.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(&buf[..n])
}

/// [`same_word`] on two different words' letters.
fn same_letters<T: Copy + PartialEq>(a: &[T], b: &[T]) -> bool {
    let (la, lb) = (a.len(), b.len());
    let shorter = la.min(lb);
    let allowed = if shorter >= 8 { 2 } else if shorter >= 4 { 1 } else { 0 };
    if allowed == 0 || la.abs_diff(lb) > allowed || la.max(lb) > MAX_LETTERS {
        return false;
    }
    // One edit changes at most one end; this cheap test rejects most unrelated pairs.
    let ends_agree = a.first() == b.first() || a.last() == b.last();
    // One edit allowed (4–7 letters, most pairs): a linear scan instead of the distance table.
    ends_agree && if allowed == 1 { one_edit_apart(a, b) } else { distance_within(a, b, allowed) <= allowed }
}

/// Whether two different words are one edit apart in [`distance_within`]'s sense: one letter
/// changed, added or dropped, or two neighbours swapped.
fn one_edit_apart<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    // The rests from the first difference.
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (x, y) = (&a[head..], &b[head..]);
    if x.len() == y.len() {
        x.get(1..) == y.get(1..) || (x.len() >= 2 && x[0] == y[1] && x[1] == y[0] && x[2..] == y[2..])
    } else if x.len() == y.len() + 1 {
        x[1..] == *y
    } else if y.len() == x.len() + 1 {
        y[1..] == *x
    } else {
        false
    }
}

/// Optimal-string-alignment distance (a swap of two neighbours counts as one edit) when it is at
/// most `limit`; `limit + 1` when it is more (words over [`MAX_LETTERS`] letters: `limit + 1`).
#[cfg(test)]
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let (mut a_buf, mut b_buf) = (['\0'; MAX_LETTERS], ['\0'; MAX_LETTERS]);
    match (letters(a, &mut a_buf), letters(b, &mut b_buf)) {
        (Some(a), Some(b)) => distance_within(a, b, limit),
        _ => limit + 1,
    }
}

/// Optimal-string-alignment distance of two words' letters (at most [`MAX_LETTERS`] each: a
/// swap of two neighbours counts as one edit) when it is at most `limit`; `limit + 1` when it is
/// more.
///
/// Only the band of cells within `limit` of the diagonal is computed: a cell farther off holds
/// more than `limit` (reaching it takes that many insertions or deletions), so it cannot be on
/// a path of cost `limit` or less; cells next to the band read as `limit + 1`.
fn distance_within<T: Copy + PartialEq>(a: &[T], b: &[T], limit: usize) -> usize {
    const MAX: usize = MAX_LETTERS;
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > limit {
        return limit + 1;
    }
    // Distances never exceed 48: bytes. Row `i` is `rows[i % 3]`, the two before it the other
    // two (turning the three over rather than copying two rows per letter). Each row is read
    // only where the rows before it wrote: its band and a cell either side.
    let over = limit.min(MAX) as u8 + 1;
    let mut rows = [[over; MAX + 1]; 3];
    for (j, p) in rows[0].iter_mut().enumerate().take(lb.min(limit) + 1) {
        *p = j as u8;
    }
    let [r0, r1, r2] = &mut rows;
    for i in 1..=la {
        let (cur, prev, prev2) = match i % 3 {
            0 => (&mut *r0, &*r2, &*r1),
            1 => (&mut *r1, &*r0, &*r2),
            _ => (&mut *r2, &*r1, &*r0),
        };
        let (lo, hi) = (i.saturating_sub(limit).max(1), (i + limit).min(lb));
        cur[0] = i as u8;
        cur[lo - 1] = if lo == 1 { i as u8 } else { over };
        if hi < lb {
            cur[hi + 1] = over;
        }
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d.min(over);
            row_min = row_min.min(d);
        }
        if usize::from(row_min) > limit {
            return limit + 1;
        }
    }
    usize::from(rows[la % 3][lb]).min(limit + 1)
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

/// The alignment itself, on content flags and a word-equality test `same(i, j)`.
#[cfg(test)]
pub fn best_overlap_by(a_content: &[bool], b_content: &[bool], same: impl Fn(usize, usize) -> bool) -> Overlap {
    best_overlap_rows(a_content, b_content, |i, row| {
        let mut any = false;
        for (j, eq) in row.iter_mut().enumerate() {
            *eq = same(i, j);
            any |= *eq;
        }
        any
    })
}

/// One cell of the dynamic programme: the best alignment ending here and where it starts.
#[derive(Clone, Copy, Default)]
struct Cell {
    score: f32,
    content: u32,
    matched: u32,
    a0: u32,
    b0: u32,
}

/// The alignment, with word equality given a row at a time: `fill_row(i, out)` appends the
/// positions in `b` of the words equal to word `i` of `a` (in any order).
///
/// Only the cells that can score are worked out. A mismatch or a gap costs at least 1, so a
/// cell is above zero only on a match, or next to a cell above zero (the one before it in its
/// row, the one above it or above-left of it); every other cell of the full table is a fresh
/// start (score 0, starting at its own row and column), which is what the full table holds
/// there. Each row is thus computed from its matches and the previous row's live cells, in
/// column order, giving the same result as the whole table ([`best_overlap_rows`], kept for the
/// tests) at a fraction of the work: most of a comment shares nothing with a sentence.
pub fn best_overlap_sparse(
    a_content: &[bool],
    b_content: &[bool],
    buffers: &mut AlignBuffers,
    mut fill_row: impl FnMut(usize, &mut Vec<u32>),
) -> Overlap {
    let w = b_content.len() + 1;
    let AlignBuffers { prev, cur, live_prev, live_cur, matches } = buffers;
    // Cells above zero of the previous and current rows; every other entry has score 0 (the
    // buffers' state between calls).
    if prev.len() < w {
        prev.resize(w, Cell::default());
        cur.resize(w, Cell::default());
    }
    // Columns of the cells above zero, ascending (`live_prev`, `live_cur`); the current row's
    // matches, as columns (position in `b` + 1), ascending (`matches`).
    live_prev.clear();
    live_cur.clear();
    let mut best = Overlap::default();
    for i in 1..=a_content.len() {
        matches.clear();
        fill_row(i - 1, matches);
        if matches.is_empty() && live_prev.is_empty() {
            continue;
        }
        if matches.len() > 1 {
            crate::summary::vectors::sort_ids(matches);
            matches.dedup();
        }
        // A cell of row `r` at column `j`: stored if live, else the fresh start there.
        let at = |row: &[Cell], r: usize, j: usize| {
            let c = row[j];
            if c.score > 0.0 {
                c
            } else {
                Cell { a0: r as u32, b0: j as u32, ..Cell::default() }
            }
        };
        let a_is_content = a_content[i - 1];
        let (mut mi, mut pi) = (0, 0);
        let first_match = matches.first().map_or(usize::MAX, |&p| p as usize + 1);
        let mut j = first_match.min(live_prev.first().map_or(usize::MAX, |&c| c as usize));
        while j < w {
            let is_match = matches.get(mi).is_some_and(|&p| p as usize + 1 == j);
            let diag = at(prev, i - 1, j - 1);
            let mut cell = if is_match {
                let both = a_is_content && b_content[j - 1];
                Cell {
                    score: diag.score + if both { 2.0 } else { 1.0 },
                    content: diag.content + u32::from(both),
                    matched: diag.matched + 1,
                    ..diag
                }
            } else {
                Cell { score: diag.score + MISMATCH, ..diag }
            };
            let up = at(prev, i - 1, j);
            if up.score + GAP > cell.score {
                cell = Cell { score: up.score + GAP, ..up };
            }
            let left = at(cur, i, j - 1);
            if left.score + GAP > cell.score {
                cell = Cell { score: left.score + GAP, ..left };
            }
            let live = cell.score > 0.0;
            if live {
                if cell.score > best.score {
                    best = Overlap {
                        score: cell.score,
                        content: cell.content as usize,
                        matched: cell.matched as usize,
                        a: cell.a0 as usize..i,
                        b: cell.b0 as usize..j,
                    };
                }
                cur[j] = cell;
                live_cur.push(j as u32);
            }
            // The next cell that can be live: right of a live cell (here or above), the next
            // match, or below the next live cell of the previous row.
            mi += usize::from(is_match);
            while live_prev.get(pi).is_some_and(|&c| c as usize <= j) {
                pi += 1;
            }
            let mut next = if live || prev[j].score > 0.0 { j + 1 } else { usize::MAX };
            if let Some(&p) = matches.get(mi) {
                next = next.min(p as usize + 1);
            }
            if let Some(&c) = live_prev.get(pi) {
                next = next.min(c as usize);
            }
            j = next;
        }
        for &c in live_prev.iter() {
            prev[c as usize].score = 0.0;
        }
        std::mem::swap(prev, cur);
        std::mem::swap(live_prev, live_cur);
        live_cur.clear();
    }
    // Back to all zero for the next call.
    for &c in live_prev.iter() {
        prev[c as usize].score = 0.0;
    }
    best
}

/// The rows and lists of [`best_overlap_sparse`], kept from one alignment to the next: quote
/// matching aligns a comment with each of its candidate sentences, and allocating (and zeroing)
/// them per alignment was a tenth of its cost. Every cell has score 0 between calls.
#[derive(Default)]
pub struct AlignBuffers {
    prev: Vec<Cell>,
    cur: Vec<Cell>,
    live_prev: Vec<u32>,
    live_cur: Vec<u32>,
    matches: Vec<u32>,
}

/// The alignment over the whole table (the reference for [`best_overlap_sparse`]), with word
/// equality given a row at a time: `fill_row(i, row)` sets `row[j]` to whether word `i` of `a`
/// equals word `j` of `b`, and returns whether any does. A row without a match that follows a
/// row where every score fell to zero is all zero as well, so it is skipped.
#[cfg(test)]
pub fn best_overlap_rows(a_content: &[bool], b_content: &[bool], mut fill_row: impl FnMut(usize, &mut [bool]) -> bool) -> Overlap {
    /// The row where every alignment has fallen to zero: each cell starts afresh.
    fn zero_row(row: &mut [Cell], i: usize) {
        for (j, c) in row.iter_mut().enumerate() {
            *c = Cell { a0: i as u32, b0: j as u32, ..Cell::default() };
        }
    }
    let w = b_content.len() + 1;
    let mut prev = vec![Cell::default(); w];
    let mut cur = vec![Cell::default(); w];
    let mut eq = vec![false; w - 1];
    // `prev` is the zero row of this index (not written yet), or `None` once it holds scores.
    let mut prev_zero: Option<usize> = Some(0);
    let mut best = Overlap::default();
    for i in 1..=a_content.len() {
        let any = fill_row(i - 1, &mut eq);
        if !any && prev_zero.is_some() {
            prev_zero = Some(i);
            continue;
        }
        if let Some(z) = prev_zero {
            zero_row(&mut prev, z);
        }
        let a_is_content = a_content[i - 1];
        cur[0] = Cell { a0: i as u32, b0: 0, ..Cell::default() };
        let mut all_zero = true;
        for j in 1..w {
            let diag = prev[j - 1];
            let mut cell = if eq[j - 1] {
                let both = a_is_content && b_content[j - 1];
                Cell {
                    score: diag.score + if both { 2.0 } else { 1.0 },
                    content: diag.content + u32::from(both),
                    matched: diag.matched + 1,
                    ..diag
                }
            } else {
                Cell { score: diag.score + MISMATCH, ..diag }
            };
            let up = prev[j];
            if up.score + GAP > cell.score {
                cell = Cell { score: up.score + GAP, ..up };
            }
            let left = cur[j - 1];
            if left.score + GAP > cell.score {
                cell = Cell { score: left.score + GAP, ..left };
            }
            if cell.score <= 0.0 {
                cell = Cell { score: 0.0, content: 0, matched: 0, a0: i as u32, b0: j as u32 };
            } else {
                all_zero = false;
                if cell.score > best.score {
                    best = Overlap {
                        score: cell.score,
                        content: cell.content as usize,
                        matched: cell.matched as usize,
                        a: cell.a0 as usize..i,
                        b: cell.b0 as usize..j,
                    };
                }
            }
            cur[j] = cell;
        }
        std::mem::swap(&mut prev, &mut cur);
        prev_zero = all_zero.then_some(i);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::interned_words::{Vocabulary, Word};

    /// Smith–Waterman local alignment of two texts with fuzzy word equality, as the quote
    /// links run it.
    fn aligned(a: &str, b: &str) -> (Overlap, Vocabulary, Vec<Word>) {
        let mut v = Vocabulary::new("fr", crate::summary::stance::phrase_starts());
        let (a, b) = (v.tokenize(a), v.tokenize(b));
        let a_content: Vec<bool> = a.iter().map(|w| v.is_quote_content(w.folded)).collect();
        let b_content: Vec<bool> = b.iter().map(|w| v.is_quote_content(w.folded)).collect();
        let o = best_overlap_by(&a_content, &b_content, |i, j| same_word(v.text(a[i].folded), v.text(b[j].folded)));
        (o, v, b)
    }

    fn overlap(a: &str, b: &str) -> Overlap {
        aligned(a, b).0
    }

    /// `same_word` as it was before the one-edit scan: the distance table for every pair.
    fn same_word_by_table(a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let (la, lb) = (a.chars().count(), b.chars().count());
        let shorter = la.min(lb);
        let allowed = if shorter >= 8 { 2 } else if shorter >= 4 { 1 } else { 0 };
        if allowed == 0 || la.abs_diff(lb) > allowed {
            return false;
        }
        let ends_agree = a.chars().next() == b.chars().next() || a.chars().next_back() == b.chars().next_back();
        ends_agree && edit_distance(a, b, allowed) <= allowed
    }

    #[test]
    fn one_edit_scan_agrees_with_the_table() {
        // Random pairs of words of 3–6 letters over a small alphabet (with an accent), and every
        // one-edit change of each.
        let letters = ['a', 'b', 'é', 'c'];
        let mut words: Vec<String> = vec![String::new()];
        for _ in 0..6 {
            let more: Vec<String> = words.iter().flat_map(|w| letters.iter().map(move |c| format!("{w}{c}"))).collect();
            words.extend(more);
        }
        words.retain(|w| w.chars().count() >= 3);
        words.sort();
        words.dedup();
        let mut seed = 12345u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..200_000 {
            let a = &words[next(words.len())];
            let b = &words[next(words.len())];
            assert_eq!(same_word(a, b), same_word_by_table(a, b), "{a:?} {b:?}");
        }
        for a in &words {
            let chars: Vec<char> = a.chars().collect();
            for i in 0..chars.len() {
                let mut b = chars.clone();
                b[i] = 'x';
                let b: String = b.into_iter().collect();
                assert_eq!(same_word(a, &b), same_word_by_table(a, &b), "{a:?} {b:?}");
                let mut c = chars.clone();
                c.remove(i);
                let c: String = c.into_iter().collect();
                assert_eq!(same_word(a, &c), same_word_by_table(a, &c), "{a:?} {c:?}");
                if i + 1 < chars.len() {
                    let mut d = chars.clone();
                    d.swap(i, i + 1);
                    let d: String = d.into_iter().collect();
                    assert_eq!(same_word(a, &d), same_word_by_table(a, &d), "{a:?} {d:?}");
                }
            }
        }
    }

    #[test]
    fn ascii_words_compare_as_their_chars_do() {
        // The byte path (both words ASCII) against the char path, on words of 0–14 letters and
        // around the 48-letter cut, each with random edits or against an unrelated word.
        let mut seed = 777u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let letters = [b'a', b'b', b'c', b'd'];
        let mut same = 0;
        for round in 0..200_000 {
            let len = if round % 10 == 0 { 44 + next(8) } else { next(15) };
            let a: Vec<u8> = (0..len).map(|_| letters[next(4)]).collect();
            let mut b = a.clone();
            for _ in 0..next(4) {
                let at = next(b.len() + 1);
                match next(4) {
                    0 => b.insert(at, letters[next(4)]),
                    1 if at < b.len() => drop(b.remove(at)),
                    2 if at < b.len() => b[at] = letters[next(4)],
                    _ if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
            }
            if next(5) == 0 {
                b = (0..next(15)).map(|_| letters[next(4)]).collect();
            }
            let (a, b) = (String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap());
            let by_chars = a == b || same_letters(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
            assert_eq!(same_word(&a, &b), by_chars, "{a:?} {b:?}");
            assert_eq!(same_word(&a, &b), same_word_by_table(&a, &b), "{a:?} {b:?}");
            same += usize::from(by_chars && a != b);
        }
        assert!(same > 20_000, "{same}");
    }

    #[test]
    fn sparse_alignment_equals_the_full_table() {
        let mut seed = 987654321u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut scored = 0;
        // One set of buffers for every alignment, as the quote links use them: nothing may leak
        // from one to the next.
        let mut buffers = AlignBuffers::default();
        for round in 0..20_000 {
            // Small alphabets make long matching stretches; larger ones scattered matches.
            let letters = 2 + round % 9;
            let (la, lb) = (next(40), next(40));
            let a: Vec<usize> = (0..la).map(|_| next(letters)).collect();
            let b: Vec<usize> = (0..lb).map(|_| next(letters)).collect();
            let a_content: Vec<bool> = (0..la).map(|_| next(3) > 0).collect();
            let b_content: Vec<bool> = (0..lb).map(|_| next(3) > 0).collect();
            // A word may equal several letters (as a typo matches several article words).
            let same = |x: usize, y: usize| x == y || (x + y).is_multiple_of(7);
            let dense = best_overlap_by(&a_content, &b_content, |i, j| same(a[i], b[j]));
            let sparse = best_overlap_sparse(&a_content, &b_content, &mut buffers, |i, out| {
                for j in (0..lb).rev() {
                    if same(a[i], b[j]) {
                        out.push(j as u32);
                    }
                }
            });
            assert_eq!(dense, sparse, "{a:?} {b:?} {a_content:?} {b_content:?}");
            scored += usize::from(dense.score > 4.0);
        }
        assert!(scored > 5_000, "{scored}");
    }

    /// The whole optimal-string-alignment table (the reference for the banded one).
    fn full_distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                d[i][j] = if i == 0 || j == 0 {
                    i + j
                } else {
                    let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        v = v.min(d[i - 2][j - 2] + 1);
                    }
                    v
                };
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn banded_distance_equals_the_full_table_up_to_the_limit() {
        let letters = ['a', 'b', 'c', 'é'];
        let mut seed = 4242u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..100_000 {
            let a: String = (0..next(14)).map(|_| letters[next(letters.len())]).collect();
            let mut b: Vec<char> = a.chars().collect();
            // A few random edits of `a`, or an unrelated word.
            for _ in 0..next(5) {
                let at = next(b.len() + 1);
                match next(3) {
                    0 => b.insert(at, letters[next(letters.len())]),
                    1 if at < b.len() => drop(b.remove(at)),
                    _ if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
            }
            let b: String = if next(4) == 0 { (0..next(14)).map(|_| letters[next(letters.len())]).collect() } else { b.into_iter().collect() };
            for limit in 0..4 {
                assert_eq!(edit_distance(&a, &b, limit), full_distance(&a, &b).min(limit + 1), "{a:?} {b:?} {limit}");
            }
        }
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
