//! The encoder stage of the editorial decision: a logistic head over a sentence's embedding
//! (multilingual USE v3, [`encoder`](super::encoder)) and the fast model's logit.
//!
//! The fast model (`model.rs`, hashed n-grams + cue features) decides the first highlights at
//! once; when a sentence's embedding is at hand, the head's logit replaces the fast one:
//! `head = w · embedding + fast_scale[lang] · fast + bias[lang]`. Everything else stays as the
//! fast path has it: reported words, block quotations and the rule that an editorial flag must
//! show a reason (a cue in the writer's own words) — the encoder changes the decision and the
//! score, the cues explain it. A line the encoder flags without any listed cue is explained by
//! the encoder itself: its **salient words** ([`Embedding::salient`]), the words with the largest
//! gradient × input share of the head's read-out, computed with the vector
//! ([`encoder::Encoder::explain`](super::encoder::Encoder::explain)). Weights are compiled in from `head.bin`, written by
//! `cargo run --release --example train_opinion` (see `MODEL.md`).

use super::model::ModelError;
use std::sync::OnceLock;

/// Dimensions of a sentence embedding.
pub const EMBEDDING_DIM: usize = 512;

const MAGIC: &[u8; 4] = b"GLOH";
const VERSION: u8 = 1;

/// A sentence's embedding and the encoder's own reasons for the head's score.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Embedding {
    /// The sentence vector ([`EMBEDDING_DIM`] values).
    pub vector: Vec<f32>,
    /// The words that raised the head's score most, strongest first, each with its share of the
    /// score (empty when they were not computed). They explain an editorial flag that no listed
    /// cue explains.
    pub salient: Vec<(String, f32)>,
}

/// Most salient words kept per sentence.
pub const SALIENT_WORDS: usize = 4;
/// Longest salient word kept, in bytes (a longer "word" is not one a reader can check).
const SALIENT_WORD_BYTES: usize = 64;

/// Something that turns sentences into embeddings: the sentence encoder natively and in the
/// extension's background, or the embeddings the background sent back to the page.
pub trait SentenceEmbedder: Send + Sync + std::fmt::Debug {
    /// One embedding per sentence, in order (`None` where there is none: the head is then
    /// skipped for that sentence and the fast model decides).
    fn embed(&self, sentences: &[&str]) -> Vec<Option<Embedding>>;
}

/// Embeddings computed elsewhere, looked up by the sentence's text.
#[derive(Clone, Debug, Default)]
pub struct KnownEmbeddings(pub rustc_hash::FxHashMap<String, Embedding>);

impl SentenceEmbedder for KnownEmbeddings {
    fn embed(&self, sentences: &[&str]) -> Vec<Option<Embedding>> {
        sentences.iter().map(|s| self.0.get(*s).filter(|e| e.vector.len() == EMBEDDING_DIM).cloned()).collect()
    }
}

impl KnownEmbeddings {
    /// Pairs each of `sentences` with its vector in `flat`, `n × EMBEDDING_DIM` values in the
    /// sentences' order (what the extension's background sends back for the page's sentences),
    /// and with its salient words (`salient[i]`; missing entries are none). A length that does not
    /// match, or a value that is not a number, is an error: the caller then keeps the fast
    /// report. Salient words beyond [`SALIENT_WORDS`], too long, or with a share that is not a
    /// number are dropped.
    pub fn from_flat(sentences: Vec<String>, flat: &[f32], salient: Vec<Vec<(String, f32)>>) -> Result<KnownEmbeddings, ModelError> {
        if flat.len() != sentences.len() * EMBEDDING_DIM {
            return Err(ModelError("embeddings: not one vector of 512 values per sentence"));
        }
        if flat.iter().any(|x| !x.is_finite()) {
            return Err(ModelError("embeddings: a value is not a number"));
        }
        let mut salient = salient.into_iter();
        let map = sentences
            .into_iter()
            .zip(flat.chunks_exact(EMBEDDING_DIM))
            .map(|(s, v)| {
                let mut words = salient.next().unwrap_or_default();
                words.retain(|(w, share)| share.is_finite() && !w.is_empty() && w.len() <= SALIENT_WORD_BYTES);
                words.truncate(SALIENT_WORDS);
                (s, Embedding { vector: v.to_vec(), salient: words })
            })
            .collect();
        Ok(KnownEmbeddings(map))
    }
}

impl SentenceEmbedder for super::encoder::Encoder {
    fn embed(&self, sentences: &[&str]) -> Vec<Option<Embedding>> {
        self.explain(sentences, &shipped().weights).into_iter().map(|e| Some(Embedding { vector: e.vector.to_vec(), salient: salient_words(e.words) })).collect()
    }
}

/// The [`SALIENT_WORDS`] words with the largest positive shares, strongest first; words without
/// a letter (punctuation, numbers) are never among them.
pub fn salient_words(mut words: Vec<(String, f32)>) -> Vec<(String, f32)> {
    words.retain(|(w, share)| *share > 0.0 && w.chars().any(char::is_alphabetic) && w.len() <= SALIENT_WORD_BYTES);
    crate::sorting::sort_by(&mut words, |a, b| b.1.total_cmp(&a.1));
    words.truncate(SALIENT_WORDS);
    words
}

/// Whether the shipped encoder's vocabulary covers a sentence's script. The encoder file keeps
/// Latin-script pieces only (see `MODEL.md`, "Sentence encoder"); text in other scripts falls
/// back to single characters and its vectors mean little, so the fast model decides those
/// sentences: at most one letter in ten may lie beyond U+024F.
pub fn covers(sentence: &str) -> bool {
    let (mut letters, mut outside) = (0usize, 0usize);
    for c in sentence.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        outside += (c as u32 > 0x024F) as usize;
    }
    outside * 10 <= letters
}

/// The head's per-language terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeadCalibration {
    /// Primary language subtag, or `*` for languages without their own entry.
    pub lang: [u8; 2],
    /// Added to the logit (it includes the decision threshold: editorial from 0).
    pub bias: f32,
    /// Weight of the fast model's logit.
    pub fast_scale: f32,
}

/// A trained head.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    /// One weight per embedding dimension.
    pub weights: Vec<f32>,
    /// Per-language terms; the one for `*` applies to other languages.
    pub calibrations: Vec<HeadCalibration>,
}

impl Head {
    /// The terms for a language subtag.
    pub fn calibration(&self, lang: &str) -> HeadCalibration {
        let key = lang.as_bytes();
        self.calibrations
            .iter()
            .find(|c| key.len() == 2 && c.lang == [key[0], key[1]])
            .or_else(|| self.calibrations.iter().find(|c| c.lang[0] == b'*'))
            .copied()
            .unwrap_or(HeadCalibration { lang: *b"* ", bias: 0.0, fast_scale: 1.0 })
    }

    /// The head's logit for a sentence: its embedding and the fast model's logit without the
    /// fast model's own bias ([`Model::evidence_logit`](super::model::Model::evidence_logit)).
    /// An embedding of the wrong size leaves the fast logit as it is.
    pub fn logit(&self, embedding: &[f32], fast: f32, lang: &str) -> f32 {
        let c = self.calibration(lang);
        if embedding.len() != self.weights.len() {
            return fast;
        }
        let dot: f32 = self.weights.iter().zip(embedding).map(|(w, x)| w * x).sum();
        dot + c.fast_scale * fast + c.bias
    }

    #[cfg(any(test, feature = "internals"))]
    /// Serialises the head (little endian: magic, version, dims u16, weights f32, count u16,
    /// then per language 2 bytes of subtag, bias f32, fast scale f32).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 4 * self.weights.len() + 10 * self.calibrations.len());
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&(self.weights.len() as u16).to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&(self.calibrations.len() as u16).to_le_bytes());
        for c in &self.calibrations {
            out.extend_from_slice(&c.lang);
            out.extend_from_slice(&c.bias.to_le_bytes());
            out.extend_from_slice(&c.fast_scale.to_le_bytes());
        }
        out
    }

    /// Reads a head written by [`Head::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Head, ModelError> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], ModelError> {
            let s = bytes.get(at..at + n).ok_or(ModelError("head file is truncated"))?;
            at += n;
            Ok(s)
        };
        if take(4)? != MAGIC {
            return Err(ModelError("not a Glose encoder head"));
        }
        if take(1)?[0] != VERSION {
            return Err(ModelError("unsupported head version"));
        }
        let f32_of = |s: &[u8]| f32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        let dims = u16::from_le_bytes(take(2)?.try_into().unwrap_or([0, 0])) as usize;
        if dims != EMBEDDING_DIM {
            return Err(ModelError("head dimensions differ from the encoder's"));
        }
        let weights: Vec<f32> = take(4 * dims)?.chunks_exact(4).map(f32_of).collect();
        let n = u16::from_le_bytes(take(2)?.try_into().unwrap_or([0, 0]));
        let mut calibrations = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let s = take(10)?;
            calibrations.push(HeadCalibration { lang: [s[0], s[1]], bias: f32_of(&s[2..6]), fast_scale: f32_of(&s[6..10]) });
        }
        if weights.iter().chain(calibrations.iter().flat_map(|c| [&c.bias, &c.fast_scale])).any(|w| !w.is_finite()) {
            return Err(ModelError("head holds a weight that is not a number"));
        }
        Ok(Head { weights, calibrations })
    }
}

/// The head built into the binary. Like `model.bin`, a built-in file that does not parse is a
/// build defect and fails loudly (the `shipped_head_parses` test keeps it from a release).
pub fn shipped() -> &'static Head {
    static HEAD: OnceLock<Head> = OnceLock::new();
    HEAD.get_or_init(|| Head::from_bytes(include_bytes!("head.bin")).unwrap_or_else(|e| panic!("the built-in head.bin is unusable: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_head_parses() {
        let head = Head::from_bytes(include_bytes!("head.bin")).expect("head.bin parses");
        assert_eq!(head.to_bytes(), include_bytes!("head.bin"), "head.bin round-trips");
        assert!(head.weights.iter().any(|&w| w != 0.0), "the head has weights");
        assert!(head.calibrations.iter().any(|c| c.lang[0] == b'*'), "other languages have terms");
    }

    #[test]
    fn broken_head_files_are_reported() {
        assert_eq!(Head::from_bytes(b"nope").unwrap_err().to_string(), "opinion model: not a Glose encoder head");
        let mut bytes = include_bytes!("head.bin").to_vec();
        bytes.truncate(bytes.len() - 1);
        assert_eq!(Head::from_bytes(&bytes).unwrap_err(), ModelError("head file is truncated"));
        let mut nan = include_bytes!("head.bin").to_vec();
        nan[7..11].copy_from_slice(&f32::NAN.to_le_bytes());
        assert_eq!(Head::from_bytes(&nan).unwrap_err(), ModelError("head holds a weight that is not a number"));
    }

    #[test]
    fn only_latin_script_sentences_are_covered() {
        assert!(covers("Le gouvernement a encore reculé, évidemment."));
        assert!(covers("Straße, Øresund, Łódź, 2024 !"));
        assert!(covers(""));
        assert!(!covers("Правительство снова отступило."));
        assert!(!covers("政府は再び後退した。"));
        assert!(!covers("عاد الحكومة مرة أخرى"));
    }

    #[test]
    fn known_embeddings_pair_sentences_with_their_vectors() {
        let flat: Vec<f32> = (0..2 * EMBEDDING_DIM).map(|i| (i / EMBEDDING_DIM) as f32).collect();
        let words = vec![vec![("odd".to_owned(), f32::NAN), ("spin".to_owned(), 0.5), ("x".repeat(65), 0.4)]];
        let known = KnownEmbeddings::from_flat(vec!["a".into(), "b".into()], &flat, words).expect("two vectors");
        let got = known.embed(&["b", "c", "a"]);
        assert_eq!(got[0].as_ref().map(|e| e.vector[0]), Some(1.0));
        assert_eq!(got[0].as_ref().map(|e| e.salient.len()), Some(0), "missing salient words are none");
        assert_eq!(got[1], None, "a sentence without a vector has none");
        assert_eq!(got[2].as_ref().map(|e| e.vector[EMBEDDING_DIM - 1]), Some(0.0));
        assert_eq!(got[2].as_ref().map(|e| e.salient.clone()), Some(vec![("spin".to_owned(), 0.5)]), "malformed salient words are dropped");
        assert_eq!(KnownEmbeddings::from_flat(vec!["a".into()], &flat, Vec::new()).unwrap_err(), ModelError("embeddings: not one vector of 512 values per sentence"));
        let mut nan = flat[..EMBEDDING_DIM].to_vec();
        nan[9] = f32::NAN;
        assert_eq!(KnownEmbeddings::from_flat(vec!["a".into()], &nan, Vec::new()).unwrap_err(), ModelError("embeddings: a value is not a number"));
    }

    #[test]
    fn salient_words_are_the_strongest_positive_words_with_letters() {
        let words = [("la", 0.1), ("honteuse", 0.9), (",", 2.0), ("2024", 1.5), ("reculade", 0.4), ("hausse", -0.3), ("encore", 0.2), ("très", 0.15)];
        let got = salient_words(words.iter().map(|(w, s)| (w.to_string(), *s)).collect());
        let got: Vec<&str> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(got, ["honteuse", "reculade", "encore", "très"]);
    }

    #[test]
    fn the_head_adds_the_embedding_and_the_fast_logit() {
        let head = Head { weights: vec![0.5; EMBEDDING_DIM], calibrations: vec![HeadCalibration { lang: *b"fr", bias: -1.0, fast_scale: 2.0 }, HeadCalibration { lang: *b"* ", bias: 0.0, fast_scale: 1.0 }] };
        let mut e = vec![0.0; EMBEDDING_DIM];
        e[3] = 1.0;
        assert_eq!(head.logit(&e, 1.0, "fr"), 0.5 + 2.0 - 1.0);
        assert_eq!(head.logit(&e, 1.0, "de"), 0.5 + 1.0);
        assert_eq!(head.logit(&[1.0], 0.25, "fr"), 0.25, "a wrong-sized embedding leaves the fast logit");
    }
}
