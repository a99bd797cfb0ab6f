// Unit tests of the walker's reading of style sheets (src/read_dom/walk.js `styleSuspects`) on
// CSSOM-shaped objects: which ids, classes and tags a hiding rule can reach, which selectors must
// be queried, and when the walker gives up and checks every element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { styleSuspects } from '../../src/read_dom/walk.js';

const decls = (props) => ({ getPropertyValue: (name) => props[name] ?? '' });
const rule = (selectorText, props, cssRules) => ({ type: 1, selectorText, style: decls(props), ...(cssRules ? { cssRules } : {}) });
const media = (cssRules) => ({ type: 4, cssRules });
const sheet = (cssRules, extra = {}) => ({ disabled: false, cssRules, ...extra });
const unreadable = { disabled: false, get cssRules() { throw new Error('SecurityError'); } };

function docWith(sheets, { queried = [], animated = [], compatMode = 'CSS1Compat', origin = 'https://news.example' } = {}) {
  const queries = [];
  return {
    location: { origin },
    compatMode,
    styleSheets: sheets,
    adoptedStyleSheets: [],
    querySelectorAll(selector) {
      queries.push(selector);
      return queried;
    },
    getAnimations: () => animated.map((target) => ({ effect: { target } })),
    queries,
  };
}

const sorted = (set) => [...set].sort();

test('hiding rules give the id, class or tag their subject requires', () => {
  const doc = docWith([sheet([
    rule('.menu li, #ad, aside', { display: 'none' }),
    rule('.a > .b:hover::before', { visibility: 'hidden' }),
    rule('div.card .title', { display: 'var(--d)' }),
    rule('.md\\:hidden', { display: 'none' }),
    rule('.\\31 0', { display: 'none' }),
    rule('p.keep', { display: 'block', visibility: 'visible' }),
    rule('.shown', { display: 'flex' }),
    rule('.reset', { all: 'unset' }),
    rule('.inherit', { display: 'inherit' }),
    media([rule('.narrow', { display: 'none' })]),
  ])]);
  const s = styleSuspects(doc);
  assert.deepEqual(sorted(s.ids), ['ad']);
  assert.deepEqual(sorted(s.classes), ['10', 'b', 'inherit', 'md:hidden', 'narrow', 'reset', 'title']);
  assert.deepEqual(sorted(s.tags), ['aside', 'li']);
  assert.equal(s.elements.size, 0);
  assert.deepEqual(doc.queries, [], 'nothing to query');
});

test('selectors without an id, class or tag in their subject are queried', () => {
  const matched = { name: 'matched' };
  const doc = docWith([sheet([
    rule('ol > :nth-child(2), [data-hide="a, b"]', { display: 'none' }),
    rule(':is(.a, .b)', { display: 'none' }),
  ])], { queried: [matched] });
  const s = styleSuspects(doc);
  assert.deepEqual(doc.queries, ['ol > :nth-child(2),[data-hide="a, b"],:is(.a, .b)']);
  assert.ok(s.elements.has(matched));
});

test('nested rules take their parent subject for `&`, and `&` is queried as any element', () => {
  const doc = docWith([sheet([
    rule('.card', {}, [
      rule('&:hover', { display: 'none' }),
      rule('.inner', { visibility: 'collapse' }),
      { type: 0, style: decls({ display: 'none' }) },
    ]),
    rule('& [x="&"]', { display: 'none' }),
  ])]);
  const s = styleSuspects(doc);
  assert.deepEqual(sorted(s.classes), ['card', 'inner']);
  assert.deepEqual(doc.queries, [':where(*) [x="&"]']);
});

test('animated elements are suspects', () => {
  const target = { name: 'spinning' };
  const s = styleSuspects(docWith([], { animated: [target] }));
  assert.ok(s.elements.has(target));
});

test('quirks mode matches classes and ids case-insensitively', () => {
  const s = styleSuspects(docWith([sheet([rule('.Ad, #Top', { display: 'none' })])], { compatMode: 'BackCompat' }));
  assert.deepEqual(sorted(s.classes), ['ad']);
  assert.deepEqual(sorted(s.ids), ['top']);
  assert.equal(s.quirks, true);
});

test('disabled sheets and imported sheets', () => {
  const s = styleSuspects(docWith([
    sheet([rule('.off', { display: 'none' })], { disabled: true }),
    sheet([{ type: 3, styleSheet: sheet([rule('.imported', { display: 'none' })]) }]),
  ]));
  assert.deepEqual(sorted(s.classes), ['imported']);
});

test('an unreadable sheet or a selector it cannot read means every element is checked', () => {
  assert.equal(styleSuspects(docWith([sheet([rule('.a', { display: 'none' })]), unreadable])), null);
  assert.equal(styleSuspects(docWith([sheet([rule('svg|a', { display: 'none' })])])), null);
  assert.equal(styleSuspects(docWith([sheet([{ type: 1, selectorText: '.a', style: decls({ display: 'none' }) }, { type: 3, styleSheet: unreadable }])])), null);
  // Nested declarations at the top level of a sheet (no enclosing rule) are not understood.
  assert.equal(styleSuspects(docWith([sheet([{ type: 0, style: decls({ display: 'none' }) }])])), null);
  // Too many selectors to query: checking every element is cheaper.
  const many = Array.from({ length: 65 }, (_, i) => rule(`[data-x="${i}"]`, { display: 'none' }));
  assert.equal(styleSuspects(docWith([sheet(many)])), null);
});

test('a selector is read only where its rule could hide or holds nested rules', () => {
  // Not understood, but the rule cannot hide: it needs no key, and its selector is not read.
  const unread = { type: 1, get selectorText() { throw new Error('selectorText read'); }, style: decls({ color: 'red' }) };
  const s = styleSuspects(docWith([sheet([rule('svg|a', { color: 'red', display: 'block' }), unread, rule('.ad', { display: 'none' })])]));
  assert.deepEqual(sorted(s.classes), ['ad']);
  // Its nested rules take their keys from it: a hiding one under a selector not understood gives up.
  assert.equal(styleSuspects(docWith([sheet([rule('svg|a', {}, [rule('&.x', { display: 'none' })])])])), null);
  assert.deepEqual(sorted(styleSuspects(docWith([sheet([rule('.card', {}, [rule('&:hover', { display: 'none' })])])])).classes), ['card']);
});

test('a sheet from another origin is given up on before any rule is read', () => {
  let read = false;
  const inline = { disabled: false, get cssRules() { read = true; return [rule('.a', { display: 'none' })]; } };
  const foreign = { disabled: false, href: 'https://cdn.example/site.css', ownerNode: { hasAttribute: () => false }, get cssRules() { throw new Error('SecurityError'); } };
  assert.equal(styleSuspects(docWith([inline, foreign])), null);
  assert.equal(read, false);
  const own = { disabled: false, href: 'https://news.example/site.css', cssRules: [rule('.b', { display: 'none' })] };
  assert.deepEqual(sorted(styleSuspects(docWith([own])).classes), ['b']);
});
