//! The desks' form actions: create, rename, set sections or members, delete. A refused
//! form shows its page again with the reason (422); someone without the right gets 403.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::pages::{desk_page, desks_page};
use super::{AREA, desk_url};
use crate::domain::news_desk::{DeskProblem, desk_ids, desk_name};
use crate::domain::permission::Action;
use crate::domain::refusal::Refusal;
use crate::service::error::{ServiceError, ServiceResult};
use crate::service::news_desk::{self, DeskList, set_news_desk_list};
use crate::web::error::AppError;
use crate::web::newsroom::curation::answer;
use crate::web::newsroom::form::Form;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::session::CurrentUser;
use crate::web::state::AppState;

/// The new desk form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewDeskForm {
    name: String,
    edition: String,
}

/// The rename form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct NameForm {
    name: String,
}

/// A refused field as the form's refusal.
fn refused(problem: DeskProblem) -> ServiceError {
    ServiceError::Invalid(Refusal::Desk(problem))
}

/// `POST /admin/newsdesks`: creates a desk, then shows its page.
pub async fn add_news_desk(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Form(form): Form<NewDeskForm>,
) -> Result<Response, AppError> {
    user.require(Action::ManageUsers)?;
    let edition_id = form.edition.trim().parse::<i64>().ok();
    let Some(edition_id) = edition_id.filter(|id| state.site().edition(*id).is_some()) else {
        return Err(AppError::BadRequest(Refusal::Desk(DeskProblem::BadChoice)));
    };
    let created: ServiceResult<i64> = match desk_name(&form.name) {
        Ok(name) => {
            news_desk::create_news_desk(state.store.as_ref(), user.actor, edition_id, &name).await
        }
        Err(problem) => Err(refused(problem)),
    };
    let done = created
        .as_ref()
        .map_or_else(|_| String::new(), |id| desk_url(*id));
    answer(&state, &user, created.map(drop), &done, |message| {
        let sent = (form.name.as_str(), form.edition.as_str());
        desks_page(&state, &user, sent, Some(message), None)
    })
    .await
}

/// `POST /admin/newsdesks/{id}/name`: renames a desk.
pub async fn rename_news_desk(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<NameForm>,
) -> Result<Response, AppError> {
    user.require(Action::ManageUsers)?;
    let renamed = match desk_name(&form.name) {
        Ok(name) => news_desk::rename_news_desk(state.store.as_ref(), user.actor, id, &name).await,
        Err(problem) => Err(refused(problem)),
    };
    answer(&state, &user, renamed, &desk_url(id), |message| {
        desk_page(&state, &user, id, Some(&form.name), Some(message), None)
    })
    .await
}

/// Sets a desk's list from the ticked boxes named `field`.
async fn set_list(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    list: DeskList,
    form: &RawForm,
) -> Result<Response, AppError> {
    user.require(Action::ManageUsers)?;
    let field = match list {
        DeskList::Sections => "section",
        DeskList::Members => "member",
    };
    let ticked = form.0.iter().filter(|(key, _)| key == field);
    let set = match desk_ids(ticked.map(|(_, value)| value.as_str())) {
        Ok(ids) => set_news_desk_list(state.store.as_ref(), user.actor, id, list, &ids).await,
        Err(problem) => Err(refused(problem)),
    };
    answer(state, user, set, &desk_url(id), |message| {
        desk_page(state, user, id, None, Some(message), None)
    })
    .await
}

/// `POST /admin/newsdesks/{id}/sections`: sets a desk's sections.
pub async fn set_news_desk_sections(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    set_list(&state, &user, id, DeskList::Sections, &form).await
}

/// `POST /admin/newsdesks/{id}/members`: sets a desk's members.
pub async fn set_news_desk_members(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    set_list(&state, &user, id, DeskList::Members, &form).await
}

/// `POST /admin/newsdesks/{id}/delete`: deletes a desk (after its confirmation step).
pub async fn delete_news_desk(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    news_desk::delete_news_desk(state.store.as_ref(), user.actor, id).await?;
    state.changed();
    Ok(Redirect::to(&format!("{AREA}?notice=deleted")).into_response())
}
