//! The sitemap index (`/sitemap.xml`): for each edition, every part of every month with
//! published stories, its news sitemap and its listings sitemap, each with the newest
//! change in it as `lastmod`. Months are counted in one grouped query per edition.

use axum::response::Response;
use jiff::Timestamp;
use serde::Serialize;
use store::CacheTag;

use crate::domain::site_file::{Month, SiteFile};
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::site::sitemap::stories::{news_stories, through_now};
use crate::web::site::sitemap::{absolute, w3c, xml_response};
use crate::web::state::AppState;

/// One `<sitemap>` of the index.
#[derive(Serialize)]
struct IndexEntry {
    loc: String,
    lastmod: Option<String>,
}

/// What `sitemaps/index.xml` renders.
#[derive(Serialize)]
struct SitemapIndex {
    sitemaps: Vec<IndexEntry>,
}

/// Renders the sitemap index of every edition.
pub async fn show_index(state: &AppState, site: &Site) -> Result<Response, AppError> {
    let mut sitemaps = Vec::new();
    let mut tags = Vec::new();
    for edition in &site.editions {
        sitemaps.extend(edition_entries(state, edition).await?);
        tags.extend([
            CacheTag::Home(edition.edition.id),
            CacheTag::Edition(edition.edition.id),
        ]);
    }
    let xml = state
        .theme
        .render("sitemaps/index.xml", &SitemapIndex { sitemaps })?;
    Ok(xml_response(xml, Some(tags)))
}

/// An edition's sitemaps: its months (and their parts), its news and its listings.
async fn edition_entries(
    state: &AppState,
    edition: &EditionSite,
) -> Result<Vec<IndexEntry>, AppError> {
    let id = edition.edition.id;
    let entry = |file: SiteFile, lastmod: Option<Timestamp>| IndexEntry {
        loc: absolute(
            state,
            &format!("{}/{}", edition.edition.path_prefix, file.name()),
        ),
        lastmod: lastmod.map(w3c),
    };
    let until = through_now();
    let mut entries = Vec::new();
    for counted in state.store.story_months(id, until).await? {
        let Some(month) = Month::from_key(counted.month) else {
            continue;
        };
        let parts = counted.stories.div_ceil(u64::from(state.sitemap_urls));
        for part in 1..=u32::try_from(parts).unwrap_or(u32::MAX) {
            entries.push(entry(
                SiteFile::Stories { month, part },
                Some(counted.updated_at),
            ));
        }
    }
    let news = news_stories(state, edition).await?;
    let news_changed = news.iter().map(|story| story.updated_at).max();
    entries.push(entry(SiteFile::News, news_changed));
    let listed = state.store.listed_pages(id).await?;
    let listed_changed = listed.iter().map(|page| page.newest).max();
    entries.push(entry(SiteFile::Listings, listed_changed));
    Ok(entries)
}
