//! Newsletter issues: the clock that plans each scheduled list's issue when its time comes
//! (every node runs it; the database lets one plan through), the job that composes an
//! issue, and the job that sends it to each recipient once.
//!
//! A send works in slices: it reserves a batch of recipients, sends each their own copy
//! and records it, and after a while puts itself back in the queue so that other jobs
//! (scheduled publishes) are not kept waiting behind a large list. A node that dies
//! mid-send loses its reservations when they run out; whoever takes the job next carries
//! on with the recipients not recorded as sent. Only the copies the dead node had handed
//! to the mail server without recording them go out twice, with the same `Message-ID`.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};
use store::{
    IssueContent, Job, NewIssue, Newsletter, Schedule, SendOutcome, StoreError, StoreResult,
    Subscriber,
};

use crate::mail::{Letter, Mailer};
use crate::service::site::EditionSite;
use crate::web::site::newsletter::digest::{compose_digest, personal_copy};
use crate::web::site::newsletter::letters::{unsubscribe_headers, unsubscribe_url};
use crate::web::state::AppState;

/// How often the clock looks for lists whose time has come.
const TICK: Duration = Duration::from_secs(10);
/// A scheduled issue is still sent this long after its time (a node that was down at
/// 07:00 sends the morning digest at 07:40, not at noon).
const GRACE: SignedDuration = SignedDuration::from_hours(2);
/// Recipients reserved at once.
const BATCH: u32 = 64;
/// Copies handed to the mail server at once: one a connection.
const IN_FLIGHT: usize = crate::mail::CONNECTIONS as usize;
/// The longest a send job works before making way for other jobs.
const SLICE: Duration = Duration::from_secs(20);

/// Plans scheduled issues: every [`TICK`], each daily or weekly list whose time passed
/// within [`GRACE`] gets its issue for that time, once.
pub struct NewsletterClock {
    /// The app's handles.
    pub state: Arc<AppState>,
}

impl NewsletterClock {
    /// Runs until the app stops; without `[email] smtp_url` there is nothing to send, and
    /// nothing is planned.
    pub async fn run(self) {
        if self.state.mail.is_none() {
            return;
        }
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + TICK, TICK);
        loop {
            every.tick().await;
            if let Err(error) = self.plan_due().await {
                tracing::warn!(%error, "planning newsletter issues");
            }
        }
    }

    async fn plan_due(&self) -> StoreResult<()> {
        let now = Timestamp::now();
        let site = self.state.site();
        for edition in &site.editions {
            for list in self.state.store.newsletters(edition.edition.id).await? {
                let Some(slot) = last_slot(&list, &edition.zone, now) else {
                    continue;
                };
                if now - GRACE < slot && self.state.store.plan_issue(list.id, slot, now).await? {
                    tracing::info!(list = list.id, %slot, "newsletter issue planned");
                }
            }
        }
        Ok(())
    }
}

/// The latest time at or before `now` that a list is due: its time of day in the
/// edition's zone, every day or every Monday. `None` for lists sent by hand or a time
/// that is not `HH:MM`.
pub fn last_slot(list: &Newsletter, zone: &TimeZone, now: Timestamp) -> Option<Timestamp> {
    let (hour, minute) = list.send_time.split_once(':')?;
    let (hour, minute) = (hour.parse::<i8>().ok()?, minute.parse::<i8>().ok()?);
    let today = now.to_zoned_datetime(zone.clone()).date();
    let back = match list.schedule {
        Schedule::Daily => 0,
        Schedule::Weekly => i64::from(today.weekday().to_monday_zero_offset()),
        Schedule::Breaking => return None,
    };
    let step = if list.schedule == Schedule::Weekly {
        7
    } else {
        1
    };
    let mut day = today.checked_sub(back.days()).ok()?;
    loop {
        let slot = day
            .at(hour, minute, 0, 0)
            .to_zoned_datetime(zone.clone())
            .ok()?
            .timestamp();
        if slot <= now {
            return Some(slot);
        }
        day = day.checked_sub(step.days()).ok()?;
    }
}

/// The list an issue belongs to, looked for in every edition.
async fn find_list(state: &AppState, id: i64) -> StoreResult<Option<Newsletter>> {
    for edition in &state.site().editions {
        let lists = state.store.newsletters(edition.edition.id).await?;
        if let Some(list) = lists.into_iter().find(|list| list.id == id) {
            return Ok(Some(list));
        }
    }
    Ok(None)
}

fn other(error: impl std::fmt::Display) -> StoreError {
    StoreError::Other(format!("{error:#}"))
}

/// The `compose_issue` job: the digest of the list's stories since its previous issue,
/// stored with its recipients and the send job; with no new stories it is closed unsent.
/// Composing again (the job run twice) changes nothing.
pub async fn compose(state: &AppState, job: &Job) -> StoreResult<bool> {
    let planned = state.store.planned_issue(job.subject_id).await?;
    let list = match &planned {
        Some(planned) => find_list(state, planned.newsletter_id).await?,
        None => None,
    };
    let (Some(planned), Some(list)) = (planned, list) else {
        // Its list was deleted: nothing to compose.
        state.store.finish_issue(job, Timestamp::now()).await?;
        return Ok(false);
    };
    let now = Timestamp::now();
    let period = match list.schedule {
        Schedule::Weekly => SignedDuration::from_hours(24 * 7),
        Schedule::Daily | Schedule::Breaking => SignedDuration::from_hours(24),
    };
    let since = planned.previous_at.unwrap_or(now - period);
    let composed = compose_digest(state, &list, since).await.map_err(other)?;
    let (id, recipients) = state
        .store
        .queue_issue(&NewIssue {
            newsletter_id: list.id,
            planned: Some(planned.id),
            subject: &composed.subject,
            text_body: &composed.text_body,
            html_body: &composed.html_body,
            story_count: composed.story_count,
            at: now,
            job: Some(job),
            audit: None,
        })
        .await?;
    tracing::info!(
        issue = id,
        recipients,
        stories = composed.story_count,
        "issue composed"
    );
    Ok(false)
}

/// One subscriber's copy of an issue, and the headers that let them leave the list.
struct PersonalCopy {
    message_id: String,
    recipient: String,
    text_body: String,
    html_body: String,
    headers: Vec<(String, String)>,
}

fn copy_for(
    state: &AppState,
    edition: &EditionSite,
    issue: &IssueContent,
    list: &Newsletter,
    list_id_header: &str,
    subscriber: &Subscriber,
) -> PersonalCopy {
    let unsubscribe = unsubscribe_url(state, edition, subscriber, Some(list.id));
    let mut headers = unsubscribe_headers(&unsubscribe);
    headers.push(("List-Id".into(), list_id_header.to_string()));
    PersonalCopy {
        message_id: format!("issue-{}-{}", issue.id, subscriber.id),
        recipient: subscriber.email.clone(),
        text_body: personal_copy(state, edition, subscriber, list.id, &issue.text_body, false),
        html_body: personal_copy(state, edition, subscriber, list.id, &issue.html_body, true),
        headers,
    }
}

/// Hands one copy to the mail server.
async fn deliver(
    mail: &Mailer,
    issue: &IssueContent,
    list: &Newsletter,
    copy: &PersonalCopy,
) -> Result<(), crate::mail::SendError> {
    mail.send(&Letter {
        message_id: &copy.message_id,
        recipient: &copy.recipient,
        sender_name: &list.sender_name,
        subject: &issue.subject,
        text_body: &copy.text_body,
        html_body: &copy.html_body,
        headers: &copy.headers,
        reply_to: None,
    })
    .await
}

/// The `send_issue` job: sends the issue to its recipients not yet sent to, a batch at a
/// time, for at most a [`SLICE`] (and half the lease) before making way for other jobs.
pub async fn send(state: &AppState, job: &Job, lease: SignedDuration) -> StoreResult<bool> {
    let Some(mail) = &state.mail else {
        return Err(other("no [email] smtp_url on this node"));
    };
    let issue = state.store.issue_content(job.subject_id).await?;
    let list = match &issue {
        Some(issue) => find_list(state, issue.newsletter_id).await?,
        None => None,
    };
    let (Some(issue), Some(list)) = (issue, list) else {
        state.store.finish_issue(job, Timestamp::now()).await?;
        return Ok(false);
    };
    let site = state.site();
    let edition = site
        .edition(list.edition_id)
        .ok_or_else(|| other("the list's edition is gone"))?;
    let domain = mail.from_address();
    let domain = domain.rsplit('@').next().unwrap_or("localhost");
    let list_id_header = format!(
        "{} <{}.{}.{domain}>",
        list.name.replace(['<', '>', '"'], ""),
        list.slug,
        edition.edition.language
    );
    let slice = SLICE.min(lease.unsigned_abs() / 2);
    let started = tokio::time::Instant::now();
    let (issue, list) = (&issue, &list);
    while started.elapsed() < slice {
        let now = Timestamp::now();
        let batch = state
            .store
            .claim_recipients(issue.id, now, now + lease, BATCH)
            .await?;
        if batch.is_empty() {
            if state.store.finish_issue(job, now).await? {
                tracing::info!(issue = issue.id, "issue sent to every recipient");
                return Ok(false);
            }
            return Err(other("recipients reserved by another worker; trying again"));
        }
        let copies: Vec<(i64, PersonalCopy)> = batch
            .iter()
            .map(|subscriber| {
                let copy = copy_for(state, edition, issue, list, &list_id_header, subscriber);
                (subscriber.id, copy)
            })
            .collect();
        let mut results = futures_util::stream::iter(copies)
            .map(move |(id, copy)| async move { (id, deliver(mail, issue, list, &copy).await) })
            .buffer_unordered(IN_FLIGHT);
        // The mail server was away for some: they wait for the job's retry.
        let mut away = None;
        while let Some((subscriber, result)) = results.next().await {
            let outcome = match &result {
                Ok(()) => SendOutcome::Sent,
                Err(error) if error.permanent => SendOutcome::Failed(&error.message),
                Err(error) => {
                    away = Some(error.message.clone());
                    continue;
                }
            };
            state
                .store
                .record_send(issue.id, subscriber, outcome, Timestamp::now())
                .await?;
        }
        if let Some(error) = away {
            return Err(other(error));
        }
    }
    state.store.defer_job(job, Timestamp::now()).await?;
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(schedule: Schedule, send_time: &str) -> Newsletter {
        Newsletter {
            id: 1,
            edition_id: 1,
            slug: "daily".into(),
            name: "Daily".into(),
            description: String::new(),
            sender_name: String::new(),
            schedule,
            send_time: send_time.into(),
            position: 1,
        }
    }

    fn at(text: &str) -> Timestamp {
        text.parse().expect("a time")
    }

    #[test]
    fn lists_are_due_at_their_local_time_daily_or_on_mondays() {
        let istanbul = TimeZone::get("Europe/Istanbul").expect("zone");
        // Saturday 5 December 2026, 06:30 in Istanbul (GMT+3).
        let now = at("2026-12-05T03:30:00Z");
        let daily = list(Schedule::Daily, "07:00");
        assert_eq!(
            last_slot(&daily, &istanbul, now),
            Some(at("2026-12-04T04:00:00Z")),
            "not yet today: yesterday's"
        );
        assert_eq!(
            last_slot(&daily, &istanbul, at("2026-12-05T04:00:00Z")),
            Some(at("2026-12-05T04:00:00Z")),
            "on the minute"
        );
        let weekly = list(Schedule::Weekly, "08:00");
        assert_eq!(
            last_slot(&weekly, &istanbul, now),
            Some(at("2026-11-30T05:00:00Z")),
            "last Monday"
        );
        assert_eq!(
            last_slot(&weekly, &istanbul, at("2026-11-30T04:59:00Z")),
            Some(at("2026-11-23T05:00:00Z")),
            "a Monday before its time: the Monday before"
        );
        assert_eq!(
            last_slot(&list(Schedule::Breaking, "00:00"), &istanbul, now),
            None
        );
        assert_eq!(
            last_slot(&list(Schedule::Daily, "7am"), &istanbul, now),
            None
        );
    }
}
