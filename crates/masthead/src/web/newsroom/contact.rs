//! Readers' contact messages in the newsroom, for editors: each edition's inbox (newest
//! first, unhandled or all), one message, marking it handled or not; for administrators,
//! erasing a message on request. The desks are in `desks`.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::ContactMessage;

use crate::domain::permission::{Action, allows};
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::contact::{
    INBOX_PAGE, erase_message, inbox, mark_message, read_message, unhandled_counts,
};
use crate::service::site::Site;
use crate::web::error::AppError;
use crate::web::newsroom::curation::{EditionTab, picked_edition};
use crate::web::newsroom::form::Form;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// Characters of a message the inbox shows.
const PREVIEW: usize = 120;

/// `?edition=&show=all&page=&notice=`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct InboxQuery {
    edition: Option<i64>,
    show: String,
    page: Option<i64>,
    notice: Option<String>,
}

/// A message as the newsroom shows it.
#[derive(Serialize)]
struct MessageRow {
    id: i64,
    desk: String,
    name: String,
    email: String,
    message: String,
    /// The start of the message, for the inbox.
    preview: String,
    ip: String,
    received: DisplayTime,
    handled: Option<String>,
    emailed: Option<bool>,
}

impl MessageRow {
    fn new(site: &Site, message: ContactMessage, language: &str) -> MessageRow {
        let zone = site
            .edition(message.edition_id)
            .map_or_else(|| site.newsroom_zone(), |edition| edition.zone.clone());
        let mut preview: String = message.message.chars().take(PREVIEW).collect();
        if preview.len() < message.message.len() {
            preview.push('…');
        }
        MessageRow {
            id: message.id,
            preview,
            received: newsroom_time(message.received_at, &zone, language),
            handled: message.handled_at.map(|at| {
                let by = message.handled_by_name.clone().unwrap_or_default();
                format!("{} {by}", newsroom_time(at, &zone, language).text)
                    .trim()
                    .to_string()
            }),
            desk: message.desk_name,
            name: message.name,
            email: message.email,
            message: message.message,
            ip: message.ip,
            emailed: message.emailed,
        }
    }
}

#[derive(Serialize)]
struct InboxPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    edition_id: i64,
    all: bool,
    page: i64,
    more: bool,
    messages: Vec<MessageRow>,
    may_manage: bool,
}

/// `GET /admin/contact?edition=&show=all&page=`: an edition's messages.
pub async fn show_inbox(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<InboxQuery>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let (all, page) = (query.show == "all", query.page.unwrap_or(1).max(1));
    let store = state.store.as_ref();
    let (mut messages, counts) = tokio::try_join!(
        inbox(store, user.actor, edition_id, !all, page),
        unhandled_counts(store, user.actor)
    )?;
    let more = messages.len() as i64 > INBOX_PAGE;
    messages.truncate(INBOX_PAGE as usize);
    let view = InboxPage {
        chrome: AdminChrome::new(&state, &user, "/admin/contact")
            .with_notice(query.notice.as_deref()),
        editions: tabs(&site, edition_id, &counts),
        edition_id,
        all,
        page,
        more,
        messages: messages
            .into_iter()
            .map(|message| MessageRow::new(&site, message, &user.user.language))
            .collect(),
        may_manage: allows(user.user.role, Action::ManageContact),
    };
    Ok(Html(state.theme.render("admin/contact.html", &view)?))
}

/// The edition tabs, each with its count of unhandled messages.
fn tabs(site: &Site, current: i64, counts: &[(i64, i64)]) -> Vec<EditionTab> {
    site.editions
        .iter()
        .map(|edition| {
            let id = edition.edition.id;
            let waiting = counts.iter().find(|(of, _)| *of == id).map_or(0, |c| c.1);
            EditionTab {
                name: format!("{} ({waiting})", edition.edition.name),
                url: format!("/admin/contact?edition={id}"),
                current: id == current,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct MessagePage {
    chrome: AdminChrome,
    edition_id: i64,
    message: MessageRow,
    may_manage: bool,
}

/// `GET /admin/contact/{id}`: one message.
pub async fn show_message(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<InboxQuery>,
) -> Result<Html<String>, AppError> {
    let message = read_message(state.store.as_ref(), user.actor, id).await?;
    let view = MessagePage {
        chrome: AdminChrome::new(&state, &user, "/admin/contact")
            .with_notice(query.notice.as_deref()),
        edition_id: message.edition_id,
        message: MessageRow::new(&state.site(), message, &user.user.language),
        may_manage: allows(user.user.role, Action::ManageContact),
    };
    Ok(Html(
        state.theme.render("admin/contact_message.html", &view)?,
    ))
}

/// The handled form: `handled=yes` or `handled=no`.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct HandledForm {
    handled: String,
}

/// `POST /admin/contact/{id}/handled`: marks a message handled, or not.
pub async fn change_handled(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<HandledForm>,
) -> Result<Response, AppError> {
    let handled = form.handled == "yes";
    mark_message(state.store.as_ref(), user.actor, id, handled).await?;
    Ok(Redirect::to(&format!("/admin/contact/{id}?notice=saved")).into_response())
}

/// `POST /admin/contact/{id}/erase`: erases a message and its email.
pub async fn erase_contact_message(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let message = read_message(state.store.as_ref(), user.actor, id).await?;
    erase_message(state.store.as_ref(), user.actor, id).await?;
    let done = format!(
        "/admin/contact?edition={}&notice=deleted",
        message.edition_id
    );
    Ok(Redirect::to(&done).into_response())
}
