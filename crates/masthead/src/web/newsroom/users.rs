//! Accounts, for admins: list, create (with a one-time password shown once), change a
//! role, disable and enable.

use std::collections::HashMap;
use std::sync::Arc;

use crate::web::newsroom::form::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Serialize;
use store::{Role, User};

use crate::domain::permission::Action;
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::account::{AccountChange, AccountInput, add_account, change_account};
use crate::service::error::ServiceError;
use crate::web::error::AppError;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct UserRow {
    id: i64,
    name: String,
    email: String,
    role: &'static str,
    disabled: bool,
    created: DisplayTime,
    last_login: Option<DisplayTime>,
    language: String,
    is_me: bool,
}

#[derive(Serialize, Default)]
struct NewUserValues {
    email: String,
    name: String,
    role: String,
    language: String,
}

#[derive(Serialize)]
struct UsersPage {
    chrome: AdminChrome,
    users: Vec<UserRow>,
    roles: Vec<&'static str>,
    values: NewUserValues,
    error: Option<String>,
    created: Option<(String, String)>,
}

async fn users_page(
    state: &AppState,
    user: &CurrentUser,
    values: NewUserValues,
    error: Option<String>,
    created: Option<(String, String)>,
) -> Result<UsersPage, AppError> {
    let users: Vec<User> = state.store.users().await?;
    let zone = state.site().newsroom_zone();
    Ok(UsersPage {
        chrome: AdminChrome::new(state, user, "/admin/users"),
        users: users
            .into_iter()
            .map(|account| UserRow {
                is_me: account.id == user.user.id,
                id: account.id,
                name: account.name,
                email: account.email,
                role: account.role.as_str(),
                disabled: account.disabled,
                created: newsroom_time(account.created_at, &zone, &user.user.language),
                last_login: account
                    .last_login_at
                    .map(|time| newsroom_time(time, &zone, &user.user.language)),
                language: account.language,
            })
            .collect(),
        roles: Role::ALL.iter().rev().map(|role| role.as_str()).collect(),
        values,
        error,
        created,
    })
}

/// `GET /admin/users`.
pub async fn list_users(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageUsers)?;
    let mut page = users_page(&state, &user, NewUserValues::default(), None, None).await?;
    page.chrome = page
        .chrome
        .with_notice(query.get("notice").map(String::as_str));
    Ok(Html(state.theme.render("admin/users.html", &page)?))
}

/// `POST /admin/users`: creates an account with a one-time password, shown once.
pub async fn add_user(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Form(input): Form<AccountInput>,
) -> Result<Response, AppError> {
    match add_account(state.store.as_ref(), user.actor, &input).await {
        Ok(created) => {
            let password = created.one_time_password.unwrap_or_default();
            let shown = Some((input.email.trim().to_lowercase(), password));
            let page = users_page(&state, &user, NewUserValues::default(), None, shown).await?;
            Ok(Html(state.theme.render("admin/users.html", &page)?).into_response())
        }
        Err(ServiceError::Invalid(refusal) | ServiceError::Conflict(refusal)) => {
            let message = refusal.words(&user.user.language);
            let values = NewUserValues {
                email: input.email,
                name: input.name,
                role: input.role,
                language: input.language,
            };
            let page = users_page(&state, &user, values, Some(message), None).await?;
            let html = state.theme.render("admin/users.html", &page)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// `POST /admin/users/{id}`: changes a role, or disables or enables an account.
pub async fn change_user(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(change): Form<AccountChange>,
) -> Result<Response, AppError> {
    change_account(state.store.as_ref(), user.actor, id, &change).await?;
    Ok(Redirect::to("/admin/users?notice=saved").into_response())
}
