//! Logging in and out, and changing one's password.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use crate::domain::refusal::{FieldWords, Refusal, field_words};
use crate::web::newsroom::form::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::service::account::{random_token, set_own_language};
use crate::service::error::ServiceError;
use crate::service::login::{
    Login, PasswordChange, SESSION_LIFETIME, change_password as change_own_password, log_in,
    log_out,
};
use crate::service::story_form::FieldErrors;
use crate::web::client::ClientAddr;
use crate::web::error::AppError;
use crate::web::newsroom::session::{CurrentUser, SESSION_COOKIE, cookie, set_cookie};
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// The cookie that pairs the login form with its sender (there is no session yet).
const LOGIN_COOKIE: &str = "masthead_login";

/// How long a locked attempt waits for its `429`. Refusing costs the server little, so a
/// client that sends its next guess as soon as it is answered would otherwise send
/// thousands a second and crowd readers out; waiting costs the server only a timer.
const REFUSAL_PAUSE: Duration = Duration::from_secs(1);

#[derive(Serialize)]
struct LoginPage<'a> {
    chrome: AdminChrome,
    csrf: &'a str,
    email: &'a str,
    error: Option<String>,
}

fn login_page(
    state: &AppState,
    headers: &HeaderMap,
    email: &str,
    error: Option<Refusal>,
) -> Result<Response, AppError> {
    let csrf = random_token()?;
    let chrome = AdminChrome::anonymous(state, headers);
    let page = LoginPage {
        error: error.map(|refusal| refusal.words(chrome.t.lang)),
        chrome,
        csrf: &csrf,
        email,
    };
    let html = state.theme.render("admin/login.html", &page)?;
    let mut response = Html(html).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(state, LOGIN_COOKIE, &csrf, 3600),
    );
    Ok(response)
}

/// `GET /admin/login`.
pub async fn show_login(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    login_page(&state, &headers, "", None)
}

/// The login form.
#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    csrf: String,
}

/// `POST /admin/login`: checks the form's token, the rate limit and the password.
pub async fn login(
    State(state): State<Arc<AppState>>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    if cookie(&state, &headers, LOGIN_COOKIE) != Some(form.csrf.as_str()) || form.csrf.is_empty() {
        return Err(AppError::BadCsrf);
    }
    let ip = client.to_string();
    let email: String = form.email.chars().take(254).collect();
    let store = state.store.as_ref();
    let logged_in = log_in(store, state.login_checks(), &email, &form.password, &ip).await;
    let Login { user, token } = match logged_in {
        Ok(login) => login,
        Err(error) => {
            if matches!(error, ServiceError::Locked { .. }) {
                tokio::time::sleep(REFUSAL_PAUSE).await;
            }
            return refused_login(&state, &headers, &email, error);
        }
    };
    let target = if user.must_change_password {
        "/admin/password"
    } else {
        "/admin"
    };
    let mut response = Redirect::to(target).into_response();
    let headers = response.headers_mut();
    let lifetime = SESSION_LIFETIME.as_secs();
    headers.append(
        header::SET_COOKIE,
        set_cookie(&state, SESSION_COOKIE, &token, lifetime),
    );
    headers.append(header::SET_COOKIE, set_cookie(&state, LOGIN_COOKIE, "", 0));
    Ok(response)
}

/// The login page again with why the login was refused: `429` with `Retry-After` when
/// locked, `401` for a wrong password.
fn refused_login(
    state: &AppState,
    headers: &HeaderMap,
    email: &str,
    error: ServiceError,
) -> Result<Response, AppError> {
    let status = match &error {
        ServiceError::BadLogin => {
            state.metrics.login_failed();
            StatusCode::UNAUTHORIZED
        }
        ServiceError::Locked { .. } => {
            state.metrics.login_locked();
            StatusCode::TOO_MANY_REQUESTS
        }
        _ => return Err(error.into()),
    };
    // The two refusals are for the person at the form, in the language their browser asks for.
    let mut response = login_page(state, headers, email, error.login_refusal())?;
    *response.status_mut() = status;
    if let ServiceError::Locked { retry_after } = error {
        let seconds = u64::try_from(retry_after.as_secs()).unwrap_or(1).max(1);
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    Ok(response)
}

/// `POST /admin/logout`: ends the session.
pub async fn logout(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(token) = cookie(&state, &headers, SESSION_COOKIE) {
        log_out(state.store.as_ref(), token).await?;
    }
    let mut response = Redirect::to("/admin/login").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(&state, SESSION_COOKIE, "", 0),
    );
    Ok(response)
}

/// The account page: the password form and the interface-language form.
#[derive(Serialize)]
struct AccountPage {
    chrome: AdminChrome,
    required: bool,
    errors: FieldWords,
    language: String,
}

fn password_page(
    state: &AppState,
    user: &CurrentUser,
    errors: FieldErrors,
    notice: Option<&str>,
) -> Result<Response, AppError> {
    let page = AccountPage {
        chrome: AdminChrome::new(state, user, "").with_notice(notice),
        required: user.user.must_change_password,
        errors: field_words(&errors, &user.user.language),
        language: user.user.language.clone(),
    };
    Ok(Html(state.theme.render("admin/password.html", &page)?).into_response())
}

/// `GET /admin/password`.
pub async fn show_password(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    password_page(
        &state,
        &user,
        FieldErrors::new(),
        query.get("notice").map(String::as_str),
    )
}

/// The password form.
#[derive(Deserialize)]
pub struct PasswordForm {
    current: String,
    new: String,
}

/// `POST /admin/password`: checks the current password, sets the new one, and ends the
/// account's other sessions.
pub async fn change_password(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let address = client.to_string();
    let change = PasswordChange {
        current: &form.current,
        new: &form.new,
        address: &address,
        session: cookie(&state, &headers, SESSION_COOKIE),
    };
    let (store, checks) = (state.store.as_ref(), state.login_checks());
    match change_own_password(store, checks, user.actor, &user.user.email, &change).await {
        Ok(()) => Ok(Redirect::to("/admin/password?notice=password").into_response()),
        Err(ServiceError::InvalidFields(errors)) => {
            let mut response = password_page(&state, &user, errors, None)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(error) => Err(error.into()),
    }
}

/// The interface-language form.
#[derive(Deserialize)]
pub struct LanguageForm {
    language: String,
}

/// `POST /admin/language`: sets the logged-in account's own interface language; anything
/// but `en` or `ar` is a `400`.
pub async fn change_language(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AppError> {
    set_own_language(state.store.as_ref(), user.actor, &form.language).await?;
    Ok(Redirect::to("/admin/password?notice=language").into_response())
}
