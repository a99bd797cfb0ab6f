//! Language identification, small enough for WebAssembly.
//!
//! Counts the stop words of each supported language (fr, en, de, es, it) in the text, plus a few
//! letters only one of them uses. Function words make up about half of any running text, so a
//! few sentences are enough; short or mixed text gets `None` rather than a guess.

use crate::text::words::{fold, is_stop_word, words, SUPPORTED};

/// At least this many words before guessing.
const MIN_WORDS: usize = 6;
/// At least this many stop-word hits for the winner.
const MIN_HITS: f32 = 3.0;
/// The winner must beat the runner-up by this factor.
const MIN_MARGIN: f32 = 1.5;

/// The language of `text` as an ISO 639-1 code, when confident.
pub fn detect(text: &str) -> Option<&'static str> {
    let mut scores = [0.0f32; SUPPORTED.len()];
    let mut count = 0usize;
    for word in words(text).take(2000) {
        count += 1;
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
    if count < MIN_WORDS {
        return None;
    }
    let mut order: Vec<usize> = (0..SUPPORTED.len()).collect();
    crate::sorting::sort_by(&mut order, |&a, &b| scores[b].total_cmp(&scores[a]));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    (best >= MIN_HITS && best >= second * MIN_MARGIN).then(|| SUPPORTED[order[0]])
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
    fn declines_short_or_empty_text() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("Trump VS. Bezos"), None);
        assert_eq!(detect("12 345 678 910 1112 1314"), None);
    }
}
