//! Front pins and the breaking-news bar.

use sqlx::PgPool;
use store::*;

use crate::curation::{lock_edition, log_tags};
use crate::map_error;
use crate::rows::{from_time, to_time};

type Result<T> = std::result::Result<T, StoreError>;

pub(crate) async fn front_pins(
    pool: &PgPool,
    edition_id: i64,
    front_id: i64,
) -> Result<Vec<FrontPin>> {
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT front_id, slot, position, story_id FROM front_pins \
         WHERE edition_id = $1 AND front_id = $2 ORDER BY slot COLLATE \"C\", position",
    )
    .bind(edition_id)
    .bind(front_id)
    .fetch_all(pool)
    .await
    .map_err(map_error)?;
    Ok(rows
        .into_iter()
        .map(|(front_id, slot, position, story_id)| FrontPin {
            front_id,
            slot,
            position,
            story_id,
        })
        .collect())
}

/// The tag of the page a front is shown on.
fn front_tag(edition_id: i64, front_id: i64) -> String {
    if front_id == HOME_FRONT {
        format!("home:{edition_id}")
    } else {
        format!("section:{front_id}")
    }
}

pub(crate) async fn replace_front_pins(
    pool: &PgPool,
    edition_id: i64,
    front_id: i64,
    pins: &[FrontPin],
) -> Result<()> {
    let mut tx = crate::begin_write(pool).await?;
    lock_edition(&mut tx, edition_id).await?;
    sqlx::query("DELETE FROM front_pins WHERE edition_id = $1 AND front_id = $2")
        .bind(edition_id)
        .bind(front_id)
        .execute(&mut *tx)
        .await
        .map_err(map_error)?;
    for pin in pins {
        sqlx::query(
            "INSERT INTO front_pins (edition_id, front_id, slot, position, story_id) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(edition_id)
        .bind(front_id)
        .bind(&pin.slot)
        .bind(pin.position)
        .bind(pin.story_id)
        .execute(&mut *tx)
        .await
        .map_err(map_error)?;
    }
    let tags = vec![front_tag(edition_id, front_id)];
    log_tags(&mut tx, "front", front_id, "pin", tags).await?;
    tx.commit().await.map_err(map_error)
}

pub(crate) async fn breaking_news(pool: &PgPool) -> Result<Vec<BreakingNews>> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT edition_id, text, url, expires_at FROM breaking_news ORDER BY edition_id",
    )
    .fetch_all(pool)
    .await
    .map_err(map_error)?;
    Ok(rows
        .into_iter()
        .map(|(edition_id, text, url, expires_at)| BreakingNews {
            edition_id,
            text,
            url,
            expires_at: to_time(expires_at),
        })
        .collect())
}

pub(crate) async fn set_breaking_news(pool: &PgPool, news: &BreakingNews) -> Result<()> {
    let mut tx = crate::begin_write(pool).await?;
    sqlx::query(
        "INSERT INTO breaking_news (edition_id, text, url, expires_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (edition_id) DO UPDATE SET text = excluded.text, url = excluded.url, \
           expires_at = excluded.expires_at",
    )
    .bind(news.edition_id)
    .bind(&news.text)
    .bind(&news.url)
    .bind(from_time(news.expires_at))
    .execute(&mut *tx)
    .await
    .map_err(map_error)?;
    let tags = vec![format!("edition:{}", news.edition_id)];
    log_tags(&mut tx, "breaking_news", news.edition_id, "set", tags).await?;
    tx.commit().await.map_err(map_error)
}

pub(crate) async fn clear_breaking_news(pool: &PgPool, edition_id: i64) -> Result<()> {
    let mut tx = crate::begin_write(pool).await?;
    sqlx::query("DELETE FROM breaking_news WHERE edition_id = $1")
        .bind(edition_id)
        .execute(&mut *tx)
        .await
        .map_err(map_error)?;
    let tags = vec![format!("edition:{edition_id}")];
    log_tags(&mut tx, "breaking_news", edition_id, "clear", tags).await?;
    tx.commit().await.map_err(map_error)
}
