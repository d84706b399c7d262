//! The contact form's desks, for administrators: an edition's desks, each editable in
//! place (name, address, position), removable, and a form for a new one.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::Serialize;
use store::Desk;

use crate::domain::contact::DeskInput;
use crate::domain::permission::Action;
use crate::service::contact::{create_desk, remove_desk, update_desk};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{
    EditionQuery, EditionTab, answer, edition_tabs, picked_edition,
};
use crate::web::newsroom::form::Form;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct DesksPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    edition_id: i64,
    desks: Vec<Desk>,
    form: DeskInput,
    error: Option<String>,
}

/// The desks page, with `form` in the new desk's form and `error` above it.
async fn desks_page(
    state: &AppState,
    user: &CurrentUser,
    query: &EditionQuery,
    form: DeskInput,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageContact)?;
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let page = DesksPage {
        chrome: AdminChrome::new(state, user, "/admin/contact")
            .with_notice(query.notice.as_deref()),
        editions: edition_tabs(&site, edition_id, "/admin/contact/desks"),
        edition_id,
        desks: state.store.desks(edition_id).await?,
        form,
        error,
    };
    Ok(Html(state.theme.render("admin/desks.html", &page)?))
}

/// `GET /admin/contact/desks?edition=`.
pub async fn list_desks(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    desks_page(&state, &user, &query, DeskInput::default(), None).await
}

/// Where a desk change goes when it is done.
fn done(edition_id: i64) -> String {
    format!("/admin/contact/desks?edition={edition_id}&notice=saved")
}

/// `POST /admin/contact/desks?edition=`: adds a desk.
pub async fn add_desk(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
    Form(input): Form<DeskInput>,
) -> Result<Response, AppError> {
    let edition_id = picked_edition(&state.site(), query.edition)?.edition.id;
    let created = create_desk(state.store.as_ref(), user.actor, edition_id, &input).await;
    answer(
        &state,
        &user,
        created.map(drop),
        &done(edition_id),
        |message| desks_page(&state, &user, &query, input.clone(), Some(message)),
    )
    .await
}

/// `POST /admin/contact/desks/{id}?edition=`: saves a desk.
pub async fn change_desk(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(input): Form<DeskInput>,
) -> Result<Response, AppError> {
    let edition_id = picked_edition(&state.site(), query.edition)?.edition.id;
    let updated = update_desk(state.store.as_ref(), user.actor, edition_id, id, &input).await;
    answer(&state, &user, updated, &done(edition_id), |message| {
        desks_page(&state, &user, &query, DeskInput::default(), Some(message))
    })
    .await
}

/// `POST /admin/contact/desks/{id}/remove?edition=`: removes a desk.
pub async fn delete_desk(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
) -> Result<Response, AppError> {
    let edition_id = picked_edition(&state.site(), query.edition)?.edition.id;
    let removed = remove_desk(state.store.as_ref(), user.actor, edition_id, id).await;
    answer(&state, &user, removed, &done(edition_id), |message| {
        desks_page(&state, &user, &query, DeskInput::default(), Some(message))
    })
    .await
}
