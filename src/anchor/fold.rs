//! Whitespace-folded text: every run of white space becomes one space, remembering where each
//! folded unit came from, so that re-indented or re-wrapped passages still match.

/// Text with white space folded, and the original offset of each unit.
pub struct Folded {
    /// The folded UTF-16 units.
    pub units: Vec<u16>,
    /// `origin[i]`: offset in the original text of folded unit `i`.
    pub origin: Vec<u32>,
}

/// Whether a UTF-16 unit is white space (every Unicode white space char is in the BMP).
pub fn is_space(unit: u16) -> bool {
    if unit < 0x80 {
        unit == 0x20 || (0x09..=0x0D).contains(&unit)
    } else {
        char::from_u32(unit as u32).is_some_and(char::is_whitespace)
    }
}

impl Folded {
    /// Folds `units`.
    pub fn new(units: &[u16]) -> Folded {
        let mut folded = Folded { units: Vec::with_capacity(units.len()), origin: Vec::with_capacity(units.len()) };
        let mut in_space = false;
        for (i, &u) in units.iter().enumerate() {
            if is_space(u) {
                if in_space {
                    continue;
                }
                in_space = true;
                folded.units.push(b' ' as u16);
            } else {
                in_space = false;
                folded.units.push(u);
            }
            folded.origin.push(i as u32);
        }
        folded
    }

    /// The folded index of the first folded unit at or after original offset `offset`.
    pub fn index_of(&self, offset: u32) -> usize {
        self.origin.partition_point(|&o| o < offset)
    }

    /// The original range covered by folded units `start..end` (non-empty).
    pub fn original_range(&self, start: usize, end: usize) -> (u32, u32) {
        (self.origin[start], self.origin[end - 1] + 1)
    }
}

/// `units` with white space folded and trimmed at both ends.
pub fn fold_trimmed(units: &[u16]) -> Vec<u16> {
    let folded = Folded::new(units).units;
    let start = folded.iter().position(|&u| u != b' ' as u16).unwrap_or(folded.len());
    let end = folded.iter().rposition(|&u| u != b' ' as u16).map_or(start, |e| e + 1);
    folded[start..end].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_runs_and_maps_back() {
        let text: Vec<u16> = "a \n\t b\u{a0}c".encode_utf16().collect();
        let f = Folded::new(&text);
        assert_eq!(String::from_utf16(&f.units).unwrap(), "a b c");
        assert_eq!(f.origin, vec![0, 1, 5, 6, 7]);
        assert_eq!(f.original_range(2, 5), (5, 8));
        assert_eq!(f.index_of(3), 2);
        assert_eq!(String::from_utf16(&fold_trimmed(&text[1..])).unwrap(), "b c");
    }
}
