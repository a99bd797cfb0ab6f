//! Exact search for many patterns at once in one pass over the page text, so that re-anchoring
//! 200 notes on a 1 MB page costs one scan, not 200.
//!
//! Each pattern is keyed by its first [`KEY`] code units; a 64 Ki-bit filter skips almost every
//! text position without a hash lookup, and candidates are verified in full.

use std::collections::HashMap;

/// Code units in a pattern's key.
const KEY: usize = 4;
const FILTER_BITS: u32 = 16;

fn key_of(units: &[u16]) -> u64 {
    units.iter().take(KEY).fold(0u64, |k, &u| (k << 16) | u as u64)
}

fn filter_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

/// Every start offset of every pattern in `text`, at most `cap + 1` per pattern (so a caller can
/// tell "more than `cap`"). Empty patterns never match.
pub fn find_all(text: &[u16], patterns: &[Vec<u16>], cap: usize) -> Vec<Vec<usize>> {
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
    for (i, p) in patterns.iter().enumerate() {
        if p.is_empty() || p.len() > text.len() {
            continue;
        }
        if p.len() < KEY {
            // Rare (quotes of one to three units): a plain scan.
            found[i] = text.windows(p.len()).enumerate().filter(|(_, w)| *w == &p[..]).map(|(at, _)| at).take(cap + 1).collect();
            continue;
        }
        let key = key_of(p);
        let slot = filter_slot(key);
        filter[slot / 64] |= 1 << (slot % 64);
        by_key.entry(key).or_default().push(i);
    }
    if by_key.is_empty() || text.len() < KEY {
        return found;
    }
    let mut key = key_of(&text[..KEY - 1]);
    for at in 0..=text.len() - KEY {
        key = (key << 16) | text[at + KEY - 1] as u64;
        let slot = filter_slot(key);
        if filter[slot / 64] & (1 << (slot % 64)) == 0 {
            continue;
        }
        let Some(ids) = by_key.get(&key) else { continue };
        for &i in ids {
            let p = &patterns[i];
            if found[i].len() <= cap && text[at..].starts_with(p) {
                found[i].push(at);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn finds_every_occurrence_of_every_pattern() {
        let text = u("abcabcab ab été");
        let pats = vec![u("abc"), u("cabc"), u("bcab"), u(""), u("été"), u("zzzz"), u("ab")];
        let found = find_all(&text, &pats, 10);
        assert_eq!(found, vec![vec![0, 3], vec![2], vec![1, 4], vec![], vec![12], vec![], vec![0, 3, 6, 9]]);
        assert_eq!(find_all(&text, &[u("ab")], 1), vec![vec![0, 3]]);
    }
}
