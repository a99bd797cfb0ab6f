//! The JavaScript API of the wasm build (the only `#[wasm_bindgen]` exports of the crate).
//!
//! Two modules are built from it (`scripts/build-wasm.sh`): the page's core (`page`: reading,
//! analysis, anchoring, the sentence encoder), and with the `export-module` feature the exports
//! (`exports`: Markdown, JSON-LD, CSV, the notes import), which only the side panel, the options
//! page and the playground load when the reader exports. The exports need the report's
//! deserialiser; the core never reads a report back, so it does not carry one.
//!
//! Every entry point returns `Err(Error)` with a clear message on bad input instead of trapping.
//! wasm32-unknown-unknown aborts on panic (unwinding is not available on stable wasm32), so a
//! bug that still panics traps with `RuntimeError: unreachable`: the panic hook installed at start
//! logs the message to the console and keeps it for [`last_panic`]; the JS side must catch the
//! error, may read `last_panic()`, and must then drop this instance and instantiate the module
//! again (its memory may be inconsistent after a trap).
//!
//! Objects cross the boundary as JSON text: results are serialised by `serde_json` and turned into
//! plain objects by the engine's `JSON.parse` (`None` becomes `null`, exactly the JSON report of
//! `CONTRACT.md`); inputs are accepted as JSON strings or as plain objects, which `JSON.stringify`
//! turns into text first. One deserialiser (`serde_json`) per type keeps the wasm small (issue 7),
//! and both engine calls are fast native code. One small typed result, a range's selectors and
//! each note's anchors (`describe_range`, `reanchor_notes`), is built as objects directly by
//! `serde-wasm-bindgen` ([`to_object`]; +2.3 KB gzip). Its deserialiser for the small inputs
//! (notes, a range) was measured at +4.3 KB gzip more for no simpler code, so inputs stay JSON
//! text (BENCHMARKS.md, "Wasm boundary").

use crate::Report;
use serde::Serialize;
use std::sync::Mutex;
use wasm_bindgen::prelude::*;

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Installs the panic hook when the module is instantiated. gloo is not used: its
/// `console::error!` does what `console::error_1` does here for +0.3 KB gzip,
/// `gloo_utils::document()` panics where there is no document (a service worker) — a trap this API
/// answers with an error instead (see [`analyze_document`]) — and the listeners and timers live in
/// the JavaScript shell (BENCHMARKS.md, "Wasm boundary").
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("glose panicked: {info}");
        web_sys::console::error_1(&JsValue::from_str(&message));
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(message);
        }
    }));
}

/// The message of the last panic, if any (read it after catching `RuntimeError: unreachable`,
/// then re-instantiate the module).
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|last| last.clone())
}

/// The crate version and report format version, e.g. `"0.1.0 (report v1)"`.
#[wasm_bindgen]
pub fn version() -> String {
    format!("{} (report v{})", env!("CARGO_PKG_VERSION"), crate::report::REPORT_VERSION)
}

fn error(message: impl std::fmt::Display) -> JsValue {
    JsError::new(&message.to_string()).into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| error(format_args!("glose: cannot convert the result to JavaScript: {e}")))?;
    crate::phases::mark("serialize");
    js_sys::JSON::parse(&text)
}

/// The JSON text of an input given as a JSON string or as a plain object (`None` when missing).
fn json_text(value: &JsValue) -> Option<String> {
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    if value.is_null() || value.is_undefined() {
        return None;
    }
    js_sys::JSON::stringify(value).ok().and_then(|text| text.as_string())
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let text = json_text(&value).unwrap_or_else(|| "null".to_owned());
    serde_json::from_str(&text).map_err(|e| error(format_args!("glose: invalid {what}: {e}")))
}

// Each module's items are this module's API (`glose::wasm::analyze_snapshot`, …).
#[cfg(not(feature = "export-module"))]
pub use page::*;

/// The page's API (what the content scripts, the background and the playground call): the build
/// without the `export-module` feature.
#[cfg(not(feature = "export-module"))]
mod page {
    use super::*;
    use crate::read_dom;
    use crate::snapshot::Snapshot;
    use crate::{analyze, Options};
    use std::rc::Rc;

    /// A small typed result as a plain JavaScript object, shaped as its JSON (`null` for `None`,
    /// objects for maps), with no text in between (serde-wasm-bindgen).
    fn to_object<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| error(format_args!("glose: cannot convert the result to JavaScript: {e}")))
    }

    fn report_to_js(report: &Report) -> Result<JsValue, JsValue> {
        to_js(report)
    }

    /// Reads the page's live `document`, analyses it and returns `{report, nodes}`: `report` is the
    /// report as a plain object (CONTRACT.md), `nodes[i]` the live node of snapshot id `i`, so an
    /// anchor `{node, offset}` (a text node id and a UTF-16 offset) becomes
    /// `range.setStart(nodes[node], offset)`.
    #[wasm_bindgen]
    pub fn analyze_document(url: Option<String>) -> Result<JsValue, JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| error("glose: no document here (called outside a page?)"))?;
        analyze_live_document(&document, url)
    }

    /// [`analyze_document`] on any rendered document, e.g. a same-origin iframe's (the playground
    /// and the in-browser benchmark analyse pages shown in a frame that may not run scripts).
    ///
    /// The snapshot, its node table and the options stay in this instance for
    /// [`refine_live_document`] (the refinement re-analyses without walking the page again);
    /// `reading` numbers this reading so a refinement can tell it is about the same one.
    #[wasm_bindgen]
    pub fn analyze_live_document(document: &web_sys::Document, url: Option<String>) -> Result<JsValue, JsValue> {
        let live = read_dom::read_document(document).map_err(|e| error(format_args!("glose: {e}")))?;
        let options = Options { url, now: Some(local_now()), ..Options::default() };
        let report = analyze(&live.snapshot, &options);
        let nodes = live.nodes.into_array();
        let reading = LAST_READING.with(|last| {
            let mut last = last.borrow_mut();
            let reading = last.as_ref().map_or(1, |kept| kept.reading.wrapping_add(1));
            *last = Some(KeptReading { reading, snapshot: Rc::new(live.snapshot), options, nodes: nodes.clone() });
            reading
        });
        let out = js_sys::Object::new();
        set(&out, "report", &report_to_js(&report)?)?;
        set(&out, "nodes", &nodes)?;
        set(&out, "reading", &JsValue::from(reading))?;
        Ok(out.into())
    }

    thread_local! {
        /// The full report of the last slim analysis, until [`last_full_report`] serialises it.
        static LAST_REPORT: std::cell::RefCell<Option<KeptReport>> = const { std::cell::RefCell::new(None) };
    }

    /// The full report of the last slim analysis, and the snapshot it was made of while its
    /// sentences still lack their selectors (added on the first [`last_full_report`]: most toggles
    /// never ask).
    struct KeptReport {
        report: Report,
        unanchored: Option<Rc<Snapshot>>,
    }

    /// What the extension's content script runs: reads the page's live `document`, analyses it and
    /// returns `{report, nodes}` where `report` is the slim report (`Report::slim`: what drawing
    /// needs, `slim: true`) and `nodes` the live nodes as in [`analyze_live_document`]. The full
    /// report stays in this instance for [`last_full_report`] (the side panel and the exports ask for
    /// it; most toggles never do), so the page neither serialises nor decodes the article's text,
    /// the selectors or every comment's text; the sentences' selectors are not even computed until
    /// that first ask.
    ///
    /// `frames`, when given, is the JSON array of the comments read in the page's frames
    /// (`[{url, comments: [report comments]}]`, `analyze::FrameComments`): they are summarised with
    /// the page's own.
    #[wasm_bindgen]
    pub fn analyze_live_document_slim(document: &web_sys::Document, url: Option<String>, frames: Option<String>) -> Result<JsValue, JsValue> {
        crate::phases::mark("start");
        let frame_comments = frames_from_json(frames.as_deref())?;
        let live = read_dom::read_document(document).map_err(|e| error(format_args!("glose: {e}")))?;
        let options = Options { url, now: Some(local_now()), frame_comments, ..Options::default() };
        let report = crate::analyze::analyze_without_selectors(&live.snapshot, &options);
        crate::phases::mark("analyze");
        let nodes = live.nodes.into_array();
        let snapshot = Rc::new(live.snapshot);
        let reading = keep_reading(Rc::clone(&snapshot), options, nodes.clone());
        crate::phases::mark("keep");
        let out = js_sys::Object::new();
        set(&out, "report", &to_js(&report.slim())?)?;
        crate::phases::mark("report");
        set(&out, "nodes", &nodes)?;
        set(&out, "reading", &JsValue::from(reading))?;
        LAST_REPORT.with(|last| *last.borrow_mut() = Some(KeptReport { report, unanchored: Some(snapshot) }));
        crate::phases::mark("end");
        Ok(out.into())
    }

    /// The phase marks of the last slim analysis as `[[name, ms], …]` (feature `bench-phases`,
    /// for scripts/bench/split.mjs only).
    #[cfg(feature = "bench-phases")]
    #[wasm_bindgen]
    pub fn last_phases() -> Result<JsValue, JsValue> {
        to_js(&crate::phases::take())
    }

    /// Keeps a live reading for [`refine_live_document`] and numbers it.
    fn keep_reading(snapshot: Rc<Snapshot>, options: Options, nodes: js_sys::Array) -> u32 {
        LAST_READING.with(|last| {
            let mut last = last.borrow_mut();
            let reading = last.as_ref().map_or(1, |kept| kept.reading.wrapping_add(1));
            *last = Some(KeptReading { reading, snapshot, options, nodes });
            reading
        })
    }

    /// The full report of the last [`analyze_live_document_slim`] call as JSON text (CONTRACT.md),
    /// or `null` when there was none.
    #[wasm_bindgen]
    pub fn last_full_report() -> Result<Option<String>, JsValue> {
        LAST_REPORT.with(|last| {
            let mut last = last.borrow_mut();
            let Some(kept) = last.as_mut() else { return Ok(None) };
            if let Some(snapshot) = kept.unanchored.take() {
                crate::analyze::add_selectors(&snapshot, &mut kept.report);
            }
            serde_json::to_string(&kept.report).map(Some).map_err(|e| error(format_args!("glose: cannot write the report: {e}")))
        })
    }

    /// The last live reading of [`analyze_live_document`], kept for [`refine_live_document`].
    struct KeptReading {
        reading: u32,
        snapshot: Rc<Snapshot>,
        options: Options,
        nodes: js_sys::Array,
    }

    thread_local! {
        static LAST_READING: std::cell::RefCell<Option<KeptReading>> = const { std::cell::RefCell::new(None) };
    }

    /// Analyses the last live reading again with sentence embeddings (the refinement, issue 15):
    /// `reading` is the number [`analyze_live_document`] returned, `sentences_json` the JSON array of
    /// the sentence texts that were embedded and `embeddings` their vectors (`n × 512` values, in
    /// order). No walk of the page: the kept snapshot is analysed with the same URL and time of
    /// reading, and the encoder head decides the sentences (`opinion_model: "encoder"`).
    /// `salient_json`, when given, is what [`SentenceEncoder::explain`] returned as `salient` (each
    /// sentence's salient words: the reasons shown for an editorial line no listed cue explains).
    /// Returns `{report, nodes, reading}` as `analyze_live_document` does, or an error when the
    /// reading is no longer the last one or the embeddings do not fit the sentences.
    #[wasm_bindgen]
    pub fn refine_live_document(reading: u32, sentences_json: &str, embeddings: &[f32], salient_json: Option<String>) -> Result<JsValue, JsValue> {
        let sentences = sentences_from_json(sentences_json)?;
        let salient = salient_from_json(salient_json.as_deref())?;
        LAST_READING.with(|last| {
            let last = last.borrow();
            let kept = last
                .as_ref()
                .filter(|kept| kept.reading == reading)
                .ok_or_else(|| error("glose: the page was read again since; this refinement is stale"))?;
            let report = crate::analyze::analyze_embedded(&kept.snapshot, &kept.options, sentences, embeddings, salient).map_err(|e| error(format_args!("glose: {e}")))?;
            // As the slim path: the page decodes the slim report, the side panel asks for the full one.
            let out = js_sys::Object::new();
            set(&out, "report", &to_js(&report.slim())?)?;
            set(&out, "nodes", &kept.nodes)?;
            set(&out, "reading", &JsValue::from(reading))?;
            LAST_REPORT.with(|last| *last.borrow_mut() = Some(KeptReport { report, unanchored: None }));
            Ok(out.into())
        })
    }

    /// The comments of the page's frames (`[{url, comments}]`); none when absent.
    fn frames_from_json(frames_json: Option<&str>) -> Result<Vec<crate::analyze::FrameComments>, JsValue> {
        match frames_json {
            None => Ok(Vec::new()),
            Some(text) => serde_json::from_str(text).map_err(|e| error(format_args!("glose: frame comments must be a JSON array of {{url, comments}}: {e}"))),
        }
    }

    fn sentences_from_json(sentences_json: &str) -> Result<Vec<String>, JsValue> {
        serde_json::from_str(sentences_json).map_err(|e| error(format_args!("glose: sentences must be a JSON array of strings: {e}")))
    }

    /// Salient words per sentence, `[[["word", share], …], …]`; none when absent.
    fn salient_from_json(salient_json: Option<&str>) -> Result<Vec<Vec<(String, f32)>>, JsValue> {
        match salient_json {
            None => Ok(Vec::new()),
            Some(text) => serde_json::from_str(text).map_err(|e| error(format_args!("glose: salient words must be a JSON array of [word, share] lists: {e}"))),
        }
    }

    /// Reads the page's live `document` into a snapshot and returns it in its JSON shape
    /// (`{nodes: [{parent, type, tag?, attrs?, text?}]}`), for debugging and for tests.
    #[wasm_bindgen]
    pub fn read_document_snapshot() -> Result<JsValue, JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| error("glose: no document here (called outside a page?)"))?;
        let live = read_dom::read_document(&document).map_err(|e| error(format_args!("glose: {e}")))?;
        to_js(&live.snapshot)
    }

    /// The rule lists of the page walk, as JSON: `{kept, skipped, unchecked, prefix, limits}` (kept
    /// attribute names besides `aria-*`, skipped elements, elements never style-checked, Glose's own
    /// tag prefix, the reading limits `{nodes, text_node, text, past_nodes, past_text}` of
    /// `snapshot::limits`).
    /// scripts/build-extension.sh writes them into the extension for its JavaScript reader,
    /// so the lists live only here in Rust.
    #[wasm_bindgen]
    pub fn snapshot_rules() -> String {
        // Formatted by hand: `serde_json::json!` cost 5 KB of wasm for four fields.
        let list = |names: &[&str]| serde_json::to_string(names).unwrap_or_default();
        use crate::snapshot::limits::{MAX_NODES, MAX_TEXT_NODE_UNITS, MAX_TEXT_UNITS, PAST_LIMIT_NODES, PAST_LIMIT_TEXT_UNITS};
        format!(
            r#"{{"kept":{},"skipped":{},"unchecked":{},"prefix":{},"limits":{{"nodes":{MAX_NODES},"text_node":{MAX_TEXT_NODE_UNITS},"text":{MAX_TEXT_UNITS},"past_nodes":{PAST_LIMIT_NODES},"past_text":{PAST_LIMIT_TEXT_UNITS}}}}}"#,
            list(crate::snapshot::KEPT_ATTRIBUTES),
            list(crate::snapshot::SKIPPED_ELEMENTS),
            list(read_dom::NEVER_STYLE_CHECKED),
            serde_json::to_string(read_dom::OWN_ELEMENT_PREFIX).unwrap_or_default(),
        )
    }

    /// Analyses a snapshot built elsewhere (the strict-CSP fallback: the content script reads the
    /// page, the background's wasm analyses it). `snapshot` is an object or a JSON string in
    /// `Snapshot`'s shape: `{nodes: [{parent: null, type: "document"}, {parent: 0, type: "element",
    /// tag: "html", attrs: [["lang", "fr"]]}, {parent: 1, type: "text", text: "…"}]}`. Returns the
    /// report object, or an error saying what is wrong with the snapshot.
    /// `frames`: the comments of the page's frames, as for [`analyze_live_document_slim`].
    #[wasm_bindgen]
    pub fn analyze_snapshot(snapshot: JsValue, url: Option<String>, frames: Option<String>) -> Result<JsValue, JsValue> {
        let frame_comments = frames_from_json(frames.as_deref())?;
        let snapshot = snapshot_from_js(snapshot)?;
        report_to_js(&analyze(&snapshot, &Options { url, now: Some(local_now()), frame_comments, ..Options::default() }))
    }

    /// [`analyze_snapshot`] for the background's big-page path: returns `{report, full}`, the slim
    /// report as an object (`Report::slim`, what the page decodes) and the full report as JSON text
    /// (kept whole and handed to the side panel in parts), both written here, so the background
    /// neither parses nor re-stringifies megabytes of report.
    #[wasm_bindgen]
    pub fn analyze_snapshot_slim(snapshot: JsValue, url: Option<String>, frames: Option<String>) -> Result<JsValue, JsValue> {
        let frame_comments = frames_from_json(frames.as_deref())?;
        let snapshot = snapshot_from_js(snapshot)?;
        let report = analyze(&snapshot, &Options { url, now: Some(local_now()), frame_comments, ..Options::default() });
        let full = serde_json::to_string(&report).map_err(|e| error(format_args!("glose: cannot write the report: {e}")))?;
        let out = js_sys::Object::new();
        set(&out, "report", &to_js(&report.slim())?)?;
        set(&out, "full", &JsValue::from_str(&full))?;
        Ok(out.into())
    }

    /// [`analyze_snapshot`] with sentence embeddings computed in the background (the strict-CSP
    /// path's refinement): `sentences_json`, `embeddings` and `salient_json` as for
    /// [`refine_live_document`]. The report says `opinion_model: "encoder"`.
    /// `frames`: the comments of the page's frames the first report summarised, as for [`analyze_snapshot`].
    #[wasm_bindgen]
    pub fn analyze_snapshot_embedded(snapshot: JsValue, url: Option<String>, sentences_json: &str, embeddings: &[f32], salient_json: Option<String>, frames: Option<String>) -> Result<JsValue, JsValue> {
        let frame_comments = frames_from_json(frames.as_deref())?;
        let snapshot = snapshot_from_js(snapshot)?;
        let sentences = sentences_from_json(sentences_json)?;
        let salient = salient_from_json(salient_json.as_deref())?;
        let options = Options { url, now: Some(local_now()), frame_comments, ..Options::default() };
        let report = crate::analyze::analyze_embedded(&snapshot, &options, sentences, embeddings, salient).map_err(|e| error(format_args!("glose: {e}")))?;
        report_to_js(&report)
    }

    /// The time of reading in the reader's own zone (`2024-06-12T09:30:00+02:00`), so that a
    /// comment dated "yesterday at 14:05" lands on the reader's yesterday.
    fn local_now() -> String {
        let now = js_sys::Date::new_0();
        // Minutes east of UTC (JavaScript gives them west).
        let east = -(now.get_timezone_offset() as i64);
        let sign = if east < 0 { '-' } else { '+' };
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date(),
            now.get_hours(),
            now.get_minutes(),
            now.get_seconds(),
            east.abs() / 60,
            east.abs() % 60
        )
    }

    /// A page snapshot given as JSON (text or object), or as the walker's wire text (the
    /// extension's big-page path, `snapshot::wire::from_text`).
    fn snapshot_from_js(value: JsValue) -> Result<Snapshot, JsValue> {
        let text = json_text(&value).ok_or_else(|| error("glose: invalid page snapshot: missing"))?;
        if text.starts_with(crate::snapshot::wire::TEXT_MAGIC) {
            return crate::snapshot::wire::from_text(&text).map_err(|e| error(format_args!("glose: {e}")));
        }
        serde_json::from_str(&text).map_err(|e| error(format_args!("glose: invalid page snapshot: {e}")))
    }

    fn set(target: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
        js_sys::Reflect::set(target, &JsValue::from_str(key), value).map(|_| ())
    }

    /// The W3C selectors `{quote, position}` of a range of snapshot text nodes
    /// (`{start: {node, offset}, end: {node, offset}}`, UTF-16 offsets) on `snapshot`, or `null`
    /// when an end is not in the page text (see `anchor::describe`).
    #[wasm_bindgen]
    pub fn describe_range(snapshot: JsValue, range: JsValue) -> Result<JsValue, JsValue> {
        let snapshot = snapshot_from_js(snapshot)?;
        let range: crate::snapshot::text::DomRange = from_js(range, "range")?;
        to_object(&crate::anchor::describe(&snapshot, &range))
    }

    /// Places stored notes (`anchor::Note` objects) on `snapshot`: one `{note_id, anchor}` per note,
    /// in order, `anchor: null` for an orphan (see `anchor::reanchor`).
    #[wasm_bindgen]
    pub fn reanchor_notes(snapshot: JsValue, notes: JsValue) -> Result<JsValue, JsValue> {
        let snapshot = snapshot_from_js(snapshot)?;
        let notes: Vec<crate::anchor::Note> = from_js(notes, "notes")?;
        to_object(&crate::anchor::reanchor(&snapshot, &notes))
    }

    /// The multilingual sentence encoder (USE v3; see `opinion::encoder`), loaded from the bytes of
    /// `glose-use.bin`. Load it once and keep it: loading builds the tokenizer and unpacks the table.
    #[wasm_bindgen]
    pub struct SentenceEncoder(crate::opinion::encoder::Encoder);

    #[wasm_bindgen]
    impl SentenceEncoder {
        /// Loads an encoder file; a corrupt or truncated file is an error.
        #[wasm_bindgen(constructor)]
        pub fn new(bytes: &[u8]) -> Result<SentenceEncoder, JsError> {
            crate::opinion::encoder::Encoder::from_bytes(bytes).map(SentenceEncoder).map_err(|e| JsError::new(&format!("glose: {e}")))
        }

        /// Embeds a JSON array of strings: a flat `Float32Array` of n × 512 values, one
        /// L2-normalised vector per sentence, in order.
        pub fn embed(&self, sentences_json: &str) -> Result<Vec<f32>, JsError> {
            let sentences: Vec<String> =
                serde_json::from_str(sentences_json).map_err(|e| JsError::new(&format!("glose: sentences must be a JSON array of strings: {e}")))?;
            let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
            Ok(self.0.embed(&refs).into_iter().flatten().collect())
        }

        /// [`SentenceEncoder::embed`] with the encoder's reasons: `{vectors, salient}`, `vectors` the
        /// flat `Float32Array` and `salient` a JSON string, per sentence its salient words for the
        /// shipped head as `[word, share]` lists, strongest first (`opinion::refine::Embedding`), to
        /// pass on to [`refine_live_document`].
        pub fn explain(&self, sentences_json: &str) -> Result<JsValue, JsError> {
            use crate::opinion::refine::SentenceEmbedder;
            let sentences: Vec<String> =
                serde_json::from_str(sentences_json).map_err(|e| JsError::new(&format!("glose: sentences must be a JSON array of strings: {e}")))?;
            let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
            let embedded: Vec<crate::opinion::refine::Embedding> = SentenceEmbedder::embed(&self.0, &refs).into_iter().flatten().collect();
            let vectors: Vec<f32> = embedded.iter().flat_map(|e| e.vector.iter().copied()).collect();
            let salient: Vec<&[(String, f32)]> = embedded.iter().map(|e| e.salient.as_slice()).collect();
            let out = js_sys::Object::new();
            let bad = |e: JsValue| JsError::new(&format!("glose: {}", e.as_string().unwrap_or_default()));
            set(&out, "vectors", &js_sys::Float32Array::from(vectors.as_slice())).map_err(bad)?;
            set(&out, "salient", &JsValue::from_str(&serde_json::to_string(&salient).unwrap_or_else(|_| "[]".into()))).map_err(bad)?;
            Ok(out.into())
        }
    }
}

#[cfg(feature = "export-module")]
pub use exports::*;

/// The exports and the notes import (`extension/src/exports.js`, the playground's downloads): a
/// module of their own, built with the `export-module` feature (`scripts/build-wasm.sh`) and
/// loaded only by the pages that export, so that the page's core carries neither the exports nor
/// the report's deserialiser they need (BENCHMARKS.md, "Export module").
#[cfg(feature = "export-module")]
mod exports {
    use super::*;

    /// Now in UTC as ISO 8601 (`2026-11-29T01:34:56.789Z`), the `exported` stamp of exports: the
    /// browser's clock (std's clock panics on wasm32-unknown-unknown).
    fn utc_now() -> String {
        js_sys::Date::new_0().to_iso_string().into()
    }

    /// The Markdown export (YAML front matter) of a report and the reader's notes.
    #[wasm_bindgen]
    pub fn export_markdown(report: JsValue, notes: JsValue) -> Result<String, JsValue> {
        let report: Report = from_js(report, "report")?;
        let notes: Vec<crate::anchor::Note> = from_js(notes, "notes")?;
        Ok(crate::export::markdown::render(&report, &notes, &utc_now()))
    }

    /// The W3C Web Annotation JSON-LD export (an `AnnotationCollection`) of a report and notes.
    #[wasm_bindgen]
    pub fn export_jsonld(report: JsValue, notes: JsValue) -> Result<String, JsValue> {
        let report: Report = from_js(report, "report")?;
        let notes: Vec<crate::anchor::Note> = from_js(notes, "notes")?;
        Ok(crate::export::json_ld::render(&report, &notes, &utc_now()))
    }

    /// The CSV export (one row per annotation, cells escaped against formula injection).
    #[wasm_bindgen]
    pub fn export_csv(report: JsValue, notes: JsValue) -> Result<String, JsValue> {
        let report: Report = from_js(report, "report")?;
        let notes: Vec<crate::anchor::Note> = from_js(notes, "notes")?;
        Ok(crate::export::csv::render(&report, &notes))
    }

    /// The reader's notes in a W3C Web Annotation JSON(-LD) text (Glose's own findings skipped).
    #[wasm_bindgen]
    pub fn import_jsonld(text: String) -> Result<JsValue, JsValue> {
        let notes = crate::export::json_ld::import(&text).map_err(|e| error(format_args!("glose: {e}")))?;
        to_js(&notes)
    }
}
