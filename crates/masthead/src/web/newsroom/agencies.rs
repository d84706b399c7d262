//! Agencies, for editors: every agency with its own edit row, and a form for a new one.

use std::sync::Arc;

use crate::web::newsroom::form::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::Serialize;

use crate::domain::permission::Action;
use crate::service::agency_edit::{AgencyInput, create_agency, update_agency};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{EditionQuery, answer};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct AgencyRow {
    id: i64,
    values: AgencyInput,
}

#[derive(Serialize)]
struct AgenciesPage {
    chrome: AdminChrome,
    agencies: Vec<AgencyRow>,
    /// The new-agency form as typed.
    values: AgencyInput,
    /// The agency whose row a refusal is about (its typed values are in its row), if any.
    refused: Option<i64>,
    error: Option<String>,
}

async fn agencies_page(
    state: &AppState,
    user: &CurrentUser,
    query: &EditionQuery,
    typed: (Option<i64>, AgencyInput),
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let (refused, typed) = typed;
    let mut values = AgencyInput::default();
    let agencies = state.store.all_agencies().await?;
    let rows = agencies.into_iter().map(|agency| AgencyRow {
        id: agency.id,
        values: AgencyInput {
            name: agency.name,
            short_name: agency.short_name,
            logo_id: agency.logo_id.map(|id| id.to_string()).unwrap_or_default(),
            url: agency.url,
        },
    });
    let mut rows: Vec<AgencyRow> = rows.collect();
    match rows.iter_mut().find(|row| Some(row.id) == refused) {
        Some(row) => row.values = typed,
        None => values = typed,
    }
    let page = AgenciesPage {
        chrome: AdminChrome::new(state, user, "/admin/agencies")
            .with_notice(query.notice.as_deref()),
        agencies: rows,
        values,
        refused,
        error,
    };
    Ok(Html(state.theme.render("admin/agencies.html", &page)?))
}

/// `GET /admin/agencies`.
pub async fn list_agencies(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManagePeople)?;
    agencies_page(&state, &user, &query, (None, AgencyInput::default()), None).await
}

/// `POST /admin/agencies`: creates an agency.
pub async fn add_agency(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
    Form(input): Form<AgencyInput>,
) -> Result<Response, AppError> {
    let created = create_agency(state.store.as_ref(), user.actor, &input).await;
    answer(
        &state,
        &user,
        created.map(drop),
        "/admin/agencies?notice=created",
        |message| agencies_page(&state, &user, &query, (None, input), Some(message)),
    )
    .await
}

/// `POST /admin/agencies/{id}`: changes an agency.
pub async fn change_agency(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(input): Form<AgencyInput>,
) -> Result<Response, AppError> {
    let updated = update_agency(state.store.as_ref(), user.actor, id, &input).await;
    answer(
        &state,
        &user,
        updated,
        "/admin/agencies?notice=saved",
        |message| agencies_page(&state, &user, &query, (Some(id), input), Some(message)),
    )
    .await
}
