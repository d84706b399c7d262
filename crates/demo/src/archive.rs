//! An archive on top of the demo: as many more stories as asked for, spread over fifteen
//! years and both editions, written in bulk through an [`ArchiveSink`].
//!
//! Writing a fresh 800-word article per story would be the slow part, so bodies (and
//! their keywords) come from a pool of articles written per section; each story still
//! gets its own headline, standfirst, slug, byline, topics, photo and time.

use std::collections::HashMap;

use async_trait::async_trait;
use jiff::{SignedDuration, Timestamp};
use store::slug::slugify;
use store::*;

use crate::stories::People;
use crate::text::{self, Lang, Rng};

/// Fifteen years, in seconds.
const SPAN_SECONDS: i64 = 15 * 365 * 24 * 3600;

/// Stories handed to the sink at a time.
const BATCH: usize = 2_000;

/// Where the archive's stories go: straight into the database, with the ids given.
#[async_trait]
pub trait ArchiveSink: Send {
    /// The first story id that is free.
    async fn first_free_id(&mut self) -> anyhow::Result<i64>;
    /// Writes stories and their relations.
    async fn write(&mut self, stories: &[(StoryId, NewStory)]) -> anyhow::Result<()>;
    /// Makes everything written durable.
    async fn finish(&mut self) -> anyhow::Result<()>;
}

/// An archive to generate: how many stories, where they go, and whom to tell how far it
/// got (`done`, `total`).
pub struct Archive<'a> {
    /// Stories to generate.
    pub stories: usize,
    /// Where they go.
    pub sink: &'a mut dyn ArchiveSink,
    /// Told after every batch.
    pub progress: &'a mut (dyn FnMut(u64, u64) + Send),
}

/// A pooled body with what goes with it.
pub(crate) struct ArchiveArticle {
    pub keyword_ids: Vec<i64>,
    pub dateline: Option<String>,
    pub body: Body,
}

/// A leaf section and the pool of its articles.
pub(crate) struct ArchiveLeaf {
    pub section_id: i64,
    pub subject: &'static str,
    pub kind: StoryKind,
    pub topic_ids: Vec<i64>,
    pub articles: Vec<ArchiveArticle>,
}

/// What an archive of one edition is made from.
pub(crate) struct EditionArchive {
    pub edition_id: i64,
    pub lang: Lang,
    pub leaves: Vec<ArchiveLeaf>,
    pub photos: Vec<i64>,
}

/// Up to two neighbouring topics of those that fit a subject.
pub(crate) fn pick_topics(fitting: &[i64], rng: &mut Rng) -> Vec<i64> {
    if fitting.len() <= 2 {
        return fitting.to_vec();
    }
    let first = rng.below(fitting.len() - 1);
    fitting[first..first + 2].to_vec()
}

/// Generates the archive, two stories in English for every one in Arabic, oldest first
/// so that ids grow with time as in a real archive; returns how many it wrote.
pub(crate) async fn write_archive(
    people: &People,
    editions: &[EditionArchive],
    archive: Archive<'_>,
) -> anyhow::Result<usize> {
    let Archive {
        stories,
        sink,
        progress,
    } = archive;
    let mut rng = Rng::new(0x6172_6368);
    let first_id = sink.first_free_id().await?;
    let now = Timestamp::now();
    let start = now.as_second() - SPAN_SECONDS;
    let step = SPAN_SECONDS as f64 / stories.max(1) as f64;
    let mut latest_in_section: HashMap<i64, i64> = HashMap::new();
    let mut batch = Vec::with_capacity(BATCH);
    for n in 0..stories {
        let id = first_id + n as i64;
        let edition = &editions[usize::from(rng.below(3) == 2) % editions.len()];
        let leaf = rng.pick(&edition.leaves);
        let jitter = rng.below(step.max(1.0) as usize) as f64;
        let published = start + (n as f64 * step + jitter) as i64;
        let published = Timestamp::from_second(published.min(now.as_second()))?;
        let earlier = latest_in_section.insert(leaf.section_id, id);
        let story = archive_story(people, edition, leaf, id, published, earlier, &mut rng);
        batch.push((StoryId(id), story));
        if batch.len() == BATCH || n + 1 == stories {
            sink.write(&batch).await?;
            batch.clear();
            progress(n as u64 + 1, stories as u64);
        }
    }
    sink.finish().await?;
    Ok(stories)
}

/// One archive story, published at `published`.
fn archive_story(
    people: &People,
    edition: &EditionArchive,
    leaf: &ArchiveLeaf,
    id: i64,
    published: Timestamp,
    earlier: Option<i64>,
    rng: &mut Rng,
) -> NewStory {
    let kind = leaf.kind;
    let opinion = kind == StoryKind::Opinion;
    // A short article gives the headline and standfirst; the body comes from the pool.
    let heading = text::write_article(edition.lang, leaf.subject, opinion, 40, rng);
    let pooled = rng.pick(&leaf.articles);
    let with_image = matches!(kind, StoryKind::Gallery | StoryKind::Video) || rng.chance(85);
    let photo = |rng: &mut Rng| (!edition.photos.is_empty()).then(|| *rng.pick(&edition.photos));
    let hero_image_id = with_image.then(|| photo(rng)).flatten();
    let gallery = match kind {
        StoryKind::Gallery => (0..4)
            .filter_map(|_| {
                Some(GalleryItem {
                    image_id: photo(rng)?,
                    caption: text::photo_caption(edition.lang, leaf.subject, rng),
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    let updated_at = match rng.chance(25) {
        true => published
            .checked_add(SignedDuration::from_mins(20 + rng.below(300) as i64))
            .unwrap_or(published),
        false => published,
    };
    NewStory {
        edition_id: edition.edition_id,
        status: StoryStatus::Published,
        owner_id: None,
        published_at: Some(published),
        updated_at,
        fields: StoryFields {
            kind,
            slug: format!("{}-{id}", slugify(&heading.headline, 70)),
            headline: heading.headline,
            standfirst: Some(heading.standfirst),
            section_id: Some(leaf.section_id),
            secondary_section_ids: Vec::new(),
            body: pooled.body.clone(),
            credits: people.byline(edition.lang, kind, rng),
            dateline: pooled.dateline.clone(),
            hero_image_id,
            topic_ids: pick_topics(&leaf.topic_ids, rng),
            keyword_ids: pooled.keyword_ids.clone(),
            recommended_ids: earlier.filter(|_| rng.chance(30)).into_iter().collect(),
            gallery,
            video_url: (kind == StoryKind::Video)
                .then(|| "https://www.youtube.com/watch?v=aqz-KE-bpKQ".to_string()),
            seo_title: None,
            seo_description: None,
        },
    }
}
