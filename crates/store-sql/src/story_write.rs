//! Writing a story's content, relations, revisions and change-log rows inside the
//! caller's transaction.

use std::collections::BTreeSet;

use jiff::Timestamp;
use store::*;

use crate::changes::log_tags;
use crate::db::{Db, Dialect};
use crate::query::{Query, Value, insert_rows, placeholder};
use crate::rows::to_json;
use crate::{Tx, sql};

/// Inserts the story row, its relations, its first revision and a change-log row;
/// returns the new id.
pub async fn insert_story<D: Dialect>(tx: &mut Tx<D>, story: &NewStory) -> StoreResult<i64> {
    let fields = &story.fields;
    // The short code derives from the id, so insert a unique placeholder first. The slug
    // is one no story can have until write_fields sets the real one, whose conflict is
    // then reported as story_slug_key.
    let placeholder = format!("pending-{}", Timestamp::now().as_nanosecond());
    let id: i64 = tx
        .scalar(sql!(
            "INSERT INTO stories (edition_id, kind, status, headline, slug, updated_at, \
               short_code, owner_id, published_at) \
             VALUES ($1, $2, $3, '', $4, $5, $4, $6, $7) RETURNING id",
            story.edition_id,
            fields.kind.as_str(),
            story.status.as_str(),
            &placeholder,
            story.updated_at,
            story.owner_id,
            story.published_at
        ))
        .await?;
    tx.execute(sql!(
        "UPDATE stories SET short_code = $1 WHERE id = $2",
        short_code(id),
        id
    ))
    .await?;
    write_fields::<D>(tx, id, fields, story.updated_at).await?;
    insert_revision::<D>(tx, id, 1, story.owner_id, story.status, fields).await?;
    let action = if story.status == StoryStatus::Published {
        "publish"
    } else {
        "create"
    };
    log_change::<D>(tx, id, action, &[]).await?;
    Ok(id)
}

/// Writes a story's content over its row and relations.
pub async fn write_fields<D: Dialect>(
    tx: &mut Tx<D>,
    id: i64,
    fields: &StoryFields,
    updated_at: Timestamp,
) -> StoreResult<()> {
    let body = to_json("story body", &fields.body)?;
    tx.execute(sql!(
        "UPDATE stories SET kind = $1, headline = $2, standfirst = $3, slug = $4, \
           section_id = $5, dateline = $6, updated_at = $7, hero_image_id = $8, \
           video_url = $9, seo_title = $10, seo_description = $11 WHERE id = $12",
        fields.kind.as_str(),
        &fields.headline,
        &fields.standfirst,
        &fields.slug,
        fields.section_id,
        &fields.dateline,
        updated_at,
        fields.hero_image_id,
        &fields.video_url,
        &fields.seo_title,
        &fields.seo_description,
        id
    ))
    .await?;
    tx.execute(sql!(
        "INSERT INTO story_bodies (story_id, body) VALUES ($1, $2) \
         ON CONFLICT (story_id) DO UPDATE SET body = excluded.body",
        id,
        body
    ))
    .await?;
    for table in [
        "story_sections",
        "story_credits",
        "story_topics",
        "story_keywords",
        "story_recommendations",
        "gallery_items",
        "story_images",
    ] {
        tx.execute(sql!(format!("DELETE FROM {table} WHERE story_id = $1"), id))
            .await?;
    }
    insert_relations::<D>(tx, id, fields).await
}

/// Records a revision of a story's content.
pub async fn insert_revision<D: Dialect>(
    tx: &mut Tx<D>,
    id: i64,
    number: i64,
    user_id: Option<i64>,
    status: StoryStatus,
    fields: &StoryFields,
) -> StoreResult<()> {
    let json = to_json("story revision", fields)?;
    tx.execute(sql!(
        "INSERT INTO story_revisions (story_id, number, user_id, created_at, status, fields) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        id,
        number,
        user_id,
        Timestamp::now(),
        status.as_str(),
        json
    ))
    .await?;
    Ok(())
}

/// `INSERT INTO {table} (story_id, position, {columns}) VALUES …`, one statement for
/// the whole list, each row at its position from 0; nothing for an empty list.
fn insert_list(table: &str, columns: &str, story_id: i64, rows: Vec<Vec<Value>>) -> Option<Query> {
    let rows = rows.into_iter().enumerate().map(|(position, row)| {
        let position = i64::try_from(position).unwrap_or(i64::MAX);
        [vec![Value::from(story_id), Value::from(position)], row].concat()
    });
    let columns = format!("story_id, position, {columns}");
    insert_rows(table, &columns, rows.collect(), placeholder)
}

/// The images a story shows and how (`hero`, `gallery`, `body`), each pair once.
fn image_uses(story: &StoryFields) -> BTreeSet<(i64, &'static str)> {
    let hero = story.hero_image_id.map(|image| (image, "hero"));
    let gallery = story.gallery.iter().map(|item| (item.image_id, "gallery"));
    let body = story
        .body
        .image_ids()
        .into_iter()
        .map(|image| (image, "body"));
    hero.into_iter().chain(gallery).chain(body).collect()
}

/// Inserts each relation list in one statement, in the story's order.
async fn insert_relations<D: Dialect>(
    tx: &mut Tx<D>,
    id: i64,
    story: &StoryFields,
) -> StoreResult<()> {
    let ids = |ids: &[i64]| ids.iter().map(|id| vec![Value::from(*id)]).collect();
    let credits = story
        .credits
        .iter()
        .map(|credit| {
            let (author, agency, role) = match *credit {
                CreditRef::Author(author, role) => (Some(author), None, role),
                CreditRef::Agency(agency, role) => (None, Some(agency), role),
            };
            vec![
                Value::from(author),
                Value::from(agency),
                Value::from(role.as_str()),
            ]
        })
        .collect();
    let gallery = story
        .gallery
        .iter()
        .map(|item| vec![Value::from(item.image_id), Value::from(&item.caption)])
        .collect();
    let lists = [
        insert_list(
            "story_sections",
            "section_id",
            id,
            ids(&story.secondary_section_ids),
        ),
        insert_list("story_credits", "author_id, agency_id, role", id, credits),
        insert_list("story_topics", "topic_id", id, ids(&story.topic_ids)),
        insert_list("story_keywords", "keyword_id", id, ids(&story.keyword_ids)),
        insert_list(
            "story_recommendations",
            "recommended_id",
            id,
            ids(&story.recommended_ids),
        ),
        insert_list("gallery_items", "image_id, caption", id, gallery),
    ];
    let images = image_uses(story)
        .into_iter()
        .map(|(image, role)| vec![Value::from(id), Value::from(image), Value::from(role)])
        .collect();
    let uses = insert_rows(
        "story_images",
        "story_id, image_id, role",
        images,
        placeholder,
    );
    for insert in lists.into_iter().chain([uses]).flatten() {
        tx.execute(insert).await?;
    }
    Ok(())
}

/// The cache tags a story's pages and lists carry, as the story is now: the story, its
/// edition's home, its sections and their parents, the section fronts that pin it,
/// topics, keywords and authors.
pub async fn story_tags<D: Dialect>(tx: &mut Tx<D>, id: i64) -> StoreResult<Vec<CacheTag>> {
    let tags: Vec<(String, i64)> = tx
        .fetch_all(sql!(
            "WITH RECURSIVE own (section_id) AS ( \
               SELECT section_id FROM stories WHERE id = $1 AND section_id IS NOT NULL \
               UNION SELECT section_id FROM story_sections WHERE story_id = $1 \
               UNION SELECT p.parent_id FROM sections p JOIN own ON p.id = own.section_id \
                 WHERE p.parent_id IS NOT NULL) \
             SELECT 'story', id FROM stories WHERE id = $1 \
             UNION ALL SELECT 'home', edition_id FROM stories WHERE id = $1 \
             UNION ALL SELECT 'section', section_id FROM own \
             UNION ALL SELECT 'section', front_id FROM front_pins \
               WHERE story_id = $1 AND front_id <> 0 \
             UNION ALL SELECT 'topic', topic_id FROM story_topics WHERE story_id = $1 \
             UNION ALL SELECT 'keyword', keyword_id FROM story_keywords WHERE story_id = $1 \
             UNION ALL SELECT 'author', author_id FROM story_credits \
               WHERE story_id = $1 AND author_id IS NOT NULL",
            id
        ))
        .await?;
    Ok(tags
        .into_iter()
        .filter_map(|(kind, id)| CacheTag::from_parts(&kind, id))
        .collect())
}

/// Appends the change-log row that derived state (page cache, feeds, search) follows:
/// the story's tags as it is now, plus `before` (its tags before the change).
pub async fn log_change<D: Dialect>(
    tx: &mut Tx<D>,
    id: i64,
    action: &str,
    before: &[CacheTag],
) -> StoreResult<()> {
    let mut tags = story_tags::<D>(tx, id).await?;
    tags.extend_from_slice(before);
    log_tags::<D>(tx, "story", id, action, tags).await
}
