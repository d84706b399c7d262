//! Records of front curation and taxonomy upkeep: pins, the breaking-news bar, the old
//! paths of moved sections, and the changes the newsroom makes to sections and menus.

use jiff::Timestamp;
use serde::Serialize;

use crate::kinds::MenuKind;
use crate::model::Keyword;

/// The front id of an edition's home front; a section front's id is its section's id.
pub const HOME_FRONT: i64 = 0;

/// A story an editor put in one place of a front.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct FrontPin {
    /// [`HOME_FRONT`] or a section id.
    pub front_id: i64,
    /// `lead`, `top`, or `section:{id}` for a section's block on the home front.
    pub slot: String,
    /// Place in the slot, from 1 (the lead has only 1).
    pub position: i64,
    /// The pinned story.
    pub story_id: i64,
}

/// The breaking-news bar of an edition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct BreakingNews {
    /// The edition it shows on.
    pub edition_id: i64,
    /// What it says.
    pub text: String,
    /// Where it links (a site path or an http(s) URL); empty for no link.
    pub url: String,
    /// When it stops showing, UTC.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub expires_at: Timestamp,
}

/// A path a section used to have (without the edition prefix, e.g. `/world/europe`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct SectionAlias {
    /// The old path.
    pub path: String,
    /// The section that lived there.
    pub section_id: i64,
}

/// New values for a section: its name, slug, description and place in the tree.
#[derive(Clone, Debug)]
pub struct SectionChanges {
    /// The section.
    pub id: i64,
    /// Its edition (a change never moves a section across editions).
    pub edition_id: i64,
    /// New parent; none for a top section.
    pub parent_id: Option<i64>,
    /// New URL segment.
    pub slug: String,
    /// New display name.
    pub name: String,
    /// New description.
    pub description: String,
}

/// Where one menu entry goes when a menu is rearranged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MenuPlace {
    /// The entry.
    pub id: i64,
    /// The entry it nests under, if any.
    pub parent_id: Option<i64>,
    /// Its order among its siblings.
    pub position: i64,
}

/// A whole menu in its new order, written at once.
#[derive(Clone, Debug)]
pub struct MenuArrangement {
    /// The edition.
    pub edition_id: i64,
    /// Which menu.
    pub menu: MenuKind,
    /// Every entry of the menu with its new place.
    pub places: Vec<MenuPlace>,
}

/// A keyword with how many stories (in any state) carry it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeywordCount {
    /// The keyword.
    pub keyword: Keyword,
    /// Stories carrying it.
    pub stories: u64,
}

/// A page of an edition's keywords, optionally matching a search.
#[derive(Clone, Debug, Default)]
pub struct KeywordQuery {
    /// The edition.
    pub edition_id: i64,
    /// Part of the name or slug; empty for all.
    pub search: String,
    /// At most this many.
    pub limit: u32,
    /// Skip this many.
    pub offset: u32,
}
