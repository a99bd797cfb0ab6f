//! The editorial model: a logistic regression over [`features`](super::features), with a bias
//! and a weight on the n-gram part per language (calibration). Weights are compiled in from
//! `model.bin`, written by `cargo run --release --example train_opinion` (see `MODEL.md`).

use super::features::{Analysis, DENSE, HASH_BITS};
use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"GLOP";
const VERSION: u8 = 2;

/// Number of quantisation levels of an n-gram weight (4 bits; code 0 is weight 0).
pub const LEVELS: usize = 16;

/// Per-language calibration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    /// Primary language subtag, or `*` for languages without their own entry.
    pub lang: [u8; 2],
    /// Added to the logit; puts the decision threshold at 0.
    pub bias: f32,
    /// Multiplies the n-gram part (small for languages the n-grams were not trained on).
    pub ngram_factor: f32,
}

/// A trained model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Weights of the dense features.
    pub dense: [f32; DENSE],
    /// Bits of the model's n-gram table (at most [`HASH_BITS`]): feature buckets are folded
    /// into `2^hash_bits` slots by their low bits.
    pub hash_bits: u8,
    /// The weight of each 4-bit code (code 0 is 0: unused or pruned slots).
    pub codebook: [f32; LEVELS],
    /// 4-bit codes of the n-gram slots, two per byte (low nibble = even slot).
    pub hashed: Vec<u8>,
    /// Calibrations; the one for `*` applies to other languages.
    pub calibrations: Vec<Calibration>,
}

/// Why a model file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "opinion model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

impl Model {
    /// The calibration for a language subtag.
    pub fn calibration(&self, lang: &str) -> Calibration {
        let key = lang.as_bytes();
        self.calibrations
            .iter()
            .find(|c| key.len() == 2 && c.lang == [key[0], key[1]])
            .or_else(|| self.calibrations.iter().find(|c| c.lang[0] == b'*'))
            .copied()
            .unwrap_or(Calibration { lang: *b"* ", bias: 0.0, ngram_factor: 1.0 })
    }

    /// The weight of one hashed bucket.
    #[inline(always)]
    pub fn hashed_weight(&self, bucket: u32) -> f32 {
        let slot = (bucket & ((1u32 << self.hash_bits) - 1)) as usize;
        self.hashed.get(slot / 2).map_or(0.0, |&b| self.codebook[((b >> (4 * (slot & 1))) & 15) as usize])
    }

    #[cfg(any(test, feature = "internals"))]
    /// Packs per-slot codes (each < [`LEVELS`]) two per byte.
    pub fn pack_codes(codes: &[u8]) -> Vec<u8> {
        codes.chunks(2).map(|c| (c[0] & 15) | (c.get(1).copied().unwrap_or(0) & 15) << 4).collect()
    }

    /// The dense part of the logit (before calibration).
    pub fn dense_logit(&self, analysis: &Analysis) -> f32 {
        self.dense.iter().zip(analysis.dense.iter()).map(|(w, x)| w * x).sum()
    }

    /// The n-gram part of the logit (before calibration).
    pub fn ngram_logit(&self, analysis: &Analysis) -> f32 {
        analysis.hashed.iter().map(|&(b, v)| self.hashed_weight(b) * v).sum()
    }

    /// The calibrated log-odds that the sentence is the writer's own opinion (0 = threshold).
    pub fn logit(&self, analysis: &Analysis, lang: &str) -> f32 {
        self.evidence_logit(analysis, lang) + self.calibration(lang).bias
    }

    /// The logit without the language's bias: what the sentence's features say (the dense part,
    /// the n-grams at the language's factor, the stance-adverb prior). The encoder head
    /// ([`refine`](super::refine)) takes it as one of its inputs and has its own biases.
    pub fn evidence_logit(&self, analysis: &Analysis, lang: &str) -> f32 {
        let c = self.calibration(lang);
        self.dense_logit(analysis) + c.ngram_factor * self.ngram_logit(analysis) + super::cues::stance_logit(&analysis.cues)
    }

    #[cfg(any(test, feature = "internals"))]
    /// Serialises the model (little endian; see `from_bytes`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.hashed.len() + 256);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(self.hash_bits);
        out.extend_from_slice(&(DENSE as u16).to_le_bytes());
        for w in self.codebook {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for w in self.dense {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&(self.calibrations.len() as u16).to_le_bytes());
        for c in &self.calibrations {
            out.extend_from_slice(&c.lang);
            out.extend_from_slice(&c.bias.to_le_bytes());
            out.extend_from_slice(&c.ngram_factor.to_le_bytes());
        }
        out.extend_from_slice(&self.hashed);
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError("not a Glose opinion model"));
        }
        if r.take(1)?[0] != VERSION {
            return Err(ModelError("unsupported model version"));
        }
        let hash_bits = r.take(1)?[0];
        if hash_bits == 0 || hash_bits as u32 > HASH_BITS {
            return Err(ModelError("model hash size differs from the feature code"));
        }
        if r.u16()? as usize != DENSE {
            return Err(ModelError("model dense features differ from the feature code"));
        }
        let mut codebook = [0f32; LEVELS];
        for w in &mut codebook {
            *w = r.f32()?;
        }
        let mut dense = [0f32; DENSE];
        for w in &mut dense {
            *w = r.f32()?;
        }
        let n = r.u16()?;
        let mut calibrations = Vec::new();
        for _ in 0..n {
            let lang = r.take(2)?;
            calibrations.push(Calibration { lang: [lang[0], lang[1]], bias: r.f32()?, ngram_factor: r.f32()? });
        }
        let hashed = r.take(1 << (hash_bits - 1))?.to_vec();
        Ok(Model { dense, hash_bits, codebook, hashed, calibrations })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self.bytes.get(self.at..self.at + n).ok_or(ModelError("model file is truncated"))?;
        self.at += n;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        let s = self.take(4)?;
        Ok(f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

/// The model built into the binary. A built-in file that does not parse is a build defect, not a
/// page's fault: it fails loudly (the `shipped_model_parses` test keeps it from being released)
/// instead of silently falling back to hand-set weights.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(include_bytes!("model.bin")).unwrap_or_else(|e| panic!("the built-in model.bin is unusable: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_parses() {
        let model = Model::from_bytes(include_bytes!("model.bin")).expect("model.bin parses");
        assert_eq!(model.to_bytes(), include_bytes!("model.bin"), "model.bin round-trips");
        assert!(model.hashed.iter().any(|&b| b != 0), "the n-gram table is not empty");
    }

    #[test]
    fn broken_model_files_are_reported() {
        assert_eq!(Model::from_bytes(b"nope").unwrap_err().to_string(), "opinion model: not a Glose opinion model");
        let mut bytes = include_bytes!("model.bin").to_vec();
        bytes.truncate(bytes.len() - 1);
        assert_eq!(Model::from_bytes(&bytes).unwrap_err(), ModelError("model file is truncated"));
    }
}
