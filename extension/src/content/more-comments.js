/**
 * A "Show comments" / "Load more comments" button the page shows: Glose never clicks it (a click
 * is the reader's, and may load a third-party widget or tracking), but says in the summary panel
 * and the side panel that more comments may be hidden behind it.
 *
 * Found by its words, in the languages of the comment vocabulary (EN, FR, DE, ES, IT, PT, NL, RU,
 * AR, ZH, JA, KO), on a button or a same-page link, where comments are: inside the comment section
 * the core found, or after the article's end. Buttons are not in the snapshot (they hold no page
 * text), so this looks at the live page, once per analysis, with one selector query.
 */
import { isOwnNode } from './own-elements.js';

/** A verb "show/load/view" then (a few words) a word for comments, or the reverse order. */
const PHRASES = [
  // English
  /\b(show|load|view|see|read|display|open|expand|reveal)\b(\s+\S+){0,3}\s+(comments?|replies|responses|reactions|discussion|conversation)\b/,
  /\b(more|all|\d+)\s+(more\s+)?(comments|replies|responses)\b/,
  // French
  /\b(afficher|voir|charger|lire|montrer|déplier|ouvrir)\b(\s+\S+){0,3}\s+(commentaires?|réactions?|réponses)\b/,
  /\b(plus de|autres|tous les)\s+(\S+\s+)?(commentaires|réactions|réponses)\b/,
  // German
  /\b(kommentare|leserkommentare|antworten|reaktionen|diskussion)\b(\s+\S+){0,2}\s+(anzeigen|laden|einblenden|lesen|öffnen|ansehen|zeigen)\b/,
  /\b(weitere|alle|mehr)\s+(\S+\s+)?(kommentare|antworten|leserkommentare)\b/,
  /\b(zeige|lade)\b(\s+\S+){0,2}\s+kommentare\b/,
  // Spanish, Portuguese
  /\b(ver|mostrar|cargar|leer|carregar|exibir|ler)\b(\s+\S+){0,3}\s+(comentarios|comentários|respuestas|respostas)\b/,
  /\b(más|mais)\s+(comentarios|comentários|respuestas|respostas)\b/,
  // Italian
  /\b(mostra|vedi|carica|leggi|visualizza|apri)\b(\s+\S+){0,3}\s+(commenti|risposte)\b/,
  /\b(altri|tutti i)\s+(\d+\s+)?(commenti|risposte)\b/,
  // Dutch
  /\b(reacties|opmerkingen)\b(\s+\S+){0,2}\s+(tonen|bekijken|laden|lezen|weergeven)\b/,
  /\b(toon|bekijk|laad|lees|meer)\b(\s+\S+){0,2}\s+(reacties|opmerkingen)\b/,
  // Russian
  /(показать|загрузить|смотреть|читать|открыть|ещё|еще|все)(\s+\S+){0,2}\s+(комментари|ответ)/,
  // Arabic
  /(عرض|إظهار|اظهار|تحميل|مشاهدة|قراءة|المزيد من|كل)(\s+\S+){0,2}\s*(التعليقات|تعليقات|الردود)/,
  // Chinese, Japanese, Korean
  /(显示|查看|加载|展开|顯示|載入|展開|更多|全部)\s*(评论|評論|留言|回复|回覆)/,
  /コメント(を)?\s*(表示|見る|読む|もっと見る|読み込む|すべて)/,
  /(もっと見る|すべてのコメント|コメント一覧)/,
  /댓글\s*(보기|더보기|열기|불러오기|전체)/,
  /(더 많은|모든)\s*댓글/,
];

/**
 * The nouns every phrase above and {@link BARE} hold (lower case): one test of these rejects the
 * page's other buttons and links (a "Reply" and a permalink per comment: thousands on a big page)
 * before the twenty phrases are tried.
 */
const NOUNS = /comment|coment|kommentar|replies|respons|reaction|réaction|reaktion|reacties|discussion|diskussion|conversation|réponse|antwort|respuesta|resposta|rispost|opmerking|комментари|ответ|تعليقات|الردود|评论|評論|留言|回复|回覆|コメント|댓글/;

/** A button that is only the word "Comments" (with a count) opens the section on many sites. */
const BARE = /^(comments?|kommentare|leserkommentare|commentaires|comentarios|comentários|commenti|reacties|комментарии|التعليقات|评论|評論|留言|コメント|댓글)\s*[(（]?\s*\d*\s*[)）]?$/;

/** Longest label considered (a button says a few words; a paragraph is no button). */
const MAX_LABEL = 80;
/** At most this many candidates are looked at (a page of links must not cost more). */
const MAX_CANDIDATES = 4000;

/** The label of a button-like element, white space collapsed, lower-cased; '' when too long. */
function labelOf(element) {
  const text = element.localName === 'input' ? element.value : element.textContent;
  const label = (text || element.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
  return label.length > MAX_LABEL ? '' : label;
}

/** Whether a link stays on the page (a script or an anchor; a link to another page is no loader). */
function staysOnPage(link) {
  const href = link.getAttribute('href');
  return href === null || href === '' || href.startsWith('#') || /^javascript:/i.test(href);
}

/** Whether `label` (lower case) asks to show or load comments. */
export function asksForComments(label, { bare = false } = {}) {
  const lower = label.toLowerCase();
  if (!NOUNS.test(lower)) return false;
  return PHRASES.some((p) => p.test(lower)) || (bare && BARE.test(lower));
}

const CANDIDATES = 'button, a, [role="button"], summary, input[type="button"], input[type="submit"]';

/**
 * The candidates up to `until` (a node) in document order, at most MAX_CANDIDATES: on a page past
 * a reading limit, only the part analysed is searched (on the million-element page one
 * `querySelectorAll` over the whole document took 0.5–1.3 s in Chromium).
 */
function candidatesUntil(doc, until) {
  const after = doc.createTreeWalker(doc, NodeFilter.SHOW_ELEMENT);
  after.currentNode = until;
  const stop = after.nextNode();
  const walk = doc.createTreeWalker(doc, NodeFilter.SHOW_ELEMENT);
  const out = [];
  for (let element = walk.nextNode(); element && element !== stop && out.length < MAX_CANDIDATES; element = walk.nextNode()) {
    if (element.matches(CANDIDATES)) out.push(element);
  }
  return out;
}

/**
 * The page's "show comments" button: `{element, label}` (the label as the page writes it), or
 * null. `section` is the comment section element the core found (or null), `articleEnd` the last
 * node of the article (or null): a candidate counts inside the section or after the article.
 * `until`: the last node analysed of a page past a reading limit, or null (the whole page).
 */
export function findMoreCommentsButton(doc, { section = null, articleEnd = null, until = null } = {}) {
  const candidates = until ? candidatesUntil(doc, until) : doc.querySelectorAll(CANDIDATES);
  const count = Math.min(candidates.length, MAX_CANDIDATES);
  for (let i = 0; i < count; i += 1) {
    const element = candidates[i];
    if (element.localName === 'a' && element.getAttribute('role') !== 'button' && !staysOnPage(element)) continue;
    const label = labelOf(element);
    if (!label || !asksForComments(label, { bare: element.localName !== 'a' })) continue;
    const where = section?.contains(element)
      || (articleEnd && (articleEnd.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING))
      || (!section && !articleEnd);
    if (!where || isOwnNode(element) || element.getClientRects().length === 0) continue;
    return { element, label };
  }
  return null;
}
