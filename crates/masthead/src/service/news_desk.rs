//! Newsroom desks' use cases: administrators create, rename and delete desks and set their
//! sections and members (each write audited, in the store's one transaction); the
//! newsroom reads an account's desks to narrow its review queue and to pick where its new
//! stories start.

use store::{Constraint, NEWS_DESK_NAME_KEY, NewsDesk, Store, StoreError};

use crate::domain::news_desk::{DeskProblem, StartingSection, review_sections, starting_section};
use crate::domain::permission::{Action, allows};
use crate::domain::refusal::Refusal;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult};
use crate::service::site::EditionSite;

/// A taken name as the form's refusal; anything else as it is.
fn taken(error: StoreError) -> ServiceError {
    match error.constraint() {
        Some(Constraint::Other(name)) if name == NEWS_DESK_NAME_KEY => {
            ServiceError::Conflict(Refusal::DeskNameTaken)
        }
        _ => error.into(),
    }
}

/// Every desk, for administrators.
pub async fn all_news_desks(store: &dyn Store, actor: Actor) -> ServiceResult<Vec<NewsDesk>> {
    actor.require(Action::ManageUsers)?;
    Ok(store.news_desks().await?)
}

/// One desk, for administrators.
pub async fn news_desk(store: &dyn Store, actor: Actor, id: i64) -> ServiceResult<NewsDesk> {
    actor.require(Action::ManageUsers)?;
    store.news_desk(id).await?.ok_or(ServiceError::NotFound)
}

/// Creates a desk named `name` (checked by `domain::news_desk::desk_name`) in an edition.
pub async fn create_news_desk(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    name: &str,
) -> ServiceResult<i64> {
    actor.require(Action::ManageUsers)?;
    let audit = actor.audit("news_desk.create", "news_desk", None, name.into());
    store
        .create_news_desk(edition_id, name, &audit)
        .await
        .map_err(taken)
}

/// Renames a desk.
pub async fn rename_news_desk(
    store: &dyn Store,
    actor: Actor,
    id: i64,
    name: &str,
) -> ServiceResult<()> {
    let old = news_desk(store, actor, id).await?;
    let detail = format!("{} → {name}", old.name);
    let audit = actor.audit("news_desk.rename", "news_desk", Some(id), detail);
    store
        .rename_news_desk(id, name, &audit)
        .await
        .map_err(taken)
}

/// What a desk's list holds: sections or members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskList {
    /// Its sections (of its edition).
    Sections,
    /// Its member accounts.
    Members,
}

/// Replaces a desk's sections or members; one that cannot be there refuses them all.
pub async fn set_news_desk_list(
    store: &dyn Store,
    actor: Actor,
    id: i64,
    list: DeskList,
    ids: &[i64],
) -> ServiceResult<()> {
    let desk = news_desk(store, actor, id).await?;
    let (action, joined) = (
        match list {
            DeskList::Sections => "news_desk.sections",
            DeskList::Members => "news_desk.members",
        },
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
    );
    let audit = actor.audit(
        action,
        "news_desk",
        Some(id),
        format!("{}: {joined}", desk.name),
    );
    let written = match list {
        DeskList::Sections => store.set_news_desk_sections(id, ids, &audit).await,
        DeskList::Members => store.set_news_desk_members(id, ids, &audit).await,
    };
    // The desk was there a moment ago: a miss now is a section or account sent.
    written.map_err(|error| match error {
        StoreError::NotFound => ServiceError::Invalid(Refusal::Desk(DeskProblem::BadChoice)),
        other => other.into(),
    })
}

/// Deletes a desk.
pub async fn delete_news_desk(store: &dyn Store, actor: Actor, id: i64) -> ServiceResult<()> {
    let desk = news_desk(store, actor, id).await?;
    let audit = actor.audit("news_desk.delete", "news_desk", Some(id), desk.name);
    Ok(store.delete_news_desk(id, &audit).await?)
}

/// An account's review queue: the sections it keeps to (`None`: all) and the names of the
/// desks they come from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewScope {
    /// The desks' sections, or `None` for an account on no desk.
    pub sections: Option<Vec<i64>>,
    /// The names of the account's desks.
    pub desks: Vec<String>,
}

/// The sections of the account's desks, which its review queue keeps to.
pub async fn my_review_scope(store: &dyn Store, actor: Actor) -> ServiceResult<ReviewScope> {
    let desks = store.account_news_desks(actor.id).await?;
    Ok(ReviewScope {
        sections: review_sections(&desks),
        desks: desks.into_iter().map(|desk| desk.name).collect(),
    })
}

/// The review queue the dashboard shows: narrowed to the account's desks when it is a
/// reviewer on one (writers keep seeing their own stories waiting, wherever they are).
pub async fn dashboard_review_scope(store: &dyn Store, actor: Actor) -> ServiceResult<ReviewScope> {
    if allows(actor.role, Action::EditAnyStory) {
        my_review_scope(store, actor).await
    } else {
        Ok(ReviewScope::default())
    }
}

/// The sections of one desk (an empty list when there is no such desk, so the list it
/// filters shows nothing, as an unknown section or author does).
pub async fn desk_sections(store: &dyn Store, id: i64) -> ServiceResult<Vec<i64>> {
    Ok(store
        .news_desk(id)
        .await?
        .map(|desk| desk.section_ids)
        .unwrap_or_default())
}

/// Where the account's new story in `edition` starts: its desk's first section there,
/// else the edition's first section in menu order.
pub async fn new_story_section(
    store: &dyn Store,
    actor: Actor,
    edition: &EditionSite,
) -> ServiceResult<Option<StartingSection>> {
    let desks = store.account_news_desks(actor.id).await?;
    let first = edition.top_sections().next().map(|section| section.id);
    Ok(starting_section(&desks, edition.edition.id, first))
}
