//! Approximate string matching: every place where a pattern occurs in a text with the fewest
//! edits (insertions, deletions, substitutions), up to an error budget.
//!
//! Myers' bit-parallel algorithm (1999) in the block form of Hyyrö (2001) with Ukkonen's cut-off,
//! as in the `approx-string-match` package Hypothesis uses, over UTF-16 code units and with 64-bit
//! words. Time is `O(text × ⌈pattern / 64⌉)` at worst, usually far less thanks to the cut-off.

/// One approximate occurrence: code-unit offsets in the searched text and its edit distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// Offset of the first unit.
    pub start: usize,
    /// Offset one past the last unit.
    pub end: usize,
    /// Number of edits between the pattern and `text[start..end]`.
    pub errors: usize,
}

const W: usize = 64;

/// Per-symbol match masks of a pattern, one word per 64-unit block.
struct PatternMasks {
    blocks: usize,
    ascii: Vec<u64>,
    other: Vec<(u16, Vec<u64>)>,
    empty: Vec<u64>,
}

impl PatternMasks {
    fn new(pattern: &[u16]) -> PatternMasks {
        let blocks = pattern.len().div_ceil(W);
        let mut masks = PatternMasks { blocks, ascii: vec![0; 128 * blocks], other: Vec::new(), empty: vec![0; blocks] };
        for (i, &unit) in pattern.iter().enumerate() {
            let (b, bit) = (i / W, 1u64 << (i % W));
            if unit < 128 {
                masks.ascii[unit as usize * blocks + b] |= bit;
            } else if let Some((_, m)) = masks.other.iter_mut().find(|(u, _)| *u == unit) {
                m[b] |= bit;
            } else {
                let mut m = vec![0; blocks];
                m[b] |= bit;
                masks.other.push((unit, m));
            }
        }
        masks
    }

    fn of(&self, unit: u16) -> &[u64] {
        if unit < 128 {
            let i = unit as usize * self.blocks;
            &self.ascii[i..i + self.blocks]
        } else {
            self.other.iter().find(|(u, _)| *u == unit).map_or(&self.empty[..], |(_, m)| &m[..])
        }
    }
}

struct Columns {
    p: Vec<u64>,
    m: Vec<u64>,
    last_row: Vec<u64>,
}

/// Advances block `b` by one text symbol given the horizontal delta entering from the block
/// above; returns the delta leaving its last row.
fn advance_block(cols: &mut Columns, peq: &[u64], b: usize, h_in: i64) -> i64 {
    let mut pv = cols.p[b];
    let mut mv = cols.m[b];
    let h_in_neg = (h_in < 0) as u64;
    let eq = peq[b] | h_in_neg;
    let xv = eq | mv;
    let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
    let mut ph = mv | !(xh | pv);
    let mut mh = pv & xh;
    let last = cols.last_row[b];
    let h_out = ((ph & last) != 0) as i64 - ((mh & last) != 0) as i64;
    ph <<= 1;
    mh <<= 1;
    mh |= h_in_neg;
    ph |= ((h_in != 0) as u64) - h_in_neg;
    pv = mh | !(xv | ph);
    mv = ph & xv;
    cols.p[b] = pv;
    cols.m[b] = mv;
    h_out
}

#[allow(clippy::needless_range_loop)] // `b` indexes several per-block arrays at once.
/// End offsets of the best approximate occurrences of `pattern` in `text` with at most
/// `max_errors` edits: all ends sharing the lowest error count found.
fn match_ends(text: &[u16], pattern: &[u16], mut max_errors: usize) -> Vec<Match> {
    let mut found = Vec::new();
    if pattern.is_empty() {
        return found;
    }
    let masks = PatternMasks::new(pattern);
    let b_max = masks.blocks - 1;
    let mut cols = Columns { p: vec![0; b_max + 1], m: vec![0; b_max + 1], last_row: vec![1 << (W - 1); b_max + 1] };
    cols.last_row[b_max] = 1 << ((pattern.len() - 1) % W);
    let mut y = max_errors.div_ceil(W).saturating_sub(1).min(b_max);
    let mut score: Vec<i64> = vec![0; b_max + 1];
    for b in 0..=y {
        score[b] = ((b + 1) * W) as i64;
        cols.p[b] = !0;
        cols.m[b] = 0;
    }
    score[b_max] = pattern.len() as i64;
    for (j, &unit) in text.iter().enumerate() {
        let peq = masks.of(unit);
        let mut carry = 0;
        for b in 0..=y {
            carry = advance_block(&mut cols, peq, b, carry);
            score[b] += carry;
        }
        if score[y] - carry <= max_errors as i64 && y < b_max && (peq[y + 1] & 1 != 0 || carry < 0) {
            y += 1;
            cols.p[y] = !0;
            cols.m[y] = 0;
            let block_len = if y == b_max && !pattern.len().is_multiple_of(W) { pattern.len() % W } else { W };
            score[y] = score[y - 1] + block_len as i64 - carry + advance_block(&mut cols, peq, y, carry);
        } else {
            while y > 0 && score[y] >= (max_errors + W) as i64 {
                y -= 1;
            }
        }
        if y == b_max && score[y] <= max_errors as i64 {
            let errors = score[y] as usize;
            if errors < max_errors {
                found.clear();
            }
            found.push(Match { start: 0, end: j + 1, errors });
            max_errors = errors;
        }
    }
    found
}

/// The best approximate occurrences of `pattern` in `text` with at most `max_errors` edits
/// (all those sharing the lowest error count), each with its start.
pub fn search(text: &[u16], pattern: &[u16], max_errors: usize) -> Vec<Match> {
    let reversed: Vec<u16> = pattern.iter().rev().copied().collect();
    match_ends(text, pattern, max_errors)
        .into_iter()
        .map(|m| {
            let min_start = m.end.saturating_sub(pattern.len() + m.errors);
            let window: Vec<u16> = text[min_start..m.end].iter().rev().copied().collect();
            let longest = match_ends(&window, &reversed, m.errors).into_iter().map(|r| r.end).max().unwrap_or(pattern.len().min(m.end - min_start));
            Match { start: m.end - longest, ..m }
        })
        .collect()
}

/// The fewest edits that turn `pattern` into some substring of `text` (the pattern's length
/// when nothing better exists).
pub fn best_distance(text: &[u16], pattern: &[u16]) -> usize {
    match_ends(text, pattern, pattern.len()).first().map_or(pattern.len(), |m| m.errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// Semi-global edit distance by dynamic programming, to check the bit-parallel version.
    fn dp_best(text: &[u16], pattern: &[u16]) -> usize {
        let mut col: Vec<usize> = (0..=pattern.len()).collect();
        let mut best = col[pattern.len()];
        for &t in text {
            let mut prev_diag = col[0];
            col[0] = 0;
            for i in 1..=pattern.len() {
                let tmp = col[i];
                col[i] = (prev_diag + (pattern[i - 1] != t) as usize).min(col[i] + 1).min(col[i - 1] + 1);
                prev_diag = tmp;
            }
            best = best.min(col[pattern.len()]);
        }
        best
    }

    #[test]
    fn finds_exact_and_approximate_occurrences() {
        let text = u("the quick brown fox jumps over the lazy dog");
        let m = search(&text, &u("quick brown"), 2);
        assert_eq!(m, vec![Match { start: 4, end: 15, errors: 0 }]);
        let m = search(&text, &u("quikc brown"), 3);
        assert_eq!(m[0].errors, 2);
        assert_eq!(&text[m[0].start..m[0].end], &u("quick brown")[..]);
        assert!(search(&text, &u("zzzzzz"), 2).is_empty());
    }

    #[test]
    fn agrees_with_dynamic_programming_on_long_patterns() {
        // Patterns longer than one 64-unit block exercise the carries between blocks.
        let mut seed: u64 = 7;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..60 {
            let text: Vec<u16> = (0..400).map(|_| b"abcd "[(next() % 5) as usize] as u16).collect();
            let start = (next() % 200) as usize;
            let len = 1 + (next() % 180) as usize;
            let mut pattern = text[start..start + len].to_vec();
            for _ in 0..(next() % 8) {
                let i = (next() as usize) % pattern.len();
                pattern[i] = b"abcdx"[(next() % 5) as usize] as u16;
            }
            let expected = dp_best(&text, &pattern);
            assert_eq!(best_distance(&text, &pattern), expected, "len {len}");
            let found = search(&text, &pattern, len / 2);
            if expected <= len / 2 {
                assert!(found.iter().all(|m| m.errors == expected));
                for m in &found {
                    assert_eq!(dp_best(&text[m.start..m.end], &pattern), expected);
                }
            } else {
                assert!(found.is_empty());
            }
        }
    }
}
