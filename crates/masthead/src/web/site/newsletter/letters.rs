//! The newsletter's emails, rendered from the theme's `email/<name>/{subject.txt,
//! body.txt, body.html}` in the subscriber's edition's language, with the RFC 8058
//! one-click unsubscribe headers, and stored in the outbox for the job queue to send.

use jiff::Timestamp;
use serde::Serialize;
use store::{NewEmail, Newsletter, Subscriber};

use crate::domain::i18n::Strings;
use crate::domain::text::clean_line;
use crate::service::newsletter::{CONFIRM_FOR, LinkPurpose, link_token};
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::state::AppState;

/// What the confirmation email's templates see.
#[derive(Serialize)]
struct Confirmation<'a> {
    t: &'static Strings,
    lang: &'a str,
    dir: &'static str,
    site_name: &'a str,
    email: &'a str,
    lists: Vec<&'a Newsletter>,
    confirm_url: String,
    unsubscribe_url: String,
}

/// The one-click unsubscribe link of a subscriber: every list, or one.
pub fn unsubscribe_url(
    state: &AppState,
    edition: &EditionSite,
    subscriber: &Subscriber,
    list: Option<i64>,
) -> String {
    let token = link_token(&state.signer, LinkPurpose::Manage, subscriber, None);
    let list = list.map(|id| format!("&list={id}")).unwrap_or_default();
    format!(
        "{}{}/newsletter/unsubscribe?t={token}{list}",
        state.base_url, edition.edition.path_prefix
    )
}

/// The `List-Unsubscribe` headers (RFC 2369, RFC 8058) for an unsubscribe link.
pub fn unsubscribe_headers(url: &str) -> Vec<(String, String)> {
    vec![
        ("List-Unsubscribe".into(), format!("<{url}>")),
        (
            "List-Unsubscribe-Post".into(),
            "List-Unsubscribe=One-Click".into(),
        ),
    ]
}

/// Stores the email that asks a subscriber to confirm their pending lists.
pub async fn queue_confirmation(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    subscriber: &Subscriber,
    lists: &[Newsletter],
) -> Result<(), AppError> {
    let pending: Vec<i64> = state
        .store
        .subscriptions(subscriber.id)
        .await?
        .iter()
        .filter(|subscription| subscription.confirmed_at.is_none())
        .filter(|subscription| subscription.unsubscribed_at.is_none())
        .map(|subscription| subscription.newsletter_id)
        .collect();
    let now = Timestamp::now();
    let token = link_token(
        &state.signer,
        LinkPurpose::Confirm,
        subscriber,
        Some(now + CONFIRM_FOR),
    );
    let unsubscribe_url = unsubscribe_url(state, edition, subscriber, None);
    let context = Confirmation {
        t: edition.strings,
        lang: &edition.edition.language,
        dir: edition.edition.direction.as_str(),
        site_name: &site.settings.site_name,
        email: &subscriber.email,
        lists: lists
            .iter()
            .filter(|list| pending.contains(&list.id))
            .collect(),
        confirm_url: format!(
            "{}{}/newsletter/confirm?t={token}",
            state.base_url, edition.edition.path_prefix
        ),
        unsubscribe_url: unsubscribe_url.clone(),
    };
    let email = NewEmail {
        kind: "confirm".into(),
        recipient: subscriber.email.clone(),
        sender_name: site.settings.site_name.clone(),
        subject: clean_line(&state.theme.render("email/confirm/subject.txt", &context)?),
        text_body: state.theme.render("email/confirm/body.txt", &context)?,
        html_body: state.theme.render("email/confirm/body.html", &context)?,
        headers: unsubscribe_headers(&unsubscribe_url),
        subscriber_id: Some(subscriber.id),
    };
    state.store.queue_email(&email, now).await?;
    Ok(())
}
