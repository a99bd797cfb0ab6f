//! Words that never name a theme although they are not stop words: greetings and thanks,
//! discourse fillers ("bref", "franchement"), vague adverbs and adjectives ("bien", "clair"),
//! light verbs ("faire", "dire") and set phrases' halves ("avoir l'air", "d'après"). A reader
//! describing what a group of comments is about would not write them. Folded (lower case, no
//! accents), per language; other languages use the English list.

/// fr filler words.
const FR: &[&str] = &[
    "ah", "ailleurs", "ainsi", "air", "aller", "alors", "apres", "arriver", "assez", "avis", "bah",
    "beaucoup", "ben", "bien", "bon", "bonjour", "bonne", "bonnes", "bons", "bonsoir", "bravo", "bref", "cas",
    "certain", "certaine", "certains", "chose", "choses", "clair", "claire", "clairement", "compter",
    "coucou", "coup", "croire", "crois", "croit", "deja", "dire", "dis", "dit", "dites", "donne", "donner",
    "effectivement", "enfin", "ensuite", "euh", "evidemment", "exemple", "facon", "faire", "fais", "faites",
    "font", "forcement", "franchement", "genre", "gens", "grand", "grande", "hein", "jamais", "juste", "lol",
    "mdr", "merci", "mettre", "mieux", "monde", "niveau", "oui", "parfois", "parle", "parler", "part",
    "pense", "penser", "petit", "petite", "peux", "plutot", "pouvoir", "prendre", "quand", "quelque",
    "quelques", "rien", "sais", "sait", "salut", "savoir", "selon", "serieusement", "serieux", "simplement",
    "sinon", "sorte", "souvent", "stp", "surtout", "svp", "tant", "trop", "truc", "trucs", "va", "vais",
    "veut", "veux", "voir", "vois", "voit", "vont", "vouloir", "vrai", "vraie", "vraiment",
];

/// en filler words.
const EN: &[&str] = &[
    "actually", "anyway", "basically", "best", "better", "bit", "clear", "clearly", "dear", "definitely",
    "else", "even", "everyone", "everything", "example", "get", "gets", "getting", "go", "goes", "going",
    "good", "got", "great", "guess", "guys", "hello", "hey", "hi", "honestly", "just", "kind", "know", "like",
    "lol", "lot", "lots", "make", "makes", "many", "maybe", "much", "never", "nice", "okay", "one", "people",
    "please", "pretty", "quite", "really", "right", "say", "says", "see", "seems", "simply", "something",
    "sort", "still", "stuff", "sure", "thank", "thanks", "thing", "things", "think", "though", "totally",
    "true", "way", "well", "whatever", "yeah", "yes", "yet",
];

/// The sorted filler-word list of `lang` (English for languages without one).
pub fn filler_words(lang: &str) -> &'static [&'static str] {
    if lang == "fr" { FR } else { EN }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_folded_and_unique() {
        for list in [FR, EN] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates: {:?}", list.windows(2).find(|w| w[0] >= w[1]));
            assert!(list.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())), "folded");
        }
        for (lang, list) in [("fr", FR), ("en", EN), ("de", EN)] {
            assert_eq!(filler_words(lang), list);
        }
    }
}
