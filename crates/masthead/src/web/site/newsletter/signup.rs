//! Signing up: the form page, the challenge its script solves, the `POST`, and "check
//! your inbox".

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use store::Newsletter;

use super::{ListChoice, PageView, SignupView, field, letters, private};
use crate::service::newsletter::{SignUpForm, SignUpOutcome, sign_up as sign_reader_up};
use crate::service::site::{EditionSite, Site};
use crate::web::client::ClientAddr;
use crate::web::error::AppError;
use crate::web::site::public_form::{self, Shown, guard_fields, new_challenge};
use crate::web::state::AppState;

/// The form page (with the edition's first list ticked) and a note above it, or
/// "closed" without email.
pub async fn show_form(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    note: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lists = state.store.newsletters(edition.edition.id).await?;
    let form = SignUpForm {
        lists: lists.first().map(|list| list.id).into_iter().collect(),
        ..SignUpForm::default()
    };
    let shown = Shown {
        note,
        ..Shown::fresh(&form)
    };
    form_page(state, site, edition, &lists, shown, status)
}

/// The form page at `status`; "closed" (503 for a sign-up) without email or lists.
fn form_page(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    lists: &[Newsletter],
    shown: Shown<'_, SignUpForm>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = edition.strings;
    let mut page = PageView::new(state, site, edition, t.newsletter);
    if state.mail.is_none() || lists.is_empty() {
        page.notes.push(t.newsletter_closed);
        return page.respond(state, status);
    }
    let (form, problems) = (shown.form, shown.problems);
    page.notes.extend(shown.note);
    page.signup = Some(SignupView {
        id: "newsletter-page",
        challenge: new_challenge(state, 0)?,
        email: form.email.clone(),
        consent: form.consent,
        email_error: problems.contains(&"email"),
        consent_error: problems.contains(&"consent"),
        lists_error: problems.contains(&"lists"),
        lists: lists
            .iter()
            .map(|list| ListChoice::of(list, form.lists.contains(&list.id)))
            .collect(),
    });
    page.respond(state, status)
}

/// The challenge for the form's script (none without email: the form is closed).
pub fn issue_challenge(state: &AppState) -> Result<Response, AppError> {
    if state.mail.is_none() {
        return Err(AppError::NotFound);
    }
    public_form::issue_challenge(state)
}

/// "Check your inbox": the same page whatever the sign-up did.
pub fn show_check(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
) -> Result<Response, AppError> {
    let t = edition.strings;
    let mut page = PageView::new(state, site, edition, t.nl.check_title);
    page.notes.push(t.nl.check_text);
    page.respond(state, StatusCode::OK)
}

/// Reads the sign-up form's fields. A form without list checkboxes (the box on every
/// page) asks for the edition's first list.
fn read_form(fields: &[(String, String)], lists: &[Newsletter]) -> SignUpForm {
    let text = |name| field(fields, name).unwrap_or_default().to_string();
    let chosen: Vec<i64> = fields
        .iter()
        .filter(|(key, _)| key == "list")
        .filter_map(|(_, value)| value.parse().ok())
        .collect();
    let lists = if field(fields, "lists_shown").is_some() {
        chosen
    } else {
        lists.first().map(|list| list.id).into_iter().collect()
    };
    SignUpForm {
        email: text("email"),
        consent: field(fields, "consent").is_some(),
        lists,
        guard: guard_fields(fields),
    }
}

/// `POST /newsletter`: signs up, then sends the reader to "check your inbox".
pub async fn sign_up(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    fields: &[(String, String)],
    ClientAddr(ip): ClientAddr,
) -> Result<Response, AppError> {
    let lists = state.store.newsletters(edition.edition.id).await?;
    let form = read_form(fields, &lists);
    if state.mail.is_none() || lists.is_empty() {
        let closed = StatusCode::SERVICE_UNAVAILABLE;
        return form_page(state, site, edition, &lists, Shown::fresh(&form), closed);
    }
    let t = edition.strings;
    let outcome = sign_reader_up(
        state.store.as_ref(),
        &state.signer,
        &lists,
        edition.edition.id,
        &form,
        t.newsletter_consent,
        ip,
    )
    .await?;
    match outcome {
        SignUpOutcome::Accepted(subscriber) => {
            if let Some(subscriber) = subscriber {
                letters::queue_confirmation(state, site, edition, &subscriber, &lists).await?;
            }
            let check = format!("{}/newsletter/check", edition.edition.path_prefix);
            Ok(private(Redirect::to(&check).into_response()))
        }
        SignUpOutcome::TryAgain => {
            let shown = Shown {
                note: Some(t.nl.try_again),
                ..Shown::fresh(&form)
            };
            form_page(state, site, edition, &lists, shown, StatusCode::OK)
        }
        SignUpOutcome::Invalid(problems) => {
            let shown = Shown {
                problems,
                ..Shown::fresh(&form)
            };
            form_page(
                state,
                site,
                edition,
                &lists,
                shown,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        SignUpOutcome::Limited => {
            let mut page = PageView::new(state, site, edition, t.newsletter);
            page.notes.push(t.nl.limited);
            let mut response = page.respond(state, StatusCode::TOO_MANY_REQUESTS)?;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("3600"));
            Ok(response)
        }
    }
}
