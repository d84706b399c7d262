//! Reads of published stories: by path, by short code, by redirect, and in lists.

use async_trait::async_trait;
use store::*;

use crate::db::{Db, Dialect};
use crate::rows::*;
use crate::select::story_select;
use crate::{SqlStore, sql};

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

/// The WHERE clause of a list query; `$3` is the list of ids to leave out.
fn list_clause<D: Dialect>(query: &StoryQuery) -> String {
    let mut clause = filter_clause(query.filter);
    clause.push_str(&format!(" AND NOT ({})", D::in_list("s.id", 3)));
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
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM stories s WHERE {} \
             ORDER BY s.published_at DESC NULLS LAST, s.id DESC LIMIT $4 OFFSET $5",
            list_clause::<D>(query)
        );
        self.db()
            .fetch_all(sql!(
                sql,
                query.edition_id,
                filter_value(query.filter),
                &query.exclude,
                query.limit,
                query.offset
            ))
            .await
    }

    async fn count_teasers(&self, query: &StoryQuery) -> StoreResult<u64> {
        let sql = format!(
            "SELECT COUNT(*) FROM stories s WHERE {}",
            list_clause::<D>(query)
        );
        let total = self
            .db()
            .scalar::<i64>(sql!(
                sql,
                query.edition_id,
                filter_value(query.filter),
                &query.exclude
            ))
            .await?;
        Ok(u64::try_from(total).unwrap_or(0))
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
        // A shared curated topic weighs three times a shared free keyword.
        let sql = format!(
            "SELECT {TEASER_COLUMNS} FROM stories s JOIN ( \
               SELECT story_id, SUM(weight) AS score FROM ( \
                 SELECT story_id, 3 AS weight FROM story_topics WHERE {} \
                 UNION ALL \
                 SELECT story_id, 1 AS weight FROM story_keywords WHERE {} \
               ) weights GROUP BY story_id \
             ) m ON m.story_id = s.id \
             WHERE s.status = 'published' AND s.kind <> 'page' AND s.id <> $3 \
               AND s.edition_id = $4 \
             ORDER BY m.score DESC, s.published_at DESC NULLS LAST LIMIT $5",
            D::in_list("topic_id", 1),
            D::in_list("keyword_id", 2)
        );
        self.db()
            .fetch_all(sql!(
                sql,
                &story.topic_ids,
                &story.keyword_ids,
                story.id,
                story.edition_id,
                limit
            ))
            .await
    }
}
