//! RSS 2.0 feeds: the latest stories of an edition, of a section, or of a topic, at
//! `/rss/latest`, `/rss/{section path}` and `/rss/topic/{slug}` (under `/ar` for Arabic).

use axum::http::{HeaderValue, header};
use axum::response::Response;
use jiff::Timestamp;
use serde::Serialize;
use store::{CacheTag, StoryFilter, StoryQuery};

use crate::service::listing::list;
use crate::service::site::{EditionSite, Site};
use crate::web::cache::cacheable;
use crate::web::error::AppError;
use crate::web::state::AppState;
use crate::web::view::{Chrome, LinkView};

/// Stories per feed.
const FEED_ITEMS: u32 = 30;

#[derive(Serialize)]
struct Feed {
    title: String,
    description: String,
    site_url: String,
    self_url: String,
    language: String,
    copyright: String,
    updated: Option<String>,
    items: Vec<FeedItem>,
}

#[derive(Serialize)]
struct FeedItem {
    title: String,
    url: String,
    published: String,
    description: Option<String>,
    category: Option<String>,
}

/// RFC 822 date, as RSS wants it.
fn rss_date(time: Timestamp) -> String {
    time.strftime("%a, %d %b %Y %H:%M:%S +0000").to_string()
}

/// What a feed shows.
struct Subject {
    filter: StoryFilter,
    title: String,
    tag: CacheTag,
    /// The page the feed mirrors.
    page_path: String,
}

/// What a feed path below `/rss` names: `latest`, `topic/{slug}` or a section path.
async fn feed_subject(
    state: &AppState,
    edition: &EditionSite,
    slugs: &[&str],
) -> Result<Option<Subject>, AppError> {
    let prefix = &edition.edition.path_prefix;
    Ok(match slugs {
        ["latest"] => Some(Subject {
            filter: StoryFilter::All,
            title: edition.strings.latest.to_string(),
            tag: CacheTag::Home(edition.edition.id),
            page_path: format!("{prefix}/"),
        }),
        ["topic", slug] => state
            .store
            .topic_by_slug(edition.edition.id, slug)
            .await?
            .map(|topic| Subject {
                filter: StoryFilter::Topic(topic.id),
                page_path: format!("{prefix}/topic/{}", topic.slug),
                tag: CacheTag::Topic(topic.id),
                title: topic.name,
            }),
        _ => edition.section_at(slugs).map(|section| Subject {
            filter: StoryFilter::Section(section.id),
            title: section.name.clone(),
            tag: CacheTag::Section(section.id),
            page_path: edition.section_path(section.id),
        }),
    })
}

/// Renders the feed at `slugs` (below `/rss`); `None` if it names nothing.
pub async fn show_feed(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    slugs: &[&str],
) -> Result<Option<Response>, AppError> {
    let Some(subject) = feed_subject(state, edition, slugs).await? else {
        return Ok(None);
    };
    let query = StoryQuery::latest(edition.edition.id, subject.filter, FEED_ITEMS);
    let listing = list(state.store.as_ref(), &query).await?;
    let base = &state.base_url;
    let chrome = Chrome::new(site, edition, base);
    let items: Vec<FeedItem> = listing
        .items
        .iter()
        .map(|teaser| FeedItem {
            title: teaser.headline.clone(),
            url: format!("{base}{}", site.story_path(teaser)),
            published: teaser.published_at.map(rss_date).unwrap_or_default(),
            description: teaser.standfirst.clone(),
            category: teaser
                .topic_id
                .and_then(|id| listing.extras.topics.get(&id))
                .map(|topic| topic.name.clone()),
        })
        .collect();
    let feed = Feed {
        title: format!("{} — {}", site.settings.site_name, subject.title),
        description: site.newsletter_pitch(edition).to_string(),
        site_url: format!("{base}{}", subject.page_path),
        self_url: format!(
            "{base}{}/rss/{}",
            edition.edition.path_prefix,
            slugs.join("/")
        ),
        language: edition.edition.language.clone(),
        copyright: chrome.copyright,
        updated: listing
            .items
            .first()
            .and_then(|t| t.published_at)
            .map(rss_date),
        items,
    };
    let xml = state.theme.render("feeds/rss.xml", &feed)?;
    let mut response = cacheable(xml, vec![subject.tag]);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/rss+xml; charset=utf-8"),
    );
    Ok(Some(response))
}

/// The feeds an edition offers, for the RSS page: latest, then every section.
pub fn feed_links(edition: &EditionSite) -> Vec<LinkView> {
    let prefix = &edition.edition.path_prefix;
    let mut links = vec![LinkView {
        name: edition.strings.latest.to_string(),
        url: format!("{prefix}/rss/latest"),
    }];
    let mut add = |name: String, id: i64| {
        let path = edition.section_path(id);
        let below = path.strip_prefix(prefix.as_str()).unwrap_or(&path);
        links.push(LinkView {
            name,
            url: format!("{prefix}/rss{below}"),
        });
    };
    for top in edition.top_sections() {
        add(top.name.clone(), top.id);
        for child in edition.children(top.id) {
            add(format!("{} › {}", top.name, child.name), child.id);
        }
    }
    links
}
