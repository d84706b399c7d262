//! Reads for sitemaps: an edition's published stories counted by month, listed by time
//! range, and its listing pages that have stories.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect};
use crate::rows::{from_json, to_time};
use crate::{SqlStore, sql};

/// The stories a sitemap may list: published, not static pages, with a publish time in
/// `[$2, $3)`; `$1` is the edition. The range is one stretch of `stories_published`.
const LISTED: &str = "s.edition_id = $1 AND s.status = 'published' AND s.kind <> 'page' \
                      AND s.published_at >= $2 AND s.published_at < $3";

#[derive(sqlx::FromRow)]
struct SitemapRow {
    id: i64,
    kind: StoryKind,
    headline: String,
    slug: String,
    section_id: Option<i64>,
    published_at: i64,
    updated_at: i64,
    hero_image_id: Option<i64>,
    gallery: String,
}

impl TryFrom<SitemapRow> for SitemapStory {
    type Error = StoreError;

    fn try_from(row: SitemapRow) -> StoreResult<SitemapStory> {
        let gallery: Vec<i64> = from_json("gallery images", &row.gallery)?;
        let mut image_ids: Vec<i64> = row.hero_image_id.into_iter().collect();
        for id in gallery {
            if !image_ids.contains(&id) {
                image_ids.push(id);
            }
        }
        Ok(SitemapStory {
            id: row.id,
            kind: row.kind,
            headline: row.headline,
            slug: row.slug,
            section_id: row.section_id,
            published_at: to_time(row.published_at),
            updated_at: to_time(row.updated_at),
            image_ids,
        })
    }
}

/// The newest story of a listing page of kind `kind` whose id is `{id}`: one seek at the
/// end of its range of `story_lists`.
fn newest(kind: i64, id: &str) -> String {
    format!(
        "(SELECT MAX(l.published_at) FROM story_lists l \
          WHERE l.list_kind = {kind} AND l.list_id = {id} AND l.edition_id = $1)"
    )
}

#[async_trait]
impl<D: Dialect> Sitemaps for SqlStore<D> {
    async fn story_months(
        &self,
        edition_id: i64,
        until: Timestamp,
    ) -> StoreResult<Vec<StoryMonth>> {
        let month = D::utc_month("s.published_at");
        let sql = format!(
            "SELECT {month} AS month, COUNT(*) AS stories, MAX(s.updated_at) AS updated_at \
             FROM stories s WHERE {LISTED} GROUP BY {month} ORDER BY month"
        );
        let rows: Vec<(i64, i64, i64)> = self
            .db()
            .fetch_all(sql!(sql, edition_id, i64::MIN, until.as_second()))
            .await?;
        Ok(rows
            .into_iter()
            .map(|(month, stories, updated_at)| StoryMonth {
                month,
                stories: u64::try_from(stories).unwrap_or(0),
                updated_at: to_time(updated_at),
            })
            .collect())
    }

    async fn sitemap_stories(&self, query: &SitemapQuery) -> StoreResult<Vec<SitemapStory>> {
        let direction = if query.newest_first { "DESC" } else { "ASC" };
        let gallery = D::json_list(
            "image_id",
            "gallery_items WHERE story_id = s.id",
            "position",
        );
        let sql = format!(
            "SELECT s.id, s.kind, s.headline, s.slug, s.section_id, s.published_at, \
             s.updated_at, s.hero_image_id, {gallery} AS gallery FROM stories s \
             WHERE {LISTED} ORDER BY s.published_at {direction}, s.id {direction} \
             LIMIT $4 OFFSET $5"
        );
        let rows: Vec<SitemapRow> = self
            .db()
            .fetch_all(sql!(
                sql,
                query.edition_id,
                query.from.as_second(),
                query.until.as_second(),
                query.limit,
                query.offset
            ))
            .await?;
        rows.into_iter().map(SitemapStory::try_from).collect()
    }

    async fn listed_pages(&self, edition_id: i64) -> StoreResult<Vec<ListedPage>> {
        let sql = format!(
            "SELECT kind, id, slug, newest FROM ( \
               SELECT CAST(1 AS BIGINT) AS kind, c.id, c.slug, {} AS newest FROM sections c \
                 WHERE c.edition_id = $1 \
               UNION ALL SELECT 2, t.id, t.slug, {} FROM topics t WHERE t.edition_id = $1 \
               UNION ALL SELECT 3, k.id, k.slug, {} FROM keywords k WHERE k.edition_id = $1 \
               UNION ALL SELECT 4, a.id, a.slug, {} FROM authors a \
             ) p WHERE newest IS NOT NULL ORDER BY kind, id",
            newest(1, "c.id"),
            newest(2, "t.id"),
            newest(3, "k.id"),
            newest(4, "a.id"),
        );
        let rows: Vec<(i64, i64, String, i64)> = self.db().fetch_all(sql!(sql, edition_id)).await?;
        Ok(rows
            .into_iter()
            .map(|(kind, id, slug, newest)| {
                let kind = match kind {
                    1 => ListedKind::Section,
                    2 => ListedKind::Topic,
                    3 => ListedKind::Keyword,
                    _ => ListedKind::Author,
                };
                ListedPage {
                    kind,
                    id,
                    slug,
                    newest: to_time(newest),
                }
            })
            .collect())
    }
}
