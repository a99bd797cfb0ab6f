//! Meta-comments: comments about the article or its writer rather than the news itself, and
//! whether they agree with it, dispute it, or neither.
//!
//! A comment is a meta-comment when it names the article or the writer ("cet article", "the
//! journalist"), judges the reporting itself ("clickbait", "neutre", "copied from"), or quotes
//! the article and passes judgement on it. The lexicons are French and English; words the reader
//! put between quotation marks are not the reader's own and are skipped.

use crate::report::Stance;
use crate::summary::quotes::quoted_spans;
use crate::text::words::{fold_into, words};
use crate::summary::fast_hash::FastSet;

/// Phrases that name the article, the page or its writer.
const TARGETS: &[&str] = &[
    // fr
    "cet article", "l article", "votre article", "ton article", "vos articles", "ce papier", "votre papier",
    "le journaliste", "la journaliste", "du journaliste", "de la journaliste", "au journaliste",
    "les journalistes", "des journalistes", "l auteur", "de l auteur", "le redacteur", "la redactrice",
    "la redaction", "le titre", "ce titre", "votre titre", "cette news", "cette breve", "cet edito",
    "journalisme", "ce site", "ce media", "votre media",
    // en
    "this article", "the article", "your article", "this piece", "the piece", "this story", "the author",
    "the writer", "the journalist", "the reporter", "this reporter", "the headline", "this headline",
    "the title", "journalism", "this post", "the editor", "editors", "this outlet", "this site", "op ed",
];

/// Judgements of the reporting itself: a comment using them is about the article even without
/// naming it.
const REPORTING_JUDGEMENTS: &[&str] = &[
    // fr
    "neutre", "neutralite", "objectivite", "impartial", "partial", "partiale", "biaise", "parti pris",
    "putaclic", "piege a clic", "piege a clics", "copie colle", "copier coller", "plagiat", "pomper",
    "commentaire personnel", "avis personnel", "opinion personnelle", "desinformation", "fake news",
    "racoleur", "sensationnaliste", "a charge",
    // en
    "clickbait", "click bait", "biased", "unbiased", "one sided", "hit piece", "copied from", "copy paste",
    "plagiarized", "plagiarised", "editorializing", "editorialising", "misleading", "disinformation",
    "neutral", "objective", "impartial", "balanced",
];

/// Criticism of the article or its writer.
const DISPUTES: &[&str] = &[
    // fr
    "propagande", "partial", "partiale", "pas neutre", "plus neutre", "peu neutre", "pas objectif",
    "pas objective", "biaise", "oriente", "militant", "subjectif", "mensonge", "mensonger", "desinformation",
    "fake news", "torchon", "honte", "honteux", "pue", "fait tache", "n importe quoi", "nul", "mauvais",
    "erreur", "erreurs", "faux", "inexact", "approximatif", "pompe", "pomper", "copie colle", "copier coller",
    "plagiat", "putaclic", "piege a clic", "racoleur", "sensationnaliste", "commentaire personnel",
    "avis personnel", "opinion personnelle", "parti pris", "on a vu plus", "a charge", "scandaleux",
    // en
    "propaganda", "biased", "bias", "one sided", "hit piece", "clickbait", "click bait", "misleading",
    "inaccurate", "wrong", "fake news", "lazy", "sloppy", "shoddy", "agenda", "not neutral", "not objective",
    "unprofessional", "copied from", "copy paste", "plagiarized", "plagiarised", "editorializing",
    "editorialising", "disinformation", "misinformation", "terrible", "poorly written", "garbage", "trash",
    "shill", "spin", "hack job", "fact check", "mistake", "error",
];

/// Praise of the article or its writer.
const AGREES: &[&str] = &[
    // fr
    "merci pour cet article", "merci pour l article", "merci pour ce papier", "merci pour votre article",
    "bon article", "bel article", "excellent article", "tres bon article", "super article",
    "article interessant", "article tres interessant", "article complet", "bon papier",
    // en
    "great article", "good article", "nice article", "excellent article", "great piece", "good piece",
    "thanks for the article", "thanks for this article", "thank you for this article",
    "thank you for the article", "fair article", "balanced article", "great reporting", "good reporting",
];

/// Praise that may be addressed to the article or to another reader: counts only in a comment
/// already about the article.
const PRAISE: &[&str] = &[
    "bien ecrit", "bien redige", "bravo", "instructif", "bien documente", "tres juste", "well written",
    "well researched", "good read", "great read", "informative", "spot on", "good job", "well done",
];

/// The comment's stance toward the article, or `None` when it is about the news, not the article.
/// `quotes_article` says whether the comment quotes an article sentence.
pub fn stance(comment: &str, quotes_article: bool) -> Option<Stance> {
    let joined = own_words(comment);
    let own = OwnWords::new(&joined);
    // Most comments hold no lexicon word at all: one set lookup per word decides.
    if !own.set.iter().any(|w| first_words().contains(w)) {
        return None;
    }
    let targeted = contains_any(&own, TARGETS);
    let judged = contains_any(&own, REPORTING_JUDGEMENTS);
    let disputes = count(&own, DISPUTES);
    let praises_article = count(&own, AGREES);
    let agrees = praises_article + count(&own, PRAISE);
    let meta = targeted || judged || praises_article > 0 || (quotes_article && disputes + agrees > 0);
    if !meta {
        return None;
    }
    Some(match disputes.cmp(&agrees) {
        std::cmp::Ordering::Greater => Stance::Disputes,
        std::cmp::Ordering::Less => Stance::Agrees,
        std::cmp::Ordering::Equal => Stance::Neutral,
    })
}

/// The comment's own words, outside quotation marks, folded and joined by single spaces with a
/// space at each end, so that " phrase " finds whole words.
fn own_words(comment: &str) -> String {
    let mut own = String::with_capacity(comment.len() + 2);
    let mut last = 0;
    let mut pieces = Vec::new();
    for span in quoted_spans(comment) {
        pieces.push(&comment[last..span.start.min(comment.len())]);
        last = span.end;
    }
    pieces.push(&comment[last.min(comment.len())..]);
    own.push(' ');
    for piece in pieces {
        for w in words(piece) {
            fold_into(w, &mut own);
            own.push(' ');
        }
    }
    own
}

/// The first word of every lexicon phrase.
fn first_words() -> &'static FastSet<&'static str> {
    static FIRST: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
    FIRST.get_or_init(|| {
        [TARGETS, REPORTING_JUDGEMENTS, DISPUTES, AGREES, PRAISE]
            .iter()
            .flat_map(|list| list.iter())
            .map(|p| p.split(' ').next().unwrap_or(p))
            .collect()
    })
}

/// The comment's own words, and the same as a set for a cheap first test of each phrase.
struct OwnWords<'a> {
    joined: &'a str,
    set: FastSet<&'a str>,
}

impl<'a> OwnWords<'a> {
    fn new(joined: &'a str) -> OwnWords<'a> {
        OwnWords { joined, set: joined.split(' ').filter(|w| !w.is_empty()).collect() }
    }
}

fn contains_any(own: &OwnWords, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| contains(own, p))
}

fn count(own: &OwnWords, phrases: &[&str]) -> usize {
    phrases.iter().filter(|p| contains(own, p)).count()
}

fn contains(own: &OwnWords, phrase: &str) -> bool {
    let first = phrase.split(' ').next().unwrap_or(phrase);
    if !own.set.contains(first) {
        return false;
    }
    if first.len() == phrase.len() {
        // One word, and it is one of the comment's words: no substring search needed.
        return true;
    }
    let joined = own.joined;
    joined.match_indices(phrase).any(|(i, _)| joined[..i].ends_with(' ') && joined[i + phrase.len()..].starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criticism_of_the_article_disputes() {
        assert_eq!(stance("au contraire de cet article qui pue la propagande anti-Trump", false), Some(Stance::Disputes));
        assert_eq!(stance("Ce dernier commentaire personnel du journaliste qui fait tache", true), Some(Stance::Disputes));
        assert_eq!(stance("« car ne faisant pas la propagande » on a vu plus neutre et plus argumenté", true), Some(Stance::Disputes));
        assert_eq!(stance("Clickbait headline, copied from Reuters.", false), Some(Stance::Disputes));
    }

    #[test]
    fn praise_agrees_and_mentions_stay_neutral() {
        assert_eq!(stance("Great article, well researched.", false), Some(Stance::Agrees));
        assert_eq!(stance("Merci pour cet article très complet", false), Some(Stance::Agrees));
        assert_eq!(stance("The article says the vote is on Tuesday.", false), Some(Stance::Neutral));
    }

    #[test]
    fn talk_about_the_news_is_not_meta() {
        assert_eq!(stance("Le Washington Post fait de la propagande pour Bezos.", false), None);
        assert_eq!(stance("Amazon should pay its taxes, that is wrong.", false), None);
        // The criticism is inside the quote: the reader is quoting, not judging.
        assert_eq!(stance("« une propagande honteuse » dit le ministre", false), None);
    }
}
