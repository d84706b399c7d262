//! Menus, for editors: the header and footer menus of an edition, with forms to add a
//! section or a link, and buttons to move, nest and remove entries.

use std::sync::Arc;

use crate::web::newsroom::form::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::{Deserialize, Serialize};
use store::{MenuItem, MenuKind};

use crate::domain::permission::Action;
use crate::service::menu_edit::{
    EDITABLE_MENUS, MenuEntryInput, add_menu_entry, move_menu_entry, remove_menu_entry,
};
use crate::web::error::AppError;
use crate::web::newsroom::curation::{
    Choice, EditionTab, answer, edition_tabs, parent_choices, picked_edition,
};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// `?edition=&menu=` of every menu page and form.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MenuQuery {
    edition: Option<i64>,
    menu: Option<String>,
    notice: Option<String>,
}

impl MenuQuery {
    fn menu(&self) -> Result<MenuKind, AppError> {
        match self.menu.as_deref() {
            None => Ok(MenuKind::Header),
            Some(name) => MenuKind::parse(name)
                .filter(|menu| EDITABLE_MENUS.contains(menu))
                .ok_or(AppError::NotFound),
        }
    }
}

#[derive(Serialize)]
struct MenuRow {
    id: i64,
    label: String,
    target: String,
    nested: bool,
    first: bool,
    last: bool,
}

#[derive(Serialize)]
struct MenuTab {
    name: &'static str,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct MenusPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    menus: Vec<MenuTab>,
    action: String,
    rows: Vec<MenuRow>,
    sections: Vec<Choice>,
    error: Option<String>,
}

/// The rows of one menu, parents each followed by their entries.
fn menu_rows(
    items: &[MenuItem],
    site_path: impl Fn(i64) -> Option<(String, String)>,
) -> Vec<MenuRow> {
    let ordered = |parent: Option<i64>| {
        let mut found: Vec<&MenuItem> = items.iter().filter(|i| i.parent_id == parent).collect();
        found.sort_by_key(|item| (item.position, item.id));
        found
    };
    let row = |item: &MenuItem, index: usize, count: usize| {
        let section = item.section_id.and_then(&site_path);
        MenuRow {
            id: item.id,
            label: item
                .label
                .clone()
                .or_else(|| section.as_ref().map(|(name, _)| name.clone()))
                .unwrap_or_default(),
            target: section
                .map(|(_, path)| path)
                .or_else(|| item.url.clone())
                .unwrap_or_default(),
            nested: item.parent_id.is_some(),
            first: index == 0,
            last: index + 1 == count,
        }
    };
    let top = ordered(None);
    let mut rows = Vec::new();
    for (index, item) in top.iter().enumerate() {
        rows.push(row(item, index, top.len()));
        let children = ordered(Some(item.id));
        for (index, child) in children.iter().enumerate() {
            rows.push(row(child, index, children.len()));
        }
    }
    rows
}

async fn menus_page(
    state: &AppState,
    user: &CurrentUser,
    query: &MenuQuery,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let menu = query.menu()?;
    let edition_id = edition.edition.id;
    let (items, sections) = tokio::try_join!(
        state.store.menu_items(edition_id),
        state.store.sections(edition_id)
    )?;
    let items: Vec<MenuItem> = items.into_iter().filter(|i| i.menu == menu).collect();
    let site_path = |id: i64| {
        let section = edition.section(id)?;
        Some((section.name.clone(), edition.section_path(id)))
    };
    let page = MenusPage {
        chrome: AdminChrome::new(state, user, "/admin/menus").with_notice(query.notice.as_deref()),
        editions: edition_tabs(&site, edition_id, "/admin/menus"),
        menus: EDITABLE_MENUS
            .iter()
            .map(|kind| MenuTab {
                name: kind.as_str(),
                url: format!("/admin/menus?edition={edition_id}&menu={}", kind.as_str()),
                current: *kind == menu,
            })
            .collect(),
        action: format!("?edition={edition_id}&menu={}", menu.as_str()),
        rows: menu_rows(&items, site_path),
        // Menus take sections only, so the "(top level)" choice is dropped.
        sections: parent_choices(&sections, None, None, "")
            .into_iter()
            .skip(1)
            .collect(),
        error,
    };
    Ok(Html(state.theme.render("admin/menus.html", &page)?))
}

/// Where a menu form goes back to.
fn menu_url(query: &MenuQuery, edition_id: i64, notice: &str) -> Result<String, AppError> {
    let menu = query.menu()?.as_str();
    Ok(format!(
        "/admin/menus?edition={edition_id}&menu={menu}&notice={notice}"
    ))
}

/// `GET /admin/menus?edition=&menu=`.
pub async fn list_menus(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<MenuQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageTaxonomy)?;
    menus_page(&state, &user, &query, None).await
}

/// `POST /admin/menus?edition=&menu=`: adds a section entry or a link.
pub async fn add_menu_item(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<MenuQuery>,
    Form(input): Form<MenuEntryInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let store = state.store.as_ref();
    let added = add_menu_entry(store, user.actor, edition_id, query.menu()?, &input).await;
    let done = menu_url(&query, edition_id, "created")?;
    answer(&state, &user, added.map(drop), &done, |message| {
        menus_page(&state, &user, &query, Some(message))
    })
    .await
}

/// The move buttons.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct MenuMoveForm {
    direction: String,
}

/// `POST /admin/menus/{id}/move?edition=&menu=`: up, down, in (nest) or out.
pub async fn move_menu_item(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<MenuQuery>,
    Form(form): Form<MenuMoveForm>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let store = state.store.as_ref();
    let moved = move_menu_entry(store, user.actor, edition_id, id, &form.direction).await;
    let done = menu_url(&query, edition_id, "saved")?;
    answer(&state, &user, moved, &done, |message| {
        menus_page(&state, &user, &query, Some(message))
    })
    .await
}

/// `POST /admin/menus/{id}/remove?edition=&menu=`: removes an entry and its entries.
pub async fn remove_menu_item(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<MenuQuery>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let removed = remove_menu_entry(state.store.as_ref(), user.actor, edition_id, id).await;
    let done = menu_url(&query, edition_id, "deleted")?;
    answer(&state, &user, removed, &done, |message| {
        menus_page(&state, &user, &query, Some(message))
    })
    .await
}
