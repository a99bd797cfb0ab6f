//! The report: what Glose found on a page, in the JSON shape fixed by `CONTRACT.md`.
//! Fields beyond the contract (anchors, selectors, offsets) are additions; none is renamed.

use crate::snapshot::limits::Truncation;
use crate::snapshot::text::DomRange;
use crate::snapshot::NodeId;
use serde::{Deserialize, Serialize};

/// Version of the report format; bump on any breaking change.
pub const REPORT_VERSION: u32 = 1;

/// Everything Glose says about one page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Report format version ([`REPORT_VERSION`]).
    pub version: u32,
    /// The page's URL when known.
    pub url: Option<String>,
    /// Title, byline, date, site, language.
    pub metadata: Metadata,
    /// The main article.
    pub article: Article,
    /// The article's sentences, in reading order.
    pub sentences: Vec<Sentence>,
    /// Reader comments, in page order.
    pub comments: Vec<Comment>,
    /// What the comments say, in a few lines.
    pub summary: Summary,
    /// Set when the page was too large to read whole: which limit cut it and how much of it was
    /// analysed (`src/snapshot/limits.rs`). Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
    /// Which model decided the sentences' labels and scores: the fast model (hashed n-grams and
    /// cues, the first highlights) or the sentence encoder's head (the refined ones). An addition
    /// to the contract; reports without it read as `fast`.
    #[serde(default)]
    pub opinion_model: OpinionModel,
}

/// The model that decided a report's opinion labels (`Report::opinion_model`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpinionModel {
    /// The fast model alone (no sentence embeddings were given).
    #[default]
    Fast,
    /// The encoder head, over the sentence encoder's embeddings (at least one sentence had one).
    Encoder,
}

/// Page metadata; `None` where the page does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The article's title, without the " - Site" suffix.
    pub title: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// When it was published, ISO 8601.
    pub published: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// Primary language subtag, lower case (`fr`, `en`).
    pub lang: Option<String>,
}

/// The main article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Whether an article was found at all.
    pub found: bool,
    /// The blocks' texts joined by blank lines.
    pub text: String,
    /// Content blocks in reading order.
    pub blocks: Vec<Block>,
}

/// What kind of content a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// h1–h6.
    Heading,
    /// Running text.
    Paragraph,
    /// One item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A figure or table caption.
    Caption,
    /// Preformatted text or code.
    Preformatted,
}

/// One content block of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What kind of block.
    pub kind: BlockKind,
    /// Its visible text, whitespace collapsed.
    pub text: String,
    /// The element the block was read from (snapshot id), to scroll to it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub node: Option<NodeId>,
}

/// Label of a sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// The writer's own evaluation, framing, speculation or motive-attributing aside.
    Editorial,
    /// An opinion or claim reported from a named source.
    Attributed,
    /// Neither.
    #[default]
    Factual,
}

impl Label {
    /// The contract's name for the label.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Editorial => "editorial",
            Label::Attributed => "attributed",
            Label::Factual => "factual",
        }
    }
}

/// One article sentence with its classification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index in [`Report::sentences`].
    pub id: u32,
    /// Index of its block in [`Article::blocks`].
    pub block: u32,
    /// The sentence text.
    pub text: String,
    /// Char offset of the sentence in its block's text.
    pub start: u32,
    /// Char offset one past its end in the block's text.
    pub end: u32,
    /// editorial, attributed or factual.
    pub label: Label,
    /// How strongly the sentence carries the writer's own opinion, in [0, 1].
    pub score: f32,
    /// Why: the words that made the decision.
    pub cues: Vec<Cue>,
    /// Who is quoted, for attributed sentences.
    pub source: Option<String>,
    /// Where the sentence is in the live page.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub anchor: Option<DomRange>,
    /// W3C selectors for the sentence (quote + position in the page text).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub selector: Option<Selectors>,
}

impl Sentence {
    /// The source, for an attributed sentence only (`CONTRACT.md`: editorial and factual
    /// sentences have none, whatever a stored report says).
    pub fn attributed_source(&self) -> Option<&str> {
        if self.label == Label::Attributed {
            self.source.as_deref()
        } else {
            None
        }
    }
}

/// A word or phrase that counts toward a sentence's label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// What kind of cue (see CONTRACT.md): evaluative, loaded, intensifier, hedge, speculation,
    /// sarcasm, motive_aside, first_person, exclamation, rhetorical_question, reporting, quote…
    pub kind: String,
    /// The cue's words as they stand in the sentence.
    pub text: String,
    /// Char offset in the sentence text.
    pub start: u32,
    /// Char offset one past the end.
    pub end: u32,
    /// The cue's contribution to the editorial score (log-odds), when the model gives one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub weight: Option<f32>,
    /// Where the cue is in the live page.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub anchor: Option<DomRange>,
}

/// W3C Web Annotation selectors for a passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selectors {
    /// The passage with some context either side.
    pub quote: TextQuoteSelector,
    /// The passage's offsets in the page text.
    pub position: TextPositionSelector,
}

/// W3C TextQuoteSelector.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    /// The passage itself.
    pub exact: String,
    /// Up to 32 UTF-16 code units of page text before it.
    pub prefix: String,
    /// Up to 32 UTF-16 code units of page text after it.
    pub suffix: String,
}

/// W3C TextPositionSelector, over the page text (see `anchor::page_text`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPositionSelector {
    /// Offset of the first char.
    pub start: u32,
    /// Offset one past the last char.
    pub end: u32,
}

/// One reader comment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    /// Index in [`Report::comments`].
    pub id: u32,
    /// The commenter's name.
    pub author: Option<String>,
    /// When it was posted, ISO 8601.
    pub published: Option<String>,
    /// The comment's own text (no buttons, no quoted parent header).
    pub text: String,
    /// The comment it answers.
    pub reply_to: Option<u32>,
    /// Article sentences it quotes or closely paraphrases.
    #[serde(default)]
    pub quotes: Vec<u32>,
    /// Whether it talks about the article or the journalist, and how.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stance: Option<Stance>,
    /// The comment's element (snapshot id), to outline it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub node: Option<NodeId>,
    /// The URL of the frame it was read in (a comment widget embedded in the page, see
    /// `analyze::FrameComments`); absent for the page's own comments.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub frame: Option<String>,
}

/// A comment's stance toward the article itself (a meta-comment).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Praises or agrees with the article.
    Agrees,
    /// Criticises or disputes the article or its writer.
    Disputes,
    /// Talks about the article without taking sides.
    Neutral,
}

/// The comment summary.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of comments.
    pub comment_count: u32,
    /// Groups of comments about the same thing.
    pub themes: Vec<Theme>,
    /// Article sentences that readers quote, most quoted first.
    pub quoted_passages: Vec<QuotedPassage>,
    /// A few lines for people, in the page's language.
    pub text: String,
    /// How many comments dispute the article or its writer.
    #[serde(default)]
    pub disputing: u32,
    /// How many comments agree with the article.
    #[serde(default)]
    pub agreeing: u32,
    /// The passage disputing readers quote most, so that a reader-facing shell can word the
    /// summary in its own UI language (`text` is in the page's language).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub disputed_passage: Option<DisputedPassage>,
    /// The element holding the comment section (snapshot id), where the panel goes.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub section: Option<NodeId>,
    /// How many of the comments were read in embedded frames (comment widgets), not the page.
    #[serde(skip_serializing_if = "is_zero", default)]
    pub frame_comments: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A group of comments about one thing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// A short label from its key phrases.
    pub label: String,
    /// Its key words.
    pub keywords: Vec<String>,
    /// Its comments' ids.
    pub comments: Vec<u32>,
    /// The comment that best represents it.
    pub representative: u32,
    /// Whether most of its comments are about the article itself (then `label` starts with "the
    /// article: " in the page's language).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub about_article: bool,
    /// The label without that prefix: the readers' own words, for a shell that says "about the
    /// article" in its UI language. Empty when the readers' words name nothing.
    #[serde(default)]
    pub topic: String,
}

/// The passage that readers disputing the article quote most.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputedPassage {
    /// The sentence's id.
    pub sentence: u32,
    /// The words they quote (the part every quoter shares), trimmed of brackets and cut if long.
    pub excerpt: String,
    /// How many disputing readers quote it.
    pub readers: u32,
}

/// An article sentence and the comments quoting it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotedPassage {
    /// The sentence's id.
    pub sentence: u32,
    /// The comments quoting it.
    pub comments: Vec<u32>,
}

/// UTF-16 units of a quoting comment's text kept in the [`SlimReport`] (the tooltip shows 140 and
/// an ellipsis).
pub const TOOLTIP_COMMENT_UNITS: usize = 141;

/// What a page needs to draw a report (highlights, tooltips, the summary panel, outlines and
/// scrolling), borrowed from the full [`Report`]: the same `version`, `url`, `metadata` and
/// `summary`; the sentences without their W3C `selector`s (notes and exports read those from the
/// full report) and with a `text` only when comments quote them (the summary panel shows quoted
/// passages; highlights need only anchors); `article` is `{found}`; each comment keeps `id` and `node`, and a comment that
/// quotes a sentence (its own `quotes`, or listed by a quoted passage) also its `author`, `quotes`
/// and the first [`TOOLTIP_COMMENT_UNITS`] UTF-16 units of its `text`. Serialises with
/// `"slim": true`. On a page with 10,000 comments the full report is megabytes of JSON; the slim
/// one is what the page decodes, the side panel and the exports fetch the rest.
#[derive(Debug, Serialize)]
pub struct SlimReport<'a> {
    /// Always true: tells a slim report from a full one.
    pub slim: bool,
    /// Report format version ([`REPORT_VERSION`]).
    pub version: u32,
    /// The page's URL when known.
    pub url: &'a Option<String>,
    /// Title, byline, date, site, language.
    pub metadata: &'a Metadata,
    /// Whether an article was found.
    pub article: SlimArticle,
    /// The article's sentences, in reading order, without selectors.
    pub sentences: Vec<SlimSentence<'a>>,
    /// Every comment, with only what drawing reads.
    pub comments: Vec<SlimComment<'a>>,
    /// The comment summary, whole.
    pub summary: &'a Summary,
    /// Set when the page was too large to read whole (the panel and the notice say so).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<&'a Truncation>,
    /// Which model decided the sentences (as in the full report).
    pub opinion_model: OpinionModel,
}

/// The article in a [`SlimReport`]: only whether there is one.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct SlimArticle {
    /// Whether an article was found at all.
    pub found: bool,
}

/// A [`Sentence`] without its selectors.
#[derive(Debug, Serialize)]
pub struct SlimSentence<'a> {
    /// Index in [`Report::sentences`].
    pub id: u32,
    /// Index of its block in [`Article::blocks`].
    pub block: u32,
    /// The sentence text, for a sentence that comments quote (the summary panel shows it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// Char offset of the sentence in its block's text.
    pub start: u32,
    /// Char offset one past its end.
    pub end: u32,
    /// editorial, attributed or factual.
    pub label: Label,
    /// The editorial score, in [0, 1].
    pub score: f32,
    /// The words that made the decision, with their anchors.
    pub cues: &'a [Cue],
    /// Who is quoted, for attributed sentences.
    pub source: &'a Option<String>,
    /// Where the sentence is in the live page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<DomRange>,
}

/// A comment in a [`SlimReport`]: `id` and `node`, plus `author`, `quotes` and the start of the
/// `text` for a comment that quotes the article (the tooltip shows them).
#[derive(Debug)]
pub struct SlimComment<'a> {
    /// Index in [`Report::comments`].
    pub id: u32,
    /// The comment's element (snapshot id).
    pub node: Option<NodeId>,
    /// What the tooltip shows, for quoting comments only.
    pub quoting: Option<QuotingComment<'a>>,
}

// By hand: `#[serde(flatten)]` would buffer every comment through serde's map machinery (time
// and wasm size) for two optional groups of fields.
impl Serialize for SlimComment<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let fields = 1 + usize::from(self.node.is_some()) + if self.quoting.is_some() { 3 } else { 0 };
        let mut out = serializer.serialize_struct("SlimComment", fields)?;
        out.serialize_field("id", &self.id)?;
        if let Some(node) = self.node {
            out.serialize_field("node", &node)?;
        }
        if let Some(q) = &self.quoting {
            out.serialize_field("author", q.author)?;
            out.serialize_field("quotes", q.quotes)?;
            out.serialize_field("text", q.text)?;
        }
        out.end()
    }
}

/// The part of a quoting comment the tooltip shows.
#[derive(Debug)]
pub struct QuotingComment<'a> {
    /// The commenter's name (`null` when unknown).
    pub author: &'a Option<String>,
    /// The sentences it quotes.
    pub quotes: &'a [u32],
    /// The first [`TOOLTIP_COMMENT_UNITS`] UTF-16 units of its text (never half a char).
    pub text: &'a str,
}

impl Report {
    /// The slim report of this report (see [`SlimReport`]).
    pub fn slim(&self) -> SlimReport<'_> {
        let mut quoting: Vec<bool> = self.comments.iter().map(|c| !c.quotes.is_empty()).collect();
        let mut quoted = vec![false; self.sentences.len()];
        for &s in self.comments.iter().flat_map(|c| &c.quotes).chain(self.summary.quoted_passages.iter().map(|p| &p.sentence)) {
            if let Some(q) = quoted.get_mut(s as usize) {
                *q = true;
            }
        }
        for passage in &self.summary.quoted_passages {
            for &c in &passage.comments {
                if let Some(q) = quoting.get_mut(c as usize) {
                    *q = true;
                }
            }
        }
        SlimReport {
            truncated: self.truncated.as_ref(),
            opinion_model: self.opinion_model,
            slim: true,
            version: self.version,
            url: &self.url,
            metadata: &self.metadata,
            article: SlimArticle { found: self.article.found },
            sentences: self
                .sentences
                .iter()
                .zip(quoted)
                .map(|(s, quoted)| SlimSentence {
                    id: s.id,
                    block: s.block,
                    text: quoted.then_some(s.text.as_str()),
                    start: s.start,
                    end: s.end,
                    label: s.label,
                    score: s.score,
                    cues: &s.cues,
                    source: &s.source,
                    anchor: s.anchor,
                })
                .collect(),
            comments: self
                .comments
                .iter()
                .zip(quoting)
                .map(|(c, quotes)| SlimComment {
                    id: c.id,
                    node: c.node,
                    quoting: quotes.then(|| QuotingComment { author: &c.author, quotes: &c.quotes, text: utf16_prefix(&c.text, TOOLTIP_COMMENT_UNITS) }),
                })
                .collect(),
            summary: &self.summary,
        }
    }
}

/// The longest prefix of `text` that is at most `units` UTF-16 code units (never half a char).
fn utf16_prefix(text: &str, units: usize) -> &str {
    if text.len() <= units {
        // Every char is at least as many UTF-8 bytes as UTF-16 units.
        return text;
    }
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.len_utf16();
        if used > units {
            return &text[..at];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: u32, author: Option<&str>, text: &str, quotes: Vec<u32>) -> Comment {
        Comment { id, author: author.map(str::to_owned), text: text.to_owned(), quotes, node: Some(10 * (id + 1)), ..Comment::default() }
    }

    fn full() -> Report {
        let mut report = Report {
            version: REPORT_VERSION,
            url: Some("https://a.example/".to_owned()),
            metadata: Metadata { title: Some("T".to_owned()), ..Metadata::default() },
            article: Article { found: true, text: "long article text".to_owned(), blocks: vec![Block { kind: BlockKind::Paragraph, text: "long article text".to_owned(), node: Some(2) }] },
            sentences: vec![Sentence {
                id: 0,
                block: 0,
                text: "S.".to_owned(),
                start: 0,
                end: 2,
                label: Label::Editorial,
                score: 0.5,
                cues: vec![],
                source: None,
                anchor: None,
                selector: Some(Selectors { quote: TextQuoteSelector { exact: "S.".to_owned(), ..Default::default() }, position: TextPositionSelector { start: 0, end: 2 } }),
            }],
            comments: vec![
                comment(0, Some("A"), "plain comment", vec![]),
                // 139 letters and a fox are 141 UTF-16 units: the second fox (142–143) is cut whole.
                comment(1, Some("B"), &format!("{}🦊🦊 and more", "q".repeat(139)), vec![0]),
                comment(2, None, "quoted by the summary only", vec![]),
            ],
            summary: Summary { comment_count: 3, text: "sum".to_owned(), quoted_passages: vec![QuotedPassage { sentence: 0, comments: vec![1, 2] }], ..Summary::default() },
            truncated: None,
            opinion_model: OpinionModel::Fast,
        };
        let unquoted = Sentence { id: 1, text: "Nobody quotes this.".to_owned(), ..report.sentences[0].clone() };
        report.sentences.push(unquoted);
        report
    }

    #[test]
    fn the_slim_report_keeps_what_drawing_needs_and_drops_what_only_exports_read() {
        let report = full();
        let slim: serde_json::Value = serde_json::to_value(report.slim()).unwrap();
        let whole: serde_json::Value = serde_json::to_value(&report).unwrap();
        assert_eq!(slim["slim"], true);
        for same in ["version", "url", "metadata", "summary"] {
            assert_eq!(slim[same], whole[same], "{same}");
        }
        assert_eq!(slim["article"], serde_json::json!({"found": true}));
        // Sentences: everything but the selectors; the text of quoted sentences only.
        let mut sentence = whole["sentences"][0].clone();
        sentence.as_object_mut().unwrap().remove("selector");
        assert_eq!(slim["sentences"][0], sentence);
        let mut unquoted = whole["sentences"][1].clone();
        unquoted.as_object_mut().unwrap().remove("selector");
        unquoted.as_object_mut().unwrap().remove("text");
        assert_eq!(slim["sentences"][1], unquoted);
        assert_eq!(slim["comments"][0], serde_json::json!({"id": 0, "node": 10}));
        let kept = format!("{}🦊", "q".repeat(139));
        assert_eq!(slim["comments"][1], serde_json::json!({"id": 1, "node": 20, "author": "B", "quotes": [0], "text": kept}));
        assert_eq!(slim["comments"][2], serde_json::json!({"id": 2, "node": 30, "author": null, "quotes": [], "text": "quoted by the summary only"}));
        assert!(serde_json::to_string(&report.slim()).unwrap().len() < serde_json::to_string(&report).unwrap().len());
    }

    #[test]
    fn utf16_prefixes_never_split_a_char() {
        assert_eq!(utf16_prefix("abc", 5), "abc");
        assert_eq!(utf16_prefix("ab🦊c", 3), "ab");
        assert_eq!(utf16_prefix("ab🦊c", 4), "ab🦊");
        assert_eq!(utf16_prefix("éé", 1), "é");
    }
}
