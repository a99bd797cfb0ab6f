//! Short lines that are the page's chrome, not the article's text, recognised by their words in
//! the languages of the pages Glose reads: photo credits, bylines and timestamp lines ("Updated
//! at …"), tag and category lines, share / print / back links, rating prompts, subscription and
//! follow-us calls, copyright notices, "N comments" counters, and the headings of "Most read" /
//! "Related" lists. The word lists are data; the rules only look at a whole short line, never at
//! a sentence inside a paragraph.


use super::facts::{is_ascii_space, solid_chars_up_to};
use crate::snapshot::text::space_masks;
use crate::page_patterns::FirstByteIndex;

/// Lines that are chrome as a whole (lower case, trailing `:` `.` `›` `»` `…` and spaces ignored).
const WHOLE_LINES: &[&str] = &[
    // back / top / print / share
    "zurück", "back", "retour", "volver", "indietro", "nach oben", "back to top", "top", "to top", "haut de page",
    "drucken", "print", "imprimer", "imprimir", "stampa", "pdf", "teilen", "share", "partager", "compartir",
    "condividi", "senden", "send", "permalink", "permalien", "print recipe", "rezept drucken", "email", "e-mail",
    "zurück zur liste", "zurück zur übersicht", "zur übersicht", "zurück zur startseite", "zurück zur listenansicht",
    "back to list", "back to overview", "retour à la liste", "bild anzeigen", "bild schließen", "schließen", "close",
    "fermer", "cerrar", "chiudi", "vergrößern", "zoom", "weiterlesen", "mehr", "more", "plus", "más",
    // widgets and notices
    "anzeige", "advertisement", "werbung", "- anzeige -", "-anzeige-", "externer inhalt", "lade weitere inhalte",
    "mehr laden", "load more", "weitere laden", "kommentare geschlossen", "comments closed", "commentaires fermés",
    "über den autor", "über die autorin", "about the author", "à propos de l'auteur", "sobre el autor",
    "newsletter", "inhaltsverzeichnis", "table of contents", "sommaire", "kontakt", "contact", "impressum",
    "tags", "schlagwörter", "schlagworte", "stichwörter", "kategorie", "kategorien", "category", "categories",
    "catégorie", "catégories", "categoría", "categorías", "etiquetas", "filed under", "abgelegt unter",
    "veröffentlichung", "(noch keine bewertungen)", "noch keine bewertungen", "no ratings yet", "caption",
    "jump to recipe", "pin", "tweet", "mail",
    "bildunterschrift", "légende", "galerie", "gallery", "bildergalerie", "fotogalerie", "fotostrecke",
];

/// Openings of lines that are chrome whatever follows (lower case).
const LEAD_INS: &[&str] = &[
    // photo credits
    "foto:", "fotos:", "foto :", "bild:", "bilder:", "bild :", "photo:", "photos:", "photo :", "photos :",
    "photo credit", "image:", "images:", "image credit", "credit:", "credits:", "crédit", "crédito", "titelbild:",
    "titelfoto:", "quelle:", "quellen:", "source:", "sources:", "fuente:", "©", "(c) ", "copyright", "(foto:",
    "(bild:", "(photo:", "(crédit", "(crédito", "(credit", "(image", "bildquelle", "fotoquelle", "fotocredit",
    // bylines and timestamps
    "von:", "by:", "par :", "autor:", "autorin:", "author:", "auteur :", "auteur:", "aktualisiert am", "aktualisiert:",
    "zuletzt aktualisiert", "last updated", "updated:", "updated on", "updated at", "mis à jour", "publié le",
    "veröffentlicht am", "veröffentlicht:", "veröffentlichung:", "erstellt am", "erstellt:", "published:", "published on", "posted on",
    "posted by", "posted in", "geschrieben von", "verfasst von", "verfasst am", "release date", "erschienen am",
    "erschienen in", "stand:", "datum:", "date:", "fecha:", "publicado el", "actualizado el", "der beitrag wurde am",
    "dieser beitrag wurde am", "dieser text wurde veröffentlicht", "dieser eintrag wurde veröffentlicht",
    "this entry was posted", "this article was published",
    // tags, categories
    "tags:", "tag:", "schlagwörter:", "schlagworte:", "stichworte:", "kategorie:", "kategorien:", "category:",
    "categories:", "catégorie", "categoría", "filed under", "abgelegt unter", "themen:", "thema:", "topics:",
    "mots-clés", "mots clés", "etiquetas:", "rubrik:", "ressort:",
    // rating prompts and feedback
    "war der artikel", "war dieser artikel", "war dieser beitrag", "hat ihnen der artikel", "hat ihnen dieser",
    "wie hat ihnen", "hier können sie den artikel bewerten", "bewerten sie", "artikel bewerten", "valora esta",
    "was this article helpful", "was this helpful", "did you find this", "rate this", "we want to hear what you think",
    "cet article vous a", "avez-vous trouvé", "bitte teilen sie uns ihre erfahrungen",
    // subscription, follow us, paywall
    "to view the full story", "to continue reading", "subscribe now", "subscribe to", "subscribe for",
    "jetzt abonnieren", "jetzt abonnent", "pour lire la suite", "lire la suite", "hazte miembro", "síguenos",
    "siguenos", "follow us", "follow the", "folgen sie uns", "folge uns", "never miss", "sign up for",
    "melden sie sich", "jetzt anmelden", "jetzt registrieren", "abonnez-vous", "inscrivez-vous", "suivez-nous",
    "if you’re seeing this message", "if you're seeing this message", "first-time subscribers", "already a subscriber",
    "for the latest stories", "download the", "laden sie die app", "únete", "suscríbete", "iscriviti",
    // copyright and disclosures
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "this article is the copyrighted", "written permission must", "advertising disclosure", "advertising disclaimer",
    "the advertising disclaimer", "*werbung", "werbung:", "anzeige:", "anzeige -", "- anzeige", "advertisement:",
    "publicidad:", "sponsored:", "affiliate", "*affiliate", "für links auf dieser seite", "bei den verlinkungen",
    "dieser beitrag enthält werbung", "dieser artikel enthält", "enthält affiliate", "partnerlinks", "*provisionslink",
];

/// Openings of headings (and short lines) that name a list of other articles or links: the
/// "Most read" / "Related" / "Recent" boxes of news pages and blogs.
const LIST_HEADINGS: &[&str] = &[
    // English
    "related", "recent posts", "recent articles", "recent stories", "recent news", "latest news", "latest stories",
    "latest articles", "latest posts", "most read", "most popular", "most viewed", "most commented", "most shared",
    "popular posts", "popular stories", "popular articles", "trending", "more from", "more stories", "more news",
    "more articles", "more on", "more in", "you may also", "you might also", "recommended", "see also", "read more",
    "read also", "read next", "further reading", "also on", "also in", "top stories", "editor's picks", "editors' picks",
    "what to read next", "in other news", "elsewhere on", "more information", "further information",
    // German
    "neueste artikel", "neueste beiträge", "neuste beiträge", "neue beiträge", "aktuelle beiträge", "aktuelle artikel",
    "aktuelle nachrichten", "aktuelle produkttests", "letzte beiträge", "letzte artikel", "weitere artikel",
    "weitere beiträge", "weitere nachrichten", "weitere meldungen", "weitere themen", "weitere news", "weitere tipps",
    "weitere tourentipps", "weiterführende links", "weiterführender link", "weiterführende artikel", "verwandte artikel",
    "verwandte beiträge", "ähnliche artikel", "ähnliche beiträge", "beiträge zum thema", "artikel zum thema",
    "mehr zum thema", "mehr zu", "mehr themen", "mehr aus", "mehr von", "mehr news", "meistgelesen", "meist gelesen",
    "meistgelesene", "meistdiskutiert", "meist-diskutiert", "meist diskutiert", "meistkommentiert", "meistgeklickt",
    "kommentierte artikel", "beliebte artikel", "beliebte beiträge", "beliebteste", "empfohlene artikel",
    "empfohlene beiträge", "heute empfehlen wir", "das könnte dich",
    "das könnte sie", "diese artikel könnten", "diese beiträge könnten", "das thema könnte", "dies könnte", "auch interessant", "ebenfalls interessant", "siehe auch",
    "schon gelesen", "zum weiterlesen", "lesen sie auch", "lesen sie hier", "auch lesen", "auch auf", "top-themen",
    "top themen", "topthemen", "highlights aus dem heft", "entdecken sie", "passend dazu", "das interessiert",
    "weitere informationen", "zusatzinformationen", "weitere infos", "mehr informationen", "mehr infos",
    // French
    "à lire aussi", "a lire aussi", "lire aussi", "les plus lus", "les plus lues", "les plus partagés",
    "les plus commentés", "articles récents", "derniers articles", "dernières actualités", "dernières infos",
    "sur le même sujet", "dans la même rubrique", "vous aimerez aussi", "vous aimerez", "à voir aussi", "voir aussi",
    "nos derniers", "articles similaires", "articles liés", "et vidéos sur le sujet", "pour aller plus loin", "plus d'informations",
    // Spanish, Portuguese, Italian, Dutch
    "lea también", "lea más", "lea:", "leer más", "le puede interesar", "te puede interesar", "puede interesarte",
    "ver también", "vea también", "mira:", "mire:", "puedes ver:", "lo más leído", "más leídas", "más leído",
    "más vistas", "noticias relacionadas", "artículos relacionados", "últimas noticias", "veja também", "leia também",
    "leia mais", "mais lidas", "notícias relacionadas", "leggi anche", "potrebbe interessarti", "più letti",
    "articoli correlati", "ultime notizie", "lees ook", "meest gelezen", "gerelateerde artikelen",
];

/// Month and weekday names and the small words of a date line, for [`is_date_line`].
const DATE_WORDS: &[&str] = &[
    "jan", "january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "feb", "february", "februar",
    "février", "fevrier", "febrero", "febbraio", "fevereiro", "mar", "march", "märz", "mars", "marzo", "março",
    "apr", "april", "avril", "abril", "aprile", "may", "mai", "mayo", "maggio", "maio", "jun", "june", "juni", "juin",
    "junio", "giugno", "junho", "jul", "july", "juli", "juillet", "julio", "luglio", "julho", "aug", "august", "août",
    "aout", "agosto", "sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro", "oct", "okt",
    "october", "oktober", "octobre", "octubre", "ottobre", "outubro", "nov", "november", "novembre", "noviembre",
    "novembro", "dec", "dez", "december", "dezember", "décembre", "diciembre", "dicembre", "dezembro", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "mo", "di", "mi", "do", "fr", "sa", "so", "am", "pm", "um", "uhr", "at", "on", "le", "à", "de", "del", "el", "h",
    "the", "of", "den", "vom", "seit", "erstellt", "aktualisiert", "veröffentlicht", "geändert", "publié", "mis",
    "jour", "published", "updated", "posted", "modified", "stand", "datum", "date", "publicado", "actualizado",
    "cet", "cest", "est", "edt", "pst", "pdt", "gmt", "utc", "mez", "mesz", "ago", "vor", "il", "y", "a", "hace",
    "minutes", "minuten", "hours", "stunden", "days", "tagen", "today", "heute", "gestern", "yesterday", "hier",
    "aujourd'hui", "ayer", "hoy", "min", "std", "lesezeit", "read", "reading", "time", "lecture",
];

/// Marks of a photo credit: what follows one of them, at the end of a caption, names the
/// photographer or agency ("… im Überblick. (Foto: Getty)", "… © Noah Addis", "(REUTERS/Denis Balibouse)").
const CREDIT_MARKERS: &[&str] = &[
    "©", "(c)", "foto:", "fotos:", "bild:", "photo:", "photos:", "photo :", "credit:", "credits:", "crédit", "crédito",
    "quelle:", "image:", "bildquelle", "fotoquelle", "getty images", "/getty", "(getty", "(reuters", "reuters/", "(afp",
    "afp/", "afp /", "(dpa", "dpa/", "dpa-", "istock", "shutterstock", "stock.adobe.com", "adobestock", "unsplash",
    "picture alliance", "picture-alliance", "(ap photo", "ap photo/", "imago images", "imago/", "keystone/", "(epa",
    "epa/", "wenn.com", "bestimage",
];

/// Longest credit (from its marker to the end of the caption), in chars.
const CREDIT_TAIL_CHARS: usize = 70;

/// Whether a short text ends with a photo credit (a caption, not running text): the last credit
/// marker starts in the last [`CREDIT_TAIL_CHARS`] chars and no sentence ends after it.
pub fn ends_with_credit(text: &str) -> bool {
    let t = normalise(text);
    // The last marker is the first one met walking back from the end; one that starts further
    // back leaves a tail too long, so the walk stops there.
    let Some(at) = t.char_indices().rev().take(CREDIT_TAIL_CHARS).map(|(at, _)| at).find(|&at| CREDIT_INDEX.starts(&t[at..])) else {
        return false;
    };
    let tail = &t[at..];
    !tail.trim_end_matches(['.', ')']).contains(". ")
}

/// `str::to_lowercase`, mapping the chars of Latin-script text (ASCII, Latin-1, `Œ œ`, general
/// punctuation, currency signs) without the Unicode case tables: `to_lowercase` looks every
/// non-ASCII char up, and a French line was ~35 instructions a char. A text with any other
/// non-ASCII char is left to `to_lowercase`.
pub(crate) fn to_lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] < 0x80 {
            let start = at;
            // Eight ASCII bytes at a time, then byte by byte up to the next non-ASCII char.
            while let Some(chunk) = bytes.get(at..at + 8) {
                let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
                if word & crate::snapshot::text::HIGH_BITS != 0 {
                    break;
                }
                at += 8;
            }
            while at < bytes.len() && bytes[at] < 0x80 {
                at += 1;
            }
            out.push_str(&text[start..at]);
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        match c {
            // The upper-case letters of Latin-1 are their lower case less 0x20.
            'À'..='Þ' if c != '×' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'Œ' => out.push('œ'),
            '\u{80}'..='\u{ff}' | 'œ' | '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20cf}' => out.push(c),
            _ => return text.to_lowercase(),
        }
        at += c.len_utf8();
    }
    // Only ASCII bytes change: the rest is lower case already.
    out.make_ascii_lowercase();
    out
}

/// A text's words joined by one space, lower case.
fn normalise(text: &str) -> String {
    // The blocks' texts are collapsed already: only lower-cased.
    if is_collapsed(text) {
        return to_lower(text);
    }
    if !text.is_ascii() {
        let mut joined = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(word);
        }
        return to_lower(&joined);
    }
    // ASCII (most lines): words copied whole, then lower-cased in place (`char::is_whitespace`
    // and `to_lowercase` of ASCII chars).
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        if is_ascii_space(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && !is_ascii_space(bytes[at]) {
            at += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..at]);
    }
    out.make_ascii_lowercase();
    out
}

/// Whether a text's words are joined by one space already (no white space at either end, none
/// but single ASCII spaces between words): eight bytes at a time, and only chars whose first
/// byte is 0xC2, 0xE1, 0xE2 or 0xE3 decoded (the only non-ASCII white space, see
/// [`solid_chars_up_to`]).
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(|&b| is_ascii_space(b)) || bytes.last().is_some_and(|&b| is_ascii_space(b)) {
        return false;
    }
    // Whether the byte before the current one is a space.
    let mut after_space = false;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        let (spaces, controls) = space_masks(word);
        if controls != 0 || spaces & (spaces >> 8) != 0 || (after_space && spaces & 0x80 != 0) {
            return false;
        }
        after_space = spaces >> 63 != 0;
    }
    for &b in chunks.remainder() {
        if matches!(b, b'\t'..=b'\r') || (b == b' ' && after_space) {
            return false;
        }
        after_space = b == b' ';
    }
    text.is_ascii()
        || !bytes.iter().enumerate().any(|(at, &b)| matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) && text[at..].chars().next().is_some_and(char::is_whitespace))
}

/// Whether a text has more than `n` chars that are not white space.
fn more_solid_chars_than(text: &str, n: usize) -> bool {
    // A char takes a byte or more: a text of `n` bytes or fewer has no more than `n` chars.
    text.len() > n && solid_chars_up_to(text, n + 1) > n
}

/// A word list indexed by first byte at compile time ([`FirstByteIndex`]), so that testing a text
/// against it compares only the words that open with the text's first two bytes.
struct Prefixes<const N: usize> {
    words: &'static [&'static str],
    index: FirstByteIndex<N>,
}

impl<const N: usize> Prefixes<N> {
    const fn new(words: &'static [&'static str]) -> Prefixes<N> {
        assert!(words.len() == N, "a list of N words");
        Prefixes { words, index: FirstByteIndex::new(words) }
    }

    /// The words that open with `t`'s first byte (none when `t` is empty).
    fn candidates<'s>(&'s self, t: &str) -> impl Iterator<Item = &'static str> + 's {
        let group = t.as_bytes().first().map_or(&[][..], |&b| self.index.group(b));
        group.iter().map(|&k| self.words[k as usize])
    }

    /// Whether `t` starts with one of the words.
    fn starts(&self, t: &str) -> bool {
        if let [first, second, ..] = *t.as_bytes() {
            if !self.index.may_open(first, second) {
                return false;
            }
        }
        self.candidates(t).any(|w| t.starts_with(w))
    }

    /// Whether `t` is one of the words.
    fn holds(&self, t: &str) -> bool {
        self.candidates(t).any(|w| w == t)
    }
}

static CREDIT_INDEX: Prefixes<{ CREDIT_MARKERS.len() }> = Prefixes::new(CREDIT_MARKERS);
static WHOLE_LINE_INDEX: Prefixes<{ WHOLE_LINES.len() }> = Prefixes::new(WHOLE_LINES);
static CHAIN_ONLY_INDEX: Prefixes<{ CHAIN_ONLY_PHRASES.len() }> = Prefixes::new(CHAIN_ONLY_PHRASES);
static LEAD_IN_INDEX: Prefixes<{ LEAD_INS.len() }> = Prefixes::new(LEAD_INS);
static LIST_HEADING_INDEX: Prefixes<{ LIST_HEADINGS.len() }> = Prefixes::new(LIST_HEADINGS);
static DATE_WORD_INDEX: Prefixes<{ DATE_WORDS.len() }> = Prefixes::new(DATE_WORDS);
static COUNTER_WORD_INDEX: Prefixes<{ COUNTER_WORDS.len() }> = Prefixes::new(COUNTER_WORDS);
static NOTICE_INDEX: Prefixes<{ NOTICE_LEAD_INS.len() }> = Prefixes::new(NOTICE_LEAD_INS);

fn trim_end(t: &str) -> &str {
    t.trim_end_matches(|c: char| matches!(c, ':' | '.' | '›' | '»' | '…' | '>' | '|' | '!' | '?') || c.is_whitespace()).trim_start()
}

/// Whether a line (one block of the article) is chrome: credits, byline / timestamp lines, tags,
/// widgets, subscription calls, copyright, counters, list headings. Only short lines qualify; a
/// heading that is only a date ("Februar 2020") titles a section and stays.
pub fn is_chrome_line(text: &str, heading: bool) -> bool {
    // No test below takes a line of more than 400 chars once normalised, and normalising keeps
    // every other char (lower-casing never shortens): a long paragraph is let go unread.
    if more_solid_chars_than(text, 400) {
        return false;
    }
    let t = normalise(text);
    let chars = t.chars().count();
    if chars == 0 {
        return false;
    }
    // Post metadata, copyright and disclosure notices run longer than other chrome lines.
    if !heading && (is_post_meta(&t) || is_notice(&t)) {
        return true;
    }
    if chars > 220 {
        return false;
    }
    let bare = trim_end(&t);
    if WHOLE_LINE_INDEX.holds(bare) {
        return true;
    }
    if chars <= 160 && LEAD_IN_INDEX.starts(&t) {
        return true;
    }
    if chars <= 160 && ["all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados"].iter().any(|w| t.contains(w)) {
        return true;
    }
    if is_normalised_list_heading(&t) {
        return true;
    }
    if chars <= 80 && (is_counter(bare) || (!heading && is_date_line(bare)) || is_byline(text.trim())) {
        return true;
    }
    !heading && (is_phrase_chain(&t) || is_segmented_meta(&t) || is_file_line(&t) || chrome_after_date(&t, heading))
}

/// Verbs of calls to action: follow, join, subscribe, download, write to us, support, donate.
const CALL_VERBS: &[&str] = &[
    "follow", "subscribe", "sign", "join", "donate", "support", "download", "submit", "send", "get", "help",
    "folgen", "folge", "abonnieren", "abonniere", "unterstützen", "unterstütze", "spenden", "spende", "registrieren",
    "anmelden", "herunterladen", "lade", "laden", "schreiben", "schreibt", "abonnez-vous", "suivez-nous", "suivez",
    "inscrivez-vous", "soutenez", "téléchargez", "écrivez-nous", "únete", "suscríbete", "síguenos", "siguenos",
    "mira", "descarga", "escribirnos", "escríbenos", "apoya", "iscriviti", "seguici", "sostienici",
];

/// Channels a call to action points to.
const CALL_CHANNELS: &[&str] = &[
    "facebook", "twitter", "instagram", "whatsapp", "telegram", "youtube", "tiktok", "linkedin", "newsletter",
    "app", "podcast", "abo", "abonnement", "paywall", "bezahlschranke", "form", "formular", "e-mail", "email", "spende",
    "donation", "membership", "mitglied", "miembro", "canal", "channel", "kanal", "feed", "rss",
];

/// A short line that calls the reader to follow, join, subscribe, donate or write ("Follow The
/// Gleaner on Twitter…", "¿Ya sabías que tenemos canal de Telegram? Únete…", "Submit your letter
/// to the editor via this form"): a verb of such a call and a channel, in at most 300 chars.
pub fn is_call_to_action(text: &str) -> bool {
    let t = normalise(text);
    if t.chars().count() > 300 {
        return false;
    }
    let words = |clause: &str| -> Vec<String> { clause.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).map(str::to_owned).collect() };
    // The verb opens the line (an imperative, maybe after "please" / "bitte" / "puede"), or the
    // clause after an opening question or condition ("Gefällt dir unser Magazin? Unterstütze…",
    // "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie…"); a statement first ("X is a
    // reporter. Follow him on Twitter") is the article's own end.
    let is_call = |clause: &str| {
        let w = words(clause);
        let verb = |i: usize| w.get(i).is_some_and(|w| CALL_VERBS.contains(&w.as_str()));
        verb(0) || (w.first().is_some_and(|f| ["please", "bitte", "jetzt", "puede", "puedes", "vous", "you", "can"].contains(&f.as_str())) && verb(1))
    };
    let opening = t.trim_start_matches(['¿', '¡', ' ']);
    let first_end = opening.find(['.', '?', '!', ':', ';']).unwrap_or(opening.len());
    let (first, rest) = opening.split_at(first_end);
    let second = rest.get(1..).map(|r| r.trim_start_matches(['¿', '¡', ' ']));
    let leads_in = rest.starts_with(['?', ':']) || ["if ", "wenn ", "si ", "falls ", "when "].iter().any(|w| first.starts_with(w));
    let calls = is_call(first) || (leads_in && second.is_some_and(|s| is_call(s.split(['.', '?', '!', ':', ';']).next().unwrap_or(""))));
    calls && words(&t).iter().any(|w| CALL_CHANNELS.contains(&w.as_str()))
}

/// Lead-ins of a blog's "posted on … filed under … comments through the RSS feed" paragraph.
const POST_META_LEAD_INS: &[&str] = &[
    "this entry was posted", "this entry was filed", "dieser beitrag wurde", "dieser eintrag wurde", "der beitrag wurde am",
    "erstellt am", "veröffentlicht am", "posted on", "posted in", "published on", "ce billet a été", "cette entrée a été",
];

/// Words that make such a paragraph the post's metadata (feeds, trackbacks, categories).
const POST_META_WORDS: &[&str] = &[
    "rss", "trackback", "permalink", "abgelegt", "filed under", "kategorie", "category", "catégorie", "kommentar",
    "comment", "commentaire", "tags",
];

/// "Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter … Kommentare … RSS 2.0 Feed",
/// and copyright notices that go on about reprints ("© 2022, X. This article is the copyrighted
/// property of X. Written permission must be obtained…"): up to 400 chars.
fn is_post_meta(t: &str) -> bool {
    if t.chars().count() > 400 {
        return false;
    }
    if POST_META_LEAD_INS.iter().any(|l| t.starts_with(l)) {
        return POST_META_WORDS.iter().filter(|w| t.contains(*w)).count() >= 2;
    }
    ["©", "copyright", "(c) "].iter().any(|l| t.starts_with(l))
        && ["reserved", "vorbehalten", "réservés", "permission", "genehmigung", "reprint", "copyrighted", "nachdruck"].iter().any(|w| t.contains(w))
}

/// Openings of the clauses of a copyright, advertising or affiliate notice (lower case): sure
/// marks even after another clause ("NOTE: The advertising disclaimer below…", "Letzte
/// Aktualisierung am … / Bei den Verlinkungen handelt es sich um Affiliate Links").
const NOTICE_LEAD_INS: &[&str] = &[
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "this article is the copyrighted", "written permission must", "advertising disclosure", "advertising disclaimer",
    "the advertising disclaimer", "für links auf dieser seite", "bei den verlinkungen", "dieser beitrag enthält werbung",
    "enthält affiliate", "affiliate links", "affiliate-links", "*provisionslink", "hazte miembro",
];

/// A paragraph of at most 400 chars one of whose clauses (after `.` `:` `/` `!` `?` `|`) opens
/// with a notice's words ([`NOTICE_LEAD_INS`]).
fn is_notice(t: &str) -> bool {
    if t.chars().count() > 400 {
        return false;
    }
    let starts = |clause: &str| NOTICE_INDEX.starts(clause.trim_start_matches(['*', ' ', '(', '»', '"']));
    // The separators are ASCII: found byte by byte, without decoding the chars between them.
    starts(t)
        || t.bytes().enumerate().any(|(at, b)| matches!(b, b'.' | b':' | b'/' | b'!' | b'?' | b'|') && t[at + 1..].starts_with(' ') && starts(&t[at + 1..]))
}

/// Separators between the parts of a meta line.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '·' | '•' | '/' | '.' | '…' | ',' | ':' | '-' | '–' | '(' | ')' | '[' | ']')
}

/// A line that is two or more whole chrome phrases in a row, with or without separators ("Bild
/// anzeigen Bild schließen", "Jump to RecipePrint Recipe", "(Noch keine Bewertungen) Loading…",
/// "Teilen | Drucken"), or one of them followed by a link's address ("Permalink https://…").
fn is_phrase_chain(t: &str) -> bool {
    if t.chars().count() > 120 {
        return false;
    }
    let mut rest = t.trim_start_matches(is_separator);
    let mut phrases = 0;
    while !rest.is_empty() {
        if phrases > 0 && !rest.contains(' ') && (rest.starts_with("http") || rest.starts_with("www.")) {
            return true;
        }
        let Some(len) = WHOLE_LINE_INDEX
            .candidates(rest)
            .chain(CHAIN_ONLY_INDEX.candidates(rest))
            .filter(|p| p.len() >= 3 && rest.starts_with(*p))
            .map(|p| p.len())
            .max()
        else {
            return false;
        };
        phrases += 1;
        rest = rest[len..].trim_start_matches(is_separator);
    }
    phrases >= 2
}

/// Phrases that are chrome next to another ([`is_phrase_chain`]) but could be a line of text alone.
const CHAIN_ONLY_PHRASES: &[&str] = &["jump to recipe", "loading", "laden", "chargement", "cargando", "facebook", "twitter", "pinterest", "whatsapp", "linkedin", "xing", "instagram"];

/// A line of parts between `|` / `·` / `•` where at least two parts, and half of them, are chrome
/// (dates, counters, tags…): "Aufrufe: 1120 | Hinzugefügt von: Posh | Tags:", "Freitag | 14. Juni
/// 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS".
fn is_segmented_meta(t: &str) -> bool {
    // Without a separator there is one part. `|` is ASCII; `·` (C2 B7) and `•` (E2 80 A2) end with
    // bytes that no other char needs to hold: a line without any of the three bytes is let go
    // unsplit.
    if t.chars().count() > 160 || !t.bytes().any(|b| matches!(b, b'|' | 0xB7 | 0xA2)) {
        return false;
    }
    let parts: Vec<&str> = t.split(['|', '·', '•']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 {
        return false;
    }
    let chrome = parts
        .iter()
        .filter(|p| {
            let bare = trim_end(p);
            WHOLE_LINE_INDEX.holds(bare) || LEAD_IN_INDEX.starts(p) || is_counter(bare) || is_date_line(bare) || is_date_word(bare)
        })
        .count();
    chrome >= 2 && chrome * 2 >= parts.len()
}

/// A weekday or month name alone ("Freitag").
fn is_date_word(t: &str) -> bool {
    t.len() > 3 && DATE_WORDS[..DATE_WORDS.iter().position(|w| *w == "mon").unwrap_or(0)].contains(&t)
}

/// A download line: a file type and its size ("Merkblatt PDF | 38 KB | Datei ist nicht barrierefrei").
fn is_file_line(t: &str) -> bool {
    if t.chars().count() > 160 || !["pdf", "docx", "xlsx", "zip", "mp3"].iter().any(|w| t.contains(w)) {
        return false;
    }
    let words: Vec<&str> = t.split(|c: char| c.is_whitespace() || matches!(c, '|' | '(' | ')' | ',')).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|w| w[0].chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') && matches!(w[1], "kb" | "mb" | "kbyte" | "mbyte" | "ko" | "mo"))
}

/// A timestamp followed by another chrome line ("24.01.2022 11:38 Kategorie: News").
fn chrome_after_date(t: &str, heading: bool) -> bool {
    // A date line holds a digit: without one in the first six words, no head below is a date.
    let heads_end = t.match_indices(' ').nth(5).map_or(t.len(), |(at, _)| at);
    if t.chars().count() > 120 || !t[..heads_end].bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // The first one to six words and the rest, split at a space (the words joined again).
    t.match_indices(' ').take(6).any(|(at, _)| {
        let (head, tail) = (&t[..at], &t[at + 1..]);
        is_date_line(trim_end(head)) && {
            LEAD_IN_INDEX.starts(tail)
                || WHOLE_LINE_INDEX.holds(trim_end(tail))
                || is_counter(trim_end(tail))
                || (!heading && is_byline(tail))
                || (!heading && t.chars().count() <= 40 && has_year(head) && tail.split_whitespace().count() <= 2 && is_section_label(tail))
        }
    })
}

/// Whether a text holds a year (19xx or 20xx as a number of its own).
fn has_year(t: &str) -> bool {
    t.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
}

/// One or two words after a date that name the post's section or category ("02.02.2022
/// A-Frauen", "2021-10-16 | Botschaft"): the first opens with a capital (in the page's text) or a
/// separator comes first.
fn is_section_label(tail: &str) -> bool {
    let tail = tail.trim_start_matches(['|', '·', '•', '-', '–', ' ']);
    !tail.is_empty() && !tail.ends_with(['.', '!', '?']) && tail.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '&'))
}

/// Whether a short heading names a list of other articles ("Most read", "Weitere Artikel").
/// A heading is short (eight words at most); a longer line counts when its lead-in ends in a
/// colon ("Lea más: <headline>", "Read also: <headline>").
pub fn is_list_heading(text: &str) -> bool {
    is_normalised_list_heading(&normalise(text))
}

/// [`is_list_heading`] of a [`normalise`]d text (normalising again would change nothing).
fn is_normalised_list_heading(t: &str) -> bool {
    // Most lines open with no list heading: their words are not counted.
    if !LIST_HEADING_INDEX.starts(t) {
        return false;
    }
    let short = t.split_whitespace().count() <= 8 && t.chars().count() <= 80;
    (short || t.chars().count() <= 200)
        && LIST_HEADING_INDEX.candidates(t).any(|h| {
            t.starts_with(h) && word_ends(t, h.len()) && (short || h.ends_with(':') || t[h.len()..].trim_start().starts_with(':'))
        })
}

/// Whether `t[at..]` starts at a word boundary (so "related" does not match "relatedness").
fn word_ends(t: &str, at: usize) -> bool {
    t[at..].chars().next().is_none_or(|c| !c.is_alphanumeric()) || t[..at].ends_with([':', ' '])
}

/// "71 Kommentare", "3 comments", "Aufrufe: 1234", "Kommentare insgesamt: 5".
/// Words of "N comments" / "N views" counters.
const COUNTER_WORDS: &[&str] = &[
    "kommentar", "kommentare", "comment", "comments", "commentaire", "commentaires", "comentario", "comentarios",
    "commenti", "commento", "antworten", "replies", "reply", "reaktionen", "réactions", "aufrufe", "views", "vues",
    "likes", "shares", "insgesamt", "total", "leser", "reads", "comentário", "comentários", "reacties", "reactie",
    "комментарий", "комментария", "комментариев", "комментарии", "تعليق", "تعليقات", "评论", "コメント", "댓글",
];

fn is_counter(t: &str) -> bool {
    const WORDS: &[&str] = COUNTER_WORDS;
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit() || c == '.');
    let words: Vec<&str> = t.split(|c: char| c.is_whitespace() || matches!(c, ':' | '(' | ')' | '|' | '·')).filter(|w| !w.is_empty()).collect();
    words.len() <= 4
        && words.iter().any(|w| number(w))
        && words.iter().any(|w| WORDS.contains(w))
        && words.iter().all(|w| number(w) || WORDS.contains(w))
}

/// A line that holds only a date and / or a time ("23.10.2018", "Erstellt am Dienstag 6. Mai
/// 2014", "3:59 PM", "Updated 5 hours ago").
fn is_date_line(t: &str) -> bool {
    let mut digits = false;
    let mut words = 0;
    for w in t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '-' | ':' | '|' | '(' | ')' | '–' | '·')) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        if w.chars().all(|c| c.is_ascii_digit()) || (w.len() <= 4 && w.ends_with(['h', 'm']) && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit()) && w.len() > 1) {
            digits = true;
            continue;
        }
        if w.chars().all(|c| c.is_ascii_digit() || matches!(c, 's' | 't' | 'n' | 'd' | 'r' | 'h' | 'e')) && w.starts_with(|c: char| c.is_ascii_digit()) {
            // 1st, 2nd, 3rd, 4th, 1er
            digits = true;
            continue;
        }
        // A timestamp often shares its line with a counter ("19.6.2007 9:40 Uhr 71 Kommentare").
        if !DATE_WORD_INDEX.holds(w) && !COUNTER_WORD_INDEX.holds(w) {
            return false;
        }
    }
    digits && (2..=12).contains(&words)
}

/// "VON Sina Giebel", "By Jane Doe", "Par Jean Dupont": a lead-in and two to four capitalised names.
fn is_byline(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else { return false };
    if !["by", "von", "par", "por", "di", "door", "interview", "text", "texte", "text:", "interview:"].contains(&first.to_lowercase().as_str()) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    (2..=6).contains(&rest.len())
        && rest.iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '|' | '&'));
            w.is_empty() || w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "und" | "and" | "et" | "y" | "von" | "van" | "de" | "der" | "la")
        })
        && !text.trim_end().ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_html::parse_html;

    /// Lines to compare the fast paths with the plain ones on: the text of every element of the
    /// sample pages (raw and trimmed to its last 100 chars), every listed word in a few
    /// surroundings, and white space and case oddities.
    fn sample_lines() -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pages");
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) else { continue };
            let s = parse_html(&html);
            for id in 0..s.len() as crate::snapshot::NodeId {
                if s.tag(id).is_some() {
                    let text = s.text_content(id);
                    if text.len() <= 2000 {
                        let tail: String = text.chars().rev().take(100).collect::<Vec<_>>().into_iter().rev().collect();
                        lines.push(tail);
                        lines.push(text);
                    }
                }
            }
        }
        assert!(lines.len() > 1000, "sample pages read under {}", root.display());
        for list in [WHOLE_LINES, LEAD_INS, LIST_HEADINGS, CREDIT_MARKERS, CHAIN_ONLY_PHRASES, DATE_WORDS, COUNTER_WORDS] {
            for w in list {
                let cut: String = w.chars().skip(1).collect();
                lines.extend([
                    (*w).to_owned(), w.to_uppercase(), format!("{w}:"), format!("{w} x"), format!("Caption {w} Agence"),
                    format!("a. {w} Name Surname."), format!("{w}{w}"), cut, format!("\u{b}{w}\u{a0}É\t"),
                ]);
            }
        }
        lines.extend(["", " ", "\u{b}x\u{c}Y ", "İstanbul © AFP", "ΣΊΣΥΦΟΣ Foto: X", "(REUTERS/Denis Balibouse)"].map(str::to_owned));
        lines
    }

    /// The Latin fast path of `to_lower` lower-cases like `str::to_lowercase`: every char up to
    /// U+FFFF and past it in steps, alone and between letters (final sigma), and random texts.
    #[test]
    fn latin_lower_case_matches_the_tables() {
        for c in (0..0x3_0000u32).filter(|c| c < &0x1_0000 || c % 97 == 0).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("É{c}"), format!("aΣ{c}"), format!("{c}Σ"), format!("Ça{c}ÀB")] {
                assert_eq!(to_lower(&text), text.to_lowercase(), "{text:?}");
            }
        }
        let alphabet = ['a', 'Z', ' ', 'É', 'é', 'Œ', 'œ', 'ß', 'ẞ', '×', 'Þ', 'ÿ', 'Ÿ', '’', '€', 'Σ', 'İ', 'ı', '😀', 'µ', '\u{a0}'];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let len = (state % 12) as usize;
            let text: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(to_lower(&text), text.to_lowercase(), "{text:?}");
        }
    }

    /// A word list, and its index's `starts` and `holds`.
    type ListIndex<'a> = (&'a [&'a str], &'a dyn Fn(&str) -> bool, &'a dyn Fn(&str) -> bool);

    #[test]
    fn fast_paths_match_the_plain_versions() {
        let plain_normalise = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let plain_credit = |text: &str| {
            let t = plain_normalise(text);
            let Some(at) = CREDIT_MARKERS.iter().filter_map(|m| t.rfind(m)).max() else { return false };
            let tail = &t[at..];
            tail.chars().count() <= 70 && !tail.trim_end_matches(['.', ')']).contains(". ")
        };
        let indexes: [ListIndex; 7] = [
            (DATE_WORDS, &|t| DATE_WORD_INDEX.starts(t), &|t| DATE_WORD_INDEX.holds(t)),
            (COUNTER_WORDS, &|t| COUNTER_WORD_INDEX.starts(t), &|t| COUNTER_WORD_INDEX.holds(t)),
            (WHOLE_LINES, &|t| WHOLE_LINE_INDEX.starts(t), &|t| WHOLE_LINE_INDEX.holds(t)),
            (LEAD_INS, &|t| LEAD_IN_INDEX.starts(t), &|t| LEAD_IN_INDEX.holds(t)),
            (LIST_HEADINGS, &|t| LIST_HEADING_INDEX.starts(t), &|t| LIST_HEADING_INDEX.holds(t)),
            (CREDIT_MARKERS, &|t| CREDIT_INDEX.starts(t), &|t| CREDIT_INDEX.holds(t)),
            (CHAIN_ONLY_PHRASES, &|t| CHAIN_ONLY_INDEX.starts(t), &|t| CHAIN_ONLY_INDEX.holds(t)),
        ];
        let mut credits = 0;
        for line in sample_lines() {
            let t = normalise(&line);
            assert_eq!(t, plain_normalise(&line), "{line:?}");
            // `is_chrome_line` tests the list headings on a line already normalised.
            assert_eq!(normalise(&t), t, "{line:?}");
            let credit = ends_with_credit(&line);
            assert_eq!(credit, plain_credit(&line), "{line:?}");
            credits += usize::from(credit);
            for hay in [line.as_str(), t.as_str(), trim_end(&t)] {
                for (list, starts, holds) in &indexes {
                    assert_eq!(starts(hay), list.iter().any(|w| hay.starts_with(w)), "{hay:?}");
                    assert_eq!(holds(hay), list.contains(&hay), "{hay:?}");
                }
            }
        }
        assert!(credits > 50, "credits found: {credits}");
    }

    #[test]
    fn solid_chars_are_counted_like_chars_that_are_not_white_space() {
        let plain = |t: &str, n: usize| t.chars().filter(|c| !c.is_whitespace()).nth(n).is_some();
        let count = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
        let spaces: Vec<char> = (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        assert!(spaces.iter().all(|c| c.is_ascii() || matches!(c.to_string().as_bytes()[0], 0xC2 | 0xE1 | 0xE2 | 0xE3)));
        let mut lines = sample_lines();
        lines.extend((0..=0x10FFFF).filter_map(char::from_u32).map(|c| format!("a{c}{c} b")));
        lines.extend((0..=0x10FFFF).filter_map(char::from_u32).map(|c| format!(" \n{c}\u{a0} ")));
        for line in &lines {
            for n in [0, 1, 2, 3, 10, 400] {
                assert_eq!(more_solid_chars_than(line, n), plain(line, n), "{line:?} {n}");
            }
            assert_eq!(solid_chars_up_to(line, usize::MAX), count(line), "{line:?}");
            let indented = format!("\n  \t{line}");
            let deep = format!("\n{}\t\t\t\t\t\t\t\t\t {line}", " ".repeat(19));
            for text in [line.as_str(), indented.as_str(), deep.as_str(), line.trim_start_matches(|c: char| !c.is_whitespace())] {
                assert_eq!(super::super::facts::is_blank(text), text.trim().is_empty(), "{text:?}");
                assert_eq!(super::super::facts::trim_blank_start(text), text.trim_start(), "{text:?}");
            }
        }
    }

    #[test]
    fn collapsed_texts_are_recognised_like_a_plain_split() {
        let plain = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ") == t;
        let mut lines = sample_lines();
        for sep in [" ", "  ", "\t", "\u{b}", "\r\n", "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{e9}", "\u{2013}", "x"] {
            for at in 0..20 {
                let head = "abcdefghijklmnopqrst".get(..at).unwrap_or("");
                lines.extend([format!("{head}{sep}end"), format!("{head}{sep}"), format!("{sep}{head}"), format!("{head} {sep} z")]);
            }
        }
        for line in &lines {
            assert_eq!(is_collapsed(line), plain(line), "{line:?}");
        }
    }

    /// The rules with quick rejections and indexes against them as first written, on the
    /// normalised sample lines.
    #[test]
    fn quick_rejections_keep_the_rules() {
        let notice_as_written = |t: &str| {
            if t.chars().count() > 400 {
                return false;
            }
            let starts = |clause: &str| {
                let clause = clause.trim_start_matches(['*', ' ', '(', '»', '"']);
                NOTICE_LEAD_INS.iter().any(|l| clause.starts_with(l))
            };
            starts(t) || t.match_indices(['.', ':', '/', '!', '?', '|']).any(|(at, _)| t[at + 1..].starts_with(' ') && starts(&t[at + 1..]))
        };
        // The byte test of `is_segmented_meta` lets go only lines of fewer than two parts.
        let unsplit_is_one_part = |t: &str| {
            let parts = t.split(['|', '·', '•']).map(str::trim).filter(|p| !p.is_empty()).count();
            t.bytes().any(|b| matches!(b, b'|' | 0xB7 | 0xA2)) || parts < 2
        };
        let list_heading_as_written = |t: &str| {
            let short = t.split_whitespace().count() <= 8 && t.chars().count() <= 80;
            (short || t.chars().count() <= 200)
                && LIST_HEADING_INDEX.candidates(t).any(|h| {
                    t.starts_with(h) && word_ends(t, h.len()) && (short || h.ends_with(':') || t[h.len()..].trim_start().starts_with(':'))
                })
        };
        let after_date_as_written = |t: &str, heading: bool| {
            t.chars().count() <= 120
                && t.match_indices(' ').take(6).any(|(at, _)| {
                    let (head, tail) = (&t[..at], &t[at + 1..]);
                    is_date_line(trim_end(head))
                        && (LEAD_IN_INDEX.starts(tail)
                            || WHOLE_LINE_INDEX.holds(trim_end(tail))
                            || is_counter(trim_end(tail))
                            || (!heading && is_byline(tail))
                            || (!heading && t.chars().count() <= 40 && has_year(head) && tail.split_whitespace().count() <= 2 && is_section_label(tail)))
                })
        };
        let mut lines = sample_lines();
        for w in NOTICE_LEAD_INS {
            lines.extend([format!("Text. {w} x"), format!("a | {w}"), format!("x:* ({w}"), format!("x.{w}")]);
        }
        lines.extend(["12.03.2021 | Kategorie: News", "Freitag · 14. Juni 2019 • 15:49", "a · b", "x • y", "é|è", "24.01.2022 11:38 Kategorie: News"].map(str::to_owned));
        for line in lines {
            let t = normalise(&line);
            assert_eq!(is_notice(&t), notice_as_written(&t), "{t:?}");
            assert!(unsplit_is_one_part(&t), "{t:?}");
            assert_eq!(is_normalised_list_heading(&t), list_heading_as_written(&t), "{t:?}");
            for heading in [false, true] {
                assert_eq!(chrome_after_date(&t, heading), after_date_as_written(&t, heading), "{t:?}");
            }
        }
    }

    /// Lower-casing a lower-cased char changes nothing and adds no white space, so normalising
    /// twice is normalising once (whatever the char and its neighbours).
    #[test]
    fn normalising_is_idempotent() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            assert_eq!(lower.to_lowercase(), lower, "{c:?}");
            assert!(c.is_whitespace() || !lower.chars().any(char::is_whitespace), "{c:?}");
            for text in [format!("{c}"), format!("ΑΣ{c}Σ x"), format!(" a{c}\u{a0}Σ")] {
                let once = normalise(&text);
                assert_eq!(normalise(&once), once, "{text:?}");
            }
        }
    }

    #[test]
    fn captions_with_credits_are_recognised() {
        assert!(ends_with_credit("Eine Fracking-Anlage im US-Bundesstaat Pennsylvania © Noah Addis"));
        assert!(ends_with_credit("Golf im TV: Die Übertragungszeiten im Überblick. (Foto: Getty)"));
        assert!(ends_with_credit("Dmitry Muratov, periodista ruso (REUTERS/Denis Balibouse)"));
        assert!(!ends_with_credit("Das Foto: ein Beweis, sagte er. Danach ging die Debatte weiter, lange und heftig, bis in die Nacht hinein."));
        assert!(!ends_with_credit("The minister said on Tuesday that the plan would go ahead."));
    }

    #[test]
    fn chrome_lines_are_recognised() {
        for line in [
            "Foto: Christof Stache", "Bild: Jahr Media", "© 2020 CBS Interactive Inc. All Rights Reserved.", "71 Kommentare",
            "23.10.2018", "Erstellt am Dienstag 6. Mai 2014", "3:59 PM", "7. oktober 2020", "VON Sina Giebel", "Tags:",
            "Drucken", "Zurück zur Liste", "War der Artikel nützlich?", "Meistgelesene Artikel", "Weitere Artikel zum Thema",
            "Related Coverage", "Lea más: Juan Carlos Ortega propone algo", "Aktualisiert am 12.03.2021 um 10:00 Uhr",
            "Kommentare insgesamt: 5", "Crédits photos : Bestimage", "19.6.2007 9:40 Uhr 71 Kommentare",
            "12 comentários", "8 reacties", "35 комментариев", "12 تعليقات", "댓글 12",
        ] {
            assert!(is_chrome_line(line, false), "{line}");
        }
        for line in [
            "Die GEMA dreht völlig am Zeiger!", "By then, the market had closed.", "Mai 68 a changé la France.",
            "Related work shows that the effect is small, and it took years to see it.", "2019",
            "Mehrere hundert Menschen kamen am Sonntag.", "The 3 reasons why it failed",
        ] {
            assert!(!is_chrome_line(line, false), "{line}");
        }
    }
}
