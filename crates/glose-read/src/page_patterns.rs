//! What class names, ids, roles and short texts tell about a part of the page: the word lists of
//! Firefox Reader View (unlikely / positive / negative hints) plus lead-ins of boilerplate boxes
//! in the languages Glose reads. Matching is case-insensitive substring search, like the
//! original regular expressions. Also the byline test ([`is_byline_element`]).
//!
//! Shared by `metadata` (the byline in the page) and `extract` (the article's cuts and
//! weights); it sits below both, so neither imports the other.

use crate::snapshot::Snapshot;

/// Hints that a part of the page is not the article (menus, comments, sidebars…).
const UNLIKELY: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
    "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
    "pagination", "pager", "popup", "yom-remote",
    // Beyond Reader View's list: consent banners, newsletter and recommendation widgets.
    "cookie", "consent", "newsletter", "outbrain", "taboola", "breadcrumb", "paywall",
];

/// Hints that overrule [`UNLIKELY`]: the part may hold the article.
const MAYBE_CANDIDATE: &[&str] = &["and", "article", "body", "column", "content", "main", "shadow"];

/// Hints of article content.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
    "text", "blog", "story",
];

/// Hints of things around the article.
const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote",
    "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
];

/// ARIA roles of parts that are never the article.
pub const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Most words in one hint list ([`Needles`] indexes them with bytes; [`HINT_WORDS`] is the
/// longest).
const MAX_NEEDLES: usize = 128;

/// A word list's index by first byte, built at compile time (at most 255 words, none empty): the
/// words that open with byte `b` are `words[k]` for `k` in [`FirstByteIndex::group`]`(b)`, in list
/// order, and a 256-bit filter of the words' first two bytes rejects most texts before any compare.
/// Shared by [`Needles`] and the article's chrome-line word lists.
pub(crate) struct FirstByteIndex<const N: usize> {
    /// Word indexes grouped by first byte: group `b` is `order[start[b]..start[b + 1]]`.
    order: [u8; N],
    start: [u8; 257],
    /// Bit [`pair_bit`] of each word's first two bytes (every bit when a word has one byte).
    pairs: [u64; 4],
}

/// Where two bytes fall in [`FirstByteIndex`]'s pair filter.
const fn pair_bit(first: u8, second: u8) -> usize {
    (first as usize * 31 + second as usize) & 255
}

impl<const N: usize> FirstByteIndex<N> {
    /// Indexes `words` (at most `N`, fewer than 256, none empty; checked at compile time).
    pub(crate) const fn new(words: &[&str]) -> FirstByteIndex<N> {
        assert!(words.len() <= N && N < 256, "at most N < 256 words");
        let mut start = [0u8; 257];
        let mut pairs = [0u64; 4];
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            assert!(!bytes.is_empty(), "an empty word");
            start[bytes[0] as usize + 1] += 1;
            if bytes.len() == 1 {
                pairs = [u64::MAX; 4];
            } else {
                let bit = pair_bit(bytes[0], bytes[1]);
                pairs[bit >> 6] |= 1 << (bit & 63);
            }
            i += 1;
        }
        let mut b = 0;
        while b < 256 {
            start[b + 1] += start[b];
            b += 1;
        }
        // Counting sort by first byte: words keep their list order within a group.
        let mut next = start;
        let mut order = [0u8; N];
        let mut i = 0;
        while i < words.len() {
            let first = words[i].as_bytes()[0] as usize;
            order[next[first] as usize] = i as u8;
            next[first] += 1;
            i += 1;
        }
        FirstByteIndex { order, start, pairs }
    }

    /// The indexes of the words that open with byte `first`, in list order.
    #[inline]
    pub(crate) fn group(&self, first: u8) -> &[u8] {
        &self.order[self.start[first as usize] as usize..self.start[first as usize + 1] as usize]
    }

    /// Whether a word may open with the bytes `first, second` (false: none does).
    #[inline]
    pub(crate) fn may_open(&self, first: u8, second: u8) -> bool {
        let bit = pair_bit(first, second);
        self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
    }
}

/// A word list indexed at compile time for [`any_in`] ([`FirstByteIndex`]). Also the comment
/// extraction's class-name stems.
pub(crate) struct Needles {
    words: &'static [&'static str],
    index: FirstByteIndex<MAX_NEEDLES>,
}

impl Needles {
    /// Indexes a list of at most [`MAX_NEEDLES`] words of two bytes or more (checked at compile
    /// time); for [`any_in_ignoring_ascii_case`] their ASCII letters must be lower case.
    pub(crate) const fn new(words: &'static [&'static str]) -> Needles {
        let mut i = 0;
        while i < words.len() {
            assert!(words[i].len() >= 2, "a needle shorter than two bytes");
            i += 1;
        }
        Needles { words, index: FirstByteIndex::new(words) }
    }
}

/// The hint lists indexed, for [`any_in`].
static UNLIKELY_NEEDLES: Needles = Needles::new(UNLIKELY);
static MAYBE_CANDIDATE_NEEDLES: Needles = Needles::new(MAYBE_CANDIDATE);
static POSITIVE_NEEDLES: Needles = Needles::new(POSITIVE);
static NEGATIVE_NEEDLES: Needles = Needles::new(NEGATIVE);
static AUTHOR_BOX_NEEDLES: Needles = Needles::new(AUTHOR_BOX);
static BYLINE_NEEDLES: Needles = Needles::new(BYLINE);

/// What a word of [`HINT_WORDS`] says: the hint lists it is in ([`hint_lists`]).
pub(crate) const HINT_UNLIKELY: u8 = 1;
/// In [`MAYBE_CANDIDATE`].
pub(crate) const HINT_MAYBE: u8 = 2;
/// In [`POSITIVE`].
pub(crate) const HINT_POSITIVE: u8 = 4;
/// In [`NEGATIVE`], or the whole word `hid` ([`is_negative`]).
pub(crate) const HINT_NEGATIVE: u8 = 8;
/// In [`AUTHOR_BOX`].
pub(crate) const HINT_AUTHOR_BOX: u8 = 16;
/// In [`BYLINE`] ([`is_byline_element`] of the class or the id).
pub(crate) const HINT_BYLINE: u8 = 32;

/// The class / id hint lists and what a word of each says; `hid` counts only as a whole word.
const HINT_LISTS: [(&[&str], u8); 7] = [
    (UNLIKELY, HINT_UNLIKELY),
    (BYLINE, HINT_BYLINE),
    (MAYBE_CANDIDATE, HINT_MAYBE),
    (POSITIVE, HINT_POSITIVE),
    (NEGATIVE, HINT_NEGATIVE),
    (AUTHOR_BOX, HINT_AUTHOR_BOX),
    (&["hid"], HINT_NEGATIVE),
];

/// Words in all of [`HINT_LISTS`] (a word in two lists counts twice).
const HINT_WORD_COUNT: usize = {
    let (mut n, mut i) = (0, 0);
    while i < HINT_LISTS.len() {
        n += HINT_LISTS[i].0.len();
        i += 1;
    }
    n
};

/// Every word of [`HINT_LISTS`], and what it says: one scan of a class and id reads all the lists.
const HINT_WORDS: ([&str; HINT_WORD_COUNT], [u8; HINT_WORD_COUNT]) = {
    let mut words = [""; HINT_WORD_COUNT];
    let mut says = [0u8; HINT_WORD_COUNT];
    let (mut n, mut i) = (0, 0);
    while i < HINT_LISTS.len() {
        let mut k = 0;
        while k < HINT_LISTS[i].0.len() {
            let word = HINT_LISTS[i].0[k];
            let mut b = 0;
            while b < word.len() {
                // A match never spans the space between the class and the id.
                assert!(word.as_bytes()[b] != b' ', "a hint word with a space");
                b += 1;
            }
            words[n] = word;
            says[n] = HINT_LISTS[i].1;
            n += 1;
            k += 1;
        }
        i += 1;
    }
    (words, says)
};
static HINT_NEEDLES: Needles = Needles::new(&HINT_WORDS.0);

/// What the hint lists say of a lower-cased ASCII [`match_string`] `"{class} {id}"` whose class
/// is `class_len` bytes long: the [`HINT_UNLIKELY`]… bits of the words found in the class, and
/// of those found in the id. One scan instead of one per list and half.
pub(crate) fn hint_lists(matched: &str, class_len: usize) -> (u8, u8) {
    let hay = matched.as_bytes();
    let needles = &HINT_NEEDLES;
    let space = |b: Option<&u8>| b.is_none_or(|&b| matches!(b, b'\t'..=b'\r' | b' '));
    let (mut class, mut id) = (0u8, 0u8);
    for at in 0..hay.len().saturating_sub(1) {
        let first = hay[at];
        let group = needles.index.group(first);
        if group.is_empty() {
            continue;
        }
        let second = hay[at + 1];
        if !needles.index.may_open(first, second) {
            continue;
        }
        for &k in group {
            let word = needles.words[k as usize];
            // The second byte first: a group shares its first byte, and a whole compare is a call.
            if word.as_bytes()[1] != second || !hay[at..].starts_with(word.as_bytes()) {
                continue;
            }
            if word == "hid" && !(space(at.checked_sub(1).and_then(|i| hay.get(i))) && space(hay.get(at + 3))) {
                continue;
            }
            let says = HINT_WORDS.1[k as usize];
            if at < class_len {
                class |= says;
            } else {
                id |= says;
            }
        }
    }
    (class, id)
}

/// Whether any needle occurs in the haystack (`str::contains` for each, in one scan: at each
/// position only the words starting with its byte are compared, and only when some word starts
/// with its two bytes).
pub(crate) fn any_in(haystack: &str, needles: &Needles) -> bool {
    scan(haystack.as_bytes(), needles, false)
}

/// [`any_in`] with ASCII letters matched in either case (the needles are lower case).
pub(crate) fn any_in_ignoring_ascii_case(haystack: &str, needles: &Needles) -> bool {
    scan(haystack.as_bytes(), needles, true)
}

#[inline(always)]
fn scan(hay: &[u8], needles: &Needles, fold: bool) -> bool {
    let byte = |at: usize| if fold { hay[at].to_ascii_lowercase() } else { hay[at] };
    for at in 0..hay.len() {
        let first = byte(at);
        let group = needles.index.group(first);
        if group.is_empty() {
            continue;
        }
        // Every needle has two bytes or more.
        if at + 1 == hay.len() {
            break;
        }
        let second = byte(at + 1);
        if !needles.index.may_open(first, second) {
            continue;
        }
        let rest = &hay[at..];
        // The second byte first: a group shares its first byte, and a whole compare is a call.
        let found = group.iter().any(|&k| {
            let word = needles.words[k as usize].as_bytes();
            if word[1] != second {
                false
            } else if fold {
                rest.get(..word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word))
            } else {
                rest.starts_with(word)
            }
        });
        if found {
            return true;
        }
    }
    false
}

/// Lower-cased `class` + " " + `id`, the string the hints are matched against.
pub fn match_string(class: Option<&str>, id: Option<&str>) -> String {
    format!("{} {}", class.unwrap_or(""), id.unwrap_or("")).to_lowercase()
}

/// Whether class/id say "not the article" without also saying "maybe the article".
pub fn is_unlikely(matched: &str) -> bool {
    any_in(matched, &UNLIKELY_NEEDLES) && !any_in(matched, &MAYBE_CANDIDATE_NEEDLES)
}

/// Whether a class or id value carries a negative hint (`hid` must be a whole word).
pub fn is_negative(value: &str) -> bool {
    any_in(value, &NEGATIVE_NEEDLES) || value.split_whitespace().any(|w| w == "hid")
}

/// Whether a class or id value carries a positive hint.
pub fn is_positive(value: &str) -> bool {
    any_in(value, &POSITIVE_NEEDLES)
}

/// Reader View's class weight: ±25 for each of class and id with a negative / positive hint.
pub fn class_weight(class: Option<&str>, id: Option<&str>) -> f64 {
    let mut weight = 0.0;
    for value in [class, id].into_iter().flatten().filter(|v| !v.is_empty()) {
        let value = value.to_lowercase();
        if is_negative(&value) {
            weight -= 25.0;
        }
        if is_positive(&value) {
            weight += 25.0;
        }
    }
    weight
}

/// Whether class/id name a share bar (`share`, `sharedaddy` as a whole word or `_`-delimited).
pub fn is_share(matched: &str) -> bool {
    let bytes = matched.as_bytes();
    let edge = |i: Option<&u8>| i.is_none_or(|&b| !b.is_ascii_alphanumeric() || b == b'_');
    // Every "sharedaddy" opens with "share": one walk over the places where "share" starts.
    (0..bytes.len()).any(|start| {
        let rest = &bytes[start..];
        rest.first() == Some(&b's')
            && rest.starts_with(b"share")
            && edge(start.checked_sub(1).and_then(|i| bytes.get(i)))
            && (edge(bytes.get(start + 5)) || (rest.starts_with(b"sharedaddy") && edge(bytes.get(start + 10))))
    })
}

/// Whether a short text is only an ad label, a loading notice or a "continue reading" link
/// ("Publicité", "Advertisement", "Loading…").
pub fn is_ad_or_loading_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['…', '.']).trim();
    // Lower-casing never makes a text shorter in chars: a longer text is no label (and a long
    // paragraph is not copied to be lower-cased).
    if t.chars().nth(LONGEST_LABEL_CHARS).is_some() {
        return false;
    }
    AD_OR_LOADING_LABELS.contains(&t.to_lowercase().as_str())
}

/// Ad labels, loading notices and "continue reading" links, lower case.
const AD_OR_LOADING_LABELS: &[&str] = &[
    "ad", "ads", "advertising", "advertisement", "pub", "publicité", "werbung", "werb", "anzeige", "anuncio",
    "publicidad", "pubblicità", "广告", "реклама", "loading", "chargement", "cargando", "正在加载", "загрузка",
    "sponsored", "sponsorisé", "contenu sponsorisé", "skip advertisement", "continue reading",
    "continue reading the main story", "lire la suite", "weiterlesen", "seguir leyendo", "continua a leggere",
];

/// Chars of the longest of [`AD_OR_LOADING_LABELS`].
const LONGEST_LABEL_CHARS: usize = 31;

/// Lead-ins of "read also" / related-article boxes and promos placed inside article bodies.
const RELATED_LEAD_INS: &[&str] = &[
    "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "lire également", "voir aussi",
    "à voir aussi", "sur le même sujet", "dans la même rubrique", "read also", "read more", "see also",
    "related:", "related articles", "related stories", "more on this", "recommended", "you may also like",
    "you might also like", "lesen sie auch", "mehr zum thema", "auch interessant", "das könnte sie auch interessieren",
    "leer más", "lea también", "te puede interesar", "ver también", "leggi anche", "potrebbe interessarti",
];

/// Class / id parts of author presentation boxes ("about the author").
const AUTHOR_BOX: &[&str] = &[
    "author-bio", "author_bio", "authorbio", "author-box", "author_box", "authorbox", "about-author",
    "about_author", "about-the-author", "author-info", "author_info", "author-card", "author-details", "bio-box",
];

/// Whether class/id name an author presentation box.
pub fn is_author_box(matched: &str) -> bool {
    any_in(matched, &AUTHOR_BOX_NEEDLES)
}

/// Whether a text opens like a "read also" / related-articles box.
#[cfg(test)]
pub fn opens_related_box(text: &str) -> bool {
    is_related_lead_in(&opening_head(text))
}

/// The first 40 chars of a text after its leading white space, lower-cased: what
/// [`is_related_lead_in`] and [`is_promo_lead_in`] read (to ask both of one text, lower-case it
/// once).
pub fn opening_head(text: &str) -> String {
    text.trim_start().chars().take(40).collect::<String>().to_lowercase()
}

/// Whether an [`opening_head`] opens a "Read also" / "Related" box.
pub fn is_related_lead_in(head: &str) -> bool {
    starts_with_any(head, RELATED_LEAD_INS)
}

/// Whether a text starts with one of a list's words (none empty), comparing only the words
/// that open with its first byte: asked of the opening of most elements of a page.
fn starts_with_any(text: &str, words: &[&str]) -> bool {
    let Some(&first) = text.as_bytes().first() else { return false };
    words.iter().any(|w| w.as_bytes().first() == Some(&first) && text.starts_with(w))
}

/// Headings that open a comment section.
const COMMENT_HEADINGS: &[&str] = &[
    "comment", "réaction", "reaction", "vos réactions", "vos commentaires", "les commentaires", "kommentar",
    "leserkommentare", "comentario", "commenti", "discussion", "discussions", "reader comments", "join the conversation",
    "comentário", "comentários", "reacties", "комментари", "обсуждение", "التعليقات", "تعليقات", "网友评论", "读者评论",
    "全部评论", "评论（", "评论(", "コメント", "댓글",
];

/// Whether a heading's text opens a comment section ("Commentaires (8)", "Comments", "Réactions").
pub fn is_comment_heading(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(30).collect::<String>().to_lowercase();
    COMMENT_HEADINGS.iter().any(|h| head.starts_with(h))
}

/// Lead-ins of newsletter, follow-us and subscription promos.
const PROMO_LEAD_INS: &[&str] = &[
    "abonnez-vous", "inscrivez-vous", "suivez-nous", "recevez", "newsletter", "subscribe", "sign up",
    "follow us", "abonnieren", "folgen sie uns", "suscríbete", "síguenos", "iscriviti", "seguici",
];

/// Whether a short text opens like a newsletter or social promo.
#[cfg(test)]
pub fn opens_promo(text: &str) -> bool {
    is_promo_lead_in(&opening_head(text))
}

/// Whether an [`opening_head`] opens a newsletter or social promo.
pub fn is_promo_lead_in(head: &str) -> bool {
    starts_with_any(head, PROMO_LEAD_INS)
}

/// Whether an element's class, id, `rel` or `itemprop` marks it as the article's byline.
pub fn is_byline_element(snapshot: &Snapshot, id: u32) -> bool {
    has_author_mark(snapshot, id) || is_byline_name(snapshot.attr(id, "class")) || is_byline_name(snapshot.attr(id, "id"))
}

/// Whether an element's `rel` or `itemprop` names the author (the part of [`is_byline_element`]
/// that is not its class or id).
pub fn has_author_mark(snapshot: &Snapshot, id: u32) -> bool {
    snapshot.attr(id, "rel") == Some("author") || snapshot.attr(id, "itemprop").is_some_and(|p| p.contains("author"))
}

/// Whether a class or id value marks a byline (the other part of [`is_byline_element`]).
pub fn is_byline_name(value: Option<&str>) -> bool {
    value.is_some_and(|v| any_in_ignoring_ascii_case(v, &BYLINE_NEEDLES))
}

/// Class / id parts of the byline (lower case).
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_in_finds_what_contains_finds() {
        // Every list, against haystacks made of its words' pieces, whole words at the edges,
        // near misses and non-ASCII text.
        let lists: [(&[&str], &Needles); 6] = [
            (UNLIKELY, &UNLIKELY_NEEDLES),
            (MAYBE_CANDIDATE, &MAYBE_CANDIDATE_NEEDLES),
            (POSITIVE, &POSITIVE_NEEDLES),
            (NEGATIVE, &NEGATIVE_NEEDLES),
            (AUTHOR_BOX, &AUTHOR_BOX_NEEDLES),
            (BYLINE, &BYLINE_NEEDLES),
        ];
        for (words, needles) in lists {
            let mut hays: Vec<String> = vec![String::new(), "a".into(), " ".into(), "é-ß ü".into()];
            for w in words {
                hays.push((*w).to_owned());
                hays.push(format!("x {w}"));
                hays.push(format!("{w}é"));
                hays.push(w[..w.len() - 1].to_owned());
                hays.push(format!("zz {} {}", &w[1..], &w[..w.len() - 1]));
                hays.push(w.chars().rev().collect());
            }
            for hay in &hays {
                let expected = words.iter().any(|w| hay.contains(w));
                assert_eq!(any_in(hay, needles), expected, "{hay:?} in {words:?}");
                let upper = hay.to_ascii_uppercase();
                let lower = upper.to_ascii_lowercase();
                let expected = words.iter().any(|w| lower.contains(w));
                assert_eq!(any_in_ignoring_ascii_case(&upper, needles), expected, "{upper:?} in {words:?}");
            }
        }
    }

    #[test]
    fn hints_match_like_reader_view() {
        assert!(is_unlikely(&match_string(Some("site-sidebar"), None)));
        assert!(!is_unlikely(&match_string(Some("sidebar main-column"), None)));
        assert_eq!(class_weight(Some("post-content"), Some("share-bar")), 0.0);
        assert_eq!(class_weight(Some("entry"), None), 25.0);
        assert!(is_share("social share_links"));
        assert!(is_share("x sharedaddy") && !is_share("sharedaddys") && is_share("sharedaddy share") && !is_share("_sharex"));
        assert!(!is_share("sharepoint"));
        assert!(is_ad_or_loading_label(" Publicité "));
        assert!(is_ad_or_loading_label("Continue reading the main story…") && !is_ad_or_loading_label("Continue reading the main story now"));
        assert_eq!(AD_OR_LOADING_LABELS.iter().map(|l| l.chars().count()).max(), Some(LONGEST_LABEL_CHARS));
        assert!(opens_related_box("À lire aussi : Le Pentagone confie son cloud"));
        assert!(!opens_related_box("Il faut lire aussi"));
    }

    #[test]
    fn lead_in_tests_find_what_every_starts_with_finds() {
        for list in [RELATED_LEAD_INS, PROMO_LEAD_INS] {
            assert!(list.iter().all(|w| !w.is_empty()));
            let mut heads = vec![String::new(), "x".to_owned(), "é".to_owned()];
            for w in RELATED_LEAD_INS.iter().chain(PROMO_LEAD_INS) {
                heads.extend([(*w).to_owned(), format!("{w} : suite"), w.chars().skip(1).collect(), w.chars().take(3).collect(), format!(" {w}")]);
            }
            for head in &heads {
                assert_eq!(starts_with_any(head, list), list.iter().any(|l| head.starts_with(l)), "{head:?}");
            }
        }
    }

    #[test]
    fn share_walk_finds_what_the_word_search_found() {
        let as_written = |matched: &str| {
            let bytes = matched.as_bytes();
            for word in ["sharedaddy", "share"] {
                let mut from = 0;
                while let Some(at) = matched[from..].find(word) {
                    let (start, end) = (from + at, from + at + word.len());
                    let edge = |i: Option<&u8>| i.is_none_or(|&b| !b.is_ascii_alphanumeric() || b == b'_');
                    if edge(start.checked_sub(1).and_then(|i| bytes.get(i))) && edge(bytes.get(end)) {
                        return true;
                    }
                    from = end;
                }
            }
            false
        };
        let pieces = ["share", "sharedaddy", "shar", "daddy", "s", "_", "-", " ", "x", "é", "3"];
        let mut hays = vec![String::new()];
        for _ in 0..4 {
            hays = hays.iter().flat_map(|h| pieces.iter().map(move |p| format!("{h}{p}"))).collect();
            for hay in &hays {
                assert_eq!(is_share(hay), as_written(hay), "{hay:?}");
            }
        }
    }

    #[test]
    fn comment_headings_in_the_page_language() {
        for yes in ["Comentários (12)", "Reacties", "Комментарии (5)", "التعليقات", "网友评论（6）", "コメント（50件）", "댓글 50개", "Leserkommentare"] {
            assert!(is_comment_heading(yes), "{yes}");
        }
        for no in ["Commencement", "Reactor safety", "评论员文章"] {
            assert!(!is_comment_heading(no), "{no}");
        }
    }
}
