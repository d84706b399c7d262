//! Queries for lists of stories and the pages they come back in.

use crate::ids::StoryId;
use crate::kinds::StoryKind;

/// Which published stories a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryFilter {
    /// Every published story of the edition except static pages.
    All,
    /// Stories in a section, its subsections, or listing it as a secondary section.
    Section(i64),
    /// Stories with a curated topic.
    Topic(i64),
    /// Stories with a keyword.
    Keyword(i64),
    /// Stories credited to a staff author.
    Author(i64),
    /// Stories of one kind (galleries, videos, opinion).
    Kind(StoryKind),
}

/// A page of a story list, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryQuery {
    /// The edition to list.
    pub edition_id: i64,
    /// Which stories.
    pub filter: StoryFilter,
    /// Only stories with a hero image.
    pub with_image: bool,
    /// Story ids to leave out (already shown elsewhere on the page).
    pub exclude: Vec<i64>,
    /// At most this many.
    pub limit: u32,
    /// Skip this many.
    pub offset: u32,
    /// Start next to a story instead of at the newest.
    pub cursor: Option<Cursor>,
}

impl StoryQuery {
    /// The newest `limit` stories of an edition matching `filter`.
    pub fn latest(edition_id: i64, filter: StoryFilter, limit: u32) -> StoryQuery {
        StoryQuery {
            edition_id,
            filter,
            with_image: false,
            exclude: Vec::new(),
            limit,
            offset: 0,
            cursor: None,
        }
    }
}

/// Where a page of a list starts, so that the same address always lists the same
/// stories however many are published after it (keyset paging).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// The stories listed after this one: older.
    Before(StoryId),
    /// The stories listed just before this one: newer (still returned newest first).
    After(StoryId),
}
