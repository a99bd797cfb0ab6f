//! The sentence encoder's tokenizer and input limits on arbitrary bytes: `Encoder::tokenize`
//! (the `nmt_nfkc` normaliser, whitespace handling, the unigram Viterbi over the pruned
//! vocabulary, `MAX_INPUT_BYTES`, `MAX_TOKENS`). The forward pass has its own, slower target,
//! `encoder_embed`.
//!
//! The encoder is the real file (see `common/encoder_file.rs`). Without it the target falls back
//! to a small tokenizer built here (a toy vocabulary, no charsmap), so the Viterbi and the
//! whitespace handling are still fuzzed.
//!
//! Input: a `mode` byte, then the text bytes (invalid UTF-8 replaced, as at the wasm boundary).
//! `mode & 0xe0 == 0xe0`: the text is repeated past `MAX_INPUT_BYTES` (the input-limit path).
//!
//! Checks: tokens are `<s>` … `</s>`, at least one piece and at most `MAX_TOKENS` in all, every
//! id a kept piece; bytes past `MAX_INPUT_BYTES` change nothing; the same text gives the same
//! tokens twice.
#![no_main]

use glose::opinion::encoder::{tokenizer, MAX_INPUT_BYTES, MAX_TOKENS};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "common/encoder_file.rs"]
mod encoder_file;

fn toy() -> &'static tokenizer::Tokenizer {
    static T: OnceLock<tokenizer::Tokenizer> = OnceLock::new();
    T.get_or_init(|| {
        let pieces = [
            ("<unk>", 0.0),
            ("<s>", 0.0),
            ("</s>", 0.0),
            ("▁", -3.0),
            ("a", -4.0),
            ("b", -4.0),
            ("▁ab", -2.0),
            ("▁a", -3.0),
            ("é", -5.0),
            ("▁le", -2.5),
            ("ll", -3.5),
            ("😀", -6.0),
        ];
        tokenizer::Tokenizer::new(pieces, -30.0, &[]).expect("an empty charsmap is the identity")
    })
}

/// The input's text: the bytes after the mode byte, repeated past `MAX_INPUT_BYTES` if asked.
pub fn text_of(mode: u8, rest: &[u8]) -> String {
    let one = String::from_utf8_lossy(rest);
    let mut text = one.clone().into_owned();
    if mode & 0xe0 == 0xe0 && !text.is_empty() {
        text = one.repeat(MAX_INPUT_BYTES / one.len() + 1);
    }
    text
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = text_of(mode, rest);
    let Some(e) = encoder_file::real() else {
        let pieces = toy().pieces(&text);
        assert!(!pieces.is_empty());
        assert!(pieces.iter().all(|&p| p < 12), "{pieces:?}");
        return;
    };
    let tokens = e.tokenize(&text);
    assert!(tokens.len() >= 3 && tokens.len() <= MAX_TOKENS, "{} tokens", tokens.len());
    assert_eq!(tokens[0], tokenizer::BOS);
    assert_eq!(*tokens.last().unwrap(), tokenizer::EOS);
    assert!(tokens.iter().all(|&id| e.has_piece(id)), "{tokens:?}");
    if text.len() >= MAX_INPUT_BYTES {
        let longer = format!("{text} and more words past the limit");
        assert_eq!(e.tokenize(&longer), tokens, "bytes past MAX_INPUT_BYTES are not read");
    } else if mode & 0x1f == 0 {
        assert_eq!(e.tokenize(&text), tokens, "tokenize is deterministic");
    }
});
