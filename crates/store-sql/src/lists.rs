//! The `story_lists` rows: each published story's place in the lists readers page
//! through (sections, topics, keywords, authors), kept in the order lists are read so
//! that a page of any list is one index range, whatever the archive's size.
//!
//! Every write that changes what a story is listed under, or whether it is listed at all,
//! rewrites the rows of the stories it touched with [`relist`].

use store::{StoreResult, StoryFilter};

use crate::db::{Db, Dialect};
use crate::query::Value;
use crate::{Tx, sql};

/// The stories whose list rows to rewrite.
#[derive(Clone, Copy, Debug)]
pub enum Relist {
    /// One story.
    Story(i64),
    /// The stories with ids from the first to the second, both included.
    Ids(i64, i64),
    /// The stories whose own section is this one (its parent changed).
    InSection(i64),
    /// The stories with this keyword (keywords were merged into it).
    WithKeyword(i64),
    /// The stories that credit this author (authors were merged into them).
    WithAuthor(i64),
}

impl Relist {
    /// The condition on `s` (a story) and its arguments, from `$1`.
    fn condition(self) -> (&'static str, Vec<Value>) {
        match self {
            Relist::Story(id) => ("s.id = $1", vec![Value::from(id)]),
            Relist::Ids(from, to) => (
                "s.id BETWEEN $1 AND $2",
                vec![Value::from(from), Value::from(to)],
            ),
            Relist::InSection(id) => ("s.section_id = $1", vec![Value::from(id)]),
            Relist::WithKeyword(id) => (
                "s.id IN (SELECT story_id FROM story_keywords WHERE keyword_id = $1)",
                vec![Value::from(id)],
            ),
            Relist::WithAuthor(id) => (
                "s.id IN (SELECT story_id FROM story_credits WHERE author_id = $1)",
                vec![Value::from(id)],
            ),
        }
    }
}

/// The list a filter reads, as `story_lists.list_kind`; `None` for the filters that read
/// the stories table itself (an edition's latest, a kind of story).
pub fn list_kind(filter: StoryFilter) -> Option<i64> {
    match filter {
        StoryFilter::Section(_) => Some(1),
        StoryFilter::Topic(_) => Some(2),
        StoryFilter::Keyword(_) => Some(3),
        StoryFilter::Author(_) => Some(4),
        StoryFilter::All | StoryFilter::Kind(_) => None,
    }
}

/// `(list_kind, list_id, FROM … WHERE …)` of each way a story is listed.
const MEMBERSHIPS: [(&str, &str); 6] = [
    (
        "1, s.section_id",
        "stories s WHERE s.section_id IS NOT NULL",
    ),
    (
        "1, c.parent_id",
        "stories s JOIN sections c ON c.id = s.section_id WHERE c.parent_id IS NOT NULL",
    ),
    (
        "1, x.section_id",
        "stories s JOIN story_sections x ON x.story_id = s.id WHERE TRUE",
    ),
    (
        "2, x.topic_id",
        "stories s JOIN story_topics x ON x.story_id = s.id WHERE TRUE",
    ),
    (
        "3, x.keyword_id",
        "stories s JOIN story_keywords x ON x.story_id = s.id WHERE TRUE",
    ),
    (
        "4, x.author_id",
        "stories s JOIN story_credits x ON x.story_id = s.id WHERE x.author_id IS NOT NULL",
    ),
];

/// Rewrites the list rows of some stories from what they are now: none for a story that
/// is not published, or is a static page.
pub async fn relist<D: Dialect>(tx: &mut Tx<D>, stories: Relist) -> StoreResult<()> {
    let (condition, args) = stories.condition();
    let mut delete = sql!(format!(
        "DELETE FROM story_lists WHERE story_id IN (SELECT s.id FROM stories s WHERE {condition})"
    ));
    delete.args.clone_from(&args);
    tx.execute(delete).await?;
    let selects: Vec<String> = MEMBERSHIPS
        .iter()
        .map(|(list, from)| {
            format!(
                "SELECT {list}, s.edition_id, s.published_at, s.id FROM {from} \
                 AND {condition} AND s.status = 'published' AND s.kind <> 'page' \
                 AND s.published_at IS NOT NULL"
            )
        })
        .collect();
    let mut insert = sql!(format!(
        "INSERT INTO story_lists (list_kind, list_id, edition_id, published_at, story_id) {}",
        selects.join(" UNION ")
    ));
    insert.args = args;
    tx.execute(insert).await?;
    Ok(())
}
