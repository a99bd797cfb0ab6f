//! The sentence encoder's forward pass on arbitrary bytes: `Encoder::embed` and `explain` on up
//! to 4 sentences (the text split at `\n`), through the same input limits as `encoder`. Slow (a
//! forward pass is ~100 tokenizations), hence apart from the tokenizer's target. Needs the real
//! encoder file (see `common/encoder_file.rs`); without it every input is skipped.
//!
//! Input: a `mode` byte (`mode & 0xe0 == 0xe0`: the text is repeated past `MAX_INPUT_BYTES`),
//! then the text bytes.
//!
//! Checks: one vector per sentence, finite, of unit length; a sentence's vector is the same alone
//! as in the batch (the doc of `Encoder::embed`); `explain` gives `embed`'s vector and finite
//! shares.
#![no_main]

use glose::opinion::encoder::{DIM, MAX_INPUT_BYTES};
use libfuzzer_sys::fuzz_target;

#[path = "common/encoder_file.rs"]
mod encoder_file;

fn close(a: &[f32; DIM], b: &[f32; DIM]) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 1e-4)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let Some(e) = encoder_file::real() else { return };
    let one = String::from_utf8_lossy(rest);
    let text = if mode & 0xe0 == 0xe0 && !one.is_empty() { one.repeat(MAX_INPUT_BYTES / one.len() + 1) } else { one.into_owned() };
    let sentences: Vec<&str> = text.split('\n').take(4).collect();
    let vectors = e.embed(&sentences);
    assert_eq!(vectors.len(), sentences.len());
    for v in &vectors {
        assert!(v.iter().all(|x| x.is_finite()));
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "norm {norm}");
    }
    let last = sentences.len() - 1;
    let alone = e.embed(&sentences[last..]);
    assert!(close(&alone[0], &vectors[last]), "a vector depends on the other sentences of the call");
    let direction: Vec<f32> = (0..DIM).map(|i| if i % 3 == 0 { 0.1 } else { -0.05 }).collect();
    let explained = e.explain(&sentences[last..], &direction);
    assert!(close(&explained[0].vector, &alone[0]), "explain's vector is embed's");
    assert!(explained[0].words.iter().all(|(_, s)| s.is_finite()));
});
