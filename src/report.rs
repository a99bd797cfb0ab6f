//! The report: what Glose found on a page, in the JSON shape fixed by `CONTRACT.md`.
//! Fields beyond the contract (anchors, selectors, offsets) are additions; none is renamed.

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
    pub quotes: Vec<u32>,
    /// Whether it talks about the article or the journalist, and how.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stance: Option<Stance>,
    /// The comment's element (snapshot id), to outline it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub node: Option<NodeId>,
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
