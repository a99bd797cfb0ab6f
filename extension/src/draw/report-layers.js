/**
 * From a Glose report to what the drawing modules take: live ranges from the report's anchors
 * (`nodes[i]` is the live node of snapshot id `i`), the highlight items of each layer, and the
 * summary panel's model. Plain DOM only (shared with the playground).
 */

/** A live Range from a `DomRange` of snapshot ids, or null when a node is gone. */
export function liveRange(doc, nodes, anchor) {
  if (!anchor) return null;
  const start = nodes[anchor.start?.node];
  const end = nodes[anchor.end?.node];
  if (!start || !end || !start.isConnected || !end.isConnected) return null;
  try {
    const range = doc.createRange();
    range.setStart(start, Math.min(anchor.start.offset, start.length ?? 0));
    range.setEnd(end, Math.min(anchor.end.offset, end.length ?? 0));
    return range;
  } catch {
    return null;
  }
}

/** Sentence ids quoted by comments → the quoting comments. */
export function quotingComments(report) {
  const byId = new Map();
  const add = (sentence, comment) => {
    if (!comment) return;
    if (!byId.has(sentence)) byId.set(sentence, new Set());
    byId.get(sentence).add(comment);
  };
  for (const comment of report.comments ?? []) for (const s of comment.quotes ?? []) add(s, comment);
  for (const passage of report.summary?.quoted_passages ?? []) {
    for (const c of passage.comments ?? []) add(passage.sentence, report.comments?.[c]);
  }
  return new Map([...byId].map(([k, v]) => [k, [...v]]));
}

/** The highlight items `{layer, range, info}` of a report and the placed notes. */
export function highlightItems(doc, report, nodes, placedNotes) {
  const items = [];
  const quoting = quotingComments(report);
  for (const s of report.sentences ?? []) {
    const range = liveRange(doc, nodes, s.anchor);
    if (!range) continue;
    const info = { kind: s.label, sentence: s.id, score: s.score, cues: s.cues ?? [], source: s.source,
      comments: quoting.get(s.id) ?? [] };
    if (s.label === 'editorial') {
      items.push({ layer: 'glose-editorial', range, info });
      for (const cue of s.cues ?? []) {
        const cueRange = liveRange(doc, nodes, cue.anchor);
        if (cueRange) items.push({ layer: 'glose-editorial-cue', range: cueRange, info: { ...info, kind: 'cue' } });
      }
    } else if (s.label === 'attributed') {
      items.push({ layer: 'glose-attributed', range, info });
    }
    if (quoting.has(s.id)) items.push({ layer: 'glose-quoted', range: range.cloneRange(), info: { ...info, kind: s.label === 'factual' ? 'quoted' : info.kind } });
  }
  for (const placed of placedNotes) {
    if (placed.range) items.push({ layer: 'glose-note', range: placed.range, info: { kind: 'note', noteId: placed.note.id, note: { text: placed.note.body, tags: placed.note.tags } } });
  }
  return items;
}

/** The summary panel's model from a report (`frameComments`: how many were read in embedded widgets' frames). */
export function summaryModel(report) {
  const summary = report.summary ?? {};
  return {
    commentCount: summary.comment_count ?? report.comments?.length ?? 0,
    themes: (summary.themes ?? []).map((t) => ({ label: t.label, topic: t.topic ?? t.label, aboutArticle: Boolean(t.about_article),
      keywords: t.keywords ?? [], count: t.comments?.length ?? 0 })),
    quoted: (summary.quoted_passages ?? []).map((p) => ({ text: report.sentences?.[p.sentence]?.text ?? '', count: p.comments?.length ?? 0 })),
    frameComments: summary.frame_comments ?? 0,
    disputing: summary.disputing ?? 0,
    agreeing: summary.agreeing ?? 0,
    disputedPassage: summary.disputed_passage
      ? { excerpt: summary.disputed_passage.excerpt ?? '', readers: summary.disputed_passage.readers ?? 0 }
      : null,
  };
}
