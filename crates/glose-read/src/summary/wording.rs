//! The summary's few lines for people, in the page's language (French or English; other
//! languages get English). Only counts, labels and passages found in the page: nothing invented.

use crate::report::Theme;

/// What the sentences say, gathered by the summary.
pub struct Facts<'a> {
    /// Number of comments.
    pub comments: usize,
    /// Themes, largest first.
    pub themes: &'a [Theme],
    /// Comments disputing the article or its writer.
    pub disputing: usize,
    /// Comments praising the article.
    pub agreeing: usize,
    /// The passage disputing readers quote most, and how many of them quote it.
    pub disputed_passage: Option<(&'a str, usize)>,
    /// The passage all readers quote most, and how many quote it.
    pub most_quoted: Option<(&'a str, usize)>,
}

/// Themes named in the text, at most.
const THEMES_IN_TEXT: usize = 4;
/// Longest passage excerpt, in chars.
const EXCERPT_CHARS: usize = 160;

/// The summary text in `lang`.
pub fn write(facts: &Facts, lang: &str) -> String {
    let fr = lang == "fr";
    let mut out = Vec::new();
    let n = facts.comments;
    out.push(if fr { format!("{n} {}.", plural(n, "commentaire", "commentaires")) } else { format!("{n} {}.", plural(n, "comment", "comments")) });
    if !facts.themes.is_empty() {
        let listed: Vec<String> = facts
            .themes
            .iter()
            .take(THEMES_IN_TEXT)
            .map(|t| if fr { format!("« {} » ({})", t.label, t.comments.len()) } else { format!("“{}” ({})", t.label, t.comments.len()) })
            .collect();
        out.push(if fr { format!("Thèmes : {}.", listed.join(", ")) } else { format!("Themes: {}.", listed.join(", ")) });
    }
    let d = facts.disputing;
    if d > 0 {
        let mut line = if fr {
            format!("{d} {} l'article ou son auteur", plural(d, "lecteur conteste", "lecteurs contestent"))
        } else {
            format!("{d} {} the article or its writer", plural(d, "reader disputes", "readers dispute"))
        };
        if let Some((passage, k)) = facts.disputed_passage {
            let passage = excerpt(passage);
            line += &if fr {
                if d == 1 { format!(", en citant le passage « {passage} »") } else { format!(", dont {k} en citant le passage « {passage} »") }
            } else if d == 1 {
                format!(", quoting the passage “{passage}”")
            } else {
                format!(", {k} of them quoting the passage “{passage}”")
            };
        }
        out.push(line + ".");
    }
    let a = facts.agreeing;
    if a > 0 {
        out.push(if fr { format!("{a} {} l'article.", plural(a, "lecteur approuve", "lecteurs approuvent")) } else { format!("{a} {} the article.", plural(a, "reader praises", "readers praise")) });
    }
    if let Some((passage, k)) = facts.most_quoted {
        if facts.disputed_passage.map(|p| p.0) != Some(passage) {
            let passage = excerpt(passage);
            out.push(if fr {
                format!("Passage le plus cité : « {passage} » ({k} {}).", plural(k, "lecteur", "lecteurs"))
            } else {
                format!("Most quoted passage: “{passage}” ({k} {}).", plural(k, "reader", "readers"))
            });
        }
    }
    out.join(" ")
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The passage without surrounding brackets, cut at a word boundary if long.
pub(crate) fn excerpt(passage: &str) -> String {
    let p = passage.trim().trim_start_matches(['(', '«', '“', '"', ' ']).trim_end_matches([')', '»', '”', '"', '.', ' ']);
    if p.chars().count() <= EXCERPT_CHARS {
        return p.to_owned();
    }
    let cut: String = p.chars().take(EXCERPT_CHARS).collect();
    let cut = cut.rsplit_once(' ').map(|x| x.0).unwrap_or(&cut);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_counts_themes_and_the_disputed_passage() {
        let themes = [Theme { label: "impôts".into(), comments: vec![1, 2], ..Theme::default() }];
        let facts = Facts {
            comments: 8,
            themes: &themes,
            disputing: 3,
            agreeing: 0,
            disputed_passage: Some(("(car ne faisant pas la propagande)", 2)),
            most_quoted: Some(("(car ne faisant pas la propagande)", 2)),
        };
        assert_eq!(
            write(&facts, "fr"),
            "8 commentaires. Thèmes : « impôts » (2). 3 lecteurs contestent l'article ou son auteur, dont 2 en citant le passage « car ne faisant pas la propagande »."
        );
        let one = Facts { comments: 1, themes: &[], disputing: 0, agreeing: 1, disputed_passage: None, most_quoted: None };
        assert_eq!(write(&one, "de"), "1 comment. 1 reader praises the article.");
    }
}
