//! A nesting cap between html5ever's tokenizer and its tree builder.
//!
//! html5ever walks its stack of open elements for most start tags ("is there a `<p>` in button
//! scope?"), so a page nesting 100,000 `<div>`s costs 100,000² steps (~45 s). Browsers cap the
//! tree instead: Chromium's parser stops nesting at depth 512 and reparents deeper elements.
//! [`DepthCap`] does the same from the token side: once the tree builder holds
//! [`MAX_OPEN_ELEMENTS`] handles, further start tags (and their matching end tags) are dropped,
//! so deeper content lands, in order, in the element at the cap. Pages below the cap — every
//! real page — are parsed exactly as by `scraper::Html::parse_document`.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, LocalName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// How many handles (open elements, active formatting elements, head, form) the tree builder may
/// hold before start tags stop nesting; Chromium caps parser-built trees at depth 512.
pub const MAX_OPEN_ELEMENTS: usize = 512;

/// Elements that never stay open around other markup (void elements, raw-text elements whose
/// start tag switches the tokenizer, the document's own elements): always passed on, so scripts
/// and styles keep their meaning below the cap.
fn never_nested(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area") | local_name!("base") | local_name!("basefont") | local_name!("bgsound")
            | local_name!("br") | local_name!("col") | local_name!("embed") | local_name!("frame")
            | local_name!("hr") | local_name!("image") | local_name!("img") | local_name!("input")
            | local_name!("keygen") | local_name!("link") | local_name!("meta") | local_name!("param")
            | local_name!("source") | local_name!("track") | local_name!("wbr") | local_name!("script")
            | local_name!("style") | local_name!("xmp") | local_name!("iframe") | local_name!("noembed")
            | local_name!("noframes") | local_name!("noscript") | local_name!("textarea")
            | local_name!("title") | local_name!("plaintext") | local_name!("html") | local_name!("head")
            | local_name!("body")
    )
}

/// Block elements: a dropped one still separates the text on either side (with a line break).
fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address") | local_name!("article") | local_name!("aside") | local_name!("blockquote")
            | local_name!("caption") | local_name!("dd") | local_name!("details") | local_name!("dialog")
            | local_name!("div") | local_name!("dl") | local_name!("dt") | local_name!("fieldset")
            | local_name!("figcaption") | local_name!("figure") | local_name!("footer") | local_name!("form")
            | local_name!("h1") | local_name!("h2") | local_name!("h3") | local_name!("h4") | local_name!("h5")
            | local_name!("h6") | local_name!("header") | local_name!("hgroup") | local_name!("li")
            | local_name!("main") | local_name!("nav") | local_name!("ol") | local_name!("p") | local_name!("pre")
            | local_name!("section") | local_name!("summary") | local_name!("table") | local_name!("tbody")
            | local_name!("td") | local_name!("tfoot") | local_name!("th") | local_name!("thead")
            | local_name!("tr") | local_name!("ul")
    )
}

/// Parses a whole document like `scraper::Html::parse_document`, with the nesting cap.
pub fn parse_document(html: &str) -> Html {
    let builder = TreeBuilder::new(HtmlTreeSink::new(Html::new_document()), TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(DepthCap::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

/// A token sink that forwards to a tree builder, dropping start tags beyond the cap.
struct DepthCap<Sink: TreeSink> {
    builder: TreeBuilder<Sink::Handle, Sink>,
    /// Handles the tree builder held when last counted.
    counted: Cell<usize>,
    /// Start tags passed on since that count (each opens at most one element, bar the rare
    /// reconstruction of formatting elements).
    opened_since: Cell<usize>,
    /// Whether an end tag was passed on since that count (the stack may have shrunk).
    closed_since: Cell<bool>,
    /// Start tags dropped and not yet matched by an end tag, by name.
    dropped: RefCell<HashMap<LocalName, usize>>,
}

impl<Sink: TreeSink> DepthCap<Sink> {
    fn new(builder: TreeBuilder<Sink::Handle, Sink>) -> Self {
        DepthCap {
            builder,
            counted: Cell::new(0),
            opened_since: Cell::new(0),
            closed_since: Cell::new(false),
            dropped: RefCell::new(HashMap::new()),
        }
    }

    /// Whether the tree builder is at the cap. Counts its handles (O(cap)) only when the last
    /// count plus the start tags since could reach the cap and something changed since.
    fn at_cap(&self) -> bool {
        let changed = self.opened_since.get() > 0 || self.closed_since.get();
        if changed && self.counted.get() + self.opened_since.get() >= MAX_OPEN_ELEMENTS {
            let counter = HandleCounter { count: Cell::new(0), _handle: std::marker::PhantomData };
            self.builder.trace_handles(&counter);
            self.counted.set(counter.count.get());
            self.opened_since.set(0);
            self.closed_since.set(false);
        }
        self.counted.get() >= MAX_OPEN_ELEMENTS
    }

    /// Stands in for a dropped tag: a line break for block elements, nothing for inline ones.
    fn dropped_tag(&self, name: &LocalName, line: u64) -> TokenSinkResult<Sink::Handle> {
        if is_block(name) {
            return self.builder.process_token(Token::CharacterTokens(StrTendril::from_slice("\n")), line);
        }
        TokenSinkResult::Continue
    }
}

impl<Sink: TreeSink> TokenSink for DepthCap<Sink> {
    type Handle = Sink::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Sink::Handle> {
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag if !never_nested(&tag.name) => {
                    if self.at_cap() {
                        *self.dropped.borrow_mut().entry(tag.name.clone()).or_insert(0) += 1;
                        return self.dropped_tag(&tag.name, line);
                    }
                    self.opened_since.set(self.opened_since.get() + 1);
                }
                TagKind::EndTag => {
                    let matched = match self.dropped.borrow_mut().get_mut(&tag.name) {
                        Some(open) if *open > 0 => {
                            *open -= 1;
                            true
                        }
                        _ => false,
                    };
                    if matched {
                        return self.dropped_tag(&tag.name, line);
                    }
                    self.closed_since.set(true);
                }
                TagKind::StartTag => {}
            }
        }
        self.builder.process_token(token, line)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Counts the handles a tree builder holds.
struct HandleCounter<Handle> {
    count: Cell<usize>,
    _handle: std::marker::PhantomData<Handle>,
}

impl<Handle> Tracer for HandleCounter<Handle> {
    type Handle = Handle;
    fn trace_handle(&self, _node: &Handle) {
        self.count.set(self.count.get() + 1);
    }
}
