//! The comment vocabulary as data: the words of class names, ids, headings and short texts that
//! mark comment sections, comments, their parts and their chrome, in English, French, German,
//! Spanish, Italian, Portuguese, Dutch, Russian, Arabic, Chinese, Japanese and Korean. The rules
//! reading them live in `word_rules.rs`; adding a language is adding words here.

/// A single comment: `comment`, `commentaire`, … (a class name made of this word alone, or with
/// an item suffix/prefix, marks one comment).
pub const ITEM_WORDS: &[&str] = &[
    "comment", "commentaire", "kommentar", "comentario", "commento", "usercomment", "reactie",
    "комментарий", "评论", "コメント", "댓글", "تعليق",
];
/// Suffixes that keep a class name about one comment (`comment-item`, `comment_entry`).
pub const ITEM_SUFFIXES: &[&str] = &["item", "entry", "single", "node", "card", "unit", "li", "article"];
/// Prefixes that keep a class name about one comment (`user-comment`, `js-comment`).
pub const ITEM_PREFIXES: &[&str] = &["user", "reader", "single", "js", "c", "the"];

/// Parts of an id/class that name a whole comment section.
pub const SECTION_WORDS: &[&str] = &[
    "comments", "commentaires", "kommentare", "leserkommentare", "comentarios", "comentários", "commenti",
    "reacties", "reactions", "réactions", "responses", "discussion", "discussions", "disqus", "commentlist",
    "commentslist", "usercomments", "commentsection", "commentarea", "pinglun", "комментарии", "评论区",
    "留言", "コメント一覧", "댓글목록", "تعليقات",
];
/// Parts that, next to a singular comment word, name a section (`comment-list`, `comment_area`).
pub const SECTION_SUFFIXES: &[&str] = &[
    "list", "section", "area", "thread", "threads", "wrapper", "wrap", "container", "zone", "stream",
    "block", "module", "box",
];
/// Parts that make a comment-ish name mean something else than the section itself: its form,
/// counters, links, widgets listing recent comments elsewhere, or the section's own chrome.
pub const NOT_SECTION_PARTS: &[&str] = &[
    "date", "form", "respond", "reply", "count", "counter", "number", "nb", "num", "icon", "link", "btn",
    "button", "toggle", "login", "rss", "recent", "latest", "last", "popular", "derniers", "closed",
    "policy", "rules", "charte", "title", "header", "heading", "meta", "cta", "promo", "share",
    "bubble", "badge", "open", "opened", "disabled", "nav", "navigation", "pagination", "sort",
    "tabs", "newsletter", "subscribe", "signup",
];
/// Parts that mark the section's chrome around the list (promo, header, form, rules): excluded
/// from the article, never read as comments.
pub const CHROME_PARTS: &[&str] = &[
    "form", "respond", "cta", "promo", "header", "title", "heading", "policy", "rules", "charte",
    "login", "subscribe", "signup", "community",
];
/// Stems that an id or class naming comment chrome or a comment form holds (a cheap first look,
/// lower case; ASCII stems match in any case).
pub const CHROME_NAME_STEMS: &[&str] = &[
    "comment", "komment", "coment", "reaction", "réaction", "reacti", "respon", "discus", "disqus", "respond", "form",
    "usercomment", "pinglun", "коммент", "评论", "留言", "コメント", "댓글", "تعليق",
];

/// Words of a heading that introduces the comments (the heading's words, lower case).
pub const HEADING_WORDS: &[&str] = &[
    // English, French
    "comment", "comments", "responses", "response", "replies", "discussion", "conversation", "commentaire",
    "commentaires", "réaction", "réactions", "reaction", "reactions",
    // German, Spanish, Italian, Portuguese, Dutch
    "kommentar", "kommentare", "leserkommentare", "diskussion", "comentario", "comentarios", "commenti",
    "commento", "comentário", "comentários", "reacties", "reactie",
    // Russian, Arabic
    "комментарии", "комментариев", "комментария", "комментарий", "обсуждение", "تعليقات", "التعليقات",
    "تعليق", "التعليق",
];
/// Heading words of scripts written without spaces, found anywhere in the heading
/// ("网友评论（12）", "コメント一覧", "댓글 12개").
pub const HEADING_SUBSTRINGS: &[&str] = &["评论", "評論", "留言", "跟帖", "コメント", "댓글"];
/// Words of a heading that introduces a comment *form* or a widget, not the comments.
pub const FORM_HEADING_WORDS: &[&str] = &[
    "leave", "post", "add", "write", "écrire", "ecrire", "laisser", "laissez", "ajouter",
    "poster", "publier", "donnez", "schreibe", "schreiben", "verfassen", "deja", "escribe",
    "añadir", "añade", "publica", "recent", "latest", "derniers", "dernières", "letzte",
    "neueste", "últimos", "ultimos", "most", "plus", "meistkommentiert", "reply",
    "lascia", "scrivi", "aggiungi", "inserisci", "ultimi", "deixe", "deixar", "escreva", "adicione",
    "plaats", "schrijf", "laat", "reageer", "laatste", "nieuwste", "recente", "оставить", "оставьте",
    "написать", "напишите", "добавить", "последние", "أضف", "اترك", "اكتب", "أحدث",
];
/// Form or widget words of scripts written without spaces ("发表评论", "コメントを書く", "댓글 쓰기").
pub const FORM_HEADING_SUBSTRINGS: &[&str] = &["发表", "發表", "写评论", "書く", "投稿する", "쓰기", "작성", "最新", "最近"];

/// Parts of a name that mark the commenter's name.
pub const AUTHOR_PARTS: &[&str] = &[
    "author", "username", "user", "pseudo", "nick", "nickname", "commenter", "auteur", "autor",
    "fn", "name", "poster", "member", "membre", "usuario", "benutzer", "nutzer", "autore", "utente",
    "utilizador", "gebruiker", "naam", "nombre", "verfasser",
];
/// Parts that mark the comment's time.
pub const DATE_PARTS: &[&str] = &[
    "date", "time", "timestamp", "datetime", "datum", "fecha", "ago", "published", "posted",
    "zeit", "heure", "tijd",
];
/// Parts that mark the comment's text body.
pub const BODY_PARTS: &[&str] = &[
    "content", "text", "message", "msg", "contenu", "texte", "inhalt", "texto", "cuerpo",
    "contenido", "testo", "body", "conteudo", "tekst", "inhoud",
];
/// Parts that mark a comment's chrome: buttons, votes, avatars, badges, tags, metadata lines.
pub const CHROME_IN_ITEM_PARTS: &[&str] = &[
    "actions", "action", "reply", "respond", "meta", "metadata", "toolbar", "tools", "vote",
    "votes", "voting", "like", "likes", "rating", "score", "share", "sharing", "report", "flag",
    "signaler", "avatar", "menu", "options", "buttons", "btn", "button", "permalink", "edit",
    "badge", "badges", "footer", "header", "moderation", "reactions", "emoji", "counter", "tag", "tags",
    "featured", "pinned", "flair", "bar", "topbar", "actionbar",
];
/// Whole texts of buttons and counters found among comments.
pub const ACTION_TEXTS: &[&str] = &[
    "reply", "répondre", "repondre", "antworten", "responder", "rispondi", "report", "signaler",
    "melden", "denunciar", "like", "j'aime", "j’aime", "gefällt mir", "me gusta", "share",
    "partager", "teilen", "compartir", "voir plus", "show more", "read more", "lire la suite",
    "mehr anzeigen", "weiterlesen", "ver más", "leer más", "permalink", "lien", "link", "edit",
    "modifier", "bearbeiten", "editar", "upvote", "downvote", "citer", "quote", "zitieren",
    "citar", "flag", "delete", "supprimer", "löschen", "eliminar", "répondre à ce commentaire",
    "segnala", "mi piace", "condividi", "curtir", "compartilhar", "reageer", "beantwoorden", "delen",
    "rapporteren", "ответить", "пожаловаться", "нравится", "回复", "举报", "点赞", "赞", "顶", "踩", "分享", "返信", "通報",
    "답글", "신고", "공유", "رد", "إبلاغ",
];
/// Verbs of "load more" links and buttons ("Load more", "Afficher plus de commentaires",
/// "Weitere Kommentare laden", "Mostra altri commenti").
pub const LOAD_VERBS: &[&str] = &[
    "show", "load", "view", "see", "read", "afficher", "voir", "charger", "anzeigen", "laden", "zeigen",
    "ver", "cargar", "mostrar", "mostra", "carica", "vedi", "carregar", "toon", "laad", "bekijk",
    "показать", "загрузить",
];
/// The "more" of "load more" links.
pub const MORE_WORDS: &[&str] = &[
    "more", "plus", "autres", "mehr", "weitere", "más", "mas", "altri", "mais", "meer", "ещё", "еще", "all",
];
/// "Load more" in scripts written without spaces.
pub const LOAD_MORE_SUBSTRINGS: &[&str] = &["更多", "もっと見る", "さらに表示", "더보기"];

/// Phrases opening a line that names the comment being answered ("In reply to Anna", "En
/// réponse à", "Antwort auf", "Em resposta a", "In antwoord op", "В ответ на", "ردا على").
pub const REPLY_PHRASES: &[&str] = &[
    "in reply to", "replying to", "en réponse à", "en reponse a", "réponse à", "antwort auf",
    "als antwort auf", "en respuesta a", "respuesta a", "in risposta a", "em resposta a", "resposta a",
    "respondendo a", "in antwoord op", "antwoord op", "reactie op", "в ответ на", "ответ на", "ответ для",
    "ردا على", "رداً على", "رد على",
];
/// The same, written after the name in Japanese and Korean ("アンナさんへの返信", "안나님에게 답글").
pub const REPLY_SUFFIXES: &[&str] = &["さんへの返信", "への返信", "님에게 답글", "님께 답글", "에게 답글", "에 대한 답글"];
