//! The search index ([`SearchIndex`]): documents written from the stories the change log
//! names, and searches over them.
//!
//! Every write of the index runs in one transaction that first locks the index's state
//! row and only then reads the stories it covers, so it always writes what was committed
//! last: two nodes following the log, or a rebuild beside the follower, take turns, and
//! none writes an older document over a newer one. The backend's half (FTS5 or a
//! `tsvector`) comes from the [`Dialect`].

use std::collections::{BTreeSet, HashMap};

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect, Transaction};
use crate::query::{Value, insert_rows, placeholder};
use crate::rows::from_json;
use crate::{SqlStore, Tx, search_query, sql};

/// A story row as the index reads it.
#[derive(sqlx::FromRow)]
struct SourceRow {
    id: i64,
    language: String,
    headline: String,
    standfirst: Option<String>,
    dateline: Option<String>,
    hero_image_id: Option<i64>,
    body: Option<String>,
}

/// Documents written per statement.
const WRITE_BATCH: usize = 100;

/// Selects [`SourceRow`]s; a `WHERE` follows.
const SOURCES: &str = "SELECT s.id, e.language, s.headline, s.standfirst, s.dateline, \
       s.hero_image_id, b.body \
     FROM stories s JOIN editions e ON e.id = s.edition_id \
     LEFT JOIN story_bodies b ON b.story_id = s.id";

#[async_trait]
impl<D: Dialect> SearchIndex for SqlStore<D> {
    async fn index_state(&self) -> StoreResult<IndexState> {
        let (last_change, complete_at): (i64, Option<i64>) = self
            .db()
            .fetch_one(sql!(
                "SELECT last_change, complete_at FROM search_state WHERE id = 1"
            ))
            .await?;
        Ok(IndexState {
            last_change,
            complete: complete_at.is_some(),
        })
    }

    async fn index_counts(&self) -> StoreResult<IndexCounts> {
        let (documents, stories): (i64, i64) = self
            .db()
            .fetch_one(sql!(
                "SELECT (SELECT COUNT(*) FROM search_docs), (SELECT COUNT(*) FROM stories)"
            ))
            .await?;
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(IndexCounts {
            documents: count(documents),
            stories: count(stories),
        })
    }

    async fn follow_changes(&self, limit: u32, analyze: Analyze<'_>) -> StoreResult<Option<i64>> {
        let mut tx = self.write().await?;
        // Another node holding the lock is following the same entries: leave them to it.
        let locked: Option<(i64,)> = tx
            .fetch_optional(sql!(format!(
                "SELECT last_change FROM search_state WHERE id = 1{}",
                D::SKIP_LOCKED
            )))
            .await?;
        let Some((last,)) = locked else {
            return Ok(None);
        };
        let changes: Vec<(i64, String, i64, String)> = tx
            .fetch_all(sql!(
                "SELECT id, entity, entity_id, tags FROM changes WHERE id > $1 \
                 ORDER BY id LIMIT $2",
                last,
                limit
            ))
            .await?;
        let Some(&(newest, ..)) = changes.last() else {
            return Ok(Some(last));
        };
        let stories = changed_stories(&changes);
        let ids: Vec<i64> = stories.into_iter().collect();
        index_stories::<D>(&mut tx, &ids, analyze).await?;
        tx.execute(sql!(
            "UPDATE search_state SET last_change = $1 WHERE id = 1",
            newest
        ))
        .await?;
        tx.commit().await?;
        Ok(Some(newest))
    }

    async fn begin_rebuild(&self) -> StoreResult<()> {
        let mut tx = self.write().await?;
        lock_state::<D>(&mut tx).await?;
        tx.execute(sql!(
            "UPDATE search_state SET complete_at = NULL, \
               last_change = (SELECT COALESCE(MAX(id), 0) FROM changes) \
             WHERE id = 1"
        ))
        .await?;
        tx.commit().await
    }

    async fn rebuild_batch(
        &self,
        after: i64,
        limit: u32,
        analyze: Analyze<'_>,
    ) -> StoreResult<Option<i64>> {
        let mut tx = self.write().await?;
        lock_state::<D>(&mut tx).await?;
        let ids: Vec<(i64,)> = tx
            .fetch_all(sql!(
                "SELECT id FROM stories WHERE id > $1 ORDER BY id LIMIT $2",
                after,
                limit
            ))
            .await?;
        let Some(&(last,)) = ids.last() else {
            // Past the last story: documents of stories deleted since go too.
            let gone: Vec<(i64,)> = tx
                .fetch_all(sql!(
                    "SELECT story_id FROM search_docs WHERE story_id > $1",
                    after
                ))
                .await?;
            remove_documents::<D>(&mut tx, gone.into_iter().map(|(id,)| id).collect()).await?;
            tx.commit().await?;
            return Ok(None);
        };
        let ids: Vec<i64> = ids.into_iter().map(|(id,)| id).collect();
        let gone: Vec<(i64,)> = tx
            .fetch_all(sql!(
                format!(
                    "SELECT story_id FROM search_docs WHERE story_id > $1 AND story_id <= $2 \
                     AND NOT {}",
                    D::in_list("story_id", 3)
                ),
                after,
                last,
                &ids
            ))
            .await?;
        remove_documents::<D>(&mut tx, gone.into_iter().map(|(id,)| id).collect()).await?;
        index_stories::<D>(&mut tx, &ids, analyze).await?;
        tx.commit().await?;
        Ok(Some(last))
    }

    async fn finish_rebuild(&self) -> StoreResult<()> {
        loop {
            let mut tx = self.write().await?;
            let more = D::merge_search_step(&mut tx).await?;
            tx.commit().await?;
            if !more {
                break;
            }
        }
        self.db().execute(sql!(D::ANALYZE_SEARCH)).await?;
        self.db()
            .execute(sql!(
                "UPDATE search_state SET complete_at = $1 WHERE id = 1",
                Timestamp::now()
            ))
            .await
            .map(drop)
    }

    async fn check_index_gap(&self) -> StoreResult<bool> {
        // The log's entries are numbered without gaps, except where pruning took the
        // oldest: an index that followed up to `last_change` misses nothing while the
        // oldest entry left is at most the next one.
        let gap = self
            .db()
            .execute(sql!(
                "UPDATE search_state SET complete_at = NULL \
                 WHERE id = 1 AND complete_at IS NOT NULL \
                   AND (SELECT MIN(id) FROM changes) > last_change + 1"
            ))
            .await?;
        Ok(gap > 0)
    }

    async fn search(&self, request: &SearchRequest<'_>) -> StoreResult<SearchPage> {
        if D::SEARCH_SETUP.is_empty() {
            return search_query::run_search::<D, _>(&mut self.db(), request).await;
        }
        let mut tx = self.write().await?;
        for setup in D::SEARCH_SETUP {
            tx.execute(sql!(*setup)).await?;
        }
        let page = search_query::run_search::<D, _>(&mut tx, request).await?;
        tx.commit().await?;
        Ok(page)
    }

    async fn search_vocabulary(&self, edition_id: i64, headlines: u32) -> StoreResult<Vec<String>> {
        let names: Vec<(String,)> = self
            .db()
            .fetch_all(sql!(
                "SELECT name FROM topics WHERE edition_id = $1 \
                 UNION SELECT name FROM keywords WHERE edition_id = $1 \
                 UNION SELECT a.name FROM authors a WHERE EXISTS (\
                   SELECT 1 FROM story_credits c JOIN stories s ON s.id = c.story_id \
                   WHERE c.author_id = a.id AND s.edition_id = $1) \
                 UNION SELECT headline FROM (SELECT headline FROM stories \
                   WHERE edition_id = $1 AND status = 'published' \
                   ORDER BY published_at DESC LIMIT $2) latest",
                edition_id,
                headlines
            ))
            .await?;
        Ok(names.into_iter().map(|(name,)| name).collect())
    }
}

/// Locks the index's state row until the transaction ends (waiting for a holder).
async fn lock_state<D: Dialect>(tx: &mut Tx<D>) -> StoreResult<()> {
    let _: Option<(i64,)> = tx
        .fetch_optional(sql!(format!(
            "SELECT last_change FROM search_state WHERE id = 1{}",
            D::FOR_UPDATE
        )))
        .await?;
    Ok(())
}

/// The stories change-log entries touched: the stories written, and those on pages the
/// entries drop (a renamed topic or author, a recaptioned image).
fn changed_stories(changes: &[(i64, String, i64, String)]) -> BTreeSet<i64> {
    let mut stories = BTreeSet::new();
    for (_, entity, entity_id, tags) in changes {
        if entity == "story" {
            stories.insert(*entity_id);
        }
        stories.extend(
            tags.split(' ')
                .filter_map(|tag| match CacheTag::parse(tag) {
                    Some(CacheTag::Story(id)) => Some(id),
                    _ => None,
                }),
        );
    }
    stories
}

/// Writes the documents of the stories `ids` as they are now; ids of stories no longer
/// there lose theirs.
async fn index_stories<D: Dialect>(
    tx: &mut Tx<D>,
    ids: &[i64],
    analyze: Analyze<'_>,
) -> StoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let sources = read_sources::<D>(tx, ids).await?;
    let found: BTreeSet<i64> = sources.iter().map(|source| source.story_id).collect();
    let gone = ids
        .iter()
        .copied()
        .filter(|id| !found.contains(id))
        .collect();
    remove_documents::<D>(tx, gone).await?;
    // Only documents the index holds are replaced: a delete costs SQLite's FTS5 table a
    // read of the row and a write of its terms' delete markers.
    let indexed: Vec<(i64,)> = tx
        .fetch_all(sql!(
            format!(
                "SELECT story_id FROM search_docs WHERE {}",
                D::in_list("story_id", 1)
            ),
            ids
        ))
        .await?;
    let indexed: BTreeSet<i64> = indexed.into_iter().map(|(id,)| id).collect();
    // A few statements per batch, not per story: on PostgreSQL each is a round trip.
    for chunk in sources.chunks(WRITE_BATCH) {
        let docs: Vec<SearchDoc> = chunk.iter().map(analyze).collect();
        let replacing: Vec<i64> = docs
            .iter()
            .map(|doc| doc.story_id)
            .filter(|id| indexed.contains(id))
            .collect();
        let rows = docs
            .iter()
            .map(|doc| vec![Value::from(doc.story_id), Value::from(&doc.plain)])
            .collect();
        if let Some(mut insert) = insert_rows("search_docs", "story_id, plain", rows, placeholder) {
            insert
                .sql
                .to_mut()
                .push_str(" ON CONFLICT (story_id) DO UPDATE SET plain = excluded.plain");
            tx.execute(insert).await?;
        }
        for statement in D::put_search_terms(&docs, replacing) {
            tx.execute(statement).await?;
        }
    }
    Ok(())
}

/// Removes the documents of `ids`.
async fn remove_documents<D: Dialect>(tx: &mut Tx<D>, ids: Vec<i64>) -> StoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    tx.execute(sql!(
        format!(
            "DELETE FROM search_docs WHERE {}",
            D::in_list("story_id", 1)
        ),
        &ids
    ))
    .await?;
    tx.execute(D::drop_search_terms(ids)).await?;
    Ok(())
}

/// What the stories `ids` give the index, in id order.
async fn read_sources<D: Dialect>(tx: &mut Tx<D>, ids: &[i64]) -> StoreResult<Vec<SearchSource>> {
    let rows: Vec<SourceRow> = tx
        .fetch_all(sql!(
            format!("{SOURCES} WHERE {} ORDER BY s.id", D::in_list("s.id", 1)),
            ids
        ))
        .await?;
    let labels: Vec<(i64, String)> = tx
        .fetch_all(sql!(
            format!(
                "SELECT st.story_id, t.name FROM story_topics st \
                   JOIN topics t ON t.id = st.topic_id WHERE {} \
                 UNION ALL SELECT sk.story_id, k.name FROM story_keywords sk \
                   JOIN keywords k ON k.id = sk.keyword_id WHERE {} \
                 UNION ALL SELECT c.story_id, COALESCE(a.name, g.name, '') FROM story_credits c \
                   LEFT JOIN authors a ON a.id = c.author_id \
                   LEFT JOIN agencies g ON g.id = c.agency_id WHERE {}",
                D::in_list("st.story_id", 1),
                D::in_list("sk.story_id", 1),
                D::in_list("c.story_id", 1)
            ),
            ids
        ))
        .await?;
    let gallery: Vec<(i64, String)> = tx
        .fetch_all(sql!(
            format!(
                "SELECT g.story_id, CASE WHEN g.caption <> '' THEN g.caption ELSE i.caption END \
                 FROM gallery_items g JOIN images i ON i.id = g.image_id WHERE {} \
                 ORDER BY g.story_id, g.position",
                D::in_list("g.story_id", 1)
            ),
            ids
        ))
        .await?;
    let mut sources = Vec::with_capacity(rows.len());
    let mut image_ids = Vec::new();
    for row in rows {
        let body: Body = match &row.body {
            Some(json) => from_json("story body", json)?,
            None => Body::default(),
        };
        image_ids.extend(row.hero_image_id);
        image_ids.extend(body.0.iter().filter_map(|block| match block {
            Block::Image { image_id, .. } => Some(*image_id),
            _ => None,
        }));
        sources.push((row, body));
    }
    let image_captions: HashMap<i64, String> = if image_ids.is_empty() {
        HashMap::new()
    } else {
        let rows: Vec<(i64, String)> = tx
            .fetch_all(sql!(
                format!(
                    "SELECT id, caption FROM images WHERE {}",
                    D::in_list("id", 1)
                ),
                image_ids
            ))
            .await?;
        rows.into_iter().collect()
    };
    let mut labels_of: HashMap<i64, Vec<String>> = HashMap::new();
    for (story_id, label) in labels {
        labels_of.entry(story_id).or_default().push(label);
    }
    let mut gallery_of: HashMap<i64, Vec<String>> = HashMap::new();
    for (story_id, caption) in gallery {
        gallery_of.entry(story_id).or_default().push(caption);
    }
    Ok(sources
        .into_iter()
        .map(|(row, body)| {
            let mut labels = labels_of.remove(&row.id).unwrap_or_default();
            labels.extend(row.dateline);
            let library = |id: &i64| image_captions.get(id).cloned();
            let mut captions: Vec<String> = row.hero_image_id.iter().filter_map(library).collect();
            captions.extend(body.0.iter().filter_map(|block| match block {
                Block::Image { image_id, caption } => caption.clone().or_else(|| library(image_id)),
                _ => None,
            }));
            captions.extend(gallery_of.remove(&row.id).unwrap_or_default());
            SearchSource {
                story_id: row.id,
                language: row.language,
                headline: row.headline,
                standfirst: row.standfirst,
                labels,
                body,
                captions,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_name_the_stories_they_touched() {
        let changes = vec![
            (1, "story".to_string(), 7, "story:7 section:2".to_string()),
            (
                2,
                "topic".to_string(),
                3,
                "topic:3 story:9 story:7".to_string(),
            ),
            (3, "menu_item".to_string(), 4, "edition:1".to_string()),
            (4, "image".to_string(), 5, String::new()),
        ];

        let stories = changed_stories(&changes);

        assert_eq!(stories.into_iter().collect::<Vec<_>>(), [7, 9]);
    }
}
