/**
 * The comment summary panel, drawn in a shadow root just above the page's comment section: the
 * summary text, the themes (a click outlines their comments), the most-quoted passages (a click
 * scrolls to the passage), how many readers dispute or agree with the article, and the legend of
 * the highlight colours. Page text is set as text only. Plain DOM only (shared with the playground).
 *
 * On big pages the panel is docked instead: a collapsible card in the browser's top layer (a
 * manual popover; a fixed element where popovers are missing) with a link down to the comments.
 * Inserting a block in the page's flow above 10,000 comments moves every one of them: Chromium then
 * spends ~250 ms of CPU in one rendering update (pre-paint), and as much again on removal; a top-layer
 * card costs ~20 ms, a fixed one ~55 ms (BENCHMARKS.md, issue 7, section 4).
 */
import { createShadowHost, el, showInTopLayer } from './shadow-host.js';
import { LAYERS, layerLook } from './highlights.js';
import { framesText, moreCommentsText, plural, summaryText, themeLabel } from './summary-words.js';

const CSS = `
/* contain: inline-size — the panel's text never widens a shrink-to-fit ancestor (a float, a flex item):
   it takes the width the page gives it (medium-3 in the soak: a row grew by 263 px). */
:host { all: initial; display: block; margin: 16px 0; contain: inline-size; }
:host([hidden]) { display: none; }
section { font: 14px/1.45 system-ui, sans-serif; color: #1b1b1b; background: #fffaf0; border: 1px solid #d9c89a;
  border-radius: 8px; padding: 12px 14px; }
h2 { font-size: 15px; margin: 0 0 6px; }
h3 { font-size: 13px; margin: 10px 0 4px; color: #5b4e2c; text-transform: uppercase; letter-spacing: .03em; }
p { margin: 0 0 6px; }
ul { margin: 0; padding-left: 1.1rem; }
button.link { all: unset; cursor: pointer; color: #1d4ed8; text-decoration: underline; }
button.link:focus-visible { outline: 2px solid #1d4ed8; }
button.link[aria-pressed="true"] { font-weight: 700; }
.count { font-weight: 700; }
p.actions { margin: 10px 0 0; }
.muted { color: #6b6250; }
.refinement { margin: 6px 0 0; font-size: 12px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 10px; font-size: 12px; }
.swatch { display: inline-block; margin-right: 5px; padding: 0 2px; font: 600 12px/1.3 system-ui, sans-serif; color: #1b1b1b; }
`;

/** The docked card's own rules: out of the page's flow, bottom right, scrolls inside itself. */
const DOCKED_CSS = `
:host { all: initial; display: block; position: fixed; inset: auto 16px 16px auto; margin: 0; padding: 0; border: 0;
  background: transparent; overflow: visible; width: min(380px, calc(100vw - 32px)); height: auto; z-index: 2147483647; }
:host([popover]:not(:popover-open)) { display: none; }
section { display: flex; flex-direction: column; max-height: min(60vh, 480px); box-sizing: border-box;
  box-shadow: 0 6px 24px rgba(0,0,0,.22); }
header { display: flex; align-items: baseline; gap: 8px; }
header h2 { flex: 1; margin: 0; }
:host([data-collapsed]) .body { display: none; }
.body { margin-top: 6px; overflow: auto; min-height: 0; }
button.toggle { all: unset; cursor: pointer; padding: 0 6px; font: 700 16px/1 system-ui, sans-serif; color: #5b4e2c; }
button.toggle:focus-visible { outline: 2px solid #1d4ed8; }
`;

/**
 * Draws the panel before `before` (the comment section element). `model` (`summaryModel`):
 * `{commentCount, themes: [{label, topic, aboutArticle, keywords, count}], quoted: [{text, count}], disputing, agreeing,
 * disputedPassage: {excerpt, readers}?}`; every sentence around page text is in the UI language.
 * `on`: `{theme(index, active), passage(index), openPanel?()}` (no side panel button without
 * `openPanel`). `t(key, subs)` gives UI strings. `docked`: draw the docked card (big pages) instead;
 * its "go to the comments" link scrolls `before` into view.
 * `refinement`: the refinement's state for the status line under the legend (`refinementText`).
 * `moreComments`: the label of the page's "show comments" button (Glose never clicks it), or null.
 * `plain`: the page's highlights are drawn with their plain looks (the legend shows those).
 * Returns `{host, docked, setRefinement(state), dispose()}`.
 */
export function drawSummaryPanel(doc, before, model, on, t, { docked = false, refinement = null, moreComments = null, plain = false } = {}) {
  const { host, root } = createShadowHost(doc, 'glose-summary', docked ? CSS + DOCKED_CSS : CSS);
  const themeButtons = [];
  // No comment read but a "show comments" button: the comments are not loaded, not absent.
  const count = !model.commentCount && moreComments ? t('commentsNotLoaded') : plural(t, 'commentCount', model.commentCount);
  const title = el(doc, 'h2', {}, t('summaryTitle'), ' · ', el(doc, 'span', { class: 'count', 'data-glose': 'comment-count' }, count));
  const text = summaryText(model, t);
  // Which model drew the editorial lines (the encoder's refinement, issue 15), in words.
  const status = el(doc, 'p', { class: 'muted refinement', role: 'status', 'data-glose': 'refinement' });
  const setRefinement = (state) => { status.textContent = refinementText(state, t); };
  setRefinement(refinement);
  const fromFrames = framesText(model, t);
  const body = [
    text ? el(doc, 'p', { 'data-glose': 'summary-text' }, text) : null,
    fromFrames ? el(doc, 'p', { class: 'muted', 'data-glose': 'frame-comments' }, fromFrames) : null,
    moreComments ? el(doc, 'p', { class: 'muted', 'data-glose': 'more-comments' }, moreCommentsText(moreComments, t)) : null,
    model.themes.length ? el(doc, 'h3', {}, t('themes')) : null,
    model.themes.length ? el(doc, 'ul', {}, model.themes.map((theme, i) => {
      const button = el(doc, 'button', { class: 'link', type: 'button', 'aria-pressed': 'false', 'data-glose': 'theme',
        onclick: () => {
          const active = button.getAttribute('aria-pressed') !== 'true';
          for (const b of themeButtons) b.setAttribute('aria-pressed', 'false');
          button.setAttribute('aria-pressed', String(active));
          on.theme(i, active);
        } }, themeLabel(theme, t));
      themeButtons.push(button);
      return el(doc, 'li', {}, button, el(doc, 'span', { class: 'muted' }, ` (${theme.count}) ${theme.keywords.join(', ')}`));
    })) : null,
    model.quoted.length ? el(doc, 'h3', {}, t('quotedPassages')) : null,
    model.quoted.length ? el(doc, 'ul', {}, model.quoted.map((passage, i) => el(doc, 'li', {},
      el(doc, 'button', { class: 'link', type: 'button', 'data-glose': 'passage', onclick: () => on.passage(i) },
        passage.text.length > 160 ? `${passage.text.slice(0, 160)}…` : passage.text),
      el(doc, 'span', { class: 'muted' }, ` — ${plural(t, 'quotedTimes', passage.count)}`)))) : null,
    on.openPanel ? el(doc, 'p', { class: 'actions' }, el(doc, 'button', { class: 'link', type: 'button', 'data-glose': 'open-panel',
      onclick: () => on.openPanel() }, t('openSidePanel'))) : null,
    el(doc, 'div', { class: 'legend', 'aria-label': t('legend') }, LAYERS.map((layer) =>
      el(doc, 'span', {}, swatch(doc, layer, plain), t(layer.legend)))),
    status,
  ];
  if (!docked) {
    root.append(el(doc, 'section', { 'aria-label': t('summaryTitle') }, title, body));
    insertInPlace(host, before);
    return { host, docked: false, setRefinement, dispose: () => host.remove() };
  }
  const toggle = el(doc, 'button', { class: 'toggle', type: 'button', 'aria-expanded': 'true', 'data-glose': 'collapse',
    'aria-label': t('collapsePanel'), title: t('collapsePanel'), onclick: () => setCollapsed(!host.hasAttribute('data-collapsed')) }, '−');
  function setCollapsed(collapsed) {
    host.toggleAttribute('data-collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? '+' : '−';
    const label = t(collapsed ? 'expandPanel' : 'collapsePanel');
    toggle.setAttribute('aria-label', label);
    toggle.setAttribute('title', label);
  }
  const goToComments = el(doc, 'button', { class: 'link', type: 'button', 'data-glose': 'go-to-comments',
    onclick: () => before.isConnected && before.scrollIntoView({ block: 'start', behavior: 'instant' }) }, t('goToComments'));
  root.append(el(doc, 'section', { 'aria-label': t('summaryTitle') },
    el(doc, 'header', {}, title, toggle),
    el(doc, 'div', { class: 'body' }, el(doc, 'p', {}, goToComments), body)));
  // The top layer: above the page's own stacking contexts, and shown without touching its layout.
  if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
  doc.documentElement.append(host);
  showInTopLayer(host);
  return { host, docked: true, setRefinement, dispose: () => host.remove() };
}

/**
 * Inserts the in-flow panel before `before` without moving what is above it. Where nothing in the
 * flow precedes the panel in its parent (an empty anchor does not count), the panel's top margin
 * collapses with the parent's in place of the comment section's (or its first child's), and the
 * parent box, with all it draws, moves by the difference (the section's heading had 20 px against
 * the panel's 16: the parent moved up 4 px; the soak run found it, RELIABILITY.md "Soak"). So the
 * ancestors' tops are measured before and after (one layout, which the next frame would do anyway),
 * and the panel's top margin is corrected by how far they moved. Set through CSSOM on Glose's own
 * element (a page CSP may refuse style attributes, not CSSOM).
 */
function insertInPlace(host, before) {
  before = blockFlowPoint(before);
  const ancestors = [];
  for (let node = before.parentElement; node && node !== host.ownerDocument.documentElement; node = node.parentElement) ancestors.push(node);
  const tops = ancestors.map((node) => node.getBoundingClientRect().top);
  before.parentNode.insertBefore(host, before);
  let moved = 0;
  ancestors.forEach((node, i) => {
    const d = node.getBoundingClientRect().top - tops[i];
    if (Math.abs(d) > Math.abs(moved)) moved = d;
  });
  if (Math.abs(moved) >= 0.5) {
    const margin = parseFloat(host.ownerDocument.defaultView.getComputedStyle(host).marginTop) || 0;
    host.style.marginTop = `${Math.max(0, margin - moved)}px`;
  }
}

/**
 * Where a block can go in the page's flow at `node`: `node` itself when its parent lays its
 * children out as blocks, one under the other; else its nearest ancestor that is such a child.
 * A block inserted into a row (flex or grid), a table's rows or cells, or an inline box would
 * become an item beside the page's own, or split their line, and reflow them; a parent narrower
 * than `MIN_PANEL_WIDTH` would squeeze the panel (the soak, medium-3: a "13 responses" button in a
 * small box of a flex row of icons; the row's items changed width, and once the panel could no
 * longer widen them it stood 90 px wide and 944 px tall).
 */
const MIN_PANEL_WIDTH = 320;

export function blockFlowPoint(node) {
  const view = node.ownerDocument.defaultView;
  const body = node.ownerDocument.body;
  let point = node;
  while (point.parentElement && point.parentElement !== body) {
    const style = view.getComputedStyle(point.parentElement);
    const display = style.display;
    const stacked = display === 'block' || display === 'flow-root' || display === 'list-item'
      || (/(^|\s)flex$/.test(display) && style.flexDirection.startsWith('column') && style.flexWrap === 'nowrap');
    // A parent narrower than a panel (a shrink-to-fit box around a button) would squeeze it into a column.
    const wide = point.parentElement.getBoundingClientRect().width >= Math.min(MIN_PANEL_WIDTH, view.innerWidth * 0.8);
    if (stacked && wide) break;
    point = point.parentElement;
  }
  return point;
}

/** The refinement's state (`content/refine.js` `Status`) in UI words; empty before it starts. */
export function refinementText(state, t) {
  const key = { pending: 'refinePending', encoder: 'refineEncoder', unavailable: 'refineUnavailable', skipped: 'refineSkipped',
    failed: 'refineFailed', dropped: 'refineFailed' }[state];
  return key ? t(key) : '';
}

/**
 * A legend sample: a few letters drawn with exactly the declarations the page's highlight uses
 * (`layerLook(layer, plain).style`, the same as highlights.css), on the layer it is drawn over (`layer.over`), so a
 * dotted underline shows as a dotted underline. Styled through CSSOM (an inline style attribute
 * could be refused by page CSP). `data-layer` names the layer as the page's registry does; `plain`:
 * its plain look ({@link layerLook}), as the page draws it.
 */
export function swatch(doc, layer, plain = false) {
  const look = layerLook(layer, plain);
  const sample = el(doc, 'span', { 'data-layer': look.name }, 'Abc');
  Object.assign(sample.style, look.style);
  const under = layer.over && LAYERS.find((l) => l.name === layer.over);
  if (!under) {
    sample.classList.add('swatch');
    return sample;
  }
  const base = el(doc, 'span', { class: 'swatch' }, sample);
  Object.assign(base.style, under.style);
  return base;
}
