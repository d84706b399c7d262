//! The contact form under each edition's prefix: the form (`/contact`), "thank you"
//! (`/contact/sent`) and the form's challenge (`/contact/challenge`). None is cached (each
//! answers `Cache-Control: no-store`). The form works without email: a message is always
//! stored for the newsroom, and emailed to its desk when `[email] smtp_url` is set.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Serialize;
use store::{Desk, NewEmail};

use crate::domain::contact::{CheckedMessage, MessageInput};
use crate::domain::text::clean_line;
use crate::service::contact::{ContactForm, ContactOutcome, send_message};
use crate::service::site::{EditionSite, Site};
use crate::web::client::ClientAddr;
use crate::web::error::AppError;
use crate::web::site::metadata::{HeadMeta, Publication};
use crate::web::site::public_form::Shown;
use crate::web::site::public_form::{field, guard_fields, issue_challenge, new_challenge, private};
use crate::web::state::AppState;
use crate::web::view::Chrome;

/// The contact form's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactPage {
    /// The form; its `POST` sends.
    Form,
    /// "Thank you".
    Sent,
    /// A fresh challenge for the form's script (JSON).
    Challenge,
}

/// The contact page at a request path, with its edition.
pub fn page_at<'a>(site: &'a Site, path: &str) -> Option<(&'a EditionSite, ContactPage)> {
    let (edition, rest) = site.edition_for_path(path)?;
    let page = match rest {
        "/contact" => ContactPage::Form,
        "/contact/sent" => ContactPage::Sent,
        "/contact/challenge" => ContactPage::Challenge,
        _ => return None,
    };
    Some((edition, page))
}

/// A desk as a choice in the list.
#[derive(Debug, Serialize)]
struct DeskChoice {
    id: i64,
    name: String,
    selected: bool,
}

/// The form as the page shows it: what was typed, and the fields at fault.
#[derive(Debug, Serialize)]
struct FormView {
    action: String,
    challenge: String,
    name: String,
    email: String,
    message: String,
    desks: Vec<DeskChoice>,
    problems: Vec<&'static str>,
}

/// The contact form's pages.
#[derive(Debug, Serialize)]
struct ContactView {
    chrome: Chrome,
    head: HeadMeta,
    heading: &'static str,
    notes: Vec<&'static str>,
    form: Option<FormView>,
}

/// `GET` (and `HEAD`) of a contact page.
pub async fn show(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    page: ContactPage,
) -> Result<Response, AppError> {
    let t = edition.strings.contact;
    match page {
        ContactPage::Form => {
            let desks = state.store.desks(edition.edition.id).await?;
            let form = ContactForm::default();
            form_page(
                state,
                site,
                edition,
                &desks,
                Shown::fresh(&form),
                StatusCode::OK,
            )
        }
        ContactPage::Sent => {
            let view = view(state, site, edition, t.sent_title, vec![t.sent_text]);
            respond(state, &view, StatusCode::OK)
        }
        ContactPage::Challenge => issue_challenge(state),
    }
}

/// `POST` to a contact page: only the form takes one.
pub async fn post(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    page: ContactPage,
    fields: &[(String, String)],
    ClientAddr(ip): ClientAddr,
) -> Result<Response, AppError> {
    if page != ContactPage::Form {
        return Err(AppError::NotFound);
    }
    let desks = state.store.desks(edition.edition.id).await?;
    let form = read_form(fields);
    let compose =
        |message: &CheckedMessage, desk: &Desk| letter(state, site, edition, message, desk);
    let outcome = send_message(
        state.store.as_ref(),
        &state.signer,
        &desks,
        edition.edition.id,
        &form,
        ip,
        compose,
    )
    .await?;
    let t = edition.strings.contact;
    let (shown, status) = match outcome {
        ContactOutcome::Sent => {
            let sent = format!("{}/contact/sent", edition.edition.path_prefix);
            return Ok(private(Redirect::to(&sent).into_response()));
        }
        ContactOutcome::Limited => return limited(state, site, edition),
        ContactOutcome::TryAgain => (Shown::note(&form, t.try_again), StatusCode::OK),
        ContactOutcome::Invalid(problems) => (
            Shown {
                problems,
                ..Shown::fresh(&form)
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    form_page(state, site, edition, &desks, shown, status)
}

fn read_form(fields: &[(String, String)]) -> ContactForm {
    let text = |name| field(fields, name).unwrap_or_default().to_string();
    ContactForm {
        input: MessageInput {
            name: text("name"),
            email: text("email"),
            desk: text("desk"),
            message: text("message"),
        },
        guard: guard_fields(fields),
    }
}

fn view(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    heading: &'static str,
    notes: Vec<&'static str>,
) -> ContactView {
    ContactView {
        chrome: Chrome::new(site, edition, &state.base_url),
        head: Publication::new(site, edition, &state.base_url).form_head(heading, "contact"),
        heading,
        notes,
        form: None,
    }
}

fn respond(state: &AppState, view: &ContactView, status: StatusCode) -> Result<Response, AppError> {
    let html = state.theme.render("pages/contact.html", view)?;
    Ok(private((status, Html(html)).into_response()))
}

/// The form page at `status`, or "closed" (503 for a post) when the edition has no desks.
fn form_page(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    desks: &[Desk],
    shown: Shown<'_, ContactForm>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let t = edition.strings.contact;
    if desks.is_empty() {
        let closed = if status == StatusCode::OK {
            status
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        };
        return respond(
            state,
            &view(state, site, edition, t.title, vec![t.closed]),
            closed,
        );
    }
    let mut page = view(state, site, edition, t.title, vec![t.intro]);
    page.notes.extend(shown.note);
    let input = &shown.form.input;
    page.form = Some(FormView {
        action: format!("{}/contact", edition.edition.path_prefix),
        challenge: new_challenge(state, 0)?,
        name: input.name.chars().take(1000).collect(),
        email: input.email.chars().take(1000).collect(),
        message: input.message.chars().take(20_000).collect(),
        desks: desks
            .iter()
            .map(|desk| DeskChoice {
                id: desk.id,
                name: desk.name.clone(),
                selected: input.desk.trim() == desk.id.to_string(),
            })
            .collect(),
        problems: shown.problems,
    });
    respond(state, &page, status)
}

/// 429 with a note, to come back in an hour.
fn limited(state: &AppState, site: &Site, edition: &EditionSite) -> Result<Response, AppError> {
    let t = edition.strings.contact;
    let page = view(state, site, edition, t.title, vec![t.limited]);
    let mut response = respond(state, &page, StatusCode::TOO_MANY_REQUESTS)?;
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("3600"));
    Ok(response)
}

/// What the desk's email templates see.
#[derive(Serialize)]
struct Letter<'a> {
    t: &'static crate::domain::i18n::Strings,
    lang: &'a str,
    dir: &'static str,
    site_name: &'a str,
    edition: &'a str,
    desk: &'a str,
    message: &'a CheckedMessage,
}

/// The email that takes a message to its desk (`Reply-To` the reader, added when it is
/// sent), in the edition's language; none without a mail server.
fn letter(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    message: &CheckedMessage,
    desk: &Desk,
) -> anyhow::Result<Option<NewEmail>> {
    if state.mail.is_none() {
        return Ok(None);
    }
    let context = Letter {
        t: edition.strings,
        lang: &edition.edition.language,
        dir: edition.edition.direction.as_str(),
        site_name: &site.settings.site_name,
        edition: &edition.edition.name,
        desk: &desk.name,
        message,
    };
    Ok(Some(NewEmail {
        kind: "contact".into(),
        recipient: desk.email.clone(),
        sender_name: site.settings.site_name.clone(),
        subject: clean_line(&state.theme.render("email/contact/subject.txt", &context)?),
        text_body: state.theme.render("email/contact/body.txt", &context)?,
        html_body: state.theme.render("email/contact/body.html", &context)?,
        headers: Vec::new(),
        subscriber_id: None,
    }))
}
