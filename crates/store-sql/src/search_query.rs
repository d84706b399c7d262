//! Searches of the index: how many stories match (up to [`COUNT_LIMIT`] + 1), and a page
//! of them, best match or newest first.
//!
//! Best match first ranks in two tiers: first the stories whose headline, standfirst or
//! labels hold every included part (ranked by the backend's relevance over all their
//! fields), then those that say them only in their body. Each tier ranks only its latest
//! [`POOL`] stories (by id, the order stories were written), so a search costs about the
//! same however many stories say its words. Ranking every match (`bm25`, `ts_rank`) cost
//! about 1.5 µs a story on SQLite: 13 ms for a word 8,600 stories of 70,000 say, and 60 ms
//! for a city's name that 61,000 of 100,000 say (24,000 in their headline, standfirst or
//! labels).

use std::collections::HashMap;

use store::*;

use crate::db::{Db, Dialect};
use crate::query::Value;
use crate::sql;

/// The most matches of each tier ranked for a search: the latest written. Results are
/// counted and paged up to [`COUNT_LIMIT`], so every page still has its stories.
pub const POOL: u32 = COUNT_LIMIT as u32;

/// Which stories a match expression finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matching {
    /// Those with every included part and no excluded one.
    All,
    /// Those with any included part and no excluded one (related stories).
    Any,
    /// As `All`, with every included part in the headline, standfirst or labels: the
    /// fields that say what a story is about.
    About,
    /// As `All`, but not `About`: stories that say the parts only in their body.
    BodyOnly,
}

/// Newest first: stories never published (drafts) by their last change.
const NEWEST: &str = "COALESCE(s.published_at, s.updated_at) DESC, s.id DESC";

/// A search's count (up to [`COUNT_LIMIT`] + 1) and page of hits.
pub async fn run_search<D: Dialect, B: Db>(
    db: &mut B,
    request: &SearchRequest<'_>,
) -> StoreResult<SearchPage> {
    let matching = if request.any {
        Matching::Any
    } else {
        Matching::All
    };
    let (from, args) = matches::<D>(request, matching);
    let count: i64 = db
        .scalar(crate::Query {
            sql: format!(
                "SELECT COUNT(*) FROM (SELECT 1 {from} LIMIT {}) matches",
                COUNT_LIMIT + 1
            )
            .into(),
            args,
        })
        .await?;
    let ids = if request.limit == 0 || count == 0 {
        Vec::new()
    } else if request.order == SearchOrder::Relevance && !request.any {
        best_first::<D, B>(db, request).await?
    } else {
        let order = match request.order {
            SearchOrder::Relevance => format!("{} DESC, {NEWEST}", D::search_rank(1)),
            SearchOrder::Newest => NEWEST.to_string(),
        };
        ranked::<D, B>(
            db,
            request,
            matching,
            None,
            &order,
            request.limit,
            request.offset,
        )
        .await?
    };
    // The snippets' text is read for the page's stories alone, not carried through the
    // sort of every match.
    let mut plain: HashMap<i64, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        let rows: Vec<(i64, String)> = db
            .fetch_all(sql!(
                format!(
                    "SELECT story_id, plain FROM search_docs WHERE {}",
                    D::in_list("story_id", 1)
                ),
                &ids
            ))
            .await?;
        rows.into_iter().collect()
    };
    let hits = ids
        .into_iter()
        .map(|story_id| SearchHit {
            story_id,
            plain: plain.remove(&story_id).unwrap_or_default(),
        })
        .collect();
    Ok(SearchPage {
        total: u64::try_from(count).unwrap_or(0),
        hits,
    })
}

/// The page of a search best match first: the stories about its words, then those that
/// only say them (see the module's documentation).
async fn best_first<D: Dialect, B: Db>(
    db: &mut B,
    request: &SearchRequest<'_>,
) -> StoreResult<Vec<i64>> {
    let order = format!("{} DESC, {NEWEST}", D::search_rank(1));
    let (limit, offset) = (request.limit, request.offset);
    let floor = pool_floor::<D, B>(db, request, Matching::About).await?;
    let about = ranked::<D, B>(
        db,
        request,
        Matching::About,
        floor,
        &order,
        offset + limit,
        0,
    )
    .await?;
    let mut ids: Vec<i64> = about.iter().skip(offset as usize).copied().collect();
    if ids.len() < limit as usize {
        let skipped = u32::try_from(about.len()).unwrap_or(u32::MAX);
        let floor = pool_floor::<D, B>(db, request, Matching::BodyOnly).await?;
        let rest = limit - u32::try_from(ids.len()).unwrap_or(limit);
        let body = ranked::<D, B>(
            db,
            request,
            Matching::BodyOnly,
            floor,
            &order,
            rest,
            offset.saturating_sub(skipped),
        )
        .await?;
        ids.extend(body);
    }
    Ok(ids)
}

/// The id of the [`POOL`]th latest story `matching` finds, if there are that many: the
/// ranking of those stories starts there.
async fn pool_floor<D: Dialect, B: Db>(
    db: &mut B,
    request: &SearchRequest<'_>,
    matching: Matching,
) -> StoreResult<Option<i64>> {
    let (from, args) = matches::<D>(request, matching);
    let floor: Option<(i64,)> = db
        .fetch_optional(crate::Query {
            sql: format!(
                "SELECT {id} {from} ORDER BY {id} DESC LIMIT 1 OFFSET {}",
                POOL - 1,
                id = D::SEARCH_ID
            )
            .into(),
            args,
        })
        .await?;
    Ok(floor.map(|(id,)| id))
}

/// The ids of the stories `matching` finds, from id `floor` up if given, in `order`.
async fn ranked<D: Dialect, B: Db>(
    db: &mut B,
    request: &SearchRequest<'_>,
    matching: Matching,
    floor: Option<i64>,
    order: &str,
    limit: u32,
    offset: u32,
) -> StoreResult<Vec<i64>> {
    let (mut from, mut args) = matches::<D>(request, matching);
    if let Some(floor) = floor {
        args.push(floor.into());
        from.push_str(&format!(" AND {} >= ${}", D::SEARCH_ID, args.len()));
    }
    args.push(limit.into());
    args.push(offset.into());
    let ids: Vec<(i64,)> = db
        .fetch_all(crate::Query {
            sql: format!(
                "SELECT s.id {from} ORDER BY {order} LIMIT ${} OFFSET ${}",
                args.len() - 1,
                args.len()
            )
            .into(),
            args,
        })
        .await?;
    Ok(ids.into_iter().map(|(id,)| id).collect())
}

/// The `FROM … WHERE …` of the stories `matching` finds within the request's filter, the
/// match expression bound first, then the filter's values.
fn matches<D: Dialect>(request: &SearchRequest<'_>, matching: Matching) -> (String, Vec<Value>) {
    let mut args = vec![Value::from(D::match_expression(request.query, matching))];
    let conditions = conditions::<D>(&request.filter, &mut args);
    (format!("{}{conditions}", D::search_from(1)), args)
}

/// The `AND …` conditions of a search's filter, their values appended to `args`.
fn conditions<D: Dialect>(filter: &SearchFilter, args: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    let mut add = |condition: &str, value: Value| {
        args.push(value);
        sql.push_str(" AND ");
        sql.push_str(&condition.replace("$n", &format!("${}", args.len())));
    };
    if let Some(edition_id) = filter.edition_id {
        add("s.edition_id = $n", edition_id.into());
    }
    if let Some(by) = filter.published_by {
        add("s.status = 'published' AND s.published_at <= $n", by.into());
    }
    if !filter.statuses.is_empty() {
        let statuses: Vec<String> = filter
            .statuses
            .iter()
            .map(|status| status.as_str().to_string())
            .collect();
        add(
            &D::in_list("s.status", 0).replace("$0", "$n"),
            statuses.into(),
        );
    }
    if let Some(owner_id) = filter.owner_id {
        add("s.owner_id = $n", owner_id.into());
    }
    if let Some(section_id) = filter.section_id {
        // As the section's page lists them: its own stories, its subsections', and those
        // listing it as another section.
        add(
            "(s.section_id = $n \
              OR s.section_id IN (SELECT c.id FROM sections c WHERE c.parent_id = $n) \
              OR EXISTS (SELECT 1 FROM story_sections ss \
               WHERE ss.story_id = s.id AND ss.section_id = $n))",
            section_id.into(),
        );
    }
    if let Some(kind) = filter.kind {
        add("s.kind = $n", kind.as_str().into());
    }
    if let Some(author_id) = filter.author_id {
        add(
            "EXISTS (SELECT 1 FROM story_credits c WHERE c.story_id = s.id AND c.author_id = $n)",
            author_id.into(),
        );
    }
    if let Some(from) = filter.from {
        add("s.published_at >= $n", from.into());
    }
    if let Some(until) = filter.until {
        add("s.published_at < $n", until.into());
    }
    if let Some(except) = filter.except {
        add("s.id <> $n", except.into());
    }
    if filter.stories_only {
        sql.push_str(" AND s.kind <> 'page'");
    }
    sql
}
