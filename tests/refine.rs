//! The refinement's core (what `refine_live_document` and `analyze_snapshot_embedded` run in
//! wasm): the fast report's sentence texts are embedded elsewhere, the vectors come back as one
//! flat array, and `analyze_embedded` re-analyses the same snapshot with them. Uses the shipped
//! encoder file, target/encoder/glose-use.bin (`scripts/fetch-encoder.sh`).

use glose::opinion::encoder::Encoder;
use glose::report::OpinionModel;
use glose::{analyze, Options};
use std::path::Path;
use std::sync::Arc;

fn encoder() -> Encoder {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/encoder/glose-use.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}. Run `scripts/fetch-encoder.sh` first.", path.display()));
    Encoder::from_bytes(&bytes).expect("the encoder file loads")
}

fn seed_page() -> glose::Snapshot {
    let html = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/clubic-jedi/page.html")).unwrap();
    glose::read_html::parse_html(&html)
}

fn options() -> Options {
    Options { url: Some("https://www.clubic.com/x.html".into()), now: Some("2024-06-12T09:30:00+02:00".into()), ..Options::default() }
}

#[test]
fn embeddings_sent_back_give_the_report_the_encoder_gives() {
    let page = seed_page();
    let fast = analyze(&page, &options());
    assert_eq!(fast.opinion_model, OpinionModel::Fast);
    assert!(fast.sentences.len() > 10, "the seed page has an article");

    // What the background does: embed the fast report's sentence texts, flat, in order.
    let encoder = encoder();
    let texts: Vec<String> = fast.sentences.iter().map(|s| s.text.clone()).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let embedded = glose::opinion::refine::SentenceEmbedder::embed(&encoder, &refs);
    let flat: Vec<f32> = embedded.iter().flatten().flat_map(|e| e.vector.iter().copied()).collect();
    let salient: Vec<Vec<(String, f32)>> = embedded.into_iter().flatten().map(|e| e.salient).collect();

    let refined = glose::analyze_embedded(&page, &options(), texts.clone(), &flat, salient).expect("the vectors fit the sentences");
    assert_eq!(refined.opinion_model, OpinionModel::Encoder);
    // The same sentences at the same places: only labels, scores and cues may change.
    let places = |r: &glose::Report| r.sentences.iter().map(|s| (s.text.clone(), s.anchor)).collect::<Vec<_>>();
    assert_eq!(places(&refined), places(&fast));
    assert_eq!(refined.comments, fast.comments);

    // The same report as running the encoder inside the analysis (the CLI's way).
    let direct = analyze(&page, &Options { embedder: Some(Arc::new(encoder)), ..options() });
    assert_eq!(refined, direct);
}

#[test]
fn embeddings_that_do_not_fit_are_refused() {
    let page = seed_page();
    let err = glose::analyze_embedded(&page, &options(), vec!["Une phrase.".into()], &[0.5; 100], Vec::new()).unwrap_err();
    assert_eq!(err.to_string(), "opinion model: embeddings: not one vector of 512 values per sentence");
    // Vectors for sentences that are not on the page change nothing: the fast model decides.
    let stray = glose::analyze_embedded(&page, &options(), vec!["Not on the page.".into()], &[0.0; 512], Vec::new()).unwrap();
    assert_eq!(stray.opinion_model, OpinionModel::Fast);
    assert_eq!(stray, analyze(&page, &options()));
}
