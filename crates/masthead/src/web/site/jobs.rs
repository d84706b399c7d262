//! Job listings for readers: the open ones under the jobs page's text, and each listing's
//! own page at `{prefix}/jobs/{id}-{slug}` with how to apply and its `JobPosting`
//! metadata. A closed listing keeps its page, which says it is closed, shows no way to
//! apply and no longer carries a `JobPosting` (search engines must not advertise it as
//! open).

use axum::response::Response;
use jiff::Timestamp;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use serde_json::json;
use store::slug::slugify;
use store::{CacheTag, JobListing};

use crate::domain::i18n::strings_for;
use crate::domain::job::{closing_day, paragraphs};
use crate::domain::reserved;
use crate::domain::time::{DisplayTime, display_time};
use crate::service::site::{EditionSite, Site};
use crate::web::cache::cacheable;
use crate::web::error::AppError;
use crate::web::site::metadata::{HeadMeta, Publication};
use crate::web::site::moved_permanently;
use crate::web::state::AppState;
use crate::web::view::Chrome;

/// The slug of the static page that lists the open positions below its text; each
/// listing's page lives under it.
pub const JOBS_PAGE: &str = reserved::JOBS;
/// The longest slug a listing's path takes from its title.
const MAX_SLUG: usize = 80;
/// What a `mailto:` link escapes of an address: all but letters, digits and the few
/// marks that mean nothing there, so `?`, `&`, `%` and `#` in a local part stay in the
/// address rather than adding headers (RFC 6068).
const MAILTO: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'@')
    .remove(b'.')
    .remove(b'-')
    .remove(b'_')
    .remove(b'+');

/// The address to apply to by email, and its `mailto:` link.
#[derive(Serialize)]
pub struct EmailView {
    address: String,
    href: String,
}

/// A listing as readers see it.
#[derive(Serialize)]
pub struct JobView {
    url: String,
    title: String,
    location: String,
    employment: &'static str,
    paragraphs: Vec<String>,
    posted: DisplayTime,
    apply_by: Option<String>,
    closed: bool,
    /// Where to apply online.
    apply_url: Option<String>,
    /// The address to apply to by email.
    apply_email: Option<EmailView>,
}

impl JobView {
    fn new(edition: &EditionSite, job: &JobListing, now: Timestamp) -> JobView {
        let language = &edition.edition.language;
        let t = strings_for(language);
        JobView {
            url: job_path(edition, job),
            title: job.title.clone(),
            location: job.location.clone(),
            employment: t.employment(job.employment_type),
            paragraphs: paragraphs(&job.description),
            posted: display_time(job.posted_at, &edition.zone, language),
            apply_by: job
                .closes_at
                .map(|closes| closing_date_text(closes, edition)),
            closed: job.closed_since(now).is_some(),
            apply_url: Some(job.apply_url.clone()).filter(|url| !url.is_empty()),
            apply_email: Some(&job.apply_email)
                .filter(|address| !address.is_empty())
                .map(|address| EmailView {
                    address: address.clone(),
                    href: format!("mailto:{}", utf8_percent_encode(address, MAILTO)),
                }),
        }
    }
}

/// A listing's site path: `{prefix}/jobs/{id}-{slug of its title}`. The id finds it, so
/// a retitled listing's old paths move (301) to the new one.
pub fn job_path(edition: &EditionSite, job: &JobListing) -> String {
    let prefix = &edition.edition.path_prefix;
    match slugify(&job.title, MAX_SLUG) {
        slug if slug.is_empty() => format!("{prefix}/{JOBS_PAGE}/{}", job.id),
        slug => format!("{prefix}/{JOBS_PAGE}/{}-{slug}", job.id),
    }
}

/// The last day to apply, worded for the edition (the date of a `display_time`).
fn closing_date_text(closes_at: Timestamp, edition: &EditionSite) -> String {
    let day = closing_day(closes_at, &edition.zone);
    let noon = day
        .at(12, 0, 0, 0)
        .to_zoned_datetime(edition.zone.clone())
        .map_or(closes_at, |time| time.timestamp());
    display_time(noon, &edition.zone, &edition.edition.language).date
}

/// The edition's open listings, newest first, for its jobs page.
pub async fn open_jobs(state: &AppState, edition: &EditionSite) -> Result<Vec<JobView>, AppError> {
    let now = Timestamp::now();
    Ok(state
        .store
        .job_listings(edition.edition.id)
        .await?
        .iter()
        .filter(|job| job.closed_since(now).is_none())
        .map(|job| JobView::new(edition, job, now))
        .collect())
}

#[derive(Serialize)]
struct JobPage {
    chrome: Chrome,
    canonical: String,
    head: HeadMeta,
    jobs_url: String,
    job: JobView,
    json_ld: Option<serde_json::Value>,
}

/// The page of the listing a `jobs/{segment}` path names, or a 301 to its canonical path;
/// `None` if the edition has no such listing.
pub async fn show_job(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    segment: &str,
) -> Result<Option<Response>, AppError> {
    let id = segment
        .split('-')
        .next()
        .and_then(|id| id.parse::<i64>().ok());
    let Some(id) = id.filter(|id| *id > 0) else {
        return Ok(None);
    };
    let Some(job) = state.store.job_listing(id).await? else {
        return Ok(None);
    };
    if job.edition_id != edition.edition.id {
        return Ok(None);
    }
    let path = job_path(edition, &job);
    if path.rsplit('/').next() != Some(segment) {
        return Ok(Some(moved_permanently(&path)));
    }
    let now = Timestamp::now();
    let canonical = super::absolute_url(&state.base_url, &path);
    let view = JobView::new(edition, &job, now);
    let description = view.paragraphs.first().map_or("", String::as_str);
    let head = Publication::new(site, edition, &state.base_url).head(
        "website",
        &view.title,
        description,
        &canonical,
    );
    let page = JobPage {
        chrome: Chrome::new(site, edition, &state.base_url),
        head,
        json_ld: (!view.closed)
            .then(|| job_posting(site, &job, &view, &canonical, &state.base_url)),
        canonical,
        jobs_url: format!("{}/{JOBS_PAGE}", edition.edition.path_prefix),
        job: view,
    };
    let html = state.theme.render("pages/job.html", &page)?;
    let tags = vec![
        CacheTag::Jobs(edition.edition.id),
        CacheTag::Edition(edition.edition.id),
    ];
    Ok(Some(cacheable(html, tags)))
}

/// schema.org `JobPosting` for an open listing.
fn job_posting(
    site: &Site,
    job: &JobListing,
    view: &JobView,
    canonical: &str,
    base_url: &str,
) -> serde_json::Value {
    let description: String = view
        .paragraphs
        .iter()
        .map(|paragraph| format!("<p>{}</p>", escape_html(paragraph)))
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": job.title,
        "description": description,
        "datePosted": view.posted.iso,
        "validThrough": job.closes_at.map(|closes| closes.to_string()),
        "employmentType": job.employment_type.schema_org(),
        "hiringOrganization": {
            "@type": "Organization",
            "name": site.settings.site_name,
            "sameAs": base_url,
        },
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": job.location},
        },
        "url": canonical,
        // The page's Apply link starts an application online; an email address alone
        // is no way to apply from the page itself.
        "directApply": view.apply_url.is_some(),
        "applicationContact": view.apply_email.as_ref().map(|email| json!({
            "@type": "ContactPoint",
            "email": email.address,
        })),
    })
}

/// Text made safe inside the HTML of a `JobPosting` description.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>")
}
