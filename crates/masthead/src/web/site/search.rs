//! The search page under each edition's prefix (`/search`, `/ar/search`): the form again,
//! and the edition's published stories that match, a page at a time. Each search is the
//! reader's own: never stored in the page cache (a crawler could fill it with queries),
//! answered `Cache-Control: no-store` and `noindex`. Popular searches' pages are kept by
//! the node under the search's normal form until the index changes (`search_cache`). A
//! few searches run at once per node; the rest wait a moment for a turn, then get `503`
//! with `Retry-After`.

use axum::body::Bytes;
use axum::response::{Html, IntoResponse, Response};
use search::Language;
use store::slug::is_plausible_slug;
use store::{Author, COUNT_LIMIT, SearchFilter, SearchOrder, Section};

use crate::domain::paging::page_count;
use crate::domain::search_form::{Ignored, SearchForm, SearchSort};
use crate::service::search::{Found, SearchAsk};
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::newsroom::session::url_pairs;
use crate::web::site::public_form::private;
use crate::web::site::search_view::{SearchPage, search_page};
use crate::web::state::AppState;

/// The search page's path below an edition's prefix.
const SEARCH_PAGE: &str = "/search";

/// The edition whose search page a request path is.
pub fn page_at<'a>(site: &'a Site, path: &str) -> Option<&'a EditionSite> {
    let (edition, rest) = site.edition_for_path(path)?;
    (rest == SEARCH_PAGE).then_some(edition)
}

/// The search page's address in an edition.
pub fn search_path(edition: &EditionSite) -> String {
    format!("{}{SEARCH_PAGE}", edition.edition.path_prefix)
}

/// The last page of results a search may show: as far as results are counted.
pub fn last_page(page_size: u32) -> u32 {
    page_count(COUNT_LIMIT, page_size)
}

/// `GET` (and `HEAD`) of the search page, with the search in the query.
pub async fn show_search(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    query: Option<&str>,
) -> Result<Response, AppError> {
    let pairs: Vec<(String, String)> = url_pairs(query.unwrap_or_default().as_bytes()).collect();
    let mut form = SearchForm::read(&pairs, last_page(state.page_size));
    let section = take_section(edition, &mut form);
    let author = take_author(state, &mut form).await?;
    let filter = SearchFilter {
        edition_id: Some(edition.edition.id),
        published_by: Some(jiff::Timestamp::now()),
        section_id: section.map(|section| section.id),
        kind: form.kind,
        author_id: author.as_ref().map(|author| author.id),
        from: form.from_time(&edition.zone),
        until: form.until_time(&edition.zone),
        stories_only: true,
        ..SearchFilter::default()
    };
    // Pages noting what was left out of the form are the reader's own. The version is
    // read before searching: a page kept under it was found no earlier.
    let version = state
        .search
        .index_version()
        .filter(|_| form.ignored.is_empty());
    let key = form.url(&search_path(edition), form.page);
    if let Some(version) = version
        && let Some(html) = state.search_pages.get(&key, version)
    {
        return Ok(private(Html(html).into_response()));
    }
    let found = find(state, edition, &form, filter).await?;
    let page = SearchPage {
        form: &form,
        author: author.as_ref(),
        found: &found,
    };
    let view = search_page(state, site, edition, page).await?;
    let html = Bytes::from(state.theme.render("pages/search.html", &view)?);
    // So are pages noting that the index is still being built.
    if let Some(version) = version
        && found.complete
    {
        state.search_pages.put(key, version, html.clone());
    }
    Ok(private(Html(html).into_response()))
}

/// Runs the search once a turn is free; nothing to run (and no turn taken) when nothing
/// was typed.
async fn find(
    state: &AppState,
    edition: &EditionSite,
    form: &SearchForm,
    filter: SearchFilter,
) -> Result<Found, AppError> {
    let ask = SearchAsk {
        text: &form.q,
        language: Language::from_tag(&edition.edition.language),
        edition_id: edition.edition.id,
        filter,
        order: match form.sort {
            SearchSort::Relevance => SearchOrder::Relevance,
            SearchSort::Newest => SearchOrder::Newest,
        },
        page_size: state.page_size,
        page: form.page,
    };
    let _turn = if form.q.is_empty() {
        None
    } else {
        let turn = state.searches.enter().await;
        let retry = state.searches.wait().as_secs().max(1);
        Some(turn.ok_or(AppError::Busy(retry))?)
    };
    Ok(state.search.find(state.store.as_ref(), &ask).await?)
}

/// The section the form names, by its path below the edition (`world/europe`) or a slug
/// only one of its sections has; an unknown one is left out of the form and noted.
fn take_section<'a>(edition: &'a EditionSite, form: &mut SearchForm) -> Option<&'a Section> {
    let value = form.section.as_deref()?;
    let slugs: Vec<&str> = value.split('/').collect();
    let mut by_slug = edition
        .sections
        .iter()
        .filter(|section| section.slug == value);
    let found = edition.section_at(&slugs).or_else(|| {
        let only = by_slug.next();
        by_slug.next().is_none().then_some(only).flatten()
    });
    match found {
        Some(section) => form.section = Some(section_value(edition, section)),
        None => {
            form.section = None;
            form.ignored.push(Ignored::Section);
        }
    }
    found
}

/// How the form names a section: its path below the edition, without the first slash.
pub fn section_value(edition: &EditionSite, section: &Section) -> String {
    let path = edition.section_path(section.id);
    path[edition.edition.path_prefix.len()..]
        .trim_start_matches('/')
        .to_string()
}

/// The author the form names by slug; an unknown one is left out of the form and noted.
async fn take_author(state: &AppState, form: &mut SearchForm) -> Result<Option<Author>, AppError> {
    let Some(slug) = form.author.take() else {
        return Ok(None);
    };
    let author = if is_plausible_slug(&slug) {
        state.store.author_by_slug(&slug).await?
    } else {
        None
    };
    match &author {
        Some(author) => form.author = Some(author.slug.clone()),
        None => form.ignored.push(Ignored::Author),
    }
    Ok(author)
}
