//! Article metadata from schema.org JSON-LD (`<script type="application/ld+json">`).

use crate::snapshot::{NodeId, Snapshot};
use serde_json::Value;

/// What a JSON-LD article object says about the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonLdArticle {
    /// `name`, when given.
    pub name: Option<String>,
    /// `headline`, when given.
    pub headline: Option<String>,
    /// Author names joined by ", ".
    pub byline: Option<String>,
    /// `datePublished` as written.
    pub published: Option<String>,
    /// `publisher.name`.
    pub site_name: Option<String>,
    /// `inLanguage`.
    pub lang: Option<String>,
}

/// schema.org types that describe an article (and its common subtypes).
const ARTICLE_TYPES: &[&str] = &[
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
    "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
    "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
];

fn is_article_type(value: &Value) -> bool {
    let one = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        ARTICLE_TYPES.contains(&t)
    };
    match value {
        Value::String(t) => one(t),
        Value::Array(types) => types.iter().any(|t| t.as_str().is_some_and(one)),
        _ => false,
    }
}

/// The first article object among the page's JSON-LD scripts (`scripts`: the page's `<script>`
/// elements in page order; top-level objects, arrays and `@graph` lists, searched in order).
pub fn find_article(snapshot: &Snapshot, scripts: &[NodeId]) -> Option<JsonLdArticle> {
    for &id in scripts {
        let raw = snapshot.text_content(id);
        let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<Value>(raw) else { continue };
        if let Some(article) = first_article(&value, 0) {
            return Some(read_article(article));
        }
    }
    None
}

fn first_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| first_article(v, depth + 1)),
        Value::Object(map) => {
            if map.get("@type").is_some_and(is_article_type) {
                return Some(value);
            }
            map.get("@graph").and_then(|g| first_article(g, depth + 1))
        }
        _ => None,
    }
}

fn string(value: Option<&Value>) -> Option<String> {
    let s = match value? {
        Value::String(s) => s.trim().to_owned(),
        Value::Array(items) => return items.iter().find_map(|v| string(Some(v))),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A person's or organisation's name: a plain string or an object with `name`.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => string(Some(value)).filter(|s| !s.starts_with("http")),
        Value::Object(map) => string(map.get("name")),
        _ => None,
    }
}

fn read_article(value: &Value) -> JsonLdArticle {
    let authors: Vec<String> = match value.get("author").or_else(|| value.get("creator")) {
        Some(Value::Array(list)) => list.iter().filter_map(name_of).collect(),
        Some(one) => name_of(one).into_iter().collect(),
        None => Vec::new(),
    };
    let mut unique: Vec<String> = Vec::new();
    for a in authors {
        if !unique.contains(&a) {
            unique.push(a);
        }
    }
    JsonLdArticle {
        name: string(value.get("name")),
        headline: string(value.get("headline")),
        byline: (!unique.is_empty()).then(|| unique.join(", ")),
        published: string(value.get("datePublished")).or_else(|| string(value.get("dateCreated"))),
        site_name: value.get("publisher").and_then(|p| match p {
            Value::Array(list) => list.iter().find_map(name_of),
            other => name_of(other),
        }),
        lang: match value.get("inLanguage") {
            Some(Value::Object(map)) => string(map.get("alternateName")).or_else(|| string(map.get("name"))),
            other => string(other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_html::parse_html;

    fn page(json: &str) -> Option<JsonLdArticle> {
        let s = parse_html(&format!("<html><head><script type=\"application/ld+json\">{json}</script></head><body></body></html>"));
        let scripts: Vec<NodeId> = (0..s.len() as NodeId).filter(|&id| s.is(id, "script")).collect();
        find_article(&s, &scripts)
    }

    #[test]
    fn reads_graphs_arrays_and_author_shapes() {
        let a = page(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["ReportageNewsArticle"],"headline":"H","author":[{"@type":"Person","name":"A"},{"name":"B"}],
             "publisher":{"name":"Pub"},"datePublished":"2020-01-02"}]}"#).unwrap();
        assert_eq!(a.headline.as_deref(), Some("H"));
        assert_eq!(a.byline.as_deref(), Some("A, B"));
        assert_eq!(a.site_name.as_deref(), Some("Pub"));
        assert_eq!(a.published.as_deref(), Some("2020-01-02"));

        let b = page(r#"[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","name":"N","author":"Jane Doe"}]"#).unwrap();
        assert_eq!(b.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(b.name.as_deref(), Some("N"));
        assert_eq!(page(r#"{"@type":"WebPage","name":"x"}"#), None);
        assert_eq!(page("not json"), None);
    }
}
