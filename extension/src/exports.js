/**
 * Exports and import through the Rust core (`glose::export`): Markdown with YAML front matter,
 * W3C Web Annotation JSON-LD, CSV; and the reader's notes back from JSON-LD. Extension pages only
 * (side panel, options), where the extension CSP allows wasm.
 */
import { ext } from './platform.js';

let ready = null;

/**
 * The exports' own wasm module (`glose_export`, built by scripts/build-wasm.sh from the same crate):
 * the page's core does not carry the exports or the report's deserialiser they need.
 */
async function core() {
  if (!ready) {
    ready = import('../pkg/glose_export.js').then(async (glue) => {
      await glue.default({ module_or_path: ext.runtime.getURL('pkg/glose_export_bg.wasm') });
      return glue;
    });
    ready.catch(() => { ready = null; });
  }
  return ready;
}

/** The export formats: file extension, MIME type and the core function that renders them. */
export const FORMATS = Object.freeze({
  markdown: { extension: 'md', mime: 'text/markdown', render: (g, report, notes) => g.export_markdown(report, notes) },
  jsonld: { extension: 'jsonld', mime: 'application/ld+json', render: (g, report, notes) => g.export_jsonld(report, notes) },
  csv: { extension: 'csv', mime: 'text/csv', render: (g, report, notes) => g.export_csv(report, notes) },
});

/** A file name from a page title ("glose-pour-amazon-la-perte.md"). */
export function fileName(title, extension) {
  const slug = String(title ?? 'page').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'page';
  return `glose-${slug}.${extension}`;
}

/** Renders one page (its report and notes) in a format of {@link FORMATS}: `{name, mime, text}`. */
export async function exportPage(format, report, notes) {
  const spec = FORMATS[format];
  const text = spec.render(await core(), report, notes);
  return { name: fileName(report?.metadata?.title, spec.extension), mime: spec.mime, text: String(text) };
}

/** The reader's notes in a W3C Web Annotation JSON(-LD) file (Glose's own findings are skipped). */
export async function importJsonLd(text) {
  const result = (await core()).import_jsonld(text);
  return typeof result === 'string' ? JSON.parse(result) : result;
}

/** Offers a text as a download (Blob + `<a download>`: keeps the file name in every browser). */
export function download(doc, { name, mime, text }) {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
