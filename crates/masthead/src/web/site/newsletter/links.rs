//! The pages an email's signed links open: confirm, unsubscribe (with RFC 8058's one-click
//! `POST`), and preferences. `GET` only shows a button; the change is the `POST`, so a
//! mail scanner that follows links changes nothing.

use axum::http::StatusCode;
use axum::response::Response;
use jiff::Timestamp;
use store::Subscriber;

use super::{LinkAction, ListChoice, NewsletterPage, PageView, field, signup};
use crate::service::newsletter::{LinkPurpose, link_token, subscriber_for_link};
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::state::AppState;

/// The signed-link purpose a page takes.
fn purpose_of(page: NewsletterPage) -> LinkPurpose {
    if page == NewsletterPage::Confirm {
        LinkPurpose::Confirm
    } else {
        LinkPurpose::Manage
    }
}

/// The subscriber whose link this is, or the "expired or not valid" page.
async fn subscriber(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    page: NewsletterPage,
    fields: &[(String, String)],
) -> Result<Result<Subscriber, Response>, AppError> {
    let token = field(fields, "t").unwrap_or_default();
    let found =
        subscriber_for_link(state.store.as_ref(), &state.signer, purpose_of(page), token).await?;
    match found {
        Some(subscriber) => Ok(Ok(subscriber)),
        None => {
            let note = Some(edition.strings.nl.bad_link);
            let status = StatusCode::BAD_REQUEST;
            signup::show_form(state, site, edition, note, status)
                .await
                .map(Err)
        }
    }
}

/// The preferences link of a subscriber.
pub fn preferences_url(state: &AppState, edition: &EditionSite, subscriber: &Subscriber) -> String {
    format!(
        "{}{}/newsletter/preferences?t={}",
        state.base_url,
        edition.edition.path_prefix,
        link_token(&state.signer, LinkPurpose::Manage, subscriber, None)
    )
}

/// `GET`: the page with its button.
pub async fn show(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    page: NewsletterPage,
    fields: &[(String, String)],
) -> Result<Response, AppError> {
    let subscriber = match subscriber(state, site, edition, page, fields).await? {
        Ok(subscriber) => subscriber,
        Err(response) => return Ok(response),
    };
    let t = edition.strings;
    let token = field(fields, "t").unwrap_or_default().to_string();
    let url = format!("{}{}", edition.edition.path_prefix, path_of(page));
    let (heading, note, button) = match page {
        NewsletterPage::Confirm => (t.nl.confirm_title, t.nl.confirm_text, t.nl.confirm_button),
        NewsletterPage::Unsubscribe => (t.nl.unsubscribe, t.nl.unsubscribe_text, t.nl.unsubscribe),
        _ => (t.nl.preferences, t.nl.preferences_text, t.nl.save),
    };
    let mut view = PageView::new(state, site, edition, heading);
    view.notes.push(note);
    let choices = if page == NewsletterPage::Preferences {
        choices(state, &subscriber).await?
    } else {
        Vec::new()
    };
    view.action = Some(LinkAction {
        url,
        token,
        list: field(fields, "list").and_then(|list| list.parse().ok()),
        choices,
        button,
    });
    view.respond(state, StatusCode::OK)
}

/// The subscriber's lists as checkboxes, ticked where they are on (or waiting).
async fn choices(state: &AppState, subscriber: &Subscriber) -> Result<Vec<ListChoice>, AppError> {
    let lists = state.store.newsletters(subscriber.edition_id).await?;
    let subscriptions = state.store.subscriptions(subscriber.id).await?;
    Ok(lists
        .iter()
        .filter_map(|list| {
            let subscription = subscriptions
                .iter()
                .find(|subscription| subscription.newsletter_id == list.id)?;
            Some(ListChoice::of(list, subscription.unsubscribed_at.is_none()))
        })
        .collect())
}

fn path_of(page: NewsletterPage) -> &'static str {
    match page {
        NewsletterPage::Confirm => "/newsletter/confirm",
        NewsletterPage::Unsubscribe => "/newsletter/unsubscribe",
        _ => "/newsletter/preferences",
    }
}

/// `POST`: confirms, leaves one list (or all), or keeps the ticked lists.
pub async fn act(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    page: NewsletterPage,
    fields: &[(String, String)],
) -> Result<Response, AppError> {
    let subscriber = match subscriber(state, site, edition, page, fields).await? {
        Ok(subscriber) => subscriber,
        Err(response) => return Ok(response),
    };
    let now = Timestamp::now();
    let t = edition.strings;
    let (heading, note) = match page {
        NewsletterPage::Confirm => {
            state
                .store
                .confirm_subscriptions(subscriber.id, now)
                .await?;
            (t.nl.confirm_title, t.nl.confirmed)
        }
        NewsletterPage::Unsubscribe => {
            let leaving: Option<i64> = field(fields, "list").and_then(|list| list.parse().ok());
            let keep: Vec<i64> = match leaving {
                Some(leaving) => state
                    .store
                    .subscriptions(subscriber.id)
                    .await?
                    .iter()
                    .filter(|subscription| subscription.unsubscribed_at.is_none())
                    .map(|subscription| subscription.newsletter_id)
                    .filter(|id| *id != leaving)
                    .collect(),
                None => Vec::new(),
            };
            state
                .store
                .keep_subscriptions(subscriber.id, &keep, now)
                .await?;
            (t.nl.unsubscribe, t.nl.unsubscribed)
        }
        _ => {
            let keep: Vec<i64> = fields
                .iter()
                .filter(|(key, _)| key == "keep")
                .filter_map(|(_, value)| value.parse().ok())
                .collect();
            state
                .store
                .keep_subscriptions(subscriber.id, &keep, now)
                .await?;
            (t.nl.preferences, t.nl.saved)
        }
    };
    let mut view = PageView::new(state, site, edition, heading);
    view.notes.push(note);
    view.preferences_url = Some(preferences_url(state, edition, &subscriber));
    view.respond(state, StatusCode::OK)
}
