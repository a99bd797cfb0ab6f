//! The USE v3 forward pass (a port of the reference `backends/numpy.py`): token embeddings →
//! per-branch projection + layernorm → three CNN n-gram branches (orders 2, 3, 5; two conv layers
//! with residuals) → layernorm over [embedding | branches] → sum over tokens, then project
//! (`cnn_W`, scaled by 1/√len) → DAN layers → tanh → L2 norm.
//!
//! Sentences are processed as one flat batch of tokens (so each weight matrix is streamed once per
//! batch); n-gram windows stop at sentence boundaries (zero padding), so sentences never mix.

use super::format::{Table, Tensor};
use super::{EncoderError, DIM};

/// Width of a CNN branch.
const CNN: usize = 256;
/// (n-gram order, left context) of the three branches.
const ORDERS: [(usize, usize); 3] = [(2, 0), (3, 1), (5, 2)];
/// Width of the features summed over tokens: the embedding and the three branches.
const FEAT: usize = DIM + 3 * CNN;
/// Width of the DAN's first layers.
const HIDDEN: usize = 320;

/// A row-major matrix.
#[derive(Clone, Debug)]
struct Mat {
    rows: usize,
    cols: usize,
    data: Vec<f32>,
}

/// The dense weights, checked against the architecture's shapes.
#[derive(Clone, Debug)]
pub struct Weights {
    proj: Mat,
    proj_b: Vec<f32>,
    ln_g_all: Vec<f32>,
    ln_b_all: Vec<f32>,
    w1: [Mat; 3],
    b1: [Vec<f32>; 3],
    w2: [Mat; 3],
    b2: [Vec<f32>; 3],
    ln_g: Vec<f32>,
    ln_b: Vec<f32>,
    cnn_w: Mat,
    cnn_b: Vec<f32>,
    d0: Mat,
    d1: Mat,
    d2: Mat,
    d3: Mat,
    p1: Mat,
    p3: Mat,
    eps: f32,
}

struct Named<'a>(&'a [Tensor]);

impl Named<'_> {
    fn mat(&self, name: &str, rows: usize, cols: usize) -> Result<Mat, EncoderError> {
        let t = self.0.iter().find(|t| t.name == name).ok_or_else(|| EncoderError::Invalid(format!("missing tensor {name}")))?;
        if t.rows != rows || t.cols != cols || t.data.len() != rows * cols {
            return Err(EncoderError::Invalid(format!("tensor {name} is {}×{}, expected {rows}×{cols}", t.rows, t.cols)));
        }
        Ok(Mat { rows, cols, data: t.data.clone() })
    }
    fn vec(&self, name: &str, len: usize) -> Result<Vec<f32>, EncoderError> {
        Ok(self.mat(name, 1, len)?.data)
    }
    /// Column-wise concatenation of the three branches' tensors.
    fn cat(&self, prefix: &str, rows: usize) -> Result<Mat, EncoderError> {
        let parts = [2, 3, 5].map(|n| self.mat(&format!("{prefix}{n}"), rows, CNN));
        let mut data = Vec::with_capacity(rows * 3 * CNN);
        let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
        for r in 0..rows {
            for p in &parts {
                data.extend_from_slice(&p.data[r * CNN..(r + 1) * CNN]);
            }
        }
        Ok(Mat { rows, cols: 3 * CNN, data })
    }
}

impl Weights {
    /// Picks and checks the tensors the forward pass needs.
    pub fn new(tensors: &[Tensor]) -> Result<Self, EncoderError> {
        let t = Named(tensors);
        let each = |f: &dyn Fn(usize, usize) -> Result<Mat, EncoderError>| -> Result<[Mat; 3], EncoderError> {
            Ok([f(0, 2)?, f(1, 3)?, f(2, 5)?])
        };
        let w1 = each(&|_, n| t.mat(&format!("w1_{n}"), n * CNN, CNN))?;
        let w2 = each(&|_, n| t.mat(&format!("w2_{n}"), n * CNN, CNN))?;
        let b = |p: &str| -> Result<[Vec<f32>; 3], EncoderError> { Ok([t.vec(&format!("{p}2"), CNN)?, t.vec(&format!("{p}3"), CNN)?, t.vec(&format!("{p}5"), CNN)?]) };
        let eps = t.vec("eps", 1)?[0];
        Ok(Weights {
            proj: t.cat("proj", DIM)?,
            proj_b: t.cat("proj_b", 1)?.data,
            ln_g_all: t.cat("ln_g", 1)?.data,
            ln_b_all: t.cat("ln_b", 1)?.data,
            w1,
            b1: b("b1_")?,
            w2,
            b2: b("b2_")?,
            ln_g: t.vec("ln_g", FEAT)?,
            ln_b: t.vec("ln_b", FEAT)?,
            cnn_w: t.mat("cnn_W", FEAT, DIM)?,
            cnn_b: t.vec("cnn_b", DIM)?,
            d0: t.mat("d0", DIM, HIDDEN)?,
            d1: t.mat("d1", HIDDEN, HIDDEN)?,
            d2: t.mat("d2", HIDDEN, DIM)?,
            d3: t.mat("d3", DIM, DIM)?,
            p1: t.mat("p1", DIM, HIDDEN)?,
            p3: t.mat("p3", HIDDEN, DIM)?,
            eps: if eps.is_finite() && eps >= 0.0 { eps } else { 1e-12 },
        })
    }
}

/// `out = x · w` for `x` of `n × w.rows` (row-major). Four rows at a time share each weight
/// row load; the inner loops ([`axpy4`], [`axpy`]) run over contiguous slices.
fn mm(x: &[f32], n: usize, w: &Mat, out: &mut [f32]) {
    let (k, m) = (w.rows, w.cols);
    let x = &x[..n * k];
    let out = &mut out[..n * m];
    out.fill(0.0);
    let mut i = 0;
    while i + 4 <= n {
        let (o0, rest) = out[i * m..(i + 4) * m].split_at_mut(m);
        let (o1, rest) = rest.split_at_mut(m);
        let (o2, o3) = rest.split_at_mut(m);
        for kk in 0..k {
            let a = [x[i * k + kk], x[(i + 1) * k + kk], x[(i + 2) * k + kk], x[(i + 3) * k + kk]];
            if a == [0.0; 4] {
                continue;
            }
            axpy4(a, &w.data[kk * m..(kk + 1) * m], [&mut *o0, &mut *o1, &mut *o2, &mut *o3]);
        }
        i += 4;
    }
    while i < n {
        let o = &mut out[i * m..(i + 1) * m];
        for kk in 0..k {
            let a = x[i * k + kk];
            if a != 0.0 {
                axpy(a, &w.data[kk * m..(kk + 1) * m], o);
            }
        }
        i += 1;
    }
}

/// `o[r] += a[r] · w` for four output rows (plain loop: the native compiler vectorises it).
#[cfg(not(target_arch = "wasm32"))]
fn axpy4(a: [f32; 4], w: &[f32], o: [&mut [f32]; 4]) {
    let [o0, o1, o2, o3] = o;
    let len = w.len().min(o0.len()).min(o1.len()).min(o2.len()).min(o3.len());
    for j in 0..len {
        let wv = w[j];
        o0[j] += a[0] * wv;
        o1[j] += a[1] * wv;
        o2[j] += a[2] * wv;
        o3[j] += a[3] * wv;
    }
}

/// `o += a · w`.
#[cfg(not(target_arch = "wasm32"))]
fn axpy(a: f32, w: &[f32], o: &mut [f32]) {
    for (o, &wv) in o.iter_mut().zip(w) {
        *o += a * wv;
    }
}

/// `o[r] += a[r] · w` for four output rows, with explicit SIMD128 (the release wasm is built at
/// opt-level "z", where LLVM does not vectorise loops). Chromium and Firefox ESR support SIMD128;
/// an engine without it refuses the whole module at compile time.
#[cfg(target_arch = "wasm32")]
#[target_feature(enable = "simd128")]
fn axpy4(a: [f32; 4], w: &[f32], o: [&mut [f32]; 4]) {
    use core::arch::wasm32::*;
    let [o0, o1, o2, o3] = o;
    let len = w.len().min(o0.len()).min(o1.len()).min(o2.len()).min(o3.len());
    let (a0, a1, a2, a3) = (f32x4_splat(a[0]), f32x4_splat(a[1]), f32x4_splat(a[2]), f32x4_splat(a[3]));
    let mut j = 0;
    while j + 4 <= len {
        // SAFETY: j + 4 <= len, and len is at most each slice's length; unaligned loads and
        // stores are allowed in wasm.
        unsafe {
            let wv = v128_load(w.as_ptr().add(j) as *const v128);
            for (row, av) in [(o0.as_mut_ptr(), a0), (o1.as_mut_ptr(), a1), (o2.as_mut_ptr(), a2), (o3.as_mut_ptr(), a3)] {
                let p = row.add(j) as *mut v128;
                v128_store(p, f32x4_add(v128_load(p), f32x4_mul(av, wv)));
            }
        }
        j += 4;
    }
    while j < len {
        o0[j] += a[0] * w[j];
        o1[j] += a[1] * w[j];
        o2[j] += a[2] * w[j];
        o3[j] += a[3] * w[j];
        j += 1;
    }
}

/// `o += a · w`, SIMD128 (see [`axpy4`]).
#[cfg(target_arch = "wasm32")]
#[target_feature(enable = "simd128")]
fn axpy(a: f32, w: &[f32], o: &mut [f32]) {
    use core::arch::wasm32::*;
    let len = w.len().min(o.len());
    let av = f32x4_splat(a);
    let mut j = 0;
    while j + 4 <= len {
        // SAFETY: j + 4 <= len <= both lengths.
        unsafe {
            let p = o.as_mut_ptr().add(j) as *mut v128;
            v128_store(p, f32x4_add(v128_load(p), f32x4_mul(av, v128_load(w.as_ptr().add(j) as *const v128))));
        }
        j += 4;
    }
    while j < len {
        o[j] += a * w[j];
        j += 1;
    }
}

fn add_rows(x: &mut [f32], b: &[f32]) {
    for row in x.chunks_exact_mut(b.len()) {
        for (v, &b) in row.iter_mut().zip(b) {
            *v += b;
        }
    }
}

fn layernorm(x: &mut [f32], g: &[f32], b: &[f32], eps: f32) {
    let w = g.len();
    for row in x.chunks_exact_mut(w) {
        let mean = row.iter().sum::<f32>() / w as f32;
        row.iter_mut().for_each(|v| *v -= mean);
        let var = row.iter().map(|v| v * v).sum::<f32>() / w as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for ((v, &g), &b) in row.iter_mut().zip(g).zip(b) {
            *v = *v * inv * g + b;
        }
    }
}

fn relu(x: &mut [f32]) {
    x.iter_mut().for_each(|v| *v = v.max(0.0));
}

/// Embeds sentences given as table rows (each with `<s>`/`</s>`, non-empty); one vector each,
/// L2-normalised.
pub fn embed(w: &Weights, table: &Table, sentences: &[&[u32]]) -> Vec<[f32; DIM]> {
    run(w, table, sentences, None).0
}

/// [`embed`], and for each sentence how much each of its tokens moved `direction · vector` (a
/// linear read-out of the vector, such as a classifier's weights): gradient × input at the
/// tokens' features, where they are summed over the sentence, less the sentence's mean token
/// (so a token's share reads as "more or less than an average token here"). One backward pass
/// through the dense layers per sentence: a small cost beside the forward pass.
pub fn explain(w: &Weights, table: &Table, sentences: &[&[u32]], direction: &[f32]) -> Vec<([f32; DIM], Vec<f32>)> {
    let (vectors, shares) = run(w, table, sentences, Some(direction));
    vectors.into_iter().zip(shares).collect()
}

/// `W · g` for the input side of a matrix used as `out = x · W`: the gradient at `x` given the
/// gradient `g` at `out`.
fn back(w: &Mat, g: &[f32]) -> Vec<f32> {
    w.data.chunks_exact(w.cols).map(|row| row.iter().zip(g).map(|(a, b)| a * b).sum()).collect()
}

/// Zeroes the gradient where a ReLU's output was zero.
fn relu_back(g: &mut [f32], out: &[f32]) {
    g.iter_mut().zip(out).for_each(|(g, &o)| {
        if o <= 0.0 {
            *g = 0.0;
        }
    });
}

/// The forward pass; with a `direction`, also each token's share of `direction · vector`.
fn run(w: &Weights, table: &Table, sentences: &[&[u32]], direction: Option<&[f32]>) -> (Vec<[f32; DIM]>, Vec<Vec<f32>>) {
    let n: usize = sentences.iter().map(|s| s.len()).sum();
    let mut out = Vec::with_capacity(sentences.len());
    if n == 0 {
        return (sentences.iter().map(|_| [0.0; DIM]).collect(), sentences.iter().map(|s| vec![0.0; s.len()]).collect());
    }
    // Token embeddings.
    let mut emb = vec![0f32; n * DIM];
    for (row, &id) in emb.chunks_exact_mut(DIM).zip(sentences.iter().flat_map(|s| s.iter())) {
        let id = (id as usize).min(table.rows.saturating_sub(1));
        let (scale, lo) = table.scale_lo[id];
        for (v, &c) in row.iter_mut().zip(&table.codes[id * DIM..(id + 1) * DIM]) {
            *v = lo + scale * c as f32;
        }
    }
    // Sentence bounds of each token.
    let mut bounds = Vec::with_capacity(n);
    let mut start = 0;
    for s in sentences {
        bounds.extend(std::iter::repeat_n((start, start + s.len()), s.len()));
        start += s.len();
    }

    let mut x = vec![0f32; n * 3 * CNN];
    mm(&emb, n, &w.proj, &mut x);
    add_rows(&mut x, &w.proj_b);
    layernorm(&mut x, &w.ln_g_all, &w.ln_b_all, w.eps);

    // feats = [embedding | branch 2 | branch 3 | branch 5] per token.
    let mut feats = vec![0f32; n * FEAT];
    for (f, e) in feats.chunks_exact_mut(FEAT).zip(emb.chunks_exact(DIM)) {
        f[..DIM].copy_from_slice(e);
    }
    drop(emb);
    let mut xs = vec![0f32; n * CNN];
    let mut gathered = vec![0f32; n * 5 * CNN];
    let mut h = vec![0f32; n * CNN];
    let mut c2 = vec![0f32; n * CNN];
    for (b, &(order, left)) in ORDERS.iter().enumerate() {
        for (dst, src) in xs.chunks_exact_mut(CNN).zip(x.chunks_exact(3 * CNN)) {
            dst.copy_from_slice(&src[b * CNN..(b + 1) * CNN]);
        }
        let gathered = &mut gathered[..n * order * CNN];
        gather(&xs, &bounds, order, left, gathered);
        mm(gathered, n, &w.w1[b], &mut h);
        add_rows(&mut h, &w.b1[b]);
        relu(&mut h);
        h.iter_mut().zip(&xs).for_each(|(h, x)| *h += x);
        gather(&h, &bounds, order, left, gathered);
        mm(gathered, n, &w.w2[b], &mut c2);
        add_rows(&mut c2, &w.b2[b]);
        relu(&mut c2);
        for ((f, c), h) in feats.chunks_exact_mut(FEAT).zip(c2.chunks_exact(CNN)).zip(h.chunks_exact(CNN)) {
            let off = DIM + b * CNN;
            for ((f, &c), &h) in f[off..off + CNN].iter_mut().zip(c).zip(h) {
                *f = c + h;
            }
        }
    }
    layernorm(&mut feats, &w.ln_g, &w.ln_b, w.eps);

    // Sum over each sentence's tokens, then project (the sum commutes with the linear map).
    let m = sentences.len();
    let mut sums = vec![0f32; m * FEAT];
    let mut t = 0;
    for (s, sum) in sentences.iter().zip(sums.chunks_exact_mut(FEAT)) {
        for row in feats[t * FEAT..(t + s.len()) * FEAT].chunks_exact(FEAT) {
            sum.iter_mut().zip(row).for_each(|(a, &v)| *a += v);
        }
        t += s.len();
    }
    let mut mean = vec![0f32; m * DIM];
    mm(&sums, m, &w.cnn_w, &mut mean);
    for (s, row) in sentences.iter().zip(mean.chunks_exact_mut(DIM)) {
        let len = s.len().max(1) as f32;
        let inv = 1.0 / len.sqrt();
        for (v, &b) in row.iter_mut().zip(&w.cnn_b) {
            *v = (*v + len * b) * inv;
        }
    }

    let mut y0 = vec![0f32; m * HIDDEN];
    mm(&mean, m, &w.d0, &mut y0);
    relu(&mut y0);
    let mut y1 = vec![0f32; m * HIDDEN];
    mm(&mean, m, &w.p1, &mut y1);
    let mut tmp = vec![0f32; m * HIDDEN];
    mm(&y0, m, &w.d1, &mut tmp);
    y1.iter_mut().zip(&tmp).for_each(|(a, b)| *a += b);
    relu(&mut y1);
    let mut y2 = vec![0f32; m * DIM];
    mm(&y1, m, &w.d2, &mut y2);
    relu(&mut y2);
    let mut z = vec![0f32; m * DIM];
    mm(&y1, m, &w.p3, &mut z);
    let mut tmp = vec![0f32; m * DIM];
    mm(&y2, m, &w.d3, &mut tmp);
    for row in z.chunks_exact_mut(DIM).zip(tmp.chunks_exact(DIM)).map(|(z, t)| {
        z.iter_mut().zip(t).for_each(|(a, b)| *a = (*a + b).tanh());
        z
    }) {
        let norm = row.iter().map(|v| v * v).sum::<f32>().max(w.eps).sqrt();
        let mut v = [0f32; DIM];
        v.iter_mut().zip(row.iter()).for_each(|(o, &a)| *o = a / norm);
        out.push(v);
    }
    let Some(direction) = direction else {
        return (out, Vec::new());
    };
    if direction.len() != DIM {
        return (out, sentences.iter().map(|s| vec![0.0; s.len()]).collect());
    }
    let mut shares = Vec::with_capacity(m);
    let mut t = 0;
    for (i, s) in sentences.iter().enumerate() {
        let (v, zi) = (&out[i], &z[i * DIM..(i + 1) * DIM]);
        let norm = zi.iter().map(|v| v * v).sum::<f32>().max(w.eps).sqrt();
        let along: f32 = v.iter().zip(direction).map(|(a, b)| a * b).sum();
        // Through the L2 norm and the tanh.
        let g_pre: Vec<f32> = (0..DIM).map(|j| (direction[j] - v[j] * along) / norm * (1.0 - zi[j] * zi[j])).collect();
        let mut g_y2 = back(&w.d3, &g_pre);
        relu_back(&mut g_y2, &y2[i * DIM..(i + 1) * DIM]);
        let mut g_y1 = back(&w.p3, &g_pre);
        g_y1.iter_mut().zip(back(&w.d2, &g_y2)).for_each(|(a, b)| *a += b);
        relu_back(&mut g_y1, &y1[i * HIDDEN..(i + 1) * HIDDEN]);
        let mut g_y0 = back(&w.d1, &g_y1);
        relu_back(&mut g_y0, &y0[i * HIDDEN..(i + 1) * HIDDEN]);
        let mut g_mean = back(&w.p1, &g_y1);
        g_mean.iter_mut().zip(back(&w.d0, &g_y0)).for_each(|(a, b)| *a += b);
        let inv = 1.0 / (s.len().max(1) as f32).sqrt();
        let g_sum: Vec<f32> = back(&w.cnn_w, &g_mean).into_iter().map(|g| g * inv).collect();
        let mut own: Vec<f32> = feats[t * FEAT..(t + s.len()) * FEAT].chunks_exact(FEAT).map(|f| f.iter().zip(&g_sum).map(|(a, b)| a * b).sum()).collect();
        let mean = own.iter().sum::<f32>() / own.len().max(1) as f32;
        own.iter_mut().for_each(|x| *x -= mean);
        shares.push(own);
        t += s.len();
    }
    (out, shares)
}

/// Writes, for each token, its n-gram window `[t - left, t - left + order)` of `x` (rows of
/// `CNN`), zeros where the window leaves the token's sentence.
fn gather(x: &[f32], bounds: &[(usize, usize)], order: usize, left: usize, out: &mut [f32]) {
    let w = order * CNN;
    for (t, (dst, &(lo, hi))) in out.chunks_exact_mut(w).zip(bounds).enumerate() {
        for (o, slot) in dst.chunks_exact_mut(CNN).enumerate() {
            let p = (t + o).wrapping_sub(left);
            if t + o >= left && p >= lo && p < hi {
                slot.copy_from_slice(&x[p * CNN..(p + 1) * CNN]);
            } else {
                slot.fill(0.0);
            }
        }
    }
}
