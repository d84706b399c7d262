//! Job listings written by the newsroom: each write logs the edition's `jobs` tag, which
//! its jobs page and every listing's page carry.

use jiff::Timestamp;
use store::*;

use crate::changes::log_tags;
use crate::db::{Db, Dialect, Transaction as _};
use crate::workflow::audit_in;
use crate::{SqlStore, Tx, sql};

pub(crate) async fn create_job_listing<D: Dialect>(
    store: &SqlStore<D>,
    job: &NewJobListing,
    audit: Option<&NewAuditEntry>,
) -> StoreResult<i64> {
    let fields = &job.fields;
    let mut tx = store.write().await?;
    let id: i64 = tx
        .scalar(sql!(
            "INSERT INTO job_listings (edition_id, title, location, description, posted_at, \
             employment_type, closes_at, updated_at, apply_url, apply_email) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $5, $8, $9) RETURNING id",
            job.edition_id,
            &fields.title,
            &fields.location,
            &fields.description,
            job.posted_at,
            fields.employment_type.as_str(),
            fields.closes_at,
            &fields.apply_url,
            &fields.apply_email
        ))
        .await?;
    finish::<D>(tx, job.edition_id, id, "create", audit).await?;
    Ok(id)
}

pub(crate) async fn update_job_listing<D: Dialect>(
    store: &SqlStore<D>,
    edition_id: i64,
    id: i64,
    fields: &JobFields,
    audit: &NewAuditEntry,
) -> StoreResult<()> {
    let mut tx = store.write().await?;
    let changed = tx
        .execute(sql!(
            "UPDATE job_listings SET title = $1, location = $2, description = $3, \
             employment_type = $4, closes_at = $5, updated_at = $6, apply_url = $7, \
             apply_email = $8 WHERE id = $9 AND edition_id = $10",
            &fields.title,
            &fields.location,
            &fields.description,
            fields.employment_type.as_str(),
            fields.closes_at,
            Timestamp::now(),
            &fields.apply_url,
            &fields.apply_email,
            id,
            edition_id
        ))
        .await?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    finish::<D>(tx, edition_id, id, "update", Some(audit)).await
}

pub(crate) async fn close_job_listing<D: Dialect>(
    store: &SqlStore<D>,
    edition_id: i64,
    id: i64,
    closed_at: Option<Timestamp>,
    audit: &NewAuditEntry,
) -> StoreResult<()> {
    let mut tx = store.write().await?;
    let changed = tx
        .execute(sql!(
            "UPDATE job_listings SET closed_at = $1, updated_at = $2 \
             WHERE id = $3 AND edition_id = $4",
            closed_at,
            Timestamp::now(),
            id,
            edition_id
        ))
        .await?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    let action = if closed_at.is_some() {
        "close"
    } else {
        "reopen"
    };
    finish::<D>(tx, edition_id, id, action, Some(audit)).await
}

/// Writes the audit line, logs the change and commits.
async fn finish<D: Dialect>(
    mut tx: Tx<D>,
    edition_id: i64,
    id: i64,
    action: &str,
    audit: Option<&NewAuditEntry>,
) -> StoreResult<()> {
    if let Some(audit) = audit {
        audit_in::<D>(&mut tx, audit, id).await?;
    }
    log_tags::<D>(&mut tx, "job", id, action, vec![CacheTag::Jobs(edition_id)]).await?;
    tx.commit().await?;
    Ok(())
}
