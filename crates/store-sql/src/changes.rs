//! The change log: every write appends what it changed, with the cache tags of the pages
//! that show it, for the page cache and the other nodes' followers.

use jiff::Timestamp;
use store::{CacheTag, StoreResult};

use crate::db::Dialect;
use crate::{Tx, sql};

/// Appends one change-log row with its cache tags, deduplicated. Take it last in a
/// transaction: on PostgreSQL it holds up every other writer of the log until commit.
pub async fn log_tags<D: Dialect>(
    tx: &mut Tx<D>,
    entity: &str,
    entity_id: i64,
    action: &str,
    mut tags: Vec<CacheTag>,
) -> StoreResult<()> {
    tags.sort();
    tags.dedup();
    let insert = sql!(
        "INSERT INTO changes (at, entity, entity_id, action, tags) VALUES ($1, $2, $3, $4, $5)",
        Timestamp::now(),
        entity,
        entity_id,
        action,
        tags.iter()
            .map(CacheTag::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    );
    D::append_change(tx, insert).await
}
