//! Inserting a story with its relations inside one transaction.

use jiff::Timestamp;
use sqlx::{Sqlite, Transaction};
use store::*;

use crate::map_error;
use crate::rows::from_time;

type Result<T> = std::result::Result<T, StoreError>;

/// Inserts the story row, its relations and a change-log row; returns the new id.
pub(crate) async fn insert_story(
    tx: &mut Transaction<'_, Sqlite>,
    story: &NewStory,
) -> Result<i64> {
    let body = serde_json::to_string(&story.body)
        .map_err(|error| StoreError::Other(format!("story body: {error}")))?;
    // The short code derives from the id, so insert a unique placeholder first.
    let placeholder = format!("pending-{}", story.slug);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO stories (edition_id, kind, status, headline, standfirst, slug, section_id, \
           dateline, published_at, updated_at, hero_image_id, video_url, short_code, \
           seo_title, seo_description) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(story.edition_id)
    .bind(story.kind.as_str())
    .bind(story.status.as_str())
    .bind(&story.headline)
    .bind(&story.standfirst)
    .bind(&story.slug)
    .bind(story.section_id)
    .bind(&story.dateline)
    .bind(story.published_at.map(from_time))
    .bind(from_time(story.updated_at))
    .bind(story.hero_image_id)
    .bind(&story.video_url)
    .bind(&placeholder)
    .bind(&story.seo_title)
    .bind(&story.seo_description)
    .fetch_one(&mut **tx)
    .await
    .map_err(map_error)?;
    sqlx::query("INSERT INTO story_bodies (story_id, body) VALUES (?, ?)")
        .bind(id)
        .bind(body)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    sqlx::query("UPDATE stories SET short_code = ? WHERE id = ?")
        .bind(short_code(id))
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    insert_relations(tx, id, story).await?;
    log_change(tx, id, story).await?;
    Ok(id)
}

async fn insert_relations(
    tx: &mut Transaction<'_, Sqlite>,
    id: i64,
    story: &NewStory,
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

/// Appends the change-log row that derived state (page cache, feeds, search) follows.
async fn log_change(tx: &mut Transaction<'_, Sqlite>, id: i64, story: &NewStory) -> Result<()> {
    let mut tags = vec![
        format!("story:{id}"),
        format!("edition:{}", story.edition_id),
    ];
    tags.extend(story.section_id.map(|section| format!("section:{section}")));
    tags.extend(story.topic_ids.iter().map(|topic| format!("topic:{topic}")));
    sqlx::query(
        "INSERT INTO changes (at, entity, entity_id, action, tags) VALUES (?, 'story', ?, ?, ?)",
    )
    .bind(from_time(Timestamp::now()))
    .bind(id)
    .bind(if story.status == StoryStatus::Published {
        "publish"
    } else {
        "create"
    })
    .bind(tags.join(" "))
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(())
}
