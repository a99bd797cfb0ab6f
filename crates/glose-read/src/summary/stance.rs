//! Meta-comments: comments about the article or its writer rather than the news itself, and
//! whether they agree with it, dispute it, or neither.
//!
//! A comment is a meta-comment when it names the article or the writer ("cet article", "the
//! journalist"), judges the reporting itself ("clickbait", "neutre", "copied from"), or quotes
//! the article and passes judgement on it. The lexicons are French and English; words the reader
//! put between quotation marks are not the reader's own and are skipped.

use crate::report::Stance;
use rustc_hash::FxHashMap;
use crate::text::quoted::quoted_spans;
use crate::summary::interned_words::{Vocabulary, Word};

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
    "racoleur", "sensationnaliste", "a charge", "c est un edito", "un edito", "de l edito", "un editorial",
    "billet d humeur", "article d opinion", "papier d opinion",
    // en
    "an editorial", "opinion piece", "an op ed", "this is opinion", "not news", "clickbait", "click bait", "biased", "unbiased", "one sided", "hit piece", "copied from", "copy paste",
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
    // fr: calling the article (or a line of it) an opinion piece rather than news
    "c est un edito", "un edito", "de l edito", "un editorial", "billet d humeur", "article d opinion",
    "papier d opinion",
    // en
    "propaganda", "biased", "bias", "one sided", "hit piece", "clickbait", "click bait", "misleading",
    "inaccurate", "wrong", "fake news", "lazy", "sloppy", "shoddy", "agenda", "not neutral", "not objective",
    "unprofessional", "copied from", "copy paste", "plagiarized", "plagiarised", "editorializing",
    "editorialising", "disinformation", "misinformation", "terrible", "poorly written", "garbage", "trash",
    "shill", "spin", "hack job", "fact check", "mistake", "error",
    // en: calling the article an opinion piece rather than news
    "an editorial", "opinion piece", "an op ed", "this is opinion", "not news",
];

/// A reply siding with the comment it answers ("Bien dit !", "Agreed."): it takes that comment's
/// stance toward the article. Matched only on replies to a comment that has one.
const SIDING: &[&str] = &[
    // fr
    "bien dit", "tout a fait", "exactement", "d accord", "je plussoie", "plussoie", "vous avez raison",
    "tu as raison", "c est clair", "effectivement", "idem", "comme vous dites", "comme tu dis", "bravo",
    "tellement vrai", "tres juste",
    // en
    "agreed", "i agree", "well said", "exactly", "so true", "spot on", "same here", "you are right",
    "you re right", "youre right", "absolutely", "hear hear", "seconded", "good point", "bravo",
];

/// Words that turn a following [`SIDING`] phrase around ("pas d'accord", "not exactly").
const NEGATIONS: &[&str] = &["pas", "non", "not", "t", "never", "jamais", "plus"];

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

/// The five lexicons, in the order of [`Lexicon::entries`]' list numbers.
const LISTS: [&[&str]; 5] = [TARGETS, REPORTING_JUDGEMENTS, DISPUTES, AGREES, PRAISE];
const TARGET: usize = 0;
const JUDGEMENT: usize = 1;
const DISPUTE: usize = 2;
const AGREE: usize = 3;
const PRAISES: usize = 4;

/// One lexicon phrase, found by its first word.
struct Phrase {
    /// Which of [`LISTS`].
    list: usize,
    /// Its number among all phrases of all lists (a phrase counts once per list).
    id: u16,
    /// Its words after the first (a slice of one buffer for all phrases, not a `Vec` each).
    rest: &'static [&'static str],
}

/// The lexicons grouped by first word, so that a comment is matched word by word on ids
/// (one table lookup per word) instead of one substring search per phrase.
struct Lexicon {
    first: FxHashMap<&'static str, u32>,
    /// The phrases, grouped by entry (in list order within one).
    phrases: Vec<Phrase>,
    /// Entry → its range in `phrases`.
    entries: Vec<(u32, u32)>,
}

impl Lexicon {
    /// The phrases starting with the word of `entry`.
    fn phrases(&self, entry: u32) -> &[Phrase] {
        let (start, end) = self.entries[entry as usize];
        &self.phrases[start as usize..end as usize]
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut first: FxHashMap<&'static str, u32> = FxHashMap::default();
        // (entry, list, id, range of its other words in `all_words`), in list order.
        let mut found: Vec<(u32, usize, u16, (usize, usize))> = Vec::new();
        let mut all_words: Vec<&'static str> = Vec::new();
        let phrases = LISTS.iter().enumerate().flat_map(|(list, phrases)| phrases.iter().map(move |p| (list, *p)));
        for (id, (list, phrase)) in phrases.enumerate() {
            let mut words = phrase.split(' ').filter(|w| !w.is_empty());
            let Some(head) = words.next() else { continue };
            let next = first.len() as u32;
            let entry = *first.entry(head).or_insert(next);
            let start = all_words.len() as u32;
            all_words.extend(words);
            found.push((entry, list, id as u16, (start as usize, all_words.len())));
        }
        // The lexicon lives as long as the program: its one buffer of words is never freed.
        let all_words: &'static [&'static str] = Box::leak(all_words.into_boxed_slice());
        // Group by entry, keeping the list order within each (a counting sort).
        let mut entries = vec![(0u32, 0u32); first.len()];
        for f in &found {
            entries[f.0 as usize].1 += 1;
        }
        let mut start = 0;
        for e in &mut entries {
            *e = (start, start + e.1);
            start = e.1;
        }
        let mut next: Vec<u32> = entries.iter().map(|e| e.0).collect();
        let mut slots: Vec<Option<Phrase>> = (0..found.len()).map(|_| None).collect();
        for (entry, list, id, (start, end)) in found {
            slots[next[entry as usize] as usize] = Some(Phrase { list, id, rest: &all_words[start..end] });
            next[entry as usize] += 1;
        }
        Lexicon { first, phrases: slots.into_iter().flatten().collect(), entries }
    })
}

/// The first word of every lexicon phrase → its entry, for [`Vocabulary::new`] to tag folded words.
pub fn phrase_starts() -> &'static FxHashMap<&'static str, u32> {
    &lexicon().first
}

#[cfg(any(test, feature = "internals"))]
/// The comment's stance toward the article, or `None` when it is about the news, not the article.
/// `quotes_article` says whether the comment quotes an article sentence.
pub fn stance(comment: &str, quotes_article: bool) -> Option<Stance> {
    let mut vocabulary = Vocabulary::new("en", phrase_starts());
    let words = vocabulary.tokenize(comment);
    stance_of(&vocabulary, comment, &words, quotes_article)
}

/// [`stance`] on a comment already tokenised into `vocabulary` (`words`).
pub fn stance_of(vocabulary: &Vocabulary, comment: &str, words: &[Word], quotes_article: bool) -> Option<Stance> {
    // Most comments hold no lexicon word at all: one table lookup per word decides.
    if !words.iter().any(|w| vocabulary.lexicon_entry(w.folded).is_some()) {
        return None;
    }
    // The comment's own words: those outside quotation marks (a word is wholly inside or outside,
    // since marks are not letters).
    let quoted = quoted_spans(comment);
    // Most comments quote nothing: all their words are their own, no copy needed.
    let filtered: Vec<Word>;
    let own: &[Word] = if quoted.is_empty() {
        words
    } else {
        filtered = words
            .iter()
            .filter(|w| !quoted.iter().any(|q| q.start <= w.start as usize && (w.start as usize) < q.end))
            .copied()
            .collect();
        &filtered
    };
    let lexicon = lexicon();
    let mut found: Vec<(u16, usize)> = Vec::new();
    for (i, w) in own.iter().enumerate() {
        let Some(entry) = vocabulary.lexicon_entry(w.folded) else { continue };
        for phrase in lexicon.phrases(entry) {
            let rest = &own[i + 1..];
            let matches = rest.len() >= phrase.rest.len()
                && phrase.rest.iter().zip(rest).all(|(p, id)| vocabulary.text(id.folded) == *p);
            if matches {
                found.push((phrase.id, phrase.list));
            }
        }
    }
    crate::sorting::sort(&mut found);
    found.dedup();
    let count = |list: usize| found.iter().filter(|f| f.1 == list).count();
    let targeted = count(TARGET) > 0;
    let judged = count(JUDGEMENT) > 0;
    let disputes = count(DISPUTE);
    let praises_article = count(AGREE);
    let agrees = praises_article + count(PRAISES);
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

/// Whether a reply sides with the comment it answers ("Bien dit !", "Agreed, …"): one of
/// [`SIDING`]'s phrases in the reply's own words (outside quotation marks).
pub fn sides_with_parent(vocabulary: &Vocabulary, comment: &str, words: &[Word]) -> bool {
    // "+1" has no letters: look for it in the text itself (a token trimmed to it holds it).
    if comment.contains("+1") && comment.split_whitespace().any(|w| w.trim_end_matches(['!', '.', ',']) == "+1") {
        return true;
    }
    let quoted = quoted_spans(comment);
    let own: Vec<&str> = words
        .iter()
        .filter(|w| !quoted.iter().any(|q| q.start <= w.start as usize && (w.start as usize) < q.end))
        .map(|w| vocabulary.text(w.folded))
        .collect();
    holds_siding_phrase(&own)
}

/// Whether `own` (a reply's own words, folded) holds one of [`SIDING`]'s phrases, not after a
/// negation. Each phrase's words are read from it where its first word is (splitting and
/// collecting every phrase for every reply was most of the stance inheritance).
fn holds_siding_phrase(own: &[&str]) -> bool {
    SIDING.iter().any(|phrase| {
        let first = phrase.split(' ').next().unwrap_or("");
        let n = phrase.split(' ').count();
        own.windows(n)
            .enumerate()
            .any(|(i, w)| w[0] == first && w.iter().copied().eq(phrase.split(' ')) && !(i > 0 && NEGATIONS.contains(&own[i - 1])))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siding_phrases_are_found_as_by_collected_phrases() {
        // `holds_siding_phrase` against the former test (each phrase split into a Vec, compared
        // with every window), on random replies of phrase words, negations and others.
        fn by_collected(own: &[&str]) -> bool {
            SIDING.iter().any(|phrase| {
                let phrase: Vec<&str> = phrase.split(' ').collect();
                own.windows(phrase.len())
                    .enumerate()
                    .any(|(i, w)| w == phrase.as_slice() && !(i > 0 && NEGATIONS.contains(&own[i - 1])))
            })
        }
        let mut pool: Vec<&str> = SIDING.iter().flat_map(|p| p.split(' ')).chain(NEGATIONS.iter().copied()).collect();
        pool.extend(["le", "the", "article", "faux", "raison", "ok"]);
        let mut seed = 8u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut found = 0;
        for _ in 0..50_000 {
            let own: Vec<&str> = (0..next(8)).map(|_| pool[next(pool.len())]).collect();
            let want = by_collected(&own);
            assert_eq!(holds_siding_phrase(&own), want, "{own:?}");
            found += usize::from(want);
        }
        assert!(found > 5_000 && found < 45_000, "{found}");
    }

    #[test]
    fn every_phrase_is_found_by_its_first_word() {
        let lexicon = lexicon();
        let all = LISTS.iter().enumerate().flat_map(|(list, phrases)| phrases.iter().map(move |p| (list, *p)));
        let mut count = 0;
        for (id, (list, phrase)) in all.enumerate() {
            let words: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
            let entry = lexicon.first[words[0]];
            let found: Vec<&Phrase> = lexicon.phrases(entry).iter().filter(|p| p.id as usize == id).collect();
            assert_eq!(found.len(), 1, "{phrase}");
            assert_eq!(found[0].list, list, "{phrase}");
            assert_eq!(found[0].rest, &words[1..], "{phrase}");
            count += 1;
        }
        assert_eq!(lexicon.phrases.len(), count);
    }

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
    fn calling_it_an_editorial_disputes() {
        assert_eq!(stance("« les Européens paieront » : c'est un édito, pas une info.", true), Some(Stance::Disputes));
        assert_eq!(stance("Franchement c'est un édito déguisé en news.", false), Some(Stance::Disputes));
        assert_eq!(stance("This is an opinion piece dressed up as reporting.", false), Some(Stance::Disputes));
        assert_eq!(stance("That line is an editorial, not news.", false), Some(Stance::Disputes));
    }

    #[test]
    fn replies_that_side_with_their_parent() {
        let sides = |text: &str| {
            let mut vocabulary = Vocabulary::new("fr", phrase_starts());
            let words = vocabulary.tokenize(text);
            sides_with_parent(&vocabulary, text, &words)
        };
        assert!(sides("Bien dit !"));
        assert!(sides("Tout à fait d'accord avec vous."));
        assert!(sides("+1"));
        assert!(sides("Agreed, the piece is one-sided."));
        assert!(!sides("Non, l'article rapporte les faits."));
        assert!(!sides("Pas d'accord du tout."));
        assert!(!sides("I don't agree, that is not exactly it."));
        // The reader quotes someone else's agreement.
        assert!(!sides("Il a dit « bien dit » pour se moquer."));
    }

    #[test]
    fn talk_about_the_news_is_not_meta() {
        assert_eq!(stance("Le Washington Post fait de la propagande pour Bezos.", false), None);
        assert_eq!(stance("Amazon should pay its taxes, that is wrong.", false), None);
        // The criticism is inside the quote: the reader is quoting, not judging.
        assert_eq!(stance("« une propagande honteuse » dit le ministre", false), None);
    }
}
