//! Turns a reader's path into a page: edition prefix, then sections, stories, static pages,
//! topic/keyword/author pages, and finally old URLs that redirect (301): old story paths,
//! paths under a renamed or moved section, renamed topics and merged keywords. Anything
//! else is a 404.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::Uri;
use axum::response::Response;
use percent_encoding::percent_decode_str;

use crate::app::AppState;
use crate::domain::paging::parse_page;
use crate::domain::slug::is_plausible_slug;
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::site::listing::ListingKind;
use crate::web::site::{feed, home, listing, moved_to_page, section, story};

/// Paths longer than this are not ours.
const MAX_PATH: usize = 1024;

/// Decodes a path into its segments; `None` for anything no page of ours could have.
pub(crate) fn segments(path: &str) -> Option<Vec<String>> {
    if path.len() > MAX_PATH {
        return None;
    }
    path.split('/')
        .filter(|segment| !segment.is_empty())
        .map(|segment| {
            let decoded = percent_decode_str(segment).decode_utf8().ok()?;
            is_plausible_slug(&decoded).then(|| decoded.into_owned())
        })
        .collect()
}

/// Shows whatever lives at the request path.
pub async fn show_path(
    State(state): State<Arc<AppState>>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
) -> Result<Response, AppError> {
    let site = state.site();
    let (edition, rest) = site
        .edition_for_path(uri.path())
        .ok_or(AppError::NotFound)?;
    let segments = segments(rest).ok_or(AppError::NotFound)?;
    let page = parse_page(query.get("page").map(String::as_str)).ok_or(AppError::NotFound)?;
    let slugs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let found = match slugs.as_slice() {
        [] if page == 1 => Some(home::show_home(&state, &site, edition).await?),
        ["topic", slug] => {
            listing::show_listing(&state, &site, edition, ListingKind::Topic, slug, page).await?
        }
        ["keyword", slug] => {
            listing::show_listing(&state, &site, edition, ListingKind::Keyword, slug, page).await?
        }
        ["rss", rest @ ..] if !rest.is_empty() && page == 1 => {
            feed::show_feed(&state, &site, edition, rest).await?
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

/// Where an old URL lives now: a story whose slug or section changed (the `redirects`
/// table), anything under a section that was renamed or moved (its old paths, in memory),
/// or a renamed topic or merged keyword.
async fn moved_to(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    slugs: &[&str],
) -> Result<Option<String>, AppError> {
    let edition_id = edition.edition.id;
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
        _ => None,
    })
}

/// A section page, a story in a section, or a static page.
async fn find_in_tree(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    slugs: &[&str],
    page: u32,
) -> Result<Option<Response>, AppError> {
    if slugs.is_empty() {
        return Ok(None);
    }
    if let Some(found) = edition.section_at(slugs) {
        return section::show_section(state, site, edition, found, page).await;
    }
    let (last, parents) = slugs.split_last().ok_or(AppError::NotFound)?;
    if page != 1 {
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

#[cfg(test)]
mod tests {
    use super::segments;

    #[test]
    fn odd_paths_have_no_segments() {
        let long = "/a".repeat(600);
        let cases = [
            ("/world/europe", true, "plain"),
            ("/%D8%B9%D8%B1%D8%A8%D9%8A", true, "percent-encoded Arabic"),
            ("/world/%FF", false, "invalid UTF-8"),
            ("/world/..%2F..%2Fetc", false, "encoded traversal"),
            ("/index.php", false, "a dot"),
            (long.as_str(), false, "too long"),
        ];

        for (path, ok, reason) in cases {
            assert_eq!(segments(path).is_some(), ok, "{reason}");
        }
    }
}
