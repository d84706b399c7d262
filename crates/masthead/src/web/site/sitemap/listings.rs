//! An edition's listings sitemap (`sitemap-listings.xml`): its home page, then every
//! section, topic, keyword and author page that lists a published story, each with the
//! publication time of its newest story as `lastmod`.

use axum::response::Response;
use store::{CacheTag, ListedKind, ListedPage};

use crate::service::site::EditionSite;
use crate::web::error::AppError;
use crate::web::site::sitemap::{UrlEntry, absolute, urlset, w3c};
use crate::web::state::AppState;

/// Renders the edition's listings sitemap.
pub async fn show_listings(state: &AppState, edition: &EditionSite) -> Result<Response, AppError> {
    let pages = state.store.listed_pages(edition.edition.id).await?;
    let prefix = &edition.edition.path_prefix;
    let home = UrlEntry {
        loc: absolute(state, &format!("{prefix}/")),
        lastmod: pages.iter().map(|page| page.newest).max().map(w3c),
        images: Vec::new(),
        news: None,
    };
    let listed = pages.iter().filter_map(|page| {
        Some(UrlEntry {
            loc: absolute(state, &listing_path(edition, page)?),
            lastmod: Some(w3c(page.newest)),
            images: Vec::new(),
            news: None,
        })
    });
    let urls = std::iter::once(home).chain(listed).collect();
    let tags = vec![
        CacheTag::Home(edition.edition.id),
        CacheTag::Edition(edition.edition.id),
    ];
    urlset(state, false, urls, Some(tags))
}

/// The site path of a listing page; `None` for a section the site tree does not hold.
fn listing_path(edition: &EditionSite, page: &ListedPage) -> Option<String> {
    let prefix = &edition.edition.path_prefix;
    let slug = &page.slug;
    Some(match page.kind {
        ListedKind::Section => {
            edition.section(page.id)?;
            edition.section_path(page.id)
        }
        ListedKind::Topic => format!("{prefix}/topic/{slug}"),
        ListedKind::Keyword => format!("{prefix}/keyword/{slug}"),
        ListedKind::Author => format!("{prefix}/author/{slug}"),
    })
}
