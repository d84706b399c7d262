//! One newsletter list in the newsroom: its settings and sections, a preview of the issue
//! it would send now, a test send to one address, sending it now, its issues with their
//! counts (sent, failed, unsubscribed), and its subscribers over the last 30 days.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use store::{
    IssueSummary, NewAuditEntry, NewEmail, NewIssue, NewNewsletter, Newsletter, PREFERENCES_MARK,
    Schedule, UNSUBSCRIBE_MARK,
};

use crate::domain::email_address::parse_email;
use crate::domain::permission::{Action, allows};
use crate::domain::refusal::Refusal;
use crate::domain::time::{DisplayTime, display_time, newsroom_time};
use crate::service::site::EditionSite;
use crate::web::error::AppError;
use crate::web::newsroom::curation::picked_edition;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::site::newsletter::digest::{Composed, compose_breaking, compose_digest};
use crate::web::state::AppState;

/// Days of subscriber history shown.
const HISTORY_DAYS: i64 = 30;

/// The list with this id and its edition.
async fn list_and_edition(
    state: &AppState,
    id: i64,
) -> Result<(Newsletter, Arc<crate::service::site::Site>), AppError> {
    let site = state.site();
    for edition in &site.editions {
        let lists = state.store.newsletters(edition.edition.id).await?;
        if let Some(list) = lists.into_iter().find(|list| list.id == id) {
            return Ok((list, site.clone()));
        }
    }
    Err(AppError::NotFound)
}

fn edition_of<'a>(
    site: &'a crate::service::site::Site,
    list: &Newsletter,
) -> Result<&'a EditionSite, AppError> {
    site.edition(list.edition_id).ok_or(AppError::NotFound)
}

/// The issue the list would send now: its stories since the previous issue.
async fn compose_now(state: &AppState, list: &Newsletter) -> Result<Composed, AppError> {
    let previous = state
        .store
        .issue_summaries(list.id, 50)
        .await?
        .into_iter()
        .filter(|issue| issue.story_count > 0)
        .find_map(|issue| issue.composed_at);
    let period = match list.schedule {
        Schedule::Weekly => SignedDuration::from_hours(24 * 7),
        Schedule::Daily | Schedule::Breaking => SignedDuration::from_hours(24),
    };
    let since = previous.unwrap_or(Timestamp::now() - period);
    Ok(compose_digest(state, list, since).await?)
}

#[derive(Serialize)]
struct SectionChoice {
    id: i64,
    name: String,
    chosen: bool,
}

#[derive(Serialize)]
struct IssueRow {
    composed: Option<DisplayTime>,
    summary: IssueSummary,
}

#[derive(Serialize)]
struct DayRow {
    date: String,
    subscribers: i64,
    joined: i64,
    left: i64,
}

#[derive(Serialize)]
struct ListPage {
    chrome: AdminChrome,
    list: Newsletter,
    timezone: String,
    sections: Vec<SectionChoice>,
    schedules: [&'static str; 3],
    issues: Vec<IssueRow>,
    history: Vec<DayRow>,
    may_send: bool,
    test_email: String,
}

/// `?notice=`.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// The last [`HISTORY_DAYS`] days: subscribers at each day's end, joined and left.
async fn history(
    state: &AppState,
    list: &Newsletter,
    edition: &EditionSite,
) -> Result<Vec<DayRow>, AppError> {
    let today = Timestamp::now().as_second() / 86_400;
    let first = today - HISTORY_DAYS + 1;
    let since = Timestamp::from_second(first * 86_400).map_err(anyhow::Error::from)?;
    let (mut count, days) = tokio::try_join!(
        state.store.subscribers_at(list.id, since),
        state.store.subscriber_days(list.id, since)
    )?;
    let mut rows = Vec::new();
    for day in first..=today {
        let (joined, left) = days
            .iter()
            .find(|row| row.day == day)
            .map_or((0, 0), |row| (row.joined, row.left));
        count += joined - left;
        let at = Timestamp::from_second(day * 86_400).map_err(anyhow::Error::from)?;
        rows.push(DayRow {
            date: display_time(at, &jiff::tz::TimeZone::UTC, &edition.edition.language).date,
            subscribers: count,
            joined,
            left,
        });
    }
    rows.reverse();
    Ok(rows)
}

/// `GET /admin/newsletters/{id}`.
pub async fn show_list(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ReadNewsletters)?;
    let (list, site) = list_and_edition(&state, id).await?;
    let edition = edition_of(&site, &list)?;
    let (chosen, issues) = tokio::try_join!(
        state.store.newsletter_sections(id),
        state.store.issue_summaries(id, 20)
    )?;
    let view = ListPage {
        chrome: AdminChrome::new(&state, &user, "/admin/newsletters")
            .with_notice(query.notice.as_deref()),
        timezone: edition.edition.timezone.clone(),
        sections: edition
            .sections
            .iter()
            .map(|section| SectionChoice {
                id: section.id,
                name: section.name.clone(),
                chosen: chosen.contains(&section.id),
            })
            .collect(),
        schedules: Schedule::ALL.map(Schedule::as_str),
        issues: issues
            .into_iter()
            .map(|summary| IssueRow {
                composed: summary
                    .composed_at
                    .map(|at| newsroom_time(at, &edition.zone, &user.user.language)),
                summary,
            })
            .collect(),
        history: history(&state, &list, edition).await?,
        may_send: allows(user.user.role, Action::SendNewsletters),
        test_email: user.user.email.clone(),
        list,
    };
    Ok(Html(
        state.theme.render("admin/newsletter_list.html", &view)?,
    ))
}

/// The settings form, checked: the list's fields (in its edition, under its slug) and
/// sections, or what is wrong.
fn read_settings(
    edition_id: i64,
    slug: &str,
    form: &RawForm,
) -> Result<(NewNewsletter, Vec<i64>), AppError> {
    let field = |name: &str| form.get(name).unwrap_or_default().trim().to_string();
    let (name, sender_name) = (field("name"), field("sender_name"));
    let send_time = field("send_time");
    let schedule = Schedule::parse(&field("schedule"));
    let time_ok = send_time.len() == 5 && jiff::civil::Time::strptime("%H:%M", &send_time).is_ok();
    let problem = if name.is_empty() || name.chars().count() > 120 {
        Some(Refusal::NewsletterName)
    } else if sender_name.is_empty() || sender_name.chars().count() > 120 {
        Some(Refusal::NewsletterSender)
    } else if field("description").chars().count() > 500 {
        Some(Refusal::NewsletterDescription)
    } else if schedule.is_none() {
        Some(Refusal::NewsletterSchedule)
    } else if !time_ok {
        Some(Refusal::NewsletterTime)
    } else {
        None
    };
    if let Some(problem) = problem {
        return Err(AppError::BadRequest(problem));
    }
    let sections = form
        .0
        .iter()
        .filter(|(key, _)| key == "section")
        .filter_map(|(_, value)| value.parse().ok())
        .collect();
    let schedule = schedule.ok_or(AppError::BadRequest(Refusal::NewsletterSchedule))?;
    Ok((
        NewNewsletter {
            edition_id,
            slug: slug.to_string(),
            name,
            description: field("description"),
            sender_name,
            schedule,
            send_time,
        },
        sections,
    ))
}

fn audit(user: &CurrentUser, action: &str, list: &Newsletter, detail: String) -> NewAuditEntry {
    NewAuditEntry {
        user_id: Some(user.user.id),
        action: action.into(),
        entity: "newsletter".into(),
        entity_id: Some(list.id),
        detail,
    }
}

/// `POST /admin/newsletters/{id}`: saves the settings and sections.
pub async fn save_list(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    user.require(Action::SendNewsletters)?;
    let (list, _) = list_and_edition(&state, id).await?;
    let (fields, sections) = read_settings(list.edition_id, &list.slug, &form)?;
    let entry = audit(
        &user,
        "newsletter.update",
        &list,
        format!("edited {}", fields.name),
    );
    state
        .store
        .update_newsletter(id, &fields, &sections, &entry)
        .await?;
    Ok(Redirect::to(&format!("/admin/newsletters/{id}?notice=saved")).into_response())
}

/// `?edition=`.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct EditionQuery {
    edition: Option<i64>,
}

/// `POST /admin/newsletters?edition=`: adds a list to the edition (its short name made from
/// its name), then opens it to choose its sections.
pub async fn add_list(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
    form: RawForm,
) -> Result<Response, AppError> {
    user.require(Action::SendNewsletters)?;
    let site = state.site();
    let edition = picked_edition(&site, query.edition)?.edition.id;
    let slug = store::slug::slugify(form.get("name").unwrap_or_default(), 40);
    let (fields, _) = read_settings(edition, &slug, &form)?;
    let taken = state.store.newsletters(edition).await?;
    if slug.is_empty() || taken.iter().any(|list| list.slug == slug) {
        return Err(AppError::BadRequest(Refusal::NewsletterNameTaken));
    }
    let entry = NewAuditEntry {
        user_id: Some(user.user.id),
        action: "newsletter.create".into(),
        entity: "newsletter".into(),
        entity_id: None,
        detail: format!("created {}", fields.name),
    };
    let id = state.store.create_newsletter(&fields, Some(&entry)).await?;
    Ok(Redirect::to(&format!("/admin/newsletters/{id}?notice=created")).into_response())
}

/// `?part=text` for the plain-text part.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct PreviewQuery {
    part: String,
}

/// `GET /admin/newsletters/{id}/preview`: the issue the list would send now, as a
/// subscriber would see it (links to leave point at the sign-up page).
pub async fn preview_list(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<PreviewQuery>,
) -> Result<Response, AppError> {
    user.require(Action::ReadNewsletters)?;
    let (list, site) = list_and_edition(&state, id).await?;
    let composed = compose_now(&state, &list).await?;
    let signup = signup_url(&state, edition_of(&site, &list)?);
    let (body, kind) = if query.part == "text" {
        (
            without_marks(&composed.text_body, &signup),
            "text/plain; charset=utf-8",
        )
    } else {
        (
            without_marks(&composed.html_body, &signup),
            "text/html; charset=utf-8",
        )
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

fn signup_url(state: &AppState, edition: &EditionSite) -> String {
    format!(
        "{}{}/newsletter",
        state.base_url, edition.edition.path_prefix
    )
}

/// A composed part for someone who is not a subscriber: the sign-up page for each link.
fn without_marks(part: &str, signup: &str) -> String {
    part.replace(UNSUBSCRIBE_MARK, signup)
        .replace(PREFERENCES_MARK, signup)
}

/// The test-send form.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct TestForm {
    email: String,
}

/// `POST /admin/newsletters/{id}/test`: the issue as it would go now, to one address
/// (through the outbox, like any email), marked as a test in the audit log.
pub async fn test_send(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    crate::web::newsroom::form::Form(form): crate::web::newsroom::form::Form<TestForm>,
) -> Result<Response, AppError> {
    user.require(Action::SendNewsletters)?;
    let email = parse_email(&form.email)
        .map_err(|_| AppError::BadRequest(Refusal::NewsletterTestAddress))?;
    let (list, site) = list_and_edition(&state, id).await?;
    let composed = compose_now(&state, &list).await?;
    let signup = signup_url(&state, edition_of(&site, &list)?);
    let test = NewEmail {
        kind: "test".into(),
        recipient: email,
        sender_name: list.sender_name.clone(),
        subject: format!("[TEST] {}", composed.subject),
        text_body: without_marks(&composed.text_body, &signup),
        html_body: without_marks(&composed.html_body, &signup),
        headers: Vec::new(),
        subscriber_id: None,
    };
    state.store.queue_email(&test, Timestamp::now()).await?;
    Ok(Redirect::to(&format!("/admin/newsletters/{id}?notice=test-sent")).into_response())
}

/// Queues an issue made by hand to every subscriber of the list, audit-logged.
pub async fn send_composed(
    state: &AppState,
    user: &CurrentUser,
    list: &Newsletter,
    composed: &Composed,
) -> Result<i64, AppError> {
    let entry = audit(
        user,
        "newsletter.send",
        list,
        format!("sent \"{}\"", composed.subject),
    );
    let (_, recipients) = state
        .store
        .queue_issue(&NewIssue {
            newsletter_id: list.id,
            planned: None,
            subject: &composed.subject,
            text_body: &composed.text_body,
            html_body: &composed.html_body,
            story_count: composed.story_count,
            at: Timestamp::now(),
            job: None,
            audit: Some(&entry),
        })
        .await?;
    Ok(recipients)
}

/// `POST /admin/newsletters/{id}/send`: sends the list's issue now (its stories since the
/// previous issue); with none, nothing is sent.
pub async fn send_now(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    user.require(Action::SendNewsletters)?;
    let (list, _) = list_and_edition(&state, id).await?;
    let composed = compose_now(&state, &list).await?;
    if composed.story_count == 0 {
        return Ok(
            Redirect::to(&format!("/admin/newsletters/{id}?notice=nothing-new")).into_response(),
        );
    }
    send_composed(&state, &user, &list, &composed).await?;
    Ok(Redirect::to(&format!("/admin/newsletters/{id}?notice=sending")).into_response())
}

/// Emails the breaking-news bar's text to the edition's breaking-news lists; how many lists.
pub async fn send_breaking(
    state: &AppState,
    user: &CurrentUser,
    edition_id: i64,
    text: &str,
    url: &str,
) -> Result<usize, AppError> {
    let lists: Vec<Newsletter> = state
        .store
        .newsletters(edition_id)
        .await?
        .into_iter()
        .filter(|list| list.schedule == Schedule::Breaking)
        .collect();
    for list in &lists {
        let composed = compose_breaking(state, list, text, url)?;
        send_composed(state, user, list, &composed).await?;
    }
    Ok(lists.len())
}
