//! Composing a newsletter issue from the theme's `email/digest/{subject.txt, body.txt,
//! body.html}` in the list's edition's language: a digest of the list's sections' stories
//! published since its previous issue, or one breaking story. Each subscriber's own links
//! are marks ([`UNSUBSCRIBE_MARK`], [`PREFERENCES_MARK`]) filled in when their copy is
//! sent ([`personal_copy`]).

use jiff::Timestamp;
use serde::Serialize;
use store::{
    Newsletter, PREFERENCES_MARK, StoryFilter, StoryQuery, Subscriber, Teaser, UNSUBSCRIBE_MARK,
};

use crate::domain::i18n::Strings;
use crate::domain::text::clean_line;
use crate::domain::time::display_time;
use crate::service::site::{EditionSite, Site};
use crate::web::site::absolute_url;
use crate::web::site::newsletter::letters::unsubscribe_url;
use crate::web::site::newsletter::links::preferences_url;
use crate::web::state::AppState;

/// The most stories a digest carries from one section.
const PER_SECTION: u32 = 8;

/// A composed issue, with the marks in place of each subscriber's links.
#[derive(Clone, Debug)]
pub struct Composed {
    /// Subject line.
    pub subject: String,
    /// Plain-text part.
    pub text_body: String,
    /// HTML part.
    pub html_body: String,
    /// Stories carried (none: nothing to send).
    pub story_count: i64,
}

/// A story in a digest.
#[derive(Serialize)]
struct Item {
    headline: String,
    standfirst: Option<String>,
    url: String,
}

/// A digest's stories from one section (or the whole edition).
#[derive(Serialize)]
struct Group {
    name: String,
    url: String,
    items: Vec<Item>,
}

/// What the digest templates see.
#[derive(Serialize)]
struct DigestView<'a> {
    t: &'static Strings,
    lang: &'a str,
    dir: &'static str,
    site_name: &'a str,
    home_url: String,
    list: &'a Newsletter,
    date: String,
    breaking: bool,
    groups: Vec<Group>,
    unsubscribe_url: &'static str,
    preferences_url: &'static str,
}

fn item(state: &AppState, site: &Site, teaser: &Teaser) -> Item {
    Item {
        headline: teaser.headline.clone(),
        standfirst: teaser.standfirst.clone(),
        url: absolute_url(&state.base_url, &site.story_path(teaser)),
    }
}

/// The list's sections' stories published after `since`, newest first, each story once.
async fn groups(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    list: &Newsletter,
    since: Timestamp,
) -> anyhow::Result<Vec<Group>> {
    let sections = state.store.newsletter_sections(list.id).await?;
    let filters: Vec<(String, String, StoryFilter)> = if sections.is_empty() {
        let home = absolute_url(
            &state.base_url,
            &format!("{}/", edition.edition.path_prefix),
        );
        vec![(edition.strings.nl.latest.into(), home, StoryFilter::All)]
    } else {
        sections
            .iter()
            .filter_map(|id| edition.section(*id))
            .map(|section| {
                let url = absolute_url(&state.base_url, &edition.section_path(section.id));
                (section.name.clone(), url, StoryFilter::Section(section.id))
            })
            .collect()
    };
    let mut seen = Vec::new();
    let mut groups = Vec::new();
    for (name, url, filter) in filters {
        let query = StoryQuery::latest(edition.edition.id, filter, PER_SECTION);
        let mut items = Vec::new();
        for teaser in state.store.teasers(&query).await? {
            if teaser.published_at.is_some_and(|at| at > since) && !seen.contains(&teaser.id) {
                seen.push(teaser.id);
                items.push(item(state, site, &teaser));
            }
        }
        if !items.is_empty() {
            groups.push(Group { name, url, items });
        }
    }
    Ok(groups)
}

fn render(state: &AppState, view: &DigestView<'_>) -> anyhow::Result<Composed> {
    let story_count: usize = view.groups.iter().map(|group| group.items.len()).sum();
    Ok(Composed {
        subject: clean_line(&state.theme.render("email/digest/subject.txt", view)?),
        text_body: state.theme.render("email/digest/body.txt", view)?,
        html_body: state.theme.render("email/digest/body.html", view)?,
        story_count: i64::try_from(story_count).unwrap_or(i64::MAX),
    })
}

fn view<'a>(
    state: &AppState,
    site: &'a Site,
    edition: &'a EditionSite,
    list: &'a Newsletter,
    groups: Vec<Group>,
    breaking: bool,
) -> DigestView<'a> {
    DigestView {
        t: edition.strings,
        lang: &edition.edition.language,
        dir: edition.edition.direction.as_str(),
        site_name: &site.settings.site_name,
        home_url: format!("{}{}/", state.base_url, edition.edition.path_prefix),
        list,
        date: display_time(Timestamp::now(), &edition.zone, &edition.edition.language).date,
        breaking,
        groups,
        unsubscribe_url: UNSUBSCRIBE_MARK,
        preferences_url: PREFERENCES_MARK,
    }
}

/// A list's digest of the stories published after `since`.
pub async fn compose_digest(
    state: &AppState,
    list: &Newsletter,
    since: Timestamp,
) -> anyhow::Result<Composed> {
    let site = state.site();
    let edition = site
        .edition(list.edition_id)
        .ok_or_else(|| anyhow::anyhow!("list {} has no edition", list.id))?;
    let groups = groups(state, &site, edition, list, since).await?;
    render(state, &view(state, &site, edition, list, groups, false))
}

/// A breaking-news issue: the bar's text, linking where the bar links.
pub fn compose_breaking(
    state: &AppState,
    list: &Newsletter,
    text: &str,
    url: &str,
) -> anyhow::Result<Composed> {
    let site = state.site();
    let edition = site
        .edition(list.edition_id)
        .ok_or_else(|| anyhow::anyhow!("list {} has no edition", list.id))?;
    let url = if url.starts_with('/') {
        absolute_url(&state.base_url, url)
    } else {
        url.to_string()
    };
    let groups = vec![Group {
        name: edition.strings.breaking_news.into(),
        url: url.clone(),
        items: vec![Item {
            headline: text.to_string(),
            standfirst: None,
            url,
        }],
    }];
    render(state, &view(state, &site, edition, list, groups, true))
}

/// One subscriber's copy of a composed part: their own links in place of the marks
/// (escaped for HTML in the HTML part).
pub fn personal_copy(
    state: &AppState,
    edition: &EditionSite,
    subscriber: &Subscriber,
    list_id: i64,
    part: &str,
    html: bool,
) -> String {
    let unsubscribe = unsubscribe_url(state, edition, subscriber, Some(list_id));
    let manage = preferences_url(state, edition, subscriber);
    let (unsubscribe, manage) = if html {
        (
            unsubscribe.replace('&', "&amp;"),
            manage.replace('&', "&amp;"),
        )
    } else {
        (unsubscribe, manage)
    };
    part.replace(UNSUBSCRIBE_MARK, &unsubscribe)
        .replace(PREFERENCES_MARK, &manage)
}
