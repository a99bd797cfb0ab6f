// The one page walker. The wasm live reader (src/read_dom.rs, through `glose_walk_dom`) and the
// extension's JavaScript reader (extension/src/content/snapshot.js: strict-CSP pages and big
// pages, which scripts/build-extension.sh gives a copy of this file as src/content/walk.js) both
// walk the page with `walker`: document order through firstChild/nextSibling, open shadow roots
// and slots' assigned nodes as the browser renders them (the flat tree), attributes by local
// name, elements hidden by computed style left out. What it reads goes to a sink: the wasm
// stream below, or the snapshot's JSON.
//
// The rule lists (kept attributes, skipped elements, elements never style-checked, Glose's own
// tag prefix, the reading limits) are Rust's (crates/glose-read/src/snapshot/mod.rs, src/read_dom.rs,
// crates/glose-read/src/snapshot/limits.rs): passed in by the wasm reader, generated for the extension by the build.
// The walker applies the markup rules itself (`skipsElement`, `hiddenByMarkup`: Rust's
// `skips_element` and `hidden_by_markup`, which the wasm reader applies again), so that every
// node it reads is a snapshot node in both readers and the reading limits stop both at the same
// node; `accept` may leave out more (the extension's own elements by identity).
//
// Computed style (`styleSuspects`): an element is asked for its computed style only where the
// answer could be "hidden". Whether a body element is dropped depends on its own computed
// `display` (none) and `visibility` (hidden/collapse); `display` is not inherited and `visibility`
// is inherited from a parent the walk has already found visible. So an element can only be hidden
// by a declaration that matches it: an inline style, a user-agent rule, an animation, or a rule of
// the page's style sheets. Before walking, the walker reads every rule of the document's (and
// adopted) style sheets, keeps those that set `display`, `visibility` or `all` to anything that
// could hide, and notes the id, class or tag that the last compound of each selector requires
// (selectors without one are run with `querySelectorAll`); running animations add their targets.
// An element is then checked when: it is not one of the `PLAIN_TAGS` (user-agent style hides
// `dialog`, `rp`, closed popovers…) or has a `popover` or `style` attribute, it carries a noted
// id, class or tag, it was matched or is animated, its parent was not itself found visible (the
// children of an unchecked void element, `<body>` when its own visibility is not `visible`), or it
// is in a shadow tree or slotted (their style sheets are not read). When any sheet cannot be read
// (cross-origin), or the selector of a rule that could hide (or holds nested rules) is not
// understood, every body element is checked as before. Style
// the page cannot see (sheets injected by other extensions, user style sheets) is not taken into
// account.
//
// Reading limits (crates/glose-read/src/snapshot/limits.rs): the walk stops before the node that would make more
// than `limits.nodes` nodes, reads only the first units of a long text node (`substringData`, never
// the whole data), stops inside the text node that crosses `limits.text` units of text in all, and
// says which limit cut the most (`truncated`: 'text_node' < 'nodes' < 'text'). A page past the
// node or text limit is analysed on its first part only (`limits.past_nodes` nodes,
// `limits.past_text` units: `limits::cap`): a document of more elements than `limits.nodes` is
// known to be past before it is read, and then only that part is walked; otherwise the walk
// notes where the part ends (`sink.mark`) and, once past a limit, keeps only the part (`part()`).
// Past a limit it does no more work.
const XHTML = 'http://www.w3.org/1999/xhtml';
const SKIP = 1;
const UNCHECKED = 2;
const BODY = 4;
const SCRIPT = 8;
const SLOT = 16;
const PLAIN = 32;
const SUSPECT_TAG = 64;
const HOST = 128;
// Frame modes.
const IN_BODY = 1;
const FREE = 2;
const SCOPED = 4;
// Attribute name codes.
const KEPT_ATTR = 1;
const STYLE_ATTR = 2;
const POPOVER_ATTR = 4;
const UNUSUAL_ATTR = 8;
const MARKUP_ATTR = 16;
const CLASS_ATTR = 32;
const ID_ATTR = 64;
/** The attribute names `hiddenByMarkup` reads besides `style`: without them it says false. */
const MARKUP_NAMES = new Set(['hidden', 'aria-hidden', 'type']);
const ATTR_FLAG_BITS = 7;
const UNUSUAL_NAME = /[:A-Z]/;
const VISIBILITY = Object.freeze({ visibilityProperty: true });
/**
 * `Element.prototype`'s own `className` and `id` getters (null outside a browser): called as such,
 * they cannot be shadowed by a form's named controls (`<input name="id">`), an SVG element's
 * `className` object or a page's own property.
 */
const ELEMENT_GETTER = (name) => {
  const proto = globalThis.Element?.prototype;
  return (proto && Object.getOwnPropertyDescriptor(proto, name)?.get) ?? null;
};
const CLASS_NAME = ELEMENT_GETTER('className');
const ELEMENT_ID = ELEMENT_GETTER('id');

/** Which reading limit cut the most: Rust's `Limit` order. */
const LIMIT_RANK = { text_node: 1, nodes: 2, text: 3 };

function asciiLower(s) {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

/**
 * The rules as the walker uses them, from Rust's lists: `kept` attribute names (plus every
 * `aria-*`), `skipped` elements, elements never asked for computed style (`unchecked`), the tag
 * `prefix` of Glose's own elements and the reading `limits` (`{nodes, text_node, text}`, see
 * crates/glose-read/src/snapshot/limits.rs; none when absent).
 */
export function walkRules({ kept, skipped, unchecked, prefix, limits = null }) {
  return {
    kept: new Set(kept),
    skipped: new Set(skipped),
    unchecked: new Set(unchecked),
    prefix,
    limits: {
      nodes: limits?.nodes ?? Infinity,
      textNode: limits?.text_node ?? Infinity,
      text: limits?.text ?? Infinity,
      pastNodes: limits?.past_nodes ?? Infinity,
      pastText: limits?.past_text ?? Infinity,
    },
  };
}

/** `skips_element`: scripts (except JSON-LD) and the `skipped` elements (a lower-case `tag`). */
export function skipsElement(rules, tag, attr) {
  if (tag === 'script') return (attr('type') ?? '').trim().toLowerCase() !== 'application/ld+json';
  return rules.skipped.has(tag);
}

/** `hidden_by_markup`: hidden attribute, aria-hidden=true, input type=hidden, inline display/visibility. */
export function hiddenByMarkup(tag, attr) {
  if (attr('hidden') !== undefined) return true;
  const ariaHidden = attr('aria-hidden');
  if (ariaHidden !== undefined && ariaHidden.trim().toLowerCase() === 'true') return true;
  if (tag === 'input' && (attr('type') ?? '').toLowerCase() === 'hidden') return true;
  const style = attr('style');
  if (style !== undefined) {
    const compact = style.replace(/\s+/g, '').toLowerCase();
    if (compact.includes('display:none') || compact.includes('visibility:hidden')) return true;
  }
  return false;
}


/**
 * HTML elements that no user-agent style sheet hides (by tag; `hidden`, `popover`, `style` and
 * the page's own rules are handled apart), and custom elements (a `-` in the name).
 */
const PLAIN_TAGS = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'body', 'br',
  'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'data', 'dd', 'del', 'details', 'dfn', 'div',
  'dl', 'dt', 'em', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'i', 'img', 'ins', 'kbd', 'label', 'legend', 'li', 'main', 'mark',
  'menu', 'nav', 'nobr', 'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'search', 'section', 'small',
  'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);

/** The elements `attachShadow` accepts besides custom elements (a `-` in the name). */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'main', 'nav', 'p', 'section', 'span',
]);

/** More selectors without an id, class or tag than this: checking every element is cheaper. */
const MAX_QUERIED_SELECTORS = 64;

/** Whether a declaration block can make its elements hidden (`display`, `visibility`, `all`). */
function hides(style) {
  const display = style.getPropertyValue('display');
  if (display !== '' && /none|inherit|revert|\(/i.test(display)) return true;
  const visibility = style.getPropertyValue('visibility');
  if (visibility !== '' && visibility.trim().toLowerCase() !== 'visible') return true;
  return style.getPropertyValue('all') !== '';
}

const HEX = /^[0-9a-fA-F]$/;

/** A CSS identifier starting at `i` of `s`, unescaped: `[ident, end]`. */
function readIdent(s, i) {
  let out = '';
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      let j = i + 1;
      let hex = '';
      while (j < s.length && hex.length < 6 && HEX.test(s[j])) hex += s[j++];
      if (hex) {
        if (s[j] === ' ') j += 1;
        const cp = parseInt(hex, 16);
        out += cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(cp);
        i = j;
      } else {
        out += s[i + 1] ?? '';
        i += 2;
      }
    } else if (/[-_a-zA-Z0-9]/.test(c) || c.charCodeAt(0) >= 0x80) {
      out += c;
      i += 1;
    } else {
      break;
    }
  }
  return [out, i];
}

/** The index just past the escape (`\\` then a character, or up to 6 hex digits and one space) at `i`. */
function skipEscape(s, i) {
  let j = i + 1;
  const start = j;
  while (j < s.length && j - start < 6 && HEX.test(s[j])) j += 1;
  if (j === start) return i + 2;
  return s[j] === ' ' ? j + 1 : j;
}

/** The index just past the bracket or quote that closes the one at `i` (quotes and escapes respected). */
function skipGroup(s, i) {
  const open = s[i];
  if (open === '"' || open === "'") {
    for (let j = i + 1; j < s.length; j += 1) {
      if (s[j] === '\\') j = skipEscape(s, j) - 1;
      else if (s[j] === open) return j + 1;
    }
    return s.length;
  }
  const close = open === '(' ? ')' : ']';
  for (let j = i + 1; j < s.length; j += 1) {
    const c = s[j];
    if (c === '\\') j = skipEscape(s, j) - 1;
    else if (c === '"' || c === "'" || c === '(' || c === '[') j = skipGroup(s, j) - 1;
    else if (c === close) return j + 1;
  }
  return s.length;
}

/** The top-level pieces of a selector list (split at commas outside brackets and quotes). */
function complexSelectors(list) {
  const out = [];
  let start = 0;
  for (let i = 0; i < list.length;) {
    const c = list[i];
    if (c === '\\') i = skipEscape(list, i);
    else if (c === '(' || c === '[' || c === '"' || c === "'") i = skipGroup(list, i);
    else if (c === ',') {
      out.push(list.slice(start, i).trim());
      start = i += 1;
    } else i += 1;
  }
  out.push(list.slice(start).trim());
  return out;
}

/**
 * What the subject (last compound) of a complex selector requires: `{id}`, `{cls}` or `{tag}`
 * (any one is enough: an element matching the selector has all of them), `{nest: true}` when it
 * is the parent rule's subject (`&`, `:scope`), `{query}` when it names none, null when not understood.
 */
function subjectKey(complex) {
  let start = 0;
  for (let i = 0; i < complex.length;) {
    const c = complex[i];
    if (c === '\\') i = skipEscape(complex, i);
    else if (c === '(' || c === '[' || c === '"' || c === "'") i = skipGroup(complex, i);
    else if (c === ' ' || c === '>' || c === '+' || c === '~' || c === '\t' || c === '\n') start = i += 1;
    else i += 1;
  }
  const compound = complex.slice(start);
  if (compound === '') return null;
  let id = null;
  let cls = null;
  let tag = null;
  let nest = false;
  for (let i = 0; i < compound.length;) {
    const c = compound[i];
    if (c === '#' || c === '.') {
      const [name, end] = readIdent(compound, i + 1);
      if (name === '') return null;
      if (c === '#') id ??= name;
      else cls ??= name;
      i = end;
    } else if (c === '[' || c === '"' || c === "'") {
      i = skipGroup(compound, i);
    } else if (c === ':') {
      let j = i + 1;
      if (compound[j] === ':') j += 1;
      const [name, end] = readIdent(compound, j);
      if (name.toLowerCase() === 'scope') nest = true;
      i = compound[end] === '(' ? skipGroup(compound, end) : end;
    } else if (c === '&') {
      nest = true;
      i += 1;
    } else if (c === '|') {
      return null;
    } else if (i === 0 && c === '*') {
      i += 1;
    } else if (i === 0) {
      const [name, end] = readIdent(compound, i);
      if (name === '') return null;
      tag = name.toLowerCase();
      i = end;
    } else {
      return null;
    }
  }
  if (id !== null) return { id };
  if (cls !== null) return { cls };
  if (tag !== null) return { tag };
  if (nest) return { nest: true };
  return { query: complex };
}

/** `&` and `:scope` (outside quotes and attribute values) as `:where(*)`: a selector matching at least as much. */
function unnested(complex) {
  let out = '';
  for (let i = 0; i < complex.length;) {
    const c = complex[i];
    if (c === '\\') {
      const end = skipEscape(complex, i);
      out += complex.slice(i, end);
      i = end;
    } else if (c === '[' || c === '"' || c === "'") {
      const end = skipGroup(complex, i);
      out += complex.slice(i, end);
      i = end;
    } else if (c === '&') {
      out += ':where(*)';
      i += 1;
    } else if (c === ':' && complex.slice(i, i + 6).toLowerCase() === ':scope' && !/[-_a-zA-Z0-9]/.test(complex[i + 6] ?? '')) {
      out += ':where(*)';
      i += 6;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/**
 * The elements a document's style could hide, as `{ids, classes, tags, elements, quirks}` (Sets;
 * `elements` matched by selectors without an id, class or tag, and animated elements), or null
 * when its style sheets cannot all be read or understood: then every element must be checked.
 */
export function styleSuspects(doc) {
  const found = { ids: new Set(), classes: new Set(), tags: new Set(), queries: [] };
  const quirks = doc.compatMode === 'BackCompat';
  const fold = (name) => (quirks ? name.toLowerCase() : name);
  // `parent`: the keys of the enclosing style rule (nesting), null at the top.
  const note = (keys) => {
    for (const k of keys) {
      if (k.id !== undefined) found.ids.add(fold(k.id));
      else if (k.cls !== undefined) found.classes.add(fold(k.cls));
      else if (k.tag !== undefined) found.tags.add(k.tag);
      else found.queries.push(k.query);
    }
  };
  const keysOf = (selectorText, parent) => {
    const keys = [];
    for (const complex of complexSelectors(selectorText)) {
      const key = subjectKey(complex);
      if (key === null) return null;
      if (key.nest) {
        if (parent === null) keys.push({ query: unnested(complex) });
        else keys.push(...parent);
      } else if (key.query !== undefined) {
        keys.push({ query: unnested(key.query) });
      } else {
        keys.push(key);
      }
    }
    return keys;
  };
  const rulesOf = (rules, parent) => {
    for (let r = 0; r < rules.length; r += 1) {
      const rule = rules[r];
      const type = rule.type;
      if (type === 1 || (type === 0 && 'selectorText' in rule && 'style' in rule)) {
        // The selector matters only where the rule can hide or holds nested rules (`&`): most
        // rules are neither, and reading and parsing `selectorText` cost more than `hides`.
        const hiding = hides(rule.style);
        const nested = rule.cssRules;
        const nesting = nested !== undefined && nested !== null && nested.length > 0;
        if (hiding || nesting) {
          const keys = keysOf(rule.selectorText, parent);
          if (keys === null) return false;
          if (hiding) note(keys);
          if (nesting && !rulesOf(nested, keys)) return false;
        }
      } else if (type === 3) {
        if (rule.styleSheet && !sheetOf(rule.styleSheet)) return false;
      } else if (type === 4 || type === 12 || (type === 0 && 'cssRules' in rule)) {
        // @media, @supports, @layer, @container, @scope, @starting-style…: their rules may apply.
        if (!rulesOf(rule.cssRules, parent)) return false;
      } else if (type === 0 && 'style' in rule && !('selectorText' in rule)) {
        // Declarations nested after rules: the enclosing rule's elements (at the top: unknown).
        if (hides(rule.style)) {
          if (parent === null) return false;
          note(parent);
        }
      }
      // Anything else selects no element (@font-face, @keyframes — animations are found by
      // getAnimations below —, @page, @namespace, @property, @counter-style…).
    }
    return true;
  };
  const sheetOf = (sheet) => {
    if (sheet.disabled) return true;
    let rules;
    try {
      rules = sheet.cssRules;
    } catch {
      return false; // a cross-origin sheet: its rules are out of reach
    }
    return rulesOf(rules, null);
  };
  try {
    // A sheet from another origin without CORS cannot be read: give up before reading any rule
    // (throwing the SecurityError costs more than the check, on most real pages).
    const origin = doc.location?.origin;
    if (origin && origin !== 'null') {
      for (const sheet of doc.styleSheets) {
        const href = sheet.href;
        if (href && !sheet.disabled && !href.startsWith(`${origin}/`) && !sheet.ownerNode?.hasAttribute?.('crossorigin')) return null;
      }
    }
    for (const sheet of doc.styleSheets) if (!sheetOf(sheet)) return null;
    for (const sheet of doc.adoptedStyleSheets ?? []) if (!sheetOf(sheet)) return null;
    if (found.queries.length > MAX_QUERIED_SELECTORS) return null;
    const elements = new Set(found.queries.length > 0 ? doc.querySelectorAll(found.queries.join(',')) : []);
    for (const animation of doc.getAnimations?.() ?? []) {
      const target = animation.effect?.target;
      if (target) elements.add(target);
    }
    return { ids: found.ids, classes: found.classes, tags: found.tags, elements, quirks };
  } catch {
    return null;
  }
}

/**
 * How many elements the document holds (its tree, not shadow trees or template contents: the
 * elements Rust's `read_html::element_count` counts), in one native call.
 */
export function elementCount(doc) {
  // Not a document (a test's stand-in): counted as small, and the walk says what breaks.
  return typeof doc.getElementsByTagName === 'function' ? doc.getElementsByTagName('*').length : 0;
}

/**
 * The first `units` UTF-16 units of a text node without reading the rest of it, one fewer when
 * that would end on the first half of a surrogate pair (as Rust's `limits::cap` cuts).
 */
function startOf(node, units) {
  const s = node.substringData(0, units);
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? s.slice(0, -1) : s;
}

/**
 * A resumable walk of a rendered document. `step(budget)` reads up to `budget` more nodes and
 * returns whether the walk is done; `live[j]` is the node of walk index j (0 = the document),
 * `styleChecks` how many elements were checked against computed style.
 *
 * For each node read it calls `sink.text(parent, data)` or `sink.element(parent, localName, tag,
 * attributes)` (parent: the walk index of the parent; `tag` lower-case; `attributes` the kept
 * ones plus `style`, in the order the element lists them: `{names, values, count}`, reused).
 * `accept(tag, attr, element)` (attr: name → value or undefined) may leave out more elements
 * with their subtree. `computedStyle: false` skips the computed-style checks. `truncated` is
 * null, or the reading limit that cut the most ('text_node', 'nodes', 'text'); after 'nodes' or
 * 'text' the walk is done.
 *
 * The stack lives in parallel arrays reused across elements: no allocation per element.
 */
export function walker(doc, rules, sink, { accept = null, computedStyle = true } = {}) {
  const view = computedStyle ? doc.defaultView : null;
  // What the page's style could hide (null: check every body element).
  const suspects = view !== null ? styleSuspects(doc) : null;
  const classVerdicts = new Map();
  const tags = new Map();
  const nameCodes = new Map();
  const names = [];
  const values = [];
  // `tagKey`: a small integer per tag name, `keys[k]` one per attribute name (for sinks' tables).
  const keys = [];
  const attributes = { names, values, keys, count: 0, tagKey: 0 };
  // STYLE_ATTR / POPOVER_ATTR / MARKUP_ATTR of the element being read.
  let marks = 0;
  const attr = (name) => {
    for (let i = 0; i < attributes.count; i += 1) if (names[i] === name) return values[i];
    return undefined;
  };
  // Blink (told by its CSS Typed OM, which Gecko lacks): reading `display` and `visibility` from
  // `getComputedStyle` costs less than `checkVisibility({visibilityProperty: true})` alone, where
  // in Gecko it costs twice as much (scripts/bench/walk-apis.mjs: ~0.85 against ~0.93 µs an
  // element in Chromium, ~1.4 against ~0.47 µs in Firefox). The verdict is the same.
  const blink = typeof doc.documentElement?.computedStyleMap === 'function';
  const styleFirst = view !== null && blink;
  // Blink's (and WebKit's) bindings also hand a text node's string to script without copying it
  // (`data` below).
  const sharedData = blink;
  const live = [doc];
  const state = { live, styleChecks: 0, truncated: null, prefix: null, step, part };
  const { textNode: maxTextNode, pastNodes, pastText } = rules.limits;
  let { nodes: maxNodes, text: maxText } = rules.limits;
  let textUnits = 0;
  const cut = (limit) => {
    if (state.truncated === null || LIMIT_RANK[limit] > LIMIT_RANK[state.truncated]) state.truncated = limit;
  };
  // A document of more elements than `maxNodes` is past the node limit before it is read (as
  // Rust's readers count it: `read_html`, `limits::cap`): only its first part is read, and the
  // walk stops there (a million-element page costs what its first `pastNodes` cost).
  const pastAtStart = Number.isFinite(pastNodes) && elementCount(doc) > maxNodes;
  if (pastAtStart) {
    maxNodes = Math.min(maxNodes, pastNodes);
    maxText = Math.min(maxText, pastText);
    cut('nodes');
  }
  // The part of the page analysed when it goes past a page limit (`pastNodes`, `pastText`: Rust's
  // PAST_LIMIT_*, `limits::cap`): where it ends is noted once (`state.prefix`: the nodes in it,
  // the limit that ends it) and told to the sink (`sink.mark(parent, text)`, `text` the start of
  // the text node it ends inside, or null). The walk goes on: only reaching `maxNodes` or
  // `maxText` says whether the page is past a limit.
  const endPart = (limit, parent, data) => {
    state.prefix = { live: live.length + (data ? 1 : 0), limit };
    sink.mark?.(parent, data);
  };
  /**
   * What the walk read, as the analysis takes it: `{live, truncated, part}` where `part` is true
   * when the page went past a page limit and only its first part is kept (`live` cut to it; the
   * sink was told with `mark`).
   */
  function part() {
    const past = state.truncated === 'nodes' || state.truncated === 'text';
    if (!past || state.prefix === null) return { live, truncated: state.truncated, part: false };
    const truncated = LIMIT_RANK[state.prefix.limit] > LIMIT_RANK[state.truncated] ? state.prefix.limit : state.truncated;
    return { live: live.slice(0, state.prefix.live), truncated, part: true };
  }
  // Frame k: the next sibling to read (or a slot's assigned list and an index), its parent's
  // walk index, and its mode: IN_BODY (inside <body>), FREE (the parent is known visible and its
  // styles are the document's: children need a check only when suspect), SCOPED (in a shadow tree
  // or slotted: always checked).
  const cursors = [doc.firstChild];
  const lists = [null];
  const indexes = [0];
  const parents = [0];
  const modes = [0];
  let depth = 1;
  function push(cursor, list, parent, mode) {
    cursors[depth] = cursor;
    lists[depth] = list;
    indexes[depth] = 0;
    parents[depth] = parent;
    modes[depth] = mode;
    depth += 1;
  }
  // An attribute name's code: its key (code >> ATTR_FLAG_BITS) and flags (KEPT_ATTR, STYLE_ATTR,
  // POPOVER_ATTR, UNUSUAL_ATTR, MARKUP_ATTR, CLASS_ATTR, ID_ATTR).
  function codeOf(name) {
    let code = nameCodes.get(name);
    if (code === undefined) {
      code = nameCodes.size << ATTR_FLAG_BITS;
      if (name === 'style') code |= KEPT_ATTR | STYLE_ATTR;
      else if (name.startsWith('aria-') || rules.kept.has(name)) code |= KEPT_ATTR;
      else if (name === 'popover') code |= POPOVER_ATTR;
      if (UNUSUAL_NAME.test(name)) code |= UNUSUAL_ATTR;
      if (MARKUP_NAMES.has(name)) code |= MARKUP_ATTR;
      if (name === 'class') code |= CLASS_ATTR;
      else if (name === 'id') code |= ID_ATTR;
      nameCodes.set(name, code);
    }
    return code;
  }
  function keep(name, code, value) {
    names[attributes.count] = name;
    values[attributes.count] = value;
    keys[attributes.count] = code >> ATTR_FLAG_BITS;
    attributes.count += 1;
  }
  // Only the attributes the rules use are read (kept ones, `style`), and `popover` is noted.
  function readAttributes(node) {
    attributes.count = 0;
    marks = 0;
    if (!node.hasAttributes()) return;
    // Names as strings, values by name: no Attr object per attribute. `getAttribute` finds an
    // attribute by qualified name, lower-cased on HTML elements: a prefixed (`xml:lang`) or
    // upper-case name, or the same name twice (namespaced attributes set by script), takes the
    // slow path through the Attr objects and their local names.
    const list = node.getAttributeNames();
    let slow = list.length > 16;
    for (let k = 0; k < list.length && !slow; k += 1) {
      const name = list[k];
      const code = codeOf(name);
      if (code & UNUSUAL_ATTR) slow = true;
      for (let j = 0; j < k; j += 1) if (list[j] === name) slow = true;
      marks |= code & (STYLE_ATTR | POPOVER_ATTR | MARKUP_ATTR);
      if (code & KEPT_ATTR) keep(name, code, code & (CLASS_ATTR | ID_ATTR) ? classOrId(node, name, code) : node.getAttribute(name) ?? '');
    }
    if (slow) {
      attributes.count = 0;
      marks = 0;
      for (const a of node.attributes) {
        const code = codeOf(a.localName);
        marks |= code & (STYLE_ATTR | POPOVER_ATTR | MARKUP_ATTR);
        if (code & KEPT_ATTR) keep(a.localName, code, a.value);
      }
    }
  }
  // `class` and `id` through their reflecting getters: half the cost of `getAttribute` in Blink,
  // four fifths in Gecko (scripts/bench/walk-apis.mjs). The getters read the null-namespace
  // attribute, where `getAttribute` returns the first attribute of that qualified name, which a
  // script may have set in a namespace (`setAttributeNS(ns, 'class', v)`). Here the name is listed
  // once, so a non-empty getter value means that attribute is the null-namespace one; an empty
  // value asks `getAttribute`.
  function classOrId(node, name, code) {
    let value = '';
    if (code & CLASS_ATTR) {
      if (CLASS_NAME !== null) value = CLASS_NAME.call(node);
    } else if (ELEMENT_ID !== null) {
      value = ELEMENT_ID.call(node);
    }
    return value !== '' ? value : node.getAttribute(name) ?? '';
  }
  function classSuspect(value) {
    let verdict = classVerdicts.get(value);
    if (verdict === undefined) {
      verdict = false;
      for (const token of value.split(/[ \t\n\f\r]+/)) {
        if (token !== '' && suspects.classes.has(suspects.quirks ? token.toLowerCase() : token)) {
          verdict = true;
          break;
        }
      }
      classVerdicts.set(value, verdict);
    }
    return verdict;
  }
  /** Whether the page's style could hide this element (read by `readAttributes`). */
  function suspect(node, flags) {
    if (!(flags & PLAIN) || flags & SUSPECT_TAG || marks & (STYLE_ATTR | POPOVER_ATTR)) return true;
    if (suspects.ids.size > 0) {
      const id = attr('id');
      if (id !== undefined && suspects.ids.has(suspects.quirks ? id.toLowerCase() : id)) return true;
    }
    if (suspects.classes.size > 0) {
      const value = attr('class');
      if (value !== undefined && classSuspect(value)) return true;
    }
    return suspects.elements.size > 0 && suspects.elements.has(node);
  }
  /** Computed style: not `display: none`, not `visibility: hidden`/`collapse`. */
  function visible(node) {
    state.styleChecks += 1;
    // Gecko: the native check is fast; when it says "not visible" (no box: also `display:
    // contents`, content of a closed <details>), computed style decides. Blink: the computed
    // style alone (`styleFirst`).
    if (!styleFirst && typeof node.checkVisibility === 'function' && node.checkVisibility(VISIBILITY)) return true;
    const style = view.getComputedStyle(node);
    if (!style) return true;
    if (style.display === 'none') return false;
    const visibility = style.visibility;
    return visibility !== 'hidden' && visibility !== 'collapse';
  }
  function step(budget) {
    let n = 0;
    while (n < budget) {
      if (depth === 0) return true;
      const top = depth - 1;
      let node;
      const list = lists[top];
      if (list !== null) {
        const i = indexes[top];
        if (i >= list.length) {
          lists[top] = null;
          depth -= 1;
          continue;
        }
        node = list[i];
        indexes[top] = i + 1;
        if (node == null) continue;
      } else {
        node = cursors[top];
        if (node === null) {
          depth -= 1;
          continue;
        }
        cursors[top] = node.nextSibling;
      }
      n += 1;
      // Elements first, by their local name (text, comments and the doctype have none): one
      // DOM call fewer per element than asking `nodeType` first.
      const local = node.localName;
      if (local === undefined || local === null) {
        const type = node.nodeType;
        if (type !== 3 && type !== 4) continue;
        if (live.length >= maxNodes) {
          cut('nodes');
          depth = 0;
          return true;
        }
        // Blink hands `data` over as the node's own string (no copy): one call instead of two.
        // Elsewhere `data` may copy a 10 MB node whole: `length` first, which costs nothing.
        const whole = sharedData ? node.data : null;
        const units = whole !== null ? whole.length : node.length;
        if (state.prefix === null && !pastAtStart) {
          if (live.length >= pastNodes) endPart('nodes', parents[top], null);
          else if (textUnits + Math.min(units, maxTextNode) > pastText) {
            const data = startOf(node, pastText - textUnits);
            endPart('text', parents[top], data.length > 0 ? data : null);
          }
        }
        if (textUnits + Math.min(units, maxTextNode) > maxText) {
          const data = startOf(node, maxText - textUnits);
          if (data.length > 0) {
            sink.text(parents[top], data);
            live.push(node);
            textUnits += data.length;
          }
          cut('text');
          depth = 0;
          return true;
        }
        let data;
        if (units > maxTextNode) {
          data = startOf(node, maxTextNode);
          cut('text_node');
        } else {
          data = whole ?? node.data;
        }
        textUnits += data.length;
        sink.text(parents[top], data);
        live.push(node);
        continue;
      }
      let tag = tags.get(local);
      if (tag === undefined) {
        const lower = asciiLower(local);
        let flags = 0;
        if (lower.startsWith(rules.prefix) || (lower !== 'script' && rules.skipped.has(lower))) flags |= SKIP;
        if (rules.unchecked.has(lower)) flags |= UNCHECKED;
        if (lower === 'body') flags |= BODY;
        if (lower === 'script') flags |= SCRIPT;
        if (lower === 'slot') flags |= SLOT;
        if (PLAIN_TAGS.has(lower) || lower.includes('-')) flags |= PLAIN;
        if (suspects !== null && suspects.tags.has(lower)) flags |= SUSPECT_TAG;
        if (SHADOW_HOSTS.has(lower) || lower.includes('-')) flags |= HOST;
        tag = { flags, lower, key: tags.size };
        tags.set(local, tag);
      }
      const flags = tag.flags;
      if (flags & SKIP) continue;
      readAttributes(node);
      if (flags & SCRIPT && skipsElement(rules, tag.lower, attr)) continue;
      // Without `style`, `hidden`, `aria-hidden` or `type`, `hiddenByMarkup` says false.
      if (marks & (STYLE_ATTR | MARKUP_ATTR) && hiddenByMarkup(tag.lower, attr)) continue;
      if (accept !== null && !accept(tag.lower, attr, node)) continue;
      const mode = modes[top];
      // Whether this element is known visible, so its children inherit a visible `visibility`.
      let shown = false;
      if (mode & IN_BODY && view !== null && !(flags & UNCHECKED)) {
        if (!(mode & FREE) || suspect(node, flags)) {
          if (!visible(node)) continue;
        }
        shown = true;
      }
      const id = live.length;
      if (id >= maxNodes) {
        cut('nodes');
        depth = 0;
        return true;
      }
      if (id >= pastNodes && state.prefix === null && !pastAtStart) endPart('nodes', parents[top], null);
      attributes.tagKey = tag.key;
      sink.element(parents[top], local, tag.lower, attributes);
      live.push(node);
      let childMode = (mode & (IN_BODY | SCOPED)) | (flags & BODY ? IN_BODY : 0);
      if (suspects !== null && !(childMode & SCOPED)) {
        if (shown) childMode |= FREE;
        else if (flags & BODY && view !== null && !(mode & IN_BODY)) {
          // <body> itself is not checked; its children inherit its visibility.
          state.styleChecks += 1;
          if (view.getComputedStyle(node)?.visibility === 'visible') childMode |= FREE;
        }
      }
      if (flags & SLOT && node.namespaceURI === XHTML && typeof node.assignedNodes === 'function') {
        const assigned = node.assignedNodes();
        if (assigned.length > 0) {
          push(null, assigned, id, (childMode & ~FREE) | SCOPED);
          continue;
        }
      }
      // Only custom elements and a few HTML elements can host a shadow root (attachShadow).
      const root = flags & HOST ? node.shadowRoot : null;
      if (root) push(root.firstChild, null, id, (childMode & ~FREE) | SCOPED);
      else push(node.firstChild, null, id, childMode);
    }
    return depth === 0;
  }
  return state;
}

/**
 * The wasm reader's sink: one `Int32Array` of structure and one string, so the wasm side pays a
 * handful of crossings instead of several per node. `ops` per node: text `[parent, -1]`, element
 * `[parent, tag, n, attribute_1 … attribute_n]` where an attribute is its name's wire id, followed
 * for `class` by a value op (tag, names and class values are wire ids: a new id's string comes
 * next in the string stream; a class value op is -1 for a new value, else the wire id of a value
 * already sent); `text` every string (new tag names, new attribute names, attribute values but
 * repeated class values, text data) joined by U+0000, `lens[k]` the UTF-16 length of string k.
 *
 * Class values repeat (a comment list repeats a dozen of them over 100,000 elements): sent once,
 * they cost neither the text's length nor a string on the wasm side again. Only `class`: ids and
 * links are mostly unique, and a look-up that misses costs more than the string it would spare.
 *
 * `chunkUnits` (the big-page readers, which walk in slices): the strings are joined as the walk
 * goes into chunks of about that many UTF-16 units (`parts().chunks`, joined by U+0000 they are
 * the text), so that each string read from the DOM dies young instead of waiting for the end of
 * the walk in the old generation, whose growth is what starts a major collection.
 */
export function wasmSink({ chunkUnits = 0 } = {}) {
  // Typed buffers grown by doubling: no boxed JavaScript array to convert at the end.
  // Small at first (a tiny page paid more for zeroing 24 KB than for its walk); grown by doubling.
  let ops = new Int32Array(1 << 8);
  let n = 0;
  let lens = new Uint32Array(1 << 7);
  let m = 0;
  let strings = [];
  // With `chunkUnits`: the strings joined so far, and the units of `strings` not joined yet.
  const chunks = [];
  let pending = 0;
  // Wire ids by the walker's tag and attribute-name keys (`attributes.tagKey`, `attributes.keys`).
  const tagWires = [];
  const nameWires = [];
  let tagCount = 0;
  let nameCount = 0;
  // By name key: whether the name is `class` (its values are interned). Class value → wire id.
  const interned = [];
  const valueWires = new Map();
  const room = (k) => {
    if (n + k > ops.length) {
      const bigger = new Int32Array(Math.max(ops.length * 2, n + k));
      bigger.set(ops);
      ops = bigger;
    }
  };
  const put = (s) => {
    if (m === lens.length) {
      const bigger = new Uint32Array(lens.length * 2);
      bigger.set(lens);
      lens = bigger;
    }
    // A chunk ends before a string that would take it past `chunkUnits` (a longer string is one alone).
    if (chunkUnits > 0 && pending > 0 && pending + s.length + 1 > chunkUnits) flush();
    strings.push(s);
    lens[m] = s.length;
    m += 1;
    pending += s.length + 1;
  };
  const flush = () => {
    chunks.push(strings.join('\0'));
    strings = [];
    pending = 0;
  };
  return {
    text(parent, data) {
      room(2);
      ops[n] = parent;
      ops[n + 1] = -1;
      n += 2;
      put(data);
    },
    element(parent, local, _tag, attributes) {
      let wire = tagWires[attributes.tagKey];
      if (wire === undefined) {
        wire = tagCount;
        tagCount += 1;
        tagWires[attributes.tagKey] = wire;
        put(local);
      }
      const count = attributes.count;
      room(3 + 2 * count);
      ops[n] = parent;
      ops[n + 1] = wire;
      ops[n + 2] = count;
      n += 3;
      for (let k = 0; k < count; k += 1) {
        const key = attributes.keys[k];
        let nameWire = nameWires[key];
        if (nameWire === undefined) {
          nameWire = nameCount;
          nameCount += 1;
          nameWires[key] = nameWire;
          interned[key] = attributes.names[k] === 'class';
          put(attributes.names[k]);
        }
        ops[n] = nameWire;
        n += 1;
        const value = attributes.values[k];
        if (interned[key]) {
          const valueWire = valueWires.get(value);
          if (valueWire !== undefined) {
            ops[n] = valueWire;
            n += 1;
            continue;
          }
          valueWires.set(value, valueWires.size);
          ops[n] = -1;
          n += 1;
        }
        put(value);
      }
    },
    result: () => ({ ops: ops.subarray(0, n), text: (chunks.length === 0 ? strings : chunks.concat(strings)).join('\0'), lens: lens.subarray(0, m) }),
    /**
     * The ops, the string lengths and the strings in chunks: each chunk the U+0000-joined strings
     * of about `chunkUnits` units (or one string each without `chunkUnits`).
     */
    parts: () => {
      if (chunkUnits > 0 && strings.length > 0) flush();
      return { ops: ops.subarray(0, n), lens: lens.subarray(0, m), chunks: chunkUnits > 0 ? chunks : strings };
    },
  };
}

/** Encodes the walk's strings for the wasm side (one native pass, see `glose_walk_dom`). */
const UTF8 = new TextEncoder();

/** The rules of the last `glose_walk_dom` call and the arguments they came from: the same on every call. */
let lastRules = null;

/**
 * Walks `doc` for the wasm reader (src/read_dom.rs), in one call. Returns `{live, ops, text,
 * textLength, lens, styleChecks, truncated}` (see `wasmSink`, `walker`). The lists are Rust's,
 * comma-separated; the limits are crates/glose-read/src/snapshot/limits.rs's.
 */
export function glose_walk_dom(doc, kept, skipped, unchecked, prefix, computedStyle, maxNodes, maxTextNode, maxText, pastNodes, pastText) {
  const key = [kept, skipped, unchecked, prefix, maxNodes, maxTextNode, maxText, pastNodes, pastText].join('\n');
  if (lastRules === null || lastRules.key !== key) {
    const limits = { nodes: maxNodes, text_node: maxTextNode, text: maxText, past_nodes: pastNodes, past_text: pastText };
    lastRules = { key, rules: walkRules({ kept: kept.split(','), skipped: skipped.split(','), unchecked: unchecked.split(','), prefix, limits }) };
  }
  const rules = lastRules.rules;
  const sink = wasmSink();
  const walk = walker(doc, rules, sink, { computedStyle });
  while (!walk.step(Infinity));
  const out = sink.result();
  return { live: walk.live, ...out, textLength: out.text.length, styleChecks: walk.styleChecks, truncated: walk.truncated };
}

/**
 * Writes a walk's strings (`walk.text`) from UTF-16 unit `from` on as UTF-8 into `into` (a view
 * of wasm memory) and returns `[units read, bytes written]`; Rust calls it again from where it
 * stopped with more room. `encodeInto` is one native pass: a `String` return would go through
 * wasm-bindgen's string passing, a JavaScript loop over every unit up to the first non-ASCII one
 * before `encodeInto`, twice the time (BENCHMARKS.md, "Walk transfer").
 */
export function glose_encode_text(walk, from, into) {
  const { read, written } = UTF8.encodeInto(from === 0 ? walk.text : walk.text.slice(from), into);
  return [read, written];
}

/** The nodes of `live` whose `keep[j]` is 1, in order. */
export function glose_keep_nodes(live, keep) {
  const out = [];
  for (let j = 0; j < live.length; j += 1) if (keep[j]) out.push(live[j]);
  return out;
}
