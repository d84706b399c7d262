//! The home front of an edition.

use axum::response::Response;
use serde::Serialize;
use store::CacheTag;

use crate::service::front::home_front;
use crate::service::site::{EditionSite, Site};
use crate::web::cache::cacheable;
use crate::web::error::AppError;
use crate::web::site::feed::{FeedLink, alternates};
use crate::web::site::language::home_versions;
use crate::web::site::metadata::{HeadMeta, Publication};
use crate::web::state::AppState;
use crate::web::view::{Chrome, LinkView, TeaserView};

#[derive(Serialize)]
struct HomePage {
    chrome: Chrome,
    canonical: String,
    alternates: Vec<FeedLink>,
    head: HeadMeta,
    lead: Option<TeaserView>,
    top: Vec<TeaserView>,
    sections: Vec<SectionBlock>,
    opinion: Vec<TeaserView>,
    galleries: Vec<TeaserView>,
    videos: Vec<TeaserView>,
    latest: Vec<TeaserView>,
}

#[derive(Serialize)]
struct SectionBlock {
    section: LinkView,
    teasers: Vec<TeaserView>,
}

/// Renders the home front.
pub async fn show_home(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
) -> Result<Response, AppError> {
    let front = home_front(state.store.as_ref(), edition).await?;
    let views = |teasers: &[store::Teaser]| TeaserView::all(site, edition, teasers, &front.extras);
    let block = |role: &str| {
        front
            .blocks
            .iter()
            .find(|block| block.role == role)
            .map(|block| views(&block.teasers))
            .unwrap_or_default()
    };
    let chrome = Chrome::new(site, edition, &state.base_url);
    let publication = Publication::new(site, edition, &state.base_url);
    let picture = publication.lead_picture(&front.lead, &front.extras.images);
    let mut head = publication.home_head(&chrome.newsletter_pitch, picture);
    head.languages = home_versions(site, &state.base_url, edition);
    let page = HomePage {
        alternates: alternates(
            &site.settings.site_name,
            edition,
            edition.strings.latest,
            "latest",
        ),
        canonical: head.url.clone(),
        head,
        lead: front
            .lead
            .as_ref()
            .map(|lead| TeaserView::new(site, edition, lead, &front.extras)),
        top: block("top"),
        sections: front
            .blocks
            .iter()
            .filter_map(|block| {
                let section = edition.section(block.section_id?)?;
                Some(SectionBlock {
                    section: LinkView {
                        name: section.name.clone(),
                        url: edition.section_path(section.id),
                    },
                    teasers: views(&block.teasers),
                })
            })
            .collect(),
        opinion: block("opinion"),
        galleries: block("gallery"),
        videos: block("video"),
        latest: block("latest"),
        chrome,
    };
    let html = state.theme.render("pages/home.html", &page)?;
    // `edition:` too: the home page shows the menus and the breaking-news bar.
    let id = edition.edition.id;
    Ok(cacheable(
        html,
        vec![CacheTag::Home(id), CacheTag::Edition(id)],
    ))
}
