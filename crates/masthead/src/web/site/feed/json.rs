//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>): the feed's facts, then its items
//! with `content_html` in the full-text variant and `content_text` (the standfirst, else
//! the headline) otherwise, as every item must carry one of the two.

use serde_json::{Value, json};

use crate::web::site::feed::item::{FeedView, ItemView, PersonView};

/// The JSON Feed 1.1 version URL.
const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// Writes a feed as JSON Feed 1.1.
pub fn render(feed: &FeedView) -> Result<String, serde_json::Error> {
    let items: Vec<Value> = feed.items.iter().map(item).collect();
    serde_json::to_string_pretty(&json!({
        "version": VERSION,
        "title": feed.title,
        "home_page_url": feed.site_url,
        "feed_url": feed.self_url,
        "description": feed.description,
        "language": feed.language,
        "authors": [{"name": feed.site_name, "url": feed.base_url}],
        "items": items,
    }))
}

fn item(item: &ItemView) -> Value {
    let mut value = json!({
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "date_published": item.published.rfc3339,
        "date_modified": item.updated.rfc3339,
        "authors": item.authors.iter().map(author).collect::<Vec<_>>(),
        "tags": item.categories,
    });
    if let Some(summary) = &item.summary {
        value["summary"] = summary.as_str().into();
    }
    match &item.content_html {
        Some(html) => value["content_html"] = html.as_str().into(),
        None => {
            let text = item.summary.as_deref().unwrap_or(&item.title);
            value["content_text"] = text.into();
        }
    }
    if let Some(image) = &item.image {
        value["image"] = image.url.as_str().into();
    }
    value
}

fn author(person: &PersonView) -> Value {
    match &person.url {
        Some(url) => json!({"name": person.name, "url": url}),
        None => json!({"name": person.name}),
    }
}
