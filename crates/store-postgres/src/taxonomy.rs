//! Topics and keywords for the newsroom: creating and renaming topics, keyword counts and
//! merges, and the old slugs that keep answering after a rename or merge.

use sqlx::{AssertSqlSafe, PgPool};
use store::*;

use store_sql::newsroom::KeywordCountRow;
use store_sql::search::like_pattern;

use crate::curation::log_tags;
use crate::map_error;
use crate::rows::{KeywordRow, TopicRow, ascii_like};
use crate::story_write::story_tags;

type Result<T> = std::result::Result<T, StoreError>;

pub(crate) async fn add_topic(pool: &PgPool, topic: &NewTopic) -> Result<i64> {
    let mut tx = crate::begin_write(pool).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO topics (edition_id, slug, name, description) VALUES ($1, $2, $3, $4) \
         RETURNING id",
    )
    .bind(topic.edition_id)
    .bind(&topic.slug)
    .bind(&topic.name)
    .bind(&topic.description)
    .fetch_one(&mut *tx)
    .await
    .map_err(map_error)?;
    log_tags(&mut tx, "topic", id, "create", vec![format!("topic:{id}")]).await?;
    tx.commit().await.map_err(map_error)?;
    Ok(id)
}

/// Renames a topic. Teasers show their first topic as a label, so the pages of every
/// story with the topic, and every list that shows them, are touched.
pub(crate) async fn update_topic(pool: &PgPool, topic: &Topic) -> Result<()> {
    let mut tx = crate::begin_write(pool).await?;
    let old_slug: String =
        // Locked until commit: a concurrent rename waits and then reads this one's slug.
        sqlx::query_scalar("SELECT slug FROM topics WHERE id = $1 AND edition_id = $2 FOR UPDATE")
            .bind(topic.id)
            .bind(topic.edition_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(map_error)?
            .ok_or(StoreError::NotFound)?;
    sqlx::query("UPDATE topics SET slug = $1, name = $2, description = $3 WHERE id = $4")
        .bind(&topic.slug)
        .bind(&topic.name)
        .bind(&topic.description)
        .bind(topic.id)
        .execute(&mut *tx)
        .await
        .map_err(map_error)?;
    if old_slug != topic.slug {
        sqlx::query(
            "INSERT INTO topic_aliases (edition_id, slug, topic_id) VALUES ($1, $2, $3) \
             ON CONFLICT (edition_id, slug) DO UPDATE SET topic_id = excluded.topic_id",
        )
        .bind(topic.edition_id)
        .bind(&old_slug)
        .bind(topic.id)
        .execute(&mut *tx)
        .await
        .map_err(map_error)?;
        sqlx::query("DELETE FROM topic_aliases WHERE edition_id = $1 AND slug = $2")
            .bind(topic.edition_id)
            .bind(&topic.slug)
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
    }
    let stories: Vec<i64> =
        sqlx::query_scalar("SELECT story_id FROM story_topics WHERE topic_id = $1")
            .bind(topic.id)
            .fetch_all(&mut *tx)
            .await
            .map_err(map_error)?;
    let mut tags = vec![format!("topic:{}", topic.id)];
    for story in stories {
        tags.extend(story_tags(&mut tx, story).await?);
    }
    log_tags(&mut tx, "topic", topic.id, "update", tags).await?;
    tx.commit().await.map_err(map_error)
}

pub(crate) async fn topic_alias(
    pool: &PgPool,
    edition_id: i64,
    slug: &str,
) -> Result<Option<Topic>> {
    let row = sqlx::query_as::<_, TopicRow>(
        "SELECT t.* FROM topic_aliases a JOIN topics t ON t.id = a.topic_id \
         WHERE a.edition_id = $1 AND a.slug = $2",
    )
    .bind(edition_id)
    .bind(slug)
    .fetch_optional(pool)
    .await
    .map_err(map_error)?;
    Ok(row.map(Topic::from))
}

const KEYWORD_MATCH: &str = concat!(
    "k.edition_id = $1 AND ($2 = '%%' OR ",
    ascii_like!("k.name", "$2", "\\"),
    " OR ",
    ascii_like!("k.slug", "$2", "\\"),
    ")"
);

pub(crate) async fn keyword_counts(
    pool: &PgPool,
    query: &KeywordQuery,
) -> Result<Vec<KeywordCount>> {
    let sql = format!(
        "SELECT k.*, (SELECT COUNT(*) FROM story_keywords sk WHERE sk.keyword_id = k.id) \
           AS stories \
         FROM keywords k WHERE {KEYWORD_MATCH} ORDER BY k.name COLLATE \"C\", k.id \
         LIMIT $3 OFFSET $4"
    );
    let rows = sqlx::query_as::<_, KeywordCountRow>(AssertSqlSafe(sql))
        .bind(query.edition_id)
        .bind(like_pattern(&query.search))
        .bind(i64::from(query.limit))
        .bind(i64::from(query.offset))
        .fetch_all(pool)
        .await
        .map_err(map_error)?;
    Ok(rows.into_iter().map(KeywordCount::from).collect())
}

pub(crate) async fn count_keywords(pool: &PgPool, query: &KeywordQuery) -> Result<u64> {
    let sql = format!("SELECT COUNT(*) FROM keywords k WHERE {KEYWORD_MATCH}");
    let count: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
        .bind(query.edition_id)
        .bind(like_pattern(&query.search))
        .fetch_one(pool)
        .await
        .map_err(map_error)?;
    Ok(u64::try_from(count).unwrap_or_default())
}

/// The steps of a merge of keyword `$1` into `$2`, in order.
const MERGE: [&str; 5] = [
    // Stories that had both keep `into` where it was.
    "INSERT INTO story_keywords (story_id, keyword_id, position) \
     SELECT story_id, $2, position FROM story_keywords WHERE keyword_id = $1 \
       AND story_id NOT IN (SELECT story_id FROM story_keywords WHERE keyword_id = $2)",
    "DELETE FROM story_keywords WHERE keyword_id = $1",
    "UPDATE keyword_aliases SET keyword_id = $2 WHERE keyword_id = $1",
    "INSERT INTO keyword_aliases (edition_id, slug, keyword_id) \
     SELECT edition_id, slug, $2 FROM keywords WHERE id = $1 \
     ON CONFLICT (edition_id, slug) DO UPDATE SET keyword_id = excluded.keyword_id",
    "DELETE FROM keywords WHERE id = $1",
];

pub(crate) async fn merge_keywords(
    pool: &PgPool,
    edition_id: i64,
    from: i64,
    into: i64,
) -> Result<()> {
    let mut tx = crate::begin_write(pool).await?;
    // Lock the stories that carry `from` before the keywords: a save locks its story and
    // then links its keywords, so taking them in that order too means a merge and a save
    // wait for each other instead of deadlocking.
    sqlx::query(
        "SELECT id FROM stories \
         WHERE id IN (SELECT story_id FROM story_keywords WHERE keyword_id = $1) \
         ORDER BY id FOR NO KEY UPDATE",
    )
    .bind(from)
    .execute(&mut *tx)
    .await
    .map_err(map_error)?;
    // Both keywords stay locked until commit, taken in id order so that merges of a into b
    // and of b into a cannot deadlock: the second waits and then finds one gone.
    let found: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM keywords WHERE edition_id = $1 AND id IN ($2, $3) AND $2 <> $3 \
         ORDER BY id FOR UPDATE",
    )
    .bind(edition_id)
    .bind(from)
    .bind(into)
    .fetch_all(&mut *tx)
    .await
    .map_err(map_error)?;
    if found.len() != 2 {
        return Err(StoreError::NotFound);
    }
    // Read again under the keyword locks: a story linked to `from` just before them is
    // here too, and none can be linked now.
    let stories: Vec<i64> =
        sqlx::query_scalar("SELECT story_id FROM story_keywords WHERE keyword_id = $1")
            .bind(from)
            .fetch_all(&mut *tx)
            .await
            .map_err(map_error)?;
    for statement in MERGE {
        sqlx::query(statement)
            .bind(from)
            .bind(into)
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
    }
    let mut tags = vec![format!("keyword:{from}"), format!("keyword:{into}")];
    tags.extend(stories.iter().map(|id| format!("story:{id}")));
    log_tags(&mut tx, "keyword", into, "merge", tags).await?;
    tx.commit().await.map_err(map_error)
}

pub(crate) async fn keyword_alias(
    pool: &PgPool,
    edition_id: i64,
    slug: &str,
) -> Result<Option<Keyword>> {
    let row = sqlx::query_as::<_, KeywordRow>(
        "SELECT k.* FROM keyword_aliases a JOIN keywords k ON k.id = a.keyword_id \
         WHERE a.edition_id = $1 AND a.slug = $2",
    )
    .bind(edition_id)
    .bind(slug)
    .fetch_optional(pool)
    .await
    .map_err(map_error)?;
    Ok(row.map(Keyword::from))
}
