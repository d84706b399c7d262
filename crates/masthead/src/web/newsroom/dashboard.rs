//! The dashboard: my drafts, waiting for review, scheduled (soonest first), recently
//! published, missed schedules, the stories most changed today, published stories not yet
//! translated, and for editors how many readers' messages wait.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Html;
use serde::Serialize;
use store::StorySummary;

use crate::domain::permission::{Action, allows};
use crate::service::newsroom::{Dashboard, dashboard};
use crate::service::site::Site;
use crate::web::error::AppError;
use crate::web::newsroom::news_desk::review_note;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::story::list::StoryRow;
use crate::web::newsroom::story::translation::{UntranslatedBlock, untranslated_blocks};
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct DashboardPage {
    chrome: AdminChrome,
    drafts: Vec<StoryRow>,
    in_review: Vec<StoryRow>,
    scheduled: Vec<StoryRow>,
    published: Vec<StoryRow>,
    missed: Vec<StoryRow>,
    /// The stories saved most often today, with their number of saves.
    most_changed: Vec<(StoryRow, i64)>,
    /// Readers' messages no one has handled, for those who read them.
    unhandled_messages: Option<i64>,
    /// Published stories not yet translated, per edition and the edition they lack.
    untranslated: Vec<UntranslatedBlock>,
    /// Whose desks the review block keeps to, or that it shows all (for reviewers).
    review_note: Option<String>,
}

/// `GET /admin`.
pub async fn show_dashboard(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let Dashboard {
        drafts,
        in_review,
        scheduled,
        published,
        missed,
        most_changed,
        review_scope,
    } = dashboard(state.store.as_ref(), user.actor, &site.newsroom_zone()).await?;
    let unhandled_messages = if allows(user.user.role, Action::ReadMessages) {
        let counts = state.store.unhandled_contact_counts().await?;
        Some(counts.iter().map(|(_, count)| count).sum())
    } else {
        None
    };
    let language = user.user.language.as_str();
    let rows = |list| StoryRow::all(&site, list, language);
    let page = DashboardPage {
        chrome: AdminChrome::new(&state, &user, "/admin")
            .with_notice(query.get("notice").map(String::as_str)),
        drafts: rows(drafts),
        in_review: rows(in_review),
        scheduled: rows(scheduled),
        published: rows(published),
        missed: rows(missed),
        most_changed: with_saves(&site, most_changed, language),
        unhandled_messages,
        untranslated: untranslated_blocks(&state, &site, language).await?,
        review_note: review_note(&user, &review_scope),
    };
    Ok(Html(state.theme.render("admin/dashboard.html", &page)?))
}

/// Rows with each story's number of saves today.
fn with_saves(site: &Site, stories: Vec<StorySummary>, language: &str) -> Vec<(StoryRow, i64)> {
    stories
        .into_iter()
        .map(|story| (story.saves_since, story))
        .map(|(saves, story)| (StoryRow::new(site, story, language), saves))
        .collect()
}
