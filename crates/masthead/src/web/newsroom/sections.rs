//! Sections, for editors: the tree of an edition, a new-section form, an edit page per
//! section (name, slug, description, parent) and moving a section up or down.

use std::sync::Arc;

use crate::web::newsroom::form::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::{Deserialize, Serialize};
use store::Section;

use crate::domain::permission::Action;
use crate::service::section_edit::{SectionInput, create_section, move_section, update_section};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{
    Choice, EditionQuery, EditionTab, answer, edition_tabs, parent_choices, picked_edition,
    tree_order,
};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct SectionRow {
    id: i64,
    name: String,
    slug: String,
    url: String,
    depth: usize,
    first: bool,
    last: bool,
}

#[derive(Serialize)]
struct SectionsPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    edition_id: i64,
    rows: Vec<SectionRow>,
    parents: Vec<Choice>,
    error: Option<String>,
}

#[derive(Serialize)]
struct SectionEditPage {
    chrome: AdminChrome,
    edition_id: i64,
    id: i64,
    name: String,
    slug: String,
    description: String,
    url: String,
    parents: Vec<Choice>,
    error: Option<String>,
}

fn rows(sections: &[Section], prefix: &str) -> Vec<SectionRow> {
    let ordered = tree_order(sections);
    let mut paths: Vec<String> = Vec::new();
    ordered
        .iter()
        .map(|(section, depth)| {
            paths.truncate(*depth);
            paths.push(section.slug.clone());
            let siblings: Vec<i64> = sections
                .iter()
                .filter(|s| s.parent_id == section.parent_id)
                .map(|s| s.id)
                .collect();
            SectionRow {
                id: section.id,
                name: section.name.clone(),
                slug: section.slug.clone(),
                url: format!("{prefix}/{}", paths.join("/")),
                depth: *depth,
                first: siblings.first() == Some(&section.id),
                last: siblings.last() == Some(&section.id),
            }
        })
        .collect()
}

async fn sections_page(
    state: &AppState,
    user: &CurrentUser,
    query: &EditionQuery,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let sections = state.store.sections(edition.edition.id).await?;
    let chrome =
        AdminChrome::new(state, user, "/admin/sections").with_notice(query.notice.as_deref());
    let top_level = chrome.t.site.top_level;
    let page = SectionsPage {
        chrome,
        editions: edition_tabs(&site, edition.edition.id, "/admin/sections"),
        edition_id: edition.edition.id,
        rows: rows(&sections, &edition.edition.path_prefix),
        parents: parent_choices(&sections, None, None, top_level),
        error,
    };
    Ok(Html(state.theme.render("admin/sections.html", &page)?))
}

/// `GET /admin/sections?edition=`.
pub async fn list_sections(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageTaxonomy)?;
    sections_page(&state, &user, &query, None).await
}

/// `POST /admin/sections?edition=`: creates a section.
pub async fn add_section(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
    Form(input): Form<SectionInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let store = state.store.as_ref();
    let created = create_section(store, user.actor, &site, edition_id, &input).await;
    let done = format!("/admin/sections?edition={edition_id}&notice=created");
    answer(&state, &user, created.map(drop), &done, |message| {
        sections_page(&state, &user, &query, Some(message))
    })
    .await
}

async fn edit_page(
    state: &AppState,
    user: &CurrentUser,
    query: &EditionQuery,
    id: i64,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let sections = state.store.sections(edition.edition.id).await?;
    let section = sections
        .iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound)?;
    let url = rows(&sections, &edition.edition.path_prefix)
        .into_iter()
        .find(|row| row.id == id)
        .map(|row| row.url)
        .unwrap_or_default();
    let chrome = AdminChrome::new(state, user, "/admin/sections");
    let top_level = chrome.t.site.top_level;
    let page = SectionEditPage {
        chrome,
        edition_id: edition.edition.id,
        id,
        name: section.name.clone(),
        slug: section.slug.clone(),
        description: section.description.clone(),
        url,
        parents: parent_choices(&sections, Some(id), section.parent_id, top_level),
        error,
    };
    Ok(Html(state.theme.render("admin/section_edit.html", &page)?))
}

/// `GET /admin/sections/{id}?edition=`.
pub async fn edit_section(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageTaxonomy)?;
    edit_page(&state, &user, &query, id, None).await
}

/// `POST /admin/sections/{id}?edition=`: renames or moves a section.
pub async fn change_section(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(input): Form<SectionInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let store = state.store.as_ref();
    let updated = update_section(store, user.actor, &site, edition_id, id, &input).await;
    let done = format!("/admin/sections?edition={edition_id}&notice=saved");
    answer(&state, &user, updated, &done, |message| {
        edit_page(&state, &user, &query, id, Some(message))
    })
    .await
}

/// The up/down buttons.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    direction: String,
}

/// `POST /admin/sections/{id}/move?edition=`: one place up or down among its siblings.
pub async fn reorder_section(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let up = form.direction == "up";
    let moved = move_section(state.store.as_ref(), user.actor, edition_id, id, up).await;
    let done = format!("/admin/sections?edition={edition_id}&notice=saved");
    answer(&state, &user, moved, &done, |message| {
        sections_page(&state, &user, &query, Some(message))
    })
    .await
}
