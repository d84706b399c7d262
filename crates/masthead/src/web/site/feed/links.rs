//! Links to feeds: a listing page's `<link rel="alternate">`s, and the RSS page's list of
//! an edition's feeds in every format.

use serde::Serialize;
use store::{Author, CacheTag, Store, StoreResult, Topic};

use crate::service::site::EditionSite;
use crate::web::site::feed::{FULL_TEXT, FeedFormat};

/// One feed of a subject in one format.
#[derive(Debug, Serialize)]
pub struct FeedLink {
    /// Site path.
    pub url: String,
    /// The format's media type, for the link's `type`.
    pub media_type: &'static str,
    /// The format's name ("Atom").
    pub label: &'static str,
    /// "Site — Subject (Atom)", for the link's `title`.
    pub title: String,
}

/// The feeds of a subject in every format. `subject` is its path below the format
/// (`latest`, `world/europe`, `topic/energy`); `name` is what readers call it.
pub fn alternates(
    site_name: &str,
    edition: &EditionSite,
    name: &str,
    subject: &str,
) -> Vec<FeedLink> {
    links(site_name, edition, name, subject, false)
}

fn links(
    site_name: &str,
    edition: &EditionSite,
    name: &str,
    subject: &str,
    full: bool,
) -> Vec<FeedLink> {
    let prefix = &edition.edition.path_prefix;
    let variant = if full {
        format!("/{FULL_TEXT}")
    } else {
        String::new()
    };
    FeedFormat::ALL
        .into_iter()
        .map(|format| FeedLink {
            url: format!("{prefix}/{}{variant}/{subject}", format.segment()),
            media_type: format.media_type(),
            label: format.label(),
            title: format!("{site_name} — {name} ({})", format.label()),
        })
        .collect()
}

/// The subject path of a section's feeds: its path without the edition prefix.
pub fn section_subject(edition: &EditionSite, id: i64) -> String {
    let path = edition.section_path(id);
    let prefix = edition.edition.path_prefix.as_str();
    path.strip_prefix(prefix)
        .unwrap_or(&path)
        .trim_start_matches('/')
        .to_string()
}

/// A subject on the RSS page with its feeds in every format, summaries and full text.
#[derive(Debug, Serialize)]
pub struct FeedRow {
    /// What readers call the subject.
    pub name: String,
    /// Its feeds with summaries.
    pub links: Vec<FeedLink>,
    /// Its full-text feeds.
    pub full: Vec<FeedLink>,
}

/// The topics and authors whose feeds the RSS page lists.
pub struct FeedSubjects {
    topics: Vec<Topic>,
    authors: Vec<Author>,
}

impl FeedSubjects {
    /// Loads an edition's topics and the authors who write for it (or for every edition).
    pub async fn load(store: &dyn Store, edition: &EditionSite) -> StoreResult<FeedSubjects> {
        let edition_id = edition.edition.id;
        let (topics, mut authors) =
            tokio::try_join!(store.edition_topics(edition_id), store.all_authors())?;
        authors.retain(|author| author.edition_id.is_none_or(|id| id == edition_id));
        Ok(FeedSubjects { topics, authors })
    }

    /// The tags of the page that lists them, so that a rename reaches it. (A new topic or
    /// author logs only its own tag: it is listed once the page is next rendered.)
    pub fn tags(&self) -> impl Iterator<Item = CacheTag> + '_ {
        let topics = self.topics.iter().map(|topic| CacheTag::Topic(topic.id));
        topics.chain(
            self.authors
                .iter()
                .map(|author| CacheTag::Author(author.id)),
        )
    }
}

/// The feeds the RSS page lists: the latest stories, every section and subsection, every
/// topic and every author. Keywords are free tags, too many to list: each keyword's page
/// announces its feeds.
pub fn feed_rows(site_name: &str, edition: &EditionSite, subjects: &FeedSubjects) -> Vec<FeedRow> {
    let row = |name: String, subject: &str| FeedRow {
        links: links(site_name, edition, &name, subject, false),
        full: links(site_name, edition, &name, subject, true),
        name,
    };
    let mut rows = vec![row(edition.strings.latest.to_string(), "latest")];
    for top in edition.top_sections() {
        rows.push(row(top.name.clone(), &section_subject(edition, top.id)));
        for child in edition.children(top.id) {
            let name = format!("{} › {}", top.name, child.name);
            rows.push(row(name, &section_subject(edition, child.id)));
        }
    }
    for topic in &subjects.topics {
        let name = format!("{}: {}", edition.strings.topic, topic.name);
        rows.push(row(name, &format!("topic/{}", topic.slug)));
    }
    for author in &subjects.authors {
        rows.push(row(author.name.clone(), &format!("author/{}", author.slug)));
    }
    rows
}
