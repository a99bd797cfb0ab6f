/**
 * The comment summary in the reader's UI language: the core reports counts and passages
 * (`report.summary`: `disputing`, `agreeing`, `disputed_passage`), this module words them with the
 * `_locales` strings, so the card and the side panel never mix the page's language into their own.
 * Passages stay as the page wrote them. Plain DOM only (shared with the playground).
 *
 * Plurals: a counted string has one key per CLDR plural category of the UI language, `key_one`,
 * `key_other` (and `key_many`… where a language needs them; `key_other` is the fallback).
 */

/** The UI language as a BCP 47 tag, from `t('@@ui_locale')` (English where `t` has none). */
function uiLocale(t) {
  const locale = t('@@ui_locale');
  return typeof locale === 'string' && /^[a-z]{2,3}([_-]\w+)?$/i.test(locale) ? locale.replace('_', '-') : 'en';
}

/** `t(key_<category of n>, [n, ...more])`: a counted string in the right plural form. */
export function plural(t, key, n, more = []) {
  let category = 'other';
  try {
    category = new Intl.PluralRules(uiLocale(t)).select(n);
  } catch {
    category = n === 1 ? 'one' : 'other';
  }
  const subs = [String(n), ...more.map(String)];
  const wanted = `${key}_${category}`;
  const text = t(wanted, subs);
  return text && text !== wanted ? text : t(`${key}_other`, subs);
}

/**
 * What readers say of the article itself, in a sentence or two: how many dispute it (and the
 * passage they quote most), how many praise it. The comment count, the themes and the most-quoted
 * passages are shown apart and are not repeated here. `model` is `summaryModel(report)`.
 */
export function summaryText(model, t) {
  const sentences = [];
  const passage = model.disputedPassage;
  if (model.disputing) {
    sentences.push(passage?.excerpt
      ? plural(t, 'readersDisputingQuoting', model.disputing, [String(passage.readers), passage.excerpt])
      : plural(t, 'readersDisputing', model.disputing));
  }
  if (model.agreeing) sentences.push(plural(t, 'readersAgreeing', model.agreeing));
  if (!sentences.length && model.commentCount) sentences.push(t('noStance'));
  return sentences.join(' ');
}

/** A theme's label in the UI language: "the article: …" said by the UI, the readers' words as written. */
export function themeLabel(theme, t) {
  if (!theme.aboutArticle) return theme.label;
  return theme.topic ? t('themeAboutArticle', [theme.topic]) : t('themeTheArticle');
}

/**
 * A cue kind of the report (`loaded`, `stance_adverb`, `wording`…) in the reader's UI language
 * (`cue_<kind>` in `_locales`); a kind without a string is shown as the report names it.
 */
export function cueKindLabel(t, kind) {
  const key = `cue_${kind}`;
  const label = t(key);
  return typeof label === 'string' && label && label !== key ? label : String(kind);
}

/** How many of the comments were read in comment widgets embedded in the page (frames), in words; '' for none. */
export function framesText(model, t) {
  return model.frameComments ? plural(t, 'frameComments', model.frameComments) : '';
}

/** That more comments may be hidden behind the page's button `label` (Glose never clicks it). */
export function moreCommentsText(label, t) {
  return t('moreCommentsHidden', [label.length > 60 ? `${label.slice(0, 60)}…` : label]);
}
