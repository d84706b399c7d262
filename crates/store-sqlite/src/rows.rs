//! Row types as SQLite returns them, and their conversion to domain models.

use jiff::Timestamp;
use store::*;

/// Seconds since the epoch to a timestamp; out-of-range values clamp to the epoch.
pub(crate) fn to_time(seconds: i64) -> Timestamp {
    Timestamp::from_second(seconds).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A timestamp to whole seconds since the epoch.
pub(crate) fn from_time(time: Timestamp) -> i64 {
    time.as_second()
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Other(format!("unknown {what} {value:?} in database"))
}

#[derive(sqlx::FromRow)]
pub(crate) struct EditionRow {
    id: i64,
    code: String,
    name: String,
    language: String,
    direction: String,
    timezone: String,
    path_prefix: String,
}

impl TryFrom<EditionRow> for Edition {
    type Error = StoreError;

    fn try_from(row: EditionRow) -> Result<Edition, StoreError> {
        Ok(Edition {
            id: row.id,
            direction: Direction::parse(&row.direction)
                .ok_or_else(|| corrupt("direction", &row.direction))?,
            code: row.code,
            name: row.name,
            language: row.language,
            timezone: row.timezone,
            path_prefix: row.path_prefix,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SectionRow {
    id: i64,
    edition_id: i64,
    parent_id: Option<i64>,
    slug: String,
    name: String,
    description: String,
    position: i64,
}

impl From<SectionRow> for Section {
    fn from(row: SectionRow) -> Section {
        Section {
            id: row.id,
            edition_id: row.edition_id,
            parent_id: row.parent_id,
            slug: row.slug,
            name: row.name,
            description: row.description,
            position: row.position,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MenuItemRow {
    id: i64,
    edition_id: i64,
    menu: String,
    parent_id: Option<i64>,
    position: i64,
    section_id: Option<i64>,
    label: Option<String>,
    url: Option<String>,
}

impl TryFrom<MenuItemRow> for MenuItem {
    type Error = StoreError;

    fn try_from(row: MenuItemRow) -> Result<MenuItem, StoreError> {
        Ok(MenuItem {
            id: row.id,
            edition_id: row.edition_id,
            menu: MenuKind::parse(&row.menu).ok_or_else(|| corrupt("menu", &row.menu))?,
            parent_id: row.parent_id,
            position: row.position,
            section_id: row.section_id,
            label: row.label,
            url: row.url,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct StoryRow {
    pub(crate) id: i64,
    edition_id: i64,
    kind: String,
    status: String,
    headline: String,
    standfirst: Option<String>,
    slug: String,
    section_id: Option<i64>,
    body: String,
    dateline: Option<String>,
    published_at: Option<i64>,
    updated_at: i64,
    hero_image_id: Option<i64>,
    video_url: Option<String>,
    short_code: String,
    seo_title: Option<String>,
    seo_description: Option<String>,
}

/// A story's relations, loaded separately from its row.
pub(crate) struct StoryRelations {
    pub(crate) secondary_section_ids: Vec<i64>,
    pub(crate) credits: Vec<CreditRef>,
    pub(crate) topic_ids: Vec<i64>,
    pub(crate) keyword_ids: Vec<i64>,
    pub(crate) recommended_ids: Vec<i64>,
    pub(crate) gallery: Vec<GalleryItem>,
}

impl StoryRow {
    pub(crate) fn into_story(self, relations: StoryRelations) -> Result<Story, StoreError> {
        Ok(Story {
            id: self.id,
            edition_id: self.edition_id,
            kind: StoryKind::parse(&self.kind).ok_or_else(|| corrupt("kind", &self.kind))?,
            status: StoryStatus::parse(&self.status)
                .ok_or_else(|| corrupt("status", &self.status))?,
            headline: self.headline,
            standfirst: self.standfirst,
            slug: self.slug,
            section_id: self.section_id,
            secondary_section_ids: relations.secondary_section_ids,
            body: serde_json::from_str(&self.body)
                .map_err(|error| StoreError::Other(format!("story body: {error}")))?,
            credits: relations.credits,
            dateline: self.dateline,
            published_at: self.published_at.map(to_time),
            updated_at: to_time(self.updated_at),
            hero_image_id: self.hero_image_id,
            topic_ids: relations.topic_ids,
            keyword_ids: relations.keyword_ids,
            recommended_ids: relations.recommended_ids,
            gallery: relations.gallery,
            video_url: self.video_url,
            short_code: self.short_code,
            seo_title: self.seo_title,
            seo_description: self.seo_description,
        })
    }
}

/// The columns a teaser needs, for `SELECT {TEASER_COLUMNS} FROM stories s`.
pub(crate) const TEASER_COLUMNS: &str = "s.id, s.edition_id, s.kind, s.headline, s.standfirst, \
     s.slug, s.section_id, s.hero_image_id, s.published_at, \
     (SELECT topic_id FROM story_topics t WHERE t.story_id = s.id ORDER BY position LIMIT 1) \
     AS topic_id";

#[derive(sqlx::FromRow)]
pub(crate) struct TeaserRow {
    id: i64,
    edition_id: i64,
    kind: String,
    headline: String,
    standfirst: Option<String>,
    slug: String,
    section_id: Option<i64>,
    hero_image_id: Option<i64>,
    published_at: Option<i64>,
    topic_id: Option<i64>,
}

impl TryFrom<TeaserRow> for Teaser {
    type Error = StoreError;

    fn try_from(row: TeaserRow) -> Result<Teaser, StoreError> {
        Ok(Teaser {
            id: row.id,
            edition_id: row.edition_id,
            kind: StoryKind::parse(&row.kind).ok_or_else(|| corrupt("kind", &row.kind))?,
            headline: row.headline,
            standfirst: row.standfirst,
            slug: row.slug,
            section_id: row.section_id,
            hero_image_id: row.hero_image_id,
            topic_id: row.topic_id,
            published_at: row.published_at.map(to_time),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ImageRow {
    pub(crate) id: i64,
    width: i64,
    height: i64,
    caption: String,
    credit: String,
    alt: String,
    focal_x: f64,
    focal_y: f64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct RenditionRow {
    pub(crate) image_id: i64,
    width: i64,
    height: i64,
    format: String,
    key: String,
}

impl ImageRow {
    pub(crate) fn into_image(self, renditions: Vec<Rendition>) -> Image {
        Image {
            id: self.id,
            width: u32::try_from(self.width).unwrap_or(0),
            height: u32::try_from(self.height).unwrap_or(0),
            caption: self.caption,
            credit: self.credit,
            alt: self.alt,
            focal_x: self.focal_x as f32,
            focal_y: self.focal_y as f32,
            renditions,
        }
    }
}

impl From<RenditionRow> for Rendition {
    fn from(row: RenditionRow) -> Rendition {
        Rendition {
            width: u32::try_from(row.width).unwrap_or(0),
            height: u32::try_from(row.height).unwrap_or(0),
            format: row.format,
            key: row.key,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuthorRow {
    id: i64,
    slug: String,
    name: String,
    title: String,
    bio: String,
    columnist: bool,
    image_id: Option<i64>,
}

impl From<AuthorRow> for Author {
    fn from(row: AuthorRow) -> Author {
        Author {
            id: row.id,
            slug: row.slug,
            name: row.name,
            title: row.title,
            bio: row.bio,
            columnist: row.columnist,
            image_id: row.image_id,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TopicRow {
    id: i64,
    edition_id: i64,
    slug: String,
    name: String,
    description: String,
}

impl From<TopicRow> for Topic {
    fn from(row: TopicRow) -> Topic {
        Topic {
            id: row.id,
            edition_id: row.edition_id,
            slug: row.slug,
            name: row.name,
            description: row.description,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct KeywordRow {
    id: i64,
    edition_id: i64,
    slug: String,
    name: String,
}

impl From<KeywordRow> for Keyword {
    fn from(row: KeywordRow) -> Keyword {
        Keyword {
            id: row.id,
            edition_id: row.edition_id,
            slug: row.slug,
            name: row.name,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct JobRow {
    id: i64,
    edition_id: i64,
    title: String,
    location: String,
    description: String,
    posted_at: i64,
}

impl From<JobRow> for JobListing {
    fn from(row: JobRow) -> JobListing {
        JobListing {
            id: row.id,
            edition_id: row.edition_id,
            title: row.title,
            location: row.location,
            description: row.description,
            posted_at: to_time(row.posted_at),
        }
    }
}
