//! The newsletter in the newsroom: each edition's lists with their subscriber counts (for
//! editors), looking a subscriber up by address, and for administrators the CSV export of
//! an edition's subscribers and erasing a subscriber on request (both audit-logged).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::{NewAuditEntry, NewsletterCount, Subscription, SubscriptionExport};

use crate::domain::email_address::parse_email;
use crate::domain::permission::{Action, allows};
use crate::domain::refusal::Refusal;
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{EditionTab, edition_tabs, picked_edition};
use crate::web::newsroom::form::Form;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// `?edition=&email=&notice=`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewslettersQuery {
    edition: Option<i64>,
    email: String,
    notice: Option<String>,
}

#[derive(Serialize)]
struct ListRow {
    id: i64,
    name: String,
    schedule: &'static str,
    send_time: String,
    counts: NewsletterCount,
}

#[derive(Serialize)]
struct Found {
    id: i64,
    email: String,
    bounced: bool,
    lists: Vec<FoundList>,
}

#[derive(Serialize)]
struct FoundList {
    name: String,
    state: &'static str,
    consented_at: DisplayTime,
    consent_ip: String,
    consent_version: i64,
}

#[derive(Serialize)]
struct NewslettersPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    edition_id: i64,
    lists: Vec<ListRow>,
    email: String,
    searched: bool,
    found: Option<Found>,
    may_manage: bool,
    may_send: bool,
}

/// The subscription's state, as the key of its words (`chrome.t.mail.sub_<state>`).
fn state_of(subscription: &Subscription) -> &'static str {
    match (subscription.confirmed_at, subscription.unsubscribed_at) {
        (_, Some(_)) => "left",
        (Some(_), None) => "confirmed",
        (None, None) => "waiting",
    }
}

/// `GET /admin/newsletters?edition=&email=`.
pub async fn show_newsletters(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<NewslettersQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ReadNewsletters)?;
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let edition_id = edition.edition.id;
    let (lists, counts) = tokio::try_join!(
        state.store.newsletters(edition_id),
        state.store.newsletter_counts(edition_id)
    )?;
    let email = parse_email(&query.email).ok();
    let found = match &email {
        Some(email) => match state.store.subscriber_by_email(email).await? {
            Some(subscriber) => {
                let every = state.store.newsletters(subscriber.edition_id).await?;
                let subscriptions = state.store.subscriptions(subscriber.id).await?;
                let site = state.site();
                let zone = site
                    .edition(subscriber.edition_id)
                    .map_or_else(|| site.newsroom_zone(), |edition| edition.zone.clone());
                Some(Found {
                    id: subscriber.id,
                    email: subscriber.email,
                    bounced: subscriber.bounced_at.is_some(),
                    lists: subscriptions
                        .iter()
                        .map(|subscription| FoundList {
                            name: every
                                .iter()
                                .find(|list| list.id == subscription.newsletter_id)
                                .map_or_else(String::new, |list| list.name.clone()),
                            state: state_of(subscription),
                            consented_at: newsroom_time(
                                subscription.consented_at,
                                &zone,
                                &user.user.language,
                            ),
                            consent_ip: subscription.consent_ip.clone(),
                            consent_version: subscription.consent_text_id,
                        })
                        .collect(),
                })
            }
            None => None,
        },
        None => None,
    };
    let view = NewslettersPage {
        chrome: AdminChrome::new(&state, &user, "/admin/newsletters")
            .with_notice(query.notice.as_deref()),
        editions: edition_tabs(&site, edition_id, "/admin/newsletters"),
        edition_id,
        lists: lists
            .into_iter()
            .map(|list| ListRow {
                counts: counts
                    .iter()
                    .find(|count| count.newsletter_id == list.id)
                    .cloned()
                    .unwrap_or_default(),
                id: list.id,
                name: list.name,
                schedule: list.schedule.as_str(),
                send_time: list.send_time,
            })
            .collect(),
        email: query.email.chars().take(254).collect(),
        searched: !query.email.is_empty(),
        found,
        may_manage: allows(user.user.role, Action::ManageSubscribers),
        may_send: allows(user.user.role, Action::SendNewsletters),
    };
    Ok(Html(state.theme.render("admin/newsletters.html", &view)?))
}

/// The erase form: the subscriber's id, and their address typed again.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    id: i64,
    confirm_email: String,
}

/// `POST /admin/newsletters/erase`: erases a subscriber whose address was typed again.
pub async fn erase_subscriber(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Form(form): Form<EraseForm>,
) -> Result<Response, AppError> {
    user.require(Action::ManageSubscribers)?;
    let subscriber = state
        .store
        .subscriber(form.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if parse_email(&form.confirm_email).ok().as_deref() != Some(subscriber.email.as_str()) {
        return Err(AppError::BadRequest(Refusal::EraseConfirm));
    }
    let audit = NewAuditEntry {
        user_id: Some(user.user.id),
        action: "subscriber.erase".into(),
        entity: "subscriber".into(),
        entity_id: Some(subscriber.id),
        // Not the address: after an erasure nothing may tell who it was.
        detail: "erased on request, with every subscription and consent record".into(),
    };
    state.store.erase_subscriber(subscriber.id, &audit).await?;
    Ok(Redirect::to("/admin/newsletters?notice=erased").into_response())
}

/// A CSV field, quoted, with formula characters defused (a cell starting `=`, `+`, `-`
/// or `@` would run in a spreadsheet).
fn csv_field(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

fn csv_row(row: &SubscriptionExport) -> String {
    let time = |time: Option<jiff::Timestamp>| time.map(|t| t.to_string()).unwrap_or_default();
    [
        csv_field(&row.email),
        csv_field(&row.newsletter),
        csv_field(&row.consented_at.to_string()),
        row.consent_text_id.to_string(),
        csv_field(&row.consent_ip),
        csv_field(&time(row.confirmed_at)),
        csv_field(&time(row.unsubscribed_at)),
        csv_field(&time(row.bounced_at)),
    ]
    .join(",")
}

/// `GET /admin/newsletters/export.csv?edition=`: every subscription of an edition's lists.
pub async fn export_subscribers(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<NewslettersQuery>,
) -> Result<Response, AppError> {
    user.require(Action::ManageSubscribers)?;
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let audit = NewAuditEntry {
        user_id: Some(user.user.id),
        action: "subscribers.export".into(),
        entity: "edition".into(),
        entity_id: Some(edition.edition.id),
        detail: format!("exported the subscribers of {}", edition.edition.name),
    };
    let rows = state
        .store
        .export_subscriptions(edition.edition.id, &audit)
        .await?;
    let mut csv = String::from(
        "email,newsletter,consented_at,consent_version,consent_ip,confirmed_at,unsubscribed_at,bounced_at\r\n",
    );
    for row in &rows {
        csv.push_str(&csv_row(row));
        csv.push_str("\r\n");
    }
    let mut response = csv.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"subscribers.csv\""),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("a@example.org"), "\"a@example.org\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
        assert_eq!(csv_field("-1+2"), "\"'-1+2\"");
    }
}
