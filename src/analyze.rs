//! The pipeline from a page snapshot to a [`Report`]: each step is one module's job.

mod sentences;

pub use sentences::classify_sentence;
#[cfg(test)]
mod tests;

use crate::report::{Article, Block, Comment, Report, Summary, REPORT_VERSION};
use crate::snapshot::{limits, Snapshot};
use crate::{extract, metadata, opinion, summary, text};

/// What the caller knows about the page besides its content.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's URL, copied into the report.
    pub url: Option<String>,
    /// The time of reading, ISO 8601 (the edges read the clock: the CLI and the wasm API pass
    /// it, tests fix it). Relative comment dates ("2 hours ago") count back from this: a live
    /// page words them at the time it is read. Without it they count back from the page's
    /// published date (a lower bound); with neither they stay undated.
    pub now: Option<String>,
    /// The sentence encoder (or embeddings computed elsewhere): when given, the encoder head
    /// decides each article sentence's opinion score (`opinion::refine`); without it the fast
    /// model does.
    pub embedder: Option<std::sync::Arc<dyn opinion::refine::SentenceEmbedder>>,
    /// Comments read in the page's frames (comment widgets such as Disqus or Coral live in an
    /// iframe of another origin): summarised with the page's own, after them.
    pub frame_comments: Vec<FrameComments>,
}

/// The comments one frame of the page holds, as that frame's own report listed them (the
/// extension reads a widget's frame with the same core and hands its comments to the top frame).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct FrameComments {
    /// The frame's URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Its report's comments; `id` and `reply_to` count within this frame.
    #[serde(default)]
    pub comments: Vec<Comment>,
}

/// At most this many comments are taken from all the frames together (a hostile or huge widget
/// must not outweigh the page's reading limits).
pub const MAX_FRAME_COMMENTS: usize = 5_000;

/// Appends the frames' comments after the page's: ids continue the page's, `reply_to` is
/// renumbered within its frame (a reply to a comment left out stays unthreaded), `node` is none
/// (the comment is not in this document) and `frame` says where it was read.
fn append_frame_comments(comments: &mut Vec<Comment>, frames: &[FrameComments]) -> u32 {
    let mut added = 0;
    for frame in frames {
        let base = comments.len() as u32;
        let room = MAX_FRAME_COMMENTS.saturating_sub(added as usize);
        let taken: Vec<&Comment> = frame.comments.iter().filter(|c| !c.text.trim().is_empty()).take(room).collect();
        let new_id: rustc_hash::FxHashMap<u32, u32> = taken.iter().enumerate().map(|(i, c)| (c.id, base + i as u32)).collect();
        for (i, c) in taken.iter().enumerate() {
            comments.push(Comment {
                id: base + i as u32,
                author: c.author.clone(),
                published: c.published.clone(),
                text: c.text.clone(),
                reply_to: c.reply_to.and_then(|r| new_id.get(&r).copied()).filter(|&r| r < base + i as u32),
                quotes: Vec::new(),
                stance: None,
                node: None,
                frame: Some(frame.url.clone().unwrap_or_default()),
            });
        }
        added += taken.len() as u32;
    }
    added
}

/// [`analyze`] with embeddings computed elsewhere (the extension's background encoder): `flat`
/// holds `sentences.len() × 512` values, one vector per sentence text in order (the texts of the
/// fast report's sentences). The encoder head then decides the sentences that have a vector and
/// the report says `opinion_model: "encoder"`. `salient[i]` are the encoder's salient words of
/// sentence `i` (`opinion::refine::Embedding::salient`; may be empty). Errors (and analyses
/// nothing) when `flat` does not fit `sentences`.
pub fn analyze_embedded(snapshot: &Snapshot, options: &Options, sentences: Vec<String>, flat: &[f32], salient: Vec<Vec<(String, f32)>>) -> Result<Report, opinion::model::ModelError> {
    let known = opinion::refine::KnownEmbeddings::from_flat(sentences, flat, salient)?;
    Ok(analyze(snapshot, &Options { embedder: Some(std::sync::Arc::new(known)), ..options.clone() }))
}

/// Runs every analysis on a page snapshot. Never panics on any snapshot.
pub fn analyze(snapshot: &Snapshot, options: &Options) -> Report {
    analyze_with(snapshot, options, true)
}

/// [`analyze`] without the sentences' TextQuote/TextPosition selectors, which the page's slim
/// report does not carry: [`add_selectors`] adds them when the full report is asked for.
// Only the page's wasm build (not the CLI, not the export module) calls it.
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "export-module"), allow(dead_code))]
pub(crate) fn analyze_without_selectors(snapshot: &Snapshot, options: &Options) -> Report {
    analyze_with(snapshot, options, false)
}

/// Gives the sentences of a report [`analyze_without_selectors`] made of `snapshot` their
/// selectors, as [`analyze`] would have.
// Only the page's wasm build (not the CLI, not the export module) calls it.
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "export-module"), allow(dead_code))]
pub(crate) fn add_selectors(snapshot: &Snapshot, report: &mut Report) {
    let (capped, _) = limits::cap(snapshot);
    crate::anchor::add_selectors(capped.as_ref().unwrap_or(snapshot), &mut report.sentences);
}

fn analyze_with(snapshot: &Snapshot, options: &Options, selectors: bool) -> Report {
    // A page too large to read whole is analysed on its first part (same node ids). A live walk
    // already stopped there: then nothing is copied.
    let (capped, truncated) = limits::cap(snapshot);
    let snapshot = capped.as_ref().unwrap_or(snapshot);
    crate::phases::mark("cap");
    let mut metadata = metadata::extract(snapshot);
    crate::phases::mark("metadata");
    // Comments first: their section is cut out of the article's candidates.
    let mut found_comments = extract::comments::extract(snapshot);
    found_comments.resolve_relative_dates(options.now.as_deref().or(metadata.published.as_deref()));
    crate::phases::mark("comments");
    let found_article = extract::article::extract(snapshot, &metadata, &found_comments.excluded);

    if metadata.lang.is_none() {
        let sample: String = found_article.blocks.iter().take(20).map(|b| b.text.text.as_str()).collect::<Vec<_>>().join(" ");
        metadata.lang = text::language::detect(&sample).map(str::to_owned);
    }
    let lang = metadata.lang.clone().unwrap_or_else(|| "en".to_owned());

    crate::phases::mark("article");
    let mut sentences = sentences::segment(snapshot, &found_article.blocks);
    crate::phases::mark("segment");
    let opinion_model = sentences::classify(snapshot, &mut sentences, &found_article.blocks, options, &lang);

    crate::phases::mark("opinion");
    let mut comments: Vec<Comment> = found_comments
        .comments
        .into_iter()
        .enumerate()
        .map(|(i, c)| Comment {
            id: i as u32,
            author: c.author,
            published: c.published,
            text: c.text,
            reply_to: c.reply_to.map(|r| r as u32),
            quotes: Vec::new(),
            stance: None,
            node: Some(c.node),
            frame: None,
        })
        .collect();
    let frame_comments = append_frame_comments(&mut comments, &options.frame_comments);
    let mut summary: Summary = summary::summarize(&mut comments, &sentences, &lang);
    crate::phases::mark("summary");
    summary.comment_count = comments.len() as u32;
    summary.section = found_comments.section;
    summary.frame_comments = frame_comments;

    let blocks: Vec<Block> = found_article
        .blocks
        .iter()
        .map(|b| Block { kind: b.kind, text: b.text.text.clone(), node: Some(b.node) })
        .collect();
    let article = Article {
        found: !blocks.is_empty(),
        text: blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n\n"),
        blocks,
    };
    if selectors {
        crate::anchor::add_selectors(snapshot, &mut sentences);
    }
    crate::phases::mark("selectors");

    Report {
        version: REPORT_VERSION,
        url: options.url.clone(),
        metadata,
        article,
        sentences,
        comments,
        summary,
        truncated,
        opinion_model,
    }
}
