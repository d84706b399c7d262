//! Accounts, for admins: list, create (with a one-time password shown once), change a
//! role, disable and enable.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::{NewAuditEntry, Role, User};

use crate::domain::permission::Action;
use crate::service::account::create_user;
use crate::web::error::AppError;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::story::list::newsroom_time;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct UserRow {
    id: i64,
    name: String,
    email: String,
    role: &'static str,
    disabled: bool,
    created: String,
    is_me: bool,
}

#[derive(Serialize, Default)]
struct NewUserValues {
    email: String,
    name: String,
    role: String,
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
                created: newsroom_time(account.created_at),
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

/// The new-account form.
#[derive(Deserialize)]
pub struct NewUserForm {
    email: String,
    name: String,
    role: String,
}

/// `POST /admin/users`: creates an account with a one-time password, shown once.
pub async fn add_user(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Form(form): Form<NewUserForm>,
) -> Result<Response, AppError> {
    user.require(Action::ManageUsers)?;
    let values = NewUserValues {
        email: form.email.clone(),
        name: form.name.clone(),
        role: form.role.clone(),
    };
    let Some(role) = Role::parse(&form.role) else {
        let page = users_page(&state, &user, values, Some("Pick a role.".into()), None).await?;
        let html = state.theme.render("admin/users.html", &page)?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    };
    let store = state.store.as_ref();
    match create_user(store, &form.email, &form.name, role, None, None).await {
        Ok(created) => {
            audit(&state, &user, "user.create", created.id, role.as_str()).await?;
            let password = created.one_time_password.unwrap_or_default();
            let shown = Some((form.email.trim().to_lowercase(), password));
            let page = users_page(&state, &user, NewUserValues::default(), None, shown).await?;
            Ok(Html(state.theme.render("admin/users.html", &page)?).into_response())
        }
        Err(error) => {
            let page = users_page(&state, &user, values, Some(format!("{error:#}")), None).await?;
            let html = state.theme.render("admin/users.html", &page)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
        }
    }
}

async fn audit(
    state: &AppState,
    user: &CurrentUser,
    action: &str,
    id: i64,
    detail: &str,
) -> Result<(), AppError> {
    state
        .store
        .audit(&NewAuditEntry {
            user_id: Some(user.user.id),
            action: action.into(),
            entity: "user".into(),
            entity_id: Some(id),
            detail: detail.into(),
        })
        .await?;
    Ok(())
}

/// A change to one account.
#[derive(Deserialize)]
pub struct UserChangeForm {
    role: Option<String>,
    disabled: Option<String>,
}

/// `POST /admin/users/{id}`: changes a role, or disables or enables an account. Admins
/// cannot demote or disable themselves (the newsroom would lose its last admin).
pub async fn change_user(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<UserChangeForm>,
) -> Result<Response, AppError> {
    user.require(Action::ManageUsers)?;
    if id == user.user.id {
        return Err(AppError::BadRequest(
            "You cannot change your own role or disable yourself.".into(),
        ));
    }
    let store = state.store.as_ref();
    if let Some(role) = form.role.as_deref() {
        let role = Role::parse(role).ok_or_else(|| AppError::BadRequest("Unknown role.".into()))?;
        store.set_user_role(id, role).await?;
        audit(&state, &user, "user.role", id, role.as_str()).await?;
    }
    if let Some(disabled) = form.disabled.as_deref() {
        let disabled = disabled == "1";
        store.set_user_disabled(id, disabled).await?;
        let action = if disabled {
            "user.disable"
        } else {
            "user.enable"
        };
        audit(&state, &user, action, id, "").await?;
    }
    Ok(Redirect::to("/admin/users?notice=saved").into_response())
}
