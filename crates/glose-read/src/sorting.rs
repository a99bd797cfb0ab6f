//! Stable sorting through one shared sort routine, for the wasm's size.
//!
//! The standard library's sorts are generic: every `sort*` call on a new element type or with a
//! new comparison closure gets its own copy of driftsort or ipnsort, kilobytes each. Glose sorts
//! in some thirty places, and those copies were a tenth of the wasm's code. Here the work is done
//! once, by a small merge sort on a list of `u32` positions with a comparison behind a `dyn`
//! reference; only the last step (moving the items into that order, a few swaps) is generic.
//!
//! Every function here is stable (equal items keep their order), like `slice::sort_by`. So it
//! gives the same result as the standard sort it replaces: the same as `sort`/`sort_by`, and the
//! same as `sort_unstable*` whenever equal items are indistinguishable (a total order on the
//! whole item, as for integers, strings and tuples of them).
//!
//! Cost: one comparison through a function pointer, and for more than [`SMALL`] items a
//! `Vec<u32>` of positions. The sorts in Glose are short lists or run once per page.

use std::cmp::Ordering;

/// Lists up to this long are sorted by insertion on the stack, with no allocation.
pub const SMALL: usize = 24;

/// Sorts `items` in place by `compare`, stably (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let n = items.len();
    if n < 2 {
        return;
    }
    assert!(n <= u32::MAX as usize, "too many items to sort");
    if n <= SMALL {
        let mut order = [0u32; SMALL];
        let order = &mut order[..n];
        sort_positions(order, &mut |a, b| compare(&items[a as usize], &items[b as usize]));
        apply(items, order);
    } else {
        let mut order = vec![0u32; n];
        sort_positions(&mut order, &mut |a, b| compare(&items[a as usize], &items[b as usize]));
        apply(items, &mut order);
    }
}

/// Sorts `items` in place by their order, stably (like `slice::sort`; the same result as
/// `slice::sort_unstable` for items whose equal values are identical).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` in place by a key, stably (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Fills `order` with `0..order.len()` sorted by `compare` of positions, stably. The one sort
/// in the program: insertion sort for runs of [`SMALL`], then bottom-up merges (a few hundred
/// bytes of code, where the standard sorts are kilobytes).
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &mut dyn FnMut(u32, u32) -> Ordering) {
    for (i, slot) in order.iter_mut().enumerate() {
        *slot = i as u32;
    }
    for run in order.chunks_mut(SMALL) {
        insertion_sort(run, compare);
    }
    let n = order.len();
    if n <= SMALL {
        return;
    }
    let mut spare = vec![0u32; n];
    let mut in_spare = false;
    let mut width = SMALL;
    while width < n {
        if in_spare {
            merge_runs(&spare, order, width, compare);
        } else {
            merge_runs(order, &mut spare, width, compare);
        }
        in_spare = !in_spare;
        width *= 2;
    }
    if in_spare {
        order.copy_from_slice(&spare);
    }
}

/// Sorts a short run in place, stably.
fn insertion_sort(run: &mut [u32], compare: &mut dyn FnMut(u32, u32) -> Ordering) {
    for i in 1..run.len() {
        let item = run[i];
        let mut j = i;
        while j > 0 && compare(run[j - 1], item) == Ordering::Greater {
            run[j] = run[j - 1];
            j -= 1;
        }
        run[j] = item;
    }
}

/// Merges each pair of sorted runs of `width` in `from` into `to`, stably (on ties the left
/// run's item comes first).
fn merge_runs(from: &[u32], to: &mut [u32], width: usize, compare: &mut dyn FnMut(u32, u32) -> Ordering) {
    let n = from.len();
    let mut start = 0;
    while start < n {
        let mid = (start + width).min(n);
        let end = (start + 2 * width).min(n);
        let (mut left, mut right) = (start, mid);
        for slot in &mut to[start..end] {
            let take_left = right == end || (left < mid && compare(from[left], from[right]) != Ordering::Greater);
            if take_left {
                *slot = from[left];
                left += 1;
            } else {
                *slot = from[right];
                right += 1;
            }
        }
        start = end;
    }
}

/// Reorders `items` so that `items[k]` becomes the old `items[order[k]]` (`order`, a
/// permutation, is used up).
fn apply<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..order.len() {
        // Follow the cycle through `start`: the item first at `start` moves along it.
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dev-dependency for a test).
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort_at_every_length() {
        for n in [0, 1, 2, 3, 7, SMALL - 1, SMALL, SMALL + 1, 2 * SMALL, 2 * SMALL + 1, 100, 1000, 4099] {
            for seed in 1..6u64 {
                // Pairs (key, original position): few keys, so many ties, and the position shows
                // whether equal keys kept their order.
                let mut ours: Vec<(u64, usize)> = numbers(seed, n, 5).into_iter().zip(0..).collect();
                let mut std = ours.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                std.sort_by_key(|a| a.0);
                assert_eq!(ours, std, "n={n} seed={seed}");
            }
        }
    }

    #[test]
    fn sort_and_sort_by_key_match_the_standard_sorts() {
        let words = ["pomme", "Zèbre", "arbre", "", "pomme", "été", "a"];
        let mut ours: Vec<(&str, u16)> = words.iter().map(|w| (*w, 0)).collect();
        let mut std = ours.clone();
        sort(&mut ours);
        std.sort_unstable();
        assert_eq!(ours, std);

        let mut ours = numbers(9, 300, 1000);
        let mut std = ours.clone();
        sort_by_key(&mut ours, |&x| std::cmp::Reverse(x % 17));
        std.sort_by_key(|&x| std::cmp::Reverse(x % 17));
        assert_eq!(ours, std);
    }

    #[test]
    fn moves_items_that_are_not_copy() {
        let mut ours: Vec<String> = numbers(3, 60, 40).iter().map(|x| format!("w{x}")).collect();
        let mut std = ours.clone();
        sort(&mut ours);
        std.sort();
        assert_eq!(ours, std);
    }
}
