//! The second cut, inside the chosen container: share bars, asides, footers, forms, headings
//! with negative class hints, and tables / lists / divs that look like link lists or widgets
//! (Reader View's "clean conditionally"). Works bottom-up so an outer block is judged without the
//! junk already cut from inside it.

use super::facts::Facts;
use super::hints::Hints;
use crate::page_patterns as patterns;
use super::Flags;
use crate::snapshot::{NodeId, Snapshot};

/// Cuts boilerplate inside `roots`, marking subtree roots in `removed`.
pub fn clean_article(snapshot: &Snapshot, facts: &Facts, hints: &Hints<'_>, roots: &[NodeId], flags: Flags, removed: &mut [bool]) {
    // Every node read or written below lies in the roots' subtrees: the figures are copied for
    // that span of the arena only (`id - start`), not for the whole page (its comments…).
    let start = roots.iter().copied().min().unwrap_or(0);
    let end = roots.iter().map(|&r| snapshot.subtree_end(r)).max().unwrap_or(start);
    let mut live = Live::from(facts, start, end);
    let span = (end - start) as usize;
    let at = |id: NodeId| (id - start) as usize;
    let mut contains_data_table = vec![false; span];
    let mut data_tables = vec![false; span];
    let mut in_data_table = vec![false; span];
    for &root in roots {
        mark_data_tables(snapshot, facts, root, start, &mut data_tables, &mut in_data_table);
        for id in snapshot.descendants(root).rev() {
            let i = id as usize;
            if !facts.alive[i] {
                continue;
            }
            let Some(tag) = snapshot.tag(id) else { continue };
            let data_table = data_tables[at(id)] || in_data_table[at(id)];
            if let Some(parent) = snapshot.parent(id) {
                contains_data_table[at(parent)] |= contains_data_table[at(id)] || data_table;
            }
            if removed[i] {
                continue;
            }
            if should_remove(snapshot, facts, hints, &live, flags, id, tag, data_table, contains_data_table[at(id)], root) {
                removed[i] = true;
                live.subtract(snapshot, id, root);
            }
        }
    }
}

/// Marks, below `root` (arrays indexed by `id - start`), the data tables and the nodes inside
/// one. Only live nodes are read later, and a live node's ancestors are live: a dead subtree (a
/// comment section of 10,000 comments…) is stepped over whole.
fn mark_data_tables(snapshot: &Snapshot, facts: &Facts, root: NodeId, start: NodeId, data_tables: &mut [bool], in_data_table: &mut [bool]) {
    let at = |id: NodeId| (id - start) as usize;
    let end = snapshot.subtree_end(root);
    let mut id = root + 1;
    while id < end {
        if !facts.alive[id as usize] {
            id = snapshot.subtree_end(id);
            continue;
        }
        if snapshot.is(id, "table") {
            data_tables[at(id)] = is_data_table(snapshot, id);
        }
        if let Some(parent) = snapshot.parent(id) {
            in_data_table[at(id)] = in_data_table[at(parent)] || data_tables[at(parent)];
        }
        id += 1;
    }
}

/// The figures that change as blocks are cut, for the nodes `start..` of one span of the arena
/// (indexed by `id - start`, [`Live::at`]).
struct Live {
    start: NodeId,
    text_len: Vec<u32>,
    link_len: Vec<f32>,
    commas: Vec<u32>,
    paras: Vec<u32>,
    imgs: Vec<u32>,
    lis: Vec<u32>,
    inputs: Vec<u32>,
    heading_len: Vec<u32>,
    textish_len: Vec<u32>,
    list_len: Vec<u32>,
}

impl Live {
    /// The figures of the nodes `start..end`.
    fn from(f: &Facts, start: NodeId, end: NodeId) -> Live {
        let span = start as usize..end as usize;
        Live {
            start,
            text_len: f.text_len[span.clone()].to_vec(),
            link_len: f.link_len[span.clone()].to_vec(),
            commas: f.commas[span.clone()].to_vec(),
            paras: f.paras[span.clone()].to_vec(),
            imgs: f.imgs[span.clone()].to_vec(),
            lis: f.lis[span.clone()].to_vec(),
            inputs: f.inputs[span.clone()].to_vec(),
            heading_len: f.heading_len[span.clone()].to_vec(),
            textish_len: f.textish_len[span.clone()].to_vec(),
            list_len: f.list_len[span].to_vec(),
        }
    }

    /// Where a node's figures are.
    fn at(&self, id: NodeId) -> usize {
        (id - self.start) as usize
    }

    /// Takes a cut subtree's figures out of its ancestors up to `root`.
    fn subtract(&mut self, snapshot: &Snapshot, id: NodeId, root: NodeId) {
        let i = self.at(id);
        let tag = snapshot.tag(id).unwrap_or("");
        let text = self.text_len[i];
        let own_para = u32::from(tag == "p");
        let heading = if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") { text } else { 0 };
        let list = if matches!(tag, "ul" | "ol") { text } else { 0 };
        let (link, commas, paras, imgs, lis, inputs, headings, textish, lists) = (
            self.link_len[i], self.commas[i], self.paras[i] + own_para, self.imgs[i] + u32::from(tag == "img"),
            self.lis[i] + u32::from(tag == "li"), self.inputs[i], self.heading_len[i] + heading, self.textish_len[i] + text,
            self.list_len[i] + list,
        );
        let mut ancestor = snapshot.parent(id);
        while let Some(a) = ancestor {
            // Above the span (only when a root itself is cut): figures no rule reads.
            if a < self.start {
                break;
            }
            let a_i = self.at(a);
            self.text_len[a_i] = self.text_len[a_i].saturating_sub(text);
            self.link_len[a_i] = (self.link_len[a_i] - link).max(0.0);
            self.commas[a_i] = self.commas[a_i].saturating_sub(commas);
            self.paras[a_i] = self.paras[a_i].saturating_sub(paras);
            self.imgs[a_i] = self.imgs[a_i].saturating_sub(imgs);
            self.lis[a_i] = self.lis[a_i].saturating_sub(lis);
            self.inputs[a_i] = self.inputs[a_i].saturating_sub(inputs);
            self.heading_len[a_i] = self.heading_len[a_i].saturating_sub(headings);
            self.textish_len[a_i] = self.textish_len[a_i].saturating_sub(textish);
            self.list_len[a_i] = self.list_len[a_i].saturating_sub(lists);
            if a == root {
                break;
            }
            ancestor = snapshot.parent(a);
        }
    }

    fn link_density(&self, id: NodeId) -> f64 {
        let i = self.at(id);
        let len = self.text_len[i];
        if len == 0 { 0.0 } else { (self.link_len[i] as f64 / len as f64).min(1.0) }
    }
}

fn has_ancestor_within(snapshot: &Snapshot, id: NodeId, tag: &str, depth: usize) -> bool {
    snapshot.ancestors(id).take(depth + 1).any(|a| snapshot.is(a, tag))
}

#[allow(clippy::too_many_arguments)]
fn should_remove(snapshot: &Snapshot, facts: &Facts, hints: &Hints<'_>, live: &Live, flags: Flags, id: NodeId, tag: &str, data_table: bool, holds_data_table: bool, root: NodeId) -> bool {
    let i = id as usize;
    let l = live.at(id);
    match tag {
        "footer" | "aside" | "link" | "input" | "textarea" | "select" | "button" => return true,
        _ => {}
    }
    if id != root && hints.share(id) && live.text_len[l] < 500 {
        return true;
    }
    let weight = if flags.weight_classes { hints.class_weight(id) } else { 0.0 };
    if matches!(tag, "h1" | "h2") && weight < 0.0 {
        return true;
    }
    if !flags.clean_conditionally || id == root {
        return false;
    }
    let conditional = matches!(tag, "form" | "fieldset" | "table" | "ul") || (tag == "div" && facts.has_block[i] && !facts.paragraph_wrapper[i]);
    if !conditional || data_table || holds_data_table {
        return false;
    }
    if has_ancestor_within(snapshot, id, "code", 3) {
        return false;
    }
    let text_len = live.text_len[l];
    if weight < 0.0 && !holds_the_text(live, id, root) {
        return true;
    }
    let is_list = matches!(tag, "ul" | "ol") || (text_len > 0 && live.list_len[l] as f64 / text_len as f64 > 0.9);
    if live.commas[l] >= 10 {
        return false;
    }
    let p = live.paras[l] as f64;
    let img = live.imgs[l] as f64;
    let li = live.lis[l] as f64 - 100.0;
    let input = live.inputs[l] as f64;
    let heading_density = if text_len == 0 { 0.0 } else { live.heading_len[l] as f64 / text_len as f64 };
    if text_len < 40 {
        let text = snapshot.text_content(id);
        if patterns::is_ad_or_loading_label(&text) {
            return true;
        }
    }
    let link_density = live.link_density(id);
    let text_density = if text_len == 0 { 0.0 } else { live.textish_len[l] as f64 / text_len as f64 };
    let figure_child = has_ancestor_within(snapshot, id, "figure", 3);
    let remove = (!figure_child && img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || (input > (p / 3.0).floor())
        || (!is_list && !figure_child && heading_density < 0.9 && text_len < 25 && (img == 0.0 || img > 2.0) && link_density > 0.0)
        || (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
        || (img == 0.0 && text_density == 0.0);
    if is_list && remove {
        // Simple lists of images stay.
        let simple = snapshot.children(id).filter(|&c| snapshot.tag(c).is_some()).all(|c| snapshot.children(c).filter(|&g| snapshot.tag(g).is_some()).count() <= 1);
        if simple && live.imgs[l] == live.lis[l] {
            return false;
        }
    }
    remove
}

/// Whether a block is the bulk of the article's prose (half of the container's text, ten commas,
/// few links): a negative class word on it ("field--label-hidden", "has-media") names its
/// layout, not boilerplate.
fn holds_the_text(live: &Live, id: NodeId, root: NodeId) -> bool {
    let l = live.at(id);
    live.commas[l] >= 10 && live.link_density(id) < 0.2 && live.text_len[l] * 2 >= live.text_len[live.at(root)]
}

/// Whether a table holds data rather than page layout (Reader View's rules, after Firefox's
/// accessibility heuristics).
pub fn is_data_table(snapshot: &Snapshot, table: NodeId) -> bool {
    if snapshot.attr(table, "role") == Some("presentation") {
        return false;
    }
    let mut rows = 0usize;
    let mut columns = 0usize;
    let mut current_row_cells = 0usize;
    let mut in_row = false;
    let end = snapshot.subtree_end(table);
    let mut id = table + 1;
    while id < end {
        match snapshot.tag(id) {
            Some("caption") if snapshot.text_content(id).trim().chars().next().is_some() => return true,
            Some("col" | "colgroup" | "tfoot" | "thead" | "th") => return true,
            Some("table") => return false,
            Some("tr") => {
                if in_row {
                    columns = columns.max(current_row_cells);
                }
                rows += 1;
                current_row_cells = 0;
                in_row = true;
            }
            Some("td") => current_row_cells += 1,
            _ => {}
        }
        id += 1;
    }
    columns = columns.max(current_row_cells);
    if rows == 1 || columns == 1 {
        return false;
    }
    if rows >= 10 || columns > 4 {
        return true;
    }
    rows * columns > 10
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_html::parse_html;

    /// Stepping over dead subtrees marks every live node as the walk of every node did (as first
    /// written), on the sample pages with and without removed parts.
    #[test]
    fn data_tables_are_marked_on_live_nodes_like_a_walk_of_every_node() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pages");
        let (mut live_marks, mut skipped) = (0, 0);
        let table = "<table><tr><th>a</th><td>b <b>c</b></td></tr><tr><td><p>d</p></td><td>e</td></tr></table>";
        let crafted = format!("<html><body><div><p>x</p>{table}<div>{table}<div>{table}</div></div><table><tr><td>f</td></tr></table></div><div>{table}</div></body></html>");
        let mut pages = vec![crafted];
        for entry in std::fs::read_dir(&root).expect("tests/pages") {
            if let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("page.html")) {
                pages.push(html);
            }
        }
        for html in &pages {
            let s = parse_html(html);
            let mut removed = vec![false; s.len()];
            for pass in 0..2 {
                let facts = Facts::compute(&s, &removed);
                for top in [0, s.body()] {
                    let n = s.len();
                    let (mut tables, mut inside) = (vec![false; n], vec![false; n]);
                    mark_data_tables(&s, &facts, top, 0, &mut tables, &mut inside);
                    let (mut all_tables, mut all_inside) = (vec![false; n], vec![false; n]);
                    for id in s.descendants(top) {
                        if s.is(id, "table") {
                            all_tables[id as usize] = is_data_table(&s, id);
                        }
                        if let Some(parent) = s.parent(id) {
                            all_inside[id as usize] = all_inside[parent as usize] || all_tables[parent as usize];
                        }
                    }
                    for id in s.descendants(top).filter(|&id| facts.alive[id as usize]) {
                        assert_eq!((tables[id as usize], inside[id as usize]), (all_tables[id as usize], all_inside[id as usize]), "node {id}");
                        live_marks += usize::from(all_tables[id as usize] || all_inside[id as usize]);
                    }
                    skipped += s.descendants(top).filter(|&id| !facts.alive[id as usize]).count();
                }
                if pass == 0 {
                    // Then without every third div and every other table.
                    for id in (1..s.len() as NodeId).filter(|&i| s.is(i, "div")).step_by(3) {
                        removed[id as usize] = true;
                    }
                    for id in (1..s.len() as NodeId).filter(|&i| s.is(i, "table")).step_by(2) {
                        removed[id as usize] = true;
                    }
                }
            }
        }
        assert!(live_marks > 10 && skipped > 1000, "{live_marks} marks, {skipped} dead nodes");
    }
}
