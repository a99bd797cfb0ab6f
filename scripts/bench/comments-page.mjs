#!/usr/bin/env node
// Writes a news page with N reader comments (WordPress markup, every fourth comment a reply):
// the seed of the "10,000 comments" benchmarks. The article and the page around it are
// tests/pages/wordpress-threaded-en; the comments are drawn from a fixed vocabulary by a seeded
// generator, so every run writes the same bytes.
//
//   node scripts/bench/comments-page.mjs [N=10000] [out=target/bench/comments-N.html]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TEMPLATE = join(ROOT, 'tests', 'pages', 'wordpress-threaded-en', 'page.html');

const SUBJECTS = ['The bike lane', 'The council', 'This project', 'The mayor', 'Mill Street', 'The new budget', 'Traffic', 'The article', 'Parking', 'The school run'];
const VERBS = ['is', 'was', 'seems', 'looks', 'will be', 'has been', 'could be', 'is not'];
const OPINIONS = ['a great idea', 'a waste of money', 'long overdue', 'dangerous for cyclists', 'good for local shops', 'badly planned', 'safer for children', 'too expensive', 'a real improvement', 'a disaster for drivers'];
const TAILS = ['in my opinion.', 'and everyone knows it.', 'according to the report.', 'if you ask me.', 'as the article says.', 'since last spring.', 'for families on our street.', 'but nobody listens.'];
const NAMES = ['Daniel Lee', 'Priya S.', 'Tom Becker', 'Ana Ruiz', 'Marc Dupont', 'Jo Kim', 'Sam Okafor', 'Lena Berg'];

/** A small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OPINIONS)} ${pick(TAILS)}`;
}

function comment(i, next, depth) {
  const id = 100000 + i;
  const name = NAMES[i % NAMES.length];
  const minute = String(i % 60).padStart(2, '0');
  const text = Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
  return `<li id="comment-${id}" class="comment depth-${depth}"><article id="div-comment-${id}" class="comment-body">`
    + `<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${name}</b> <span class="says">says:</span></div>`
    + `<div class="comment-metadata"><a href="#comment-${id}"><time datetime="2023-05-14T10:${minute}:00+00:00">May 14, 2023 at 10:${minute} am</time></a></div></footer>`
    + `<div class="comment-content"><p>${text}</p></div>`
    + `<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=${id}#respond">Reply</a></div></article>`;
}

/** The page's HTML with `count` comments. */
export function commentsPage(count) {
  const template = readFileSync(TEMPLATE, 'utf8');
  const next = rng(7);
  const items = [];
  for (let i = 0; i < count; i += 1) {
    // Every fourth comment answers the one before it.
    if (i % 4 === 1 && i + 1 < count) {
      items.push(`${comment(i, next, 1)}<ol class="children">${comment(i + 1, next, 2)}</li></ol></li>`);
      i += 1;
    } else {
      items.push(`${comment(i, next, 1)}</li>`);
    }
  }
  const start = template.indexOf('<ol class="comment-list">');
  const end = template.indexOf('<div id="respond"');
  if (start < 0 || end < 0) throw new Error(`comments-page: ${TEMPLATE} no longer has a WordPress comment list`);
  return `${template.slice(0, start)}<ol class="comment-list">\n${items.join('\n')}\n</ol>\n${template.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10000);
  const out = process.argv[3] ?? join(ROOT, 'target', 'bench', `comments-${count}.html`);
  mkdirSync(dirname(out), { recursive: true });
  const html = commentsPage(count);
  writeFileSync(out, html);
  console.log(`${out}: ${count} comments, ${html.length} bytes`);
}
