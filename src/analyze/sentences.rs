//! The sentences step of [`analyze`](super::analyze): the article's blocks cut into sentences
//! (with their anchors in the page), then each sentence labelled by the opinion model — the
//! encoder head where embeddings are given, the fast model elsewhere.

use crate::extract::article::FoundBlock;
use crate::opinion;
use crate::report::{BlockKind, Label, OpinionModel, Sentence};
use crate::snapshot::Snapshot;
use crate::text;

use super::Options;

/// The blocks' sentences in reading order, each with its char offsets in its block and its
/// anchor in the page; labels are left at their defaults for [`classify`].
pub(super) fn segment(snapshot: &Snapshot, blocks: &[FoundBlock]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (block_index, block) in blocks.iter().enumerate() {
        // Char offsets counted on from the previous sentence (spans come in order), so a long
        // block is not recounted from its start for every sentence.
        let (mut counted_bytes, mut counted_chars) = (0usize, 0u32);
        for span in text::sentences::split(&block.text.text) {
            let sentence_text = &block.text.text[span.clone()];
            if span.start < counted_bytes {
                (counted_bytes, counted_chars) = (0, 0);
            }
            let start = counted_chars + block.text.text[counted_bytes..span.start].chars().count() as u32;
            let end = start + sentence_text.chars().count() as u32;
            (counted_bytes, counted_chars) = (span.end, end);
            sentences.push(Sentence {
                id: sentences.len() as u32,
                block: block_index as u32,
                text: sentence_text.to_owned(),
                start,
                end,
                label: Default::default(),
                score: 0.0,
                cues: Vec::new(),
                source: None,
                anchor: block.text.locate_range(snapshot, start, end),
                selector: None,
            });
        }
    }

    sentences
}

/// Labels every sentence (label, score, source, cues with their anchors) and says which model
/// decided: the encoder when the embedder gave at least one vector, else the fast model.
pub(super) fn classify(snapshot: &Snapshot, sentences: &mut [Sentence], blocks: &[FoundBlock], options: &Options, lang: &str) -> OpinionModel {
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    // Block quotations (blockquote, embedded tweets and posts) hold someone else's words.
    let quoted: Vec<bool> = sentences.iter().map(|s| blocks[s.block as usize].kind == BlockKind::Quote).collect();
    let embeddings = options.embedder.as_ref().map(|e| embed_covered(e.as_ref(), &texts)).unwrap_or_default();
    let opinion_model = if embeddings.iter().any(Option::is_some) { OpinionModel::Encoder } else { OpinionModel::Fast };
    let verdicts = opinion::classify_sentences_embedded(&texts, &quoted, &embeddings, lang);
    for (sentence, found) in sentences.iter_mut().zip(verdicts) {
        sentence.label = found.label;
        sentence.score = found.score;
        sentence.source = found.source;
        let block = &blocks[sentence.block as usize].text;
        sentence.cues = found
            .cues
            .into_iter()
            .map(|mut cue| {
                cue.anchor = block.locate_range(snapshot, sentence.start + cue.start, sentence.start + cue.end);
                cue
            })
            .collect();
    }

    opinion_model
}

/// The embeddings of the sentences the encoder's vocabulary covers (`opinion::refine::covers`);
/// the others get none (the fast model decides them) and cost no encoder time.
fn embed_covered(embedder: &dyn opinion::refine::SentenceEmbedder, texts: &[&str]) -> Vec<Option<opinion::refine::Embedding>> {
    let covered: Vec<usize> = (0..texts.len()).filter(|&i| opinion::refine::covers(texts[i])).collect();
    let wanted: Vec<&str> = covered.iter().map(|&i| texts[i]).collect();
    let mut out = vec![None; texts.len()];
    for (i, embedding) in covered.into_iter().zip(embedder.embed(&wanted)) {
        out[i] = embedding;
    }
    out
}

/// One sentence's opinion label and score on its own (no neighbours, not a quotation): `lang`
/// `None` detects the language (English when unsure); with an `embedder`, the encoder head
/// decides. The CLI's `classify` command.
pub fn classify_sentence(sentence: &str, lang: Option<&str>, embedder: Option<&dyn opinion::refine::SentenceEmbedder>) -> (Label, f32) {
    let lang = lang.or_else(|| text::language::detect(sentence)).unwrap_or("en");
    let embeddings = embedder.map(|e| e.embed(&[sentence])).unwrap_or_default();
    let verdict = opinion::classify_sentences_embedded(&[sentence], &[], &embeddings, lang).remove(0);
    (verdict.label, verdict.score)
}
