// The reading limits in the JavaScript page readers (content/snapshot.js on the shared walker,
// src/read_dom/walk.js): a page past MAX_NODES or MAX_TEXT_UNITS is analysed on its first part
// (PAST_LIMIT_NODES nodes, PAST_LIMIT_TEXT_UNITS units of text: crates/glose-read/src/snapshot/limits.rs, whose
// `cap` cuts a page read whole at the same node), and a page within the limits is read whole.
// The object reader (`readDocument`, strict-CSP pages) keeps that part itself. The big-page
// reader (`readDocumentWireSliced`, in slices) writes the walker's wire text with every node it
// walked and the limit that stopped it, and the core cuts the part (its decoding needs the wasm
// core: tests/e2e/page-reader.test.js holds what the core finds in that text equal to what it
// finds in the object snapshot); here, it walks only the part of a page known to be past the node
// limit before it is read, stops at a limit, and its first nodes are the object reader's.
// The pages are a minimal DOM of plain objects (what the walker asks of nodes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocument, readDocumentWireSliced } from '../src/content/snapshot.js';
import { SNAPSHOT_RULES } from '../src/content/snapshot-rules.js';

const { nodes: MAX_NODES, text: MAX_TEXT, past_nodes: PAST_NODES, past_text: PAST_TEXT } = SNAPSHOT_RULES.limits;

function textNode(data) {
  return { nodeType: 3, localName: undefined, data, length: data.length, nextSibling: null, substringData: (at, n) => data.slice(at, at + n) };
}

function element(tag, children = []) {
  const node = { nodeType: 1, localName: tag, namespaceURI: 'http://www.w3.org/1999/xhtml', firstChild: children[0] ?? null, nextSibling: null, shadowRoot: null, hasAttributes: () => false, getAttributeNames: () => [] };
  for (let i = 0; i + 1 < children.length; i += 1) children[i].nextSibling = children[i + 1];
  return node;
}

/** A document: `<html><body>` holding `children`. No style (no `defaultView`). */
function page(children) {
  const html = element('html', [element('body', children)]);
  const elements = 2 + children.reduce((sum, c) => sum + (c.nodeType === 1 ? 1 + countElements(c) : 0), 0);
  return { nodeType: 9, localName: undefined, firstChild: html, defaultView: null, compatMode: 'CSS1Compat', styleSheets: [], getElementsByTagName: (name) => (name === '*' ? { length: elements } : { length: 0 }) };
}

function countElements(node) {
  let n = 0;
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) n += 1 + countElements(c);
  return n;
}

/** `count` `<i>x</i>` after a paragraph. */
function manyElements(count) {
  const items = [element('p', [textNode('The start of the page.')])];
  for (let i = 0; i < count; i += 1) items.push(element('i', [textNode('x')]));
  return page(items);
}

/** Paragraphs of `size` characters until `units` characters in all. */
function muchText(units, size = 1000) {
  const paragraphs = [];
  for (let n = 0; n < units; n += size) paragraphs.push(element('p', [textNode('t'.repeat(size))]));
  return page(paragraphs);
}

/**
 * Reads `doc` in slices as the big-page path does (the wire reader): `{nodes, walked, truncated,
 * strings}`, the nodes walked and what the wire text's first lines say (`wirePieceMaker`: the
 * nodes walked, the ops, the string lengths, the limit that stopped the walk): how many nodes it
 * holds, that limit (or null) and the UTF-16 units of its strings (new tag names and text here:
 * the test pages have no attributes).
 */
async function readWire(doc) {
  // The reader yields through a MessageChannel whose port does not keep node alive.
  const alive = setInterval(() => {}, 1000);
  const { pieces, nodes } = await readDocumentWireSliced(doc, { pieceChars: 1 << 16 }).finally(() => clearInterval(alive));
  const [magic, walked, , lens, truncated] = pieces.join('').split('\n', 5);
  assert.equal(magic, '\u0001glose-wire-1');
  const strings = lens === '' ? 0 : lens.split(',').reduce((sum, n) => sum + Number(n), 0);
  return { nodes, walked: Number(walked), truncated: truncated === '' ? null : truncated, strings };
}

/** The UTF-16 units of the tag names in the wire text of the test pages (each written once). */
const TAG_UNITS = 'html'.length + 'body'.length + 'p'.length;

/** Whether `prefix` holds the first nodes of `nodes`, the same objects. */
const startsWith = (nodes, prefix) => prefix.length <= nodes.length && prefix.every((n, i) => n === nodes[i]);

const textOf = (snapshot) => snapshot.nodes.filter((n) => n.type === 'text').reduce((sum, n) => sum + n.text.length, 0);

test('the limits past which only a first part is analysed come from Rust, and leave room', () => {
  assert.ok(PAST_NODES < MAX_NODES && PAST_TEXT < MAX_TEXT, JSON.stringify(SNAPSHOT_RULES.limits));
});

test('a document of more elements than MAX_NODES is read only as far as its first part', async () => {
  // 1 + MAX_NODES / 2 elements past `<body>`: fewer than MAX_NODES elements would be read whole.
  const doc = manyElements(MAX_NODES);
  let reached = 0;
  for (let node = doc.firstChild.firstChild.firstChild; node; node = node.nextSibling) {
    const { localName } = node;
    Object.defineProperty(node, 'localName', { get: () => { reached += 1; return localName; } });
  }
  const wire = await readWire(doc);
  assert.equal(wire.truncated, 'nodes');
  assert.equal(wire.walked, PAST_NODES);
  assert.equal(wire.nodes.length, PAST_NODES);
  // The walk stopped at the part: the body's children past it were never reached.
  assert.ok(reached <= PAST_NODES / 2 + 1, `${reached} elements reached by the wire reader`);
  reached = 0;
  const { snapshot, nodes } = readDocument(doc);
  assert.ok(reached <= PAST_NODES / 2 + 1, `${reached} elements reached by the object reader`);
  assert.equal(snapshot.truncated, 'nodes');
  assert.equal(snapshot.nodes.length, PAST_NODES);
  assert.equal(nodes.length, PAST_NODES);
  // Both readers walked the same nodes.
  assert.ok(startsWith(wire.nodes, nodes) && wire.nodes.length === nodes.length, 'the same live nodes');
});

test('a page past the node limit with fewer elements is analysed on its first PAST_LIMIT_NODES nodes', async () => {
  // Fewer elements than MAX_NODES, more nodes (their texts): known past only at MAX_NODES.
  const doc = manyElements(Math.ceil(MAX_NODES / 2));
  assert.ok(doc.getElementsByTagName('*').length <= MAX_NODES);
  const { snapshot, nodes } = readDocument(doc);
  assert.equal(snapshot.nodes.length, PAST_NODES);
  assert.equal(nodes.length, PAST_NODES);
  assert.equal(snapshot.truncated, 'nodes');
  assert.equal(snapshot.nodes[4].text, 'The start of the page.');
  // Every node's parent is in the part (a prefix in document order).
  assert.ok(snapshot.nodes.every((n, i) => n.parent === null || n.parent < i));
  // The wire reader walked the page up to the limit before it knew; its text says why, and the
  // core cuts the part: the object reader's nodes are its first.
  const wire = await readWire(doc);
  assert.equal(wire.truncated, 'nodes');
  assert.equal(wire.walked, MAX_NODES);
  assert.equal(wire.nodes.length, MAX_NODES);
  assert.ok(startsWith(wire.nodes, nodes), 'the part\'s live nodes come first');
});

test('a page past the text limit is analysed on its first PAST_LIMIT_TEXT_UNITS units, cut inside a node', async () => {
  const doc = muchText(MAX_TEXT + 5000, 1000);
  const { snapshot, nodes } = readDocument(doc);
  assert.equal(snapshot.truncated, 'text');
  assert.equal(textOf(snapshot), PAST_TEXT);
  const last = snapshot.nodes.at(-1);
  assert.equal(last.type, 'text');
  assert.equal(last.text.length, PAST_TEXT % 1000);
  assert.equal(nodes.length, snapshot.nodes.length);
  // The wire reader stopped inside the node that crosses MAX_TEXT_UNITS; the part comes first.
  const wire = await readWire(doc);
  assert.equal(wire.truncated, 'text');
  assert.equal(wire.strings, TAG_UNITS + MAX_TEXT);
  assert.equal(wire.walked, wire.nodes.length);
  assert.ok(wire.nodes.length > nodes.length);
  assert.ok(startsWith(wire.nodes, nodes), 'the part\'s live nodes come first');
});

test('a page within the limits is read whole, past where the first part would end', async () => {
  // More nodes than PAST_LIMIT_NODES and more text than PAST_LIMIT_TEXT_UNITS, within the limits.
  const doc = manyElements(Math.ceil(PAST_NODES / 2) + 100);
  const { snapshot, nodes } = readDocument(doc);
  assert.equal(snapshot.truncated, undefined);
  assert.equal(snapshot.nodes.length, 2 * (Math.ceil(PAST_NODES / 2) + 100) + 5);
  assert.equal(nodes.length, snapshot.nodes.length);
  const wire = await readWire(doc);
  assert.equal(wire.truncated, null);
  assert.equal(wire.walked, snapshot.nodes.length);
  assert.ok(wire.nodes.length === nodes.length && startsWith(wire.nodes, nodes), 'the same live nodes');
  const text = muchText(PAST_TEXT * 2, 1000);
  const read = readDocument(text);
  const units = Math.ceil((PAST_TEXT * 2) / 1000) * 1000;
  assert.equal(read.snapshot.truncated, undefined);
  assert.equal(textOf(read.snapshot), units);
  assert.equal(read.nodes.length, read.snapshot.nodes.length);
  const textWire = await readWire(text);
  assert.equal(textWire.truncated, null);
  assert.equal(textWire.strings, TAG_UNITS + units);
  assert.equal(textWire.walked, read.snapshot.nodes.length);
  assert.ok(textWire.nodes.length === read.nodes.length && startsWith(textWire.nodes, read.nodes), 'the same live nodes');
});
