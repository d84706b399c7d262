//! What every feed format shows: the feed's own facts and its items (bylines, categories,
//! summary, lead image, times, a stable id and, in the full-text variant, the body).

use std::collections::HashMap;

use jiff::Timestamp;
use serde::Serialize;
use store::{Contributor, Image};

use crate::service::feed::FeedStory;
use crate::service::site::{EditionSite, Site};
use crate::service::story::teaser_of_story;
use crate::web::site::absolute_url;
use crate::web::site::feed::last_change;
use crate::web::view::ImageView;

/// A feed, ready for the RSS and Atom templates and the JSON Feed writer.
#[derive(Serialize)]
pub struct FeedView {
    /// "Site — Subject".
    pub title: String,
    /// What the site is.
    pub description: String,
    /// The publisher, the feed's author: the site's name and home.
    pub publisher: PersonView,
    /// The site's absolute base URL.
    pub base_url: String,
    /// The page the feed mirrors, absolute.
    pub site_url: String,
    /// The feed's own URL, absolute; also its Atom id.
    pub self_url: String,
    /// The edition's language tag.
    pub language: String,
    /// The copyright line.
    pub copyright: String,
    /// The newest item's update (the Unix epoch for a feed with no items).
    pub updated: FeedTime,
    /// Whether items carry the story's body.
    pub full: bool,
    /// The items, newest first.
    pub items: Vec<ItemView>,
}

/// A time in the spellings feeds use.
#[derive(Serialize)]
pub struct FeedTime {
    /// RFC 822, for RSS.
    pub rfc822: String,
    /// RFC 3339 in UTC, for Atom and JSON Feed.
    pub rfc3339: String,
}

impl FeedTime {
    /// A UTC time in both spellings.
    pub fn new(time: Timestamp) -> FeedTime {
        FeedTime {
            rfc822: time.strftime("%a, %d %b %Y %H:%M:%S +0000").to_string(),
            rfc3339: time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        }
    }
}

/// An HTTP date (RFC 9110's IMF-fixdate), for `Last-Modified`.
pub fn http_date(time: Timestamp) -> String {
    time.strftime("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// A byline credit: its name and page (an author's page here, an agency's own site).
#[derive(Serialize)]
pub struct PersonView {
    /// Name in full.
    pub name: String,
    /// Absolute URL, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A category of an item: a section, topic or keyword.
#[derive(Serialize)]
pub struct CategoryView {
    /// Its name.
    pub term: String,
    /// Which vocabulary it is from: the site's sections (`{base}/`), topics
    /// (`{base}/topic/`) or keywords (`{base}/keyword/`), under the edition's prefix.
    pub scheme: String,
}

/// An item's lead image.
#[derive(Serialize)]
pub struct FeedImage {
    /// The rendition nearest 640 pixels wide, absolute.
    pub url: String,
    /// Its media type.
    pub media_type: &'static str,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The caption.
    pub caption: String,
    /// The credit.
    pub credit: String,
}

/// One story of a feed.
#[derive(Serialize)]
pub struct ItemView {
    /// A tag URI from the story's id and first publication: it never changes, whatever
    /// happens to the headline, slug or section.
    pub id: String,
    /// The story's canonical URL.
    pub url: String,
    /// The headline.
    pub title: String,
    /// The standfirst.
    pub summary: Option<String>,
    /// The body as sanitised HTML, in the full-text variant only.
    pub content_html: Option<String>,
    /// First publication.
    pub published: FeedTime,
    /// Last update.
    pub updated: FeedTime,
    /// Every credit of the byline, in order.
    pub authors: Vec<PersonView>,
    /// The primary section, then topics, then keywords.
    pub categories: Vec<CategoryView>,
    /// The lead image.
    pub image: Option<FeedImage>,
}

impl ItemView {
    /// The item for a loaded story; `full` adds its body.
    pub fn new(
        site: &Site,
        edition: &EditionSite,
        base: &str,
        loaded: &FeedStory,
        images: &HashMap<i64, Image>,
        full: bool,
    ) -> ItemView {
        let story = &loaded.story;
        let published = story.published_at.unwrap_or(story.updated_at);
        let absolute = |path: &str| absolute_url(base, path);
        let image_view = |id: i64| {
            images
                .get(&id)
                .and_then(|image| ImageView::new(image, None))
        };
        let prefix = &edition.edition.path_prefix;
        let category = |term: &str, vocabulary: &str| CategoryView {
            term: term.to_string(),
            scheme: format!("{base}{prefix}/{vocabulary}"),
        };
        let mut categories: Vec<CategoryView> = story
            .section_id
            .and_then(|id| edition.section(id))
            .map(|section| category(&section.name, ""))
            .into_iter()
            .collect();
        categories.extend(loaded.topics.iter().map(|t| category(&t.name, "topic/")));
        categories.extend(
            loaded
                .keywords
                .iter()
                .map(|k| category(&k.name, "keyword/")),
        );
        ItemView {
            id: tag_uri(base, published, story.id),
            url: absolute(&site.story_path(&teaser_of_story(story))),
            title: story.headline.clone(),
            summary: story.standfirst.clone(),
            content_html: full.then(|| {
                richtext::body_to_html_with_images(&story.body, |id| {
                    image_view(id).map(|view| absolute(&view.src))
                })
            }),
            published: FeedTime::new(published),
            updated: FeedTime::new(last_change(story)),
            authors: loaded
                .credits
                .iter()
                .map(|credit| person(edition, base, &credit.contributor))
                .collect(),
            categories,
            image: story
                .hero_image_id
                .and_then(image_view)
                .map(|view| FeedImage {
                    media_type: media_type(&view.src),
                    url: absolute(&view.src),
                    width: view.width,
                    height: view.height,
                    caption: view.caption,
                    credit: view.credit,
                }),
        }
    }
}

/// A credit's name and absolute page: an author's profile in this edition, an agency's
/// own site.
fn person(edition: &EditionSite, base: &str, contributor: &Contributor) -> PersonView {
    match contributor {
        Contributor::Author(author) => PersonView {
            name: author.name.clone(),
            url: Some(absolute_url(
                base,
                &format!("{}/author/{}", edition.edition.path_prefix, author.slug),
            )),
        },
        Contributor::Agency(agency) => PersonView {
            name: agency.name.clone(),
            url: Some(agency.url.clone()).filter(|url| !url.is_empty()),
        },
    }
}

/// `tag:{host},{date of first publication}:story/{id}` (RFC 4151).
fn tag_uri(base: &str, published: Timestamp, id: i64) -> String {
    let authority = base.split_once("://").map_or(base, |(_, rest)| rest);
    let host = authority
        .split(['/', ':'])
        .next()
        .filter(|host| !host.is_empty())
        .unwrap_or("localhost");
    format!("tag:{host},{}:story/{id}", published.strftime("%Y-%m-%d"))
}

/// The media type of a rendition, from its file's extension.
fn media_type(src: &str) -> &'static str {
    match src.rsplit_once('.').map(|(_, extension)| extension) {
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        _ => "image/jpeg",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_id_is_a_tag_uri_on_the_host_without_port_or_path() {
        let time: Timestamp = "2026-03-04T05:06:07Z".parse().expect("time");

        let cases = [
            (
                "https://news.example",
                "tag:news.example,2026-03-04:story/7",
            ),
            ("http://127.0.0.1:8080", "tag:127.0.0.1,2026-03-04:story/7"),
            ("https://x.example/base", "tag:x.example,2026-03-04:story/7"),
        ];

        for (base, expected) in cases {
            assert_eq!(tag_uri(base, time, 7), expected, "{base}");
        }
    }

    #[test]
    fn times_are_spelled_for_rss_atom_and_http() {
        let time: Timestamp = "2026-03-04T05:06:07Z".parse().expect("time");

        let spelled = FeedTime::new(time);

        assert_eq!(spelled.rfc822, "Wed, 04 Mar 2026 05:06:07 +0000");
        assert_eq!(spelled.rfc3339, "2026-03-04T05:06:07Z");
        assert_eq!(http_date(time), "Wed, 04 Mar 2026 05:06:07 GMT");
    }
}
