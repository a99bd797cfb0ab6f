import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { framesText, moreCommentsText, plural, summaryText, themeLabel } from '../src/draw/summary-words.js';
import { LAYERS, layerLook, PENDING_NOTE } from '../src/draw/highlights.js';

const locales = Object.fromEntries(['en', 'fr'].map((lang) =>
  [lang, JSON.parse(readFileSync(new URL(`../_locales/${lang}/messages.json`, import.meta.url), 'utf8'))]));

/** chrome.i18n.getMessage over a messages.json (named placeholders → $1, $2…). */
function translator(lang) {
  const messages = locales[lang];
  return (key, subs = []) => {
    if (key === '@@ui_locale') return lang;
    const entry = messages[key];
    if (!entry) return '';
    return entry.message.replace(/\$(\w+)\$/g, (_, name) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n) => subs[Number(n) - 1] ?? '');
    });
  };
}
const en = translator('en');
const fr = translator('fr');

test('both locales have the same strings, every counted one in both plural forms', () => {
  assert.deepEqual(Object.keys(locales.fr).sort(), Object.keys(locales.en).sort());
  for (const key of Object.keys(locales.en).filter((k) => k.endsWith('_one'))) {
    assert.ok(locales.en[key.replace(/_one$/, '_other')], `${key} has an _other form`);
  }
  assert.ok(!Object.values(locales.en).some((m) => /\(s\)/.test(m.message)), 'no "(s)" plurals left');
});

test('counts take the plural form of the UI language', () => {
  assert.equal(plural(en, 'commentCount', 1), '1 comment');
  assert.equal(plural(en, 'commentCount', 8), '8 comments');
  assert.equal(plural(en, 'quotedTimes', 2), 'quoted 2 times');
  assert.equal(plural(fr, 'commentCount', 0), '0 commentaire', 'French: 0 is singular');
  assert.equal(plural(fr, 'readersDisputing', 1), '1 lecteur conteste l’article ou son auteur.');
  assert.equal(plural(fr, 'commentCount', 8), '8 commentaires');
});

test('the summary says stances once, in the UI language, quoting the page as written', () => {
  const model = { commentCount: 8, disputing: 3, agreeing: 1, disputedPassage: { excerpt: 'car ne faisant pas la propagande', readers: 2 } };
  assert.equal(summaryText(model, en),
    '3 readers dispute the article or its writer, 2 of them quoting “car ne faisant pas la propagande”. 1 reader praises the article.');
  assert.equal(summaryText(model, fr),
    '3 lecteurs contestent l’article ou son auteur, dont 2 en citant « car ne faisant pas la propagande ». 1 lecteur approuve l’article.');
  assert.ok(!summaryText(model, en).includes('8'), 'the comment count is the title\'s, not repeated');
  assert.equal(summaryText({ commentCount: 2, disputing: 0, agreeing: 0, disputedPassage: null }, en), 'No comment judges the article itself.');
  assert.equal(summaryText({ commentCount: 0, disputing: 0, agreeing: 0 }, en), '');
});

test('a theme about the article is introduced in the UI language', () => {
  assert.equal(themeLabel({ label: "l'article : propagande", topic: 'propagande', aboutArticle: true }, en), 'the article: propagande');
  assert.equal(themeLabel({ label: 'amazon, impôts', topic: 'amazon, impôts', aboutArticle: false }, en), 'amazon, impôts');
});

test('highlights.css draws each layer with the declarations the legend samples use', () => {
  const css = readFileSync(new URL('../src/draw/highlights.css', import.meta.url), 'utf8');
  const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const plainLooks = LAYERS.filter((layer) => layer.plain).map((layer) => layerLook(layer, true));
  // The plain looks are what big pages draw instead of an underline, so none has a text-decoration.
  assert.deepEqual(LAYERS.filter((layer) => layer.style.textDecoration).map((layer) => layerLook(layer, true).name),
    ['glose-quoted-plain', 'glose-editorial-cue-plain'], 'every underlined layer has a plain look');
  for (const look of plainLooks) assert.ok(!('textDecoration' in look.style), `${look.name} is a tint`);
  for (const layer of [...LAYERS.map((l) => layerLook(l)), ...plainLooks, PENDING_NOTE]) {
    const rule = css.match(new RegExp(`::highlight\\(${layer.name}\\) \\{([^}]*)\\}`))?.[1];
    assert.ok(rule, `a ::highlight rule for ${layer.name}`);
    const declared = Object.fromEntries(rule.split(';').map((d) => d.trim()).filter(Boolean).map((d) => d.split(/:\s*/)));
    const expected = Object.fromEntries(Object.entries(layer.style).map(([k, v]) => [kebab(k), v]));
    assert.deepEqual(declared, expected, layer.name);
    // A text-decoration on any registered highlight makes Chromium redo the whole page's
    // compositing inputs on every visual change (`node scripts/bench/paint-cost.mjs 10000
    // decorated,tinted`): the mark that lives while the note form is open stays a tint.
    if (layer === PENDING_NOTE) assert.deepEqual(Object.keys(layer.style), ['backgroundColor'], 'the pending note mark is a tint only');
    if (layer !== PENDING_NOTE) {
      const mark = css.match(new RegExp(`\\[data-glose-layer="${layer.name}"\\] \\{([^}]*)\\}`))?.[1] ?? '';
      assert.equal(mark.trim(), rule.trim(), `the <mark> fallback of ${layer.name} draws the same`);
    }
  }
});

test('the "show comments" button is found by its words in the vocabulary languages, and nothing else is', async () => {
  const { asksForComments } = await import('../src/content/more-comments.js');
  const asks = ['Show comments (12)', 'Load more comments', 'View all 48 comments', 'Afficher les commentaires', 'Voir les 23 réactions',
    'Kommentare anzeigen', 'Weitere Kommentare laden', 'Ver comentarios', 'Mostra i commenti', 'Carregar mais comentários', 'Reacties tonen',
    'Показать комментарии', 'عرض التعليقات', '查看评论', 'コメントを表示', '댓글 보기',
    // Each noun of each phrase (the noun pre-test must let them all through).
    'Show replies', 'See all responses', 'Read the reactions', 'Open the discussion', 'View conversation', 'Voir les réponses',
    'Plus de réactions', 'Antworten anzeigen', 'Reaktionen lesen', 'Diskussion öffnen', 'Leserkommentare anzeigen', 'Zeige Kommentare',
    'Mehr Antworten', 'Ver respuestas', 'Mais respostas', 'Más comentarios', 'Altri commenti', 'Vedi risposte', 'Opmerkingen bekijken',
    'Meer reacties', 'Показать ответы', 'Ещё комментарии', 'عرض الردود', 'تحميل تعليقات', '显示留言', '查看回复', '展開回覆', '更多評論',
    'コメントをもっと見る', 'すべてのコメント', '더 많은 댓글', 'Comment afficher les commentaires'];
  for (const label of asks) assert.ok(asksForComments(label), label);
  for (const label of ['Read more', 'Share', 'Most commented stories', 'Comments policy', 'Sign in to comment', 'Reply', 'Newsletter', 'Comments']) {
    assert.ok(!asksForComments(label), label);
  }
  // A button that is only the word (with a count) opens the section; a link saying so is a counter.
  assert.ok(asksForComments('Kommentare (23)', { bare: true }));
  assert.ok(!asksForComments('Kommentare (23)'));
  for (const label of ['Comments (4)', 'Commentaires', 'Comentários 12', 'Commenti', 'Reacties', 'Комментарии', 'التعليقات', '评论', '評論', '留言', 'コメント', '댓글 (3)']) {
    assert.ok(asksForComments(label, { bare: true }), label);
  }
});

test('comments read in frames and a "show comments" button are said in the UI language', () => {
  assert.equal(framesText({ frameComments: 0 }, en), '');
  assert.equal(framesText({ frameComments: 1 }, en), '1 of them was read in a comment widget embedded in the page.');
  assert.equal(framesText({ frameComments: 6 }, fr), 'Dont 6 lus dans des modules de commentaires intégrés à la page.');
  assert.equal(moreCommentsText('Kommentare anzeigen', en), 'More comments may be hidden behind the page’s “Kommentare anzeigen” button: Glose does not click it.');
  assert.equal(moreCommentsText('Show comments', fr), 'D’autres commentaires sont peut-être cachés derrière le bouton « Show comments » de la page : Glose ne clique pas dessus.');
});
