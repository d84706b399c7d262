//! Topic, keyword and author pages: a heading (and an author's photo, bio and links) and a
//! paginated list of stories.

use axum::response::Response;
use serde::Serialize;
use serde_json::{Value, json};
use store::{CacheTag, Image, StoryFilter, StoryQuery};

use crate::domain::paging::Position;
use crate::service::listing::list_page;
use crate::service::site::{EditionSite, Site};
use crate::web::cache::cacheable;
use crate::web::error::AppError;
use crate::web::site::feed::{FeedLink, alternates};
use crate::web::site::language::{LanguageVersions, topic_versions};
use crate::web::site::metadata::{Collection, HeadMeta, Publication};
use crate::web::state::AppState;
use crate::web::view::{Chrome, ImageView, LinkView, Pager, TeaserView};

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
    /// The listing's feeds.
    alternates: Vec<FeedLink>,
    head: HeadMeta,
    /// "topic", "keyword" or "author".
    kind: &'static str,
    /// Small label above the title ("Topic").
    eyebrow: String,
    title: String,
    description: String,
    /// Author's job title.
    subtitle: Option<String>,
    /// Author's photo.
    photo: Option<ImageView>,
    /// Author's profile links.
    links: Vec<ProfileLink>,
    teasers: Vec<TeaserView>,
    pager: Pager,
}

/// A link on an author's page, shown as its host ("example.org").
#[derive(Serialize)]
struct ProfileLink {
    url: String,
    host: String,
}

impl ProfileLink {
    fn new(url: &str) -> ProfileLink {
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = after_scheme
            .split(['/', '?', '#'])
            .next()
            .unwrap_or(after_scheme);
        ProfileLink {
            url: url.to_string(),
            host: host.trim_start_matches("www.").to_string(),
        }
    }
}

/// What a topic, keyword or author listing shows; its feeds read the first four fields.
pub struct Subject {
    /// Which stories.
    pub filter: StoryFilter,
    /// The cache tag of the topic, keyword or author.
    pub tag: CacheTag,
    /// "topic", "keyword" or "author": the path's first segment.
    pub kind: &'static str,
    eyebrow: String,
    /// The topic's or keyword's name, or the author's.
    pub title: String,
    description: String,
    subtitle: Option<String>,
    photo_id: Option<i64>,
    links: Vec<ProfileLink>,
}

/// The topic, keyword or author a listing path names, if there is one.
pub async fn find_subject(
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
                photo_id: None,
                links: Vec::new(),
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
                    photo_id: None,
                    links: Vec::new(),
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
                links: author
                    .link_list()
                    .into_iter()
                    .map(ProfileLink::new)
                    .collect(),
                title: author.name,
                description: author.bio,
                subtitle: Some(author.title),
                photo_id: author.image_id,
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
    let image = match subject.photo_id {
        Some(id) => store.images(&[id]).await?.into_iter().next(),
        None => None,
    };
    let path = format!("{}/{}/{slug}", edition.edition.path_prefix, subject.kind);
    let pager = Pager::new(&path, &page, edition);
    let publication = Publication::new(site, edition, &state.base_url);
    let empty = page.listing.items.is_empty();
    let mut head = subject_head(
        &publication,
        &subject,
        kind,
        &path,
        image.as_ref(),
        &pager,
        empty,
    );
    let (languages, mut tags) = counterparts(state, site, edition, kind, slug, &pager).await?;
    head.languages = languages;
    tags.extend([subject.tag, CacheTag::Edition(edition.edition.id)]);
    if head.image.is_none() {
        head.image = publication.lead_picture(&page.listing.items, &page.listing.extras.images);
    }
    let view = ListingPage {
        chrome: Chrome::new(site, edition, &state.base_url),
        alternates: alternates(
            &site.settings.site_name,
            edition,
            &subject.title,
            &format!("{}/{slug}", subject.kind),
        ),
        canonical: head.url.clone(),
        head,
        kind: subject.kind,
        eyebrow: subject.eyebrow,
        title: subject.title,
        description: subject.description,
        subtitle: subject.subtitle,
        photo: image.as_ref().and_then(|image| ImageView::new(image, None)),
        links: subject.links,
        teasers: TeaserView::all(site, edition, &page.listing.items, &page.listing.extras),
        pager,
    };
    let html = state.theme.render("pages/listing.html", &view)?;
    Ok(Some(cacheable(html, tags)))
}

/// A listing's language versions and the tags of its counterparts: only a topic's first
/// page has them (keywords and authors are not curated per edition, and later pages list
/// other stories).
async fn counterparts(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    kind: ListingKind,
    slug: &str,
    pager: &Pager,
) -> Result<(LanguageVersions, Vec<CacheTag>), AppError> {
    if !matches!(kind, ListingKind::Topic) || pager.previous.is_some() {
        return Ok((LanguageVersions::default(), Vec::new()));
    }
    let store = state.store.as_ref();
    Ok(topic_versions(store, site, &state.base_url, edition, slug).await?)
}

/// The head of a listing page: the subject's photo as its picture (else, set by the caller,
/// its first story's); an author page is about the author.
fn subject_head(
    publication: &Publication,
    subject: &Subject,
    kind: ListingKind,
    path: &str,
    image: Option<&Image>,
    pager: &Pager,
    empty: bool,
) -> HeadMeta {
    let picture = image.and_then(|image| publication.image_object(image));
    publication.listing_head(
        Collection {
            title: &subject.title,
            description: &subject.description,
            trail: &[LinkView {
                name: subject.title.clone(),
                url: path.to_string(),
            }],
            person: matches!(kind, ListingKind::Author)
                .then(|| person(publication, subject, path, picture.clone())),
            image: image.and_then(|image| publication.social_image(image)),
            empty,
        },
        pager,
    )
}

/// The `Person` an author page is about: name, page, job title, bio, photo and the
/// profiles they link.
fn person(
    publication: &Publication,
    subject: &Subject,
    path: &str,
    picture: Option<Value>,
) -> Value {
    let mut person = json!({
        "@type": "Person",
        "name": subject.title,
        "url": publication.absolute(path),
    });
    let texts = [
        ("jobTitle", subject.subtitle.as_deref().unwrap_or_default()),
        ("description", subject.description.as_str()),
    ];
    for (name, text) in texts {
        if !text.is_empty() {
            person[name] = text.into();
        }
    }
    if let Some(picture) = picture {
        person["image"] = picture;
    }
    if !subject.links.is_empty() {
        person["sameAs"] = subject.links.iter().map(|link| link.url.as_str()).collect();
    }
    person
}
