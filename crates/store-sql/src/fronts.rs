//! Front pins and the breaking-news bar.

use store::*;

use crate::changes::log_tags;
use crate::curation::lock_edition;
use crate::db::Transaction as _;
use crate::db::{Db, Dialect};
use crate::workflow::audit_in;
use crate::{SqlStore, sql};

pub(crate) async fn front_pins<D: Dialect>(
    store: &SqlStore<D>,
    edition_id: i64,
    front_id: i64,
) -> StoreResult<Vec<FrontPin>> {
    store
        .db()
        .fetch_all(sql!(
            "SELECT front_id, slot, position, story_id FROM front_pins \
             WHERE edition_id = $1 AND front_id = $2 ORDER BY slot, position",
            edition_id,
            front_id
        ))
        .await
}

/// The tag of the page a front is shown on.
fn front_tag(edition_id: i64, front_id: i64) -> CacheTag {
    if front_id == HOME_FRONT {
        CacheTag::Home(edition_id)
    } else {
        CacheTag::Section(front_id)
    }
}

pub(crate) async fn replace_front_pins<D: Dialect>(
    store: &SqlStore<D>,
    edition_id: i64,
    front_id: i64,
    pins: &[FrontPin],
    audit: &NewAuditEntry,
) -> StoreResult<()> {
    let mut tx = store.write().await?;
    lock_edition::<D>(&mut tx, edition_id).await?;
    tx.execute(sql!(
        "DELETE FROM front_pins WHERE edition_id = $1 AND front_id = $2",
        edition_id,
        front_id
    ))
    .await?;
    for pin in pins {
        tx.execute(sql!(
            "INSERT INTO front_pins (edition_id, front_id, slot, position, story_id) \
             VALUES ($1, $2, $3, $4, $5)",
            edition_id,
            front_id,
            &pin.slot,
            pin.position,
            pin.story_id
        ))
        .await?;
    }
    let tags = vec![front_tag(edition_id, front_id)];
    audit_in::<D>(&mut tx, audit, front_id).await?;
    log_tags::<D>(&mut tx, "front", front_id, "pin", tags).await?;
    tx.commit().await
}

pub(crate) async fn breaking_news<D: Dialect>(
    store: &SqlStore<D>,
) -> StoreResult<Vec<BreakingNews>> {
    store
        .db()
        .fetch_all(sql!(
            "SELECT edition_id, text, url, expires_at FROM breaking_news ORDER BY edition_id"
        ))
        .await
}

pub(crate) async fn set_breaking_news<D: Dialect>(
    store: &SqlStore<D>,
    news: &BreakingNews,
    audit: &NewAuditEntry,
) -> StoreResult<()> {
    let mut tx = store.write().await?;
    tx.execute(sql!(
        "INSERT INTO breaking_news (edition_id, text, url, expires_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (edition_id) DO UPDATE SET text = excluded.text, url = excluded.url, \
           expires_at = excluded.expires_at",
        news.edition_id,
        &news.text,
        &news.url,
        news.expires_at
    ))
    .await?;
    let tags = vec![CacheTag::Edition(news.edition_id)];
    audit_in::<D>(&mut tx, audit, news.edition_id).await?;
    log_tags::<D>(&mut tx, "breaking_news", news.edition_id, "set", tags).await?;
    tx.commit().await
}

pub(crate) async fn clear_breaking_news<D: Dialect>(
    store: &SqlStore<D>,
    edition_id: i64,
    audit: &NewAuditEntry,
) -> StoreResult<()> {
    let mut tx = store.write().await?;
    tx.execute(sql!(
        "DELETE FROM breaking_news WHERE edition_id = $1",
        edition_id
    ))
    .await?;
    let tags = vec![CacheTag::Edition(edition_id)];
    audit_in::<D>(&mut tx, audit, edition_id).await?;
    log_tags::<D>(&mut tx, "breaking_news", edition_id, "clear", tags).await?;
    tx.commit().await
}
