//! Job listings in the newsroom: add, edit, close and reopen, each checked against the
//! actor's role and audit-logged. The store logs each change with the edition's `jobs`
//! cache tag, so readers' jobs pages follow.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use store::{JobListing, NewJobListing, Store};

use crate::domain::job::{JobInput, check_job};
use crate::domain::permission::Action;
use crate::domain::refusal::Refusal;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult, invalid};

/// The edition a listing belongs to: its id and timezone (closing dates are its days).
#[derive(Clone, Copy, Debug)]
pub struct JobEdition<'a> {
    /// Edition id.
    pub id: i64,
    /// Its timezone.
    pub zone: &'a TimeZone,
}

/// A listing of the edition, for editing.
pub async fn job_to_edit(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    id: i64,
) -> ServiceResult<JobListing> {
    actor.require(Action::ManageJobs)?;
    store
        .job_listing(id)
        .await?
        .filter(|job| job.edition_id == edition_id)
        .ok_or(ServiceError::NotFound)
}

/// Posts a new listing now; its closing date may not have passed.
pub async fn create_job(
    store: &dyn Store,
    actor: Actor,
    edition: JobEdition<'_>,
    input: &JobInput,
) -> ServiceResult<i64> {
    actor.require(Action::ManageJobs)?;
    let fields = check_job(input, edition.zone).map_err(ServiceError::Invalid)?;
    let now = Timestamp::now();
    if fields.closes_at.is_some_and(|closes| closes <= now) {
        return invalid(Refusal::JobClosed);
    }
    let audit = actor.audit("job.create", "job", None, fields.title.clone());
    let job = NewJobListing {
        edition_id: edition.id,
        posted_at: now,
        fields,
    };
    Ok(store.create_job_listing(&job, Some(&audit)).await?)
}

/// Rewrites a listing (a past closing date is allowed: it closes the listing).
pub async fn update_job(
    store: &dyn Store,
    actor: Actor,
    edition: JobEdition<'_>,
    id: i64,
    input: &JobInput,
) -> ServiceResult<()> {
    actor.require(Action::ManageJobs)?;
    let fields = check_job(input, edition.zone).map_err(ServiceError::Invalid)?;
    let audit = actor.audit("job.update", "job", Some(id), fields.title.clone());
    store
        .update_job_listing(edition.id, id, &fields, &audit)
        .await?;
    Ok(())
}

/// Closes a listing now (`open` false) or reopens it.
pub async fn set_job_open(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    id: i64,
    open: bool,
) -> ServiceResult<()> {
    actor.require(Action::ManageJobs)?;
    let (action, closed_at) = if open {
        ("job.reopen", None)
    } else {
        ("job.close", Some(Timestamp::now()))
    };
    let audit = actor.audit(action, "job", Some(id), String::new());
    store
        .close_job_listing(edition_id, id, closed_at, &audit)
        .await?;
    Ok(())
}
