//! Sitemaps (sitemaps.org 0.9, with Google's News and Image extensions): the index at
//! `/sitemap.xml` and each edition's story months, news and listing pages under its prefix
//! (see [`crate::domain::site_file`] for the names). One module per kind: [`index`],
//! [`stories`] (months and news) and [`listings`].
//!
//! Story sitemaps and the index are cached under the edition's `home` tag, which the
//! change log carries for every publish, edit and unpublish of one of its stories; the
//! listings sitemap also under its `edition` tag (sections). The news sitemap's stories
//! age out of it by the clock, which no change announces, so it is rendered for each
//! request (one query over 48 hours).

pub mod index;
pub mod listings;
pub mod stories;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use serde::Serialize;
use store::CacheTag;

use crate::domain::paging::Position;
use crate::domain::site_file::SiteFile;
use crate::service::site::{EditionSite, Site};
use crate::web::cache::cacheable_as;
use crate::web::error::AppError;
use crate::web::site::robots::show_robots;
use crate::web::state::AppState;

/// The media type sitemaps are sent as.
const XML: &str = "application/xml; charset=utf-8";

/// One `<url>` of a sitemap.
#[derive(Debug, Serialize)]
pub struct UrlEntry {
    /// The page's absolute URL.
    pub loc: String,
    /// When it last changed (W3C datetime).
    pub lastmod: Option<String>,
    /// Absolute URLs of its images.
    pub images: Vec<String>,
    /// Its Google News entry, in the news sitemap.
    pub news: Option<NewsEntry>,
}

/// A story's `<news:news>`.
#[derive(Debug, Serialize)]
pub struct NewsEntry {
    /// The publication's name.
    pub name: String,
    /// Its language (ISO 639: `en`, `ar`).
    pub language: String,
    /// The story's publication time (W3C datetime).
    pub published: String,
    /// The story's headline.
    pub title: String,
}

/// What `sitemaps/urlset.xml` renders.
#[derive(Debug, Serialize)]
struct UrlSet {
    /// Whether to declare the News namespace.
    news: bool,
    /// Whether to declare the Image namespace.
    images: bool,
    urls: Vec<UrlEntry>,
}

/// Answers a file a crawler asks for by name (`robots.txt`, a sitemap) at `slugs` below an
/// edition's prefix: 404 unless it is one of ours there, on a list's first position.
pub async fn show_file(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    slugs: &[&str],
    position: Position,
) -> Result<Response, AppError> {
    let file = match slugs {
        [name] if position.is_first() => SiteFile::parse(name),
        _ => None,
    };
    let Some(file) =
        file.filter(|file| !file.root_only() || edition.edition.path_prefix.is_empty())
    else {
        return Err(AppError::NotFound);
    };
    match file {
        SiteFile::Robots => show_robots(state),
        SiteFile::Index => index::show_index(state, site).await,
        SiteFile::Stories { month, part } => stories::show_month(state, site, edition, month, part)
            .await?
            .ok_or(AppError::NotFound),
        SiteFile::News => stories::show_news(state, site, edition).await,
        SiteFile::Listings => listings::show_listings(state, edition).await,
    }
}

/// A time as sitemaps write it (W3C datetime, UTC, whole seconds).
pub fn w3c(time: Timestamp) -> String {
    time.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The absolute URL of a site path (encoded as browsers send it).
pub fn absolute(state: &AppState, path: &str) -> String {
    format!("{}{}", state.base_url, super::encoded_path(path))
}

/// Renders a `<urlset>`, cached under `tags` unless none are given.
fn urlset(
    state: &AppState,
    news: bool,
    urls: Vec<UrlEntry>,
    tags: Option<Vec<CacheTag>>,
) -> Result<Response, AppError> {
    let images = urls.iter().any(|url| !url.images.is_empty());
    let xml = state
        .theme
        .render("sitemaps/urlset.xml", &UrlSet { news, images, urls })?;
    Ok(xml_response(xml, tags))
}

/// An XML response, cached under `tags` unless none are given.
fn xml_response(xml: String, tags: Option<Vec<CacheTag>>) -> Response {
    match tags {
        Some(tags) => cacheable_as(XML, xml, tags),
        None => ([(header::CONTENT_TYPE, HeaderValue::from_static(XML))], xml).into_response(),
    }
}
