//! The story list: every story the account may see, filtered by state, edition, section,
//! author and date, with saved views as links, and searched through the search index
//! (headline, standfirst, body, labels).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use search::Language;
use serde::Serialize;
use store::{StoryStatus, StorySummary, User};

use crate::domain::i18n_newsroom::newsroom_strings;
use crate::domain::story_filter::{DeskFilter, StoryFilter};
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::newsroom::{StoryListAsk, story_list};
use crate::service::site::Site;
use crate::web::error::AppError;
use crate::web::newsroom::news_desk::{desk_choices, desk_scope};
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
    /// State as shown, in the interface language (the type-ahead shows it).
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

impl StoryRow {
    /// The row for one story, its times in the interface `language`.
    pub fn new(site: &Site, story: StorySummary, language: &str) -> StoryRow {
        let edition = site.edition(story.edition_id);
        let section = story
            .section_id
            .and_then(|id| edition.and_then(|edition| edition.section(id)))
            .map_or_else(|| "—".to_string(), |section| section.name.clone());
        let zone = edition.map_or(TimeZone::UTC, |edition| edition.zone.clone());
        let words = newsroom_strings(language);
        StoryRow {
            public_url: (story.status == StoryStatus::Published)
                .then(|| site.path_for(story.edition_id, story.section_id, &story.slug)),
            id: story.id,
            headline: if story.headline.trim().is_empty() {
                words.media.no_headline.into()
            } else {
                story.headline
            },
            status: story.status.as_str(),
            status_label: words.states.of(story.status),
            section,
            edition: edition.map_or_else(String::new, |e| e.edition.name.clone()),
            owner: story.owner_name.unwrap_or_else(|| "—".into()),
            updated: newsroom_time(story.updated_at, &zone, language),
            scheduled: story
                .scheduled_at
                .map(|at| newsroom_time(at, &zone, language)),
            edit_url: format!("/admin/stories/{}", story.id),
        }
    }

    /// Rows for a list of stories.
    pub fn all(site: &Site, stories: Vec<StorySummary>, language: &str) -> Vec<StoryRow> {
        stories
            .into_iter()
            .map(|story| StoryRow::new(site, story, language))
            .collect()
    }
}

#[derive(Serialize)]
struct ListPage {
    chrome: AdminChrome,
    stories: Vec<StoryRow>,
    /// Why the URL's filters were refused, if they were.
    problems: Vec<String>,
    /// The filters as the form shows them again.
    values: FilterValues,
    statuses: Vec<&'static str>,
    editions: Vec<Choice>,
    sections: Vec<Choice>,
    authors: Vec<Choice>,
    desks: Vec<crate::web::newsroom::curation::Choice>,
    /// What the desk filter keeps to (`desk=mine`).
    desk_note: Option<String>,
    views: Vec<SavedView>,
    next_page: Option<u32>,
    previous_page: Option<u32>,
}

/// The list's filters as text, for the form and the pager's links.
#[derive(Serialize)]
struct FilterValues {
    q: String,
    status: String,
    edition: String,
    section: String,
    author: String,
    desk: String,
    from: String,
    to: String,
}

/// A choice in one of the list's selects.
#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// A saved view: a link to the list with its filters set.
#[derive(Serialize)]
struct SavedView {
    label: &'static str,
    url: String,
}

/// `GET /admin/stories?q=&status=&edition=&section=&author=&from=&to=&page=`.
pub async fn list_stories(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let site = state.site();
    let notice = pairs.iter().find(|(key, _)| key == "notice");
    let (filter, status, problems) = match StoryFilter::parse(&pairs) {
        Ok(filter) => (filter, StatusCode::OK, Vec::new()),
        Err(problems) => (StoryFilter::default(), StatusCode::BAD_REQUEST, problems),
    };
    let (stories, more, desk_note) = if problems.is_empty() {
        find_stories(&state, &site, &user, &filter).await?
    } else {
        (Vec::new(), false, None)
    };
    let page = filter.page;
    let view = ListPage {
        chrome: AdminChrome::new(&state, &user, "/admin/stories")
            .with_notice(notice.map(|(_, value)| value.as_str())),
        stories: StoryRow::all(&site, stories, &user.user.language),
        problems: problems
            .iter()
            .map(|refusal| refusal.words(&user.user.language))
            .collect(),
        authors: author_choices(state.store.users().await?, filter.author),
        desks: desk_choices(&state, &site, &user, filter.desk).await?,
        desk_note,
        views: saved_views(&site, &user),
        editions: edition_choices(&site, &filter.edition),
        sections: section_choices(&site, filter.section),
        statuses: status_choices(),
        next_page: more.then_some(page + 1),
        previous_page: (page > 1).then(|| page - 1),
        values: FilterValues::of(&filter),
    };
    Ok((
        status,
        Html(state.theme.render("admin/stories.html", &view)?),
    )
        .into_response())
}

/// The stories one page of the list shows, whether there are more, and what the desk
/// filter keeps to.
async fn find_stories(
    state: &AppState,
    site: &Site,
    user: &CurrentUser,
    filter: &StoryFilter,
) -> Result<(Vec<StorySummary>, bool, Option<String>), AppError> {
    let (primary_section_ids, desk_note) = desk_scope(state, user, filter.desk).await?;
    let edition = site
        .editions
        .iter()
        .find(|edition| edition.edition.code == filter.edition);
    let zone = edition.map_or_else(|| site.newsroom_zone(), |edition| edition.zone.clone());
    let (dated_from, dated_before) = filter.moments(&zone);
    let ask = StoryListAsk {
        text: &filter.text,
        typing: false,
        statuses: filter.status.into_iter().collect(),
        edition: edition.map(|e| (e.edition.id, Language::from_tag(&e.edition.language))),
        section_id: filter.section,
        owner_id: filter.author,
        primary_section_ids,
        dated_from,
        dated_before,
        limit: PER_PAGE + 1,
        offset: (filter.page - 1) * PER_PAGE,
    };
    let mut stories = story_list(state.store.as_ref(), &state.search, user.actor, &ask).await?;
    let more = stories.len() > PER_PAGE as usize;
    stories.truncate(PER_PAGE as usize);
    Ok((stories, more, desk_note))
}

impl FilterValues {
    /// The values of a read filter.
    fn of(filter: &StoryFilter) -> FilterValues {
        let text = |value: Option<String>| value.unwrap_or_default();
        FilterValues {
            q: filter.text.clone(),
            status: filter.status.map_or("", StoryStatus::as_str).to_string(),
            edition: filter.edition.clone(),
            section: text(filter.section.map(|id| id.to_string())),
            author: text(filter.author.map(|id| id.to_string())),
            desk: match filter.desk {
                Some(DeskFilter::Mine) => "mine".into(),
                Some(DeskFilter::Id(id)) => id.to_string(),
                None => String::new(),
            },
            from: text(filter.from.map(|day| day.to_string())),
            to: text(filter.to.map(|day| day.to_string())),
        }
    }
}

/// The saved views, as links: the account's drafts, what waits for review, what is
/// scheduled, and what was published today (the newsroom's local day).
fn saved_views(site: &Site, user: &CurrentUser) -> Vec<SavedView> {
    let today = Timestamp::now()
        .to_zoned_datetime(site.newsroom_zone())
        .date();
    let t = newsroom_strings(&user.user.language);
    vec![
        SavedView {
            label: t.stories.my_drafts,
            url: format!("/admin/stories?status=draft&author={}", user.user.id),
        },
        SavedView {
            label: t.stories.waiting,
            url: "/admin/stories?status=in_review".into(),
        },
        SavedView {
            label: t.states.scheduled,
            url: "/admin/stories?status=scheduled".into(),
        },
        SavedView {
            label: t.stories.published_today,
            url: format!("/admin/stories?status=published&from={today}&to={today}"),
        },
        SavedView {
            label: t.desks.review_view,
            url: "/admin/stories?status=in_review&desk=mine".into(),
        },
    ]
}

/// Every account, for the author filter.
fn author_choices(users: Vec<User>, chosen: Option<i64>) -> Vec<Choice> {
    users
        .into_iter()
        .map(|account| Choice {
            value: account.id.to_string(),
            selected: Some(account.id) == chosen,
            label: account.name,
        })
        .collect()
}

/// Every state, as the list's select offers it.
fn status_choices() -> Vec<&'static str> {
    [
        StoryStatus::Draft,
        StoryStatus::InReview,
        StoryStatus::Scheduled,
        StoryStatus::Published,
        StoryStatus::Unpublished,
    ]
    .iter()
    .map(|status| status.as_str())
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
