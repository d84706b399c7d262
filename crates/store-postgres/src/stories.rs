//! Reads of published stories: by path, by short code, by redirect, and in lists.

use async_trait::async_trait;
use sqlx::AssertSqlSafe;
use store::*;

use crate::read::in_order;
use crate::rows::*;
use crate::{PgStore, map_error};

type Result<T> = std::result::Result<T, StoreError>;

/// The WHERE clause of a list for each filter; `$1` is the edition, `$2` the filter's id.
fn filter_clause(filter: StoryFilter) -> String {
    let base = "s.edition_id = $1 AND s.status = 'published' AND s.kind <> 'page'";
    let extra = match filter {
        StoryFilter::All => String::new(),
        // Each arm can use an index, where one OR over the three would scan every story.
        StoryFilter::Section(_) => " AND s.id IN ( \
               SELECT id FROM stories WHERE section_id = $2 \
               UNION ALL SELECT st.id FROM stories st JOIN sections c ON c.id = st.section_id \
                 WHERE c.parent_id = $2 \
               UNION ALL SELECT story_id FROM story_sections WHERE section_id = $2)"
            .to_string(),
        StoryFilter::Topic(_) => {
            " AND s.id IN (SELECT story_id FROM story_topics WHERE topic_id = $2)".to_string()
        }
        StoryFilter::Keyword(_) => {
            " AND s.id IN (SELECT story_id FROM story_keywords WHERE keyword_id = $2)".to_string()
        }
        StoryFilter::Author(_) => {
            " AND s.id IN (SELECT story_id FROM story_credits WHERE author_id = $2)".to_string()
        }
        // The kind is one of our own constants, never reader input.
        StoryFilter::Kind(kind) => format!(" AND s.kind = '{}'", kind.as_str()),
    };
    format!("{base}{extra}")
}

/// The WHERE clause of a list query; `$3` is the array of ids to leave out.
fn list_clause(query: &StoryQuery) -> String {
    let mut clause = filter_clause(query.filter);
    clause.push_str(" AND s.id <> ALL($3)");
    if query.with_image {
        clause.push_str(" AND s.hero_image_id IS NOT NULL");
    }
    clause
}

fn filter_value(filter: StoryFilter) -> i64 {
    match filter {
        StoryFilter::Section(id)
        | StoryFilter::Topic(id)
        | StoryFilter::Keyword(id)
        | StoryFilter::Author(id) => id,
        StoryFilter::All | StoryFilter::Kind(_) => 0,
    }
}

#[async_trait]
impl StoryReads for PgStore {
    async fn published_story(
        &self,
        edition_id: i64,
        section_id: Option<i64>,
        slug: &str,
    ) -> Result<Option<Story>> {
        let sql = format!(
            "{STORY_SELECT} WHERE s.edition_id = $1 AND COALESCE(s.section_id, 0) = $2 \
             AND s.slug = $3 AND s.status = 'published'"
        );
        let row = sqlx::query_as::<_, StoryRow>(AssertSqlSafe(sql))
            .bind(edition_id)
            // Matches the expression of the story_slug_key index; static pages have no section.
            .bind(section_id.unwrap_or(0))
            .bind(slug)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        row.map(Story::try_from).transpose()
    }

    async fn published_teaser_by_code(&self, code: &str) -> Result<Option<Teaser>> {
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM stories s \
             WHERE s.short_code = $1 AND s.status = 'published'"
        );
        let row = sqlx::query_as::<_, TeaserRow>(AssertSqlSafe(sql))
            .bind(code)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        row.map(Teaser::try_from).transpose()
    }

    async fn redirect_target(&self, edition_id: i64, path: &str) -> Result<Option<Teaser>> {
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM redirects r JOIN stories s ON s.id = r.story_id \
             WHERE r.edition_id = $1 AND r.path = $2 AND s.status = 'published'"
        );
        let row = sqlx::query_as::<_, TeaserRow>(AssertSqlSafe(sql))
            .bind(edition_id)
            .bind(path)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        row.map(Teaser::try_from).transpose()
    }

    async fn teasers(&self, query: &StoryQuery) -> Result<Vec<Teaser>> {
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM stories s WHERE {} \
             ORDER BY s.published_at DESC NULLS LAST, s.id DESC LIMIT $4 OFFSET $5",
            list_clause(query)
        );
        sqlx::query_as::<_, TeaserRow>(AssertSqlSafe(sql))
            .bind(query.edition_id)
            .bind(filter_value(query.filter))
            .bind(&query.exclude)
            .bind(i64::from(query.limit))
            .bind(i64::from(query.offset))
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?
            .into_iter()
            .map(Teaser::try_from)
            .collect()
    }

    async fn count_teasers(&self, query: &StoryQuery) -> Result<u64> {
        let sql = format!(
            "SELECT COUNT(*) FROM stories s WHERE {}",
            list_clause(query)
        );
        let total: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
            .bind(query.edition_id)
            .bind(filter_value(query.filter))
            .bind(&query.exclude)
            .fetch_one(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(u64::try_from(total).unwrap_or(0))
    }

    async fn teasers_by_ids(&self, ids: &[i64]) -> Result<Vec<Teaser>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM stories s \
             WHERE s.id = ANY($1) AND s.status = 'published'"
        );
        let rows = sqlx::query_as::<_, TeaserRow>(AssertSqlSafe(sql))
            .bind(ids)
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        let teasers = rows
            .into_iter()
            .map(Teaser::try_from)
            .collect::<Result<Vec<_>>>()?;
        Ok(in_order(ids, teasers, |teaser: &Teaser| teaser.id))
    }

    async fn similar_teasers(&self, story: &Story, limit: u32) -> Result<Vec<Teaser>> {
        // A shared curated topic weighs three times a shared free keyword.
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM stories s JOIN ( \
               SELECT story_id, SUM(weight) AS score FROM ( \
                 SELECT story_id, 3 AS weight FROM story_topics WHERE topic_id = ANY($1) \
                 UNION ALL \
                 SELECT story_id, 1 AS weight FROM story_keywords WHERE keyword_id = ANY($2) \
               ) weights GROUP BY story_id \
             ) m ON m.story_id = s.id \
             WHERE s.status = 'published' AND s.kind <> 'page' AND s.id <> $3 \
               AND s.edition_id = $4 \
             ORDER BY m.score DESC, s.published_at DESC NULLS LAST LIMIT $5"
        );
        let rows = sqlx::query_as::<_, TeaserRow>(AssertSqlSafe(sql))
            .bind(&story.topic_ids)
            .bind(&story.keyword_ids)
            .bind(story.id)
            .bind(story.edition_id)
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        rows.into_iter().map(Teaser::try_from).collect()
    }
}
