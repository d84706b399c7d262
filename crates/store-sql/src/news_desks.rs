//! The newsroom's desks ([`NewsDesks`]): each write one transaction with its audit line;
//! reads load the desks, then their sections (in menu order) and members.

use async_trait::async_trait;
use store::*;

use crate::db::{Db, Dialect, Transaction};
use crate::query::Query;
use crate::workflow::audit_in;
use crate::{SqlStore, Tx, sql};

/// The desks a read asks for: all, one by id, or an account's.
enum Which {
    All,
    Id(i64),
    Member(i64),
}

impl<D: Dialect> SqlStore<D> {
    /// The desks `which` names, with their sections and members.
    async fn load_news_desks(&self, which: Which) -> StoreResult<Vec<NewsDesk>> {
        let (condition, arg) = match which {
            Which::All => ("$1 IS NULL", None),
            Which::Id(id) => ("d.id = $1", Some(id)),
            Which::Member(user) => (
                "d.id IN (SELECT desk_id FROM news_desk_members WHERE user_id = $1)",
                Some(user),
            ),
        };
        let mut db = self.db();
        let desks: Vec<(i64, i64, String)> = db
            .fetch_all(sql!(
                format!(
                    "SELECT d.id, d.edition_id, d.name FROM news_desks d WHERE {condition} \
                     ORDER BY d.edition_id, d.name, d.id"
                ),
                arg
            ))
            .await?;
        let ids: Vec<i64> = desks.iter().map(|(id, _, _)| *id).collect();
        let sections: Vec<(i64, i64)> = db
            .fetch_all(sql!(
                format!(
                    "SELECT ds.desk_id, ds.section_id FROM news_desk_sections ds \
                     JOIN sections s ON s.id = ds.section_id WHERE {} \
                     ORDER BY s.position, s.id",
                    D::in_list("ds.desk_id", 1)
                ),
                &ids
            ))
            .await?;
        let members: Vec<(i64, i64)> = db
            .fetch_all(sql!(
                format!(
                    "SELECT desk_id, user_id FROM news_desk_members WHERE {} ORDER BY user_id",
                    D::in_list("desk_id", 1)
                ),
                &ids
            ))
            .await?;
        let of = |pairs: &[(i64, i64)], desk: i64| -> Vec<i64> {
            pairs
                .iter()
                .filter(|(owner, _)| *owner == desk)
                .map(|(_, id)| *id)
                .collect()
        };
        Ok(desks
            .into_iter()
            .map(|(id, edition_id, name)| NewsDesk {
                section_ids: of(&sections, id),
                member_ids: of(&members, id),
                id,
                edition_id,
                name,
            })
            .collect())
    }
}

/// The edition of a desk, locked for the transaction; `NotFound` without one.
async fn desk_edition<D: Dialect>(tx: &mut Tx<D>, id: i64) -> StoreResult<i64> {
    tx.scalar(sql!(
        format!(
            "SELECT edition_id FROM news_desks WHERE id = $1{}",
            D::FOR_UPDATE
        ),
        id
    ))
    .await
}

/// The ids of `ids` without repeats, in order.
fn unique(ids: &[i64]) -> Vec<i64> {
    let mut unique = ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    unique
}

/// Whether `count` (a `COUNT(*)` of the rows of `ids` that may be used) finds them all.
async fn all_exist<D: Dialect>(tx: &mut Tx<D>, ids: &[i64], count: Query) -> StoreResult<bool> {
    let found: i64 = tx.scalar(count).await?;
    Ok(found == unique(ids).len() as i64)
}

/// Replaces the rows of a desk's list (`table`, its `column`) with `ids`.
async fn replace_list<D: Dialect>(
    tx: &mut Tx<D>,
    table: &str,
    column: &str,
    desk: i64,
    ids: &[i64],
) -> StoreResult<()> {
    tx.execute(sql!(
        format!("DELETE FROM {table} WHERE desk_id = $1"),
        desk
    ))
    .await?;
    for id in unique(ids) {
        tx.execute(sql!(
            format!("INSERT INTO {table} (desk_id, {column}) VALUES ($1, $2)"),
            desk,
            id
        ))
        .await?;
    }
    Ok(())
}

#[async_trait]
impl<D: Dialect> NewsDesks for SqlStore<D> {
    async fn news_desks(&self) -> StoreResult<Vec<NewsDesk>> {
        self.load_news_desks(Which::All).await
    }

    async fn news_desk(&self, id: i64) -> StoreResult<Option<NewsDesk>> {
        Ok(self.load_news_desks(Which::Id(id)).await?.pop())
    }

    async fn account_news_desks(&self, user_id: i64) -> StoreResult<Vec<NewsDesk>> {
        self.load_news_desks(Which::Member(user_id)).await
    }

    async fn create_news_desk(
        &self,
        edition_id: i64,
        name: &str,
        audit: &NewAuditEntry,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id: i64 = tx
            .scalar(sql!(
                "INSERT INTO news_desks (edition_id, name) VALUES ($1, $2) RETURNING id",
                edition_id,
                name
            ))
            .await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn rename_news_desk(
        &self,
        id: i64,
        name: &str,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let changed = tx
            .execute(sql!(
                "UPDATE news_desks SET name = $1 WHERE id = $2",
                name,
                id
            ))
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn delete_news_desk(&self, id: i64, audit: &NewAuditEntry) -> StoreResult<()> {
        let mut tx = self.write().await?;
        // The lists go first, so the delete needs no cascade from the database.
        for table in ["news_desk_sections", "news_desk_members"] {
            tx.execute(sql!(format!("DELETE FROM {table} WHERE desk_id = $1"), id))
                .await?;
        }
        let removed = tx
            .execute(sql!("DELETE FROM news_desks WHERE id = $1", id))
            .await?;
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn set_news_desk_sections(
        &self,
        id: i64,
        section_ids: &[i64],
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let edition = desk_edition::<D>(&mut tx, id).await?;
        let count = sql!(
            format!(
                "SELECT COUNT(*) FROM sections WHERE edition_id = $2 AND {}",
                D::in_list("id", 1)
            ),
            unique(section_ids),
            edition
        );
        if !all_exist::<D>(&mut tx, section_ids, count).await? {
            return Err(StoreError::NotFound);
        }
        replace_list::<D>(&mut tx, "news_desk_sections", "section_id", id, section_ids).await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn set_news_desk_members(
        &self,
        id: i64,
        user_ids: &[i64],
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        desk_edition::<D>(&mut tx, id).await?;
        let count = sql!(
            format!("SELECT COUNT(*) FROM users WHERE {}", D::in_list("id", 1)),
            unique(user_ids)
        );
        if !all_exist::<D>(&mut tx, user_ids, count).await? {
            return Err(StoreError::NotFound);
        }
        replace_list::<D>(&mut tx, "news_desk_members", "user_id", id, user_ids).await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }
}
