//! Reads of published stories: by path, by short code, by redirect, and in lists.

use async_trait::async_trait;
use store::*;

use crate::db::{Db, Dialect};
use crate::lists::list_kind;
use crate::query::Value;
use crate::rows::*;
use crate::select::story_select;
use crate::{SqlStore, sql};

/// The WHERE clause of a list read from the stories table; `$1` is the edition, `$3` the
/// ids to leave out.
fn stories_clause<D: Dialect>(query: &StoryQuery) -> String {
    let mut clause = format!(
        "s.edition_id = $1 AND s.status = 'published' AND s.kind <> 'page' AND NOT ({})",
        D::in_list("s.id", 3)
    );
    if let StoryFilter::Kind(kind) = query.filter {
        // The kind is one of our own constants, never reader input.
        clause.push_str(&format!(" AND s.kind = '{}'", kind.as_str()));
    }
    if query.with_image {
        clause.push_str(" AND s.hero_image_id IS NOT NULL");
    }
    clause
}

/// Topics and keywords of a story whose lists [`StoryReads::similar_teasers`] reads.
const SIMILAR_LISTS: usize = 8;
/// Stories it reads from each of those lists.
const SIMILAR_CANDIDATES: u32 = 60;

fn filter_value(filter: StoryFilter) -> i64 {
    match filter {
        StoryFilter::Section(id)
        | StoryFilter::Topic(id)
        | StoryFilter::Keyword(id)
        | StoryFilter::Author(id) => id,
        StoryFilter::All | StoryFilter::Kind(_) => 0,
    }
}

/// `(direction, comparison)` of a page's order: newest first, or from the cursor up.
fn order(cursor: Option<Cursor>) -> (&'static str, &'static str) {
    match cursor {
        Some(Cursor::After(_)) => ("ASC", ">"),
        _ => ("DESC", "<"),
    }
}

/// The statement of [`StoryReads::teasers`]: `$1` the edition, `$2` the filter's id, `$3`
/// the ids to leave out, `$4` the limit, `$5` the offset and `$6` the cursor's story.
fn teasers_sql<D: Dialect>(query: &StoryQuery) -> String {
    let (direction, comparison) = order(query.cursor);
    let cursor = |published: &str, id: &str| match query.cursor {
        Some(_) => format!(
            " AND ({published}, {id}) {comparison} \
             (SELECT published_at, id FROM stories WHERE id = $6)"
        ),
        None => String::new(),
    };
    let Some(kind) = list_kind(query.filter) else {
        return format!(
            "SELECT {TEASER_COLUMNS} FROM stories s WHERE {}{} \
             ORDER BY s.published_at {direction} NULLS LAST, s.id {direction} LIMIT $4 OFFSET $5",
            stories_clause::<D>(query),
            cursor("s.published_at", "s.id"),
        );
    };
    // The page's ids come from the list's index alone (skipping is cheap there), then the
    // stories are read by id (CROSS JOIN keeps SQLite to that order).
    let image = match query.with_image {
        true => " AND story_id IN (SELECT id FROM stories WHERE hero_image_id IS NOT NULL)",
        false => "",
    };
    format!(
        "SELECT {TEASER_COLUMNS} FROM ( \
           SELECT story_id, published_at FROM story_lists \
           WHERE list_kind = {kind} AND list_id = $2 AND edition_id = $1 AND NOT ({}){image}{} \
           ORDER BY published_at {direction}, story_id {direction} LIMIT $4 OFFSET $5 \
         ) l CROSS JOIN stories s WHERE s.id = l.story_id AND s.status = 'published' \
         ORDER BY l.published_at {direction}, l.story_id {direction}",
        D::in_list("story_id", 3),
        cursor("published_at", "story_id"),
    )
}

#[async_trait]
impl<D: Dialect> StoryReads for SqlStore<D> {
    async fn published_story(
        &self,
        edition_id: i64,
        section_id: Option<i64>,
        slug: &str,
    ) -> StoreResult<Option<Story>> {
        let sql = format!(
            "{} WHERE s.edition_id = $1 AND COALESCE(s.section_id, 0) = $2 \
             AND s.slug = $3 AND s.status = 'published'",
            story_select::<D>()
        );
        let row = self
            .db()
            .fetch_optional::<StoryRow>(sql!(
                sql,
                edition_id,
                // Matches the expression of the story_slug_key index; static pages have no
                // section.
                section_id.unwrap_or(0),
                slug
            ))
            .await?;
        row.map(Story::try_from).transpose()
    }

    async fn published_teaser_by_code(&self, code: &str) -> StoreResult<Option<Teaser>> {
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM stories s \
             WHERE s.short_code = $1 AND s.status = 'published'"
        );
        self.db().fetch_optional(sql!(sql, code)).await
    }

    async fn redirect_target(&self, edition_id: i64, path: &str) -> StoreResult<Option<Teaser>> {
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM redirects r JOIN stories s ON s.id = r.story_id \
             WHERE r.edition_id = $1 AND r.path = $2 AND s.status = 'published'"
        );
        self.db().fetch_optional(sql!(sql, edition_id, path)).await
    }

    async fn teasers(&self, query: &StoryQuery) -> StoreResult<Vec<Teaser>> {
        let mut select = sql!(
            teasers_sql::<D>(query),
            query.edition_id,
            filter_value(query.filter),
            &query.exclude,
            query.limit,
            query.offset
        );
        if let Some(Cursor::Before(story) | Cursor::After(story)) = query.cursor {
            select.args.push(Value::from(story));
        }
        let mut teasers: Vec<Teaser> = self.db().fetch_all(select).await?;
        if matches!(query.cursor, Some(Cursor::After(_))) {
            teasers.reverse();
        }
        Ok(teasers)
    }

    async fn teasers_by_ids(&self, ids: &[i64]) -> StoreResult<Vec<Teaser>> {
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM stories s \
             WHERE {} AND s.status = 'published'",
            D::in_list("s.id", 1)
        );
        self.by_ids(ids, sql, |teaser: &Teaser| teaser.id).await
    }

    async fn similar_teasers(&self, story: &Story, limit: u32) -> StoreResult<Vec<Teaser>> {
        // A shared curated topic weighs three times a shared free keyword. The candidates
        // are the latest stories of each topic and keyword up to this story's time: a
        // fixed amount of work however long those lists grow, and picks that stay the
        // same as later stories are published.
        let up_to = story.published_at.map_or(i64::MAX, |at| at.as_second());
        let mut select = sql!("", story.edition_id, up_to, story.id, limit);
        let mut arms = Vec::new();
        let lists = [(2, 3, &story.topic_ids), (3, 1, &story.keyword_ids)];
        for (kind, weight, ids) in lists {
            for id in ids.iter().take(SIMILAR_LISTS) {
                select.args.push(Value::from(*id));
                arms.push(format!(
                    "SELECT story_id, {weight} AS weight FROM ( \
                       SELECT story_id FROM story_lists WHERE list_kind = {kind} \
                       AND list_id = ${} AND edition_id = $1 AND published_at <= $2 \
                       ORDER BY published_at DESC, story_id DESC LIMIT {SIMILAR_CANDIDATES} \
                     ) c{}",
                    select.args.len(),
                    arms.len()
                ));
            }
        }
        if arms.is_empty() {
            return Ok(Vec::new());
        }
        // CROSS JOIN: SQLite reads the few candidates first, then their stories by id
        // (left to choose, it may walk every story instead).
        select.sql = format!(
            "SELECT {TEASER_COLUMNS} FROM ( \
               SELECT story_id, SUM(weight) AS score FROM ({}) w GROUP BY story_id \
             ) m CROSS JOIN stories s \
             WHERE s.id = m.story_id AND s.status = 'published' AND s.id <> $3 \
             ORDER BY m.score DESC, s.published_at DESC, s.id DESC LIMIT $4",
            arms.join(" UNION ALL ")
        )
        .into();
        self.db().fetch_all(select).await
    }
}
