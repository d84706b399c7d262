//! Story pages of every kind, and static pages (which are stories without a section).

use std::time::Instant;

use axum::http::HeaderValue;
use axum::response::Response;
use search::Language;
use serde::Serialize;
use serde_json::json;
use store::{CacheTag, StoryKind};

use crate::domain::reserved;
use crate::service::site::{EditionSite, Site};
use crate::service::story::{Sources, StoryBundle, find_story, teaser_of_story};
use crate::web::cache::cacheable;
use crate::web::error::AppError;
use crate::web::site::feed::{FeedRow, FeedSubjects, feed_rows};
use crate::web::site::jobs::{JOBS_PAGE, JobView, open_jobs};
use crate::web::site::story_view::{BylineView, StoryView};
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
    og_image: Option<String>,
    json_ld: serde_json::Value,
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
    let html = render_story(state, site, edition, &bundle).await?;
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

/// Renders a story's page from its bundle: the public page, and the newsroom's preview.
pub async fn render_story(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    bundle: &StoryBundle,
) -> Result<String, AppError> {
    let story = StoryView::new(site, edition, bundle, &state.base_url);
    let is_page = bundle.story.kind == StoryKind::Page;
    let jobs = if is_jobs_page(bundle) {
        Some(open_jobs(state, edition).await?)
    } else {
        None
    };
    let canonical = format!(
        "{}{}",
        state.base_url,
        site.story_path(&teaser_of_story(&bundle.story))
    );
    let og_image = story
        .hero
        .as_ref()
        .map(|hero| format!("{}{}", state.base_url, hero.src));
    let page = StoryPage {
        chrome: Chrome::new(site, edition, &state.base_url),
        title: bundle
            .story
            .seo_title
            .clone()
            .unwrap_or_else(|| bundle.story.headline.clone()),
        description: description(bundle),
        json_ld: json_ld(
            bundle,
            &story,
            &state.base_url,
            &canonical,
            og_image.as_deref(),
        ),
        canonical,
        og_image,
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

/// A byline credit as a schema.org `author`: a `Person` with their page, or an agency as
/// an `Organization` with its site, short name and logo. URLs are absolute.
fn json_ld_author(credit: &BylineView, base_url: &str) -> serde_json::Value {
    if !credit.agency {
        let url = credit.url.as_ref().map(|path| format!("{base_url}{path}"));
        return json!({"@type": "Person", "name": credit.name, "url": url});
    }
    let mut organization = json!({"@type": "Organization", "name": credit.name});
    let fields = [
        ("url", credit.url.clone()),
        ("alternateName", credit.short_name.clone()),
        (
            "logo",
            credit
                .logo
                .as_ref()
                .map(|logo| format!("{base_url}{}", logo.src)),
        ),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            organization[name] = value.into();
        }
    }
    organization
}

/// schema.org metadata: `NewsArticle` (or `OpinionNewsArticle`) for stories, `WebPage`
/// for static pages.
fn json_ld(
    bundle: &StoryBundle,
    view: &StoryView,
    base_url: &str,
    canonical: &str,
    image: Option<&str>,
) -> serde_json::Value {
    let kind = match bundle.story.kind {
        StoryKind::Page => "WebPage",
        StoryKind::Opinion => "OpinionNewsArticle",
        _ => "NewsArticle",
    };
    let authors: Vec<serde_json::Value> = view
        .byline
        .iter()
        .map(|credit| json_ld_author(credit, base_url))
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": kind,
        "headline": bundle.story.headline,
        "description": description(bundle),
        "mainEntityOfPage": canonical,
        "url": canonical,
        "datePublished": view.published.as_ref().map(|time| &time.iso),
        "dateModified": view.updated.as_ref().or(view.published.as_ref()).map(|time| &time.iso),
        "author": authors,
        "image": image,
        "keywords": view.keywords.iter().map(|k| k.name.as_str()).collect::<Vec<_>>(),
    })
}
