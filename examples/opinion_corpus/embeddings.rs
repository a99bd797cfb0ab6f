//! Sentence embeddings for the trainer and the evaluation, cached on disk.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, OnceLock};

/// Where `scripts/fetch-encoder.sh` puts the sentence encoder.
pub const ENCODER_FILE: &str = "target/encoder/glose-use.bin";

/// The encoder file the trainer and the evaluation use: `GLOSE_ENCODER` when set (to compare
/// vocabulary variants side by side), else [`ENCODER_FILE`].
pub fn encoder_file() -> String {
    std::env::var("GLOSE_ENCODER").unwrap_or_else(|_| ENCODER_FILE.to_string())
}

/// The encoder, loaded once, and every embedding known so far by sentence hash.
struct Cached {
    encoder: glose::opinion::encoder::Encoder,
    path: String,
    vectors: HashMap<u64, Vec<f32>>,
    /// Where salient words for the shipped head are kept, and those known.
    salient_path: String,
    salient: HashMap<u64, Vec<(String, f32)>>,
}

/// The process's cache, or `None` without the encoder file.
fn cached() -> Option<&'static Mutex<Cached>> {
    static CACHE: OnceLock<Option<Mutex<Cached>>> = OnceLock::new();
    CACHE
        .get_or_init(|| {
            let file = encoder_file();
            let bytes = std::fs::read(&file).ok()?;
            let encoder = glose::opinion::encoder::Encoder::from_bytes(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
            let path = format!("target/encoder/embeddings-{:016x}.bin", key(&bytes[..]));
            let dim = glose::opinion::refine::EMBEDDING_DIM;
            let mut vectors = HashMap::new();
            if let Ok(raw) = std::fs::read(&path) {
                for record in raw.chunks_exact(8 + 4 * dim) {
                    let k = u64::from_le_bytes(record[..8].try_into().expect("8 bytes"));
                    vectors.insert(k, record[8..].chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect());
                }
            }
            let head = key(&glose::opinion::refine::shipped().to_bytes()[..]);
            let salient_path = format!("target/encoder/salient-{:016x}-{head:016x}.tsv", key(&bytes[..]));
            let mut salient = HashMap::new();
            for line in std::fs::read_to_string(&salient_path).unwrap_or_default().lines() {
                let mut fields = line.split('\t');
                let Some(k) = fields.next().and_then(|k| u64::from_str_radix(k, 16).ok()) else { continue };
                let rest: Vec<&str> = fields.collect();
                let words = rest.chunks_exact(2).filter_map(|p| Some((p[0].to_owned(), p[1].parse().ok()?))).collect();
                salient.insert(k, words);
            }
            Some(Mutex::new(Cached { encoder, path, vectors, salient_path, salient }))
        })
        .as_ref()
}

/// The cache key of a value (the encoder file's bytes, or a sentence).
fn key<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Every sentence's embedding from the sentence encoder, or `None` without the encoder file.
/// Embeddings are cached under `target/encoder/` by the hash of the encoder file and of each
/// sentence, so a re-run embeds only new sentences.
pub fn embed_cached<S: AsRef<str>>(texts: &[S]) -> Option<Vec<Vec<f32>>> {
    let mut cache = cached()?.lock().unwrap_or_else(|e| e.into_inner());
    let keys: Vec<u64> = texts.iter().map(|t| key(t.as_ref())).collect();
    let mut missing: Vec<usize> = (0..texts.len()).filter(|&i| !cache.vectors.contains_key(&keys[i])).collect();
    missing.dedup_by_key(|i| keys[*i]);
    if !missing.is_empty() {
        let started = std::time::Instant::now();
        let mut appended = Vec::new();
        for chunk in missing.chunks(256) {
            let refs: Vec<&str> = chunk.iter().map(|&i| texts[i].as_ref()).collect();
            let vectors = cache.encoder.embed(&refs);
            for (&i, v) in chunk.iter().zip(vectors) {
                appended.extend_from_slice(&keys[i].to_le_bytes());
                appended.extend(v.iter().flat_map(|x| x.to_le_bytes()));
                cache.vectors.insert(keys[i], v.to_vec());
            }
        }
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&cache.path).expect("open the embedding cache");
        f.write_all(&appended).expect("write the embedding cache");
        if missing.len() > 100 {
            eprintln!("embedded {} new sentences in {:.1} s ({} cached)", missing.len(), started.elapsed().as_secs_f64(), texts.len() - missing.len());
        }
    }
    Some(keys.iter().map(|k| cache.vectors[k].clone()).collect())
}

/// Every sentence's embedding with its salient words for the shipped head (what the CLI and the
/// extension compute: `opinion::refine::Embedding`), or `None` without the encoder file. Both are
/// cached on disk; salient words by the encoder's and the head's hash.
pub fn explain_cached<S: AsRef<str>>(texts: &[S]) -> Option<Vec<glose::opinion::refine::Embedding>> {
    let mut cache = cached()?.lock().unwrap_or_else(|e| e.into_inner());
    let keys: Vec<u64> = texts.iter().map(|t| key(t.as_ref())).collect();
    // Missing when either part is: both files are appended to together.
    let mut missing: Vec<usize> = (0..texts.len()).filter(|&i| !cache.salient.contains_key(&keys[i]) || !cache.vectors.contains_key(&keys[i])).collect();
    missing.dedup_by_key(|i| keys[*i]);
    if !missing.is_empty() {
        let started = std::time::Instant::now();
        let mut lines = String::new();
        let mut appended = Vec::new();
        for chunk in missing.chunks(256) {
            let refs: Vec<&str> = chunk.iter().map(|&i| texts[i].as_ref()).collect();
            let embedded = glose::opinion::refine::SentenceEmbedder::embed(&cache.encoder, &refs);
            for (&i, e) in chunk.iter().zip(embedded.into_iter().flatten()) {
                lines.push_str(&format!("{:016x}", keys[i]));
                for (w, share) in &e.salient {
                    lines.push_str(&format!("\t{}\t{share}", w.replace(['\t', '\n'], " ")));
                }
                lines.push('\n');
                if let std::collections::hash_map::Entry::Vacant(slot) = cache.vectors.entry(keys[i]) {
                    appended.extend_from_slice(&keys[i].to_le_bytes());
                    appended.extend(e.vector.iter().flat_map(|x| x.to_le_bytes()));
                    slot.insert(e.vector);
                }
                cache.salient.insert(keys[i], e.salient);
            }
        }
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&cache.salient_path).expect("open the salient-word cache");
        f.write_all(lines.as_bytes()).expect("write the salient-word cache");
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&cache.path).expect("open the embedding cache");
        f.write_all(&appended).expect("write the embedding cache");
        if missing.len() > 100 {
            eprintln!("explained {} new sentences in {:.1} s", missing.len(), started.elapsed().as_secs_f64());
        }
    }
    Some(keys.iter().map(|k| glose::opinion::refine::Embedding { vector: cache.vectors[k].clone(), salient: cache.salient[k].clone() }).collect())
}
