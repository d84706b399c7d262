//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>): the feed's facts, then its items
//! with `content_html` in the full-text variant and `content_text` (the standfirst, else
//! the headline) otherwise, as every item must carry one of the two.

use serde::Serialize;

use crate::web::site::feed::item::{FeedView, ItemView, PersonView};

/// The JSON Feed 1.1 version URL.
const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// A JSON Feed document, its fields in the specification's order.
#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: &'a str,
    description: &'a str,
    language: &'a str,
    authors: [&'a PersonView; 1],
    items: Vec<JsonItem<'a>>,
}

/// One item.
#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_html: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    date_published: &'a str,
    date_modified: &'a str,
    authors: &'a [PersonView],
    tags: Vec<&'a str>,
}

impl<'a> JsonItem<'a> {
    fn new(item: &'a ItemView) -> JsonItem<'a> {
        let summary = item.summary.as_deref();
        let content_html = item.content_html.as_deref();
        JsonItem {
            id: &item.id,
            url: &item.url,
            title: &item.title,
            content_html,
            content_text: content_html
                .is_none()
                .then(|| summary.unwrap_or(&item.title)),
            summary,
            image: item.image.as_ref().map(|image| image.url.as_str()),
            date_published: &item.published.rfc3339,
            date_modified: &item.updated.rfc3339,
            authors: &item.authors,
            tags: item.categories.iter().map(|c| c.term.as_str()).collect(),
        }
    }
}

/// Writes a feed as JSON Feed 1.1.
pub fn render(feed: &FeedView) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&JsonFeed {
        version: VERSION,
        title: &feed.title,
        home_page_url: &feed.site_url,
        feed_url: &feed.self_url,
        description: &feed.description,
        language: &feed.language,
        authors: [&feed.publisher],
        items: feed.items.iter().map(JsonItem::new).collect(),
    })
}
