//! Topic, keyword and author pages: a heading and a paginated list of stories.

use axum::response::Response;
use serde::Serialize;
use store::{CacheTag, StoryFilter, StoryQuery};

use crate::domain::paging::Position;
use crate::service::listing::list_page;
use crate::service::site::{EditionSite, Site};
use crate::web::cache::cacheable;
use crate::web::error::AppError;
use crate::web::state::AppState;
use crate::web::view::{Chrome, Pager, TeaserView};

/// Which kind of listing a path asks for.
#[derive(Clone, Copy, Debug)]
pub enum ListingKind {
    /// `/topic/{slug}`.
    Topic,
    /// `/keyword/{slug}`.
    Keyword,
    /// `/author/{slug}`.
    Author,
}

#[derive(Serialize)]
struct ListingPage {
    chrome: Chrome,
    canonical: String,
    /// "topic", "keyword" or "author".
    kind: &'static str,
    /// Small label above the title ("Topic").
    eyebrow: String,
    title: String,
    description: String,
    /// Author's job title.
    subtitle: Option<String>,
    teasers: Vec<TeaserView>,
    pager: Pager,
}

struct Subject {
    filter: StoryFilter,
    tag: CacheTag,
    kind: &'static str,
    eyebrow: String,
    title: String,
    description: String,
    subtitle: Option<String>,
}

async fn find_subject(
    state: &AppState,
    edition: &EditionSite,
    kind: ListingKind,
    slug: &str,
) -> Result<Option<Subject>, AppError> {
    let edition_id = edition.edition.id;
    let strings = edition.strings;
    Ok(match kind {
        ListingKind::Topic => state
            .store
            .topic_by_slug(edition_id, slug)
            .await?
            .map(|topic| Subject {
                filter: StoryFilter::Topic(topic.id),
                tag: CacheTag::Topic(topic.id),
                kind: "topic",
                eyebrow: strings.topic.to_string(),
                title: topic.name,
                description: topic.description,
                subtitle: None,
            }),
        ListingKind::Keyword => {
            state
                .store
                .keyword_by_slug(edition_id, slug)
                .await?
                .map(|keyword| Subject {
                    filter: StoryFilter::Keyword(keyword.id),
                    tag: CacheTag::Keyword(keyword.id),
                    kind: "keyword",
                    eyebrow: strings.keyword.to_string(),
                    title: keyword.name,
                    description: String::new(),
                    subtitle: None,
                })
        }
        ListingKind::Author => state
            .store
            .author_by_slug(slug)
            .await?
            .map(|author| Subject {
                filter: StoryFilter::Author(author.id),
                tag: CacheTag::Author(author.id),
                kind: "author",
                eyebrow: String::new(),
                title: author.name,
                description: author.bio,
                subtitle: Some(author.title),
            }),
    })
}

/// Renders the page at `position` of a topic, keyword or author listing; `None` if there
/// is no such subject or no such page.
pub async fn show_listing(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    kind: ListingKind,
    slug: &str,
    position: Position,
) -> Result<Option<Response>, AppError> {
    let Some(subject) = find_subject(state, edition, kind, slug).await? else {
        return Ok(None);
    };
    let query = StoryQuery::latest(edition.edition.id, subject.filter, state.page_size);
    let store = state.store.as_ref();
    let Some(page) = list_page(store, query, position, Vec::new()).await? else {
        return Ok(None);
    };
    let path = format!("{}/{}/{slug}", edition.edition.path_prefix, subject.kind);
    let pager = Pager::new(&path, &page, edition);
    let view = ListingPage {
        chrome: Chrome::new(site, edition, &state.base_url),
        canonical: format!("{}{}", state.base_url, pager.self_link()),
        kind: subject.kind,
        eyebrow: subject.eyebrow,
        title: subject.title,
        description: subject.description,
        subtitle: subject.subtitle,
        teasers: TeaserView::all(site, edition, &page.listing.items, &page.listing.extras),
        pager,
    };
    let html = state.theme.render("pages/listing.html", &view)?;
    Ok(Some(cacheable(
        html,
        vec![subject.tag, CacheTag::Edition(edition.edition.id)],
    )))
}
