//! The newsroom's story lists: the dashboard's blocks and the filtered story list, each
//! limited to what the account may see.

use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::domain::permission::{Action, allows};
use crate::service::actor::Actor;
use crate::service::error::ServiceResult;

/// How late a scheduled story may be before the dashboard raises the alarm.
const MISSED_AFTER: SignedDuration = SignedDuration::from_mins(1);
/// Stories per dashboard block.
const BLOCK: u32 = 10;

/// The dashboard's blocks.
#[derive(Debug)]
pub struct Dashboard {
    /// The account's own drafts.
    pub drafts: Vec<StorySummary>,
    /// Stories waiting for an editor (their own, for writers).
    pub in_review: Vec<StorySummary>,
    /// Stories due to publish.
    pub scheduled: Vec<StorySummary>,
    /// Recently published.
    pub published: Vec<StorySummary>,
    /// Scheduled stories whose time passed without publishing.
    pub missed: Vec<StorySummary>,
}

/// Only the account's own stories unless it may edit any.
pub fn visible_owner(actor: Actor) -> Option<i64> {
    (!allows(actor.role, Action::EditAnyStory)).then_some(actor.id)
}

/// Builds the dashboard for an account.
pub async fn dashboard(store: &dyn Store, actor: Actor) -> ServiceResult<Dashboard> {
    let owner = visible_owner(actor);
    let list = |owner_id: Option<i64>, statuses: Vec<StoryStatus>| StoryListQuery {
        owner_id,
        statuses,
        limit: BLOCK,
        ..StoryListQuery::default()
    };
    let missed = StoryListQuery {
        due_before: Some(Timestamp::now() - MISSED_AFTER),
        ..list(owner, vec![StoryStatus::Scheduled])
    };
    let queries = [
        list(Some(actor.id), vec![StoryStatus::Draft]),
        list(owner, vec![StoryStatus::InReview]),
        list(owner, vec![StoryStatus::Scheduled]),
        list(owner, vec![StoryStatus::Published]),
    ];
    let (drafts, in_review, scheduled, published, missed) = tokio::try_join!(
        store.story_summaries(&queries[0]),
        store.story_summaries(&queries[1]),
        store.story_summaries(&queries[2]),
        store.story_summaries(&queries[3]),
        store.story_summaries(&missed),
    )?;
    Ok(Dashboard {
        drafts,
        in_review,
        scheduled,
        published,
        missed,
    })
}
