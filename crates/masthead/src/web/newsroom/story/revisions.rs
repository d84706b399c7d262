//! Revisions: the list, a side-by-side diff of any two, restoring one as a new revision,
//! and the conflict page when a save was based on an old revision.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Serialize;
use store::*;

use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::revision::{DiffRow, compare, story_text};
use crate::service::story_edit;
use crate::service::story_form::{FieldErrors, StoryFormValues};
use crate::web::error::AppError;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::story::editor_view::{EditorInput, EditorPage};
use crate::web::newsroom::story::open::{OpenStory, edition_of};
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct RevisionRow {
    number: i64,
    user: String,
    at: DisplayTime,
    status: &'static str,
}

#[derive(Serialize)]
struct RevisionsPage {
    chrome: AdminChrome,
    story_id: StoryId,
    headline: String,
    revision: i64,
    revisions: Vec<RevisionRow>,
    diff: Vec<DiffRow>,
    /// Why the two revisions asked for were not compared.
    diff_refused: Option<String>,
    from: Option<i64>,
    to: Option<i64>,
}

/// The rows of a comparison, or none and the reason it was refused.
async fn compared(state: &AppState, left: String, right: String) -> (Vec<DiffRow>, Option<String>) {
    match compare(&state.diffs, left, right).await {
        Ok(rows) => (rows, None),
        Err(refused) => (Vec::new(), Some(refused.to_string())),
    }
}

/// `GET /admin/stories/{id}/revisions?from=&to=`: the list, and the diff of two.
pub async fn list_revisions(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let store = state.store.as_ref();
    let id = story.id;
    let site = state.site();
    let edition = edition_of(&site, story.edition_id)?;
    let revisions = store.revisions(id).await?;
    let number = |key: &str| query.get(key).and_then(|value| value.parse::<i64>().ok());
    let (from, to) = (number("from"), number("to"));
    let (diff, diff_refused) = match (from, to) {
        (Some(from), Some(to)) => {
            let (Some(old), Some(new)) = (
                store.revision(id, from).await?,
                store.revision(id, to).await?,
            ) else {
                return Err(AppError::NotFound);
            };
            let (old, new) = (
                story_text(&old.fields, edition),
                story_text(&new.fields, edition),
            );
            compared(&state, old, new).await
        }
        _ => (Vec::new(), None),
    };
    let page = RevisionsPage {
        chrome: AdminChrome::new(&state, &user, "/admin/stories")
            .with_notice(query.get("notice").map(String::as_str)),
        story_id: id,
        headline: story.fields.headline.clone(),
        revision: story.revision,
        revisions: revisions
            .into_iter()
            .map(|revision| RevisionRow {
                number: revision.number,
                user: revision.user_name.unwrap_or_else(|| "—".into()),
                at: newsroom_time(revision.created_at, &edition.zone, &user.user.language),
                status: revision.status.as_str(),
            })
            .collect(),
        diff,
        diff_refused,
        from,
        to,
    };
    Ok(Html(state.theme.render("admin/revisions.html", &page)?).into_response())
}

/// `POST /admin/stories/{id}/restore`: saves an old revision's content as the newest.
pub async fn restore_revision(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    form: RawForm,
) -> Result<Response, AppError> {
    let number = form
        .get("number")
        .and_then(|n| n.parse().ok())
        .ok_or(AppError::NotFound)?;
    let base = form
        .get("base_revision")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let site = state.site();
    let store = state.store.as_ref();
    story_edit::restore_revision(store, &site, user.actor, &story, number, base).await?;
    state.changed();
    let id = story.id;
    Ok(Redirect::to(&format!("/admin/stories/{id}?notice=restored")).into_response())
}

#[derive(Serialize)]
struct ConflictPage<'a> {
    chrome: &'a AdminChrome,
    p: &'a EditorPage,
    diff: Vec<DiffRow>,
    diff_refused: Option<String>,
    their_revision: i64,
}

/// The conflict page: what changed between the current revision and the author's
/// version, and the editor holding the author's version on top of the current revision,
/// so saving it again is a deliberate merge.
pub async fn conflict_page(
    state: &AppState,
    user: &CurrentUser,
    current: &NewsroomStory,
    mut mine: StoryFormValues,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition = edition_of(&site, current.edition_id)?;
    let (diff, diff_refused) = match mine.parse(edition) {
        Ok(parsed) => {
            let theirs = story_text(&current.fields, edition);
            compared(state, theirs, story_text(&parsed.fields, edition)).await
        }
        Err(_) => (Vec::new(), None),
    };
    mine.base_revision = current.revision.to_string();
    let input = EditorInput {
        story: Some(current),
        edition,
        values: mine,
        errors: FieldErrors::new(),
    };
    let editor = EditorPage::build(state, &site, user, input).await?;
    let page = ConflictPage {
        chrome: &editor.chrome,
        p: &editor,
        diff,
        diff_refused,
        their_revision: current.revision,
    };
    let html = state.theme.render("admin/conflict.html", &page)?;
    Ok((StatusCode::CONFLICT, Html(html)).into_response())
}
