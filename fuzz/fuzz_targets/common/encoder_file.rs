//! The encoder the encoder targets fuzz: the real file, `target/encoder/glose-use.bin` (made by
//! `scripts/fetch-encoder.sh`, or copied from another checkout; `GLOSE_ENCODER` names another
//! path), loaded once. `None` when it is absent.

use glose::opinion::encoder::Encoder;
use std::sync::OnceLock;

pub fn real() -> Option<&'static Encoder> {
    static E: OnceLock<Option<Encoder>> = OnceLock::new();
    E.get_or_init(|| {
        let path = std::env::var("GLOSE_ENCODER")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../target/encoder/glose-use.bin").to_string());
        match std::fs::read(&path) {
            Ok(bytes) => Some(Encoder::from_bytes(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))),
            Err(_) => {
                eprintln!("encoder fuzz target: {path} not found (scripts/fetch-encoder.sh makes it)");
                None
            }
        }
    })
    .as_ref()
}
