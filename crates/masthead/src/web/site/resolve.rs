//! Turns a reader's path into a page: edition prefix, then sections, stories, static pages,
//! topic/keyword/author pages, job listings, and finally old URLs that redirect (301): old
//! story paths, paths under a renamed or moved section, renamed topics, merged keywords,
//! and renamed or merged authors. Anything else is a 404. The newsletter's and the contact
//! form's pages and the search page live under each edition's prefix too, and so do the
//! files crawlers ask for by name (`robots.txt` and the sitemaps, see `sitemap`).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::domain::paging::Position;
use crate::domain::reader_url::ReaderUrl;
use crate::domain::reserved;
use crate::domain::site_file::is_file_name;
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::site::listing::ListingKind;
use crate::web::site::{
    contact, feed, home, jobs, listing, moved_to_page, newsletter, private_page, search, section,
    sitemap, story,
};
use crate::web::state::AppState;

/// Shows whatever lives at the request path; another spelling of a page's URL moves (301)
/// to its canonical one.
pub async fn show_path(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Response, AppError> {
    let site = state.site();
    if let Some((edition, page)) = newsletter::page_at(&site, uri.path()) {
        return newsletter::show(&state, &site, edition, page, uri.query()).await;
    }
    if let Some((edition, page)) = contact::page_at(&site, uri.path()) {
        return contact::show(&state, &site, edition, page).await;
    }
    if let Some(edition) = search::page_at(&site, uri.path()) {
        return search::show_search(&state, &site, edition, uri.query()).await;
    }
    let address = match site.reader_url(uri.path(), uri.query()) {
        ReaderUrl::Page(address) => address,
        ReaderUrl::Moved(url) => return Ok(moved_to_canonical(&keep_query(&site, url, &uri))),
        ReaderUrl::Invalid | ReaderUrl::NotReader => return Err(AppError::NotFound),
    };
    let (edition, _) = site
        .edition_for_path(&address.path)
        .ok_or(AppError::NotFound)?;
    let prefix_segments = edition
        .edition
        .path_prefix
        .split('/')
        .filter(|s| !s.is_empty());
    let page = address.position;
    let slugs: Vec<&str> = address
        .segments
        .get(prefix_segments.count()..)
        .unwrap_or_default()
        .iter()
        .map(String::as_str)
        .collect();
    // A file name (`robots.txt`, a sitemap) is one of ours or nothing: no story, section or
    // old URL has a dot.
    if slugs.last().is_some_and(|last| is_file_name(last)) {
        return sitemap::show_file(&state, &site, edition, &slugs, page).await;
    }
    let found = match slugs.as_slice() {
        [] if page.is_first() => Some(home::show_home(&state, &site, edition).await?),
        ["topic", slug] => {
            listing::show_listing(&state, &site, edition, ListingKind::Topic, slug, page).await?
        }
        ["keyword", slug] => {
            listing::show_listing(&state, &site, edition, ListingKind::Keyword, slug, page).await?
        }
        path if feed::is_feed_path(path) && page.is_first() => {
            feed::show_feed(&state, &site, edition, path).await?
        }
        [jobs::JOBS_PAGE, segment] if page.is_first() => {
            jobs::show_job(&state, &site, edition, segment).await?
        }
        ["author", slug] => {
            listing::show_listing(&state, &site, edition, ListingKind::Author, slug, page).await?
        }
        _ => find_in_tree(&state, &site, edition, &slugs, page).await?,
    };
    if let Some(response) = found {
        return Ok(response);
    }
    let moved = moved_to(&state, &site, edition, &slugs).await?;
    moved
        .map(|path| moved_to_page(&path, page))
        .ok_or(AppError::NotFound)
}

/// A canonical URL with the request's query when the page there reads it (a search, a
/// newsletter confirmation link): `/Search?q=port` moves to `/search?q=port`, not to an
/// empty search. Other pages' queries are only their position, which `url` already holds.
fn keep_query(site: &Site, url: String, uri: &Uri) -> String {
    let path = url.split('?').next().unwrap_or_default();
    match uri.query() {
        Some(query) if !query.is_empty() && private_page(site, path).is_some() => {
            format!("{path}?{query}")
        }
        _ => url,
    }
}

/// A 301 to a canonical URL, already encoded.
fn moved_to_canonical(url: &str) -> Response {
    match HeaderValue::from_str(url) {
        Ok(location) => (
            StatusCode::MOVED_PERMANENTLY,
            [(header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Where an old URL lives now: a story whose slug or section changed (the `redirects`
/// table), anything under a section that was renamed or moved (its old paths, in memory),
/// or a renamed topic, merged keyword, or renamed or merged author; a feed moves with the
/// page it mirrors.
async fn moved_to(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    slugs: &[&str],
) -> Result<Option<String>, AppError> {
    let edition_id = edition.edition.id;
    // A feed moves with the page it mirrors.
    if let Some((subject, feed_path)) = feed::feed_subject_path(edition, slugs) {
        let moved = Box::pin(moved_to(state, site, edition, subject)).await?;
        return Ok(moved.map(|page| feed_path(&page)));
    }
    let old_path = format!("/{}", slugs.join("/"));
    if let Some(teaser) = state.store.redirect_target(edition_id, &old_path).await? {
        return Ok(Some(site.story_path(&teaser)));
    }
    if let Some(path) = edition.moved_path(slugs) {
        return Ok(Some(path));
    }
    let prefix = &edition.edition.path_prefix;
    Ok(match slugs {
        ["topic", slug] => state
            .store
            .topic_alias(edition_id, slug)
            .await?
            .map(|topic| format!("{prefix}/topic/{}", topic.slug)),
        ["keyword", slug] => state
            .store
            .keyword_alias(edition_id, slug)
            .await?
            .map(|keyword| format!("{prefix}/keyword/{}", keyword.slug)),
        ["author", slug] => state
            .store
            .author_alias(slug)
            .await?
            .map(|author| format!("{prefix}/author/{}", author.slug)),
        _ => None,
    })
}

/// A section page, a story in a section, or a static page. A section whose top slug the
/// site keeps for itself (`jobs`, made before the newsroom refused it, or imported) is
/// never shown: the site's own page wins, as it does for every path under it.
async fn find_in_tree(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    slugs: &[&str],
    page: Position,
) -> Result<Option<Response>, AppError> {
    let Some(first) = slugs.first() else {
        return Ok(None);
    };
    if !reserved::section_may_take(first) {
        return match slugs {
            [slug] if page.is_first() => story::show_story(state, site, edition, None, slug).await,
            _ => Ok(None),
        };
    }
    if let Some(found) = edition.section_at(slugs) {
        return section::show_section(state, site, edition, found, page).await;
    }
    let (last, parents) = slugs.split_last().ok_or(AppError::NotFound)?;
    if !page.is_first() {
        return Ok(None);
    }
    let section_id = match parents {
        [] => None,
        _ => match edition.section_at(parents) {
            Some(section) => Some(section.id),
            None => return Ok(None),
        },
    };
    story::show_story(state, site, edition, section_id, last).await
}
