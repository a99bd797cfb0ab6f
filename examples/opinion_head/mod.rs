//! Fitting the encoder head (`src/opinion/refine.rs`): L2-regularised logistic regression over a
//! sentence embedding plus, per language, a bias and a weight on the fast model's logit.
//! Full-batch Adam on weighted examples; the trainer (`train_opinion.rs`) chooses L2 and the
//! teacher-label weight by cross-validation on gold sentences and writes `head.bin`.

/// One training sentence of the head.
pub struct HeadExample {
    /// The sentence encoder's embedding.
    pub embedding: Vec<f32>,
    /// The fast model's evidence logit (out-of-fold for gold sentences).
    pub fast: f32,
    /// Index of the language in the trainer's list.
    pub lang: usize,
    /// Target in [0, 1].
    pub target: f32,
    /// Sample weight.
    pub weight: f32,
}

/// Fitted weights: the embedding weights and per language (bias, fast-logit scale).
#[derive(Clone, Debug)]
pub struct HeadWeights {
    /// One weight per embedding dimension.
    pub weights: Vec<f32>,
    /// Per language: bias and scale of the fast logit.
    pub per_lang: Vec<(f32, f32)>,
}

impl HeadWeights {
    /// The head's logit for an example.
    pub fn logit(&self, e: &HeadExample) -> f32 {
        let (bias, scale) = self.per_lang[e.lang];
        self.weights.iter().zip(&e.embedding).map(|(w, x)| w * x).sum::<f32>() + scale * e.fast + bias
    }
}

/// Fits the head: minimises the weighted mean log-loss + `l2`/2 · |w|² (the per-language bias
/// and fast-logit scale are not penalised), by full-batch Adam.
pub fn fit(examples: &[&HeadExample], langs: usize, l2: f32, steps: usize) -> HeadWeights {
    let dims = examples.first().map_or(0, |e| e.embedding.len());
    let mut h = HeadWeights { weights: vec![0.0; dims], per_lang: vec![(0.0, 1.0); langs] };
    let total: f64 = examples.iter().map(|e| e.weight as f64).sum::<f64>().max(1e-9);
    // Adam state over [weights..., (bias, scale) per language].
    let n = dims + 2 * langs;
    let (mut m, mut v) = (vec![0f64; n], vec![0f64; n]);
    let (b1, b2, lr, eps) = (0.9f64, 0.999f64, 0.02f64, 1e-8f64);
    let mut grad = vec![0f64; n];
    for step in 1..=steps {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for e in examples {
            let z = h.logit(e);
            let p = 1.0 / (1.0 + (-z as f64).exp());
            let d = (p - e.target as f64) * e.weight as f64 / total;
            for (g, x) in grad[..dims].iter_mut().zip(&e.embedding) {
                *g += d * *x as f64;
            }
            grad[dims + 2 * e.lang] += d;
            grad[dims + 2 * e.lang + 1] += d * e.fast as f64;
        }
        for (g, w) in grad[..dims].iter_mut().zip(&h.weights) {
            *g += l2 as f64 * *w as f64;
        }
        let (c1, c2) = (1.0 - b1.powi(step as i32), 1.0 - b2.powi(step as i32));
        for k in 0..n {
            m[k] = b1 * m[k] + (1.0 - b1) * grad[k];
            v[k] = b2 * v[k] + (1.0 - b2) * grad[k] * grad[k];
            let delta = (lr * (m[k] / c1) / ((v[k] / c2).sqrt() + eps)) as f32;
            if k < dims {
                h.weights[k] -= delta;
            } else {
                let (lang, which) = ((k - dims) / 2, (k - dims) % 2);
                if which == 0 {
                    h.per_lang[lang].0 -= delta;
                } else {
                    h.per_lang[lang].1 -= delta;
                }
            }
        }
    }
    h
}
