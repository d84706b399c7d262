//! Story pages of every kind, and static pages (which are stories without a section).

use std::time::Instant;

use axum::http::HeaderValue;
use axum::response::Response;
use search::Language;
use serde::Serialize;
use store::{CacheTag, StoryKind};

use crate::domain::reserved;
use crate::service::site::{EditionSite, Site};
use crate::service::story::{Sources, StoryBundle, find_story, teaser_of_story};
use crate::web::cache::cacheable;
use crate::web::error::AppError;
use crate::web::site::feed::{FeedRow, FeedSubjects, feed_rows};
use crate::web::site::jobs::{JOBS_PAGE, JobView, open_jobs};
use crate::web::site::language::LanguageVersions;
use crate::web::site::metadata::{HeadMeta, Publication};
use crate::web::site::story_metadata::story_head;
use crate::web::site::story_view::StoryView;
use crate::web::state::AppState;
use crate::web::view::Chrome;

/// The static page that lists the edition's feeds below its text.
const FEEDS_PAGE: &str = reserved::FEEDS;

#[derive(Serialize)]
struct StoryPage {
    chrome: Chrome,
    canonical: String,
    title: String,
    description: String,
    head: HeadMeta,
    story: StoryView,
    /// The open positions, on the jobs page only.
    jobs: Option<Vec<JobView>>,
    feeds: Vec<FeedRow>,
}

/// Renders the published story at `slug` in a section (none for static pages).
pub async fn show_story(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    section_id: Option<i64>,
    slug: &str,
) -> Result<Option<Response>, AppError> {
    let started = Instant::now();
    let top_section = section_id.and_then(|id| edition.section_trail(id).first().map(|s| s.id));
    let sources = Sources {
        store: state.store.as_ref(),
        search: &state.search,
        language: Language::from_tag(&edition.edition.language),
    };
    let bundle = find_story(sources, edition.edition.id, section_id, top_section, slug).await?;
    let Some(bundle) = bundle else {
        return Ok(None);
    };
    let loaded = started.elapsed();
    let html = render_story(state, site, edition, &bundle, Audience::Readers).await?;
    let rendered = started.elapsed() - loaded;
    let mut tags = vec![
        CacheTag::Story(bundle.story.id),
        CacheTag::Edition(bundle.story.edition_id),
    ];
    tags.extend(bundle.recommended.iter().map(|t| CacheTag::Story(t.id)));
    tags.extend(bundle.more.iter().map(|t| CacheTag::Story(t.id)));
    if is_jobs_page(&bundle) {
        tags.push(CacheTag::Jobs(bundle.story.edition_id));
    }
    if is_feeds_page(&bundle) {
        let subjects = FeedSubjects::load(state.store.as_ref(), edition).await?;
        tags.extend(subjects.tags());
    }
    let mut response = cacheable(html, tags);
    // How long the store and the view plus template took, for the bench and browser tools.
    let timing = format!(
        "db;dur={:.2}, render;dur={:.2}",
        loaded.as_secs_f64() * 1000.0,
        rendered.as_secs_f64() * 1000.0
    );
    if let Ok(value) = HeaderValue::from_str(&timing) {
        response.headers_mut().insert("server-timing", value);
    }
    Ok(Some(response))
}

/// Who a story page is rendered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The public page.
    Readers,
    /// The newsroom's preview, which search engines must not index.
    Preview,
}

/// Renders a story's page from its bundle: the public page, and the newsroom's preview.
pub async fn render_story(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    bundle: &StoryBundle,
    audience: Audience,
) -> Result<String, AppError> {
    let story = StoryView::new(site, edition, bundle, &state.base_url);
    let is_page = bundle.story.kind == StoryKind::Page;
    let jobs = if is_jobs_page(bundle) {
        Some(open_jobs(state, edition).await?)
    } else {
        None
    };
    let description = description(bundle);
    let publication = Publication::new(site, edition, &state.base_url);
    let path = site.story_path(&teaser_of_story(&bundle.story));
    let mut head = story_head(&publication, bundle, &story, &description, &path);
    head.noindex = audience == Audience::Preview;
    if audience == Audience::Readers {
        head.languages = story_languages(site, edition, bundle, &state.base_url);
    }
    let page = StoryPage {
        chrome: Chrome::new(site, edition, &state.base_url),
        canonical: head.url.clone(),
        title: bundle
            .story
            .seo_title
            .clone()
            .unwrap_or_else(|| bundle.story.headline.clone()),
        description,
        head,
        story,
        jobs,
        feeds: if is_feeds_page(bundle) {
            let subjects = FeedSubjects::load(state.store.as_ref(), edition).await?;
            feed_rows(&site.settings.site_name, edition, &subjects)
        } else {
            Vec::new()
        },
    };
    let template = if is_page {
        "pages/static.html"
    } else {
        "pages/story.html"
    };
    Ok(state.theme.render(template, &page)?)
}

/// A published story's language versions: itself and its published translations.
fn story_languages(
    site: &Site,
    edition: &EditionSite,
    bundle: &StoryBundle,
    base_url: &str,
) -> LanguageVersions {
    let own = (edition, site.story_path(&teaser_of_story(&bundle.story)));
    let others = bundle.translations.iter().filter_map(|teaser| {
        let other = site.edition(teaser.edition_id)?;
        Some((other, site.story_path(teaser)))
    });
    let versions: Vec<_> = std::iter::once(own).chain(others).collect();
    LanguageVersions::new(site, base_url, edition.edition.id, &versions)
}

/// Whether a story is the static page that lists the feeds.
fn is_feeds_page(bundle: &StoryBundle) -> bool {
    bundle.story.kind == StoryKind::Page && bundle.story.slug == FEEDS_PAGE
}

/// Whether a story is the static page that lists the open positions.
fn is_jobs_page(bundle: &StoryBundle) -> bool {
    bundle.story.kind == StoryKind::Page && bundle.story.slug == JOBS_PAGE
}

fn description(bundle: &StoryBundle) -> String {
    let story = &bundle.story;
    story
        .seo_description
        .clone()
        .or_else(|| story.standfirst.clone())
        .unwrap_or_else(|| story.headline.clone())
}
