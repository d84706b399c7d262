//! Searches of the index: how many stories match (up to [`COUNT_LIMIT`] + 1), and a page
//! of them, best match or newest first.
//!
//! Best match first ranks in two tiers: first the stories whose headline, standfirst or
//! labels hold every included part (ranked by the backend's relevance over those fields
//! alone: matching the words in every field as well as in these, to count the body's
//! mentions too, cost a third more for a small gain in the labelled relevance set), then
//! those that say them only in their body (ranked over every field). Each tier ranks only its latest
//! [`POOL`] stories (by id, the order stories were written), so a search costs about the
//! same however many stories say its words. Ranking every match (`bm25`, `ts_rank`) cost
//! about 1.5 µs a story on SQLite: 13 ms for a word 8,600 stories of 70,000 say, and 60 ms
//! for a city's name that 61,000 of 100,000 say (24,000 in their headline, standfirst or
//! labels).
//!
//! Each tier is read from the index once (on PostgreSQL, whose index keeps no order, the
//! newest stories are tried first: see `Dialect::POOL_WINDOW`): one statement reads its
//! latest [`POOL`] matches in id order, ranks them and returns the page's rows with the
//! pool's size (a thousand rows through the driver cost more than the ranking saved). The
//! count comes from the pools: more than [`COUNT_LIMIT`] in the first tier, or the two
//! tiers' sizes when the second was read for the page; only a first tier that fills the
//! page with fewer matches needs every match counted apart. A search of a common word
//! reads its matches once, not three times (count, the pool's floor, the ranking), and a
//! phrase that only bodies say, twice, not five times.

use std::collections::HashMap;

use store::*;

use crate::db::{Db, Dialect};
use crate::query::Value;
use crate::sql;

/// The most matches of each tier ranked for a search: the latest written. Results are
/// counted and paged up to [`COUNT_LIMIT`], so every page still has its stories; one
/// more tells that there are more than that.
pub const POOL: u64 = COUNT_LIMIT + 1;

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
    let (count, ids) =
        if request.order == SearchOrder::Relevance && !request.any && request.limit > 0 {
            best_first::<D, B>(db, request).await?
        } else {
            listed::<D, B>(db, request).await?
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
    Ok(SearchPage { total: count, hits })
}

/// The count and page of a search newest first, of related stories (any part, best
/// first), or of a count alone (no page asked for).
async fn listed<D: Dialect, B: Db>(
    db: &mut B,
    request: &SearchRequest<'_>,
) -> StoreResult<(u64, Vec<i64>)> {
    let matching = if request.any {
        Matching::Any
    } else {
        Matching::All
    };
    let count = count::<D, B>(db, request, matching, COUNT_LIMIT + 1).await?;
    if request.limit == 0 || count == 0 {
        return Ok((count, Vec::new()));
    }
    let order = match request.order {
        SearchOrder::Relevance => format!("{} DESC, {NEWEST}", D::search_rank(1)),
        SearchOrder::Newest => NEWEST.to_string(),
    };
    let (from, mut args) = matches::<D>(request, matching, None);
    args.push(request.limit.into());
    args.push(request.offset.into());
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
    Ok((count, ids.into_iter().map(|(id,)| id).collect()))
}

/// How many stories `matching` finds, up to `limit`.
async fn count<D: Dialect, B: Db>(
    db: &mut B,
    request: &SearchRequest<'_>,
    matching: Matching,
    limit: u64,
) -> StoreResult<u64> {
    let (from, args) = matches::<D>(request, matching, None);
    let count: i64 = db
        .scalar(crate::Query {
            sql: format!("SELECT COUNT(*) FROM (SELECT 1 {from} LIMIT {limit}) matches").into(),
            args,
        })
        .await?;
    Ok(u64::try_from(count).unwrap_or(0))
}

/// The count and page of a search best match first: the stories about its words, then
/// those that only say them (see the module's documentation). Each tier is read once,
/// its pool ranked as it is read; the count comes from the tiers' pools where they hold
/// it, and is only counted apart (every match, both tiers at once) when the first tier
/// fills the page with fewer than [`COUNT_LIMIT`] + 1 matches.
async fn best_first<D: Dialect, B: Db>(
    db: &mut B,
    request: &SearchRequest<'_>,
) -> StoreResult<(u64, Vec<i64>)> {
    let (limit, offset) = (u64::from(request.limit), u64::from(request.offset));
    let over = COUNT_LIMIT + 1;
    let newest = match D::POOL_WINDOW {
        Some((newest, _)) => Some(db.scalar(sql!(newest)).await?),
        None => None,
    };
    let tier = |matching, offset, limit| Tier {
        request,
        matching,
        offset,
        limit,
        newest,
    };
    let (about_count, mut ids) = pool::<D, B>(db, &tier(Matching::About, offset, limit)).await?;
    let count = if (ids.len() as u64) < limit {
        let rest = limit - ids.len() as u64;
        let body_offset = offset.saturating_sub(about_count);
        let (body_count, body) =
            pool::<D, B>(db, &tier(Matching::BodyOnly, body_offset, rest)).await?;
        ids.extend(body);
        (about_count + body_count).min(over)
    } else if about_count >= over {
        over
    } else {
        // Every match is in one tier or the other: counting them all spares the body
        // tier's expression, which evaluates the about tier's again to leave it out.
        count::<D, B>(db, request, Matching::All, over).await?
    };
    Ok((count, ids))
}

/// A tier of a best-first search, and the page of it to read.
struct Tier<'a> {
    request: &'a SearchRequest<'a>,
    matching: Matching,
    offset: u64,
    limit: u64,
    /// The newest story's id, where the backend has a [`Dialect::POOL_WINDOW`]: read once
    /// for both tiers.
    newest: Option<i64>,
}

/// How many stories the tier's matching finds (up to [`POOL`]), and the ids of its page
/// best first, newest first among equals: the latest [`POOL`] matches read in the index's
/// own order, each ranked as the backend ranks it (see [`Dialect::pool_rank`]), then
/// placed. Only the page's rows (and the best one, which carries the count when the page
/// is past the pool) come back.
///
/// Where the backend has a [`Dialect::POOL_WINDOW`], the newest stories are searched
/// first: if they hold a whole pool, it is the same pool. If they hold fewer, the window
/// widens once by the share they held (and a fifth more), then to every story. A window
/// that would hold most of the ids is not tried: every story is read at once.
async fn pool<D: Dialect, B: Db>(db: &mut B, tier: &Tier<'_>) -> StoreResult<(u64, Vec<i64>)> {
    if let (Some(newest), Some((_, mut window))) = (tier.newest, D::POOL_WINDOW) {
        for _ in 0..2 {
            let after = newest.saturating_sub(window);
            if after < window {
                // The window holds most stories: trying it first would mostly read the
                // same matches twice.
                break;
            }
            let (found, page) = read_pool::<D, B>(db, tier, Some(after)).await?;
            if found >= POOL {
                return Ok((found, page));
            }
            // Fewer than a pool: as much further back as their share says, a fifth more.
            let wider = i64::try_from(POOL + POOL / 5).unwrap_or(i64::MAX);
            window = window.saturating_mul(wider) / i64::try_from(found.max(1)).unwrap_or(1);
        }
    }
    read_pool::<D, B>(db, tier, None).await
}

/// [`pool`]'s query, over the stories with ids past `after`, or over all.
async fn read_pool<D: Dialect, B: Db>(
    db: &mut B,
    tier: &Tier<'_>,
    after: Option<i64>,
) -> StoreResult<(u64, Vec<i64>)> {
    let Tier {
        request,
        matching,
        offset,
        limit,
        ..
    } = *tier;
    let (from, mut args) = matches::<D>(request, matching, after);
    let (source, relevance) = D::pool_rank(1, matching);
    args.push(i64::try_from(offset).unwrap_or(i64::MAX).into());
    args.push(i64::try_from(offset + limit).unwrap_or(i64::MAX).into());
    let rows: Vec<(i64, i64, i64)> = db
        .fetch_all(crate::Query {
            sql: format!(
                "SELECT id, place, found FROM (\
                   SELECT id, COUNT(*) OVER () AS found, ROW_NUMBER() OVER (\
                     ORDER BY relevance DESC, newest DESC, id DESC) AS place \
                   FROM (SELECT id, newest, {relevance} AS relevance FROM (\
                     SELECT s.id AS id, COALESCE(s.published_at, s.updated_at) AS newest\
                       {source} {from} ORDER BY {id} DESC LIMIT {POOL}) pool) pooled) placed \
                 WHERE place = 1 OR (place > ${} AND place <= ${}) ORDER BY place",
                args.len() - 1,
                args.len(),
                id = D::SEARCH_ID,
            )
            .into(),
            args,
        })
        .await?;
    let found = rows.first().map_or(0, |&(.., found)| found);
    let page = rows
        .into_iter()
        .filter(|&(_, place, _)| u64::try_from(place).unwrap_or(0) > offset)
        .map(|(id, ..)| id)
        .collect();
    Ok((u64::try_from(found).unwrap_or(0), page))
}

/// The `FROM … WHERE …` of the stories `matching` finds within the request's filter (and
/// with ids past `after`), the match expression bound first, then `after`, then the
/// filter's values.
fn matches<D: Dialect>(
    request: &SearchRequest<'_>,
    matching: Matching,
    after: Option<i64>,
) -> (String, Vec<Value>) {
    let mut args = vec![Value::from(D::match_expression(request.query, matching))];
    let after = after.map(|after| {
        args.push(after.into());
        args.len()
    });
    let conditions = conditions::<D>(&request.filter, &mut args);
    (
        format!(
            "{}{conditions}",
            D::search_from(1, request.query, matching, after)
        ),
        args,
    )
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
