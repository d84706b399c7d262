//! Job listings, for editors: an edition's listings with their state and a form for a new
//! one, each listing's edit page, and closing or reopening one.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use store::{EmploymentType, JobListing};

use crate::domain::i18n::strings_for;
use crate::domain::i18n_newsroom::newsroom_strings;
use crate::domain::job::{JobInput, closing_day};
use crate::domain::permission::Action;
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::job_edit::{JobEdition, create_job, job_to_edit, set_job_open, update_job};
use crate::service::site::EditionSite;
use crate::web::error::AppError;
use crate::web::newsroom::curation::{
    Choice, EditionQuery, EditionTab, answer, edition_tabs, picked_edition,
};
use crate::web::newsroom::form::Form;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::site::jobs::job_path;
use crate::web::state::AppState;

#[derive(Serialize)]
struct JobRow {
    id: i64,
    title: String,
    location: String,
    employment: &'static str,
    posted: DisplayTime,
    apply_by: Option<String>,
    /// "Open", "Closed" or "Past its closing date", in the interface's language.
    state: &'static str,
    closed_by_hand: bool,
    url: String,
}

impl JobRow {
    fn new(edition: &EditionSite, job: &JobListing, now: Timestamp, language: &str) -> JobRow {
        let words = newsroom_strings(language).people;
        let state = match (job.closed_at, job.closed_since(now)) {
            (Some(_), _) => words.job_closed,
            (None, Some(_)) => words.job_past,
            (None, None) => words.job_open,
        };
        JobRow {
            id: job.id,
            title: job.title.clone(),
            location: job.location.clone(),
            employment: strings_for(language).employment(job.employment_type),
            posted: newsroom_time(job.posted_at, &edition.zone, language),
            apply_by: job
                .closes_at
                .map(|closes| closing_day(closes, &edition.zone).to_string()),
            state,
            closed_by_hand: job.closed_at.is_some(),
            url: job_path(edition, job),
        }
    }
}

/// The listing form: what was typed, and the kinds of employment to pick from, named in
/// the interface's language.
#[derive(Serialize)]
struct JobForm {
    input: JobInput,
    employment: Vec<Choice>,
}

impl JobForm {
    fn new(input: JobInput, language: &str) -> JobForm {
        let picked = EmploymentType::parse(&input.employment_type).unwrap_or_default();
        let employment = EmploymentType::ALL
            .into_iter()
            .map(|kind| Choice {
                value: kind.as_str().to_string(),
                label: strings_for(language).employment(kind).to_string(),
                selected: kind == picked,
            })
            .collect();
        JobForm { input, employment }
    }
}

#[derive(Serialize)]
struct JobsPage {
    chrome: AdminChrome,
    editions: Vec<EditionTab>,
    edition_id: i64,
    timezone: String,
    jobs: Vec<JobRow>,
    /// The edit page's listing; none on the list page.
    job: Option<JobRow>,
    form: JobForm,
    error: Option<String>,
}

/// The list page (no `job`) or a listing's edit page, with `input` in the form.
async fn jobs_page(
    state: &AppState,
    user: &CurrentUser,
    query: &EditionQuery,
    job: Option<&JobListing>,
    input: JobInput,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let edition_id = edition.edition.id;
    let now = Timestamp::now();
    let jobs = match job {
        Some(_) => Vec::new(),
        None => state.store.job_listings(edition_id).await?,
    };
    let page = JobsPage {
        chrome: AdminChrome::new(state, user, "/admin/jobs").with_notice(query.notice.as_deref()),
        editions: edition_tabs(&site, edition_id, "/admin/jobs"),
        edition_id,
        timezone: edition.edition.timezone.clone(),
        jobs: jobs
            .iter()
            .map(|job| JobRow::new(edition, job, now, &user.user.language))
            .collect(),
        job: job.map(|job| JobRow::new(edition, job, now, &user.user.language)),
        form: JobForm::new(input, &user.user.language),
        error,
    };
    let template = if job.is_some() {
        "admin/job_edit.html"
    } else {
        "admin/jobs.html"
    };
    Ok(Html(state.theme.render(template, &page)?))
}

/// The edition a request works on, as the job services need it.
fn job_edition(edition: &EditionSite) -> JobEdition<'_> {
    JobEdition {
        id: edition.edition.id,
        zone: &edition.zone,
    }
}

/// `GET /admin/jobs?edition=`.
pub async fn list_jobs(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManageJobs)?;
    jobs_page(&state, &user, &query, None, JobInput::default(), None).await
}

/// `POST /admin/jobs?edition=`: posts a new listing.
pub async fn add_job(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
    Form(input): Form<JobInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let store = state.store.as_ref();
    let created = create_job(store, user.actor, job_edition(edition), &input).await;
    let done = format!("/admin/jobs?edition={}&notice=created", edition.edition.id);
    answer(&state, &user, created.map(drop), &done, |message| {
        jobs_page(&state, &user, &query, None, input.clone(), Some(message))
    })
    .await
}

/// `GET /admin/jobs/{id}?edition=`: a listing's edit page.
pub async fn edit_job(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let job = job_to_edit(state.store.as_ref(), user.actor, edition.edition.id, id).await?;
    let input = JobInput::from_fields(&job.fields(), &edition.zone);
    jobs_page(&state, &user, &query, Some(&job), input, None).await
}

/// `POST /admin/jobs/{id}?edition=`: saves a listing.
pub async fn change_job(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(input): Form<JobInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?;
    let store = state.store.as_ref();
    let job = job_to_edit(store, user.actor, edition.edition.id, id).await?;
    let updated = update_job(store, user.actor, job_edition(edition), id, &input).await;
    let done = format!("/admin/jobs?edition={}&notice=saved", edition.edition.id);
    answer(&state, &user, updated, &done, |message| {
        jobs_page(
            &state,
            &user,
            &query,
            Some(&job),
            input.clone(),
            Some(message),
        )
    })
    .await
}

/// Whether to open or close a listing.
#[derive(Debug, Deserialize)]
pub struct StatusInput {
    open: bool,
}

/// `POST /admin/jobs/{id}/status?edition=`: closes a listing now, or reopens it.
pub async fn set_job_status(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(input): Form<StatusInput>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = picked_edition(&site, query.edition)?.edition.id;
    let store = state.store.as_ref();
    set_job_open(store, user.actor, edition_id, id, input.open).await?;
    state.changed();
    let done = format!("/admin/jobs?edition={edition_id}&notice=saved");
    Ok(Redirect::to(&done).into_response())
}
