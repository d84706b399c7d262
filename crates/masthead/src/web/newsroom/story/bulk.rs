//! `POST /admin/stories/bulk`: one action on the stories checked in the list, and a page
//! saying which were changed and which were refused, and why.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Html;
use serde::Serialize;

use crate::domain::refusal::Refusal;
use crate::service::bulk::{BulkAction, BulkOutcome, bulk_change};
use crate::web::error::AppError;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct BulkPage {
    chrome: AdminChrome,
    /// What was asked, by code (`publish`, `unpublish`, `move`): the page names it.
    action: &'static str,
    done: Vec<BulkRow>,
    refused: Vec<BulkRow>,
}

/// One story on the result page.
#[derive(Serialize)]
struct BulkRow {
    id: i64,
    headline: String,
    reason: String,
}

/// `POST /admin/stories/bulk`: `action` (publish, unpublish, move), `section` for a move,
/// and `story` once per checked story.
pub async fn bulk_stories(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    form: RawForm,
) -> Result<Html<String>, AppError> {
    let (action, label) = bulk_action(&form)?;
    let ids = checked_stories(&form)?;
    let site = state.site();
    let outcomes = bulk_change(state.store.as_ref(), &site, user.actor, &ids, action).await?;
    if outcomes.iter().any(|outcome| outcome.result.is_ok()) {
        state.changed();
    }
    let (done, refused): (Vec<_>, Vec<_>) = outcomes.into_iter().partition(|o| o.result.is_ok());
    let language = user.user.language.as_str();
    let page = BulkPage {
        chrome: AdminChrome::new(&state, &user, "/admin/stories"),
        action: label,
        done: done.into_iter().map(|o| BulkRow::of(o, language)).collect(),
        refused: refused
            .into_iter()
            .map(|o| BulkRow::of(o, language))
            .collect(),
    };
    Ok(Html(state.theme.render("admin/bulk.html", &page)?))
}

impl BulkRow {
    /// The row of one outcome, its refusal in the interface `language`.
    fn of(outcome: BulkOutcome, language: &str) -> BulkRow {
        BulkRow {
            id: outcome.story_id,
            headline: outcome
                .headline
                .unwrap_or_else(|| format!("Story {}", outcome.story_id)),
            reason: outcome
                .result
                .err()
                .map(|refusal| refusal.words(language))
                .unwrap_or_default(),
        }
    }
}

/// The action asked for, and its code for the page.
fn bulk_action(form: &RawForm) -> Result<(BulkAction, &'static str), AppError> {
    match form.get("action").unwrap_or_default() {
        "publish" => Ok((BulkAction::Publish, "publish")),
        "unpublish" => Ok((BulkAction::Unpublish, "unpublish")),
        "move" => {
            let section = form.get("section").unwrap_or_default().trim();
            let id = section
                .parse()
                .map_err(|_| AppError::BadRequest(Refusal::ChooseMoveSection))?;
            Ok((BulkAction::Move(id), "move"))
        }
        _ => Err(AppError::BadRequest(Refusal::ChooseBulkAction)),
    }
}

/// The checked stories' ids, each once, in the order sent.
fn checked_stories(form: &RawForm) -> Result<Vec<i64>, AppError> {
    let mut ids = Vec::new();
    for (_, value) in form.0.iter().filter(|(key, _)| key == "story") {
        let id: i64 = value
            .trim()
            .parse()
            .map_err(|_| AppError::BadRequest(Refusal::CheckedNotListed))?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}
