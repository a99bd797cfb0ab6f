//! TF-IDF vectors of comments and their nearest neighbours by cosine similarity.
//!
//! Weights are sublinear (1 + ln tf) times a smoothed idf, and vectors are L2-normalised, so
//! the dot product is the cosine. Neighbours are found through an inverted index; very common
//! terms (in more than [`POSTING_CAP`] comments) are skipped when looking for neighbours, which
//! bounds the work on large comment sections (their idf is low, so little is lost).

/// Terms present in more comments than this are not used to find neighbours.
pub const POSTING_CAP: usize = 100;
/// Neighbours kept per comment.
pub const NEIGHBOURS: usize = 16;
/// Similarities below this are not kept as edges.
pub const MIN_EDGE: f32 = 0.03;

/// Weight factor of terms used by a single comment. They cannot link two comments, but at full
/// weight a long comment's private words drown the few it shares with others; short-text
/// clustering usually drops them (min_df = 2), this keeps a little of their length effect.
pub const HAPAX_WEIGHT: f32 = 0.3;

/// Terms used by more than this share of the comments are left out: like the article's own
/// topic word that every reader repeats, they say nothing about how comments differ.
pub const MAX_SHARE: f32 = 0.5;

/// One comment as a sparse unit vector: (term id, weight), sorted by term id.
pub type SparseVector = Vec<(u32, f32)>;

/// The comments' vectors and how common each term is.
pub struct TermVectors {
    /// In how many comments each term appears (indexed by term id).
    pub document_frequency: Vec<u32>,
    /// One vector per comment.
    pub vectors: Vec<SparseVector>,
}

impl TermVectors {
    /// Builds TF-IDF vectors from each comment's terms, given as ids below `terms` (a stem, or a
    /// feature such as "talks about the article").
    /// The documents are given as slices (of one buffer or of a Vec each).
    pub fn new<'d>(documents: impl ExactSizeIterator<Item = &'d [u32]>, terms: usize) -> TermVectors {
        // Each document's (term, count) pairs by term, all in one buffer.
        let mut counts: Vec<(u32, u32)> = Vec::new();
        let n = documents.len() as f32;
        let mut bounds: Vec<usize> = Vec::with_capacity(documents.len() + 1);
        bounds.push(0);
        let mut sorted: Vec<u32> = Vec::new();
        for doc in documents {
            sorted.clear();
            sorted.extend(doc.iter().copied().filter(|&t| (t as usize) < terms));
            sort_ids(&mut sorted);
            counts.extend(sorted.chunk_by(|a, b| a == b).map(|run| (run[0], run.len() as u32)));
            bounds.push(counts.len());
        }
        let mut document_frequency = vec![0u32; terms];
        for &(t, _) in &counts {
            document_frequency[t as usize] += 1;
        }
        // Per term: whether it is kept, and its idf times the single-comment discount.
        let idf: Vec<(bool, f32, f32)> = document_frequency
            .iter()
            .map(|&df| {
                let kept = df as f32 <= MAX_SHARE * n || n < 4.0;
                let rare = if df <= 1 { HAPAX_WEIGHT } else { 1.0 };
                (kept, ((1.0 + n) / (1.0 + df as f32)).ln() + 1.0, rare)
            })
            .collect();
        let vectors = bounds
            .windows(2)
            .map(|w| {
                // Sized once: a filtered `collect` would grow it term by term.
                let mut v: SparseVector = Vec::with_capacity(w[1] - w[0]);
                v.extend(counts[w[0]..w[1]].iter().filter(|&&(t, _)| idf[t as usize].0).map(|&(t, tf)| {
                    let (_, idf, rare) = idf[t as usize];
                    // ln 1 = 0 exactly: most terms occur once in a comment.
                    let tf_weight = if tf == 1 { 1.0 } else { 1.0 + (tf as f32).ln() };
                    (t, tf_weight * idf * rare)
                }));
                normalise(&mut v);
                v
            })
            .collect();
        TermVectors { document_frequency, vectors }
    }

    /// Each comment's nearest neighbours with their cosine similarity (symmetric: if j is among
    /// i's neighbours, i is listed among j's): the reference for [`TermVectors::edges`], the
    /// way they were computed before.
    #[cfg(test)]
    pub fn neighbours(&self) -> Vec<Vec<(usize, f32)>> {
        let n = self.vectors.len();
        let postings = self.postings();
        let mut scratch = vec![0f32; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut out: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
        for (d, v) in self.vectors.iter().enumerate() {
            for &(t, w) in v {
                for &(other, w2) in &postings[t as usize] {
                    let other = other as usize;
                    if other == d {
                        continue;
                    }
                    if scratch[other] == 0.0 {
                        touched.push(other);
                    }
                    scratch[other] += w * w2;
                }
            }
            let mut best: Vec<(usize, f32)> = Vec::with_capacity(touched.len());
            best.extend(touched.iter().map(|&o| (o, scratch[o])).filter(|&(_, s)| s >= MIN_EDGE));
            let by_similarity = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if best.len() > NEIGHBOURS {
                best.select_nth_unstable_by(NEIGHBOURS, by_similarity);
                best.truncate(NEIGHBOURS);
            }
            for &o in &touched {
                scratch[o] = 0.0;
            }
            touched.clear();
            out[d] = best;
        }
        // Make symmetric: both directions of every edge, sorted, duplicates dropped (the
        // similarity is the same sum either way).
        let mut pairs: Vec<(u32, u32, f32)> = Vec::with_capacity(2 * n * NEIGHBOURS);
        for (d, list) in out.iter().enumerate() {
            for &(o, s) in list {
                pairs.push((d as u32, o as u32, s));
                pairs.push((o as u32, d as u32, s));
            }
        }
        crate::sorting::sort_by_key(&mut pairs, |p| (p.0, p.1));
        pairs.dedup_by_key(|p| (p.0, p.1));
        let mut symmetric: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
        for (d, o, s) in pairs {
            symmetric[d as usize].push((o as usize, s));
        }
        symmetric
    }

    /// Every pair of neighbouring comments `(i, j, cosine)` once, with `i < j`, ordered by
    /// `(i, j)`: the pairs of [`TermVectors::neighbours`] with `i < j`, listed without a Vec per
    /// comment.
    pub fn edges(&self) -> Vec<(usize, usize, f32)> {
        let pairs = self.neighbour_pairs();
        let mut edges = Vec::with_capacity(pairs.len() / 2 + 1);
        edges.extend(pairs.into_iter().filter(|p| p.0 < p.1).map(|(d, o, s)| (d as usize, o as usize, s)));
        edges
    }

    /// Each term's `(comment, weight)` list, in comment order; terms in more than
    /// [`POSTING_CAP`] comments have none (they link too much to tell anything).
    fn postings(&self) -> Vec<Vec<(u32, f32)>> {
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); self.document_frequency.len()];
        for (d, v) in self.vectors.iter().enumerate() {
            for &(t, w) in v {
                if (self.document_frequency[t as usize] as usize) <= POSTING_CAP {
                    postings[t as usize].push((d as u32, w));
                }
            }
        }
        postings
    }

    /// Both directions of every neighbour link `(comment, neighbour, cosine)`, sorted by
    /// `(comment, neighbour)`, without duplicates (the similarity is the same sum either way;
    /// the first found is kept).
    fn neighbour_pairs(&self) -> Vec<(u32, u32, f32)> {
        let n = self.vectors.len();
        let postings = self.postings();
        let mut scratch = vec![0f32; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut best: Vec<(usize, f32)> = Vec::new();
        let mut pairs: Vec<(u32, u32, f32)> = Vec::with_capacity(2 * n * NEIGHBOURS);
        for (d, v) in self.vectors.iter().enumerate() {
            for &(t, w) in v {
                for &(other, w2) in &postings[t as usize] {
                    let other = other as usize;
                    if other == d {
                        continue;
                    }
                    if scratch[other] == 0.0 {
                        touched.push(other);
                    }
                    scratch[other] += w * w2;
                }
            }
            best.clear();
            best.extend(touched.iter().map(|&o| (o, scratch[o])).filter(|&(_, s)| s >= MIN_EDGE));
            let by_similarity = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if best.len() > NEIGHBOURS {
                best.select_nth_unstable_by(NEIGHBOURS, by_similarity);
                best.truncate(NEIGHBOURS);
            }
            for &o in &touched {
                scratch[o] = 0.0;
            }
            touched.clear();
            // Both directions of every edge, in comment order (the order the stable sort keeps
            // among duplicates).
            for &(o, s) in &best {
                pairs.push((d as u32, o as u32, s));
                pairs.push((o as u32, d as u32, s));
            }
        }
        crate::sorting::sort_by_key(&mut pairs, |p| (p.0, p.1));
        pairs.dedup_by_key(|p| (p.0, p.1));
        pairs
    }
}

/// Sorts term ids ascending: by insertion for a comment's few terms (no call per comparison),
/// else with the shared sort. The same order either way (ids are plain integers).
pub fn sort_ids(ids: &mut [u32]) {
    if ids.len() > 32 {
        crate::sorting::sort(ids);
        return;
    }
    for i in 1..ids.len() {
        let x = ids[i];
        let mut j = i;
        while j > 0 && ids[j - 1] > x {
            ids[j] = ids[j - 1];
            j -= 1;
        }
        ids[j] = x;
    }
}

/// Scales `v` to unit length (leaves a zero vector alone).
pub fn normalise(v: &mut SparseVector) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Dot product of two sparse vectors sorted by term id.
pub fn dot(a: &SparseVector, b: &SparseVector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    /// Documents of space-separated terms, as term ids; and the number of terms.
    fn docs(texts: &[&str]) -> (Vec<Vec<u32>>, usize) {
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let docs = texts
            .iter()
            .map(|t| {
                t.split(' ')
                    .map(|w| {
                        let next = ids.len() as u32;
                        *ids.entry(w).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        (docs, ids.len())
    }

    #[test]
    fn id_sort_sorts() {
        let mut seed = 7u64;
        for len in 0..80 {
            let mut ids: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (seed >> 40) as u32 % 20
                })
                .collect();
            let mut want = ids.clone();
            want.sort();
            sort_ids(&mut ids);
            assert_eq!(ids, want);
        }
    }

    #[test]
    fn shared_rare_terms_make_neighbours() {
        let (docs, terms) = docs(&["tax amazon pay", "tax pay fair", "cloud contract pentagon", "cloud pentagon deal"]);
        let v = TermVectors::new(docs.iter().map(|d| d.as_slice()), terms);
        assert!((dot(&v.vectors[0], &v.vectors[0]) - 1.0).abs() < 1e-5);
        let nb = v.neighbours();
        assert_eq!(nb[0].iter().map(|x| x.0).collect::<Vec<_>>(), [1]);
        assert_eq!(nb[2].iter().map(|x| x.0).collect::<Vec<_>>(), [3]);
        assert!((nb[0][0].1 - dot(&v.vectors[0], &v.vectors[1])).abs() < 1e-5);
    }

    #[test]
    fn edges_are_the_neighbour_lists_pairs() {
        // Random documents over a small vocabulary: many neighbours, ties, one-sided links.
        let mut seed = 11u64;
        let mut next = |m: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for (comments, terms) in [(0, 5), (1, 5), (3, 4), (40, 12), (200, 30), (400, 300)] {
            let docs: Vec<Vec<u32>> =
                (0..comments).map(|_| (0..1 + next(8)).map(|_| next(terms) as u32).collect()).collect();
            let v = TermVectors::new(docs.iter().map(|d| d.as_slice()), terms as usize);
            let mut want: Vec<(usize, usize, f32)> = Vec::new();
            for (i, list) in v.neighbours().into_iter().enumerate() {
                want.extend(list.into_iter().filter(|&(j, _)| i < j).map(|(j, s)| (i, j, s)));
            }
            let got = v.edges();
            assert_eq!(got.len(), want.len());
            assert!(got.iter().zip(&want).all(|(a, b)| a.0 == b.0 && a.1 == b.1 && a.2.to_bits() == b.2.to_bits()));
            assert!(comments < 40 || got.len() > comments as usize);
        }
    }
}
