//! Keywords, for editors: the keywords of an edition with their story counts, a search,
//! and merging one keyword into another.

use std::sync::Arc;

use crate::web::newsroom::form::Form;
use axum::extract::{Query, State};
use axum::response::{Html, Response};
use serde::{Deserialize, Serialize};
use store::KeywordQuery;

use crate::domain::paging::page_count;
use crate::domain::permission::Action;
use crate::domain::text::clean_line;
use crate::service::taxonomy_edit::merge_keywords;
use crate::web::error::AppError;
use crate::web::newsroom::curation::{EditionTab, answer, edition_tabs, picked_edition};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// Keywords per page.
const PER_PAGE: u32 = 100;

/// `?edition=&q=&page=`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct KeywordsQuery {
    edition: Option<i64>,
    q: String,
    page: Option<u32>,
    notice: Option<String>,
}

#[derive(Serialize)]
struct KeywordRow {
    name: String,
    slug: String,
    url: String,
    stories: u64,
}

#[derive(Serialize)]
struct KeywordsPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    edition_id: i64,
    search: String,
    total: u64,
    keywords: Vec<KeywordRow>,
    previous: Option<String>,
    next: Option<String>,
    error: Option<String>,
}

async fn keywords_page(
    state: &AppState,
    user: &CurrentUser,
    query: &KeywordsQuery,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let edition_id = edition.edition.id;
    let search: String = clean_line(&query.q).chars().take(100).collect();
    let page = query.page.unwrap_or(1).clamp(1, 100_000);
    let list = KeywordQuery {
        edition_id,
        search: search.clone(),
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
    };
    let (found, total) = tokio::try_join!(
        state.store.keyword_counts(&list),
        state.store.count_keywords(&list)
    )?;
    let link = |page: u32| {
        let q: String = url_encode(&search);
        format!("/admin/keywords?edition={edition_id}&q={q}&page={page}")
    };
    let prefix = &edition.edition.path_prefix;
    let view = KeywordsPage {
        chrome: AdminChrome::new(state, user, "/admin/keywords")
            .with_notice(query.notice.as_deref()),
        editions: edition_tabs(&site, edition_id, "/admin/keywords"),
        edition_id,
        total,
        keywords: found
            .into_iter()
            .map(|count| KeywordRow {
                url: format!("{prefix}/keyword/{}", count.keyword.slug),
                name: count.keyword.name,
                slug: count.keyword.slug,
                stories: count.stories,
            })
            .collect(),
        previous: (page > 1).then(|| link(page - 1)),
        next: (page < page_count(total, PER_PAGE)).then(|| link(page + 1)),
        search,
        error,
    };
    Ok(Html(state.theme.render("admin/keywords.html", &view)?))
}

fn url_encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// `GET /admin/keywords?edition=&q=&page=`.
pub async fn list_keywords(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<KeywordsQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageTaxonomy)?;
    keywords_page(&state, &user, &query, None).await
}

/// The merge form: keywords typed by slug or name.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct MergeForm {
    from: String,
    into: String,
}

/// `POST /admin/keywords/merge?edition=`: merges `from` into `into`.
pub async fn merge_keyword(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<KeywordsQuery>,
    Form(form): Form<MergeForm>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let store = state.store.as_ref();
    let merged = merge_keywords(store, user.actor, edition_id, &form.from, &form.into).await;
    let done = match &merged {
        Ok((_, into)) => format!(
            "/admin/keywords?edition={edition_id}&q={}&notice=merged",
            url_encode(&into.slug)
        ),
        Err(_) => String::new(),
    };
    answer(&state, &user, merged.map(drop), &done, |message| {
        keywords_page(&state, &user, &query, Some(message))
    })
    .await
}
