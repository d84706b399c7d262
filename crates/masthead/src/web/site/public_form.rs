//! What the reader site's public forms (the newsletter sign-up, the contact form) share on
//! the web side: which paths are theirs (never cached, `GET` and `POST`), the one `POST`
//! route that hands each its body, reading a small urlencoded body, the bot checks'
//! fields, the challenge a page embeds or its script fetches, and `no-store` answers.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Json, Response};
use jiff::Timestamp;

use crate::domain::challenge::{self, WORK};
use crate::domain::refusal::Refusal;
use crate::service::account::random_token;
use crate::service::form_guard::GuardFields;
use crate::service::site::Site;
use crate::web::client::ClientAddr;
use crate::web::error::AppError;
use crate::web::newsroom::session::url_pairs;
use crate::web::site::{contact, newsletter};
use crate::web::state::AppState;

/// Public form bodies larger than this are refused.
const MAX_FORM: usize = 16 * 1024;

/// Whether a path is one of the public forms' pages, which are each reader's own (never
/// cached): `Some(true)` if the page takes `POST`, `Some(false)` if only `GET` and `HEAD`.
pub fn form_page(site: &Site, path: &str) -> Option<bool> {
    newsletter::page_at(site, path)
        .map(|(_, page)| page.takes_post())
        .or_else(|| {
            contact::page_at(site, path).map(|(_, page)| page == contact::ContactPage::Form)
        })
}

/// `POST` to any path of an edition: the contact form's, or the newsletter's.
pub async fn post_form(
    State(state): State<Arc<AppState>>,
    OriginalUri(uri): OriginalUri,
    client: ClientAddr,
    body: Bytes,
) -> Result<Response, AppError> {
    let site = state.site();
    if let Some((edition, page)) = contact::page_at(&site, uri.path()) {
        let fields = form_fields(&body)?;
        return contact::post(&state, &site, edition, page, &fields, client).await;
    }
    let (edition, page) = newsletter::page_at(&site, uri.path()).ok_or(AppError::NotFound)?;
    // An email's links carry their token in the query; the form's fields follow it.
    let mut fields: Vec<(String, String)> =
        url_pairs(uri.query().unwrap_or_default().as_bytes()).collect();
    fields.extend(form_fields(&body)?);
    newsletter::post(&state, &site, edition, page, &fields, client).await
}

/// What a form shows again: what was typed, the problems by field, a note above it.
pub struct Shown<'a, F> {
    /// What was typed.
    pub form: &'a F,
    /// The fields with a problem.
    pub problems: Vec<&'static str>,
    /// A note above the form.
    pub note: Option<&'static str>,
}

impl<'a, F> Shown<'a, F> {
    /// The form as typed, with nothing to say about it.
    pub fn fresh(form: &'a F) -> Shown<'a, F> {
        Shown {
            form,
            problems: Vec::new(),
            note: None,
        }
    }

    /// The form as typed, with a note above it.
    pub fn note(form: &'a F, note: &'static str) -> Shown<'a, F> {
        Shown {
            note: Some(note),
            ..Shown::fresh(form)
        }
    }
}

/// Marks a response as for this client only: not cached here, by proxies or browsers.
pub fn private(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A form body's fields, in order; a body too large is refused.
pub fn form_fields(body: &Bytes) -> Result<Vec<(String, String)>, AppError> {
    if body.len() > MAX_FORM {
        return Err(AppError::BadRequest(Refusal::FormTooLarge));
    }
    Ok(url_pairs(body).collect())
}

/// The first value of a field.
pub fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The bot checks' fields of a form: `website` (hidden), `challenge`, `nonce`.
pub fn guard_fields(fields: &[(String, String)]) -> GuardFields {
    let text = |name| field(fields, name).unwrap_or_default().to_string();
    GuardFields {
        honeypot: text("website"),
        challenge: text("challenge"),
        nonce: text("nonce"),
    }
}

/// A fresh challenge with `difficulty` bits of work (0 for the one a page embeds, which
/// a reader without the script sends back).
pub fn new_challenge(state: &AppState, difficulty: u32) -> Result<String, AppError> {
    let id = random_token()?;
    Ok(challenge::issue(
        &state.signer,
        Timestamp::now(),
        &id[..16],
        difficulty,
    ))
}

/// The challenge for a form's script: JSON `{"challenge": …, "difficulty": …}`.
pub fn issue_challenge(state: &AppState) -> Result<Response, AppError> {
    let body = serde_json::json!({
        "challenge": new_challenge(state, WORK)?,
        "difficulty": WORK,
    });
    Ok(private(Json(body).into_response()))
}
