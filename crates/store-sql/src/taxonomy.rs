//! Topics and keywords for the newsroom: creating and renaming topics, keyword counts and
//! merges, and the old slugs that keep answering after a rename or merge.

use store::*;

use crate::changes::log_tags;
use crate::db::Transaction as _;
use crate::db::{Db, Dialect};
use crate::lists::{Relist, relist};
use crate::newsroom::KeywordCountRow;
use crate::search::like_pattern;
use crate::story_write::story_tags;
use crate::workflow::audit_in;
use crate::{SqlStore, sql};

pub(crate) async fn add_topic<D: Dialect>(
    store: &SqlStore<D>,
    topic: &NewTopic,
    audit: &NewAuditEntry,
) -> StoreResult<i64> {
    let mut tx = store.write().await?;
    let id: i64 = tx
        .scalar(sql!(
            "INSERT INTO topics (edition_id, slug, name, description) VALUES ($1, $2, $3, $4) \
             RETURNING id",
            topic.edition_id,
            &topic.slug,
            &topic.name,
            &topic.description
        ))
        .await?;
    audit_in::<D>(&mut tx, audit, id).await?;
    log_tags::<D>(&mut tx, "topic", id, "create", vec![CacheTag::Topic(id)]).await?;
    tx.commit().await?;
    Ok(id)
}

/// Renames a topic. Teasers show their first topic as a label, so the pages of every
/// story with the topic, and every list that shows them, are touched.
pub(crate) async fn update_topic<D: Dialect>(
    store: &SqlStore<D>,
    topic: &Topic,
    audit: &NewAuditEntry,
) -> StoreResult<()> {
    let mut tx = store.write().await?;
    // Locked until commit: a concurrent rename waits and then reads this one's slug.
    let old_slug: String = tx
        .scalar(sql!(
            format!(
                "SELECT slug FROM topics WHERE id = $1 AND edition_id = $2{}",
                D::FOR_UPDATE
            ),
            topic.id,
            topic.edition_id
        ))
        .await?;
    tx.execute(sql!(
        "UPDATE topics SET slug = $1, name = $2, description = $3 WHERE id = $4",
        &topic.slug,
        &topic.name,
        &topic.description,
        topic.id
    ))
    .await?;
    if old_slug != topic.slug {
        tx.execute(sql!(
            "INSERT INTO topic_aliases (edition_id, slug, topic_id) VALUES ($1, $2, $3) \
             ON CONFLICT (edition_id, slug) DO UPDATE SET topic_id = excluded.topic_id",
            topic.edition_id,
            &old_slug,
            topic.id
        ))
        .await?;
        tx.execute(sql!(
            "DELETE FROM topic_aliases WHERE edition_id = $1 AND slug = $2",
            topic.edition_id,
            &topic.slug
        ))
        .await?;
    }
    let stories: Vec<(i64,)> = tx
        .fetch_all(sql!(
            "SELECT story_id FROM story_topics WHERE topic_id = $1",
            topic.id
        ))
        .await?;
    let mut tags = vec![CacheTag::Topic(topic.id)];
    for (story,) in stories {
        tags.extend(story_tags::<D>(&mut tx, story).await?);
    }
    audit_in::<D>(&mut tx, audit, topic.id).await?;
    log_tags::<D>(&mut tx, "topic", topic.id, "update", tags).await?;
    tx.commit().await
}

pub(crate) async fn topic_alias<D: Dialect>(
    store: &SqlStore<D>,
    edition_id: i64,
    slug: &str,
) -> StoreResult<Option<Topic>> {
    store
        .db()
        .fetch_optional(sql!(
            "SELECT t.* FROM topic_aliases a JOIN topics t ON t.id = a.topic_id \
             WHERE a.edition_id = $1 AND a.slug = $2",
            edition_id,
            slug
        ))
        .await
}

/// The keywords of edition `$1` whose name or slug holds the pattern `$2`, in any case
/// (a [`keyword_pattern`]); `%%`, from an empty search, is every keyword.
const KEYWORD_MATCH: &str = "k.edition_id = $1 AND ($2 = '%%' \
    OR lower(k.name) LIKE $2 ESCAPE '\\' OR lower(k.slug) LIKE $2 ESCAPE '\\')";

/// The pattern [`KEYWORD_MATCH`] looks for: the search taken literally, in lower case.
fn keyword_pattern(search: &str) -> String {
    like_pattern(search).to_ascii_lowercase()
}

pub(crate) async fn keyword_counts<D: Dialect>(
    store: &SqlStore<D>,
    query: &KeywordQuery,
) -> StoreResult<Vec<KeywordCount>> {
    let rows: Vec<KeywordCountRow> = store
        .db()
        .fetch_all(sql!(
            format!(
                "SELECT k.*, \
                   (SELECT COUNT(*) FROM story_keywords sk WHERE sk.keyword_id = k.id) \
                   AS stories \
                 FROM keywords k WHERE {KEYWORD_MATCH} ORDER BY k.name, k.id \
                 LIMIT $3 OFFSET $4"
            ),
            query.edition_id,
            keyword_pattern(&query.search),
            query.limit,
            query.offset
        ))
        .await?;
    Ok(rows.into_iter().map(KeywordCount::from).collect())
}

pub(crate) async fn count_keywords<D: Dialect>(
    store: &SqlStore<D>,
    query: &KeywordQuery,
) -> StoreResult<u64> {
    let count: i64 = store
        .db()
        .scalar(sql!(
            format!("SELECT COUNT(*) FROM keywords k WHERE {KEYWORD_MATCH}"),
            query.edition_id,
            keyword_pattern(&query.search)
        ))
        .await?;
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
    // `AND true`: SQLite wants a WHERE it cannot misread before the ON CONFLICT of an
    // INSERT ... SELECT.
    "INSERT INTO keyword_aliases (edition_id, slug, keyword_id) \
     SELECT edition_id, slug, $2 FROM keywords WHERE id = $1 AND true \
     ON CONFLICT (edition_id, slug) DO UPDATE SET keyword_id = excluded.keyword_id",
    "DELETE FROM keywords WHERE id = $1",
];

pub(crate) async fn merge_keywords<D: Dialect>(
    store: &SqlStore<D>,
    edition_id: i64,
    from: i64,
    into: i64,
    audit: &NewAuditEntry,
) -> StoreResult<()> {
    let mut tx = store.write().await?;
    // Lock the stories that carry `from` before the keywords: a save locks its story and
    // then links its keywords, so taking them in that order too means a merge and a save
    // wait for each other instead of deadlocking.
    tx.execute(sql!(
        format!(
            "SELECT id FROM stories \
             WHERE id IN (SELECT story_id FROM story_keywords WHERE keyword_id = $1) \
             ORDER BY id{}",
            D::FOR_NO_KEY_UPDATE
        ),
        from
    ))
    .await?;
    // Both keywords stay locked until commit, taken in id order so that merges of a into b
    // and of b into a cannot deadlock: the second waits and then finds one gone.
    let found: Vec<(i64,)> = tx
        .fetch_all(sql!(
            format!(
                "SELECT id FROM keywords WHERE edition_id = $1 AND id IN ($2, $3) AND $2 <> $3 \
                 ORDER BY id{}",
                D::FOR_UPDATE
            ),
            edition_id,
            from,
            into
        ))
        .await?;
    if found.len() != 2 {
        return Err(StoreError::NotFound);
    }
    // Read again under the keyword locks: a story linked to `from` just before them is
    // here too, and none can be linked now.
    let stories: Vec<(i64,)> = tx
        .fetch_all(sql!(
            "SELECT story_id FROM story_keywords WHERE keyword_id = $1",
            from
        ))
        .await?;
    for statement in MERGE {
        tx.execute(sql!(statement, from, into)).await?;
    }
    relist::<D>(&mut tx, Relist::WithKeyword(into)).await?;
    let mut tags = vec![CacheTag::Keyword(from), CacheTag::Keyword(into)];
    tags.extend(stories.iter().map(|&(id,)| CacheTag::Story(id)));
    audit_in::<D>(&mut tx, audit, into).await?;
    log_tags::<D>(&mut tx, "keyword", into, "merge", tags).await?;
    tx.commit().await
}

pub(crate) async fn keyword_alias<D: Dialect>(
    store: &SqlStore<D>,
    edition_id: i64,
    slug: &str,
) -> StoreResult<Option<Keyword>> {
    store
        .db()
        .fetch_optional(sql!(
            "SELECT k.* FROM keyword_aliases a JOIN keywords k ON k.id = a.keyword_id \
             WHERE a.edition_id = $1 AND a.slug = $2",
            edition_id,
            slug
        ))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_search_is_lower_case_and_literal() {
        assert_eq!(keyword_pattern("Ankara_50%"), "%ankara\\_50\\%%");
        assert_eq!(keyword_pattern(""), "%%");
    }
}
