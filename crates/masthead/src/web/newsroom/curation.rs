//! What the curation pages (sections, menus, topics, keywords, fronts, breaking news)
//! share: the edition they work on, the edition tabs, section choices, and how a finished
//! action answers.

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::Section;

use crate::service::error::{ServiceError, ServiceResult};
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::newsroom::session::CurrentUser;
use crate::web::state::AppState;

/// The query every curation page and form action carries.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditionQuery {
    /// The edition worked on; the default edition when absent.
    pub edition: Option<i64>,
    /// A notice code after a redirect.
    pub notice: Option<String>,
}

/// One tab of the edition switcher.
#[derive(Debug, Serialize)]
pub struct EditionTab {
    /// Edition name.
    pub name: String,
    /// The page for that edition.
    pub url: String,
    /// Whether it is the one shown.
    pub current: bool,
}

/// One option of a select.
#[derive(Debug, Serialize)]
pub struct Choice {
    /// The submitted value.
    pub value: String,
    /// What it shows.
    pub label: String,
    /// Whether it is selected.
    pub selected: bool,
}

/// The options of a select of ids: `none` (an empty value) first, then each `(id, label)`;
/// the one whose id is `selected` (a form value) is selected.
pub fn id_choices(
    none: &str,
    items: impl IntoIterator<Item = (i64, String)>,
    selected: &str,
) -> Vec<Choice> {
    let selected = selected.trim();
    let mut choices = vec![Choice {
        value: String::new(),
        label: none.into(),
        selected: selected.is_empty(),
    }];
    choices.extend(items.into_iter().map(|(id, label)| Choice {
        selected: id.to_string() == selected,
        value: id.to_string(),
        label,
    }));
    choices
}

/// The edition a request works on: the one asked for, or the default one.
pub fn picked_edition(site: &Site, id: Option<i64>) -> Result<&EditionSite, AppError> {
    match id {
        Some(id) => site.edition(id).ok_or(AppError::NotFound),
        None => site.editions.first().ok_or(AppError::NotFound),
    }
}

/// Tabs linking a page (`base`, e.g. "/admin/sections") for every edition.
pub fn edition_tabs(site: &Site, current: i64, base: &str) -> Vec<EditionTab> {
    site.editions
        .iter()
        .map(|edition| EditionTab {
            name: edition.edition.name.clone(),
            url: format!("{base}?edition={}", edition.edition.id),
            current: edition.edition.id == current,
        })
        .collect()
}

/// Sections in tree order with their depth (0 for a top section).
pub fn tree_order(sections: &[Section]) -> Vec<(&Section, usize)> {
    fn walk<'a>(
        sections: &'a [Section],
        parent: Option<i64>,
        depth: usize,
        out: &mut Vec<(&'a Section, usize)>,
    ) {
        if depth > 8 {
            return;
        }
        for section in sections.iter().filter(|s| s.parent_id == parent) {
            out.push((section, depth));
            walk(sections, Some(section.id), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(sections, None, 0, &mut out);
    out
}

/// Parent choices for a section form: `top_level` ("(top level)" in the interface's
/// words) and every section but `exclude` and what lies under it, indented by depth.
pub fn parent_choices(
    sections: &[Section],
    exclude: Option<i64>,
    selected: Option<i64>,
    top_level: &str,
) -> Vec<Choice> {
    let mut choices = vec![Choice {
        value: String::new(),
        label: top_level.into(),
        selected: selected.is_none(),
    }];
    let mut skipping: Option<usize> = None;
    for (section, depth) in tree_order(sections) {
        if skipping.is_some_and(|skip_depth| depth > skip_depth) {
            continue;
        }
        skipping = None;
        if Some(section.id) == exclude {
            skipping = Some(depth);
            continue;
        }
        choices.push(Choice {
            value: section.id.to_string(),
            label: format!("{}{}", "— ".repeat(depth), section.name),
            selected: Some(section.id) == selected,
        });
    }
    choices
}

/// Answers a finished action: after a write, wakes the change follower (so readers see
/// it at once) and goes to `done`; bad input or a clash shows the page again with its
/// refusal in the account's words (422); any other refusal is an error page.
pub async fn answer<F, Fut>(
    state: &AppState,
    user: &CurrentUser,
    result: ServiceResult<()>,
    done: &str,
    again: F,
) -> Result<Response, AppError>
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = Result<Html<String>, AppError>>,
{
    match result {
        Ok(()) => {
            state.changed();
            Ok(Redirect::to(done).into_response())
        }
        Err(ServiceError::Invalid(refusal) | ServiceError::Conflict(refusal)) => {
            let page = again(refusal.words(&user.user.language)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
