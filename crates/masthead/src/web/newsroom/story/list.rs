//! The story list: every story the account may see, filtered by state, edition and
//! section, and searched through the search index (headline, standfirst, body, labels).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Html;
use jiff::tz::TimeZone;
use search::Language;
use serde::{Deserialize, Serialize};
use store::{StoryStatus, StorySummary};

use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::newsroom::{StoryListAsk, story_list};
use crate::service::site::Site;
use crate::web::error::AppError;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// Stories per page of the list.
const PER_PAGE: u32 = 50;

/// One story line in a newsroom list.
#[derive(Debug, Serialize)]
pub struct StoryRow {
    /// Story id.
    pub id: i64,
    /// Headline (or a placeholder for an empty one).
    pub headline: String,
    /// Stored state, for styling.
    pub status: &'static str,
    /// State as shown.
    pub status_label: &'static str,
    /// Section name.
    pub section: String,
    /// Edition name.
    pub edition: String,
    /// Owner's name.
    pub owner: String,
    /// Last save, in the edition's timezone.
    pub updated: DisplayTime,
    /// Due time for scheduled stories, in the edition's timezone.
    pub scheduled: Option<DisplayTime>,
    /// The editor.
    pub edit_url: String,
    /// The public page, once published.
    pub public_url: Option<String>,
}

/// A state as the newsroom names it.
pub fn status_label(status: StoryStatus) -> &'static str {
    match status {
        StoryStatus::Draft => "Draft",
        StoryStatus::InReview => "In review",
        StoryStatus::Scheduled => "Scheduled",
        StoryStatus::Published => "Published",
        StoryStatus::Unpublished => "Unpublished",
    }
}

impl StoryRow {
    /// The row for one story.
    pub fn new(site: &Site, story: StorySummary) -> StoryRow {
        let edition = site.edition(story.edition_id);
        let section = story
            .section_id
            .and_then(|id| edition.and_then(|edition| edition.section(id)))
            .map_or_else(|| "—".to_string(), |section| section.name.clone());
        let zone = edition.map_or(TimeZone::UTC, |edition| edition.zone.clone());
        StoryRow {
            public_url: (story.status == StoryStatus::Published)
                .then(|| site.path_for(story.edition_id, story.section_id, &story.slug)),
            id: story.id,
            headline: if story.headline.trim().is_empty() {
                "(no headline yet)".into()
            } else {
                story.headline
            },
            status: story.status.as_str(),
            status_label: status_label(story.status),
            section,
            edition: edition.map_or_else(String::new, |e| e.edition.name.clone()),
            owner: story.owner_name.unwrap_or_else(|| "—".into()),
            updated: newsroom_time(story.updated_at, &zone),
            scheduled: story.scheduled_at.map(|at| newsroom_time(at, &zone)),
            edit_url: format!("/admin/stories/{}", story.id),
        }
    }

    /// Rows for a list of stories.
    pub fn all(site: &Site, stories: Vec<StorySummary>) -> Vec<StoryRow> {
        stories
            .into_iter()
            .map(|story| StoryRow::new(site, story))
            .collect()
    }
}

/// The list's filters, from the query string.
#[derive(Debug, Default, Deserialize)]
pub struct ListFilter {
    #[serde(default)]
    status: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    edition: String,
    #[serde(default)]
    section: String,
    #[serde(default)]
    page: Option<u32>,
    #[serde(default)]
    notice: Option<String>,
}

#[derive(Serialize)]
struct ListPage {
    chrome: AdminChrome,
    stories: Vec<StoryRow>,
    status: String,
    q: String,
    statuses: Vec<(&'static str, &'static str)>,
    editions: Vec<Choice>,
    sections: Vec<Choice>,
    edition: String,
    section: String,
    next_page: Option<u32>,
    previous_page: Option<u32>,
}

/// A choice in one of the list's selects.
#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// `GET /admin/stories`.
pub async fn list_stories(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(filter): Query<ListFilter>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let page = filter.page.unwrap_or(1).clamp(1, 10_000);
    let status = StoryStatus::parse(&filter.status);
    let search: String = filter.q.trim().chars().take(200).collect();
    let edition = site
        .editions
        .iter()
        .find(|edition| edition.edition.code == filter.edition);
    let section = filter
        .section
        .parse::<i64>()
        .ok()
        .filter(|id| site.editions.iter().any(|e| e.section(*id).is_some()));
    let ask = StoryListAsk {
        text: &search,
        statuses: status.into_iter().collect(),
        edition: edition.map(|e| (e.edition.id, Language::from_tag(&e.edition.language))),
        section_id: section,
        limit: PER_PAGE + 1,
        offset: (page - 1) * PER_PAGE,
    };
    let mut stories = story_list(state.store.as_ref(), &state.search, user.actor, &ask).await?;
    let more = stories.len() > PER_PAGE as usize;
    stories.truncate(PER_PAGE as usize);
    let view = ListPage {
        chrome: AdminChrome::new(&state, &user, "/admin/stories")
            .with_notice(filter.notice.as_deref()),
        stories: StoryRow::all(&site, stories),
        status: status.map_or("", StoryStatus::as_str).to_string(),
        edition: edition.map_or_else(String::new, |e| e.edition.code.clone()),
        section: section.map_or_else(String::new, |id| id.to_string()),
        q: search,
        statuses: status_choices(),
        editions: edition_choices(&site, &filter.edition),
        sections: section_choices(&site, section),
        next_page: more.then_some(page + 1),
        previous_page: (page > 1).then(|| page - 1),
    };
    Ok(Html(state.theme.render("admin/stories.html", &view)?))
}

/// Every state, as the list's select offers it.
fn status_choices() -> Vec<(&'static str, &'static str)> {
    [
        StoryStatus::Draft,
        StoryStatus::InReview,
        StoryStatus::Scheduled,
        StoryStatus::Published,
        StoryStatus::Unpublished,
    ]
    .iter()
    .map(|status| (status.as_str(), status_label(*status)))
    .collect()
}

fn edition_choices(site: &Site, chosen: &str) -> Vec<Choice> {
    site.editions
        .iter()
        .map(|edition| Choice {
            value: edition.edition.code.clone(),
            label: edition.edition.name.clone(),
            selected: edition.edition.code == chosen,
        })
        .collect()
}

/// Every section of every edition, named with its edition.
fn section_choices(site: &Site, chosen: Option<i64>) -> Vec<Choice> {
    site.editions
        .iter()
        .flat_map(|edition| {
            edition.sections.iter().map(move |section| Choice {
                value: section.id.to_string(),
                label: format!("{} — {}", edition.edition.name, section.name),
                selected: Some(section.id) == chosen,
            })
        })
        .collect()
}
