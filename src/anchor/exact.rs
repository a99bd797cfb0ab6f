//! Exact search for many patterns at once in one pass over the page text, so that re-anchoring
//! 200 notes on a 1 MB page costs one scan, not 200.
//!
//! Each pattern is keyed by a hash of its first [`KEY`] code units, stored in an open-addressing
//! table at least eight times larger than the number of patterns, so that almost every text
//! position costs one probe of an empty slot; candidates are verified in full. Patterns shorter
//! than the key are searched by a plain scan.

/// Code units in a pattern's key.
const KEY: usize = 8;
/// Marks an empty table slot.
const EMPTY: u32 = u32::MAX;

/// Hash of eight units packed as two words (`hi`: units 0..4, `lo`: units 4..8).
fn mix(hi: u64, lo: u64) -> u64 {
    (hi.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ lo).wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

fn pack(units: &[u16]) -> u64 {
    units.iter().fold(0u64, |k, &u| (k << 16) | u as u64)
}

fn key_of(units: &[u16]) -> u64 {
    mix(pack(&units[..4]), pack(&units[4..8]))
}

/// Every start offset of every pattern in `text`, at most `cap + 1` per pattern (so a caller can
/// tell "more than `cap`"). Empty patterns never match.
pub fn find_all(text: &[u16], patterns: &[Vec<u16>], cap: usize) -> Vec<Vec<usize>> {
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
    let keyed: Vec<usize> = (0..patterns.len()).filter(|&i| patterns[i].len() >= KEY && patterns[i].len() <= text.len()).collect();
    for (i, p) in patterns.iter().enumerate() {
        if !p.is_empty() && p.len() < KEY && p.len() <= text.len() {
            found[i] = text.windows(p.len()).enumerate().filter(|(_, w)| *w == &p[..]).map(|(at, _)| at).take(cap + 1).collect();
        }
    }
    if keyed.is_empty() {
        return found;
    }
    let bits = (keyed.len() * 8).next_power_of_two().trailing_zeros().max(10);
    let mask = (1usize << bits) - 1;
    let slot_of = |key: u64| (key >> (64 - bits)) as usize;
    let mut table: Vec<(u64, u32)> = vec![(0, EMPTY); 1 << bits];
    for &i in &keyed {
        let key = key_of(&patterns[i]);
        let mut slot = slot_of(key);
        while table[slot].1 != EMPTY {
            slot = (slot + 1) & mask;
        }
        table[slot] = (key, i as u32);
    }
    let mut hi = pack(&text[..4]);
    let mut lo = pack(&text[4..KEY - 1]);
    for at in 0..=text.len() - KEY {
        if at > 0 {
            hi = (hi << 16) | (lo >> 48);
        }
        lo = (lo << 16) | text[at + KEY - 1] as u64;
        let key = mix(hi, lo);
        let mut slot = slot_of(key);
        while table[slot].1 != EMPTY {
            let (k, i) = table[slot];
            let i = i as usize;
            if k == key && found[i].len() <= cap && text[at..].starts_with(&patterns[i]) {
                found[i].push(at);
            }
            slot = (slot + 1) & mask;
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
        // Keyed patterns (eight units or more), overlapping and sharing a key.
        let text = u("xx abcdefghij abcdefghik abcdefghij été à la plage");
        let pats = vec![u("abcdefghij"), u("abcdefghi"), u("abcdefghik"), u("été à la"), u("xx abcde"), u("ge"), u("zzzzzzzzzz")];
        let found = find_all(&text, &pats, 10);
        assert_eq!(found, vec![vec![3, 25], vec![3, 14, 25], vec![14], vec![36], vec![0], vec![48], vec![]]);
    }
}
