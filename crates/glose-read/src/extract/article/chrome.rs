//! Short lines that are the page's chrome, not the article's text, recognised by their words in
//! the languages of the pages Glose reads: photo credits, bylines and timestamp lines ("Updated
//! at …"), tag and category lines, share / print / back links, rating prompts, subscription and
//! follow-us calls, copyright notices, "N comments" counters, and the headings of "Most read" /
//! "Related" lists. The word lists are data; the rules only look at a whole short line, never at
//! a sentence inside a paragraph.

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

/// Whether a short text ends with a photo credit (a caption, not running text).
pub fn ends_with_credit(text: &str) -> bool {
    let t = normalise(text);
    let Some(at) = CREDIT_MARKERS.iter().filter_map(|m| t.rfind(m)).max() else { return false };
    let tail = &t[at..];
    tail.chars().count() <= 70 && !tail.trim_end_matches(['.', ')']).contains(". ")
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn trim_end(t: &str) -> &str {
    t.trim_end_matches(|c: char| matches!(c, ':' | '.' | '›' | '»' | '…' | '>' | '|' | '!' | '?') || c.is_whitespace()).trim_start()
}

/// Whether a line (one block of the article) is chrome: credits, byline / timestamp lines, tags,
/// widgets, subscription calls, copyright, counters, list headings. Only short lines qualify; a
/// heading that is only a date ("Februar 2020") titles a section and stays.
pub fn is_chrome_line(text: &str, heading: bool) -> bool {
    // No test below takes a line of more than 400 chars once normalised, and normalising keeps
    // every other char (lower-casing never shortens): a long paragraph is let go unread.
    if text.chars().filter(|c| !c.is_whitespace()).nth(400).is_some() {
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
    if WHOLE_LINES.contains(&bare) {
        return true;
    }
    if chars <= 160 && LEAD_INS.iter().any(|l| t.starts_with(l)) {
        return true;
    }
    if chars <= 160 && ["all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados"].iter().any(|w| t.contains(w)) {
        return true;
    }
    if is_list_heading(&t) {
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
    let starts = |clause: &str| NOTICE_LEAD_INS.iter().any(|l| clause.trim_start_matches(['*', ' ', '(', '»', '"']).starts_with(l));
    starts(t) || t.match_indices(['.', ':', '/', '!', '?', '|']).any(|(at, _)| t[at + 1..].starts_with(' ') && starts(&t[at + 1..]))
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
        let Some(len) = WHOLE_LINES
            .iter()
            .chain(CHAIN_ONLY_PHRASES)
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
    if t.chars().count() > 160 {
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
            WHOLE_LINES.contains(&bare) || LEAD_INS.iter().any(|l| p.starts_with(l)) || is_counter(bare) || is_date_line(bare) || is_date_word(bare)
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
    if t.chars().count() > 120 {
        return false;
    }
    let words: Vec<&str> = t.split(' ').collect();
    (1..words.len().min(7)).any(|n| {
        let (head, tail) = (words[..n].join(" "), words[n..].join(" "));
        is_date_line(trim_end(&head)) && {
            let tail = tail.as_str();
            LEAD_INS.iter().any(|l| tail.starts_with(l))
                || WHOLE_LINES.contains(&trim_end(tail))
                || is_counter(trim_end(tail))
                || (!heading && is_byline(tail))
                || (!heading && t.chars().count() <= 40 && has_year(&head) && tail.split_whitespace().count() <= 2 && is_section_label(tail))
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
    let tail = tail.trim_start_matches(|c: char| matches!(c, '|' | '·' | '•' | '-' | '–' | ' '));
    !tail.is_empty() && !tail.ends_with(['.', '!', '?']) && tail.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '&'))
}

/// Whether a short heading names a list of other articles ("Most read", "Weitere Artikel").
/// A heading is short (eight words at most); a longer line counts when its lead-in ends in a
/// colon ("Lea más: <headline>", "Read also: <headline>").
pub fn is_list_heading(text: &str) -> bool {
    let t = normalise(text);
    let short = t.split_whitespace().count() <= 8 && t.chars().count() <= 80;
    (short || t.chars().count() <= 200)
        && LIST_HEADINGS.iter().any(|h| {
            t.starts_with(h) && word_ends(&t, h.len()) && (short || h.ends_with(':') || t[h.len()..].trim_start().starts_with(':'))
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
        if !DATE_WORDS.contains(&w) && !COUNTER_WORDS.contains(&w) {
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
