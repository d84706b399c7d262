//! The newsroom's story lists: the dashboard's blocks and the filtered story list (searched
//! through the search index), each limited to what the account may see.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use search::Language;
use store::*;

use crate::domain::permission::{Action, allows};
use crate::service::actor::Actor;
use crate::service::error::ServiceResult;
use crate::service::news_desk::{ReviewScope, dashboard_review_scope};
use crate::service::search::SearchService;

/// How late a scheduled story may be before the dashboard raises the alarm.
const MISSED_AFTER: SignedDuration = SignedDuration::from_mins(1);
/// Stories per dashboard block.
const BLOCK: u32 = 10;
/// Most search matches the story list dates when it filters words by date (a search
/// ranks at most this many).
const DATED_MATCHES: u32 = 1_000;

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
    /// The stories saved most often since the start of the newsroom's day.
    pub most_changed: Vec<StorySummary>,
    /// The desks the review block keeps to.
    pub review_scope: ReviewScope,
}

/// Only the account's own stories unless it may edit any.
pub fn visible_owner(actor: Actor) -> Option<i64> {
    (!allows(actor.role, Action::EditAnyStory)).then_some(actor.id)
}

/// Builds the dashboard for an account; `zone` says when its day began. Its review block
/// keeps to a reviewer's desks.
pub async fn dashboard(
    store: &dyn Store,
    actor: Actor,
    zone: &TimeZone,
) -> ServiceResult<Dashboard> {
    let review_scope = dashboard_review_scope(store, actor).await?;
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
    let now = Timestamp::now();
    let today = now
        .to_zoned_datetime(zone.clone())
        .start_of_day()
        .map_or(now, |start| start.timestamp());
    let queries = [
        list(Some(actor.id), vec![StoryStatus::Draft]),
        StoryListQuery {
            primary_section_ids: review_scope.sections.clone(),
            ..list(owner, vec![StoryStatus::InReview])
        },
        StoryListQuery {
            order: StoryOrder::SoonestDue,
            ..list(owner, vec![StoryStatus::Scheduled])
        },
        list(owner, vec![StoryStatus::Published]),
        StoryListQuery {
            order: StoryOrder::MostRevisedSince(today),
            ..list(owner, Vec::new())
        },
    ];
    let (drafts, in_review, scheduled, published, missed, most_changed) = tokio::try_join!(
        store.story_summaries(&queries[0]),
        store.story_summaries(&queries[1]),
        store.story_summaries(&queries[2]),
        store.story_summaries(&queries[3]),
        store.story_summaries(&missed),
        store.story_summaries(&queries[4]),
    )?;
    Ok(Dashboard {
        drafts,
        in_review,
        scheduled,
        published,
        missed,
        most_changed,
        review_scope,
    })
}

/// The story list's filters: a search through the index (drafts included), or every
/// story last saved first.
#[derive(Clone, Debug, Default)]
pub struct StoryListAsk<'a> {
    /// Words to search for; blank lists every story.
    pub text: &'a str,
    /// Whether the last word is still being typed (a type-ahead field): it also finds the
    /// words it begins.
    pub typing: bool,
    /// Only stories in these states (all when empty).
    pub statuses: Vec<StoryStatus>,
    /// Only this edition's (and its language reads the words).
    pub edition: Option<(i64, Language)>,
    /// Only this section's.
    pub section_id: Option<i64>,
    /// Only this account's.
    pub owner_id: Option<i64>,
    /// Only stories whose primary section is one of these (a newsroom desk's).
    pub primary_section_ids: Option<Vec<i64>>,
    /// Only stories dated at or after this (publication, else last save).
    pub dated_from: Option<Timestamp>,
    /// Only stories dated before this.
    pub dated_before: Option<Timestamp>,
    /// At most this many.
    pub limit: u32,
    /// Skip this many.
    pub offset: u32,
}

/// The stories of the newsroom's list that the account may see: with words, the
/// search index's best matches first; without, the last saved first.
pub async fn story_list(
    store: &dyn Store,
    search: &SearchService,
    actor: Actor,
    ask: &StoryListAsk<'_>,
) -> ServiceResult<Vec<StorySummary>> {
    let owner_id = match (visible_owner(actor), ask.owner_id) {
        (Some(me), Some(asked)) if me != asked => return Ok(Vec::new()),
        (visible, asked) => visible.or(asked),
    };
    let mut query = StoryListQuery {
        owner_id,
        statuses: ask.statuses.clone(),
        edition_id: ask.edition.map(|(id, _)| id),
        section_id: ask.section_id,
        primary_section_ids: ask.primary_section_ids.clone(),
        dated_from: ask.dated_from,
        dated_before: ask.dated_before,
        limit: ask.limit,
        offset: ask.offset,
        ..StoryListQuery::default()
    };
    if !ask.text.trim().is_empty() {
        let language = ask
            .edition
            .map_or_else(|| Language::of_text(ask.text), |(_, language)| language);
        let filter = SearchFilter {
            edition_id: query.edition_id,
            statuses: query.statuses.clone(),
            owner_id: query.owner_id,
            section_id: query.section_id,
            ..SearchFilter::default()
        };
        // The index does not know a story's newsroom date nor its desk: with dates or a
        // desk, every match (up to the search's own cap) is filtered by the store and the
        // page is cut here, in rank order, so no page comes out short while later ones
        // hold matches.
        let dated = query.dated_from.is_some()
            || query.dated_before.is_some()
            || query.primary_section_ids.is_some();
        let (limit, offset) = if dated {
            (DATED_MATCHES, 0)
        } else {
            (ask.limit, ask.offset)
        };
        let ids = search
            .story_ids(
                store,
                &search.query(ask.text, language, ask.typing),
                filter,
                limit,
                offset,
            )
            .await?;
        query.ids = Some(ids);
        (query.limit, query.offset) = (limit, 0);
        if dated {
            let matches = store.story_summaries(&query).await?;
            let page = matches.into_iter().skip(ask.offset as usize);
            return Ok(page.take(ask.limit as usize).collect());
        }
    }
    Ok(store.story_summaries(&query).await?)
}
