//! Logging in and out, and changing one's password.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::NewAuditEntry;

use crate::app::AppState;
use crate::service::account::{
    LoginError, SESSION_LIFETIME, check_login, check_new_password, hash_password, random_token,
    start_session, token_hash,
};
use crate::web::client::ClientAddr;
use crate::web::error::AppError;
use crate::web::newsroom::session::{CurrentUser, SESSION_COOKIE, cookie, set_cookie};
use crate::web::newsroom::view::AdminChrome;

/// The cookie that pairs the login form with its sender (there is no session yet).
const LOGIN_COOKIE: &str = "masthead_login";

#[derive(Serialize)]
struct LoginPage<'a> {
    chrome: AdminChrome,
    csrf: &'a str,
    email: &'a str,
    error: Option<String>,
}

fn login_page(state: &AppState, email: &str, error: Option<String>) -> Result<Response, AppError> {
    let csrf = random_token()?;
    let page = LoginPage {
        chrome: AdminChrome::anonymous(state),
        csrf: &csrf,
        email,
        error,
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
pub async fn show_login(State(state): State<Arc<AppState>>) -> Result<Response, AppError> {
    login_page(&state, "", None)
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
    let user = match check_login(state.store.as_ref(), &email, &form.password, &ip).await {
        Ok(user) => user,
        Err(LoginError::Store(error)) => return Err(error.into()),
        Err(error @ LoginError::RateLimited) => {
            state.metrics.login_locked();
            let mut response = login_page(&state, &email, Some(error.to_string()))?;
            *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
            return Ok(response);
        }
        Err(error) => {
            state.metrics.login_failed();
            let mut response = login_page(&state, &email, Some(error.to_string()))?;
            *response.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
            return Ok(response);
        }
    };
    let token = start_session(state.store.as_ref(), user.id).await?;
    state
        .store
        .audit(&NewAuditEntry {
            user_id: Some(user.id),
            action: "user.login".into(),
            entity: "user".into(),
            entity_id: Some(user.id),
            detail: ip,
        })
        .await?;
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

/// `POST /admin/logout`: ends the session.
pub async fn logout(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(token) = cookie(&state, &headers, SESSION_COOKIE) {
        state.store.delete_session(&token_hash(token)).await?;
    }
    let mut response = Redirect::to("/admin/login").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(&state, SESSION_COOKIE, "", 0),
    );
    Ok(response)
}

#[derive(Serialize)]
struct PasswordPage {
    chrome: AdminChrome,
    required: bool,
    errors: HashMap<&'static str, String>,
}

fn password_page(
    state: &AppState,
    user: &CurrentUser,
    errors: HashMap<&'static str, String>,
    notice: Option<&str>,
) -> Result<Response, AppError> {
    let page = PasswordPage {
        chrome: AdminChrome::new(state, user, "").with_notice(notice),
        required: user.user.must_change_password,
        errors,
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
        HashMap::new(),
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
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let mut errors = HashMap::new();
    if let Err(message) = check_new_password(&form.new) {
        errors.insert("new", message);
    } else if form.new == form.current {
        errors.insert(
            "new",
            "Choose a password different from the current one.".into(),
        );
    }
    let ip = "password-change";
    let verified = check_login(state.store.as_ref(), &user.user.email, &form.current, ip).await;
    match verified {
        Ok(_) => {}
        Err(LoginError::Store(error)) => return Err(error.into()),
        Err(error) => {
            errors.insert("current", error.to_string());
        }
    }
    if !errors.is_empty() {
        let mut response = password_page(&state, &user, errors, None)?;
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    let hash = hash_password(&form.new).await?;
    let session = cookie(&state, &headers, SESSION_COOKIE).map(token_hash);
    state
        .store
        .set_password(user.user.id, &hash, false, session.as_deref())
        .await?;
    Ok(Redirect::to("/admin/password?notice=password").into_response())
}
