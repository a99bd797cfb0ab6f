//! Average-linkage agglomerative clustering over a sparse similarity graph.
//!
//! Pairs without an edge count as similarity 0, so the average link between two groups is the
//! sum of their edges divided by the product of their sizes. Merging the best pair first and
//! stopping when no pair reaches the cut gives the usual dendrogram cut, in
//! O(E log E) on E edges instead of O(n²) on n comments.

use rustc_hash::FxHashMap;
use std::collections::BinaryHeap;

/// One candidate merge in the heap, ordered by its average link.
#[derive(PartialEq)]
struct Candidate {
    link: f32,
    a: usize,
    b: usize,
    /// Sizes of both groups when this candidate was computed; stale if they changed.
    sizes: (usize, usize),
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.link.total_cmp(&other.link).then_with(|| other.a.cmp(&self.a)).then_with(|| other.b.cmp(&self.b))
    }
}

/// Groups the `n` items linked by `edges` (i, j, similarity); merges while the average link
/// between two groups is at least `cut`. Returns the groups (item indices ascending), largest
/// first, singletons included.
pub fn average_linkage(n: usize, edges: &[(usize, usize, f32)], cut: f32) -> Vec<Vec<usize>> {
    let mut links: Vec<FxHashMap<usize, f32>> = vec![FxHashMap::default(); n];
    for &(i, j, s) in edges {
        if i != j && i < n && j < n {
            *links[i].entry(j).or_default() += s;
            *links[j].entry(i).or_default() += s;
        }
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    let mut heap = BinaryHeap::new();
    for (i, l) in links.iter().enumerate() {
        for (&j, &s) in l {
            if i < j && s >= cut {
                heap.push(Candidate { link: s, a: i, b: j, sizes: (1, 1) });
            }
        }
    }
    while let Some(Candidate { link, a, b, sizes }) = heap.pop() {
        if link < cut {
            break;
        }
        if !alive[a] || !alive[b] || sizes != (members[a].len(), members[b].len()) {
            continue;
        }
        // Merge b into a.
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let b_links = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        for (c, s) in b_links {
            if c == a {
                continue;
            }
            *links[a].entry(c).or_default() += s;
            let from_c = links[c].remove(&b).unwrap_or(0.0);
            *links[c].entry(a).or_default() += from_c;
        }
        let size_a = members[a].len();
        for (&c, &s) in &links[a] {
            let size_c = members[c].len();
            let avg = s / (size_a * size_c) as f32;
            if avg >= cut {
                let (x, y) = if a < c { (a, c) } else { (c, a) };
                let sizes = (members[x].len(), members[y].len());
                heap.push(Candidate { link: avg, a: x, b: y, sizes });
            }
        }
    }
    let mut groups: Vec<Vec<usize>> =
        members.into_iter().zip(alive).filter(|(_, a)| *a).map(|(mut m, _)| {
            crate::sorting::sort(&mut m);
            m
        }).collect();
    crate::sorting::sort_by(&mut groups, |a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_dense_groups_and_stops_at_the_cut() {
        let edges = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (3, 4, 0.6), (2, 3, 0.1), (5, 4, 0.05)];
        let groups = average_linkage(6, &edges, 0.3);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4], vec![5]]);
        let all = average_linkage(6, &edges, 0.0001);
        assert_eq!(all.len(), 1);
    }

    #[test]
    fn a_weak_chain_does_not_join_groups() {
        // One strong pair and one item linked only to one end: average link 0.2 / 2 < 0.15.
        let groups = average_linkage(3, &[(0, 1, 0.9), (1, 2, 0.2)], 0.15);
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    }
}
