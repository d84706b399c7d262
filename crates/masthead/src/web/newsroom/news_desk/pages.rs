//! The desks' pages: the list (with the new desk form), one desk's page, the delete step.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::Html;
use serde::Serialize;
use store::{NewsDesk, User};

use super::AREA;
use crate::domain::permission::Action;
use crate::service::news_desk::{all_news_desks, news_desk};
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{Choice, EditionQuery, id_choices};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// One desk in the list.
#[derive(Serialize)]
struct DeskRow {
    id: i64,
    name: String,
    edition: String,
    sections: Vec<String>,
    members: Vec<String>,
}

#[derive(Serialize)]
struct DesksPage {
    chrome: AdminChrome,
    desks: Vec<DeskRow>,
    editions: Vec<Choice>,
    /// The new desk's name as sent, after a refusal.
    name: String,
    error: Option<String>,
}

/// A checkbox of a desk's page.
#[derive(Serialize)]
struct Tick {
    value: i64,
    label: String,
    /// More about it (an account's address).
    detail: String,
    checked: bool,
}

#[derive(Serialize)]
struct DeskPage {
    chrome: AdminChrome,
    id: i64,
    /// The desk's name as stored, for the heading.
    title: String,
    /// The name field's value.
    name: String,
    edition: String,
    sections: Vec<Tick>,
    members: Vec<Tick>,
    error: Option<String>,
}

/// The names of a desk's sections, as their trail in the edition.
fn section_names(edition: Option<&EditionSite>, desk: &NewsDesk) -> Vec<String> {
    let Some(edition) = edition else {
        return Vec::new();
    };
    desk.section_ids
        .iter()
        .map(|id| trail(edition, *id))
        .collect()
}

/// A section as "Parent › Child".
fn trail(edition: &EditionSite, id: i64) -> String {
    let names: Vec<&str> = edition
        .section_trail(id)
        .iter()
        .map(|section| section.name.as_str())
        .collect();
    names.join(" › ")
}

/// The list page, with the new desk form holding `name` and `edition`.
pub(super) async fn desks_page(
    state: &AppState,
    user: &CurrentUser,
    (name, edition): (&str, &str),
    error: Option<String>,
    notice: Option<&str>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageUsers)?;
    let (desks, users) = (
        all_news_desks(state.store.as_ref(), user.actor).await?,
        state.store.users().await?,
    );
    let site = state.site();
    let name_of = |id: &i64| users.iter().find(|u| u.id == *id).map(|u| u.name.clone());
    let rows = desks
        .iter()
        .map(|desk| {
            let edition = site.edition(desk.edition_id);
            DeskRow {
                id: desk.id,
                name: desk.name.clone(),
                edition: edition.map_or_else(String::new, |e| e.edition.name.clone()),
                sections: section_names(edition, desk),
                members: desk.member_ids.iter().filter_map(name_of).collect(),
            }
        })
        .collect();
    let chrome = AdminChrome::new(state, user, AREA).with_notice(notice);
    let page = DesksPage {
        editions: edition_choices(&site, edition),
        desks: rows,
        name: name.into(),
        error,
        chrome,
    };
    Ok(Html(state.theme.render("admin/news_desks.html", &page)?))
}

/// Every edition, for the new desk's select (no empty choice: a desk has one).
fn edition_choices(site: &Site, chosen: &str) -> Vec<Choice> {
    let editions = site.editions.iter();
    let mut choices = id_choices(
        "",
        editions.map(|e| (e.edition.id, e.edition.name.clone())),
        chosen,
    );
    choices.remove(0);
    choices
}

/// `GET /admin/newsdesks`.
pub async fn list_news_desks(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    desks_page(&state, &user, ("", ""), None, query.notice.as_deref()).await
}

/// A desk's page, its name field holding `name` (the stored one when `None`).
pub(super) async fn desk_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    name: Option<&str>,
    error: Option<String>,
    notice: Option<&str>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageUsers)?;
    let desk = news_desk(state.store.as_ref(), user.actor, id).await?;
    let users = state.store.users().await?;
    let site = state.site();
    let edition = site.edition(desk.edition_id).ok_or(AppError::NotFound)?;
    let page = DeskPage {
        chrome: AdminChrome::new(state, user, AREA).with_notice(notice),
        id,
        name: name.unwrap_or(&desk.name).into(),
        edition: edition.edition.name.clone(),
        sections: edition
            .sections
            .iter()
            .map(|section| Tick {
                value: section.id,
                label: trail(edition, section.id),
                detail: String::new(),
                checked: desk.section_ids.contains(&section.id),
            })
            .collect(),
        members: member_ticks(users, &desk),
        title: desk.name,
        error,
    };
    Ok(Html(state.theme.render("admin/news_desk.html", &page)?))
}

/// Every account that may join (disabled ones only while they are members).
fn member_ticks(users: Vec<User>, desk: &NewsDesk) -> Vec<Tick> {
    users
        .into_iter()
        .filter(|u| !u.disabled || desk.member_ids.contains(&u.id))
        .map(|u| Tick {
            checked: desk.member_ids.contains(&u.id),
            value: u.id,
            detail: u.email,
            label: u.name,
        })
        .collect()
}

/// `GET /admin/newsdesks/{id}`.
pub async fn show_news_desk(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    desk_page(&state, &user, id, None, None, query.notice.as_deref()).await
}

#[derive(Serialize)]
struct DeletePage {
    chrome: AdminChrome,
    id: i64,
    name: String,
}

/// `GET /admin/newsdesks/{id}/delete`: asks before deleting.
pub async fn confirm_delete_news_desk(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let desk = news_desk(state.store.as_ref(), user.actor, id).await?;
    let page = DeletePage {
        chrome: AdminChrome::new(&state, &user, AREA),
        id,
        name: desk.name,
    };
    Ok(Html(
        state.theme.render("admin/news_desk_delete.html", &page)?,
    ))
}
