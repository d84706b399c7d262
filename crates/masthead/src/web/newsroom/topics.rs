//! Topics, for editors: the topics of an edition, each with its own rename form, and a
//! form for a new one.

use std::sync::Arc;

use crate::web::newsroom::form::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::Serialize;
use store::Topic;

use crate::domain::permission::Action;
use crate::service::taxonomy_edit::{TopicInput, create_topic, update_topic};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{
    EditionQuery, EditionTab, answer, edition_tabs, picked_edition,
};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct TopicsPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    edition_id: i64,
    prefix: String,
    topics: Vec<Topic>,
    error: Option<String>,
}

async fn topics_page(
    state: &AppState,
    user: &CurrentUser,
    query: &EditionQuery,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let edition_id = edition.edition.id;
    let page = TopicsPage {
        chrome: AdminChrome::new(state, user, "/admin/topics").with_notice(query.notice.as_deref()),
        editions: edition_tabs(&site, edition_id, "/admin/topics"),
        edition_id,
        prefix: edition.edition.path_prefix.clone(),
        topics: state.store.edition_topics(edition_id).await?,
        error,
    };
    Ok(Html(state.theme.render("admin/topics.html", &page)?))
}

/// `GET /admin/topics?edition=`.
pub async fn list_topics(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageTaxonomy)?;
    topics_page(&state, &user, &query, None).await
}

/// `POST /admin/topics?edition=`: creates a topic.
pub async fn add_topic(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
    Form(input): Form<TopicInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let created = create_topic(state.store.as_ref(), user.actor, edition_id, &input).await;
    let done = format!("/admin/topics?edition={edition_id}&notice=created");
    answer(&state, &user, created.map(drop), &done, |message| {
        topics_page(&state, &user, &query, Some(message))
    })
    .await
}

/// `POST /admin/topics/{id}?edition=`: renames a topic.
pub async fn change_topic(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(input): Form<TopicInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let store = state.store.as_ref();
    let updated = update_topic(store, user.actor, edition_id, id, &input).await;
    let done = format!("/admin/topics?edition={edition_id}&notice=saved");
    answer(&state, &user, updated, &done, |message| {
        topics_page(&state, &user, &query, Some(message))
    })
    .await
}
