//! Writing a story's content, relations, revisions and change-log rows inside the
//! caller's transaction.

use std::collections::BTreeSet;

use jiff::Timestamp;
use store::*;

use crate::changes::log_tags;
use crate::db::{Db, Dialect};
use crate::lists::{Relist, relist};
use crate::query::{Value, insert_rows, placeholder};
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
    insert_relations::<D>(tx, id, fields).await?;
    relist::<D>(tx, Relist::Story(id)).await
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

/// A table's rows to insert: `(table, columns, rows)`.
type TableRows = (&'static str, &'static str, Vec<Vec<Value>>);

/// The rows of a story's relations, table by table, each list in the story's order.
fn relation_rows(id: i64, story: &StoryFields) -> [TableRows; 7] {
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
    let images = image_uses(story)
        .into_iter()
        .map(|(image, role)| vec![Value::from(id), Value::from(image), Value::from(role)])
        .collect();
    [
        listed(
            "story_sections",
            "story_id, position, section_id",
            id,
            ids(&story.secondary_section_ids),
        ),
        listed(
            "story_credits",
            "story_id, position, author_id, agency_id, role",
            id,
            credits,
        ),
        listed(
            "story_topics",
            "story_id, position, topic_id",
            id,
            ids(&story.topic_ids),
        ),
        listed(
            "story_keywords",
            "story_id, position, keyword_id",
            id,
            ids(&story.keyword_ids),
        ),
        listed(
            "story_recommendations",
            "story_id, position, recommended_id",
            id,
            ids(&story.recommended_ids),
        ),
        listed(
            "gallery_items",
            "story_id, position, image_id, caption",
            id,
            gallery,
        ),
        ("story_images", "story_id, image_id, role", images),
    ]
}

/// A list's rows, each prefixed with the story and its position from 0.
fn listed(
    table: &'static str,
    columns: &'static str,
    story_id: i64,
    rows: Vec<Vec<Value>>,
) -> TableRows {
    let rows = rows.into_iter().enumerate().map(|(position, row)| {
        let position = i64::try_from(position).unwrap_or(i64::MAX);
        [vec![Value::from(story_id), Value::from(position)], row].concat()
    });
    (table, columns, rows.collect())
}

/// Inserts each relation list in one statement.
async fn insert_relations<D: Dialect>(
    tx: &mut Tx<D>,
    id: i64,
    story: &StoryFields,
) -> StoreResult<()> {
    for (table, columns, rows) in relation_rows(id, story) {
        if let Some(insert) = insert_rows(table, columns, rows, placeholder) {
            tx.execute(insert).await?;
        }
    }
    Ok(())
}

/// Arguments per bulk statement, about. Each `$n` is looked up among the statement's
/// names as it is parsed and bound, so a statement's cost grows with the square of their
/// number: a couple of hundred keeps that small, and each table's statement the same text
/// (prepared once).
const BULK_ARGUMENTS: usize = 240;

/// Inserts stories whose ids the caller chose, many rows per statement: the bulk path of
/// the archive generator. No revision and no change-log row is written (a new archive has
/// no history and nothing cached).
pub async fn insert_stories<D: Dialect>(
    tx: &mut Tx<D>,
    stories: &[(StoryId, NewStory)],
) -> StoreResult<()> {
    let mut tables: Vec<TableRows> = vec![
        (
            "stories",
            "id, edition_id, kind, status, headline, standfirst, slug, section_id, \
             dateline, published_at, updated_at, hero_image_id, video_url, short_code, \
             seo_title, seo_description, owner_id",
            Vec::with_capacity(stories.len()),
        ),
        ("story_bodies", "story_id, body", Vec::new()),
    ];
    for (StoryId(id), story) in stories {
        let (id, fields) = (*id, &story.fields);
        tables[0].2.push(vec![
            Value::from(id),
            Value::from(story.edition_id),
            Value::from(fields.kind.as_str()),
            Value::from(story.status.as_str()),
            Value::from(&fields.headline),
            Value::from(&fields.standfirst),
            Value::from(&fields.slug),
            Value::from(fields.section_id),
            Value::from(&fields.dateline),
            Value::from(story.published_at),
            Value::from(story.updated_at),
            Value::from(fields.hero_image_id),
            Value::from(&fields.video_url),
            Value::from(short_code(id)),
            Value::from(&fields.seo_title),
            Value::from(&fields.seo_description),
            Value::from(story.owner_id),
        ]);
        let body = to_json("story body", &fields.body)?;
        tables[1].2.push(vec![Value::from(id), Value::from(body)]);
        for (index, (table, columns, rows)) in relation_rows(id, fields).into_iter().enumerate() {
            match tables.get_mut(index + 2) {
                Some(rows_so_far) => rows_so_far.2.extend(rows),
                None => tables.push((table, columns, rows)),
            }
        }
    }
    for (table, columns, mut rows) in tables {
        let per_statement = BULK_ARGUMENTS / rows.first().map_or(1, Vec::len);
        while !rows.is_empty() {
            let rest = rows.split_off(rows.len().min(per_statement));
            if let Some(insert) = insert_rows(table, columns, rows, placeholder) {
                tx.execute(insert).await?;
            }
            rows = rest;
        }
    }
    let ids = stories.iter().map(|(StoryId(id), _)| *id);
    if let (Some(first), Some(last)) = (ids.clone().min(), ids.max()) {
        relist::<D>(tx, Relist::Ids(first, last)).await?;
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
               WHERE story_id = $1 AND author_id IS NOT NULL \
             UNION ALL SELECT 'story', translation_id FROM story_translations \
               WHERE story_id = $1",
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
