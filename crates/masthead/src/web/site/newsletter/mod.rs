//! The newsletter's reader pages under each edition's prefix: the sign-up form
//! (`/newsletter`), "check your inbox" (`/newsletter/check`), the form's challenge
//! (`/newsletter/challenge`), and the pages the emails' signed links open
//! (`/newsletter/confirm`, `/newsletter/unsubscribe`, `/newsletter/preferences`).
//! None of them is cached: each answers `Cache-Control: no-store`.

pub mod bounces;
pub mod digest;
pub mod letters;
pub mod links;
mod signup;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;
use store::Newsletter;

use crate::service::site::{EditionSite, Site};
use crate::web::client::ClientAddr;
use crate::web::error::AppError;
use crate::web::newsroom::session::url_pairs;
use crate::web::site::metadata::{HeadMeta, Publication};
pub(super) use crate::web::site::public_form::{field, private};
use crate::web::state::AppState;
use crate::web::view::Chrome;

/// The newsletter's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewsletterPage {
    /// The sign-up form; its `POST` signs up.
    Form,
    /// "Check your inbox".
    Check,
    /// A fresh challenge for the form's script (JSON).
    Challenge,
    /// Confirm from the email's link.
    Confirm,
    /// Leave a list (RFC 8058 one-click `POST` too).
    Unsubscribe,
    /// Choose lists.
    Preferences,
}

impl NewsletterPage {
    /// Whether the page takes `POST`: the sign-up form, and the signed links' pages (their
    /// forms and RFC 8058 one-click unsubscribe); "check your inbox" and the challenge do not.
    pub fn takes_post(self) -> bool {
        !matches!(self, NewsletterPage::Check | NewsletterPage::Challenge)
    }
}

/// The newsletter page at a request path, with its edition.
pub fn page_at<'a>(site: &'a Site, path: &str) -> Option<(&'a EditionSite, NewsletterPage)> {
    let (edition, rest) = site.edition_for_path(path)?;
    let page = match rest {
        "/newsletter" => NewsletterPage::Form,
        "/newsletter/check" => NewsletterPage::Check,
        "/newsletter/challenge" => NewsletterPage::Challenge,
        "/newsletter/confirm" => NewsletterPage::Confirm,
        "/newsletter/unsubscribe" => NewsletterPage::Unsubscribe,
        "/newsletter/preferences" => NewsletterPage::Preferences,
        _ => return None,
    };
    Some((edition, page))
}

/// A list as a checkbox.
#[derive(Debug, Serialize)]
struct ListChoice {
    id: i64,
    name: String,
    description: String,
    checked: bool,
}

impl ListChoice {
    fn of(list: &Newsletter, checked: bool) -> ListChoice {
        ListChoice {
            id: list.id,
            name: list.name.clone(),
            description: list.description.clone(),
            checked,
        }
    }
}

/// A form that acts on a subscriber through a signed link.
#[derive(Debug, Serialize)]
struct LinkAction {
    url: String,
    token: String,
    list: Option<i64>,
    choices: Vec<ListChoice>,
    button: &'static str,
}

/// The sign-up form as the page shows it.
#[derive(Debug, Default, Serialize)]
struct SignupView {
    id: &'static str,
    challenge: String,
    email: String,
    consent: bool,
    email_error: bool,
    consent_error: bool,
    lists_error: bool,
    lists: Vec<ListChoice>,
}

/// Any of the newsletter's HTML pages.
#[derive(Debug, Serialize)]
struct PageView {
    chrome: Chrome,
    head: HeadMeta,
    heading: &'static str,
    notes: Vec<&'static str>,
    signup: Option<SignupView>,
    action: Option<LinkAction>,
    preferences_url: Option<String>,
}

impl PageView {
    fn new(
        state: &AppState,
        site: &Site,
        edition: &EditionSite,
        heading: &'static str,
    ) -> PageView {
        PageView {
            chrome: Chrome::new(site, edition, &state.base_url),
            head: Publication::new(site, edition, &state.base_url).form_head(heading, "newsletter"),
            heading,
            notes: Vec::new(),
            signup: None,
            action: None,
            preferences_url: None,
        }
    }

    /// The page, not to be stored anywhere.
    fn respond(&self, state: &AppState, status: StatusCode) -> Result<Response, AppError> {
        let html = state.theme.render("pages/newsletter.html", self)?;
        Ok(private((status, Html(html)).into_response()))
    }
}

/// `GET` (and `HEAD`) of a newsletter page.
pub async fn show(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    page: NewsletterPage,
    query: Option<&str>,
) -> Result<Response, AppError> {
    let fields: Vec<(String, String)> = url_pairs(query.unwrap_or_default().as_bytes()).collect();
    match page {
        NewsletterPage::Form => signup::show_form(state, site, edition, None, StatusCode::OK).await,
        NewsletterPage::Check => signup::show_check(state, site, edition),
        NewsletterPage::Challenge => signup::issue_challenge(state),
        NewsletterPage::Confirm | NewsletterPage::Unsubscribe | NewsletterPage::Preferences => {
            links::show(state, site, edition, page, &fields).await
        }
    }
}

/// `POST` to a newsletter page (its query's and body's fields): a sign-up, or an action
/// from an email's link.
pub async fn post(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    page: NewsletterPage,
    fields: &[(String, String)],
    client: ClientAddr,
) -> Result<Response, AppError> {
    match page {
        NewsletterPage::Form => signup::sign_up(state, site, edition, fields, client).await,
        NewsletterPage::Confirm | NewsletterPage::Unsubscribe | NewsletterPage::Preferences => {
            links::act(state, site, edition, page, fields).await
        }
        NewsletterPage::Check | NewsletterPage::Challenge => Err(AppError::NotFound),
    }
}
