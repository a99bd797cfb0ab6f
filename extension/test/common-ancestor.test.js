// `commonAncestor` (content/page-watch.js), which finds the regions a page change must touch to
// count: on random trees and node lists (in document order, shuffled, with repeats, text nodes,
// disconnected nodes) it gives what walking up from every node gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonAncestor } from '../src/content/page-watch.js';

/** A DOM-shaped tree: elements (nodeType 1) and text nodes (3), `contains` by ancestry. */
function tree(random, size) {
  const root = { nodeType: 1, parentNode: null, parentElement: null, isConnected: true, children: [], id: 0 };
  const all = [root];
  for (let i = 1; i < size; i += 1) {
    const elements = all.filter((n) => n.nodeType === 1);
    const parent = elements[Math.floor(random() * elements.length)];
    const node = { nodeType: random() < 0.4 ? 3 : 1, parentNode: parent, parentElement: parent, isConnected: true, children: [], id: i };
    parent.children.push(node);
    all.push(node);
  }
  for (const node of all) {
    node.contains = (other) => {
      for (let n = other; n; n = n.parentNode) if (n === node) return true;
      return false;
    };
  }
  return all;
}

/** The plain definition: the deepest element whose subtree holds every connected node. */
function reference(nodes) {
  const kept = nodes.filter((n) => n?.isConnected);
  if (kept.length === 0) return null;
  const chain = (n) => {
    const out = [];
    for (let e = n.nodeType === 1 ? n : n.parentElement; e; e = e.parentElement) out.push(e);
    return out;
  };
  return chain(kept[0]).find((e) => kept.every((n) => e.contains(n))) ?? null;
}

function seeded(seed) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

test('commonAncestor agrees with the definition on random trees and node lists', () => {
  const random = seeded(7);
  for (let round = 0; round < 400; round += 1) {
    const nodes = tree(random, 2 + Math.floor(random() * 40));
    const count = Math.floor(random() * 12);
    let list = Array.from({ length: count }, () => nodes[Math.floor(random() * nodes.length)]);
    if (random() < 0.5) list.sort((a, b) => a.id - b.id);
    // Siblings in a row, as comments in their list: the shortcut's case.
    const parent = nodes.find((n) => n.children.length > 2);
    if (parent && random() < 0.5) list = list.concat(parent.children);
    if (random() < 0.2) list.push(null, { isConnected: false });
    assert.equal(commonAncestor(list), reference(list), `round ${round}`);
  }
});

test('commonAncestor of siblings is their parent, of one element itself, of nothing null', () => {
  const nodes = tree(seeded(3), 30);
  const parent = nodes.find((n) => n.children.length > 1);
  assert.equal(commonAncestor(parent.children), parent.children.length > 1 ? parent : null);
  const element = nodes.find((n) => n.nodeType === 1 && n !== nodes[0]);
  assert.equal(commonAncestor([element]), element);
  assert.equal(commonAncestor([]), null);
});
