/**
 * Options: the sites where Glose turns on by itself, and the export of the notes of all pages.
 */
import { ext, t } from '../platform.js';
import { AUTO_SITES_KEY, parseSites } from '../settings.js';
import { notesOf, pagesWithNotes } from '../notes.js';
import { download, exportPage } from '../exports.js';
import { plural } from '../draw/summary-words.js';

const $ = (id) => document.getElementById(id);
for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);

async function load() {
  const stored = await ext.storage.local.get(AUTO_SITES_KEY);
  $('sites').value = (stored[AUTO_SITES_KEY] ?? []).join('\n');
  const pages = await pagesWithNotes();
  $('pages').textContent = plural(t, 'pagesWithNotes', pages.length);
}

$('save').addEventListener('click', async () => {
  const sites = parseSites($('sites').value);
  await ext.storage.local.set({ [AUTO_SITES_KEY]: sites });
  $('sites').value = sites.join('\n');
  $('sites-status').textContent = t('saved');
});

for (const [id, format] of [['export-md', 'markdown'], ['export-jsonld', 'jsonld'], ['export-csv', 'csv']]) {
  $(id).addEventListener('click', async () => {
    try {
      const pages = await pagesWithNotes();
      const parts = [];
      for (const page of pages) {
        const key = page.pageKey ?? page.page_key ?? page;
        const report = { version: 1, url: page.url ?? key, metadata: { title: page.title ?? key }, article: { found: false, text: '', blocks: [] },
          sentences: [], comments: [], summary: { comment_count: 0, themes: [], quoted_passages: [], text: '' } };
        parts.push(await exportPage(format, report, await notesOf(key)));
      }
      if (parts.length === 0) return;
      const joined = format === 'jsonld'
        ? JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: 'Glose',
          first: { type: 'AnnotationPage', items: parts.flatMap((p) => JSON.parse(p.text).first?.items ?? JSON.parse(p.text).items ?? []) } }, null, 2)
        : parts.map((p) => p.text).join(format === 'csv' ? '' : '\n\n---\n\n');
      download(document, { name: `glose-all-pages.${parts[0].name.split('.').pop()}`, mime: parts[0].mime, text: joined });
    } catch (error) {
      $('export-status').textContent = `${t('exportFailed')} (${error.message ?? error})`;
    }
  });
}

load();
