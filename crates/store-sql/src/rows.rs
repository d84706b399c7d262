//! Row types as both SQL backends return them, and their conversion to domain models.
//! Models whose columns are plain values (sections, authors, topics ...) need none: they
//! derive `FromRow` through the `store` crate's `sqlx` feature.
//!
//! The PostgreSQL schema mirrors SQLite's column types (BIGINT for every integer, BOOLEAN
//! for flags, which SQLite keeps as 0/1 and sqlx decodes as `bool` from either, DOUBLE
//! PRECISION, TEXT), so one set of rows decodes from either.

use jiff::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;
use store::*;

/// Seconds since the epoch to a timestamp; out-of-range values clamp to the epoch.
pub fn to_time(seconds: i64) -> Timestamp {
    EpochSeconds(seconds).into()
}

/// Reads the JSON text of a column; `what` names it in the error.
pub fn from_json<T: DeserializeOwned>(what: &str, json: &str) -> StoreResult<T> {
    serde_json::from_str(json).map_err(|error| StoreError::Other(format!("{what}: {error}")))
}

/// The JSON text a column keeps of `value`; `what` names it in the error.
pub fn to_json<T: Serialize + ?Sized>(what: &str, value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|error| StoreError::Other(format!("{what}: {error}")))
}

#[derive(sqlx::FromRow)]
pub struct StoryRow {
    id: i64,
    edition_id: i64,
    kind: StoryKind,
    status: StoryStatus,
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
    secondary_ids: String,
    credits: String,
    topic_ids: String,
    keyword_ids: String,
    recommended_ids: String,
    gallery: String,
    owner_id: Option<i64>,
    revision: i64,
    scheduled_at: Option<i64>,
}

impl TryFrom<StoryRow> for Story {
    type Error = StoreError;

    fn try_from(row: StoryRow) -> Result<Story, StoreError> {
        let credits: Vec<(Option<i64>, Option<i64>, CreditRole)> =
            from_json("story credits", &row.credits)?;
        Ok(Story {
            id: row.id,
            edition_id: row.edition_id,
            kind: row.kind,
            status: row.status,
            headline: row.headline,
            standfirst: row.standfirst,
            slug: row.slug,
            section_id: row.section_id,
            secondary_section_ids: from_json("story sections", &row.secondary_ids)?,
            body: from_json("story body", &row.body)?,
            credits: credits
                .into_iter()
                .map(|(author, agency, role)| match (author, agency) {
                    (Some(id), _) => Ok(CreditRef::Author(id, role)),
                    (None, Some(id)) => Ok(CreditRef::Agency(id, role)),
                    (None, None) => Err(StoreError::Other("a credit without contributor".into())),
                })
                .collect::<Result<_, _>>()?,
            dateline: row.dateline,
            published_at: row.published_at.map(to_time),
            updated_at: to_time(row.updated_at),
            hero_image_id: row.hero_image_id,
            topic_ids: from_json("story topics", &row.topic_ids)?,
            keyword_ids: from_json("story keywords", &row.keyword_ids)?,
            recommended_ids: from_json("story recommendations", &row.recommended_ids)?,
            // Each item is a JSON array of the fields in order, which serde reads as well.
            gallery: from_json("story gallery", &row.gallery)?,
            video_url: row.video_url,
            short_code: row.short_code,
            seo_title: row.seo_title,
            seo_description: row.seo_description,
        })
    }
}

impl TryFrom<StoryRow> for NewsroomStory {
    type Error = StoreError;

    fn try_from(row: StoryRow) -> Result<NewsroomStory, StoreError> {
        let (owner_id, revision, scheduled_at) = (row.owner_id, row.revision, row.scheduled_at);
        let story = Story::try_from(row)?;
        Ok(NewsroomStory {
            id: StoryId(story.id),
            edition_id: story.edition_id,
            status: story.status,
            owner_id,
            revision,
            published_at: story.published_at,
            scheduled_at: scheduled_at.map(to_time),
            updated_at: story.updated_at,
            short_code: story.short_code,
            fields: StoryFields {
                kind: story.kind,
                headline: story.headline,
                standfirst: story.standfirst,
                slug: story.slug,
                section_id: story.section_id,
                secondary_section_ids: story.secondary_section_ids,
                body: story.body,
                credits: story.credits,
                dateline: story.dateline,
                hero_image_id: story.hero_image_id,
                topic_ids: story.topic_ids,
                keyword_ids: story.keyword_ids,
                recommended_ids: story.recommended_ids,
                gallery: story.gallery,
                video_url: story.video_url,
                seo_title: story.seo_title,
                seo_description: story.seo_description,
            },
        })
    }
}

/// The columns a teaser needs, for `SELECT {TEASER_COLUMNS} FROM stories s`.
pub const TEASER_COLUMNS: &str = "s.id, s.edition_id, s.kind, s.headline, s.standfirst, \
     s.slug, s.section_id, s.hero_image_id, s.published_at, \
     (SELECT topic_id FROM story_topics t WHERE t.story_id = s.id ORDER BY position LIMIT 1) \
     AS topic_id";

#[derive(sqlx::FromRow)]
pub struct ImageRow {
    pub(crate) id: i64,
    width: i64,
    height: i64,
    caption: String,
    credit: String,
    alt: String,
    focal_x: f64,
    focal_y: f64,
    /// JSON array of `[width, height, format, key]`, narrowest first.
    renditions: String,
    /// JSON array of `[ratio, width, height, key]`, widest ratio first.
    crops: String,
}

impl TryFrom<ImageRow> for Image {
    type Error = StoreError;

    fn try_from(row: ImageRow) -> Result<Image, StoreError> {
        Ok(Image {
            id: row.id,
            width: u32::try_from(row.width).unwrap_or(0),
            height: u32::try_from(row.height).unwrap_or(0),
            caption: row.caption,
            credit: row.credit,
            alt: row.alt,
            focal_x: row.focal_x as f32,
            focal_y: row.focal_y as f32,
            // Each rendition is a JSON array of the fields in order, which serde reads as well.
            renditions: from_json("image renditions", &row.renditions)?,
            crops: from_json("image crops", &row.crops)?,
        })
    }
}
