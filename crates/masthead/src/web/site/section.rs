//! Section and subsection pages, paginated.

use axum::response::Response;
use serde::Serialize;
use store::{CacheTag, Section, StoryFilter, StoryQuery};

use crate::domain::paging::Position;
use crate::service::front::section_pins;
use crate::service::listing::list_page;
use crate::service::site::{EditionSite, Site};
use crate::web::cache::cacheable;
use crate::web::error::AppError;
use crate::web::site::feed::{FeedLink, alternates, section_subject};
use crate::web::site::language::section_versions;
use crate::web::site::metadata::{Collection, HeadMeta, Publication};
use crate::web::state::AppState;
use crate::web::view::{Chrome, LinkView, Pager, TeaserView};

#[derive(Serialize)]
struct SectionPage {
    chrome: Chrome,
    canonical: String,
    alternates: Vec<FeedLink>,
    head: HeadMeta,
    title: String,
    description: String,
    trail: Vec<LinkView>,
    subsections: Vec<LinkView>,
    teasers: Vec<TeaserView>,
    pager: Pager,
}

/// Renders the page of a section at `position`, its front's pins first on the first
/// page; `None` if there is no such page.
pub async fn show_section(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    section: &Section,
    position: Position,
) -> Result<Option<Response>, AppError> {
    let query = StoryQuery::latest(
        edition.edition.id,
        StoryFilter::Section(section.id),
        state.page_size,
    );
    let store = state.store.as_ref();
    let pinned = section_pins(store, edition.edition.id, section.id).await?;
    let Some(page) = list_page(store, query, position, pinned).await? else {
        return Ok(None);
    };
    let path = edition.section_path(section.id);
    let link = |section: &Section| LinkView {
        name: section.name.clone(),
        url: edition.section_path(section.id),
    };
    let pager = Pager::new(&path, &page, edition);
    let trail: Vec<LinkView> = edition
        .section_trail(section.id)
        .into_iter()
        .map(link)
        .collect();
    let publication = Publication::new(site, edition, &state.base_url);
    let mut head = publication.listing_head(
        Collection {
            title: &section.name,
            description: &section.description,
            trail: &trail,
            person: None,
            image: publication.lead_picture(&page.listing.items, &page.listing.extras.images),
            empty: page.listing.items.is_empty(),
        },
        &pager,
    );
    // Only the first page has counterparts: the other pages list other stories.
    if pager.previous.is_none() {
        head.languages = section_versions(site, &state.base_url, edition, section.id);
    }
    // Every edition's tag: a section added to or renamed in the other edition's tree
    // changes this page's language links.
    let mut tags = vec![CacheTag::Section(section.id)];
    tags.extend(
        site.editions
            .iter()
            .map(|e| CacheTag::Edition(e.edition.id)),
    );
    let view = SectionPage {
        chrome: Chrome::new(site, edition, &state.base_url),
        alternates: alternates(
            &site.settings.site_name,
            edition,
            &section.name,
            &section_subject(edition, section.id),
        ),
        canonical: head.url.clone(),
        head,
        title: section.name.clone(),
        description: section.description.clone(),
        trail,
        subsections: edition.children(section.id).map(link).collect(),
        teasers: TeaserView::all(site, edition, &page.listing.items, &page.listing.extras),
        pager,
    };
    let html = state.theme.render("pages/section.html", &view)?;
    Ok(Some(cacheable(html, tags)))
}
