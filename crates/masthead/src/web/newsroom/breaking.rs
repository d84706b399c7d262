//! The breaking-news bar, for editors: what an edition's bar says now, a form to set it
//! (text, link, end in the edition's timezone) and a button to clear it.

use std::sync::Arc;

use crate::domain::refusal::Refusal;
use crate::web::newsroom::form::Form;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use store::Schedule;

use crate::domain::permission::{Action, allows};
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::breaking::{BreakingInput, MAX_TEXT, clear_breaking, set_breaking};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{
    EditionQuery, EditionTab, answer, edition_tabs, picked_edition,
};
use crate::web::newsroom::newsletter_list::send_breaking;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct CurrentBar {
    text: String,
    url: String,
    until: DisplayTime,
    showing: bool,
}

#[derive(Serialize)]
struct BreakingPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    edition_id: i64,
    timezone: String,
    current: Option<CurrentBar>,
    /// The edition has a breaking-news list and the user may send it.
    may_email: bool,
    max_text: usize,
    /// The form's starting end time: an hour from now, in the edition's timezone.
    default_expiry: String,
    error: Option<String>,
}

async fn breaking_page(
    state: &AppState,
    user: &CurrentUser,
    query: &EditionQuery,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let edition_id = edition.edition.id;
    let now = Timestamp::now();
    // The newsroom's own copy, not the one in memory: it may lag a write by a moment.
    let stored = state.store.breaking_news().await?;
    let current = stored
        .into_iter()
        .find(|news| news.edition_id == edition_id);
    let in_zone = (now + SignedDuration::from_hours(1)).to_zoned_datetime(edition.zone.clone());
    let page = BreakingPage {
        chrome: AdminChrome::new(state, user, "/admin/breaking")
            .with_notice(query.notice.as_deref()),
        editions: edition_tabs(&site, edition_id, "/admin/breaking"),
        edition_id,
        timezone: edition.edition.timezone.clone(),
        current: current.map(|news| CurrentBar {
            until: newsroom_time(news.expires_at, &edition.zone, &user.user.language),
            showing: news.expires_at > now,
            text: news.text,
            url: news.url,
        }),
        may_email: allows(user.user.role, Action::SendNewsletters)
            && state
                .store
                .newsletters(edition_id)
                .await?
                .iter()
                .any(|list| list.schedule == Schedule::Breaking),
        max_text: MAX_TEXT,
        default_expiry: in_zone.strftime("%Y-%m-%dT%H:%M").to_string(),
        error,
    };
    Ok(Html(state.theme.render("admin/breaking.html", &page)?))
}

/// `GET /admin/breaking?edition=`.
pub async fn show_breaking(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::CurateFronts)?;
    breaking_page(&state, &user, &query, None).await
}

/// `POST /admin/breaking?edition=`: sets the bar.
pub async fn set_bar(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
    Form(input): Form<BreakingInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let set = set_breaking(state.store.as_ref(), user.actor, edition, &input).await;
    let done = format!(
        "/admin/breaking?edition={}&notice=saved",
        edition.edition.id
    );
    answer(&state, &user, set, &done, |message| {
        breaking_page(&state, &user, &query, Some(message))
    })
    .await
}

/// `POST /admin/breaking/clear?edition=`: clears the bar.
pub async fn clear_bar(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let cleared = clear_breaking(state.store.as_ref(), user.actor, edition).await;
    let done = format!(
        "/admin/breaking?edition={}&notice=cleared",
        edition.edition.id
    );
    answer(&state, &user, cleared, &done, |message| {
        breaking_page(&state, &user, &query, Some(message))
    })
    .await
}

/// `POST /admin/breaking/email?edition=`: emails the bar showing now to the edition's
/// breaking-news list (audit-logged, sent by the job queue).
pub async fn email_bar(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Response, AppError> {
    user.require(Action::SendNewsletters)?;
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let edition_id = edition.edition.id;
    let now = Timestamp::now();
    let Some(bar) = state
        .store
        .breaking_news()
        .await?
        .into_iter()
        .find(|news| news.edition_id == edition_id && news.expires_at > now)
    else {
        return Err(AppError::BadRequest(Refusal::NoBarShowing));
    };
    send_breaking(&state, &user, edition_id, &bar.text, &bar.url).await?;
    let done = format!("/admin/breaking?edition={edition_id}&notice=emailed");
    Ok(Redirect::to(&done).into_response())
}
