//! The newsroom desks, for administrators (`/admin/newsdesks`): the list with a form for a
//! new desk, a desk's page (name, sections, members, each saved by its own form), and a
//! delete step that asks first. Not the contact form's desks (`desks.rs`).

mod pages;
mod write;

pub use pages::{confirm_delete_news_desk, list_news_desks, show_news_desk};
pub use write::{
    add_news_desk, delete_news_desk, rename_news_desk, set_news_desk_members,
    set_news_desk_sections,
};

use crate::domain::i18n_newsroom::newsroom_strings;
use crate::domain::news_desk::StartingSection;
use crate::domain::permission::{Action, allows};
use crate::domain::story_filter::DeskFilter;
use crate::service::news_desk::{ReviewScope, desk_sections, my_review_scope};
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::newsroom::curation::Choice;
use crate::web::newsroom::session::CurrentUser;
use crate::web::state::AppState;

/// The navigation area the pages belong to.
const AREA: &str = "/admin/newsdesks";

/// A desk's page after a change.
fn desk_url(id: i64) -> String {
    format!("{AREA}/{id}?notice=saved")
}

/// What a review queue keeps to, for someone who reviews: their desks by name, or
/// everything they may review when they are on no desk.
pub fn review_note(user: &CurrentUser, scope: &ReviewScope) -> Option<String> {
    let t = newsroom_strings(&user.user.language).desks;
    if !allows(user.user.role, Action::EditAnyStory) {
        return None;
    }
    Some(match scope.sections {
        Some(_) => format!("{} {}", t.on_desks, scope.desks.join(", ")),
        None => t.on_no_desk.into(),
    })
}

/// The sections a story list's desk filter keeps to, and the note the list shows with
/// `desk=mine`.
pub async fn desk_scope(
    state: &AppState,
    user: &CurrentUser,
    filter: Option<DeskFilter>,
) -> Result<(Option<Vec<i64>>, Option<String>), AppError> {
    let store = state.store.as_ref();
    Ok(match filter {
        None => (None, None),
        Some(DeskFilter::Id(id)) => (Some(desk_sections(store, id).await?), None),
        Some(DeskFilter::Mine) => {
            let scope = my_review_scope(store, user.actor).await?;
            let note = review_note(user, &scope);
            (scope.sections, note)
        }
    })
}

/// The story list's desk choices: any, mine, then every desk with its edition.
pub async fn desk_choices(
    state: &AppState,
    site: &Site,
    user: &CurrentUser,
    chosen: Option<DeskFilter>,
) -> Result<Vec<Choice>, AppError> {
    let t = newsroom_strings(&user.user.language).desks;
    let mut choices = vec![Choice {
        value: "mine".into(),
        label: t.my_desks.into(),
        selected: chosen == Some(DeskFilter::Mine),
    }];
    for desk in state.store.news_desks().await? {
        let edition = site.edition(desk.edition_id);
        choices.push(Choice {
            value: desk.id.to_string(),
            label: format!(
                "{} — {}",
                edition.map_or("", |e| e.edition.name.as_str()),
                desk.name
            ),
            selected: chosen == Some(DeskFilter::Id(desk.id)),
        });
    }
    Ok(choices)
}

/// What the new-story form says of the section it picked.
pub fn starting_note(user: &CurrentUser, edition: &EditionSite, start: StartingSection) -> String {
    let t = newsroom_strings(&user.user.language).desks;
    let name = edition
        .section(start.id())
        .map_or("", |section| section.name.as_str());
    match start {
        StartingSection::Desk(_) => t.starts_on_desk,
        StartingSection::First(_) => t.starts_in_first,
    }
    .replace("{section}", name)
}
