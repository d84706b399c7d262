//! Writing a story's content, relations, revisions and change-log rows inside the
//! caller's transaction.

use jiff::Timestamp;
use sqlx::{AssertSqlSafe, Postgres, Transaction};
use store::*;

use crate::history::log_tags;
use crate::map_error;
use crate::rows::from_time;

type Result<T> = std::result::Result<T, StoreError>;

/// Inserts the story row, its relations, its first revision and a change-log row;
/// returns the new id.
pub(crate) async fn insert_story(
    tx: &mut Transaction<'_, Postgres>,
    story: &NewStory,
) -> Result<i64> {
    let fields = &story.fields;
    // The short code derives from the id: take the id from the sequence first, so the row
    // is written whole (SQLite writes a placeholder and updates it).
    let id: i64 = sqlx::query_scalar("SELECT nextval(pg_get_serial_sequence('stories', 'id'))")
        .fetch_one(&mut **tx)
        .await
        .map_err(map_error)?;
    sqlx::query(
        "INSERT INTO stories (id, edition_id, kind, status, headline, slug, updated_at, \
           short_code, owner_id, published_at) \
         VALUES ($1, $2, $3, $4, '', $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(story.edition_id)
    .bind(fields.kind.as_str())
    .bind(story.status.as_str())
    // A slug no story can have, until write_fields sets the real one (whose conflict is
    // then reported as story_slug_key, as on SQLite).
    .bind(format!("pending-{id}"))
    .bind(from_time(story.updated_at))
    .bind(short_code(id))
    .bind(story.owner_id)
    .bind(story.published_at.map(from_time))
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
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    fields: &StoryFields,
    updated_at: Timestamp,
) -> Result<()> {
    let body = serde_json::to_string(&fields.body)
        .map_err(|error| StoreError::Other(format!("story body: {error}")))?;
    sqlx::query(
        "UPDATE stories SET kind = $1, headline = $2, standfirst = $3, slug = $4, \
           section_id = $5, dateline = $6, updated_at = $7, hero_image_id = $8, \
           video_url = $9, seo_title = $10, seo_description = $11 WHERE id = $12",
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
        "INSERT INTO story_bodies (story_id, body) VALUES ($1, $2) \
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
        // The table names are the constants above.
        sqlx::query(AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE story_id = $1"
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
    tx: &mut Transaction<'_, Postgres>,
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
         VALUES ($1, $2, $3, $4, $5, $6)",
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

/// Inserts each relation list in one statement: the list is bound as an array and
/// unnested with its ordinality, which becomes the position (from 0, as on SQLite).
async fn insert_relations(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    story: &StoryFields,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO story_sections (story_id, section_id) \
         SELECT $1, section_id FROM unnest($2::bigint[]) AS t (section_id)",
    )
    .bind(id)
    .bind(&story.secondary_section_ids)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    let mut authors = Vec::new();
    let mut agencies = Vec::new();
    let mut roles = Vec::new();
    for credit in &story.credits {
        let (author, agency, role) = match *credit {
            CreditRef::Author(author, role) => (Some(author), None, role),
            CreditRef::Agency(agency, role) => (None, Some(agency), role),
        };
        authors.push(author);
        agencies.push(agency);
        roles.push(role.as_str());
    }
    sqlx::query(
        "INSERT INTO story_credits (story_id, position, author_id, agency_id, role) \
         SELECT $1, ordinality - 1, author_id, agency_id, role \
         FROM unnest($2::bigint[], $3::bigint[], $4::text[]) WITH ORDINALITY \
           AS t (author_id, agency_id, role, ordinality)",
    )
    .bind(id)
    .bind(authors)
    .bind(agencies)
    .bind(roles)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    let lists: [(&str, &[i64]); 3] = [
        (
            "INSERT INTO story_topics (story_id, position, topic_id) \
             SELECT $1, ordinality - 1, other FROM unnest($2::bigint[]) WITH ORDINALITY \
               AS t (other, ordinality)",
            &story.topic_ids,
        ),
        (
            "INSERT INTO story_keywords (story_id, position, keyword_id) \
             SELECT $1, ordinality - 1, other FROM unnest($2::bigint[]) WITH ORDINALITY \
               AS t (other, ordinality)",
            &story.keyword_ids,
        ),
        (
            "INSERT INTO story_recommendations (story_id, position, recommended_id) \
             SELECT $1, ordinality - 1, other FROM unnest($2::bigint[]) WITH ORDINALITY \
               AS t (other, ordinality)",
            &story.recommended_ids,
        ),
    ];
    for (sql, ids) in lists {
        sqlx::query(sql)
            .bind(id)
            .bind(ids)
            .execute(&mut **tx)
            .await
            .map_err(map_error)?;
    }
    let images: Vec<i64> = story.gallery.iter().map(|item| item.image_id).collect();
    let captions: Vec<&str> = story
        .gallery
        .iter()
        .map(|item| item.caption.as_str())
        .collect();
    sqlx::query(
        "INSERT INTO gallery_items (story_id, position, image_id, caption) \
         SELECT $1, ordinality - 1, image_id, caption \
         FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY \
           AS t (image_id, caption, ordinality)",
    )
    .bind(id)
    .bind(images)
    .bind(captions)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(())
}

/// The cache tags a story's pages and lists carry, as the story is now: the story, its
/// edition's home, its sections and their parents, the section fronts that pin it,
/// topics, keywords and authors.
pub(crate) async fn story_tags(tx: &mut Transaction<'_, Postgres>, id: i64) -> Result<Vec<String>> {
    let tags: Vec<String> = sqlx::query_scalar(
        "WITH RECURSIVE own (section_id) AS ( \
           SELECT section_id FROM stories WHERE id = $1 AND section_id IS NOT NULL \
           UNION SELECT section_id FROM story_sections WHERE story_id = $1 \
           UNION SELECT p.parent_id FROM sections p JOIN own ON p.id = own.section_id \
             WHERE p.parent_id IS NOT NULL) \
         SELECT 'story:' || id FROM stories WHERE id = $1 \
         UNION ALL SELECT 'home:' || edition_id FROM stories WHERE id = $1 \
         UNION ALL SELECT 'section:' || section_id FROM own \
         UNION ALL SELECT 'section:' || front_id FROM front_pins \
           WHERE story_id = $1 AND front_id <> 0 \
         UNION ALL SELECT 'topic:' || topic_id FROM story_topics WHERE story_id = $1 \
         UNION ALL SELECT 'keyword:' || keyword_id FROM story_keywords WHERE story_id = $1 \
         UNION ALL SELECT 'author:' || author_id FROM story_credits \
           WHERE story_id = $1 AND author_id IS NOT NULL",
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
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    action: &str,
    before: &[String],
) -> Result<()> {
    let mut tags = story_tags(tx, id).await?;
    tags.extend(before.iter().cloned());
    log_tags(tx, "story", id, action, tags).await
}
