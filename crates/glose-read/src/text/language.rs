//! Language identification, small enough for WebAssembly.
//!
//! Counts the stop words of each supported language (fr, en, de, es, it) in the text, plus a few
//! letters only one of them uses. Function words make up about half of any running text, so a
//! few sentences are enough; short or mixed text gets `None` rather than a guess.

use crate::text::words::{fold_into, stop_word_set, words, SUPPORTED};

/// At least this many words before guessing.
const MIN_WORDS: usize = 6;
/// At least this many stop-word hits for the winner.
const MIN_HITS: f32 = 3.0;
/// The winner must beat the runner-up by this factor.
const MIN_MARGIN: f32 = 1.5;

/// The language of `text` as an ISO 639-1 code, when confident.
pub fn detect(text: &str) -> Option<&'static str> {
    let (scores, count) = scores(text);
    if count < MIN_WORDS {
        return None;
    }
    let mut order: Vec<usize> = (0..SUPPORTED.len()).collect();
    crate::sorting::sort_by(&mut order, |&a, &b| scores[b].total_cmp(&scores[a]));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    (best >= MIN_HITS && best >= second * MIN_MARGIN).then(|| SUPPORTED[order[0]])
}

/// Each [`SUPPORTED`] language's score (stop words, and half a point per word with one of its
/// letters) over the first 2,000 words, and how many words were read.
fn scores(text: &str) -> ([f32; SUPPORTED.len()], usize) {
    let mut scores = [0.0f32; SUPPORTED.len()];
    let mut count = 0usize;
    // In `SUPPORTED`'s order (written out: `SUPPORTED.map` cost the wasm budget's last bytes;
    // `scores_like_the_per_word_lookup_it_replaced` checks the order).
    let sets = [stop_word_set("fr"), stop_word_set("en"), stop_word_set("de"), stop_word_set("es"), stop_word_set("it")];
    let mut folded = String::new();
    for word in words(text).take(2000) {
        count += 1;
        folded.clear();
        fold_into(word, &mut folded);
        for (score, set) in scores.iter_mut().zip(&sets) {
            if set.contains(folded.as_str()) {
                *score += 1.0;
            }
        }
        // Every language-specific letter is outside ASCII (and so is its upper case).
        if !word.is_ascii() {
            for (i, lang) in SUPPORTED.iter().enumerate() {
                scores[i] += letter_hint(lang, word);
            }
        }
    }
    (scores, count)
}

/// Half a point for letters that are specific to one language.
fn letter_hint(lang: &str, word: &str) -> f32 {
    let specific: &[char] = match lang {
        "fr" => &['è', 'ê', 'ç', 'œ', 'ë', 'î', 'û'],
        "de" => &['ä', 'ö', 'ü', 'ß'],
        "es" => &['ñ', 'á', 'í', 'ó', '¿', '¡'],
        "it" => &['ò', 'ì'],
        _ => &[],
    };
    if word.chars().any(|c| specific.contains(&c.to_lowercase().next().unwrap_or(c))) {
        0.5
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn detects_the_supported_languages() {
        let cases = [
            ("fr", "Amazon ne digère toujours pas le fait d'avoir perdu un appel d'offre du Pentagone et accuse Donald Trump d'ingérence."),
            ("en", "Amazon still has not accepted that it lost the Pentagon contract, and it accuses the president of interference."),
            ("de", "Amazon hat den Auftrag des Pentagons verloren und wirft dem Präsidenten vor, dass er sich eingemischt hat."),
            ("es", "Amazon todavía no acepta que ha perdido el contrato del Pentágono y acusa al presidente de injerencia en el proceso."),
            ("it", "Amazon non accetta ancora di aver perso il contratto del Pentagono e accusa il presidente di interferenza nella gara."),
        ];
        for (lang, text) in cases {
            assert_eq!(detect(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn scores_like_the_per_word_lookup_it_replaced() {
        use super::*;
        use crate::text::words::{fold, is_stop_word};
        // The scores as they were computed before the sets were hoisted: every language's stop
        // words and letters asked for every word.
        let oracle = |text: &str| {
            let mut scores = [0.0f32; SUPPORTED.len()];
            for word in words(text).take(2000) {
                let folded = fold(word);
                for (i, lang) in SUPPORTED.iter().enumerate() {
                    if is_stop_word(lang, &folded) {
                        scores[i] += 1.0;
                    }
                }
                for (i, lang) in SUPPORTED.iter().enumerate() {
                    scores[i] += letter_hint(lang, word);
                }
            }
            scores
        };
        let texts = [
            "L'ÉTÉ À PARIS : ÇA NE S'ARRÊTE JAMAIS, ET LES ŒUVRES D'ÎLE-DE-FRANCE SONT LÀ.",
            "Über die Brücke gehen Straßenbahnen, sagte der Bürgermeister; die Ölpreise fallen.",
            "¿Qué pasó? ¡La niña comió ÑOQUIS en el jardín! Perché però così è più facile.",
            "The quick brown fox jumps over the lazy dog, and then it was gone for good.",
            "",
        ];
        for text in texts {
            // The same sums in the same order: equal, not only close.
            let (scores, _) = scores(text);
            assert_eq!(scores, oracle(text), "{text}");
            assert!(text.is_empty() || scores.iter().any(|&s| s > 0.0), "{text}");
        }
    }

    #[test]
    fn declines_short_or_empty_text() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("Trump VS. Bezos"), None);
        assert_eq!(detect("12 345 678 910 1112 1314"), None);
    }
}
