//! Story sitemaps: an edition's stories of one UTC month, oldest first, in parts of
//! `sitemap_urls` stories (`sitemap-stories-2026-11.xml`, `…-2.xml`), and the Google News
//! sitemap of its stories of the last 48 hours (`sitemap-news.xml`, at most 1,000, newest
//! first). Each story carries its update time and the absolute URLs of its lead image and
//! gallery photos.

use std::collections::HashMap;

use axum::response::Response;
use jiff::{SignedDuration, Timestamp};
use store::{CacheTag, Image, SitemapQuery, SitemapStory};

use crate::domain::site_file::Month;
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::site::sitemap::{NewsEntry, UrlEntry, absolute, urlset, w3c};
use crate::web::state::AppState;

/// How far back the news sitemap reaches (Google News: the last two days).
pub const NEWS_WINDOW: SignedDuration = SignedDuration::from_hours(48);
/// Most stories in the news sitemap (Google News' limit).
pub const NEWS_LIMIT: u32 = 1_000;

/// Renders one part of a month's stories; `None` for a part with none (a month without
/// stories, a future month, a part past the last).
pub async fn show_month(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    month: Month,
    part: u32,
) -> Result<Option<Response>, AppError> {
    let until = through_now();
    let (Some((from, end)), Some(offset)) =
        (month.range(), (part - 1).checked_mul(state.sitemap_urls))
    else {
        return Ok(None);
    };
    if from >= until {
        return Ok(None);
    }
    let query = SitemapQuery {
        edition_id: edition.edition.id,
        from,
        until: end.min(until),
        limit: state.sitemap_urls,
        offset,
        newest_first: false,
    };
    let stories = state.store.sitemap_stories(&query).await?;
    if stories.is_empty() {
        return Ok(None);
    }
    let urls = entries(state, site, edition, &stories, false).await?;
    urlset(
        state,
        false,
        urls,
        Some(vec![CacheTag::Home(edition.edition.id)]),
    )
    .map(Some)
}

/// Renders the edition's news sitemap (uncached: its stories age out by the clock).
pub async fn show_news(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
) -> Result<Response, AppError> {
    let stories = news_stories(state, edition).await?;
    let urls = entries(state, site, edition, &stories, true).await?;
    urlset(state, true, urls, None)
}

/// The edition's stories of the last 48 hours, newest first.
pub async fn news_stories(
    state: &AppState,
    edition: &EditionSite,
) -> Result<Vec<SitemapStory>, AppError> {
    let until = through_now();
    let query = SitemapQuery {
        edition_id: edition.edition.id,
        from: until - NEWS_WINDOW,
        until,
        limit: NEWS_LIMIT,
        offset: 0,
        newest_first: true,
    };
    Ok(state.store.sitemap_stories(&query).await?)
}

/// The end of the time range that holds every story published so far: the next second
/// (stores keep whole seconds, so a story published this second is in).
pub fn through_now() -> Timestamp {
    Timestamp::now() + SignedDuration::from_secs(1)
}

/// The `<url>` entries of stories, with their images (one read for all of them) and, for
/// the news sitemap, their news entries.
async fn entries(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    stories: &[SitemapStory],
    news: bool,
) -> Result<Vec<UrlEntry>, AppError> {
    let mut ids: Vec<i64> = stories.iter().flat_map(|s| s.image_ids.clone()).collect();
    ids.sort_unstable();
    ids.dedup();
    let images: HashMap<i64, String> = state
        .store
        .images(&ids)
        .await?
        .iter()
        .filter_map(|image| Some((image.id, image_url(state, image)?)))
        .collect();
    // Google News wants the language's ISO 639 code: the tag's first part.
    let language = edition.edition.language.split('-').next().unwrap_or("en");
    Ok(stories
        .iter()
        .map(|story| UrlEntry {
            loc: absolute(
                state,
                &site.path_for(edition.edition.id, story.section_id, &story.slug),
            ),
            lastmod: Some(w3c(story.updated_at.max(story.published_at))),
            images: story
                .image_ids
                .iter()
                .filter_map(|id| images.get(id).cloned())
                .collect(),
            news: news.then(|| NewsEntry {
                name: site.settings.site_name.clone(),
                language: language.to_string(),
                published: w3c(story.published_at),
                title: story.headline.clone(),
            }),
        })
        .collect())
}

/// An image's absolute URL for crawlers: its widest rendition other than WebP.
fn image_url(state: &AppState, image: &Image) -> Option<String> {
    let widest = image
        .renditions
        .iter()
        .filter(|rendition| rendition.format != "webp")
        .max_by_key(|rendition| rendition.width)?;
    Some(absolute(state, &format!("/media/{}", widest.key)))
}
