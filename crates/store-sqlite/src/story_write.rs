//! Writing a story's content, relations, revisions and change-log rows inside the
//! caller's transaction.

use jiff::Timestamp;
use sqlx::{AssertSqlSafe, Sqlite, Transaction};
use store::*;

use crate::map_error;
use crate::rows::from_time;

type Result<T> = std::result::Result<T, StoreError>;

/// Inserts the story row, its relations, its first revision and a change-log row;
/// returns the new id.
pub(crate) async fn insert_story(
    tx: &mut Transaction<'_, Sqlite>,
    story: &NewStory,
) -> Result<i64> {
    let fields = &story.fields;
    // The short code derives from the id, so insert a unique placeholder first.
    let placeholder = format!("pending-{}", Timestamp::now().as_nanosecond());
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO stories (edition_id, kind, status, headline, slug, updated_at, \
           short_code, owner_id, published_at) \
         VALUES (?, ?, ?, '', ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(story.edition_id)
    .bind(fields.kind.as_str())
    .bind(story.status.as_str())
    .bind(&placeholder)
    .bind(from_time(story.updated_at))
    .bind(&placeholder)
    .bind(story.owner_id)
    .bind(story.published_at.map(from_time))
    .fetch_one(&mut **tx)
    .await
    .map_err(map_error)?;
    sqlx::query("UPDATE stories SET short_code = ? WHERE id = ?")
        .bind(short_code(id))
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    write_fields(tx, id, fields, story.updated_at).await?;
    insert_revision(tx, id, 1, story.owner_id, story.status, fields).await?;
    let action = if story.status == StoryStatus::Published {
        "publish"
    } else {
        "create"
    };
    log_change(tx, id, action, &[]).await?;
    Ok(id)
}

/// Writes a story's content over its row and relations.
pub(crate) async fn write_fields(
    tx: &mut Transaction<'_, Sqlite>,
    id: i64,
    fields: &StoryFields,
    updated_at: Timestamp,
) -> Result<()> {
    let body = serde_json::to_string(&fields.body)
        .map_err(|error| StoreError::Other(format!("story body: {error}")))?;
    sqlx::query(
        "UPDATE stories SET kind = ?, headline = ?, standfirst = ?, slug = ?, section_id = ?, \
           dateline = ?, updated_at = ?, hero_image_id = ?, video_url = ?, seo_title = ?, \
           seo_description = ? WHERE id = ?",
    )
    .bind(fields.kind.as_str())
    .bind(&fields.headline)
    .bind(&fields.standfirst)
    .bind(&fields.slug)
    .bind(fields.section_id)
    .bind(&fields.dateline)
    .bind(from_time(updated_at))
    .bind(fields.hero_image_id)
    .bind(&fields.video_url)
    .bind(&fields.seo_title)
    .bind(&fields.seo_description)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    sqlx::query(
        "INSERT INTO story_bodies (story_id, body) VALUES (?, ?) \
         ON CONFLICT (story_id) DO UPDATE SET body = excluded.body",
    )
    .bind(id)
    .bind(body)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    for table in [
        "story_sections",
        "story_credits",
        "story_topics",
        "story_keywords",
        "story_recommendations",
        "gallery_items",
    ] {
        sqlx::query(AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE story_id = ?"
        )))
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    }
    insert_relations(tx, id, fields).await
}

/// Records a revision of a story's content.
pub(crate) async fn insert_revision(
    tx: &mut Transaction<'_, Sqlite>,
    id: i64,
    number: i64,
    user_id: Option<i64>,
    status: StoryStatus,
    fields: &StoryFields,
) -> Result<()> {
    let json = serde_json::to_string(fields)
        .map_err(|error| StoreError::Other(format!("story revision: {error}")))?;
    sqlx::query(
        "INSERT INTO story_revisions (story_id, number, user_id, created_at, status, fields) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(number)
    .bind(user_id)
    .bind(from_time(Timestamp::now()))
    .bind(status.as_str())
    .bind(json)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(())
}

async fn insert_relations(
    tx: &mut Transaction<'_, Sqlite>,
    id: i64,
    story: &StoryFields,
) -> Result<()> {
    for section_id in &story.secondary_section_ids {
        sqlx::query("INSERT INTO story_sections (story_id, section_id) VALUES (?, ?)")
            .bind(id)
            .bind(section_id)
            .execute(&mut **tx)
            .await
            .map_err(map_error)?;
    }
    for (position, credit) in story.credits.iter().enumerate() {
        let (author, agency, role) = match *credit {
            CreditRef::Author(author, role) => (Some(author), None, role),
            CreditRef::Agency(agency, role) => (None, Some(agency), role),
        };
        sqlx::query(
            "INSERT INTO story_credits (story_id, position, author_id, agency_id, role) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(author)
        .bind(agency)
        .bind(role.as_str())
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    }
    let lists: [(&str, &[i64]); 3] = [
        (
            "INSERT INTO story_topics (story_id, position, topic_id) VALUES (?, ?, ?)",
            &story.topic_ids,
        ),
        (
            "INSERT INTO story_keywords (story_id, position, keyword_id) VALUES (?, ?, ?)",
            &story.keyword_ids,
        ),
        (
            "INSERT INTO story_recommendations (story_id, position, recommended_id) \
             VALUES (?, ?, ?)",
            &story.recommended_ids,
        ),
    ];
    for (sql, ids) in lists {
        for (position, other) in ids.iter().enumerate() {
            sqlx::query(sql)
                .bind(id)
                .bind(position as i64)
                .bind(other)
                .execute(&mut **tx)
                .await
                .map_err(map_error)?;
        }
    }
    for (position, item) in story.gallery.iter().enumerate() {
        sqlx::query(
            "INSERT INTO gallery_items (story_id, position, image_id, caption) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(item.image_id)
        .bind(&item.caption)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    }
    Ok(())
}

/// The cache tags a story's pages and lists carry, as the story is now: the story, its
/// edition's home, its sections and their parents, the section fronts that pin it,
/// topics, keywords and authors.
pub(crate) async fn story_tags(tx: &mut Transaction<'_, Sqlite>, id: i64) -> Result<Vec<String>> {
    let tags: Vec<String> = sqlx::query_scalar(
        "WITH RECURSIVE own (section_id) AS ( \
           SELECT section_id FROM stories WHERE id = ?1 AND section_id IS NOT NULL \
           UNION SELECT section_id FROM story_sections WHERE story_id = ?1 \
           UNION SELECT p.parent_id FROM sections p JOIN own ON p.id = own.section_id \
             WHERE p.parent_id IS NOT NULL) \
         SELECT 'story:' || id FROM stories WHERE id = ?1 \
         UNION ALL SELECT 'home:' || edition_id FROM stories WHERE id = ?1 \
         UNION ALL SELECT 'section:' || section_id FROM own \
         UNION ALL SELECT 'section:' || front_id FROM front_pins \
           WHERE story_id = ?1 AND front_id <> 0 \
         UNION ALL SELECT 'topic:' || topic_id FROM story_topics WHERE story_id = ?1 \
         UNION ALL SELECT 'keyword:' || keyword_id FROM story_keywords WHERE story_id = ?1 \
         UNION ALL SELECT 'author:' || author_id FROM story_credits \
           WHERE story_id = ?1 AND author_id IS NOT NULL",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(tags)
}

/// Appends the change-log row that derived state (page cache, feeds, search) follows:
/// the story's tags as it is now, plus `before` (its tags before the change).
pub(crate) async fn log_change(
    tx: &mut Transaction<'_, Sqlite>,
    id: i64,
    action: &str,
    before: &[String],
) -> Result<()> {
    let mut tags = story_tags(tx, id).await?;
    tags.extend(before.iter().cloned());
    tags.sort();
    tags.dedup();
    sqlx::query(
        "INSERT INTO changes (at, entity, entity_id, action, tags) VALUES (?, 'story', ?, ?, ?)",
    )
    .bind(from_time(Timestamp::now()))
    .bind(id)
    .bind(action)
    .bind(tags.join(" "))
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(())
}
